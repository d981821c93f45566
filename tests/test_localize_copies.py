"""A node's bound counts the violated edits it leaves to a prose copy (`bounds.own_bound`'s `prose`): a total the
narrative repeats, mistyped, fails its column sum and disagrees with the copy; a node changing a row of the column
still needs a changed cell of that disagreement (the copy, at its small weight, or the total), so it is no
explanation of the least weight and is no longer solved. Checked here on the sample with slips, most in totals
the narrative repeats: every group's diagnosis with the bound equals the search without it (on separate edit
sets), and the bound spares solves."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import lkj_excel.edits.localize as loc
from helpers import diagnosis_key
from lkj_excel.edits.bounds import ProseOf, Rigid, own_bound
from lkj_excel.edits.build import build_edits
from lkj_excel.edits.localize import Diagnosis, components, copy_classes, diagnose, violated
from lkj_excel.edits.mutation import CLASSES, Corpus, mistype
from lkj_excel.edits.solve import Solution
from lkj_excel.model import Workbook
from lkj_excel.rules import Context


@pytest.fixture(scope="module")
def corpus(sample_path: Path) -> Corpus:
    return Corpus(sample_path)


def _workbooks(corpus: Corpus, n: int, seed: int) -> Iterator[Workbook]:
    """The sample with one to four slips: most in figures the narrative repeats (or in the rows of their column),
    some anywhere. In half of them a copy of a total is mistyped too, with a slip in a row of the total's column:
    the least explanations then change the copy, at its small weight, beside a table figure."""
    rng = random.Random(seed)
    es = build_edits(Context(corpus.wb))
    copies = [a for a, v in es.vars.items() if v.prose and a in es.claims]
    of = {a: b for a in copies for e in es.edits_of(a) for b in e.vars if b != a}  # each copy's table cell

    def column(sheet: str, ref: str) -> tuple[str, str]:
        return sheet, "".join(ch for ch in ref if ch.isalpha())

    told = [s for s in corpus.sites if (s.sheet, s.ref) in set(of.values())]
    rows = {column(*b) for b in of.values()}
    beside = [s for s in corpus.sites if column(s.sheet, s.ref) in rows]
    assert len(told) >= 5 and len(copies) >= 5
    for _ in range(n):
        copy = rng.choice(copies) if rng.random() < 0.5 else None
        if copy is not None:
            here = [s for s in beside if column(s.sheet, s.ref) == column(*of[copy]) and (s.sheet, s.ref) != of[copy]]
            picks = rng.sample(here, min(1, len(here))) + rng.sample(corpus.sites, rng.randint(0, 1))
        else:
            picks = rng.sample(told, rng.randint(0, 2)) + rng.sample(beside, rng.randint(0, 2))
            picks += rng.sample(corpus.sites, rng.randint(0 if picks else 1, 1))
        changes = []
        for s in dict.fromkeys(picks):
            v = mistype(s.value, s.decimals, rng.choice(CLASSES), rng)
            changes.append((s, v if v is not None else round(s.value * 1.1 + 1.0, s.decimals)))
        wb = corpus.mutated(changes)
        if copy is not None:
            _mistype_copy(wb, es, copy, rng)
        yield wb


def _mistype_copy(wb: Workbook, es: Any, a: Any, rng: random.Random) -> None:
    """One digit of the narrative's copy `a` changed in its paragraph's text."""
    claim = es.claims[a]
    p = next(p for p in wb.paragraphs if p.ref == a[1].split("#", 1)[0])
    text = p.text or ""
    digits = [i for i in range(claim.num_start, claim.num_end) if text[i].isdigit()]
    i = rng.choice(digits)
    p.text = text[:i] + str((int(text[i]) + rng.randint(1, 8)) % 10) + text[i + 1 :]


def _diagnoses(wb: Workbook, copies_bound: bool) -> list[Diagnosis]:
    es = build_edits(Context(wb))
    cls = copy_classes(es)
    rigid = Rigid(es, ProseOf(es))
    return [diagnose(es, g, cls, rigid, copies_bound=copies_bound) for g in components(es, violated(es))]


def test_the_copies_bound_finds_what_the_search_without_it_finds(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    solved = {True: 0, False: 0}
    mode = [True]
    real = loc._solve_with_prose

    def counted(*args: Any) -> Solution:
        solved[mode[0]] += 1
        return real(*args)

    spied = loc.__file__.endswith(".py")  # a compiled module calls its own functions directly: no counts there
    if spied:
        monkeypatch.setattr(loc, "_solve_with_prose", counted)
    groups = with_copies = 0
    for wb in _workbooks(corpus, 60, 5):
        mode[0] = True
        got = _diagnoses(wb, True)
        mode[0] = False
        want = _diagnoses(wb, False)
        assert [diagnosis_key(d) for d in got] == [diagnosis_key(d) for d in want]
        groups += len(got)
        with_copies += sum(any(e.code == "N801" for e in d.violated) for d in got)
    assert groups >= 60 and with_copies >= 20
    if spied:
        assert solved[True] < solved[False] * 0.9  # the bound spares solves (it is not a no-op)


def test_a_disagreement_left_to_its_copy_adds_the_copys_weight() -> None:
    """`own_bound`: a violated edit with a copy that the node does not touch adds its cheapest cell's weight,
    once per disjoint edit; one the node touches, or one sharing a cell with a counted set, adds nothing."""
    t1, t2, p1, p2, r = ("T", "C21"), ("T", "D21"), ("Narasi", "B4#1"), ("Narasi", "B4#9"), ("T", "C7")
    cost: dict[Any, float] = {t1: 1.0, t2: 1.0, r: 1.0}

    def rigid(a: Any) -> list[frozenset[Any]]:
        return []

    k1, k2 = frozenset({t1, p1}), frozenset({t2, p2})
    assert own_bound(frozenset({r}), frozenset(), cost, rigid, [(k1, 0.5), (k2, 0.5)]) == (1.0, 0)
    assert own_bound(frozenset({t1}), frozenset(), cost, rigid, [(k1, 0.5), (k2, 0.5)]) == (0.5, 0)
    assert own_bound(frozenset({r}), frozenset({t2}), cost, rigid, [(k1, 0.5), (k2, 0.5)]) == (0.5, 0)
    assert own_bound(frozenset({r}), frozenset(), cost, rigid, [(k1, 0.5), (k1 | {t2}, 0.5)]) == (0.5, 0)
    assert own_bound(frozenset({r}), frozenset(), cost, rigid) == (0.0, 0)
