"""Budget exports (SIPD DPPA / LRA): reading, subtotal checks, aggregation, bad input."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from helpers import build_export_samples, load_build_export
from lkj_excel.budget.aggregate import aggregate, jenis_code
from lkj_excel.budget.export import (
    BudgetExport,
    classify_code,
    merge_realisasi,
    normalize_code,
    read_export,
    read_split,
)
from lkj_excel.catalog import all_rules
from lkj_excel.errors import LkjError
from lkj_excel.numerals import format_id
from lkj_excel.read.open import open_workbook
from lkj_excel.rules.base import RULES

ROOT = Path(__file__).resolve().parents[1]
REPORT = "sei_balai_2024_dppa_lra.xlsx"
DPA = "sei_balai_2024_dpa_split.xlsx"
LRA = "sei_balai_2024_lra_split.xlsx"

# The office's real figures (anggaran = DPPA, realisasi): ONE copy, in the builder's seed.
_SEED = load_build_export()
SEED_PROGRAMS = _SEED.PROGRAM_TOTALS
SEED_AKUN = {
    "5.1": (2_935_780_030, 2_798_994_761),
    **{k: v for k, v in _SEED.JENIS_TOTALS.items() if k.startswith("5.1.")},
    "5.2": (25_000_000, 24_100_000),
    **{k: v for k, v in _SEED.JENIS_TOTALS.items() if k.startswith("5.2.")},
}
SEED_TOTAL = _SEED.GRAND_TOTAL


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Freshly built samples, so the tests never depend on stale committed files."""
    return build_export_samples(tmp_path_factory.mktemp("budget_samples"))


@pytest.fixture(scope="module")
def report(samples: Path) -> BudgetExport:
    return read_export(samples / REPORT)


@pytest.fixture(scope="module")
def split(samples: Path) -> BudgetExport:
    return read_split(samples / DPA, samples / LRA)


def _row_of(ws, code: str, col: int = 1) -> int:
    for r in range(1, ws.max_row + 1):
        v = ws.cell(r, col).value
        if isinstance(v, str) and v.strip() == code:
            return r
    raise AssertionError(f"{code} not in sheet {ws.title}")


def _edit(src: Path, dst: Path, edit) -> Path:
    wb = openpyxl.load_workbook(src)
    edit(wb.active)
    wb.save(dst)
    return dst


# --- codes ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "code", "level"),
    [
        ("7.01.01", "7.01.01", "program"),
        ("7.01.01.02.06", "7.01.01.2.06", "kegiatan"),
        (" 7.01.01.2.06.0001 ", "7.01.01.2.06.0001", "sub_kegiatan"),
        ("5.1.02.03.02.0117 ", "5.1.02.03.02.0117", "rekening"),
        ("5.1.02", "5.1.02", "rekening"),
        ("Sub Kegiatan 7.01.02.2.01.0001 Koordinasi", "7.01.02.2.01.0001", "sub_kegiatan"),
        ("7.01.0.00.0.00.36.0000", "7.01.0.00.0.00.36.0000", None),
    ],
)
def test_normalize_and_classify(raw: str, code: str, level: str | None) -> None:
    assert normalize_code(raw) == code
    assert classify_code(code) == level


def test_normalize_code_without_code() -> None:
    assert normalize_code("JUMLAH") is None
    assert normalize_code(None) is None
    assert jenis_code("5.1.02.01.01.0024") == "5.1.02"


# --- the samples -----------------------------------------------------------------
def test_report_reads_clean(report: BudgetExport) -> None:
    assert report.findings == []
    assert report.anggaran_column == "Anggaran Setelah Perubahan"
    assert report.anggaran_header_cell == "D7"
    assert report.realisasi_column == "Realisasi"
    assert (report.government, report.office, report.year) == (
        "PEMERINTAH KABUPATEN BATU BARA",
        "Kecamatan Sei Balai",
        2024,
    )
    lines = report.lines
    assert list(lines.columns) == [
        "program",
        "kegiatan",
        "sub_kegiatan",
        "rekening",
        "uraian",
        "anggaran",
        "realisasi",
        "sheet",
        "row",
        "anggaran_cell",
        "realisasi_cell",
        "sub_kegiatan_nama",
    ]
    assert len(lines) == 70
    # Hygiene: padded kegiatan segment and trailing space are normalised.
    assert "7.01.01.02.06" not in set(lines["kegiatan"])
    assert "5.1.02.03.02.0117" in set(lines["rekening"])
    first = lines.iloc[0]
    assert (first["anggaran_cell"], first["realisasi_cell"]) == ("Realisasi!D13", "Realisasi!E13")


