"""Batch mode: check many workbooks in parallel, compare them, write OUT/rekap.xlsx.

`run_batch(inputs, out_dir, jobs=None, force=False, lang="id", write_corrected=True)`
expands folders (recursively: *.xlsx/.xlsm, and .xls/.ods so that the office
learns why they cannot be read; lock files "~$…" and our own outputs
"*_terkoreksi.xlsx" / "rekap.xlsx" are skipped), checks each workbook in a
process pool (read → run_checks → corrected workbook OUT/<stem>_terkoreksi.xlsx),
then runs the checks across workbooks (rules/_batch.py):

* W901 batch.peer_figures — Tabel 3.12's figures of a peer kecamatan against the
  peer's own workbook (Tabel 3.2, else 3.9) when it is in the batch;
* W902 batch.scales — offices of one kabupaten and year printing different
  reference scales (Tabel 3.1, 3.4, 3.6).

A file that cannot be read gets its row in the recap with the reason; it never
stops the batch. Exit code: 2 if any workbook could not be read (or its output
could not be written), else 1 if any has an error-level finding, else 0.
"""

from __future__ import annotations

import os
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from .errors import LkjError
from .findings import SEVERITIES, Finding
from .numbers import format_id
from .rules import _batch as batch_rules

batch_rules._register()

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".ods"}
RECAP_NAME = "rekap.xlsx"
CORRECTED_SUFFIX = "_terkoreksi"
SCALE_TABLES = ("3.1", "3.4", "3.6")


# ------------------------------------------------------------------ inputs


def _skip(p: Path) -> bool:
    name = p.name
    low = name.lower()
    return (
        name.startswith("~$") or name.startswith(".") or low == RECAP_NAME or p.stem.lower().endswith(CORRECTED_SUFFIX)
    )


def expand_inputs(inputs: Iterable[Path], out_dir: Path | None = None) -> list[Path]:
    """Files to check, in a stable order: folders are searched recursively, duplicates dropped."""
    out_res = out_dir.resolve() if out_dir is not None else None
    seen: set[Path] = set()
    files: list[Path] = []
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            found = sorted(
                (p for p in item.rglob("*") if p.suffix.lower() in WORKBOOK_SUFFIXES and p.is_file()),
                key=lambda p: str(p).lower(),
            )
            found = [p for p in found if not _skip(p)]
            if out_res is not None:
                found = [p for p in found if out_res not in p.resolve().parents]
        else:
            found = [item]  # named explicitly: always checked (a missing file gets its row)
        for p in found:
            key = p.resolve() if p.exists() else p.absolute()
            if key not in seen:
                seen.add(key)
                files.append(p)
    return files


def _output_names(files: list[Path]) -> list[str]:
    """<stem>_terkoreksi.xlsx per input; stems that repeat get _2, _3, … in input order."""
    count: Counter[str] = Counter()
    names = []
    for p in files:
        stem = p.stem
        count[stem.lower()] += 1
        n = count[stem.lower()]
        names.append(f"{stem}{CORRECTED_SUFFIX}.xlsx" if n == 1 else f"{stem}_{n}{CORRECTED_SUFFIX}.xlsx")
    return names


# ------------------------------------------------------------------ one workbook (runs in a worker)


