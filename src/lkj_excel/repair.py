"""What the corrected workbook changes: a plan of cell edits, independent of how it is rendered.

The localizer decides which cells are wrong and what they should be; derived cells (totals,
ratios, ...) get a live formula over the cells they are computed from. Writers render a plan:
the in-place writer at the input's own addresses, the standard-layout writer through its map of
input addresses to output addresses. Every address here is an input address (sheet, A1).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .findings import Finding

Address = tuple[str, str]  # (input sheet, A1)


@dataclass(frozen=True, slots=True)
class Derivation:
    """A derived cell's formula over other cells: `expr` uses {0}, {1}, ... for `inputs`."""

    expr: str  # e.g. "SUM({0}:{1})", "{0}/{1}*100", "{0}-{1}"
    inputs: tuple[Address, ...]

    def to_excel(self, where: Callable[[Address], str]) -> str:
        """The formula text ("=...") with each input rendered by `where` (an A1 or 'Sheet'!A1 reference)."""
        return "=" + self.expr.format(*(where(a) for a in self.inputs))


@dataclass(frozen=True, slots=True)
class CellEdit:
    """One cell of the input that the corrected workbook changes (value and/or live formula)."""

    sheet: str
    ref: str
    value: Any  # the value the cell must show: a number for figures, a text for narrative
    formula: Derivation | None = None  # written as a live formula with `value` cached
    findings: tuple[Finding, ...] = ()  # why; empty for a derived cell that only becomes a formula

    @property
    def address(self) -> Address:
        return (self.sheet, self.ref)


@dataclass(slots=True)
class RepairPlan:
    edits: dict[Address, CellEdit] = field(default_factory=dict)

    def changed(self) -> list[CellEdit]:
        """Edits whose value differs from the input (the cells a reviewer must look at)."""
        return [e for e in self.edits.values() if e.findings]


def plan_from_findings(findings: list[Finding]) -> RepairPlan:
    """The plan the findings' own fixes make (no formulas): every finding with a fix changes its cell."""
    plan = RepairPlan()
    by_cell: dict[Address, list[Finding]] = {}
    for f in findings:
        if f.fix is not None:
            by_cell.setdefault((f.sheet, f.cell), []).append(f)
    for (sheet, ref), fs in by_cell.items():
        plan.edits[(sheet, ref)] = CellEdit(sheet, ref, fs[0].fix, None, tuple(fs))
    return plan


def plan_repairs(wb: Any, findings: list[Finding]) -> RepairPlan:
    """The repair plan for `wb` given its (localized) findings: what every writer renders.

    The located cells get their corrected value (the findings' fixes, which the localizer set);
    every derived cell of an edit (totals, subtotals, formula columns, percentages, IKM) whose
    figure the corrected inputs give becomes a live formula with that value cached. A derived
    cell the corrected inputs do not give is left as it is, for the reviewer.
    """
    from .edits.derive import add_derivations

    plan = plan_from_findings(findings)
    add_derivations(wb, plan)
    return plan
