"""The report sheets: Ringkasan (summary and charts), Temuan (one row per finding)
and Checklist Reviu (findings mapped to the Inspektorat's reviu questions).

The data behind them (`key_indicators`, `checklist_items`, `chart_data`, the
counts) is computed here once and shared with the HTML report.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ..findings import SEVERITIES, Finding, sort_key
from ..formulas import capaian_point
from ..model import Row, Table, Workbook
from ..numbers import format_id
from ..spec import load_all, load_aux, normalise, table_sort_key

SHEET_RINGKASAN = "Ringkasan"
SHEET_TEMUAN = "Temuan"
SHEET_CHECKLIST = "Checklist Reviu"

# Where the chart data is written on the Ringkasan sheet (hidden columns).
HELPER_COL = 40  # column AO

SEVERITY_LABEL = {
    "id": {"error": "Kesalahan", "warning": "Peringatan", "info": "Info"},
    "en": {"error": "Error", "warning": "Warning", "info": "Info"},
}
STATUS_LABEL = {
    "id": {"dikoreksi": "dikoreksi", "perlu diperiksa": "perlu diperiksa"},
    "en": {"dikoreksi": "corrected", "perlu diperiksa": "to review"},
}
ANSWER_LABEL = {
    "id": {"ya": "Ya", "tidak": "Tidak", "periksa": "Perlu diperiksa"},
    "en": {"ya": "Yes", "tidak": "No", "periksa": "To review"},
}

_MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

L: dict[str, dict[str, str]] = {
    "id": {
        "title": "Ringkasan Pemeriksaan Tabel LKjIP",
        "office": "Perangkat Daerah",
        "kabupaten": "Kabupaten/Kota",
        "year": "Tahun Laporan",
        "file": "Berkas masukan",
        "date": "Tanggal pemeriksaan",
        "tool": "Alat",
        "by_severity": "Jumlah temuan menurut tingkat",
        "by_table": "Jumlah temuan menurut tabel",
        "total": "Jumlah",
        "table": "Tabel",
        "no_findings": "Tidak ada temuan.",
        "missing": "Tabel standar yang tidak ditemukan",
        "notes": "Catatan pembacaan",
        "key": "Indikator kinerja utama",
        "key_src": "Sumber: Tabel {tables}; kategori dihitung dari realisasi menurut skala acuan.",
        "no_key": "Tidak ada indikator kinerja yang terbaca (Tabel 3.2, 3.5, 3.7, 3.9).",
        "indicator": "Indikator",
        "target": "Target",
        "realisasi": "Realisasi",
        "capaian": "% Capaian (tercetak)",
        "capaian_calc": "% Capaian (dihitung)",
        "category": "Kategori",
        "kinerja": "Kinerja",
        "capaian_cat": "Tingkat capaian",
        "source": "Sumber",
        "charts": "Grafik",
        "chart_trend": "Realisasi indikator kinerja {y0}–{y1} (Tabel 3.9)",
        "chart_peer": "Perbandingan realisasi {year} dengan kecamatan lain (Tabel 3.12)",
        "chart_abs": "Penyerapan anggaran per program (Tabel 3.17, %)",
        "chart_skip": 'Grafik "{chart}" tidak dibuat: {reason}',
        "reason_missing": "Tabel {table} tidak ditemukan.",
        "reason_empty": "Tabel {table} tidak memuat angka yang dapat digambar.",
        "trend_name": "Realisasi per tahun",
        "peer_name": "Perbandingan dengan kecamatan lain",
        "abs_name": "Penyerapan anggaran per program",
        "helper": "Data grafik (tersembunyi)",
        "year_axis": "Tahun",
        "value_axis": "Nilai",
        "pct_axis": "Persen",
        # Temuan
        "t_title": "Daftar Temuan",
        "code": "Kode",
        "severity": "Tingkat",
        "cell": "Sel",
        "found": "Ditemukan",
        "expected": "Seharusnya",
        "message": "Pesan",
        "status": "Status",
        "related": "Sel terkait",
        "open_cell": "Buka sel {cell} di lembar keluaran",
        # Checklist
        "c_title": "Checklist Reviu Laporan Kinerja",
        "c_intro": "Pertanyaan reviu Inspektorat (PermenPANRB 53/2014; kriteria pelaporan PermenPANRB 88/2021) "
        "dan temuan alat ini yang menjawabnya.",
        "no": "No",
        "question": "Pertanyaan reviu",
        "answer": "Jawaban",
        "count": "Jumlah temuan",
        "codes": "Kode temuan",
        "cells": "Sel",
        "note": "Keterangan",
    },
    "en": {
        "title": "LKjIP Table Check — Summary",
        "office": "Office",
        "kabupaten": "Regency/City",
        "year": "Report year",
        "file": "Input file",
        "date": "Checked on",
        "tool": "Tool",
        "by_severity": "Findings by severity",
        "by_table": "Findings by table",
        "total": "Total",
        "table": "Table",
        "no_findings": "No findings.",
        "missing": "Standard tables not found",
        "notes": "Reading notes",
        "key": "Key performance indicators",
        "key_src": "Source: Tabel {tables}; categories computed from realisasi on the reference scales.",
        "no_key": "No performance indicator could be read (Tabel 3.2, 3.5, 3.7, 3.9).",
        "indicator": "Indicator",
        "target": "Target",
        "realisasi": "Realisasi",
        "capaian": "% Capaian (printed)",
        "capaian_calc": "% Capaian (computed)",
        "category": "Category",
        "kinerja": "Performance",
        "capaian_cat": "Capaian level",
        "source": "Source",
        "charts": "Charts",
        "chart_trend": "Indicator realisasi {y0}–{y1} (Tabel 3.9)",
        "chart_peer": "Realisasi {year} compared with other kecamatan (Tabel 3.12)",
        "chart_abs": "Budget absorption per program (Tabel 3.17, %)",
        "chart_skip": 'Chart "{chart}" not drawn: {reason}',
        "reason_missing": "Tabel {table} was not found.",
        "reason_empty": "Tabel {table} has no figures to draw.",
        "trend_name": "Realisasi over the years",
        "peer_name": "Comparison with other kecamatan",
        "abs_name": "Budget absorption per program",
        "helper": "Chart data (hidden)",
        "year_axis": "Year",
        "value_axis": "Value",
        "pct_axis": "Percent",
        "t_title": "Findings",
        "code": "Code",
        "severity": "Severity",
        "cell": "Cell",
        "found": "Found",
        "expected": "Expected",
        "message": "Message",
        "status": "Status",
        "related": "Related cells",
        "open_cell": "Open cell {cell} in the output sheet",
        "c_title": "Reviu Checklist",
        "c_intro": "The Inspektorat's reviu questions (PermenPANRB 53/2014; reporting criteria of PermenPANRB "
        "88/2021) and the findings of this tool that answer them.",
        "no": "No",
        "question": "Reviu question",
        "answer": "Answer",
        "count": "Findings",
        "codes": "Codes",
        "cells": "Cells",
        "note": "Notes",
    },
}


def text(key: str, lang: str = "id", **params: Any) -> str:
    t = L.get(lang, L["id"]).get(key) or L["id"][key]
    return t.format(**params) if params else t


def severity_label(sev: str, lang: str = "id") -> str:
    return SEVERITY_LABEL.get(lang, SEVERITY_LABEL["id"]).get(sev, sev)


def status_label(status: str, lang: str = "id") -> str:
    return STATUS_LABEL.get(lang, STATUS_LABEL["id"]).get(status, status)


def answer_label(answer: str, lang: str = "id") -> str:
    return ANSWER_LABEL.get(lang, ANSWER_LABEL["id"]).get(answer, answer)


def format_date(d: date, lang: str = "id") -> str:
    if lang == "id":
        return f"{d.day} {_MONTHS_ID[d.month - 1]} {d.year}"
    return d.strftime("%d %B %Y").lstrip("0")


def table_label(tid: str | None) -> str:
    if not tid:
        return "-"
    return f"Tabel {tid}" if re.match(r"\d+\.\d+$", tid) else tid


def table_titles(wb: Workbook) -> dict[str, str]:
    titles = {s.id: s.title for s in load_all(wb.year)}
    for tid, t in wb.tables.items():
        titles[tid] = t.spec.title
    return titles


def address(sheet: str, cell: str) -> str:
    return f"{sheet}!{cell}" if cell else sheet


# ---------------------------------------------------------------- scales


def classify(value: float | None, scale: dict[str, Any]) -> dict[str, Any] | None:
    """The band of `scale` (a table of `_scales.toml`) holding `value`, or None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    v = round(value, scale["decimals"]) if "decimals" in scale else value
    bands = scale.get("bands", [])
    upper_incl = bool(scale.get("upper_inclusive"))
    lowest = min((b["lower"] for b in bands), default=None)
    for b in bands:
        lo, hi = b["lower"], b["upper"]
        if upper_incl:
            ok = (lo < v or (b.get("lower_closed", lo == lowest) and v == lo)) and v <= hi
        else:
            ok = (lo < v if b.get("lower_open") else lo <= v) and v < hi
        if ok:
            return b
    return None


