"""The reader: every table of the sample found, every seed figure read, other layouts read the same."""

from __future__ import annotations

import json
import math
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from layouts import VARIANTS, rewrite
from lkj_excel.cli import main
from lkj_excel.errors import LkjError
from lkj_excel.read.locate import table_id_of_sheet
from lkj_excel.read.reader import read_workbook
from lkj_excel.spec import load_all

ALL_TABLES = {s.id for s in load_all(2024)}


def test_declared_tables_cover_the_lkjip() -> None:
    expected = {f"1.{i}" for i in range(1, 4)} | {f"2.{i}" for i in range(1, 5)} | {f"3.{i}" for i in range(1, 18)}
    assert ALL_TABLES == expected


@pytest.mark.parametrize(
    "name,tid",
    [
        ("Tabel 1.2", "1.2"),
        ("TABEL 1.2", "1.2"),
        ("Tabel. 1.2", "1.2"),
        ("Tabel 1.2 Jumlah Penduduk", "1.2"),
        ("tabel 3.17", "3.17"),
        ("Tabel 3,16", "3.16"),
        ("Narasi", None),
        ("Tabel 1.20x", "1.20"),
    ],
)
def test_sheet_names(name: str, tid: str | None) -> None:
    assert table_id_of_sheet(name) == tid


def test_sample_all_tables_found(sample_wb) -> None:
    assert set(sample_wb.tables) == ALL_TABLES
    assert sample_wb.missing == []
    assert sample_wb.year == 2024
    assert sample_wb.office == "Kecamatan Sei Balai"
    assert "Info" in sample_wb.other_sheets
    assert len(sample_wb.paragraphs) > 30


def test_values_keep_cell_raw_and_decimals(sample_wb) -> None:
    cells = sample_wb.tables["1.2"].cells_frame()
    total = cells[(cells.role == "total") & (cells.column == "lp")].iloc[0]
    assert total.value == 30336 and total.sheet == "Tabel 1.2" and total.cell.startswith("G")
    c = sample_wb.tables["1.1"].cells_frame()
    area = c[(c.column == "luas") & (c.label == "Perk. Sei Bejangkar")].iloc[0]
    assert (area.raw, area.value, area.decimals, area.unit) == ("1.619,9 Ha", 1619.9, 1, "Ha")
    t = sample_wb.tables["3.2"].row("akip")
    assert (t.cells["target"].letter, t.cells["target"].value, t.cells["target"].decimals) == ("BB", 71.0, 2)
    p = sample_wb.tables["3.17"].row("7.01.04").cells["persen"]
    assert p.text == "100.00" and p.parsed.decimal_point and p.value == 100.0


# Every figure the seed prints in its tables, per table (a sample of each kind).
SEED_FIGURES = {
    "1.1": [100, 211, 225, 3727, 1619.9, 1808, 245, 9286.9],
    "1.2": [16, 1010, 1570, 1767, 3337, 1209, 119, 8727, 15106, 15232, 30336],
    "1.3": [16, 55, 29, 13.5, 84.5, 36.6, 3524, 203, 1162, 230.9, 40.9, 87.1, 6242, 1812.1, 1232.9],
    "2.2": [85.0, 71.0],
    "2.3": [2935780030, 2158169574, 777610456, 25000000, 2960780030],
    "2.4": [2746175328, 3001612, 69850000, 16100000, 119653090, 6000000, 2960780030],
    "3.2": [85.0, 75.35, 88.65, 71.0, 72.62, 102.28],
    "3.3": [3.0, 3.01, 3.99, 3.02, 3.08, 2.03, 75.35],
    "3.5": [85.0, 75.35, 88.65],
    "3.7": [71.0, 72.62, 102.28],
    "3.8": [23.5, 24.39, 103.79, 20.23, 20.96, 103.61, 11.4, 100.0, 15.87, 71.0, 72.62, 102.28],
    "3.9": [
        90.0,
        77.98,
        90.1,
        85.0,
        80.5,
        94.71,
        75.35,
        88.65,
        73.0,
        70.07,
        72.16,
        75.0,
        70.15,
        93.53,
        71.0,
        72.62,
        102.28,
    ],
    "3.10": [85.0, 87.5, 90.0, 75.35, 88.65],
    "3.11": [71.0, 72.0, 73.0, 72.62, 102.28],
    "3.12": [85.0, 80.5, 75.35, 82.0, 83.0, 83.2, 98.2, 75.0, 71.0, 70.15, 72.62, 78.01, 71, 70.05, 75.5],
    "3.13": [85.0, 75.35, 88.65, 71.0, 72.62, 102.28],
    "3.14": [88.65, 98.94, -10.29, 102.28, 95.07, 7.21],
    "3.15": [95.07, 98.94, 100],
    "3.16": [
        2935780030,
        2798994761,
        95.34,
        2158169574,
        2043003211,
        94.66,
        777610456,
        755991550,
        97.22,
        25000000,
        24100000,
        96.4,
        2960780030,
        2823094761,
        95.35,
    ],
    "3.17": [
        2746175328,
        2610761561,
        95.07,
        3001612,
        2930000,
        97.61,
        68535700,
        98.12,
        100.0,
        118767500,
        99.26,
        2823094761,
        95.35,
    ],
}


@pytest.mark.parametrize("tid", sorted(SEED_FIGURES))
def test_seed_figures_read(sample_wb, tid: str) -> None:
    values = [v for v in sample_wb.tables[tid].cells_frame()["value"] if v is not None and not math.isnan(v)]
    for fig in SEED_FIGURES[tid]:
        assert any(abs(v - fig) < 1e-9 for v in values), f"Tabel {tid}: {fig} not read"


