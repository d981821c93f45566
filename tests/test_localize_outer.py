"""`Rigid.outer`: a node's own conflicts without the edits inside a copy class (`own_bound` never counts those: a
node holds a figure's whole class). Against `own_bound` over every pinning edit, on generated copy-closed nodes of
the sample with slips in its indicator tables (figures printed in many tables)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from helpers import indicator_slips
from lkj_excel.edits.bounds import Cost, ProseOf, Rigid, own_bound
from lkj_excel.edits.build import build_edits
from lkj_excel.edits.localize import copy_classes, violated
from lkj_excel.edits.mutation import Corpus
from lkj_excel.rules import Context


@pytest.fixture(scope="module")
def corpus(sample_path: Path) -> Corpus:
    return Corpus(sample_path)


def test_outer_bounds_as_every_pinning_edit(corpus: Corpus) -> None:
    rng = random.Random(30)
    nodes = dropped = 0
    for wb in indicator_slips(corpus, 12, 30):
        es = build_edits(Context(wb))
        cls = copy_classes(es)
        rigid = Rigid(es, ProseOf(es))
        rigid.cost = cost = Cost(cls)
        table = sorted(a for a, v in es.vars.items() if not v.prose and es.edits_of(a))
        classed = [a for a in table if a in cls]
        bad = violated(es)
        prose = [(frozenset(e.vars), 1 / 64) for e in bad if rigid.prose_of[e]]
        for _ in range(300):
            s: set = set()
            for a in rng.sample(classed, rng.randint(1, 2)) + rng.sample(table, rng.randint(0, 2)):
                s |= cls.get(a, {a})  # a node is copy-closed
            node = frozenset(s)
            near = sorted({b for a in node for e in es.edits_of(a) for b in e.vars} - node)
            used = frozenset(rng.sample(near, min(len(near), rng.randint(0, 3))))
            assert own_bound(node, used, cost, rigid.outer, prose) == own_bound(node, used, cost, rigid, prose)
            nodes += 1
        dropped += sum(len(rigid(a)) - len(rigid.outer(a)) for a in classed)
    assert nodes == 12 * 300
    assert dropped > 100  # the class-internal edits are there to leave out
