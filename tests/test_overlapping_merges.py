"""A workbook with overlapping merged ranges (found by the fuzzer) still gets its corrected workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from lkj_excel.cli import main
from lkj_excel.write.corrected import disjoint_merges


def test_disjoint_merges_drops_the_later_overlap() -> None:
    assert disjoint_merges([(3, 1, 19, 1), (18, 0, 18, 1), (0, 0, 0, 3)]) == [(3, 1, 19, 1), (0, 0, 0, 3)]


def test_standard_layout_with_overlapping_merges(sample_path: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(sample_path)
    ws = wb.create_sheet("Lampiran")
    ws["A1"], ws["B4"], ws["A19"] = "Lampiran", "isi", "catatan"
    ws.merge_cells("B4:B20")
    ws.merge_cells("A19:B19")  # overlaps B4:B20: openpyxl writes it, xlsxwriter refuses it
    src = tmp_path / "overlap.xlsx"
    wb.save(src)
    out = tmp_path / "out.xlsx"
    res = CliRunner().invoke(main, ["check", str(src), "--layout", "standar", "-o", str(out)])
    assert res.exit_code in (0, 1), res.output
    assert "Lampiran" in openpyxl.load_workbook(out).sheetnames
