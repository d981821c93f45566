"""Write the corpus workbooks: sheets as plain rows, with merges and hidden sheets.

Nothing is committed as a binary: each test writes its workbook with openpyxl.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook as XlWorkbook


@dataclass
class Sheet:
    rows: list[list]
    merges: list[str] = field(default_factory=list)
    hidden: bool = False


@dataclass
class Case:
    """One office's workbook and what a correct check of it finds.

    ``expect``: (code, sheet, cell) that must be found (its known inconsistencies);
    ``traps``: (sheet, cell) of correct figures and rounding traps where nothing may be reported;
    every error-level finding must be one of ``expect``.
    """

    name: str
    office: str  # the kind of office whose manner the workbook follows
    sheets: dict[str, Sheet]
    expect: list[tuple[str, str, str]]
    traps: list[tuple[str, str]] = field(default_factory=list)
    extra: Callable | None = None  # more assertions on (workbook, findings)


def table(number: str, title: str, header: list[list], data: list[list]) -> list[list]:
    """Rows of a table sheet: "Tabel n", its title, a blank line, the header rows, the data (header at row 4)."""
    return [[f"Tabel {number}"], [title], [], *header, *data]


def write(case: Case, path: Path) -> Path:
    xl = XlWorkbook()
    xl.remove(xl.active)
    for title, sheet in case.sheets.items():
        ws = xl.create_sheet(title)
        for row in sheet.rows:
            ws.append(row)
        for m in sheet.merges:
            ws.merge_cells(m)
        if sheet.hidden:
            ws.sheet_state = "hidden"
    xl.save(path)
    return path
