"""Edits: the identities a workbook's figures must satisfy, each over cells with their printed interval.

A figure printed with d decimals stands for the half-open interval [v - h, v + h), h = 0,5 x 10^-d;
exact kinds (counts, rupiah) stand for themselves. An edit holds when some choice of true values
inside the intervals satisfies it. Three forms cover every identity of the standard tables:

- linear: sum(coef_i x_i) = 0 (column sums, subtotals, L + P, sisa = anggaran - realisasi);
- ratio: out = f(a, b) x 100 (capaian by polarity, penyerapan);
- equal: one figure printed in two places (same precision: identical; else the coarser is the
  rounding of the finer).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..formulas import capaian_interval
from ..narrative.typo import round_half_up as round_printed
from ..precision import FLOAT_NOISE, Interval


def round_half_up(v: float, decimals: int) -> float:
    """Half away from zero at `decimals`, as offices round (float-guarded: fast on the search path)."""
    return round_printed(v, decimals)


Address = tuple[str, str]  # (sheet, A1)


@dataclass(slots=True)
class Var:
    """One printed figure: where it is, what it shows, how precisely."""

    address: Address
    value: float
    decimals: int
    exact: bool
    text: str
    table: str | None = None
    column: str | None = None
    source: bool = False  # a declared source table of this figure (tie-breaker only)
    cost: float = 1.0  # what changing it weighs: 1 for a table figure, less for prose that copies one
    prose: bool = False  # a figure the narrative states (its own rules correct the text)
    lo: float = -math.inf  # the values its figure can take (declared in sheets/): corrections stay inside
    hi: float = math.inf
    # The half-width of its printed interval (0 when exact), worked out once: the search asks for it most.
    h: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.h = 0.0 if self.exact else 0.5 * 10.0**-self.decimals

    def allows(self, x: float) -> bool:
        return self.lo <= x <= self.hi

    @property
    def name(self) -> str:
        return f"{self.address[0]}!{self.address[1]}"

    def half(self) -> float:
        return self.h

    def interval(self, v: float | None = None) -> Interval:
        x = self.value if v is None else v
        h = self.h
        return Interval(x - h, x + h)

    def quantize(self, v: float) -> float:
        return round_half_up(v, self.decimals)


@dataclass(slots=True, eq=False)  # an edit is itself: hashed and compared by identity
class Edit:
    kind: str  # linear | ratio | equal
    vars: tuple[Address, ...]
    code: str  # the catalog rule that reports a violation (T101, C201, X601, ...)
    coefs: tuple[float, ...] = ()  # linear: one per var
    form: str = ""  # ratio: positive | negative_2T | negative_ratio | ratio; vars = (out, a, b)
    output: Address | None = None  # the derived cell (total, formula column, percentage), if any
    label: str = ""
    extra: dict[str, object] = field(default_factory=dict)
    printed_holds: bool | None = None  # cached by the solver: does it hold on the printed figures?
    # holds() of a ratio or equality edit, by the figures it was asked about: the search asks again and
    # again (7 in 10 calls repeat one). Valid for one `vars` mapping, which it keeps.
    memo: tuple[object, dict[tuple[float, ...], bool]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    # The solver's candidates for one of its cells, by the other cells' figures (None: as printed):
    # a search asks the same question from many nodes. Valid for one `vars` mapping, which it keeps.
    candidate_memo: tuple[object, dict[tuple[object, ...], tuple[float, ...] | None]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    # linear: each cell's contribution (lo, hi) to the sum at its printed figure, for one `vars` mapping
    # (the search sums the same edit with one or two cells changed, again and again).
    terms: tuple[object, tuple[tuple[float, float], ...]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    # linear: each cell's place, and the running sums of those terms (the sum's first i terms, as the loop adds
    # them): a sum asked with a few cells changed starts at the first changed place, with the same floats.
    sums: tuple[object, dict[Address, int], list[float], list[float]] | None = field(
        default=None, init=False, repr=False, compare=False
    )


def ratio_interval(form: str, a: Interval, b: Interval) -> Interval:
    if form == "ratio":
        return (a / b).scale(100)
    return capaian_interval(form, b, a)  # capaian(pol, target, realisasi): vars = (out, realisasi, target)


def holds(e: Edit, vs: dict[Address, Var], val: dict[Address, float]) -> bool:
    """Is the edit satisfiable with the figures `val` (printed values where not overridden)?"""
    if e.kind == "linear":
        return _holds(e, vs, val)
    if e.kind == "equal":  # two cells (a ratio three): the key written out, no list built
        a, b = e.vars
        key: tuple[float, ...] = (val[a] if a in val else vs[a].value, val[b] if b in val else vs[b].value)
    elif len(e.vars) == 3:
        a, b, c = e.vars
        key = (
            val[a] if a in val else vs[a].value,
            val[b] if b in val else vs[b].value,
            val[c] if c in val else vs[c].value,
        )
    else:
        key = tuple([val[a] if a in val else vs[a].value for a in e.vars])
    memo = e.memo
    if memo is None or memo[0] is not vs:
        memo = e.memo = (vs, {})
    got = memo[1].get(key)
    if got is None:
        got = memo[1][key] = _holds(e, vs, val)
    return got


def holds_as_printed(e: Edit, vs: dict[Address, Var]) -> bool:
    """`holds` on the printed figures alone, asked once per edit (no memo: most edits are never asked again)."""
    return _holds(e, vs, {})


def linear_terms(e: Edit, vs: dict[Address, Var]) -> tuple[tuple[float, float], ...]:
    """Each cell's (lo, hi) contribution to a linear edit's sum at its printed figure (kept on the edit)."""
    got = e.terms
    if got is None or got[0] is not vs:
        got = e.terms = (vs, tuple(term(vs[a], vs[a].value, k) for a, k in zip(e.vars, e.coefs)))
    return got[1]


def running_sums(e: Edit, vs: dict[Address, Var]) -> tuple[dict[Address, int], list[float], list[float]]:
    """Each cell's place in a linear edit, and the sums (lo, hi) of its first i printed terms, i = 0..n."""
    got = e.sums
    if got is None or got[0] is not vs:
        lo = hi = 0.0
        plo, phi = [lo], [hi]
        for t in linear_terms(e, vs):
            lo, hi = lo + t[0], hi + t[1]
            plo.append(lo)
            phi.append(hi)
        got = e.sums = (vs, {a: i for i, a in enumerate(e.vars)}, plo, phi)
    return got[1], got[2], got[3]


