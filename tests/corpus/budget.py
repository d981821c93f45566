"""Corpus workbooks, budget and population tables, each in the manner of another office."""

from __future__ import annotations

from .book import Case, Sheet, table

T317 = "Tabel 3.17"


def badan_keuangan_english() -> Case:
    """English notation throughout, kode rekening numbering (program above kegiatan), one cell typed the Indonesian way."""  # noqa: E501
    rows = table(
        "3.17",
        "Realisasi Anggaran Program BPKAD Tahun 2024",
        [["No", "Program/Kegiatan/Sub Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase (%)", "Sisa (Rp)"]],
        [
            [
                "5.02.01",
                "Program Penunjang Urusan Pemerintahan Daerah",
                "1,500,000,000.00",
                "1,400,000,000.00",
                "93.33",
                "100,000,000.00",
            ],  # noqa: E501
            [
                "5.02.01.1.01",
                "Perencanaan, Penganggaran, dan Evaluasi Kinerja",
                "600,000,000.00",
                "550,000,000.00",
                "91.67",
                "50,000,000.00",
            ],  # noqa: E501
            ["5.02.01.1.02", "Administrasi Keuangan", "800,000,000.00", "750,000,000.00", "93.75", "50,000,000.00"],
            [
                "5.02.02",
                "Program Pengelolaan Keuangan Daerah",
                "2,000,000,000.00",
                "1,800,000,000.00",
                "90.00",
                "200,000,000.00",
            ],  # noqa: E501
            [
                "5.02.02.1.01",
                "Pengelolaan Kas Daerah",
                "1,200,000,000.00",
                "1,100,000,000.00",
                "91,67",
                "100,000,000.00",
            ],
            ["5.02.02.1.02", "Akuntansi dan Pelaporan", "800,000,000.00", "700,000,000.00", "95.00", "100,000,000.00"],
            ["JUMLAH", None, "3,500,000,000.00", "3,200,000,000.00", "91.43", "300,000,000.00"],
        ],
    )

    def extra(wb, findings):
        t = wb.tables["3.17"]
        assert t.notation == "en"
        assert [r.role for r in t.rows[:3]] == ["group", "data", "data"]
        assert t.rows[1].parent == 0
        # What the office reads: its corrections and candidates in its own notation.
        e10 = next(f for f in findings if f.cell == "E10" and f.fix is not None)
        assert e10.expected == "87.50" and "seharusnya 87.50" in e10.message()
        c6 = next(f for f in findings if f.cell == "C6")
        assert "700,000,000.00?" in c6.message() and "700.000.000" not in c6.message()

    return Case(
        "badan_keuangan_english",
        "badan",
        {T317: Sheet(rows)},
        # The Program's own %, sisa and the JUMLAH agree with its 1.500.000.000: one of its kegiatan rows (anggaran
        # and realisasi) is named, nothing corrected; the Program's sum stays flagged at its own cells.
        expect=[
            ("T104", T317, "C5"),
            ("T104", T317, "D5"),
            ("T104|T103", T317, "C6|D6|C7|D7"),
            ("C203", T317, "C10|D10|E10"),
            ("F710", T317, "E9"),
        ],
        traps=[(T317, "E5"), (T317, "E6"), (T317, "E11"), (T317, "C11"), (T317, "A6"), (T317, "F5")],
        extra=extra,
    )


