"""Precision-aware comparison: a figure printed with d decimals stands for an interval.

A derived figure is consistent when some choice of true inputs inside their
intervals gives the printed output at its printed precision (the model of
statcheck and the GRIM test). There is no fixed epsilon anywhere: the only
other allowance is float representation noise, relative 1e-9, far below any
printed digit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from decimal import Context as DecimalContext
from functools import cache

from .model import Cell

FLOAT_NOISE = 1e-9


@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float

    @staticmethod
    def exact(v: float) -> Interval:
        return Interval(v, v)

    @staticmethod
    def printed(v: float, decimals: int | None) -> Interval:
        h = half_unit(decimals)
        return Interval(v - h, v + h)

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2

    def __add__(self, o: Interval) -> Interval:
        return Interval(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o: Interval) -> Interval:
        return Interval(self.lo - o.hi, self.hi - o.lo)

    def __mul__(self, o: Interval) -> Interval:
        ps = (self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi)
        return Interval(min(ps), max(ps))

    def scale(self, k: float) -> Interval:
        a, b = self.lo * k, self.hi * k
        return Interval(min(a, b), max(a, b))

    def __truediv__(self, o: Interval) -> Interval:
        if o.lo <= 0 <= o.hi:
            return Interval(float("-inf"), float("inf"))
        qs = (self.lo / o.lo, self.lo / o.hi, self.hi / o.lo, self.hi / o.hi)
        return Interval(min(qs), max(qs))

    def contains(self, v: float) -> bool:
        g = FLOAT_NOISE * max(1.0, abs(v))
        return self.lo - g <= v <= self.hi + g


def half_unit(decimals: int | None) -> float:
    return 0.5 * 10 ** (-(decimals or 0))


def interval_of(cell: Cell, exact: bool, decimals: int | None = None) -> Interval | None:
    """The interval a cell stands for: exact kinds are exact as printed."""
    if cell.value is None:
        return None
    if exact:
        return Interval.exact(cell.value)
    return Interval.printed(cell.value, cell.decimals if decimals is None else decimals)


def consistent(printed: float, decimals: int | None, computed: Interval) -> bool:
    """Can a true value inside `computed` print as `printed` at `decimals`?"""
    h = half_unit(decimals)
    g = FLOAT_NOISE * max(1.0, abs(printed))
    return computed.lo <= printed + h + g and computed.hi >= printed - h - g


def round_half_up(v: float, decimals: int | None) -> float:
    if not _roundable(v, decimals):
        return v
    d = decimals or 0
    if 0 <= d <= 15:
        # Away from a tie, Python's correctly rounded round() is the half-up rounding of the printed
        # value; the Decimal path below is only needed within reach of a tie.
        x = v * _POW10[d]
        if abs(x) < 2**40 and abs(x - math.floor(x) - 0.5) > 1e-3:
            return round(v, d)
    return float(Decimal(repr(v)).quantize(_quantum(d), rounding=ROUND_HALF_UP, context=_DECIMALS))


_POW10 = tuple(float(10**k) for k in range(16))  # exact
# 16 integer digits + up to 60 decimals ("0.000…" formats) fit
_DECIMALS = DecimalContext(prec=80)


@cache
def _quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def _roundable(v: float, decimals: int | None) -> bool:
    """False where rounding is the identity or Decimal would overflow: NaN/inf, floats >= 2**52, which
    hold no fraction (quantizing 1e26 to 2 decimals needs 29 digits), and more than 60 decimals."""
    return math.isfinite(v) and abs(v) < 2**52 and abs(decimals or 0) <= 60


def discrepancy(printed: float, decimals: int | None, computed: Interval) -> float:
    """How far the printed figure is from the nearest value it could stand for."""
    h = half_unit(decimals)
    if printed + h < computed.lo:
        return computed.lo - (printed + h)
    if printed - h > computed.hi:
        return (printed - h) - computed.hi
    return 0.0
