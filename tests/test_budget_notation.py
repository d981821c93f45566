"""Money notation, codes and formulas as budget exports print them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import budget_layouts as bl
from lkj_excel.budget.codes import classify_code, joined_code, normalize_code
from lkj_excel.budget.export import read_export
from lkj_excel.budget.money import NotAnAmount, parse_amount, sum_formula
from lkj_excel.budget.penjabaran import parse_rincian, split_code
from lkj_excel.budget.rincian import koefisien

ACCOUNTING = '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)'


@pytest.mark.parametrize(
    ("raw", "fmt", "value", "decimals"),
    [
        ("Rp65.000.000", None, 65_000_000, 0),
        ("Rp. 509.547.700", None, 509_547_700, 0),
        ("Rp 548.000.000,-", None, 548_000_000, 0),
        ("5.000.000,00", None, 5_000_000, 2),
        ("(451.393.295,00)", None, -451_393_295, 2),
        ("-1.980.000,00", None, -1_980_000, 2),
        ("(6,28)", None, -6.28, 2),
        (2_960_780_030, "General", 2_960_780_030, 0),
        (1_234.5, ACCOUNTING, 1_234.5, 2),
        (-1_234.5, ACCOUNTING, -1_234.5, 2),
        (3_062_964_751.97998, "General", 3_062_964_751.98, 2),  # a cached =SUM with float noise
        (3_062_964_751.97998, ACCOUNTING, 3_062_964_751.98, 2),
    ],
)
def test_amounts(raw: object, fmt: str | None, value: float, decimals: int) -> None:
    v, d = parse_amount(raw, fmt)
    assert v == pytest.approx(value, abs=1e-9) and d == decimals


@pytest.mark.parametrize("raw", [None, "", "-", " – "])
def test_blank_amounts(raw: object) -> None:
    assert parse_amount(raw) == (None, 0)


@pytest.mark.parametrize("raw", ["sudah dibayar", "Rp abc", "1.2.3,4,5"])
def test_text_is_no_amount(raw: str) -> None:
    with pytest.raises(NotAnAmount):
        parse_amount(raw)


def test_sum_formula_without_cached_value() -> None:
    grid = {(4, 3): 1_000, (5, 3): "2.500", (6, 3): None, (8, 3): 7}  # 0-based (row, col): D5:D7, D9
    assert sum_formula("=SUM(D5:D7,D9)", lambda r, c: grid.get((r, c))) == 3_507
    assert sum_formula("=D5+D6", lambda r, c: None) is None


@pytest.mark.parametrize(
    ("raw", "code", "level"),
    [
        ("5.1.02.01.001.00025", "5.1.02.01.01.0025", "rekening"),  # early Permendagri 90 tails
        ("2.12.01.2.08.04 Penyediaan Jasa", "2.12.01.2.08.04", "sub_kegiatan"),  # 2021 prints
        ("7.01.01.02.06", "7.01.01.2.06", "kegiatan"),
    ],
)
def test_codes(raw: str, code: str, level: str) -> None:
    assert normalize_code(raw) == code and classify_code(code) == level


def test_code_over_six_cells() -> None:
    assert joined_code(["5", "1", "02", "01", "01", "0024"]) == "5.1.02.01.01.0024"
    assert joined_code(["5", "1", "02", "", "", ""]) == "5.1.02"
    assert joined_code(["", "", "", "", "", ""]) is None and joined_code(["x", "1"]) is None


def test_spaced_dot_codes() -> None:
    assert split_code("1.21 . 1.21.01 . 00.00 . 5.1.1.01.02") == ["1.21", "1.21.01", "00", "00", "5.1.1.01.02"]
    assert split_code("1.20 . 1.20.03 . 16 . 01") == ["1.20", "1.20.03", "16", "01"]
    assert split_code("5.2.2.01.01") is None


@pytest.mark.parametrize(("text", "value"), [("12 Orang / Bulan", 12), ("2 Orang x 6 Bulan", 12), ("1,5 Liter", 1.5)])
def test_koefisien(text: str, value: float) -> None:
    assert koefisien(text) == value


def test_rincian_text() -> None:
    parsed = parse_rincian("2 Keg x 1.500.000,00 = 3.000.000,00", "D9")
    assert parsed is not None
    calc, amount = parsed
    assert (calc.koefisien, calc.harga, amount.value, amount.decimals) == (2, 1_500_000, 3_000_000, 2)
    assert parse_rincian("Belanja ATK sesuai kebutuhan", "D9") is None


def test_parent_totals_as_sum_formulas_without_cache(tmp_path: Path) -> None:
    """openpyxl saves formulas without cached values, as scripts do: the sums are taken from the cells."""
    path = tmp_path / "lra.xlsx"
    bl.lra_levels(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    rows = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
    sub = "7.01.03.2.01.0002"
    at = [r for code, r in rows.items() if code == "5.1.02.01.01"]
    first_leaf = rows["5.1.02.01.01.0052"]
    ws.cell(at[-1], 4).value = f"=SUM(D{first_leaf}:D{first_leaf})"  # right: one child
    ws.cell(rows[sub], 4).value = f"=SUM(D{rows[sub] + 1}:D{rows[sub] + 2})"  # wrong: two of its rows
    wb.save(path)
    got = {(f.code, f.cell) for f in read_export(path).findings}
    assert ("B001", f"D{rows[sub]}") in got
    assert not any(cell == f"D{at[-1]}" for _, cell in got)
