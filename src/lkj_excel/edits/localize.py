"""Error localization: the smallest weighted set of cells whose change makes every edit hold.

Fellegi-Holt by bounded breadth-first search over the cells of violated edits: a set of changed
cells grows one cell at a time from an edit that still fails, never beyond a set that already
explains everything. A table figure weighs 1, a prose copy of one 0,5. Among explanations of equal
weight, one whose every change is a plausible typing error (Scholtus) wins; a declared source table
only breaks what remains tied. Still tied: no correction, every candidate is named.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass, field

from .build import EditSet
from .model import Address, Edit, holds
from .solve import Solution, candidates, same_value, solve
from .typo import typo_kind

MAX_CELLS = 4  # at most this many changed table cells in one explanation
MAX_STEPS = 400  # solver calls per group before giving up (no correction then): bounds the cost


@dataclass(slots=True)
class Explanation:
    cells: frozenset[Address]
    weight: float
    values: dict[Address, float]
    open: dict[Address, list[float] | None]
    typos: dict[Address, str | None]
    source: int  # changed cells in a declared source table

    def table_cells(self, es: EditSet) -> frozenset[Address]:
        return frozenset(a for a in self.cells if not es.vars[a].prose)

    def credible(self, es: EditSet) -> bool:
        """A typed figure (no edit derives it) is corrected only where one typing error explains it: a
        value that merely balances its sum may be absorbing two mistakes (706 -> 760 and 561 -> 5.611 in one
        column look like one 5.611 -> 507). A derived figure (a total, a percentage) may be off by anything."""
        return all(k is not None or self._derived_or_copied(es, a) for a, k in self.typos.items())

    def _derived_or_copied(self, es: EditSet, a: Address) -> bool:
        """Derived by an edit, or its value printed elsewhere: a copy that stands is direct evidence."""
        for e in es.edits_of(a):
            if e.output == a:
                return True
            if e.kind == "equal":
                other = e.vars[1] if e.vars[0] == a else e.vars[0]
                if not es.vars[other].prose and other not in self.cells:
                    return True
        return False

    @property
    def plausible(self) -> bool:
        return not self.open and all(k is not None for k in self.typos.values())

    def maybe_plausible(self, es: EditSet) -> bool:
        """Could an undetermined cell's value be a typing error too (then it ties with a plausible one)?"""
        if not all(k is not None for k in self.typos.values()):
            return False
        for a, got in self.open.items():
            v = es.vars[a]
            if got is not None and not any(typo_kind(v.value, x, v.decimals) for x in got):
                return False
        return True


@dataclass(slots=True)
class Diagnosis:
    """What localization concluded for one group of violated edits."""

    violated: list[Edit]
    status: str  # located | partial (a core located, the rest tied) | ambiguous | unresolved
    chosen: Explanation | None = None
    alternatives: list[Explanation] = field(default_factory=list)

    @property
    def scope(self) -> set[Address]:
        return {a for e in self.violated for a in e.vars}


def violated(es: EditSet) -> list[Edit]:
    return [e for e in es.edits if not _printed_holds(e, es)]


