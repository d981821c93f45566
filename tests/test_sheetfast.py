"""The regex path for plain <sheetData> (read.sheetfast) reads exactly what the expat path reads.

Every workbook is loaded twice: as the loader does (fast path where the cells are
plainly written) and with the fast path switched off (every sheet through expat).
Grids, values, types, formats, merges and errors must be the same; unusual XML must
fall back to expat, so its checks (entities, forbidden characters, malformed XML)
still apply.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from corpus.book import write
from corpus.budget import CASES as BUDGET
from corpus.narrative import CASES as NARRATIVE
from corpus.performance import CASES as PERFORMANCE
from layouts import VARIANTS, rewrite
from lkj_excel.errors import LkjError
from lkj_excel.read import sheetfast
from lkj_excel.read.load import load_grids
from test_fastload import assert_same_grids

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [*PERFORMANCE, *BUDGET, *NARRATIVE]
SHEET = "xl/worksheets/sheet1.xml"


def _expat_only(path: Path, monkeypatch: pytest.MonkeyPatch) -> list:
    with monkeypatch.context() as m:
        m.setattr(sheetfast, "split", lambda _data: None)
        return load_grids(path)


def _outcome(load) -> tuple[str, object]:
    try:
        return "ok", load()
    except LkjError as exc:
        return "error", (exc.key, str(exc))


def assert_same_both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _outcome(lambda: load_grids(path))
    slow = _outcome(lambda: _expat_only(path, monkeypatch))
    assert fast[0] == slow[0], (fast, slow)
    if fast[0] == "ok":
        assert_same_grids(fast[1], slow[1])  # type: ignore[arg-type]
    else:
        assert fast[1] == slow[1]


def _book(tmp_path: Path, inner: str, head_attrs: str = "", name: str = "b.xlsx", after: str = "") -> Path:
    """A workbook whose first sheet's <sheetData> holds `inner` (shared strings: "satu", "dua")."""
    src = tmp_path / "src.xlsx"
    wb = xlsxwriter.Workbook(str(src))
    ws = wb.add_worksheet("Tabel 1.1")
    ws.write_string(0, 0, "satu")
    ws.write_string(0, 1, "dua")
    ws.write_number(1, 0, 1.5, wb.add_format({"num_format": "0.00"}))
    wb.close()
    dst = tmp_path / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == SHEET:
                xml = data.decode("utf-8")
                xml = re.sub(
                    r"<sheetData>.*</sheetData>|<sheetData/>", f"<sheetData>{inner}</sheetData>{after}", xml, flags=re.S
                )
                xml = xml.replace("<worksheet ", f"<worksheet {head_attrs} ", 1) if head_attrs else xml
                data = xml.encode("utf-8")
            zout.writestr(info, data)
    return dst


def _with_sheet(src: Path, dst: Path, xml: bytes) -> Path:
    """A copy of `src` whose sheet part is `xml`."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, xml if info.filename == SHEET else zin.read(info.filename))
    return dst


def _sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(SHEET)


PLAIN = (
    '<row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
    '<c r="C1" s="1"/></row>\n  <row r="2"><c r="A2" s="1"><v>1.5</v></c><c r="B2" t="inlineStr"><is>'
    '<t xml:space="preserve"> a &amp; b &lt;c&gt; &quot;q&quot; &apos;x&apos; </t></is></c>'
    '<c r="C2"><f>A2*2</f><v>3</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c></row>'
    '<row r="3"/><row r="4"><c r="A4"><f t="shared" ref="A4:A6" si="0">A2+1</f><v>2.5</v></c></row>'
    '<row r="5"><c r="A5"><f t="shared" si="0"/><v>0</v></c><c r="B5" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>'
)


def test_plain_cells_take_the_fast_path_and_read_as_expat_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = _book(tmp_path, PLAIN)
    assert sheetfast.split(_sheet_xml(p)) is not None
    assert_same_both_ways(p, monkeypatch)
    g = load_grids(p)[0]
    assert g.value(1, 1) == " a & b <c> \"q\" 'x' "
    assert (g.value(0, 0), g.value(0, 1), g.value(1, 0), g.fmt(1, 0)) == ("satu", "dua", 1.5, "0.00")
    assert g.value(1, 3) is True and g.value(1, 4) == "#DIV/0!" and g.value(4, 1) == "xy"


def test_duplicate_cells_as_expat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A later empty duplicate wins; a self-closing one is dropped before parsing, on both paths."""
    inner = '<row r="1"><c r="A1"><v>7</v></c><c r="A1"></c><c r="B1"><v>8</v></c><c r="B1" s="1"/></row>'
    p = _book(tmp_path, inner)
    assert sheetfast.split(_sheet_xml(p)) is not None
    assert_same_both_ways(p, monkeypatch)
    g = load_grids(p)[0]
    assert (g.value(0, 0), g.value(0, 1)) == (None, 8)


