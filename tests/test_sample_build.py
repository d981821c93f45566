"""Tests for samples/build_sample.py (the Sei Balai 2024 sample workbook)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "samples" / "build_sample.py"

TABLES = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4"] + [f"3.{i}" for i in range(1, 18)]


def _table_id(sheet_name):
    m = re.fullmatch(r"tabel\.?\s*(\d+\.\d+)", sheet_name.strip(), re.I)
    return m.group(1) if m else None


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample") / "sei_balai.xlsx"
    proc = subprocess.run([sys.executable, str(SCRIPT), str(out)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()
    return out


@pytest.fixture(scope="module")
def wb(built):
    return openpyxl.load_workbook(built)


def _sheet(wb, table_id):
    for ws in wb.worksheets:
        if _table_id(ws.title) == table_id:
            return ws
    raise KeyError(table_id)


def _row_with(ws, label):
    """Values of the first row that has a cell whose text equals label."""
    for row in ws.iter_rows(values_only=True):
        if any(isinstance(v, str) and v.strip() == label for v in row):
            return row
    raise AssertionError(f"no row labelled {label!r} in {ws.title!r}")


def test_one_sheet_per_table_plus_info_and_narasi(wb):
    names = wb.sheetnames
    assert names[0] == "Info"
    assert "Narasi" in names
    ids = [_table_id(n) for n in names if _table_id(n)]
    assert sorted(ids) == sorted(TABLES)
    assert len(names) == len(TABLES) + 2
    # sheet names are deliberately not uniform
    assert "TABEL 1.3" in names and "Tabel. 3.1" in names


def test_info_sheet(wb):
    info = {r[0]: r[1] for r in wb["Info"].iter_rows(values_only=True)}
    assert info["Nama Instansi"] == "Kecamatan Sei Balai"
    assert info["Kabupaten"] == "Batu Bara"
    assert info["Tahun"] == 2024


def test_tabel_1_2_total_is_numeric_and_kept_as_printed(wb):
    ws = _sheet(wb, "1.2")
    assert ws["A1"].value == "Tabel. 1.2"
    total = _row_with(ws, "J u m l a h")
    nums = [v for v in total if isinstance(v, (int, float))]
    assert nums == [119, 8727, 15106, 15232, 30336]
    # the printed totals do not add up; the sample must keep that error
    sei_balai = _row_with(ws, "Sei Balai")
    assert sei_balai[3] == 1010 and sei_balai[6] == 3337
    # header merges: "Jumlah Penduduk" spans L / P / L+P
    assert "E4:G4" in {str(r) for r in ws.merged_cells.ranges}


def test_tabel_1_3_missing_number_and_dash(wb):
    ws = _sheet(wb, "1.3")
    row = _row_with(ws, "Perk. Sei Balai")
    assert row[0] is None
    assert "-  Ha" in row


def test_tabel_3_17_text_100_00(wb):
    ws = _sheet(wb, "3.17")
    row = _row_with(ws, "Program Koordinasi Ketentraman dan Ketertiban Umum")
    assert row[4] == "100.00"
    total = _row_with(ws, "JUMLAH")
    assert total[2] == 2960780030 and total[3] == 2823094761


def test_tabel_3_16_percent_as_number(wb):
    ws = _sheet(wb, "3.16")
    for row in ws.iter_rows():
        if row[1].value == "Belanja Operasi":
            assert row[4].value == pytest.approx(95.34)
            assert "%" in row[4].number_format
            break
    else:
        pytest.fail("Belanja Operasi row not found")


def test_text_tables_keep_indonesian_text(wb):
    assert "1.619,9 Ha" in _row_with(_sheet(wb, "1.1"), "Perk. Sei Bejangkar")
    row = _row_with(_sheet(wb, "3.2"), "Nilai AKIP")
    assert "BB (72,62)" in row and "102,28%" in row
    datuk = [r for r in _sheet(wb, "3.12").iter_rows(values_only=True) if "Datuk Tanah Datar" in r]
    assert datuk[1][3:] == ("78,01", "71", "70,05", "75,50")
    assert "100.00" not in _row_with(_sheet(wb, "3.15"), "Nilai AKIP")


def test_narasi_keeps_typos(wb):
    ws = wb["Narasi"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Mengikuti", "Paragraf")
    text = {r[1]: r[0] for r in rows[1:]}
    joined = "\n".join(text)
    assert "1012,28%" in joined
    assert "102,65%" in joined
    assert "Rp. 2.960.780,030,-" in joined
    after = {p[:30]: a for p, a in text.items()}
    assert after["Dari tabel 3.6 di atas dapat d"] == "Tabel 3.16"
    assert all(isinstance(r[1], str) and "\n" not in r[1] for r in rows[1:])


def test_output_is_reproducible(built, tmp_path):
    again = tmp_path / "again.xlsx"
    subprocess.run([sys.executable, str(SCRIPT), str(again)], check=True, capture_output=True)
    assert again.read_bytes() == built.read_bytes()
