"""Parse figures as Indonesian offices print them.

A parsed figure keeps the number of decimals it was printed with, because that
precision is what every later comparison derives its tolerance from.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

# Predikat letters of PermenPANRB 88/2021, ordered worst to best.
PREDIKAT_ORDER = ("D", "C", "CC", "B", "BB", "A", "AA")

_UNIT_RE = re.compile(r"(?i)^\s*(rp\.?|idr)\s*|\s*(%|ha|jiwa|kk|poin|nilai)\s*\.?\s*$")
_DASHES = {"-", "–", "—", "--", "- -", "", "n/a", "na"}
_PRED_RE = re.compile(
    r"^\s*(?P<l1>AA|A|BB|B|CC|C|D)?\s*\(?\s*(?P<num>[-+]?[\d.,]+)?\s*\)?\s*\(?\s*(?P<l2>AA|A|BB|B|CC|C|D)?\s*\)?\s*$"
)


@dataclass(frozen=True, slots=True)
class Parsed:
    """One figure read from a cell or from text."""

    status: str  # number | predikat | none | empty | text | unparsed
    value: float | None = None
    decimals: int | None = None
    unit: str | None = None
    letter: str | None = None
    decimal_point: bool = False  # "100.00": a point used as the decimal separator
    thousands_point: bool = False  # "1.570": points used as thousands separators

    @property
    def is_number(self) -> bool:
        return self.value is not None


def _digits_after(s: str, sep: str) -> int:
    return len(s.rsplit(sep, 1)[1]) if sep in s else 0


# Figures at or beyond this size are no LKjIP figure (a whole national budget is ~4e15 rupiah;
# floats hold integers exactly below 9e15): read as unreadable, never compared or rounded.
MAX_FIGURE = 1e16


def sensible(v: float) -> bool:
    """Is `v` a figure a report could hold (finite, below MAX_FIGURE in size)?"""
    return math.isfinite(v) and abs(v) < MAX_FIGURE


def parse_plain_number(s: str) -> tuple[float, int, bool, bool] | None:
    """`_parse_plain_number`, None for a figure out of any sensible range ("1e400", 400 digits)."""
    out = _parse_plain_number(s)
    return out if out is None or sensible(out[0]) else None


def _parse_plain_number(s: str) -> tuple[float, int, bool, bool] | None:
    """Parse digits with Indonesian separators: return (value, decimals, decimal_point, thousands_point).

    "." groups thousands and "," marks decimals; a lone "." followed by one, two
    or more than three digits can only be a decimal point and is reported as such.
    """
    s = s.strip().replace(" ", "").replace("\u00a0", "")
    if "," in s:
        s = _DASH_END.sub("", s)  # "2.823.094.761,-"
    if not s:
        return None
    sign = 1.0
    if s[0] in "+-−":
        sign = -1.0 if s[0] in "-−" else 1.0
        s = s[1:]
    if not _FIGURE_CHARS.fullmatch(s) or not _DIGIT.search(s):
        return None
    dots, commas = s.count("."), s.count(",")
    if commas == 0 and dots == 0:
        return sign * float(s), 0, False, False
    if commas == 1 and dots == 0:
        intpart, frac = s.split(",")
        if not intpart or not frac:
            return None
        return sign * float(f"{intpart}.{frac}"), len(frac), False, False
    if commas == 0 and dots >= 1:
        groups = s.split(".")
        if dots == 1 and len(groups[1]) != 3:
            # "100.00", "3.5": decimal point in a comma-decimal table
            if not groups[0] or not groups[1]:
                return None
            return sign * float(s), len(groups[1]), True, False
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            return sign * float("".join(groups)), 0, False, True
        return None
    if commas == 1 and dots >= 1:
        intpart, frac = s.split(",")
        if "." in frac:
            # "1,234.56": English notation; anything else is not a number
            parts = s.replace(",", "").split(".")
            if len(parts) != 2 or not parts[0] or not parts[1]:
                return None
            intpart, frac = parts
            return sign * float(f"{intpart}.{frac}"), len(frac), True, False
        groups = intpart.split(".")
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3 and frac:
            return sign * float(f"{''.join(groups)}.{frac}"), len(frac), False, True
        return None
    if commas > 1 and dots <= 1:
        # "2,960,780,030" or "2,960,780.03": English thousands
        body, _, frac = s.partition(".")
        groups = body.split(",")
        if 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]) and (frac.isdigit() or not frac):
            val = float("".join(groups) + (f".{frac}" if frac else ""))
            return sign * val, len(frac), bool(frac), False
    return None


# parse_text's patterns, compiled once (a re.* module call looks its pattern up in re's cache every time).
_CURRENCY = re.compile(r"(?i)^\s*(rp\.?|idr)\s*")
_TRAILING_UNIT = re.compile(r"(?i)\s*(%|ha|jiwa|poin)\s*\.?\s*$")
_UNITS = {"%": "%", "ha": "Ha", "jiwa": "jiwa", "poin": "poin"}
_LIST_NUMBER = re.compile(r"(\d{1,3})\s*[.)]")
_DIGIT = re.compile(r"\d")
_WORD3 = re.compile(r"[a-zA-Z]{3,}")
_LETTER = re.compile(r"[A-Za-z]")
_SLASH = re.compile(r"\s*/\s*")
_DASH_END = re.compile(r",-+$")
_FIGURE_CHARS = re.compile(r"[\d.,]+")


# Most typed figures: "1.619,1 Ha", "85,02", "88,67%", "-10", "3.524" (Indonesian separators, a % or Ha after).
_PLAIN_FIGURE = re.compile(r"([-+\u2212]?)(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?(?:\s*(%|[Hh][Aa]))?")


def _plain_figure(m: re.Match[str]) -> Parsed | None:
    """parse_text's reading of a text `_PLAIN_FIGURE` matches (no currency, list numbering or dash can be one):
    the unit peeled off, then `_parse_plain_number`'s reading of the figure; None for a figure out of range."""
    sign, whole, frac, unit = m.groups()
    digits = whole.replace(".", "")
    v = (-1.0 if sign and sign != "+" else 1.0) * float(f"{digits}.{frac}" if frac else digits)
    if not sensible(v):
        return None
    return Parsed("number", v, len(frac) if frac else 0, unit and _UNITS[unit.lower()], None, False, digits != whole)


