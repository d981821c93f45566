"""One scale model for rules and review alike: rating scales and their bands.

A scale is read from the workbook where it is printed (the table whose
`[[checks]] rule = "scale"` names it), else taken from `sheets/_scales.toml`.
A value is classified by the printed band that holds it; a value that falls in
no printed band (a gap) is classified by the half-open rule of the reference:
each band runs from its lower end up to the next band's lower end
(`lower <= v < next lower`), or, for upper-inclusive scales such as the AKIP
predikat, from above the previous band's upper end up to its own
(`previous upper < v <= upper`).

The rules (`rules/categories.py`, K301-K303, S404, C202) judge printed scales and
categories with it; the review (`review/`) classifies key indicators with it, so
both give one value one category.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from . import texts
from .model import Cell, Table, Workbook
from .numerals import parse_plain_number
from .precision import Interval
from .spec import load_aux, overlay_dir
from .spec_checks import Check

INF = math.inf
_LETTER_RE = r"AA|A|BB|B|CC|C|D|E"

# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Band:
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False
    letter: str | None = None
    words: str | None = None  # kinerja words or a word label ("Sangat Tinggi")
    text: str = ""  # the interval as printed
    decimals: int = 0  # most decimals among the printed ends
    cell: Cell | None = None  # interval cell
    label_cell: Cell | None = None

    @property
    def label(self) -> str:
        if self.letter and self.words:
            return f"{self.letter} ({self.words})"
        return self.letter or self.words or "?"

    def holds(self, v: float) -> bool:
        above = v > self.lo if self.lo_open else v >= self.lo
        below = v < self.hi if self.hi_open else v <= self.hi
        return above and below

    def word_keys(self) -> frozenset[str]:
        return _word_keys(self.words)


@dataclass
class Scale:
    name: str
    bands: list[Band]
    source: str  # "printed" | "reference"
    upper_inclusive: bool
    decimals: int | None  # grid of the values classified; None = continuous
    table: Table | None = None
    reference: list[Band] = field(default_factory=list)

    @cached_property
    def known_letters(self) -> frozenset[str]:
        """The letters the scale's bands (printed and reference) name."""
        return frozenset(b.letter for b in self.bands + self.reference if b.letter)

    @cached_property
    def known_words(self) -> frozenset[str]:
        """The word keys the scale's bands (printed and reference) name."""
        return frozenset().union(*(b.word_keys() for b in self.bands + self.reference))

    def rule_text(self, lang: str = "id") -> str:
        return texts.t("scale.upper_inclusive" if self.upper_inclusive else "scale.half_open", lang)

    def classify(self, v: float) -> list[Band]:
        """Bands a value belongs to: the printed band(s) holding it, else by the half-open rule."""
        hits = [b for b in self.bands if b.holds(v)]
        if hits:
            return hits
        b = self.half_open(v)
        return [b] if b else []

    def half_open(self, v: float) -> Band | None:
        if not self.bands:
            return None
        if self.upper_inclusive:
            bs = sorted(self.bands, key=lambda b: b.hi)
            for b in bs:
                if v <= b.hi:
                    return b
            return bs[-1]
        bs = sorted(self.bands, key=lambda b: b.lo, reverse=True)
        for b in bs:
            if v >= b.lo:
                return b
        return bs[-1]

    def candidates(self, iv: Interval, printed: float, of_printed: list[Band] | None = None) -> list[Band]:
        """Bands some value inside `iv` (a printed figure's interval) can fall in (`of_printed`: the
        `classify(printed)` the caller already has)."""
        out: list[Band] = []
        for i, v in enumerate((printed, iv.lo, iv.hi)):
            for b in of_printed if (i == 0 and of_printed is not None) else self.classify(v):
                if b not in out:
                    out.append(b)
        return out


# --------------------------------------------------------------------------- parsing


@lru_cache(maxsize=4096)
def _word_keys(words: str | None) -> frozenset[str]:
    return frozenset(k for k in (label_key(w) for w in re.split(r"/", words or "")) if k)


