"""C201–C203: capaian and penyerapan percentages, at printed precision."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_rule, write_workbook
from lkj_excel.check import run_checks
from lkj_excel.precision import Interval
from lkj_excel.rules.capaian import capaian_interval

HEAD_32 = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"]


def _t32(tmp_path: Path, ikm: list, akip: list, formats=None, name="TABEL 3.2"):
    rows = [
        ["Tabel 3.2 Capaian Kinerja Kecamatan Contoh Tahun 2023"],
        [],
        HEAD_32,
        [1, "Meningkatnya kepuasan masyarakat", "Indeks Kepuasan Masyarakat", "Nilai", *ikm],
        [2, "Meningkatnya akuntabilitas kinerja", "Nilai AKIP", "Nilai", *akip],
    ]
    return write_workbook(tmp_path / "c.xlsx", {"Info": [["Tahun", "2023"]], name: rows}, formats)


# --------------------------------------------------------------------------- C201


def test_c201_passes_real_numbers_with_formats(tmp_path):
    fm = {("TABEL 3.2", "E4"): "0.00", ("TABEL 3.2", "F4"): "0.00", ("TABEL 3.2", "G4"): "0.00%"}
    wb = _t32(tmp_path, [85, 75.35, 0.8865], ["BB (71,00)", "BB (72,62)", "102,28%"], fm)
    assert run_rule(wb, "C201") == []


def test_c201_fails_wrong_capaian_text(tmp_path):
    wb = _t32(tmp_path, ["85,00", "75,35", "86,65%"], ["BB (71,00)", "BB (72,62)", "102,28%"])
    fs = run_rule(wb, "C201")
    assert len(fs) == 1
    f = fs[0]
    assert f.severity == "error" and f.cell == "G4" and f.table == "3.2"
    assert f.fix == pytest.approx(88.65)
    assert f.expected == "88,65%"
    assert "88,6471" in f.message("id")


def test_c201_compares_predikat_scores(tmp_path):
    wb = _t32(tmp_path, ["85,00", "75,35", "88,65%"], ["BB (71,00)", "BB (72,62)", "100,00%"])
    fs = run_rule(wb, "C201")
    assert [(f.cell, f.fix) for f in fs] == [("G5", pytest.approx(102.28))]


def test_c201_looks_wrong_but_is_not(tmp_path):
    # 75,35 / 85,00 = 88,647 -> 88,65. And a capaian from rounded scores: the printed
    # 2,22 / 3,33 = 66,667 would print 66,67, yet 66,68 is right for true scores such as
    # 2,2204 / 3,3300, inside [2,215/3,335; 2,225/3,325] = [66,42; 66,92].
    wb = _t32(tmp_path, ["85,00", "75,35", "88,65%"], ["3,33", "2,22", "66,68%"])
    assert run_rule(wb, "C201") == []


def test_c201_just_outside_the_interval_fails(tmp_path):
    wb = _t32(tmp_path, ["85,00", "75,35", "88,65%"], ["3,33", "2,22", "66,95%"])
    fs = run_rule(wb, "C201")
    assert [f.cell for f in fs] == ["G5"] and fs[0].fix == pytest.approx(66.67)


def test_c201_skips_dash(tmp_path):
    wb = _t32(tmp_path, ["85,00", "-", "0%"], ["BB (71,00)", "", "12%"])
    assert run_rule(wb, "C201") == []


def test_c201_fraction_without_percent_format_warns(tmp_path):
    wb = _t32(tmp_path, [85, 75.35, 0.8865], ["BB (71,00)", "BB (72,62)", "102,28%"])
    fs = run_rule(wb, "C201")
    assert [(f.cell, f.severity) for f in fs] == [("G4", "warning")]


def test_negative_polarity_formulas():
    # PermenPANRB 6/2022 worked examples: T 7, R 6,5 -> 107%; T 8, R 9 -> 87,5%
    iv = capaian_interval("negative_2T", Interval.exact(7), Interval.exact(6.5))
    assert iv.lo == pytest.approx(107.142857, rel=1e-6)
    iv = capaian_interval("negative_2T", Interval.exact(8), Interval.exact(9))
    assert iv.lo == pytest.approx(87.5)
    iv = capaian_interval("negative_ratio", Interval.exact(8), Interval.exact(10))
    assert iv.lo == pytest.approx(80.0)


def test_c201_uses_indicator_polarity(tmp_path, monkeypatch):
    from lkj_excel.rules import capaian

    wb = _t32(tmp_path, ["8,00", "9,00", "87,50%"], ["BB (71,00)", "BB (72,62)", "102,28%"])
    assert [f.cell for f in run_rule(wb, "C201")] == ["G4"]  # positive: 112,50
    monkeypatch.setattr(capaian, "polarity_of", lambda t, r: "negative_2T" if r.row_id == "ikm" else "positive")
    assert run_rule(wb, "C201") == []


# --------------------------------------------------------------------------- C202


def test_c202_letter_of_score(tmp_path):
    wb = _t32(tmp_path, ["85,00", "75,35", "88,65%"], ["BB (71,00)", "A (72,62)", "102,28%"])
    fs = run_rule(wb, "C202")
    assert [(f.cell, f.severity, f.fix) for f in fs] == [("F5", "error", "BB (72,62)")]


def test_c202_passes_and_boundary_is_inclusive(tmp_path):
    # 70,00 is B (upper end inclusive); it stands for [69,995; 70,005], so BB is not wrong either
    wb = _t32(tmp_path, ["85,00", "75,35", "88,65%"], ["B (70,00)", "BB (70,00)", "100,00%"])
    assert run_rule(wb, "C202") == []
    wb = _t32(tmp_path, ["85,00", "75,35", "88,65%"], ["BB (71,00)", "BB (72,62)", "102,28%"])
    assert run_rule(wb, "C202") == []


def test_c202_lower_predikat_with_full_capaian_warns(tmp_path):
    wb = _t32(tmp_path, ["85,00", "75,35", "88,65%"], ["A", "BB", "101,00%"])
    fs = run_rule(wb, "C202")
    assert [(f.cell, f.severity) for f in fs] == [("G5", "warning")]


# --------------------------------------------------------------------------- C203

HEAD_316 = ["No.", "Uraian Belanja", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase (%)"]


def _t316(tmp_path, pct_operasi, pct_total="95,35", as_numbers=True):
    a_op, r_op = 2935780030, 2798994761
    a_mod, r_mod = 25000000, 24100000
    amt = (lambda v: v) if as_numbers else (lambda v: f"{v:,}".replace(",", "."))
    rows = [
        ["Penyerapan anggaran belanja Tahun 2023"],
        HEAD_316,
        [1, "Belanja Operasi", amt(a_op), amt(r_op), pct_operasi],
        [2, "Belanja Modal", amt(a_mod), amt(r_mod), "96,40"],
        ["Jumlah", None, amt(a_op + a_mod), amt(r_op + r_mod), pct_total],
    ]
    fm = {("Tabel. 3.16 Penyerapan", f"{c}{r}"): "#,##0" for c in "CD" for r in (3, 4, 5)}
    return write_workbook(tmp_path / "p.xlsx", {"Tabel. 3.16 Penyerapan": rows}, fm)


def test_c203_passes(tmp_path):
    wb = _t316(tmp_path, "95,34")
    assert "3.16" in wb.tables
    assert run_rule(wb, "C203") == []


def test_c203_fails_transposed_digits(tmp_path):
    wb = _t316(tmp_path, "95,43", as_numbers=False)
    fs = run_rule(wb, "C203")
    assert [(f.cell, f.severity, f.expected) for f in fs] == [("E3", "error", "95,34")]
    assert fs[0].fix == pytest.approx(95.34)


def test_c203_rupiah_are_exact(tmp_path):
    # 95,3497% prints 95,35: 95,34 would be right only if the amounts were roundings
    wb = _t316(tmp_path, "95,34", pct_total="95,34")
    fs = run_rule(wb, "C203")
    assert [f.cell for f in fs] == ["E5"]


def test_c203_percent_number_format(tmp_path):
    rows = [HEAD_316, [1, "Belanja Operasi", 3001612, 2930000, 0.9761]]
    wb = write_workbook(tmp_path / "q.xlsx", {"Tabel 3.16": rows}, {("Tabel 3.16", "E2"): "0.00%"})
    assert run_rule(wb, "C203") == []


# --------------------------------------------------------------------------- sample


def test_sample_capaian_and_penyerapan_consistent(sample_wb):
    fs = run_checks(sample_wb, only={"C201", "C202", "C203"})
    assert [f for f in fs if f.severity == "error"] == []