@lru_cache(maxsize=1 << 15)
def parse_text(raw: str) -> Parsed:
    """Parse a figure typed as text: "2.960.780.030", "88,65%", "BB (71,00)", "-", "100 Ha"."""
    s = str(raw).replace("\u00a0", " ").strip()
    if not s:
        return Parsed("empty")
    m = _PLAIN_FIGURE.fullmatch(s)
    if m:
        fast = _plain_figure(m)
        if fast is not None:
            return fast
    low = s.lower()
    unit: str | None = None
    core = s
    # Peel a leading currency and a trailing unit.
    m = _CURRENCY.match(core)
    if m:
        unit = "Rp"
        core = core[m.end() :]
    m = _TRAILING_UNIT.search(core)
    if m:
        unit = _UNITS[m.group(1).lower()]
        core = core[: m.start()]
    core = core.strip()
    if core in _DASHES or low in _DASHES:
        return Parsed("none", unit=unit)
    m = _LIST_NUMBER.fullmatch(core)
    if m:
        # "1." / "1)": list numbering
        return Parsed("number", float(m.group(1)), 0, unit)
    num = parse_plain_number(core)
    if num is not None:
        v, d, dp, tp = num
        return Parsed("number", v, d, unit, None, dp, tp)
    m = _PRED_RE.match(core.upper().replace("NILAI", "").strip())
    if m and (m.group("l1") or m.group("l2")) and not (m.group("l1") and m.group("l2")):
        letter = m.group("l1") or m.group("l2")
        if m.group("num"):
            num = parse_plain_number(m.group("num"))
            if num is None:
                return Parsed("unparsed", letter=letter)
            v, d, dp, tp = num
            return Parsed("predikat", v, d, unit, letter, dp, tp)
        return Parsed("predikat", None, None, unit, letter)
    annotated = parse_annotated(s)
    if annotated is not None:
        return annotated
    if _DIGIT.search(core) and len(core) <= 24 and not _WORD3.search(core):
        return Parsed("unparsed", unit=unit)
    return Parsed("text")


