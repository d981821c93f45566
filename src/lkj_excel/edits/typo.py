"""Is a correction one typing error away from what was typed? (Scholtus 2009)

Compared on the printed figure at its precision, part by part around the decimal comma: one digit
replaced, inserted or dropped, two adjacent digits swapped (the difference is then divisible by 9),
a decimal or thousands shift (a factor 10, 100 or 1.000), or the sign.
"""

from __future__ import annotations

from functools import lru_cache

from ..precision import FLOAT_NOISE
from ..texts import both

# (indonesian, english) name of each kind, from the texts catalog ("typo.<kind>")
KINDS = {k: both(f"typo.{k}") for k in ("replaced", "swapped", "dropped", "inserted", "shift", "sign")}


def parts(v: float, decimals: int) -> tuple[str, str]:
    """The printed digits of |v| before and after the decimal comma ("" for a lone leading zero)."""
    whole, _, frac = f"{abs(v):.{max(decimals, 0)}f}".partition(".")
    return whole.lstrip("0"), frac


def _one_replaced_or_swapped(t: str, r: str) -> str | None:
    diff = [i for i in range(len(t)) if t[i] != r[i]]
    if len(diff) == 1:
        return "replaced"
    if len(diff) == 2 and diff[1] == diff[0] + 1 and t[diff[0]] == r[diff[1]] and t[diff[1]] == r[diff[0]]:
        return "swapped"
    return None


def _drops(s: str) -> set[str]:
    return {s[:i] + s[i + 1 :] for i in range(len(s))}


@lru_cache(maxsize=1 << 16)  # pure; the search asks the same pair from many nodes
def typo_kind(typed: float, right: float, decimals: int) -> str | None:
    """The typing error that turns `right` into `typed`, or None when it takes more than one.

    Keys are struck on the printed figure, around its decimal comma: two digits swap within the
    whole or the fractional part, a digit dropped from the fraction leaves the format's trailing 0
    ("94,71" typed "94,1" shows 94,10), and a comma in the wrong place is a decimal shift.
    """
    if typed == right:
        return None
    if typed == -right:
        return "sign"
    if (typed < 0) != (right < 0):
        return None
    for k in (1, 2, 3):
        f = 10.0**k
        for a, b in ((typed, right * f), (typed * f, right)):
            if abs(a - b) <= FLOAT_NOISE * max(1.0, abs(a)):
                return "shift"
    ti, tf = parts(typed, decimals)
    ri, rf = parts(right, decimals)
    if tf == rf:
        if len(ti) == len(ri):
            return _one_replaced_or_swapped(ti, ri)
        if len(ti) == len(ri) + 1 and ri in _drops(ti):
            return "inserted"
        if len(ti) < len(ri) and ti in {x.lstrip("0") for x in _drops(ri)}:  # "1010" typed "010" is 10
            return "dropped"
        return None
    if ti == ri:
        return _one_replaced_or_swapped(tf, rf) or ("dropped" if tf in {d + "0" for d in _drops(rf)} else None)
    return None
