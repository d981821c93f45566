"""Recognise a column by its figures when no header words name it.

A declared column may say how its figures follow from others
(`content = "realisasi / target * 100"`): an unassigned sheet column that
holds that ratio, at printed precision, on most rows with figures is taken for
it. Any polarity counts (R/T, (2T - R)/T, T/R): the column is the capaian
whichever formula the office used.
"""

from __future__ import annotations

import re

from ..formulas import POLARITIES, capaian_interval
from ..numerals import Parsed, parse_cell
from ..precision import Interval, consistent
from ..spec import ColumnSpec, TableSpec
from .grid import Grid
from .locate import Layout, is_footer

_RATIO = re.compile(r"^\s*(\w+)\s*/\s*(\w+)\s*\*\s*100\s*$")
MIN_ROWS = 2
SHARE = 0.6  # most rows: a few rows may hold an office's own error


def _parsed(grid: Grid, r: int, c: int) -> Parsed:
    return parse_cell(grid.value(r, c), grid.fmt(r, c))


def _interval(p: Parsed, exact: bool) -> Interval | None:
    if p.value is None:
        return None
    return Interval.exact(p.value) if exact else Interval.printed(p.value, p.decimals)


def _data_rows(grid: Grid, layout: Layout) -> list[int]:
    out = []
    for r in range(layout.data_start, min(grid.n_rows, layout.data_start + 300)):
        if is_footer(grid, r):
            break
        out.append(r)
    return out


def _agreement(grid: Grid, rows: list[int], cand: int, num: int, den: int, exact: tuple[bool, bool]) -> tuple[int, int]:
    """(rows where the candidate is the ratio under some polarity, rows with all three figures)."""
    hit = n = 0
    for r in rows:
        pc, pn, pd = _parsed(grid, r, cand), _parsed(grid, r, num), _parsed(grid, r, den)
        ivn, ivd = _interval(pn, exact[0]), _interval(pd, exact[1])
        if pc.value is None or ivn is None or ivd is None or pd.value == 0 or pn.value == 0:
            continue
        n += 1
        if any(consistent(pc.value, pc.decimals, capaian_interval(pol, ivd, ivn)) for pol in POLARITIES):
            hit += 1
    return hit, n


def recognise(grid: Grid, spec: TableSpec, layout: Layout) -> None:
    """Assign missing columns declared with `content`, and say how in `layout.how`."""
    rows: list[int] | None = None
    for col in spec.columns:
        if col.id in layout.columns or not col.content:
            continue
        m = _RATIO.match(col.content)
        if not m or m.group(1) not in layout.columns or m.group(2) not in layout.columns:
            continue
        num, den = layout.columns[m.group(1)], layout.columns[m.group(2)]
        exact = (_exact(spec, m.group(1)), _exact(spec, m.group(2)))
        rows = rows if rows is not None else _data_rows(grid, layout)
        used = set(layout.columns.values())
        best: tuple[int, int, int] | None = None
        for cand in range(grid.n_cols):
            if cand in used:
                continue
            hit, n = _agreement(grid, rows, cand, num, den, exact)
            if n >= MIN_ROWS and hit >= SHARE * n and (best is None or hit > best[0]):
                best = (hit, n, cand)
        if best is not None:
            hit, n, cand = best
            layout.columns[col.id] = cand
            layout.how[col.id] = f"isi: {hit} dari {n} baris = {col.content.replace('*', '×')}"
            if col.id in layout.missing:
                layout.missing.remove(col.id)


def _exact(spec: TableSpec, cid: str) -> bool:
    col: ColumnSpec = spec.column(cid)
    return col.exact
