"""The default corrected workbook: the office's own workbook, corrected in place.

The input is written the way another office's tool would (xlsxwriter: merges, styles, an image,
a chart, a comment, formulas with cached values, a figure typed as text, print settings).
"""

from __future__ import annotations

import math
import re
import struct
import warnings
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from openpyxl.utils import get_column_letter

from lkj_excel.check import run_checks
from lkj_excel.findings import Finding
from lkj_excel.read.reader import read_workbook
from lkj_excel.repair import CellEdit, Derivation, RepairPlan, plan_repairs
from lkj_excel.review import chart_data
from lkj_excel.write.inplace import MARK_BORDER, write_inplace
from lkj_excel.write.report import render_html
from lkj_excel.write.xlsx_patch import write_cached_values


def _png() -> bytes:
    """A 2x2 red PNG, written by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    ihdr = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


DESA = [("Sei Balai", 16, 1010, 1570, 1767), ("Kwala Sikasim", 8, 846, 1447, 1647), ("Mekar Mulio", 7, 359, 628, 614)]


def build_office_book(path: Path, tmp: Path) -> Path:
    """Tabel 1.2 as another office lays it out; the L total is typed as text and wrong (3.648 for 3.645)."""
    png = tmp / "logo.png"
    png.write_bytes(_png())
    xw = xlsxwriter.Workbook(str(path))
    info = xw.add_worksheet("Info")
    for r, (k, v) in enumerate((("Nama Instansi", "Kecamatan Contoh & Co"), ("Kabupaten", "Batu Bara"))):
        info.write_string(r, 0, k)
        info.write_string(r, 1, v)
    info.write_string(2, 0, "Tahun")
    info.write_number(2, 1, 2024)
    ws = xw.add_worksheet("Tabel 1.2")
    bold = xw.add_format({"bold": True, "font_name": "Cambria", "bg_color": "#C6E0B4", "border": 1})
    num = xw.add_format({"num_format": "#,##0", "border": 1})
    ws.write_string(0, 0, "Tabel 1.2", bold)
    ws.write_string(1, 0, "Jumlah Dusun, KK dan Jumlah Penduduk Kecamatan Contoh Tahun 2024")
    for c, h in enumerate(("No.", "Nama Desa", "Dusun", "Jumlah KK")):
        ws.merge_range(3, c, 4, c, h, bold)
    ws.merge_range(3, 4, 3, 6, "Jumlah Penduduk", bold)
    for c, h in enumerate(("L", "P", "L+P"), 4):
        ws.write_string(4, c, h, bold)
    for c in range(7):
        ws.write_string(5, c, str(c + 1))
    for i, (name, dusun, kk, lk, pr) in enumerate(DESA):
        r = 6 + i
        ws.write_string(r, 0, f"{i + 1}.")
        ws.write_string(r, 1, name)
        ws.write_number(r, 2, dusun, num)
        ws.write_number(r, 3, kk, num)
        ws.write_number(r, 4, lk, num)
        ws.write_number(r, 5, pr, num)
        ws.write_formula(r, 6, f"=E{r + 1}+F{r + 1}", num, lk + pr)  # the office's own formula, cached
    tot = 6 + len(DESA)
    ws.merge_range(tot, 0, tot, 1, "Jumlah", bold)
    ws.write_formula(tot, 2, f"=SUM(C7:C{tot})", num, sum(d[1] for d in DESA))
    ws.write_number(tot, 3, sum(d[2] for d in DESA), num)
    ws.write_string(tot, 4, "3.648", bold)  # typed as text, and wrong
    ws.write_number(tot, 5, sum(d[4] for d in DESA), num)
    ws.write_number(tot, 6, 3648 + sum(d[4] for d in DESA), num)  # agrees with the wrong L
    ws.write_comment(tot, 4, "Diketik manual oleh operator")
    ws.write_string(tot + 1, 0, "Sumber: Seksi Pemerintahan")
    ws.set_column(1, 1, 24)
    ws.set_column(2, 6, 11)
    ws.set_row(1, 30)
    ws.set_landscape()
    ws.set_header("&CLaporan Kinerja")
    ws.insert_image("I2", str(png))
    chart = xw.add_chart({"type": "column"})
    chart.add_series(
        {"name": "L", "categories": f"='Tabel 1.2'!$B$7:$B${tot}", "values": f"='Tabel 1.2'!$E$7:$E${tot}"}
    )
    ws.insert_chart("I8", chart)
    xw.close()
    return path


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    d = tmp_path_factory.mktemp("inplace")
    src = build_office_book(d / "kantor.xlsx", d)
    before = src.read_bytes()
    wb = read_workbook(src)
    findings = run_checks(wb)
    out = d / "kantor_terkoreksi.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no library warning reaches the user
        cmap = write_inplace(wb, findings, out)
    return {"src": src, "wb": wb, "findings": findings, "out": out, "map": cmap, "before": before, "dir": d}


def _same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-9)
    return a == b


def test_input_untouched(case) -> None:
    assert case["src"].read_bytes() == case["before"]


def test_every_cell_kept_at_its_address_but_the_corrected(case) -> None:
    plan = plan_repairs(case["wb"], case["findings"])
    changed = {e.address for e in plan.changed()}
    assert changed  # the wrong L total is corrected somewhere; which cells is the localizer's choice
    xi = openpyxl.load_workbook(case["src"], data_only=True)
    xo = openpyxl.load_workbook(case["out"], data_only=True)
    xc = openpyxl.load_workbook(case["out"])
    assert xo.sheetnames[1 : 1 + len(xi.sheetnames)] == xi.sheetnames
    differ = []
    for ws in xi.worksheets:
        for row in ws.iter_rows():
            for c in row:
                got = xo[ws.title][c.coordinate].value
                if (ws.title, c.coordinate) in changed:
                    note = xc[ws.title][c.coordinate].comment
                    assert note is not None and "Nilai asli" in note.text, c.coordinate
                    codes = {
                        f.code for e in plan.changed() if e.address == (ws.title, c.coordinate) for f in e.findings
                    }
                    assert all(code in note.text for code in codes)
                elif not _same(c.value, got):
                    differ.append((ws.title, c.coordinate, c.value, got))
    assert differ == []


def test_text_stays_text_in_the_office_notation(case, tmp_path) -> None:
    f = Finding("T101", "totals.column_sum", "error", "Tabel 1.2", "E10", "3.648", "3.645", "x", fix=3645, table="1.2")
    plan = RepairPlan()
    plan.edits[("Tabel 1.2", "E10")] = CellEdit("Tabel 1.2", "E10", 3645.0, None, (f,))
    out = tmp_path / "text.xlsx"
    write_inplace(case["wb"], [f], out, plan=plan)
    e10 = openpyxl.load_workbook(out)["Tabel 1.2"]["E10"]
    assert e10.data_type == "s" and e10.value == "3.645"
    assert "Diketik manual oleh operator" in e10.comment.text  # the office's own comment is kept, ours added
    assert "Nilai asli: 3.648" in e10.comment.text and "[T101]" in e10.comment.text
    assert e10.number_format.endswith('"*"')
    assert e10.border.left.style == MARK_BORDER["error"]


def test_layout_styles_images_charts_survive(case) -> None:
    xi, xo = openpyxl.load_workbook(case["src"]), openpyxl.load_workbook(case["out"])
    a, b = xi["Tabel 1.2"], xo["Tabel 1.2"]
    assert {str(r) for r in a.merged_cells.ranges} == {str(r) for r in b.merged_cells.ranges}
    assert b["A1"].font.name == "Cambria" and b["A1"].font.b and b["A1"].fill.fgColor.rgb == a["A1"].fill.fgColor.rgb
    assert b.column_dimensions["B"].width == a.column_dimensions["B"].width
    assert b.row_dimensions[2].height == a.row_dimensions[2].height
    assert b.page_setup.orientation == "landscape" and "Laporan Kinerja" in b.oddHeader.center.text
    assert b["D7"].number_format == "#,##0" and b["G7"].value == "=E7+F7"
    with zipfile.ZipFile(case["out"]) as z:
        media = [n for n in z.namelist() if n.startswith("xl/media/")]
        charts = [n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]
        assert len(media) == 1 and z.read(media[0]) == _png()
        drawings = [z.read(n).decode() for n in z.namelist() if re.match(r"xl/drawings/drawing\d+\.xml$", n)]
    drawn = [d for d in chart_data(case["wb"]).values() if "skip" not in d]
    assert len(charts) == 1 + len(drawn)  # the office's chart and those of the Ringkasan
    pics = [x for x in drawings if re.search(r"<(xdr:)?pic>", x)]
    assert len(pics) == 1
    anchors = re.findall(r"<(?:xdr:)?from><(?:xdr:)?col>(\d+)</(?:xdr:)?col>.*?</(?:xdr:)?\w+Anchor>", pics[0], re.S)
    assert "8" in anchors  # the picture is still at column I
    assert len(b._charts) == 1
    assert b._charts[0].anchor._from.col == a._charts[0].anchor._from.col


def test_formula_cells_keep_their_cached_values(case) -> None:
    xo = openpyxl.load_workbook(case["out"], data_only=True)["Tabel 1.2"]
    assert [xo[f"G{r}"].value for r in (7, 8, 9)] == [d[3] + d[4] for d in DESA]
    assert xo["C10"].value == sum(d[1] for d in DESA)


def test_report_sheets_and_links_land_on_their_cells(case) -> None:
    xo = openpyxl.load_workbook(case["out"])
    assert xo.sheetnames[0] == "Ringkasan" and xo.sheetnames[-2:] == ["Temuan", "Checklist Reviu"]
    links = 0
    for row in xo["Temuan"].iter_rows(min_row=2):
        cell = row[3]
        if cell.hyperlink is None:
            continue
        links += 1
        sheet, ref = cell.value.rsplit("!", 1)
        assert cell.hyperlink.location == "'{}'!{}".format(sheet.replace("'", "''"), ref)
        assert sheet in xo.sheetnames
    assert links == sum(1 for f in case["findings"] if f.sheet in xo.sheetnames)
    html = render_html(case["wb"], case["findings"])
    for f in case["findings"]:
        assert f"{f.sheet}!{f.cell}" in html


def test_print_setup(case) -> None:
    xo = openpyxl.load_workbook(case["out"])
    for ws in xo.worksheets:
        head = ws.oddHeader.left.text or ""
        assert "Kecamatan Contoh && Co" in head or "Kecamatan Contoh && Co" in (ws.oddHeader.center.text or ""), ws
        assert "&P" in (ws.oddFooter.right.text or ""), ws.title
        fit = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
        assert (fit and ws.page_setup.fitToWidth in (None, 1)) or ws.title == "Tabel 1.2", ws.title
    assert xo["Tabel 1.2"].page_setup.cellComments == "atEnd"


def test_row_heights_fit_wrapped_text(case) -> None:
    """Temuan and Checklist rows are tall enough for their wrapped text (LibreOffice does not grow them)."""
    xo = openpyxl.load_workbook(case["out"])
    for name, widths in (("Temuan", None), ("Checklist Reviu", None)):
        ws = xo[name]
        cols = {
            get_column_letter(i): (d.width or 8.43)
            for d in ws.column_dimensions.values()
            for i in range(d.min or 1, (d.max or d.min or 1) + 1)
        }
        for row in ws.iter_rows(min_row=2):
            texts = [(c.value, cols.get(c.column_letter, 8.43)) for c in row if isinstance(c.value, str)]
            if not texts or not any(c.alignment.wrap_text for c in row):
                continue
            need = max(math.ceil(len(t) / max(1, int(w) - 1)) for t, w in texts if "\n" not in t) if texts else 1
            h = ws.row_dimensions[row[0].row].height
            assert h is not None and h >= 12 * need, (name, row[0].row, h, need)
        del widths


def test_charts_do_not_straddle_page_breaks(case) -> None:
    ws = openpyxl.load_workbook(case["out"])["Ringkasan"]
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    assert breaks
    for ch in ws._charts:
        top = ch.anchor._from.row
        rows = math.ceil(ch.anchor.ext.height / 9525 / 20) if ch.anchor.ext is not None else 16
        assert not any(top < b < top + rows for b in breaks), (top, rows, breaks)


def test_rendering_a_plan(case) -> None:
    """A plan in, cells out: value, text, and a live formula with its value cached."""
    wb = case["wb"]
    f = Finding("T999", "test.x", "warning", "Tabel 1.2", "D10", "2.215", "2.216", "x", fix=2216, table="1.2")
    plan = RepairPlan()
    plan.edits[("Tabel 1.2", "D10")] = CellEdit("Tabel 1.2", "D10", 2216, None, (f,))
    plan.edits[("Tabel 1.2", "F10")] = CellEdit(
        "Tabel 1.2", "F10", 4028.0, Derivation("SUM({0}:{1})", (("Tabel 1.2", "F7"), ("Tabel 1.2", "F9")))
    )
    plan.edits[("Info", "C3")] = CellEdit("Info", "C3", 4029.0, Derivation("{0}+1", (("Tabel 1.2", "F10"),)))
    out = case["dir"] / "plan.xlsx"
    write_inplace(wb, [f], out, plan=plan)
    xf, xv = openpyxl.load_workbook(out), openpyxl.load_workbook(out, data_only=True)
    assert xv["Tabel 1.2"]["D10"].value == 2216 and xf["Tabel 1.2"]["D10"].number_format == '#,##0"*"'
    assert xf["Tabel 1.2"]["F10"].value == "=SUM(F7:F9)" and xv["Tabel 1.2"]["F10"].value == 4028
    assert xf["Info"]["C3"].value == "='Tabel 1.2'!F10+1" and xv["Info"]["C3"].value == 4029
    assert xf["Tabel 1.2"]["F10"].comment is None  # a derived cell whose value did not change: no note


def test_cached_values_for_every_kind(tmp_path) -> None:
    p = tmp_path / "f.xlsx"
    x = openpyxl.Workbook()
    ws = x.active
    ws.title = "S 'q'"
    ws["A1"], ws["A2"], ws["A3"], ws["A4"] = "=1+1", '="a"&"<b>"', "=1/0", "=TRUE()"
    x.save(p)
    vals = {("S 'q'", "A1"): 2, ("S 'q'", "A2"): "a<b>", ("S 'q'", "A3"): "#DIV/0!", ("S 'q'", "A4"): True}
    assert write_cached_values(p, vals) == 4
    got = openpyxl.load_workbook(p, data_only=True).active
    assert [got[f"A{i}"].value for i in range(1, 5)] == [2, "a<b>", "#DIV/0!", True]
    assert openpyxl.load_workbook(p).active["A1"].value == "=1+1"


def test_libreoffice_recalculates_to_the_cached_values(case) -> None:
    from test_corrected import _soffice_convert

    d = case["dir"]
    lo = _soffice_convert(case["out"], d / "lo", "xlsx", d / "profile-recalc", recalc=True)
    xf = openpyxl.load_workbook(case["out"])
    mine, theirs = openpyxl.load_workbook(case["out"], data_only=True), openpyxl.load_workbook(lo, data_only=True)
    n, bad = 0, []
    for ws in xf.worksheets:
        for row in ws.iter_rows():
            for c in row:
                a, b = mine[ws.title][c.coordinate].value, theirs[ws.title][c.coordinate].value
                if c.data_type == "f":
                    n += 1
                    if not _same(a, b):
                        bad.append((ws.title, c.coordinate, c.value, a, b))
                elif isinstance(b, str) and re.match(r"^(#(VALUE|DIV/0|REF|NAME|N/A|NUM|NULL)|Err:)", b):
                    bad.append((ws.title, c.coordinate, b))
    assert n >= 4 and bad == []
    # and a cell-by-cell look at the office's sheets after recalculation
    for title in ("Info", "Tabel 1.2"):
        for row in mine[title].iter_rows():
            for c in row:
                assert _same(c.value, theirs[title][c.coordinate].value) or c.value is None, (title, c.coordinate)


def test_cli_default_and_standard_layout(case, tmp_path) -> None:
    from click.testing import CliRunner

    from lkj_excel.cli import main

    src = case["src"]
    a, b = tmp_path / "asli.xlsx", tmp_path / "standar.xlsx"
    r1 = CliRunner().invoke(main, ["check", str(src), "-o", str(a)])
    r2 = CliRunner().invoke(main, ["check", str(src), "-o", str(b), "--layout", "standar"])
    assert r1.exit_code == 1 and r2.exit_code == 1, (r1.output, r2.output)
    assert "UserWarning" not in r1.output and "xlsxwriter" not in r1.output and "openpyxl" not in r1.output
    xa, xb = openpyxl.load_workbook(a), openpyxl.load_workbook(b)
    assert xa["Tabel 1.2"]["A2"].value == "Jumlah Dusun, KK dan Jumlah Penduduk Kecamatan Contoh Tahun 2024"
    assert xb["Tabel 1.2"]["A2"].value != xa["Tabel 1.2"]["A2"].value  # the template's own caption


@pytest.mark.parametrize(
    ("before", "value", "after"),
    [
        ("15.106", 15103, "15.103"),
        ("100 Ha", 100.5, "100,5 Ha"),
        ("Rp 2.960.780.030", 2960780031, "Rp 2.960.780.031"),
        ("88,65%", 88.66, "88,66%"),
        ("1,234.50", 1234.75, "1,234.75"),
        ("15106", 15103, "15103"),
        (15106, 15103.0, 15103),
        (88.5, 88.66, 88.66),
        ("(451.393.295,00)", -451393296.0, "(451.393.296,00)"),  # brackets are the minus
        ("(1.000)", 250.0, "250"),
    ],
)
def test_office_notation(before, value, after) -> None:
    from lkj_excel.write.inplace import _in_notation

    got = _in_notation(before, value)
    assert got == after and type(got) is type(after)


def test_temuan_links_first_n_then_plain(case, tmp_path) -> None:
    from lkj_excel.write import summary as S

    fs = [
        Finding("T101", "totals.column_sum", "error", "Tabel 1.2", f"E{i}", "1", "2", "x", table="1.2")
        for i in range(7, 12)
    ]
    path = tmp_path / "t.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Tabel 1.2")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        S.write_temuan(book, case["wb"], fs, {(f.sheet, f.cell): (f.sheet, f.cell) for f in fs}, "id", link_limit=3)
        book.close()
    ws = openpyxl.load_workbook(path)["Temuan"]
    cells = [r[3] for r in ws.iter_rows(min_row=2, max_row=6)]
    assert [c.hyperlink is not None for c in cells] == [True, True, True, False, False]
    assert [c.value for c in cells] == [f"Tabel 1.2!E{i}" for i in range(7, 12)]
    notes = [c.value for row in ws.iter_rows(min_row=7) for c in row if isinstance(c.value, str)]
    assert any("3 temuan pertama" in n for n in notes)


def test_what_openpyxl_drops_is_named(case, tmp_path) -> None:
    """A text box (a drawing shape) cannot be carried over: the Ringkasan says so instead of losing it silently."""
    from lkj_excel.write.xlsx_patch import openpyxl_losses

    src = tmp_path / "shape.xlsx"
    build_office_book(src, tmp_path)
    x = openpyxl.load_workbook(src)
    x.save(tmp_path / "plain.xlsx")
    assert openpyxl_losses(tmp_path / "plain.xlsx") == []
    xw = xlsxwriter.Workbook(str(tmp_path / "box.xlsx"))
    ws = xw.add_worksheet("Tabel 1.2")
    ws.insert_textbox("B2", "Catatan kantor")
    xw.close()
    assert openpyxl_losses(tmp_path / "box.xlsx") == ["bentuk/kotak teks (shape)"]
    wb = read_workbook(src)
    with zipfile.ZipFile(tmp_path / "box.xlsx") as zb, zipfile.ZipFile(src) as za:
        shape = next(n for n in zb.namelist() if n.startswith("xl/drawings/drawing"))
        merged = tmp_path / "merged.xlsx"
        with zipfile.ZipFile(merged, "w") as zo:
            for item in za.infolist():
                data = za.read(item.filename)
                if item.filename == "xl/drawings/drawing1.xml":  # the office's drawing, with a text box added
                    sp = re.search(rb"<xdr:twoCellAnchor.*</xdr:twoCellAnchor>", zb.read(shape), re.S).group(0)
                    data = data.replace(b"</xdr:wsDr>", sp + b"</xdr:wsDr>")
                zo.writestr(item, data)
    wb.path = str(merged)
    out = tmp_path / "out.xlsx"
    write_inplace(wb, case["findings"], out)
    ring = openpyxl.load_workbook(out)["Ringkasan"]
    texts = [c.value for row in ring.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("Tidak terbawa dari berkas asli: bentuk/kotak teks (shape)" in t for t in texts)


def test_percent_formatted_cells_store_fractions(case, tmp_path) -> None:
    """lkj-excel speaks percent points (102,28); a cell with Excel's % format stores 1,0228."""
    import dataclasses

    x = openpyxl.load_workbook(case["src"])
    ws = x["Info"]
    ws["D1"], ws["D2"], ws["E1"], ws["E2"] = 0.5, 0.6, 23.5, 24.39
    ws["D1"].number_format = ws["D2"].number_format = "0.00%"
    src = tmp_path / "pct.xlsx"
    x.save(src)
    wb = dataclasses.replace(case["wb"], path=str(src))
    plan = RepairPlan()
    plan.edits[("Info", "D1")] = CellEdit("Info", "D1", 102.28, None, ())
    plan.edits[("Info", "D2")] = CellEdit(
        "Info", "D2", 24.39 / 23.5 * 100, Derivation("{0}/{1}*100", (("Info", "E2"), ("Info", "E1")))
    )
    out = tmp_path / "pct_out.xlsx"
    write_inplace(wb, [], out, plan=plan, report_sheets=False)
    xf, xv = openpyxl.load_workbook(out)["Info"], openpyxl.load_workbook(out, data_only=True)["Info"]
    assert xv["D1"].value == pytest.approx(1.0228) and xf["D1"].number_format == "0.00%"
    assert xf["D2"].value == "=E2/E1" and xv["D2"].value == pytest.approx(24.39 / 23.5)
    back = read_workbook(out)
    assert back.path == str(out)


