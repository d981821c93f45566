"""The rekap's Temuan rows are rendered in bulk (write/xlsx_rows.BulkSheet): the same workbook as xlsxwriter's
cell-by-cell writing, as openpyxl and LibreOffice read it."""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lkj_excel.batch.recap import _wrapped_lines
from lkj_excel.write.xlsx import new_workbook
from lkj_excel.write.xlsx_rows import BulkSheet
from xlsx_compare import compare

LONG = "Ü" * 20000 + "😀" * 10000  # 40.000 UTF-16 units: cut at 32.767 as write_string cuts it
ROWS: list[list[Any]] = [
    ["Kec Sei Balai/LKjIP 2024.xlsx", "R101", "Jumlah", "KESALAHAN", "3.16", "Tabel 3.16", "E12", "1.000", "2.000"],
    ["Kec Sei Balai/LKjIP 2024.xlsx", "R101", None, "", "3.16", None, "E13", 12.5, 7, None, "a, b"],
    [None, "", "x < y & z > 0", " spasi di tepi ", "baris\nkedua", "_x0041_ bukan A", "kontrol\x01\x1f", True, LONG],
    ["Kec Sei Balai/LKjIP 2024.xlsx", math.nan, math.inf, -math.inf, 0, -0.5, 1e-20, 123456789012345, 0.25],
    [],
    ["", "", "", "ujung"],
    ["x" * 200, "'=1+1", "=SUM(A1:A2)", "https://contoh.id", "Kec Sei Balai/LKjIP 2024.xlsx"],
]
HEIGHTS = [15.0, 30.0, 22.5, 16.0, 15.0, 45.0, 90.0]


def _cell_by_cell(path: Path, head: list[str]) -> None:
    book = new_workbook(path)
    wrap, num, bold = (book.add_format(f) for f in ({"text_wrap": True}, {"num_format": "0.00"}, {"bold": True}))
    ws = book.add_worksheet("Temuan")
    ws.write_row(0, 0, head, bold)
    ws.set_row(0, 30.0)
    for i, (row, height) in enumerate(zip(ROWS, HEIGHTS, strict=True), start=1):
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                ws.write_number(i, c, v, num)
            else:
                ws.write_string(i, c, v if isinstance(v, str) else str(v), wrap)
        ws.set_row(i, height)
    ws.set_column(0, 0, 30)
    book.close()


def _bulk(path: Path, head: list[str]) -> None:
    book = new_workbook(path)
    wrap, num, bold = (book.add_format(f) for f in ({"text_wrap": True}, {"num_format": "0.00"}, {"bold": True}))
    ws = book.add_worksheet("Temuan", worksheet_class=BulkSheet)
    assert ws.put_rows([head], [30.0], bold, bold) == 1
    assert ws.put_rows(ROWS, HEIGHTS, wrap, num) == 1 + len(ROWS)
    ws.set_column(0, 0, 30)
    book.close()


HEAD = ["Berkas", "Kode", "Aturan", "Tingkat", "Tabel", "Lembar", "Sel", "Tertulis", "Seharusnya", "Pesan", "Terkait"]


def test_bulk_rows_read_as_cell_by_cell(tmp_path: Path) -> None:
    _cell_by_cell(tmp_path / "a.xlsx", HEAD)
    _bulk(tmp_path / "b.xlsx", HEAD)
    assert compare(tmp_path / "a.xlsx", tmp_path / "b.xlsx") == []
    ws = openpyxl.load_workbook(tmp_path / "b.xlsx")["Temuan"]
    assert ws.dimensions == "A1:K8"
    assert ws["C3"].value is None and ws["D3"].value is None and ws["E3"].value == "3.16"  # after gaps
    assert ws["C4"].value == "x < y & z > 0" and ws["D4"].value == " spasi di tepi "
    assert ws["F4"].value == "_x0041_ bukan A" and ws["H4"].value == "True"
    assert (
        ws["B5"].value == "=#NUM!" and ws["C5"].value == "=1/0" and ws["D5"].value == "=-1/0" and ws["I5"].value == 0.25
    )
    assert ws["D7"].value == "ujung" and ws["A7"].value is None
    assert ws["B8"].value == "'=1+1" and ws["C8"].data_type == "s" and ws["D8"].hyperlink is None  # text stays text
    assert ws.row_dimensions[3].height == 30 and ws.row_dimensions[4].height == 22.5


def test_the_comparer_sees_a_difference(tmp_path: Path) -> None:
    """compare() is the proof that the bulk rows are the same: it must see a changed value, format or height."""
    _bulk(tmp_path / "b.xlsx", HEAD)
    for change in ("value", "format", "height"):
        wb = openpyxl.load_workbook(tmp_path / "b.xlsx")
        ws = wb["Temuan"]
        if change == "value":
            ws["G2"] = "E14"
        elif change == "format":
            ws["H3"].number_format = "0.0"
        else:
            ws.row_dimensions[2].height = 45
        wb.save(tmp_path / "c.xlsx")
        found = compare(tmp_path / "b.xlsx", tmp_path / "c.xlsx")
        assert found, change


def test_bulk_refuses_cells_written_one_by_one(tmp_path: Path) -> None:
    book = new_workbook(tmp_path / "d.xlsx")
    ws = book.add_worksheet("T", worksheet_class=BulkSheet)
    ws.write_string(0, 0, "satu")
    with pytest.raises(ValueError):
        ws.put_rows([["dua"]], [15.0], book.add_format(), book.add_format())
    book.close()


def test_libreoffice_reads_the_bulk_rows(tmp_path: Path) -> None:
    """Cells that follow their left neighbour carry no address: LibreOffice must place them as openpyxl does."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) not installed")
    _bulk(tmp_path / "b.xlsx", HEAD)
    out = tmp_path / "lo"
    cmd = [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless"]
    cmd += ["--convert-to", "xlsx", "--outdir", str(out), str(tmp_path / "b.xlsx")]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    want = openpyxl.load_workbook(tmp_path / "b.xlsx")["Temuan"]
    got = openpyxl.load_workbook(out / "b.xlsx")["Temuan"]
    for row in want.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("="):
                continue  # an error cell comes back as LibreOffice's own formula
            v = got[c.coordinate].value
            if isinstance(v, str) and "_x" in v:  # a control character's escape comes back in lower case
                v, c.value = v.lower(), str(c.value).lower()
            assert v == c.value, c.coordinate
    assert got.row_dimensions[3].height == 30


def _word_by_word(text: str, per: int) -> int:
    """The rekap's first word wrapper: words packed one by one (the reference the faster one must equal)."""
    n = 0
    for para in text.split("\n"):
        n += 1
        used = 0
        for word in para.split(" "):
            w = len(word)
            if used and used + 1 + w > per:
                n += 1
                used = 0
            while w > per:
                n += 1
                w -= per
            used += w + (1 if used else 0)
    return n


@pytest.mark.parametrize("per", [1, 2, 3, 7, 14, 60])
def test_wrapping_counts_lines_as_word_by_word(per: int) -> None:
    import random

    rnd = random.Random(per)
    pieces = ["a", "bb", " ", "  ", "\n", "kata", "x" * 37, "Tabel 3.16", ""]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        assert _wrapped_lines.__wrapped__(text, per) == _word_by_word(text, per), (text, per)
    assert _wrapped_lines.__wrapped__("aaa bbb ccc", 7) == 2  # "aaa bbb" / "ccc"
    assert _wrapped_lines.__wrapped__("aaaaaaaaaaaaaaa", 7) == 3  # a long word breaks every 7 characters
