"""Load every sheet of a workbook into grids.

Backends: "fast" (read.fastload: the xlsx XML streamed through expat, several
times faster than openpyxl, bounded memory, formulas without a saved result
evaluated) and "openpyxl" (for comparison). Both check the file first
(open.check_workbook_file), so missing, .xls, encrypted and corrupt files
raise the same LkjError, and both build their grids with grid.build_grid.
"""

from __future__ import annotations

from pathlib import Path

from .fastload import load_fast
from .grid import Grid, from_openpyxl
from .open import open_workbook

BACKENDS = ("fast", "openpyxl")
DEFAULT_BACKEND = "fast"


def load_grids(path: str | Path, backend: str = DEFAULT_BACKEND) -> list[Grid]:
    if backend == "fast":
        return load_fast(path)
    if backend != "openpyxl":
        raise ValueError(f"unknown backend {backend!r}; use one of {BACKENDS}")
    wb = open_workbook(path)
    try:
        return [from_openpyxl(ws) for ws in wb.worksheets]
    finally:
        wb.close()
