"""The rule catalog: every rule has a stable code, a dotted name, a default
severity, the reviu question it bears on, where it runs, and a docstring with
one failing and one passing example. Rules are generic; the tables they apply
to are declared in `sheets/`."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import scales
from ..findings import SEVERITIES, Finding
from ..model import Cell, Row, Table, Workbook
from ..scales import Band, Scale
from ..spec import ColumnSpec, RowSpec, fill_year
from ..spec_checks import Check

RULES: dict[str, Rule] = {}

# The Inspektorat's reviu questions a rule bears on (the keys of the checklist
# in the review layer; see `write/summary.py` QUESTIONS).
QUESTIONS = ("arithmetic", "crosstable", "pk", "budget", "efficiency", "narrative", "form")
# Where a rule runs: `check` (one workbook), `batch` (across workbooks),
# `anggaran` (reading a SIPD export, alone or against the workbook).
RUNS = ("check", "batch", "anggaran")

RuleFunc = Callable[["Context"], Iterable[Finding]]


@dataclass
class Rule:
    code: str
    name: str
    doc: str
    func: RuleFunc
    family: str = ""
    severity: str = "warning"  # the default of make(); a rule may pass another per finding
    question: str = ""  # a key of QUESTIONS
    runs: str = "check"  # one of RUNS

    def run(self, ctx: Context) -> list[Finding]:
        return list(self.func(ctx))


def rule(
    code: str, name: str, *, severity: str = "warning", question: str = "", runs: str = "check"
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function; its docstring is the catalog entry."""
    if severity not in SEVERITIES:
        raise ValueError(f"rule {code}: unknown severity {severity!r}")
    if question and question not in QUESTIONS:
        raise ValueError(f"rule {code}: unknown reviu question {question!r}")
    if runs not in RUNS:
        raise ValueError(f"rule {code}: unknown mode {runs!r}")

    def deco(func: RuleFunc) -> RuleFunc:
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        family = name.split(".")[0]
        RULES[code] = Rule(code, name, inspect.cleandoc(func.__doc__ or ""), func, family, severity, question, runs)
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
    severity: str | None,
    cell: Cell,
    found: str | None,
    expected: str | None,
    key: str,
    table: Table | str | None = None,
    related: Iterable[Cell | str] = (),
    fix: Any = None,
    **params: Any,
) -> Finding:
    """Build a Finding at `cell`; `related` may be cells or "Sheet!A1" strings.

    `severity=None` takes the rule's declared severity."""
    r = RULES.get(code)
    tid = table.id if isinstance(table, Table) else table
    sheet, ref = cell.sheet, cell.ref
    # Positional, in the field order of `Finding` (code, rule, severity, sheet, cell, found, expected, key,
    # params, related, fix, table): the rules make ~50 findings per workbook.
    return Finding(
        code,
        r.name if r else code,
        severity or (r.severity if r else "warning"),
        sheet,
        ref,
        found,
        expected,
        key,
        {"sheet": sheet, "cell": ref, "found": found, "expected": expected, **params},
        [c.address if isinstance(c, Cell) else c for c in related],
        fix,
        tid,
    )


# --------------------------------------------------------------------------- declarations
# Access to the `[[checks]]` declarations of the tables and to the workbook's scales, shared by the rule modules.


def col_id(ctx: Context, cid: str) -> str:
    """A column id of a `[[checks]]` entry, with {year} templates resolved."""
    return fill_year(cid, ctx.wb.year)


def rowspec(table: Table, row: Row) -> RowSpec | None:
    if row.row_id is None:
        return None
    return table.spec.row_spec(row.row_id)


def rows_by_id(ctx: Context, table: Table) -> dict[str, list[Row]]:
    """The table's rows by declared row id, in sheet order (ids in order of first appearance); once per workbook."""
    key = f"rows_by_id:{id(table)}"
    index: dict[str, list[Row]] | None = ctx.cache.get(key)
    if index is None:
        index = {}
        for r in table.rows:
            if r.row_id is not None:
                index.setdefault(r.row_id, []).append(r)
        ctx.cache[key] = index
    return index


CellEntry = tuple[Table, str, Cell, ColumnSpec]


def cells_of_table(ctx: Context, table: Table) -> list[CellEntry]:
    """The cells of one table with their column's declaration, in row and column order; once per workbook."""
    key = f"cells_of_table:{id(table)}"
    cells: list[CellEntry] | None = ctx.cache.get(key)
    if cells is None:
        columns = {col.id: col for col in table.spec.columns}  # a cell's column is always declared
        cells = ctx.cache[key] = [(table, cid, c, columns[cid]) for r in table.rows for cid, c in r.cells.items()]
    return cells


def table_cells(ctx: Context) -> list[CellEntry]:
    """Every cell of the tables with its column's declaration, in table, row and column order; once per workbook."""
    cells: list[CellEntry] | None = ctx.cache.get("table_cells")
    if cells is None:
        cells = ctx.cache["table_cells"] = [x for t in ctx.tables() for x in cells_of_table(ctx, t)]
    return cells


def typed_cells(ctx: Context) -> list[CellEntry]:
    """The cells of `table_cells` typed as text ("1.570" rather than a number), in the same order; once per workbook."""
    cells: list[CellEntry] | None = ctx.cache.get("typed_cells")
    if cells is None:
        cells = _index_cells(ctx)[0]
    return cells


def cells_of_kind(ctx: Context, kind: str) -> list[CellEntry]:
    """The cells of `table_cells` whose column is of one kind, in the same order; once per workbook."""
    index: dict[str, list[CellEntry]] | None = ctx.cache.get("cells_by_kind")
    if index is None:
        index = _index_cells(ctx)[1]
    return index.get(kind, _NO_CELLS)


def _index_cells(ctx: Context) -> tuple[list[CellEntry], dict[str, list[CellEntry]]]:
    """The typed cells and the cells by kind, in one pass over `table_cells`."""
    typed: list[CellEntry] = []
    by_kind: dict[str, list[CellEntry]] = {}
    for x in table_cells(ctx):
        if isinstance(x[2].raw, str):
            typed.append(x)
        got = by_kind.get(x[3].kind)
        if got is None:
            by_kind[x[3].kind] = [x]
        else:
            got.append(x)
    ctx.cache["typed_cells"], ctx.cache["cells_by_kind"] = typed, by_kind
    return typed, by_kind


_NO_CELLS: list[CellEntry] = []


def checks_of(ctx: Context, rule_name: str) -> Iterator[tuple[Table, Check]]:
    """The tables' `[[checks]]` of one rule, in table order; indexed once per workbook."""
    index: dict[str, list[tuple[Table, Check]]] | None = ctx.cache.get("checks_by_rule")
    if index is None:
        index = {}
        for t in ctx.tables():
            for chk in t.spec.checks:
                index.setdefault(chk.rule, []).append((t, chk))
        ctx.cache["checks_by_rule"] = index
    return iter(index.get(rule_name, ()))


def printed_scale(ctx: Context, name: str) -> tuple[Table, Mapping[str, Any], list[Band], list[Cell]] | None:
    return scales.printed_scale(ctx.wb, name, ctx.cache)


def get_scale(ctx: Context, name: str) -> Scale | None:
    return scales.get_scale(ctx.wb, name, ctx.cache)


def scale_name_of_row(table: Table, row: Row, default: str | None = None) -> str | None:
    rs = rowspec(table, row)
    if rs is not None and rs.extra.get("scale"):
        return str(rs.extra["scale"])
    return default
