"""Every figure of a workbook, indexed by magnitude: the tables' figures and the shares across tables."""

from __future__ import annotations

import bisect
import math
import operator
from dataclasses import dataclass, field
from itertools import chain, repeat

from ..model import Cell, Workbook
from ..precision import Interval
from .tables import (
    Figure,
    _TableFigures,
    build_figures,
    number_cell,
    numeric_columns,
    slip_class,
    value_of,
)
from .typo import _MAX_GUARD, _REL_GUARD, agrees_interval
from .typo import interval as typo_interval

_Columns = dict[str, list[tuple[str, str, bool]]]  # per table: its `numeric_columns`
# Every figure of an index in table order: (figures, their tables, los, his, positions by lo, sorted los, widest).
_Flat = tuple[list[Figure], list[str], list[float], list[float], list[int], list[float], float]
_LO = operator.attrgetter("lo")
_HI = operator.attrgetter("hi")


def magnitude(iv: Interval) -> tuple[float, float]:
    if iv.lo >= 0:
        return iv.lo, iv.hi
    if iv.hi <= 0:
        return -iv.hi, -iv.lo
    return 0.0, max(-iv.lo, iv.hi)


def _area_total(wb: Workbook, cols: _Columns) -> tuple[float, Interval, Cell | None] | None:
    """The office's total area: the largest hectare total of the workbook (Tabel 1.1)."""
    best: tuple[float, Interval, Cell | None] | None = None
    for tid, t in wb.tables.items():
        tr = t.total_row()
        for cid, kind, _ in cols[tid]:
            if kind != "hectare" or tr is None:
                continue
            c = number_cell(tr, cid)
            if c is not None and (best is None or value_of(c) > best[0]):
                best = (value_of(c), Interval.exact(value_of(c)), c)
    return best


def cross_table_shares(wb: Workbook, cols: _Columns | None = None) -> list[Figure]:
    """Hectare totals of one table as a share of the total area (Tabel 1.3 over Tabel 1.1)."""
    if cols is None:
        cols = {tid: numeric_columns(t) for tid, t in wb.tables.items()}
    area = _area_total(wb, cols)
    out: list[Figure] = []
    if area is None or area[0] == 0:
        return out
    av, aiv, acell = area
    for tid, t in wb.tables.items():
        tr = t.total_row()
        for cid, kind, _ in cols[tid]:
            if kind != "hectare" or acell is None or t.columns.get(cid) is None:
                continue
            vals: list[tuple[float, Interval, tuple[Cell, ...]]] = []
            c = number_cell(tr, cid) if tr is not None else None
            if c is not None and c is not acell:
                vals.append((value_of(c), Interval.exact(value_of(c)), (c, acell)))
            cs = [x for r in t.data_rows() if (x := number_cell(r, cid)) is not None]
            if cs and acell not in cs:
                s = sum(value_of(x) for x in cs)
                vals.append((s, Interval.exact(s), (*cs, acell)))
            for v, iv, cells in vals:
                q = (iv / aiv).scale(100)
                lo, hi = magnitude(q)
                out.append(
                    Figure(
                        v / av * 100,
                        lo,
                        hi,
                        2,
                        "share",
                        "%",
                        t.id,
                        cells,
                        cid,
                        None,
                        f"luas {cid}",
                        (),
                        f"{cid} / luas wilayah × 100",
                    )
                )
    return out


