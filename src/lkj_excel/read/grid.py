"""A sheet as a plain, sparse grid of values and number formats.

The reader works on this grid, never on a library's cell objects, so the
loading backend can change (openpyxl, or the fast one) without touching it.

Both backends build it with `build_grid`, which fixes one reading: only cells
holding a value count (styled empty cells do not widen the sheet), a value in
a cell covered by a merged range is dropped (openpyxl keeps only the range's
top-left cell), merges are clipped to the cells that hold something, and rows
are stored only where they hold a value. A sheet larger than the caps raises
LkjError "sheet.too_big" instead of exhausting memory.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from ..errors import LkjError

# A cell value, its number format
CellData = tuple[Any, str | None]

# Caps, far above any LKjIP table (the largest real ones hold a few thousand cells):
# values per sheet, and the rows x columns rectangle the checks may walk over. The checks
# cost ~0,1 ms a cell, so a sheet at the cap is checked in seconds; a 200.000-row table
# (1,2 million cells) is refused at once instead of taking minutes and gigabytes.
MAX_CELLS = 250_000
MAX_AREA = 5_000_000
MAX_MERGE_WORK = 20_000_000


@dataclass(slots=True)
class Grid:
    title: str
    rows: dict[int, list[Any]]  # 0-based row -> values up to its last non-empty cell
    row_formats: dict[int, list[str | None]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 0-based inclusive r1,c1,r2,c2
    n_rows: int = 0
    n_cols: int = 0
    hidden: bool = False  # a hidden or very hidden sheet (a stale copy loses to a visible one)
    _row_merges: dict[int, list[tuple[int, int, int, int]]] | None = field(default=None, repr=False, compare=False)

    def copy(self) -> Grid:
        """A grid whose cells can be changed without touching this one's (the values are immutable).

        Spelled out rather than `copy.deepcopy`: the compiled build's classes cannot be copied that way."""
        rows = {r: list(v) for r, v in self.rows.items()}
        formats = dict(self.row_formats)
        return Grid(self.title, rows, formats, list(self.merges), self.n_rows, self.n_cols, self.hidden)

    def value(self, r: int, c: int) -> Any:
        row = self.rows.get(r)
        if row is not None and c < len(row):
            return row[c]
        return None

    def row(self, r: int) -> list[Any]:
        """The values of row ``r`` up to its last non-empty cell (cells past its end are empty)."""
        return self.rows.get(r) or []

    def fmt(self, r: int, c: int) -> str | None:
        row = self.row_formats.get(r)
        return row[c] if row is not None and c < len(row) else None

    def text(self, r: int, c: int) -> str:
        return text_of(self.value(r, c))

    def cells(self) -> list[tuple[int, int, Any]]:
        """Every non-empty cell as (row, col, value), row by row."""
        return [(r, c, v) for r in sorted(self.rows) for c, v in enumerate(self.rows[r]) if v is not None]

    def merges_at(self, r: int) -> list[tuple[int, int, int, int]]:
        """The merged ranges that cover row ``r``, in their order."""
        rm = self._row_merges
        if rm is None:
            rm = self._row_merges = {}
        out = rm.get(r)
        if out is None:
            out = rm[r] = [m for m in self.merges if m[0] <= r <= m[2]]
        return out

    def merged_value(self, r: int, c: int) -> Any:
        """Value of the merged range covering (r, c), else the cell's own."""
        if self.merges:
            for r1, c1, _r2, c2 in self.merges_at(r):
                if c1 <= c <= c2:
                    return self.value(r1, c1)
        return self.value(r, c)

    def merged_row(self, r: int) -> list[Any]:
        """``merged_value(r, c)`` of every column, worked out in one pass over the row's merges."""
        row = self.rows.get(r) or []
        out = row + [None] * (self.n_cols - len(row))
        if self.merges:
            taken: set[int] = set()  # the first range covering a cell gives its value, as in merged_value
            for r1, c1, _r2, c2 in self.merges_at(r):
                v = self.value(r1, c1)
                for c in range(c1, min(c2, self.n_cols - 1) + 1):
                    if c not in taken:
                        taken.add(c)
                        out[c] = v
        return out

    def merge_origin(self, r: int, c: int) -> tuple[int, int] | None:
        for r1, c1, r2, c2 in self.merges:
            if r1 <= r <= r2 and c1 <= c <= c2 and (r, c) != (r1, c1):
                return (r1, c1)
        return None


