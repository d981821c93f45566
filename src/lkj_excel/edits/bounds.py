"""The localization search's bounds: which children a node has, and what any explanation must still add.

A node is a set of changed table cells. Its children add one figure of a conflict (a set of cells one of
which every explanation containing the node must change); its bound adds what disjoint conflicts and the
edits its own cells break force. All of it is worked out per workbook (`Rigid`) or per group (`Cost`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .build import EditSet
from .model import Address, Edit, holds_as_printed, round_half_up
from .solve import Solution, candidates, same_value


def _first_and_shared(conflicts: list[frozenset[Address]]) -> tuple[dict[frozenset[Address], int], set[Address]]:
    """Each conflict's first position, and the cells of two conflicts or more (a conflict found twice: all its
    cells)."""
    index: dict[frozenset[Address], int] = {}
    seen: set[Address] = set()
    shared: set[Address] = set()
    for i, k in enumerate(conflicts):
        index.setdefault(k, i)
        shared |= seen & k
        seen |= k
    return index, shared


def branch(
    s: frozenset[Address],
    w: float,
    figures: int,
    bound: float,
    conflicts: list[frozenset[Address]],
    cls: dict[Address, frozenset[Address]],
    cost: dict[Address, float],
    cells_of: Sorted | None = None,
    fast: bool = True,
) -> list[tuple[float, int, frozenset[Address], frozenset[Address]]]:
    """The children of node `s` (weight, figures, cells, cells of the conflicts its bound used) on the
    conflict whose children are fewest at the node's bound: those are sure to be visited, the others
    may be cut once an explanation is found.

    A child's bound adds what any explanation must still add: one figure of each of some pairwise
    disjoint conflicts it does not hit (smallest first). `cells_of`: each conflict's cells in order (kept by
    the caller: the same conflicts recur from node to node). `fast`: one conflict by `_one_conflict` (off: the tests'
    reference)."""
    if cells_of is None:
        cells_of = Sorted()
    if fast and len(conflicts) == 1:
        return _one_conflict(s, w, figures, cells_of[conflicts[0]], cls, cost)
    order = sorted(range(len(conflicts)), key=lambda i: len(conflicts[i]))  # stable, as sorted(conflicts, key=len)
    cheapest: dict[int, float] = {}
    # The conflicts each cell hits: a cell in one conflict alone hits that one (the common case, no list).
    index, shared = _first_and_shared(conflicts)

    def hits(a: Address) -> tuple[int, ...]:
        return tuple([i for i, k in enumerate(conflicts) if a in k])

    # children hitting the same conflicts share a bound
    bounds: dict[tuple[int, ...], tuple[float, int, frozenset[Address]]] = {}
    class_hit: dict[frozenset[Address], tuple[int, ...]] = {}  # the conflicts a copy class hits
    cost_of = cost.__getitem__

    def lower_bound(hit: tuple[int, ...]) -> tuple[float, int, frozenset[Address]]:
        used: set[Address] = set()
        lb, n = 0.0, 0
        for i in order:
            k = conflicts[i]
            if i not in hit and used.isdisjoint(k):
                used.update(k)
                c = cheapest.get(i)
                if c is None:
                    c = cheapest[i] = min(map(cost_of, k))
                lb += c
                n += 1
        return lb, n, frozenset(used)

    thr = bound + 1e-9

    def children(
        c: frozenset[Address], cap: int
    ) -> tuple[int, list[tuple[float, int, Address, tuple[float, int, frozenset[Address]]]]] | None:
        """The children on conflict `c`, and how many of them are within the node's bound; None as soon as
        `cap` of them are (a conflict no smaller than one with fewer cannot be chosen)."""
        out = []
        within = 0
        nxt = figures + 1
        alone = (index[c],)  # what a cell of `c` in no other conflict hits
        for a in cells_of[c]:
            m = cls.get(a)
            if m is None:
                hit = hits(a) if a in shared else alone
            else:
                known = class_hit.get(m)  # a class's copies in one conflict make one child
                if known is None:
                    known = class_hit[m] = tuple([i for i, k in enumerate(conflicts) if not k.isdisjoint(m)])
                hit = known
            got = bounds.get(hit)
            if got is None:
                got = bounds[hit] = lower_bound(hit)
            f = w + cost_of(a) + got[0]
            if f <= thr:
                within += 1
                if within >= cap:
                    return None
            out.append((f, nxt + got[1], a, got))
        return within, out

    # Any conflict is a complete branching; weighing the three smallest is enough to choose well: fewest
    # children within the bound, then fewest children. They come smallest first, so a later one wins only
    # with fewer within the bound (ties keep the first).
    best: list[tuple[float, int, Address, tuple[float, int, frozenset[Address]]]] = []
    cap = -1
    for c in smallest(conflicts, 3, cells_of):
        got_c = children(c, len(c) + 1 if cap < 0 else cap)  # the first is always taken
        if got_c is not None:
            cap, best = got_c
            if cap == 0:
                break
    out = []
    for f, n, a, got in best:
        m = cls.get(a)
        out.append((f, n, s | m if m is not None else s | {a}, got[2]))
    return out


_UNUSED: frozenset[Address] = frozenset()


def _one_conflict(
    s: frozenset[Address],
    w: float,
    figures: int,
    cells: tuple[Address, ...],
    cls: dict[Address, frozenset[Address]],
    cost: dict[Address, float],
) -> list[tuple[float, int, frozenset[Address], frozenset[Address]]]:
    """`branch` on a node with one conflict (a capaian row's, most often): each cell (its copy class) is a child,
    and no other conflict is left for a child's bound (the general route's bound adds 0,0 and uses no cell)."""
    out = []
    nxt = figures + 1
    for a in cells:
        m = cls.get(a)
        out.append((w + cost[a] + 0.0, nxt, s | m if m is not None else s | {a}, _UNUSED))
    return out


def smallest(conflicts: list[frozenset[Address]], n: int, cells_of: Sorted | None = None) -> list[frozenset[Address]]:
    """The `n` first distinct conflicts by (size, cells): sizes sort cheaply, cells only among the smallest."""
    distinct = sorted(set(conflicts), key=len)
    if len(distinct) > n:
        distinct = [c for c in distinct if len(c) <= len(distinct[n - 1])]
    if len(distinct) < 2:
        return distinct
    key = Sorted() if cells_of is None else cells_of
    return sorted(distinct, key=lambda c: (len(c), key[c]))[:n]


class Sorted(dict[frozenset[Address], tuple[Address, ...]]):
    """The cells of each set in order, sorted when first asked."""

    __slots__ = ()

    def __missing__(self, k: frozenset[Address]) -> tuple[Address, ...]:
        got = self[k] = tuple(sorted(k))
        return got


_NO_PROSE: list[tuple[frozenset[Address], float]] = []  # no violated edit with a prose copy (never changed)


def own_bound(
    s: frozenset[Address],
    used: frozenset[Address],
    cost: dict[Address, float],
    rigid: Callable[[Address], list[frozenset[Address]]],
    prose: list[tuple[frozenset[Address], float]] = _NO_PROSE,
) -> tuple[float, int]:
    """What a node's own changed cells add to its bound (see `Rigid`): their conflicts disjoint from
    those the bound already used, and from each other, each add their cheapest cell.

    `prose`: the group's violated edits with a prose copy (their cells, the cheapest one's weight). One that
    no cell of `s` is in fails unless one of its cells changes: a prose copy (which `_in_play` lets follow, so
    it is never a conflict) or a table figure a larger node adds. Disjoint from the rest, it adds that weight
    too (no figure: the copy may be the one that changes)."""
    taken: set[Address] = set()  # beyond `used`
    add, more = 0.0, 0
    for a in s:
        for k in rigid(a):
            if len(k & s) != 1:
                continue
            k = k - s
            if used.isdisjoint(k) and taken.isdisjoint(k):
                taken.update(k)
                add += min(map(cost.__getitem__, k))
                more += 1
    for k, c in prose:
        if s.isdisjoint(k) and used.isdisjoint(k) and taken.isdisjoint(k):
            taken.update(k)
            add += c
    return add, more


class Rigid:
    """The edits a changed cell breaks unless another of their cells changes too: edits without prose
    that hold as printed and that no other value of the cell alone satisfies (a detail whose row total
    holds). A set of changed cells holding one as its only changed cell cannot explain anything; every
    explanation containing the set must add one of the edit's other cells. Worked out once per cell."""

    def __init__(self, es: EditSet, prose_of: ProseOf) -> None:
        self.es = es
        self.prose_of = prose_of
        self.pins = Pins(es)  # per workbook, like the rest
        self.memo: dict[Address, list[frozenset[Address]]] = {}
        self.whole: dict[Edit, bool] = {}
        self.small: dict[Edit, bool] = {}
        self.grid: dict[Edit, bool] = {}
        # The localization search's solutions by node, edits and prose copies in play (`localize._solved`).
        self.solved: dict[tuple[frozenset[Address], tuple[Edit, ...], frozenset[Address]], Solution] = {}
        # What changing a figure weighs, for the copy classes `localize` shares among its groups (a pure function
        # of the classes: `diagnose` uses it when handed those classes).
        self.cost = Cost(_NO_CLASSES)
        self.cells_of = Sorted()  # each conflict's cells in order (a pure function of the set)
        # The explanation each found node makes (`localize._explained`), by node and solution (one of `solved`).
        self.explained: dict[tuple[frozenset[Address], int], tuple[Any, frozenset[Address]]] = {}

    def __call__(self, a: Address) -> list[frozenset[Address]]:
        got = self.memo.get(a)
        if got is None:
            got = self.memo[a] = self._work_out(a)
        return got

    def _work_out(self, a: Address) -> list[frozenset[Address]]:
        es = self.es
        x = es.vars[a].value
        got = []
        for f in es.edits_of(a):
            if self.prose_of[f] or not printed_holds(f, es):
                continue
            if self.pins_itself(f, a):
                got.append(frozenset(f.vars))
                continue
            c = candidates(f, a, es.vars, {})
            if c is not None and all(same_value(y, x) for y in c):
                got.append(frozenset(f.vars))
        return got

    def pins_itself(self, f: Edit, a: Address) -> bool:
        """Known without working out candidates: holding as printed, `f` leaves cell `a` its own figure
        alone (or no printable value at all); each case is the arithmetic of `candidates` made certain."""
        return self._whole(f) or self._point(f, a) or self._same_grid(f, a)

    def _point(self, f: Edit, a: Address) -> bool:
        """A small sum of exact figures with unit coefficients: holding as printed, the others fix this cell
        to within about 10^-9 of its figure, a point; at no more than 2 decimals, shown on its grid, that
        point prints as the figure itself and nothing else."""
        v = self.es.vars[a]
        return v.decimals <= 2 and self._small_exact(f) and round_half_up(v.value, v.decimals) == v.value

    def _small_exact(self, f: Edit) -> bool:
        got = self.small.get(f)
        if got is None:
            vs = self.es.vars
            got = self.small[f] = (
                f.kind == "linear"
                and len(f.vars) <= 100
                and all(c in (1.0, -1.0) for c in f.coefs)
                and all(vs[b].exact for b in f.vars)
                and sum(abs(vs[b].value) for b in f.vars) < 1e5  # float sums err below 10^-10
            )
        return got

    def _same_grid(self, f: Edit, a: Address) -> bool:
        """Two printings of one figure at one precision, each showing exactly its value: holding as printed,
        the other printing (inside this cell's domain) leaves this one its own figure alone."""
        if f.kind != "equal":
            return False
        vs = self.es.vars
        x, y = f.vars
        va, vb = vs[x], vs[y]
        got = self.grid.get(f)  # the same for both cells: asked from each
        if got is None:
            got = self.grid[f] = (
                va.exact == vb.exact
                and va.decimals == vb.decimals
                and round_half_up(va.value, va.decimals) == va.value
                and round_half_up(vb.value, vb.decimals) == vb.value
            )
        return got and vs[a].allows((vb if x == a else va).value)

    def _whole(self, f: Edit) -> bool:
        """A sum of exact whole figures with unit coefficients adds up without rounding: holding as printed,
        it holds exactly and leaves each of its cells its own figure alone (no candidates to work out)."""
        got = self.whole.get(f)
        if got is None:
            vs, bound = self.es.vars, 2.0**52 / len(f.vars)
            got = self.whole[f] = (
                f.kind == "linear"
                and all(c in (1.0, -1.0) for c in f.coefs)
                and all(vs[b].exact and float(vs[b].value).is_integer() and abs(vs[b].value) < bound for b in f.vars)
            )
        return got