def capaian_of(target: float | None, realisasi: float | None, polarity: str = "positive") -> float | None:
    """% capaian as the indicator's polarity defines it (`formulas.capaian_point`)."""
    return capaian_point(polarity, target, realisasi)


# ---------------------------------------------------------------- key indicators


def _report_year(wb: Workbook) -> int | None:
    if wb.year:
        return wb.year
    t = wb.table("3.9")
    years = [int(m.group(1)) for c in (t.spec.columns if t else ()) if (m := re.match(r"target_(\d{4})$", c.id))]
    return max(years) if years else None


def _sources(wb: Workbook) -> list[tuple[str, str, str, str]]:
    y = _report_year(wb)
    out = [(tid, "target", "realisasi", "capaian") for tid in ("3.2", "3.5", "3.7")]
    if y:
        out.append(("3.9", f"target_{y}", f"realisasi_{y}", f"capaian_{y}"))
    return out


def _indicator_entry(
    table: Table, row: Row, cols: tuple[str, str, str], meta: dict[str, Any], scales: dict[str, Any]
) -> dict[str, Any]:
    tcol, rcol, ccol = cols
    cells = {k: row.get(c) for k, c in (("target", tcol), ("realisasi", rcol), ("capaian", ccol))}
    ind = row.get("indikator")
    polarity = meta.get("polarity", "positive")
    target = cells["target"].value if cells["target"] else None
    real = cells["realisasi"].value if cells["realisasi"] else None
    cap = cells["capaian"].value if cells["capaian"] else None
    computed = capaian_of(target, real, polarity)
    scale_id = meta.get("scale")
    band = classify(real, scales[scale_id]) if scale_id in scales else None
    cap_band = classify(cap if cap is not None else computed, scales["capaian"]) if "capaian" in scales else None
    sat = row.get("satuan")
    return {
        "id": row.row_id,
        "name": meta.get("name") or (ind.text if ind and ind.text else row.label),
        "label": ind.text if ind and ind.text else row.label,
        "table": table.id,
        "sheet": table.sheet,
        "satuan": sat.text if sat and sat.text else None,
        "polarity": polarity,
        "scale": scale_id,
        "target": target,
        "realisasi": real,
        "capaian": cap,
        "capaian_computed": round(computed, 2) if computed is not None else None,
        "target_text": cells["target"].text if cells["target"] else None,
        "realisasi_text": cells["realisasi"].text if cells["realisasi"] else None,
        "capaian_text": cells["capaian"].text if cells["capaian"] else None,
        "category": band["label"] if band else None,
        "category_kinerja": band.get("kinerja") if band else None,
        "capaian_category": cap_band["label"] if cap_band else None,
        "cells": {k: c.address for k, c in cells.items() if c is not None},
    }


