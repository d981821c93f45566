"""The cells of a corrected table sheet before they are written: the slot of
each output cell, the static value of an input cell, the extra (non-standard)
columns kept beside the standard ones, and the A1/row-height helpers of
`corrected.py`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from ..findings import Finding
from ..model import Cell, Table
from ..numerals import FORMAT_UNITS
from ..read.grid import Grid
from ..spec import TableSpec
from .layout import TableLayout


@dataclass
class Slot:
    """One output cell of a table sheet before it is written."""

    kind: str  # num | str | formula | blank
    value: Any = None
    formula: str | None = None
    cell: Cell | None = None  # the input cell, if any
    num_format: str | None = None
    numeric: bool = False
    center: bool = False
    bold: bool = False
    fill: str | None = None
    added: bool = False
    merge_to: int | None = None  # last column of a merge started here
    findings: list[Finding] = field(default_factory=list)


def num(x: Any) -> float | None:
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)) and math.isfinite(float(x)):
        return float(x)
    return None


def static_slot(cell: Cell | None, lc: Any, t: Table) -> Slot:
    """The slot of an input cell as read (before findings and the repair plan)."""
    col = lc.spec
    center = col.id == t.spec.numbering
    if cell is None:
        return Slot("blank", num_format=lc.num_format, numeric=col.numeric, center=center)
    s = Slot("str", cell.raw, cell=cell, num_format=lc.num_format, numeric=col.numeric, center=center)
    p = cell.parsed
    if col.numeric:
        if p.status == "number" and p.value is not None and (p.unit is None or p.unit in FORMAT_UNITS):
            s.kind, s.value = "num", p.value
        elif p.status == "none":
            s.kind, s.value, s.center = "str", "-", True
        elif isinstance(cell.raw, (int, float)) and not isinstance(cell.raw, bool):
            s.kind = "raw"
        else:
            s.kind, s.value, s.numeric = "str", str(cell.raw), False
            s.center = p.status == "predikat" or center
    else:
        s.kind = "raw"
        s.numeric = isinstance(cell.raw, (int, float))
        s.num_format = None
    return s


def header_anchor(lay: TableLayout, r: int, c: int) -> tuple[int, int]:
    """The top-left cell of the standard header cell that covers (r, c)."""
    for r1, c1, r2, c2, _text in lay.header_cells():
        if r1 <= r <= r2 and c1 <= c <= c2:
            return (r1, c1)
    return (lay.header_rows[0], c)


def extra_columns(t: Table, g: Grid, used: set[int]) -> tuple[list[int], list[str]]:
    """Input columns outside the standard ones that hold values, with their header paths."""
    first_hdr = t.header_rows[0] - 1
    extra_cols = sorted(
        c
        for c in range(g.n_cols)
        if c not in used and any(g.value(r, c) is not None for r in range(first_hdr, g.n_rows) if r + 1 != t.number_row)
    )
    extra_hdr = []
    for c in extra_cols:
        path: list[str] = []
        for hr in t.header_rows:
            v = g.merged_value(hr - 1, c)
            if v is not None and str(v).strip() and str(v).strip() not in path:
                path.append(str(v).strip())
        extra_hdr.append(" / ".join(path) or f"Kolom {get_column_letter(c + 1)} (asli)")
    return extra_cols, extra_hdr


def merge_numbering_labels(
    spec: TableSpec, lay: TableLayout, slots: dict[tuple[int, int], Slot], n_rows: int
) -> set[tuple[int, int]]:
    """A label typed in the narrow numbering column ("J u m l a h", "Total") spans the next column.

    Returns the cells covered by such a merge (not written themselves).
    """
    merged: set[tuple[int, int]] = set()
    if spec.numbering and lay.has(spec.numbering):
        nc = lay.col(spec.numbering).index
        for i in range(n_rows):
            r = lay.data_start + i
            s0, s1 = slots.get((r, nc)), slots.get((r, nc + 1))
            if (
                s0 is not None
                and s1 is not None
                and s1.kind == "blank"
                and not s1.findings
                and s0.kind in ("str", "raw")
                and isinstance(s0.value, str)
                and s0.value.strip()
            ):
                s0.merge_to = nc + 1
                s0.center = False
                merged.add((r, nc + 1))
    return merged


def row_height(text: str, width: float) -> float:
    """Points needed to show `text` wrapped in a column `width` characters wide (Arial 10)."""
    per_line = max(1.0, width * 1.15 - 1)
    lines = sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))
    return 13.0 * lines + 2


def decimals_of(v: Any) -> int:
    x = num(v)
    if x is None or x.is_integer():
        return 0
    s = repr(x)
    return min(4, len(s.split(".")[1])) if "." in s and "e" not in s else 2


def column_decimals(t: Table) -> dict[str, int]:
    out: dict[str, int] = {}
    for col in t.spec.columns:
        if not col.numeric or col.id == t.spec.numbering:
            continue
        ds = [
            c.decimals
            for r in t.rows
            if r.role == "data"
            for c in [r.cells.get(col.id)]
            if c is not None and c.status == "number" and c.decimals is not None
        ]
        if not ds:
            ds = [
                c.decimals
                for r in t.rows
                for c in [r.cells.get(col.id)]
                if c is not None and c.status in ("number", "predikat") and c.decimals is not None
            ]
        if ds:
            out[col.id] = min(max(ds), 4)
    return out


def col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def parse_a1(a1: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", a1)
    if not m:
        return (-1, -1)
    return int(m.group(2)) - 1, col_index(m.group(1))
