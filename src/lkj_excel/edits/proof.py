"""A proof, before any search, that no set of at most `limit` figures explains a group of violated edits.

Where a group holds `limit` violated sums with no cell in common and no prose copy (the land-use rows of
Tabel 1.3 against the areas of Tabel 1.1), every explanation the search can find changes exactly one
cell of each, and nothing else. Each such cell is then held by its row to the values that make the row
add up, and the sums across the rows (the columns) must still add up with them. When no choice of one
cell per row passes that arithmetic, the search would try its nodes and find nothing: the answer,
"unresolved", is known at once.

The arithmetic is a relaxation of what `solve` demands of a node, never stricter (see `_Row` and
`_reject`): a choice the proof rejects is one `solve` rejects too. A choice it cannot reject sends the
group to the search as before.
"""

from __future__ import annotations

from itertools import product

from .build import EditSet
from .model import Address, Edit
from .solve import candidates

SLACK = 1e-6  # relative: far above the solver's float noise (1e-9) and any rounding of the sums here
MAX_CHOICES = 1024  # choices of one cell per row worth proving; beyond that the search decides


def _term(c: float, x: float, h: float) -> tuple[float, float]:
    """c times the interval [x - h, x + h] (as `model.term`)."""
    return (c * (x - h), c * (x + h)) if c > 0 else (c * (x + h), c * (x - h))


class _Row:
    """A violated sum whose only changed cell is `a`: the values it lets `a` take.

    In `solve` the row has `a` as its one pending cell. Its candidates at the printed figures of the
    other cells are the candidates `solve` sees; when there is at most one, `a` always ends determined
    (a node the row leaves open has more than one), and the solver's final check of the row then holds
    at `a`'s value. `lo..hi` holds every value for which the row holds, widened by SLACK."""

    __slots__ = ("a", "value", "lo", "hi", "determined", "mask", "effects")

    def __init__(
        self, es: EditSet, e: Edit, a: Address, whole: tuple[float, float, float], k: float, exact: bool
    ) -> None:
        v = es.vars[a]
        tl, th = _term(k, v.value, v.h)
        # The other cells' sum: the whole row's less this cell's term (the float error is far below SLACK).
        plo, phi = whole[0] - tl, whole[1] - th
        size = whole[2]
        # holds: plo + k x - |k| h <= 0 <= phi + k x + |k| h (within the solver's noise), so
        # k x lies in [-phi - |k| h, -plo + |k| h]; |k x| is then at most size + |k| h.
        w = abs(k) * v.h
        slack = SLACK * (1.0 + 2.0 * (size + w))
        lo, hi = (-phi - w - slack) / k, (-plo + w + slack) / k
        if k < 0:
            lo, hi = hi, lo
        self.a, self.value = a, v.value
        self.lo, self.hi = max(lo, v.lo), min(hi, v.hi)  # the solver's values stay in the domain
        if exact:  # the others sum to a point: at most one printable value (`printable` of a point)
            self.determined = True
        else:
            got = candidates(e, a, es.vars, {})
            self.determined = got is not None and len(got) <= 1
        self.mask = 0  # the violated edits it hits (bits)
        self.effects: tuple[tuple[int, float, float, float, bool], ...] = ()  # on the sums (see `_reject`)


def _rows(es: EditSet, e: Edit) -> list[_Row]:
    """One option per cell of row `e`."""
    vs = es.vars
    lo = hi = size = 0.0
    exact = True
    for b, c in zip(e.vars, e.coefs):
        v = vs[b]
        tl, th = _term(c, v.value, v.h)
        lo, hi = lo + tl, hi + th
        size += abs(c) * (abs(v.value) + v.h)
        exact = exact and v.h == 0.0
    return [_Row(es, e, a, (lo, hi, size), c, exact) for a, c in zip(e.vars, e.coefs)]


def _sums(es: EditSet, sums: list[Edit], options: list[list[_Row]]) -> list[list[float]]:
    """The sums over cells of the rows (columns), without prose, as printed: [lo, hi, size] each. Sets each
    option's effects on them: (sum, least and most change, size added, may stay open)."""
    vs = es.vars
    out = []
    coefs = []
    for e in sums:
        lo = hi = size = 0.0
        for b, c in zip(e.vars, e.coefs):
            v = vs[b]
            tl, th = _term(c, v.value, v.h)
            lo, hi = lo + tl, hi + th
            size += abs(c) * (abs(v.value) + v.h)
        out.append([lo, hi, size])
        coefs.append(dict(zip(e.vars, e.coefs)))
    for o in options:
        for r in o:
            got = []
            for i, coef in enumerate(coefs):
                k = coef.get(r.a)
                if k is not None:
                    d1, d2 = k * (r.lo - r.value), k * (r.hi - r.value)
                    grow = abs(k) * (max(abs(r.lo), abs(r.hi)) + abs(r.value))
                    got.append((i, min(d1, d2), max(d1, d2), grow, not r.determined))
            r.effects = tuple(got)
    return out


