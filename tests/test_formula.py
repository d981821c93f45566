"""Formulas saved without a result are evaluated, or reported at their cell; never compared as 0."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter

from hostile_corpus import FORMULA_ROWS, formulas_openpyxl, formulas_xlsxwriter
from lkj_excel.check import run_checks
from lkj_excel.read.formula import NotEvaluable, evaluate
from lkj_excel.read.reader import read_workbook

CELLS = {("S", 0, 0): 2, ("S", 1, 0): 3, ("S", 2, 0): "teks", ("S", 3, 0): None, ("T", 0, 1): 10.5}


def _get(sheet: str, r: int, c: int) -> Any:
    return CELLS.get((sheet, r, c))


def _range(sheet: str, r1: int, c1: int, r2: int, c2: int):  # type: ignore[no-untyped-def]
    for (s, r, c), v in sorted(CELLS.items(), key=str):
        if s == sheet and r1 <= r <= r2 and c1 <= c <= c2:
            yield v


@pytest.mark.parametrize(
    "text, value",
    [
        ("SUM(A1:A4)", 5),
        ("A1+A2*2", 8),
        ("(A1+A2)*2", 10),
        ("-A1^2", 4),  # Excel: unary minus binds before ^
        ("A2/A1", 1.5),
        ("50%", 0.5),
        ("T!B1+1", 11.5),
        ("'T'!B1*2", 21),
        ("SUM(A1:A2,T!B1)", 15.5),
        ("AVERAGE(A1:A2)", 2.5),
        ("MAX(A1:A4)-MIN(A1:A4)", 1),
        ("ROUND(A2/7,2)", 0.43),
        ("ROUND(2.5,0)", 3),
        ("ABS(-A2)", 3),
        ("COUNT(A1:A4)", 2),
        ("A4+1", 1),  # an empty cell counts as 0
        ("A1/0", "#DIV/0!"),
        ("$A$1+$A2", 5),
    ],
)
def test_evaluates(text: str, value: Any) -> None:
    assert evaluate(text, "S", _get, _range) == value


@pytest.mark.parametrize("text", ["VLOOKUP(A1,A1:B2,2,0)", "A3+1", "SUM(", "A1:A2", '"a"&"b"', "A1 A2", "INDIRECT(A1)"])
def test_not_evaluable(text: str) -> None:
    with pytest.raises(NotEvaluable):
        evaluate(text, "S", _get, _range)


@pytest.mark.parametrize("build", [formulas_xlsxwriter, formulas_openpyxl], ids=["xlsxwriter", "openpyxl"])
def test_totals_typed_as_formulas_are_evaluated(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    """xlsxwriter saves 0 with recalculation on load, openpyxl saves no value: both totals come out right."""
    wb = read_workbook(build(tmp_path))
    total = wb.tables["1.2"].rows[-1]
    assert total.role == "total"
    assert total.cells["dusun"].value == sum(r[1] for r in FORMULA_ROWS)
    assert total.cells["kk"].value == sum(r[2] for r in FORMULA_ROWS)
    assert not [f for f in run_checks(wb) if f.table == "1.2" and f.severity == "error"]


def test_a_wrong_formula_total_is_still_found(tmp_path: Path) -> None:
    """Evaluating is not trusting: a SUM over the wrong rows gives a total the check rejects."""
    p = tmp_path / "salah.xlsx"
    wb = openpyxl.load_workbook(formulas_openpyxl(tmp_path))
    wb["Tabel 1.2"]["D8"] = "=D5+D6"
    wb.save(p)
    found = [f for f in run_checks(read_workbook(p)) if f.table == "1.2" and f.cell == "D8"]
    assert found and found[0].severity == "error"


def test_cached_values_are_kept(tmp_path: Path) -> None:
    """A formula with a real saved result (Excel, LibreOffice) is read as saved, not recomputed."""
    p = tmp_path / "cache.xlsx"
    book = xlsxwriter.Workbook(str(p))
    ws = book.add_worksheet("S")
    ws.write_number(0, 0, 2)
    ws.write_formula(1, 0, "=A1*2", None, 5)  # a stale cache, as Excel would have it
    book.close()
    from lkj_excel.read.load import load_grids

    assert load_grids(p)[0].value(1, 0) == 5


def test_unevaluable_formula_is_reported_at_its_cell(tmp_path: Path) -> None:
    p = tmp_path / "vlookup.xlsx"
    wb = openpyxl.load_workbook(formulas_openpyxl(tmp_path))
    wb["Tabel 1.2"]["D8"] = "=VLOOKUP(B8,B5:D7,3,FALSE)"
    wb.save(p)
    book = read_workbook(p)
    assert book.tables["1.2"].rows[-1].cells["kk"].value is None
    found = [f for f in run_checks(book) if f.table == "1.2" and f.cell == "D8"]
    assert [f.code for f in found] == ["F701"]
    assert "VLOOKUP" in found[0].message("id")
