"""Is a correction one typing error away from what was typed? (Scholtus 2009)

Compared on the digit strings at the printed precision: one digit replaced, inserted or dropped,
two adjacent digits swapped (the difference is then divisible by 9), a decimal or thousands shift
(a factor 10, 100 or 1.000), or the sign.
"""

from __future__ import annotations

from ..precision import FLOAT_NOISE
from ..texts import both

# (indonesian, english) name of each kind, from the texts catalog ("typo.<kind>")
KINDS = {k: both(f"typo.{k}") for k in ("replaced", "swapped", "dropped", "inserted", "shift", "sign")}


def _digits(v: float, decimals: int) -> str:
    return f"{abs(v):.{max(decimals, 0)}f}".replace(".", "").lstrip("0") or "0"


def typo_kind(typed: float, right: float, decimals: int) -> str | None:
    """The typing error that turns `right` into `typed`, or None when it takes more than one."""
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
    t, r = _digits(typed, decimals), _digits(right, decimals)
    if len(t) == len(r):
        diff = [i for i in range(len(t)) if t[i] != r[i]]
        if len(diff) == 1:
            return "replaced"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and t[diff[0]] == r[diff[1]] and t[diff[1]] == r[diff[0]]:
            return "swapped"
        return None
    if len(t) == len(r) + 1:
        return "inserted" if any(t[:i] + t[i + 1 :] == r for i in range(len(t))) else None
    if len(t) + 1 == len(r):
        return "dropped" if any(r[:i] + r[i + 1 :] == t for i in range(len(r))) else None
    return None
