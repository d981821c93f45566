"""The blank standard workbook: reads back with every table found and no figures."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from lkj_excel.errors import LkjError
from lkj_excel.read.reader import read_workbook
from lkj_excel.spec import load_all
from lkj_excel.template import write_template


@pytest.fixture(scope="module")
def template_path(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tpl") / "templat.xlsx"
    write_template(out, year=2024)
    return out


def test_reads_back_with_every_table_and_no_numbers(template_path: Path) -> None:
    wb = read_workbook(template_path)
    assert wb.missing == []
    assert len(wb.tables) == len(load_all(2024)) == 24
    assert wb.year == 2024
    for t in wb.tables.values():
        assert t.missing_columns == [], t.id
        assert t.number_row is not None, t.id
        nums = [c.address for _r, _cid, c in t.iter_cells() if c.value is not None]
        assert nums == [], (t.id, nums)


def test_sheets_and_prefilled_rows(template_path: Path) -> None:
    x = openpyxl.load_workbook(template_path)
    names = x.sheetnames
    assert names[0] == "Petunjuk" and names[1] == "Info" and names[-1] == "Narasi"
    assert [x["Narasi"]["A1"].value, x["Narasi"]["B1"].value] == ["Mengikuti", "Paragraf"]
    assert [x["Info"][f"A{i}"].value for i in (1, 2, 3)] == ["Nama Instansi", "Kabupaten", "Tahun"]
    wb = read_workbook(template_path)
    assert [r.row_id for r in wb.tables["3.16"].rows][-1] == "total"
    assert {r.row_id for r in wb.tables["3.17"].data_rows()} >= {"7.01.01", "7.01.06"}
    assert wb.tables["3.17"].total_row() is not None
    assert [r.row_id for r in wb.tables["3.3"].data_rows()] == [f"u{i}" for i in range(1, 10)]
    assert [r.row_id for r in wb.tables["3.5"].rows] == ["ikm"]
    assert [r.row_id for r in wb.tables["3.11"].rows] == ["akip"]
    assert wb.tables["1.1"].total_row() is not None
    text = "\n".join(str(c.value) for row in x["Petunjuk"].iter_rows() for c in row if c.value)
    for needle in ("BB (71,00)", "Jumlah", "lkj-excel check", '"-"'):
        assert needle in text


def test_default_year_and_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    write_template(out)
    assert openpyxl.load_workbook(out)["Info"]["B3"].value == dt.date.today().year - 1
    with pytest.raises(LkjError) as e:
        write_template(out)
    assert e.value.key == "out.exists"
    write_template(out, force=True, year=2023)
    assert read_workbook(out).year == 2023
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]  # no temp file left


def test_opens_in_libreoffice(template_path: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) not installed")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(template_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "templat.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
    if shutil.which("pdftotext"):
        pages = []
        for i in range(1, 200):
            r = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"], capture_output=True, text=True)
            if r.returncode != 0:
                break
            pages.append(r.stdout)
        narasi = [p for p in pages if "Mengikuti" in p]
        assert narasi and all("Paragraf" in p for p in narasi)  # the two Narasi columns print on one page
        petunjuk = next(p for p in pages if "Petunjuk pengisian" in p)
        assert "lkj-excel check NAMA_BERKAS.xlsx" in petunjuk  # the instructions are not cut off the page


def test_print_setup(template_path: Path) -> None:
    from lkj_excel.write.layout import fit_row_height

    x = openpyxl.load_workbook(template_path)
    for ws in x.worksheets:
        assert ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.paperSize == 9 and "&P" in (ws.oddFooter.right.text or ""), ws.title
    assert x["Narasi"].page_setup.orientation == "landscape" and x["Narasi"].print_title_rows.replace("$", "") == "1:1"
    ws = x["Petunjuk"]
    width = ws.column_dimensions["A"].width
    for row in ws.iter_rows():
        c = row[0]
        if isinstance(c.value, str) and c.alignment.wrap_text:
            assert ws.row_dimensions[c.row].height >= fit_row_height([(c.value, width - 1)]) - 13, c.row
