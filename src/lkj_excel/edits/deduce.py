"""Scholtus's typing errors inside a Fellegi-Holt explanation: the value a mistyped cell should have.

The least explanation names the cells to change; the value it gives a cell is whatever makes every edit
hold at once. Where a cell of it is changed to a value no typing error gives, and every edit over that cell
fails (a cell that sits in an edit that holds is not a typo: Scholtus 2009), its own edits may point to one
typing error instead: the value one slip away that makes the most of them hold (deducorrect's "kappa").
That value wins, and the rest of the group is localized again with it typed in. It matters where a slip meets
a disagreement nobody can decide (Tabel 1.1 against 1.3 in the sample): the smallest explanation of both
together "corrects" the slipped cell to the other side of the disagreement (25 → 225,1 where 225 was
typed and Tabel 1.3 prints 225,1), which settles a question the tool must leave to the reviewer.

Several cells' typing errors are chosen together as deducorrect does: at most one value per cell, no two
cells sharing a violated edit, the most edits made to hold; where choices tie, only what all agree on.
"""

from __future__ import annotations

from .bounds import printed_holds
from .build import EditSet
from .model import Address, Edit, Var, holds
from .solve import candidates
from .typo import typo_kind

MAX_CHOICES = 12  # typing-error values considered together in one group (2^12 selections at most)

# (cell, value, edits made to hold, the violated edits over the cell)
_Choice = tuple[Address, float, int, frozenset[int]]


def typo_values(es: EditSet, chosen: dict[Address, float]) -> dict[Address, float]:
    """The cells of an explanation (`chosen`: cell → value) whose own edits name a typing error other than
    the explanation's value, with that value; empty where none does or where the choice is not unique."""
    choices: list[_Choice] = []
    for a, x in chosen.items():
        v = es.vars[a]
        if v.prose or typo_kind(v.value, x, v.decimals) is not None:
            continue  # the explanation's own value is a typing error already: it stands
        choices += _typos_of(es, a)
    if not choices or len(choices) > MAX_CHOICES:
        return {}
    best = _selections(choices)
    if not best:
        return {}
    common = set(best[0]).intersection(*best[1:])
    return {choices[i][0]: choices[i][1] for i in sorted(common)}


def _typos_of(es: EditSet, a: Address) -> list[_Choice]:
    """The values one typing error from `a`'s figure that make some of its edits hold; none when one of its
    edits holds as printed (changing it alone would break that edit)."""
    v = es.vars[a]
    mine = es.edits_of(a)
    if not mine or any(printed_holds(e, es) for e in mine):
        return []
    values: set[float] = set()
    for e in mine:
        values.update(candidates(e, a, es.vars, {}) or ())
    ids = frozenset(id(e) for e in mine)
    # A figure its own table derives (a total, a percentage) is often computed wrong rather than mistyped:
    # its typing error must agree with what it is derived from, or be confirmed by two of its edits (the
    # total's sum and the narrative, say). A figure another table's identity merely checks (Tabel 1.1's area
    # against 1.3's land uses) is typed.
    own = [e for e in mine if e.output == a and all(b[0] == a[0] for b in e.vars)]
    out: list[_Choice] = []
    for x in sorted(values):
        if v.allows(x) and typo_kind(v.value, x, v.decimals) is not None:
            kappa = sum(1 for e in mine if holds(e, es.vars, {a: x}))
            if kappa >= 2 or (kappa and (not own or all(holds(e, es.vars, {a: x}) for e in own))):
                out.append((a, x, kappa, ids))
    return out


