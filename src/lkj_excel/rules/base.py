"""The rule catalog: every rule has a stable code, a dotted name and a docstring
with one failing and one passing example. Rules are generic; the tables they
apply to are declared in `sheets/`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding
from ..model import Cell, Table, Workbook

RULES: dict[str, Rule] = {}


@dataclass
class Rule:
    code: str
    name: str
    doc: str
    func: Callable[[Context], Iterable[Finding]]
    family: str = ""

    def run(self, ctx: Context) -> list[Finding]:
        return list(self.func(ctx))


def rule(
    code: str, name: str
) -> Callable[[Callable[[Context], Iterable[Finding]]], Callable[[Context], Iterable[Finding]]]:
    """Register a rule function; its docstring is the catalog entry."""

    def deco(func: Callable[[Context], Iterable[Finding]]) -> Callable[[Context], Iterable[Finding]]:
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        RULES[code] = Rule(code, name, (func.__doc__ or "").strip(), func, name.split(".")[0])
        return func

    return deco


@dataclass
class Context:
    """What a rule sees: the workbook, and a way to report."""

    wb: Workbook
    findings: list[Finding] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)

    def tables(self) -> Iterable[Table]:
        return self.wb.tables.values()

    def table(self, tid: str) -> Table | None:
        return self.wb.tables.get(tid)


def make(
    code: str,
    severity: str,
    cell: Cell,
    found: str | None,
    expected: str | None,
    key: str,
    table: Table | str | None = None,
    related: Iterable[Cell | str] = (),
    fix: Any = None,
    **params: Any,
) -> Finding:
    """Build a Finding at `cell`; `related` may be cells or "Sheet!A1" strings."""
    r = RULES.get(code)
    tid = table.id if isinstance(table, Table) else table
    return Finding(
        code=code,
        rule=r.name if r else code,
        severity=severity,
        sheet=cell.sheet,
        cell=cell.ref,
        found=found,
        expected=expected,
        message_key=key,
        params={"sheet": cell.sheet, "cell": cell.ref, "found": found, "expected": expected, **params},
        related=[c.address if isinstance(c, Cell) else c for c in related],
        fix=fix,
        table=tid,
    )
