"""What a table's declaration tells the edit builder, worked out once per declaration.

The declarations (`sheets/*.toml`) are the same for every workbook of a batch: which formula columns
parse, which ratio and capaian checks name declared columns, which columns a `component_max` check
caps, which rows carry their own bounds. The builder binds a plan to one workbook's cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..spec import ColumnSpec, RowSpec, TableSpec, fill_year


@dataclass(slots=True, frozen=True)
class Plan:
    rows: dict[str, RowSpec]  # the row declarations by id (the last of an id, as a dict built in order keeps it)
    formulas: tuple[tuple[ColumnSpec, tuple[tuple[int, str], ...]], ...]  # formula columns that parse, with terms
    ratios: tuple[tuple[str, tuple[str, str, str], str], ...]  # (rule, (out, a, b) column ids, code)
    capped: frozenset[str]  # columns a `component_max` check caps at the row's bobot
    bounded: bool  # does a declared row carry its own bounds (`min`, `max`, `bobot`)?


# By id() of the declaration and year; the entry keeps its declaration alive, so an id is never reused.
_PLANS: dict[tuple[int, int | None], tuple[TableSpec, Plan]] = {}


def plan_of(spec: TableSpec, year: int | None) -> Plan:
    """The plan of a table declaration for the workbook's year, once per declaration and year."""
    got = _PLANS.get((id(spec), year))
    if got is not None and got[0] is spec:
        return got[1]
    plan = _make(spec, year)
    _PLANS[(id(spec), year)] = (spec, plan)
    return plan


def _make(spec: TableSpec, year: int | None) -> Plan:
    from ..rules.totals import parse_formula

    formulas = []
    for col in spec.columns:
        if not col.formula:
            continue
        try:
            terms = parse_formula(col.formula)
        except ValueError:
            continue
        if terms and all(spec.has_column(cid) for _s, cid in terms):
            formulas.append((col, tuple(terms)))
    ratios = []
    for chk in spec.checks:
        rule = chk.get("rule")
        if rule == "ratio":
            ids, code = (chk.get("out"), chk.get("numerator"), chk.get("denominator")), "C203"
        elif rule == "capaian":
            ids, code = (chk.get("capaian"), chk.get("realisasi"), chk.get("target")), "C201"
        else:
            continue
        cols = [str(fill_year(i, year)) for i in ids if isinstance(i, str)]
        if len(cols) == 3 and all(spec.has_column(i) for i in cols):
            ratios.append((str(rule), (cols[0], cols[1], cols[2]), code))
    capped = frozenset(n for chk in spec.checks if chk.get("rule") == "component_max" for n in _names(chk.get("value")))
    bounded = any(k in rs.extra for rs in spec.rows for k in ("min", "max", "bobot"))
    return Plan({rs.id: rs for rs in spec.rows}, tuple(formulas), tuple(ratios), capped, bounded)


def _names(v: Any) -> tuple[str, ...]:
    return (v,) if isinstance(v, str) else tuple(v or ())