def dinas_sosial_keywords() -> Case:
    """Program > Kegiatan > Sub Kegiatan read from the labels; amounts typed as Excel numbers."""
    rows = table(
        "3.17",
        "Realisasi Anggaran Dinas Sosial Tahun 2024",
        [["No", "Program/Kegiatan/Sub Kegiatan", "Pagu Anggaran", "Realisasi", "%", "Sisa"]],
        [
            [1, "Program Perlindungan dan Jaminan Sosial", 500000000, 480000000, "96,00", 20000000],
            [None, "Kegiatan Pengelolaan Data Fakir Miskin", 300000000, 290000000, "96,67", 10000000],
            [None, "Sub Kegiatan Pendataan Fakir Miskin", 200000000, 195000000, "97,50", 5000000],
            [None, "Sub Kegiatan Verifikasi dan Validasi", 100000000, 95000000, "95,00", 5000000],
            [None, "Kegiatan Pemberian Bantuan Sosial", 200000000, 190000000, "95,00", 10000000],
            [None, "Sub Kegiatan Penyaluran Bantuan Sosial", 210000000, 190000000, "90,48", 20000000],
            ["JUMLAH", None, 500000000, 480000000, "96,00", 20000000],
        ],
    )
    return Case(
        "dinas_sosial_keywords",
        "dinas",
        {T317: Sheet(rows)},
        # The Sub Kegiatan row disagrees with its Kegiatan, which the Program and the JUMLAH confirm: its anggaran
        # 210.000.000 is one digit from 200.000.000, its % and sisa follow; the Kegiatan's sums are explained (info).
        expect=[("T104", T317, "C10"), ("T104", T317, "F10"), ("C203", T317, "E10")],
        traps=[(T317, "C5"), (T317, "C6"), (T317, "E6"), (T317, "C11"), (T317, "C9"), (T317, "F9")],
    )


def kota_lebih_kurang() -> Case:
    """Rp in cells, "Lebih/(Kurang)" header, a negative sisa in brackets, "- " sub-rows."""
    t = "Tabel 3.16"
    rows = table(
        "3.16",
        "Penyerapan Anggaran Bagian Umum Setda Kota Tahun 2024",
        [["No", "Uraian", "Anggaran", "Realisasi", "%", "Lebih/(Kurang)"]],
        [
            [1, "Belanja Operasi", "Rp 2.935.780.030,-", "Rp 2.798.994.761,-", "95,34", "Rp 136.785.269,-"],
            [None, "- Belanja Pegawai", "Rp 2.158.169.574,-", "Rp 2.043.003.211,-", "94,66", "Rp 115.166.363,-"],
            [None, "- Belanja Barang dan Jasa", "Rp 777.610.456,-", "Rp 755.991.550,-", "97,22", "Rp 21.618.906,-"],
            [2, "Belanja Modal", "Rp 548.000.000,-", "Rp 999.393.295,00", "182,37", "(451.393.295,00)"],
            [
                None,
                "- Belanja Modal Peralatan dan Mesin",
                "Rp 548.000.000,-",
                "Rp 999.393.295,00",
                "182,37",
                "(451.393.295,00)",
            ],  # noqa: E501
            ["JUMLAH", None, "Rp 3.483.780.030,-", "Rp 3.798.388.056,-", "109,03", "(341.608.026,00)"],
        ],
    )
    return Case(
        "kota_lebih_kurang",
        "kota",
        {t: Sheet(rows)},
        expect=[("T102|T103", t, "F10")],
        traps=[(t, "F8"), (t, "F9"), (t, "C5"), (t, "E8"), (t, "E10"), (t, "C10")],
    )


def kecamatan_units() -> Case:
    """Population table with units typed after the figures ("4 Dusun", "1.234 KK"); one L+P wrong."""
    t = "Tabel 1.2"
    rows = table(
        "1.2",
        "Jumlah Dusun, KK dan Penduduk Kecamatan Sungai Tarab",
        [["No", "Nama Desa", "Jumlah Dusun", "Jumlah KK", "L", "P", "L+P"]],
        [
            [1, "Sungai Balai", "4 Dusun", "1.234 KK", "2.100", "2.050", "4.150"],
            [2, "Pematang", "3 Dusun", "987 KK", "1.570", "1.447", "3.018"],
            [3, "Suka Maju", "5 Dusun", "1.500 KK", "2.300", "2.200", "4.500"],
            ["J U M L A H", None, "12 Dusun", "3.721 KK", "5.970", "5.697", "11.667"],
        ],
    )
    return Case(
        "kecamatan_units",
        "kecamatan",
        {t: Sheet(rows)},
        expect=[("T101|T103", t, "G6")],
        traps=[(t, "C5"), (t, "D5"), (t, "C8"), (t, "D8"), (t, "E8"), (t, "F8"), (t, "G8")],
    )