def test_inspect_json_no_unparsed_numbers(sample_path: Path) -> None:
    res = CliRunner().invoke(main, ["inspect", str(sample_path), "--json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert all(t["found"] for t in d["tables"])
    assert [u for t in d["tables"] for u in t["unparsed"]] == []
    assert sum(t["numbers"] for t in d["tables"]) > 350


def _frames(wb):
    out = {}
    for tid, t in wb.tables.items():
        f = t.frame().drop(columns=["_row"])
        out[tid] = f
    return out


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.name for v in VARIANTS])
def test_other_layouts_read_the_same(sample_path: Path, sample_wb, tmp_path: Path, variant) -> None:
    path = rewrite(sample_path, tmp_path / f"{variant.name}.xlsx", variant)
    wb = read_workbook(path)
    assert set(wb.tables) == ALL_TABLES
    assert "Lampiran" in wb.other_sheets
    ref, got = _frames(sample_wb), _frames(wb)
    for tid in ALL_TABLES:
        a, b = ref[tid], got[tid]
        assert list(a.columns) == list(b.columns), tid
        assert len(a) == len(b), f"Tabel {tid}: {len(a)} vs {len(b)} rows"
        for col in a.columns:
            if col in ("_label",):
                continue
            for x, y in zip(a[col].tolist(), b[col].tolist()):
                if isinstance(x, float) and isinstance(y, float):
                    assert (math.isnan(x) and math.isnan(y)) or abs(x - y) < 1e-9, (tid, col, x, y)
                elif col == "_role" or col == "_id":
                    assert x == y, (tid, col, x, y)


def test_template_layout_reads_empty(tmp_path: Path) -> None:
    pytest.importorskip("lkj_excel.template")
    from lkj_excel.template import write_template

    out = tmp_path / "t.xlsx"
    write_template(out, year=2024)
    wb = read_workbook(out)
    assert set(wb.tables) == ALL_TABLES
    for t in wb.tables.values():
        assert t.cells_frame()["value"].dropna().empty, t.id


# --- bad input: one clear message in Bahasa Indonesia, exit code 2, no traceback ---


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _assert_clean_fail(res, *words: str) -> None:
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    for w in words:
        assert w in res.output


def test_missing_file(tmp_path: Path) -> None:
    _assert_clean_fail(_run("inspect", str(tmp_path / "tidak_ada.xlsx")), "tidak ditemukan", "tidak_ada.xlsx")


def test_xls_file(tmp_path: Path) -> None:
    p = tmp_path / "lama.xls"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    _assert_clean_fail(_run("inspect", str(p)), ".xls", "lama.xls")
    _assert_clean_fail(_run("check", str(p), "--no-output"), ".xls")


def test_ods_file(tmp_path: Path) -> None:
    p = tmp_path / "kantor.ods"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    _assert_clean_fail(_run("inspect", str(p)), ".ods")


def test_corrupt_file(tmp_path: Path, sample_path: Path) -> None:
    p = tmp_path / "rusak.xlsx"
    p.write_bytes(sample_path.read_bytes()[:5000])
    _assert_clean_fail(_run("inspect", str(p)), "rusak")
    q = tmp_path / "bukan.xlsx"
    q.write_text("ini bukan excel")
    _assert_clean_fail(_run("check", str(q), "--no-output"), "bukan.xlsx")


def test_encrypted_file(tmp_path: Path, sample_path: Path) -> None:
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    p = tmp_path / "sandi.xlsx"
    with open(sample_path, "rb") as src, open(p, "wb") as dst:
        OOXMLFile(src).encrypt("rahasia", dst)
    assert msoffcrypto  # the package is what produced a real encrypted file
    _assert_clean_fail(_run("inspect", str(p)), "kata sandi")


def test_no_standard_sheets(tmp_path: Path) -> None:
    p = tmp_path / "lain.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Rekap"
    wb.active["A1"] = "bukan LKjIP"
    wb.save(p)
    _assert_clean_fail(_run("inspect", str(p)), "tidak memuat satu pun tabel standar", "Rekap")


def test_header_not_found_is_reported_and_reading_continues(tmp_path: Path, sample_path: Path) -> None:
    p = tmp_path / "rusak_header.xlsx"
    wb = openpyxl.load_workbook(sample_path)
    ws = wb["Tabel 1.2"]
    for row in ws.iter_rows(min_row=4, max_row=6):
        for c in row:
            if not isinstance(c, openpyxl.cell.cell.MergedCell):
                c.value = "x"
    wb.save(p)
    res = _run("inspect", str(p))
    assert res.exit_code == 2
    assert "Tabel 1.2" in res.output and "judul kolom" in res.output
    assert "Tabel 3.17" in res.output  # the other tables were still read
    wbr = read_workbook(p)
    assert "1.2" not in wbr.tables and "1.3" in wbr.tables


def test_lkjerror_english() -> None:
    e = LkjError("file.missing", path="a.xlsx")
    assert "not found" in e.message("en") and "tidak ditemukan" in e.message("id")


def test_header_repeated_after_page_break_is_skipped(sample_path: Path, sample_wb, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(sample_path)
    ws = wb["Tabel 1.2"]
    header = [c.value for c in ws[4]]
    ws.insert_rows(12)
    for m in list(ws.merged_cells.ranges):  # openpyxl's insert_rows leaves merges behind; Excel moves them
        if m.min_row >= 12:
            m.shift(0, 1)
    for i, v in enumerate(header, start=1):
        ws.cell(row=12, column=i, value=v)
    p = tmp_path / "ulang.xlsx"
    wb.save(p)
    t = read_workbook(p).tables["1.2"]
    ref = sample_wb.tables["1.2"]
    assert [r.label for r in t.rows] == [r.label for r in ref.rows]
    assert t.total_row().cells["lp"].value == 30336
