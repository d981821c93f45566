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


_POW10 = tuple(10**d for d in range(16))


def round_half_up(value: float, decimals: int) -> float:
    """Round half away from zero at ``decimals``, as Excel and offices do."""
    # `_guard` written out and the power looked up: ~500 calls a workbook (the localizer's, mostly).
    p = _POW10[decimals] if 0 <= decimals < 16 else 10**decimals
    a = abs(value * p)
    g = _REL_GUARD * a if a > 1.0 else _REL_GUARD  # `_guard`: min(_REL_GUARD * max(1.0, a), _MAX_GUARD)
    n = math.floor(a + 0.5 + (g if g < _MAX_GUARD else _MAX_GUARD))
    return math.copysign(n, value) / p


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
    # `interval` and `_guard` written out: this runs for every figure a claim is looked up against.
    half = 0.5 * 10**-claim_decimals
    c_lo, c_hi = claim_value - half, claim_value + half
    if lo > hi:
        lo, hi = hi, lo
    g = min(_REL_GUARD * max(1.0, abs(c_lo), abs(c_hi)), _MAX_GUARD)
    return c_lo - g <= hi and lo <= c_hi + g


# `_split`'s patterns, compiled once (a pattern given as a string is looked up in `re`'s cache on every call).
_CURRENCY_RE = re.compile(r"(?i)^(rp\.?|idr)")
_DASH_RE = re.compile(r",-+$")
_UNIT_RE = re.compile(r"(?i)(%|ha|poin|jiwa)$")
_FIGURE_RE = re.compile(r"\d[\d.,]*")
_NON_DIGIT_RE = re.compile(r"\D")


@lru_cache(maxsize=4096)
def _split(printed: str) -> Split | None:
    """Split a printed figure into integer digits, fraction digits and separators.

    Separators are returned as (digits to their right, char). The decimal mark
    is the last "," or, failing that, a lone "." not followed by exactly three
    digits ("100.00"); everything else groups thousands.
    """
    s = printed.strip().replace(" ", "").replace("\u00a0", "")
    s = _CURRENCY_RE.sub("", s)
    s = _DASH_RE.sub("", s)
    s = _UNIT_RE.sub("", s).lstrip("+-−")
    if not _FIGURE_RE.fullmatch(s) or s[-1] in ".,":
        return None
    digits = _NON_DIGIT_RE.sub("", s)
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
    """Name the single-digit edit that turns the candidate digits ``c`` into ``p``.

    Every edit is tried at the first position where the two differ: deleting, inserting or replacing a
    digit anywhere else in a run of equal digits gives the same string, and a swap starts there.
    """
    if p == c:
        return None
    lp, lc = len(p), len(c)
    if not -1 <= lp - lc <= 1:
        return None
    i, n = 0, min(lp, lc)
    while i < n and p[i] == c[i]:
        i += 1
    if lp == lc + 1:
        return "inserted digit" if p[i + 1 :] == c[i:] else None
    if lp + 1 == lc:
        return "dropped digit" if c[i + 1 :] == p[i:] else None
    if p[i + 1 :] == c[i + 1 :]:
        return "replaced digit"
    if i + 1 < lp and p[i] == c[i + 1] and p[i + 1] == c[i] and p[i + 2 :] == c[i + 2 :]:
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


# What `split_edits` compares of a split figure: the integer digits without leading zeros, the fraction
# digits, the fraction without trailing zeros, and the two joined (see `digits_of_split`).
Digits = tuple[str, str, str, str]


def digits_of_split(s: Split) -> Digits:
    """The digit strings of ``s`` that `split_edits` compares."""
    i, f, _seps = s
    i = i.lstrip("0") or "0"
    return i, f, f.rstrip("0"), i + f


def digits_edit(p: Digits, c: Digits) -> str | None:
    """The slip `split_edits` names between two figures whose digits differ (``p[3] != c[3]``): the
    fractions agree up to trailing zeros and the integer parts are one edit apart, or the integer parts
    agree and the fractions are one edit apart."""
    if p[2] == c[2]:
        return one_edit(p[0], c[0])
    if p[0] == c[0]:
        return one_edit(p[1], c[1])
    return None


def split_edits(p: Split, c: Split) -> tuple[str, ...]:
    """`typo_edits` of two split figures: the printed one ``p`` and the candidate ``c``."""
    pd, cd = digits_of_split(p), digits_of_split(c)
    if pd[3] == cd[3]:
        p_pos, c_pos = dict(p[2]), dict(c[2])
        if any(pos in c_pos and ch != c_pos[pos] for pos, ch in p_pos.items()):
            # Separators in the right places but of the wrong kind:
            # 2.960.780,030 for 2.960.780.030, 100.00 for 100,00.
            return ("separator typo",)
        if len(p[1]) != len(c[1]):
            return ("shifted decimal separator",)  # 10228 or 1022,8 for 102,28
        return ()  # same figure; grouping dots merely left out or added
    # "Rp 2.960.708.030,00" against a rupiah figure printed without decimals: trailing zero
    # decimals say nothing, so the integer digits are compared.
    edit = digits_edit(pd, cd)
    return (edit,) if edit else ()


def is_typo_of(printed: str, candidate: float, decimals: int) -> bool:
    return bool(typo_edits(printed, candidate, decimals))
