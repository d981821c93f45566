"""`solve._positive_range` (a capaian's candidates with plain floats) against the `Interval` route it replaces,
on generated figures: the same printable values, or the same None, for every target of the ratio."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from lkj_excel.edits import solve
from lkj_excel.edits.model import Address, Var, ratio_interval
from lkj_excel.precision import Interval


def _reference(form: str, target: Address, cells: tuple[Address, ...], vs: dict, val: dict) -> list[float] | None:
    """`_ratio_printable` as it was: every range through `Interval` objects."""
    out, a, b = cells
    iv = _intervals(vs, val)
    try:
        if target == out:
            r = ratio_interval(form, iv(a), iv(b))
        elif target == a:
            r = solve._q_of_out(form, iv(out)) * iv(b)
        else:
            r = iv(a) / solve._q_of_out(form, iv(out))
    except ZeroDivisionError:
        return None
    if not (math.isfinite(r.lo) and math.isfinite(r.hi)):
        return None
    return solve.printable(vs[target], r.lo, r.hi)


def _intervals(vs: dict, val: dict) -> Callable[[Address], Interval]:
    def iv(x: Address) -> Interval:
        return vs[x].interval(val.get(x, vs[x].value))

    return iv


def _figure(rng: random.Random, address: Address) -> Var:
    exact = rng.random() < 0.3
    d = 0 if exact else rng.choice([0, 1, 2, 2, 3])
    value = rng.choice(
        [0.0, -0.0, 0.5 * 10.0**-d, 1.0, 100.0, rng.uniform(-5, 5), rng.uniform(0, 200), rng.uniform(0, 2e6)]
    )
    value = round(value, d)
    lo, hi = (0.0, 1e9) if rng.random() < 0.5 else (-math.inf, math.inf)
    return Var(address, value, d, exact, str(value), lo=lo, hi=hi)


def test_positive_range_as_the_interval_route() -> None:
    rng = random.Random(30)
    cells = (("T", "G7"), ("T", "F7"), ("T", "E7"))
    fast_used = 0
    for _ in range(6000):
        vs = {a: _figure(rng, a) for a in cells}
        val = {a: round(rng.uniform(-1, 300), rng.choice([0, 2])) for a in cells if rng.random() < 0.3}
        target = rng.choice(cells)
        val.pop(target, None)  # a target is pending: never in `val`
        form = rng.choice(["positive", "ratio"])
        e = solve.Edit("ratio", cells, "C201", form=form, output=cells[0])
        iv = _intervals(vs, val)
        got = solve._ratio_printable(e, form, target, vs[target], iv, vs, val)
        assert got == _reference(form, target, cells, vs, val), (form, target, vs, val)
        fast_used += solve._positive_range(target, cells, vs, val) is not None
    assert fast_used > 1500  # the fast route is the one exercised


def test_positive_range_leaves_the_rest_to_intervals() -> None:
    """A target or output interval at or below 0 takes the general route (None here)."""
    out, a, b = cells = (("T", "G7"), ("T", "F7"), ("T", "E7"))
    vs = {out: Var(out, 95.0, 2, False, "95,00"), a: Var(a, 0.0, 0, True, "0"), b: Var(b, 0.0, 0, True, "0")}
    assert solve._positive_range(out, cells, vs, {}) is None  # b's interval holds 0
    assert solve._positive_range(a, cells, vs, {}) is not None
    vs[out] = Var(out, 0.0, 0, True, "0")
    assert solve._positive_range(b, cells, vs, {}) is None  # out / 100 holds 0
