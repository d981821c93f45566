"""Error localization: the smallest weighted set of cells whose change makes every edit hold.

Fellegi-Holt by bounded breadth-first search over the cells of violated edits: a set of changed
cells grows one cell at a time from an edit that still fails, never beyond a set that already
explains everything. A table figure weighs 1, a prose copy of one 0,5. Among explanations of equal
weight, one whose every change is a plausible typing error (Scholtus) wins; a declared source table
only breaks what remains tied. Still tied: no correction, every candidate is named. A cell the least
explanation changes to a value no typing error gives, whose own edits name one typing error, takes that
value and the rest of its group is localized again (`deduce`): a slip must not settle an open question.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from .bounds import Cost, Pins, ProseOf, Rigid, branch, own_bound, printed_holds
from .build import EditSet
from .deduce import fixed, rival_typos, slip_rivals, typo_values
from .model import Address, Edit
from .proof import no_explanation
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
    return [e for e in es.edits if not printed_holds(e, es)]


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


def diagnose(
    es: EditSet,
    bad: list[Edit],
    classes: dict[Address, frozenset[Address]] | None = None,
    rigid: Rigid | None = None,
    prove: bool = True,
    copies_bound: bool = True,
) -> Diagnosis:
    """Every explanation of least weight, by best-first search with conflict-directed branching.

    The search runs over table figures (a figure printed identically in k places changes in all k,
    at weight k); the prose copies of the edits in play follow them (a copy changes when its figure
    does, at its small cost). A set of figures that cannot explain everything has conflicts: sets
    of cells one of which any larger explanation must add (a violated edit none of its cells
    touches; the edits `solve` found unsatisfiable together). Branching on a conflict's cells misses
    no explanation; nodes are taken in order of weight plus a lower bound from disjoint conflicts,
    so the search stops at the first node that cannot reach the best explanation found.
    `prove`: first try to show by arithmetic that nothing within MAX_CELLS explains `bad` (`proof`).
    `copies_bound`: a node's bound counts the violated edits with a prose copy that it leaves to the copy
    (`own_bound`); off, only the tests' reference search.
    """
    cls = copy_classes(es) if classes is None else classes
    rigid = Rigid(es, ProseOf(es)) if rigid is None else rigid
    cost = rigid.cost if rigid.cost.cls is cls else Cost(cls)  # the workbook's, filled by every group
    prose_of = rigid.prose_of
    bad_cells = [frozenset(e.vars) for e in bad]
    bad_prose = [a for e in bad for a in prose_of[e]]  # the violated edits' copies: in play at every node
    # A violated edit with a copy, untouched by a node, still needs a changed cell: its cheapest (`own_bound`).
    prose_bound = [(k, _cheapest(es, k, cost)) for e, k in zip(bad, bad_cells) if copies_bound and prose_of[e]]

    found: list[Explanation] = []
    found_table: list[frozenset[Address]] = []  # their table cells: a node beyond one is not minimal
    seen: set[frozenset[Address]] = set()
    steps, best = 0, float("inf")
    # A figure outside its declared domain (a negative count, an NRR of 30,1) is wrong whatever else is.
    outside = (a for e in bad for a in e.vars if not es.vars[a].allows(es.vars[a].value))
    start = frozenset(b for a in outside for b in _members(cls, a))
    if prove and not start and no_explanation(es, bad, cls, MAX_CELLS):
        return Diagnosis(bad, "unresolved")  # the arithmetic rejects every node the search could solve
    figures0 = len({min(_members(cls, a)) for a in start})
    heap: list[_Node] = [(_weight(es, start), len(start), tuple(sorted(start)), 0, frozenset(), True, start, figures0)]
    # Conflicts found by propagation: every explanation must change one of their cells (a node that
    # changes none of one is refuted without solving it).
    learned: list[frozenset[Address]] = []
    cells_of = rigid.cells_of  # the conflicts' cells in order: they recur from node to node, and group to group
    while heap:
        bound, size, key, n, used, refined, s, figures = heapq.heappop(heap)
        if bound > best + 1e-9:
            break
        if any(s > t for t in found_table):
            continue
        if not refined:  # worked out when taken, not for every child pushed: most are never taken
            add, more = own_bound(s, used, cost, rigid, prose_bound)
            if n + more > MAX_CELLS:
                continue
            if add > 0:
                heapq.heappush(heap, (bound + add, size, key, n + more, used, True, s, figures))
                continue
        steps += 1
        if steps > MAX_STEPS:
            return Diagnosis(bad, "unresolved")
        mine, prose, free, conflicts = _in_play(es, s, bad_prose, bad_cells, prose_of)
        refuted = [k for k in learned if k.isdisjoint(s)]
        if refuted:
            sol = _REFUTED
            conflicts.extend(refuted)
        else:
            # The node's own edits first, then the violated ones its prose copies touch: the same node asked
            # by another group (a figure printed in many tables) gives the same list, answered once per workbook.
            touched = mine + [e for e, k in zip(bad, bad_cells) if not free.isdisjoint(k)]
            of = es.of  # `edits_of`, inline
            relevant = tuple(dict.fromkeys(touched + [e for a in prose for e in of.get(a, _NONE)]))
            sol = _solved(es, s, relevant, prose, rigid)
        if sol.ok and not conflicts:
            ex, table = _explained(es, s, sol, rigid)
            found.append(ex)
            found_table.append(table)
            best = min(best, ex.weight)
            continue
        if not sol.ok and sol.conflict:
            _learn(es, s, sol, prose, conflicts, learned)
        if not all(conflicts):
            continue  # a conflict among the changed cells alone: no superset helps
        if figures >= MAX_CELLS:
            continue
        for f, m, t, u in branch(s, _weight(es, s), figures, bound, conflicts, cls, cost, cells_of):
            if t not in seen and f <= best + 1e-9 and m <= MAX_CELLS:
                seen.add(t)
                heapq.heappush(heap, (f, len(t), tuple(sorted(t)), m, u, False, t, figures + 1))
    if not found:
        return Diagnosis(bad, "unresolved")
    minimal = [f for f in found if f.weight <= best + 1e-9 and not any(g.cells < f.cells for g in found)]
    return _decide(es, bad, minimal)


_REFUTED = Solution(failing=Edit("linear", (), ""))
_NONE: list[Edit] = []  # no edits (never changed)
# (bound, size, cells in order, figures the bound counts, conflict cells it used, refined by the node's own cells,
# the cells, the copy classes among them). No two entries tie on (bound, cells): the last two are never compared.
_Node = tuple[float, int, tuple[Address, ...], int, frozenset[Address], bool, frozenset[Address], int]


def _cheapest(es: EditSet, k: frozenset[Address], cost: Cost) -> float:
    """The least weight a change to one of `k`'s cells adds: a prose copy its own, a table figure its printings."""
    return min(es.vars[a].cost if es.vars[a].prose else cost[a] for a in k)


