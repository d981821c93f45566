"""A figure a paragraph may state (`Figure`), and what the table figures read of a table's cells."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Cell, Row, Table
from ..precision import Interval, interval_of
from .layout import DIFF_COLUMNS, NO_SLIP, class_id

_SPACE_RE = re.compile(r"\s+")


@dataclass(slots=True)
class Figure:
    """A figure a paragraph may state: a cell, or one computed from cells.

    A slots class, not a named tuple: the judging reads its fields thousands of times per workbook, and a
    slot is read ~3x faster than a named tuple's field."""

    value: float  # signed: for differences, a - b as described in ``desc``
    lo: float  # interval of the magnitude, from the cells' printed precision
    hi: float
    decimals: int  # decimals to print it with
    kind: str  # value | sum | difference | ratio | average | share | count
    unit: str | None  # "%", "Rp", "Ha", "count" or None (scores)
    table: str
    cells: tuple[Cell, ...]
    column: str
    row_id: str | None = None
    row_label: str = ""
    years: tuple[int, ...] = ()
    desc: str = ""
    is_cell: bool = False
    trend: float | None = None  # later year minus earlier year, for year differences
    recomputed: float | None = None  # printed total that the data rows do not add up to
    row: Row | None = None


def numeric_columns(t: Table) -> list[tuple[str, str, bool]]:
    """(column id, kind, exact) of the numeric columns present, numbering left out."""
    out = []
    for col in t.spec.columns:
        if not col.numeric or col.id == "no" or col.id not in t.columns and not any(col.id in r.cells for r in t.rows):
            continue
        if col.kind == "integer" and col.id in ("no", "nomor"):
            continue
        out.append((col.id, col.kind, col.exact))
    return out


def number_cell(r: Row, cid: str) -> Cell | None:
    c = r.cells.get(cid)
    return c if c is not None and c.value is not None and c.status in ("number", "predikat") else None


def value_of(c: Cell) -> float:
    """The value of a cell ``number_cell`` returned, which has one."""
    v = c.value
    if v is None:
        raise ValueError(f"{c.ref}: no number")
    return v


def _interval(c: Cell, exact: bool) -> Interval:
    iv = interval_of(c, exact)
    if iv is None:
        raise ValueError(f"{c.ref}: no number")
    return iv


def _row_name(r: Row, t: Table) -> str:
    label = r.label
    for cid in ("kecamatan", "desa", "uraian", "program", "aspek", "unsur"):
        c = r.cells.get(cid)
        if c is not None and c.text and c.text not in label:
            label = f"{label} — {c.text}" if label else c.text
    label = label or f"baris {r.excel_row}"
    if label.isprintable() and "  " not in label:
        return label.strip()  # its only whitespace is single spaces: the substitution would keep it
    return _SPACE_RE.sub(" ", label).strip()


_INF = float("inf")
_HALF: dict[int, float] = {}


def _half(decimals: int) -> float:
    h = _HALF.get(decimals)
    if h is None:
        h = _HALF[decimals] = 0.5 * 10 ** (-decimals)  # as precision.half_unit
    return h


def slip_class(f: Figure) -> int:
    """The class id of a figure the slip search may name (`slips.fig_class`), else NO_SLIP."""
    if f.recomputed is not None or not -_INF < f.value < _INF:
        return NO_SLIP
    return class_id(f.kind, f.unit, f.is_cell and f.column in DIFF_COLUMNS, "capaian" in f.column)


def _share(alo: float, ahi: float, blo: float, bhi: float) -> tuple[float, float]:
    """``(Interval(alo, ahi) / Interval(blo, bhi)).scale(100)`` without the objects, folded onto the
    non-negative half as `add` folds a percentage."""
    if blo <= 0 <= bhi:
        lo, hi = -_INF, _INF
    else:
        qs = (alo / blo, alo / bhi, ahi / blo, ahi / bhi)
        a, b = min(qs) * 100, max(qs) * 100
        lo, hi = min(a, b), max(a, b)
    if not lo >= 0:
        if hi <= 0:
            lo, hi = -hi, -lo
        else:  # max(-lo, hi), without the tuples and the call
            lo, hi = 0.0, (hi if hi > -lo else -lo)
    return lo, hi
