"""The corrected workbook: standard layout, live formulas LibreOffice agrees with, nothing lost."""

from __future__ import annotations

import hashlib
import math
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from lkj_excel.errors import LkjError
from lkj_excel.findings import Finding
from lkj_excel.numerals import parse_cell, parse_text
from lkj_excel.read.reader import read_workbook
from lkj_excel.spec import normalise
from lkj_excel.write.corrected import write_corrected

EQ_TEXT = "=1+2 bukan rumus"

RECALC_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""


def _soffice_convert(src: Path, outdir: Path, fmt: str, profile: Path, recalc: bool = False) -> Path:
    """Convert with headless LibreOffice in its own profile; with `recalc`, every formula is
    recalculated on load (Calc > Formula > Recalculation on file load: Always)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) not installed")
    if recalc:
        (profile / "user").mkdir(parents=True, exist_ok=True)
        (profile / "user" / "registrymodifications.xcu").write_text(RECALC_XCU)
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    assert out.exists(), f"LibreOffice did not write {out}"
    return out


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def case(sample_path: Path, tmp_path_factory):
    d = tmp_path_factory.mktemp("corr")
    src = d / "input.xlsx"
    x = openpyxl.load_workbook(sample_path)
    # Text cells that begin with "=" must stay text.
    for ws, word in ((x["Tabel 2.1"], "pemberdayaan"), (x["Info"], "")):
        cell = next(
            c
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str) and len(c.value) > 5 and c.row > 1 and c.column > 1 and word in c.value
        )
        cell.value = EQ_TEXT
        cell.data_type = "s"
    x.save(src)
    wb = read_workbook(src)
    from lkj_excel.check import run_checks

    findings = run_checks(wb)
    t = wb.tables["1.2"]
    tot = t.total_row().cells["l"]
    if not any(f.fix is not None for f in findings):
        s = sum(r.cells["l"].value for r in t.data_rows())
        findings.append(
            Finding("T999", "test.sum", "error", tot.sheet, tot.ref, tot.text, str(s), "x", fix=s, table="1.2")
        )
    p = wb.paragraphs[0]
    fixed_par = p.text.replace("Kecamatan", "KECAMATAN", 1) + " (diperbaiki)"
    findings.append(
        Finding("N999", "test.typo", "info", p.sheet, p.ref, None, None, "x", fix=fixed_par, table="Narasi")
    )
    c33 = wb.tables["3.3"].row("u9").cells["nilai"]
    findings.append(Finding("K999", "test.nofix", "warning", c33.sheet, c33.ref, c33.text, None, "x", table="3.3"))
    before = _sha(src)
    out = d / "output.xlsx"
    calls = []

    def extra(xw, cell_map, first):
        calls.append((first.get_name(), len(cell_map)))
        first.write_string(0, 0, "Ringkasan")
        ws = xw.add_worksheet("Temuan")
        ws.write_string(0, 0, "Temuan")

    cmap = write_corrected(wb, findings, out, extra_sheets=extra)
    return {
        "src": src,
        "wb": wb,
        "findings": findings,
        "out": out,
        "map": cmap,
        "before": before,
        "calls": calls,
        "paragraph": (p, fixed_par),
        "nofix": c33,
        "dir": d,
    }


def test_reads_back_with_all_tables(case) -> None:
    wb, out = case["wb"], case["out"]
    back = read_workbook(out)
    assert back.missing == []
    assert set(back.tables) == set(wb.tables)
    for tid, t in wb.tables.items():
        b = back.tables[tid]
        assert set(t.columns) <= set(b.columns), tid
        assert len(b.rows) == len(t.rows), tid
        assert [r.role for r in b.rows] == [r.role for r in t.rows], tid
        assert b.sheet == f"Tabel {tid}"
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert names[0] == "Ringkasan" and names[-1] == "Temuan"
    assert "Narasi" in names and "Info" in names
    assert case["calls"] and case["calls"][0][0] == "Ringkasan" and case["calls"][0][1] > 0


def test_figures_are_numbers(case) -> None:
    back = read_workbook(case["out"])
    for t in back.tables.values():
        for _r, cid, c in t.iter_cells():
            col = t.spec.column(cid)
            if col.numeric and c.status == "number":
                assert not isinstance(c.raw, str), (c.address, c.raw)
    # percent stored as percent, predikat kept as text
    x = openpyxl.load_workbook(case["out"], data_only=True)
    t = read_workbook(case["src"]).tables["3.9"]
    row = t.row("akip")
    osheet, oref = case["map"][(t.sheet, row.cells["realisasi_2024"].ref)]
    assert x[osheet][oref].value == row.cells["realisasi_2024"].raw
    osheet, oref = case["map"][(t.sheet, t.row("ikm").cells["capaian_2024"].ref)]
    assert x[osheet][oref].value == pytest.approx(88.65, abs=0.005)


def _comment(ws, ref: str) -> str:
    c = ws[ref].comment
    return c.text if c is not None else ""


def _same(v, fmt, ov, formula: bool = False) -> bool:
    if (
        isinstance(v, str)
        and isinstance(ov, str)
        and (v.strip() == ov.strip() or (normalise(v) == normalise(ov) and normalise(v)))
    ):
        return True  # headers are rewritten in the standard spelling: "Tabel. 1.1" -> "Tabel 1.1", "No." -> "No"
    if isinstance(ov, str) and re.fullmatch(r"\(\d+\)", ov) and re.fullmatch(r"\(?\d+\)?", str(v).strip()):
        return True  # column-number row, renumbered "(1) (2) …" for the standard columns
    p = parse_cell(v, fmt)
    q = parse_cell(ov, None) if not isinstance(ov, (int, float)) else None
    if p.value is not None:
        if isinstance(ov, (int, float)) and not isinstance(ov, bool):
            # a formula shows the printed figure at its printed decimals
            tol = 0.5 * 10.0 ** -(p.decimals or 0) + 1e-9 if formula else 1e-9
            return math.isclose(p.value, float(ov), rel_tol=1e-9, abs_tol=tol)
        return q is not None and q.value is not None and math.isclose(p.value, q.value, rel_tol=1e-9)
    if p.status == "none":
        return q is not None and q.status == "none"
    return False


def _in_comment(v, fmt, note: str) -> bool:
    if not note:
        return False
    s = str(v).strip()
    if s and s in note:
        return True
    p = parse_cell(v, fmt)
    for m in re.finditer(r"Nilai asli: (.*)", note):
        q = parse_text(m.group(1))
        if p.value is not None and q.value is not None and math.isclose(p.value, q.value, rel_tol=1e-9):
            return True
    return False


def test_nothing_lost(case) -> None:
    src, out, cmap = case["src"], case["out"], case["map"]
    xi = openpyxl.load_workbook(src, data_only=True)
    xo = openpyxl.load_workbook(out, data_only=True)
    xc = openpyxl.load_workbook(out)  # comments
    missing, differ = [], []
    for ws in xi.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                key = (ws.title, c.coordinate)
                if key not in cmap:
                    missing.append((key, c.value))
                    continue
                osheet, oref = cmap[key]
                ov = xo[osheet][oref].value
                if _same(c.value, c.number_format, ov, xc[osheet][oref].data_type == "f"):
                    continue
                if _in_comment(c.value, c.number_format, _comment(xc[osheet], oref)):
                    continue
                differ.append((key, c.value, (osheet, oref), ov))
    assert missing == []
    assert differ == [], "\n".join(map(str, differ))


def test_corrections_and_comments(case) -> None:
    xo = openpyxl.load_workbook(case["out"], data_only=True)
    xc = openpyxl.load_workbook(case["out"])
    cmap = case["map"]
    for f in case["findings"]:
        key = (f.sheet, f.cell)
        if key not in cmap:
            continue
        osheet, oref = cmap[key]
        cell = xo[osheet][oref]
        note = _comment(xc[osheet], oref)
        assert f.code in note, (f.code, key)
        assert cell.fill is not None and cell.fill.fgColor.rgb not in (None, "00000000"), key
        if f.fix is not None:
            if isinstance(f.fix, str):
                assert cell.value == f.fix
            else:
                assert float(cell.value) == pytest.approx(float(f.fix), rel=1e-9, abs=1e-9), key
    p, fixed = case["paragraph"]
    osheet, oref = cmap[(p.sheet, p.ref)]
    assert xo[osheet][oref].value == fixed
    assert p.text in _comment(xc[osheet], oref)
    c = case["nofix"]
    osheet, oref = cmap[(c.sheet, c.ref)]
    assert xo[osheet][oref].value == c.value
    assert "K999" in _comment(xc[osheet], oref)


def test_formulas(case) -> None:
    xc = openpyxl.load_workbook(case["out"])
    formulas = [
        (ws.title, c.coordinate, c.value)
        for ws in xc.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    found = {f for _s, _r, f in formulas}
    assert any(f.startswith("=SUM(") for f in found)
    assert any(re.fullmatch(r"=[A-Z]+\d+/[A-Z]+\d+\*100", f) for f in found)
    assert any(re.fullmatch(r"=[A-Z]+\d+[+-][A-Z]+\d+", f) for f in found)
    # sum_of subtotal rows of Tabel 3.16 and l + p of Tabel 1.2
    assert any(s == "Tabel 3.16" and re.fullmatch(r"=[A-Z]+\d+\+[A-Z]+\d+", f) for s, _r, f in formulas)
    assert any(s == "Tabel 1.2" and re.fullmatch(r"=E\d+\+F\d+", f) for s, _r, f in formulas)


def test_libreoffice_recalculates_same_values(case) -> None:
    out, d = case["out"], case["dir"]
    lo = _soffice_convert(out, d / "lo", "xlsx", d / "profile-recalc", recalc=True)
    xf = openpyxl.load_workbook(out)
    mine = openpyxl.load_workbook(out, data_only=True)
    theirs = openpyxl.load_workbook(lo, data_only=True)
    n = 0
    bad = []
    for ws in xf.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type != "f":
                    continue
                n += 1
                a = mine[ws.title][c.coordinate].value
                b = theirs[ws.title][c.coordinate].value
                if not isinstance(b, (int, float)) or not math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9):
                    bad.append((ws.title, c.coordinate, c.value, a, b))
    assert n > 20
    assert bad == []
    errors = [
        (ws.title, c.coordinate, c.value)
        for ws in theirs.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and re.match(r"^(#(VALUE|DIV/0|REF|NAME|N/A|NUM|NULL)|Err:)", c.value)
    ]
    assert errors == []


def test_eq_text_stays_text(case) -> None:
    xc = openpyxl.load_workbook(case["out"])
    hits = [c for ws in xc.worksheets for row in ws.iter_rows() for c in row if c.value == EQ_TEXT]
    assert len(hits) == 2
    assert all(c.data_type == "s" for c in hits)


def test_input_untouched_and_overwrite_rules(case) -> None:
    src, out, wb = case["src"], case["out"], case["wb"]
    assert _sha(src) == case["before"]
    with pytest.raises(LkjError) as e:
        write_corrected(wb, case["findings"], out)
    assert e.value.key == "out.exists"
    with pytest.raises(LkjError) as e:
        write_corrected(wb, case["findings"], src, force=True)
    assert e.value.key == "out.is_input"
    assert _sha(src) == case["before"]
    again = case["dir"] / "again.xlsx"
    write_corrected(wb, case["findings"], again)
    write_corrected(wb, case["findings"], again, force=True)
    assert not [p for p in case["dir"].iterdir() if p.name.startswith(".")]


def test_pdf_renders(case) -> None:
    pdf = _soffice_convert(case["out"], case["dir"] / "pdf", "pdf", case["dir"] / "profile-pdf")
    assert pdf.stat().st_size > 10_000
