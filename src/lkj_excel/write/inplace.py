"""The default corrected workbook: the office's own workbook, corrected in place.

Every sheet, cell, style, merge, width, height, print setting, image and chart of the
input is kept (openpyxl rewrites the package; what it cannot keep — shapes, form
controls, sparklines — is named on the Ringkasan). Only the cells of the repair plan
change, at their own address and in the office's notation: a text "15.103" becomes the
text "15.106", a number keeps its number format; a derived cell may become a live
formula, its value cached (a cell typed as text stays text; its note gives the formula).
A changed cell is filled by severity, framed by a border whose style says the severity
(visible in grey print) and marked "*" through its number format, and carries a comment
with the original value, the rule and why; a cell with a finding but no correction is
filled and commented. Comments print at the end of the sheet. Ringkasan is added before
the office's sheets, Temuan and Checklist Reviu after them; every address they name is
the input address.
"""

from __future__ import annotations

import re
import tempfile
import warnings
from collections.abc import Collection
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Border, PatternFill, Side
from openpyxl.utils import coordinate_to_tuple, get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from ..findings import SEVERITIES, Finding
from ..model import Workbook
from ..numerals import format_id, parse_plain_number, parse_text
from ..precision import round_half_up
from ..repair import Address, CellEdit, RepairPlan, plan_repairs
from ..review import Review, build_review, text
from . import summary as S
from .atomic import atomic_output
from .layout import SEVERITY_FILL, fit_row_height
from .xlsx import new_workbook, safe_sheet_name
from .xlsx_patch import copy_sheets, openpyxl_losses, restore_images, write_cached_values

CellMap = dict[tuple[str, str], tuple[str, str]]

# Border style by severity: tells error from warning from info on a grey print.
MARK_BORDER = {"error": "double", "warning": "mediumDashed", "info": "dotted"}
MARK = "*"


def write_inplace(
    wb: Workbook,
    findings: list[Finding],
    out: Path,
    force: bool = False,
    lang: str = "id",
    plan: RepairPlan | None = None,
    report_sheets: bool = True,
    ran: Collection[str] = ("check",),
) -> CellMap:
    """Write the input workbook of `wb`, corrected by `plan` (default `plan_repairs`), to `out`.

    Returns the cell map (input address -> output address), the identity on every sheet.
    """
    plan = plan if plan is not None else plan_repairs(wb, findings)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's notes on unsupported extensions: named on the Ringkasan
        book = openpyxl.load_workbook(wb.path, rich_text=True)
        lost_images = restore_images(wb.path, book)
        cached = _cached_values(wb.path, book)
    cell_map: CellMap = {}
    editor = _Editor(book, lang)
    for e in plan.edits.values():
        cached.update(editor.apply(e))
    for f in findings:
        editor.annotate(f, (f.sheet, f.cell) in plan.edits and (f.sheet, f.cell) not in editor.confirmed)
    names = {ws.title for ws in book.worksheets}
    for f in findings:
        if f.sheet in names:
            cell_map[(f.sheet, f.cell)] = (f.sheet, f.cell)
    for ws in book.worksheets:
        _print_setup(ws, wb, lang, ws.title in editor.commented)
    with atomic_output(Path(out), force, source=wb.path) as tmp:
        if report_sheets:
            rv = build_review(wb, findings, lang, ran)
            losses = openpyxl_losses(wb.path) + [f"gambar {x}" for x in lost_images]
            _add_report_sheets(book, wb, findings, cell_map, rv, lang, losses)
        if any(c.data_type == "f" for ws in book.worksheets for row in ws.iter_rows() for c in row):
            book.calculation.fullCalcOnLoad = True  # Excel recomputes; the cached values are right already
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book.save(tmp)
        write_cached_values(tmp, cached)
    return cell_map