def key_indicators(wb: Workbook) -> list[dict[str, Any]]:
    """One entry per key indicator: target, realisasi, % capaian (printed and recomputed)
    and its category on the indicator's scale and on the capaian scale.

    Indicators are the rows of `_indicators.toml`, read from Tabel 3.2, else 3.5,
    3.7 or 3.9; rows of Tabel 3.2 that match no declared indicator follow them.
    """
    meta = {r["id"]: r for r in load_aux("indicators").get("rows", [])}
    scales = load_aux("scales")
    out: list[dict[str, Any]] = []
    for iid, m in meta.items():
        for tid, *cols in _sources(wb):
            t = wb.table(tid)
            row = t.row(iid) if t else None
            if row is None:
                continue
            if all(row.get(c) is None or row.get(c).value is None for c in cols[:2]):
                continue
            out.append(_indicator_entry(t, row, tuple(cols), m, scales))
            break
    t = wb.table("3.2")
    if t:
        for row in t.data_rows():
            if row.row_id is None and (row.get("target") or row.get("realisasi")):
                out.append(_indicator_entry(t, row, ("target", "realisasi", "capaian"), {}, scales))
    return out


# ---------------------------------------------------------------- counts


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    c = Counter(f.severity for f in findings)
    return {s: c.get(s, 0) for s in SEVERITIES}


def table_counts(findings: list[Finding]) -> list[tuple[str | None, dict[str, int]]]:
    """[(table id, {severity: n})] in table order."""
    by: dict[str | None, Counter] = {}
    for f in findings:
        by.setdefault(f.table, Counter())[f.severity] += 1
    keys = sorted(by, key=lambda t: table_sort_key(t or ""))
    return [(k, {s: by[k].get(s, 0) for s in SEVERITIES}) for k in keys]


def group_by_table(findings: list[Finding]) -> list[tuple[str | None, list[Finding]]]:
    groups: dict[str | None, list[Finding]] = {}
    for f in sorted(findings, key=sort_key):
        groups.setdefault(f.table, []).append(f)
    return list(groups.items())


# ---------------------------------------------------------------- checklist


def family(f: Finding) -> str:
    return (f.rule or "").split(".")[0]


ARITHMETIC_FAMILIES = {"totals", "capaian", "penyerapan", "skm", "category", "scale", "ratio", "formula"}
BUDGET_TABLES = {"2.3", "2.4", "3.16", "3.17"}


def _involves(f: Finding, wb: Workbook, tid: str) -> bool:
    if f.table == tid:
        return True
    sheets = {wb.sheet_of.get(tid), f"Tabel {tid}"} - {None}
    if f.sheet in sheets:
        return True
    for r in f.related:
        if r.rsplit("!", 1)[0].strip("'") in sheets:
            return True
    return any(str(v) in (tid, f"Tabel {tid}") for v in f.params.values())


QUESTIONS: list[dict[str, Any]] = [
    {
        "key": "arithmetic",
        "id": "Apakah perhitungan aritmetika (jumlah, % capaian, % penyerapan, nilai IKM, kategori) sudah benar?",
        "en": "Is the arithmetic (totals, % capaian, % absorption, IKM score, categories) correct?",
        "basis": "PermenPANRB 53/2014, reviu: perhitungan capaian",
    },
    {
        "key": "crosstable",
        "id": "Apakah angka antar tabel konsisten?",
        "en": "Are the figures consistent between tables?",
        "basis": "PermenPANRB 53/2014, reviu: keandalan data",
    },
    {
        "key": "pk",
        "id": "Apakah target sesuai dengan Perjanjian Kinerja (Tabel 2.2)?",
        "en": "Do the targets match the Perjanjian Kinerja (Tabel 2.2)?",
        "basis": "PermenPANRB 53/2014, reviu: IKU dan target sesuai PK",
    },
    {
        "key": "budget",
        "id": "Apakah anggaran dan realisasinya sesuai DPPA/LRA?",
        "en": "Do the budget and its realisasi match the DPPA/LRA?",
        "basis": "PermenPANRB 53/2014, reviu: realisasi anggaran sesuai LRA",
    },
    {
        "key": "efficiency",
        "id": "Apakah efisiensi penggunaan sumber daya dilaporkan (Tabel 3.14)?",
        "en": "Is the efficiency of resource use reported (Tabel 3.14)?",
        "basis": "PermenPANRB 88/2021, kriteria pelaporan: efisiensi",
    },
    {
        "key": "narrative",
        "id": "Apakah narasi sesuai dengan angka di tabel?",
        "en": "Does the narrative match the figures in the tables?",
        "basis": "PermenPANRB 88/2021, kriteria pelaporan: penjelasan capaian",
    },
    {
        "key": "form",
        "id": "Apakah tabel lengkap dan sesuai format standar?",
        "en": "Are the tables complete and in the standard format?",
        "basis": "PermenPANRB 53/2014, reviu: format dan isi bab",
    },
]


