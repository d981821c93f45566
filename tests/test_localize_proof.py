"""The proof that a group has no explanation within MAX_CELLS (`edits/proof.py`) answers only where the search
would find nothing: on many generated land-use tables (Tabel 1.3 rows against the areas of Tabel 1.1, with
slips, prose copies and copied figures), the diagnosis with the proof equals the diagnosis of the full
search, and the proof does answer for many of them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lkj_excel.edits.build import EditSet, build_edits
from lkj_excel.edits.localize import MAX_CELLS, Diagnosis, components, copy_classes, diagnose, violated
from lkj_excel.edits.model import Address, Edit, Var
from lkj_excel.edits.mutation import Corpus
from lkj_excel.edits.proof import no_explanation
from lkj_excel.rules import Context


def _var(es: EditSet, a: Address, v: float, d: int, exact: bool, prose: bool = False) -> None:
    es.vars[a] = Var(a, v, d, exact, str(v), cost=1 / 64 if prose else 1.0, prose=prose, lo=0.0)


def _slip(rng: random.Random, v: float, d: int) -> float:
    """One typing error, or a plain wrong figure."""
    how = rng.randrange(6)
    if how == 0:
        return round(v * 10, d)
    if how == 1:
        return round(v / 10, d)
    if how == 2:
        return round(v + rng.choice([1, -1]) * rng.choice([1, 10, 100]) * 10.0**-d, d)
    if how == 3 and v >= 10:  # two neighbouring digits swapped
        s = f"{v:.{d}f}"
        i = rng.randrange(len(s) - 1)
        if s[i].isdigit() and s[i + 1].isdigit():
            s = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
        return float(s)
    if how == 4:
        return round(v + rng.uniform(-50, 50), d)
    return round(max(v - 10.0**-d, 0.0), d)


def land_use(seed: int) -> EditSet:
    """Tabel 1.3 (perkebunan, pertanian, perumahan of n desa and their totals) against Tabel 1.1 (each desa's
    area and the total), with a few slips; sometimes a narrative copy of a total or a second printing."""
    rng = random.Random(seed)
    n = rng.randint(3, 8)
    dec = [rng.choice([0, 1, 2]) for _ in range(4)]
    exact = rng.random() < 0.6
    rows = [[round(rng.uniform(0, 400), dec[c]) for c in range(3)] for _ in range(n)]
    grid: dict[Address, tuple[float, int]] = {}
    for r, vals in enumerate(rows):
        for c, v in enumerate(vals):
            grid[("T13", f"{'CDE'[c]}{r}")] = (v, dec[c])
        grid[("T11", f"C{r}")] = (round(sum(vals), dec[3]), dec[3])
    for c in range(3):
        grid[("T13", f"{'CDE'[c]}{n}")] = (round(sum(v[c] for v in rows), dec[c]), dec[c])
    grid[("T11", f"C{n}")] = (round(sum(grid[("T11", f"C{r}")][0] for r in range(n)), dec[3]), dec[3])
    cells = sorted(grid)
    for a in rng.sample(cells, rng.randint(1, 6)):
        v, d = grid[a]
        grid[a] = (_slip(rng, v, d), d)
    es = EditSet()
    for a, (v, d) in grid.items():
        _var(es, a, v, d, exact)
    for col in "CDE":
        es.add(Edit("linear", tuple(("T13", f"{col}{r}") for r in range(n + 1)), "T101", (1.0,) * n + (-1.0,)))
    es.add(Edit("linear", tuple(("T11", f"C{r}") for r in range(n + 1)), "T101", (1.0,) * n + (-1.0,)))
    for r in range(n + 1):
        row = (("T13", f"C{r}"), ("T13", f"D{r}"), ("T13", f"E{r}"), ("T11", f"C{r}"))
        es.add(Edit("linear", row, "X603", (1.0, 1.0, 1.0, -1.0)))
    if rng.random() < 0.4:  # the narrative repeats a total
        a = ("T13", f"{rng.choice('CDE')}{n}")
        p = ("Narasi", f"B{seed}")
        _var(es, p, es.vars[a].value, es.vars[a].decimals, exact, prose=True)
        es.add(Edit("equal", (a, p), "N801"))
    if rng.random() < 0.2:  # a figure printed twice (a copy class)
        a = rng.choice(cells)
        b = ("T99", a[1])
        _var(es, b, es.vars[a].value, es.vars[a].decimals, es.vars[a].exact)
        es.add(Edit("equal", (a, b), "X601"))
    return es


def _same(x: Diagnosis, y: Diagnosis) -> bool:
    def cells(d: Diagnosis) -> object:
        pick = d.chosen
        chosen = None if pick is None else (sorted(pick.values.items()), sorted(pick.open.items()))
        return d.status, chosen, [(sorted(f.values.items()), sorted(f.open.items())) for f in d.alternatives]

    return cells(x) == cells(y)


def _compare(make: object, seeds: range) -> tuple[int, int]:
    """Each group diagnosed with the proof and by the full search (on fresh edit sets: no shared memo)."""
    groups = proved = 0
    for seed in seeds:
        fast, slow = make(seed), make(seed)  # type: ignore[operator]
        bad_fast, bad_slow = components(fast, violated(fast)), components(slow, violated(slow))
        for g_fast, g_slow in zip(bad_fast, bad_slow):
            groups += 1
            proved += no_explanation(fast, g_fast, copy_classes(fast), MAX_CELLS)
            got, want = diagnose(fast, g_fast), diagnose(slow, g_slow, prove=False)
            assert _same(got, want), seed
    return groups, proved


def test_proof_agrees_with_the_search_on_generated_land_use_tables() -> None:
    groups, proved = _compare(land_use, range(800))
    assert groups > 700 and proved > 150  # the proof answered often enough for the comparison to mean something


def test_a_proved_group_is_unresolved_by_the_search_too() -> None:
    seen = 0
    for seed in range(300):
        es = land_use(seed)
        cls = copy_classes(es)
        for g in components(es, violated(es)):
            if no_explanation(es, g, cls, MAX_CELLS):
                seen += 1
                assert diagnose(es, g, cls, prove=False).status == "unresolved"
    assert seen > 20


def test_a_located_group_is_not_proved() -> None:
    """Four slips, one per row, that the area column confirms: the proof must leave them to the search."""
    es = EditSet()
    for r in range(5):
        for c in "CDE":
            _var(es, ("T13", f"{c}{r}"), 10.0 + r, 0, True)
        _var(es, ("T11", f"C{r}"), 30.0 + 3 * r, 0, True)
    for c in "CDE":
        _var(es, ("T13", f"{c}5"), 60.0, 0, True)
    _var(es, ("T11", "C5"), 180.0, 0, True)
    for c in "CDE":
        es.add(Edit("linear", tuple(("T13", f"{c}{r}") for r in range(6)), "T101", (1.0,) * 5 + (-1.0,)))
    es.add(Edit("linear", tuple(("T11", f"C{r}") for r in range(6)), "T101", (1.0,) * 5 + (-1.0,)))
    for r in range(6):
        row = (("T13", f"C{r}"), ("T13", f"D{r}"), ("T13", f"E{r}"), ("T11", f"C{r}"))
        es.add(Edit("linear", row, "X603", (1.0, 1.0, 1.0, -1.0)))
    for r in range(4):  # four areas mistyped: their rows break, and the area total as much as they add
        es.vars[("T11", f"C{r}")].value += 7.0
    bad = violated(es)
    assert len(components(es, bad)) == 1
    cls = copy_classes(es)
    assert not no_explanation(es, bad, cls, MAX_CELLS)
    assert diagnose(es, bad, cls).status != "unresolved"  # explained (by four cells, tied)


@pytest.fixture(scope="module")
def corpus(sample_path: Path) -> Corpus:
    return Corpus(sample_path)


def test_proof_agrees_with_the_search_on_the_sample_with_slips(corpus: Corpus) -> None:
    """Random slips in the sample's Tabel 1.1 and 1.3 (and anywhere else), two to six at a time."""
    rng = random.Random(7)
    land = [s for s in corpus.sites if s.sheet.upper().startswith(("TABEL 1.1", "TABEL 1.3"))]
    assert land
    proved = 0
    for _ in range(40):
        picks = rng.sample(land, rng.randint(2, 5)) + rng.sample(corpus.sites, rng.randint(0, 1))
        wb = corpus.mutated([(s, _slip(rng, s.value, 1)) for s in dict.fromkeys(picks)])
        fast, slow = build_edits(Context(wb)), build_edits(Context(wb))
        cls = copy_classes(fast)
        for g_fast, g_slow in zip(components(fast, violated(fast)), components(slow, violated(slow))):
            proved += no_explanation(fast, g_fast, cls, MAX_CELLS)
            assert _same(diagnose(fast, g_fast), diagnose(slow, g_slow, prove=False))
    assert proved >= 5


def test_an_exact_row_determines_its_cell() -> None:
    """The proof takes a row of exact figures to fix its changed cell to one value at most, without asking
    `candidates`: check that against `candidates` on the generated tables."""
    from lkj_excel.edits.solve import candidates

    asked = 0
    for seed in range(200):
        es = land_use(seed)
        for e in violated(es):
            if e.kind == "linear" and all(es.vars[a].h == 0.0 for a in e.vars):
                for a in e.vars:
                    got = candidates(e, a, es.vars, {})
                    assert got is not None and len(got) <= 1
                    asked += 1
    assert asked > 500
