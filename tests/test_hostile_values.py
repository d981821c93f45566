"""Odd values and names: rounding, sensible range, strict JSON, sheet names, printed decimals."""

from __future__ import annotations

import json
import math

import openpyxl
import pytest

from lkj_excel.numerals import decimals_from_format, parse_cell, parse_text
from lkj_excel.precision import round_half_up
from lkj_excel.write.jsonsafe import dumps
from lkj_excel.write.xlsx import new_workbook, safe_sheet_name


@pytest.mark.parametrize(
    "v, d, want",
    [
        (2.5, 0, 3.0),
        (0.125, 2, 0.13),
        (1e26, 2, 1e26),  # beyond Decimal's 28 digits: unchanged, no InvalidOperation
        (4.5e15, 21, 4.5e15),  # a "0.000…" format with 21 decimals (found by the fuzzer)
        (1.55e-20, 21, 1.6e-20),
    ],
)
def test_round_half_up_edges(v: float, d: int, want: float) -> None:
    assert round_half_up(v, d) == want


def test_round_half_up_non_finite() -> None:
    assert math.isinf(round_half_up(float("inf"), 2)) and math.isnan(round_half_up(float("nan"), 2))


@pytest.mark.parametrize("raw", [float("inf"), float("nan"), 1e16, -2.5e27, "9" * 400, "1" + "0" * 17])
def test_figures_out_of_range_are_unparsed(raw: object) -> None:
    assert parse_cell(raw).status in ("unparsed", "text") and parse_cell(raw).value is None  # F701 at the cell


def test_large_but_real_figures_still_read() -> None:
    assert parse_cell(3_100_000_000_000_000.0).value == 3.1e15  # a national budget in rupiah
    assert parse_text("2.960.780.030").value == 2960780030


def test_strict_json() -> None:
    text = dumps({"a": float("inf"), "b": [float("nan"), 1.5], "c": "x\ud800y", 1: (2, 3)})
    assert json.loads(text, parse_constant=lambda n: pytest.fail(n)) == {
        "a": None,
        "b": [None, 1.5],
        "c": "x?y",
        "1": [2, 3],
    }


@pytest.mark.parametrize(
    "want, expect",
    [
        ("'Tabel 3.2'", "Tabel 3.2"),
        ("Tabel 2.1 " + "\U0001f600" * 14, "Tabel 2.1 " + "\U0001f600" * 10),  # 31 UTF-16 units
        ("Tabel\t2.1\nx", "Tabel_2.1_x"),
        ("a/b:c", "a_b_c"),
        ("History", "Lembar"),
        ("", "Lembar"),
    ],
)
def test_safe_sheet_name(want: str, expect: str) -> None:
    assert safe_sheet_name(want, set()) == expect


def test_safe_sheet_names_open_in_openpyxl(tmp_path) -> None:  # type: ignore[no-untyped-def]
    taken: set[str] = set()
    names = ["'x'", "x", "X", "\U0001f600" * 40, "a\x01b", "Tabel\ud800"]
    book = new_workbook(tmp_path / "n.xlsx")
    for n in names:
        book.add_worksheet(safe_sheet_name(n, taken)).write_string(0, 0, '=HYPERLINK("http://x")')
    book.close()
    wb = openpyxl.load_workbook(tmp_path / "n.xlsx")
    assert len(wb.sheetnames) == len(names) == len({n.lower() for n in wb.sheetnames})
    assert wb.worksheets[0]["A1"].data_type == "s"


@pytest.mark.parametrize(
    "fmt, values, decimals",
    [  # as LibreOffice shows them (soffice --convert-to csv with "as shown")
        ("[>=1000]#,##0;0.00", [1234.5678, 12.3456, -12.3456], [0, 2, 2]),
        ("#.##0,00", [1234.5678, 0.5], [5, 5]),
        ("[<1]0.000;0.0", [1234.5678, 0.5, -12.3], [1, 3, 3]),
        ("#,##0;-#,##0.0", [5.0, -5.0, 0.0], [0, 1, 0]),
        ('"a;b"0.0;0', [1.0, -1.0], [1, 0]),
    ],
)
def test_printed_decimals_follow_the_shown_section(fmt: str, values: list[float], decimals: list[int]) -> None:
    assert [decimals_from_format(fmt, v)[0] for v in values] == decimals
