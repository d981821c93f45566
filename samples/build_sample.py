"""Build the sample workbook ``sei_balai_2024.xlsx``.

Source (transcribed by hand, NOT parsed at runtime):
    /work/shared/seed/lkj_kecamatan_sei_balai_2024.txt
    -- text of the real "Laporan Kinerja Instansi Pemerintah (LKjIP)
       Kecamatan Sei Balai, Kabupaten Batu Bara, Tahun 2024".

Every table of the report (Tabel 1.1-1.3, 2.1-2.4, 3.1-3.17) becomes one
sheet, typed the way an office would type it.  The values are transcribed
exactly as printed, INCLUDING the report's own mistakes (totals that do not
add up, a missing row number, "100.00" with a decimal point, "1012,28%" in
the narrative, etc.).  Do not "fix" anything here: the sample exists to
exercise the checker on real-world errors.

Usage:  python samples/build_sample.py [OUT]
        (default OUT: sei_balai_2024.xlsx next to this script)

The output is byte-reproducible: document properties use a fixed datetime
and the zip members get a fixed timestamp.
"""

from __future__ import annotations

import sys
from pathlib import Path

from _reproducible import FIXED_DT, save_reproducible
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

# Number formats
F_INT = "#,##0"  # 2.935.780.030 / 15.106
F_PLAIN = "0"  # 1010 (printed without thousands separator)
F_DEC2 = "0.00"  # 3,00  23,50  95,07
F_PCT = "0.00%"  # 1.0379 -> 103,79%
F_PCT0 = "0%"  # 1 -> 100%
F_PCTSIGN = '0.00"%"'  # 95.34 -> 95,34%


class N:
    """A real number cell with a number format."""

    def __init__(self, value, fmt):
        self.value = value
        self.fmt = fmt


THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
TOP = Alignment(vertical="top")


class TableSheet:
    """Writes one typed office table: label, title, blank, header, body."""

    def __init__(self, wb, sheet_name, label, title, widths):
        self.ws = wb.create_sheet(sheet_name)
        self.ws["A1"] = label
        self.ws["A1"].font = BOLD
        self.ws["A2"] = title
        self.ws["A2"].font = BOLD
        self.next_row = 4  # row 3 stays blank
        self.ncols = len(widths)
        for i, w in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = w

    def _put(self, r, c, v, header=False, border=True):
        cell = self.ws.cell(row=r, column=c)
        if isinstance(v, N):
            cell.value = v.value
            cell.number_format = v.fmt
            cell.alignment = TOP
        elif v is None or v == "":
            pass
        else:
            cell.value = v
            if header:
                cell.alignment = CENTER
                cell.font = BOLD
            elif isinstance(v, str) and len(v) > 25:
                cell.alignment = WRAP
            else:
                cell.alignment = TOP
        if border:
            cell.border = BORDER
        return cell

    def header(self, rows, merges=()):
        """rows: list of header rows; merges: (r1, c1, r2, c2) relative to
        the first header row (1-based rows and columns)."""
        start = self.next_row
        for i, row in enumerate(rows):
            for c, v in enumerate(row, start=1):
                self._put(start + i, c, v, header=True)
        for r1, c1, r2, c2 in merges:
            self.ws.merge_cells(start_row=start + r1 - 1, start_column=c1, end_row=start + r2 - 1, end_column=c2)
        self.next_row = start + len(rows)
        return start

    def row(self, values, header=False):
        r = self.next_row
        for c, v in enumerate(values, start=1):
            self._put(r, c, v, header=header)
        self.next_row += 1
        return r

    def colnums(self, labels):
        return self.row(labels, header=True)

    def total(self, label, values, merge_ab=True):
        """Total row: label merged over columns A:B, values from column C."""
        r = self.row([label, ""] + list(values))
        self.ws.cell(row=r, column=1).font = BOLD
        if merge_ab:
            self.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        return r

    def merge(self, r1, c1, r2, c2):
        self.ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    def sumber(self, text):
        r = self.next_row
        self.ws.cell(row=r, column=1, value=text)
        self.next_row += 1
        return r


# ---------------------------------------------------------------------------
# Tabel 1.1 .. 1.3 (Bab I)
# ---------------------------------------------------------------------------

DESA = [
    "Sei Balai",
    "Kwala Sikasim",
    "Mekar Mulio",
    "Durian",
    "Sukaramai",
    "Sei Bejangkar",
    "Perk. Sei Balai",
    "Perk. Sei Bejangkar",
    "Suko Rejo",
    "Sidomulyo",
    "Perjuangan",
    "Tanah Timbul",
    "Benteng Jaya",
    "Mekar Baru",
]

SUMBER_TAPEM = "Sumber Data: Seksi Tata Pemerintahan Kecamatan Sei Balai Tahun 2024"


def tabel_1_1(wb):
    t = TableSheet(wb, "Tabel 1.1", "Tabel. 1.1", "Daftar Nama-Nama Desa Kec. Sei Balai", [7, 24, 18])
    t.header([["NO.", "NAMA DESA", "LUAS WILAYAH"]])
    luas = [
        "100 Ha",
        "211 Ha",
        "225 Ha",
        "201 Ha",
        "208 Ha",
        "250 Ha",
        "3.727 Ha",
        "1.619,9 Ha",
        "217 Ha",
        "175 Ha",
        "1.808 Ha",
        "150 Ha",
        "150 Ha",
        "245 Ha",
    ]
    for i, (d, area) in enumerate(zip(DESA, luas), start=1):
        t.row([f"{i}.", d, area])
    t.total("J u m l a h", ["9.286,9 Ha"])
    t.sumber(SUMBER_TAPEM)


def tabel_1_2(wb):
    t = TableSheet(
        wb, "Tabel 1.2", "Tabel. 1.2", "Jumlah Dusun, KK dan Jumlah Penduduk Kec. Sei Balai", [7, 22, 9, 12, 12, 12, 12]
    )
    t.header(
        [["No.", "Nama Desa", "Dusun", "Jumlah KK", "Jumlah Penduduk", "", ""], ["", "", "", "", "L", "P", "L+P"]],
        merges=[(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 2, 4), (1, 5, 1, 7)],
    )
    t.colnums(["1", "2", "3", "4", "5", "6", "7"])
    G, P = F_INT, F_PLAIN
    # (dusun, KK, L, P, L+P) -- a few printed without thousands separator
    data = [
        (16, N(1010, P), N(1570, G), N(1767, G), N(3337, G)),
        (8, N(846, G), N(1447, G), N(1647, G), N(3094, G)),
        (7, N(359, G), N(628, G), N(614, G), N(1242, G)),
        (10, N(706, G), N(1198, G), N(1209, P), N(2407, G)),
        (8, N(652, G), N(987, G), N(886, G), N(1873, G)),
        (8, N(583, G), N(931, G), N(1101, P), N(2032, G)),
        (12, N(846, G), N(1612, G), N(1401, P), N(3013, G)),
        (8, N(561, G), N(1079, G), N(1022, G), N(2101, G)),
        (9, N(613, G), N(1174, G), N(1164, G), N(2338, G)),
        (7, N(348, G), N(604, G), N(580, G), N(1184, G)),
        (9, N(919, G), N(1451, G), N(1418, G), N(2869, G)),
        (5, N(410, G), N(756, G), N(662, G), N(1418, G)),
        (6, N(538, G), N(1037, G), N(1109, G), N(2146, G)),
        (6, N(336, G), N(629, G), N(648, G), N(1277, G)),
    ]
    for i, (d, vals) in enumerate(zip(DESA, data), start=1):
        dusun, *rest = vals
        t.row([f"{i}.", d, N(dusun, F_INT)] + rest)
    # Printed totals, kept as printed (they do not add up).
    t.total("J u m l a h", [N(119, G), N(8727, G), N(15106, G), N(15232, G), N(30336, G)])
    t.sumber(SUMBER_TAPEM)


