"""Formula-free plain sheets are built straight into the grid's row lists (sheetxml._store_direct).

Each workbook is loaded as the loader does and with that path switched off (cells through the
dict-of-dicts and build_grid, as before): grids and errors must be the same, and the direct path
must really have been taken where it applies.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from lkj_excel.errors import LkjError
from lkj_excel.read import sheetxml
from lkj_excel.read.load import load_grids
from test_fastload import assert_same_grids
from test_sheetfast import _book

MERGES = '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C3:D4"/></mergeCells>'
CASES = {
    "in order": '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>2.5</v></c></row>',
    "gap in a row": '<row r="1"><c r="A1"><v>1</v></c><c r="F1" t="s"><v>0</v></c></row>',
    "columns out of order": '<row r="1"><c r="D1"><v>4</v></c><c r="B1"><v>2</v></c><c r="A1"><v>1</v></c></row>',
    "duplicate wins": '<row r="1"><c r="A1"><v>1</v></c><c r="A1" s="1"><v>9</v></c></row>',
    "empty duplicate": '<row r="1"><c r="A1"><v>1</v></c><c r="A1"></c><c r="B1"><v>2</v></c></row>',
    "empty in a gap": '<row r="1"><c r="C1"><v>3</v></c><c r="A1"></c></row>',
    "empty cell only": '<row r="1"><c r="A1"></c></row><row r="2"><c r="B2"><v>5</v></c></row>',
    "rows out of order": '<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>',
    "row revisited": (
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'
        '<row r="1"><c r="C1"><v>3</v></c></row>'
    ),
}


def _dict_path(path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as m:
        m.setattr(sheetxml, "_store_direct", lambda *_a: False)
        return _outcome(path)


def _outcome(path: Path) -> object:
    try:
        return load_grids(path)
    except LkjError as exc:
        return (exc.key, str(exc))


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    taken: list[bool] = []
    real = sheetxml._store_direct

    def spy(*a: object) -> bool:
        taken.append(real(*a))  # type: ignore[arg-type]
        return taken[-1]

    monkeypatch.setattr(sheetxml, "_store_direct", spy)
    return taken


@pytest.mark.parametrize("merges", ["", MERGES], ids=["no merges", "merges"])
@pytest.mark.parametrize("inner", CASES.values(), ids=list(CASES))
def test_direct_rows_equal_the_dict_path(
    inner: str, merges: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = _book(tmp_path, inner, after=merges)
    slow = _dict_path(p, monkeypatch)
    taken = _spy(monkeypatch)
    fast = _outcome(p)
    assert taken, "the direct path was not tried"
    assert isinstance(fast, list) and isinstance(slow, list)
    assert_same_grids(fast, slow)
    # An empty cell over one already there is the dict path's: the direct one gives way.
    assert taken[0] is ('<c r="A1"></c>' not in inner or inner == CASES["empty cell only"])


def test_merged_cover_is_dropped_and_formats_follow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = _book(tmp_path, CASES["in order"] + '<row r="2"><c r="B2" s="1"><v>7</v></c></row>', after=MERGES)
    taken = _spy(monkeypatch)
    g = load_grids(p)[0]
    assert taken == [True]
    assert g.rows == {0: [1], 1: [None, 7]} and g.row_formats == {0: ["General"], 1: [None, "0.00"]}


def test_formula_elsewhere_reads_a_direct_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A formula on another sheet needs this one's cells as the evaluator reads them."""
    src = tmp_path / "f.xlsx"
    wb = xlsxwriter.Workbook(str(src))
    a = wb.add_worksheet("Data")
    a.write_number(0, 0, 4)
    a.write_number(1, 0, 6)
    a.merge_range(2, 0, 2, 1, "judul")
    b = wb.add_worksheet("Hitung")
    b.write_formula(0, 0, "=SUM(Data!A1:A2)")  # saved as 0 awaiting recalculation: evaluated on load
    wb.close()
    with zipfile.ZipFile(src) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")
    slow = _dict_path(src, monkeypatch)
    taken = _spy(monkeypatch)
    fast = load_grids(src)
    assert taken[:1] == [True]
    assert isinstance(slow, list)
    assert_same_grids(fast, slow)
    assert fast[1].value(0, 0) == 10 and fast[0].value(2, 0) == "judul"