def test_text_typed_cell_keeps_text_and_notes_the_formula(case, tmp_path) -> None:
    f = Finding("T101", "totals.column_sum", "error", "Tabel 1.2", "E10", "3.648", "3.645", "x", fix=3645, table="1.2")
    plan = RepairPlan()
    plan.edits[("Tabel 1.2", "E10")] = CellEdit(
        "Tabel 1.2", "E10", 3645.0, Derivation("SUM({0}:{1})", (("Tabel 1.2", "E7"), ("Tabel 1.2", "E9"))), (f,)
    )
    out = tmp_path / "txt.xlsx"
    write_inplace(case["wb"], [f], out, plan=plan)
    c = openpyxl.load_workbook(out)["Tabel 1.2"]["E10"]
    assert c.data_type == "s" and c.value == "3.645"
    assert "=SUM(E7:E9)" in c.comment.text and "Nilai asli: 3.648" in c.comment.text


def test_sample_recalculates_in_libreoffice(sample_path, tmp_path) -> None:
    """The bundled sample, corrected in place with the repair plan's live formulas: LibreOffice agrees."""
    from test_corrected import _soffice_convert

    wb = read_workbook(sample_path)
    out = tmp_path / "sample_terkoreksi.xlsx"
    write_inplace(wb, run_checks(wb), out)
    lo = _soffice_convert(out, tmp_path / "lo", "xlsx", tmp_path / "profile", recalc=True)
    xf = openpyxl.load_workbook(out)
    mine, theirs = openpyxl.load_workbook(out, data_only=True), openpyxl.load_workbook(lo, data_only=True)
    bad = [
        (ws.title, c.coordinate, c.value, mine[ws.title][c.coordinate].value, theirs[ws.title][c.coordinate].value)
        for ws in xf.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f" and not _same(mine[ws.title][c.coordinate].value, theirs[ws.title][c.coordinate].value)
    ]
    assert bad == []
    back = read_workbook(out)
    assert [f for f in run_checks(back) if f.severity == "error"] == []


def test_corrected_number_cell_keeps_its_number_format(sample_path, tmp_path) -> None:
    """A number typed with "#,##0" that becomes a live formula keeps "#,##0" (plus the marker), not a text format."""
    wb = read_workbook(sample_path)
    findings = run_checks(wb)
    plan = plan_repairs(wb, findings)
    out = tmp_path / "out.xlsx"
    write_inplace(wb, findings, out, plan=plan)
    src, res = openpyxl.load_workbook(sample_path), openpyxl.load_workbook(out)
    numeric = [e for e in plan.changed() if isinstance(src[e.sheet][e.ref].value, (int, float))]
    assert numeric, "the sample has corrected cells typed as numbers"
    for e in numeric:
        before, after = src[e.sheet][e.ref].number_format, res[e.sheet][e.ref].number_format
        assert "@" not in after and after.startswith(before), (e.address, before, after)
