"""Fast loading: read an .xlsx straight from its zip into `Grid`s.

Gives the grids `grid.from_openpyxl` builds from
`openpyxl.load_workbook(path, data_only=True)` — same values (int/float as
openpyxl casts them, dates for date-formatted cells, shared and inline
strings, booleans, error codes as text), same number format per cell, same
merges, both through `grid.build_grid` — several times faster and in bounded
memory: every part is streamed through expat (`xmlsafe`: no DTD, inflated
size capped), cells are kept sparse, sheets past the caps are refused with a
message. Formulas saved without a result (xlsxwriter's 0 with "recalculate on
load", openpyxl's empty value) are evaluated (`formula`); one that cannot be
is given as its formula text, which the reader reports as unreadable.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..errors import LkjError
from . import fastrows, parts
from .formula import NotEvaluable
from .formula import Workbook as FormulaBook
from .grid import Grid, build_grid
from .open import open_checked
from .sheetxml import SheetData, parse_sheet
from .xmlsafe import Budget, XmlRefused, check_sizes

IN_MEMORY_BYTES = 32 << 20  # larger files are read part by part from disk, in bounded memory


def _pending(data: SheetData, full_calc: bool) -> list[tuple[int, int]]:
    """Formula cells whose saved value is no result: none at all, or xlsxwriter's 0 awaiting recalculation."""
    out = []
    for rc in data.formulas:
        if rc not in data.cached:
            out.append(rc)
        elif full_calc:
            v = data.cells[rc[0]][rc[1]][0]
            if v == 0 and not isinstance(v, bool):
                out.append(rc)
    return out


def _evaluate(sheets: dict[str, SheetData], full_calc: bool, epoch: Any = None) -> None:
    book = FormulaBook(sheets, epoch)
    todo = [(name, rc) for name, data in sheets.items() for rc in _pending(data, full_calc)]
    for name, _rc in todo:
        book.pending.add((name.lower(), *_rc))
    results: list[tuple[str, int, int, Any]] = []
    for name, (r, c) in todo:
        try:
            v = book.result(name, r, c)
        except NotEvaluable:
            v = "=" + sheets[name].formulas[(r, c)]
        results.append((name, r, c, v))
    for name, r, c, v in results:
        row = sheets[name].cells[r]
        old = row[c][0]
        if not (isinstance(old, (int, float)) and isinstance(v, (int, float)) and old == v):
            row[c] = (v, row[c][1])  # an equal saved value is kept, with its type


def grids_from_zip(zf: zipfile.ZipFile, path: str = "") -> list[Grid]:
    """Every worksheet of an open .xlsx zip, in workbook order, as a Grid."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    check_sizes(zf, path)
    budget = Budget()
    root = parts.rels(zf, "", budget, path)
    wb_part = next((full for kind, full in root.values() if kind == "officeDocument"), "xl/workbook.xml")
    if wb_part not in zf.NameToInfo:
        raise LkjError("file.not_xlsx", path=path)
    info = parts.workbook(zf, wb_part, budget, path)
    rels = parts.rels(zf, wb_part, budget, path)
    kinds = {kind: full for kind, full in rels.values()}
    strings = parts.shared_strings(zf, kinds.get("sharedStrings"), budget, path)
    styles = parts.styles(zf, kinds.get("styles"), budget, path)
    epoch = CALENDAR_MAC_1904 if info.date1904 else CALENDAR_WINDOWS_1900
    sheets: dict[str, SheetData] = {}
    for name, rid in info.sheets:
        kind, part = rels.get(rid, ("", ""))
        if kind != "worksheet":
            continue  # chartsheets, dialog sheets: openpyxl's worksheets leave them out too
        if part not in zf.NameToInfo:
            raise LkjError("file.corrupt", path=path, detail=f"bagian {part} tidak ada")
        sheets[name] = parse_sheet(zf, part, name, strings, styles, epoch, budget, path)
    if any(d.formulas for d in sheets.values()):
        for data in sheets.values():
            if data.rows is not None:
                data.cells = data.rows.cells()  # formulas may read them
        _evaluate(sheets, info.full_calc_on_load, epoch)
    grids = []
    for name, data in sheets.items():
        if data.rows is not None:
            grids.append(fastrows.grid(name, data.rows, data.merges))
        else:
            grids.append(build_grid(name, data.cells, data.merges))
        grids[-1].hidden = name in info.hidden
    return grids


def load_fast(path: str | Path) -> list[Grid]:
    """Grids of every worksheet; LkjError (exit 2) for unreadable, malformed or oversized files."""
    p = Path(path)
    data = None
    try:
        # A workbook of usual size is read at once: its parts then cost no seeks or reads of their own,
        # and the file check looks at the same bytes.
        if p.is_file() and p.stat().st_size <= IN_MEMORY_BYTES:
            data = p.read_bytes()
    except OSError:
        data = None  # the check reports it
    p, checked = open_checked(path, data)
    shown = str(path)
    try:
        with checked if checked is not None else zipfile.ZipFile(p) as zf:
            return grids_from_zip(zf, shown)
    except LkjError:
        raise
    except XmlRefused as exc:
        raise LkjError("file.corrupt", path=shown, detail=str(exc)[:200]) from exc
    except (KeyError, IndexError, ValueError, TypeError, OverflowError, zipfile.BadZipFile, OSError) as err:
        # bad shared-string index, unparsable number, broken member
        raise LkjError("file.corrupt", path=shown, detail=f"{type(err).__name__}: {err}"[:200]) from err
