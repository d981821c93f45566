"""`fastrows` (formula-free cells straight into the grid's row lists) reads what `_store_fast` + `build_grid` read.

Thousands of generated <sheetData> texts (cells out of order, gaps, rows visited twice, later duplicates
of a cell, empty or not, self-closing and empty cells, every value type, dates, entities) with random merged
ranges: the grid from the row lists must equal the grid from the dicts, the cells handed to the formula
evaluator must hold the same values, and a value that cannot be read must fail the same way.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900

from lkj_excel.errors import LkjError
from lkj_excel.read import fastrows, sheetfast, sheetxml
from lkj_excel.read.grid import build_grid
from lkj_excel.read.load import load_grids
from lkj_excel.read.parts import Styles

STYLES = Styles(["General", "0.00", "dd/mm/yyyy", "#,##0", "0%"])  # style 2 is a date
STRINGS = ["satu", "dua", "tiga"]


def _cell(rng: random.Random, ref: str) -> str:
    s = rng.choice(["", ' s="0"', ' s="1"', ' s="2"', ' s="3"', ' s="4"', ' s="9"'])
    kind = rng.randrange(12)
    if kind == 0:
        return f'<c r="{ref}"{s} t="n"/>'
    if kind == 1:
        return f'<c r="{ref}"{s}></c>'
    if kind == 2:
        return f'<c r="{ref}"{s} t="s"><v>{rng.randrange(3)}</v></c>'
    if kind == 3:
        text = rng.choice(["a", "", " x &amp; y ", "&lt;b&gt;", "Jumlah"])
        return f'<c r="{ref}"{s} t="inlineStr"><is><t>{text}</t></is></c>'
    if kind == 4:
        return f'<c r="{ref}"{s} t="inlineStr"></c>'
    if kind == 5:
        return f'<c r="{ref}"{s} t="b"><v>{rng.randrange(2)}</v></c>'
    if kind == 6:
        return f'<c r="{ref}"{s} t="e"><v>#DIV/0!</v></c>'
    if kind == 7:
        return f'<c r="{ref}"{s} t="str"><v>teks</v></c>'
    if kind == 8:
        return f'<c r="{ref}"{s}><v>{rng.choice(["1.5", "2E3", "-7", "0", "45000.25"])}</v></c>'
    if kind == 9:
        return f'<c r="{ref}"{s}><v></v></c>'
    return f'<c r="{ref}"{s} t="n"><v>{rng.randrange(100000)}</v></c>'


def _inner(rng: random.Random) -> str:
    rows = list(range(1, rng.randrange(1, 9)))
    if rng.random() < 0.2:
        rng.shuffle(rows)  # rows out of order
    if rows and rng.random() < 0.2:
        rows.append(rng.choice(rows))  # a row written twice
    out = []
    for r in rows:
        cols = list(range(rng.randrange(0, 7)))
        if rng.random() < 0.3:
            cols = sorted(rng.sample(range(8), rng.randrange(0, 5)))  # gaps
        if cols and rng.random() < 0.3:
            cols += rng.choices(cols, k=rng.randrange(1, 3))  # later duplicates of a cell
        if rng.random() < 0.1:
            rng.shuffle(cols)
        cells = "".join(_cell(rng, f"{'ABCDEFGH'[c]}{r}") for c in cols)
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def _merges(rng: random.Random) -> list[tuple[int, int, int, int]]:
    out = []
    for _ in range(rng.randrange(0, 4)):
        r1, c1 = rng.randrange(0, 9), rng.randrange(0, 8)
        out.append((r1, c1, r1 + rng.randrange(0, 4), c1 + rng.randrange(0, 4)))
    return out


def _both(tokens: list[sheetfast.Token], merges: list[tuple[int, int, int, int]]) -> tuple[object, object]:
    ctx = (STRINGS, STYLES, CALENDAR_WINDOWS_1900, "S")
    old = sheetxml.SheetData()
    try:
        sheetxml._store_fast(old, ctx, tokens, "p", "x")
        old_cells = {r: {c: v for c, (v, _f) in row.items()} for r, row in old.cells.items()}
        want: object = (old_cells, build_grid("S", old.cells, list(merges)))
    except (LkjError, IndexError) as exc:
        want = type(exc)
    new = fastrows.SheetRows()
    try:
        fastrows.store(new, tokens, ctx, sheetxml._REFS0, sheetxml._ref0, sheetxml._convert)
        new_cells = {r: {c: v for c, (v, _f) in row.items()} for r, row in new.cells().items()}
        got: object = (new_cells, fastrows.grid("S", new, list(merges)))
    except (LkjError, IndexError) as exc:
        got = type(exc)
    return got, want


@pytest.mark.parametrize("seed", range(4))
def test_row_lists_read_as_the_dicts(seed: int) -> None:
    rng = random.Random(seed)
    compared = 0
    for _ in range(600):
        found = sheetfast.split(f"<worksheet><sheetData>{_inner(rng)}</sheetData></worksheet>".encode())
        assert found is not None
        got, want = _both(found[1], _merges(rng))
        assert got == want
        compared += got is not IndexError
    assert compared > 300


def test_a_later_empty_duplicate_wins() -> None:
    inner = '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1"><v>2</v></c><c r="B1"></c></row>'
    found = sheetfast.split(f"<worksheet><sheetData>{inner}</sheetData></worksheet>".encode())
    assert found is not None
    got, want = _both(found[1], [])
    assert got == want
    assert got[1].rows == {0: ["a"]} and got[0] == {0: {0: "a", 1: None}}  # type: ignore[index]


def test_a_value_that_cannot_be_read_is_refused_alike() -> None:
    inner = '<row r="1"><c r="A1"><v>1.2.3</v></c></row>'
    found = sheetfast.split(f"<worksheet><sheetData>{inner}</sheetData></worksheet>".encode())
    assert found is not None
    with pytest.raises(ValueError):
        fastrows.store(
            fastrows.SheetRows(), found[1], (STRINGS, STYLES, None, "S"), {}, sheetxml._ref0, sheetxml._convert
        )


def test_a_formula_reads_a_cell_a_merge_covers(tmp_path: Path) -> None:
    """Formulas are evaluated before covered cells are dropped: a formula on another sheet reads the value
    a merge on a formula-free sheet hides (as openpyxl's cells hold it), and that sheet's grid drops it."""
    src = tmp_path / "f.xlsx"
    wb = xlsxwriter.Workbook(str(src))
    ws = wb.add_worksheet("Data")
    ws.write_number(0, 0, 1)
    ws.write_number(0, 1, 5)  # covered by A1:B1
    ws.merge_range(0, 0, 0, 1, None)
    ws.write_number(0, 0, 1)
    ws.write_number(0, 1, 5)
    ws2 = wb.add_worksheet("Hitung")
    ws2.write_formula(0, 0, "=Data!B1*2", None, 0)  # no saved result: evaluated on load
    wb.close()
    with zipfile.ZipFile(src) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"B1" in sheet
    data, hitung = load_grids(src)
    assert data.rows == {0: [1]}  # B1 dropped; the range, clipped to the sheet, is gone with it
    assert hitung.rows == {0: [10]}


@pytest.mark.parametrize("seed", range(2))
def test_rows_kept_as_they_stand_read_as_the_loop(seed: int) -> None:
    """`fastrows.grid` keeps a sheet's row lists as they stand when no row ends early, none is empty and the
    cap cannot be reached: the grid (rows in the same order) is `build_grid`'s, on both paths."""
    rng = random.Random(100 + seed)
    ctx = (STRINGS, STYLES, CALENDAR_WINDOWS_1900, "S")
    kept = looped = 0
    for _ in range(800):
        found = sheetfast.split(f"<worksheet><sheetData>{_inner(rng)}</sheetData></worksheet>".encode())
        assert found is not None
        merges = _merges(rng) if rng.random() < 0.5 else []
        old = sheetxml.SheetData()
        new = fastrows.SheetRows()
        try:
            sheetxml._store_fast(old, ctx, found[1], "p", "x")
            fastrows.store(new, found[1], ctx, sheetxml._REFS0, sheetxml._ref0, sheetxml._convert)
        except (LkjError, IndexError):
            continue
        values = new.values
        got, want = fastrows.grid("S", new, list(merges)), build_grid("S", old.cells, list(merges))
        assert got == want
        assert list(got.rows) == list(want.rows) and list(got.row_formats) == list(want.row_formats)
        if got.rows is values:
            kept += 1
        else:
            looped += 1
    assert kept > 100 and looped > 100
