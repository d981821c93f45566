"""K301–K303: printed rating scales, their gaps, and the categories given to values."""

from __future__ import annotations

import math

import pytest

from helpers import codes, run_rule, write_workbook
from lkj_excel.check import run_checks
from lkj_excel.rules.categories import parse_interval, parse_label

INF = math.inf


@pytest.mark.parametrize(
    "text, expected",
    [
        ("91% ≤ 100%", (91, False, 100, False, 0)),
        ("≤ 50%", (-INF, False, 50, False, 0)),
        ("88,31-100", (88.31, False, 100, False, 2)),
        ("76,61 – 88,30", (76.61, False, 88.30, False, 2)),
        (">90-100", (90, True, 100, False, 0)),
        ("70 s.d. 80", (70, False, 80, False, 0)),
        ("> 90", (90, True, INF, False, 0)),
        ("≥ 88,31", (88.31, False, INF, False, 2)),
        ("< 25", (-INF, False, 25, True, 0)),
        ("50 < x ≤ 60", (50, True, 60, False, 0)),
        ("60 ≤ x < 70", (60, False, 70, True, 0)),
    ],
)
def test_parse_interval(text, expected):
    got = parse_interval(text)
    assert got is not None
    assert got[1] == expected[1] and got[3] == expected[3] and got[4] == expected[4]
    assert got[0] == pytest.approx(expected[0]) and got[2] == pytest.approx(expected[2])


def test_parse_label():
    assert parse_label("C (Kurang Baik)") == ("C", "Kurang Baik")
    assert parse_label("BB") == ("BB", None)
    assert parse_label("Sangat Tinggi") == (None, "Sangat Tinggi")
    assert parse_label("Baik (B)") == ("B", "Baik")


# --------------------------------------------------------------------------- K301


def test_k301_sample_gaps_in_31_only(sample_wb):
    fs = run_rule(sample_wb, "K301")
    assert {f.table for f in fs} == {"3.1"}
    msgs = " | ".join(f.message("en") for f in fs)
    assert "between 90 and 91" in msgs and "90,5" in msgs
    assert "between 75 and 76" in msgs and "between 50 and 51" in msgs
    above = [f for f in fs if "top band" in f.message("en")]
    assert len(above) == 1 and "102,28%" in above[0].message("en")
    assert "half-open" in msgs
    assert all(f.severity in ("warning", "info") for f in fs)


def test_k301_two_decimal_bands_adjacent_is_not_a_gap(tmp_path):
    rows = [
        ["NO.", "Nilai Interval", "Mutu"],
        ["1.", "88,31 - 100,00", "A (Sangat Baik)"],
        ["2.", "76,61 - 88,30", "B (Baik)"],
        ["3.", "65,00 - 76,60", "C (Kurang Baik)"],
        ["4.", "25,00 - 64,99", "D (Tidak Baik)"],
    ]
    wb = write_workbook(tmp_path / "s.xlsx", {"TABEL 3.4": rows})
    assert run_rule(wb, "K301") == []


def test_k301_two_decimal_gap_and_overlap(tmp_path):
    rows = [
        ["Tabel 3.4 Kategori IKM"],
        [],
        ["NO.", "Nilai Interval", "Mutu"],
        ["1.", "88,31 - 100,00", "A (Sangat Baik)"],
        ["2.", "76,61 - 88,00", "B (Baik)"],
        ["3.", "65,00 - 76,70", "C (Kurang Baik)"],
        ["4.", "25,00 - 64,99", "D (Tidak Baik)"],
    ]
    wb = write_workbook(tmp_path / "s.xlsx", {"Tabel 3.4": rows})
    fs = run_rule(wb, "K301")
    msgs = [f.message("en") for f in fs]
    assert any("between 88,00 and 88,31" in m and "88,01" in m for m in msgs)
    assert any("overlap" in m for m in msgs)


def test_k301_akip_scale_with_open_lower_ends_passes(tmp_path):
    bands = [">90-100", ">80-90", ">70-80", ">60-70", ">50-60", ">30-50", ">0-30"]
    labels = ["AA", "A", "BB", "B", "CC", "C", "D"]
    rows = [["No", "Interval", "Kategori"]] + [[i + 1, b, lab] for i, (b, lab) in enumerate(zip(bands, labels))]
    wb = write_workbook(tmp_path / "a.xlsx", {"Tabel. 3.6": rows})
    assert codes(run_checks(wb, only={"K301", "K302"}), "K301") == []
    assert run_checks(wb, only={"K302"}) == []


