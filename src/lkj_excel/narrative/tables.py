"""The figures a paragraph may state from one table: its cells and the figures computed from them."""

from __future__ import annotations

import math
import operator
from itertools import chain

from ..model import Cell, Row, Table, Workbook
from ..precision import Interval, consistent
from .figure import _HALF, _half, _interval, _row_name, _share
from .figure import Figure as Figure
from .figure import number_cell as number_cell
from .figure import numeric_columns as numeric_columns
from .figure import slip_class as slip_class
from .figure import value_of as value_of
from .layout import (
    CLASS_IDS,
    NO_SLIP,
    UNIT_OF_KIND,
    cell_classes,
    class_id,
    pairs,
    ratio_pairs,
    year_of,
)


def table_figures(wb: Workbook, t: Table, cols: list[tuple[str, str, bool]] | None = None) -> list[Figure]:
    """Every figure a sentence may state about table `t`: its cells, column sums, means and row
    counts, per-row differences and ratios, peer differences and shares of a column total.
    `cols`: the table's `numeric_columns`, when the caller has them."""
    return build_figures(t, numeric_columns(t) if cols is None else cols).out


def build_figures(
    t: Table, cols: list[tuple[str, str, bool]], before: _TableFigures | None = None, changed: set[int] | None = None
) -> _TableFigures:
    """`table_figures`, with what it was built from. `before`: the same table's build before some of its
    cells changed (the analysis after localization): the figures of a row whose numeric cells are the same
    (`_TableFigures.unchanged`), and the shares of a column all of whose rows are, are its very objects.
    `changed`: the cells (by id) whose value changed since `before`, when known: a row without one is not
    read again (the others are found by comparing their cells with `before`'s)."""
    if before is not None and (before.t is not t or before.cols != cols):
        before = None  # another table or layout: nothing to take over
    f = _TableFigures(t, cols, before, changed)
    same = f.unchanged(before) if before is not None else _NONE
    f.cells(before, same)
    f.aggregates()
    row_spans = before.row_spans if before is not None else {}
    out = f.out
    for r in t.rows:
        span = row_spans.get(id(r)) if id(r) in same else None
        if span is not None and before is not None:
            start = len(out)
            out += before.out[span[0] : span[1]]
            f.classes.extend(before.classes[span[0] : span[1]])
            f.los += before.los[span[0] : span[1]]
            f.his += before.his[span[0] : span[1]]
            f.row_spans[id(r)] = (start, len(out))
        else:
            f.row_figures(r)
    f.peers()
    f.shares(before, same)
    values = list(map(_VALUE, out))
    if not math.isfinite(sum(values)):  # rare: a value not finite (or a sum past the largest float)
        f.classes = [NO_SLIP if not -_INF < v < _INF else k for v, k in zip(values, f.classes, strict=True)]
    return f


# One numeric cell of a row: (position in the numeric columns, cell, interval lo, hi, value, decimals or 0).
_Present = tuple[int, Cell, float, float, float, int]
# A column's cells over the data rows: (sum of values, sum of lows, sum of highs, most decimals, cells).
_Column = tuple[float, float, float, int, list[Cell]]
_NUMBER = frozenset(("number", "predikat"))
_INF = float("inf")
_NONE: frozenset[int] = frozenset()
# The figures of a table are made by setting their slots on a new object: the dataclass's __init__ (a call
# through the type, an argument tuple) cost about twice as much, ~900 times per workbook.
_new = Figure.__new__
_VALUE = operator.attrgetter("value")