def _matches(key: str, f: Finding, wb: Workbook) -> bool:
    fam = family(f)
    if key == "arithmetic":
        return fam in ARITHMETIC_FAMILIES
    if key == "crosstable":
        return fam == "crosstable"
    if key == "pk":
        return fam == "crosstable" and _involves(f, wb, "2.2")
    if key == "budget":
        return fam == "budget" or f.code.upper().startswith("B") or (f.table in BUDGET_TABLES)
    if key == "efficiency":
        return fam == "efisiensi" or f.table == "3.14"
    if key == "narrative":
        return fam == "narrative" or f.code.upper().startswith("N")
    if key == "form":
        return fam == "form"
    return False


def _answer(fs: list[Finding]) -> str:
    sev = {f.severity for f in fs}
    if "error" in sev:
        return "tidak"
    if "warning" in sev:
        return "periksa"
    return "ya"


def checklist_items(wb: Workbook, findings: list[Finding], lang: str = "id") -> list[dict[str, Any]]:
    """The reviu questions, each with its answer ("ya" | "tidak" | "periksa"), findings and a note.

    An error among the findings answers "tidak", a warning "periksa", none (or
    only info) "ya"; a question the workbook cannot answer (its table missing)
    is "periksa", except efficiency, which is "tidak" when Tabel 3.14 is absent.
    """
    en = lang == "en"
    out = []
    for n, q in enumerate(QUESTIONS, 1):
        fs = [f for f in sorted(findings, key=sort_key) if _matches(q["key"], f, wb)]
        answer = _answer(fs)
        note = ""
        if q["key"] == "pk" and wb.table("2.2") is None:
            answer = "periksa" if answer == "ya" else answer
            note = "Tabel 2.2 (Perjanjian Kinerja) tidak ditemukan." if not en else "Tabel 2.2 was not found."
        elif q["key"] == "budget" and not any(wb.table(t) for t in BUDGET_TABLES):
            answer = "periksa" if answer == "ya" else answer
            note = (
                "Tabel anggaran (2.3, 2.4, 3.16, 3.17) tidak ditemukan."
                if not en
                else "No budget table (2.3, 2.4, 3.16, 3.17) was found."
            )
        elif q["key"] == "efficiency" and wb.table("3.14") is None:
            answer = "tidak"
            note = "Tabel 3.14 (efisiensi) tidak ditemukan." if not en else "Tabel 3.14 (efficiency) was not found."
        elif q["key"] == "narrative" and not wb.paragraphs and not wb.narrative_sheet:
            answer = "periksa" if answer == "ya" else answer
            note = "Narasi tidak terbaca dari berkas." if not en else "No narrative was read from the file."
        elif q["key"] == "form" and wb.missing:
            answer = "tidak" if answer == "ya" else answer
            miss = ", ".join(wb.missing)
            note = f"Tabel tidak ditemukan: {miss}." if not en else f"Tables not found: {miss}."
        if not note and fs:
            c = severity_counts(fs)
            note = ", ".join(f"{v} {severity_label(s, lang).lower()}" for s, v in c.items() if v)
        out.append(
            {
                "no": n,
                "key": q["key"],
                "question": q["en"] if en else q["id"],
                "basis": q["basis"],
                "answer": answer,
                "count": len(fs),
                "codes": sorted({f.code for f in fs}),
                "cells": [address(f.sheet, f.cell) for f in fs],
                "note": note,
            }
        )
    return out


def _join_limited(items: list[str], limit: int = 25) -> str:
    uniq = list(dict.fromkeys(items))
    s = ", ".join(uniq[:limit])
    if len(uniq) > limit:
        s += f" … (+{len(uniq) - limit})"
    return s


# ---------------------------------------------------------------- chart data


def _year_cols(t: Table, prefix: str) -> list[tuple[int, str]]:
    out = []
    for c in t.spec.columns:
        m = re.match(prefix + r"_(\d{4})$", c.id)
        if m and c.id in t.columns:
            out.append((int(m.group(1)), c.id))
    return sorted(out)


def _row_name(row: Row, key: str = "indikator") -> str:
    c = row.get(key)
    return (c.text if c and c.text else row.label or "").strip()


def _ind_names() -> dict[str, str]:
    return {r["id"]: r.get("name", r["id"]) for r in load_aux("indicators").get("rows", [])}


