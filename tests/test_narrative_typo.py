"""narrative.typo.round_half_up: the guard written out and the power looked up give what the formula gives."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from lkj_excel.narrative.typo import _guard, round_half_up


def _formula(value: float, decimals: int) -> float:
    """The rounding as it was written before (`_guard` called, the power computed)."""
    scaled = value * 10**decimals
    n = math.floor(abs(scaled) + 0.5 + _guard(scaled))
    return math.copysign(n, value) / 10**decimals


def test_round_half_up_equals_the_formula() -> None:
    rng = random.Random(29)
    values = [0.0, -0.0, 0.5, -0.5, 1.0, 88.645, 2.675, 1e-12, 1e6 + 0.5, 999999.995, 1e12, 1e15 + 0.5, 1e300]
    values += [rng.uniform(-1e3, 1e3) for _ in range(3000)] + [rng.uniform(-1e13, 1e13) for _ in range(1000)]
    values += [
        round(rng.uniform(0, 1e4), rng.randint(0, 4)) + k * 10.0 ** -rng.randint(1, 6) / 2
        for k in (-1, 1)
        for _ in range(1000)
    ]
    # just below a tie, within the guard (1e-9 of the scaled value, at least 1e-9, at most 1e-3)
    ties = [(n + 0.5 - e) / 10**d for n in (0, 1, 7, 12345, 10**9) for e in (7e-10, 3e-9, 5e-4) for d in (0, 2)]
    for v in values + ties:
        for d in (-2, -1, 0, 1, 2, 3, 4, 6, 15, 16, 18):
            assert _outcome(round_half_up, v, d) == _outcome(_formula, v, d), (v, d)
    for v in (math.inf, -math.inf, math.nan):  # as before: math.floor refuses them
        assert _outcome(round_half_up, v, 2) == _outcome(_formula, v, 2) != ("value", "")


def _outcome(fn: Callable[[float, int], float], v: float, d: int) -> tuple[str, str]:
    try:
        got = fn(v, d)
    except (OverflowError, ValueError) as e:
        return ("error", type(e).__name__)
    return ("value", f"{got!r}")


def test_a_share_of_positive_bounds_is_lo_over_hi_and_hi_over_lo() -> None:
    """The premise of the shares' and ratios' fast path (`tables.shares`, `row_ratios`): for positive bounds
    `_share` gives exactly (alo / bhi * 100, ahi / blo * 100)."""
    from lkj_excel.narrative.tables import _share

    rng = random.Random(2029)
    for _ in range(20000):
        scale = 10.0 ** rng.randint(-12, 15)
        a = rng.uniform(1e-9, 10) * scale
        b = rng.uniform(1e-9, 10) * 10.0 ** rng.randint(-12, 15)
        alo, ahi = (a, a) if rng.random() < 0.2 else (a, a + rng.uniform(0, 1) * scale)
        blo, bhi = (b, b) if rng.random() < 0.2 else (b, b * (1 + rng.uniform(0, 0.1)))
        assert _share(alo, ahi, blo, bhi) == (alo / bhi * 100, ahi / blo * 100)


def test_slip_digits_of_a_group_are_figure_digits() -> None:
    """`SlipIndex._digits` (`figure_digits` written out) gives each figure's `figure_digits`."""
    from lkj_excel.narrative.slips import SlipIndex, figure_digits
    from lkj_excel.narrative.tables import Figure

    rng = random.Random(7)
    values = [0.0, -0.0, 0.5, 9.995, 100.0, 1e15, 123456.785, 0.0001]
    values += [rng.uniform(-1e7, 1e7) for _ in range(1500)] + [rng.uniform(0, 2) for _ in range(500)]
    decimals = [rng.choice((-2, -1, 0, 1, 2, 3, 4, 9, 10, 12)) for _ in values]
    figs = [Figure(v, abs(v), abs(v), d, "value", None, "t", (), "x") for v, d in zip(values, decimals, strict=True)]
    index = SlipIndex({"t": figs}, lambda k, u, c: True)
    positions = list(range(0, len(figs), 2)) + list(range(1, len(figs), 2))
    got = index._digits("t", (positions, []))
    assert got == [(figure_digits(abs(figs[i].value), figs[i].decimals), i) for i in positions]


def test_the_magnitude_fold_without_tuples_equals_the_old_one() -> None:
    """The premise of `tables`' fold written out: the same bounds (NaN, infinities and zero signs included)."""

    def old(lo: float, hi: float) -> tuple[float, float]:
        if not lo >= 0:
            lo, hi = (-hi, -lo) if hi <= 0 else (0.0, max(-lo, hi))
        return lo, hi

    def new(lo: float, hi: float) -> tuple[float, float]:
        if not lo >= 0:
            if hi <= 0:
                lo, hi = -hi, -lo
            else:
                lo, hi = 0.0, (hi if hi > -lo else -lo)
        return lo, hi

    rng = random.Random(11)
    special = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, math.inf, -math.inf, math.nan, 1e-300, -1e-300]
    pairs = [(a, b) for a in special for b in special]
    pairs += [(rng.uniform(-5, 5), rng.uniform(-5, 5)) for _ in range(5000)]
    for lo, hi in pairs:
        assert repr(new(lo, hi)) == repr(old(lo, hi)), (lo, hi)