# Units the corrected workbook can print back as a number format; any other unit
# ("Unit", "Orang / Bulan") stays in the cell's text so nothing typed is lost.
FORMAT_UNITS = frozenset({"%", "Rp", "Ha", "jiwa", "poin"})
# "Same as above": the figure of the row above, typed as a mark.
DITTO_MARKS = frozenset({'"', "''", "\u3003", "\u201d", "\u201c", "idem", "sda", "s.d.a", "s.d.a.", "ditto", "dto"})
_RATIO_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*:\s*(\d+(?:[.,]\d+)?)\s*$")
_ACCOUNTING_RE = re.compile(r"(?i)^\(\s*(rp\.?\s*)?([\d.,]+)\s*\)$")
_REMARK_RE = re.compile(r"^(?P<head>.*?\d)\s*\(\s*[<>≤≥]=?\s*[\d.,]+\s*%?\s*\)\s*$")
_WORD_UNIT_RE = re.compile(r"^(?P<head>.*?\d(?:,-)?)\s+(?P<unit>[A-Za-z][A-Za-z.]+(?:\s*/\s*[A-Za-z][A-Za-z.]*)?)\s*$")


def parse_annotated(s: str) -> Parsed | None:
    """Figures as offices annotate them; None when ``s`` is none of these.

    "1 Unit", "12 Orang / Bulan" (figure and its unit word), "(451.393.295,00)"
    (an accounting negative), "82 (>100%)" (a remark after the figure), "1 : 41"
    (a ratio: not one figure), '"' and "sda" (ditto marks: the row above's figure).
    """
    s = s.strip()
    if s.lower() in DITTO_MARKS:
        return Parsed("ditto")
    if _RATIO_RE.match(s):
        return Parsed("ratio", unit="rasio")
    m = _ACCOUNTING_RE.match(s)
    if m:
        inner = parse_plain_number(m.group(2))
        # "(1)" is a column number; a negative amount has separators or decimals.
        if inner is not None and (inner[1] > 0 or inner[3] or len(m.group(2)) >= 4):
            v, d, dp, tp = inner
            return Parsed("number", -v, d, "Rp" if m.group(1) else None, None, dp, tp)
        return None
    m = _REMARK_RE.match(s)
    if m:
        head = parse_text(m.group("head"))
        return head if head.status == "number" else None
    m = _WORD_UNIT_RE.match(s)
    if m and not _LETTER.search(m.group("head")):
        head = parse_text(m.group("head"))
        if head.status == "number" and head.unit is None:
            unit = _SLASH.sub("/", m.group("unit")).rstrip(".")
            return Parsed("number", head.value, head.decimals, unit, None, head.decimal_point, head.thousands_point)
    return None


def decimals_from_format(fmt: str | None, value: float) -> tuple[int, bool]:
    """Decimals shown by an Excel number format, and whether it is a percent format."""
    decimals, is_pct = _format_info(format_section(fmt or "General", value))
    if decimals is None:
        return shortest_decimals(value * (100 if is_pct else 1)), is_pct
    return decimals, is_pct


@lru_cache(maxsize=512)
def _format_info(fmt: str) -> tuple[int | None, bool]:
    """(decimals shown, None for General; percent format?): a workbook uses a handful of formats."""
    is_pct = "%" in re.sub(r'"[^"]*"|\\.', "", _sections(fmt)[0])
    if fmt == "General" or fmt == "@":
        return None, is_pct
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", _sections(fmt)[0])
    m = re.search(r"\.([0#?,]+)", section)  # "#.##0,00": the comma does not end the decimals
    return (len(m.group(1).replace(",", "")) if m else 0), is_pct


_CONDITION = re.compile(r"\[\s*(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d*)?)\s*\]")


