"""Error localization: the smallest weighted set of cells whose change makes every edit hold.

Fellegi-Holt by bounded breadth-first search over the cells of violated edits: a set of changed
cells grows one cell at a time from an edit that still fails, never beyond a set that already
explains everything. A table figure weighs 1, a prose copy of one 0,5. Among explanations of equal
weight, one whose every change is a plausible typing error (Scholtus) wins; a declared source table
only breaks what remains tied. Still tied: no correction, every candidate is named.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from .build import EditSet
from .model import Address, Edit, holds
from .solve import Solution, solve
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
    status: str  # located | ambiguous | unresolved
    chosen: Explanation | None = None
    alternatives: list[Explanation] = field(default_factory=list)

    @property
    def scope(self) -> set[Address]:
        return {a for e in self.violated for a in e.vars}


def violated(es: EditSet) -> list[Edit]:
    return [e for e in es.edits if not holds(e, es.vars, {})]


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


def diagnose(es: EditSet, bad: list[Edit]) -> Diagnosis:
    found: list[Explanation] = []
    seen: set[frozenset[Address]] = set()
    steps = 0
    best = float("inf")
    queue: deque[frozenset[Address]] = deque([frozenset()])  # breadth first: fewest cells first
    while queue:
        s = queue.popleft()
        if s in seen:
            continue
        seen.add(s)
        w = _weight(es, s)
        if w > best + 1e-9:
            continue
        steps += 1
        if steps > MAX_STEPS:
            return Diagnosis(bad, "unresolved")
        if any(s > f.cells for f in found):
            continue
        relevant = list({id(e): e for e in bad + [e for a in s for e in es.edits_of(a)]}.values())
        sol = solve(s, relevant, es.vars) if s else Solution(failing=min(bad, key=lambda e: len(e.vars)))
        if sol.ok:
            found.append(_explanation(es, s, sol))
            best = min(best, w)
            continue
        if sol.failing is None:
            continue
        full = sum(not es.vars[a].prose for a in s) >= MAX_CELLS  # prose copies do not count
        for a in sorted(sol.failing.vars, reverse=True):
            if full and not es.vars[a].prose:
                continue
            if a not in s and w + es.vars[a].cost <= best + 1e-9:
                queue.append(s | {a})
    if not found:
        return Diagnosis(bad, "unresolved")
    minimal = [f for f in found if f.weight <= best + 1e-9 and not any(g.cells < f.cells for g in found)]
    return _decide(es, bad, minimal)


def _explanation(es: EditSet, s: frozenset[Address], sol: Solution) -> Explanation:
    typos = {a: typo_kind(es.vars[a].value, v, es.vars[a].decimals) for a, v in sol.values.items()}
    return Explanation(s, _weight(es, s), dict(sol.values), dict(sol.open), typos, sum(es.vars[a].source for a in s))


def _decide(es: EditSet, bad: list[Edit], minimal: list[Explanation]) -> Diagnosis:
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
    return [diagnose(es, group) for group in components(es, bad)] if bad else []
