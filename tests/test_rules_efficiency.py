"""E501–E502: penyerapan of each sasaran from its programs; efficiency reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_rule, write_workbook
from lkj_excel.check import run_checks
from lkj_excel.rules.efficiency import match_program

PROGRAMS = [
    ("Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota", 2746175328, 2610761561),
    ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 3001612, 2930000),
    ("Program Pemberdayaan Masyarakat Desa dan Kelurahan", 69850000, 68535700),
    ("Program Koordinasi Ketentraman dan Ketertiban Umum", 16100000, 16100000),
    ("Program Penyelenggaraan Urusan Pemerintahan Umum", 119653090, 118767500),
    ("Program Pembinaan dan Pengawasan Pemerintahan Desa", 6000000, 6000000),
]
IKM = "Indeks Kepuasan Masyarakat (IKM)"
S_IKM = "Meningkatnya kepuasan masyarakat"
S_AKIP = "Meningkatnya akuntabilitas kinerja"


def _t315(ikm_programs=None):
    head = [
        "No",
        "Sasaran",
        "Indikator Kinerja Sasaran",
        "% Capaian",
        "Program/Kegiatan",
        "Indikator Kegiatan",
        "% Capaian",
        "Keterangan",
    ]
    rows = [
        ["Tabel 3.15 Analisis Program dan Kegiatan"],
        head,
        [
            1,
            S_AKIP,
            "Nilai AKIP",
            "102,28",
            "1. Program Penunjang Urusan Pemerintahan Daerah",
            "Nilai AKIP",
            100,
            "Menunjang",
        ],
        [None, None, None, None, "Administrasi Keuangan Perangkat Daerah", "Persentase", 100, "Menunjang"],
    ]
    progs = ikm_programs or [
        "2. PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
        "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah",
        "3. PROGRAM PEMBERDAYAAN DESA DAN KELURAHAN",
        "4.PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
        "5. PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
        "6. PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
    ]
    for i, p in enumerate(progs):
        first = [2, S_IKM, IKM, "88,65"] if i == 0 else [None, None, None, None]
        rows.append(first + [p, "Persentase", 100, "Menunjang"])
    return rows


def _book(tmp_path: Path, pen_ikm="98,94", pen_akip="95,07", t314=True, t315=None, akip_in_314=True):
    sheets: dict[str, list[list]] = {
        "Tabel 3.2": [
            ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"],
            [1, S_IKM, IKM, "Nilai", "85,00", "75,35", "88,65%"],
            [2, S_AKIP, "Nilai AKIP", "Nilai", "BB (71,00)", "BB (72,62)", "102,28%"],
        ],
        "Tabel 3.15": t315 or _t315(),
        "TABEL 3.17": [
            ["Realisasi Anggaran Program Tahun 2023"],
            [],
            ["No.", "Nama Program", "Pagu Anggaran", "Realisasi", "% Penyerapan"],
        ]
        + [[i + 1, n, a, r, round(r / a, 4)] for i, (n, a, r) in enumerate(PROGRAMS)],
    }
    if t314:
        rows = [
            ["No", "Sasaran Strategis", "Indikator", "Capaian Kinerja (%)", "Serapan Anggaran", "Efisiensi (%)"],
            [1, S_IKM, IKM, 88.65, pen_ikm, "-10,29"],
        ]
        if akip_in_314:
            rows.append([2, S_AKIP, "Nilai AKIP", 102.28, pen_akip, "7,21"])
        sheets["Tabel 3.14 Efisiensi"] = rows
    formats = {
        ("TABEL 3.17", f"{col}{r}"): fmt
        for r in range(4, 4 + len(PROGRAMS))
        for col, fmt in (("C", "#,##0"), ("D", "#,##0"), ("E", "0.00%"))
    }
    formats.update({(name, ref): "0.00" for name in sheets if name.startswith("Tabel 3.14") for ref in ("D2", "D3")})
    return write_workbook(tmp_path / "eff.xlsx", sheets, formats)


@pytest.mark.parametrize(
    "text, pid",
    [
        ("2. PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "7.01.02"),
        ("PROGRAM PEMBERDAYAAN DESA DAN KELURAHAN", "7.01.03"),
        ("4.PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", "7.01.04"),
        ("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN / KOTA", "7.01.01"),
        ("Koordinasi Kegiatan Pemberdayaan Desa", None),  # a kegiatan
        ("Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah", None),  # a kegiatan
        ("PROGRAM PENGELOLAAN KEUANGAN DAERAH", None),  # not a kecamatan program
    ],
)
def test_match_program(text, pid):
    assert match_program(text) == pid


def test_sample_penyerapan_sasaran_consistent(sample_wb):
    assert run_checks(sample_wb, only={"E501", "E502"}) == []


def test_e501_passes(tmp_path):
    wb = _book(tmp_path)
    assert {"3.2", "3.14", "3.15", "3.17"} <= set(wb.tables)
    assert run_rule(wb, "E501") == []


def test_e501_fails(tmp_path):
    # 98,12 is the penyerapan of 7.01.03 alone; the sasaran's programs together absorbed 98,94%
    fs = run_rule(_book(tmp_path, pen_ikm="98,12"), "E501")
    assert [(f.cell, f.severity, f.expected) for f in fs] == [("E2", "error", "98,94")]
    assert fs[0].fix == pytest.approx(98.94)
    assert "7.01.02, 7.01.03, 7.01.04, 7.01.05, 7.01.06" in fs[0].message("id")


def test_e501_unlinked_is_info(tmp_path):
    t315 = _t315(["PROGRAM PENGELOLAAN KEUANGAN DAERAH", "Koordinasi Kegiatan"])
    fs = run_rule(_book(tmp_path, t315=t315), "E501")
    assert [(f.cell, f.severity) for f in fs] == [("E2", "info")]


def test_e502_missing_row_and_table(tmp_path):
    fs = run_rule(_book(tmp_path, akip_in_314=False), "E502")
    assert [(f.table, f.cell, f.severity) for f in fs] == [("3.2", "C3", "warning")]
    fs = run_rule(_book(tmp_path, t314=False), "E502")
    assert [(f.table, f.severity) for f in fs] == [("3.2", "warning")]


def test_e502_passes(tmp_path):
    assert run_rule(_book(tmp_path), "E502") == []
