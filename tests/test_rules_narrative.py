"""Narrative rules N801–N806: paragraphs checked against the tables they discuss."""

from __future__ import annotations

import time

import openpyxl
import pytest

from lkj_excel.narrative.resolve import analyse, classify_paragraphs, counts
from lkj_excel.read.reader import read_workbook
from lkj_excel.rules import Context, load_rules


def _run(wb, code):
    return load_rules()[code].run(Context(wb))


def _result(results, ref, raw):
    hits = [r for r in results if r.paragraph.ref == ref and r.claim.raw == raw]
    assert hits, f"no claim {raw!r} in {ref}"
    return hits[0]


def _para(wb, follows, needle):
    return next(p for p in wb.paragraphs if p.follows == follows and needle in p.text)


# ------------------------------------------------------------------ sample


@pytest.fixture(scope="module")
def analysis(sample_wb):
    return analyse(sample_wb)


def test_sample_contradictions(sample_wb, analysis):
    res = analysis.results
    p37 = _para(sample_wb, "Tabel 3.7", "1012,28%")
    r = _result(res, p37.ref, "1012,28%")
    assert (r.status, r.expected_text, r.edit) == ("contradicted", "102,28%", "inserted digit")
    r = _result(res, p37.ref, "4,85")
    assert (r.status, r.expected_text) == ("contradicted", "1,62")
    p311 = _para(sample_wb, "Tabel 3.11", "102,65%")
    r = _result(res, p311.ref, "102,65%")
    assert (r.status, r.expected_text) == ("contradicted", "102,28%")
    p316 = _para(sample_wb, "Tabel 3.16", "2.960.780,030")
    r = _result(res, p316.ref, "Rp. 2.960.780,030,-")
    assert r.reason == "malformed" and r.replacement == "2.960.780.030"


def test_sample_wrong_totals(sample_wb, analysis):
    p = _para(sample_wb, "Tabel 1.2", "30.336")
    got = {
        r.claim.raw: r.expected_text for r in analysis.results if r.paragraph.ref == p.ref and r.reason == "wrong_total"
    }
    assert got == {"30.336": "30.331 jiwa", "15.106": "15.103 jiwa", "15.232": "15.228 jiwa"}
    fs = _run(sample_wb, "N806")
    assert {f.found for f in fs} == {"30.336", "15.106", "15.232"}
    assert all(f.severity == "warning" for f in fs)
    assert "30.331 jiwa" in fs[0].fix and "15.103 jiwa" in fs[0].fix


def test_sample_table_references(sample_wb):
    fs = _run(sample_wb, "N803")
    got = {(f.found, f.expected) for f in fs}
    assert got == {("Tabel 3.6", "Tabel 3.16"), ("Tabel 3.15", "Tabel 3.14"), ("Tabel 3.4", "Tabel 3.5")}
    f = next(f for f in fs if f.found == "Tabel 3.6")
    assert "digit" in f.message("id") and f.fix.startswith("Dari tabel 3.16 di atas")
    # one paragraph, two corrections: every fix carries both
    assert "Rp. 2.960.780.030,-" in f.fix


VERIFIED = [
    ("Tabel 3.2", "9,65"),
    ("Tabel 3.9", "5,15"),
    ("Tabel 3.9", "14,75"),
    ("Tabel 3.9", "2,63"),
    ("Tabel 3.9", "2,47"),
    ("Tabel 3.9", "0,46"),
    ("Tabel 3.9", "2,55"),
    ("Tabel 3.12", "2,70"),
    ("Tabel 3.12", "22,85"),
    ("Tabel 3.12", "4,85"),
    ("Tabel 3.12", "7,96"),
    ("Tabel 3.12", "0,10"),
    ("Tabel 3.12", "2,88"),
    ("Tabel 3.17", "98,34%"),
    ("Tabel 3.16", "95,35%"),
    ("Tabel 3.16", "Rp. 2.823.094.761,-"),
    ("Tabel 3.16", "Rp. 137.685.269,-"),
    ("Tabel 1.2", "19,51%"),
    ("Tabel 1.2", "67,21%"),
    ("Tabel 1.2", "13,28%"),
    ("Tabel 1.2", "1.232,90"),
    ("Tabel 3.2", "88,65%"),
    ("Tabel 3.3", "3,99"),
    ("Tabel 3.3", "2,03"),
]


@pytest.mark.parametrize(("follows", "raw"), VERIFIED)
def test_sample_verified(analysis, follows, raw):
    hits = [r for r in analysis.results if r.paragraph.follows == follows and r.claim.raw == raw]
    assert hits and all(r.status == "verified" for r in hits), [(r.claim.raw, r.status) for r in hits]


