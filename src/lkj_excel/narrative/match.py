"""Results of matching claims to figures, and the helpers that rank the candidate figures of a claim."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Cell, Paragraph, Row, Table, Workbook
from ..numerals import format_id
from ..spec import table_sort_key
from .extract import Claim, TableRef
from .index import FigureIndex
from .sentences import lowered, may_match
from .slips import FigClass, SlipIndex, fig_class
from .tables import Figure, year_of
from .typo import agrees_interval, round_half_up

if TYPE_CHECKING:
    from .reuse import ParaRecord

_ROW_HINTS = {
    "ikm": re.compile(r"\bikm\b|kepuasan", re.IGNORECASE),
    "akip": re.compile(r"\bs?akip\b|akuntabilitas", re.IGNORECASE),
}
# A lowercase word that every match of each row hint contains.
_ROW_HINT_KEYWORDS = {"ikm": ("ikm", "kepuasan"), "akip": ("akip", "akuntabilitas")}
_RATIO_WORDS = re.compile(r"capaian|prosentas|persentas|prosentase|persen", re.IGNORECASE)
_TARGET_WORD = re.compile(r"\btarget", re.IGNORECASE)
_REAL_WORD = re.compile(r"\brealisasi|\bterealisasi", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")
_NON_DIGIT_RE = re.compile(r"\D")
_TABLE_NUMBER_RE = re.compile(r"(\d+\.\d+)")
_TABEL_WORD_RE = re.compile(r"(?i)tabel")
_CHAPTER_RE = re.compile(r"(?i)\s*(bab\s+[ivx]+)")
_YEAR_TOKEN_RE = re.compile(r"\b((?:19|20)\d{2})\b")


@dataclass(slots=True)
class ClaimResult:
    claim: Claim
    paragraph: Paragraph
    status: str  # verified | contradicted | unverifiable
    matched: list[Figure] = field(default_factory=list)  # best first
    intended: float | None = None
    intended_decimals: int | None = None
    edit: str | None = None  # typo kind, "known quantity", "malformed", "wrong total"
    reason: str | None = None  # typo | known | malformed | wrong_total
    figure: Figure | None = None  # the figure the contradiction or match is about

    @property
    def cells(self) -> list[Cell]:
        f = self.figure or (self.matched[0] if self.matched else None)
        return list(f.cells) if f else []

    @property
    def expected_text(self) -> str | None:
        if self.intended is None:
            return None
        return format_claim(self.claim, self.intended, self.intended_decimals)

    @property
    def replacement(self) -> str | None:
        if self.intended is None:
            return None
        decimals = self.claim.decimals if self.intended_decimals is None else self.intended_decimals
        return format_id(abs(self.intended), decimals)


def format_claim(claim: Claim, value: float, decimals: int | None = None) -> str:
    """`value` written like the claim: its decimals, its sign and its unit (%, Rp, Ha by `format_id`)."""
    d = claim.decimals if decimals is None else decimals
    u = claim.unit
    signed = -abs(value) if claim.value < 0 else abs(value)
    if u in (None, "", "%", "Rp", "Ha"):
        return format_id(signed, d, u or None)
    return f"{format_id(signed, d)} {u}"


@dataclass(slots=True)
class RefIssue:
    paragraph: Paragraph
    ref: TableRef
    expected: str  # table id intended
    edit: str | None


@dataclass(slots=True)
class DirectionIssue:
    paragraph: Paragraph
    raw: str
    kind: str
    start: int
    end: int
    detail_id: str
    detail_en: str
    cells: list[Cell]


@dataclass
class Analysis:
    results: list[ClaimResult]
    refs: list[RefIssue]
    directions: list[DirectionIssue]
    corrected: dict[str, str]  # paragraph ref -> fully corrected text
    index: FigureIndex | None = None  # the figures it was judged against (reused by the after-pass)
    records: dict[str, ParaRecord] = field(default_factory=dict)  # per paragraph ref (reused by the after-pass)
    slips: SlipIndex | None = None  # the typo search's work on the tables (reused by the after-pass)


def _followed(wb: Workbook, p: Paragraph) -> str | None:
    m = _TABLE_NUMBER_RE.search(p.follows or "")
    if m and m.group(1) in wb.tables and _TABEL_WORD_RE.search(p.follows or ""):
        return m.group(1)
    return None


def _ordered_tables(wb: Workbook) -> list[str]:
    return sorted(wb.tables, key=table_sort_key)


class Prep:
    """What ``analyse`` works out once per workbook instead of once per paragraph or claim."""

    def __init__(self, wb: Workbook, idx: FigureIndex, slips_before: SlipIndex | None = None) -> None:
        self.wb = wb
        self.idx = idx
        self.order = _ordered_tables(wb)
        self.order_pos = {tid: i for i, tid in enumerate(self.order)}
        self._followed: dict[int, str | None] = {}
        self.followed_tables = {self.followed(q) for q in wb.paragraphs}
        self._nouns: dict[tuple[str, str], tuple[bool, frozenset[str]] | None] = {}
        self._hints: dict[str, set[str]] = {}
        self.slips = SlipIndex(idx.by_table, _compatible, slips_before, idx.classes)

    def followed(self, p: Paragraph) -> str | None:
        k = id(p)
        if k not in self._followed:
            self._followed[k] = _followed(self.wb, p)
        return self._followed[k]

    def row_hint(self, text: str) -> set[str]:
        h = self._hints.get(text)
        if h is None:
            h = self._hints[text] = _row_hint(text)
        return h

    def typo_search(self, claim: Claim, printed: str, tids: list[str]) -> list[tuple[Figure, str]]:
        """The figures of ``tids`` (printed, of a fitting kind and unit) ``printed`` is one typing slip of,
        with the slip, in ``tids`` then table order."""
        return self.slips.search(printed, tids, claim.kind, claim.unit, lambda f: self.noun_ok(claim, f))

    def fits(self, claim: Claim, f: Figure) -> bool:
        """Whether ``claim`` may state ``f`` by their kinds and units (`_compatible`)."""
        return _compatible(claim.kind, claim.unit, fig_class(f))

    def noun_ok(self, claim: Claim, f: Figure) -> bool:
        """``_noun_ok``, with the columns a noun names worked out once per noun and table."""
        if claim.unit in (None, "%", "Rp", "Ha", "poin"):
            return True
        k = (claim.unit, f.table)
        if k in self._nouns:
            rule = self._nouns[k]
        else:
            rule = self._nouns[k] = _noun_rule(claim.unit, self.wb.tables.get(f.table))
        if rule is None:
            return True
        include, cols = rule
        return (f.column in cols) if include else (f.column not in cols)


def scope_tables(wb: Workbook, p: Paragraph, refs: list[TableRef], prep: Prep | None = None) -> list[str]:
    order = prep.order if prep is not None else _ordered_tables(wb)
    out: list[str] = []
    fol = prep.followed(p) if prep is not None else _followed(wb, p)
    if fol:
        out.append(fol)
    else:
        chap = _CHAPTER_RE.match(p.follows or "")
        if chap:
            want = _SPACE_RE.sub(" ", chap.group(1)).lower()
            out += [tid for tid in order if (wb.tables[tid].spec.chapter or "").lower() == want]
    for r in refs:
        if r.table_id and r.table_id in wb.tables:
            out.append(r.table_id)
        elif r.table_id is None and fol:
            i = prep.order_pos[fol] if prep is not None else order.index(fol)
            if r.position == "after" and i + 1 < len(order):
                out.append(order[i + 1])
            elif r.position == "before":
                out.append(fol)
    return list(dict.fromkeys(out))  # first mention first, once


@lru_cache(maxsize=4096)
def _compatible(k: str, u: str | None, cls: FigClass) -> bool:
    """Whether a claim of kind ``k`` and unit ``u`` may state a figure of the class (see `fig_class`).

    Cached: a pure function of a few kinds and units (claims' units include the counted nouns
    offices write, hence the bound)."""
    f_kind, f_unit, diff_cell, capaian = cls
    if k == "difference":
        if not (f_kind == "difference" or diff_cell):
            return False
    elif f_kind == "difference":
        return False
    if k in ("ratio", "share") and not (f_unit == "%" or f_kind in ("ratio", "share")):
        return False
    if k == "count" and f_unit != "count":
        return False
    if k == "sum" and f_kind in ("ratio", "share", "average") and u != "%":
        return False
    if u == "%":
        return f_unit == "%" or (k == "difference" and f_unit is None and f_kind == "difference" and capaian)
    if u == "Rp":
        return f_unit == "Rp"
    if u == "Ha":
        return f_unit in ("Ha", None)
    if u == "poin":
        return f_unit in (None, "%")
    if u is not None:  # counted nouns: jiwa, Dusun, Kepala Keluarga, desa
        return f_unit == "count"
    return True


def _noun_rule(unit: str | None, t: Table | None) -> tuple[bool, frozenset[str]] | None:
    """Which columns of ``t`` a claim counted in ``unit`` may match: None for any,
    (True, cols) for only those, (False, cols) for all but those."""
    if unit in (None, "%", "Rp", "Ha", "poin") or t is None:
        return None
    u = (unit or "").lower()
    key = {"kepala keluarga": "kk", "kk": "kk"}.get(u, u.split()[0] if u else u)
    named = [c.id for c in t.spec.columns if key and (key == c.id or any(key in h.lower() for h in c.header))]
    if t.spec.key and key and key in t.spec.key:
        named = ["_rows"]
    if not named:
        return False, frozenset(("_rows", "dusun", "kk"))
    return True, frozenset(named)


def _noun_ok(claim: Claim, f: Figure, wb: Workbook) -> bool:
    """A counted noun that names a column ("Dusun", "KK") only matches that column."""
    rule = _noun_rule(claim.unit, wb.tables.get(f.table))
    if rule is None:
        return True
    include, cols = rule
    return (f.column in cols) if include else (f.column not in cols)


def claim_agrees(claim: Claim, f: Figure) -> bool:
    return agrees_interval(abs(claim.value), claim.decimals, f.lo, f.hi)


def _row_hint(text: str) -> set[str]:
    low = lowered(text)
    return {rid for rid, rx in _ROW_HINTS.items() if may_match(low, _ROW_HINT_KEYWORDS[rid]) and rx.search(text)}


_RANK_KINDS = {
    "value": ("value", "sum"),
    "sum": ("sum",),
    "ratio": ("ratio",),
    "share": ("share",),
    "average": ("average",),
    "difference": ("difference",),
    "count": ("count", "sum", "value"),
}


class Ranker:
    """The order of the candidate figures of one claim, best first (`key`), with what depends on the
    claim alone worked out once."""

    __slots__ = ("claim", "scope", "kinds", "pct_cell", "hints", "sentence", "scale", "rounded")

    def __init__(self, claim: Claim, scope: list[str], hints: set[str], sentence: str) -> None:
        self.claim = claim
        self.scope: dict[str, int] = {}
        for i, tid in enumerate(scope):
            self.scope.setdefault(tid, 6 - min(i, 3))  # the first mention counts
        self.kinds = _RANK_KINDS.get(claim.kind, ())
        self.pct_cell = claim.kind in ("ratio", "value")
        self.hints = hints
        self.sentence = sentence.lower()
        # `agrees(abs(claim.value), claim.decimals, x)` is round_half_up(x) * scale rounding to `rounded`
        self.scale = 10**claim.decimals
        self.rounded = round(abs(claim.value) * self.scale)

    def key(self, f: Figure) -> tuple[float, str, str]:
        claim = self.claim
        s = float(self.scope.get(f.table, 0))
        if f.kind in self.kinds:
            s += 3
        if self.pct_cell and f.is_cell and f.unit == "%":
            s += 2
        if claim.year_ref is not None and claim.year_ref in f.years:
            s += 3
        if f.row_id and f.row_id in self.hints:
            s += 2
        if f.row_label and f.row_label.lower().split(" — ")[-1][:12] in self.sentence:
            s += 1
        if f.is_cell:
            s += 1
        if math.isfinite(f.value) and round(round_half_up(abs(f.value), claim.decimals) * self.scale) == self.rounded:
            s += 2  # the figure itself rounds to the claim, not only its interval
        return (-s, f.table, f.column)


def claim_sentence(text: str, claim: Claim) -> str:
    a = max(text.rfind(". ", 0, claim.start), text.rfind(": ", 0, claim.start), text.rfind("; ", 0, claim.start))
    b_candidates = [i for i in (text.find(". ", claim.end), text.find("; ", claim.end)) if i >= 0]
    b = min(b_candidates) if b_candidates else len(text)
    return text[a + 1 : b]


def _subject_row(
    t: Table, p: Paragraph, claims: list[Claim], claim: Claim, group_text: str, prep: Prep | None = None
) -> list[Row]:
    """Rows of ``t`` the paragraph is about: the one whose cells its other figures repeat."""
    rows = [r for r in t.rows if r.role == "data"]
    ids = {r.row_id for r in rows}
    if len(rows) == 1:
        return rows
    hint = prep.row_hint if prep is not None else _row_hint
    p_hints, g_hints = hint(p.text), hint(group_text)
    scores: dict[int, float] = {}
    others = [c for c in claims if c is not claim]
    for i, r in enumerate(rows):
        sc = 0.0
        vals = [c.value for c in r.cells.values() if c.value is not None]
        for c in others:
            if any(abs(abs(c.value) - abs(v)) < 1e-9 for v in vals):
                sc += 2
        if r.row_id and r.row_id in p_hints:
            sc += 1.5
        elif r.row_id and r.row_id in g_hints:
            sc += 0.5
        scores[i] = sc
    best = max(scores.values(), default=0)
    if best <= 0:
        return rows if len(ids) == 1 and None not in ids and len(rows) == 1 else []
    return [rows[i] for i, s in scores.items() if s == best]


def known_kind(text: str, claim: Claim, claims: list[Claim]) -> str | None:
    """The quantity the words before a claim name ("difference", "ratio"), which `known_quantity` looks up."""
    prev_end = max((c.end for c in claims if c.end <= claim.start), default=0)
    seg = text[prev_end : claim.start]
    if claim.kind == "difference" and _TARGET_WORD.search(seg) and _REAL_WORD.search(seg):
        return "difference"
    if claim.kind == "ratio" and claim.unit == "%" and _RATIO_WORDS.search(seg):
        return "ratio"
    return None


def known_quantity(
    wb: Workbook,
    p: Paragraph,
    claim: Claim,
    claims: list[Claim],
    scope: list[str],
    idx: FigureIndex,
    group_text: str,
    prep: Prep | None = None,
    want: str | None = None,
) -> Figure | None:
    """The figure a claim names outright: "selisih antara target dan realisasi", "prosentase capaian";
    ``want``: the quantity the words before it name (`known_kind`)."""
    if want is None:
        return None
    sentence_before = claim_sentence(p.text, claim)
    year = claim.year_ref
    ym = _YEAR_TOKEN_RE.findall(sentence_before)
    if year is None and ym:
        year = int(ym[-1])
    if year is None:
        year = wb.year
    for tid in scope[:2]:
        t = wb.tables.get(tid)
        if t is None:
            continue
        rows = _subject_row(t, p, claims, claim, group_text, prep)
        if len(rows) != 1:
            continue
        r = rows[0]
        found: list[Figure] = []
        for f in idx.by_table.get(tid, []):
            if f.row is not r:
                continue
            if want == "difference" and f.kind == "difference" and "-" in f.column:
                a, b = f.column.split("-", 1)
                (sa, ya), (sb, yb) = year_of(a), year_of(b)
                if {sa, sb} == {"target", "realisasi"} and ya == yb and (ya is None or ya == year):
                    found.append(f)
            elif want == "ratio" and f.is_cell and f.unit == "%":
                s, y = year_of(f.column)
                if s in ("capaian", "persen", "persentase") and (y is None or y == year):
                    found.append(f)
            elif want == "ratio" and f.kind == "ratio" and (not f.years or f.years[0] == year):
                found.append(f)
        if found:
            found.sort(key=lambda f: (not f.is_cell,))
            return found[0]
    return None


def digits_of(text: str) -> str:
    return _NON_DIGIT_RE.sub("", text)


def is_small_bare(claim: Claim) -> bool:
    return claim.unit is None and claim.decimals == 0 and abs(claim.value) <= 31 and claim.kind in ("value", "sum")