def test_sample_totals_equal_seed(report: BudgetExport) -> None:
    s = aggregate(report)
    assert s.findings == []
    progs = s.programs.set_index("kode")
    for code, (a, r) in SEED_PROGRAMS.items():
        assert (progs.at[code, "anggaran"], progs.at[code, "realisasi"]) == (a, r), code
    assert progs.at["7.01.04", "nama"] == "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM"
    akun = s.jenis.set_index("kode")
    for code, (a, r) in SEED_AKUN.items():
        assert (akun.at[code, "anggaran"], akun.at[code, "realisasi"]) == (a, r), code
    assert list(s.jenis["kode"]) == ["5.1", "5.1.01", "5.1.02", "5.2", "5.2.02"]
    total = s.total.iloc[0]
    assert (total["anggaran"], total["realisasi"]) == SEED_TOTAL
    assert total["sisa"] == SEED_TOTAL[0] - SEED_TOTAL[1]
    assert total["penyerapan"] == pytest.approx(SEED_TOTAL[1] / SEED_TOTAL[0] * 100)


def test_both_layouts_same_aggregation(report: BudgetExport, split: BudgetExport) -> None:
    assert split.findings == []
    assert split.anggaran_column == "Pagu DPPA"
    a, b = aggregate(report), aggregate(split)
    pd.testing.assert_frame_equal(a.programs, b.programs)
    pd.testing.assert_frame_equal(a.jenis, b.jenis)
    pd.testing.assert_frame_equal(a.total, b.total)
    keys = ["program", "kegiatan", "sub_kegiatan", "rekening"]
    left = report.lines.sort_values(keys)[keys + ["anggaran", "realisasi"]].reset_index(drop=True)
    right = split.lines.sort_values(keys)[keys + ["anggaran", "realisasi"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(left, right)


# --- checks ------------------------------------------------------------------------
def test_wrong_subtotal_is_found(samples: Path, tmp_path: Path) -> None:
    def edit(ws) -> None:
        r = _row_of(ws, "7.01.01.2.08")
        ws.cell(r, 4).value = ws.cell(r, 4).value + 1_000_000

    exp = read_export(_edit(samples / REPORT, tmp_path / "bad.xlsx", edit))
    sub = [f for f in exp.findings if f.code == "B001"]
    assert len(sub) == 1
    f = sub[0]
    assert (f.rule, f.severity, f.sheet) == ("budget.subtotal", "error", "Realisasi")
    assert f.cell.startswith("D")
    assert f.expected == "207.000.000" and f.found == "208.000.000"
    assert "7.01.01.2.08" in f.message() and "Setelah Perubahan" in f.message("en")
    # The subtotal is wrong, not the lines: totals are unchanged.
    assert exp.total_anggaran == SEED_TOTAL[0]


def test_wrong_total_row_is_found(samples: Path, tmp_path: Path) -> None:
    def edit(ws) -> None:
        r = _row_of(ws, "JUMLAH")
        ws.cell(r, 5).value = 2_823_094_000

    exp = read_export(_edit(samples / REPORT, tmp_path / "bad.xlsx", edit))
    codes = sorted(f.code for f in exp.findings)
    assert "B002" in codes
    b002 = next(f for f in exp.findings if f.code == "B002")
    assert b002.fix == SEED_TOTAL[1]


def test_altering_one_leaf_changes_its_program_and_jenis_only(
    samples: Path, tmp_path: Path, report: BudgetExport
) -> None:
    def edit(ws) -> None:  # Belanja Tagihan Listrik, program 7.01.01, jenis 5.1.02
        r = _row_of(ws, "5.1.02.02.01.0061")
        ws.cell(r, 4).value += 5_000_000

    changed = read_export(_edit(samples / REPORT, tmp_path / "leaf.xlsx", edit))
    before, after = aggregate(report), aggregate(changed)
    diff_prog = before.programs.loc[before.programs["anggaran"] != after.programs["anggaran"], "kode"]
    assert list(diff_prog) == ["7.01.01"]
    diff_jenis = before.jenis.loc[before.jenis["anggaran"] != after.jenis["anggaran"], "kode"]
    assert list(diff_jenis) == ["5.1", "5.1.02"]  # the jenis and its kelompok
    assert after.total.iloc[0]["anggaran"] == SEED_TOTAL[0] + 5_000_000
    pd.testing.assert_series_equal(before.programs["realisasi"], after.programs["realisasi"])
    # The parents' subtotals and the line's own sisa and % no longer agree.
    codes = {f.code for f in changed.findings}
    assert {"B001", "B002", "B003", "B004"} <= codes


def _merge_with_lra_line_moved(samples: Path, tmp_path: Path) -> BudgetExport:
    """DPA merged with an LRA that lost one line (listrik) and gained one the DPA lacks."""

    def drop_and_add(ws) -> None:
        r = _row_of(ws, "5.1.02.02.01.0061", col=4)
        ws.delete_rows(r)
        ws.append(
            [
                "7.01.02",
                "7.01.02.2.01",
                "7.01.02.2.01.0001",
                "5.1.02.04.01.0001",
                "Belanja Perjalanan Dinas Biasa",
                "250.000",
            ]
        )

    lra = read_export(_edit(samples / LRA, tmp_path / "lra.xlsx", drop_and_add), need_anggaran=False)
    return merge_realisasi(read_export(samples / DPA), lra)


def test_merge_reports_lines_in_one_file_only(samples: Path, tmp_path: Path) -> None:
    merged = _merge_with_lra_line_moved(samples, tmp_path)
    by_code = {f.code: f for f in merged.findings}
    assert set(by_code) == {"B007", "B008"}
    assert by_code["B007"].severity == "error" and by_code["B007"].sheet == "LRA"
    assert "5.1.02.04.01.0001" in by_code["B007"].message()
    assert by_code["B008"].sheet == "DPA" and "5.1.02.02.01.0061" in by_code["B008"].message()
    assert merged.total_realisasi == SEED_TOTAL[1] - 35_112_849 + 250_000


def test_unknown_program_is_info(report: BudgetExport) -> None:
    lines = report.lines.copy()
    lines.loc[0, "program"] = "7.01.09"
    s = aggregate(lines)
    assert [(f.code, f.severity) for f in s.findings] == [("B010", "info")]
    assert "7.01.09" in set(s.programs["kode"])


def test_unknown_jenis_is_info(report: BudgetExport) -> None:
    lines = report.lines.copy()
    lines.loc[0, "rekening"] = "5.9.99.01.01.0001"
    s = aggregate(lines)
    assert [(f.code, f.rule, f.severity, f.found) for f in s.findings] == [("B011", "budget.jenis", "info", "5.9.99")]
    assert "5.9.99" in set(s.jenis["kode"])


def test_line_without_rekening_is_info(report: BudgetExport) -> None:
    lines = report.lines.copy()
    lines.loc[0, "rekening"] = ""
    s = aggregate(lines)
    assert [(f.code, f.rule, f.severity) for f in s.findings] == [("B012", "budget.no_rekening", "info")]
    assert f"{lines.loc[0, 'sheet']}!{s.findings[0].cell}" == lines.loc[0, "anggaran_cell"]


def test_clean_aggregation_has_no_code_findings(report: BudgetExport, split: BudgetExport) -> None:
    # Passing cases of B010-B012: every program, jenis and rekening of the samples is known.
    assert aggregate(report).findings == []
    assert aggregate(split).findings == []


def test_kegiatan_under_wrong_program_is_found(samples: Path, tmp_path: Path) -> None:
    def edit(ws) -> None:
        ws.cell(_row_of(ws, "7.01.01.2.01"), 1).value = "7.01.02.2.01"

    exp = read_export(_edit(samples / REPORT, tmp_path / "parent.xlsx", edit))
    b005 = [f for f in exp.findings if f.code == "B005"]
    assert b005 and (b005[0].rule, b005[0].severity) == ("budget.parent", "error")
    assert (b005[0].found, b005[0].expected) == ("7.01.02.2.01", "7.01.01")
    assert "7.01.02.2.01" in b005[0].message() and "7.01.01" in b005[0].message("en")


def test_unrecognised_code_is_warned(samples: Path, tmp_path: Path) -> None:
    def edit(ws) -> None:
        ws.cell(_row_of(ws, "5.1.02"), 1).value = "7.01.0.00.0.00.36.0000"

    exp = read_export(_edit(samples / REPORT, tmp_path / "code.xlsx", edit))
    assert [(f.code, f.rule, f.severity, f.found) for f in exp.findings] == [
        ("B006", "budget.code", "warning", "7.01.0.00.0.00.36.0000")
    ]
    assert exp.total_anggaran == SEED_TOTAL[0]  # only a subtotal row lost its code


@pytest.mark.parametrize("code", ["B001", "B002", "B003", "B004", "B005", "B006"])
def test_clean_export_has_no_finding(report: BudgetExport, split: BudgetExport, code: str) -> None:
    assert not [f for f in report.findings if f.code == code]
    assert not [f for f in split.findings if f.code == code]


@pytest.mark.parametrize("code", ["B007", "B008", "B009"])
def test_clean_merge_has_no_finding(split: BudgetExport, code: str) -> None:
    assert not [f for f in split.findings if f.code == code]


def test_merge_reports_differing_anggaran(samples: Path) -> None:
    dpa = read_export(samples / DPA)
    lra = read_export(samples / LRA, need_anggaran=False)
    lines = lra.lines.copy()
    key = lines.loc[0, ["program", "kegiatan", "sub_kegiatan", "rekening"]].tolist()
    on_dpa = dpa.lines[(dpa.lines[["program", "kegiatan", "sub_kegiatan", "rekening"]] == key).all(axis=1)]
    budget = float(on_dpa["anggaran"].sum())
    lines.loc[0, "anggaran"] = budget + 1_000_000
    lines.loc[0, "anggaran_cell"] = "LRA!E6"
    merged = merge_realisasi(dpa, dataclasses.replace(lra, lines=lines))
    assert [(f.code, f.rule, f.severity, f.sheet, f.cell) for f in merged.findings] == [
        ("B009", "budget.merge_anggaran", "warning", "LRA", "E6")
    ]
    f = merged.findings[0]
    assert f.expected == format_id(budget) and f.found == format_id(budget + 1_000_000)
    assert merged.total_anggaran == SEED_TOTAL[0]  # the DPA's figure is used


# --- catalog -----------------------------------------------------------------------
EXPORT_RULES = {
    "B001": "budget.subtotal",
    "B002": "budget.total",
    "B003": "budget.sisa",
    "B004": "budget.percent",
    "B005": "budget.parent",
    "B006": "budget.code",
    "B007": "budget.merge_no_dpa",
    "B008": "budget.merge_no_lra",
    "B009": "budget.merge_anggaran",
    "B010": "budget.program",
    "B011": "budget.jenis",
    "B012": "budget.no_rekening",
}


def test_export_codes_are_catalogued() -> None:
    rules = all_rules()
    for code, name in EXPORT_RULES.items():
        r = rules[code]
        assert (r.name, r.family) == (name, "budget"), code
        assert "Fails:" in r.doc and "Passes:" in r.doc, code
        assert r.run(None) == []  # `check` reads no export


def test_findings_carry_their_catalog_name(samples: Path, tmp_path: Path) -> None:
    merged = _merge_with_lra_line_moved(samples, tmp_path)
    lines = merged.lines.copy()
    lines.loc[0, "program"], lines.loc[1, "rekening"], lines.loc[2, "rekening"] = "7.01.09", "5.9.99.01", ""
    found = list(merged.findings) + aggregate(lines).findings
    assert {f.code for f in found} == {"B007", "B008", "B010", "B011", "B012"}
    for f in found:
        assert f.rule == RULES[f.code].name == EXPORT_RULES[f.code]


# --- bad input ---------------------------------------------------------------------
def _raises(path: Path, key: str, *, need_anggaran: bool = True) -> LkjError:
    with pytest.raises(LkjError) as info:
        read_export(path, need_anggaran=need_anggaran)
    assert info.value.key == key, info.value.message()
    return info.value


def test_text_in_amount_column(samples: Path, tmp_path: Path) -> None:
    def edit(ws) -> None:
        ws["E14"] = "sudah dibayar"

    err = _raises(_edit(samples / REPORT, tmp_path / "t.xlsx", edit), "budget.amount_text")
    assert "Realisasi!E14" in str(err) and "Realisasi!E14" in err.message("en")
    assert "sudah dibayar" in str(err)


def test_indonesian_text_amount_is_accepted(samples: Path, tmp_path: Path) -> None:
    def edit(ws) -> None:
        ws["E14"] = "2.350.000"

    exp = read_export(_edit(samples / REPORT, tmp_path / "t.xlsx", edit))
    assert exp.findings == [] and exp.total_realisasi == SEED_TOTAL[1]


def test_no_code_column(samples: Path, tmp_path: Path) -> None:
    def edit(ws) -> None:
        ws["A6"] = None

    err = _raises(_edit(samples / REPORT, tmp_path / "t.xlsx", edit), "budget.no_code")
    assert "Realisasi!A6" in str(err)


def test_no_anggaran_column(samples: Path, tmp_path: Path) -> None:
    def edit(ws) -> None:
        ws["C6"], ws["C7"], ws["D7"] = "Keterangan", "Catatan 1", "Catatan 2"

    err = _raises(_edit(samples / REPORT, tmp_path / "t.xlsx", edit), "budget.no_anggaran")
    assert "Realisasi!A6" in str(err) and "t.xlsx" in str(err)


def test_only_sebelum_perubahan_is_used_and_recorded(samples: Path, tmp_path: Path) -> None:
    def edit(ws) -> None:
        ws.unmerge_cells("C6:D6")
        ws["C6"], ws["C7"], ws["D6"], ws["D7"] = "Anggaran Murni", None, "Keterangan", None
        ws.merge_cells("C6:C7")
        ws.merge_cells("D6:D7")

    exp = read_export(_edit(samples / REPORT, tmp_path / "t.xlsx", edit))
    assert exp.anggaran_column == "Anggaran Murni"
    assert exp.anggaran_header_cell == "C6"  # now a one-row header


def test_sub_kegiatan_without_program(samples: Path, tmp_path: Path) -> None:
    def edit(ws) -> None:
        ws["A9"], ws["A10"] = None, None  # first program and kegiatan rows lose their codes

    err = _raises(_edit(samples / REPORT, tmp_path / "t.xlsx", edit), "budget.orphan")
    assert "Realisasi!A11" in str(err) and "7.01.01.2.01.0001" in str(err)
    assert err.params["level"] == "sub kegiatan"


def test_split_row_without_program(samples: Path, tmp_path: Path) -> None:
    def edit(ws) -> None:
        ws["A6"] = None
        ws["B6"] = None

    err = _raises(_edit(samples / DPA, tmp_path / "t.xlsx", edit), "budget.orphan")
    assert "DPA!C6" in str(err)


def test_no_budget_header(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Catatan"
    wb.active["A1"] = "tidak ada tabel di sini"
    wb.save(tmp_path / "x.xlsx")
    err = _raises(tmp_path / "x.xlsx", "budget.no_header")
    assert "Catatan" in str(err)


def test_missing_sheet(samples: Path) -> None:
    with pytest.raises(LkjError) as info:
        read_export(samples / REPORT, sheet="DPA")
    assert info.value.key == "budget.sheet_missing" and "Realisasi" in str(info.value)


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"junk" * 64, "file.xls"),
        ("renamed.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"junk" * 64, "file.xls"),
        ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"), "file.encrypted"),
        ("broken.xlsx", b"PK\x03\x04" + b"\x00garbage" * 20, "file.corrupt"),
        ("empty.xlsx", b"", "file.corrupt"),
        ("data.csv", b"kode;uraian\n7.01.01;x\n", "file.not_xlsx"),
        ("sheet.ods", b"PK\x03\x04whatever", "file.ods"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, key: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    for call in (lambda: open_workbook(p), lambda: read_export(p)):
        with pytest.raises(LkjError) as info:
            call()
        assert info.value.key == key
        assert name in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LkjError) as info:
        read_export(tmp_path / "nope.xlsx")
    assert info.value.key == "file.missing" and "nope.xlsx" in str(info.value)


@pytest.mark.parametrize(
    ("name", "member", "text", "key"),
    [
        ("doc.xlsx", "word/document.xml", "<w/>", "file.not_xlsx"),  # a zip that is not a workbook
        ("calc.xlsx", "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "file.ods"),  # ods renamed
    ],
    ids=["zip_that_is_not_a_workbook", "ods_zip_renamed"],
)
def test_zip_that_is_not_an_xlsx(tmp_path: Path, name: str, member: str, text: str, key: str) -> None:
    p = tmp_path / name
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr(member, text)
    with pytest.raises(LkjError) as info:
        open_workbook(p)
    assert info.value.key == key


def test_open_workbook_read_only(samples: Path) -> None:
    wb = open_workbook(samples / REPORT, read_only=True)
    try:
        assert wb.read_only and wb.sheetnames == ["Realisasi"]
    finally:
        wb.close()
