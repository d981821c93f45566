"""Narrative claims: extraction from real LKjIP paragraphs, typo edits, rounding agreement."""

from __future__ import annotations

import math
import re

import pytest

from helpers import slip
from lkj_excel.narrative.directions import extract_direction_statements
from lkj_excel.narrative.extract import (
    extract_claims,
    extract_table_refs,
)
from lkj_excel.narrative.sentences import KeywordPattern
from lkj_excel.narrative.typo import (
    agrees,
    agrees_interval,
    interval,
    is_typo_of,
    typo_edits,
)

# Paragraphs from /work/shared/seed/lkj_kecamatan_sei_balai_2024.txt, reflowed to one line.
P_3_9 = (
    "Berdasarkan tabel 3.9 sebelumnya diperoleh gambaran sebagai berikut: Pada tahun 2024 dapat "
    "dilihat bahwa capaian kinerja indikator Indeks Kepuasan Masyarakat terjadi penurunan dimana "
    "target awalnya diperkirakan memperoleh nilai 85,00, namun hanya terealisasi sebesar 75,35 "
    "sehingga prosentase yang diperoleh menjadi 88,65% dan nilai Indeks Kepuasan Masyarakat "
    "terendah terjadi pada tahun ini. Capaian indikator Indeks Kepuasan Masyarakat terjadi "
    "penurunan sebesar 5,15  apabila dibandingkan dengan tahun 2023, sebesar 14,75 apabila "
    "dibandingkan dengan tahun 2022 dan 2,63 apabila dibandingkan dengan tahun 2021. Indeks "
    "Kepuasan Masyarakat tertinggi terjadi pada tahun 2022 dimana skor perolehannya A dengan "
    "nilai mencapai 90,10. Berbanding terbalik dengan Indikator Indeks Kepuasan Masyarakat, "
    "Capaian kinerja untuk indikator Nilai AKIP tahun 2024 terjadi peningkatan dimana target "
    "awal Kecamatan Sei Balai menargetkan 71,00, akan tetapi Kecamatan Sei Balai memperoleh "
    "nilai 72,62 sehingga apabila diprosentasikan menjadi 102,28%. Capaian Nilai AKIP tahun "
    "2024 merupakan capaian tertinggi dalam kurun waktu tahun 2021-2024. Capaian Nilai AKIP "
    "tahun 2024 terjadi peningkatan sebesar 2,47 apabila dibandingkan dengan tahun 2023, "
    "sebesar 0,46 apabila dibandingkan tahun 2022 dan sebesar 2,55 apabila dibandingkan dengan "
    "tahun 2021."
)
P_3_2 = (
    "Berdasarkan Tabel 3.2 di atas dapat diketahui bahwa pada tahun 2024, pencapaian kinerja "
    "pelayanan untuk tahun 2024 dapat dirincikan sebagai berikut: a. Pada Indikator Indeks "
    "Kepuasan Masyarakat (IKM) pada tahun 2024 Kantor Camat Sei memperoleh nilai 75,35 dimana "
    "target awalnya adalah sebesar 85,00. Pada indikator Kinerja pertama ini Kantor Camat Sei "
    "Balai memperoleh nilai 75,35 dimana selisih antara target dan realisasi mencapai angka "
    "9,65 dan apabila diprosentasekan capaian kinerja tahun 2024 adalah sebesar 88,65%. b. "
    "Sementara pada Indikator Nilai evaluasi AKIP Kecamatan untuk tahun 2024 Kecamatan Sei "
    "Balai  memperoleh Nilai BB (72,62) dimana target awalnya juga BB (71,00) sehingga apabila "
    "diprosentasikan pada Indikator Nilai evaluasi AKIP Kecamatan ini, Kecamatan Sei Balai "
    "mencapai target 102,28%."
)
P_3_7 = (
    "Berdasarkan tabel 3.7 sebelumnya dapat diperoleh gambaran sebagai berikut: 1. Target Awal "
    "Capaian Kinerja Meningkatkan Akuntabilitas Keuangan dan Kinerja Perangkat Daerah dengan "
    "indikator Nilai AKIP adalah BB dengan angka 71,00; 2. Capaian Kinerja Meningkatkan "
    "Akuntabilitas Keuangan dan Kinerja Perangkat Daerah dengan indikator Nilai AKIP, Kecamatan "
    "Sei Balai mendapatkan nilai BB dengan angka 72,62; 3. Prosentase Capaian Kinerja antara "
    "Target dan Realisasi Kecamatan Sei Balai Tahun 2024 adalah 1012,28% dimana selisih antara "
    "target dan realisasi 4,85."
)
P_3_16 = (
    "Dari tabel 3.6 di atas dapat diperoleh gambaran bahwa penyerapan anggaran pada  Kecamatan "
    "Sei Balai untuk tahun anggaran 2024, telah berjalan sesuai dengan harapan dimana rata-rata "
    "tingkat penyerapan anggaran sebesar 95,35% atau sebesar Rp. 2.823.094.761,- dari total "
    "jumlah Pagu Anggaran tahun 2024 setelah perubahan, yakni sebesar Rp. 2.960.780,030,-, "
    "dimana anggaran hanya bersisa sebesar Rp. 137.685.269,-."
)
P_3_17 = (
    "Dari tabel 3.17 di atas dapat diperoleh gambaran bahwa Penyerapan Anggaran Program "
    "Kecamatan Sei Balai tahun 2024 semuanya di atas 95% atau apabila dirata-ratakan menjadi "
    "98,34%."
)
P_3_12 = (
    "Berdasarkan tabel 3.12 di atas diperoleh gambaran sebagai berikut: 1. Pada tahun 2023 "
    "Kecamatan Sei Balai menargetkan nilai IKM mendapatkan nilai 85,00 dan Kecamatan Datuk "
    "Tanah Datar menargetkan nilai IKM mendapatkan nilai 82,00. Namun realitanya, Kecamatan Sei "
    "Balai memperoleh nilai 80,50, sementara Kecamatan Datuk Tanah Datar memperoleh nilai "
    "83,20, sehingga Kecamatan Datuk Tanah Datar unggul 2,70 poin. Pada poin ini Kecamatan Sei "
    "Balai mengalami penurunan drastis. Hal ini disebabkan karena capaian IKM pada tahun "
    "sebelumnya (2022) terlalu tinggi sehingga pada saat penetapan target tahun 2023 harus "
    "menyesuaikan dengan realisasi tahun 2022."
)
P_3_12_AKIP = (
    "3. Pada tahun 2023, Kecamatan Sei Balai menarget BB dengan nilai (75,00) untuk perolehan "
    "nilai AKIP, sementara Kecamatan Datuk Tanah Datar menargetkan BB dengan nilai (78,01). "
    "Adapun realsisasi dari Nilai AKIP Kecamatan Sei Balai adalah BB (70,15), sementara "
    "Kecamatan Datuk Tanah Datar memperoleh nilai BB (70,05). Perbandingan antara rencana target "
    "dan realisasi untuk tahun 2023 Kecamatan Sei Balai selisih 4,85, sementara Kecamatan Datuk "
    "Tanah Datar selisih 7,96 poin. Capaian realisasi Nilai AKIP Kecamatan Sei Balai tahunn 2023 "
    "lebih unggul 0,10 poin."
)
P_1_2 = (
    "Dari Tabel 1.2 di Atas dapat diketahui bahwa Kecamatan Sei Balai Memiliki 119 Dusun dan "
    "8.727 Kepala Keluarga (KK) dengan total jumlah penduduk sebesar 30.336 jiwa yang terdiri "
    "dari 15.106 jiwa laki-laki dan 15.232 jiwa perempuan. Kecamatan Sei Balai memiliki potensi "
    "di bidang pertanian yang apabila diprosentasikan hampir 19,51% dari luas keseluruhan "
    "Kecamatan merupakan pertanian dimana menyebar hampir di setiap Desa dan hanya Desa "
    "Perkebunan Sei Balai yang tidak memiliki pertanian. Sementara itu, luas perumahan berkisar "
    "13,28% dengan luas sekitar 1.232,90 ha."
)
P_LAW = (
    "Laporan Kinerja ini disusun berdasarkan: 1. Undang-Undang Nomor 28 Tahun 1999 tentang "
    "Penyelenggaraan Negara; 5. Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP; "
    "Keputusan Kepala LAN Nomor 239/IX/618/2003 tentang Perbaikan Pedoman; Peraturan Bupati "
    "Batu Bara Nomor 59 Tahun 2024 Tentang Rincian Tugas, Pasal 14, dokumen Renstra Tahun "
    "2024-2026. Jln. Soejono Humardani Desa Perjuangan Kode Pos 21252  Hal : 25 Telp. (0622) "
    "123456. Kecamatan Sei Balai menerapkan budaya yang dikenal dengan 5 S, yakni Senyum, Sapa, "
    "Salam, Sopan dan Santun, pada tanggal 16 Oktober 2000."
)


