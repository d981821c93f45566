"""Nothing lost, on every office-corpus workbook (tests/corpus/): in the corrected workbook each input cell
keeps its value at its address, unless it was corrected, and then its note keeps the original. A derived
figure the formulas only confirm (a % typed as text, "93.33") stays exactly as typed."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pytest

from corpus.book import write
from corpus.budget import CASES as BUDGET
from corpus.narrative import CASES as NARRATIVE
from corpus.performance import CASES as PERFORMANCE
from lkj_excel.check import run_checks
from lkj_excel.read.reader import read_workbook
from lkj_excel.write.inplace import write_inplace


def _same(a: object, b: object) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-9)
    return a == b


@pytest.mark.parametrize("make", [*PERFORMANCE, *BUDGET, *NARRATIVE], ids=lambda m: m.__name__)
def test_every_value_kept_or_noted(make, tmp_path: Path) -> None:
    case = make()
    src = write(case, tmp_path / f"{case.name}.xlsx")
    wb = read_workbook(src)
    out = tmp_path / "terkoreksi.xlsx"
    write_inplace(wb, run_checks(wb), out)
    xi, xo = openpyxl.load_workbook(src), openpyxl.load_workbook(out)
    lost = []
    for ws in xi.worksheets:
        for row in ws.iter_rows():
            for c in row:
                o = xo[ws.title][c.coordinate]
                if _same(c.value, o.value) or (isinstance(o.value, str) and o.value.startswith("=")):
                    continue  # a live formula: its cached value is checked by tests/test_inplace.py
                note = o.comment.text if o.comment is not None else ""
                if "Nilai asli" not in note:
                    lost.append((ws.title, c.coordinate, c.value, o.value))
    assert lost == []
