"""The search's shortcuts give the answers of the arithmetic they skip: a cell an edit "pins" (so a node
changing it alone needs one more cell of that edit) is exactly one whose candidates are only its own figure."""

from __future__ import annotations

from lkj_excel.edits.bounds import ProseOf, Rigid, printed_holds
from lkj_excel.edits.build import EditSet, build_edits
from lkj_excel.edits.model import Address, Edit, Var
from lkj_excel.edits.solve import candidates, same_value
from lkj_excel.rules import Context


def worked_out(es: EditSet, f: Edit, a: Address) -> bool:
    """The long way: every value of `a` alone that keeps `f` is its printed figure."""
    c = candidates(f, a, es.vars, {})
    return c is not None and all(same_value(y, es.vars[a].value) for y in c)


def edit_set(figures: list[tuple[float, int, bool]], kind: str = "linear") -> tuple[EditSet, Edit]:
    es = EditSet()
    for i, (v, d, exact) in enumerate(figures):
        a = ("S", f"A{i + 1}")
        es.vars[a] = Var(a, v, d, exact, str(v), lo=0.0)
    coefs = tuple([1.0] * (len(figures) - 1) + [-1.0]) if kind == "linear" else ()
    e = Edit(kind, tuple(es.vars), "T101", coefs)
    es.add(e)
    return es, e


def test_shortcuts_agree_with_candidates_on_every_cell_of_the_sample(sample_wb) -> None:
    es = build_edits(Context(sample_wb))
    rigid = Rigid(es, ProseOf(es))
    taken = 0
    for f in es.edits:
        if rigid.prose_of[f] or not printed_holds(f, es):
            continue
        for a in f.vars:
            if rigid.pins_itself(f, a):
                taken += 1
                assert worked_out(es, f, a), (f.label, a)
    assert taken > 100  # the shortcuts are in use on the sample's count and area tables


def test_whole_sum_pins_each_cell() -> None:
    es, f = edit_set([(120.0, 0, True), (30.0, 0, True), (150.0, 0, True)])
    assert printed_holds(f, es)
    rigid = Rigid(es, ProseOf(es))
    assert all(rigid.pins_itself(f, a) and worked_out(es, f, a) for a in f.vars)
    assert rigid(("S", "A1")) == [frozenset(f.vars)]


def test_exact_area_sum_pins_each_cell() -> None:
    es, f = edit_set([(12.3, 1, True), (4.05, 2, True), (16.35, 2, True)])
    rigid = Rigid(es, ProseOf(es))
    assert all(rigid.pins_itself(f, a) and worked_out(es, f, a) for a in f.vars)


def test_rounded_sum_does_not_pin_and_is_not_taken_for_one() -> None:
    # 33,33 x 3 = 100,00 within rounding: each part may be 33,32 .. 33,34, so nothing is pinned
    es, f = edit_set([(33.33, 2, False), (33.33, 2, False), (33.33, 2, False), (100.0, 2, False)])
    rigid = Rigid(es, ProseOf(es))
    assert printed_holds(f, es)
    assert not any(rigid.pins_itself(f, a) for a in f.vars)
    assert rigid(("S", "A1")) == []
    assert not worked_out(es, f, ("S", "A1"))


def test_copies_on_one_grid_pin_each_other_but_a_longer_stored_value_does_not() -> None:
    es, f = edit_set([(88.65, 2, False), (88.65, 2, False)], kind="equal")
    rigid = Rigid(es, ProseOf(es))
    assert all(rigid.pins_itself(f, a) and worked_out(es, f, a) for a in f.vars)
    es, f = edit_set([(88.6470588, 2, False), (88.65, 2, False)], kind="equal")
    rigid = Rigid(es, ProseOf(es))
    assert printed_holds(f, es)
    assert not rigid.pins_itself(f, ("S", "A1"))
    assert not worked_out(es, f, ("S", "A1"))  # its own figure is not the only value: 88,65 is


def _all_options(
    s: frozenset[Address], w: float, figures: int, bound: float, conflicts: list[frozenset[Address]]
) -> list[tuple[float, int, frozenset[Address]]]:
    """The long way for cells without copies at unit cost: every one of the three smallest conflicts
    weighed in full, the one with fewest children within the bound (then fewest children) taken."""
    from lkj_excel.edits.bounds import smallest

    order = sorted(range(len(conflicts)), key=lambda i: len(conflicts[i]))

    def lower_bound(a: Address) -> tuple[float, int]:
        used: set[Address] = set()
        lb, n = 0.0, 0
        for i in order:
            if a not in conflicts[i] and used.isdisjoint(conflicts[i]):
                used |= conflicts[i]
                lb, n = lb + 1.0, n + 1
        return lb, n

    options = []
    for c in smallest(conflicts, 3):
        kids = [(w + 1.0 + lower_bound(a)[0], figures + 1 + lower_bound(a)[1], s | {a}) for a in sorted(c)]
        options.append((sum(f <= bound + 1e-9 for f, _n, _t in kids), len(kids), kids))
    return min(options, key=lambda o: (o[0], o[1]))[2]


def test_branch_takes_the_conflict_weighing_every_option_would_take() -> None:
    from lkj_excel.edits.bounds import Cost, branch, smallest

    cell = [("S", f"A{i}") for i in range(12)]
    cases = [
        [frozenset(cell[0:3]), frozenset(cell[3:6]), frozenset(cell[6:9])],  # disjoint: the first has none within
        [frozenset(cell[0:4]), frozenset(cell[2:6]), frozenset(cell[5:8])],  # overlapping: counts differ
        [frozenset(cell[0:2]), frozenset(cell[0:5]), frozenset(cell[1:9]), frozenset(cell[9:12])],
        [frozenset(cell[0:3]), frozenset(cell[0:3]), frozenset(cell[3:7])],  # a conflict found twice
        # a later conflict has fewer children within the bound: it is taken
        [frozenset(cell[i] for i in ids) for ids in ((4, 5, 7), (3, 4, 7), (1, 2, 6), (0, 1, 2, 3, 5))],
    ]
    chosen, later = set(), 0
    for conflicts in cases:
        for bound in (0.0, 1.0, 2.0, 3.0):
            got = [(f, n, t) for f, n, t, _u in branch(frozenset(), 0.0, 0, bound, conflicts, {}, Cost({}))]
            want = _all_options(frozenset(), 0.0, 0, bound, conflicts)
            assert got == want, (conflicts, bound)
            chosen.add(frozenset().union(*(t for _f, _n, t in got)))
            later += frozenset().union(*(t for _f, _n, t in got)) != smallest(conflicts, 3)[0]
    assert len(chosen) > 2 and later  # the cases reach different conflicts, a later one too
