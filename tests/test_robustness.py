"""Damaged and odd workbooks: lkj-excel reports, it never crashes."""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from lkj_excel.check import run_checks
from lkj_excel.cli import main
from lkj_excel.errors import LkjError
from lkj_excel.read.reader import read_workbook
from lkj_excel.write.corrected import write_corrected
from lkj_excel.write.report import write_report
from lkj_excel.write.summary import extra_sheets_hook

ODD_VALUES = [
    "",
    "-",
    "x",
    "0",
    0,
    -5,
    1e12,
    "1.2.3",
    "BB",
    "BB (abc)",
    "=SUM(A1)",
    "100.00",
    "88,65%",
    None,
    "J u m l a h",
    "Tabel 3.2",
    "Sumber: x",
    3.14159,
    "(1)",
    "Rp",
    "Ha",
    "#DIV/0!",
    "TOTAL",
]


def _mutate(src: Path, dst: Path, seed: int) -> Path:
    rng = random.Random(seed)
    wb = openpyxl.load_workbook(src)
    for _ in range(rng.randint(5, 25)):
        ws = rng.choice(wb.worksheets)
        r, c = rng.randint(1, max(1, ws.max_row)), rng.randint(1, max(1, ws.max_column))
        cell = ws.cell(row=r, column=c)
        if isinstance(cell, openpyxl.cell.cell.MergedCell):
            continue
        roll = rng.random()
        if roll < 0.1:
            ws.delete_rows(r)
        elif roll < 0.15:
            ws.delete_cols(c)
        else:
            cell.value = rng.choice(ODD_VALUES)
    wb.save(dst)
    return dst


@pytest.mark.parametrize("seed", range(8))
def test_mutated_workbooks_never_crash(sample_path: Path, tmp_path: Path, seed: int) -> None:
    p = _mutate(sample_path, tmp_path / f"rusak{seed}.xlsx", seed)
    try:
        wb = read_workbook(p)
    except LkjError:
        return  # a clear message is the right outcome for a workbook damaged that far
    findings = run_checks(wb)
    out = tmp_path / "out.xlsx"
    write_corrected(wb, findings, out, extra_sheets=extra_sheets_hook(wb, findings))
    write_report(wb, findings, tmp_path / "r.html")
    run_checks(read_workbook(out))


def test_internal_error_is_one_message(sample_path: Path, monkeypatch) -> None:
    import lkj_excel.check as check

    def boom(wb, only=None):
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(check, "run_checks", boom)
    monkeypatch.delenv("LKJ_EXCEL_DEBUG", raising=False)
    res = CliRunner().invoke(main, ["check", str(sample_path), "--no-output"])
    assert res.exit_code == 3
    assert "Kesalahan internal" in res.output and "Traceback" not in res.output