def printed_holds(e: Edit, es: EditSet) -> bool:
    if e.printed_holds is None:
        e.printed_holds = holds_as_printed(e, es.vars)
    return e.printed_holds


_NO_CLASSES: dict[Address, frozenset[Address]] = {}  # no copy classes yet (never changed)


class Cost(dict[Address, float]):
    """What changing a table figure weighs: 1 per printing (its copy class), filled in when first asked."""

    __slots__ = ("cls",)

    def __init__(self, cls: dict[Address, frozenset[Address]]) -> None:
        super().__init__()
        self.cls = cls

    def __missing__(self, a: Address) -> float:
        c = self[a] = float(len(self.cls[a])) if a in self.cls else 1.0
        return c


class Pins(dict[Address, frozenset[Address]]):
    """The table cells each prose copy holds to their own figure while the copy keeps its own: it prints
    the same figure on the same grid, so with the copy fixed no other value of the cell satisfies their
    equality (the candidates are its own figure alone; any other printable value breaks the equality)."""

    __slots__ = ("es",)

    def __init__(self, es: EditSet) -> None:
        super().__init__()
        self.es = es

    def __missing__(self, p: Address) -> frozenset[Address]:
        es = self.es
        vp = es.vars[p]
        got = set()
        for e in es.edits_of(p):
            if e.kind != "equal":
                continue
            t = e.vars[1] if e.vars[0] == p else e.vars[0]
            vt = es.vars[t]
            if vt.prose or vt.exact != vp.exact or vt.decimals != vp.decimals or vt.value != vp.value:
                continue
            if round_half_up(vt.value, vt.decimals) != vt.value:
                continue  # off its grid: a stored 88,6470588 printed 88,65 (its copy pins nothing certain)
            c = candidates(e, t, es.vars, {})
            if c is not None and all(same_value(y, vt.value) for y in c):
                got.add(t)
        out = self[p] = frozenset(got)
        return out


class ProseOf(dict[Edit, tuple[Address, ...]]):
    """The prose cells of each edit, in its order (asked at every node of the search)."""

    __slots__ = ("vars",)

    def __init__(self, es: EditSet) -> None:
        super().__init__()
        self.vars = es.vars

    def __missing__(self, e: Edit) -> tuple[Address, ...]:
        got = self[e] = tuple(a for a in e.vars if self.vars[a].prose)
        return got
