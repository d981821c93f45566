"""Indonesian number parsing: printed decimals kept, odd input never raises."""

from __future__ import annotations

import random

import pytest

from lkj_excel.numerals import format_id, parse_cell, parse_plain_number, parse_text


@pytest.mark.parametrize(
    "raw,value,decimals,unit,flag",
    [
        ("2.960.780.030", 2960780030, 0, None, "thousands"),
        ("9.286,9", 9286.9, 1, None, "thousands"),
        ("88,65%", 88.65, 2, "%", None),
        ("Rp. 2.823.094.761,-", 2823094761, 0, "Rp", "thousands"),
        ("1.619,9 Ha", 1619.9, 1, "Ha", "thousands"),
        ("100.00", 100.0, 2, None, "decimal_point"),
        ("-10,29", -10.29, 2, None, None),
        ("1209", 1209, 0, None, None),
        ("3.", 3, 0, None, None),
    ],
)
def test_parse_text(raw, value, decimals, unit, flag) -> None:
    p = parse_text(raw)
    assert (p.value, p.decimals, p.unit) == (value, decimals, unit)
    assert p.decimal_point == (flag == "decimal_point")
    assert p.thousands_point == (flag == "thousands")


def test_predikat_and_none() -> None:
    assert (parse_text("BB (71,00)").letter, parse_text("BB (71,00)").value) == ("BB", 71.0)
    assert (parse_text("72,62 (BB)").letter, parse_text("72,62 (BB)").decimals) == ("BB", 2)
    assert parse_text("-").status == "none" and parse_text("-  Ha").status == "none"
    assert parse_text("Kurang Baik").status == "text"


def test_real_numbers_take_decimals_from_format() -> None:
    assert parse_cell(0.8865, "0.00%").value == pytest.approx(88.65)
    assert parse_cell(88.65, '0.00"%"').unit == "%"
    assert parse_cell(2935780030, "#,##0").decimals == 0
    assert parse_cell(3.01, "General").decimals == 2


def test_format_id() -> None:
    assert format_id(2960780030) == "2.960.780.030"
    assert format_id(88.647, 2, "%") == "88,65%"
    assert format_id(-0.001, 2) == "0,00"


def test_garbage_never_raises() -> None:
    rng = random.Random(7)
    for _ in range(20000):
        s = "".join(rng.choice("0123456789.,-% Rp") for _ in range(rng.randint(1, 12)))
        parse_plain_number(s)
        parse_text(s)
    assert parse_plain_number("1,234.5.6") is None
