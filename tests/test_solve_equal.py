"""The candidates of an equality edit between two printings on one grid are the other figure itself (inside the
domain), without working out the printable values (`solve._candidates`): checked against the full route
(`solve.equal_candidates`) on many generated pairs of figures, changed figures and domains."""

from __future__ import annotations

import math
import random

from lkj_excel.edits.model import Address, Edit, Var, round_half_up
from lkj_excel.edits.solve import _candidates, equal_candidates


def _figure(rng: random.Random, d: int) -> float:
    """A printed figure on its grid: small, large, negative, zero, a half."""
    how = rng.randrange(6)
    if how == 0:
        return 0.0
    if how == 1:
        return round_half_up(rng.uniform(-1000, 1000), d)
    if how == 2:
        return round_half_up(
            rng.uniform(0, 1e12) if rng.random() < 0.5 else 10 ** rng.uniform(5, 10) * rng.choice([1, -1]), d
        )
    if how == 3:
        return round_half_up(rng.choice([0.5, 1.5, 2.5, 88.645, 0.005]) * rng.choice([1, -1]), d)
    if how == 4:
        return -0.0
    return round_half_up(rng.uniform(0, 200), d)


def _domain(rng: random.Random, x: float) -> tuple[float, float]:
    how = rng.randrange(4)
    if how == 0:
        return -math.inf, math.inf
    if how == 1:
        return 0.0, 100.0
    if how == 2:
        return x, x  # the figure is the only allowed value
    return rng.choice([x, x - 1, x + 1, 0.0]), rng.choice([x, x + 1, x - 1, math.inf])


def test_one_grid_equality_gives_the_figure_itself() -> None:
    rng = random.Random(3)
    fast = 0
    for _ in range(20000):
        d = rng.randrange(5)
        d2 = d if rng.random() < 0.8 else rng.randrange(5)
        exact, exact2 = rng.random() < 0.15, rng.random() < 0.15
        x = _figure(rng, d)
        y = x if rng.random() < 0.5 else _figure(rng, d2)
        if rng.random() < 0.1:
            y += rng.choice([1e-12, -1e-12, 1e-7])  # off its grid (a stored, unrounded figure)
        a, b = ("T1", "A1"), ("T2", "B1")
        lo, hi = _domain(rng, y)
        vs: dict[Address, Var] = {
            a: Var(a, x, d, exact, str(x), lo=lo, hi=hi),
            b: Var(b, y, d2, exact2, str(y)),
        }
        e = Edit("equal", (a, b) if rng.random() < 0.5 else (b, a), "X601")
        val: dict[Address, float] = {}
        if rng.random() < 0.3:
            val[b] = _figure(rng, d2)  # the other figure changed at this node
        got, want = _candidates(e, a, vs, val), equal_candidates(e, a, vs, val)
        assert got == want and [math.copysign(1, v) for v in got or ()] == [math.copysign(1, v) for v in want or ()], (
            x,
            d,
            exact,
            y,
            d2,
            exact2,
            lo,
            hi,
            val,
        )
        fast += not exact and not exact2 and d == d2
    assert fast > 8000