def chart_data(wb: Workbook, lang: str = "id") -> dict[str, dict[str, Any]]:
    """{chart: {"title", "categories", "series": [(name, [values])]} or {"title", "skip": reason}}."""
    out: dict[str, dict[str, Any]] = {}
    names = _ind_names()
    y = _report_year(wb)

    # Indicators over the years (Tabel 3.9).
    t = wb.table("3.9")
    cols = _year_cols(t, "realisasi") if t else []
    if y:
        cols = [(yy, c) for yy, c in cols if y - 3 <= yy <= y]
    title = text(
        "chart_trend", lang, y0=cols[0][0] if cols else (y - 3 if y else ""), y1=cols[-1][0] if cols else (y or "")
    )
    if t is None:
        out["trend"] = {"title": text("trend_name", lang), "skip": text("reason_missing", lang, table="3.9")}
    else:
        series = []
        for r in t.data_rows():
            vals = [r.get(c).value if r.get(c) else None for _, c in cols]
            if any(v is not None for v in vals):
                series.append((names.get(r.row_id or "", _row_name(r)), vals))
        if series and cols:
            out["trend"] = {"title": title, "categories": [str(yy) for yy, _ in cols], "series": series}
        else:
            out["trend"] = {"title": text("trend_name", lang), "skip": text("reason_empty", lang, table="3.9")}

    # Own vs peer kecamatan (Tabel 3.12).
    t = wb.table("3.12")
    if t is None:
        out["peer"] = {"title": text("peer_name", lang), "skip": text("reason_missing", lang, table="3.12")}
    else:
        rcols = _year_cols(t, "realisasi")
        rcol = next((c for yy, c in rcols if yy == y), rcols[-1][1] if rcols else None)
        ryear = next((yy for yy, c in rcols if c == rcol), y)
        blocks: dict[str, list[Row]] = {}
        for r in t.data_rows():
            blocks.setdefault(r.row_id or _row_name(r), []).append(r)
        office = _core(wb.office or "")
        cats: list[str] = []
        own_vals: list[float | None] = []
        peers: dict[str, dict[int, float | None]] = {}
        own_name = wb.office or ("Kecamatan sendiri" if lang == "id" else "Own kecamatan")
        for i, (bid, rows) in enumerate(blocks.items()):
            own = next((r for r in rows if office and _same_office(office, _row_name(r, "kecamatan"))), rows[0])
            cats.append(names.get(bid, _row_name(rows[0])))
            own_vals.append(own.get(rcol).value if rcol and own.get(rcol) else None)
            for r in rows:
                if r is own:
                    continue
                nm = _row_name(r, "kecamatan") or "?"
                peers.setdefault(nm, {})[i] = r.get(rcol).value if rcol and r.get(rcol) else None
        series = [(own_name, own_vals)] + [(nm, [d.get(i) for i in range(len(cats))]) for nm, d in peers.items()]
        if cats and rcol and any(v is not None for _, vs in series for v in vs):
            out["peer"] = {"title": text("chart_peer", lang, year=ryear or ""), "categories": cats, "series": series}
        else:
            out["peer"] = {"title": text("peer_name", lang), "skip": text("reason_empty", lang, table="3.12")}

    # Absorption per program (Tabel 3.17).
    t = wb.table("3.17")
    if t is None:
        out["absorption"] = {"title": text("abs_name", lang), "skip": text("reason_missing", lang, table="3.17")}
    else:
        cats, vals = [], []
        rows = t.data_rows() + ([t.total_row()] if t.total_row() else [])
        for r in rows:
            p = r.get("persen")
            v = p.value if p else None
            if v is None:
                a, b = r.get("anggaran"), r.get("realisasi")
                if a and b and a.value and b.value is not None:
                    v = round(b.value / a.value * 100, 2)
            if v is None:
                continue
            name = text("total", lang) if r.role == "total" else _row_name(r, "program")
            cats.append(_shorten(name, 60))
            vals.append(v)
        if cats:
            out["absorption"] = {
                "title": text("chart_abs", lang),
                "categories": cats,
                "series": [(text("pct_axis", lang), vals)],
            }
        else:
            out["absorption"] = {"title": text("abs_name", lang), "skip": text("reason_empty", lang, table="3.17")}
    return out


def _core(name: str) -> str:
    return re.sub(r"^(kecamatan|kec)\s+", "", normalise(name))


def _same_office(office_core: str, name: str) -> bool:
    c = _core(name)
    return bool(c) and (c == office_core or c in office_core or office_core in c)


def _shorten(s: str, n: int) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


# ---------------------------------------------------------------- xlsx formats


