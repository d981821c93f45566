"""Compare a figure printed in prose with a figure computed from a table.

Two questions: does the printed figure *agree* with the exact one at the
precision it was printed with, and if not, is it a plausible *typing slip* of
it (one digit inserted, dropped, swapped or replaced, or a separator slip)?
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from lkj_excel.numerals import format_id

# Half-up rounding is decided on a binary float, so an exact half such as
# 88,645 (stored as 88.64499999999999) would round down although the office
# that printed it, working on the decimal figure, rounded up. Shifting the
# threshold by 1e-9 of the scaled value absorbs the error of a few float
# operations (~1e-16 relative each) with a huge margin while staying far below
# any difference that shows at the printed precision. The cap keeps the guard
# well under one rounding unit even for rupiah totals in the billions.
# A printed figure split into integer digits, fraction digits and separators (see `_split`).
Split = tuple[str, str, list[tuple[int, str]]]

_REL_GUARD = 1e-9
_MAX_GUARD = 1e-3


def _guard(scaled: float) -> float:
    return min(_REL_GUARD * max(1.0, abs(scaled)), _MAX_GUARD)


def round_half_up(value: float, decimals: int) -> float:
    """Round half away from zero at ``decimals``, as Excel and offices do."""
    scaled = value * 10**decimals
    n = math.floor(abs(scaled) + 0.5 + _guard(scaled))
    return math.copysign(n, value) / 10**decimals


def interval(value: float, decimals: int) -> tuple[float, float]:
    """The exact values a figure printed with ``decimals`` decimals may stand for."""
    half = 0.5 * 10**-decimals
    return value - half, value + half


def agrees(claim_value: float, claim_decimals: int, exact_value: float) -> bool:
    """True when ``exact_value`` rounds (half-up) to the printed claim."""
    scale = 10**claim_decimals
    return round(claim_value * scale) == round(round_half_up(exact_value, claim_decimals) * scale)


def agrees_interval(claim_value: float, claim_decimals: int, lo: float, hi: float) -> bool:
    """True when the claim's rounding interval overlaps the figure's interval [lo, hi]."""
    c_lo, c_hi = interval(claim_value, claim_decimals)
    if lo > hi:
        lo, hi = hi, lo
    g = _guard(max(abs(c_lo), abs(c_hi)))
    return c_lo - g <= hi and lo <= c_hi + g


@lru_cache(maxsize=4096)
def _split(printed: str) -> Split | None:
    """Split a printed figure into integer digits, fraction digits and separators.

    Separators are returned as (digits to their right, char). The decimal mark
    is the last "," or, failing that, a lone "." not followed by exactly three
    digits ("100.00"); everything else groups thousands.
    """
    s = printed.strip().replace(" ", "").replace("\u00a0", "")
    s = re.sub(r"(?i)^(rp\.?|idr)", "", s)
    s = re.sub(r",-+$", "", s)
    s = re.sub(r"(?i)(%|ha|poin|jiwa)$", "", s).lstrip("+-−")
    if not re.fullmatch(r"\d[\d.,]*", s) or s[-1] in ".,":
        return None
    digits = re.sub(r"\D", "", s)
    seps: list[tuple[int, str]] = []
    right = 0
    for ch in reversed(s):
        if ch.isdigit():
            right += 1
        else:
            seps.append((right, ch))
    seps.reverse()
    dec_at: int | None = None
    commas = [p for p, ch in seps if ch == ","]
    dots = [p for p, ch in seps if ch == "."]
    if commas:
        dec_at = commas[-1]
    elif len(dots) == 1 and dots[0] != 3:
        dec_at = dots[0]
    if dec_at is None:
        return digits, "", seps
    return digits[: len(digits) - dec_at], digits[len(digits) - dec_at :], seps


def one_edit(p: str, c: str) -> str | None:
    """Name the single-digit edit that turns the candidate digits ``c`` into ``p``."""
    if p == c:
        return None
    if len(p) == len(c) + 1 and any(p[:i] + p[i + 1 :] == c for i in range(len(p))):
        return "inserted digit"
    if len(p) + 1 == len(c) and any(c[:i] + c[i + 1 :] == p for i in range(len(c))):
        return "dropped digit"
    if len(p) == len(c):
        diff = [i for i in range(len(p)) if p[i] != c[i]]
        if len(diff) == 1:
            return "replaced digit"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and p[diff[0]] == c[diff[1]] and p[diff[1]] == c[diff[0]]:
            return "swapped digits"
    return None


def typo_edits(printed: str, candidate: float, decimals: int) -> list[str]:
    """How ``printed`` could be a typing slip of ``candidate`` printed with ``decimals`` decimals.

    Returns [] when the two are the same figure (allowing grouping to be left
    out) or when no single typo-like edit explains the difference.
    """
    return list(_typo_edits(printed, candidate, decimals))


@lru_cache(maxsize=1 << 16)
def _typo_edits(printed: str, candidate: float, decimals: int) -> tuple[str, ...]:
    """`typo_edits`, pure and cached: every claim meets the same table figures again in the after-pass."""
    p = _split(printed)
    c = _split(format_id(abs(candidate), decimals))
    if p is None or c is None:
        return ()
    return split_edits(p, c)


def split_printed(printed: str) -> Split | None:
    """``printed`` split as `typo_edits` compares it (integer digits, fraction digits, separators)."""
    return _split(printed)


def split_figure(value: float, decimals: int) -> Split | None:
    """A table figure printed with ``decimals`` decimals, split as `split_printed` splits a printed one."""
    return _split(format_id(abs(value), decimals))


def split_edits(p: Split, c: Split) -> tuple[str, ...]:
    """`typo_edits` of two split figures: the printed one ``p`` and the candidate ``c``."""
    p_int, p_frac, p_seps = p
    c_int, c_frac, c_seps = c
    p_int, c_int = p_int.lstrip("0") or "0", c_int.lstrip("0") or "0"
    if p_int + p_frac == c_int + c_frac:
        p_pos, c_pos = dict(p_seps), dict(c_seps)
        if any(pos in c_pos and ch != c_pos[pos] for pos, ch in p_pos.items()):
            # Separators in the right places but of the wrong kind:
            # 2.960.780,030 for 2.960.780.030, 100.00 for 100,00.
            return ("separator typo",)
        if len(p_frac) != len(c_frac):
            return ("shifted decimal separator",)  # 10228 or 1022,8 for 102,28
        return ()  # same figure; grouping dots merely left out or added
    # "Rp 2.960.708.030,00" against a rupiah figure printed without decimals: trailing zero
    # decimals say nothing, so the integer digits are compared.
    n = max(len(p_frac), len(c_frac))
    if p_frac.ljust(n, "0") == c_frac.ljust(n, "0"):
        edit = one_edit(p_int, c_int)
    elif p_int == c_int:
        edit = one_edit(p_frac, c_frac)
    else:
        edit = None
    return (edit,) if edit else ()


def is_typo_of(printed: str, candidate: float, decimals: int) -> bool:
    return bool(typo_edits(printed, candidate, decimals))
