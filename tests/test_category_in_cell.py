"""K303 on a score printed with its category in one cell ("BB (72,62)", Tabel 3.9–3.11): the letter must be
the value's band on the row's scale; either may be the typo, so the cell is flagged and nothing corrected."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lkj_excel.check import run_checks
from lkj_excel.read.reader import read_workbook

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "sei_balai_2024.xlsx"


def _findings(tmp_path: Path, sheet: str, cell: str, text: str) -> list:
    wb = openpyxl.load_workbook(SAMPLE)
    wb[sheet][cell] = text
    p = tmp_path / "x.xlsx"
    wb.save(p)
    return run_checks(read_workbook(p))


def _in_cell(fs: list) -> list:
    return [f for f in fs if f.code == "K303" and f.message_key == "category.in_cell"]


def test_the_sample_has_none() -> None:
    assert _in_cell(run_checks(read_workbook(SAMPLE))) == []


@pytest.mark.parametrize(
    "sheet, cell, text, band",
    [
        ("Tabel 3.9", "C8", "BB (37,00)", "C"),  # digits swapped: the Renstra target compared with nothing else
        ("Tabel 3.11", "E7", "BB (37,00)", "C"),  # a later year's target
        ("Tabel 3.11", "D7", "A (72,00)", "BB"),  # the letter mistyped
    ],
)
def test_a_letter_that_does_not_fit_its_value_is_flagged_not_corrected(
    tmp_path: Path, sheet: str, cell: str, text: str, band: str
) -> None:
    fs = _in_cell(_findings(tmp_path, sheet, cell, text))
    assert [(f.sheet, f.cell, f.severity, f.fix) for f in fs] == [(sheet, cell, "error", None)]
    assert f'"{band}"' in fs[0].message("id") and "Tabel 3.6" in fs[0].message("en")
    assert "mistyped" in fs[0].message("en")


@pytest.mark.parametrize("text", ["BB (73,00)", "BB (73,0)", "BB (79,99)", "73,00", "BB"])
def test_a_letter_that_fits_or_no_letter_is_no_finding(tmp_path: Path, text: str) -> None:
    assert _in_cell(_findings(tmp_path, "Tabel 3.11", "E7", text)) == []