def rows(text: str) -> list[tuple]:
    return [(c.raw, c.value, c.decimals, c.unit, c.kind) for c in extract_claims(text)]


def test_paragraph_after_table_3_9() -> None:
    assert rows(P_3_9) == [
        ("85,00", 85.0, 2, None, "value"),
        ("75,35", 75.35, 2, None, "value"),
        ("88,65%", 88.65, 2, "%", "ratio"),
        ("5,15", 5.15, 2, None, "difference"),
        ("14,75", 14.75, 2, None, "difference"),
        ("2,63", 2.63, 2, None, "difference"),
        ("90,10", 90.1, 2, None, "value"),
        ("71,00", 71.0, 2, None, "value"),
        ("72,62", 72.62, 2, None, "value"),
        ("102,28%", 102.28, 2, "%", "ratio"),
        ("2,47", 2.47, 2, None, "difference"),
        ("0,46", 0.46, 2, None, "difference"),
        ("2,55", 2.55, 2, None, "difference"),
    ]
    claims = extract_claims(P_3_9)
    assert [c.year_ref for c in claims if c.kind == "difference"] == [2023, 2022, 2021, 2023, 2022, 2021]
    assert claims[6].letter == "A"
    assert all(c.table_refs[0].table_id == "3.9" for c in claims)
    # Offsets point at the printed number, so it can be replaced in place.
    for c in claims:
        assert P_3_9[c.start : c.end] == c.raw
        assert P_3_9[c.num_start : c.num_end] == c.raw.rstrip("%")


