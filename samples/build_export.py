"""Build synthetic SIPD budget exports for Kecamatan Sei Balai, 2024.

    python samples/build_export.py [OUTDIR]

Writes (default: this folder)
  sei_balai_2024_dppa_lra.xlsx   report layout: one code column mixing levels,
                                 2-row merged header, subtotal rows, numbers
  sei_balai_2024_dpa_split.xlsx  one row per rekening line, code columns per
                                 level, amounts as Indonesian text (DPPA)
  sei_balai_2024_lra_split.xlsx  the same lines with realisasi, other order
  batu_bara_2024_rekap.xlsx      flat SIPD-RI rekap (21 columns) of three
                                 kecamatan, Sei Balai's lines among them
                                 (choose it with --skpd 7.01.0.00.0.00.09.0000)
  sei_balai_2024_realisasi.xlsx  realisation list: KODE REKENING | NAMA SUB
                                 KEGIATAN | REALISASI
  sei_balai_2024_dpa_rincian.xlsx  DPA Rincian Belanja print: a block per sub
                                 kegiatan, rekening rows at every level, items

The detail lines are invented; their totals per program and per jenis belanja
are the real figures of the office's LKjIP, so every total below must hold
exactly (checked at the end of `leaves()`). Output is byte-reproducible.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from _reproducible import save_reproducible
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

# --- real figures (seed): anggaran = DPPA (setelah perubahan) ---------------
PROGRAM_TOTALS = {  # code: (anggaran, realisasi)
    "7.01.01": (2_746_175_328, 2_610_761_561),
    "7.01.02": (3_001_612, 2_930_000),
    "7.01.03": (69_850_000, 68_535_700),
    "7.01.04": (16_100_000, 16_100_000),
    "7.01.05": (119_653_090, 118_767_500),
    "7.01.06": (6_000_000, 6_000_000),
}
JENIS_TOTALS = {
    "5.1.01": (2_158_169_574, 2_043_003_211),
    "5.1.02": (777_610_456, 755_991_550),
    "5.2.02": (25_000_000, 24_100_000),
}
GRAND_TOTAL = (2_960_780_030, 2_823_094_761)

PROGRAM_NAMES = {
    "7.01.01": "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
    "7.01.02": "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
    "7.01.03": "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
    "7.01.04": "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
    "7.01.05": "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
    "7.01.06": "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
}
JENIS_NAMES = {
    "5.1.01": "Belanja Pegawai",
    "5.1.02": "Belanja Barang dan Jasa",
    "5.2.02": "Belanja Modal Peralatan dan Mesin",
}

ATK = ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor")
KERTAS = ("5.1.02.01.01.0025", "Belanja Alat/Bahan untuk Kegiatan Kantor-Kertas dan Cover")
CETAK = ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak")
POS = ("5.1.02.01.01.0027", "Belanja Alat/Bahan untuk Kegiatan Kantor-Benda Pos")
BAHAN_KOMPUTER = ("5.1.02.01.01.0029", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Komputer")
PERABOT = ("5.1.02.01.01.0030", "Belanja Alat/Bahan untuk Kegiatan Kantor-Perabot Kantor")
LISTRIK = ("5.1.02.01.01.0031", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Listrik")
BBM = ("5.1.02.01.01.0004", "Belanja Bahan-Bahan Bakar dan Pelumas")
RAPAT = ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat")
JAMUAN = ("5.1.02.01.01.0053", "Belanja Makanan dan Minuman Jamuan Tamu")
PDH = ("5.1.02.01.01.0064", "Belanja Pakaian Dinas Harian (PDH)")
HONOR = ("5.1.02.02.01.0003", "Belanja Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia")
TENAGA_ADM = ("5.1.02.02.01.0013", "Belanja Jasa Tenaga Pendukung Administrasi/Teknis Perkantoran")
KEBERSIHAN = ("5.1.02.02.01.0014", "Belanja Jasa Tenaga Kebersihan")
KEAMANAN = ("5.1.02.02.01.0016", "Belanja Jasa Tenaga Keamanan")
TELEPON = ("5.1.02.02.01.0059", "Belanja Tagihan Telepon")
AIR = ("5.1.02.02.01.0060", "Belanja Tagihan Air")
TAGIHAN_LISTRIK = ("5.1.02.02.01.0061", "Belanja Tagihan Listrik")
INTERNET = ("5.1.02.02.01.0063", "Belanja Kawat/Faksimili/Internet/TV Berlangganan")
KURSUS = ("5.1.02.02.12.0001", "Belanja Kursus Singkat/Pelatihan")
PEML_MOBIL = (
    "5.1.02.03.02.0035",
    "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-Kendaraan Bermotor Penumpang",
)
PEML_MOTOR = (
    "5.1.02.03.02.0036",
    "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-Kendaraan Bermotor Beroda Dua",
)
# Trailing space as seen in real dumps ('5.1.02.03.02.0117 ').
PEML_AC = ("5.1.02.03.02.0117 ", "Belanja Pemeliharaan Alat Rumah Tangga-Alat Pendingin")
PEML_GEDUNG = (
    "5.1.02.03.03.0001",
    "Belanja Pemeliharaan Bangunan Gedung-Bangunan Gedung Tempat Kerja-Bangunan Gedung Kantor",
)
PERDIN = ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa")
PERDIN_DALAM_KOTA = ("5.1.02.04.01.0003", "Belanja Perjalanan Dinas Dalam Kota")
MEBEL = ("5.2.02.05.02.0001", "Belanja Modal Mebel")
PC = ("5.2.02.10.01.0002", "Belanja Modal Personal Computer")

R = None  # remainder: this leaf takes what its (program, jenis) total still needs


def leaf(rek: tuple[str, str], anggaran: int | None, realisasi: int | None, sebelum: int | None = None) -> dict:
    return {"rekening": rek[0], "uraian": rek[1], "anggaran": anggaran, "realisasi": realisasi, "sebelum": sebelum}


# program -> [(kegiatan code as printed, name, [(sub code, name, [leaves])])]
TREE: list[tuple[str, list]] = [
    (
        "7.01.01",
        [
            (
                "7.01.01.2.01",
                "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                [
                    (
                        "7.01.01.2.01.0001",
                        "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                        [
                            leaf(ATK, 3_250_000, 3_187_500),
                            leaf(CETAK, 2_400_000, 2_350_000),
                            leaf(RAPAT, 7_200_000, 7_020_000, sebelum=9_000_000),
                        ],
                    ),
                    (
                        "7.01.01.2.01.0006",
                        "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
                        [
                            leaf(ATK, 2_100_000, 2_050_000),
                            leaf(RAPAT, 4_800_000, 4_800_000),
                            leaf(PERDIN, 12_500_000, 12_100_000),
                        ],
                    ),
                    (
                        "7.01.01.2.01.0007",
                        "Evaluasi Kinerja Perangkat Daerah",
                        [
                            leaf(RAPAT, 3_600_000, 3_450_000),
                            leaf(PERDIN, 8_000_000, 7_650_000),
                        ],
                    ),
                ],
            ),
            (
                "7.01.01.2.02",
                "Administrasi Keuangan Perangkat Daerah",
                [
                    (
                        "7.01.01.2.02.0001",
                        "Penyediaan Gaji dan Tunjangan ASN",
                        [
                            leaf(("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS"), 1_180_000_000, 1_121_480_100),
                            leaf(("5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS"), 112_000_000, 106_215_480),
                            leaf(("5.1.01.01.03.0001", "Belanja Tunjangan Jabatan PNS"), 48_000_000, 45_600_000),
                            leaf(
                                ("5.1.01.01.05.0001", "Belanja Tunjangan Fungsional Umum PNS"), 21_500_000, 19_865_000
                            ),
                            leaf(("5.1.01.01.06.0001", "Belanja Tunjangan Beras PNS"), 62_400_000, 58_926_720),
                            leaf(
                                ("5.1.01.01.07.0001", "Belanja Tunjangan PPh/Tunjangan Khusus PNS"),
                                9_800_000,
                                7_412_336,
                            ),
                            leaf(("5.1.01.01.08.0001", "Belanja Pembulatan Gaji PNS"), 150_000, 121_554),
                            leaf(("5.1.01.01.09.0001", "Belanja Iuran Jaminan Kesehatan PNS"), 52_000_000, 49_384_117),
                            leaf(
                                ("5.1.01.01.10.0001", "Belanja Iuran Jaminan Kecelakaan Kerja PNS"),
                                3_200_000,
                                2_986_413,
                            ),
                            leaf(("5.1.01.01.11.0001", "Belanja Iuran Jaminan Kematian PNS"), 9_600_000, 8_959_238),
                            leaf(
                                (
                                    "5.1.01.03.07.0001",
                                    "Belanja Tambahan Penghasilan berdasarkan Pertimbangan Objektif Lainnya ASN",
                                ),
                                R,
                                R,
                                sebelum=640_000_000,
                            ),
                        ],
                    ),
                    (
                        "7.01.01.2.02.0003",
                        "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
                        [
                            leaf(ATK, 3_000_000, 2_985_000),
                            leaf(TENAGA_ADM, 36_000_000, 36_000_000),
                            leaf(PERDIN, 9_600_000, 9_212_000),
                        ],
                    ),
                    (
                        "7.01.01.2.02.0005",
                        "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
                        [
                            leaf(RAPAT, 2_400_000, 2_400_000),
                            leaf(PERDIN, 6_000_000, 5_760_000),
                        ],
                    ),
                ],
            ),
            (
                "7.01.01.2.05",
                "Administrasi Kepegawaian Perangkat Daerah",
                [
                    (
                        "7.01.01.2.05.0002",
                        "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya",
                        [
                            leaf(PDH, 18_750_000, 18_750_000, sebelum=15_000_000),
                        ],
                    ),
                    (
                        "7.01.01.2.05.0009",
                        "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
                        [
                            leaf(KURSUS, 7_500_000, 0),
                            leaf(PERDIN, 10_400_000, 9_987_000),
                        ],
                    ),
                ],
            ),
            # Zero-padded kegiatan segment ("02" for "2"), as in real dumps.
            (
                "7.01.01.02.06",
                "Administrasi Umum Perangkat Daerah",
                [
                    (
                        "7.01.01.2.06.0001",
                        "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
                        [
                            leaf(LISTRIK, 4_800_000, 4_765_000, sebelum=0),
                        ],
                    ),
                    (
                        "7.01.01.2.06.0002",
                        "Penyediaan Peralatan dan Perlengkapan Kantor",
                        [
                            leaf(KERTAS, 6_500_000, 6_480_000),
                            leaf(BAHAN_KOMPUTER, 8_200_000, 8_150_000),
                            leaf(PERABOT, 5_000_000, 4_875_000),
                        ],
                    ),
                    (
                        "7.01.01.2.06.0004",
                        "Penyediaan Bahan Logistik Kantor",
                        [
                            leaf(ATK, 14_600_000, 14_542_000, sebelum=12_000_000),
                            leaf(POS, 1_200_000, 1_150_000),
                        ],
                    ),
                    (
                        "7.01.01.2.06.0005",
                        "Penyediaan Barang Cetakan dan Penggandaan",
                        [
                            leaf(KERTAS, 3_900_000, 3_870_000),
                            leaf(CETAK, 7_500_000, 7_425_000),
                        ],
                    ),
                    (
                        "7.01.01.2.06.0008",
                        "Fasilitasi Kunjungan Tamu",
                        [
                            leaf(JAMUAN, 15_000_000, 14_700_000),
                        ],
                    ),
                    (
                        "7.01.01.2.06.0009",
                        "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
                        [
                            leaf(RAPAT, 18_000_000, 17_640_000),
                            leaf(PERDIN, 36_000_000, 34_915_000, sebelum=48_000_000),
                            leaf(PERDIN_DALAM_KOTA, 9_600_000, 9_450_000),
                        ],
                    ),
                ],
            ),
            (
                "7.01.01.2.07",
                "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
                [
                    (
                        "7.01.01.2.07.0005",
                        "Pengadaan Mebel",
                        [
                            leaf(MEBEL, 10_000_000, 9_600_000),
                        ],
                    ),
                    (
                        "7.01.01.2.07.0006",
                        "Pengadaan Peralatan dan Mesin Lainnya",
                        [
                            leaf(PC, R, R, sebelum=20_000_000),
                        ],
                    ),
                ],
            ),
            (
                "7.01.01.2.08",
                "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
                [
                    (
                        "7.01.01.2.08.0001",
                        "Penyediaan Jasa Surat Menyurat",
                        [
                            leaf(POS, 1_800_000, 1_750_000),
                        ],
                    ),
                    (
                        "7.01.01.2.08.0002",
                        "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
                        [
                            leaf(TELEPON, 7_200_000, 6_934_411),
                            leaf(AIR, 4_800_000, 4_415_200),
                            leaf(TAGIHAN_LISTRIK, 36_000_000, 35_112_849, sebelum=30_000_000),
                            leaf(INTERNET, 13_200_000, 13_200_000),
                        ],
                    ),
                    (
                        "7.01.01.2.08.0004",
                        "Penyediaan Jasa Pelayanan Umum Kantor",
                        [
                            leaf(TENAGA_ADM, 60_000_000, 60_000_000),
                            leaf(KEBERSIHAN, 48_000_000, 48_000_000),
                            leaf(KEAMANAN, 36_000_000, 36_000_000),
                        ],
                    ),
                ],
            ),
            (
                "7.01.01.2.09",
                "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
                [
                    (
                        "7.01.01.2.09.0002",
                        (
                            "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan "
                            "Kendaraan Dinas Operasional atau Lapangan"
                        ),
                        [
                            leaf(BBM, 36_000_000, 35_400_000),
                            leaf(PEML_MOBIL, 18_000_000, 17_350_000),
                            leaf(PEML_MOTOR, 6_000_000, 5_800_000),
                        ],
                    ),
                    (
                        "7.01.01.2.09.0009",
                        "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
                        [
                            leaf(PEML_AC, 4_500_000, 4_350_000),
                            leaf(PEML_GEDUNG, R, R, sebelum=20_000_000),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "7.01.02",
        [
            (
                "7.01.02.2.01",
                "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
                [
                    (
                        "7.01.02.2.01.0001",
                        (
                            "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan "
                            "Perangkat Daerah dan Instansi Vertikal Terkait"
                        ),
                        [
                            leaf(RAPAT, 1_500_000, 1_500_000),
                            leaf(ATK, R, R, sebelum=2_500_000),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "7.01.03",
        [
            (
                "7.01.03.2.01",
                "Koordinasi Pemberdayaan Masyarakat Desa dan Kelurahan",
                [
                    (
                        "7.01.03.2.01.0001",
                        "Sinkronisasi dan Koordinasi Kegiatan Pemberdayaan Masyarakat Desa",
                        [
                            leaf(RAPAT, 9_600_000, 9_450_000),
                            leaf(PERDIN, 14_250_000, 13_985_700),
                        ],
                    ),
                    (
                        "7.01.03.2.01.0002",
                        "Fasilitasi Musyawarah Perencanaan Pembangunan Kecamatan",
                        [
                            leaf(CETAK, 4_000_000, 3_950_000),
                            leaf(RAPAT, 12_000_000, 11_800_000, sebelum=10_000_000),
                            leaf(HONOR, R, R),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "7.01.04",
        [
            (
                "7.01.04.2.01",
                "Koordinasi Upaya Penyelenggaraan Ketentraman dan Ketertiban Umum",
                [
                    (
                        "7.01.04.2.01.0001",
                        "Sinergi Penyelenggaraan Ketentraman dan Ketertiban Umum",
                        [
                            leaf(RAPAT, 4_100_000, 4_100_000),
                            leaf(PERDIN, R, R),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "7.01.05",
        [
            (
                "7.01.05.2.01",
                "Koordinasi Penyelenggaraan Urusan Pemerintahan Umum",
                [
                    (
                        "7.01.05.2.01.0001",
                        "Koordinasi Penyelenggaraan Peringatan Hari Besar Nasional dan Keagamaan",
                        [
                            leaf(CETAK, 6_000_000, 5_985_000),
                            leaf(RAPAT, 18_500_000, 18_350_000),
                            leaf(HONOR, 10_000_000, 10_000_000),
                        ],
                    ),
                    (
                        "7.01.05.2.01.0002",
                        "Pembinaan Kerukunan Umat Beragama dan Wawasan Kebangsaan",
                        [
                            leaf(RAPAT, 21_600_000, 21_420_000),
                            leaf(PERDIN, R, R, sebelum=70_000_000),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "7.01.06",
        [
            (
                "7.01.06.2.01",
                "Fasilitasi Penyelenggaraan Pemerintahan Desa",
                [
                    (
                        "7.01.06.2.01.0001",
                        "Fasilitasi Penyusunan Peraturan Desa dan APBDesa",
                        [
                            leaf(RAPAT, 2_400_000, 2_400_000),
                            leaf(PERDIN, R, R),
                        ],
                    ),
                ],
            ),
        ],
    ),
]


def _jenis(rek: str) -> str:
    return ".".join(rek.strip().split(".")[:3])


def _norm_kegiatan(code: str) -> str:
    parts = code.split(".")
    parts[3] = str(int(parts[3]))
    return ".".join(parts)


def group_targets() -> dict[tuple[str, str], tuple[int, int]]:
    """(program, jenis) -> totals. Pegawai and modal sit wholly in 7.01.01."""
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for prog, (a, r) in PROGRAM_TOTALS.items():
        if prog == "7.01.01":
            for jenis in ("5.1.01", "5.2.02"):
                out[(prog, jenis)] = JENIS_TOTALS[jenis]
                a -= JENIS_TOTALS[jenis][0]
                r -= JENIS_TOTALS[jenis][1]
        out[(prog, "5.1.02")] = (a, r)
    return out


def leaves() -> list[dict]:
    """Every rekening line with its code path; remainders filled, totals asserted."""
    rows: list[dict] = []
    for prog, kegiatans in TREE:
        for keg_code, keg_name, subs in kegiatans:
            for sub_code, sub_name, lines in subs:
                for line in lines:
                    rows.append(
                        {
                            "program": prog,
                            "program_name": PROGRAM_NAMES[prog],
                            "kegiatan": keg_code,
                            "kegiatan_name": keg_name,
                            "sub_kegiatan": sub_code,
                            "sub_kegiatan_name": sub_name,
                            **line,
                        }
                    )
    for (prog, jenis), (ta, tr) in group_targets().items():
        group = [x for x in rows if x["program"] == prog and _jenis(x["rekening"]) == jenis]
        rest = [x for x in group if x["anggaran"] is None]
        assert len(rest) == 1, (prog, jenis, len(rest))
        rest[0]["anggaran"] = ta - sum(x["anggaran"] for x in group if x is not rest[0])
        rest[0]["realisasi"] = tr - sum(x["realisasi"] for x in group if x is not rest[0])
        assert 0 <= rest[0]["realisasi"] <= rest[0]["anggaran"], rest[0]
    for x in rows:
        if x["sebelum"] is None:
            x["sebelum"] = x["anggaran"]
    # The seed's figures must hold exactly.
    for prog, (a, r) in PROGRAM_TOTALS.items():
        assert sum(x["anggaran"] for x in rows if x["program"] == prog) == a
        assert sum(x["realisasi"] for x in rows if x["program"] == prog) == r
    for jenis, (a, r) in JENIS_TOTALS.items():
        assert sum(x["anggaran"] for x in rows if _jenis(x["rekening"]) == jenis) == a
        assert sum(x["realisasi"] for x in rows if _jenis(x["rekening"]) == jenis) == r
    assert (sum(x["anggaran"] for x in rows), sum(x["realisasi"] for x in rows)) == GRAND_TOTAL
    return rows


# --- report layout -----------------------------------------------------------
BOLD = Font(bold=True)
AMOUNT_FMT = "#,##0"


def _sums(lines: list[dict]) -> tuple[int, int, int]:
    return (sum(x["sebelum"] for x in lines), sum(x["anggaran"] for x in lines), sum(x["realisasi"] for x in lines))


def _write_amount_row(ws, r: int, code: str, name: str, sums: tuple[int, int, int], bold: bool = False) -> None:
    sebelum, anggaran, realisasi = sums
    ws.cell(r, 1, code)
    ws.cell(r, 2, name)
    for col, value in ((3, sebelum), (4, anggaran), (5, realisasi), (6, anggaran - realisasi)):
        ws.cell(r, col, value).number_format = AMOUNT_FMT
    if anggaran:
        ws.cell(r, 7, round(realisasi / anggaran * 100, 2)).number_format = "0.00"
    if bold:
        for col in range(1, 8):
            ws.cell(r, col).font = BOLD


def write_report(rows: list[dict], path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    for r, text in enumerate(
        [
            "PEMERINTAH KABUPATEN BATU BARA",
            "SKPD : 7.01.0.00.0.00.xx.0000 Kecamatan Sei Balai",
            "TAHUN ANGGARAN 2024",
            "LAPORAN REALISASI ANGGARAN per 31 Desember 2024",
        ],
        start=1,
    ):
        ws.cell(r, 1, text).font = BOLD
    # Two-row header: "Anggaran" spans its two sub columns, the rest span both rows.
    head = 6
    for col, label in ((1, "Kode"), (2, "Uraian"), (5, "Realisasi"), (6, "Sisa"), (7, "%")):
        ws.cell(head, col, label)
        ws.merge_cells(start_row=head, start_column=col, end_row=head + 1, end_column=col)
    ws.cell(head, 3, "Anggaran")
    ws.merge_cells(start_row=head, start_column=3, end_row=head, end_column=4)
    ws.cell(head + 1, 3, "Sebelum Perubahan")
    ws.cell(head + 1, 4, "Setelah Perubahan")
    for rr in (head, head + 1):
        for col in range(1, 8):
            ws.cell(rr, col).font = BOLD
            ws.cell(rr, col).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for col in range(1, 8):  # column numbers, as SIPD prints them
        ws.cell(head + 2, col, col).alignment = Alignment(horizontal="center")
    r = head + 3
    for prog in PROGRAM_TOTALS:
        p_lines = [x for x in rows if x["program"] == prog]
        _write_amount_row(ws, r, prog, PROGRAM_NAMES[prog], _sums(p_lines), bold=True)
        r += 1
        for keg in dict.fromkeys(x["kegiatan"] for x in p_lines):
            k_lines = [x for x in p_lines if x["kegiatan"] == keg]
            _write_amount_row(ws, r, keg, k_lines[0]["kegiatan_name"], _sums(k_lines), bold=True)
            r += 1
            for sub in dict.fromkeys(x["sub_kegiatan"] for x in k_lines):
                s_lines = [x for x in k_lines if x["sub_kegiatan"] == sub]
                _write_amount_row(ws, r, sub, s_lines[0]["sub_kegiatan_name"], _sums(s_lines), bold=True)
                r += 1
                for jenis in sorted({_jenis(x["rekening"]) for x in s_lines}):
                    j_lines = sorted(
                        (x for x in s_lines if _jenis(x["rekening"]) == jenis), key=lambda x: x["rekening"].strip()
                    )
                    _write_amount_row(ws, r, jenis, JENIS_NAMES[jenis], _sums(j_lines))
                    r += 1
                    for x in j_lines:
                        _write_amount_row(
                            ws, r, x["rekening"], x["uraian"], (x["sebelum"], x["anggaran"], x["realisasi"])
                        )
                        r += 1
    _write_amount_row(ws, r, "JUMLAH", "", _sums(rows), bold=True)
    ws.cell(r, 2).value = None
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    r += 2
    ws.cell(r, 5, "Sei Balai, 31 Desember 2024")
    ws.cell(r + 1, 5, "Camat Sei Balai")
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 60
    for col in "CDEF":
        ws.column_dimensions[col].width = 18
    ws.freeze_panes = "C9"
    _save(wb, path)


# --- split layout ------------------------------------------------------------
def _id_text(value: int) -> str:
    return "-" if value == 0 else f"{value:,}".replace(",", ".")


def _write_split(rows: list[dict], path: Path, sheet: str, title: str, amount_label: str, key: str) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.cell(1, 1, title).font = BOLD
    ws.cell(2, 1, "SKPD : Kecamatan Sei Balai")
    ws.cell(3, 1, "Tahun Anggaran 2024")
    labels = ["Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan", "Kode Rekening", "Uraian", amount_label]
    for col, label in enumerate(labels, start=1):
        ws.cell(5, col, label).font = BOLD
    for r, x in enumerate(rows, start=6):
        values = [
            x["program"],
            _norm_kegiatan(x["kegiatan"]),
            x["sub_kegiatan"],
            x["rekening"].strip(),
            x["uraian"],
            _id_text(x[key]),
        ]
        for col, value in enumerate(values, start=1):
            ws.cell(r, col, value)
        ws.cell(r, 6).alignment = Alignment(horizontal="right")
    for col, width in zip("ABCDEF", (10, 14, 20, 20, 60, 16)):
        ws.column_dimensions[col].width = width
    _save(wb, path)


def _save(wb: Workbook, path: Path) -> None:
    """Save byte-reproducibly (fixed document times and zip member timestamps)."""
    wb.properties.creator = "SIPD (synthetic sample)"
    save_reproducible(wb, path)


def main(argv: list[str]) -> None:
    outdir = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    outdir.mkdir(parents=True, exist_ok=True)
    rows = leaves()
    write_report(rows, outdir / "sei_balai_2024_dppa_lra.xlsx")
    dpa = sorted(rows, key=lambda x: (x["rekening"].strip(), x["sub_kegiatan"]))
    _write_split(
        dpa,
        outdir / "sei_balai_2024_dpa_split.xlsx",
        "DPA",
        "DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN (DPPA)",
        "Pagu DPPA",
        "anggaran",
    )
    lra = list(rows)
    random.Random(2024).shuffle(lra)
    _write_split(
        lra,
        outdir / "sei_balai_2024_lra_split.xlsx",
        "LRA",
        "LAPORAN REALISASI ANGGARAN per 31 Desember 2024",
        "Realisasi",
        "realisasi",
    )
    from _sipd_layouts import write_dpa_rincian, write_realisasi_list, write_rekap

    write_rekap(rows, outdir / "batu_bara_2024_rekap.xlsx")
    write_realisasi_list(rows, outdir / "sei_balai_2024_realisasi.xlsx")
    write_dpa_rincian(rows, outdir / "sei_balai_2024_dpa_rincian.xlsx")
    print(f"{len(rows)} rekening lines written to {outdir}")


if __name__ == "__main__":
    main(sys.argv)