def inspektorat_stray_cell() -> Case:
    """A stray figure beside the header row (K4 = 1) must not hide the header and its totals."""
    t = "Tabel 1.2"
    header = ["No", "Nama Desa", "Jumlah Dusun", "Jumlah KK", "L", "P", "L+P", None, None, None, 1]
    rows = table(
        "1.2",
        "Jumlah Penduduk Kecamatan Tanjung Emas",
        [header],
        [
            [1, "Koto Baru", 3, 410, 700, 690, 1390],
            [2, "Koto Tuo", 2, 305, 520, 515, 1035],
            [3, "Padang Laweh", 4, 512, 880, 860, 1740],
            [4, "Rambatan", 3, 388, 640, 655, 1295],
            ["Jumlah", None, 12, 1615, 2750, 2720, 5460],
        ],
    )
    return Case(
        "inspektorat_stray_cell",
        "inspektorat",
        {t: Sheet(rows)},
        expect=[("T101", t, "E9")],
        traps=[(t, "C9"), (t, "D9"), (t, "F9"), (t, "G9"), (t, "K4")],
    )


def perhubungan_unit_row() -> Case:
    """Units in a second header row, two "Realisasi" columns (Rp and %)."""
    rows = table(
        "3.17",
        "Realisasi Anggaran Dinas Perhubungan Tahun 2024",
        [
            ["No", "Program", "Anggaran", "Realisasi", "Realisasi", "Sisa"],
            [None, None, "(Rp)", "(Rp)", "(%)", "(Rp)"],
        ],
        [
            [1, "Program Penyelenggaraan Lalu Lintas", "1.000.000.000", "950.000.000", "95,00", "50.000.000"],
            [2, "Program Pengelolaan Angkutan", "500.000.000", "450.000.000", "92,00", "50.000.000"],
            ["Jumlah", None, "1.500.000.000", "1.400.000.000", "93,33", "100.000.000"],
        ],
    )

    def extra(wb, findings):
        t = wb.tables["3.17"]
        assert t.columns["realisasi"] == "D" and t.columns["persen"] == "E"

    return Case(
        "perhubungan_unit_row",
        "dinas",
        {T317: Sheet(rows)},
        expect=[("C203", T317, "C7|D7|E7")],
        traps=[(T317, "E6"), (T317, "E8"), (T317, "C5"), (T317, "E5")],
        extra=extra,
    )


def kominfo_numbering() -> Case:
    """Codes in the No column ("01", "01.01", "4.1.4.", "a.1"), JUMLAH in the No column: labels, not figures."""
    t = "Tabel 2.4"
    rows = table(
        "2.4",
        "Rencana Anggaran Program Dinas Kominfo Tahun 2024",
        [["No", "Program/Kegiatan", "Pagu Anggaran", "Ket"]],
        [
            ["01", "Program Aplikasi Informatika", "300.000.000", None],
            ["01.01", "Kegiatan Pengelolaan e-Government", "200.000.000", None],
            ["01.02", "Kegiatan Pengelolaan Nama Domain", "100.000.000", None],
            ["4.1.4.", "Program Informasi dan Komunikasi Publik", "150.000.000", None],
            ["a.1", "Kegiatan Pengelolaan Informasi Publik", "150.000.000", "Prioritas"],
            ["JUMLAH", None, "450.000.000", None],
        ],
    )
    return Case(
        "kominfo_numbering",
        "dinas",
        {t: Sheet(rows)},
        expect=[],
        traps=[(t, f"A{r}") for r in range(5, 11)] + [(t, "C5"), (t, "C8"), (t, "C10")],
    )


CASES = [
    badan_keuangan_english,
    dinas_sosial_keywords,
    kota_lebih_kurang,
    kecamatan_units,
    inspektorat_stray_cell,
    perhubungan_unit_row,
    kominfo_numbering,
]
