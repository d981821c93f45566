"""Ditto marks are resolved only in tables where a cell holds one (elsewhere resolving changes nothing):
a mark typed under a figure must still take that figure, in every table of the sample."""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import column_index_from_string

from lkj_excel.read.load import load_grids
from lkj_excel.read.reader import read_grids


def test_ditto_marks_take_the_figure_above(sample_path: Path) -> None:
    plain = read_grids(str(sample_path), load_grids(sample_path))
    grids = load_grids(sample_path)
    by_title = {g.title: g for g in grids}
    marked: list[tuple[str, int, str, object]] = []  # table, excel row, column id, the figure above
    for tid, t in plain.tables.items():
        for cid, letters in t.columns.items():
            if not t.spec.column(cid).numeric:
                continue
            rows = [r for r in t.rows if r.role == "data" and r.cells.get(cid) and r.cells[cid].value is not None]
            if len(rows) < 2 or rows[1].index != rows[0].index + 1:
                continue
            mark = '"' if len(marked) % 2 else "sda"
            by_title[t.sheet].rows[rows[1].excel_row - 1][column_index_from_string(letters) - 1] = mark
            marked.append((tid, rows[1].excel_row, cid, rows[0].cells[cid].parsed))
            break  # one mark a table: the others stay without any
    assert len(marked) >= 10
    wb = read_grids(str(sample_path), grids)
    for tid, excel_row, cid, above in marked:
        cell = next(r for r in wb.tables[tid].rows if r.excel_row == excel_row).cells[cid]
        assert cell.text in ('"', "sda") and cell.parsed == above, (tid, excel_row, cid)
    # The tables without a mark read as before.
    for tid, t in wb.tables.items():
        if tid not in {m[0] for m in marked}:
            assert [(r.excel_row, r.cells) for r in t.rows] == [(r.excel_row, r.cells) for r in plain.tables[tid].rows]