def _members(cls: dict[Address, frozenset[Address]], a: Address) -> frozenset[Address]:
    return cls.get(a) or frozenset((a,))


def _in_play(
    es: EditSet,
    s: frozenset[Address],
    bad_prose: list[Address],
    bad_cells: list[frozenset[Address]],
    prose_of: ProseOf,
) -> tuple[list[Edit], set[Address], frozenset[Address], list[frozenset[Address]]]:
    """At node `s`: the edits of its cells, the prose copies in play (free to follow their figure), the
    cells that may change, and the violated edits none of whose cells may (violated whatever s becomes)."""
    of = es.of  # `edits_of`, inline: asked for every node
    mine = [e for a in s for e in of.get(a, _NONE)]
    prose = set(bad_prose)
    prose.update([a for e in mine for a in prose_of[e]])
    free = s | prose
    return mine, prose, free, [k for k in bad_cells if free.isdisjoint(k)]


def _learn(
    es: EditSet,
    s: frozenset[Address],
    sol: Solution,
    prose: set[Address],
    conflicts: list[frozenset[Address]],
    learned: list[frozenset[Address]],
) -> None:
    """The solver's conflict, less the node's cells: one of them must change too. Found by propagation
    alone (and resting on no copy outside those in play), it holds for every explanation: learned."""
    k = frozenset(a for e in sol.conflict for a in e.vars if not es.vars[a].prose) - s
    conflicts.append(k)
    if sol.sound and k and all(a in prose for e in sol.conflict for a in e.vars if es.vars[a].prose):
        learned.append(k)


