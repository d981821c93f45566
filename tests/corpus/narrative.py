"""Corpus workbooks with a narrative: arithmetic written out in the text."""

from __future__ import annotations

from .book import Case, Sheet, table

T32 = "Tabel 3.2"


def _no_arithmetic_at(*cells: str):
    """The paragraphs whose arithmetic is right: no N807 there (other narrative rules may still speak)."""

    def check(wb, findings):
        assert not [f for f in findings if f.code == "N807" and f.cell in cells]

    return check


def dinas_pertanian_arithmetic() -> Case:
    """ "(12 : 5) x 100% = 240%" is right; "4.125/9.870 = 41,97" is not (41,79)."""
    rows = table(
        "3.2",
        "Capaian Kinerja Dinas Pertanian Tahun 2024",
        [["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"]],
        [[1, "Ketahanan pangan", "Jumlah kelompok tani yang dibina", "Kelompok", "5", "12", "240,00"]],
    )
    narasi = [
        ["Mengikuti", "Paragraf"],
        ["Tabel 3.2", "Capaian pembinaan kelompok tani dihitung (12 : 5) x 100% = 240%."],
        ["Tabel 3.2", "Luas tanam padi 4.125/9.870 = 41,97 persen dari luas baku sawah."],
    ]
    return Case(
        "dinas_pertanian_arithmetic",
        "dinas",
        {T32: Sheet(rows), "Narasi": Sheet(narasi)},
        expect=[("N807", "Narasi", "B3")],
        traps=[(T32, "G5")],
        extra=_no_arithmetic_at("B2"),
    )


def kelurahan_ratio_text() -> Case:
    """A bare ratio "1/3 = 0,33" may be the fraction; "(8 : 10) x 100% = 80%" is right."""
    rows = table(
        "3.2",
        "Capaian Kinerja Kelurahan Tahun 2024",
        [["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"]],
        [[1, "Pelayanan prima", "Persentase layanan selesai tepat waktu", "%", "10", "8", "80,00"]],
    )
    narasi = [
        ["Mengikuti", "Paragraf"],
        ["Tabel 3.2", "Dari 10 layanan, 8 selesai tepat waktu: (8 : 10) x 100% = 80%."],
        ["Tabel 3.2", "Sepertiga pengaduan, 1/3 = 0,33 dari seluruhnya, masuk melalui aplikasi."],
    ]
    return Case(
        "kelurahan_ratio_text",
        "kelurahan",
        {T32: Sheet(rows), "Narasi": Sheet(narasi)},
        expect=[],
        traps=[(T32, "G5")],
        extra=_no_arithmetic_at("B2", "B3"),
    )


CASES = [dinas_pertanian_arithmetic, kelurahan_ratio_text]