def tabel_1_3(wb):
    t = TableSheet(wb, "TABEL 1.3", "Tabel. 1.3", "Potensi Desa Kec. Sei Balai", [7, 22, 16, 16, 16])
    t.header([["No.", "Nama Desa", "Luas Perkebunan", "Luas Pertanian", "Luas Perumahan"]])
    t.colnums(["1", "2", "3", "4", "5"])
    rows = [
        ("1.", "Sei Balai", "16 Ha", "55 Ha", "29 Ha"),
        ("2.", "Kwala Sikasim", "13,5 Ha", "113 Ha", "84,5 Ha"),
        ("3.", "Mekar Mulio", "36,6 Ha", "143 Ha", "45,5 Ha"),
        ("4.", "Durian", "37 Ha", "112 Ha", "52 Ha"),
        ("5.", "Sukaramai", "21 Ha", "142 Ha", "45 Ha"),
        ("6.", "Sei Bejangkar", "28 Ha", "136 Ha", "86 Ha"),
        ("", "Perk. Sei Balai", "3.524 Ha", "-  Ha", "203 Ha"),  # no "7." as printed
        ("8.", "Perk. Sei Bejangkar", "1.162 Ha", "227 Ha", "230,9 Ha"),
        ("9.", "Suko Rejo", "14 Ha", "158 Ha", "45 Ha"),
        ("10.", "Sidomulyo", "22 Ha", "92 Ha", "61 Ha"),
        ("11.", "Perjuangan", "1.235 Ha", "324 Ha", "249 Ha"),
        ("12.", "Tanah Timbul", "29 Ha", "94 Ha", "27 Ha"),
        ("13.", "Benteng Jaya", "40,9 Ha", "87,1 Ha", "22 Ha"),
        ("14.", "Mekar Baru", "63 Ha", "129 Ha", "53 Ha"),
    ]
    for r in rows:
        t.row(list(r))
    t.total("J u m l a h", ["6.242  Ha", "1.812,10 Ha", "1.232,90 Ha"])
    t.sumber(SUMBER_TAPEM)


# ---------------------------------------------------------------------------
# Tabel 2.1 .. 2.4 (Bab II)
# ---------------------------------------------------------------------------


def tabel_2_1(wb):
    t = TableSheet(
        wb, "Tabel 2.1", "Tabel 2.1", "Tujuan, Sasaran, Strategi dan Kebijakan Kecamatan Sei Balai", [30, 30, 50]
    )
    r = t.row(
        [
            "Visi :",
            "Kabupaten Batu Bara Sebagai Daerah Industri, "
            "Perdagangan Dan Jasa, Serta Pertanian Yang Beriman, "
            "Mandiri, Maju Dan Sejahtera Berjaya",
            "",
        ]
    )
    t.merge(r, 2, r, 3)
    r = t.row(["Misi :", "Mewujudkan Penyelenggaraan Pemerintahan yang Baik dan Bersih", ""])
    t.merge(r, 2, r, 3)
    t.header([["Tujuan", "Sasaran", "Strategi"]])
    tujuan = "Meningkatkan Kualitas Pelayanan Publik dan Tata Kelola Pemerintahan Kecamatan"
    sas1 = "Meningkatkan Kepuasan Masyarakat terhadap Pelayanan Publik"
    strategi1 = [
        "Meningkatkan kapasitas pelayanan aparatur",
        "Meningkatkan cakupan dan jangkauan pelayanan kecamatan",
        "Meningkatkan pemberdayaan masyarakat desa",
        "Meningkatkan kesadaran, pendidikan, keagamaan dan partisipasi masyarakat",
        "Meningkatkan kerjasama dengan Forkopimca dalam rangka menjaga "
        "keamanan, ketertiban serta pencegahan tindak kriminal",
    ]
    sas2 = "Meningkatkan Akuntabilitas Keuangan dan Daerah"
    strategi2 = ["Meningkatkan transparansi dan akuntabilitas pengelolaan kinerja dan keuangan kecamatan"]
    first = None
    for i, s in enumerate(strategi1):
        r = t.row([tujuan if i == 0 else "", sas1 if i == 0 else "", s])
        first = first or r
    last1 = r
    t.merge(first, 2, last1, 2)
    r2 = t.row(["", sas2, strategi2[0]])
    t.merge(first, 1, r2, 1)