class _TableFigures:
    """The figures of one table, built in a fixed order (cells first) so that ranking ties stay stable.

    The hot loops work on plain floats (an interval as its two bounds) and build each ``Figure`` directly.
    """

    def __init__(
        self,
        t: Table,
        cols: list[tuple[str, str, bool]],
        before: _TableFigures | None = None,
        changed: set[int] | None = None,
    ) -> None:
        self.t = t
        self.tid = t.id
        self.cols = cols
        self.pairs = pairs(tuple(cols))
        self.ratio_pairs = ratio_pairs(tuple(cols))
        self.kinds = {cid: kind for cid, kind, _ in cols}
        self.years = {cid: year_of(cid) for cid, _, _ in cols}
        self.out: list[Figure] = []
        self.classes: list[int] = []  # per figure of `out`: its slip class (`class_id`) or NO_SLIP
        # Per figure of `out`: its interval's bounds, kept as the loops make them: the index orders the figures
        # by them (`index.FigureIndex`), which read them back through an attribute getter per figure.
        self.los: list[float] = []
        self.his: list[float] = []
        # Where each row's cell figures and row figures, and each column's shares, lie in `out`: a build
        # after some cells changed takes over those of the unchanged rows and columns (`build_figures`).
        self.cell_spans: dict[int, tuple[int, int]] = {}
        self.row_spans: dict[int, tuple[int, int]] = {}
        self.share_spans: dict[int, tuple[int, int]] = {}
        self.data = [r for r in t.rows if r.role == "data"]
        self.names: dict[int, str] = {}
        # Each row's numeric cells (in column order) with their intervals, computed once: the loops below
        # pair them up. (The cells ``number_cell`` keeps, with the interval ``interval_of`` gives them.)
        self.present_of: dict[int, list[_Present]] = {}
        names, present_of = self.names, self.present_of
        # `before`, `changed`: the same table's build and the cells (by id) changed since: the rows without a
        # changed cell have the same numeric cells and name (the rest are `dirty`).
        old: dict[int, list[_Present]] | None = None
        old_names: dict[int, str] = {}
        dirty: set[int] = set()
        unchanged_cells: set[int] = set()
        if before is not None and changed is not None and before.t is t and before.cols == cols:
            old, old_names, unchanged_cells = before.present_of, before.names, changed
        for r in t.rows:
            if old is not None:
                if unchanged_cells.isdisjoint(map(id, r.cells.values())):
                    same_row = present_of[id(r)] = old[id(r)]
                    if same_row:
                        names[id(r)] = old_names[id(r)]
                    continue
                dirty.add(id(r))
            get = r.cells.get
            row: list[_Present] = []
            for ci, (cid, _kind, ex) in enumerate(cols):
                c = get(cid)
                if c is None:
                    continue
                parsed = c.parsed
                v = parsed.value
                if v is None or parsed.status not in _NUMBER:
                    continue
                dec = parsed.decimals or 0
                if ex:
                    row.append((ci, c, v, v, v, dec))
                else:
                    h = _HALF.get(dec)
                    if h is None:
                        h = _half(dec)
                    row.append((ci, c, v - h, v + h, v, dec))
            present_of[id(r)] = row
            if row:  # a row is named by its figures only: those of the rows with a number
                names[id(r)] = _row_name(r, t)
        # The numeric cells of each column over the data rows, with their row.
        self.col_rows: list[list[tuple[Row, _Present]]] = [[] for _ in cols]
        for r in self.data:
            for e in self.present_of[id(r)]:
                self.col_rows[e[0]].append((r, e))
        self.dirty: set[int] | None = None if old is None else dirty
        touched = None if old is None else {e[0] for k in dirty for e in chain(old[k], present_of[k])}
        self.columns: dict[str, _Column] = self._sum_columns(touched, before.columns if before is not None else {})
        # The sums a total is checked against and a share is taken of: no sum of percentages.
        self.sums = {cid: col for cid, col in self.columns.items() if self.kinds[cid] != "percent"}

    def _sum_columns(self, touched: set[int] | None, old_columns: dict[str, _Column]) -> dict[str, _Column]:
        """Per column of at least two cells: value and interval sums (recomputed, not the printed total).
        `touched`: the columns with a cell of a dirty row, when known: the others' are `old_columns`'."""
        columns: dict[str, _Column] = {}
        for ci, ((cid, _, _), entries) in enumerate(zip(self.cols, self.col_rows, strict=True)):
            if touched is not None and ci not in touched:
                if cid in old_columns:
                    columns[cid] = old_columns[cid]
                continue
            if len(entries) < 2:
                continue
            lo = hi = 0.0
            dec = entries[0][1][5]  # the most decimals (a generator through `max` cost more than the sums)
            for _r, e in entries:
                lo += e[2]
                hi += e[3]
                if e[5] > dec:
                    dec = e[5]
            cs = [e[1] for _r, e in entries]
            columns[cid] = (sum([e[4] for _r, e in entries]), lo, hi, dec, cs)
        return columns

    def unchanged(self, before: _TableFigures) -> set[int]:
        """The rows (by id) whose figures `before` built the same: the same numeric cells with the same
        values, intervals and decimals, and the same name. A row with a zero is left out (0.0 equals -0.0,
        whose differences print otherwise)."""
        if self.dirty is not None:  # the rows without a changed cell (`__init__`)
            dirty = self.dirty
            return {k for k, row in self.present_of.items() if row and k not in dirty and all(e[4] for e in row)}
        old_present, old_names, names = before.present_of, before.names, self.names
        out = set()
        for k, row in self.present_of.items():
            if row and row == old_present.get(k) and names[k] == old_names.get(k) and all(e[4] for e in row):
                out.add(k)
        return out

    def name(self, r: Row) -> str:
        name = self.names.get(id(r))
        if name is None:
            name = self.names[id(r)] = _row_name(r, self.t)
        return name

    def add(
        self,
        value: float,
        lo: float,
        hi: float,
        decimals: int,
        kind: str,
        unit: str | None,
        cells: tuple[Cell, ...],
        column: str,
        r: Row | None,
        desc: str,
        years: tuple[int, ...] = (),
    ) -> None:
        """A computed figure, its interval given by its bounds (folded to a magnitude)."""
        if not lo >= 0:  # as magnitude: NaN too
            if hi <= 0:
                lo, hi = -hi, -lo
            else:  # max(-lo, hi), without the tuples and the call
                lo, hi = 0.0, (hi if hi > -lo else -lo)
        rid, name = (None, "") if r is None else (r.row_id, self.name(r))
        f = _new(Figure)
        f.value, f.lo, f.hi, f.decimals, f.kind, f.unit = value, lo, hi, decimals, kind, unit
        f.table, f.cells, f.column, f.row_id, f.row_label, f.years = self.tid, cells, column, rid, name, years
        f.desc, f.is_cell, f.trend, f.recomputed, f.row = desc, False, None, None, r
        self.out.append(f)
        self.los.append(lo)
        self.his.append(hi)
        k = CLASS_IDS.get((kind, unit, False, "capaian" in column))
        self.classes.append(class_id(kind, unit, False, "capaian" in column) if k is None else k)

    def cells(self, before: _TableFigures | None = None, same: frozenset[int] | set[int] = _NONE) -> None:
        """Each numeric cell as a figure; `before`, `same`: as `build_figures` (a total row is built anew: its
        cells are compared with the column sums)."""
        total_columns = self.t.spec.total_columns
        cols, out, tid, sums, spans = self.cols, self.out, self.tid, self.sums, self.cell_spans
        classes, los, his = self.classes, self.los, self.his
        cell_years = [(y,) if (y := year_of(cid)[1]) else () for cid, _, _ in cols]
        units = [UNIT_OF_KIND.get(kind) for _, kind, _ in cols]
        cls_of = cell_classes(tuple(cols))
        unit: str | None
        for r in self.t.rows:
            present = self.present_of[id(r)]
            if not present:
                continue
            rid, name, role = r.row_id, self.names[id(r)], r.role
            start = len(out)
            if id(r) in same and role != "total" and before is not None:
                span = before.cell_spans[id(r)]
                out += before.out[span[0] : span[1]]
                classes.extend(before.classes[span[0] : span[1]])
                los += before.los[span[0] : span[1]]
                his += before.his[span[0] : span[1]]
                spans[id(r)] = (start, len(out))
                continue
            fk = "sum" if role in ("total", "subtotal") else "value"
            unit_cls, pct_cls = cls_of[fk]
            for ci, c, lo, hi, v, dec in present:
                cid, kind, ex = cols[ci]
                recomputed = None
                if role == "total" and cid in sums and (cid in total_columns or ex or kind == "score"):
                    sv, slo, shi, _, _ = sums[cid]
                    if not consistent(v, c.decimals if not ex else 0, Interval(slo, shi)):
                        recomputed = sv
                if c.parsed.unit == "%":
                    unit, k = "%", pct_cls[ci]
                else:
                    unit, k = units[ci], unit_cls[ci]
                if not lo >= 0:
                    if hi <= 0:
                        lo, hi = -hi, -lo
                    else:  # max(-lo, hi), without the tuples and the call
                        lo, hi = 0.0, (hi if hi > -lo else -lo)
                f = _new(Figure)
                f.value = v
                f.lo = lo
                f.hi = hi
                f.decimals = dec
                f.kind = fk
                f.unit = unit
                f.table = tid
                f.cells = (c,)
                f.column = cid
                f.row_id = rid
                f.row_label = name
                f.years = cell_years[ci]
                f.desc = cid
                f.is_cell = True
                f.trend = None
                f.recomputed = recomputed
                f.row = r
                out.append(f)
                classes.append(k if recomputed is None else NO_SLIP)
                los.append(lo)
                his.append(hi)
            spans[id(r)] = (start, len(out))

    def aggregates(self) -> None:
        """Sums, means and row counts."""
        for cid, (sv, lo, hi, dec, cs) in self.sums.items():
            self.add(sv, lo, hi, dec, "sum", UNIT_OF_KIND.get(self.kinds[cid]), tuple(cs), cid, None, f"jumlah {cid}")
        for cid, (sv, lo, hi, dec, cs) in self.columns.items():
            n = len(cs)
            kind = self.kinds[cid]
            k = 1 / n  # as Interval.scale(1 / n)
            a, b = lo * k, hi * k
            unit = "%" if kind == "percent" else UNIT_OF_KIND.get(kind)
            self.add(
                sv / n, min(a, b), max(a, b), max(dec, 2), "average", unit, tuple(cs), cid, None, f"rata-rata {cid}"
            )
        if len(self.data) >= 2:
            n_rows = float(len(self.data))
            self.add(n_rows, n_rows, n_rows, 0, "count", "count", (), "_rows", None, "jumlah baris")

    def row_figures(self, r: Row) -> None:
        """The row's differences, then its ratios, over its numeric cells placed by column."""
        present = self.present_of[id(r)]
        if len(present) < 2:
            return  # a difference or a ratio takes two cells
        at: list[_Present | None] = [None] * len(self.cols)
        for e in present:
            at[e[0]] = e
        start = len(self.out)
        self.row_differences(r, at)
        if self.ratio_pairs:
            self.row_ratios(r, at)
        self.row_spans[id(r)] = (start, len(self.out))

    def row_differences(self, r: Row, at: list[_Present | None]) -> None:
        """Differences of two columns of the same kind on one row (a trend when their years differ)."""
        out, tid, rid, name, classes = self.out, self.tid, r.row_id, self.names[id(r)], self.classes
        los, his = self.los, self.his
        for i, j, column, desc, unit, yrs, sign, k in self.pairs:  # this loop is the narrative's hottest
            ea, eb = at[i], at[j]
            if ea is None or eb is None:
                continue
            _, ca, alo, ahi, va, da = ea
            _, cb, blo, bhi, vb, db = eb
            lo, hi = alo - bhi, ahi - blo
            if not lo >= 0:
                if hi <= 0:
                    lo, hi = -hi, -lo
                else:  # max(-lo, hi), without the tuples and the call
                    lo, hi = 0.0, (hi if hi > -lo else -lo)
            trend = None if sign == 0 else (va - vb) if sign > 0 else (vb - va)
            f = _new(Figure)
            f.value = va - vb
            f.lo = lo
            f.hi = hi
            f.decimals = da if da > db else db
            f.kind = "difference"
            f.unit = unit
            f.table = tid
            f.cells = (ca, cb)
            f.column = column
            f.row_id = rid
            f.row_label = name
            f.years = yrs
            f.desc = desc
            f.is_cell = False
            f.trend = trend
            f.recomputed = None
            f.row = r
            out.append(f)
            classes.append(k)
            los.append(lo)
            his.append(hi)

    def row_ratios(self, r: Row, at: list[_Present | None]) -> None:
        """Realisasi over target (numerator stems over denominator stems) of one year, on one row."""
        out, tid, rid, name, classes = self.out, self.tid, r.row_id, self.names[id(r)], self.classes
        los, his = self.los, self.his
        for ia, ib, column, desc, yrs, k in self.ratio_pairs:
            ea, eb = at[ia], at[ib]
            if ea is None or eb is None or ea[4] == 0:
                continue
            _, ca, alo, ahi, va, _ = ea
            _, cb, blo, bhi, vb, _ = eb
            if 0 < alo <= ahi and 0 < blo <= bhi:  # `_share` of positive bounds, written out
                lo, hi = blo / ahi * 100, bhi / alo * 100
            else:
                lo, hi = _share(blo, bhi, alo, ahi)
            f = _new(Figure)
            f.value = vb / va * 100
            f.lo = lo
            f.hi = hi
            f.decimals = 2
            f.kind = "ratio"
            f.unit = "%"
            f.table = tid
            f.cells = (cb, ca)
            f.column = column
            f.row_id = rid
            f.row_label = name
            f.years = yrs
            f.desc = desc
            f.is_cell = False
            f.trend = None
            f.recomputed = None
            f.row = r
            out.append(f)
            classes.append(k)
            los.append(lo)
            his.append(hi)

    def peers(self) -> None:
        """Same column across rows that share an id (own office vs a peer in Tabel 3.12)."""
        by_id: dict[str, list[Row]] = {}
        for r in self.data:
            if r.row_id:
                by_id.setdefault(r.row_id, []).append(r)
        for rows in by_id.values():
            if len(rows) < 2 or len(rows) > 4:
                continue
            for cid, kind, ex in self.cols:
                for i, ra in enumerate(rows):
                    for rb in rows[i + 1 :]:
                        ca, cb = number_cell(ra, cid), number_cell(rb, cid)
                        if ca is None or cb is None:
                            continue
                        y = self.years[cid][1]
                        iv = _interval(ca, ex) - _interval(cb, ex)
                        self.add(
                            value_of(ca) - value_of(cb),
                            iv.lo,
                            iv.hi,
                            max(ca.decimals or 0, cb.decimals or 0),
                            "difference",
                            UNIT_OF_KIND.get(kind),
                            (ca, cb),
                            cid,
                            ra,
                            f"{cid}: {_row_name(ra, self.t)} − {_row_name(rb, self.t)}",
                            (y,) if y else (),
                        )

    def shares(self, before: _TableFigures | None = None, same: frozenset[int] | set[int] = _NONE) -> None:
        """Shares of a column total within the table; `before`, `same`: as `build_figures` (a column all of
        whose rows are unchanged has the same total)."""
        out, tid, names, classes, los, his = self.out, self.tid, self.names, self.classes, self.los, self.his
        for ci, (cid, kind, _) in enumerate(self.cols):
            if kind not in ("count", "hectare", "rupiah") or cid not in self.sums:
                continue
            sv, slo, shi, _, _ = self.sums[cid]
            if sv == 0:
                continue
            start = len(out)
            if before is not None and ci in before.share_spans:
                entries = self.col_rows[ci]
                if len(entries) == len(before.col_rows[ci]) and all(id(r) in same for r, _e in entries):
                    span = before.share_spans[ci]
                    out += before.out[span[0] : span[1]]
                    classes.extend(before.classes[span[0] : span[1]])
                    los += before.los[span[0] : span[1]]
                    his += before.his[span[0] : span[1]]
                    self.share_spans[ci] = (start, len(out))
                    continue
            desc = f"{cid} / jumlah {cid} × 100"
            k = class_id("share", "%", False, "capaian" in cid)
            pos = 0 < slo <= shi  # `_share` over a positive total: a positive cell's bounds are lo/shi, hi/slo
            for r, (_, c, lo, hi, v, _) in self.col_rows[ci]:
                if pos and 0 < lo <= hi:
                    qlo, qhi = lo / shi * 100, hi / slo * 100
                else:
                    qlo, qhi = _share(lo, hi, slo, shi)
                f = _new(Figure)
                f.value = v / sv * 100
                f.lo = qlo
                f.hi = qhi
                f.decimals = 2
                f.kind = "share"
                f.unit = "%"
                f.table = tid
                f.cells = (c,)
                f.column = cid
                f.row_id = r.row_id
                f.row_label = names[id(r)]
                f.years = ()
                f.desc = desc
                f.is_cell = False
                f.trend = None
                f.recomputed = None
                f.row = r
                out.append(f)
                classes.append(k)
                los.append(qlo)
                his.append(qhi)
            self.share_spans[ci] = (start, len(out))
