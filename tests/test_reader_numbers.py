"""A number cell's reading is remembered by (type, value, format): it must equal a fresh reading, every time."""

from __future__ import annotations

import math
import random
from typing import Any

import pytest

from lkj_excel.model import Cell
from lkj_excel.numerals import parse_cell
from lkj_excel.read import reader

FORMATS = [
    None,
    "General",
    "0",
    "#,##0",
    "#,##0.00",
    "0.00",
    "0.0",
    "0%",
    "0.00%",
    '0.00"%"',
    "#,##0;(#,##0)",
    "#,##0.00_);[Red]\\(#,##0.00\\)",
    "mm-dd-yy",
    "@",
]


def _fresh(raw: Any, fmt: str | None, address: str = "C7") -> Cell:
    """The reading spelled out, without any memory."""
    parsed = parse_cell(raw, fmt)
    return Cell("S", address, raw, reader._printed(raw, parsed), parsed, fmt)


def _values(seed: int) -> list[Any]:
    rnd = random.Random(seed)
    out: list[Any] = [0, 1, -1, 0.0, -0.0, 1.0, -1.0, 0.5, 1e15, 1e16, -1e17, 10**20, math.inf, -math.inf, math.nan]
    out += [True, False, 2.675, 1 / 3, 88.65, 0.8865, 100, 100.0, 1900, 2024.0]
    for _ in range(300):
        k = rnd.random()
        if k < 0.4:
            out.append(rnd.randint(-(10**12), 10**12))
        elif k < 0.8:
            out.append(round(rnd.uniform(-1e6, 1e6), rnd.randint(0, 6)))
        else:
            out.append(rnd.choice([rnd.random(), rnd.randint(0, 120) / 100]))
    return out


@pytest.mark.parametrize("seed", range(3))
def test_number_cells_read_as_afresh(seed: int) -> None:
    reader._NUMBERS.clear()
    values = _values(seed)
    for _round in range(2):  # first from scratch, then from memory
        for raw in values:
            for fmt in FORMATS:
                got, want = reader._cell("S", "C7", raw, fmt), _fresh(raw, fmt)
                assert type(got.raw) is type(want.raw)
                assert (got.text, got.number_format) == (want.text, want.number_format), (raw, fmt)
                if isinstance(want.value, float) and math.isnan(want.value):
                    assert got.value is not None and math.isnan(got.value)
                else:
                    assert got.parsed == want.parsed, (raw, fmt)
                # the sign of a zero too (-0.0 == 0.0)
                if want.value is not None:
                    assert math.copysign(1, got.value) == math.copysign(1, want.value), (raw, fmt)


WHOLE_FORMATS = [*FORMATS, "#,##0_);(#,##0)", "0;-0", '#,##0" Ha"', "[>=1000]#,##0;0", "#.##0", "0.0%", "##0"]


@pytest.mark.parametrize("seed", range(3))
def test_whole_numbers_read_as_parse_cell_reads_them(seed: int) -> None:
    """The shortcut for whole numbers shown without decimals gives parse_cell's reading and format_id's text."""
    rnd = random.Random(seed)
    edge = [2**53 - 1, 2**53, 2**53 + 1, -(2**53) + 1, -(2**53), 9 * 10**15, 10**16 - 1, 10**16, -(10**16), 999, 1000]
    ints = edge + [rnd.randint(-(10**k), 10**k) for k in range(1, 17) for _ in range(40)]
    for raw in ints:
        for fmt in WHOLE_FORMATS:
            parsed = parse_cell(raw, fmt)
            assert reader._number_reading(raw, fmt) == (parsed, reader._printed(raw, parsed)), (raw, fmt)


def test_equal_values_of_other_types_read_apart() -> None:
    reader._NUMBERS.clear()
    for raw in (1, 1.0, True, 0, 0.0, -0.0, False):
        for fmt in FORMATS:
            assert reader._cell("S", "A1", raw, fmt) == _fresh(raw, fmt, "A1"), (raw, fmt)


def test_memory_stays_bounded() -> None:
    reader._NUMBERS.clear()
    for i in range(reader._MAX_NUMBERS + 10):
        reader._cell("S", "A1", i, "0")
    assert len(reader._NUMBERS) <= reader._MAX_NUMBERS
    assert reader._cell("S", "A1", 7, "0") == _fresh(7, "0", "A1")


def test_texts_read_from_memory_as_afresh(sample_path: Any) -> None:
    """Typed texts are remembered from workbook to workbook: a second reading gives the same cells."""
    from lkj_excel.read.load import load_grids

    def cells() -> list[tuple[str, int, str, str, Any]]:
        wb = reader.read_grids(str(sample_path), load_grids(sample_path))
        return [
            (tid, r.excel_row, cid, c.text, c.parsed)
            for tid, t in wb.tables.items()
            for r in t.rows
            for cid, c in r.cells.items()
        ]

    reader._TEXTS.clear()
    reader._NUMBERS.clear()
    first = cells()
    assert reader._TEXTS and reader._NUMBERS
    assert cells() == first


def test_text_memory_stays_bounded() -> None:
    reader._TEXTS.clear()
    for i in range(reader._MAX_TEXTS + 5):
        reader._TEXTS[str(i)] = reader._text_reading(str(i))
    assert len(reader._texts()) == 0