def test_paragraph_after_table_3_2_predikat_letters() -> None:
    assert rows(P_3_2) == [
        ("75,35", 75.35, 2, None, "value"),
        ("85,00", 85.0, 2, None, "value"),
        ("75,35", 75.35, 2, None, "value"),
        ("9,65", 9.65, 2, None, "difference"),
        ("88,65%", 88.65, 2, "%", "ratio"),
        ("72,62", 72.62, 2, None, "value"),
        ("71,00", 71.0, 2, None, "value"),
        ("102,28%", 102.28, 2, "%", "ratio"),
    ]
    claims = extract_claims(P_3_2)
    assert [c.letter for c in claims] == [None] * 5 + ["BB", "BB", None]
    assert claims[3].context_words[:2] == ["antara", "target"]


def test_paragraph_after_table_3_7_keeps_the_typo() -> None:
    assert rows(P_3_7) == [
        ("71,00", 71.0, 2, None, "value"),
        ("72,62", 72.62, 2, None, "value"),
        ("1012,28%", 1012.28, 2, "%", "ratio"),
        ("4,85", 4.85, 2, None, "difference"),
    ]
    claims = extract_claims(P_3_7)
    assert not claims[2].malformed  # well-formed; only the table shows it is a typo
    assert [c.letter for c in claims[:2]] == ["BB", "BB"]
    assert claims[0].table_refs[0].table_id == "3.7"


def test_paragraph_after_table_3_16_malformed_rupiah() -> None:
    assert rows(P_3_16) == [
        ("95,35%", 95.35, 2, "%", "average"),
        ("Rp. 2.823.094.761,-", 2823094761.0, 0, "Rp", "value"),
        ("Rp. 2.960.780,030,-", 2960780030.0, 0, "Rp", "sum"),
        ("Rp. 137.685.269,-", 137685269.0, 0, "Rp", "difference"),
    ]
    pagu = extract_claims(P_3_16)[2]
    assert pagu.malformed
    assert pagu.candidates == [(2960780030.0, 0), (2960780.03, 3)]
    assert P_3_16[pagu.num_start : pagu.num_end] == "2.960.780,030"
    # "tabel 3.6 di atas" is a typo for 3.16; deictic lets the caller use the neighbour.
    ref = pagu.table_refs[0]
    assert (ref.table_id, ref.deictic, ref.position) == ("3.6", True, "before")


def test_paragraph_after_table_3_17_average_and_threshold() -> None:
    assert rows(P_3_17) == [
        ("95%", 95.0, 0, "%", "ratio"),
        ("98,34%", 98.34, 2, "%", "average"),
    ]
    (above,) = extract_direction_statements(P_3_17)
    assert (above.kind, above.figure, above.figure_unit) == ("above", 95.0, "%")
    assert above.subject == "Penyerapan Anggaran Program"
    assert above.claim_indices[0] == 0


def test_paragraph_after_table_3_12_comparison_between_kecamatan() -> None:
    assert rows(P_3_12) == [
        ("85,00", 85.0, 2, None, "value"),
        ("82,00", 82.0, 2, None, "value"),
        ("80,50", 80.5, 2, None, "value"),
        ("83,20", 83.2, 2, None, "value"),
        ("2,70", 2.7, 2, "poin", "difference"),
    ]
    assert rows(P_3_12_AKIP) == [
        ("75,00", 75.0, 2, None, "value"),
        ("78,01", 78.01, 2, None, "value"),
        ("70,15", 70.15, 2, None, "value"),
        ("70,05", 70.05, 2, None, "value"),
        ("4,85", 4.85, 2, None, "difference"),
        ("7,96", 7.96, 2, "poin", "difference"),
        ("0,10", 0.1, 2, "poin", "difference"),
    ]
    assert [c.letter for c in extract_claims(P_3_12_AKIP)][:4] == ["BB"] * 4
    dirs = extract_direction_statements(P_3_12_AKIP)
    assert [(d.kind, d.subject) for d in dirs] == [("ahead", "Kecamatan Sei Balai")]


def test_paragraph_after_table_1_2_counts_and_shares() -> None:
    assert rows(P_1_2) == [
        ("119", 119.0, 0, "Dusun", "count"),
        ("8.727", 8727.0, 0, "Kepala Keluarga", "count"),
        ("30.336", 30336.0, 0, "jiwa", "sum"),
        ("15.106", 15106.0, 0, "jiwa", "count"),
        ("15.232", 15232.0, 0, "jiwa", "count"),
        ("19,51%", 19.51, 2, "%", "share"),
        ("13,28%", 13.28, 2, "%", "ratio"),
        ("1.232,90", 1232.9, 2, "Ha", "value"),
    ]


def test_non_claims_are_skipped() -> None:
    assert rows(P_LAW) == []
    kinds = {c.raw: c.kind for c in extract_claims(P_LAW, include_non_claims=True)}
    assert kinds["28"] == "reference-number"
    assert kinds["1999"] == "year"
    assert kinds["59"] == "reference-number"
    assert kinds["21252"] == "reference-number"
    assert kinds["1"] == "ordinal"