def _cached_values(path: str, book: Any) -> dict[tuple[str, str], Any]:
    """The input's cached value of each of its formula cells."""
    formulas = {
        ws.title: {c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"} for ws in book.worksheets
    }
    if not any(formulas.values()):
        return {}
    values = openpyxl.load_workbook(path, data_only=True, read_only=True)
    out: dict[tuple[str, str], Any] = {}
    try:
        for title, refs in formulas.items():
            if not refs:
                continue
            ws = values[title]
            for ref in refs:
                out[(title, ref)] = ws[ref].value
    finally:
        values.close()
    return out


def _quote(sheet: str) -> str:
    return "'{}'".format(sheet.replace("'", "''"))


class _Editor:
    """Applies edits and notes to the openpyxl workbook, cell by cell."""

    def __init__(self, book: Any, lang: str) -> None:
        self.book = book
        self.lang = lang
        self.notes: dict[Address, list[str]] = {}
        self.original: dict[Address, str] = {}
        self.confirmed: set[Address] = set()  # text figures a formula only confirms: left as typed
        self.commented: set[str] = set()
        self.own_comment: dict[Address, str] = {}  # the office's own comment on a cell we annotate
        self.formula_note: dict[Address, str] = {}
        self.merged: dict[str, dict[tuple[int, int], tuple[int, int]]] = {}  # cell -> top-left of its merge

    def _cell(self, sheet: str, ref: str) -> Any:
        ws = self.book[sheet]
        if sheet not in self.merged:
            self.merged[sheet] = {
                (r, c): (m.min_row, m.min_col)
                for m in ws.merged_cells.ranges
                for r in range(m.min_row, m.max_row + 1)
                for c in range(m.min_col, m.max_col + 1)
            }
        at = coordinate_to_tuple(ref.replace("$", "").upper())
        return ws.cell(*self.merged[sheet].get(at, at))  # a merged area is written at its top-left cell

    def apply(self, e: CellEdit) -> dict[tuple[str, str], Any]:
        """Change one cell; return the cached value of the formula written there, if any."""
        if e.sheet not in self.book.sheetnames:
            return {}
        c = self._cell(e.sheet, e.ref)
        before = c.value
        typed_text = isinstance(before, str) and c.data_type != "f"  # a formula's text is no notation
        # Figures are percent points everywhere in lkj-excel; a cell with Excel's % format stores a fraction.
        pct = _excel_percent(c.number_format) and not typed_text
        self.original[e.address] = _shown(before * 100) + "%" if pct and _is_num(before) else _shown(before)
        value = e.value / 100 if pct and _is_num(e.value) else e.value
        if e.formula is not None:

            def where(a: Address, home: str = e.sheet) -> str:
                return a[1] if a[0] == home else f"{_quote(a[0])}!{a[1]}"

            formula = e.formula.to_excel(where)
            if typed_text:  # typed as text: stays text; the formula goes into the note
                self.formula_note[(c.parent.title, c.coordinate)] = formula
                if _confirms(before, value):  # the formula only confirms the figure: the text stays as typed
                    self.original.pop(e.address, None)
                    self.confirmed.add(e.address)
                    return {}
                value = _at_typed_precision(before, value)
            else:
                if pct:
                    formula = formula[:-4] if formula.endswith("*100") else f"=({formula[1:]})/100"
                c.value = formula
                return {(c.parent.title, c.coordinate): value}
        c.value = _in_notation(None if c.data_type == "f" else before, value)
        if isinstance(c.value, str):
            c.data_type = "s"  # a corrected text stays text, even one starting with "="
        return {}

    def annotate(self, f: Finding, changed: bool) -> None:
        if f.sheet not in self.book.sheetnames:
            return
        c = self._cell(f.sheet, f.cell)
        key = (c.parent.title, c.coordinate)
        sev = f.severity if f.severity in SEVERITIES else "info"
        worst = self._worst(c, sev)
        c.fill = PatternFill("solid", fgColor=SEVERITY_FILL[worst].lstrip("#"))
        lines = self.notes.setdefault(key, [])
        if not lines:
            if key in self.original or changed:
                lines.append(text("n_orig", self.lang, v=self.original.get((f.sheet, f.cell), _shown(c.value))))
            if changed:
                side = Side(style=MARK_BORDER[worst], color="000000")  # type: ignore[arg-type]
                c.border = Border(left=side, right=side, top=side, bottom=side)
                # A formula ("=SUM(...)") is a str to openpyxl but shows a number: keep its number format.
                c.number_format = _marked(c.number_format, c.data_type == "s")
        lines.append(f"[{f.code}] {f.rule}: {f.message(self.lang)}")
        if f.fix is not None:
            lines.append(text("n_fixed", self.lang, v=_shown(f.fix)))
        note = text("n_formula", self.lang, f=self.formula_note.get(key, ""))
        if key in self.formula_note and note not in lines:
            lines.append(note)
        self._comment(c, lines)

    @staticmethod
    def _worst(c: Any, sev: str) -> str:
        rgb = str(getattr(c.fill.fgColor, "rgb", "") or "")[-6:].upper()
        had = [s for s, col in SEVERITY_FILL.items() if col.lstrip("#").upper() == rgb]
        return min([sev, *had], key=SEVERITIES.index)

    def _comment(self, c: Any, lines: list[str]) -> None:
        body = "\n".join(lines)
        key = (c.parent.title, c.coordinate)
        if key not in self.own_comment:
            self.own_comment[key] = c.comment.text if c.comment is not None else ""
        own = self.own_comment[key]
        textv = (own.rstrip() + "\n---\n" if own else "") + body
        cm = Comment(textv, "lkj-excel")
        cm.width = 420
        cm.height = min(600, 40 + 15 * (textv.count("\n") + 1 + len(textv) // 60))
        c.comment = cm
        self.commented.add(c.parent.title)


def _is_num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _excel_percent(fmt: str | None) -> bool:
    """Whether a number format scales by 100 (an unquoted, unescaped "%")."""
    bare = re.sub(r'"[^"]*"|\\.', "", fmt or "")
    return "%" in bare


def _shown(v: Any) -> str:
    if v is None:
        return "(kosong)"
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return str(v)
    d = 0 if float(v).is_integer() else min(4, len(repr(float(v)).split(".")[1]))
    return format_id(float(v), d)


def _marked(fmt: str | None, is_text: bool) -> str:
    """The cell's number format with the "*" marker added to every section."""
    fmt = fmt or "General"
    if MARK in fmt.replace('"*"', ""):
        return fmt
    if is_text:
        return '@"*"'
    return ";".join(f'{sec}"{MARK}"' if sec else sec for sec in fmt.split(";"))


_NUMBER = re.compile(r"[-+−]?\d[\d.,]*\d|[-+−]?\d")


def _in_notation(before: Any, value: Any) -> Any:
    """`value` written the way the office wrote `before`: a number stays a number (its format is
    kept), a figure typed as text is re-typed as text in the same notation ("15.103" -> "15.106")."""
    if not isinstance(before, str) or isinstance(value, str) or value is None:
        if isinstance(value, float) and value.is_integer() and isinstance(before, int):
            return int(value)
        return value
    m = _NUMBER.search(before)
    p = parse_plain_number(m.group(0)) if m else None
    if m is None or p is None:
        return format_id(float(value), _decimals(float(value)))
    _v, d, decimal_point, thousands_point = p
    d = max(d, _decimals(float(value))) if round(float(value), d) != float(value) else d
    token = m.group(0)
    head, tail = before[: m.start()], before[m.end() :]
    if head.rstrip().endswith("(") and tail.lstrip().startswith(")"):  # "(451.393.295,00)": brackets are the minus
        if value < 0:
            value = -value
        else:  # no longer negative: the brackets go
            head, tail = head.rstrip()[:-1], tail.lstrip()[1:]
        before = head + token + tail
        m = _NUMBER.search(before, len(head))
        assert m is not None
    if decimal_point:  # English notation: "1,234.56" or "3.5"
        body = f"{abs(value):,.{d}f}" if "," in token else f"{abs(value):.{d}f}"
        body = ("-" if value < 0 else "") + body
    else:
        body = format_id(float(value), d)
        if not thousands_point and abs(value) >= 1000 and "." not in token:
            body = body.replace(".", "")  # the office typed no thousands separator
    return before[: m.start()] + body + before[m.end() :]


def _confirms(before: str, value: Any) -> bool:
    """Does `value`, rounded as `before` was typed, give the figure `before` shows ("(451.393.295,00)")?"""
    p = parse_text(before)
    if p.status != "number" or p.value is None or p.decimals is None or not _is_num(value):
        return False
    return abs(round_half_up(float(value), p.decimals) - p.value) <= 1e-9 * max(1.0, abs(p.value))


def _at_typed_precision(before: str, value: Any) -> Any:
    """A formula's value rounded to the decimals `before` was typed with (half away from zero)."""
    m = _NUMBER.search(before)
    p = parse_plain_number(m.group(0)) if m else None
    if p is None or not _is_num(value):
        return value
    return round_half_up(float(value), p[1])


def _decimals(v: float) -> int:
    for d in range(5):
        if round(v, d) == v:
            return d
    return 4


def _hf(s: str) -> str:
    return s.replace("&", "&&")


def _print_setup(ws: Any, wb: Workbook, lang: str, comments: bool) -> None:
    """Header/footer (office, year, tool; page x of y) where the office left the section empty;
    comments printed at the end of a sheet that has ours."""
    office = " ".join(x for x in (wb.office, str(wb.year) if wb.year else None) if x) or ""
    for hf in (ws.oddHeader, ws.firstHeader, ws.evenHeader):
        if not hf.left.text and office:
            hf.left.text, hf.left.size = _hf(office), 8
        if not hf.right.text:
            hf.right.text, hf.right.size = _hf(text("footer_tool", lang)), 8
    for hf in (ws.oddFooter, ws.firstFooter, ws.evenFooter):
        if not hf.right.text:
            hf.right.text, hf.right.size = text("page", lang), 8
    if comments:
        ws.page_setup.cellComments = "atEnd"
    _fit_width(ws)
    _fit_rows(ws)


def _fit_rows(ws: Any) -> None:
    """Rows the office left at automatic height get one that shows their wrapped text: LibreOffice
    does not grow them on load, so a paragraph would print over the next one. Set heights stay."""
    widths: dict[int, float] = {}

    def width(col: int) -> float:
        if col not in widths:
            widths[col] = ws.column_dimensions[get_column_letter(col)].width or 8.43
        return widths[col]

    spans = {(r.min_row, r.min_col): r for r in ws.merged_cells.ranges if r.min_row == r.max_row}
    for row in ws.iter_rows():
        r = row[0].row
        if ws.row_dimensions[r].height is not None:
            continue
        cells = []
        for c in row:
            if isinstance(c.value, str) and c.alignment is not None and c.alignment.wrap_text:
                m = spans.get((r, c.column))
                w = sum(width(k) for k in range(m.min_col, m.max_col + 1)) if m else width(c.column)
                cells.append((c.value, w))
        if cells:
            h = fit_row_height(cells)
            if h > 17:
                ws.row_dimensions[r].height = h


def _fit_width(ws: Any) -> None:
    """A sheet the office gave no page setup prints one page wide on A4 (landscape when wide):
    a table split over two pages cannot be read. A sheet with its own setup keeps it."""
    props = ws.sheet_properties.pageSetUpPr
    if (props is not None and props.fitToPage) or ws.print_area or ws.page_setup.scale not in (None, 100):
        return
    if ws.page_setup.paperSize is None:
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if ws.page_setup.orientation is None:
        widths = sum((ws.column_dimensions[get_column_letter(i)].width or 8.43) for i in range(1, ws.max_column + 1))
        ws.page_setup.orientation = "landscape" if widths > 95 else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _add_report_sheets(
    book: Any, wb: Workbook, findings: list[Finding], cell_map: CellMap, rv: Review, lang: str, losses: list[str]
) -> None:
    """Render Ringkasan, Temuan and Checklist Reviu (xlsxwriter, `summary.py`) and copy them in."""
    with tempfile.TemporaryDirectory(prefix="lkj-") as d:
        path = Path(d) / "review.xlsx"
        xw = new_workbook(path)
        taken: set[str] = set()
        for n in book.sheetnames:  # placeholders: the report sheets get names the workbook does not have
            xw.add_worksheet(safe_sheet_name(n, taken))  # an input name xlsxwriter refuses ("'x'", 32+ units)
        first = S.add_sheet(xw, S.SHEET_RINGKASAN)
        notes = [text("not_kept", lang, what=x) for x in losses]
        S.write_ringkasan(xw, first, wb, findings, lang, review=rv, extra_notes=notes)
        S.write_temuan(xw, wb, findings, cell_map, lang)
        S.write_checklist(xw, wb, findings, lang, review=rv)
        xw.close()
        added = copy_sheets(path, book, skip=set(book.sheetnames))
    book.move_sheet(added[0], offset=-book.index(added[0]))  # Ringkasan first, as the reviewer reads
    book.active = 0
    for ws in book.worksheets:
        ws.sheet_view.tabSelected = ws is added[0]