def first_place(place: dict[Address, int], val: dict[Address, float], end: int) -> int:
    """The first place of a cell in `val` (`end` when none): the terms before it are as printed."""
    for a in val:
        i = place.get(a)
        if i is not None and i < end:
            end = i
    return end


def term(v: Var, x: float, k: float) -> tuple[float, float]:
    """k times the printed interval of figure x of v."""
    h = v.h
    return (k * (x - h), k * (x + h)) if k > 0 else (k * (x + h), k * (x - h))


def _holds(e: Edit, vs: dict[Address, Var], val: dict[Address, float]) -> bool:
    if e.kind == "linear":  # the hot path: no closure, no Interval objects
        lo = hi = 0.0
        kept = e.terms
        if kept is not None and kept[0] is vs:  # an edit in the search's play: its printed terms are kept
            sums = e.sums
            if sums is not None and sums[0] is vs:
                place, plo, phi = sums[1], sums[2], sums[3]
            else:
                place, plo, phi = running_sums(e, vs)
            terms, cells, coefs = kept[1], e.vars, e.coefs
            i0 = len(cells)
            for a in val:  # `first_place`, inline: the first changed place (the terms before it as printed)
                i = place.get(a)
                if i is not None and i < i0:
                    i0 = i
            lo, hi = plo[i0], phi[i0]
            for i in range(i0, len(cells)):
                a, t = cells[i], terms[i]
                if a in val:
                    t = term(vs[a], val[a], coefs[i])
                lo, hi = lo + t[0], hi + t[1]
        else:  # the same sums, term by term (most edits are asked once, on their printed figures)
            for a, k in zip(e.vars, e.coefs):
                v = vs[a]
                x = val[a] if a in val else v.value
                h = v.h
                if k > 0:
                    lo, hi = lo + k * (x - h), hi + k * (x + h)
                else:
                    lo, hi = lo + k * (x + h), hi + k * (x - h)
        g = FLOAT_NOISE * max(1.0, abs(lo), abs(hi))  # _noise(lo, hi), inline
        return lo - g <= 0.0 <= hi + g
    if e.kind == "ratio":
        return _ratio_holds(e, vs, val)
    a, b = e.vars
    return same_figure(vs[a], val[a] if a in val else vs[a].value, vs[b], val[b] if b in val else vs[b].value)


# An indicator taken as lower-is-better from its name alone (no polarity declared): offices write its capaian
# as T/R, as (2T - R)/T or as R/T (rule C204 warns of the last); any of them is the row's identity.
LOWER_ANY = "lower_any"
LOWER_FORMS = ("negative_ratio", "negative_2T", "positive")


def _ratio_holds(e: Edit, vs: dict[Address, Var], val: dict[Address, float], form: str = "") -> bool:
    form = form or e.form
    if form == LOWER_ANY:
        return any(_ratio_holds(e, vs, val, f) for f in LOWER_FORMS)
    out, a, b = e.vars
    vo, va, vb = vs[out], vs[a], vs[b]
    xa = val[a] if a in val else va.value
    xb = val[b] if b in val else vb.value
    ha, hb = va.h, vb.h
    alo, ahi, blo, bhi = xa - ha, xa + ha, xb - hb, xb + hb
    if form in ("positive", "ratio") and blo > 0 and alo >= 0:
        # The common case without Interval objects: the same float operations as a / b x 100.
        lo, hi = alo / bhi * 100, ahi / blo * 100
    else:
        try:
            iv = ratio_interval(form, Interval(alo, ahi), Interval(blo, bhi))
        except ZeroDivisionError:
            return True
        lo, hi = iv.lo, iv.hi
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return True
    h = vo.h
    x = val[out] if out in val else vo.value
    olo, ohi = x - h, x + h
    g = FLOAT_NOISE * max(1.0, abs(olo), abs(ohi))  # _noise(olo, ohi), inline
    # Half-open: the output's interval [lo, hi) must meet the computed range.
    return lo - g < ohi and olo <= hi + g


def same_figure(va: Var, a: float, vb: Var, b: float) -> bool:
    """Two printings of one figure: identical at equal precision; else the coarser rounds the finer."""
    if va.exact and vb.exact:
        return abs(a - b) <= FLOAT_NOISE * max(1.0, abs(a), abs(b))
    da = 0 if va.exact else va.decimals
    db = 0 if vb.exact else vb.decimals
    if va.exact:
        da = max(da, db)
    if vb.exact:
        db = max(da, db)
    a, b = round_printed(a, da), round_printed(b, db)  # as printed: a stored 88,6470588 shows 88,65
    if da == db:
        return abs(a - b) <= FLOAT_NOISE * max(1.0, abs(a), abs(b))
    fine, coarse, dc = (a, b, db) if da > db else (b, a, da)
    return abs(round_printed(fine, dc) - coarse) <= FLOAT_NOISE * max(1.0, abs(fine), abs(coarse))
