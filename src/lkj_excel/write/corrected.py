"""Write the corrected, annotated workbook.

Every standard table is rewritten in the standard layout (`layout.py`) with
all of its values: figures typed as text become real numbers, texts stay
texts (always `write_string`, so an input "=..." never becomes a formula).
Derived cells (totals, subtotals, column formulas, ratios, capaian) become
live formulas with their computed value cached, but only where the formula
gives the figure the cell shows (the printed value within its rounding, or
the rule's fix): the writer never silently changes a figure no rule
corrected. A cell with a finding is filled by severity and carries a comment
with the original value, the rule and the message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..model import Table, Workbook
from ..read.grid import Grid, ref
from ..read.reader import INFO_NAMES
from ..repair import plan_repairs
from ..spec import normalise
from .atomic import atomic_output
from .corrected_book import BookWriter, CellMap, disjoint_merges
from .corrected_cells import (
    Slot,
    col_index,
    column_decimals,
    extra_columns,
    header_anchor,
    merge_numbering_labels,
    num,
    parse_a1,
    row_height,
    static_slot,
)
from .layout import (
    ADDED_FILL,
    CAPTION_ROW,
    TITLE_ROW,
    TOTAL_FILL,
    TableLayout,
    table_layout,
    write_table_frame,
)
from .xlsx import new_workbook

ExtraSheets = Callable[[Any, CellMap, Any], None]

__all__ = ["CellMap", "ExtraSheets", "disjoint_merges", "write_corrected"]

_ID_RE = re.compile(r"[A-Za-z_]\w*")


def write_corrected(
    wb: Workbook,
    findings: list[Finding],
    out: Path,
    force: bool = False,
    lang: str = "id",
    extra_sheets: ExtraSheets | None = None,
) -> CellMap:
    """Write the corrected workbook to `out`; return (input sheet, A1) -> (output sheet, A1).

    `extra_sheets(workbook, cell_map, first_sheet)` is called after the tables
    are written; `first_sheet` is an empty worksheet "Ringkasan", the first of
    the workbook.
    """
    with atomic_output(Path(out), force, source=wb.path) as tmp:
        xw = new_workbook(tmp)
        w = _Writer(wb, findings, lang, xw, plan_repairs(wb, findings))
        first = xw.add_worksheet("Ringkasan") if extra_sheets is not None else None
        if first is not None:
            w.names.add("ringkasan")
        w.write_all()
        if extra_sheets is not None:
            extra_sheets(xw, w.cell_map, first)
        if first is not None:
            first.activate()
        xw.close()
    return w.cell_map


class _Writer(BookWriter):
    """Writes the standard tables in the standard layout, after and between the sheets `BookWriter` copies."""

    def write_all(self) -> None:
        table_sheets = {t.sheet for t in self.wb.tables.values()}
        rest = [g for g in self.wb.grids if g.title not in table_sheets and g.title != self.wb.narrative_sheet]
        info = [g for g in rest if normalise(g.title) in INFO_NAMES]
        for g in info:
            self._copy_grid(g)
        for t in self.wb.tables.values():
            self._table(t)
        if self.wb.narrative_sheet and self.wb.narrative_sheet in self.grids:
            self._narrative(self.grids[self.wb.narrative_sheet])
        for g in rest:
            if g not in info:
                self._copy_grid(g)

    # -- standard tables ----------------------------------------------------------------
    def _table(self, t: Table) -> None:
        g = self.grids.get(t.sheet)
        assert g is not None
        in_cols = {cid: col_index(letter) for cid, letter in t.columns.items()}
        extra_cols, extra_hdr = extra_columns(t, g, set(in_cols.values()))
        lay = table_layout(t.spec, column_decimals(t), extra_hdr)
        name = self._name(t.spec.sheet)
        ws = self.xw.add_worksheet(name)
        write_table_frame(ws, lay, self.st, t.spec.title)

        col_out: dict[int, int] = {in_cols[c.id]: c.index for c in lay.columns if c.id in in_cols}
        for k, c in enumerate(extra_cols):
            col_out[c] = len(lay.columns) + k

        self._header_notes(ws, name, t, g, lay, col_out)
        slots, row_out = self._static_slots(t, g, lay, extra_cols, col_out)

        # Findings at input cells inside the table (also at empty ones), then the plan's edits.
        def out_of(a1: str) -> tuple[int, int] | None:
            rr, cc = parse_a1(a1)
            if rr in row_out and cc in col_out and (row_out[rr], col_out[cc]) in slots:
                return (row_out[rr], col_out[cc])
            return None

        for (sheet, a1), fs in self.by_cell.items():
            at = out_of(a1) if sheet == t.sheet else None
            if at is not None:
                slots[at].findings.extend(fs)
        self._render_plan(t, slots, out_of)

        merged = merge_numbering_labels(t.spec, lay, slots, len(t.rows))
        self._write_slots(ws, lay, slots, merged)
        for i, row in enumerate(t.rows):
            for cid, cell in row.cells.items():
                if cid in in_cols:
                    self.cell_map[(t.sheet, cell.ref)] = (name, ref(lay.data_start + i, lay.col(cid).index))
            for c in extra_cols:
                if g.value(row.excel_row - 1, c) is not None:
                    self.cell_map[(t.sheet, ref(row.excel_row - 1, c))] = (name, ref(lay.data_start + i, col_out[c]))
        self._footer(ws, name, t, g, row_out, col_out, lay.data_start + len(t.rows) + 1)

    def _static_slots(
        self, t: Table, g: Grid, lay: TableLayout, extra_cols: list[int], col_out: dict[int, int]
    ) -> tuple[dict[tuple[int, int], Slot], dict[int, int]]:
        """The data rows' slots as read, and the output row of each input row (0-based)."""
        slots: dict[tuple[int, int], Slot] = {}
        row_out: dict[int, int] = {}
        for i, row in enumerate(t.rows):
            orow = lay.data_start + i
            row_out[row.excel_row - 1] = orow
            bold = row.role in ("subtotal", "total")
            fill = TOTAL_FILL if row.role == "total" else None
            for lc in lay.columns:
                cell = row.cells.get(lc.id)
                s = static_slot(cell, lc, t)
                s.bold, s.fill = bold, fill
                slots[(orow, lc.index)] = s
            for c in extra_cols:
                v = g.value(row.excel_row - 1, c)
                s = Slot("blank") if v is None else Slot("raw", v)
                s.fill = fill
                slots[(orow, col_out[c])] = s
        return slots, row_out

    def _write_slots(
        self, ws: Any, lay: TableLayout, slots: dict[tuple[int, int], Slot], merged: set[tuple[int, int]]
    ) -> None:
        """Write the slots (not the cells a merge covers) and raise the rows their wrapped texts need."""
        widths = {c.index: c.width for c in lay.columns}
        for k in range(len(lay.extra)):
            widths[len(lay.columns) + k] = 24
        heights: dict[int, float] = {}
        for (r, c), s in slots.items():
            if (r, c) in merged:
                continue
            self._write_slot(ws, r, c, s)
            if s.kind in ("str", "raw") and isinstance(s.value, str) and not s.merge_to:
                heights[r] = max(heights.get(r, 0), row_height(s.value, widths.get(c, 10)))
        for r, h in heights.items():
            if h > 15:
                ws.set_row(r, h)

    def _footer(
        self, ws: Any, name: str, t: Table, g: Grid, row_out: dict[int, int], col_out: dict[int, int], orow: int
    ) -> None:
        """Footer (Sumber, Keterangan, …) and anything below the table, from output row `orow` (below a blank row)."""
        for r in range(t.data_last, g.n_rows):
            if r + 1 == t.number_row or r in row_out:
                continue
            vals = [(c, g.value(r, c)) for c in range(g.n_cols) if g.value(r, c) is not None]
            if not vals:
                continue
            for c, v in vals:
                oc = col_out.get(c, c)
                self._write_raw(ws, orow, oc, v, self.st.get(italic=True))
                self.cell_map[(t.sheet, ref(r, c))] = (name, ref(orow, oc))
            orow += 1

    def _header_notes(self, ws: Any, name: str, t: Table, g: Grid, lay: TableLayout, col_out: dict[int, int]) -> None:
        """Texts above and in the input header that differ from the standard ones go into comments."""
        text_at = {(r1, c1): normalise(text) for r1, c1, _r2, _c2, text in lay.header_cells()}
        text_at[(TITLE_ROW, 0)] = normalise(f"Tabel {t.spec.id}")
        text_at[(CAPTION_ROW, 0)] = normalise(t.spec.title)
        notes: dict[tuple[int, int], list[str]] = {}
        first_hdr = t.header_rows[0] - 1
        for r in range(first_hdr):
            for c in range(g.n_cols):
                v = g.value(r, c)
                if v is None:
                    continue
                anchor = (TITLE_ROW, 0) if normalise(v) == text_at[(TITLE_ROW, 0)] else (CAPTION_ROW, 0)
                self.cell_map[(t.sheet, ref(r, c))] = (name, ref(*anchor))
                if normalise(v) != text_at[anchor]:
                    notes.setdefault(anchor, []).append(f"Teks asli ({ref(r, c)}): {v}")
        for i, hr in enumerate(t.header_rows):
            out_r = lay.header_rows[min(i, len(lay.header_rows) - 1)]
            for c in range(g.n_cols):
                v = g.value(hr - 1, c)
                if v is None:
                    continue
                oc = col_out.get(c)
                if oc is None:
                    oc = 0
                anchor = header_anchor(lay, out_r, oc)
                self.cell_map[(t.sheet, ref(hr - 1, c))] = (name, ref(*anchor))
                if normalise(v) != text_at.get(anchor):
                    notes.setdefault(anchor, []).append(f"Judul kolom asli ({ref(hr - 1, c)}): {v}")
        if t.number_row:
            for c in range(g.n_cols):
                if g.value(t.number_row - 1, c) is not None and c in col_out:
                    self.cell_map[(t.sheet, ref(t.number_row - 1, c))] = (name, ref(lay.number_row, col_out[c]))
        for (r, c), texts in notes.items():
            self._comment(ws, r, c, "\n".join(texts))

    # -- the repair plan ------------------------------------------------------------------
    def _render_plan(
        self, t: Table, slots: dict[tuple[int, int], Slot], out_of: Callable[[str], tuple[int, int] | None]
    ) -> None:
        """Corrected values and live formulas of this table's cells, as the repair plan says."""

        def where(a: tuple[str, str]) -> str:
            at = out_of(a[1]) if a[0] == t.sheet else None
            if at is None:
                raise KeyError(a)
            return ref(*at)

        for (sheet, a1), edit in self.plan.edits.items():
            at = out_of(a1) if sheet == t.sheet else None
            if at is None:
                continue
            s = slots[at]
            formula = None
            if edit.formula is not None:
                try:
                    formula = edit.formula.to_excel(where)
                except KeyError:
                    formula = None  # an input this layout does not show: the value alone
            if formula is not None and num(edit.value) is not None:
                if s.kind == "blank":
                    s.added = True
                s.kind, s.formula, s.value = "formula", formula, float(edit.value)
            elif num(edit.value) is not None:
                s.kind, s.value = "num", float(edit.value)
            elif edit.value is not None:
                s.kind, s.value = "str", str(edit.value)

    def _write_slot(self, ws: Any, r: int, c: int, s: Slot) -> None:
        fill = self._severity_fill(s.findings) or (ADDED_FILL if s.added else s.fill)
        fmt = self.st.cell(
            s.num_format if s.kind in ("num", "formula", "raw") else None,
            numeric=s.numeric and s.kind != "str",
            bold=s.bold,
            fill=fill,
            center=s.center,
        )
        if s.kind == "formula":
            ws.write_formula(r, c, s.formula, fmt, s.value)
        elif s.kind == "num":
            ws.write_number(r, c, s.value, fmt)
        elif s.kind == "str" or (s.merge_to and isinstance(s.value, str)):
            if s.merge_to:
                ws.merge_range(r, c, r, s.merge_to, str(s.value), fmt)
            else:
                ws.write_string(r, c, str(s.value), fmt)
        elif s.kind == "raw":
            if s.value is None:
                ws.write_blank(r, c, None, fmt)
            else:
                self._write_raw(ws, r, c, s.value, fmt)
        else:
            ws.write_blank(r, c, None, fmt)
        if s.findings:
            self._comment(ws, r, c, self._finding_note(s.findings, s.cell.text if s.cell is not None else ""))
        elif s.added:
            self._comment(ws, r, c, "Sel ini kosong di berkas asli; diisi dengan rumus.")
