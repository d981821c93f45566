"""The "fast" loader gives the same grids as openpyxl, cell by cell."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from layouts import VARIANTS, rewrite
from lkj_excel.errors import LkjError
from lkj_excel.read.grid import Grid
from lkj_excel.read.load import load_grids
from lkj_excel.read.reader import read_grids

ROOT = Path(__file__).resolve().parents[1]


def assert_same_grids(a: list[Grid], b: list[Grid]) -> None:
    assert [g.title for g in a] == [g.title for g in b]
    for x, y in zip(a, b, strict=True):
        assert (x.n_rows, x.n_cols) == (y.n_rows, y.n_cols), x.title
        for r in range(x.n_rows):
            for c in range(x.n_cols):
                vx, vy = x.value(r, c), y.value(r, c)
                where = f"{x.title}!r{r + 1}c{c + 1}"
                assert vx == vy and type(vx) is type(vy), (where, vx, vy)
                if vx is not None:
                    assert x.fmt(r, c) == y.fmt(r, c), (where, x.fmt(r, c), y.fmt(r, c))
        assert sorted(x.merges) == sorted(y.merges), x.title
        # Whole-structure equality too: the reader may index rows directly.
        assert x.rows == y.rows and x.row_formats == y.row_formats


def _both(path: Path) -> tuple[list[Grid], list[Grid]]:
    return load_grids(path, backend="openpyxl"), load_grids(path, backend="fast")


def assert_same_tables(path: Path) -> None:
    slow, fast = _both(path)
    a, b = read_grids(str(path), slow), read_grids(str(path), fast)
    assert sorted(a.tables) == sorted(b.tables)
    assert (a.office, a.kabupaten, a.year, a.missing) == (b.office, b.kabupaten, b.year, b.missing)
    for tid in a.tables:
        fa, fb = a.tables[tid].frame(), b.tables[tid].frame()
        assert fa.equals(fb), tid
        ca, cb = a.tables[tid].cells_frame(), b.tables[tid].cells_frame()
        assert ca.equals(cb), tid
    assert [(p.ref, p.text) for p in a.paragraphs] == [(p.ref, p.text) for p in b.paragraphs]


def test_sample(sample_path: Path) -> None:
    assert_same_grids(*_both(sample_path))
    assert_same_tables(sample_path)


@pytest.mark.parametrize(
    "name", ["sei_balai_2024_dpa_split.xlsx", "sei_balai_2024_dppa_lra.xlsx", "sei_balai_2024_lra_split.xlsx"]
)
def test_other_samples(name: str) -> None:
    p = ROOT / "samples" / name
    if not p.exists():
        pytest.skip(f"{name} not built")
    assert_same_grids(*_both(p))


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.name for v in VARIANTS])
def test_layouts(sample_path: Path, tmp_path: Path, variant) -> None:
    p = rewrite(sample_path, tmp_path / f"{variant.name}.xlsx", variant)
    assert_same_grids(*_both(p))
    assert_same_tables(p)


def test_default_backend_is_fast(sample_path: Path) -> None:
    from lkj_excel.read import load

    assert load.DEFAULT_BACKEND == "fast"
    assert_same_grids(load_grids(sample_path), load_grids(sample_path, backend="openpyxl"))


def test_xlsxwriter_shared_strings_and_types(tmp_path: Path) -> None:
    """Shared strings, rich text, formulas with cached results, dates, booleans, errors, blanks."""
    p = tmp_path / "xw.xlsx"
    wb = xlsxwriter.Workbook(str(p))
    ws = wb.add_worksheet("Tabel 3.2")
    bold = wb.add_format({"bold": True})
    pct = wb.add_format({"num_format": "0.00%"})
    num = wb.add_format({"num_format": "#,##0.00"})
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    custom = wb.add_format({"num_format": '0.00"%"'})
    ws.write("A1", "Tabel 3.2 & <Realisasi> \"x\" 'y'")
    ws.write("A2", "  spasi di tepi  ")
    ws.write_rich_string("A3", "Capaian ", bold, "tebal", " biasa")
    ws.write_number("B1", 1234567.891, num)
    ws.write_number("B2", 0.9534, pct)
    ws.write_number("B3", 95.34, custom)
    ws.write_number("B4", 42)
    ws.write_number("B5", -3.5e-7)
    ws.write_datetime("C1", dt.datetime(2024, 12, 31), date)
    ws.write_boolean("C2", True)
    ws.write_formula("C3", "=B4*2", None, 84)
    ws.write_formula("C4", '="a"&"b"', None, "ab")
    ws.write_formula("C5", "=1/0", None, "#DIV/0!")
    ws.write_blank("D7", None, bold)
    ws.write("E2", "baris\nkedua")
    ws.write("E3", "")
    ws.merge_range("A8:C9", "gabung", bold)
    ws.write("F1", "x005F_x000D_ kode")
    wb.add_worksheet("Kosong")
    ws3 = wb.add_worksheet("Hanya gabung")
    ws3.merge_range("B2:D3", None)
    wb.add_chartsheet("Grafik").set_chart(_chart(wb))
    wb.close()
    slow, fast = _both(p)
    assert_same_grids(slow, fast)
    assert "Grafik" not in [g.title for g in fast]


def _chart(wb):
    ch = wb.add_chart({"type": "column"})
    ch.add_series({"values": "='Tabel 3.2'!$B$1:$B$3"})
    return ch


def test_openpyxl_written_shared_strings_and_1904(tmp_path: Path) -> None:
    p = tmp_path / "op.xlsx"
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Info & Data"
    ws["A1"] = "Nama Instansi"
    ws["B1"] = "Kecamatan Sei Balai"
    ws["B2"] = dt.date(2024, 1, 2)
    ws["B2"].number_format = "yyyy-mm-dd"
    ws["B3"] = dt.time(12, 30)
    ws["B3"].number_format = "h:mm"
    ws["B4"] = 1.5
    ws["B4"].number_format = "[h]:mm:ss"
    ws["C9"].number_format = "0.00"  # styled but empty: widens the sheet
    ws.merge_cells("A12:B12")
    wb.save(p)
    assert_same_grids(*_both(p))


def _patch(src: Path, dst: Path, part: str, edit) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info, data)
    return dst


def test_cells_without_addresses_and_odd_attributes(tmp_path: Path) -> None:
    src = tmp_path / "src.xlsx"
    wb = xlsxwriter.Workbook(str(src))
    ws = wb.add_worksheet("S")
    for r in range(3):
        for c in range(3):
            ws.write_number(r, c, r * 10 + c)
    ws.write_string(4, 1, "teks")
    wb.close()

    def strip_refs(xml: str) -> str:
        import re

        xml = re.sub(r'<row r="2"[^>]*>', "<row>", xml)  # row number from the counter
        xml = re.sub(r'<c r="[A-C]2"', "<c", xml)  # column from the counter
        return xml.replace('<c r="B5" t="s">', "<c t='s' r='B5' cm=\"0\">")

    p = _patch(src, tmp_path / "odd.xlsx", "xl/worksheets/sheet1.xml", strip_refs)
    assert_same_grids(*_both(p))


def test_prefixed_xml_is_read_like_openpyxl(tmp_path: Path, sample_path: Path) -> None:
    """Namespace prefixes (<x:c>) are parsed, not refused: expat resolves them."""

    def prefixed(xml: str) -> str:
        xml = xml.replace(
            "<worksheet ", '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        )
        xml = xml.replace("</worksheet>", "</x:worksheet>")
        for tag in ("sheetData", "row", "c", "v", "f", "mergeCells", "mergeCell"):
            xml = (
                xml.replace(f"<{tag}>", f"<x:{tag}>")
                .replace(f"<{tag} ", f"<x:{tag} ")
                .replace(f"</{tag}>", f"</x:{tag}>")
            )
        return xml

    p = _patch(sample_path, tmp_path / "pref.xlsx", "xl/worksheets/sheet3.xml", prefixed)
    with zipfile.ZipFile(p) as zf:
        assert "<x:c " in zf.read("xl/worksheets/sheet3.xml").decode()
    slow, fast = _both(p)
    assert_same_grids(slow, fast)
    assert any(g.n_rows > 3 for g in fast[2:3])


@pytest.mark.parametrize(
    "content, key",
    [
        (None, "file.missing"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "file.xls"),
        (b"PK\x03\x04 this is not really a zip", "file.corrupt"),
        (b"", "file.corrupt"),
    ],
)
def test_file_errors_same_as_openpyxl(tmp_path: Path, content: bytes | None, key: str) -> None:
    p = tmp_path / "bad.xlsx"
    if content is not None:
        p.write_bytes(content)
    for backend in ("fast", "openpyxl"):
        with pytest.raises(LkjError) as ei:
            load_grids(p, backend=backend)
        assert ei.value.key == key, backend


def test_broken_sheet_xml_is_corrupt(tmp_path: Path, sample_path: Path) -> None:
    p = _patch(sample_path, tmp_path / "broken.xlsx", "xl/workbook.xml", lambda x: x[: len(x) // 2])
    for backend in ("fast", "openpyxl"):
        with pytest.raises(LkjError) as ei:
            load_grids(p, backend=backend)
        assert ei.value.key == "file.corrupt", backend


def test_truncated_sheet_xml(tmp_path: Path, sample_path: Path) -> None:
    p = _patch(sample_path, tmp_path / "cut.xlsx", "xl/worksheets/sheet3.xml", lambda x: x[: len(x) // 2])
    for backend in ("fast", "openpyxl"):
        with pytest.raises(LkjError) as ei:
            load_grids(p, backend=backend)
        assert ei.value.key == "file.corrupt", backend
