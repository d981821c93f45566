"""Arithmetic written out in the narrative: "(12 : 5) x 100% = 240%", "4.125/9.870 = 41,79".

Whole-number operands are counts, exact; operands with decimals and the
result stand for the interval of their printed precision; a written result is right when some choice of operands inside
their intervals gives it. "a / b = c" may be the ratio or the percentage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numerals import parse_plain_number
from ..precision import Interval, consistent, round_half_up

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_DIVISION = re.compile(
    rf"\(?\s*(?P<a>{_NUM})\s*(?:[:/÷])\s*(?P<b>{_NUM})\s*\)?"
    rf"(?P<pct>\s*[x×X*]\s*100\s*%?)?\s*=\s*(?P<c>-?\s*{_NUM})\s*(?P<unit>%)?"
)


@dataclass(frozen=True)
class Arithmetic:
    text: str  # the expression as written
    a: float
    b: float
    result: float
    decimals: int
    times_100: bool  # "x 100%" written
    ok: bool
    expected: float  # the result at its printed decimals (the percentage unless only the ratio fits)


def _num(s: str) -> tuple[float, int] | None:
    p = parse_plain_number(s.replace(" ", ""))
    return (p[0], p[1]) if p is not None else None


def _operand(v: float, decimals: int) -> Interval:
    # A whole number in a written calculation is a count (12 kegiatan), exact; decimals are roundings.
    return Interval.exact(v) if decimals == 0 else Interval.printed(v, decimals)


def find_arithmetic(text: str) -> list[Arithmetic]:
    out = []
    for m in _DIVISION.finditer(text):
        a, b, c = _num(m.group("a")), _num(m.group("b")), _num(m.group("c"))
        if a is None or b is None or c is None or b[0] == 0:
            continue
        iv = _operand(*a) / _operand(*b)
        times = bool(m.group("pct"))
        # "a/b = c%" or "x 100" mean a percentage; a bare "a/b = c" may be either.
        options = [iv.scale(100)] if times or m.group("unit") else [iv.scale(100), iv]
        ok = any(consistent(c[0], c[1], o) for o in options)
        expected = round_half_up(a[0] / b[0] * 100, c[1])
        out.append(Arithmetic(m.group(0).strip(), a[0], b[0], c[0], c[1], times, ok, expected))
    return out
