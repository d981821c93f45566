"""The figure index's lookups give what a scan of every figure gives, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.book import write
from corpus.narrative import CASES as NARRATIVE
from helpers import slip
from lkj_excel.narrative.index import FigureIndex, figures
from lkj_excel.narrative.tables import Figure, table_figures
from lkj_excel.narrative.typo import agrees_interval
from lkj_excel.read.reader import read_workbook


def _workbooks(sample_path: Path, tmp_path: Path) -> list:
    out = [read_workbook(sample_path)]
    for make in NARRATIVE[:3]:  # other offices' layouts and narratives
        c = make()
        out.append(read_workbook(write(c, tmp_path / f"{c.name}.xlsx")))
    return out


def _queries(idx: FigureIndex) -> list[tuple[float, int]]:
    """Values the figures print as, and points just outside them: every interval edge is met."""
    out = []
    for fs in idx.by_table.values():
        for f in fs[::3]:
            for v in (f.value, abs(f.value), f.lo, f.hi, f.hi + 0.004, f.lo - 0.006):
                if v == v and abs(v) < 1e15:
                    out += [(abs(v), 0), (abs(v), 2)]
    return out


def test_overlapping_equals_a_scan_sorted_by_lo(sample_path: Path, tmp_path: Path) -> None:
    for wb in _workbooks(sample_path, tmp_path):
        idx = figures(wb)
        every = [f for fs in idx.by_table.values() for f in fs]
        finite = sorted((f for f in every if abs(f.lo) < float("inf") and abs(f.hi) < float("inf")), key=lambda f: f.lo)
        assert finite, "the workbook has figures"
        for v, d in _queries(idx)[:400]:
            lo, hi = v - 0.5 * 10**-d, v + 0.5 * 10**-d
            want = [f for f in finite if f.lo <= hi and f.hi >= lo]
            got = idx.overlapping(lo, hi)
            assert [id(f) for f in got] == [id(f) for f in want], (lo, hi)


def test_agreeing_equals_a_scan_in_table_order(sample_path: Path, tmp_path: Path) -> None:
    hits = 0
    for wb in _workbooks(sample_path, tmp_path):
        idx = figures(wb)
        for v, d in _queries(idx)[:300]:
            for tid, fs in idx.by_table.items():
                want = [f for f in fs if agrees_interval(v, d, f.lo, f.hi)]
                got = idx.agreeing(tid, v, d)
                assert [id(f) for f in got] == [id(f) for f in want], (tid, v, d)
                hits += len(got)
    assert hits > 0


def test_agreeing_in_several_tables_equals_a_scan_in_scope_then_table_order(sample_path: Path, tmp_path: Path) -> None:
    """`agreeing_in` (one window of the whole index's order by lo) gives, for scopes of one to four tables in any
    order, the scan of each table in scope order, each in table order: what `agreeing` table by table gives."""
    import random

    rng = random.Random(30)
    hits = scopes = 0
    for wb in _workbooks(sample_path, tmp_path):
        idx = figures(wb)
        assert idx._every() is not None, "every interval finite and ordered: the one-order path"
        tids = list(idx.by_table)
        for v, d in _queries(idx)[:300]:
            for _ in range(3):
                scope = rng.sample(tids, min(len(tids), rng.choice((1, 1, 2, 4))))
                want = [f for tid in scope for f in idx.by_table[tid] if agrees_interval(v, d, f.lo, f.hi)]
                got = idx.agreeing_in(scope, v, d)
                assert [id(f) for f in got] == [id(f) for f in want], (scope, v, d)
                hits += len(got)
                scopes += len(scope) > 1 and len(got) > 0
    assert hits > 0 and scopes > 0


def test_bounds_kept_by_the_builder_are_each_figures_own(sample_path: Path, tmp_path: Path) -> None:
    """`FigureIndex.bounds` (the builder's, cross-table shares appended) are the lo and hi of every figure, the
    very floats (a repr tells 0.0 from -0.0), for every table with figures."""
    for wb in _workbooks(sample_path, tmp_path):
        idx = figures(wb)
        assert idx.bounds.keys() == idx.by_table.keys()
        for tid, fs in idx.by_table.items():
            los, his = idx.bounds[tid]
            assert [repr(x) for x in los] == [repr(f.lo) for f in fs], tid
            assert [repr(x) for x in his] == [repr(f.hi) for f in fs], tid


def _same(a: list[Figure], b: list[Figure]) -> bool:
    def key(f: Figure) -> tuple:
        return (f.value, f.lo, f.hi, f.decimals, f.kind, f.unit, f.column, f.row_id, f.row_label, f.desc, f.trend)

    return [key(f) for f in a] == [key(f) for f in b]


@pytest.mark.parametrize("tid", ["1.2", "3.12", "3.17"])
def test_table_figures_are_built_the_same_each_time(sample_path: Path, tid: str) -> None:
    wb = read_workbook(sample_path)
    t = wb.tables[tid]
    first = table_figures(wb, t)
    kinds = {f.kind for f in first}
    assert "value" in kinds and ({"difference", "ratio", "share"} & kinds)
    assert _same(first, table_figures(wb, t))
    # a row is named once: every figure of a row carries the name its cells carry
    named = {id(f.row): f.row_label for f in first if f.is_cell}
    rows = [f for f in first if not f.is_cell and f.row is not None]
    assert rows
    assert all(f.row_label == named[id(f.row)] for f in rows)


def _fig(v: float, lo: float, hi: float, tid: str) -> Figure:
    return Figure(v, lo, hi, 2, "ratio", "%", tid, (), "capaian")


@pytest.mark.parametrize(
    "odd",
    [
        [],  # every interval finite and ordered: the lookups' fast path
        [(50.0, 0.0, float("inf"))],  # a ratio over a denominator that may be 0
        [(50.0, float("nan"), 60.0)],
        [(50.0, 52.0, 49.0)],  # a reversed interval
        [(1e308, 1e308, 1.7e308), (1e308, 1e308, 1.7e308)],  # finite bounds whose sum is not
    ],
)
def test_lookups_equal_a_scan_with_odd_intervals(odd: list[tuple[float, float, float]]) -> None:
    """Infinite, NaN and reversed intervals (and sums that overflow) take the lookups' slow path: same answers."""
    plain = [(v, v - 0.005, v + 0.005) for v in (10.0, 49.5, 50.0, 50.004, 75.25, 99.99)]
    by_table = {
        "3.1": [_fig(*t, "3.1") for t in plain[:3] + odd],
        "3.2": [_fig(*t, "3.2") for t in odd + plain[3:]],
    }
    idx = FigureIndex(by_table)
    every = [f for fs in by_table.values() for f in fs]
    finite = sorted((f for f in every if abs(f.lo) < float("inf") and abs(f.hi) < float("inf")), key=lambda f: f.lo)
    hits = 0
    for v in (10.0, 49.0, 50.0, 51.0, 75.25, 99.99, 1e308, 1.5e308):
        for d in (0, 2):
            lo, hi = v - 0.5 * 10**-d, v + 0.5 * 10**-d
            want = [f for f in finite if f.lo <= hi and f.hi >= lo]
            assert [id(f) for f in idx.overlapping(lo, hi)] == [id(f) for f in want], (v, d)
            for tid, fs in by_table.items():
                want = [f for f in fs if agrees_interval(v, d, f.lo, f.hi)]
                got = idx.agreeing(tid, v, d)
                assert [id(f) for f in got] == [id(f) for f in want], (tid, v, d)
                assert [id(f) for f in idx.agreeing_in([tid], v, d)] == [id(f) for f in want], (tid, v, d)
                hits += len(got)
            for scope in (["3.2", "3.1"], ["3.1", "3.2"]):
                want = [f for tid in scope for f in by_table[tid] if agrees_interval(v, d, f.lo, f.hi)]
                assert [id(f) for f in idx.agreeing_in(scope, v, d)] == [id(f) for f in want], (scope, v, d)
    assert hits > 0
    assert (idx._every() is None) == bool(odd)  # the one-order path only when every interval is regular


def test_table_figures_set_every_slot_as_the_constructor_does(sample_path: Path, tmp_path: Path) -> None:
    """The figures are made by setting their slots on a new object: each has every field set, and equals
    the figure the dataclass constructor makes from the same fields."""
    from dataclasses import fields

    names = [x.name for x in fields(Figure)]
    n = 0
    for wb in _workbooks(sample_path, tmp_path):
        for fs in figures(wb).by_table.values():
            for f in fs:
                values = [getattr(f, k) for k in names]  # AttributeError for a slot left unset
                assert Figure(*values) == f
                n += 1
    assert n > 500


def _fields(fs: list[Figure]) -> list[tuple]:
    """Every field of every figure, the cells and the row by identity; a float by its repr (0.0 is not -0.0)."""
    from dataclasses import fields

    names = [x.name for x in fields(Figure)]
    out = []
    for f in fs:
        row = []
        for k in names:
            v = getattr(f, k)
            if k == "cells":
                v = tuple(id(c) for c in v)
            elif k == "row":
                v = id(v)
            elif isinstance(v, float):
                v = repr(v)
            row.append(v)
        out.append(tuple(row))
    return out


def test_a_build_after_changed_cells_equals_a_fresh_one(sample_path: Path, tmp_path: Path) -> None:
    """`build_figures` with the build before some cells changed (as the analysis after localization runs)
    gives what a fresh build gives, field for field and in order; its unchanged rows' figures are the
    very objects. Cells changed at random: to another value, to zero and minus zero, to NaN, back again."""
    import random
    from dataclasses import replace

    from lkj_excel.narrative.tables import build_figures, numeric_columns, slip_class

    rng = random.Random(24)
    taken = checked = 0
    for wb in _workbooks(sample_path, tmp_path):
        for t in wb.tables.values():
            cols = numeric_columns(t)
            cells = [
                c for r in t.rows for cid, _k, _e in cols if (c := r.cells.get(cid)) is not None and c.value is not None
            ]
            if not cells:
                continue
            for _round in range(6):
                before = build_figures(t, cols)
                picked = rng.sample(cells, min(len(cells), rng.choice((1, 1, 2, 3))))
                saved = [(c, c.parsed) for c in picked]
                for c in picked:
                    v = c.value if c.value == c.value else 1.0  # NaN from an earlier round: a number
                    new = rng.choice((v + 1.0, v * 1.5, 0.0, -0.0, float("nan"), v, round(v) + 0.25))
                    c.parsed = replace(c.parsed, value=new)
                got = build_figures(t, cols, before)
                fresh = build_figures(t, cols)
                assert _fields(got.out) == _fields(fresh.out), (t.id, [c.ref for c in picked])
                # The slip classes kept beside the figures (taken over with them) are each figure's own.
                assert got.classes == fresh.classes == [slip_class(f) for f in fresh.out]
                # And so are the bounds kept beside them (the very floats: -0.0 is not 0.0).
                assert [repr(x) for x in got.los] == [repr(f.lo) for f in got.out] == [repr(x) for x in fresh.los]
                assert [repr(x) for x in got.his] == [repr(f.hi) for f in got.out] == [repr(x) for x in fresh.his]
                old = {id(f) for f in before.out}
                taken += sum(1 for f in got.out if id(f) in old)
                checked += len(got.out)
                if rng.random() < 0.5:
                    for c, parsed in saved:
                        c.parsed = parsed
    assert checked > 1000 and 0 < taken < checked


def test_slip_classes_kept_by_the_builder_are_each_figures_own(sample_path: Path, tmp_path: Path) -> None:
    """`FigureIndex.classes` (the builder's, cross-table shares appended) equals `slip_class` of every figure:
    NO_SLIP for a recomputed total or a value that is not finite, else the class `slips.fig_class` names."""
    from lkj_excel.narrative.layout import CLASSES, NO_SLIP
    from lkj_excel.narrative.slips import fig_class
    from lkj_excel.narrative.tables import slip_class

    kinds = set()
    for wb in _workbooks(sample_path, tmp_path):
        idx = figures(wb)
        assert idx.classes.keys() == idx.by_table.keys()
        for tid, fs in idx.by_table.items():
            assert idx.classes[tid] == [slip_class(f) for f in fs], tid
            for f, k in zip(fs, idx.classes[tid], strict=True):
                if k != NO_SLIP:
                    assert CLASSES[k] == fig_class(f)
                    kinds.add(f.kind)
    assert {"value", "sum", "difference", "ratio", "share", "average"} <= kinds


def test_slip_search_with_the_builders_classes_equals_a_scan(sample_path: Path, tmp_path: Path) -> None:
    """The slip search over a workbook's index (the builder's classes, digit strings compared table by table
    in C) names what `typo_edits` names for every fitting figure, in tables then table order; printed figures
    are the tables' own with one digit replaced, dropped, doubled or swapped, for claims of every kind/unit."""
    import random
    import re

    from lkj_excel.narrative.match import _compatible
    from lkj_excel.narrative.slips import SlipIndex, fig_class
    from lkj_excel.narrative.typo import typo_edits
    from lkj_excel.numerals import format_id

    rng = random.Random(28)
    claims = [("value", None), ("difference", None), ("ratio", "%"), ("value", "Rp"), ("sum", "Ha"), ("count", "KK")]
    named = 0
    for wb in _workbooks(sample_path, tmp_path):
        idx = figures(wb)
        index = SlipIndex(idx.by_table, _compatible, classes=idx.classes)
        tids = list(idx.by_table)
        every = [f for fs in idx.by_table.values() for f in fs if f.value == f.value and abs(f.value) < 1e15]
        for _ in range(150):
            f = rng.choice(every)
            printed = slip(format_id(abs(f.value), f.decimals), rng)
            kind, unit = rng.choice(claims)
            scope = rng.sample(tids, min(len(tids), rng.choice((1, 2, 3, len(tids)))))
            got = index.search(printed, scope, kind, unit, lambda g: True)
            nd = len(re.sub(r"\D", "", printed))
            want = []
            if nd >= 3:
                for tid in scope:
                    for g in idx.by_table[tid]:
                        if g.recomputed is not None or not -float("inf") < g.value < float("inf"):
                            continue
                        if not _compatible(kind, unit, fig_class(g)):
                            continue
                        e = typo_edits(printed, abs(g.value), g.decimals)
                        if e and not (e[0] == "replaced digit" and nd < 4):
                            want.append((g, e[0]))
            assert got == want, (printed, kind, unit, scope)
            named += len(got)
    assert named > 50
