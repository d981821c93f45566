"""Report sheets (Ringkasan, Temuan, Checklist Reviu) and the xlsx/html/json report."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from conftest import find_cell
from lkj_excel.errors import LkjError
from lkj_excel.findings import Finding, report_dict
from lkj_excel.review.checklist import QUESTIONS
from lkj_excel.write import summary as S
from lkj_excel.write.report import render_html, write_report


def _findings() -> list[Finding]:
    return [
        Finding(
            "T001",
            "totals.column",
            "error",
            "Tabel 3.17",
            "D11",
            "2.823.094.761",
            "2.823.094.762",
            "test.msg",
            {},
            ["Tabel 3.17!D5", "Tabel 3.17!D6"],
            2823094762,
            "3.17",
        ),
        Finding(
            "C001", "capaian.ratio", "warning", "Tabel 3.2", "G6", "88,65%", "88,66%", "test.msg", {}, [], None, "3.2"
        ),
        Finding(
            "X010",
            "crosstable.indicator",
            "error",
            "Tabel 3.2",
            "E6",
            "85,00",
            "86,00",
            "test.msg",
            {},
            ["Tabel 2.2!E6"],
            None,
            "3.2",
        ),
        Finding(
            "N001",
            "narrative.claim",
            "info",
            "Narasi",
            "B12",
            "<b>75,35</b> & co",
            "75,35",
            "test.msg",
            {},
            [],
            None,
            "Narasi",
        ),
        Finding(
            "E001",
            "efisiensi.formula",
            "warning",
            "Tabel 3.14",
            "F5",
            "-10,29",
            "-10,30",
            "test.msg",
            {},
            [],
            -10.3,
            "3.14",
        ),
    ]


def _by_id(items, key):
    return next(i for i in items if i["key"] == key)


# ---------------------------------------------------------------- xlsx through the hook


def _hook_book(tmp_path: Path, wb, findings, cell_map) -> Path:
    """What write_corrected does: Ringkasan first, the corrected sheets, then the hook."""
    path = tmp_path / "corrected.xlsx"
    book = xlsxwriter.Workbook(str(path))
    first = book.add_worksheet("Ringkasan")
    t = book.add_worksheet("Tabel 3.2")
    t.write("G6", 88.66)
    book.add_worksheet("Tabel 3.17")
    S.extra_sheets_hook(wb, findings, "id")(book, cell_map, first)
    book.close()
    return path


def test_xlsx_hook(tmp_path, sample_wb):
    fs = _findings()
    cell_map = {("Tabel 3.2", "G6"): ("Tabel 3.2", "G6"), ("Tabel 3.17", "D11"): ("Tabel 3.17", "D12")}
    path = _hook_book(tmp_path, sample_wb, fs, cell_map)
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]
    assert len(charts) == 3

    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "Ringkasan"
    assert {"Temuan", "Checklist Reviu"} <= set(book.sheetnames)

    ws = book["Ringkasan"]
    c = find_cell(ws, "Kesalahan", column=1)
    assert ws.cell(c.row, c.column + 1).value == 2
    c = find_cell(ws, "Peringatan", column=1)
    assert ws.cell(c.row, c.column + 1).value == 2
    assert find_cell(ws, "Kecamatan Sei Balai")
    ikm = find_cell(ws, "Indeks Kepuasan Masyarakat (IKM)", column=1)
    vals = [ws.cell(ikm.row, ikm.column + i).value for i in range(1, 8)]
    assert vals[:3] == [85, 75.35, 88.65]
    assert vals[4:6] == ["C", "Kurang Baik"]
    akip = find_cell(ws, "Nilai AKIP", column=1)
    assert ws.cell(akip.row, akip.column + 5).value == "BB"
    assert find_cell(ws, "sei_balai_2024.xlsx")

    ws = book["Temuan"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:I")
    header = [c.value for c in ws[1]]
    assert header == ["Kode", "Tingkat", "Tabel", "Sel", "Ditemukan", "Seharusnya", "Pesan", "Status", "Sel terkait"]
    rows = list(ws.iter_rows(min_row=2, values_only=False))
    assert len(rows) == len(fs)
    by_code = {r[0].value: r for r in rows}
    link = by_code["T001"][3].hyperlink
    assert link is not None and link.location == "'Tabel 3.17'!D12"
    assert by_code["T001"][3].value == "Tabel 3.17!D11"
    assert by_code["C001"][3].hyperlink.location == "'Tabel 3.2'!G6"
    assert by_code["X010"][3].hyperlink is None and by_code["X010"][3].value == "Tabel 3.2!E6"
    assert by_code["T001"][1].value == "Kesalahan" and by_code["T001"][7].value == "dikoreksi"
    assert by_code["C001"][7].value == "perlu diperiksa"
    assert by_code["T001"][1].fill.fgColor.rgb != by_code["C001"][1].fill.fgColor.rgb

    ws = book["Checklist Reviu"]
    q = find_cell(ws, QUESTIONS[0]["id"])
    assert ws.cell(q.row, q.column + 1).value == "Tidak"
    assert ws.cell(q.row, q.column + 2).value == 2


def test_xlsx_hook_missing_tables(tmp_path, sample_wb):
    import dataclasses

    wb = dataclasses.replace(sample_wb, tables={k: v for k, v in sample_wb.tables.items() if k not in ("3.12", "3.17")})
    path = _hook_book(tmp_path, wb, [], {})
    with zipfile.ZipFile(path) as z:
        assert len([n for n in z.namelist() if n.startswith("xl/charts/chart")]) == 1
    ws = openpyxl.load_workbook(path)["Ringkasan"]
    notes = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "tidak dibuat" in c.value]
    assert len(notes) == 2 and any("Tabel 3.12" in n for n in notes)


# ---------------------------------------------------------------- write_report


def test_report_xlsx(tmp_path, sample_wb):
    out = write_report(sample_wb, _findings(), tmp_path / "laporan.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Ringkasan", "Temuan", "Checklist Reviu"]
    ws = book["Temuan"]
    cells = [r[3] for r in ws.iter_rows(min_row=2)]
    assert len(cells) == 5 and all(c.hyperlink is None for c in cells)
    assert not list(tmp_path.glob(".*tmp*"))


def test_report_json(tmp_path, sample_wb):
    fs = _findings()
    out = write_report(sample_wb, fs, tmp_path / "r.json", lang="en")
    data = json.loads(out.read_text(encoding="utf-8"))
    review = data.pop("review")
    assert data == report_dict(fs, sample_wb.path, "en")
    assert [i["key"] for i in review["checklist"]][0] == "arithmetic" and review["counts"]["error"] == 2
    assert {k["id"] for k in review["indicators"]} >= {"ikm", "akip"}


def test_report_exists_and_suffix(tmp_path, sample_wb):
    out = tmp_path / "r.json"
    out.write_text("old")
    with pytest.raises(LkjError) as e:
        write_report(sample_wb, [], out)
    assert e.value.key == "out.exists" and out.read_text() == "old"
    write_report(sample_wb, [], out, force=True)
    assert json.loads(out.read_text())["summary"] == {"error": 0, "warning": 0, "info": 0}
    with pytest.raises(LkjError) as e:
        write_report(sample_wb, [], tmp_path / "r.pdf")
    assert e.value.key == "out.suffix" and "r.pdf" in e.value.message("en")


def test_html_escapes_and_is_self_contained(sample_wb):
    html = render_html(sample_wb, _findings())
    assert "<b>75,35</b>" not in html and "&lt;b&gt;75,35&lt;/b&gt; &amp; co" in html
    assert not re.search(r"""(src|href)=["'](https?:|//)""", html)
    assert "@page { size: A4; margin: 15mm; }" in html and "break-inside: avoid" in html
    assert html.count('class="finding"') == 5


