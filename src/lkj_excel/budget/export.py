"""Read a budget export, whatever its layout, into its leaf lines (the entry of `budget`).

Each sheet's layout is recognised by its content (`detect_layout`): the flat
SIPD-RI rekap, a DPA / DPPA / RKA Rincian Belanja print, a realisation list, a
pre-SIPD Penjabaran, or a coded report (LRA, realisasi report, split DPA/LRA
list; with a `level` column: the hierarchical LRA). Only leaf lines are summed;
every parent and total, and each line's arithmetic, is checked (`checks`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import LkjError
from ..read.fastload import load_fast
from ..read.grid import ref
from . import penjabaran, reallist, rekap, rincian, texts  # noqa: F401 - texts registers the messages
from .checks import check_nodes
from .codes import classify_code, normalize_code  # noqa: F401 - re-exported for callers
from .header import columns, find_header, header_block, pick_anggaran
from .merge import merge_realisasi
from .model import LINE_COLUMNS, BudgetExport, Node, lines_frame
from .scan import scan_rows
from .sheet import SheetView

__all__ = [
    "LINE_COLUMNS",
    "BudgetExport",
    "classify_code",
    "merge_realisasi",
    "normalize_code",
    "read_export",
    "read_split",
]


def read_export(
    path: str | Path,
    sheet: str | None = None,
    *,
    need_anggaran: bool = True,
    skpd: str | None = None,
    office_name: str | None = None,
) -> BudgetExport:
    """Read the leaf lines of a budget export and check its own figures.

    `sheet`: the sheet to read; default the first sheet whose layout is recognised.
    `need_anggaran=False` accepts a realisasi-only sheet (the realisation file of a pair).
    `skpd` / `office_name` choose the office in a kabupaten-wide rekap.
    """
    shown = str(path)
    grids = load_fast(path)  # the project's fast .xlsx reader (openpyxl when it cannot)
    names = [g.title for g in grids]
    if sheet is not None:
        if sheet not in names:
            raise LkjError("budget.sheet_missing", path=shown, sheet=sheet, sheets=", ".join(names))
        grids = [g for g in grids if g.title == sheet]
    for grid in grids:
        sh = SheetView(shown, grid, source=path)
        found = _read_sheet(sh, need_anggaran, skpd, office_name)
        if found is not None:
            if skpd and found.layout != "rekap":
                raise LkjError("budget.skpd_needs_rekap", path=shown, layout=texts.layout_name(found.layout))
            return found
    raise LkjError("budget.no_header", path=shown, sheets=", ".join(g.title for g in grids))


def _read_sheet(sh: SheetView, need_anggaran: bool, skpd: str | None, office_name: str | None) -> BudgetExport | None:
    """The export in this sheet, by the first layout that recognises it; None when none does."""
    if (head := rekap.detect(sh)) is not None:
        nodes, info = rekap.read_nodes(sh, head, skpd, office_name)
        return _finish(sh, "rekap", nodes, {**info, "columns": len(rekap.header_columns(sh, head))}, {})
    if rincian.detect(sh):
        nodes, info = rincian.read_nodes(sh)
        labels = info.pop("labels", {})
        layout = "rincian_perubahan" if "sebelum" in labels else "rincian"
        info.update(anggaran_column=labels.get("anggaran", "Jumlah"))
        return _finish(sh, layout, nodes, info, labels)
    if (head := reallist.detect(sh)) is not None:
        nodes, info = reallist.read_nodes(sh, head)
        return _finish(sh, "realisasi_list", nodes, info, {"realisasi": "REALISASI", "anggaran": "PAGU"})
    if (found := penjabaran.detect(sh)) is not None:
        nodes, info = penjabaran.read_nodes(sh, *found)
        after = "JUMLAH SETELAH PERUBAHAN" if "sebelum" in found[1] else "JUMLAH"
        labels = {"anggaran": after, "sebelum": "JUMLAH SEBELUM PERUBAHAN"}
        return _finish(sh, "penjabaran", nodes, {**info, "anggaran_column": after}, labels)
    header = find_header(sh)
    if header is None:
        return None
    return _read_report(sh, *header, need_anggaran=need_anggaran)


def _finish(
    sh: SheetView, layout: str, nodes: list[Node], info: dict[str, Any], labels: dict[str, str]
) -> BudgetExport:
    if not nodes:
        raise LkjError("budget.no_lines", path=sh.path, sheet=sh.title, ref=sh.qualified("A1"))
    leaves = check_nodes(sh, nodes, labels)
    return BudgetExport(
        path=sh.path,
        sheet=sh.title,
        lines=lines_frame(leaves, sh.title),
        anggaran_column=info.get("anggaran_column"),
        anggaran_header_cell=info.get("anggaran_header_cell"),
        realisasi_column=info.get("realisasi_column"),
        government=info.get("government"),
        office=info.get("office"),
        year=info.get("year"),
        findings=sh.findings,
        layout=layout,
        office_code=info.get("office_code"),
        sub_names=dict(info.get("sub_names", {})),
        rekap_columns=info.get("columns"),
    )


def _read_report(sh: SheetView, first: int, last: int, *, need_anggaran: bool) -> BudgetExport:
    """A coded report: one or more code columns, a name column, amount columns (LRA, realisasi report)."""
    cols = columns(sh, first, last)
    header_ref = sh.qualified(ref(first, 0))
    recognised = ", ".join(f'"{c.label}"' for c in cols if c.role not in ("no", "level")) or "-"
    code_cols = [c for c in cols if c.role == "code"]
    if not code_cols:
        raise LkjError("budget.no_code", path=sh.path, ref=header_ref, columns=recognised)
    anggaran_col = pick_anggaran(cols)
    realisasi_cols = [c for c in cols if c.role == "realisasi"]
    # The cumulative figure ("s.d. bulan ini") is the rightmost realisasi column.
    realisasi_col = realisasi_cols[-1] if realisasi_cols else None
    if anggaran_col is None and need_anggaran:
        raise LkjError("budget.no_anggaran", path=sh.path, ref=header_ref, columns=recognised)
    if anggaran_col is None and realisasi_col is None:
        raise LkjError("budget.no_amount", path=sh.path, ref=header_ref, columns=recognised)
    names = [c for c in cols if c.role == "name"]
    name_col = next((c for c in names if "uraian" in c.label.lower()), names[-1] if names else None)
    picked = {
        "anggaran": anggaran_col,
        "realisasi": realisasi_col,
        "sisa": next((c for c in cols if c.role == "sisa"), None),
        "pct": next((c for c in cols if c.role == "pct"), None),
    }
    amount_cols = {k: v for k, v in picked.items() if v is not None}
    has_level = any(c.role == "level" for c in cols)
    nodes = scan_rows(sh, last + 1, code_cols, name_col, amount_cols, top_rekening=has_level)
    if not [n for n in nodes if n.level != "total"]:
        raise LkjError("budget.no_lines", path=sh.path, sheet=sh.title, ref=header_ref)
    government, office, year = header_block(sh, first)
    info = {
        "anggaran_column": anggaran_col.label if anggaran_col else None,
        "anggaran_header_cell": ref(last, anggaran_col.col) if anggaran_col else None,
        "realisasi_column": realisasi_col.label if realisasi_col else None,
        "government": government,
        "office": office,
        "year": year,
        "sub_names": {n.sub_kegiatan: n.uraian for n in nodes if n.level == "sub_kegiatan"},
    }
    layout = "lra" if has_level else "laporan"
    return _finish(sh, layout, nodes, info, {k: c.label for k, c in amount_cols.items()})


def read_split(
    dpa_path: str | Path,
    lra_path: str | Path,
    dpa_sheet: str | None = None,
    lra_sheet: str | None = None,
    *,
    skpd: str | None = None,
    office_name: str | None = None,
) -> BudgetExport:
    """Read a DPA file and a realisation file and join them (see merge_realisasi)."""
    dpa = read_export(dpa_path, dpa_sheet, skpd=skpd, office_name=office_name)
    lra = read_export(lra_path, lra_sheet, need_anggaran=False)
    return merge_realisasi(dpa, lra)
