"""round_half_up: its float fast path gives exactly what rounding the printed decimal half-up gives."""

from __future__ import annotations

import math
import random
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest

from lkj_excel.precision import round_half_up


def _reference(v: float, decimals: int | None) -> float:
    """Half-up rounding of the decimal the float prints as (repr), the definition."""
    d = decimals or 0
    if not math.isfinite(v) or abs(v) >= 2**52 or abs(d) > 60:
        return v
    with localcontext() as ctx:
        ctx.prec = 80
        return float(Decimal(repr(v)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP))


@pytest.mark.parametrize(
    "v, d, want",
    [
        (2.675, 2, 2.68),  # the float is below 2.675: round() gives 2.67, a printed 2,675 rounds up
        (1.005, 2, 1.01),
        (0.285, 2, 0.29),
        (-2.5, 0, -3.0),  # half away from zero
        (88.6470588, 2, 88.65),
        (-0.004, 2, -0.0),
        (1234.0, -2, 1200.0),
    ],
)
def test_ties_round_up_as_printed(v: float, d: int, want: float) -> None:
    got = round_half_up(v, d)
    assert got == want and math.copysign(1, got) == math.copysign(1, want)


def test_fast_path_matches_the_decimal_definition() -> None:
    rnd = random.Random(20261130)
    cases: list[tuple[float, int | None]] = []
    for _ in range(20000):
        k = rnd.random()
        if k < 0.3:
            v = rnd.uniform(-1e6, 1e6)
        elif k < 0.6:  # exact ties at every position
            v = (rnd.randint(-(10**8), 10**8) + 0.5) / 10 ** rnd.randint(0, 8)
        elif k < 0.85:
            v = rnd.randint(-(10**9), 10**9) / 10 ** rnd.randint(0, 9)
        else:
            v = rnd.uniform(-1, 1) * 10 ** rnd.randint(-12, 15)
        cases += [(v, rnd.randint(0, 6)), (v, rnd.randint(-3, 20)), (v, None)]
    bad = [
        (v, d)
        for v, d in cases
        if (a := round_half_up(v, d)) != (b := _reference(v, d)) or math.copysign(1, a) != math.copysign(1, b)
    ]
    assert bad == []
