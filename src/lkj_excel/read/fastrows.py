"""A formula-free sheet's cells, from `sheetfast`'s tokens straight into the grid's row lists.

`sheetxml._store_fast` stores each cell as ``{row: {col: (value, format)}}`` and `grid.build_grid` turns
that into row lists: two steps and a tuple per cell. A sheet whose tokens hold no formula needs neither:
nothing is evaluated on it, so its cells can go to the lists the grid keeps as they come. What the two
steps fix stays exactly as it was: a later cell of the same address wins (an empty one too), the cap on
stored cells is counted the same way, cells under a merged range are dropped after any formula of the
workbook is evaluated (formulas elsewhere may read them), rows end at their last value, the caps on
cells, area and merge work are the same, and the grid is equal to `build_grid`'s.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from . import sheetfast
from .grid import MAX_CELLS, MAX_MERGE_WORK, CellData, Grid, finish_grid, too_big
from .parts import Styles


@dataclass(slots=True)
class SheetRows:
    """A sheet's cells as row lists: values, their number formats (None where no value stands)."""

    values: dict[int, list[Any]] = field(default_factory=dict)  # 0-based row -> values by 0-based column
    formats: dict[int, list[str | None]] = field(default_factory=dict)
    # Cells stored empty over an earlier cell of the same address: the evaluator's ranges still list them.
    emptied: set[tuple[int, int]] = field(default_factory=set)

    def cells(self) -> dict[int, dict[int, CellData]]:
        """The same cells as `sheetxml._store_fast` stores them, for the formula evaluator."""
        out: dict[int, dict[int, CellData]] = {}
        for r, vals in self.values.items():
            fmts = self.formats[r]
            out[r] = {c: (v, fmts[c]) for c, v in enumerate(vals) if v is not None}
        for r, c in self.emptied:
            out[r][c] = (None, None)
        return out


def store(
    out: SheetRows,
    tokens: list[sheetfast.Token],
    ctx: tuple[list[str], Styles, Any, str],
    refs: dict[str, tuple[int, int]],
    ref0: Any,
    convert: Any,
) -> None:
    """The cells of formula-free tokens in document order (`ref0`, `convert`: `sheetxml`'s address and value
    readings). ValueError for a value that cannot be read, as `sheetxml._store_fast` raises it."""
    strings, styles, epoch, title = ctx
    formats, dates = styles.formats, styles.dates
    fmt_of: dict[str, str] = {}  # the s attribute's text -> its number format
    rows, fmt_rows, emptied = out.values, out.formats, out.emptied
    unescape = sheetfast.unescape
    row_at = -1
    vals: list[Any] = []
    fmts: list[str | None] = []
    stored = 0
    # Each token stores at most one cell: fewer tokens than the cap need no count.
    counting = len(tokens) > MAX_CELLS
    for _before, coord, style, t, inline, text, _f, raw, closed in tokens:
        if not coord or closed:
            continue  # rows and whitespace only, or a self-closing empty cell (dropped, as xmlsafe drops it)
        rc = refs.get(coord)
        r, c = rc if rc is not None else ref0(coord)
        if r != row_at:  # tokens come row by row: the row's lists are looked up once
            row_at = r
            found = rows.get(r)
            if found is None:
                vals = rows[r] = []
                fmts = fmt_rows[r] = []
            else:
                vals, fmts = found, fmt_rows[r]
        value: Any = None
        if t == "inlineStr":
            if inline:
                value = text if "&" not in text else unescape(text)
        elif raw:
            if "&" in raw:
                raw = unescape(raw)
            s = int(style) if style else 0
            if (not t or t == "n") and raw.isdigit() and s not in dates:
                value = int(raw)  # `_convert`'s own first step
            else:
                value = convert(raw, t or "n", s, strings, styles, epoch)
        n = len(vals)
        if value is None:
            # An empty cell is stored only over an earlier one of its address: a later empty duplicate wins.
            if c >= n or (vals[c] is None and (r, c) not in emptied):
                continue
            vals[c] = fmts[c] = None
            emptied.add((r, c))
        else:
            fmt = fmt_of.get(style)
            if fmt is None:
                s = int(style) if style else 0
                fmt = fmt_of[style] = formats[s] if s < len(formats) else "General"
            if c == n:
                vals.append(value)
                fmts.append(fmt)
            elif c > n:
                gap = [None] * (c - n)
                vals.extend(gap)
                vals.append(value)
                fmts.extend(gap)
                fmts.append(fmt)
            else:
                vals[c], fmts[c] = value, fmt
                emptied.discard((r, c))
        if counting:
            stored += 1
            if stored > MAX_CELLS:
                raise too_big(title, stored, MAX_CELLS, more=True)


_LAST = itemgetter(-1)


def _drop_covered(data: SheetRows, merges: list[tuple[int, int, int, int]], title: str) -> None:
    """Empty every cell a merged range covers except its top-left one (`grid._drop_covered` on row lists)."""
    rows, fmt_rows = data.values, data.formats
    present = sorted(rows)
    work = 0
    for r1, c1, r2, c2 in merges:
        lo, hi = bisect_left(present, r1), bisect_right(present, r2)
        work += hi - lo
        if work > MAX_MERGE_WORK:
            raise too_big(title, work, MAX_MERGE_WORK)
        for r in present[lo:hi]:
            vals = rows[r]
            end = min(c2, len(vals) - 1)
            if c1 > end:
                continue
            fmts = fmt_rows[r]
            for c in range(c1 + (r == r1), end + 1):
                vals[c] = fmts[c] = None


def grid(title: str, data: SheetRows, merges: list[tuple[int, int, int, int]]) -> Grid:
    """The grid of the sheet, equal to `grid.build_grid(title, data.cells(), merges)`."""
    if merges:
        _drop_covered(data, merges, title)
    values = data.values
    lists = list(values.values())
    # Most sheets: no row to end early or drop (every row holds a value and ends with one), and fewer values
    # than the cap even counting empty ones. The row lists are then the grid's as they stand, and what the
    # loop below works out is found by passes in C.
    if all(lists) and None not in map(_LAST, lists) and sum(map(len, lists)) <= MAX_CELLS:
        keys = list(values)
        n_cols = max(map(len, lists), default=0)
        return finish_grid(title, values, data.formats, merges, n_cols, keys == sorted(keys))
    n_cells = 0
    rows: dict[int, list[Any]] = {}
    formats: dict[int, list[str | None]] = {}
    n_cols = 0
    last = -1
    ordered = True  # rows come in order from every writer but a hostile one: sorted only when they do not
    fmt_rows = data.formats
    for r, vals in data.values.items():
        if not vals:
            continue
        fmts = fmt_rows[r]
        if vals[-1] is None:  # an empty duplicate or a covered cell last: the row ends at its last value
            # By index, not `while vals and vals[-1] is None: pop()`: mypyc (mypy 2.4) compiles that loop followed by
            # `if not vals: continue` as if the row were always empty (the compiled build lost such rows).
            end = len(vals) - 1
            while end >= 0 and vals[end] is None:
                end -= 1
            del vals[end + 1 :], fmts[end + 1 :]
            if end < 0:
                continue
        n_cells += len(vals) - vals.count(None)
        if n_cells > MAX_CELLS:
            raise too_big(title, n_cells, MAX_CELLS)
        rows[r], formats[r] = vals, fmts
        ordered = ordered and r > last
        last = r
        if len(vals) > n_cols:
            n_cols = len(vals)
    return finish_grid(title, rows, formats, merges, n_cols, ordered)
