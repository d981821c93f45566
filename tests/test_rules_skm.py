"""S401–S404: Survei Kepuasan Masyarakat (PermenPANRB 14/2017) at printed precision."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from helpers import run_rule
from lkj_excel.check import run_checks
from lkj_excel.read.reader import read_workbook

UNSUR = [
    "Persyaratan",
    "Sistem, Mekanisme dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Sarana dan Prasarana",
    "Penanganan Pengaduan, Saran dan Masukan",
]
SAMPLE_NRR = [3.00, 3.01, 3.00, 3.99, 3.01, 3.02, 3.08, 3.01, 2.03]


def _skm(
    tmp_path: Path,
    nrr=SAMPLE_NRR,
    nrr_t="3,01",
    ikm="75,35",
    mutu="C",
    kinerja="Kurang Baik",
    fmt="0.00",
    drop=None,
    sheet="TABEL 3.3",
):
    rows = [["Hasil Pelaksanaan Survey Kepuasan Masyarakat (SKM) Tahun 2023"], [], ["No.", "Unsur", "NRR"], [1, 2, 3]]
    n = 0
    for i, (u, v) in enumerate(zip(UNSUR, nrr)):
        if drop is not None and i == drop:
            continue
        rows.append([i + 1, u, v])
        n += 1
    rows += [
        [None, "Jumlah NRR Tertimbang", nrr_t],
        [None, "IKM Unit Pelayanan", ikm],
        [None, "Mutu Pelayanan", mutu],
        [None, "Kinerja Unit Pelayanan", kinerja],
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for r in rows:
        ws.append(r)
    for r in range(5, 5 + n):
        ws.cell(r, 3).number_format = fmt
    path = tmp_path / "skm.xlsx"
    wb.save(path)
    return read_workbook(path)


def test_sample_skm_consistent(sample_wb):
    fs = run_checks(sample_wb, only={"S401", "S402", "S403", "S404"})
    assert fs == []


def test_nrr_tertimbang_and_ikm_301_7535_pass(tmp_path):
    # 3,01 x 25 = 75,25, yet 3,01 stands for [3,005; 3,015] and x 25 = [75,125; 75,375] holds 75,35
    wb = _skm(tmp_path)
    assert run_checks(wb, only={"S401", "S402", "S403", "S404"}) == []


def test_s401_wrong_total(tmp_path):
    fs = run_rule(_skm(tmp_path, nrr_t="3,10"), "S401")
    assert [(f.severity, f.fix, f.expected) for f in fs] == [("error", pytest.approx(3.02), "3,02")]


def test_s401_also_302_is_consistent(tmp_path):
    # Σ/9 = 3,0167 from NRR each ± 0,005: both 3,01 and 3,02 can be printed
    assert run_rule(_skm(tmp_path, nrr_t="3,02"), "S401") == []


def test_s401_s402_rounded_penimbang_warns(tmp_path):
    # NRR 3,6000 x 9: Σ/9 = 3,6; with 0,111 the total is 3,5964 and the IKM 89,91
    wb = _skm(tmp_path, nrr=[3.6] * 9, nrr_t="3,5964", ikm="89,91", mutu="A", kinerja="Sangat Baik", fmt="0.0000")
    fs = run_checks(wb, only={"S401", "S402"})
    assert [(f.code, f.severity) for f in fs] == [("S401", "warning"), ("S402", "warning")]
    assert "0,111" in fs[0].message("id")
    assert fs[1].fix == pytest.approx(90.0)


def test_s402_wrong_ikm(tmp_path):
    fs = run_rule(_skm(tmp_path, ikm="76,35"), "S402")
    assert [(f.severity, f.fix) for f in fs] == [("error", pytest.approx(75.42))]


def test_s402_ikm_against_printed_total(tmp_path):
    # unsur missing: only the printed NRR tertimbang can be used
    fs = run_rule(_skm(tmp_path, drop=8, nrr_t="3,01", ikm="75,40"), "S402")
    assert [f.severity for f in fs] == ["error"]
    assert run_rule(_skm(tmp_path, drop=8, nrr_t="3,01", ikm="75,35"), "S402") == []


def test_s403_ranges_and_missing(tmp_path):
    nrr = list(SAMPLE_NRR)
    nrr[3] = 4.12
    fs = run_rule(_skm(tmp_path, nrr=nrr), "S403")
    assert [(f.cell, f.severity) for f in fs] == [("C8", "error")]
    fs = run_rule(_skm(tmp_path, drop=8), "S403")
    assert [f.severity for f in fs] == ["warning"] and "Penanganan" in fs[0].message("id")
    fs = run_rule(_skm(tmp_path, ikm="102,50"), "S403")
    assert [f.severity for f in fs] == ["error"]


def test_s404_mutu_and_kinerja(tmp_path):
    fs = run_rule(_skm(tmp_path, mutu="B", kinerja="Baik"), "S404")
    assert [(f.severity, f.fix) for f in fs] == [("error", "C"), ("error", "Kurang Baik")]
    assert run_rule(_skm(tmp_path, mutu="C", kinerja="C (Kurang Baik)"), "S404") == []


def test_s404_boundary_at_two_decimals(tmp_path):
    # 76,60 is C and 76,61 is B: no gap between them at 2 decimals
    nrr = [3.064] * 9
    wb = _skm(tmp_path, nrr=nrr, nrr_t="3,064", ikm="76,60", mutu="C", kinerja="Kurang Baik", fmt="0.000")
    assert run_rule(wb, "S404") == []