def _formats(book: Any) -> dict[str, Any]:
    cached = getattr(book, "_lkj_report_formats", None)
    if cached is not None:
        return cached
    base = {"font_name": "Calibri", "font_size": 10, "valign": "top"}

    def f(**kw: Any) -> Any:
        return book.add_format({**base, **kw})

    hdr = {
        "bold": True,
        "bg_color": "#1F3864",
        "font_color": "#FFFFFF",
        "border": 1,
        "border_color": "#8EA9DB",
        "text_wrap": True,
        "valign": "vcenter",
    }
    cell = {"border": 1, "border_color": "#BFBFBF"}
    fm = {
        "title": f(bold=True, font_size=15, font_color="#1F3864"),
        "subtitle": f(italic=True, font_color="#595959"),
        "section": f(bold=True, font_size=12, font_color="#1F3864", bottom=2, bottom_color="#1F3864"),
        "label": f(bold=True, font_color="#404040"),
        "value": f(),
        "hdr": f(**hdr),
        "hdr_num": f(**hdr, align="right"),
        "txt": f(**cell, text_wrap=True, indent=1),
        "int": f(**cell, num_format="#,##0"),
        "int_bold": f(**cell, num_format="#,##0", bold=True),
        "num2": f(**cell, num_format="#,##0.00"),
        "pct2": f(**cell, num_format='#,##0.00"%"'),
        "bold": f(**cell, bold=True, text_wrap=True, indent=1),
        "note": f(italic=True, font_color="#7F6000", text_wrap=True),
        "muted": f(italic=True, font_color="#7F7F7F"),
        "link": f(**cell, font_color="#0563C1", underline=1),
        "sev_error": f(**cell, bold=True, bg_color="#F8D7DA", font_color="#842029"),
        "sev_warning": f(**cell, bold=True, bg_color="#FFF3CD", font_color="#664D03"),
        "sev_info": f(**cell, bold=True, bg_color="#DDEBF7", font_color="#1F4E79"),
        "st_fixed": f(**cell, font_color="#146C43"),
        "st_check": f(**cell, font_color="#7F6000"),
        "ans_ya": f(**cell, bold=True, align="center", bg_color="#D1E7DD", font_color="#0F5132"),
        "ans_tidak": f(**cell, bold=True, align="center", bg_color="#F8D7DA", font_color="#842029"),
        "ans_periksa": f(**cell, bold=True, align="center", bg_color="#FFF3CD", font_color="#664D03"),
        "helper": f(font_color="#7F7F7F"),
    }
    book._lkj_report_formats = fm
    return fm


def _num(ws: Any, r: int, c: int, v: float | None, fmt: Any, blank_fmt: Any) -> None:
    if v is None:
        ws.write_blank(r, c, None, blank_fmt)
    else:
        ws.write_number(r, c, v, fmt)


# ---------------------------------------------------------------- Ringkasan