def components(es: EditSet, bad: list[Edit]) -> list[list[Edit]]:
    """Violated edits grouped when they share a cell (each group is diagnosed on its own)."""
    parent = list(range(len(bad)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    near: dict[Address, int] = {}
    for i, e in enumerate(bad):
        for a in e.vars:
            if a in near:
                parent[find(i)] = find(near[a])
            else:
                near[a] = i
    groups: dict[int, list[Edit]] = {}
    for i, e in enumerate(bad):
        groups.setdefault(find(i), []).append(e)
    return list(groups.values())


def _weight(es: EditSet, cells: frozenset[Address]) -> float:
    return sum(es.vars[a].cost for a in cells)


def copy_classes(es: EditSet) -> dict[Address, frozenset[Address]]:
    """Table figures printed identically at one precision in several places, tied by their equality
    edits: one figure, which changes everywhere or nowhere (changing one copy breaks the others)."""
    parent: dict[Address, Address] = {}

    def find(a: Address) -> Address:
        while parent.get(a, a) != a:
            a = parent[a]
        return a

    for e in es.edits:
        if e.kind != "equal":
            continue
        x, y = (es.vars[v] for v in e.vars)
        if not x.prose and not y.prose and x.decimals == y.decimals and x.value == y.value:
            rx, ry = find(x.address), find(y.address)
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)
    groups: dict[Address, set[Address]] = {}
    for v in list(parent):
        groups.setdefault(find(v), set()).add(v)
    for r, g in groups.items():
        g.add(r)
    return {v: frozenset(g) for g in groups.values() for v in g}


def _branch(
    s: frozenset[Address],
    w: float,
    figures: int,
    bound: float,
    conflicts: list[frozenset[Address]],
    cls: dict[Address, frozenset[Address]],
    cost: dict[Address, float],
) -> list[tuple[float, int, frozenset[Address], frozenset[Address]]]:
    """The children of node `s` (weight, figures, cells, cells of the conflicts its bound used) on the
    conflict whose children are fewest at the node's bound: those are sure to be visited, the others
    may be cut once an explanation is found.

    A child's bound adds what any explanation must still add: one figure of each of some pairwise
    disjoint conflicts it does not hit (smallest first)."""
    order = sorted(range(len(conflicts)), key=lambda i: len(conflicts[i]))  # stable, as sorted(conflicts, key=len)
    cheapest: dict[int, float] = {}
    # children hitting the same conflicts share a bound
    bounds: dict[tuple[int, ...], tuple[float, int, frozenset[Address]]] = {}

    def lower_bound(hit: tuple[int, ...]) -> tuple[float, int, frozenset[Address]]:
        used: set[Address] = set()
        lb, n = 0.0, 0
        for i in order:
            k = conflicts[i]
            if i not in hit and used.isdisjoint(k):
                used.update(k)
                c = cheapest.get(i)
                if c is None:
                    c = cheapest[i] = min(cost[a] for a in k)
                lb += c
                n += 1
        return lb, n, frozenset(used)

    def children(c: frozenset[Address]) -> list[tuple[float, int, Address, tuple[float, int, frozenset[Address]]]]:
        out = []
        for a in sorted(c):
            m = cls.get(a)
            if m is None:
                hit = tuple([i for i, k in enumerate(conflicts) if a in k])
            else:
                hit = tuple([i for i, k in enumerate(conflicts) if not k.isdisjoint(m)])
            got = bounds.get(hit)
            if got is None:
                got = bounds[hit] = lower_bound(hit)
            out.append((w + cost[a] + got[0], figures + 1 + got[1], a, got))
        return out

    # Any conflict is a complete branching; weighing the three smallest is enough to choose well.
    options = [children(c) for c in _smallest(conflicts, 3)]
    best = min(options, key=lambda o: (sum(f <= bound + 1e-9 for f, _, _, _ in o), len(o)))
    out = []
    for f, n, a, got in best:
        m = cls.get(a)
        out.append((f, n, s | m if m is not None else s | {a}, got[2]))
    return out


def _smallest(conflicts: list[frozenset[Address]], n: int) -> list[frozenset[Address]]:
    """The `n` first distinct conflicts by (size, cells): sizes sort cheaply, cells only among the smallest."""
    distinct = sorted(set(conflicts), key=len)
    if len(distinct) > n:
        distinct = [c for c in distinct if len(c) <= len(distinct[n - 1])]
    return sorted(distinct, key=lambda c: (len(c), sorted(c)))[:n]


def _refined(
    s: frozenset[Address],
    used: frozenset[Address],
    cost: dict[Address, float],
    rigid: Callable[[Address], list[frozenset[Address]]],
) -> tuple[float, int]:
    """What a node's own changed cells add to its bound (see `_Rigid`): their conflicts disjoint from
    those the bound already used, and from each other, each add their cheapest cell."""
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
    return add, more


class _Rigid:
    """The edits a changed cell breaks unless another of their cells changes too: edits without prose
    that hold as printed and that no other value of the cell alone satisfies (a detail whose row total
    holds). A set of changed cells holding one as its only changed cell cannot explain anything; every
    explanation containing the set must add one of the edit's other cells. Worked out once per cell."""

    def __init__(self, es: EditSet, prose_of: _ProseOf) -> None:
        self.es = es
        self.prose_of = prose_of
        self.memo: dict[Address, list[frozenset[Address]]] = {}
        self.whole: dict[Edit, bool] = {}

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
            if self.prose_of[f] or not _printed_holds(f, es):
                continue
            if self._whole(f):
                got.append(frozenset(f.vars))
                continue
            c = candidates(f, a, es.vars, {})
            if c is not None and all(same_value(y, x) for y in c):
                got.append(frozenset(f.vars))
        return got

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


def _printed_holds(e: Edit, es: EditSet) -> bool:
    if e.printed_holds is None:
        e.printed_holds = holds(e, es.vars, {})
    return e.printed_holds


def diagnose(
    es: EditSet,
    bad: list[Edit],
    classes: dict[Address, frozenset[Address]] | None = None,
    rigid: _Rigid | None = None,
) -> Diagnosis:
    """Every explanation of least weight, by best-first search with conflict-directed branching.

    The search runs over table figures (a figure printed identically in k places changes in all k,
    at weight k); the prose copies of the edits in play follow them (a copy changes when its figure
    does, at its small cost). A set of figures that cannot explain everything has conflicts: sets
    of cells one of which any larger explanation must add (a violated edit none of its cells
    touches; the edits `solve` found unsatisfiable together). Branching on a conflict's cells misses
    no explanation; nodes are taken in order of weight plus a lower bound from disjoint conflicts,
    so the search stops at the first node that cannot reach the best explanation found.
    """
    cls = copy_classes(es) if classes is None else classes

    def members(a: Address) -> frozenset[Address]:
        return cls.get(a) or frozenset((a,))

    cost = _Cost(cls)
    rigid = _Rigid(es, _ProseOf(es)) if rigid is None else rigid
    prose_of = rigid.prose_of
    bad_cells = [frozenset(e.vars) for e in bad]

    found: list[Explanation] = []
    found_table: list[frozenset[Address]] = []  # their table cells: a node beyond one is not minimal
    seen: set[frozenset[Address]] = set()
    steps = 0
    best = float("inf")
    # A figure outside its declared domain (a negative count, an NRR of 30,1) is wrong whatever else is.
    start = frozenset(b for e in bad for a in e.vars if not es.vars[a].allows(es.vars[a].value) for b in members(a))
    # (bound, size, cells, figures the bound counts, conflict cells it used, refined by the node's own cells)
    Node = tuple[float, int, tuple[Address, ...], int, frozenset[Address], bool]
    heap: list[Node] = [(_weight(es, start), len(start), tuple(sorted(start)), 0, frozenset(), True)]
    # Conflicts found by propagation: every explanation must change one of their cells (a node that
    # changes none of one is refuted without solving it).
    learned: list[frozenset[Address]] = []
    while heap:
        bound, size, key, n, used, refined = heapq.heappop(heap)
        if bound > best + 1e-9:
            break
        s = frozenset(key)
        if any(s > t for t in found_table):
            continue
        if not refined:  # worked out when taken, not for every child pushed: most are never taken
            add, more = _refined(s, used, cost, rigid)
            if n + more > MAX_CELLS:
                continue
            if add > 0:
                heapq.heappush(heap, (bound + add, size, key, n + more, used, True))
                continue
        steps += 1
        if steps > MAX_STEPS:
            return Diagnosis(bad, "unresolved")
        w = _weight(es, s)
        mine = [e for a in s for e in es.edits_of(a)]
        prose = {a for e in bad + mine for a in prose_of[e]}
        free = s | prose
        # A violated edit none of whose cells may change stays violated whatever s becomes.
        conflicts: list[frozenset[Address]] = [k for k in bad_cells if free.isdisjoint(k)]
        refuted = [k for k in learned if k.isdisjoint(s)]
        if refuted:
            sol = _REFUTED
            conflicts.extend(refuted)
        else:
            touched = [e for e, k in zip(bad, bad_cells) if not free.isdisjoint(k)] + mine  # mine touch s
            relevant = list(dict.fromkeys(touched + [e for a in prose for e in es.edits_of(a)]))
            sol = _solve_with_prose(es, s, relevant, prose)
        if sol.ok and not conflicts:
            found.append(_explanation(es, s | set(sol.values) | set(sol.open), sol))
            found_table.append(found[-1].table_cells(es))
            best = min(best, found[-1].weight)
            continue
        if not sol.ok and sol.conflict:
            k = frozenset(a for e in sol.conflict for a in e.vars if not es.vars[a].prose) - s
            conflicts.append(k)
            if sol.sound and k and all(a in prose for e in sol.conflict for a in e.vars if es.vars[a].prose):
                learned.append(k)
        if not all(conflicts):
            continue  # a conflict among the changed cells alone: no superset helps
        figures = len({min(members(a)) for a in s})
        if figures >= MAX_CELLS:
            continue
        for f, m, t, u in _branch(s, w, figures, bound, conflicts, cls, cost):
            if t not in seen and f <= best + 1e-9 and m <= MAX_CELLS:
                seen.add(t)
                heapq.heappush(heap, (f, len(t), tuple(sorted(t)), m, u, False))
    if not found:
        return Diagnosis(bad, "unresolved")
    minimal = [f for f in found if f.weight <= best + 1e-9 and not any(g.cells < f.cells for g in found)]
    return _decide(es, bad, minimal)


_REFUTED = Solution(failing=Edit("linear", (), ""))


class _Cost(dict[Address, float]):
    """What changing a table figure weighs: 1 per printing (its copy class), filled in when first asked."""

    __slots__ = ("cls",)

    def __init__(self, cls: dict[Address, frozenset[Address]]) -> None:
        super().__init__()
        self.cls = cls

    def __missing__(self, a: Address) -> float:
        c = self[a] = float(len(self.cls[a])) if a in self.cls else 1.0
        return c


class _ProseOf(dict[Edit, tuple[Address, ...]]):
    """The prose cells of each edit, in its order (asked at every node of the search)."""

    __slots__ = ("vars",)

    def __init__(self, es: EditSet) -> None:
        super().__init__()
        self.vars = es.vars

    def __missing__(self, e: Edit) -> tuple[Address, ...]:
        got = self[e] = tuple(a for a in e.vars if self.vars[a].prose)
        return got


def _solve_with_prose(es: EditSet, s: frozenset[Address], relevant: list[Edit], prose: set[Address]) -> Solution:
    """Solve for the table cells `s`, the prose copies in play free to follow them. Where that leaves a
    table cell open, solve again letting a copy change only where it stands in the way: a copy that
    keeps its figure still pins the cell it repeats (the narrative's 20,96 fixes a rounded cell)."""
    sol = solve(s, relevant, es.vars, prose, es.of)
    if not sol.ok:
        return sol
    open_table = [a for a in sol.open if not es.vars[a].prose]
    if not any(b in prose for a in open_table for e in es.edits_of(a) for b in e.vars):
        return sol  # no prose copy of an open cell: nothing could pin it
    optional: set[Address] = set()
    while True:
        if optional == prose:  # every copy free: the first solve again
            return sol
        pinned = solve(s, relevant, es.vars, optional, es.of)
        if pinned.ok:
            return pinned
        more = {a for e in pinned.conflict for a in e.vars if es.vars[a].prose} - optional
        if not more:
            return sol
        optional |= more


def _explanation(es: EditSet, s: set[Address] | frozenset[Address], sol: Solution) -> Explanation:
    """Typing errors and open values are judged on table cells: a prose copy follows its figure, and
    one the corrected figure no longer pins (a number that matched a mistyped cell by chance) decides nothing."""
    s = frozenset(s)
    table = {a: v for a, v in sol.values.items() if not es.vars[a].prose}
    typos = {a: typo_kind(es.vars[a].value, v, es.vars[a].decimals) for a, v in table.items()}
    open_ = {a: got for a, got in sol.open.items() if not es.vars[a].prose}
    return Explanation(s, _weight(es, s), dict(sol.values), open_, typos, sum(es.vars[a].source for a in s))


def _decide(es: EditSet, bad: list[Edit], minimal: list[Explanation]) -> Diagnosis:
    got = _choose(es, bad, minimal)
    if got.chosen is not None and not got.chosen.credible(es):
        got = Diagnosis(bad, "ambiguous", None, sorted(minimal, key=lambda f: sorted(f.cells)))
    return _common_core(es, got) if got.status == "ambiguous" else got


def _common_core(es: EditSet, d: Diagnosis) -> Diagnosis:
    """Cells every tied explanation changes, to the same value: the evidence singles those out.

    A slip that merges with a disagreement nobody can decide (Tabel 1.3 of the sample) is corrected;
    the rest stays named as candidates. Status "partial": `chosen` holds the core, `alternatives` the
    tied remainders.
    """
    alts = d.alternatives
    if len(alts) < 2 or any(f.open for f in alts):
        return d
    core = {a: v for a, v in alts[0].values.items() if all(a in f.values and f.values[a] == v for f in alts[1:])}
    if not any(not es.vars[a].prose for a in core):
        return d
    chosen = _sub(es, alts[0], set(core))
    if not chosen.credible(es):
        return d
    rest = [_sub(es, f, f.cells - set(core)) for f in alts]
    return Diagnosis(d.violated, "partial", chosen, [f for f in rest if f.cells])


def _sub(es: EditSet, f: Explanation, cells: set[Address] | frozenset[Address]) -> Explanation:
    keep = frozenset(cells)
    return Explanation(
        keep,
        _weight(es, keep),
        {a: v for a, v in f.values.items() if a in keep},
        {a: o for a, o in f.open.items() if a in keep},
        {a: k for a, k in f.typos.items() if a in keep},
        sum(es.vars[a].source for a in keep),
    )


def _choose(es: EditSet, bad: list[Edit], minimal: list[Explanation]) -> Diagnosis:
    if len(minimal) == 1 and not minimal[0].open:
        return Diagnosis(bad, "located", minimal[0], [])
    plausible = [f for f in minimal if f.plausible]
    rivals = [f for f in minimal if not f.plausible and f.open and f.maybe_plausible(es)]
    if len(plausible) == 1 and not rivals:
        return Diagnosis(bad, "located", plausible[0], [f for f in minimal if f is not plausible[0]])
    pool = plausible or [f for f in minimal if not f.open]
    if pool and not rivals:
        least = min(f.source for f in pool)
        top = [f for f in pool if f.source == least]
        if len(top) == 1 and len(pool) > 1:
            return Diagnosis(bad, "located", top[0], [f for f in minimal if f is not top[0]])
    return Diagnosis(bad, "ambiguous", None, sorted(minimal, key=lambda f: sorted(f.cells)))


def localize(es: EditSet) -> list[Diagnosis]:
    bad = violated(es)
    if not bad:
        return []
    typo_kind.cache_clear()  # a memo of this workbook's search: figures of other workbooks do not recur
    classes = copy_classes(es)
    rigid = _Rigid(es, _ProseOf(es))  # shared: neighbouring groups ask about the same cells
    return [diagnose(es, group, classes, rigid) for group in components(es, bad)]
