"""The edit builder's plan of a table declaration: worked out once, and only from what the declaration allows."""

from dataclasses import replace

from lkj_excel.edits.plan import plan_of
from lkj_excel.spec import load_table


def test_formula_columns_and_capaian_checks_of_a_declaration() -> None:
    spec = load_table("tabel_1_2.toml", 2024)
    plan = plan_of(spec, 2024)
    assert plan.formulas
    assert [(col.id, terms) for col, terms in plan.formulas] == [
        (c.id, ((1, "l"), (1, "p"))) for c in spec.columns if c.formula == "l + p"
    ]
    assert plan_of(spec, 2024) is plan  # once per declaration and year
    capaian = load_table("tabel_3_10.toml", 2024)
    assert [(rule, code) for rule, _cols, code in plan_of(capaian, 2024).ratios] == [("capaian", "C201")]


def test_a_formula_over_an_undeclared_column_or_unparsable_is_left_out() -> None:
    spec = load_table("tabel_1_2.toml", 2024)
    bad = [replace(c, formula="l + nowhere") if c.formula else c for c in spec.columns]
    odd = [replace(c, formula="l * p") if c.formula else c for c in spec.columns]
    assert plan_of(replace(spec, columns=tuple(bad)), 2024).formulas == ()
    assert plan_of(replace(spec, columns=tuple(odd)), 2024).formulas == ()
