"""Totals rules T101–T103 on the sample and on small workbooks laid out unlike it."""

from __future__ import annotations

import pytest

from helpers import build_merged
from lkj_excel.check import run_checks
from lkj_excel.rules.totals import parse_formula


def pop_1_2(l_total="3.339", p_total="3.414", lp_total="6.753", row2_lp="3.094"):
    """Tabel 1.2 with two title rows, "Penduduk" parent, text-typed figures, total "TOTAL"."""
    rows = [
        ["TABEL 1.2 JUMLAH DUSUN, KK DAN PENDUDUK KECAMATAN CONTOH TAHUN 2024"],
        [],
        ["No.", "Desa/Kelurahan", "Jml Dusun", "Kepala Keluarga", "Penduduk", None, None],
        [None, None, None, None, "Laki-laki", "Perempuan", "Jumlah"],
        ["1", "Alpha", "16", "1.010", "1.570", "1.767", "3.337"],
        ["2", "Beta", "8", "846", "1.447", "1.647", row2_lp],
        ["3", "Gamma", "7", "359", "322", "-", "322"],
        ["TOTAL", None, "31", "2.215", l_total, p_total, lp_total],
        ["Sumber: Kantor Camat"],
    ]
    return rows, ["E3:G3", "A8:B8"]


def codes(findings, table=None):
    return [(f.code, f.cell) for f in findings if table is None or f.table == table]


# --- the sample -----------------------------------------------------------------


def test_t101_sample_finds_the_three_wrong_totals_of_1_2(sample_wb):
    found = [f for f in run_checks(sample_wb, only={"T101"})]
    assert {(f.table, f.found, f.expected) for f in found} == {
        ("1.2", "15.106", "15.103"),
        ("1.2", "15.232", "15.228"),
        ("1.2", "30.336", "30.331"),
    }
    assert all(f.severity == "error" for f in found)
    assert sorted(f.fix for f in found) == [15103.0, 15228.0, 30331.0]
    assert "15.106" in found[0].message() or "15.106" in " ".join(f.message() for f in found)
    assert not [f for f in found if f.table in {"1.1", "2.4", "3.17", "1.3", "3.8"}]


def test_t102_sample_subtotals_add_up(sample_wb):
    assert codes(run_checks(sample_wb, only={"T102"})) == []


def test_t103_sample_rows_hold_their_formulas(sample_wb):
    found = run_checks(sample_wb, only={"T103"})
    assert not [f for f in found if f.table == "1.2"]
    assert not [f for f in found if f.severity == "error"]


# --- T101 -----------------------------------------------------------------------


def test_t101_text_typed_counts_wrong_total(tmp_path):
    rows, merges = pop_1_2(l_total="3.341")
    wb = build_merged(tmp_path, {"TABEL 1.2 Jumlah Penduduk": (rows, merges)})
    found = run_checks(wb, only={"T101"})
    assert len(found) == 1
    f = found[0]
    assert (f.code, f.severity, f.cell, f.found, f.expected, f.fix) == ("T101", "error", "E8", "3.341", "3.339", 3339.0)
    assert f.related == ["TABEL 1.2 Jumlah Penduduk!E5", "TABEL 1.2 Jumlah Penduduk!E7"]
    assert "3.341" in f.message() and "3.339" in f.message() and "5–7" in f.message()
    assert "Total of column" in f.message("en")


def test_t101_text_typed_counts_correct_total(tmp_path):
    rows, merges = pop_1_2()
    wb = build_merged(tmp_path, {"TABEL 1.2 Jumlah Penduduk": (rows, merges)})
    assert wb.tables["1.2"].total_row() is not None
    assert run_checks(wb, only={"T101"}) == []


def _luas(total: str, numbers_as_values: bool = False):
    vals = ["225", "1.619,9", "12"]
    rows = [
        ["Daftar Nama Desa dan Luas Wilayah"],
        ["No", "Nama Desa", "Luas Wilayah (Ha)"],
        ["1.", "Alpha", 225 if numbers_as_values else vals[0]],
        ["2.", "Beta", vals[1]],
        ["3.", "Gamma", vals[2]],
        ["Jumlah", None, total],
    ]
    return rows, []


def test_t101_hectare_precision_is_the_columns(tmp_path):
    # 225 + 1.619,9 + 12 = 1.856,9: "225" stands for 225,0, so a total of 1.856,9 is exact.
    wb = build_merged(tmp_path, {"Tabel 1.1": _luas("1.856,9 Ha", numbers_as_values=True)})
    assert run_checks(wb, only={"T101"}) == []


