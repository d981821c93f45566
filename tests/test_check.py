"""`lkj-excel check` end to end: the sample's known mistakes, a hand-corrected copy, exit codes, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import find_cell
from lkj_excel.check import run_checks
from lkj_excel.cli import main
from lkj_excel.read.reader import read_workbook

# The inconsistencies of the seed's tables (see the closing notes): (code, sheet, cell).
SAMPLE_TABLE_ERRORS = {
    ("T101", "Tabel 1.2", "E21"),  # L total 15.106, rows add up to 15.103
    ("T101", "Tabel 1.2", "F21"),  # P total 15.232 vs 15.228
    ("T101", "Tabel 1.2", "G21"),  # L+P total 30.336 vs 30.331
    ("X601", "Tabel 3.15", "D5"),  # AKIP "% capaian" 95,07 is the penyerapan; Tabel 3.2 says 102,28%
    ("X601", "Tabel 3.15", "D13"),  # IKM 98,94 vs 88,65%
}
SAMPLE_TABLE_WARNINGS = {
    ("X603", "Tabel 1.1", "C7"),  # Mekar Mulio 225 Ha vs 36,6 + 143 + 45,5 = 225,1 Ha in Tabel 1.3
    ("F702", "TABEL 1.3", "A12"),  # the row "Perk. Sei Balai" has no number 7.
    ("F703", "Tabel 3.17", "E8"),  # "100.00" with a decimal point
}


@pytest.fixture(scope="module")
def sample_findings(sample_wb):
    return run_checks(sample_wb)


def _keys(findings, severity):
    return {(f.code, f.sheet, f.cell) for f in findings if f.severity == severity and f.table != "Narasi"}


def test_sample_table_errors_exactly(sample_findings) -> None:
    assert _keys(sample_findings, "error") == SAMPLE_TABLE_ERRORS


def test_sample_table_warnings_found(sample_findings) -> None:
    assert SAMPLE_TABLE_WARNINGS <= _keys(sample_findings, "warning")


def test_consistent_at_printed_precision_not_flagged(sample_findings) -> None:
    # Tabel 3.3: NRR tertimbang 3,01 and IKM 75,35 although 3,01 x 25 = 75,25 -- consistent.
    assert not [f for f in sample_findings if f.sheet == "Tabel 3.3" and f.severity == "error"]
    # Capaian 88,65% = 75,35 / 85,00 and every % penyerapan of 3.16/3.17 hold.
    assert not [f for f in sample_findings if f.code in {"C201", "C203", "S401", "S402"}]


def _correct_by_hand(src: Path, dst: Path) -> Path:
    wb = openpyxl.load_workbook(src)
    ws = wb["Tabel 1.2"]
    total = find_cell(ws, "J u m l a h")
    for col, value in (("E", 15103), ("F", 15228), ("G", 30331)):
        ws[f"{col}{total.row}"] = value
    ws = wb["Tabel 3.15"]
    for c in ws["D"]:
        if c.value == "95,07":
            c.value = "102,28"
        elif c.value == "98,94":
            c.value = "88,65"
    ws = wb["Tabel 3.17"]
    for row in ws.iter_rows():
        for c in row:
            if c.value == "100.00":
                c.value = "100,00"
    ws = wb["Narasi"]
    fixes = {
        "1012,28%": "102,28%",
        "realisasi 4,85": "realisasi 1,62",
        "102,65%": "102,28%",
        "2.960.780,030": "2.960.780.030",
        "tabel 3.6 di atas": "tabel 3.16 di atas",
        "tabel 3.15 di atas": "tabel 3.14 di atas",
        "Tabel 3.4 di atas": "Tabel 3.5 di atas",
        "15.106 jiwa": "15.103 jiwa",
        "15.232 jiwa": "15.228 jiwa",
        "30.336 jiwa": "30.331 jiwa",
    }
    for row in ws.iter_rows(min_col=2, max_col=2):
        c = row[0]
        if isinstance(c.value, str):
            for a, b in fixes.items():
                c.value = c.value.replace(a, b)
    wb.save(dst)
    return dst


def test_hand_corrected_sample_has_no_error(sample_path: Path, tmp_path: Path) -> None:
    wb = read_workbook(_correct_by_hand(sample_path, tmp_path / "benar.xlsx"))
    errors = [f for f in run_checks(wb) if f.severity == "error"]
    assert errors == [], [(f.code, f.sheet, f.cell, f.message()) for f in errors]


def test_exit_codes_and_json(sample_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    report = tmp_path / "r.json"
    res = runner.invoke(main, ["check", str(sample_path), "--no-output", "--json", str(report)])
    assert res.exit_code == 1, res.output
    assert "kesalahan" in res.output and "Tabel 1.2" in res.output
    d = json.loads(report.read_text())
    assert d["tool"] == "lkj-excel" and d["input"] == str(sample_path)
    assert d["summary"]["error"] == sum(1 for f in d["findings"] if f["severity"] == "error") > 0
    f = next(x for x in d["findings"] if x["code"] == "T101")
    assert set(f) >= {"code", "rule", "severity", "sheet", "cell", "found", "expected", "message", "related", "fix"}
    assert (f["found"], f["expected"]) in {("15.106", "15.103"), ("15.232", "15.228"), ("30.336", "30.331")}

    fixed = _correct_by_hand(sample_path, tmp_path / "benar.xlsx")
    res = runner.invoke(main, ["check", str(fixed), "--no-output"])
    assert res.exit_code == 0, res.output

    res = runner.invoke(main, ["check", str(tmp_path / "nope.xlsx"), "--no-output"])
    assert res.exit_code == 2 and "tidak ditemukan" in res.output


def test_english_messages(sample_path: Path) -> None:
    res = CliRunner().invoke(main, ["check", str(sample_path), "--no-output", "--lang", "en"])
    assert res.exit_code == 1
    assert "errors" in res.output and "kesalahan" not in res.output.split("\n")[0]


def test_rules_doc_is_generated(tmp_path: Path) -> None:
    from lkj_excel.catalog import render_markdown
    from lkj_excel.rules import load_rules

    doc = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert doc == render_markdown(), "docs/rules.md is stale: run lkj-excel rules --markdown > docs/rules.md"
    for code, r in load_rules().items():
        assert "Fails" in r.doc and "Passes" in r.doc, f"{code} docstring lacks its examples"


def test_corrected_output_rechecks_without_error(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "terkoreksi.xlsx"
    res = CliRunner().invoke(main, ["check", str(sample_path), "-o", str(out)])
    assert res.exit_code == 1 and out.exists(), res.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Ringkasan" and "Temuan" in book.sheetnames
    wb = read_workbook(out)
    errors = [f for f in run_checks(wb) if f.severity == "error"]
    assert errors == [], [(f.code, f.sheet, f.cell, f.message()) for f in errors]
    # Running again without --force must not overwrite the output.
    res = CliRunner().invoke(main, ["check", str(sample_path), "-o", str(out)])
    assert res.exit_code == 2 and "--force" in res.output


def test_default_output_beside_input(sample_copy: Path) -> None:
    res = CliRunner().invoke(main, ["check", str(sample_copy)])
    assert res.exit_code == 1
    assert (sample_copy.parent / "sample_terkoreksi.xlsx").exists()


@pytest.mark.parametrize("variant_name", ["upper_titled", "dotted_text", "suffix_shifted"])
def test_same_findings_in_other_layouts(sample_path: Path, sample_findings, tmp_path: Path, variant_name: str) -> None:
    from layouts import VARIANTS, rewrite

    variant = next(v for v in VARIANTS if v.name == variant_name)
    wb = read_workbook(rewrite(sample_path, tmp_path / "v.xlsx", variant))

    def key(f):
        return (f.code, f.table, f.severity, f.expected)

    got = sorted(key(f) for f in run_checks(wb) if f.severity == "error")
    want = sorted(key(f) for f in sample_findings if f.severity == "error")
    assert got == want


@pytest.mark.parametrize("variant_name", ["upper_titled", "dotted_text", "suffix_shifted"])
def test_corrected_output_of_other_layouts_rechecks_without_error(
    sample_path: Path, tmp_path: Path, variant_name: str
) -> None:
    from layouts import VARIANTS, rewrite

    variant = next(v for v in VARIANTS if v.name == variant_name)
    src = rewrite(sample_path, tmp_path / "v.xlsx", variant)
    out = tmp_path / "v_out.xlsx"
    res = CliRunner().invoke(main, ["check", str(src), "-o", str(out)])
    assert res.exit_code == 1 and out.exists(), res.output
    wb = read_workbook(out)
    assert "Lampiran" in wb.other_sheets  # the office's extra sheet is kept
    errors = [f for f in run_checks(wb) if f.severity == "error"]
    assert errors == [], [(f.code, f.sheet, f.cell, f.message()) for f in errors]
