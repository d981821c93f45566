"""`branch` on a node with one conflict (`_one_conflict`) against the general route, on generated nodes."""

from __future__ import annotations

import random

from lkj_excel.edits.bounds import Cost, Sorted, branch


def _case(rng: random.Random) -> tuple[frozenset, float, int, float, list[frozenset], dict, Cost]:
    cells = [("Tabel", f"{c}{r}") for c in "ABCDEFGH" for r in range(1, 6)]
    rng.shuffle(cells)
    cls: dict = {}
    i = 0
    while i < len(cells):  # copy classes of 1 to 4 printings
        n = rng.choice([1, 1, 2, 3, 4])
        group = frozenset(cells[i : i + n])
        if len(group) > 1:
            for a in group:
                cls[a] = group
        i += n
    s: set = set()
    for a in rng.sample(cells, rng.randint(0, 3)):  # a node is class-closed
        s |= cls.get(a, {a})
    rest = [a for a in cells if a not in s]
    k = frozenset(rng.sample(rest, rng.randint(1, 6)))
    w = float(len(s))
    return frozenset(s), w, rng.randint(0, 3), w + rng.choice([0.0, 1.0, 2.5]), [k], cls, Cost(cls)


def test_one_conflict_as_the_general_route() -> None:
    rng = random.Random(29)
    for _ in range(3000):
        s, w, figures, bound, conflicts, cls, cost = _case(rng)
        fast = branch(s, w, figures, bound, conflicts, cls, cost, Sorted())
        slow = branch(s, w, figures, bound, conflicts, cls, Cost(cls), Sorted(), fast=False)
        assert fast == slow
        assert all(t > s for _f, _m, t, _u in fast)


def test_the_test_can_fail() -> None:
    """A wrong child weight would show: the general route is not the fast one by construction."""
    rng = random.Random(3)
    s, w, figures, bound, conflicts, cls, cost = _case(rng)
    slow = branch(s, w, figures, bound, conflicts, cls, cost, Sorted(), fast=False)
    assert slow != [(f + 1.0, m, t, u) for f, m, t, u in slow]