def _selections(choices: list[_Choice]) -> list[list[int]]:
    """The selections of most edits made to hold: one value per cell, no violated edit shared."""
    best: list[list[int]] = []
    top = 0
    # Every admissible selection, grown one choice at a time (at most 2^MAX_CHOICES, far fewer in practice).
    stack: list[tuple[int, list[int], frozenset[Address], frozenset[int], int]] = [(0, [], frozenset(), frozenset(), 0)]
    while stack:
        i, picked, cells, edits, score = stack.pop()
        if i == len(choices):
            if score > top:
                top, best = score, [picked]
            elif score == top and score > 0:
                best.append(picked)
            continue
        stack.append((i + 1, picked, cells, edits, score))
        a, _x, kappa, over = choices[i]
        if a not in cells and edits.isdisjoint(over):
            stack.append((i + 1, picked + [i], cells | {a}, edits | over, score + kappa))
    return best


def fixed(es: EditSet, values: dict[Address, float], group: list[Edit]) -> tuple[EditSet, list[Edit], list[Edit]]:
    """The edit set with `values` typed in, the group's edits that hold then (as given) and those that still
    fail (as copies over the new set). The typed-in cells stay free: the rest of the group may name them
    among its candidates again, as it did before the slip."""
    vs = dict(es.vars)
    for a, x in values.items():
        v = es.vars[a]
        vs[a] = Var(a, x, v.decimals, v.exact, v.text, v.table, v.column, v.source, v.cost, v.prose, v.lo, v.hi)
    touched = {id(e) for a in values for e in es.edits_of(a)}
    copies: dict[int, Edit] = {}
    out = EditSet(vars=vs, cells=es.cells, claims=es.claims)
    for e in es.edits:
        if id(e) in touched:
            # A fresh edit: the caches of the old one belong to the old figures.
            copies[id(e)] = Edit(e.kind, e.vars, e.code, e.coefs, e.form, e.output, e.label, e.extra)
        out.add(copies.get(id(e), e))
    holding: list[Edit] = []
    failing: list[Edit] = []
    for e in group:
        now = copies.get(id(e), e)
        if printed_holds(now, out):
            holding.append(e)
        else:
            failing.append(now)
    return out, holding, failing


__all__ = ["fixed", "rival_typos", "slip_rivals", "typo_values"]


def rival_typos(es: EditSet, chosen: dict[Address, float]) -> dict[Address, float]:
    """Cells an explanation changes by a typing error for which another typing error makes as many of the
    cell's own edits hold, with that other value: the explanation does not single the value out (a slip on
    the row of a disagreement nobody can decide: 36,6 typed 36,0 may be 36,6 or the other side's 36,5)."""
    out: dict[Address, float] = {}
    for a, x in chosen.items():
        v = es.vars[a]
        if v.prose or typo_kind(v.value, x, v.decimals) is None:
            continue
        mine = es.edits_of(a)
        here = sum(1 for e in mine if holds(e, es.vars, {a: x}))
        for _a, y, kappa, _ids in _typos_of(es, a):
            if kappa >= here and v.quantize(y) != v.quantize(x):
                out[a] = y
                # The edits that other value repairs may have been mistyped elsewhere just as well (the cell
                # the slip was typed in, whose own sum fails anyway): named too.
                out.update((b, z) for b, z in slip_rivals(es, {a: y}).items() if b not in chosen and b not in out)
                break
    return out


def slip_rivals(es: EditSet, slips: dict[Address, float]) -> dict[Address, float]:
    """Other cells of an edit a deduced typing error repairs whose own typing error repairs it as well,
    making at least as many of their edits hold: the slip is not singled out (a row L + P = L+P where the
    L, the P and the total each have a one-digit value that fits, beside a column sum that fails anyway)."""
    out: dict[Address, float] = {}
    for a, x in slips.items():
        made = [e for e in es.edits_of(a) if holds(e, es.vars, {a: x})]
        for e in made:
            for b in e.vars:
                if b == a or b in slips or b in out or es.vars[b].prose:
                    continue
                for _b, y, kappa, _ids in _typos_of(es, b):
                    if kappa >= len(made) and holds(e, es.vars, {b: y}):
                        out[b] = y
                        break
    return out