def test_spelled_counts_are_counts() -> None:
    text = "dipimpin seorang Camat dengan membawahi 1 (satu) Sekretaris, 3 (tiga) Seksi dan survei 120 responden"
    assert rows(text) == [
        ("1", 1.0, 0, "Sekretaris", "count"),
        ("3", 3.0, 0, "Seksi", "count"),
        ("120", 120.0, 0, "responden", "count"),
    ]


# Phrasings not in the seed: other word order, no "%", "poin", relative years.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Realisasi IKM 75,35 turun 5,15 poin dibanding 2023.",
            [("75,35", 75.35, 2, None, "value"), ("5,15", 5.15, 2, "poin", "difference")],
        ),
        ("Adapun rata-rata penyerapan 98,34 pada tahun 2024.", [("98,34", 98.34, 2, None, "average")]),
        (
            "Nilai AKIP naik sebesar 2,47 poin dari tahun sebelumnya menjadi 72,62.",
            [("2,47", 2.47, 2, "poin", "difference"), ("72,62", 72.62, 2, None, "value")],
        ),
        ("Persentase capaian IKM sebesar 88,65 dengan kategori C.", [("88,65", 88.65, 2, None, "ratio")]),
        ("IKM meningkat menjadi 80,50 pada tahun 2023.", [("80,50", 80.5, 2, None, "value")]),
        (
            "Nilai AKIP BB 71 dan predikat 72,62 (BB).",
            [("71", 71.0, 0, None, "value"), ("72,62", 72.62, 2, None, "value")],
        ),
        ("Penyerapan Program Koordinasi sebesar 100.00 persen.", [("100.00", 100.0, 2, "%", "ratio")]),
        ("Efisiensi anggaran sebesar -10,29.", [("-10,29", -10.29, 2, None, "value")]),
        ("Total anggaran sebesar Rp 2.960.780.030,00.", [("Rp 2.960.780.030,00", 2960780030.0, 2, "Rp", "sum")]),
        ("Sekitar 67,21% dari total keseluruhan luas wilayah.", [("67,21%", 67.21, 2, "%", "share")]),
    ],
)
def test_other_phrasings(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


def test_other_phrasings_details() -> None:
    c = extract_claims("Realisasi IKM 75,35 turun 5,15 poin dibanding 2023.")
    assert c[1].year_ref == 2023 and c[0].year_ref is None
    c = extract_claims("Nilai AKIP BB 71 dan predikat 72,62 (BB).")
    assert [x.letter for x in c] == ["BB", "BB"]
    (pct,) = extract_claims("Penyerapan Program Koordinasi sebesar 100.00 persen.")
    assert pct.malformed and pct.candidates == [(100.0, 2)]
    c = extract_claims("Dibandingkan dengan tahun 2022, IKM turun sebesar 14,75.")
    assert c[0].year_ref == 2022


def test_table_refs() -> None:
    refs = extract_table_refs("Lihat Tabel. 3.10, tabel 3.3 di atas, tabel berikut ini dan Tabel 3.16 sebelumnya.")
    assert [(r.table_id, r.deictic, r.position) for r in refs] == [
        ("3.10", False, None),
        ("3.3", True, "before"),
        (None, True, "after"),
        ("3.16", True, "before"),
    ]
    assert refs[0].raw == "Tabel. 3.10"


def test_direction_statements() -> None:
    dirs = extract_direction_statements(P_3_9)
    assert [(d.kind, d.subject) for d in dirs] == [
        ("down", "Indeks Kepuasan Masyarakat"),
        ("min", "Indeks Kepuasan Masyarakat"),
        ("down", "Indeks Kepuasan Masyarakat"),
        ("max", "Indeks Kepuasan Masyarakat"),
        ("up", "Nilai AKIP"),
        ("max", "Nilai AKIP"),
        ("up", "Nilai AKIP"),
    ]
    assert dirs[2].claim_indices[0] == 3  # "penurunan sebesar 5,15"
    assert dirs[6].claim_indices[0] == 10  # "peningkatan sebesar 2,47"

    text = (
        "Dari tabel 3.3 di atas unsur pelayanan terkait biaya/tarif pelayanan memperoleh nilai "
        "tertinggi yakni: 3,99. IKM berada di bawah target 85,00 sehingga tidak mencapai target, "
        "sedangkan Nilai AKIP melebihi target. Realisasi IKM 75,35 turun 5,15 poin dibanding 2023."
    )
    dirs = extract_direction_statements(text)
    got = [(d.kind, d.subject, d.figure) for d in dirs]
    assert got == [
        ("max", "biaya/tarif pelayanan", None),
        ("below", "IKM", 85.0),
        ("not-met", "IKM", None),
        ("exceeded", "Nilai AKIP", None),
        ("down", "IKM", None),
    ]
    assert dirs[-1].claim_indices[0] == 3  # the 5,15 after "turun"


# ------------------------------------------------------------------- typos


@pytest.mark.parametrize(
    ("printed", "candidate", "decimals", "edit"),
    [
        ("1012,28", 102.28, 2, "inserted digit"),
        ("1012,28%", 102.28, 2, "inserted digit"),
        ("10,28", 102.28, 2, "dropped digit"),
        ("102,8", 102.28, 2, "dropped digit"),
        ("102,82", 102.28, 2, "swapped digits"),
        ("120,28", 102.28, 2, "swapped digits"),
        ("102,29", 102.28, 2, "replaced digit"),
        ("10228", 102.28, 2, "shifted decimal separator"),
        ("1022,8", 102.28, 2, "shifted decimal separator"),
        ("2.960.780,030", 2960780030, 0, "separator typo"),
        ("Rp. 2.960.780,030,-", 2960780030, 0, "separator typo"),
        ("100.00", 100.0, 2, "separator typo"),
    ],
)
def test_typo_edits(printed: str, candidate: float, decimals: int, edit: str) -> None:
    assert typo_edits(printed, candidate, decimals) == [edit]
    assert is_typo_of(printed, candidate, decimals)


@pytest.mark.parametrize(
    ("printed", "candidate", "decimals"),
    [
        ("102,65", 102.28, 2),  # two digits differ: a different figure, not a slip
        ("75,35", 75.35, 2),  # equal
        ("2960780030", 2960780030, 0),  # grouping left out is not a typo
        ("88,65", 75.35, 2),
        ("1012,28", 10.28, 2),
    ],
)
def test_not_typos(printed: str, candidate: float, decimals: int) -> None:
    assert typo_edits(printed, candidate, decimals) == []
    assert not is_typo_of(printed, candidate, decimals)


def test_interval_and_agreement() -> None:
    lo, hi = interval(88.65, 2)
    assert lo == pytest.approx(88.645) and hi == pytest.approx(88.655)
    assert agrees(88.65, 2, 75.35 / 85.00 * 100)  # 88.647...
    assert not agrees(88.64, 2, 75.35 / 85.00 * 100)
    assert agrees(102.28, 2, 72.62 / 71.00 * 100)  # 102.2816...
    assert not agrees(102.65, 2, 72.62 / 71.00 * 100)
    # Exact halves round up although the float sits just below them.
    assert 1.005 * 100 < 100.5 and round(1.005, 2) == 1.0
    assert agrees(88.65, 2, 88.645)
    assert agrees(1.01, 2, 1.005)
    assert agrees(-10.29, 2, -10.285)
    assert agrees(95.35, 2, 2823094761 / 2960780030 * 100)
    assert agrees(2960780030, 0, 2960780029.5)
    assert not agrees(2960780030, 0, 2960780029.4)
    assert agrees(98, 0, 98.34)


def test_agrees_interval() -> None:
    assert agrees_interval(98.34, 2, 98.33, 98.336)  # overlaps [98.335, 98.345]
    assert not agrees_interval(98.34, 2, 98.20, 98.30)
    assert agrees_interval(98.34, 2, 98.35, 98.345)  # bounds in either order


def test_tail_patterns_find_what_their_regex_finds():
    """The end-anchored keyword patterns skip the regex only where it cannot match."""
    import itertools

    from lkj_excel.narrative import extract as x

    heads = ["", "di ", "Pada ", "bahwa ", "x"]
    words = ["nomor", "No.", "pasal", "Halaman", "kode pos", "Telp", "WA", "sasaran", "ke", "level", "nomor urut"]
    words += ["Januari", "desember", "Rp", "IDR", "Rp.", "poſ", "\u212aode pos", "rupiah"]
    tails = ["", " ", ".", " : (", "\u00a0", " -", "\t.", ".(", "x", "1"]
    patterns = [x._REFERENCE_BEFORE_RE, x._ORDINAL_WORD_RE, x._MONTH_BEFORE_RE]
    found = 0
    for h, w, t1, t2 in itertools.product(heads, words, tails, tails):
        s = h + w + t1 + t2
        for p in patterns:
            a, b = p.search(s), p.rx.search(s)
            assert (a and a.span()) == (b and b.span()), (s, p.rx.pattern)
            found += b is not None
    assert found > 100  # the strings do exercise matches


def test_tail_spaces_are_every_regex_space():
    import sys

    from lkj_excel.narrative.sentences import SPACES

    regex_spaces = {c for c in map(chr, range(sys.maxunicode + 1)) if re.match(r"\s", c)}
    assert regex_spaces == set(SPACES)


def test_slip_search_names_the_slip_typo_edits_names():
    """The digit-string search of `SlipIndex` agrees with `typo_edits` figure by figure, in table order."""
    from lkj_excel.narrative.extract import extract_claims
    from lkj_excel.narrative.slips import SlipIndex
    from lkj_excel.narrative.tables import Figure

    values = [(80.15, 2), (2960780030.0, 0), (102.28, 2), (9286.9, 1), (1570.0, 0), (0.5, 2), (88.65, 2), (31.0, 0)]
    values += [(80.51, 2), (1075.0, 0), (2960708030.0, 0), (88.6, 1), (-9826.9, 1), (float("nan"), 0), (12.5, 1)]
    figs = [Figure(v, v, v, d, "value", None, "3.2", (), "realisasi") for v, d in values]
    index = SlipIndex({"3.2": figs}, lambda k, u, cls: u is None)
    hits = 0
    printed_figures = ["801,15", "Rp. 2.960.780,030,-", "10228", "1022,8", "9.826,9", "1.507", "88,56%", "0,05", "13"]
    for text in [*printed_figures, "21,5"]:  # 21,5: two integer digits swapped
        claim = extract_claims(f"Nilainya {text} tahun ini.")[0]
        printed = claim.raw
        got = index.search(printed, ["3.2"], "value", None, lambda f: True)
        want = [
            (f, e[0]) for f in figs if math.isfinite(f.value) and (e := typo_edits(printed, abs(f.value), f.decimals))
        ]
        want = [(f, e) for f, e in want if not (e == "replaced digit" and len(re.sub(r"\D", "", printed)) < 4)]
        if len(re.sub(r"\D", "", printed)) < 3:
            want = []
        assert got == want, text
        hits += len(got)
    assert hits >= 9  # slips were found (801,15, 10228, 88,56%, 9.826,9, 21,5 ...)
    every = index.search("801,15", ["3.2"], "value", None, lambda f: True)
    assert [(f.value, e) for f, e in every] == [(80.15, "inserted digit")]
    assert index.search("801,15", ["3.2"], "value", None, lambda f: f.value != 80.15) == []  # not accepted
    assert index.search("801,15", ["3.2"], "value", "%", lambda f: True) == []  # no fitting class


def test_one_edit_names_what_trying_every_position_names():
    """`one_edit` tries each edit at the first difference only; the same as trying every position."""
    import itertools

    from lkj_excel.narrative.typo import one_edit

    def every_position(p: str, c: str) -> str | None:
        if p == c:
            return None
        if len(p) == len(c) + 1 and any(p[:i] + p[i + 1 :] == c for i in range(len(p))):
            return "inserted digit"
        if len(p) + 1 == len(c) and any(c[:i] + c[i + 1 :] == p for i in range(len(c))):
            return "dropped digit"
        if len(p) == len(c):
            diff = [i for i in range(len(p)) if p[i] != c[i]]
            if len(diff) == 1:
                return "replaced digit"
            if len(diff) == 2 and diff[1] == diff[0] + 1 and p[diff[0]] == c[diff[1]] and p[diff[1]] == c[diff[0]]:
                return "swapped digits"
        return None

    words = ["".join(t) for n in range(0, 5) for t in itertools.product("012", repeat=n)]
    named = 0
    for p, c in itertools.product(words, words):
        want = every_position(p, c)
        assert one_edit(p, c) == want, (p, c)
        named += want is not None
    assert named > 1000


def test_figure_digits_are_the_digits_of_the_printed_figure():
    """The plain format the slip search uses gives the digits of the Indonesian one, rounding included."""
    from lkj_excel.narrative.slips import figure_digits
    from lkj_excel.narrative.typo import digits_of_split, split_figure

    values = [0.0, 0.004, 0.005, 0.5, 0.9995, 9.995, 9.9949, 10.0, 88.645, 99.995, 100.0, 1570.0, 2960780030.0]
    values += [123456789.125, 1e15, 0.0001, 31.0, 1234.5]
    for v in values:
        for d in (0, 1, 2, 3, -1):
            split = split_figure(v, d)
            assert split is not None
            assert figure_digits(v, d) == digits_of_split(split), (v, d)


def test_slip_search_finds_what_comparing_with_every_figure_finds():
    """Many printed figures against many table figures (seeded): the digit-string search and its cheap
    filters keep exactly the figures `typo_edits` names a slip of."""
    import random

    from lkj_excel.narrative.slips import SlipIndex
    from lkj_excel.narrative.tables import Figure
    from lkj_excel.numerals import format_id

    rng = random.Random(20)
    figs = []
    for _ in range(300):
        d = rng.choice([0, 0, 1, 2, 3])
        v = round(rng.choice([rng.uniform(0, 2), rng.uniform(0, 120), rng.uniform(0, 1e5), rng.uniform(1e6, 1e10)]), d)
        figs.append(Figure(v, v, v, d, "value", None, "3.2", (), "realisasi"))
    index = SlipIndex({"3.2": figs}, lambda k, u, cls: True)
    named = 0
    for n in range(400):
        f = rng.choice(figs)
        # a slip of a real figure (replace, drop, double or swap one digit), or any figure
        printed = (
            slip(format_id(f.value, f.decimals), rng)
            if n % 3
            else format_id(rng.uniform(0, 1e5), rng.choice([0, 1, 2]))
        )
        got = index.search(printed, ["3.2"], "value", None, lambda f: True)
        nd = len(re.sub(r"\D", "", printed))
        want = [(g, e[0]) for g in figs if (e := typo_edits(printed, abs(g.value), g.decimals))] if nd >= 3 else []
        want = [(g, e) for g, e in want if not (e == "replaced digit" and nd < 4)]
        assert got == want, printed
        named += len(got)
    assert named > 100  # the slips made were found


def test_slip_search_after_corrections_reads_the_changed_tables_again():
    """The analysis after the localizer's corrections takes over the typo search's work only for the tables
    whose figures are the very same objects: a corrected table is read again."""
    from lkj_excel.narrative.slips import SlipIndex
    from lkj_excel.narrative.tables import Figure

    def fig(v: float, tid: str) -> Figure:
        return Figure(v, v, v, 2, "value", None, tid, (), "realisasi")

    kept, before_b = [fig(12.5, "3.1"), fig(80.15, "3.1")], [fig(80.15, "3.2")]
    first = SlipIndex({"3.1": kept, "3.2": before_b}, lambda k, u, cls: True)
    found = first.search("801,15", ["3.1", "3.2"], "value", None, lambda f: True)
    assert [(f.table, e) for f, e in found] == [("3.1", "inserted digit"), ("3.2", "inserted digit")]
    corrected = [fig(55.55, "3.2")]  # the localizer changed Tabel 3.2: new figures
    again = SlipIndex({"3.1": list(kept), "3.2": corrected}, lambda k, u, cls: True, first)
    found = again.search("801,15", ["3.1", "3.2"], "value", None, lambda f: True)
    assert [(f.table, f.value, e) for f, e in found] == [("3.1", 80.15, "inserted digit")]
    assert again.search("555,5", ["3.2"], "value", None, lambda f: True) == [
        (corrected[0], "shifted decimal separator")
    ]


# --- Keyword patterns: tried only where a start word occurs, they must find what the plain regex finds ---

_PHRASES = (
    "di atas target",
    "DI ATAS",
    "Di\u00a0bawah",
    "di  mana",
    "dimana",
    "lebih tinggi dari",
    "Lebih Rendah daripada",
    "lebih unggul jauh",
    "melebihi target",
    "melampaui Target",
    "tidak mencapai target",
    "belum sesuai dengan target",
    "target tidak tercapai",
    "target telah tercapai",
    "mencapai target",
    "peningkatan",
    "Meningkat",
    "kenaikan",
    "naik",
    "naiknya",
    "bertambah",
    "penurunan",
    "menurun",
    "turun",
    "berkurang",
    "kurang dari",
    "tertinggi",
    "paling besar",
    "terendah",
    "paling kecil",
    "Tabel 3.16",
    "tabel berikut ini",
    "tbl. 2.1",
    "Gambar 3.6",
    "grafik 2",
    "lampiran 1",
    "bab III",
    "2023-2024",
    "2019 – 2021",
    "1999/2000",
    "12023-2024",
    "rata-rata",
    "rerata",
    "selisih",
    "sisa",
    "bersisa",
    "persentase",
    "prosentasinya",
    "capaian",
    "target capaian",
    "capaian realisasi",
    "jumlah",
    "total",
    "porsi",
    "proporsi",
    "dibandingkan dengan tahun 2022",
    "dari TA 2021",
    "terhadap 2020",
    "Indeks Kepuasan Masyarakat (IKM)",
    "nilai evaluasi SAKIP",
    "AKIP",
    "biaya / tarif pelayanan",
    "penyerapan anggaran program",
    "realisasi anggaran",
    "efisiensi anggaran",
    "unsur pelayanan prosedur",
    "Kecamatan Sei Balai",
    "Kec. Talawi",
    "Desa Suka Ramai",
    "Kabupaten Batu Bara",
    "namun",
    "akan tetapi",
    "sehingga",
    "karena",
    "atau",
    "sebesar 85,00%",
    "75,35",
    "Rp. 2.960.780,-",
    "\n",
    ". ",
    "; ",
)
# Characters a case-insensitive regex folds to ASCII letters although str.lower() does not (lowered() gives None).
_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")


def _keyword_patterns() -> list[tuple[str, KeywordPattern]]:
    from lkj_excel.narrative import context, directions, extract

    found: list[tuple[str, KeywordPattern]] = []
    for mod in (extract, context, directions):
        for name, value in vars(mod).items():
            if isinstance(value, KeywordPattern):
                found.append((name, value))
            elif isinstance(value, list):
                pairs = [v for v in value if isinstance(v, tuple) and len(v) == 2]
                found += [(f"{name}[{k}]", rx) for k, rx in pairs if isinstance(rx, KeywordPattern)]
    return found


def _texts() -> list[str]:
    import random

    rnd = random.Random(20)
    texts = [P_3_9]
    for n in range(400):
        parts = [rnd.choice(_PHRASES) for _ in range(rnd.randint(1, 12))]
        seps = [rnd.choice((" ", "", "  ", "\t", ", ", "-", "x")) for _ in parts]
        text = "".join(p + s for p, s in zip(parts, seps, strict=True))
        if n % 7 == 0:
            i = rnd.randint(0, len(text))
            text = text[:i] + rnd.choice(_ODD) + text[i:]
        texts.append(text)
    return texts


def test_keyword_patterns_find_what_their_regex_finds() -> None:
    from lkj_excel.narrative.context import _splits_word
    from lkj_excel.narrative.sentences import Keywords, lowered

    patterns = _keyword_patterns()
    assert len(patterns) >= 16  # directions, subjects, tables, figures, year ranges, clause breaks
    hits = 0
    for text in _texts():
        low = lowered(text)
        kw = Keywords(text, low)
        n = len(text)
        for name, kp in patterns:
            want = [m.span() for m in kp.rx.finditer(text)]
            hits += len(want)
            assert [m.span() for m in kp.finditer(text, low)] == want, (name, text)
            assert [m.span() for m in kp.matches(text, kw.starts(kp))] == want, (name, text)
            a, b = n // 3, 2 * n // 3  # a window by pos/endpos, and a slice read with the paragraph's starts
            # A window or slice that cuts a word: the paragraph's starts miss a start word that is a whole word of
            # the window only (``context._splits_word``); every position of a start word is right for any.
            starts = kp.starts_in(text if kp.cased else low) if _splits_word(text, a, b) else kw.starts(kp)
            assert [m.span() for m in kp.matches(text, starts, a, b)] == [
                m.span() for m in kp.rx.finditer(text, a, b)
            ], (name, text)
            got = kp.matches(text[a:b], starts, offset=a)
            assert [m.span() for m in got] == [m.span() for m in kp.rx.finditer(text[a:b])], (name, text)
    assert hits > 1000  # the texts do exercise the patterns


def test_keyword_pattern_with_a_missing_start_word_is_caught() -> None:
    """The check above can fail: a pattern whose start words miss one of its alternatives finds less."""
    from lkj_excel.narrative.sentences import lowered

    kp = KeywordPattern(re.compile(r"\b(?:naik|turun)\b", re.IGNORECASE), ("naik",))
    text = "angka turun lalu NAIK"
    assert [m.group() for m in kp.finditer(text, lowered(text))] == ["NAIK"]
    assert [m.group() for m in kp.rx.finditer(text)] == ["turun", "NAIK"]


def test_last_words_of_a_long_context() -> None:
    from lkj_excel.narrative.context import _WORD_RE, _last_words

    for ctx in (
        "a b c d e f g h i j k l m n o p q r s t u v w x y z " * 8,  # many short words in the tail window
        "pada tahun anggaran berjalan kinerja pelayanan publik kecamatan menunjukkan capaian sebesar " * 3,
        "kata-kata/majemuk " * 20,
        "x" * 300 + " capaian sebesar",
        "Capaian Sebesar",
    ):
        # The context as a slice of a longer text whose word runs cross both ends of it.
        text = "awal-" + ctx + "98,5"
        cs, ce = 5, 5 + len(ctx)
        words = _WORD_RE.findall(ctx)
        cut, last = _last_words(text, cs, ce)
        assert last == [w.lower() for w in words[-6:]]
        if len(words) > 10:
            assert cut == cs + [m.start() for m in _WORD_RE.finditer(ctx)][-10]
        else:
            assert cut == cs


def test_abbreviation_before_a_dot_at_a_line_end() -> None:
    from lkj_excel.narrative.sentences import sentence_spans

    # "(\\w+)$" also matches before a final newline: "Kab" then counts as the word before the dot.
    text = "Dana dari Kab\n. Sei Balai meningkat. Rp. 5.000 tercatat. Kabar\n\nbaru. Ada."
    spans = sentence_spans(text)
    assert [text[a:b].strip() for a, b in spans] == [
        "Dana dari Kab\n. Sei Balai meningkat.",
        "Rp. 5.000 tercatat.",
        "Kabar",
        "baru.",
        "Ada.",
    ]


def test_slip_search_by_class_equals_a_scan_of_fitting_figures():
    """Figures of many classes (kinds, units, difference and capaian columns), some recomputed or not finite:
    the search, grouping a table's figures by class, finds what a scan of the fitting printed figures finds,
    in table order."""
    import random

    from lkj_excel.narrative.match import _compatible
    from lkj_excel.narrative.slips import SlipIndex, fig_class
    from lkj_excel.narrative.tables import Figure
    from lkj_excel.numerals import format_id

    rng = random.Random(23)
    kinds = ["value", "sum", "difference", "ratio", "share", "average", "count"]
    units = [None, "%", "Rp", "Ha", "count"]
    columns = ["realisasi", "sisa", "capaian_2024", "target", "selisih"]
    figs = []
    for _ in range(400):
        d = rng.choice([0, 0, 1, 2])
        v = round(rng.choice([rng.uniform(0, 120), rng.uniform(0, 1e5), rng.uniform(1e6, 1e9)]), d)
        v = rng.choice([v, v, v, v, v, v, float("nan"), float("inf")])
        f = Figure(v, v, v, d, rng.choice(kinds), rng.choice(units), "3.2", (), rng.choice(columns))
        f.is_cell = rng.random() < 0.5
        f.recomputed = 1.0 if rng.random() < 0.05 else None
        figs.append(f)
    index = SlipIndex({"3.2": figs}, _compatible)
    named = 0
    for _ in range(300):
        f = rng.choice([g for g in figs if math.isfinite(g.value)])
        printed = format_id(f.value + rng.choice([0, 1, 10, 0.1]), f.decimals)
        kind, unit = rng.choice(kinds), rng.choice(units)
        got = index.search(printed, ["3.2"], kind, unit, lambda f: True)
        nd = len(re.sub(r"\D", "", printed))
        want = [
            (g, e[0])
            for g in figs
            if g.recomputed is None
            and math.isfinite(g.value)
            and _compatible(kind, unit, fig_class(g))
            and (e := typo_edits(printed, abs(g.value), g.decimals))
        ]
        want = [(g, e) for g, e in want if not (e == "replaced digit" and nd < 4)] if nd >= 3 else []
        assert got == want, (printed, kind, unit)
        named += len(got)
    assert named > 20  # slips of fitting figures were found