@dataclass
class FigureIndex:
    by_table: dict[str, list[Figure]]
    own: dict[str, list[Figure]] = field(default_factory=dict)  # per table: table_figures alone, no shares
    # Every finite figure by lo, its los and the widest interval: built on the first `overlapping`
    # (the analysis after localization often needs none).
    _ordered: tuple[list[Figure], list[float], float] | None = field(default=None, repr=False, compare=False)
    # The same for `agreeing_in` and `overlapping` when every interval is finite and ordered (`_every`; False:
    # not so).
    _flat: _Flat | bool | None = field(default=None, repr=False, compare=False)
    # Per table, built on first use: positions sorted by lo, their los, the
    # widest interval, and the positions of figures with a non-finite bound.
    _tables: dict[str, tuple[list[int], list[float], float, list[int]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # Per table: what its own figures were built from, for a build after some of its cells changed.
    builds: dict[str, _TableFigures] = field(default_factory=dict, repr=False, compare=False)
    # Per table, beside `by_table`: each figure's slip class (`tables.class_id`, NO_SLIP); a table without
    # it here is classified from its figures when a slip is searched there (`slips.SlipIndex`).
    classes: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    # Per table, beside `by_table`: its figures' lo and hi as the builder made them (`_TableFigures.los`); a
    # table without them here (or with lists of another length) has them read from its figures.
    bounds: dict[str, tuple[list[float], list[float]]] = field(default_factory=dict, repr=False, compare=False)

    def _bounds(self, tid: str, figs: list[Figure]) -> tuple[list[float], list[float]]:
        b = self.bounds.get(tid)
        if b is not None and len(b[0]) == len(figs) == len(b[1]):
            return b
        return list(map(_LO, figs)), list(map(_HI, figs))

    def _every(self) -> _Flat | None:
        """Every figure in table order with its table, lo and hi, its positions sorted by lo (ties by position),
        the sorted los and the widest interval; None when an interval is not finite or reversed (rare: the
        lookups then work table by table, `agreeing`). Built once, on the first lookup."""
        if self._flat is None:
            flat: _Flat | bool = False
            every = list(chain.from_iterable(self.by_table.values()))
            if every:
                pairs = [self._bounds(tid, figs) for tid, figs in self.by_table.items()]
                los = list(chain.from_iterable([b[0] for b in pairs]))
                his = list(chain.from_iterable([b[1] for b in pairs]))
                if math.isfinite(sum(los)) and math.isfinite(sum(his)) and all(map(operator.le, los, his)):
                    tabs = list(chain.from_iterable([repeat(tid, len(fs)) for tid, fs in self.by_table.items()]))
                    order = sorted(range(len(every)), key=los.__getitem__)  # stable: ties in table order
                    flat = (every, tabs, los, his, order, sorted(los), max(map(operator.sub, his, los)))
            self._flat = flat
        return self._flat if isinstance(self._flat, tuple) else None

    def agreeing_in(self, tids: list[str], value: float, decimals: int) -> list[Figure]:
        """`agreeing` of each table of ``tids`` (distinct), concatenated: one window of the whole index's order by
        lo (its widest interval can only widen the window; the test is the same) instead of an order per table."""
        flat = self._every()
        if flat is None:
            return [f for tid in tids for f in self.agreeing(tid, value, decimals)]
        every, tabs, los, his, order, los_sorted, width = flat
        c_lo, c_hi = typo_interval(value, decimals)
        slack = 2e-3 + 1e-9 * (abs(c_lo) + abs(c_hi) + width)
        g = min(_REL_GUARD * max(1.0, abs(c_lo), abs(c_hi)), _MAX_GUARD)  # as `agreeing`
        a, b = c_lo - g, c_hi + g
        i = bisect.bisect_left(los_sorted, c_lo - width - slack)
        j = bisect.bisect_right(los_sorted, b)  # exactly the figures with lo <= b: only hi is left to test
        hits = [k for k in order[i:j] if a <= his[k]]
        if not hits:
            return []
        hits.sort()  # table order, positions in it
        if len(tids) == 1:
            t = tids[0]
            return [every[k] for k in hits if tabs[k] == t]
        return [every[k] for t in tids for k in hits if tabs[k] == t]

    def overlapping(self, lo: float, hi: float) -> list[Figure]:
        flat = self._every()
        if flat is not None:
            every, _tabs, _los, his, order, los_sorted, width = flat
            i = bisect.bisect_left(los_sorted, lo - width)
            j = bisect.bisect_right(los_sorted, hi)
            return [every[k] for k in order[i:j] if his[k] >= lo]
        if self._ordered is None:
            self._ordered = self._order_all()
        ordered, los, width = self._ordered
        i = bisect.bisect_left(los, lo - width)
        j = bisect.bisect_right(los, hi)
        return [f for f in ordered[i:j] if f.hi >= lo]

    def _order_all(self) -> tuple[list[Figure], list[float], float]:
        """Every finite figure by lo (ties in table order), their los, and the largest hi - lo (negative when
        every interval is reversed, 0 without figures)."""
        every = list(chain.from_iterable(self.by_table.values()))
        if not every:
            return [], [], 0.0
        pairs = [self._bounds(tid, figs) for tid, figs in self.by_table.items()]
        los = list(chain.from_iterable([b[0] for b in pairs]))
        his = list(chain.from_iterable([b[1] for b in pairs]))
        if math.isfinite(sum(los)) and math.isfinite(sum(his)):  # every bound finite (a sum with inf or NaN is not)
            # Positions sorted by lo (stable: ties stay in table order), read through the bounds list: a key
            # read through the figures' attribute cost a getter call per figure.
            order = sorted(range(len(every)), key=los.__getitem__)
            return list(map(every.__getitem__, order)), sorted(los), max(map(operator.sub, his, los))
        finite: list[Figure] = []
        inf = math.inf
        width = -inf
        for f, a, b in zip(every, los, his, strict=True):
            if -inf < a < inf and -inf < b < inf:  # finite (NaN fails every comparison)
                finite.append(f)
                if b - a > width:
                    width = b - a
        finite.sort(key=_LO)
        return finite, [f.lo for f in finite], width if finite else 0.0

    def _table(self, tid: str) -> tuple[list[int], list[float], float, list[int]]:
        ti = self._tables.get(tid)
        if ti is None:
            figs = self.by_table.get(tid, [])
            los, his = self._bounds(tid, figs)
            if figs and math.isfinite(sum(los)) and math.isfinite(sum(his)) and all(map(operator.le, los, his)):
                # Every interval finite and ordered (the usual case): all positions, sorted by lo, ties by position.
                order = sorted(range(len(figs)), key=los.__getitem__)
                ti = self._tables[tid] = (order, sorted(los), max(0.0, max(map(operator.sub, his, los))), [])
                return ti
            reg: list[int] = []
            reg_los: list[float] = []
            other: list[int] = []
            width = 0.0
            inf = math.inf
            for i, f in enumerate(figs):
                lo, hi = f.lo, f.hi
                if -inf < lo <= hi < inf:  # finite and ordered (NaN fails every comparison)
                    reg.append(i)
                    reg_los.append(lo)
                    if hi - lo > width:
                        width = hi - lo
                else:
                    other.append(i)
            # By lo, ties by position (a stable sort of positions in increasing order)
            order = sorted(range(len(reg)), key=reg_los.__getitem__)
            ti = self._tables[tid] = ([reg[k] for k in order], [reg_los[k] for k in order], width, other)
        return ti

    def agreeing(self, tid: str, value: float, decimals: int) -> list[Figure]:
        """The figures of table ``tid`` that ``agrees_interval(value, decimals, f.lo, f.hi)``, in table order.

        Same result as testing every figure of the table; only the figures whose
        interval can reach the claim's (with a generous margin) are tested.
        """
        figs = self.by_table.get(tid)
        if not figs:
            return []
        pos, los, width, other = self._table(tid)
        c_lo, c_hi = typo_interval(value, decimals)
        slack = 2e-3 + 1e-9 * (abs(c_lo) + abs(c_hi) + width)
        i = bisect.bisect_left(los, c_lo - width - slack)
        j = bisect.bisect_right(los, c_hi + slack)
        # `agrees_interval` written out for the regular intervals (finite, lo <= hi): the claim's bounds and
        # guard are the same floats for every figure, worked out once.
        g = min(_REL_GUARD * max(1.0, abs(c_lo), abs(c_hi)), _MAX_GUARD)
        a, b = c_lo - g, c_hi + g
        hits = [k for k in pos[i:j] if a <= figs[k].hi and figs[k].lo <= b]
        if other:
            hits += [k for k in other if agrees_interval(value, decimals, figs[k].lo, figs[k].hi)]
        if not hits:
            return []
        if len(hits) > 1:
            hits.sort()
        return [figs[k] for k in hits]


def figures(
    wb: Workbook,
    reuse: dict[str, list[Figure]] | None = None,
    previous: FigureIndex | None = None,
    changed: set[int] | None = None,
) -> FigureIndex:
    """The index of every figure. `reuse`: a table's own figures from an earlier index, for the tables
    whose cells did not change since (a table's figures depend on its own cells only); `previous`: that
    index, whose lists and lookups of those tables are taken over when no hectare figure changed; `changed`:
    the cells (by id) whose value changed since `previous`, when known (`tables.build_figures`)."""
    keep = reuse or {}
    fresh = [tid for tid in wb.tables if tid not in keep]
    cols = {tid: numeric_columns(wb.tables[tid]) for tid in fresh}  # the others' only when shares are computed
    # A table built again takes over the figures of its rows and columns whose cells did not change.
    before = previous.builds if previous is not None else {}
    builds = {tid: build_figures(wb.tables[tid], cols[tid], before.get(tid), changed) for tid in fresh}
    own = {tid: keep[tid] if tid in keep else builds[tid].out for tid in wb.tables}
    if previous is not None:
        builds.update((tid, b) for tid, b in before.items() if tid not in builds and b.out is own.get(tid))
    # Each own list's slip classes: its build's (a reused list's own build when it was carried over).
    own_classes = {tid: b.classes for tid, b in builds.items() if b.out is own.get(tid)}
    if previous is not None and _same_shares(previous, own, fresh, cols):
        # The shares across tables read hectare cells only, and none of those changed.
        out = FigureIndex({tid: own[tid] if tid in fresh else previous.by_table[tid] for tid in own}, own)
        out._tables.update((tid, ti) for tid, ti in previous._tables.items() if tid not in fresh)
        out.builds = builds
        out.classes = {tid: own_classes[tid] for tid in fresh}
        out.classes.update((tid, ks) for tid, ks in previous.classes.items() if tid not in fresh)
        out.bounds = {tid: (b.los, b.his) for tid, b in builds.items() if tid in fresh}
        out.bounds.update((tid, bs) for tid, bs in previous.bounds.items() if tid not in fresh)
        return out
    by_table: dict[str, list[Figure]] = {tid: list(fs) for tid, fs in own.items()}
    classes = {tid: list(ks) for tid, ks in own_classes.items()}
    # Each own list's bounds: its build's, copied (the cross-table shares are appended).
    bounds = {tid: (list(b.los), list(b.his)) for tid, b in builds.items() if b.out is own.get(tid)}
    cols.update((tid, numeric_columns(t)) for tid, t in wb.tables.items() if tid not in cols)
    for f in cross_table_shares(wb, cols):
        by_table.setdefault(f.table, []).append(f)
        ks = classes.get(f.table)
        if ks is not None and len(ks) + 1 == len(by_table[f.table]):
            ks.append(slip_class(f))
        bs = bounds.get(f.table)
        if bs is not None and len(bs[0]) + 1 == len(by_table[f.table]):
            bs[0].append(f.lo)
            bs[1].append(f.hi)
    return FigureIndex(by_table, own, builds=builds, classes=classes, bounds=bounds)


def _same_shares(previous: FigureIndex, own: dict[str, list[Figure]], fresh: list[str], cols: _Columns) -> bool:
    """Whether `previous` holds the same shares across tables: the same tables, the reused ones with the same
    own figures, and no hectare column among the tables built again (their shares are the only ones appended)."""
    if previous.by_table.keys() != own.keys():
        return False
    if any(previous.own.get(tid) is not fs for tid, fs in own.items() if tid not in fresh):
        return False
    return not any(kind == "hectare" for tid in fresh for _, kind, _ in cols[tid])
