"""Values a changed cell may take so that its edits hold, at the cell's printed precision."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..precision import Interval
from .model import (
    LOWER_ANY,
    LOWER_FORMS,
    Address,
    Edit,
    Var,
    first_place,
    holds,
    holds_as_printed,
    linear_terms,
    ratio_interval,
    round_half_up,
    running_sums,
    term,
)
from .typo import typo_kind

MAX_CANDIDATES = 40  # more printable values than this: the edit leaves the cell undetermined


def printable(v: Var, lo: float, hi: float) -> list[float] | None:
    """Printed values (at v's decimals) whose interval meets [lo, hi]; None when too many."""
    d = v.decimals
    h = v.h
    unit = 10.0**-d
    lo, hi = max(lo, v.lo - h), min(hi, v.hi + h)  # outside its domain no value is printable
    a = math.ceil(round((lo - h) / unit, 6))
    b = math.floor(round((hi + h) / unit, 6))
    if b - a + 1 > MAX_CANDIDATES:
        return None
    out = []
    dlo, dhi = v.lo, v.hi
    for k in range(a, b + 1):
        x = round(k * unit, d)
        xlo, xhi = x - h, x + h  # the printed interval of x
        g = 1e-9 * max(1.0, abs(x))  # float noise of the sums, far below any printed digit
        if xlo <= hi + g and (lo < xhi - g or (h == 0 and lo <= xhi + g)) and dlo <= x <= dhi:
            out.append(x)
    return out


def _q_of_out(form: str, o: Interval) -> Interval:
    """a / b as implied by the printed output of a ratio edit."""
    if form in ("ratio", "positive"):
        return o.scale(0.01)
    if form == "negative_2T":
        return (Interval.exact(200.0) - o).scale(0.01)
    return Interval.exact(100.0) / o  # negative_ratio: out = 100 b / a


def candidates(e: Edit, target: Address, vs: dict[Address, Var], val: dict[Address, float]) -> list[float] | None:
    """Values of `target` that make `e` hold given the other cells; None when too many to list."""
    # The target's own figure never enters its candidates (it is not in `val` while pending).
    key = (target, tuple(map(val.get, e.vars)))
    memo = e.candidate_memo
    if memo is None or memo[0] is not vs:
        memo = e.candidate_memo = (vs, {})
    known = memo[1]
    hit = known.get(key, _UNKNOWN)
    if hit is _UNKNOWN:
        got = _candidates(e, target, vs, val)
        hit = known[key] = None if got is None else tuple(got)
    return None if hit is None else list(hit)


_UNKNOWN: tuple[float, ...] = (math.nan,)  # a sentinel (by identity): no answer kept yet


def _candidates(e: Edit, target: Address, vs: dict[Address, Var], val: dict[Address, float]) -> list[float] | None:

    def iv(a: Address) -> Interval:
        return vs[a].interval(val.get(a, vs[a].value))

    v = vs[target]
    if e.kind == "linear":  # the hot path of the search: plain floats, same arithmetic as Interval
        terms, cells, coefs = linear_terms(e, vs), e.vars, e.coefs
        place, plo, phi = running_sums(e, vs)
        k = coefs[place[target]]
        i0 = first_place(place, val, place[target])  # the terms before it are as printed: summed once
        lo, hi = plo[i0], phi[i0]
        for i in range(i0, len(cells)):
            a, t = cells[i], terms[i]
            if a == target:
                continue
            if a in val:
                t = term(vs[a], val[a], coefs[i])
            lo, hi = lo + t[0], hi + t[1]
        f = -1.0 / k
        p, q = lo * f, hi * f
        return printable(v, min(p, q), max(p, q))
    if e.kind == "ratio":
        if e.form != LOWER_ANY:
            got = _ratio_printable(e, e.form, target, v, iv, vs, val)
            return None if got is None else _ends_checked(e, target, got, vs, val)
        union: set[float] = set()
        for form in LOWER_FORMS:  # the values any of the row's possible formulas allows
            got = _ratio_printable(e, form, target, v, iv, vs, val)
            if got is None:
                return None
            union.update(got)
        return _ends_checked(e, target, sorted(union), vs, val)
    other = e.vars[1] if e.vars[0] == target else e.vars[0]
    w = vs[other]
    x = val.get(other, w.value)
    h = v.h
    if h and not w.exact and w.decimals == v.decimals and abs(x) < 2e8 * h and round_half_up(x, v.decimals) == x:
        # One figure printed twice on one grid: of the printable values meeting its interval, the one below only
        # touches it (half-open) and the one above shows another figure; the figure itself, inside the domain.
        # (Below 10^8 printing units the float noise `printable` allows stays under a tenth of a unit.)
        return [x + 0.0] if v.lo <= x <= v.hi else []  # + 0.0: a -0.0 prints as 0, as `printable` makes it
    return equal_candidates(e, target, vs, val)


def _ratio_printable(
    e: Edit,
    form: str,
    target: Address,
    v: Var,
    iv: Callable[[Address], Interval],
    vs: dict[Address, Var],
    val: dict[Address, float],
) -> list[float] | None:
    """The printable values of `target` a ratio edit read with `form` allows (None: too many, or unbounded);
    `iv`: a cell's interval at its figure in `val` (else its printed one) over the figures `vs`."""
    out, a, b = e.vars
    if form in ("positive", "ratio"):
        got = _positive_range(target, e.vars, vs, val)
        if got is not None and math.isfinite(got[0]) and math.isfinite(got[1]):
            return printable(v, got[0], got[1])
    try:
        if target == out:
            r = ratio_interval(form, iv(a), iv(b))
        elif target == a:
            r = _q_of_out(form, iv(out)) * iv(b)
        else:
            r = iv(a) / _q_of_out(form, iv(out))
    except ZeroDivisionError:
        return None
    if not (math.isfinite(r.lo) and math.isfinite(r.hi)):
        return None
    return printable(v, r.lo, r.hi)


def _positive_range(
    target: Address, cells: tuple[Address, ...], vs: dict[Address, Var], val: dict[Address, float]
) -> tuple[float, float] | None:
    """`_ratio_printable`'s range for out = a / b x 100 (`cells`: out, a, b) where every interval it divides by lies
    above 0 and every other is not below 0 (a capaian's common case), with plain floats: the same float operations as
    `Interval`'s. There each product and quotient is monotone in its operands, so their min and max are these two
    (IEEE rounding keeps the order); None elsewhere (the general route)."""
    out, a, b = cells
    if target == out:
        va, vb = vs[a], vs[b]
        xa, xb = val.get(a, va.value), val.get(b, vb.value)
        alo, blo = xa - va.h, xb - vb.h
        if blo > 0 and alo >= 0:
            return alo / (xb + vb.h) * 100, (xa + va.h) / blo * 100
        return None
    vo = vs[out]
    xo = val.get(out, vo.value)
    qlo, qhi = (xo - vo.h) * 0.01, (xo + vo.h) * 0.01  # `_q_of_out`: the printed output scaled by 0,01
    other = b if target == a else a
    w = vs[other]
    x = val.get(other, w.value)
    lo, hi = x - w.h, x + w.h
    if target == a:  # a = q x b
        return (qlo * lo, qhi * hi) if qlo >= 0 and lo >= 0 else None
    return (lo / qhi, hi / qlo) if qlo > 0 and lo >= 0 else None  # b = a / q


def equal_candidates(e: Edit, target: Address, vs: dict[Address, Var], val: dict[Address, float]) -> list[float] | None:
    """The candidates of an equality edit's `target`, worked out in full: the printable values meeting the
    other figure's interval that keep the edit holding."""
    other = e.vars[1] if e.vars[0] == target else e.vars[0]
    o = vs[other].interval(val.get(other, vs[other].value))
    got = printable(vs[target], o.lo, o.hi)
    return None if got is None else _ends_checked(e, target, got, vs, val)


def _ends_checked(
    e: Edit, target: Address, got: list[float], vs: dict[Address, Var], val: dict[Address, float]
) -> list[float]:
    """The printable values that make `e` hold: only the two ends of the run can fail (half-open bounds)."""
    trial = dict(val)
    i, j = 0, len(got)
    while i < j:
        trial[target] = got[i]
        if holds(e, vs, trial):
            break
        i += 1
    while i < j:
        trial[target] = got[j - 1]
        if holds(e, vs, trial):
            break
        j -= 1
    return got[i:j] if i or j < len(got) else got


@dataclass(slots=True)
class Solution:
    values: dict[Address, float] = field(default_factory=dict)
    open: dict[Address, list[float] | None] = field(default_factory=dict)  # undetermined cells
    failing: Edit | None = None  # when infeasible: an edit that no value of the changed cells satisfies
    # When infeasible: edits that together admit no values of the changed cells with every other cell as
    # printed. Any larger explanation must change one more cell of these (so branching on them is complete).
    conflict: list[Edit] = field(default_factory=list)
    # The conflict came from propagation alone (no value left for a cell): it holds for every explanation,
    # not only for supersets of the changed cells (no typing-error choice, no "must differ" in it).
    sound: bool = False

    @property
    def ok(self) -> bool:
        return self.failing is None


def same_value(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


_same = same_value


def solve(
    changed: Iterable[Address],
    edits: list[Edit],
    vs: dict[Address, Var],
    optional: Iterable[Address] = (),
    edits_of: dict[Address, list[Edit]] | None = None,
) -> Solution:
    """Propagate: each edit with one undetermined changed cell fixes it; then check every edit.

    Each changed cell remembers the edits that narrowed it (its reasons), so that a failure names
    its whole conflict: the failing edit plus the reasons of the changed cells it uses. `optional`
    cells (prose copies) may change too, and are left out of the solution where they keep their value.
    `edits_of` (every edit of a cell, a superset of `edits`) spares scanning every cell of every edit.
    """
    maybe = set(optional)
    pending = set(changed) | maybe
    if not pending and not edits:
        return Solution({}, {})  # nothing to change, nothing to hold
    val: dict[Address, float] = {}
    cand: dict[Address, list[float] | None] = dict.fromkeys(pending)
    why: dict[Address, dict[int, Edit]] = {}  # a changed cell's reasons, once an edit narrowed it

    def reasons(e: Edit) -> dict[int, Edit]:
        out = {id(e): e}
        if not why:
            return out
        for b in e.vars:
            w = why.get(b)
            if w:
                out.update(w)
        return out

    # An edit is asked again only when one of its cells got its value (nothing else changes its answer);
    # `left` counts each edit's undetermined cells.
    of, left = _pending_edits(pending, edits, edits_of)

    def settle(a: Address) -> None:
        pending.discard(a)
        for f in of.get(a, ()):
            left[f] -= 1

    agenda = deque(filter(left.__contains__, edits))
    queued = set(agenda)
    while agenda and pending:
        e = agenda.popleft()
        queued.discard(e)
        if left[e] != 1:
            continue
        for a in e.vars:
            if a in pending:
                break
        got = candidates(e, a, vs, val)
        if got is None:
            continue
        prev = cand[a]
        if prev is not None:
            got = [x for x in got if any(_same(x, y) for y in prev)]
        why[a] = reasons(e)
        if not got:
            return Solution(val, cand, e, list(why[a].values()), sound=True)
        cand[a] = got
        if len(got) == 1:
            val[a] = got[0]
            settle(a)
            for f in of.get(a, ()):
                if f not in queued:
                    queued.add(f)
                    agenda.append(f)
    chosen = _typo_choice(pending, cand, val, of, left, vs, settle)
    if val:
        failing = [e for e in edits if not left.get(e) and not _holds(e, vs, val)]
    else:  # nothing changed: the verdicts on the printed figures, kept on the edits
        failing = [e for e in edits if not left.get(e) and not _printed(e, vs)]
    if failing:  # branch where it is cheapest: the conflict with the fewest cells to add
        changed_set = set(cand)
        conflicts = [list(reasons(e).values()) for e in failing]
        best = min(conflicts, key=lambda c: len({a for f in c for a in f.vars} - changed_set))
        # Sound unless the failing edit holds a value the typing-error rule chose among several.
        return Solution(val, cand, best[0], best, sound=chosen.isdisjoint(best[0].vars))
    for a in list(val):
        if _same(val[a], vs[a].value):  # "changed" to what it already shows: not a change
            if a in maybe:
                del val[a]
                continue
            return Solution(val, cand, next(e for e in edits if a in e.vars), list(why.get(a, {}).values()))
    for a in list(pending & maybe):  # an optional cell its edits leave open keeps its value if that holds
        if all(holds(e, vs, val) for e in of.get(a, ()) if left[e] == 1):
            settle(a)
    return Solution(val, {a: cand[a] for a in pending})


def _pending_edits(
    pending: set[Address], edits: list[Edit], edits_of: dict[Address, list[Edit]] | None
) -> tuple[dict[Address, list[Edit]], dict[Edit, int]]:
    """The edits over each pending cell (among `edits`), and each such edit's count of pending cells."""
    of: dict[Address, list[Edit]] = {}
    left: dict[Edit, int] = {}
    if edits_of is None:
        seen: set[Edit] = set()
        for e in edits:
            if e in seen:
                continue
            seen.add(e)
            for a in e.vars:
                if a in pending:
                    of.setdefault(a, []).append(e)
                    left[e] = left.get(e, 0) + 1
        return of, left
    ours = set(edits).__contains__
    for a in pending:
        mine = list(filter(ours, edits_of.get(a, ())))
        if mine:
            of[a] = mine
            for e in mine:
                left[e] = left.get(e, 0) + 1
    return of, left


def _holds(e: Edit, vs: dict[Address, Var], val: dict[Address, float]) -> bool:
    """`holds`, remembering the verdict on the printed figures (most edits in play keep them)."""
    if val and not val.keys().isdisjoint(e.vars):
        return holds(e, vs, val)
    got = e.printed_holds
    if got is None:
        got = e.printed_holds = holds_as_printed(e, vs)
    return got


def _printed(e: Edit, vs: dict[Address, Var]) -> bool:
    got = e.printed_holds
    if got is None:
        got = e.printed_holds = holds_as_printed(e, vs)
    return got


def _typo_choice(
    pending: set[Address],
    cand: dict[Address, list[float] | None],
    val: dict[Address, float],
    of: dict[Address, list[Edit]],
    left: dict[Edit, int],
    vs: dict[Address, Var],
    settle: Callable[[Address], None],
) -> set[Address]:
    """A cell the edits fix only to a range at its printed precision: the one value a typing error explains.

    Scholtus' rule: among the values that make its edits hold, accept one only if it is the single
    value one typing error away from what was typed.
    """
    chosen: set[Address] = set()
    for a in sorted(pending):
        got = cand.get(a)
        if not got:
            continue
        own = [e for e in of.get(a, ()) if left[e] == 1]  # its edits with no other cell undetermined
        fits = []
        typed, decimals = vs[a].value, vs[a].decimals
        for x in got:
            if typo_kind(typed, x, decimals) is not None:
                trial = {**val, a: x}
                if all(holds(e, vs, trial) for e in own):
                    fits.append(x)
                    if len(fits) > 1:
                        break  # not the one value
        if len(fits) == 1:
            val[a] = fits[0]
            settle(a)
            chosen.add(a)
    return chosen
