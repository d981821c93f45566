"""The prose second solve is skipped only where it could not change the answer: every copy in play,
kept at its figure, holds a changed cell to that cell's own figure, so each pinned solve fails."""

from __future__ import annotations

import pytest

from lkj_excel.edits import localize
from lkj_excel.edits.bounds import Pins
from lkj_excel.edits.build import EditSet
from lkj_excel.edits.model import Address, Edit, Var
from lkj_excel.edits.solve import Solution, solve

E6, F6, G6, P = ("T", "E6"), ("T", "F6"), ("T", "G6"), ("Narasi", "B3#10")


def workbook(prose_value: float) -> tuple[EditSet, list[Edit]]:
    """Capaian G6 = F6 / E6 x 100 fails; F6 is fixed by it only to eleven values; the narrative repeats F6."""
    es = EditSet()
    for a, v, prose in ((E6, 1000.0, False), (F6, 745.3, False), (G6, 75.4, False), (P, prose_value, True)):
        es.vars[a] = Var(a, v, 2, False, str(v), cost=1 / 64 if prose else 1.0, prose=prose, lo=0.0)
    ratio = Edit("ratio", (G6, F6, E6), "C201", form="positive", output=G6)
    copy = Edit("equal", (F6, P), "N801")
    es.add(ratio)
    es.add(copy)
    return es, [ratio, copy]


def the_long_way(es: EditSet, s: frozenset[Address], relevant: list[Edit], prose: set[Address]) -> Solution:
    """The second solve as it ran before the shortcut: free one blocking copy at a time."""
    sol = solve(s, relevant, es.vars, prose, es.of)
    if not sol.ok:
        return sol
    optional: set[Address] = set()
    while optional != prose:
        pinned = solve(s, relevant, es.vars, optional, es.of)
        if pinned.ok:
            return pinned
        more = {a for e in pinned.conflict for a in e.vars if es.vars[a].prose} - optional
        if not more:
            return sol
        optional |= more
    return sol


def counted(monkeypatch: pytest.MonkeyPatch) -> list[int] | None:
    """The count of localize's calls of `solve`; None in the compiled build, whose calls inside a module
    cannot be intercepted (the plain-Python run of these tests, CI's first, checks the count)."""
    if not str(localize.__file__).endswith(".py"):
        return None
    calls = [0]

    def spy(*args: object, **kwargs: object) -> Solution:
        calls[0] += 1
        return solve(*args, **kwargs)

    monkeypatch.setattr(localize, "solve", spy)
    return calls


def test_a_copy_of_the_typed_figure_pins_it_and_the_second_solve_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    es, relevant = workbook(745.3)  # the narrative repeats the mistyped figure
    pins = Pins(es)
    assert pins[P] == frozenset({F6})
    calls = counted(monkeypatch)
    got = localize._solve_with_prose(es, frozenset({F6}), relevant, {P}, pins)
    want = the_long_way(es, frozenset({F6}), relevant, {P})
    assert calls is None or calls[0] == 1  # the pinned solves, certain to fail, were not run
    assert got.ok and want.ok
    assert (got.values, got.open) == (want.values, want.open)
    assert len(got.open[F6] or []) == 11  # the capaian leaves the figure open: 753,95 .. 754,05


def test_a_copy_of_another_figure_still_pins_the_open_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    es, relevant = workbook(754.0)  # the narrative states the right figure: it decides the open cell
    pins = Pins(es)
    assert pins[P] == frozenset()
    calls = counted(monkeypatch)
    got = localize._solve_with_prose(es, frozenset({F6}), relevant, {P}, pins)
    assert calls is None or calls[0] == 2
    assert got.ok and got.values == {F6: 754.0} and not got.open
    assert (got.values, got.open) == (lambda w: (w.values, w.open))(the_long_way(es, frozenset({F6}), relevant, {P}))


def test_a_copy_off_its_grid_or_at_another_precision_pins_nothing() -> None:
    es, _ = workbook(745.3)
    es.vars[F6] = Var(F6, 745.304, 2, False, "745.304", lo=0.0)  # stored finer than printed
    assert Pins(es)[P] == frozenset()
    es, _ = workbook(745.3)
    es.vars[P] = Var(P, 745.3, 1, False, "745,3", cost=1 / 64, prose=True, lo=0.0)
    assert Pins(es)[P] == frozenset()
