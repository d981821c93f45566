"""One sheet of an export as the readers see it: a `read.grid.Grid`, amounts and findings.

Every reader reads cells through `read/grid.py` (merged ranges included); this
adds what budget readers share: amounts parsed with their printed decimals, a
sum for `=SUM` cells saved without a cached value, and findings at sheet cells.
"""

from __future__ import annotations

from typing import Any

import openpyxl

from ..errors import LkjError
from ..findings import Finding
from ..read.grid import Grid, ref
from ..rules.base import RULES
from .model import Amount
from .money import NotAnAmount, parse_amount, sum_formula


class SheetView:
    """A sheet's grid, the export's path, and the findings made while reading it."""

    def __init__(self, path: str, grid: Grid, source: Any = None) -> None:
        self.path = path
        self.grid = grid
        self.title = grid.title
        self.source = source  # the file, to read formulas from when a cached value is missing
        self.findings: list[Finding] = []
        self._formulas: list[list[Any]] | None = None

    # cells --------------------------------------------------------------------
    def text(self, r: int, c: int) -> str:
        return " ".join(self.grid.text(r, c).split())

    def merged_text(self, r: int, c: int) -> str:
        v = self.grid.merged_value(r, c)
        return " ".join(str(v).split()) if v is not None else ""

    def row_texts(self, r: int) -> list[str]:
        return [self.text(r, c) for c in range(self.grid.n_cols)]

    def qualified(self, cell: str) -> str:
        return f"{self.title}!{cell}"

    def amount(self, r: int, c: int, label: str, strict: bool = True) -> Amount:
        """The amount at (r, c), 0-based; text that is no amount stops a strict read (exit 2)."""
        cell = ref(r, c)
        try:
            value, decimals = parse_amount(self.grid.value(r, c), self.grid.fmt(r, c))
        except NotAnAmount:
            if strict:
                raise LkjError(
                    "budget.amount_text",
                    path=self.path,
                    ref=self.qualified(cell),
                    column=label,
                    value=self.grid.text(r, c)[:60],
                ) from None
            return Amount(None, 0, cell)
        return Amount(value, decimals, cell)

    def uncached_sum(self, cell: str) -> float | None:
        """The sum an `=SUM(...)` cell names when the file was saved without its cached value."""
        if self.source is None:
            return None
        if self._formulas is None:
            try:
                wb = openpyxl.load_workbook(self.source, data_only=False, read_only=True)
                self._formulas = [list(row) for row in wb[self.title].iter_rows(values_only=True)]
                wb.close()
            except Exception:  # noqa: BLE001 - a second look only; the values were read already
                self._formulas = []
        from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

        letters, row = coordinate_from_string(cell)
        r, c = row - 1, column_index_from_string(letters) - 1
        rows = self._formulas
        formula = rows[r][c] if r < len(rows) and c < len(rows[r]) else None
        return sum_formula(formula, self.grid.value)

    # findings -------------------------------------------------------------------
    def finding(
        self,
        rule_code: str,
        severity: str,
        cell: str,
        key: str,
        /,
        *,
        found: str | None = None,
        expected: str | None = None,
        fix: object = None,
        related: list[str] | None = None,
        **params: object,
    ) -> Finding:
        r = RULES.get(rule_code)
        f = Finding(
            rule_code,
            r.name if r else rule_code,
            severity,
            self.title,
            cell,
            found,
            expected,
            key,
            {"ref": self.qualified(cell), "found": found, "expected": expected, **params},
            related or [],
            fix,
        )
        self.findings.append(f)
        return f
