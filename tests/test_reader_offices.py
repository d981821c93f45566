"""What offices really type: figures with units, header wording, sheet declarations, report year, inspect."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from corpus.book import Case, Sheet, table, write
from corpus.performance import dinas_pu_content_column, kabupaten_year
from lkj_excel.cli import main
from lkj_excel.numerals import parse_text
from lkj_excel.read.locate import _one_typo
from lkj_excel.read.reader import read_workbook
from lkj_excel.spec import set_overlay, sheets_dir


@pytest.mark.parametrize(
    "text, status, value, unit",
    [
        ("1 Unit", "number", 1.0, "Unit"),
        ("80 Kelompok", "number", 80.0, "Kelompok"),
        ("12 Orang / Bulan", "number", 12.0, "Orang/Bulan"),
        ("Rp65.000.000", "number", 65_000_000.0, "Rp"),
        ("Rp 548.000.000,-", "number", 548_000_000.0, "Rp"),
        ("(451.393.295,00)", "number", -451_393_295.0, None),
        ("- 28,39%", "number", -28.39, "%"),
        ("82 (>100%)", "number", 82.0, None),
        ("1 : 41", "ratio", None, "rasio"),
        ('"', "ditto", None, None),
        ("sda", "ditto", None, None),
        # still not figures: a letter O for a zero, two unit words, a column number in brackets
        ("1.57O", "unparsed", None, None),
        ("8,727 KK jiwa", "unparsed", None, "jiwa"),
        ("(1)", "unparsed", None, None),
    ],
)
def test_figures_as_offices_type_them(text, status, value, unit):
    p = parse_text(text)
    assert (p.status, p.value, p.unit) == (status, value, unit)


@pytest.mark.parametrize(
    "a, b, same",
    [("capaian", "capain", True), ("realisasi", "realisas", True), ("target 2023", "target 2024", False)],
)
def test_one_typo_in_a_header_word(a, b, same):
    assert _one_typo(a, b) is same


def test_inspect_says_how_each_column_was_recognised(tmp_path):
    path = write(dinas_pu_content_column(), tmp_path / "pu.xlsx")
    out = CliRunner().invoke(main, ["inspect", str(path)])
    assert out.exit_code == 0, out.output
    assert "judul: indikator kinerja" in out.output
    assert "capaian" in out.output and "isi: 4 dari 5 baris = realisasi / target × 100" in out.output
    data = json.loads(CliRunner().invoke(main, ["inspect", str(path), "--json", "-"]).output)
    t32 = next(t for t in data["tables"] if t["table"] == "3.2")
    how = {c["column"]: c["how"] for c in t32["recognised"]}
    assert how["capaian"].startswith("isi:") and how["target"].startswith("judul:")


def test_year_from_the_capaian_title_and_from_the_option(tmp_path):
    path = write(kabupaten_year(), tmp_path / "kab.xlsx")
    out = CliRunner().invoke(main, ["inspect", str(path)])
    assert "Tahun: 2020 (judul Tabel 3.2)" in out.output
    out = CliRunner().invoke(main, ["inspect", "--year", "2021", str(path)])
    assert "Tahun: 2021 (--year)" in out.output
    assert read_workbook(path, year=2019).year == 2019


def _renumbered(tmp_path):
    """An office whose capaian table is its "Tabel 3.5" and whose 3.5 looks like the standard one."""
    header = [["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"]]
    rows = table(
        "3.5", "Capaian Kinerja Tahun 2024", header, [[1, "S", "Indeks X", "%", "80,00", "72,00", "95,00", "-"]]
    )
    return write(Case("renumbered", "dinas", {"Tabel 3.5": Sheet(rows)}, []), tmp_path / "renum.xlsx")


def test_sheets_overlay_declares_an_office_variant(tmp_path):
    path = _renumbered(tmp_path)
    assert "3.2" not in read_workbook(path).tables
    overlay = tmp_path / "kab_sheets"
    overlay.mkdir()
    text = (sheets_dir() / "tabel_3_2.toml").read_text(encoding="utf-8")
    (overlay / "tabel_3_2.toml").write_text('numbers = ["3.5"]\n' + text, encoding="utf-8")
    try:
        out = CliRunner().invoke(main, ["check", "--no-output", "--sheets", str(overlay), str(path)])
        assert out.exit_code == 1, out.output  # 72 / 80 = 90,00 %, not 95,00
        assert "C201" in out.output and "Tabel 3.5!G5" in out.output
    finally:
        set_overlay(None)
    assert "3.2" not in read_workbook(path).tables  # the overlay ends with its run


def test_sheets_overlay_errors_are_input_errors(tmp_path):
    path = _renumbered(tmp_path)
    out = CliRunner().invoke(main, ["check", "--no-output", "--sheets", str(tmp_path / "nope"), str(path)])
    assert out.exit_code == 2 and "--sheets" in out.output
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "tabel_3_2.toml").write_text("id = \n", encoding="utf-8")
    try:
        out = CliRunner().invoke(main, ["check", "--no-output", "--sheets", str(bad), str(path)])
    finally:
        set_overlay(None)
    assert out.exit_code == 2 and "tabel_3_2.toml" in out.output


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ('rule = "skm"\n', 'rule = "skm"\nbogus = 1\n', "'bogus'"),  # a key no check knows
        ('id = "nilai"\n', 'id = "nilai"\nmin = "satu"\n', "min"),  # a domain that is no number
    ],
)
def test_sheets_overlay_declaration_errors_name_file_and_key(tmp_path, old, new, named):
    path = _renumbered(tmp_path)
    bad = tmp_path / "bad"
    bad.mkdir()
    text = (sheets_dir() / "tabel_3_3.toml").read_text(encoding="utf-8")
    assert old in text
    (bad / "tabel_3_3.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        out = CliRunner().invoke(main, ["check", "--no-output", "--sheets", str(bad), str(path)])
    finally:
        set_overlay(None)
    assert out.exit_code == 2, out.output
    assert "tabel_3_3.toml" in out.output and named in out.output and "internal" not in out.output.lower()


def test_template_with_overlay(tmp_path):
    overlay = tmp_path / "o"
    shutil.copytree(sheets_dir(), overlay, ignore=shutil.ignore_patterns("tabel_1_*"))
    text = (sheets_dir() / "tabel_1_1.toml").read_text(encoding="utf-8")
    (overlay / "tabel_1_1.toml").write_text(text.replace("Daftar Nama-Nama Desa", "Daftar Nagari"), encoding="utf-8")
    try:
        out = CliRunner().invoke(main, ["template", "--sheets", str(overlay), str(tmp_path / "t.xlsx")])
    finally:
        set_overlay(None)
    assert out.exit_code == 0, out.output
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "t.xlsx")["Tabel 1.1"]
    assert any("Daftar Nagari" in str(c.value) for row in ws.iter_rows(max_row=4) for c in row if c.value)


def test_a_table_read_in_part_is_reported(tmp_path):
    """Two stray figures make the first header row look like data: the table is then read from the
    header repeated after a page break, and the rows above it are reported as not read (F708)."""
    head = ["No", "Nama Desa", "Jumlah Dusun", "Jumlah KK", "L", "P", "L+P"]
    rows = [[i, f"Desa {i}", 2, 100 + i, 200, 210, 410] for i in range(1, 6)]
    sheet = table("1.2", "Jumlah Penduduk", [[*head, None, None, None, 1, 2]], rows + [head] + rows)
    path = write(Case("partial", "kecamatan", {"Tabel 1.2": Sheet(sheet)}, []), tmp_path / "partial.xlsx")
    from lkj_excel.check import run_checks

    wb = read_workbook(path)
    assert wb.tables["1.2"].unread_figure_rows == [4, 5, 6, 7, 8, 9]  # the skipped header holds two
    found = [f for f in run_checks(wb) if f.code == "F708"]
    assert [(f.sheet, f.cell, f.severity) for f in found] == [("Tabel 1.2", "A1", "warning")]
    # the same table with its header found reads every row and says nothing
    sheet = table("1.2", "Jumlah Penduduk", [head], rows)
    whole = write(Case("whole", "kecamatan", {"Tabel 1.2": Sheet(sheet)}, []), tmp_path / "whole.xlsx")
    assert not [f for f in run_checks(read_workbook(whole)) if f.code == "F708"]


def test_units_compared_where_a_figure_appears_twice(tmp_path):
    from lkj_excel.check import run_checks

    ikm = "Indeks Kepuasan Masyarakat"
    pk = table(
        "2.2",
        "Perjanjian Kinerja 2024",
        [["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target"]],
        [[1, "S", ikm, "Nilai", "80 Indeks"], [2, None, "Nilai AKIP", "Nilai", "70 Nilai"]],
    )
    header = [["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"]]

    def book(unit: str):
        t32 = table("3.2", "Capaian Kinerja Tahun 2024", header, [[1, "S", ikm, "Nilai", f"80 {unit}", "80", "100,00"]])
        case = Case(unit, "kecamatan", {"Tabel 2.2": Sheet(pk), "Tabel 3.2": Sheet(t32)}, [])
        return [f for f in run_checks(read_workbook(write(case, tmp_path / f"{unit}.xlsx"))) if f.code == "F711"]

    found = [(f.sheet, f.cell) for f in book("Skor")]
    assert found in ([("Tabel 2.2", "E5")], [("Tabel 3.2", "E5")])
    assert not book("indeks")


def test_realisasi_against_its_target_is_not_a_capaian():
    from lkj_excel.narrative.extract import extract_claims

    claims = extract_claims("Realisasi sebesar 58,3% dari target sebesar 60%, capaian 97,17%.")
    kinds = {c.raw: c.kind for c in claims}
    assert kinds["58,3%"] == "value" and kinds["97,17%"] == "ratio"
    # without the target's figure it is the usual way of stating a capaian
    assert [c.kind for c in extract_claims("Capaian kinerja 97,17% dari target.")] == ["ratio"]


def test_two_capaian_columns_of_one_row_with_different_polarities(tmp_path):
    from lkj_excel.check import run_checks

    header = [
        ["No", "Indikator Kinerja", "Target Akhir RPJMD", "2023", None, None, "2024", None, None],
        [None, None, None, "Target", "Realisasi", "% Capaian", "Target", "Realisasi", "% Capaian"],
    ]
    # 2023: 40 / 50 = 80 % (as if higher were better); 2024: (2 x 40 - 30) / 40 = 125 % (lower is better)
    row = [1, "Jumlah kasus DBD", "30", "50", "40", "80,00", "40", "30", "125,00"]
    rows = table("3.9", "Perbandingan Capaian Kinerja Tahun 2023 dan Tahun 2024", header, [row])
    case = Case("mixed", "dinas", {"Tabel 3.9": Sheet(rows, merges=["D4:F4", "G4:I4"])}, [])
    wb = read_workbook(write(case, tmp_path / "mixed.xlsx"))
    found = {(f.cell, f.message_key) for f in run_checks(wb) if f.code == "C204"}
    assert found == {("F6", "polarity.assumed_positive"), ("I6", "polarity.mixed")}


def test_a_capaian_that_is_the_inverted_ratio(tmp_path):
    from lkj_excel.check import run_checks

    header = [["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"]]
    data = [
        [1, "S", "Persentase desa mandiri", "%", "80,00", "64,00", "125,00"],  # 80 / 64: turned over
        [2, None, "Persentase desa maju", "%", "80,00", "64,00", "80,00"],
    ]
    case = Case("inv", "kecamatan", {"Tabel 3.2": Sheet(table("3.2", "Capaian Kinerja Tahun 2024", header, data))}, [])
    found = [(f.cell, f.message_key) for f in run_checks(read_workbook(write(case, tmp_path / "i.xlsx")))]
    assert ("G5", "polarity.inverted") in found and not [k for c, k in found if c == "G6"]