def write_ringkasan(
    book: Any, ws: Any, wb: Workbook, findings: list[Finding], lang: str = "id", today: date | None = None
) -> None:
    """Fill the (empty) Ringkasan worksheet `ws` of the xlsxwriter workbook `book`."""
    from .. import __version__

    fm = _formats(book)
    titles = table_titles(wb)
    ws.hide_gridlines(2)
    ws.set_column(0, 0, 44)
    ws.set_column(1, 8, 14)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)

    r = 0
    ws.write(r, 0, text("title", lang), fm["title"])
    r += 2
    info = [
        ("office", wb.office or "-"),
        ("kabupaten", wb.kabupaten or "-"),
        ("year", str(wb.year) if wb.year else "-"),
        ("file", Path(wb.path).name if wb.path else "-"),
        ("date", format_date(today or date.today(), lang)),
        ("tool", f"lkj-excel {__version__}"),
    ]
    for k, v in info:
        ws.write(r, 0, text(k, lang), fm["label"])
        ws.write(r, 1, v, fm["value"])
        r += 1
    r += 1

    # Counts by severity.
    ws.write(r, 0, text("by_severity", lang), fm["section"])
    r += 1
    counts = severity_counts(findings)
    for s in SEVERITIES:
        ws.write(r, 0, severity_label(s, lang), fm[f"sev_{s}"])
        ws.write_number(r, 1, counts[s], fm["int"])
        r += 1
    ws.write(r, 0, text("total", lang), fm["bold"])
    ws.write_number(r, 1, len(findings), fm["int_bold"])
    r += 2

    # Counts by table.
    ws.write(r, 0, text("by_table", lang), fm["section"])
    r += 1
    if findings:
        ws.write(r, 0, text("table", lang), fm["hdr"])
        for i, s in enumerate(SEVERITIES):
            ws.write(r, 1 + i, severity_label(s, lang), fm["hdr_num"])
        ws.write(r, 4, text("total", lang), fm["hdr_num"])
        r += 1
        for tid, c in table_counts(findings):
            label = table_label(tid)
            if tid in titles:
                label += f" — {titles[tid]}"
            ws.write(r, 0, label, fm["txt"])
            if len(label) > 44:
                # LibreOffice does not grow rows for wrapped text by itself.
                ws.set_row(r, 15 * (1 + len(label) // 44))
            for i, s in enumerate(SEVERITIES):
                ws.write_number(r, 1 + i, c[s], fm["int"])
            ws.write_number(r, 4, sum(c.values()), fm["int_bold"])
            r += 1
    else:
        ws.write(r, 0, text("no_findings", lang), fm["muted"])
        r += 1
    if wb.missing:
        r += 1
        ws.write(r, 0, text("missing", lang), fm["label"])
        ws.write(r, 1, ", ".join(wb.missing), fm["note"])
        r += 1
    if wb.notes:
        r += 1
        ws.write(r, 0, text("notes", lang), fm["label"])
        for n in wb.notes:
            ws.write(r, 1, n.message(lang), fm["muted"])
            r += 1
    r += 1

    # Key indicators.
    ws.write(r, 0, text("key", lang), fm["section"])
    r += 1
    kis = key_indicators(wb)
    if kis:
        heads = [
            "indicator",
            "target",
            "realisasi",
            "capaian",
            "capaian_calc",
            "category",
            "kinerja",
            "capaian_cat",
            "source",
        ]
        for i, h in enumerate(heads):
            ws.write(r, i, text(h, lang), fm["hdr"] if i in (0, 5, 6, 7, 8) else fm["hdr_num"])
        ws.set_row(r, 30)
        r += 1
        for k in kis:
            ws.write(r, 0, k["name"], fm["txt"])
            _num(ws, r, 1, k["target"], fm["num2"], fm["txt"])
            _num(ws, r, 2, k["realisasi"], fm["num2"], fm["txt"])
            _num(ws, r, 3, k["capaian"], fm["pct2"], fm["txt"])
            _num(ws, r, 4, k["capaian_computed"], fm["pct2"], fm["txt"])
            ws.write(r, 5, k["category"] or "-", fm["bold"])
            ws.write(r, 6, k["category_kinerja"] or "-", fm["txt"])
            ws.write(r, 7, k["capaian_category"] or "-", fm["txt"])
            ws.write(r, 8, table_label(k["table"]), fm["txt"])
            r += 1
        tables = ", ".join(sorted({k["table"] for k in kis}, key=table_sort_key))
        ws.write(r, 0, text("key_src", lang, tables=tables), fm["muted"])
        r += 1
    else:
        ws.write(r, 0, text("no_key", lang), fm["muted"])
        r += 1
    r += 1

    # Charts (data in hidden helper columns).
    ws.write(r, 0, text("charts", lang), fm["section"])
    r += 1
    _write_charts(book, ws, wb, lang, r, fm)


def _write_charts(book: Any, ws: Any, wb: Workbook, lang: str, row: int, fm: dict[str, Any]) -> int:
    data = chart_data(wb, lang)
    hc = HELPER_COL
    hr = 0
    ws.write(hr, hc, text("helper", lang), fm["helper"])
    hr += 2
    sheet = ws.name
    kinds = {"trend": ("line", None), "peer": ("column", None), "absorption": ("bar", None)}
    for key, (ctype, _) in kinds.items():
        d = data[key]
        if "skip" in d:
            ws.write(row, 0, text("chart_skip", lang, chart=d["title"], reason=d["skip"]), fm["note"])
            row += 2
            continue
        cats, series = d["categories"], d["series"]
        # helper block: header row (series names), then one row per category
        ws.write(hr, hc, d["title"], fm["helper"])
        for j, (name, _) in enumerate(series):
            ws.write(hr, hc + 1 + j, name, fm["helper"])
        for i, cat in enumerate(cats):
            ws.write_string(hr + 1 + i, hc, cat, fm["helper"])
            for j, (_, vals) in enumerate(series):
                if vals[i] is not None:
                    ws.write_number(hr + 1 + i, hc + 1 + j, vals[i], fm["helper"])
        first, last = hr + 1, hr + len(cats)
        chart = book.add_chart({"type": ctype, **({"subtype": "clustered"} if ctype != "line" else {})})
        palette = ["#1F3864", "#C55A11", "#548235", "#7030A0", "#BF9000", "#2E75B6"]
        for j, (_name, _) in enumerate(series):
            color = palette[j % len(palette)]
            s: dict[str, Any] = {
                "name": [sheet, hr, hc + 1 + j],
                "categories": [sheet, first, hc, last, hc],
                "values": [sheet, first, hc + 1 + j, last, hc + 1 + j],
                "data_labels": {"value": True, "num_format": "#,##0.00", "font": {"size": 8}},
            }
            if ctype == "line":
                s["line"] = {"color": color, "width": 2.25}
                s["marker"] = {"type": "circle", "size": 6, "fill": {"color": color}, "border": {"color": color}}
                s["data_labels"]["position"] = "above"
            else:
                s["fill"] = {"color": color}
                s["gap"] = 80
            chart.add_series(s)
        chart.set_title({"name": d["title"], "name_font": {"size": 11, "bold": True}})
        chart.show_hidden_data()
        chart.show_blanks_as("gap")
        chart.set_legend({"position": "bottom"} if len(series) > 1 else {"none": True})
        value_axis = {
            "num_format": "#,##0",
            "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
            "name": text("pct_axis" if key == "absorption" else "value_axis", lang),
        }
        if key == "absorption":
            value_axis["min"] = 0
            value_axis["max"] = 100 if max(series[0][1]) <= 100 else None
            if value_axis["max"] is None:
                del value_axis["max"]
            chart.set_x_axis(value_axis)  # bar charts swap axes
            chart.set_y_axis({"reverse": True, "num_font": {"size": 8}})
        else:
            if key == "trend":  # lines: start the axis near the data, not at 0
                lo = min(v for _, vs in series for v in vs if v is not None)
                value_axis["min"] = max(0, math.floor(lo / 10) * 10 - 10)
            chart.set_y_axis(value_axis)
            chart.set_x_axis({"name": text("year_axis", lang)} if key == "trend" else {})
        height = 320 if key != "absorption" else max(300, 60 + 40 * len(cats))
        chart.set_size({"width": 820, "height": height})
        ws.insert_chart(row, 0, chart, {"x_offset": 2, "y_offset": 4, "object_position": 1})
        row += math.ceil(height / 20) + 2
        hr = last + 2
    ws.set_column(hc, hc + 12, 16, None, {"hidden": True})
    return row


# ---------------------------------------------------------------- Temuan


def _add_sheet(book: Any, name: str) -> Any:
    """Add a worksheet `name`, or "name (2)" … if the corrected workbook already has one."""
    taken = {ws.name.lower() for ws in book.worksheets()}
    cand, n = name, 2
    while cand.lower() in taken:
        cand, n = f"{name} ({n})", n + 1
    return book.add_worksheet(cand)


def _internal_url(sheet: str, cell: str) -> str:
    return "internal:'{}'!{}".format(sheet.replace("'", "''"), cell)


def write_temuan(
    book: Any,
    wb: Workbook,
    findings: list[Finding],
    cell_map: dict[tuple[str, str], tuple[str, str]] | None = None,
    lang: str = "id",
) -> Any:
    """Add the "Temuan" sheet: one row per finding; Sel links to the output cell when `cell_map` has it."""
    fm = _formats(book)
    ws = _add_sheet(book, SHEET_TEMUAN)
    cell_map = cell_map or {}
    heads = [
        ("code", 9),
        ("severity", 12),
        ("table", 11),
        ("cell", 18),
        ("found", 20),
        ("expected", 20),
        ("message", 70),
        ("status", 15),
        ("related", 30),
    ]
    for i, (h, w) in enumerate(heads):
        ws.set_column(i, i, w)
        ws.write(0, i, text(h, lang), fm["hdr"])
    ws.set_row(0, 22)
    rows = sorted(findings, key=sort_key)
    for i, f in enumerate(rows, 1):
        ws.write_string(i, 0, f.code, fm["txt"])
        ws.write_string(i, 1, severity_label(f.severity, lang), fm.get(f"sev_{f.severity}", fm["txt"]))
        ws.write_string(i, 2, table_label(f.table), fm["txt"])
        addr = address(f.sheet, f.cell)
        target = cell_map.get((f.sheet, f.cell))
        if target:
            out_addr = address(*target)
            ws.write_url(i, 3, _internal_url(*target), fm["link"], addr, text("open_cell", lang, cell=out_addr))
        else:
            ws.write_string(i, 3, addr, fm["txt"])
        ws.write_string(i, 4, "" if f.found is None else str(f.found), fm["txt"])
        ws.write_string(i, 5, "" if f.expected is None else str(f.expected), fm["txt"])
        ws.write_string(i, 6, f.message(lang), fm["txt"])
        ws.write_string(i, 7, status_label(f.status, lang), fm["st_fixed" if f.fix is not None else "st_check"])
        ws.write_string(i, 8, ", ".join(f.related), fm["txt"])
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(heads) - 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    return ws


# ---------------------------------------------------------------- Checklist


def write_checklist(book: Any, wb: Workbook, findings: list[Finding], lang: str = "id") -> Any:
    """Add the "Checklist Reviu" sheet."""
    fm = _formats(book)
    ws = _add_sheet(book, SHEET_CHECKLIST)
    ws.hide_gridlines(2)
    widths = [5, 52, 16, 10, 22, 40, 40]
    for i, w in enumerate(widths):
        ws.set_column(i, i, w)
    ws.write(0, 0, text("c_title", lang), fm["title"])
    ws.write(1, 0, text("c_intro", lang), fm["subtitle"])
    heads = ["no", "question", "answer", "count", "codes", "cells", "note"]
    hr = 3
    for i, h in enumerate(heads):
        ws.write(hr, i, text(h, lang), fm["hdr"])
    for i, it in enumerate(checklist_items(wb, findings, lang), hr + 1):
        ws.write_number(i, 0, it["no"], fm["int"])
        ws.write_string(i, 1, it["question"], fm["bold"])
        ws.write_string(i, 2, answer_label(it["answer"], lang), fm[f"ans_{it['answer']}"])
        ws.write_number(i, 3, it["count"], fm["int"])
        ws.write_string(i, 4, ", ".join(it["codes"]), fm["txt"])
        ws.write_string(i, 5, _join_limited(it["cells"]), fm["txt"])
        note = it["note"] + ("\n" if it["note"] else "") + it["basis"]
        ws.write_string(i, 6, note, fm["txt"])
    ws.freeze_panes(hr + 1, 0)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    return ws


# ---------------------------------------------------------------- hook


def extra_sheets_hook(wb: Workbook, findings: list[Finding], lang: str = "id") -> Callable[[Any, dict, Any], None]:
    """The `extra_sheets(xlsx_workbook, cell_map, first_sheet)` callable for the corrected workbook."""

    def extra_sheets(book: Any, cell_map: dict[tuple[str, str], tuple[str, str]], first_sheet: Any) -> None:
        write_ringkasan(book, first_sheet, wb, findings, lang)
        write_temuan(book, wb, findings, cell_map, lang)
        write_checklist(book, wb, findings, lang)

    return extra_sheets


def fmt_value(v: float | None, decimals: int = 2, unit: str | None = None) -> str:
    """Indonesian notation for the HTML report."""
    return format_id(v, decimals, unit) if v is not None else "-"