@lru_cache(maxsize=512)
def _sections(fmt: str) -> tuple[str, ...]:
    """The ;-separated sections of a number format (a ; inside quotes or after \\ does not split)."""
    out, cur, quoted, i = [], [], False, 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "\\" and not quoted:
            cur.append(fmt[i : i + 2])
            i += 2
            continue
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return tuple(out)


def _holds(section: str, value: float) -> bool | None:
    m = _CONDITION.search(section)
    if m is None:
        return None
    op, n = m.group(1), float(m.group(2))
    return {"<": value < n, "<=": value <= n, ">": value > n, ">=": value >= n, "=": value == n, "<>": value != n}[op]


def format_section(fmt: str, value: float) -> str:
    """The section of `fmt` Excel shows `value` with: conditions ("[>=1000]#,##0;0.00") first,
    else positive;negative;zero."""
    secs = _sections(fmt)
    if len(secs) == 1:
        return secs[0]
    first, second = _holds(secs[0], value), _holds(secs[1], value)
    if first is not None or second is not None:
        if first:
            return secs[0]
        if second or (second is None and len(secs) == 2) or len(secs) < 3:
            return secs[1]
        return secs[2]
    if value < 0:
        return secs[1]
    if value == 0 and len(secs) >= 3:
        return secs[2]
    return secs[0]


def shortest_decimals(value: float) -> int:
    if not math.isfinite(value) or float(value).is_integer():
        return 0
    r = repr(float(value))
    if "e" in r:
        return min(15, max(0, -int(r.split("e")[1])))
    return len(r.split(".")[1])


def parse_cell(raw: object, number_format: str | None = None) -> Parsed:
    """Parse a cell value as openpyxl or calamine gives it; a figure out of any sensible range is unparsed."""
    p = _parse_cell(raw, number_format)
    if p.value is not None and not sensible(p.value):
        return Parsed("unparsed", unit=p.unit)
    return p


def _parse_cell(raw: object, number_format: str | None = None) -> Parsed:
    if raw is None:
        return Parsed("empty")
    if isinstance(raw, bool):
        return Parsed("text")
    if isinstance(raw, (int, float)):
        v = float(raw)
        fixed, pct, shown_pct = _number_format(number_format)
        if fixed is None:
            d, pct = decimals_from_format(number_format, v)
        elif fixed < 0:  # General: the decimals the value has
            d = shortest_decimals(v * 100 if pct else v)
        else:
            d = fixed
        if pct:
            return Parsed("number", round(v * 100, 12), d, "%")
        if shown_pct:
            # '0.00"%"': a percent figure stored as 88.65, the sign only shown
            return Parsed("number", v, d, "%")
        return Parsed("number", v, d)
    if hasattr(raw, "isoformat"):
        return Parsed("text")
    return parse_text(str(raw))


@lru_cache(maxsize=512)
def _number_format(fmt: str | None) -> tuple[int | None, bool, bool]:
    """What `decimals_from_format` gives for any value when `fmt` has one section: (decimals, -1 for
    General, None when it depends on the value's section; percent format?; a "%" only shown?)."""
    shown_pct = bool(fmt and re.search(r'"\s*%\s*"|\\%', fmt))
    f = fmt or "General"
    if len(_sections(f)) != 1:
        return None, False, shown_pct
    decimals, pct = _format_info(f)
    return (-1 if decimals is None else decimals), pct, shown_pct


def format_id(value: float | None, decimals: int = 0, unit: str | None = None) -> str:
    """Format a number in Indonesian notation: 2.960.780.030 / 88,65%."""
    if value is None:
        return "-"
    s = f"{abs(value):,.{max(decimals, 0)}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if value < 0 and float(s.replace(".", "").replace(",", ".")) != 0:
        s = "-" + s
    if unit == "%":
        return s + "%"
    if unit == "Rp":
        return "Rp " + s
    if unit == "Ha":
        return s + " Ha"
    return s


def predikat_rank(letter: str | None) -> int | None:
    if letter is None:
        return None
    try:
        return PREDIKAT_ORDER.index(letter.upper())
    except ValueError:
        return None
