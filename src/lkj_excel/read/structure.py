"""What a table's rows mean beyond their own cells: ditto marks, figures merged
over several rows, group rows, and how many rows of the sheet hold figures."""

from __future__ import annotations

from ..model import Row, SharedCell, Table
from ..numerals import parse_text
from .grid import Grid
from .hierarchy import infer_hierarchy
from .locate import Layout, is_number_row


def _resolve_ditto(table: Table) -> None:
    """'"' or "sda" under a figure repeats it: the cell keeps its text and takes the figure above."""
    above: dict[str, Row] = {}
    for r in table.rows:
        for cid, c in r.cells.items():
            p = c.parsed
            if p.status == "ditto" and cid in above:
                prev = above[cid].cells[cid].parsed
                if prev.value is not None or prev.letter:
                    c.parsed = p = prev
            if p.value is not None or p.status == "ditto":
                above[cid] = r


def _shared_cells(grid: Grid, table: Table, layout: Layout) -> None:
    """A numeric figure merged down over several rows belongs to them together, not to the first."""
    if not grid.merges:
        return
    col_of = {c: cid for cid, c in layout.columns.items() if table.spec.column(cid).numeric}
    by_excel = {r.excel_row - 1: r for r in table.rows}
    for r1, c1, r2, _c2 in grid.merges:
        cid = col_of.get(c1)
        if cid is None or r2 <= r1 or r1 not in by_excel:
            continue
        covered = [by_excel[r].index for r in range(r1, r2 + 1) if r in by_excel]
        first = by_excel[r1]
        cell = first.cells.get(cid)
        if len(covered) < 2 or cell is None or first.role not in ("data",):
            continue
        # Only over rows of different indicators; a figure merged down the rows of one
        # indicator (its program and kegiatan lines) is that indicator's own.
        key = layout.columns.get(table.spec.key or "")
        if key is None or sum(1 for i in covered if grid.text(table.rows[i].excel_row - 1, key)) < 2:
            continue
        del first.cells[cid]
        table.shared.append(SharedCell(cid, cell, covered))


def _is_figure(v: object) -> bool:
    if isinstance(v, bool) or v is None:
        return False
    if isinstance(v, (int, float)):
        return not (1900 <= v <= 2100 and v == int(v))
    p = parse_text(str(v))
    return p.status == "number" and ((p.decimals or 0) > 0 or p.thousands_point)


def _unread_rows(grid: Grid, table: Table, layout: Layout) -> list[int]:
    """Rows of the sheet (1-based) that hold figures but are not rows of the table: a partial read."""
    read = {r.excel_row - 1 for r in table.rows}
    out = []
    for r in range(min(grid.n_rows, 3), grid.n_rows):
        if r in read or r in layout.header_rows or is_number_row(grid, r):
            continue
        if any(_is_figure(v) for v in grid.row(r)):
            out.append(r + 1)
    return out


def finish_table(grid: Grid, table: Table, layout: Layout, dittos: bool = True) -> None:
    """`dittos`: whether a cell may hold a ditto mark (without one, resolving them changes nothing)."""
    if dittos:
        _resolve_ditto(table)
    _shared_cells(grid, table, layout)
    infer_hierarchy(table)
    table.unread_figure_rows = _unread_rows(grid, table, layout)