def test_sample_counts_and_rules(sample_wb, analysis):
    c = counts(analysis.results)
    assert c["contradicted"] == 7  # 1012,28% 4,85 102,65% Rp malformed, 3 wrong totals
    assert c["verified"] >= 85 and c["unverifiable"] <= 3
    assert _run(sample_wb, "N804") == []  # every direction statement of the sample is true
    n801 = _run(sample_wb, "N801")
    assert {f.found for f in n801} == {"1012,28%", "4,85", "102,65%"}
    f = next(f for f in n801 if f.found == "4,85")
    assert f.severity == "error" and f.expected == "1,62" and f.related
    assert "102,28% dimana selisih antara target dan realisasi 1,62." in f.fix  # both corrections
    assert [f.found for f in _run(sample_wb, "N802")] == ["Rp. 2.960.780,030,-"]
    assert all(f.severity == "info" for f in _run(sample_wb, "N805"))
    assert len(classify_paragraphs(sample_wb)) == len(analysis.results)


def test_sample_fast(sample_wb):
    t = time.perf_counter()
    analyse(sample_wb)
    assert time.perf_counter() - t < 0.3


def test_messages_both_languages(sample_wb):
    for code in ("N801", "N802", "N803", "N805", "N806"):
        for f in _run(sample_wb, code):
            assert f.message("id") != f.message("en")
            assert "{" not in f.message("id") and "{" not in f.message("en")


# ------------------------------------------- small workbooks, other layouts