def _solved(
    es: EditSet, s: frozenset[Address], relevant: tuple[Edit, ...], prose: set[Address], rigid: Rigid
) -> Solution:
    """`_solve_with_prose`, once per workbook for each node and its edits (its answer depends on nothing else)."""
    key = (s, relevant, frozenset(prose))
    memo = rigid.solved
    got = memo.get(key)
    if got is None:
        got = memo[key] = _solve_with_prose(es, s, list(relevant), prose, rigid.pins)
    return got


def _solve_with_prose(
    es: EditSet, s: frozenset[Address], relevant: list[Edit], prose: set[Address], pins: Pins
) -> Solution:
    """Solve for the table cells `s`, the prose copies in play free to follow them. Where that leaves a
    table cell open, solve again letting a copy change only where it stands in the way: a copy that
    keeps its figure still pins the cell it repeats (the narrative's 20,96 fixes a rounded cell)."""
    sol = solve(s, relevant, es.vars, prose, es.of)
    if not sol.ok:
        return sol
    open_table = [a for a in sol.open if not es.vars[a].prose]
    if not any(b in prose for a in open_table for e in es.edits_of(a) for b in e.vars):
        return sol  # no prose copy of an open cell: nothing could pin it
    if all(not pins[p].isdisjoint(s) for p in prose):
        # Each copy, kept, holds a changed cell of `s` to its own figure: every solve below keeps one
        # (it stops when all are free) and so fails; the loop would end on `sol` itself.
        return sol
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


def _explained(es: EditSet, s: frozenset[Address], sol: Solution, r: Rigid) -> tuple[Explanation, frozenset[Address]]:
    """A found node's explanation and table cells, once per workbook (`sol`, one of `r.solved`, is kept with it)."""
    got = r.explained.get((s, id(sol)))
    if got is None:
        ex = _explanation(es, s | set(sol.values) | set(sol.open), sol)
        got = r.explained[(s, id(sol))] = (ex, ex.table_cells(es))
    return got


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
    rigid = Rigid(es, ProseOf(es))  # shared: neighbouring groups ask about the same cells
    rigid.cost = Cost(classes)
    out: list[Diagnosis] = []
    groups = components(es, bad)
    for group, d in _joined(groups, [diagnose(es, g, classes, rigid) for g in groups]):
        slips = typo_values(es, d.chosen.values) if d.chosen is not None else {}
        if slips:
            tied = slip_rivals(es, slips)
            if tied:  # a rival counts where its own story costs no more than the slip's and keeps it
                w = _typed_cost(es, group, slips, keep=False)
                tied = {b: y for b, y in tied.items() if _typed_cost(es, group, {b: y}) <= w + 1e-9}
            slip = _explanation(es, set(slips), Solution(dict(slips)))
            out += [_rivalled(es, d, tied, slip)] if tied else _retyped(es, group, d, slips)
            continue
        rivals = rival_typos(es, d.chosen.values) if d.status == "located" and d.chosen is not None else {}
        out.append(_rivalled(es, d, rivals) if rivals else d)
    return out