def _has_module(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def norm_office(name: Any) -> str:
    """Office name for matching: case and punctuation folded, "Kecamatan"/"Kec." left out."""
    s = str(name or "").lower()
    s = re.sub(r"[^\w ]", " ", s)
    s = re.sub(r"\b(kecamatan|kec|kantor|camat)\b", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def _cell_info(cell: Any) -> dict[str, Any]:
    return {"value": cell.value, "decimals": cell.decimals, "text": cell.text, "address": cell.address}


_FIG_COL = re.compile(r"^(target|realisasi)_(\d{4})$")


def _figures(wb: Any) -> dict[str, dict[str, Any]]:
    """The office's own target/realisasi per indicator and year: Tabel 3.2 first, then 3.9."""
    out: dict[str, dict[str, Any]] = {}
    t = wb.table("3.2")
    if t is not None and wb.year:
        for row in t.data_rows():
            key = row.row_id or norm_office(row.label)
            for kind in ("target", "realisasi"):
                c = row.get(kind)
                if c is not None and c.value is not None:
                    out.setdefault(f"{key}|{kind}|{wb.year}", _cell_info(c))
    t = wb.table("3.9")
    if t is not None:
        for row in t.data_rows():
            key = row.row_id or norm_office(row.label)
            for cid, c in row.cells.items():
                m = _FIG_COL.match(cid)
                if m and c.value is not None:
                    out.setdefault(f"{key}|{m.group(1)}|{m.group(2)}", _cell_info(c))
    return out


def _rows_312(wb: Any) -> list[dict[str, Any]]:
    t = wb.table("3.12")
    if t is None:
        return []
    rows = []
    for row in t.data_rows():
        kc = row.get("kecamatan")
        figs = {}
        for cid, c in row.cells.items():
            m = _FIG_COL.match(cid)
            if m and c.value is not None:
                figs[cid] = {**_cell_info(c), "kind": m.group(1), "year": int(m.group(2))}
        rows.append(
            {
                "kecamatan": kc.text if kc is not None else "",
                "indicator": row.row_id or norm_office(row.label),
                "label": row.label,
                "figures": figs,
            }
        )
    return rows


def _scales(wb: Any) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for tid in SCALE_TABLES:
        t = wb.table(tid)
        if t is None:
            continue
        label_col = next((c.id for c in t.spec.columns if c.id not in ("no", "interval") and not c.numeric), None)
        rows = []
        for row in t.data_rows():
            iv = row.get("interval")
            lab = row.get(label_col) if label_col else None
            if iv is None and lab is None:
                continue
            rows.append(
                {
                    "interval": iv.text if iv is not None else "",
                    "label": lab.text if lab is not None else row.label,
                    "address": (iv or lab).address,
                }
            )
        if rows:
            out[tid] = rows
    return out


def _penyerapan(wb: Any) -> dict[str, Any] | None:
    t = wb.table("3.16")
    if t is None:
        return None
    tot = t.total_row()
    if tot is None:
        return None
    pc = tot.get("persen")
    if pc is not None and pc.value is not None:
        return {"value": pc.value, "source": "printed", "address": pc.address}
    a, r = tot.get("anggaran"), tot.get("realisasi")
    if a is not None and r is not None and a.value and r.value is not None:
        return {"value": round(r.value / a.value * 100, 2), "source": "computed", "address": r.address}
    return None


def _indicators(wb: Any) -> list[dict[str, Any]]:
    keep = (
        "id",
        "name",
        "label",
        "table",
        "satuan",
        "target",
        "realisasi",
        "capaian",
        "capaian_computed",
        "target_text",
        "realisasi_text",
        "capaian_text",
        "category",
        "category_kinerja",
        "capaian_category",
        "cells",
    )
    if _has_module("lkj_excel.write.summary"):
        try:
            from .write.summary import key_indicators

            return [{k: e.get(k) for k in keep} for e in key_indicators(wb)]
        except ImportError:
            pass
    out = []
    t = wb.table("3.2")
    for row in t.data_rows() if t is not None else ():
        vals = {k: row.get(k) for k in ("target", "realisasi", "capaian")}
        out.append(
            {
                "id": row.row_id,
                "name": row.label,
                "label": row.label,
                "table": "3.2",
                **{k: (c.value if c is not None else None) for k, c in vals.items()},
                "category": None,
            }
        )
    return out


def check_one(path: str, out_path: str | None, force: bool = False, lang: str = "id") -> dict[str, Any]:
    """Read, check and (optionally) correct one workbook; return a small picklable result."""
    from .check import run_checks
    from .findings import summary
    from .read.load import DEFAULT_BACKEND
    from .read.reader import read_workbook

    t0 = time.perf_counter()
    p = Path(path)
    res: dict[str, Any] = {
        "file": p.name,
        "path": path,
        "status": "ok",
        "reason": None,
        "office": None,
        "kabupaten": None,
        "year": None,
        "counts": {s: 0 for s in SEVERITIES},
        "indicators": [],
        "penyerapan": None,
        "findings": [],
        "rows_312": [],
        "figures": {},
        "scales": {},
        "corrected": None,
        "output_error": None,
    }
    try:
        wb = read_workbook(p, backend=DEFAULT_BACKEND)
    except LkjError as e:
        res.update(status="unreadable", reason=e.message(lang), key=e.key)
        res["seconds"] = time.perf_counter() - t0
        return res
    except Exception as e:  # a reader bug must not stop the batch
        res.update(
            status="failed",
            reason=f"{type(e).__name__}: {e}"[:300],
            key="internal",
            trace=traceback.format_exc()[-2000:],
        )
        res["seconds"] = time.perf_counter() - t0
        return res
    res.update(office=wb.office, kabupaten=wb.kabupaten, year=wb.year)
    try:
        findings = run_checks(wb)
        res["counts"] = summary(findings)
        res["findings"] = [{"file": p.name, **f.to_dict(lang)} for f in findings]
        res["indicators"] = _indicators(wb)
        res["penyerapan"] = _penyerapan(wb)
        res["rows_312"] = _rows_312(wb)
        res["figures"] = _figures(wb)
        res["scales"] = _scales(wb)
    except Exception as e:
        res.update(
            status="failed",
            reason=f"{type(e).__name__}: {e}"[:300],
            key="internal",
            trace=traceback.format_exc()[-2000:],
        )
        res["seconds"] = time.perf_counter() - t0
        return res
    if out_path is not None and _has_module("lkj_excel.write.corrected"):
        try:
            from .write.corrected import write_corrected

            hook = None
            if _has_module("lkj_excel.write.summary"):
                from .write.summary import extra_sheets_hook

                hook = extra_sheets_hook(wb, findings, lang)
            write_corrected(wb, findings, Path(out_path), force=force, lang=lang, extra_sheets=hook)
            res["corrected"] = out_path
        except LkjError as e:
            res["output_error"] = e.message(lang)
        except Exception as e:
            res["output_error"] = f"{type(e).__name__}: {e}"[:300]
            res["trace"] = traceback.format_exc()[-2000:]
    res["seconds"] = time.perf_counter() - t0
    return res


def _check_args(a: tuple[str, str | None, bool, str]) -> dict[str, Any]:
    return check_one(*a)


# ------------------------------------------------------------------ running


def _warm_up() -> None:
    """Import and cache what every worker needs, so forked workers start warm."""
    from . import check  # noqa: F401
    from .read import fastload, reader  # noqa: F401
    from .rules import load_rules
    from .spec import load_all

    load_rules()
    load_all(None)


def _pool_context() -> Any:
    import multiprocessing as mp

    if sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    return None


def process_all(
    tasks: list[tuple[str, str | None, bool, str]], jobs: int, progress: Callable[[int], None] | None = None
) -> list[dict[str, Any]]:
    """Run check_one over the tasks; results in task order."""
    results: list[dict[str, Any] | None] = [None] * len(tasks)
    if jobs <= 1 or len(tasks) <= 1:
        for i, t in enumerate(tasks):
            results[i] = check_one(*t)
            if progress:
                progress(1)
        return [r for r in results if r is not None]
    _warm_up()
    from .runtime import tune_gc

    tune_gc()  # before forking: the workers inherit it
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=_pool_context()) as ex:
        futs = {ex.submit(check_one, *t): i for i, t in enumerate(tasks)}
        for fut in as_completed(futs):
            i = futs[fut]
            try:
                results[i] = fut.result()
            except Exception as e:  # a worker died (memory, signal): record it, go on
                path = tasks[i][0]
                results[i] = {
                    "file": Path(path).name,
                    "path": path,
                    "status": "failed",
                    "reason": f"{type(e).__name__}: {e}"[:300],
                    "key": "internal",
                    "office": None,
                    "kabupaten": None,
                    "year": None,
                    "counts": {s: 0 for s in SEVERITIES},
                    "indicators": [],
                    "penyerapan": None,
                    "findings": [],
                    "rows_312": [],
                    "figures": {},
                    "scales": {},
                    "corrected": None,
                    "output_error": None,
                }
            if progress:
                progress(1)
    return [r for r in results if r is not None]


# ------------------------------------------------------------------ checks across workbooks


def _agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Equal at the coarser of the two printed precisions."""
    d = min(x for x in (a.get("decimals"), b.get("decimals"), 6) if x is not None)
    return abs(a["value"] - b["value"]) <= 0.5 * 10 ** (-d) + 1e-9


def _finding(
    code: str,
    name: str,
    severity: str,
    sheet: str,
    cell: str,
    found: Any,
    expected: Any,
    related: list[str],
    table: str,
    **params: Any,
) -> Finding:
    return Finding(
        code=code,
        rule=name,
        severity=severity,
        sheet=sheet,
        cell=cell,
        found=None if found is None else str(found),
        expected=None if expected is None else str(expected),
        message_key=name,
        params={"sheet": sheet, "cell": cell, "found": found, "expected": expected, **params},
        related=related,
        table=table,
    )


_KIND = {"id": {"target": "target", "realisasi": "realisasi"}, "en": {"target": "target", "realisasi": "result"}}


def peer_findings(results: list[dict[str, Any]]) -> list[tuple[str, Finding]]:
    """W901: Tabel 3.12's peer figures against the peer's own workbook in the batch."""
    ok = [r for r in results if r["status"] == "ok"]
    by_office: dict[str, list[dict[str, Any]]] = {}
    for r in ok:
        if r.get("office"):
            by_office.setdefault(norm_office(r["office"]), []).append(r)
    out: list[tuple[str, Finding]] = []
    for r in ok:
        own = norm_office(r.get("office"))
        for row in r["rows_312"]:
            peer = norm_office(row["kecamatan"])
            if not peer or peer == own:
                continue
            cands = [w for w in by_office.get(peer, []) if w is not r]
            cands.sort(key=lambda w: (w.get("year") != r.get("year"), w["file"]))
            for fig in row["figures"].values():
                key = f"{row['indicator']}|{fig['kind']}|{fig['year']}"
                for w in cands:
                    other = w["figures"].get(key)
                    if other is None:
                        continue
                    if not _agree(fig, other):
                        sheet, cell = fig["address"].rsplit("!", 1)
                        other_addr = f"{w['file']}:{other['address']}"
                        out.append(
                            (
                                r["file"],
                                _finding(
                                    batch_rules.PEER_CODE,
                                    batch_rules.PEER_RULE,
                                    "warning",
                                    sheet,
                                    cell,
                                    fig["text"],
                                    other["text"],
                                    [other_addr],
                                    "3.12",
                                    file=r["file"],
                                    peer=row["kecamatan"],
                                    peer_file=w["file"],
                                    other=other_addr,
                                    what=f"{fig['kind']} {row['label']}".strip(),
                                    year=fig["year"],
                                ),
                            )
                        )
                    break  # the best candidate holding the figure decides
    return out


def _scale_sig(rows: list[dict[str, Any]]) -> tuple:
    return tuple(
        (re.sub(r"\s+", "", x["interval"]).lower(), re.sub(r"\s+", " ", x["label"]).strip().lower()) for x in rows
    )


def scale_findings(results: list[dict[str, Any]]) -> list[tuple[str, Finding]]:
    """W902: offices of one kabupaten and year printing different reference scales."""
    groups: dict[tuple[str, Any], list[dict[str, Any]]] = {}
    for r in results:
        if r["status"] == "ok" and r.get("kabupaten") and r.get("year"):
            groups.setdefault((norm_office(r["kabupaten"]), r["year"]), []).append(r)
    out: list[tuple[str, Finding]] = []
    for (_kab, year), members in sorted(groups.items(), key=lambda kv: str(kv[0])):
        if len(members) < 2:
            continue
        for tid in SCALE_TABLES:
            printed = [(m, m["scales"][tid]) for m in members if tid in m["scales"]]
            if len(printed) < 2:
                continue
            sigs = Counter(_scale_sig(rows) for _, rows in printed)
            if len(sigs) < 2:
                continue
            # The scale most offices print (ties: the one of the first file) is the yardstick.
            order = {s: i for i, s in reversed(list(enumerate(_scale_sig(rows) for _, rows in printed)))}
            major = max(sigs, key=lambda s: (sigs[s], -order[s]))
            ref_m, ref_rows = next((m, rows) for m, rows in printed if _scale_sig(rows) == major)
            for m, rows in printed:
                if _scale_sig(rows) == major:
                    continue
                sig, ref_sig = _scale_sig(rows), major
                i = next(
                    (
                        k
                        for k in range(max(len(sig), len(ref_sig)))
                        if k >= len(sig) or k >= len(ref_sig) or sig[k] != ref_sig[k]
                    ),
                    0,
                )
                mine = rows[min(i, len(rows) - 1)]
                theirs = ref_rows[min(i, len(ref_rows) - 1)]
                sheet, cell = mine["address"].rsplit("!", 1)
                other_addr = f"{ref_m['file']}:{theirs['address']}"
                out.append(
                    (
                        m["file"],
                        _finding(
                            batch_rules.SCALES_CODE,
                            batch_rules.SCALES_RULE,
                            "info",
                            sheet,
                            cell,
                            mine["interval"] if i < len(rows) else "-",
                            theirs["interval"] if i < len(ref_rows) else "-",
                            [other_addr],
                            tid,
                            file=m["file"],
                            other_file=ref_m["file"],
                            other=other_addr,
                            tid=tid,
                            label=mine["label"],
                            kabupaten=m["kabupaten"],
                            year=year,
                        ),
                    )
                )
    return out


def cross_checks(results: list[dict[str, Any]]) -> list[tuple[str, Finding]]:
    """Every check across workbooks: (file name, finding)."""
    return peer_findings(results) + scale_findings(results)


# ------------------------------------------------------------------ recap workbook

_HEAD = {
    "id": {
        "file": "Berkas",
        "office": "Perangkat Daerah",
        "kabupaten": "Kabupaten/Kota",
        "year": "Tahun",
        "status": "Status",
        "reason": "Keterangan",
        "error": "Kesalahan",
        "warning": "Peringatan",
        "info": "Info",
        "penyerapan": "Penyerapan Anggaran (%)",
        "corrected": "Buku Kerja Terkoreksi",
        "target": "Target",
        "realisasi": "Realisasi",
        "capaian": "Capaian (%)",
        "category": "Kategori",
        "code": "Kode",
        "rule": "Aturan",
        "severity": "Tingkat",
        "table": "Tabel",
        "sheet": "Lembar",
        "cell": "Sel",
        "found": "Tertulis",
        "expected": "Seharusnya",
        "message": "Pesan",
        "related": "Sel Terkait",
        "fix": "Koreksi",
        "ok": "terbaca",
        "unreadable": "tidak terbaca",
        "failed": "gagal diperiksa",
        "rekap": "Rekap",
        "temuan": "Temuan",
        "grafik": "Grafik",
        "chart": "Perbandingan antar perangkat daerah",
        "ikm": "IKM (realisasi)",
        "cross": "(lintas buku kerja)",
    },
    "en": {
        "file": "File",
        "office": "Office",
        "kabupaten": "Regency/City",
        "year": "Year",
        "status": "Status",
        "reason": "Note",
        "error": "Errors",
        "warning": "Warnings",
        "info": "Info",
        "penyerapan": "Budget absorption (%)",
        "corrected": "Corrected workbook",
        "target": "Target",
        "realisasi": "Result",
        "capaian": "Achievement (%)",
        "category": "Category",
        "code": "Code",
        "rule": "Rule",
        "severity": "Severity",
        "table": "Table",
        "sheet": "Sheet",
        "cell": "Cell",
        "found": "Found",
        "expected": "Expected",
        "message": "Message",
        "related": "Related cells",
        "fix": "Correction",
        "ok": "read",
        "unreadable": "unreadable",
        "failed": "check failed",
        "rekap": "Rekap",
        "temuan": "Temuan",
        "grafik": "Grafik",
        "chart": "Offices compared",
        "ikm": "IKM (result)",
        "cross": "(across workbooks)",
    },
}


def _indicator_columns(results: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(indicator id, display name) in first-seen order."""
    seen: dict[str, str] = {}
    for r in results:
        for e in r.get("indicators", []):
            iid = e.get("id") or e.get("name") or ""
            if iid and iid not in seen:
                seen[iid] = str(e.get("name") or e.get("label") or iid)
    return list(seen.items())


def _ind_by_id(r: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {(e.get("id") or e.get("name") or ""): e for e in r.get("indicators", [])}


def write_recap(path: Path, results: list[dict[str, Any]], cross: list[tuple[str, Finding]], lang: str = "id") -> None:
    from .write.atomic import atomic_output
    from .write.xlsx import new_workbook

    h = _HEAD.get(lang, _HEAD["id"])
    # run_batch has refused an existing rekap already unless --force was given.
    with atomic_output(path, force=True) as tmp:
        _write_recap_book(
            new_workbook(tmp),
            h,
            results,
            cross,
            lang,
        )


def _write_recap_book(
    book: Any, h: dict[str, str], results: list[dict[str, Any]], cross: list[tuple[str, Finding]], lang: str
) -> None:
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    num2 = book.add_format({"num_format": "#,##0.00", "valign": "top"})
    intf = book.add_format({"num_format": "0", "valign": "top"})
    red = book.add_format({"font_color": "#9C0006", "bg_color": "#FFC7CE", "valign": "top", "text_wrap": True})

    # --- Rekap
    ws = book.add_worksheet(h["rekap"])
    _print_setup(ws)
    inds = _indicator_columns(results)
    head = [
        h["file"],
        h["office"],
        h["kabupaten"],
        h["year"],
        h["status"],
        h["reason"],
        h["error"],
        h["warning"],
        h["info"],
    ]
    for _iid, name in inds:
        head += [f"{name} – {h[k]}" for k in ("target", "realisasi", "capaian", "category")]
    head += [h["penyerapan"], h["corrected"]]
    ws.write_row(0, 0, head, bold)
    ws.set_row(0, 45)
    for i, r in enumerate(results, start=1):
        status = h.get(r["status"], r["status"])
        reason = r.get("reason") or r.get("output_error") or ""
        ws.write_string(i, 0, r["file"], wrap)
        ws.write(i, 1, r.get("office") or "", wrap)
        ws.write(i, 2, r.get("kabupaten") or "", wrap)
        if r.get("year"):
            ws.write_number(i, 3, r["year"], intf)
        ws.write_string(i, 4, status, red if r["status"] != "ok" else wrap)
        ws.write_string(i, 5, reason, red if reason else wrap)
        for k, key in enumerate(("error", "warning", "info")):
            ws.write_number(i, 6 + k, r["counts"].get(key, 0), intf)
        col = 9
        by = _ind_by_id(r)
        for iid, _name in inds:
            e = by.get(iid, {})
            for key in ("target", "realisasi", "capaian"):
                v = e.get(key)
                if key == "capaian" and v is None:
                    v = e.get("capaian_computed")
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    ws.write_number(i, col, v, num2)
                col += 1
            cat = e.get("category") or e.get("capaian_category")
            if e.get("category_kinerja") and e.get("category"):
                cat = f"{e['category']} ({e['category_kinerja']})"
            if cat:
                ws.write_string(i, col, str(cat), wrap)
            col += 1
        pz = r.get("penyerapan")
        if pz and pz.get("value") is not None:
            ws.write_number(i, col, pz["value"], num2)
        col += 1
        if r.get("corrected"):
            ws.write_string(i, col, Path(r["corrected"]).name, wrap)
    ncol = len(head)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(len(results), 1), ncol - 1)
    ws.set_column(0, 0, 30)
    ws.set_column(1, 2, 26)
    ws.set_column(3, 3, 7)
    ws.set_column(4, 4, 14)
    ws.set_column(5, 5, 50)
    ws.set_column(6, 8, 10)
    ws.set_column(9, ncol - 1, 13)

    # --- Temuan
    wt = book.add_worksheet(h["temuan"])
    _print_setup(wt)
    cols = [
        "file",
        "code",
        "rule",
        "severity",
        "table",
        "sheet",
        "cell",
        "found",
        "expected",
        "message",
        "related",
        "fix",
    ]
    wt.write_row(0, 0, [h[c] for c in cols], bold)
    n = 0
    for r in results:
        for f in r.get("findings", []):
            n += 1
            _write_finding(wt, n, f, cols, wrap)
    for file, f in cross:
        n += 1
        d = {"file": file, **f.to_dict(lang)}
        _write_finding(wt, n, d, cols, wrap)
    wt.freeze_panes(1, 1)
    wt.autofilter(0, 0, max(n, 1), len(cols) - 1)
    for c, w in enumerate((28, 7, 24, 10, 7, 14, 7, 16, 16, 80, 30, 12)):
        wt.set_column(c, c, w)

    # --- Grafik: IKM realisasi and penyerapan per office
    ok = [r for r in results if r["status"] == "ok"]
    if ok:
        wg = book.add_worksheet(h["grafik"])
        wg.write_row(0, 0, [h["office"], h["ikm"], h["penyerapan"]], bold)
        for i, r in enumerate(ok, start=1):
            wg.write_string(i, 0, r.get("office") or r["file"])
            e = _ind_by_id(r).get("ikm", {})
            if isinstance(e.get("realisasi"), (int, float)):
                wg.write_number(i, 1, e["realisasi"], num2)
            pz = r.get("penyerapan")
            if pz and pz.get("value") is not None:
                wg.write_number(i, 2, pz["value"], num2)
        wg.freeze_panes(1, 0)
        wg.set_column(0, 0, 30)
        wg.set_column(1, 2, 16)
        chart = book.add_chart({"type": "column"})
        sheet = h["grafik"]
        for c in (1, 2):
            chart.add_series(
                {
                    "name": [sheet, 0, c],
                    "categories": [sheet, 1, 0, len(ok), 0],
                    "values": [sheet, 1, c, len(ok), c],
                    "data_labels": {"value": len(ok) <= 12, "num_format": "0.00"},
                }
            )
        chart.set_title({"name": h["chart"]})
        chart.set_y_axis({"min": 0, "num_format": "0"})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": min(1800, 320 + 60 * len(ok)), "height": 420})
        wg.insert_chart(1, 4, chart)
    ws.activate()
    book.close()


def _print_setup(ws: Any) -> None:
    """Wide sheets print on A4 landscape, one page wide, header row repeated."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)


def _write_finding(ws: Any, row: int, f: dict[str, Any], cols: list[str], fmt: Any) -> None:
    for c, key in enumerate(cols):
        v = f.get(key)
        if key == "related":
            v = ", ".join(v or [])
        if v is None or v == "":
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            ws.write_number(row, c, v)
        else:
            ws.write_string(row, c, str(v), fmt)


# ------------------------------------------------------------------ entry point


def _echo(msg: str, err: bool = False) -> None:
    import click

    click.echo(msg, err=err)


def run_batch(
    inputs: list[Path],
    out_dir: Path,
    jobs: int | None = None,
    force: bool = False,
    lang: str = "id",
    write_corrected: bool = True,
) -> int:
    """Check every workbook of `inputs` (files and folders); write OUT/rekap.xlsx; return the exit code."""
    import click

    id_ = lang != "en"
    out_dir = Path(out_dir)
    files = expand_inputs(inputs, out_dir)
    if not files:
        _echo("Tidak ada berkas .xlsx untuk diperiksa." if id_ else "No .xlsx files to check.", err=True)
        return 2
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        _echo(f"{out_dir}: {e}", err=True)
        return 2
    recap = out_dir / RECAP_NAME
    if recap.exists() and not force:
        _echo(LkjError("out.exists", path=str(recap)).message(lang), err=True)
        return 2
    names = _output_names(files)
    tasks = [
        (str(p), str(out_dir / n) if write_corrected else None, force, lang) for p, n in zip(files, names, strict=True)
    ]
    jobs = max(1, jobs or os.cpu_count() or 1)
    t0 = time.perf_counter()
    if sys.stderr.isatty() and len(tasks) > 1:
        with click.progressbar(length=len(tasks), file=sys.stderr, label="Memeriksa" if id_ else "Checking") as bar:
            results = process_all(tasks, jobs, bar.update)
    else:
        results = process_all(tasks, jobs)
    cross = cross_checks(results)
    write_recap(recap, results, cross, lang)
    elapsed = time.perf_counter() - t0

    bad = [r for r in results if r["status"] != "ok"]
    out_err = [r for r in results if r.get("output_error")]
    totals: Counter[str] = Counter()
    for r in results:
        totals.update(r["counts"])
    for _file, f in cross:
        totals[f.severity] += 1
    if id_:
        _echo(
            f"{len(results)} buku kerja diperiksa dalam {format_id(elapsed, 1)} detik: "
            f"{len(results) - len(bad)} terbaca, "
            f"{len(bad)} tidak terbaca."
        )
        _echo(
            f"Temuan: {totals['error']} kesalahan, {totals['warning']} peringatan, {totals['info']} info "
            f"({len(cross)} lintas buku kerja)."
        )
    else:
        _echo(
            f"{len(results)} workbooks checked in {elapsed:.1f} s: {len(results) - len(bad)} read, "
            f"{len(bad)} unreadable."
        )
        _echo(
            f"Findings: {totals['error']} errors, {totals['warning']} warnings, {totals['info']} info "
            f"({len(cross)} across workbooks)."
        )
    for r in bad:
        _echo(f"  {r['file']}: {r['reason']}", err=True)
    for r in out_err:
        _echo(f"  {r['file']}: {r['output_error']}", err=True)
    _echo(f"Rekap: {recap}")
    if bad or out_err:
        return 2
    if any(r["counts"].get("error", 0) for r in results):
        return 1
    return 0
