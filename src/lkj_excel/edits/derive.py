"""Derived cells as live formulas: each edit with an output cell, rendered over its input cells."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..precision import FLOAT_NOISE, round_half_up
from ..repair import CellEdit, Derivation, RepairPlan
from .build import EditSet, build_edits
from .model import LOWER_ANY, LOWER_FORMS, Address, Edit, holds


def _sum_expr(es: EditSet, inputs: list[Address]) -> tuple[str, list[Address]] | None:
    """SUM over a column range when the inputs are consecutive cells of one column, else None."""
    if len(inputs) < 3 or len({a[0] for a in inputs}) != 1:
        return None
    cols = {"".join(ch for ch in a[1] if ch.isalpha()) for a in inputs}
    rows = [int("".join(ch for ch in a[1] if ch.isdigit())) for a in inputs]
    if len(cols) != 1 or rows != list(range(rows[0], rows[0] + len(rows))):
        return None
    return "SUM({0}:{1})", [inputs[0], inputs[-1]]


def derivation(es: EditSet, e: Edit, form: str | None = None) -> Derivation | None:
    """The formula of `e`'s derived cell; `form`: the formula a lower-is-better row is read with."""
    out = e.output
    if out is None:
        return None
    if e.kind == "ratio":
        _o, a, b = e.vars
        expr = {
            "ratio": "{0}/{1}*100",
            "positive": "{0}/{1}*100",
            "negative_2T": "(2*{1}-{0})/{1}*100",
            "negative_ratio": "{1}/{0}*100",
        }.get(form or e.form)
        return Derivation(expr, (a, b)) if expr else None
    k_out = e.coefs[e.vars.index(out)]
    terms = [(a, -k / k_out) for a, k in zip(e.vars, e.coefs) if a != out]
    ks = {k for _a, k in terms}
    if len(ks) == 1 and next(iter(ks)) > 0:
        k = Fraction(next(iter(ks))).limit_denominator(100)
        inputs = [a for a, _k in terms]
        got = _sum_expr(es, inputs)
        if got is not None:
            base, refs = got
        else:
            base, refs = "+".join(f"{{{i}}}" for i in range(len(inputs))), inputs
            base = base if k == 1 else f"({base})"
        tail = "" if k == 1 else (f"/{k.denominator}" if k.numerator == 1 else f"*{k.numerator}/{k.denominator}")
        return Derivation(base + tail, tuple(refs))
    parts = []
    for i, (_a, c) in enumerate(terms):
        if abs(c) != 1:  # exact: c is a quotient of declared coefficients, ±1 when they are equal
            return None
        parts.append(("-" if c < 0 else ("+" if i else "")) + f"{{{i}}}")
    return Derivation("".join(parts), tuple(a for a, _k in terms))


def derived_value(e: Edit, val: dict[Address, float], form: str | None = None) -> float | None:
    out = e.output
    assert out is not None
    form = form or e.form
    try:
        if e.kind == "ratio":
            _o, a, b = e.vars
            x, y = val[a], val[b]
            if form == "negative_2T":
                return (2 * y - x) / y * 100
            if form == "negative_ratio":
                return y / x * 100
            return x / y * 100
        k_out = e.coefs[e.vars.index(out)]
        return -sum(k * val[a] for a, k in zip(e.vars, e.coefs) if a != out) / k_out
    except ZeroDivisionError:
        return None


def add_derivations(wb: Any, plan: RepairPlan) -> None:
    """Give every derived cell whose figure its corrected inputs give a live formula in `plan`."""
    from ..rules.base import Context

    es = build_edits(Context(wb), evidence=False)
    val = {a: v.value for a, v in es.vars.items()}
    for a, ce in plan.edits.items():
        if a in val and isinstance(ce.value, (int, float)) and not isinstance(ce.value, bool):
            val[a] = float(ce.value)
    for e in es.edits:
        out = e.output
        if out is None or e.kind not in ("linear", "ratio"):
            continue
        cell = es.cells.get(out)
        if cell is None or cell.letter or (out in plan.edits and plan.edits[out].formula is not None):
            continue
        if not holds(e, es.vars, val):
            continue  # the corrected inputs do not give the printed figure: left to the reviewer
        # A lower-is-better row read by its name: the formula its (corrected) figures print.
        forms = LOWER_FORMS if e.form == LOWER_ANY else (e.form,)
        got = next(
            ((f, x) for f in forms if (x := derived_value(e, val, f)) is not None and _shows(es, out, x, val[out])),
            None,
        )
        if got is None:
            continue
        form, v = got
        d = derivation(es, e, form)
        if d is None:
            continue
        if any((c := es.cells.get(a)) is not None and c.letter for a in d.inputs):  # "BB (71,00)" is text
            continue
        old = plan.edits.get(out)
        plan.edits[out] = CellEdit(out[0], out[1], v, d, old.findings if old is not None else ())


def _shows(es: EditSet, a: Address, v: float, shown: float) -> bool:
    """Does the formula's value print as the figure the cell shows (printed or corrected)?"""
    var = es.vars[a]
    g = FLOAT_NOISE * max(1.0, abs(v))  # representation noise of the computed value
    if var.exact:
        return abs(round(v, var.decimals) - shown) <= g
    return abs(round_half_up(v, var.decimals) - shown) <= g