def _joined(groups: list[list[Edit]], diags: list[Diagnosis]) -> list[tuple[list[Edit], Diagnosis]]:
    """Groups located by one and the same explanation reported as one: the two failing sums of a group row
    (its anggaran and its sisa) that one mistyped child row explains are one question, answered once."""
    out: list[tuple[list[Edit], Diagnosis]] = []
    at: dict[tuple[tuple[Address, float], ...], int] = {}
    for g, d in zip(groups, diags):
        key = tuple(sorted(d.chosen.values.items())) if d.status == "located" and d.chosen is not None else None
        if key is None or key not in at:
            if key is not None:
                at[key] = len(out)
            out.append((g, d))
            continue
        g0, d0 = out[at[key]]
        out[at[key]] = (g0 + g, Diagnosis(d0.violated + d.violated, "located", d0.chosen, []))
    return out


def _rivalled(es: EditSet, d: Diagnosis, rivals: dict[Address, float], slip: Explanation | None = None) -> Diagnosis:
    """`d` with the other typing errors that rival it (and the deduced `slip` they rival) named beside it:
    nothing corrected, every candidate named."""
    assert d.chosen is not None
    alts = [d.chosen] + ([slip] if slip is not None else [])
    alts += [_explanation(es, {a}, Solution({a: y})) for a, y in rivals.items()]
    return Diagnosis(d.violated, "ambiguous", None, alts)


def _typed_cost(es: EditSet, group: list[Edit], values: dict[Address, float], keep: bool = True) -> float:
    """The table figures explaining `group` changes with `values` typed in: theirs and the rest's least;
    `keep`: infinite where an explanation of the rest changes one of them again (no single story)."""
    es2, _held, failing = fixed(es, values, group)
    w = _weight(es, frozenset(values))  # table cells: their own weight
    if not failing:
        return w
    rest = diagnose(es2, failing, copy_classes(es2), Rigid(es2, ProseOf(es2)))
    if rest.status == "unresolved":
        return float("inf")
    stories = ([rest.chosen] if rest.chosen is not None else []) + rest.alternatives
    if keep and any(not values.keys().isdisjoint(x.values) for x in stories):
        return float("inf")
    core = _weight(es2, rest.chosen.table_cells(es2)) if rest.chosen is not None else 0.0
    return w + core + min((_weight(es2, x.table_cells(es2)) for x in rest.alternatives), default=0.0)


def _retyped(es: EditSet, group: list[Edit], d: Diagnosis, slips: dict[Address, float]) -> list[Diagnosis]:
    """The typing errors `deduce` found in `d`'s explanation corrected, the rest of the group localized
    again with them typed in: the slip is corrected, a disagreement it met stays undecided and named.
    Only where that costs at most one changed figure more than the least explanation (a typing error is
    strong evidence, not evidence against everything else the group says)."""
    es2, held, failing = fixed(es, slips, group)
    ex = _explanation(es, set(slips), Solution(dict(slips)))
    out = [Diagnosis(held, "located", ex, [])]
    if not failing:
        return out
    cls2, rigid2 = copy_classes(es2), Rigid(es2, ProseOf(es2))
    # The rest weighed as one (its groups may share their candidates), reported group by group as always.
    if ex.weight + _least(diagnose(es2, failing, cls2, rigid2)) > _least(d) + 1 + 1e-9:
        return [d]
    rest = [diagnose(es2, g, cls2, rigid2) for g in components(es2, failing)]
    if any(x.chosen is not None and not slips.keys().isdisjoint(x.chosen.values) for x in rest):
        return [d]  # the rest moves a corrected figure again: no single story, keep the least explanation
    return out + rest


def _least(d: Diagnosis) -> float:
    """The weight of the least explanation `d` stands for (a core and its cheapest remainder)."""
    if d.status == "unresolved":
        return float("inf")
    w = d.chosen.weight if d.chosen is not None else 0.0
    if d.status != "located" and d.alternatives:
        w += min(x.weight for x in d.alternatives)
    return w
