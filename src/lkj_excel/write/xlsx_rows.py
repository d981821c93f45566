"""An xlsxwriter worksheet that takes its cell rows in bulk, rendered straight to their XML.

xlsxwriter spends about 10 µs on each cell (a bounds check, a tuple in its cell
table, then a generic XML writer at close); the batch's rekap has a million
cells in its Temuan sheet for 1.000 workbooks, 10 s. `BulkSheet.put_rows` renders
a whole row with one format for its texts and one for its numbers in one pass.
Everything else (columns, print setup, panes, filter, the shared strings and the
package) stays xlsxwriter's: the cells are the same as `write_string`'s and
`write_number`'s (shared strings, the same number notation, NaN/Infinity as the
same error cells), and the rows carry their height as `set_row` writes it. A cell
that follows its left neighbour carries no address (optional in the format; a
quarter less XML to compress), one after an empty cell does.

It builds on xlsxwriter's `worksheet_class` hook and three internals of its
Worksheet (3.x): `_write_sheet_data` (overridden), `_check_dimensions` and the
workbook's shared string table `str_table`; tests/test_batch_recap_fast.py
compares a sheet written this way with the same sheet written cell by cell.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

_STR_MAX = 32767  # UTF-16 units in a cell (Excel's limit; xlsxwriter truncates the same way)
_DEFAULT_PX = 20  # a row this high (15 points) carries no height attribute
# Non-finite numbers as the tool's workbooks write them (`nan_inf_to_errors`): an error formula.
_NON_FINITE = {"nan": ("#NUM!", "#NUM!"), "inf": ("1/0", "#DIV/0!"), "-inf": ("-1/0", "#DIV/0!")}


def _fit(s: str) -> str:
    """At most 32.767 UTF-16 units (a character beyond the BMP counts two)."""
    if len(s) <= _STR_MAX // 2:
        return s
    n = 0
    for i, ch in enumerate(s):
        n += 2 if ord(ch) > 0xFFFF else 1
        if n > _STR_MAX:
            return s[:i]
    return s


class BulkSheet(Worksheet):
    """Add it with `book.add_worksheet(name, worksheet_class=BulkSheet)`; give every cell through `put_rows`
    (cells written with `write_*` are not kept on this sheet: `put_rows` refuses to mix)."""

    def __init__(self) -> None:
        super().__init__()
        self._bulk: list[str] = []
        self._next_row = 0
        self._texts: dict[int, dict[str, str]] = {}

    def put_rows(
        self, rows: Iterable[Sequence[Any]], heights: Iterable[float], text_format: Any, number_format: Any
    ) -> int:
        """Append `rows` (texts, numbers, None or "" for an empty cell; anything else as its text) below the
        rows given so far, each with its height in points; return the next free row."""
        if self.table:
            raise ValueError("BulkSheet: cells already written with write_*")
        ts, tn = text_format._get_xf_index(), number_format._get_xf_index()
        # A text's cell is the same wherever it stands (a cell that follows its left neighbour needs no
        # address): rendered once per text and style. The file name, rule and severity repeat on every row.
        texts = self._texts.setdefault(ts, {})
        sst, repeats = self.str_table._get_shared_string_index, 0
        out, r, width, letters = self._bulk, self._next_row, 0, [""]
        for row, height in zip(rows, heights, strict=True):
            r += 1
            if len(row) > width:
                width = len(row)
                letters = [xl_col_to_name(c) for c in range(width)]
            cells = [f'<row r="{r}"{_height_attrs(height)}>']
            nxt = 0
            for c, v in enumerate(row):
                if v.__class__ is not str:  # texts first: most cells are
                    if v is None or v == "":
                        continue
                    if isinstance(v, (int, float)) and not isinstance(v, bool):
                        cells.append(_number(tn, v) if c == nxt else _number(tn, v, f"{letters[c]}{r}"))
                        nxt = c + 1
                        continue
                    v = v if isinstance(v, str) else str(v)
                if not v:
                    continue
                x = texts.get(v)
                if x is None:
                    x = texts[v] = f'<c s="{ts}" t="s"><v>{sst(_fit(v))}</v></c>'
                else:
                    repeats += 1
                if c != nxt:  # after an empty cell: the address says where
                    x = f'<c r="{letters[c]}{r}"{x[2:]}'
                nxt = c + 1
                cells.append(x)
            cells.append("</row>")
            out.append("".join(cells))
        self.str_table.count += repeats  # the <sst count> of references, as write_string keeps it
        if r > self._next_row:
            self._check_dimensions(self._next_row, 0)
            self._check_dimensions(r - 1, max(width - 1, 0))
        self._next_row = r
        return r

    def _write_sheet_data(self) -> None:
        if not self._bulk:
            super()._write_sheet_data()
            return
        self.fh.write("<sheetData>")
        self.fh.write("".join(self._bulk))
        self.fh.write("</sheetData>")


@lru_cache(maxsize=64)
def _height_attrs(points: float) -> str:
    """What `set_row(row, points)` writes: the height rounded to whole pixels (4/3 of a point)."""
    px = int(points * 4.0 / 3.0 + 0.5)
    return "" if px == _DEFAULT_PX else f' ht="{px * 0.75:.16g}" customHeight="1"'


def _number(style: int, v: float, ref: str = "") -> str:
    at = f' r="{ref}"' if ref else ""
    if math.isfinite(v):
        return f'<c{at} s="{style}"><v>{v:.16G}</v></c>'
    formula, value = _NON_FINITE[repr(float(v))]
    return f'<c{at} s="{style}" t="e"><f>{formula}</f><v>{value}</v></c>'