def tabel_2_2(wb):
    t = TableSheet(wb, "Tabel. 2.2", "Tabel 2.2", "Perjanjian Kinerja Perubahan 2024", [6, 36, 28, 10, 14])
    t.header([["No.", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"]])
    t.colnums(["(1)", "(2)", "(3)", "(4)", "(5)"])
    t.row(
        [
            "1.",
            "Meningkatkan Kepuasan Masyarakat terhadap Pelayanan Publik",
            "Indeks Kepuasan Masyarakat (IKM)",
            "Nilai",
            "85,00",
        ]
    )
    t.row(
        ["2.", "Meningkatkan Akuntabilitas Keuangan dan Kinerja Perangkat Daerah", "Nilai AKIP", "Nilai", "BB (71,00)"]
    )
    t.sumber("Sumber: Perjanjian Kinerja Perubahan Kec. Sei Balai Tahun 2024")


def _belanja_rows(with_realisasi):
    """Rows of Tabel 2.3 / 3.16: (No, Uraian, Anggaran[, Realisasi, %])."""
    rows = [
        ("1.", "Belanja Operasi", 2935780030, 2798994761, 95.34),
        ("", "- Belanja Pegawai", 2158169574, 2043003211, 94.66),
        ("", "-  Belanja Barang dan Jasa", 777610456, 755991550, 97.22),
        ("2.", "Belanja Modal", 25000000, 24100000, 96.40),
        ("", "- Belanja Modal Peralatan dan Mesin", 25000000, 24100000, 96.40),
    ]
    out = []
    for no, label, ang, real, pct in rows:
        if with_realisasi:
            out.append([no, label, N(ang, F_INT), N(real, F_INT), N(pct, F_PCTSIGN)])
        else:
            out.append([no, label, N(ang, F_INT)])
    return out


def tabel_2_3(wb):
    t = TableSheet(wb, "Tabel 2.3", "Tabel 2.3", "Rencana Anggaran Kecamatan Sei Balai Tahun 2024", [6, 38, 18])
    t.header([["No.", "Belanja Langsung", "Anggaran (Rp)"]])
    for r in _belanja_rows(False):
        t.row(r)
    t.total("T O T A L", [N(2960780030, F_INT)])
    t.sumber("Sumber: DPPA Kecamatan Sei Balai Tahun Anggaran 2024")


PROGRAMS = [
    "Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota",
    "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
    "Program Koordinasi Ketentraman dan Ketertiban Umum",
    "Program Penyelenggaraan Urusan Pemerintahan Umum",
    "Program Pembinaan dan Pengawasan Pemerintahan Desa",
]


def tabel_2_4(wb):
    t = TableSheet(
        wb, "Tabel 2.4", "Tabel 2.4", "Rencana Anggaran Program Kecamatan Sei Balai Tahun 2024", [6, 48, 18, 9]
    )
    t.header([["No.", "Program", "Anggaran (Rp)", "Ket"]])
    anggaran = [2746175328, 3001612, 69850000, 16100000, 119653090, 6000000]
    for i, (p, a) in enumerate(zip(PROGRAMS, anggaran), start=1):
        t.row([f"{i}.", p, N(a, F_INT), "PAPBD"])
    t.total("JUMLAH", [N(2960780030, F_INT)])
    t.sumber("Sumber: DPPA Kecamatan Sei Balai Tahun Anggaran 2024")


# ---------------------------------------------------------------------------
# Tabel 3.1 .. 3.17 (Bab III)
# ---------------------------------------------------------------------------


def tabel_3_1(wb):
    t = TableSheet(wb, "Tabel. 3.1", "Tabel. 3.1", "Skala Nilai Peringkat Kinerja", [6, 30, 30])
    t.header([["No.", "Interval Nilai Realisasi Kinerja", "Kriteria Penilaian Realisasi Kinerja"]])
    for r in [
        ("1.", "91% ≤ 100%", "Sangat Tinggi"),
        ("2.", "76% ≤ 90%", "Tinggi"),
        ("3.", "66% ≤ 75%", "Sedang"),
        ("4.", "51% ≤ 65%", "Rendah"),
        ("5.", "≤ 50%", "Sangat Rendah"),
    ]:
        t.row(list(r))
    t.sumber("Sumber : Permendagri Nomor 86 Tahun 2017")


SAS_IKM = "Meningkatkan Kepuasan Masyarakat terhadap Pelayanan Publik"
IND_IKM = "Indeks Kepuasan Masyarakat (IKM)"


def tabel_3_2(wb):
    t = TableSheet(
        wb, "Tabel 3.2", "Tabel 3.2", "Capaian Kinerja Kantor  Camat Sei Balai Tahun 2024", [6, 34, 26, 9, 12, 12, 13]
    )
    t.header([["No.", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Persentase Capaian"]])
    t.colnums(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"])
    t.row(["1.", SAS_IKM, IND_IKM, "Nilai", "85,00", "75,35", "88,65%"])
    t.row(
        [
            "2.",
            "Meningkatkan Akuntabilitas Keuangan dan Kinerja Perangkat Daerah",
            "Nilai AKIP",
            "Nilai",
            "BB (71,00)",
            "BB (72,62)",
            "102,28%",
        ]
    )
    t.sumber("Sumber: Aplikasi SI SUKMA Kec. Sei Balai dan Inspektorat Kabupaten Batu Bara Tahun 2024")


def tabel_3_3(wb):
    t = TableSheet(
        wb, "Tabel 3.3", "Tabel. 3.3", "Hasil Pelaksanaan Survey Kepuasan Masyarakat (SKM) Tahun 2024", [6, 36, 16]
    )
    t.header([["No.", "Unsur Pelayanan", "Nilai Rata-Rata"]])
    unsur = [
        ("Persyaratan Pelayanan", 3.00),
        ("Prosedur Pelayanan", 3.01),
        ("Waktu Pelayanan", 3.00),
        ("Biaya/Tarif Pelayanan", 3.99),
        ("Produk Jenis Pelayanan", 3.01),
        ("Kompetensi Pelaksana", 3.02),
        ("Prilaku Pelaksana Pelayanan", 3.08),
        ("Sarana Dan Prasarana", 3.01),
        ("Penanganan Pengaduan dan Saran", 2.03),
    ]
    for i, (u, v) in enumerate(unsur, start=1):
        t.row([f"{i}.", u, N(v, F_DEC2)])
    t.row(["", "Jumlah NRR Tertimbang", N(3.01, F_DEC2)])
    t.row(["", "IKM Unit Pelayanan", N(75.35, F_DEC2)])
    t.row(["", "Mutu Pelayanan :", "C"])
    t.row(["", "Kinerja Unit Pelayanan :", "Kurang Baik"])


def tabel_3_4(wb):
    t = TableSheet(wb, "Tabel 3.4", "Tabel 3.4", "Kategori Hasil Indeks Kepuasan Masyarakat", [6, 16, 20])
    t.header([["NO.", "SKOR", "MUTU"]])
    for r in [
        ("1.", "88,31-100", "A (Sangat Baik)"),
        ("2.", "76,61-88,30", "B (Baik)"),
        ("3.", "65,00-76,60", "C (Kurang Baik)"),
        ("4.", "25,00-64,99", "D (Tidak Baik)"),
    ]:
        t.row(list(r))
    t.sumber("Sumber Data: Permen PAN danRB Nomor 14 Tahun 2017")


def tabel_3_5(wb):
    t = TableSheet(
        wb, "Tabel 3.5", "Tabel 3.5", "Capaian Nilai IKM Kecamatan Sei Balai Tahun 2024", [6, 32, 26, 9, 10, 10, 13, 13]
    )
    t.header(
        [
            [
                "No.",
                "Sasaran Strategis",
                "Indikator Kinerja",
                "Satuan",
                "Target",
                "Realisasi",
                "Persentase Capaian",
                "Kategori",
            ]
        ]
    )
    t.colnums(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"])
    t.row(["1.", SAS_IKM, IND_IKM, "Nilai", "85,00", "75,35", "88,65%", "Kurang Baik"])
    t.sumber("Sumber: Aplikasi SI SUKMA Kec. Sei Balai Tahun 2024")


def tabel_3_6(wb):
    t = TableSheet(wb, "Tabel 3.6", "Tabel 3.6", "Kategori Hasil Capaian AKIP Kec. Sei Balai", [6, 14, 26])
    t.header([["NO.", "INTERVAL", "KATEGORI"]])
    for r in [
        ("1.", ">90-100", "AA (Sangat Memuaskan)"),
        ("2.", ">80-90", "A (Memuaskan)"),
        ("3.", ">70-80", "BB (Sangat Baik)"),
        ("4.", ">60-70", "B (Baik)"),
        ("5.", ">50-60", "CC (Cukup/Memadai)"),
        ("6.", ">30-50", "C (Kurang)"),
        ("7.", ">0-30", "D (Sangat Kurang)"),
    ]:
        t.row(list(r))
    t.sumber("Sumber Data: Permen PAN dan RB Nomor 88 Tahun 2021")


SUMBER_LHE = "Sumber Data: Laporan Hasil Evaluasi (LHE) AKIP Tahun 2024 oleh Inspektorat"


def tabel_3_7(wb):
    t = TableSheet(
        wb, "Tabel 3.7", "Tabel 3.7", "Capaian Nilai AKIP Kecamatan Sei Balai Tahun 2024", [6, 32, 14, 9, 12, 12, 13]
    )
    t.header([["No.", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Persentase Capaian"]])
    t.colnums(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"])
    t.row(
        [
            "1.",
            "Meningkatnya Akuntabilitas Keuangan dan Kinerja Perangkat Daerah",
            "Nilai AKIP",
            "Nilai",
            "BB (71,00)",
            "BB (72,62)",
            "102,28%",
        ]
    )
    t.sumber(SUMBER_LHE)


def tabel_3_8(wb):
    t = TableSheet(
        wb,
        "Tabel 3.8",
        "Tabel 3.8",
        "Hasil Aspek Penilaian Evaluasi AKIP Kec. Sei Balai Tahun 2024",
        [6, 26, 11, 11, 13],
    )
    t.header(
        [["No.", "Aspek Penilaian", "2024", "", ""], ["", "", "Target", "Realisasi", "Persentase"]],
        merges=[(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 5)],
    )
    for no, aspek, tgt, real, pct in [
        ("1.", "Perencanaan Kinerja", 23.50, 24.39, 1.0379),
        ("2.", "Pengukuran Kinerja", 20.23, 20.96, 1.0361),
        ("3.", "Pelaporan Kinerja", 11.40, 11.40, 1.0),
        ("4.", "Evaluasi Internal", 15.87, 15.87, 1.0),
    ]:
        t.row([no, aspek, N(tgt, F_DEC2), N(real, F_DEC2), N(pct, F_PCT)])
    t.total("Total", [N(71.00, F_DEC2), N(72.62, F_DEC2), N(1.0228, F_PCT)])
    t.total("Kategori", ["BB", "BB", N(1, F_PCT0)])
    t.sumber(SUMBER_LHE)


def tabel_3_9(wb):
    t = TableSheet(
        wb,
        "Tabel 3.9",
        "Tabel 3.9",
        "Perbandingan Capaian Kinerja Tahun sebelumnya dan beberapa Tahun terakhir",
        [5, 24, 11, 11, 11, 11, 11, 10, 11, 11, 10],
    )
    t.header(
        [
            [
                "No",
                "Indikator Kinerja sesuai Tugas dan Fungsi",
                "Target Indikator",
                "Capaian 2021",
                "Capaian 2022",
                "2023",
                "",
                "",
                "2024",
                "",
                "",
            ],
            ["", "", "", "", "", "Target", "Realisasi", "% Capaian", "Target", "Realisasi", "% Capaian"],
        ],
        merges=[(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 2, 4), (1, 5, 2, 5), (1, 6, 1, 8), (1, 9, 1, 11)],
    )
    # Printed with (4) and (5) missing: 10 labels for 11 columns.
    t.colnums(["(1)", "(2)", "(3)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)"])
    t.row(["1", IND_IKM, "90,00", "77,98", "90,10", "85,00", "80,50", "94,71%", "85,00", "75,35", "88,65%"])
    t.row(
        [
            "2",
            "Nilai AKIP",
            "BB (73,00)",
            "BB (70,07)",
            "BB (72,16)",
            "BB (75,00)",
            "BB (70,15)",
            "93,53%",
            "BB (71,00)",
            "BB  (72,62)",
            "102,28%",
        ]
    )
    t.sumber("Sumber: Aplikasi SI SUKMA Kec. Sei Balai dan Inspektorat Kabupaten Batu Bara")


def _renstra_table(wb, sheet, label, title, ind, values, sumber, pct_label):
    t = TableSheet(wb, sheet, label, title, [18, 9, 11, 11, 11, 11, 9, 9, 11, 9, 9])
    t.header(
        [
            ["Indikator Kinerja", "Satuan", "Target", "", "", "Realisasi", "", "", pct_label, "", ""],
            ["", "", "2024", "2025", "2026", "2024", "2025", "2026", "2024", "2025", "2026"],
        ],
        merges=[(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 5), (1, 6, 1, 8), (1, 9, 1, 11)],
    )
    t.colnums([f"({i})" for i in range(1, 12)])
    t.row([ind, "Nilai"] + values)
    t.sumber(sumber)


def tabel_3_10(wb):
    _renstra_table(
        wb,
        "Tabel 3.10",
        "Tabel. 3.10",
        "Capaian Nilai IKM Kecamatan Sei Balai Tahun 2024-2026",
        IND_IKM,
        ["85,00", "87,50", "90,00", "75,35", "-", "-", "88,65%", "-", "-"],
        "Sumber: Aplikasi SI SUKMA Kec. Sei Balai Tahun 2024",
        "Persentase Capaian Kinerja",
    )


def tabel_3_11(wb):
    _renstra_table(
        wb,
        "Tabel 3.11",
        "Tabel. 3.11",
        "Capaian Nilai AKIP Kecamatan Sei Balai Tahun 2024-2026",
        "Nilai AKIP",
        ["BB (71,00)", "BB (72,00)", "BB (73,00)", "BB (72,62)", "-", "-", "102,28%", "-", "-"],
        SUMBER_LHE,
        "Persentase Capaian Kinerja",
    )


def tabel_3_12(wb):
    t = TableSheet(
        wb,
        "Tabel 3.12",
        "Tabel 3.12",
        "Perbandingan Target dan Realisasi Kecamatan Sei Balai dan Kecamatan Datuk Tanah Datar",
        [6, 22, 20, 11, 11, 11, 11],
    )
    t.header(
        [
            ["No.", "Kecamatan", "Indikator Kinerja", "Target", "", "Realisasi", ""],
            ["", "", "", "2023", "2024", "2023", "2024"],
        ],
        merges=[(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 1, 5), (1, 6, 1, 7)],
    )
    r1 = t.row(["1.", "Kecamatan Sei Balai", "Indeks Kepuasan Masyarkat", "85,00", "85,00", "80,50", "75,35"])
    r2 = t.row(["", "Datuk Tanah Datar", "", "82,00", "83,00", "83,20", "98,20"])
    t.merge(r1, 1, r2, 1)
    t.merge(r1, 3, r2, 3)
    r3 = t.row(["2.", "Kecamatan Sei Balai", "Nilai AKIP", "BB (75,00)", "BB (71,00)", "BB (70,15)", "BB (72,62)"])
    r4 = t.row(["", "Datuk Tanah Datar", "", "78,01", "71", "70,05", "75,50"])
    t.merge(r3, 1, r4, 1)
    t.merge(r3, 3, r4, 3)
    t.sumber("Sumber: Bagian Progran Kecamatan Sei Balai dan Kecamatan Datuk Tanah Datar")


def tabel_3_13(wb):
    t = TableSheet(
        wb,
        "Tabel 3.13",
        "Tabel 3.13",
        "Analisis Keberhasilan, Kegagalan dan Solusi",
        [5, 26, 18, 9, 10, 10, 30, 28, 30],
    )
    t.header(
        [
            [
                "No",
                "Sasaran",
                "Indikator Kinerja",
                "Target",
                "Realisasi",
                "% Capaian",
                "Faktor Pendukung Keberhasilan",
                "Faktor Penghambat",
                "Solusi yang dilakukan",
            ]
        ]
    )
    t.row(
        [
            "1.",
            "Meningkatnya Kepuasan Masyarakat terhadap Pelayanan Publik",
            IND_IKM,
            "85,00",
            "75,35",
            "88,65",
            "- Memiliki team work yang solid, - Memiliki SDM dengan semangat "
            "dan tanggung jawab dalam bekerja - Adanya inovasi pelayanan "
            "“program one man one village”",
            "- Pembagian tugas yang kurang jelas - Sarana dan Prasarana yang belum memadai, - Jumlah SDM yang kurang",
            "- Pengadaan sarana dan prasarana - Menambahkan jumlah pegawai yang "
            "ada di kecamatan guna memberikan pelayanan prima kepada masyarakat",
        ]
    )
    # "Perangkat Daerah" is printed twice in the source.
    t.row(
        [
            "2.",
            "Meningkatkan Akuntabilitas Perangkat Daerah Perangkat Daerah",
            "Nilai AKIP",
            "71,00 (BB)",
            "72,62 (BB)",
            "102,28",
            "",
            "",
            "",
        ]
    )


def tabel_3_14(wb):
    t = TableSheet(
        wb,
        "Tabel 3.14",
        "Tabel 3.14",
        "Analisis efisiensi penggunaan sumber daya Kec. Sei Balai Tahun 2024",
        [5, 32, 24, 12, 13, 12],
    )
    t.header(
        [["No", "Sasaran", "Indikator Kinerja", "% Capaian Kinerja", "% Penyerapan Anggaran", "Tingkat Efisiensi (%)"]]
    )
    t.row(["1.", SAS_IKM, IND_IKM, "88,65", "98,94", "-10,29"])
    t.row(
        [
            "2.",
            "Meningkatnya Akuntabilitas keuangan dan kinerja Perangkat Daerah",
            "Nilai AKIP",
            "102,28",
            "95,07",
            "7,21",
        ]
    )


TABEL_3_15 = [
    (
        "1",
        "Meningkatnya akuntabilitas keuangan dan kinerja Perangkat Daerah",
        "Nilai AKIP",
        "95,07",
        [
            ("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN / KOTA", "Nilai AKIP"),
            (
                "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                "Persentase Tersusunnya Dokumen Perencanaan Perangkat Daerah",
            ),
            (
                "Administrasi Keuangan Perangkat Daerah",
                "Persentase Pemenuhan Kebutuhan Administrasi Keuangan Perangkat Daerah",
            ),
            ("Administrasi Kepegawaian Perangkat Daerah", "Persentase Kepatuhan Sumber Daya Aparatur"),
            (
                "Administrasi umum Perangkat Daerah",
                "Persentase Pemenuhan Kebutuhan Kegiatan Administrasi Umum Perangkat Daerah",
            ),
            (
                "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
                "Persentase Pemenuhan Kebutuhan Barang Milik Daerah Untuk Urusan Kecamatan",
            ),
            (
                "Pengadaan Jasa Penunjang Urusan Pemerintahan Daerah",
                "Persentase Pemenuhan Kebutuhan Jasa Penunjang Urusan Pemerintahan Daerah",
            ),
            (
                "Pemeliharaann Barang Milik Daerah penunjang Urusan pemerintahan Daerah",
                "Persentase Barang Milik Daerah yang terpelihara",
            ),
        ],
    ),
    (
        "2",
        SAS_IKM,
        "Nilai Indeks Kepuasan Masyarakat (IKM)",
        "98,94",
        [
            (
                "2. PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
                "Persentase Kepuasan Masyarakat terhadap Pelayanan Kecamatan",
            ),
            (
                "Penyelenggaran Urusan Pemerintah yang tidak Dilaksanakan oleh Unit "
                "Kerja Perangkat Daerah yang ada di Kecamatan",
                "Indeks Kepuasan Masyarakat",
            ),
            ("3. PROGRAM PEMBERDAYAAN DESA DAN KELURAHAN", "Persentase Partisipasi Masyarakat/ Desa dalam Pembangunan"),
            ("Koordinasi Kegiatan Pemberdayaan Desa", "Persentase Masyarakat Desa yang diberdayakan"),
            (
                "Pemberdayaan dan Kesejahteraan Keluarga Tingkat Kecamatan dan Kelurahan",
                "Persentase Masyarakat Desa yang diberdayakan",
            ),
            ("4.PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", "Jumlah Desa yang kondisinya aman dan kondusif"),
            (
                "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
                "Jumlah Gangguan Ketenteraman dan Ketertiban Umum yang diselesaikan",
            ),
            (
                "5. PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
                "Persentase Partisipasi Masyarakat/Desa dalam Pembangunan",
            ),
            (
                "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah",
                "Jumlah Masyarakat/Desa yang ikut dalam Kegiatan Kecamatan yang dilimpahkan oleh Kepala Daerah",
            ),
            (
                "6. PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
                "PERSENTASE PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
            ),
            (
                "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
                "Persentase Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
            ),
        ],
    ),
]


def tabel_3_15(wb):
    t = TableSheet(
        wb,
        "Tabel 3.15",
        "Tabel 3.15",
        "Analisis Program dan Kegiatan yang Menunjang Keberhasilan atau Kegagalan Pencapaian Kinerja",
        [5, 24, 20, 10, 40, 40, 10, 14],
    )
    t.header(
        [
            [
                "NO",
                "SASARAN STRATEGIS",
                "INDIKATOR SASARAN",
                "% Capaian",
                "PROGRAM DAN KEGIATAN",
                "INDIKATOR KEGIATAN",
                "% Capaian",
                "Menunjang/ Tidak Menunjang",
            ]
        ]
    )
    for no, sas, ind, pct, kegiatan in TABEL_3_15:
        first = None
        for i, (keg, ind_keg) in enumerate(kegiatan):
            lead = [no, sas, ind, pct] if i == 0 else ["", "", "", ""]
            r = t.row(lead + [keg, ind_keg, "100", "Menunjang"])
            first = first or r
        for c in range(1, 5):
            t.merge(first, c, r, c)


def tabel_3_16(wb):
    t = TableSheet(
        wb, "Tabel 3.16", "Tabel. 3.16", "Penyerapan Anggaran Kecamatan Sei Balai Tahun 2024", [6, 38, 18, 18, 14]
    )
    t.header([["No.", "Uraian Belanja", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase (%)"]])
    for r in _belanja_rows(True):
        t.row(r)
    t.total("T O T A L", [N(2960780030, F_INT), N(2823094761, F_INT), N(95.35, F_PCTSIGN)])
    t.sumber("Sumber: Laporan  Realisasi Anggaran Pendapatan dan Belanja Daerah Kec. Sei Balai per 31 Desember 2024")


def tabel_3_17(wb):
    t = TableSheet(
        wb, "Tabel 3.17", "Tabel 3.17", "Realisasi Anggaran Program Kecamatan Sei Balai Tahun 2024", [6, 48, 18, 18, 14]
    )
    t.header([["No.", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase (%)"]])
    data = [
        (2746175328, 2610761561, N(95.07, F_DEC2)),
        (3001612, 2930000, N(97.61, F_DEC2)),
        (69850000, 68535700, N(98.12, F_DEC2)),
        (16100000, 16100000, "100.00"),  # printed with a decimal point: text
        (119653090, 118767500, N(99.26, F_DEC2)),
        (6000000, 6000000, N(100.00, F_DEC2)),
    ]
    for i, (p, (a, r, pct)) in enumerate(zip(PROGRAMS, data), start=1):
        t.row([f"{i}.", p, N(a, F_INT), N(r, F_INT), pct])
    t.total("JUMLAH", [N(2960780030, F_INT), N(2823094761, F_INT), N(95.35, F_DEC2)])


TABLES = [
    tabel_1_1,
    tabel_1_2,
    tabel_1_3,
    tabel_2_1,
    tabel_2_2,
    tabel_2_3,
    tabel_2_4,
    tabel_3_1,
    tabel_3_2,
    tabel_3_3,
    tabel_3_4,
    tabel_3_5,
    tabel_3_6,
    tabel_3_7,
    tabel_3_8,
    tabel_3_9,
    tabel_3_10,
    tabel_3_11,
    tabel_3_12,
    tabel_3_13,
    tabel_3_14,
    tabel_3_15,
    tabel_3_16,
    tabel_3_17,
]

# ---------------------------------------------------------------------------
# Narasi: narrative paragraphs with figures, reflowed into one line each,
# typos kept.  Column A = the table (or chapter) the paragraph follows.
# ---------------------------------------------------------------------------

NARASI = [
    (
        "Bab I",
        "Kecamatan Camat Sei Balai adalah salah satu dari 7 kecamatan yang ada di wilayah Kabupaten Batu Bara yang sebelumnya merupakan wilayah Kecamatan Tanjung Tiram Kabupaten Asahan dan sekarang telah memiliki 12 kecamatan setelah pemekaran. Selanjutnya pada tahun 1993 dimekarkan menjadi perwakilan Kecamatan Sei Balai dan pada tanggal 16 Oktober 2000 resmi menjadi Kecamatan Sei Balai Kabupaten Asahan secara defenitif dengan 11 Desa.",
    ),
    (
        "Bab I",
        "Pada saat pemekaran Kabupaten Batu Bara tahun 2006 jumlah desa yang berada di Kecamatan Sei Balai menjadi 8 desa, karena 3 desa masuk ke wilayah Kecamatan Meranti Kabupaten Asahan. Selanjutnya pada tahun 2011 berdasarkan usulan masyarakat desa dan sesuai kriteria dan peraturan perundang-undangan, maka desa-desa yang ada di wilayah Kecamatan Sei Balai dimekarkan menjadi 6 desa, sehingga jumlah desa yang ada di wilayah Kecamatan Sei Balai saat ini menjadi 14 desa. Secara Administratif luas Wilayah Kecamatan Sei Balai adalah 9.286,9 Ha, yang berbatasan dengan:",
    ),
    (
        "Tabel 1.2",
        "Dari Tabel 1.2 di Atas dapat diketahui bahwa Kecamatan Sei Balai Memiliki 119 Dusun dan 8.727 Kepala Keluarga (KK) dengan total jumlah penduduk sebesar 30.336 jiwa yang terdiri dari 15.106 jiwa laki-laki dan 15.232 jiwa perempuan.",
    ),
    (
        "Tabel 1.2",
        "Kecamatan Sei Balai memiliki potensi di bidang pertanian yang apabila diprosentasikan hampir 19,51% dari luas keseluruhan Kecamatan merupakan pertanian dimana menyebar hampir di setiap Desa dan hanya Desa Perkebunan Sei Balai yang tidak memiliki pertanian. Sedangkan sekitar 67,21% dari total keseluruhan luas wilayah Kecamatan merupakan Perkebunan dimana hampir sekitar 64% merupakan milik PTPN dan hanya sekitar 3% milik pribadi. Sementara itu, luas perumahan berkisar 13,28% dengan luas sekitar 1.232,90 ha. Adapun Potensi Kecamatan Sei Balai dapat dilihat pada tabel berikut:",
    ),
    (
        "Tabel 2.2",
        "Dari tabel 2.2 Perjanjian Kinerja di atas dapat diketahui bahwa ada 2 (dua) Sasaran Strategi yang ingin dicapai dengan mengunakan 2 (dua) Indikator Kinerja Utama  dengan penjabaran sebagai berikut:",
    ),
    (
        "Tabel 2.2",
        "1. Meningkatnya Kepuasan Masyarakat terhadap pelayanan publik Kecamatan dengan Indikator Kinerja Utamanya “Nilai Indeks Kepuasan Masyarakat (IKM)” yang ditargetkan memperoleh Nilai 85,00.",
    ),
    (
        "Tabel 2.2",
        "2. Meningkatnya Akuntabilitas Kinerja Dan Keuangan Kecamatan dengan Indikator Kinerja Utamanya “Nilai Evaluasi AKIP Kecamatan” yang ditargetkan memperoleh nilai BB atau (71,00).",
    ),
    (
        "Tabel 3.2",
        "Berdasarkan Tabel 3.2 di atas dapat diketahui bahwa pada tahun 2024, pencapaian kinerja pelayanan untuk tahun 2024 dapat dirincikan sebagai berikut:",
    ),
    (
        "Tabel 3.2",
        "a. Pada Indikator Indeks Kepuasan Masyarakat (IKM) pada tahun 2024 Kantor Camat Sei memperoleh nilai 75,35 dimana target awalnya adalah sebesar 85,00. Pada indikator Kinerja pertama ini Kantor Camat Sei Balai memperoleh nilai 75,35 dimana selisih antara target dan realisasi mencapai angka 9,65 dan apabila diprosentasekan capaian kinerja tahun 2024 adalah sebesar 88,65%.",
    ),
    (
        "Tabel 3.2",
        "b. Sementara pada Indikator Nilai evaluasi AKIP Kecamatan untuk tahun 2024 Kecamatan Sei Balai  memperoleh Nilai BB (72,62) dimana target awalnya juga BB (71,00) sehingga apabila diprosentasikan pada Indikator Nilai evaluasi AKIP Kecamatan ini, Kecamatan Sei Balai mencapai target 102,28%.",
    ),
    (
        "Tabel 3.3",
        "Dari tabel 3.3 di atas dapat diperoleh gambaran bahwa unsur pelayanan terkait biaya/tarif pelayanan memperoleh nilai tertinggi yakni: 3,99. Hal ini dikarenakan memang tidak ada pelayanan yang ada di Kecamatan Sei Balai yang dikenakan biaya atau tarif pelayanan alias gratis.",
    ),
    (
        "Tabel 3.3",
        "Sedangkan unsur pelayanan terkait Penanganan Pengaduan dan Saran memperoleh nilai terendah, yakni 2,03. Hal ini disebabkan karena ada beberapa kejadian yang tidak tertangani dengan baik di level kecamatan sehingga muncul ke permukaan atau permasalahannya naik ke tingkat kabupaten.",
    ),
    (
        "Tabel 3.4",
        "Survey Kepuasan Masyarakat terhadap pelayanan publik Kecamatan Sei Balai dilakukan dengan cara meminta masyarakat yang datang untuk mengisi aplikasi Survey Kepuasan Masyarakat yang telah disediakan dengan dibantu oleh operator Survey. Adapun jumlah masyarakat yang mengisi aplikasi Survey Kepuasan Masyarakat pada tahun 2024 adalah sebanyak 97 responden. Survey dilaksanakan mulai Bulan Januari dan berakhir pada Bulan Desember 2024. Hasil dari Survey Kepuasan Masyarakat ini menjadi nilai acuan sasaran pertama, yakni: Sasaran Meningkatkan Kepuasan Masyarakat terhadap Pelayanan Publik.",
    ),
    (
        "Tabel 3.5",
        "Berdasarkan Tabel 3.4 di atas dapat diketahui bahwa pencapaian kinerja pelayanan untuk tahun 2024 dapat dirincikan sebagai berikut:",
    ),
    (
        "Tabel 3.5",
        "a. Pada tahun 2024, Target awal Sasaran Meningkatnya Kepuasan Masyarakat terhadap pelayanan publik Kecamatan dengan indikator Nilai Indeks Kepuasan Masyarakat (IKM) adalah sebesar 85,00.",
    ),
    (
        "Tabel 3.5",
        "b. Realitanya pada tahun 2024, Kecamatan Sei Balai hanya memperoleh nilai Indeks Kepuasan Masyarakat (IKM) sebesar 75,35.",
    ),
    (
        "Tabel 3.5",
        "c. Capaian Kinerja untuk indikator Indeks Kepuasan Masyarakat (IKM) Kecamatan Sei Balai tahun 2024 termasuk pada kategori “Kurang Baik”.",
    ),
    (
        "Tabel 3.5",
        "d. Prosentase capaian kinerja dengan membandingkan antara realisasi terhadap target capaian Kecamatan Sei  Balai  tahun 2024 memperoleh angka sebesar 88,65%, dimana selisih antara target dan realisasi mencapai angka 9,65.",
    ),
    ("Tabel 3.7", "Berdasarkan tabel 3.7 sebelumnya dapat diperoleh gambaran sebagai berikut:"),
    (
        "Tabel 3.7",
        "1. Target Awal Capaian Kinerja Meningkatkan Akuntabilitas Keuangan dan Kinerja Perangkat Daerah dengan indikator Nilai AKIP adalah BB dengan angka 71,00;",
    ),
    (
        "Tabel 3.7",
        "2. Capaian Kinerja Meningkatkan Akuntabilitas Keuangan dan Kinerja Perangkat Daerah dengan indikator Nilai AKIP, Kecamatan Sei Balai mendapatkan nilai BB dengan angka 72,62;",
    ),
    (
        "Tabel 3.7",
        "3. Prosentase Capaian Kinerja antara Target dan Realisasi Kecamatan Sei Balai Tahun 2024 adalah 1012,28% dimana selisih antara target dan realisasi 4,85.",
    ),
    (
        "Tabel 3.8",
        "Dari Hasil AKIP Kecamatan Sei Balai Tahun 2024 yang ditampilkan di atas dapat dilihat bahwa semua aspek penilaian memenuhi target 100% bahkan 2 diantaranya melebihi target yang telah ditetapkan. Adapun aspek penilaian yang mencapai 100%, yakni: Pelaporan Kinerja dimana angka target dan realisasinya sama, sebesar 11,40 dan Evaluasi Internal dimana angka target dan realisasinya sama, yakni 15,87. Sedangkan aspek penilaian yang melebihi target 100%, yakni: Aspek Perencanaan Kinerja sebesar 103,79% dimana angka realisasi 24,39 sementara angka target awal sebesar 23,50 dan Pengukuran Kinerja sebesar 103,61% dimana angka target awal sebesar 20,23 sementara realisasinya sebesar 20,96.",
    ),
    ("Tabel 3.9", "Berdasarkan tabel 3.9 sebelumnya diperoleh gambaran sebagai berikut:"),
    (
        "Tabel 3.9",
        "Pada tahun 2024 dapat dilihat bahwa capaian kinerja indikator Indeks Kepuasan Masyarakat terjadi penurunan dimana target awalnya diperkirakan memperoleh nilai 85,00, namun hanya terealisasi sebesar 75,35 sehingga prosentase yang diperoleh menjadi 88,65% dan nilai Indeks Kepuasan Masyarakat terendah terjadi pada tahun ini. Capaian indikator Indeks Kepuasan Masyarakat terjadi penurunan sebesar 5,15  apabila dibandingkan dengan tahun 2023, sebesar 14,75 apabila dibandingkan dengan tahun 2022 dan 2,63 apabila dibandingkan dengan tahun 2021. Indeks Kepuasan Masyarakat tertinggi terjadi pada tahun 2022 dimana skor perolehannya A dengan nilai mencapai 90,10.",
    ),
    (
        "Tabel 3.9",
        "Berbanding terbalik dengan Indikator Indeks Kepuasan Masyarakat, Capaian kinerja untuk indikator Nilai AKIP tahun 2024 terjadi peningkatan dimana target awal Kecamatan Sei Balai menargetkan 71,00, akan tetapi Kecamatan Sei Balai memperoleh nilai 72,62 sehingga apabila diprosentasikan menjadi 102,28%. Capaian Nilai AKIP tahun 2024 merupakan capaian tertinggi dalam kurun waktu tahun 2021-2024. Capaian Nilai AKIP tahun 2024 terjadi peningkatan sebesar 2,47 apabila dibandingkan dengan tahun 2023, sebesar 0,46 apabila dibandingkan tahun 2022 dan sebesar 2,55 apabila dibandingkan dengan tahun 2021.",
    ),
    (
        "Tabel 3.9",
        "Perolehan nilai untuk kedua indikator pada tahun 2024 akan menjadi patokan untuk melakukan evaluasi dan menentukan target indikator tahun berikutnya atau dengan kata lain, target pada tahun 2025 merupakan hasil pertimbangan setelah melihat perolehan angka capaian tahun 2024.",
    ),
    (
        "Tabel 3.10",
        "Dari tabel 3.10 dapat ditarik kesimpulan bahwa Target nilai indikator Indeks Kepuasan Masyarakat direncanakan akan naik dari tahun ke tahun. Dikarenakan tahun 2024 merupakan tahun awal Renstra 2024-2026 dan ditambah lagi apabila dilihat dari realisasi  nilai pada tahun 2024 yang tidak mencapai target, maka kemungkinan akan ada evaluasi untuk target tahun-tahun selanjutnya.",
    ),
    (
        "Tabel 3.11",
        "Dari tabel 3.11 di atas dapat diperoleh gambaran bahwa Nilai AKIP Kecamatan Sei Balai tahun 2024 telah melebihi target capaian kinerja yang ditetapkan di awal. Pada tahun 2024, meskipun secara kategori antara target dan realisasi sama-sama BB, namun secara angka capaian realisasi melebihi target dimana target awalnya 71,00 dan capaian realisasinya 72,62 sehingga prosentasinya menjadi 102,65%. Sama halnya dengan IKM, Nilai AKIP tahun 2024 merupakan tahun awal Renstra 2024-2026 sehingga tidak ada perbandingan dengan tahun Renstra lainnya dan menjadi patokan untuk mengevaluasi target tahun selanjutnya.",
    ),
    ("Tabel 3.12", "Berdasarkan tabel 3.12 di atas diperoleh gambaran sebagai berikut:"),
    (
        "Tabel 3.12",
        "1. Pada tahun 2023 Kecamatan Sei Balai menargetkan nilai IKM mendapatkan nilai 85,00 dan Kecamatan Datuk Tanah Datar menargetkan nilai IKM mendapatkan nilai 82,00. Namun realitanya, Kecamatan Sei Balai memperoleh nilai 80,50, sementara Kecamatan Datuk Tanah Datar memperoleh nilai 83,20, sehingga Kecamatan Datuk Tanah Datar unggul 2,70 poin. Pada poin ini Kecamatan Sei Balai mengalami penurunan drastis. Hal ini disebabkan karena capaian IKM pada tahun sebelumnya (2022) terlalu tinggi sehingga pada saat penetapan target tahun 2023 harus menyesuaikan dengan realisasi tahun 2022.",
    ),
    (
        "Tabel 3.12",
        "2. Pada tahun 2024 Kecamatan Sei Balai menargetkan nilai IKM mendapatkan nilai 85,00 dan Kecamatan Datuk Tanah Datar menargetkan nilai IKM mendapatkan nilai 83,00. Namun realitanya, Kecamatan Sei Balai memperoleh nilai 75,35, sementara Kecamatan Datuk Tanah Datar memperoleh nilai 98,20, sehingga Kecamatan Datuk Tanah Datar unggul jauh dengan selisih 22,85 poin. Pada poin ini Kecamatan Sei Balai mengalami penurunan drastis. Hal ini disebabkan karena rendahnya penilaian pada unsur penanganan Pengaduan dan saran.",
    ),
    (
        "Tabel 3.12",
        "3. Pada tahun 2023, Kecamatan Sei Balai menarget BB dengan nilai (75,00) untuk perolehan nilai AKIP, sementara Kecamatan Datuk Tanah Datar menargetkan BB dengan nilai (78,01). Adapun realsisasi dari Nilai AKIP Kecamatan Sei Balai adalah BB (70,15), sementara Kecamatan Datuk Tanah Datar memperoleh nilai BB (70,05). Perbandingan antara rencana target dan realisasi untuk tahun 2023 Kecamatan Sei Balai selisih 4,85, sementara Kecamatan Datuk Tanah Datar selisih 7,96 poin. Capaian realisasi Nilai AKIP Kecamatan Sei Balai tahunn 2023 lebih unggul 0,10 poin.",
    ),
    (
        "Tabel 3.12",
        "4. Pada tahun 2024, Kecamatan Sei Balai menarget BB dengan nilai (71,00) untuk perolehan nilai AKIP, sementara Kecamatan Datuk Tanah Datar menargetkan BB dengan nilai (71,00). Adapun realisasi dari Nilai AKIP Kecamatan Sei Balai adalah BB (72,62), sementara Kecamatan Datuk Tanah Datar memperoleh nilai BB (75,50). Capaian realisasi Nilai AKIP Kecamatan Datuk Tanah Datar tahunn 2024 lebih unggul 2,88 poin",
    ),
    (
        "Tabel 3.12",
        "5. Kesimpulannya Kecamatan Sei Balai mengalami penurunan pada Indikator Indeks Kepuasan Masyarakat dan mengalami peningkatan pada indikator Nilai AKIP. Sementara Kecamatan Datuk Tanah Datar mengalami peningkatan di kedua Indikator baik indikator  Indeks Kepuasan Masyarakat maupun indikator Nilai AKIP.",
    ),
    ("Tabel 3.14", "Dari tabel 3.15 di atas dapat ditarik beberapa kesimpulan, yakni:"),
    (
        "Tabel 3.14",
        "Pada tahun 2024 secara umum penyerapan anggaran telah terealisasi secara maksimal dengan tetap mencapai target kegiatan yang telah direncanakan.",
    ),
    (
        "Tabel 3.14",
        "Pada Sasaran 1 penyerapan anggaran sebesar 98,94% dengan efisiensi dalam penggunaan anggaran sebesar -10,29.",
    ),
    (
        "Tabel 3.14",
        "Pada Sasaran 2 penyerapan anggaran sebesar 95,07%, bahkan mampu mewujudkan efisiensi dalam penggunaan anggaran 7,21%.",
    ),
    (
        "Tabel 3.15",
        "Dari tabel 3.15 dapat ditarik kesimpulan bahwa secara umum, seluruh program dan kegiatan pada Tahun 2024 telah dilaksanakan sesuai rencana, target dari masing-masing program dan kegiatan telah tercapai secara maksimal. Hanya target nilai SAKIP yang perlu ditingkatkan, agar target pada akhir masa periode Renstra Kecamatan dapat terpenuhi.",
    ),
    (
        "Tabel 3.15",
        "Adapun Alokasi anggaran belanja dalam rangka untuk menunjang tugas dan fungsi Kecamatan Sei Balai pada Tahun Anggaran 2024 adalah sebesar Rp. 2.960.780.030,00 Adapun target dan realisasi anggaran Kecamatan Sei Balai Tahun Anggaran 2024  dapat diuraikan sebagai berikut:",
    ),
    (
        "Tabel 3.16",
        "Dari tabel 3.6 di atas dapat diperoleh gambaran bahwa penyerapan anggaran pada  Kecamatan Sei Balai untuk tahun anggaran 2024, telah berjalan sesuai dengan harapan dimana rata-rata tingkat penyerapan anggaran sebesar 95,35% atau sebesar Rp. 2.823.094.761,- dari total jumlah Pagu Anggaran tahun 2024 setelah perubahan, yakni sebesar Rp. 2.960.780,030,-, dimana anggaran hanya bersisa sebesar Rp. 137.685.269,-.",
    ),
    (
        "Tabel 3.17",
        "Dari tabel 3.17 di atas dapat diperoleh gambaran bahwa Penyerapan Anggaran Program Kecamatan Sei Balai tahun 2024 semuanya di atas 95% atau apabila dirata-ratakan menjadi 98,34%.",
    ),
    (
        "Bab IV",
        "Pencapaian kinerja sasaran strategis Kecamatan Sei Balai Tahun 2024 pada umumnya menunjukkan capaian kinerja yang cukup baik. Ada 2 sasaran strategis dengan 2 Indikator Kinerja Utama yang telah berhasil mencapai hasil dengan gambaran ringkas sebagai berikut:",
    ),
    (
        "Bab IV",
        "1. Sasaran 1, ”Meningkatkan Kepuasan Masyarakat terhadap pelayanan publik” dengan Indikator Kinerja Utama: Indeks Kepuasan Masyarakat dimana memperoleh nilai 75,35 yang masuk dalam kategori KURANG BAIK  dengan persentase capaian sebesar 88,65%.",
    ),
    (
        "Bab IV",
        "2. Sasaran 2, “Meningkatnya Akuntabilitas Keuangan dan Kinerja Perangkat Daerah” dengan Indikator Kinerja Utama: Nilai AKIP dimana memperoleh nilai BB (72,62) yang masuk dalam kategori SANGAT BAIK dengan persentase capaian sebesar 102,28%.",
    ),
]

INFO = [
    ("Nama Instansi", "Kecamatan Sei Balai"),
    ("Kabupaten", "Batu Bara"),
    ("Tahun", 2024),
    ("Dokumen", "Laporan Kinerja Instansi Pemerintah (LKjIP)"),
]


def build_workbook() -> Workbook:
    wb = Workbook()
    info = wb.active
    info.title = "Info"
    for r, (k, v) in enumerate(INFO, start=1):
        info.cell(row=r, column=1, value=k).font = BOLD
        info.cell(row=r, column=2, value=v)
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 48

    for build in TABLES:
        build(wb)

    ws = wb.create_sheet("Narasi")
    ws["A1"] = "Mengikuti"
    ws["B1"] = "Paragraf"
    ws["A1"].font = BOLD
    ws["B1"].font = BOLD
    for r, (after, text) in enumerate(NARASI, start=2):
        a = ws.cell(row=r, column=1, value=after)
        a.alignment = TOP
        b = ws.cell(row=r, column=2)
        b.value = text
        b.data_type = "s"  # always text, even if it looked like a formula
        b.alignment = WRAP
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 120

    wb.properties.creator = "Kecamatan Sei Balai"
    wb.properties.lastModifiedBy = "Kecamatan Sei Balai"
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
    return wb


def main(argv=None) -> Path:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent / "sei_balai_2024.xlsx"
    wb = build_workbook()
    out.parent.mkdir(parents=True, exist_ok=True)
    save_reproducible(wb, out)
    print(out)
    return out


if __name__ == "__main__":
    main()