@lru_cache(maxsize=4096)
def label_key(s: str | None) -> str:
    s = (s or "").lower().replace("–", "-")
    s = re.sub(r"[^\w]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


_SPACES = re.compile(r"\s+")
_BARE_LETTER = re.compile(rf"(?i)(?:{_LETTER_RE})")
_LETTER_WORDS = re.compile(rf"({_LETTER_RE})\s*(?:\(\s*(.*?)\s*\)|[-–:/]\s*(.+))")
_WORDS_LETTER = re.compile(rf"(.+?)\s*\(\s*({_LETTER_RE})\s*\)")
_NAMED_LETTER = re.compile(r"(?i)(?:predikat|mutu|kategori|nilai)\s*:?\s*(" + _LETTER_RE + r")")


def parse_label(text: str) -> tuple[str | None, str | None]:
    """ "C (Kurang Baik)" -> ("C", "Kurang Baik"); "BB" -> ("BB", None); "Sangat Tinggi" -> (None, "Sangat Tinggi")."""
    s = _SPACES.sub(" ", str(text or "").replace("\u00a0", " ")).strip().rstrip(":").strip()
    if not s:
        return None, None
    if _BARE_LETTER.fullmatch(s):
        return s.upper(), None
    m = _LETTER_WORDS.fullmatch(s)
    if m:
        return m.group(1), (m.group(2) or m.group(3) or None)
    m = _WORDS_LETTER.fullmatch(s)
    if m:
        return m.group(2), m.group(1)
    m = _NAMED_LETTER.fullmatch(s)
    if m:
        return m.group(1).upper(), None
    return None, s


_NUM = r"[-+]?\d[\d.,]*"


def _num(s: str) -> tuple[float, int] | None:
    p = parse_plain_number(s)
    if p is None:
        return None
    return p[0], p[1]


_TO_WORDS = re.compile(r"(?i)\b(s\s*\.?\s*/?\s*d\s*\.?|sampai dengan|sampai|hingga|to)(?=\s|\d|$)")
_NOISE_WORDS = re.compile(r"(?i)\b(nilai|skor|capaian|ikm|x|n|p)\b")
_RANGE = re.compile(rf"([<>≤≥])?\s*({_NUM})\s*-\s*({_NUM})")
_LOWER_TO = re.compile(rf"({_NUM})\s*([<≤])\s*(?:([<≤])\s*({_NUM}))?\s*({_NUM})?")
_UP_TO = re.compile(rf"([<≤])\s*({_NUM})")
_FROM = re.compile(rf"([>≥])\s*({_NUM})")
_NUM_OP = re.compile(rf"({_NUM})\s*([<>≤≥])")
_UPWARDS = re.compile(rf"(?i)({_NUM})\s*(ke atas|keatas|atau lebih)")
_DOWNWARDS = re.compile(rf"(?i)({_NUM})\s*(ke bawah|kebawah|atau kurang)")


def parse_interval(text: str) -> tuple[float, bool, float, bool, int] | None:
    """Parse a printed band: return (lower, lower_open, upper, upper_open, decimals).

    Understands "a-b", "a – b", "a s.d. b", "a% ≤ b%" (a to b), "a ≤ x < b",
    ">a-b" (above a up to b), "≤ b", "< b", "> a", "≥ a", "a ke atas", "b ke bawah".
    """
    s = str(text or "").replace("\u00a0", " ").strip()
    if not s:
        return None
    s = s.replace("–", "-").replace("—", "-").replace("−", "-")
    s = s.replace("<=", "≤").replace("=<", "≤").replace(">=", "≥").replace("=>", "≥")
    s = s.replace("%", " ")
    s = _TO_WORDS.sub(" - ", s)
    s = _NOISE_WORDS.sub(" ", s)
    s = _SPACES.sub(" ", s).strip()

    def dec(*xs: tuple[float, int]) -> int:
        return max(x[1] for x in xs)

    m = _RANGE.fullmatch(s)
    if m:
        a, b = _num(m.group(2)), _num(m.group(3))
        if a and b:
            op = m.group(1)
            return a[0], op == ">", b[0], False, dec(a, b)
    m = _LOWER_TO.fullmatch(s)
    if m:
        a = _num(m.group(1))
        b = _num(m.group(4) or m.group(5) or "")
        if a and b:
            if m.group(3):  # "a ≤ x < b"
                return a[0], m.group(2) == "<", b[0], m.group(3) == "<", dec(a, b)
            # "91 ≤ 100": a to b, a printed lower end and upper end
            return a[0], m.group(2) == "<", b[0], False, dec(a, b)
    m = _UP_TO.fullmatch(s)
    if m and (b := _num(m.group(2))):
        return -INF, False, b[0], m.group(1) == "<", b[1]
    m = _FROM.fullmatch(s)
    if m and (a := _num(m.group(2))):
        return a[0], m.group(1) == ">", INF, False, a[1]
    m = _NUM_OP.fullmatch(s)  # "90 >" rarely; "50 ≥" = up to 50
    if m and (a := _num(m.group(1))):
        if m.group(2) in "≥>":
            return -INF, False, a[0], m.group(2) == ">", a[1]
        return a[0], m.group(2) == "<", INF, False, a[1]
    m = _UPWARDS.fullmatch(s)
    if m and (a := _num(m.group(1))):
        return a[0], False, INF, False, a[1]
    m = _DOWNWARDS.fullmatch(s)
    if m and (a := _num(m.group(1))):
        return -INF, False, a[0], False, a[1]
    return None


def reference_bands(name: str) -> tuple[list[Band], dict[str, Any]]:
    """The bands of reference scale `name` (a fresh list) and its declaration in `sheets/_scales.toml`."""
    bands, ref = _reference_bands(name, overlay_dir())
    return list(bands), ref


@lru_cache(maxsize=64)
def _reference_bands(name: str, overlay: str | None) -> tuple[tuple[Band, ...], dict[str, Any]]:
    # Once per declaration file (the `--sheets` overlay is part of the key): Bands are frozen.
    ref = load_aux("scales").get(name) or {}
    out = []
    for b in ref.get("bands", []):
        lab = str(b.get("label", ""))
        letter, words = (lab, b.get("kinerja")) if re.fullmatch(_LETTER_RE, lab) else (None, lab)
        if letter and not words:
            words = None
        ui = bool(ref.get("upper_inclusive"))
        out.append(
            Band(float(b["lower"]), float(b["upper"]), lo_open=ui, hi_open=not ui, letter=letter, words=words, text="")
        )
    return tuple(out), ref


PrintedScale = tuple[Table, Mapping[str, Any], list[Band], list[Cell]]


def printed_scale(wb: Workbook, name: str, cache: dict[str, Any] | None = None) -> PrintedScale | None:
    """The workbook's printed scale `name`: (table, check, bands, interval cells that did not parse).

    With `cache` (a per-workbook dict, the rules' `Context.cache`) it is parsed once per workbook."""
    if cache is None:
        return _printed_scale(wb, name)
    key = f"printed_scale:{name}"
    if key not in cache:
        index: dict[str, tuple[Table, Check]] | None = cache.get("scale_checks")
        if index is None:
            index = cache["scale_checks"] = _scale_checks(wb)
        found = index.get(name)
        cache[key] = _read_scale(*found) if found is not None else None
    got: PrintedScale | None = cache[key]
    return got


def _scale_checks(wb: Workbook) -> dict[str, tuple[Table, Check]]:
    """Each scale's declaring table and check: the first table, in workbook order, with a `scale` check of it."""
    index: dict[str, tuple[Table, Check]] = {}
    for t in wb.tables.values():
        for c in t.spec.checks:
            if c.get("rule") == "scale":
                index.setdefault(c.get("scale"), (t, c))
    return index


def _printed_scale(wb: Workbook, name: str) -> PrintedScale | None:
    for t in wb.tables.values():
        chk = next((c for c in t.spec.checks if c.get("rule") == "scale" and c.get("scale") == name), None)
        if chk is not None:
            return _read_scale(t, chk)
    return None


def _read_scale(t: Table, chk: Check) -> PrintedScale:
    """The bands a table prints for the scale of its check, and the interval cells that did not parse."""
    icol, lcol = chk.get("interval", "interval"), chk.get("label", "label")
    bands: list[Band] = []
    bad: list[Cell] = []
    for r in t.rows:
        ic, lc = r.get(icol), r.get(lcol)
        if ic is None or not ic.text:
            continue
        p = parse_interval(ic.text)
        if p is None:
            bad.append(ic)
            continue
        letter, words = parse_label(lc.text if lc else "")
        lo, lo_open, hi, hi_open, d = p
        bands.append(Band(lo, hi, lo_open, hi_open, letter, words, ic.text, d, ic, lc))
    return t, chk, bands, bad


def reference_scale(name: str) -> Scale | None:
    """The reference scale `name` of `sheets/_scales.toml`, or None."""
    bands, ref = reference_bands(name)
    if not ref:
        return None
    return Scale(name, bands, "reference", bool(ref.get("upper_inclusive")), ref.get("decimals"), None, bands)


def get_scale(wb: Workbook, name: str, cache: dict[str, Any] | None = None) -> Scale | None:
    """The scale `name` of `wb`: the printed one when it has two bands or more, else the reference."""
    cache = {} if cache is None else cache
    key = f"scale:{name}"
    if key in cache:
        return cache[key]
    ref_bands, ref = reference_bands(name)
    if not ref:
        cache[key] = None
        return None
    ui = bool(ref.get("upper_inclusive"))
    dec = ref.get("decimals")
    pr = printed_scale(wb, name, cache)
    if pr and len(pr[2]) >= 2:
        sc = Scale(name, pr[2], "printed", ui, dec, pr[0], ref_bands)
    else:
        sc = Scale(name, ref_bands, "reference", ui, dec, None, ref_bands)
    cache[key] = sc
    return sc