def test_prefixed_row_attribute_declared_on_the_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inner = '<row r="1" x14ac:dyDescent="0.25"><c r="A1"><v>1</v></c></row>'
    ns = 'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"'
    p = _book(tmp_path, inner, ns)
    assert sheetfast.split(_sheet_xml(p)) is not None
    assert_same_both_ways(p, monkeypatch)


ODD = {
    "undefined entity": '<row r="1"><c r="A1" t="inlineStr"><is><t>a&nbsp;b</t></is></c></row>',
    "character reference": '<row r="1"><c r="A1" t="inlineStr"><is><t>&#65;&#x42;</t></is></c></row>',
    "forbidden reference": '<row r="1"><c r="A1" t="inlineStr"><is><t>&#1;</t></is></c></row>',
    "bare ampersand": '<row r="1"><c r="A1" t="inlineStr"><is><t>a & b</t></is></c></row>',
    "cdata": '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<c r="B1"/>]]></t></is></c></row>',
    "comment": '<row r="1"><!-- <c r="A1"><v>9</v></c> --><c r="B1"><v>1</v></c></row>',
    "carriage return": '<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb</t></is></c></row>',
    "control character": '<row r="1"><c r="A1" t="inlineStr"><is><t>a\x01b</t></is></c></row>',
    "cdata end in text": '<row r="1"><c r="A1" t="inlineStr"><is><t>a]]>b</t></is></c></row>',
    "non-character": '<row r="1"><c r="A1" t="inlineStr"><is><t>a\ufffeb</t></is></c></row>',
    "undeclared prefix": '<row r="1" zz:a="1"><c r="A1"><v>1</v></c></row>',
    "duplicate attribute": '<row r="1" r="2"><c r="A1"><v>1</v></c></row>',
    "nested row": '<row r="1"><row r="2"><c r="A1"><v>1</v></c></row></row>',
    "unclosed row": '<row r="1"><c r="A1"><v>1</v></c>',
    "stray end": '<c r="A1"><v>1</v></c></row>',
    "attributes reordered": '<row r="1"><c t="n" r="A1"><v>1</v></c></row>',
    "no address": '<row r="3"><c><v>1</v></c><c t="inlineStr"><is><t>x</t></is></c></row>',
    "lowercase address": '<row r="1"><c r="a1"><v>1</v></c></row>',
    "unknown type": '<row r="1"><c r="A1" t="shared"><v>1</v></c></row>',
    "rich inline text": '<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>',
    "phonetic run": '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>',
    "bad number": '<row r="1"><c r="A1"><v>1,5</v></c></row>',
    "bad shared string": '<row r="1"><c r="A1" t="s"><v>99</v></c></row>',
    "unclosed cell": '<row r="1"><c r="A1"><v>1</v></row>',
}