def build(path, paragraphs, ikm=(85, 80.15), akip=(72, 74.30)):
    """A "TABEL 3.2" + "Tabel 3.9" + Narasi workbook for 2025, numbers stored as real numbers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "TABEL 3.2"
    ws.append(["Capaian Kinerja Tahun 2025"])
    ws.append([])
    ws.append(["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"])
    for i, (name, (t, r)) in enumerate([("Indeks Kepuasan Masyarakat (IKM)", ikm), ("Nilai AKIP", akip)], 1):
        ws.append([i, f"Sasaran {i}", name, "Nilai", t, r, round(r / t * 100, 2)])
        for col in "EFG":
            ws[f"{col}{ws.max_row}"].number_format = "0.00"
    w9 = wb.create_sheet("Tabel 3.9")
    w9.append(["Perbandingan Capaian Kinerja Tahun 2025"])
    w9.append(
        [
            "No",
            "Indikator Kinerja",
            "Target Renstra",
            "Realisasi 2022",
            "Realisasi 2023",
            "2024",
            None,
            None,
            "2025",
            None,
            None,
        ]
    )
    w9.append([None, None, None, None, None, "Target", "Realisasi", "% Capaian", "Target", "Realisasi", "% Capaian"])
    w9.merge_cells("F2:H2")
    w9.merge_cells("I2:K2")
    for c in "ABCDE":
        w9.merge_cells(f"{c}2:{c}3")
    for row in [
        [1, "Indeks Kepuasan Masyarakat (IKM)", 90, 78.40, 91.20, 85, 82.60, None, ikm[0], ikm[1], None],
        [2, "Nilai AKIP", 75, 68.10, 70.25, 70, 71.05, None, akip[0], akip[1], None],
    ]:
        row[7] = round(row[6] / row[5] * 100, 2)
        row[10] = round(row[9] / row[8] * 100, 2)
        w9.append(row)
        for c in range(3, 12):
            w9.cell(w9.max_row, c).number_format = "0.00"
    wn = wb.create_sheet("Narasi")
    wn.append(["Mengikuti", "Paragraf"])
    for follows, text in paragraphs:
        wn.append([follows, text])
    wb.save(path)
    return read_workbook(path)


def _one(tmp_path, follows, text):
    wb = build(tmp_path / "w.xlsx", [(follows, text)])
    return wb, analyse(wb).results


TYPOS = [
    ("Realisasi IKM tahun ini sebesar 801,15.", "801,15", "inserted digit", "80,15"),
    ("Realisasi IKM tahun ini sebesar 8,15.", "8,15", "dropped digit", "80,15"),
    ("Nilai AKIP yang diperoleh 47,30.", "47,30", "swapped digits", "74,30"),
    ("Nilai AKIP yang diperoleh 74,80.", "74,80", "replaced digit", "74,30"),
    ("Realisasi IKM tahun ini sebesar 801,5.", "801,5", "shifted decimal separator", "80,15"),
]


@pytest.mark.parametrize(("text", "raw", "edit", "expected"), TYPOS)
def test_typo_kinds(tmp_path, text, raw, edit, expected):
    wb, res = _one(tmp_path, "Tabel 3.2", text)
    r = _result(res, "B2", raw)
    assert (r.status, r.edit, r.expected_text) == ("contradicted", edit, expected)
    f = _run(wb, "N801")[0]
    assert f.fix == text.replace(raw, expected) and f.expected == expected


def test_separator_typo_is_malformed(tmp_path):
    wb, _ = _one(tmp_path, "Tabel 3.2", "Realisasi IKM tahun ini sebesar 80.15.")
    fs = _run(wb, "N802")
    assert [(f.found, f.expected, f.severity) for f in fs] == [("80.15", "80,15", "error")]
    assert fs[0].fix == "Realisasi IKM tahun ini sebesar 80,15."


def test_other_phrasings_verified(tmp_path):
    paras = [
        (
            "Tabel 3.2",
            "Selisih realisasi IKM dengan targetnya 4,85 poin, capaian IKM 94,29 dan rata-rata capaian 98,74.",
        ),
        ("Tabel 3.9", "Dibandingkan tahun 2024, nilai IKM turun 2,45 poin; nilai AKIP naik 3,25 poin dibanding 2024."),
        ("Tabel 3.9", "IKM turun 11,05 poin dibanding 2023, rata-rata serapan 98,74 dan capaian AKIP 103,19."),
    ]
    wb = build(tmp_path / "w.xlsx", paras)
    res = analyse(wb).results
    assert res and all(r.status == "verified" for r in res), [(r.claim.raw, r.status) for r in res]
    r = _result(res, "B4", "11,05")
    assert 2023 in r.figure.years and {c.ref[0] for c in r.figure.cells} == {"E", "J"}
    assert _run(wb, "N804") == []


def test_known_quantity_contradicted(tmp_path):
    text = "Capaian Nilai AKIP tahun 2025 adalah 1033,19% dan selisih antara target dan realisasi 7,77."
    wb, res = _one(tmp_path, "Tabel 3.2", text)
    a = _result(res, "B2", "1033,19%")
    b = _result(res, "B2", "7,77")
    assert (a.expected_text, a.edit) == ("103,19%", "inserted digit")
    assert (b.status, b.expected_text) == ("contradicted", "2,30")
    fs = _run(wb, "N801")
    assert all(f.fix == text.replace("1033,19", "103,19").replace("7,77", "2,30") for f in fs)


def test_n801_passes(tmp_path):
    wb, res = _one(
        tmp_path, "Tabel 3.2", "Capaian Nilai AKIP tahun 2025 adalah 103,19% (realisasi 74,30 dari target 72,00)."
    )
    assert _run(wb, "N801") == [] and all(r.status == "verified" for r in res)


def test_n803_fails_and_passes(tmp_path):
    wb = build(
        tmp_path / "w.xlsx",
        [
            ("Tabel 3.9", "Dari Tabel 3.2 di atas dapat dilihat hal berikut."),
            ("Tabel 3.2", "Dari tabel 3.2 di atas terlihat capaian kinerja."),
        ],
    )
    fs = _run(wb, "N803")
    assert [(f.cell, f.found, f.expected) for f in fs] == [("B2", "Tabel 3.2", "Tabel 3.9")]
    assert fs[0].fix == "Dari Tabel 3.9 di atas dapat dilihat hal berikut."


def test_n804_direction(tmp_path):
    wb = build(
        tmp_path / "w.xlsx",
        [
            ("Tabel 3.9", "IKM terjadi peningkatan sebesar 2,45 apabila dibandingkan dengan tahun 2024."),
            ("Tabel 3.9", "Nilai IKM tertinggi terjadi pada tahun 2024 dengan nilai 82,60."),
            ("Tabel 3.9", "Nilai IKM tertinggi terjadi pada tahun 2023 dengan nilai 91,20."),
            ("Tabel 3.9", "IKM terjadi penurunan sebesar 2,45 apabila dibandingkan dengan tahun 2024."),
        ],
    )
    fs = _run(wb, "N804")
    assert sorted((f.cell, f.found) for f in fs) == [("B2", "peningkatan"), ("B3", "tertinggi")]
    assert all(f.severity == "warning" and f.related for f in fs)


def test_n804_all_above(sample_wb, tmp_path):
    # true on the sample; false once one program is below the threshold
    assert not [d for d in analyse(sample_wb).directions if d.kind == "above"]
    wb = build(tmp_path / "w.xlsx", [("Tabel 3.2", "Capaian kedua indikator semuanya di atas 95%.")])
    fs = _run(wb, "N804")
    assert len(fs) == 1 and "94,29" in fs[0].message("id")


def test_n805_fails_and_passes(tmp_path):
    wb, res = _one(tmp_path, "Tabel 3.2", "Sekitar 57,5% lahan belum digarap dan realisasi IKM 80,15.")
    assert [f.found for f in _run(wb, "N805")] == ["57,5%"]
    assert _result(res, "B2", "80,15").status == "verified"


def test_n806_passes_on_right_total(sample_wb, analysis):
    p = _para(sample_wb, "Tabel 1.2", "30.336")
    r = _result(analysis.results, p.ref, "119")
    assert r.status == "verified"