def _reject(sums: list[list[float]], effects: tuple[tuple[int, float, float, float, bool], ...]) -> bool:
    """Does some sum fail whatever values the rows allow the chosen cells? With every changed cell of a sum
    determined, `solve` checks it at their values: it cannot hold when even the most favourable values leave
    zero outside its range (widened by SLACK). A sum no changed cell touches holds as printed (or is violated,
    which the hits take care of); one with a cell that may stay open is unchecked."""
    acc: dict[int, list[float]] = {}
    for i, dl, dh, ds, may_open in effects:
        got = acc.get(i)
        if got is None:
            got = acc[i] = sums[i][:] + [0.0]
        got[0] += dl
        got[1] += dh
        got[2] += ds
        if may_open:
            got[3] = 1.0
    for lo, hi, size, open_ in acc.values():
        if not open_:
            slack = SLACK * (1.0 + 2.0 * size)
            if lo - slack > 0.0 or hi + slack < 0.0:
                return True
    return False


def _halves(options: list[list[_Row]]) -> list[tuple[int, tuple[tuple[int, float, float, float, bool], ...]]]:
    """Every choice of one option per row of `options`: the bits it hits and its effects."""
    out = []
    for choice in product(*options):
        m = 0
        effects: tuple[tuple[int, float, float, float, bool], ...] = ()
        for r in choice:
            m |= r.mask
            effects += r.effects
        out.append((m, effects))
    return out


def no_explanation(es: EditSet, bad: list[Edit], cls: dict[Address, frozenset[Address]], limit: int) -> bool:
    """True when it is certain that no set of at most `limit` table figures explains `bad` (see the module).
    False when that is not certain: the search decides."""
    rows = _disjoint_rows(es, bad, limit)
    if rows is None or any(a in cls for e in rows for a in e.vars):
        return False  # a copy class may hit two rows at once, or stand for several cells
    if any(c == 0.0 for e in rows for c in e.coefs):
        return False
    total = 1
    for e in rows:
        total *= len(e.vars)
    if total > MAX_CHOICES:
        return False
    options = [_rows(es, e) for e in rows]
    option = {r.a: r for o in options for r in o}
    vs = es.vars
    in_rows = set(map(id, rows))
    # Violated edits without prose must contain a changed cell (else they stay violated): one bit each.
    full = 0
    for e in bad:
        if id(e) in in_rows or any(vs[a].prose for a in e.vars):
            continue
        bit = 1 << full.bit_length()
        full |= bit
        mine = [option[a] for a in e.vars if a in option]
        if not mine:
            return True  # violated whichever cells of the rows change
        for r in mine:
            r.mask |= bit
    seen: set[int] = set(in_rows)
    sums: list[Edit] = []
    for a in option:
        for e in es.edits_of(a):
            if id(e) not in seen and e.kind == "linear" and not any(vs[b].prose for b in e.vars):
                seen.add(id(e))
                sums.append(e)
    printed = _sums(es, sums, options)
    # Every choice of one cell per row, as two halves (the bits they hit are joined by one `or`).
    half = len(options) // 2
    right = _halves(options[half:])
    for m, effects in _halves(options[:half]):
        for n, more in right:
            if m | n == full and not _reject(printed, effects + more):
                return False  # a choice the arithmetic cannot reject: the search decides
    return True


def _disjoint_rows(es: EditSet, bad: list[Edit], limit: int) -> list[Edit] | None:
    """`limit` violated sums without prose and pairwise without a common cell (smallest first), if any."""
    vs = es.vars
    rows: list[Edit] = []
    used: set[Address] = set()
    for e in sorted(bad, key=lambda e: len(e.vars)):
        if e.kind != "linear" or any(vs[a].prose for a in e.vars) or not used.isdisjoint(e.vars):
            continue
        rows.append(e)
        used.update(e.vars)
        if len(rows) == limit:
            return rows
    return None
