"""Form and plausibility rules F701–F707 on the sample and on small workbooks laid out unlike it."""

from __future__ import annotations

from helpers import build_merged
from lkj_excel.check import run_checks


def pop_1_2(l_row1="1.570", kk_row2="846"):
    rows = [
        ["TABEL 1.2 JUMLAH DUSUN, KK DAN PENDUDUK TAHUN 2024"],
        ["No.", "Desa/Kelurahan", "Jml Dusun", "Kepala Keluarga", "Penduduk", None, None],
        [None, None, None, None, "Laki-laki", "Perempuan", "Jumlah"],
        ["1", "Alpha", "16", "1.010", l_row1, "1.767", "3.337"],
        ["2", "Beta", "8", kk_row2, "1.447", "1.647", "3.094"],
        ["TOTAL", None, "24", "1.856", "3.017", "3.414", "6.431"],
    ]
    return rows, ["E2:G2", "A6:B6"]


def luas(numbers: list[str | None]):
    names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
    rows = [["Daftar Nama Desa"], [], ["NO", "DESA", "LUAS (HA)"]]
    for n, d in zip(numbers, names):
        rows.append([n, d, "100"])
    rows.append(["Jumlah", None, str(100 * len(numbers))])
    return rows, []


def program_3_17(persen_b: str = "100,00", realisasi_b: str = "6.000.000", with_realisasi: bool = True):
    head = ["No", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase (%)"]
    a = ["1", "Program A", "3.001.612", "2.930.000", "97,61"]
    b = ["2", "Program B", "6.000.000", realisasi_b, persen_b]
    if not with_realisasi:
        head, a, b = ([x for i, x in enumerate(r) if i != 3] for r in (head, a, b))
    return [["Realisasi Anggaran Program Tahun 2024"], head, a, b], []


def efisiensi(capaian_2: str = "102,28", penyerapan_1: str = "98,94"):
    rows = [
        ["Tabel 3.14 Analisis Efisiensi"],
        ["No", "Sasaran", "Indikator Kinerja", "% Capaian Kinerja", "% Penyerapan Anggaran", "Tingkat Efisiensi (%)"],
        ["1", "Sasaran A", "Indeks Kepuasan Masyarakat", "88,65", penyerapan_1, "-10,29"],
        ["2", "Sasaran B", "Nilai AKIP", capaian_2, "95,07", "7,21"],
        ["3", "Sasaran C", "Indikator C", "97,00", "95,00", "2,00"],
        ["4", "Sasaran D", "Indikator D", "91,50", "90,00", "1,50"],
    ]
    return rows, []


def only(wb, code):
    return run_checks(wb, only={code})


# --- the sample -----------------------------------------------------------------


def test_sample_form_findings(sample_wb):
    found = run_checks(sample_wb, only={"form"})
    got = {(f.code, f.table, f.cell, f.found, f.expected) for f in found}
    assert ("F702", "1.3", "A12", None, "7.") in got
    assert ("F703", "3.17", "E8", "100.00", "100,00") in got
    assert ("F704", "3.12", "E9", "71", "71,00") in got
    assert not [f for f in found if f.code in {"F701", "F705", "F706", "F707"}]


def test_f702_sample_fix_is_the_missing_number(sample_wb):
    (f,) = [f for f in only(sample_wb, "F702") if f.table == "1.3"]
    assert f.fix == 7 and f.severity == "warning"
    assert "Perk. Sei Balai" in f.message() and "6." in f.message() and "8." in f.message()


def test_f703_sample(sample_wb):
    (f,) = only(sample_wb, "F703")
    assert f.fix == 100.0 and f.sheet == "Tabel 3.17"


# --- F701 / F707 ----------------------------------------------------------------


def test_f701_unreadable_figure(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 1.2 Penduduk": pop_1_2(l_row1="1.57O")})
    (f,) = only(wb, "F701")
    assert (f.severity, f.cell, f.found) == ("error", "E4", "1.57O")
    assert "Tabel 1.2 Penduduk" in f.message() and "E4" in f.message() and "1.57O" in f.message()


def test_f701_readable_figures(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 1.2 Penduduk": pop_1_2()})
    assert only(wb, "F701") == []


def test_f707_missing_tables_and_unlocatable_header(tmp_path):
    # Tabel 3.17 without its required "Realisasi" column: the reader cannot place the table.
    wb = build_merged(tmp_path, {"TABEL 3.17": program_3_17(with_realisasi=False)})
    found = only(wb, "F707")
    by_sheet = {f.sheet: f for f in found}
    assert set(by_sheet) == {"-", "TABEL 3.17"}
    assert all(f.severity == "warning" and f.cell == "A1" for f in found)
    assert "Tabel 1.1" in by_sheet["-"].message() and "Tabel 3.16" in by_sheet["-"].message()
    assert "Tabel 3.17" not in by_sheet["-"].message()
    assert "Tabel 3.17" in by_sheet["TABEL 3.17"].message()
    assert "Realisasi" in by_sheet["TABEL 3.17"].message()


def test_f707_missing_required_column(tmp_path):
    wb = build_merged(tmp_path, {"TABEL 3.17": program_3_17()})
    wb.tables["3.17"].missing_columns.append("realisasi")  # as a looser reader would report it
    (f,) = [f for f in only(wb, "F707") if f.sheet == "TABEL 3.17"]
    assert "Tabel 3.17" in f.message() and '"Realisasi (Rp)"' in f.message()
    assert "required column" in f.message("en")


def test_f707_optional_column_may_be_left_out(tmp_path):
    # Tabel 3.17 without "Sisa" (optional): only the absent tables are reported.
    wb = build_merged(tmp_path, {"TABEL 3.17": program_3_17()})
    assert [f.sheet for f in only(wb, "F707")] == ["-"]


# --- F702 -----------------------------------------------------------------------


def test_f702_lost_number(tmp_path):
    wb = build_merged(tmp_path, {"Tbl 1.1": luas(["1", "2", None, "4", "5"])})
    (f,) = only(wb, "F702")
    assert (f.cell, f.expected, f.fix) == ("A6", "3.", 3)


def test_f702_number_that_jumps(tmp_path):
    wb = build_merged(tmp_path, {"Tbl 1.1": luas(["1", "2", "4", "5", "6"])})
    (f,) = only(wb, "F702")
    assert (f.cell, f.found, f.expected) == ("A6", "4", "3.")


def test_f702_mistyped_number_between_agreeing_neighbours(tmp_path):
    wb = build_merged(tmp_path, {"Tbl 1.1": luas(["1.", "2.", "31.", "4.", "5."])})
    (f,) = only(wb, "F702")  # 4. follows 2. + 2: the next row is not "out of order" as well
    assert (f.cell, f.found, f.expected, f.fix) == ("A6", "31.", "3.", 3)
    assert not f.message().endswith("..")


def test_f702_good_numbering(tmp_path):
    wb = build_merged(tmp_path, {"Tbl 1.1": luas(["1.", "2.", "3.", "4.", "5."])})
    assert only(wb, "F702") == []


def test_f702_blocks_numbered_on_first_row_only(sample_wb):
    # Tabel 3.12 numbers its blocks "1." and "2." on the first row of each block.
    assert not [f for f in only(sample_wb, "F702") if f.table == "3.12"]


# --- F703 -----------------------------------------------------------------------


def test_f703_point_among_commas(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.17": program_3_17(persen_b="99.5")})
    (f,) = only(wb, "F703")
    assert (f.cell, f.found, f.expected, f.fix) == ("E4", "99.5", "99,5", 99.5)


def test_f703_thousands_point_is_not_a_decimal(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.17": program_3_17()})
    assert only(wb, "F703") == []


# --- F704 -----------------------------------------------------------------------


def test_f704_fewer_decimals_than_column_mates(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.14": efisiensi(capaian_2="102")})
    (f,) = only(wb, "F704")
    assert (f.severity, f.cell, f.found, f.expected, f.fix) == ("info", "D4", "102", "102,00", None)


def test_f704_same_precision(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.14": efisiensi()})
    assert only(wb, "F704") == []


# --- F705 -----------------------------------------------------------------------


def test_f705_negative_count(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 1.2 Penduduk": pop_1_2(kk_row2="-846")})
    (f,) = only(wb, "F705")
    assert (f.severity, f.cell, f.found) == ("error", "D5", "-846")


def test_f705_negative_percent_difference_is_not_a_count(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 1.2 Penduduk": pop_1_2(), "Tabel 3.14": efisiensi()})
    assert only(wb, "F705") == []


# --- F706 -----------------------------------------------------------------------


def test_f706_negative_penyerapan(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.14": efisiensi(penyerapan_1="-98,94")})
    (f,) = only(wb, "F706")
    assert (f.severity, f.cell) == ("warning", "E3")


def test_f706_lost_decimal_comma(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.14": efisiensi(capaian_2="10228")})
    (f,) = only(wb, "F706")
    assert f.cell == "D4" and "1.000" in f.message()


def test_f706_ten_times_the_median(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.14": efisiensi(capaian_2="950,0")})
    (f,) = only(wb, "F706")
    assert f.cell == "D4" and "median" in f.message()


def test_f706_negative_efisiensi_is_fine(tmp_path):
    wb = build_merged(tmp_path, {"Tabel 3.14": efisiensi()})
    assert only(wb, "F706") == []