def test_t101_hectare_small_difference_is_a_warning(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 1.1": _luas("1.857")})
    (f,) = run_checks(wb, only={"T101"})
    assert f.severity == "warning"
    assert f.fix == pytest.approx(1856.9)
    assert f.expected == "1.856,9"


def test_t101_hectare_large_difference_is_an_error(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 1.1": _luas("1.866,9 Ha")})
    (f,) = run_checks(wb, only={"T101"})
    assert f.severity == "error" and f.expected == "1.856,9"


def _akip(total_target: str):
    rows = [
        ["Tabel 3.8 Hasil Evaluasi AKIP"],
        ["No.", "Komponen", "Target", "Realisasi"],
        ["1", "Perencanaan Kinerja", "33,33", "30,00"],
        ["2", "Pengukuran Kinerja", "33,33", "30,00"],
        ["3", "Pelaporan Kinerja", "33,33", "30,00"],
        ["", "Total Nilai", total_target, "90,00"],
    ]
    return rows, []


def test_t101_rounded_looks_wrong_but_is_not(tmp_path):
    # 33,33 × 3 = 99,99, but each stands for [33,325; 33,335]: the sum spans [99,975; 100,005].
    wb = build_merged(tmp_path, {"Tabel 3.8": _akip("100,00")})
    assert wb.tables["3.8"].total_row() is not None
    assert run_checks(wb, only={"T101"}) == []


def test_t101_rounded_really_wrong(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.8": _akip("100,10")})
    (f,) = run_checks(wb, only={"T101"})
    assert f.severity == "error" and f.found == "100,10" and f.expected == "99,99"


# --- T102 -----------------------------------------------------------------------


def _belanja(operasi_anggaran: str, total_realisasi: str = "2.823.094.761"):
    rows = [
        ["TABEL 3.16"],
        ["PENYERAPAN ANGGARAN KECAMATAN CONTOH TAHUN 2024"],
        [],
        ["No", "Uraian", "Pagu Anggaran", "Realisasi", "Persentase"],
        ["A", "Belanja Operasi", operasi_anggaran, "2.798.994.761", "95,34%"],
        [None, "Belanja Pegawai", "2.158.169.574", "2.043.003.211", "94,66%"],
        [None, "Belanja Barang dan Jasa", "777.610.456", "755.991.550", "97,22%"],
        ["B", "Belanja Modal", "25.000.000", "24.100.000", "96,40%"],
        [None, "Belanja Modal Peralatan dan Mesin", "25.000.000", "24.100.000", "96,40%"],
        [None, "Jumlah Belanja", "2.960.780.030", total_realisasi, "95,35%"],
    ]
    return rows, []


def test_t102_subtotal_and_total_mismatch(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.16": _belanja("2.935.870.030", total_realisasi="2.823.094.716")})
    found = run_checks(wb, only={"T102"})
    got = {(f.cell, f.found, f.expected, f.severity) for f in found}
    assert got == {
        ("C5", "2.935.870.030", "2.935.780.030", "error"),  # Operasi ≠ Pegawai + Barang dan Jasa
        ("C10", "2.960.780.030", "2.960.870.030", "error"),  # total = Operasi (as printed) + Modal
        ("D10", "2.823.094.716", "2.823.094.761", "error"),
    }
    f = next(f for f in found if f.cell == "C5")
    assert "Belanja Pegawai + Belanja Barang dan Jasa" in f.message()
    assert f.fix == 2935780030.0
    # Percentages do not add up and are never summed.
    assert not [f for f in found if f.cell.startswith("E")]


def test_t102_subtotals_add_up(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.16": _belanja("2.935.780.030")})
    assert [r.role for r in wb.tables["3.16"].rows][:1] == ["subtotal"]
    assert run_checks(wb, only={"T102"}) == []


# --- T103 -----------------------------------------------------------------------


def test_t103_row_formula_count_mismatch(tmp_path):
    rows, merges = pop_1_2(row2_lp="3.049", lp_total="6.708")
    wb = build_merged(tmp_path, {"TABEL 1.2 Jumlah Penduduk": (rows, merges)})
    (f,) = run_checks(wb, only={"T103"})
    assert (f.cell, f.found, f.expected, f.severity, f.fix) == ("G6", "3.049", "3.094", "error", 3094.0)
    assert "1.447 + 1.647" in f.message()


def test_t103_dash_operand_skips_the_row(tmp_path):
    # Gamma: L 322, P "-": the row has no figure for P and is not checked.
    rows, merges = pop_1_2()
    wb = build_merged(tmp_path, {"TABEL 1.2 Jumlah Penduduk": (rows, merges)})
    assert run_checks(wb, only={"T103"}) == []


def _efisiensi(eff: str):
    rows = [
        ["Tabel 3.14 Analisis Efisiensi"],
        ["No", "Sasaran Strategis", "Indikator", "Capaian Kinerja (%)", "Serapan Anggaran", "Efisiensi (%)"],
        ["1", "Sasaran A", "Indeks Kepuasan Masyarakat", "88,65", "98,94", eff],
        ["2", "Sasaran B", "Nilai AKIP", "102,3", "95,07", "7,2"],
    ]
    return rows, []


def test_t103_rounded_difference_consistent(tmp_path):
    # 102,3 − 95,07 = 7,23, but 102,3 stands for [102,25; 102,35]: 7,2 is reachable.
    wb = build_merged(tmp_path, {"Tabel 3.14": _efisiensi("-10,29")})
    assert run_checks(wb, only={"T103"}) == []


def test_t103_rounded_difference_inconsistent(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.14": _efisiensi("-10,39")})
    (f,) = run_checks(wb, only={"T103"})
    assert (f.cell, f.expected, f.severity) == ("F3", "-10,29", "error")


def test_t103_sisa_anggaran(tmp_path):
    rows = [
        ["Realisasi Anggaran Program"],
        ["No", "Nama Program", "Pagu", "Realisasi (Rp)", "%", "Sisa Anggaran"],
        ["1", "Program A", "3.001.612", "2.930.000", "97,61", "71.612"],
        ["2", "Program B", "6.000.000", "6.000.000", "100,00", "1.000"],
        ["JUMLAH", None, "9.001.612", "8.930.000", "99,20", "72.612"],
    ]
    wb = build_merged(tmp_path, {"Tabel 3.17": (rows, [])})
    found = run_checks(wb, only={"T103"})
    assert [(f.cell, f.expected) for f in found] == [("F4", "0")]


def test_parse_formula_is_only_plus_and_minus():
    assert parse_formula("l + p") == [(1, "l"), (1, "p")]
    assert parse_formula("capaian - penyerapan") == [(1, "capaian"), (-1, "penyerapan")]
    for bad in ("a * b", "a +", "(a)", "a b", "__import__('os')"):
        with pytest.raises(ValueError):
            parse_formula(bad)
