"""Amounts as budget exports print them.

`Rp65.000.000`, `Rp. 509.547.700`, `Rp 548.000.000,-`, `5.000.000,00`, `(451.393.295,00)`,
`-1.980.000,00`, numbers in accounting formats, and `=SUM` totals whose cached value
carries float noise (…751.97998) or is missing (the sum is then taken from the cells
the formula names). Every amount keeps the decimals it is printed with: the tolerance
of every comparison derives from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..numerals import parse_cell, parse_plain_number
from ..precision import FLOAT_NOISE, half_unit

_RP = re.compile(r"(?i)^\s*(rp|idr)\s*\.?\s*")
_PARENS = re.compile(r"^\((.*)\)$")
_SUM = re.compile(r"(?i)^=\s*SUM\((.*)\)\s*$")
_REF = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


class NotAnAmount(ValueError):
    """A cell that holds text where an amount belongs."""


def parse_amount(raw: Any, fmt: str | None = None) -> tuple[float | None, int]:
    """(value, decimals) of an amount cell; (None, 0) for a blank, "-" or "0"-less dash.

    Raises NotAnAmount for text that is no amount.
    """
    if raw is None:
        return None, 0
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        p = parse_cell(raw, fmt)
        value, decimals = float(p.value or 0.0), p.decimals or 0
        cents = round(value, 2)
        if cents != value and abs(value - cents) < max(1e-4, 1e-12 * abs(value)):
            # float noise of a cached =SUM: 751.97998 stands for 751.98
            value = cents
            if decimals > 2:  # General format: the noise was taken for printed decimals
                decimals = 0 if value.is_integer() else 2
        return value, decimals
    text = " ".join(str(raw).replace("\u00a0", " ").split())
    if text in ("", "-", "–", "—"):
        return None, 0
    sign = 1.0
    m = _PARENS.match(text)
    if m:
        sign, text = -1.0, m.group(1).strip()
    text = _RP.sub("", text)
    if text.startswith(("-", "−")):
        sign, text = -sign, text[1:].strip()
    text = re.sub(r",-+$", "", text).strip()
    if text in ("", "-"):
        return None, 0
    parsed = parse_plain_number(text)
    if parsed is None:
        raise NotAnAmount(str(raw))
    value, decimals, _dp, _tp = parsed
    return sign * value, decimals


def sum_formula(formula: object, value_at: Callable[[int, int], Any]) -> float | None:
    """The value of a cached-less `=SUM(D5:D9, D12)`, from the cells it names (0-based getter)."""
    if not isinstance(formula, str):
        return None
    m = _SUM.match(formula.strip())
    if not m:
        return None
    total = 0.0
    for ref in _REF.finditer(m.group(1)):
        c1, r1, c2, r2 = (
            ref.group(1),
            int(ref.group(2)),
            ref.group(3) or ref.group(1),
            int(ref.group(4) or ref.group(2)),
        )
        for r in range(r1, r2 + 1):
            for c in range(_col(c1), _col(c2) + 1):
                try:
                    v, _d = parse_amount(value_at(r - 1, c - 1))
                except NotAnAmount:
                    return None
                total += v or 0.0
    return total


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def tolerance(decimals: int) -> float:
    """Half a unit of the last printed digit: a figure printed with d decimals stands for that interval."""
    return half_unit(decimals) + FLOAT_NOISE
