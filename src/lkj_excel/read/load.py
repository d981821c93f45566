"""Load every sheet of a workbook into grids."""

from __future__ import annotations

from pathlib import Path

from .grid import Grid, from_openpyxl


def load_grids(path: str | Path, backend: str = "openpyxl") -> list[Grid]:
    from .open import open_workbook

    wb = open_workbook(path)
    try:
        return [from_openpyxl(ws) for ws in wb.worksheets]
    finally:
        wb.close()
