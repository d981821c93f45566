"""A sheet as a plain grid of values and number formats.

The reader works on this grid, never on a library's cell objects, so the
loading backend can change (openpyxl, or a faster one) without touching it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter


@dataclass(slots=True)
class Grid:
    title: str
    values: list[list[Any]]  # [row][col], 0-based
    formats: list[list[str | None]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 0-based inclusive r1,c1,r2,c2
    hidden: bool = False  # a hidden or very hidden sheet (a stale copy loses to a visible one)
    _n_cols: int = -1  # computed once: the reader asks for it in every loop
    _row_merges: dict[int, list[tuple[int, int, int, int]]] | None = field(default=None, repr=False, compare=False)

    @property
    def n_rows(self) -> int:
        return len(self.values)

    @property
    def n_cols(self) -> int:
        if self._n_cols < 0:
            self._n_cols = max((len(r) for r in self.values), default=0)
        return self._n_cols

    def value(self, r: int, c: int) -> Any:
        values = self.values
        if r < len(values):
            row = values[r]
            if c < len(row):
                return row[c]
        return None

    def row(self, r: int) -> list[Any]:
        """The values of row ``r`` as stored (cells past its end are empty)."""
        values = self.values
        return values[r] if r < len(values) else []

    def fmt(self, r: int, c: int) -> str | None:
        row = self.formats[r] if r < len(self.formats) else []
        return row[c] if c < len(row) else None

    def text(self, r: int, c: int) -> str:
        values = self.values
        if r < len(values):
            row = values[r]
            if c < len(row):
                return text_of(row[c])
        return ""

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


def from_openpyxl(ws: Any) -> Grid:
    values: list[list[Any]] = []
    formats: list[list[str | None]] = []
    for row in ws.iter_rows():
        vals: list[Any] = []
        fmts: list[str | None] = []
        for cell in row:
            v = cell.value
            vals.append(v)
            fmts.append(cell.number_format if v is not None else None)
        values.append(vals)
        formats.append(fmts)
    # Trailing empty rows carry nothing.
    while values and all(v is None for v in values[-1]):
        values.pop()
        formats.pop()
    merges = (
        [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in getattr(ws, "merged_cells", []).ranges]
        if hasattr(ws, "merged_cells")
        else []
    )
    return Grid(ws.title, values, formats, merges, hidden=getattr(ws, "sheet_state", "visible") != "visible")
