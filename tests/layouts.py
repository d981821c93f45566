"""Rewrite a workbook into layouts other offices use, to test the reader's tolerance.

Works at the grid level, so any table of the sample can be re-laid out:
other sheet names, extra title rows, shifted columns, blank rows, values typed
as text instead of numbers (or the other way round), other total labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from lkj_excel.numerals import format_id, parse_cell
from lkj_excel.read.locate import table_id_of_sheet

TOTAL_LABELS = {"j u m l a h", "jumlah", "t o t a l", "total"}


@dataclass
class Variant:
    name: str
    sheet_name: str  # format with {tid}
    row_offset: int = 0  # extra rows above (title rows)
    col_offset: int = 0  # blank columns on the left
    numbers: str = "keep"  # keep | text | real
    total_label: str | None = None
    blank_after_header: bool = False
    footer: bool = False


VARIANTS = [
    Variant("upper_titled", "TABEL {tid}", row_offset=2, total_label="TOTAL", numbers="real", footer=True),
    Variant("dotted_text", "Tabel. {tid}", col_offset=2, numbers="text", total_label="JUMLAH"),
    Variant(
        "suffix_shifted",
        "Tabel {tid} Data",
        row_offset=1,
        col_offset=1,
        numbers="keep",
        total_label="T O T A L",
        blank_after_header=True,
        footer=True,
    ),
]


def _as_text(v: object, fmt: str | None) -> object:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        p = parse_cell(v, fmt)
        return format_id(p.value, p.decimals or 0, p.unit)
    return v


def _as_real(v: object, fmt: str | None) -> tuple[object, str | None]:
    if isinstance(v, str):
        p = parse_cell(v)
        if p.status == "number" and p.value is not None and p.unit in (None, "%", "Rp", "Ha"):
            d = p.decimals or 0
            body = "#,##0" + ("." + "0" * d if d else "")
            if p.unit == "%":
                return p.value / 100, "0" + ("." + "0" * d if d else "") + "%"
            return p.value, body
    return v, fmt


def rewrite(src: Path, dst: Path, variant: Variant) -> Path:
    wb = openpyxl.load_workbook(src)
    out = openpyxl.Workbook()
    out.remove(out.active)
    for ws in wb.worksheets:
        tid = table_id_of_sheet(ws.title)
        name = variant.sheet_name.format(tid=tid) if tid else ws.title
        new = out.create_sheet(name[:31])
        header_end = _header_end(ws) if tid else 0
        for row in ws.iter_rows():
            for c in row:
                v, fmt = c.value, c.number_format
                if v is None:
                    continue
                r = c.row + (variant.row_offset if tid else 0)
                if tid and variant.blank_after_header and c.row > header_end:
                    r += 1
                col = c.column + (variant.col_offset if tid else 0)
                if tid and c.row > 3:
                    if variant.numbers == "text":
                        v = _as_text(v, fmt)
                        fmt = "@" if isinstance(v, str) else fmt
                    elif variant.numbers == "real":
                        v, fmt = _as_real(v, fmt)
                    if variant.total_label and isinstance(v, str) and v.strip().lower() in TOTAL_LABELS:
                        v = variant.total_label
                cell = new.cell(row=r, column=col, value=v)
                if fmt:
                    cell.number_format = fmt
        if tid:
            for rng in ws.merged_cells.ranges:
                shift_r = variant.row_offset + (1 if variant.blank_after_header and rng.min_row > header_end else 0)
                new.merge_cells(
                    f"{get_column_letter(rng.min_col + variant.col_offset)}{rng.min_row + shift_r}:"
                    f"{get_column_letter(rng.max_col + variant.col_offset)}{rng.max_row + shift_r}"
                )
            if variant.row_offset:
                new.cell(row=1, column=1 + variant.col_offset, value=f"LAPORAN KINERJA {ws.title.upper()}")
            if variant.footer:
                new.cell(row=new.max_row + 2, column=1 + variant.col_offset, value="Sumber: Dokumen kantor")
                new.cell(row=new.max_row + 1, column=1 + variant.col_offset, value="Catatan: disusun ulang")
        else:
            for rng in ws.merged_cells.ranges:
                new.merge_cells(str(rng))
    out.create_sheet("Lampiran").cell(row=1, column=1, value="Lembar tambahan kantor")
    out.save(dst)
    return dst


def _header_end(ws) -> int:
    """Row of the column-number row or, failing that, the last header row (4 or 5)."""
    for r in range(4, 8):
        vals = [c.value for c in ws[r] if c.value is not None]
        if vals and all(str(v).strip("() ").isdigit() and len(str(v).strip("() ")) <= 2 for v in vals):
            return r
    return 5 if any(rng.min_row == 4 and rng.max_row == 5 for rng in ws.merged_cells.ranges) else 4
