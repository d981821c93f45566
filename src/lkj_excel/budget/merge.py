"""Two files, one budget: a DPA / DPPA and a realisation list or LRA, joined on sub kegiatan × rekening.

A realisation list names its sub kegiatan by name (which may start with its
code); names are resolved through the DPA's own sub kegiatan rows. The rules
B007-B009 are declared here, with their logic; B014 (pelampauan) is checked on
every joined line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from ..findings import Finding
from ..numerals import format_id
from ..rules.base import RULES, Context, rule
from .codes import parents_of
from .model import LINE_COLUMNS, BudgetExport, typed_lines

MERGE_KEY = ["sub_kegiatan", "rekening", "_unresolved"]  # _unresolved: the name of a sub kegiatan not in the DPA


@rule("B007", "budget.merge_no_dpa", severity="error", question="budget", runs="anggaran")
def merge_no_dpa(ctx: Context) -> Iterable[Finding]:
    """Every realisasi line of a separate realisation file has its budget line in the DPA file (error).

    Lines are joined on sub kegiatan × kode rekening (a realisation list's sub
    kegiatan names are resolved through the DPA). Found while merging a
    two-file export (`lkj-excel anggaran DPA --realisasi FILE`); `check` reads
    no export, so there this rule reports nothing.

    Fails: the LRA has 250.000 realisasi on 5.1.02.04.01.0001 under sub
    kegiatan 7.01.02.2.01.0001, which the DPA does not list.
    Passes: the DPA lists that line too.
    """
    return []


@rule("B008", "budget.merge_no_lra", severity="warning", question="budget", runs="anggaran")
def merge_no_lra(ctx: Context) -> Iterable[Finding]:
    """Every budget line of a separate DPA file appears in the realisation file (warning).

    A line missing there is taken as realisasi 0. Found while merging a
    two-file export (`lkj-excel anggaran DPA --realisasi FILE`); `check` reads
    no export, so there this rule reports nothing.

    Fails: the DPA lists 5.1.02.02.01.0061 (Belanja Tagihan Listrik) but the
    LRA has no row for it.
    Passes: the LRA has its row, with its realisasi.
    """
    return []


@rule("B009", "budget.merge_anggaran", severity="warning", question="budget", runs="anggaran")
def merge_anggaran(ctx: Context) -> Iterable[Finding]:
    """A line's anggaran in the realisation file, when printed, equals the DPA file's (warning).

    The DPA's figure is used. Found while merging a two-file export (`lkj-excel
    anggaran DPA --realisasi FILE`); `check` reads no export, so there this
    rule reports nothing.

    Fails: the LRA prints an anggaran of 36.000.000 for a line the DPA budgets
    at 35.000.000.
    Passes: both print 35.000.000.
    """
    return []


def name_key(text: object) -> str:
    """A sub kegiatan name for matching: lower case, code and punctuation dropped."""
    t = re.sub(r"^\s*[\d.]+\s*", "", str(text or ""))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", t.lower()).split())


def _resolve_names(right: pd.DataFrame, dpa: BudgetExport) -> pd.DataFrame:
    """Give realisation lines named only by sub kegiatan name the DPA's code for that name."""
    by_name = {name_key(n): c for c, n in dpa.sub_names.items()}
    by_name.update({name_key(n): c for c, n in zip(dpa.lines["sub_kegiatan"], dpa.lines["sub_kegiatan_nama"]) if n})
    right = right.copy()
    missing = right["sub_kegiatan"] == ""
    right.loc[missing, "sub_kegiatan"] = right.loc[missing, "sub_kegiatan_nama"].map(
        lambda n: by_name.get(name_key(n), "")
    )
    # Two unknown sub kegiatan must not fall together on one rekening.
    right["_unresolved"] = [
        name_key(n) if not c else "" for c, n in zip(right["sub_kegiatan"], right["sub_kegiatan_nama"])
    ]
    return right


def _collapse(df: pd.DataFrame) -> pd.DataFrame:
    """One row per sub kegiatan × rekening; the cells behind each sum kept in full."""
    return (
        df.groupby(MERGE_KEY, sort=False, dropna=False)
        .agg(
            program=("program", "first"),
            kegiatan=("kegiatan", "first"),
            uraian=("uraian", "first"),
            anggaran=("anggaran", lambda s: s.sum(min_count=1)),
            realisasi=("realisasi", lambda s: s.sum(min_count=1)),
            sheet=("sheet", "first"),
            row=("row", "first"),
            anggaran_cell=("anggaran_cell", "first"),
            realisasi_cell=("realisasi_cell", "first"),
            anggaran_cells=("anggaran_cell", lambda s: [v for v in s if isinstance(v, str)]),
            realisasi_cells=("realisasi_cell", lambda s: [v for v in s if isinstance(v, str)]),
            sub_kegiatan_nama=("sub_kegiatan_nama", "first"),
        )
        .reset_index()
    )


def _finding(code: str, severity: str, at: str, key: str, params: dict[str, Any], **kw: Any) -> Finding:
    sheet, _, cell = str(at).rpartition("!")
    r = RULES.get(code)
    return Finding(
        code,
        r.name if r else code,
        severity,
        sheet,
        cell,
        kw.pop("found", None),
        kw.pop("expected", None),
        key,
        {"ref": at, **params},
        **kw,
    )


def _path_code(x: Any, side: str = "") -> str:
    sub = x["sub_kegiatan"] or x.get(f"sub_kegiatan_nama{side}", "")
    return " / ".join(str(v) for v in (sub, x["rekening"]) if v)


def merge_realisasi(dpa: BudgetExport, lra: BudgetExport) -> BudgetExport:
    """Put the realisation file's realisasi on the DPA's lines, joined on sub kegiatan × rekening.

    A line in only one of the two files is a finding: realisasi without a budget
    line (B007, error) or a budget line missing from the realisation file (B008,
    warning); a joined line whose realisasi exceeds its anggaran is B014.
    Repeated lines (items of one rekening) are summed first.
    """
    if (lra.lines["sub_kegiatan"] == "").all() and (lra.lines["sub_kegiatan_nama"] == "").all():
        return _merge_by_rekening(dpa, lra)
    left = _collapse(dpa.lines.assign(_unresolved=""))
    right = _collapse(_resolve_names(lra.lines, dpa))
    both = left.merge(right, on=MERGE_KEY, how="outer", suffixes=("", "_lra"), indicator=True, sort=False)
    findings = list(dpa.findings) + list(lra.findings)
    records = []
    for _, x in both.iterrows():
        rec, found = _merged_line(x, dpa, lra)
        findings += found
        records.append(rec)
    lines = typed_lines(pd.DataFrame.from_records(records, columns=LINE_COLUMNS))
    return _joined(dpa, lra, lines, findings)


def _joined(
    dpa: BudgetExport, lra: BudgetExport, lines: pd.DataFrame, findings: list[Finding], by_program: bool = True
) -> BudgetExport:
    """One budget from a DPA and its realisation file: the DPA's identity, the realisation's columns."""
    return BudgetExport(
        path=dpa.path,
        sheet=dpa.sheet,
        lines=lines,
        anggaran_column=dpa.anggaran_column,
        anggaran_header_cell=dpa.anggaran_header_cell,
        realisasi_column=lra.realisasi_column,
        government=dpa.government or lra.government,
        office=dpa.office or lra.office,
        year=dpa.year or lra.year,
        findings=findings,
        realisasi_path=lra.path,
        layout=dpa.layout,
        realisasi_layout=lra.layout,
        office_code=dpa.office_code,
        sub_names=dpa.sub_names,
        realisasi_by_program=by_program,
        rekap_columns=dpa.rekap_columns,
    )


def _merged_line(x: Any, dpa: BudgetExport, lra: BudgetExport) -> tuple[dict[str, Any], list[Finding]]:
    where = x["_merge"]
    found: list[Finding] = []
    sub = x["sub_kegiatan"]
    program, kegiatan = parents_of(sub) if sub else ("", "")
    rec: dict[str, Any] = {"sub_kegiatan": sub, "rekening": x["rekening"]}
    if where == "right_only":
        real = format_id(x["realisasi_lra"])
        found.append(
            _finding(
                "B007",
                "error",
                x["realisasi_cell_lra"],
                "budget.merge_no_dpa",
                {"path_code": _path_code(x, "_lra"), "dpa": dpa.path, "realisasi": real},
                found=real,
                related=list(x["realisasi_cells_lra"]),
            )
        )
        rec.update(
            program=x["program_lra"] or program,
            kegiatan=x["kegiatan_lra"] or kegiatan,
            uraian=x["uraian_lra"],
            anggaran=0.0,
            realisasi=x["realisasi_lra"],
            sheet=x["sheet_lra"],
            row=x["row_lra"],
            anggaran_cell=None,
            realisasi_cell=x["realisasi_cell_lra"],
            sub_kegiatan_nama=x["sub_kegiatan_nama_lra"],
        )
        return rec, found
    realisasi = x["realisasi_lra"] if where == "both" else 0.0
    realisasi = 0.0 if pd.isna(realisasi) else float(realisasi)
    if where == "left_only":
        found.append(
            _finding(
                "B008",
                "warning",
                x["anggaran_cell"],
                "budget.merge_no_lra",
                {"path_code": _path_code(x), "lra": lra.path},
                related=list(x["anggaran_cells"]),
            )
        )
    else:
        found += _compare_joined(x, realisasi)
    rec.update(
        program=x["program"] or program,
        kegiatan=x["kegiatan"] or kegiatan,
        uraian=x["uraian"],
        anggaran=x["anggaran"],
        realisasi=realisasi,
        sheet=x["sheet"],
        row=x["row"],
        anggaran_cell=x["anggaran_cell"],
        realisasi_cell=x["realisasi_cell_lra"] if where == "both" else None,
        sub_kegiatan_nama=x["sub_kegiatan_nama"],
    )
    return rec, found


def _compare_joined(x: Any, realisasi: float) -> list[Finding]:
    """B009 (anggaran differs between the files) and B014 (pelampauan) on a line found in both."""
    out: list[Finding] = []
    anggaran = 0.0 if pd.isna(x["anggaran"]) else float(x["anggaran"])
    if pd.notna(x["anggaran_lra"]) and abs(x["anggaran_lra"] - anggaran) > 0.5:
        f, e = format_id(x["anggaran_lra"]), format_id(anggaran)
        out.append(
            _finding(
                "B009",
                "warning",
                x["anggaran_cell_lra"],
                "budget.merge_anggaran",
                {"path_code": _path_code(x), "found": f, "expected": e},
                found=f,
                expected=e,
                related=list(x["anggaran_cells"]),
            )
        )
    if realisasi - anggaran > 0.5 and isinstance(x["realisasi_cell_lra"], str):
        f, e = format_id(realisasi), format_id(anggaran)
        out.append(
            _finding(
                "B014",
                "error",
                x["realisasi_cell_lra"],
                "budget.pelampauan",
                {"path_code": _path_code(x), "found": f, "expected": e, "diff": format_id(realisasi - anggaran)},
                found=f,
                expected=e,
                related=list(x["realisasi_cells_lra"])[1:] + list(x["anggaran_cells"]),
            )
        )
    return out


def _merge_by_rekening(dpa: BudgetExport, lra: BudgetExport) -> BudgetExport:
    """A realisation file by rekening only (the SIPD-RI LRA of an SKPD): joined on the kode rekening.

    The DPA's lines keep their anggaran; the realisasi comes as one line per rekening
    without a program, so totals per jenis belanja hold and per program the realisasi is unknown.
    """
    left = _collapse(dpa.lines.assign(sub_kegiatan="", _unresolved=""))
    right = _collapse(lra.lines.assign(_unresolved=""))
    both = left.merge(right, on=MERGE_KEY, how="outer", suffixes=("", "_lra"), indicator=True, sort=False)
    findings = list(dpa.findings) + list(lra.findings)
    for _, x in both.iterrows():
        if x["_merge"] == "right_only":
            real = format_id(x["realisasi_lra"])
            findings.append(
                _finding(
                    "B007",
                    "error",
                    x["realisasi_cell_lra"],
                    "budget.merge_no_dpa",
                    {"path_code": x["rekening"], "dpa": dpa.path, "realisasi": real},
                    found=real,
                    related=list(x["realisasi_cells_lra"]),
                )
            )
        elif x["_merge"] == "left_only":
            findings.append(
                _finding(
                    "B008",
                    "warning",
                    x["anggaran_cell"],
                    "budget.merge_no_lra",
                    {"path_code": x["rekening"], "lra": lra.path},
                    related=list(x["anggaran_cells"]),
                )
            )
        else:
            real = x["realisasi_lra"]
            findings += _compare_joined(x, 0.0 if pd.isna(real) else float(real))
    realisasi = lra.lines.assign(program="", kegiatan="", sub_kegiatan="", anggaran=0.0, anggaran_cell=None)
    lines = typed_lines(
        pd.concat(
            [dpa.lines.assign(realisasi=float("nan"), realisasi_cell=None), realisasi[LINE_COLUMNS]], ignore_index=True
        )
    )
    return _joined(dpa, lra, lines, findings, by_program=False)