@pytest.mark.parametrize("inner", ODD.values(), ids=list(ODD))
def test_unusual_xml_is_read_or_refused_as_expat_does(
    inner: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = _book(tmp_path, inner)
    if inner not in (ODD["bad number"], ODD["bad shared string"]):
        assert sheetfast.split(_sheet_xml(p)) is None  # left to expat
    assert_same_both_ways(p, monkeypatch)


def test_other_encoding_is_left_to_expat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _book(tmp_path, '<row r="1"><c r="A1" t="inlineStr"><is><t>caf\u00e9</t></is></c></row>', name="u.xlsx")
    xml = _sheet_xml(src).decode("utf-8")
    xml = re.sub(r"^<\?xml[^>]*\?>", "", xml)
    latin = ('<?xml version="1.0" encoding="ISO-8859-1"?>' + xml).encode("latin-1")
    dst = _with_sheet(src, tmp_path / "latin.xlsx", latin)
    assert sheetfast.split(latin) is None
    assert_same_both_ways(dst, monkeypatch)
    assert load_grids(dst)[0].value(0, 0) == "caf\u00e9"


def test_sample_and_layouts_read_the_same(sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with zipfile.ZipFile(sample_path) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
        assert all(sheetfast.split(zf.read(n)) is not None for n in sheets)  # the sample is plainly written
    assert_same_both_ways(sample_path, monkeypatch)
    for v in VARIANTS:
        assert_same_both_ways(rewrite(sample_path, tmp_path / f"{v.name}.xlsx", v), monkeypatch)


def test_office_corpus_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Other offices' workbooks (openpyxl-written: inline strings, merges, hidden sheets)."""
    for make in CORPUS:
        case = make()
        p = write(case, tmp_path / f"{case.name}.xlsx")
        with zipfile.ZipFile(p) as zf:
            assert any(sheetfast.split(zf.read(n)) for n in zf.namelist() if n.startswith("xl/worksheets/"))
        assert_same_both_ways(p, monkeypatch)


AROUND = {
    "merges": '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A2:A3"/></mergeCells>',
    "a cell element after the cells": '<extLst><ext uri="x"><c r="D9"><v>5</v></c></ext></extLst>',
    "a bad merge": '<mergeCells count="1"><mergeCell ref="A1:"/></mergeCells>',
    "nothing handled": '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
}


@pytest.mark.parametrize("after", AROUND.values(), ids=list(AROUND))
def test_elements_after_the_cells_as_expat(after: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = _book(tmp_path, PLAIN, after=after)
    assert sheetfast.split(_sheet_xml(p)) is not None
    assert_same_both_ways(p, monkeypatch)


def test_prefix_declared_off_the_root_is_left_to_expat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A prefix declared on an element closed before the cells is unbound inside them: expat refuses it."""
    src = _book(tmp_path, '<row r="1" zz:a="1"><c r="A1"><v>1</v></c></row>', name="src2.xlsx")
    xml = _sheet_xml(src).replace(b"<sheetData>", b'<foo xmlns:zz="urn:x"/><sheetData>')
    dst = _with_sheet(src, tmp_path / "offroot.xlsx", xml)
    assert sheetfast.split(xml) is None
    assert_same_both_ways(dst, monkeypatch)
    with pytest.raises(LkjError):
        load_grids(dst)


def test_merges_before_the_cells_as_expat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Merged ranges written before <sheetData> (no writer does; a hand-made part may) still count."""
    src = _book(tmp_path, PLAIN, name="src3.xlsx", after=AROUND["merges"])
    merges = b'<mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells>'
    xml = _sheet_xml(src).replace(b"<sheetData>", merges + b"<sheetData>")
    dst = _with_sheet(src, tmp_path / "head_merges.xlsx", xml)
    assert sheetfast.split(xml) is not None
    assert sheetfast.needs_handlers(xml[: xml.find(b"<sheetData>")]) == "merges"
    assert_same_both_ways(dst, monkeypatch)
    assert len(load_grids(dst)[0].merges) == 3  # D1:E1 clipped to the sheet's 5 columns, and the two after