# --------------------------------------------------------------------------- K302


def test_k302_band_end_differs_from_reference(tmp_path):
    rows = [
        ["NO.", "Skor", "Mutu"],
        ["1.", "88,31-100", "A (Sangat Baik)"],
        ["2.", "75,00-88,30", "B (Baik)"],
        ["3.", "65,00-74,99", "C (Kurang Baik)"],
        ["4.", "25,00-64,99", "D (Tidak Baik)"],
    ]
    wb = write_workbook(tmp_path / "r.xlsx", {"Tabel 3.4": rows})
    fs = run_rule(wb, "K302")
    assert [(f.cell, f.severity) for f in fs] == [("B3", "info")]
    assert "14/2017" in fs[0].message("en")


def test_k302_sample_matches_reference(sample_wb):
    assert run_rule(sample_wb, "K302") == []


# --------------------------------------------------------------------------- K303

HEAD_35 = ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian", "Kategori"]


def _t35(tmp_path, kategori, realisasi=75.35, extra=None):
    rows = [
        ["Capaian Nilai IKM Tahun 2023"],
        HEAD_35,
        [1, "Kepuasan", "Indeks Kepuasan Masyarakat", "Nilai", 85, realisasi, "88,65%", kategori],
    ]
    sheets = {"TABEL 3.5": rows, **(extra or {})}
    return write_workbook(tmp_path / "k.xlsx", sheets, {("TABEL 3.5", "F3"): "0.00", ("TABEL 3.5", "E3"): "0.00"})


@pytest.mark.parametrize("text", ["Kurang Baik", "C", "C (Kurang Baik)", "kurang baik"])
def test_k303_ikm_category_passes(tmp_path, text):
    assert run_rule(_t35(tmp_path, text), "K303") == []


@pytest.mark.parametrize("text, fix", [("Baik", "Kurang Baik"), ("B (Baik)", "C (Kurang Baik)"), ("B", "C")])
def test_k303_ikm_category_fails(tmp_path, text, fix):
    fs = run_rule(_t35(tmp_path, text), "K303")
    assert [(f.cell, f.severity, f.fix) for f in fs] == [("H3", "error", fix)]


def test_k303_uses_printed_scale(tmp_path):
    # a workbook whose own Tabel 3.4 puts B from 75,01: 75,35 is "Baik" there
    t34 = [
        ["No", "Interval", "Mutu"],
        [1, "88,31-100", "A (Sangat Baik)"],
        [2, "75,01-88,30", "B (Baik)"],
        [3, "65,00-75,00", "C (Kurang Baik)"],
        [4, "25,00-64,99", "D (Tidak Baik)"],
    ]
    assert run_rule(_t35(tmp_path, "Baik", extra={"Tabel 3.4": t34}), "K303") == []
    fs = run_rule(_t35(tmp_path, "Kurang Baik", extra={"Tabel 3.4": t34}), "K303")
    assert [f.fix for f in fs] == ["Baik"]


def test_k303_category_row_akip(tmp_path):
    head = [["No.", "Aspek Penilaian", "Target", "Realisasi", "Persentase"]]
    body = [
        [1, "Perencanaan Kinerja", 23.5, 24.39, 1.0379],
        [2, "Pengukuran Kinerja", 20.23, 20.96, 1.0361],
        [3, "Pelaporan Kinerja", 11.4, 11.4, 1],
        [4, "Evaluasi Internal", 15.87, 15.87, 1],
    ]
    fm = {("Tabel 3.8", f"{c}{r}"): "0.00" for c in "CD" for r in range(2, 7)}

    def wb(t, r):
        rows = head + body + [["Total", None, 71, 72.62, 1.0228], ["Kategori", None, t, r, None]]
        return write_workbook(tmp_path / "e.xlsx", {"Tabel 3.8": rows}, fm)

    assert run_rule(wb("BB", "BB"), "K303") == []
    fs = run_rule(wb("BB", "A"), "K303")
    assert [(f.cell, f.fix) for f in fs] == [("D7", "BB")]


def test_k303_sample_no_error(sample_wb):
    assert run_rule(sample_wb, "K303") == []
