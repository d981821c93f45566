"""The corrected workbook's writer, its common part: the state of one book being written, the cells every sheet
writes (values, fills by severity, finding notes) and the sheets copied as they are (other sheets, Narasi).
`corrected.py` adds the standard tables."""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any

from ..findings import SEVERITIES, Finding
from ..model import Workbook
from ..numerals import format_id
from ..read.grid import Grid, ref
from ..repair import RepairPlan
from ..spec import narrative_spec, normalise
from .corrected_cells import decimals_of, row_height
from .layout import SEVERITY_FILL, Styles
from .xlsx import safe_sheet_name

CellMap = dict[tuple[str, str], tuple[str, str]]


class BookWriter:
    def __init__(self, wb: Workbook, findings: list[Finding], lang: str, xw: Any, plan: RepairPlan) -> None:
        self.wb = wb
        self.plan = plan
        self.lang = lang
        self.xw = xw
        self.st = Styles(xw)
        self.cell_map: CellMap = {}
        self.names: set[str] = set()
        self.by_cell: dict[tuple[str, str], list[Finding]] = {}
        for f in findings:
            self.by_cell.setdefault((f.sheet, f.cell.replace("$", "").upper()), []).append(f)
        self.grids = {g.title: g for g in wb.grids}

    # -- sheets -------------------------------------------------------------------------
    def _name(self, want: str) -> str:
        return safe_sheet_name(want, self.names)

    # -- generic cells ------------------------------------------------------------------
    def _comment(self, ws: Any, r: int, c: int, text: str) -> None:
        lines = text.count("\n") + 1 + len(text) // 60
        ws.write_comment(r, c, text, {"author": "lkj-excel", "x_scale": 2.4, "y_scale": max(1.0, min(6.0, lines / 4))})

    def _finding_note(self, fs: list[Finding], original: str | None) -> str:
        parts = []
        if original is not None:
            parts.append(f"Nilai asli: {original if original != '' else '(kosong)'}")
        for f in fs:
            parts.append(f"[{f.code}] {f.rule}: {f.message(self.lang)}")
            if f.fix is not None:
                fx = f.fix if isinstance(f.fix, str) else format_id(float(f.fix), decimals_of(f.fix))
                if len(str(fx)) < 200:
                    parts.append(f"Dikoreksi menjadi: {fx}")
        return "\n".join(parts)

    def _severity_fill(self, fs: list[Finding]) -> str | None:
        if not fs:
            return None
        sev = min((SEVERITIES.index(f.severity) if f.severity in SEVERITIES else 2) for f in fs)
        return SEVERITY_FILL[SEVERITIES[sev]]

    def _write_raw(self, ws: Any, r: int, c: int, v: Any, fmt: Any) -> None:
        if v is None:
            return
        if isinstance(v, bool):
            ws.write_boolean(r, c, v, fmt)
        elif isinstance(v, (int, float)):
            if math.isfinite(float(v)):
                ws.write_number(r, c, v, fmt)
            else:
                ws.write_string(r, c, str(v), fmt)
        elif isinstance(v, (_dt.datetime, _dt.date)):
            ws.write_datetime(r, c, v, self.st.get(num_format="dd/mm/yyyy", border=None))
        else:
            ws.write_string(r, c, str(v), fmt)

    # -- verbatim sheets ----------------------------------------------------------------
    def _copy_grid(self, g: Grid) -> None:
        name = self._name(g.title)
        ws = self.xw.add_worksheet(name)
        widths: dict[int, int] = {}
        merged_origin = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in disjoint_merges(g.merges)}
        for r in range(g.n_rows):
            for c in range(g.n_cols):
                v = g.value(r, c)
                if v is None:
                    continue
                fmt_code = g.fmt(r, c)
                simple = fmt_code if fmt_code and fmt_code != "General" and len(fmt_code) < 40 else None
                fs = self.by_cell.get((g.title, ref(r, c)), [])
                fill = self._severity_fill(fs)
                fmt = self.st.get(
                    num_format=simple if isinstance(v, (int, float)) else None,
                    bg_color=fill,
                    text_wrap=True if isinstance(v, str) and len(v) > 60 else None,
                    valign="top",
                )
                if (r, c) in merged_origin and merged_origin[(r, c)] != (r, c):
                    r2, c2 = merged_origin[(r, c)]
                    ws.merge_range(r, c, r2, c2, "", fmt)
                fix = next((f.fix for f in fs if f.fix is not None), None)
                self._write_raw(ws, r, c, fix if fix is not None else v, fmt)
                if fs:
                    self._comment(ws, r, c, self._finding_note(fs, g.text(r, c)))
                self.cell_map[(g.title, ref(r, c))] = (name, ref(r, c))
                widths[c] = max(widths.get(c, 8), min(60, len(str(v)) + 2))
        for c, w in widths.items():
            ws.set_column(c, c, w)

    def _narrative(self, g: Grid) -> None:
        spec = narrative_spec()
        name = self._name(spec.get("sheet", "Narasi"))
        ws = self.xw.add_worksheet(name)
        cols = spec.get("columns", ["Mengikuti", "Paragraf"])
        has_header = normalise(g.value(0, 0)) in {"mengikuti", "setelah", "posisi", "bagian"}
        off = 0 if has_header else 1
        hdr = self.st.header()
        ws.write_string(0, 0, cols[0], hdr)
        ws.write_string(0, 1, cols[1], hdr)
        ws.set_column(0, 0, 16)
        ws.set_column(1, 1, 100)
        ws.freeze_panes(1, 0)
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        start = 1 if has_header else 0
        heights: dict[int, float] = {}
        if has_header:
            for c in range(g.n_cols):
                self.cell_map[(g.title, ref(0, c))] = (name, ref(0, min(c, 1)))
                if c > 1 and g.value(0, c) is not None:
                    ws.write_string(0, c, str(g.value(0, c)), hdr)
                    self.cell_map[(g.title, ref(0, c))] = (name, ref(0, c))
        for r in range(start, g.n_rows):
            for c in range(g.n_cols):
                v = g.value(r, c)
                fs = self.by_cell.get((g.title, ref(r, c)), [])
                if v is None and not fs:
                    continue
                fill = self._severity_fill(fs)
                fmt = self.st.get(text_wrap=True, valign="top", bg_color=fill)
                fix = next((f.fix for f in fs if f.fix is not None), None)
                shown = fix if fix is not None else v
                self._write_raw(ws, r + off, c, shown, fmt)
                if isinstance(shown, str) and c <= 1:
                    h = row_height(shown, 100 if c == 1 else 16)
                    heights[r + off] = max(heights.get(r + off, 0), h)
                if fs:
                    self._comment(ws, r + off, c, self._finding_note(fs, g.text(r, c)))
                if v is not None:
                    self.cell_map[(g.title, ref(r, c))] = (name, ref(r + off, c))
        for r, h in heights.items():
            if h > 15:
                ws.set_row(r, min(h, 409))


def disjoint_merges(merges: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """The merged ranges in order, without those overlapping an earlier one: a file may carry overlapping
    merges (Excel repairs them on opening), which xlsxwriter refuses to write."""
    kept: list[tuple[int, int, int, int]] = []
    for m in merges:
        r1, c1, r2, c2 = m
        if all(r2 < a1 or r1 > a2 or c2 < b1 or c1 > b2 for a1, b1, a2, b2 in kept):
            kept.append(m)
    return kept
