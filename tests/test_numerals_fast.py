"""parse_text with its patterns compiled once reads every text as the module-level `re` calls did."""

from __future__ import annotations

import random
import re

import pytest

from lkj_excel import numerals
from lkj_excel.numerals import _DASHES, _PRED_RE, DITTO_MARKS, Parsed, parse_plain_number, parse_text


def _reference_plain(s: str) -> tuple[float, int, bool, bool] | None:
    s = s.strip().replace(" ", "").replace("\u00a0", "")
    s = re.sub(r",-+$", "", s)
    if not s:
        return None
    sign = ""
    if s[0] in "+-−":
        sign = "-" if s[0] in "-−" else ""
        s = s[1:]
    if not re.fullmatch(r"[\d.,]+", s) or not re.search(r"\d", s):
        return None
    # the rest of the rule is unchanged: hand the cleaned figure to the current code
    return parse_plain_number(sign + s)


def _reference(raw: str) -> Parsed:
    """parse_text as it was written before its patterns were compiled (module-level `re` calls)."""
    s = str(raw).replace("\u00a0", " ").strip()
    if not s:
        return Parsed("empty")
    low, unit, core = s.lower(), None, s
    m = re.match(r"(?i)^\s*(rp\.?|idr)\s*", core)
    if m:
        unit, core = "Rp", core[m.end() :]
    m = re.search(r"(?i)\s*(%|ha|jiwa|poin)\s*\.?\s*$", core)
    if m:
        unit = {"%": "%", "ha": "Ha", "jiwa": "jiwa", "poin": "poin"}[m.group(1).lower()]
        core = core[: m.start()]
    core = core.strip()
    if core in _DASHES or low in _DASHES:
        return Parsed("none", unit=unit)
    m = re.fullmatch(r"(\d{1,3})\s*[.)]", core)
    if m:
        return Parsed("number", float(m.group(1)), 0, unit)
    num = _reference_plain(core)
    if num is not None:
        v, d, dp, tp = num
        return Parsed("number", v, d, unit, None, dp, tp)
    m = _PRED_RE.match(core.upper().replace("NILAI", "").strip())
    if m and (m.group("l1") or m.group("l2")) and not (m.group("l1") and m.group("l2")):
        letter = m.group("l1") or m.group("l2")
        if m.group("num"):
            num = _reference_plain(m.group("num"))
            if num is None:
                return Parsed("unparsed", letter=letter)
            v, d, dp, tp = num
            return Parsed("predikat", v, d, unit, letter, dp, tp)
        return Parsed("predikat", None, None, unit, letter)
    annotated = _reference_annotated(s)
    if annotated is not None:
        return annotated
    if re.search(r"\d", core) and len(core) <= 24 and not re.search(r"[a-zA-Z]{3,}", core):
        return Parsed("unparsed", unit=unit)
    return Parsed("text")


def _reference_annotated(s: str) -> Parsed | None:
    s = s.strip()
    if s.lower() in DITTO_MARKS:
        return Parsed("ditto")
    if numerals._RATIO_RE.match(s):
        return Parsed("ratio", unit="rasio")
    m = numerals._ACCOUNTING_RE.match(s)
    if m:
        inner = _reference_plain(m.group(2))
        if inner is not None and (inner[1] > 0 or inner[3] or len(m.group(2)) >= 4):
            v, d, dp, tp = inner
            return Parsed("number", -v, d, "Rp" if m.group(1) else None, None, dp, tp)
        return None
    m = numerals._REMARK_RE.match(s)
    if m:
        head = _reference(m.group("head"))
        return head if head.status == "number" else None
    m = numerals._WORD_UNIT_RE.match(s)
    if m and not re.search(r"[A-Za-z]", m.group("head")):
        head = _reference(m.group("head"))
        if head.status == "number" and head.unit is None:
            unit = re.sub(r"\s*/\s*", "/", m.group("unit")).rstrip(".")
            return Parsed("number", head.value, head.decimals, unit, None, head.decimal_point, head.thousands_point)
    return None


PREFIXES = ["", "Rp", "Rp.", "Rp ", "IDR ", "rp. ", " "]
FIGURES = [
    "1.234",
    "1,5",
    "2.960.780.030,-",
    "-12",
    "−3",
    "1,234.56",
    "12.",
    "3)",
    "100.00",
    "0",
    "(451.393.295,00)",
    "1.812,12",
    "88,67",
    "1:41",
    "2,960,780,030",
    "",
    "-",
    "--",
    "n/a",
    "BB (71,02)",
    "71,02 (BB)",
    "A",
    "Nilai 80",
    "82 (>100%)",
    "88,33-100",
    "1,2,3",
    ".5",
    "5.",
    ",-",
    "1.0000",
    "12,3,-",
    '"',
    "sda",
    "idem",
    "7 ,5",
]
SUFFIXES = ["", "%", " %", " Ha", "ha.", " jiwa", " poin", " Unit", " Orang / Bulan", " (>100%)", " Kk", "  ", "\u00a0"]
ALPHABET = "0123456789.,-() %RpHaBCDAI/:x\u00a0\u2212"


def _texts(seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = [p + f + s for p in PREFIXES for f in FIGURES for s in SUFFIXES]
    out += ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(1, 14))) for _ in range(3000)]
    out += [_figure_like(rnd) for _ in range(3000)]
    return out


def _figure_like(rnd: random.Random) -> str:
    """Texts in and around the shape of parse_text's shortcut: signs, grouped and long digits, decimals, units."""
    digits = "".join(rnd.choice("0123456789") for _ in range(rnd.choice([1, 2, 3, 4, 7, 16, 17, 20])))
    if rnd.random() < 0.5:
        digits = rnd.choice(["", "0", "12", "123", "1234"]) + "".join(
            "." + "".join(rnd.choice("0123456789") for _ in range(rnd.choice([3, 3, 3, 2, 4])))
            for _ in range(rnd.randint(1, 5))
        )
    frac = rnd.choice(["", "", ",5", ",05", ",123", ",", ",-", ",1234567"])
    return (
        rnd.choice(["", "", "-", "+", "\u2212", " ", "- "])
        + digits
        + frac
        + rnd.choice(["", "", "%", " %", "Ha", " ha", " HA", "  Ha", " hA.", "% ", " Ha ", "ha%", " jiwa"])
    )


@pytest.mark.parametrize("seed", range(2))
def test_parse_text_reads_as_before(seed: int) -> None:
    for t in _texts(seed):
        assert parse_text.__wrapped__(t) == _reference(t), t