def text_of(v: Any) -> str:
    """A cell value as text, as ``Grid.text`` gives it."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def ref(r: int, c: int) -> str:
    """A1 address of 0-based (row, col)."""
    return f"{get_column_letter(c + 1)}{r + 1}"


def too_big(title: str, n: int, limit: int, more: bool = False) -> LkjError:
    """LkjError "sheet.too_big"; `more`: reading stopped at `n`, the sheet holds at least that many."""
    cells = ("> " if more else "") + f"{limit if more else n:,}".replace(",", ".")
    return LkjError("sheet.too_big", sheet=title, cells=cells, limit=f"{limit:,}".replace(",", "."))


def _drop_covered(cells: dict[int, dict[int, CellData]], merges: list[tuple[int, int, int, int]], title: str) -> None:
    """Empty every cell a merged range covers except its top-left one, as openpyxl does."""
    if not merges:
        return
    present = sorted(cells)
    work = 0
    for r1, c1, r2, c2 in merges:
        lo, hi = bisect_left(present, r1), bisect_right(present, r2)
        work += hi - lo
        if work > MAX_MERGE_WORK:
            raise too_big(title, work, MAX_MERGE_WORK)
        for r in present[lo:hi]:
            row = cells[r]
            if len(row) <= c2 - c1 + 1:
                hits = [c for c in row if c1 <= c <= c2]
            else:
                hits = [c for c in range(c1, c2 + 1) if c in row]
            for c in hits:
                if (r, c) != (r1, c1):
                    del row[c]


def finish_grid(
    title: str,
    rows: dict[int, list[Any]],
    formats: dict[int, list[str | None]],
    merges: list[tuple[int, int, int, int]],
    n_cols: int,
    ordered: bool,
) -> Grid:
    """The Grid of stored row lists: its area capped, merges clipped to it, rows in order (shared by both builders)."""
    n_rows = max(rows) + 1 if rows else 0
    if n_rows * n_cols > MAX_AREA:
        raise too_big(title, n_rows * n_cols, MAX_AREA)
    clipped = []
    for r1, c1, r2, c2 in merges:
        r2, c2 = min(r2, n_rows - 1), min(c2, n_cols - 1)
        if r1 <= r2 and c1 <= c2 and (r1, c1) != (r2, c2):
            clipped.append((r1, c1, r2, c2))
    if not ordered:
        rows, formats = dict(sorted(rows.items())), dict(sorted(formats.items()))
    return Grid(title, rows, formats, clipped, n_rows, n_cols)


def build_grid(title: str, cells: dict[int, dict[int, CellData]], merges: list[tuple[int, int, int, int]]) -> Grid:
    """The grid of a sheet from its cells {row: {col: (value, format)}} (0-based; empty values allowed)."""
    _drop_covered(cells, merges, title)
    n_cells = 0
    rows: dict[int, list[Any]] = {}
    formats: dict[int, list[str | None]] = {}
    n_cols = 0
    last = -1
    ordered = True  # rows come in order from every writer but a hostile one: sorted only when they do not
    for r, row in cells.items():
        if not row:
            continue
        width = max(row) + 1
        vals: list[Any] = [None] * width
        fmts: list[str | None] = [None] * width
        filled = 0
        for c, (v, f) in row.items():
            if v is not None:
                vals[c] = v
                fmts[c] = f
                filled += 1
        if filled < len(row):  # empty cells (a formula without a result): the row ends at its last value
            if not filled:
                continue
            while vals[-1] is None:
                vals.pop()
                fmts.pop()
            width = len(vals)
        n_cells += filled
        if n_cells > MAX_CELLS:
            raise too_big(title, n_cells, MAX_CELLS)
        rows[r], formats[r] = vals, fmts
        ordered = ordered and r > last
        last = r
        if width > n_cols:
            n_cols = width
    return finish_grid(title, rows, formats, merges, n_cols, ordered)


def from_openpyxl(ws: Any) -> Grid:
    """The grid of an openpyxl worksheet (loaded with data_only=True)."""
    cells: dict[int, dict[int, CellData]] = {}
    # The stored cells only (iter_rows would walk the whole rectangle up to the farthest cell).
    for (r, c), cell in sorted(ws._cells.items()):
        v = cell.value
        if v is not None:
            cells.setdefault(r - 1, {})[c - 1] = (v, cell.number_format)
    ranges = getattr(ws, "merged_cells", None)
    merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ranges.ranges] if ranges else []
    grid = build_grid(ws.title, cells, merges)
    grid.hidden = getattr(ws, "sheet_state", "visible") != "visible"
    return grid
