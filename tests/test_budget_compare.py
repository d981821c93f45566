"""`lkj-excel anggaran`: the SIPD export summed and held against the LKjIP budget tables."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from helpers import build_export_samples
from lkj_excel.budget.compare import compare_workbook, sasaran_programs
from lkj_excel.budget.export import read_export, read_split
from lkj_excel.cli_anggaran import anggaran
from lkj_excel.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
REPORT = "sei_balai_2024_dppa_lra.xlsx"
DPA = "sei_balai_2024_dpa_split.xlsx"
LRA = "sei_balai_2024_lra_split.xlsx"
BUDGET_CODES = {"B101", "B102", "B103", "B104"}
REALISASI_CELL = re.compile(r"altered\.xlsx:Realisasi!E\d+")
REKENING = re.compile(r"\d\.\d\.\d{2}\.\d{2}\.\d{2}\.\d{4}")


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Freshly built exports, so the tests never depend on stale committed files."""
    return build_export_samples(tmp_path_factory.mktemp("budget_samples"))


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(anggaran, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def run_json(*args: object) -> tuple[int, dict]:
    code, out = run(*args, "--json", "-")
    return code, json.loads(out)


def _column_of(ws, header: str) -> int:
    for row in ws.iter_rows(max_row=12):
        for c in row:
            if isinstance(c.value, str) and c.value.strip() == header:
                return c.column
    raise AssertionError(header)


def _raise_leaf(src: Path, dst: Path, program: str, amount: float) -> tuple[str, str]:
    """Raise the realisasi of the first rekening line of `program` by `amount`; return (sheet, cell)."""
    shutil.copy(src, dst)
    wb = openpyxl.load_workbook(dst)
    ws = wb.active
    col = _column_of(ws, "Realisasi")
    inside = False
    for r in range(1, ws.max_row + 1):
        code = str(ws.cell(r, 1).value or "").strip()
        if re.fullmatch(r"\d\.\d{2}\.\d{2}", code):
            inside = code == program
        elif inside and REKENING.fullmatch(code):
            cell = ws.cell(r, col)
            cell.value = cell.value + amount
            wb.save(dst)
            return ws.title, cell.coordinate
    raise AssertionError(f"no rekening line under {program}")


def _where(findings: list[dict]) -> set[tuple[str, str, str]]:
    return {(f["table"], f["cell"], f["code"]) for f in findings if f["code"] in BUDGET_CODES}


def _cells(wb, table: str, row_id: str | None, *cols: str) -> set[tuple[str, str]]:
    t = wb.tables[table]
    row = t.total_row() if row_id is None else t.row(row_id)
    return {(table, row.cells[c].ref) for c in cols}


# --- catalog -----------------------------------------------------------------------
def test_rules_registered_with_examples() -> None:
    for code in sorted(BUDGET_CODES):
        r = RULES[code]
        assert r.name.startswith("budget.table_")
        assert "Fails:" in r.doc and "Passes:" in r.doc
        assert r.run(None) == []  # `check` has no export: compare_workbook is the entry


# --- (a) the seed agrees with its export -------------------------------------------
def test_seed_tables_agree_with_export(samples: Path, sample_path: Path) -> None:
    code, out = run(samples / REPORT, "--workbook", sample_path)
    assert code == 0, out
    assert "Anggaran Setelah Perubahan" in out
    assert "7.01.03" in out and "98,12%" in out and "Belanja Barang dan Jasa" in out
    assert not re.search(r"\bB10[1-4]\b", out)
    assert "sesuai dengan ekspor" in out


def test_sasaran_programs_from_3_15(sample_wb) -> None:
    blocks = {frozenset(b.indicators): b.programs for b in sasaran_programs(sample_wb.tables["3.15"])}
    assert blocks == {
        frozenset({"akip"}): ["7.01.01"],
        frozenset({"ikm"}): ["7.01.02", "7.01.03", "7.01.04", "7.01.05", "7.01.06"],
    }


# --- (b) one altered leaf line ---------------------------------------------------------
def test_one_leaf_changed_gives_exactly_its_consequences(
    samples: Path, sample_path: Path, sample_wb, tmp_path: Path
) -> None:
    altered = tmp_path / "altered.xlsx"
    sheet, cell = _raise_leaf(samples / REPORT, altered, "7.01.03", 1_000_000)
    code, d = run_json(altered, "--workbook", sample_path)
    assert code == 1
    # The export itself now has wrong subtotals (B001/B002 …) and maybe a pelampauan (B014): not ours here.
    assert {f["code"] for f in d["findings"]} - BUDGET_CODES <= {"B001", "B002", "B003", "B004", "B014"}
    got = {(t, c) for t, c, _ in _where(d["findings"])}
    wb = sample_wb
    want = (
        _cells(wb, "3.17", "7.01.03", "realisasi", "persen")
        | _cells(wb, "3.17", None, "realisasi", "persen")
        | _cells(wb, "3.16", "barang_jasa", "realisasi", "persen")
        | _cells(wb, "3.16", "operasi", "realisasi", "persen")
        | _cells(wb, "3.16", "total", "realisasi", "persen")
        | _cells(wb, "3.14", "ikm", "penyerapan")  # 98,94 -> 99,41 at its 2 printed decimals
    )
    assert got == want
    by_cell = {(f["table"], f["cell"]): f for f in d["findings"] if f["code"] in BUDGET_CODES}
    f = by_cell[("3.17", wb.tables["3.17"].row("7.01.03").cells["realisasi"].ref)]
    assert (f["code"], f["found"], f["expected"], f["fix"]) == ("B102", "68.535.700", "69.535.700", 69_535_700)
    assert f"altered.xlsx:{sheet}!{cell}" in f["related"]
    f = by_cell[("3.17", wb.tables["3.17"].row("7.01.03").cells["persen"].ref)]
    assert (f["code"], f["expected"], f["fix"]) == ("B103", "99,55", 99.55)
    f = by_cell[("3.14", wb.tables["3.14"].row("ikm").cells["penyerapan"].ref)]
    assert (f["code"], f["found"], f["expected"], f["fix"]) == ("B103", "98,94", "99,41", 99.41)
    assert "7.01.03" in f["message"]
    total = by_cell[("3.16", wb.tables["3.16"].row("total").cells["realisasi"].ref)]
    # The JSON lists every export cell behind the figure (the terminal abbreviates).
    assert len(total["related"]) == 70 and not any(r.startswith("…") for r in total["related"])
    assert all(REALISASI_CELL.fullmatch(r) for r in total["related"])


def test_percent_compared_at_printed_precision(samples: Path, sample_wb, tmp_path: Path) -> None:
    """A change that leaves the printed % unchanged flags the rupiah only."""
    altered = tmp_path / "small.xlsx"
    _raise_leaf(samples / REPORT, altered, "7.01.01", 1_000)  # 95,069…% stays 95,07
    found = {(f.table, f.cell, f.code) for f in compare_workbook(sample_wb, read_export(altered))}
    t17 = sample_wb.tables["3.17"]
    assert ("3.17", t17.row("7.01.01").cells["realisasi"].ref, "B102") in found
    assert not any(t == "3.17" and c == t17.row("7.01.01").cells["persen"].ref for t, c, _ in found)
    assert not any(t == "3.14" for t, _, _ in found)


# --- (c) both layouts ----------------------------------------------------------------
def test_both_layouts_same_result(samples: Path, sample_path: Path, sample_wb) -> None:
    assert compare_workbook(sample_wb, read_export(samples / REPORT)) == []
    assert compare_workbook(sample_wb, read_split(samples / DPA, samples / LRA)) == []
    c1, one = run_json(samples / REPORT, "--workbook", sample_path)
    c2, two = run_json(samples / DPA, "--realisasi", samples / LRA, "--workbook", sample_path)
    assert (c1, c2) == (0, 0)
    assert _where(one["findings"]) == _where(two["findings"]) == set()
    for key in ("programs", "jenis", "total"):
        assert one["budget"][key] == two["budget"][key]


# --- (d) JSON ------------------------------------------------------------------------
def test_json_report(samples: Path) -> None:
    code, d = run_json(samples / REPORT)
    assert code == 0
    assert d["summary"] == {"error": 0, "warning": 0, "info": 0}
    b = d["budget"]
    assert b["anggaran_column"] == "Anggaran Setelah Perubahan"
    progs = {p["kode"]: p for p in b["programs"]}
    assert progs["7.01.03"]["anggaran"] == 69_850_000 and progs["7.01.03"]["realisasi"] == 68_535_700
    assert b["total"]["anggaran"] == 2_960_780_030
    assert {j["kode"] for j in b["jenis"]} == {"5.1", "5.1.01", "5.1.02", "5.2", "5.2.02"}


# --- (e) bad input -------------------------------------------------------------------
def test_no_code_column(samples: Path, sample_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "nocode.xlsx"
    wb = openpyxl.load_workbook(samples / REPORT)
    ws = wb.active
    ws.cell(_find_row(ws, "Kode"), 1).value = "Nomor"
    wb.save(bad)
    out = tmp_path / "out.xlsx"
    code, text = run(bad, "--workbook", sample_path, "-o", out)
    assert code == 2
    assert ws.title in text and "kolom kode" in text
    assert not out.exists()


def test_text_in_amount_column(samples: Path, sample_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "text.xlsx"
    shutil.copy(samples / REPORT, bad)
    sheet, cell = _raise_leaf(samples / REPORT, bad, "7.01.02", 0)
    wb = openpyxl.load_workbook(bad)
    wb[sheet][cell].value = "sembilan juta"
    wb.save(bad)
    out = tmp_path / "out.xlsx"
    code, text = run(bad, "--workbook", sample_path, "-o", out)
    assert code == 2
    assert f"{sheet}!{cell}" in text and "sembilan juta" in text
    assert "Traceback" not in text
    assert not out.exists()


def test_output_needs_workbook(samples: Path, tmp_path: Path) -> None:
    code, text = run(samples / REPORT, "-o", tmp_path / "out.xlsx")
    assert code == 2 and "--workbook" in text


def _find_row(ws, text: str) -> int:
    for r in range(1, 20):
        if str(ws.cell(r, 1).value or "").strip() == text:
            return r
    raise AssertionError(text)


# --- (f) corrected workbook ------------------------------------------------------------
def test_output_holds_export_figures(samples: Path, sample_path: Path, sample_wb, tmp_path: Path) -> None:
    pytest.importorskip("lkj_excel.write.corrected")
    from lkj_excel.read.reader import read_workbook

    altered = tmp_path / "altered.xlsx"
    _raise_leaf(samples / REPORT, altered, "7.01.03", 1_000_000)
    out = tmp_path / "lkjip_terkoreksi.xlsx"
    code, text = run(altered, "--workbook", sample_path, "-o", out)
    assert code == 1 and out.exists()
    assert "Buku kerja terkoreksi" in text
    wb = read_workbook(out)
    assert wb.tables["3.17"].row("7.01.03").cells["realisasi"].value == 69_535_700
    assert round(wb.tables["3.17"].row("7.01.03").cells["persen"].value, 2) == 99.55
    assert wb.tables["3.17"].total_row().cells["realisasi"].value == 2_824_094_761
    assert wb.tables["3.16"].row("barang_jasa").cells["realisasi"].value == 756_991_550
    assert round(wb.tables["3.16"].row("total").cells["persen"].value, 2) == 95.38
    assert round(wb.tables["3.14"].row("ikm").cells["penyerapan"].value, 2) == 99.41
    # Nothing left to correct against the export; only blank cells (the standard layout's Sisa column,
    # which the sample lacks) could still be filled from it.
    left = compare_workbook(wb, read_export(altered))
    assert [f for f in left if f.message_key != "budget.cmp_filled"] == []
    assert {(f.severity, f.table, f.cell[0]) for f in left} <= {("info", "3.16", "F"), ("info", "3.17", "F")}
    # An existing output is not overwritten without --force.
    code, text = run(altered, "--workbook", sample_path, "-o", out)
    assert code == 2
    code, _ = run(altered, "--workbook", sample_path, "-o", out, "--force")
    assert code == 1