# ---------------------------------------------------------------- chromium

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
def test_html_in_chromium(tmp_path, sample_wb):
    fs = _findings()
    out = write_report(sample_wb, fs, tmp_path / "r.html")
    dom = _chromium(tmp_path, "--dump-dom", out.as_uri()).stdout
    m = re.search(r'<table id="temuan".*?</table>', dom, re.DOTALL)
    assert m, dom[:500]
    assert len(re.findall(r'<tr class="finding"', m.group(0))) == len(fs)
    assert "Kecamatan Sei Balai" in dom

    pdf = tmp_path / "r.pdf"
    _chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", out.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert boxes
    for box in boxes:
        x0, y0, x1, y1 = map(float, box)
        assert x1 - x0 == pytest.approx(595.3, abs=2) and y1 - y0 == pytest.approx(841.9, abs=2)


def test_hook_with_write_corrected(tmp_path, sample_wb):
    corrected = pytest.importorskip("lkj_excel.write.corrected")
    fs = [f for f in _findings() if f.table != "Narasi"]
    out = tmp_path / "koreksi.xlsx"
    cell_map = corrected.write_corrected(sample_wb, fs, out, extra_sheets=S.extra_sheets_hook(sample_wb, fs, "id"))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Ringkasan" and "Temuan" in book.sheetnames
    ws = book["Temuan"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    target = cell_map[("Tabel 3.17", "D11")]
    link = rows["T001"][3].hyperlink
    assert link is not None and link.location == "'{}'!{}".format(*target)
