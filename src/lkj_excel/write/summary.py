"""The report sheets rendered with xlsxwriter: Ringkasan (summary and charts), Temuan (one row
per finding) and Checklist Reviu (the reviu questions and their answers).

Rendering only: the data (counts, key indicators, checklist answers, chart data) is the
`lkj_excel.review.Review` computed once from the workbook and its findings.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..findings import SEVERITIES, Finding, sort_key
from ..model import Workbook
from ..numerals import format_id
from ..review import (
    Review,
    address,
    answer_label,
    build_review,
    capaian_of,
    chart_data,
    checklist_items,
    classify,
    format_date,
    group_by_table,
    key_indicators,
    severity_counts,
    severity_label,
    status_label,
    table_counts,
    table_label,
    table_titles,
    text,
)
from ..review.checklist import QUESTIONS
from ..spec import table_sort_key
from .layout import fit_row_height

SHEET_RINGKASAN = "Ringkasan"
SHEET_TEMUAN = "Temuan"
SHEET_CHECKLIST = "Checklist Reviu"

# Where the chart data is written on the Ringkasan sheet (hidden columns).
HELPER_COL = 40  # column AO
# Excel keeps at most 65.530 hyperlinks a sheet (xlsxwriter drops the rest with a warning each):
# Temuan links its first LINK_LIMIT findings and lists the rest without links.
LINK_LIMIT = 10_000


def _formats(book: Any) -> dict[str, Any]:
    cached = getattr(book, "_lkj_report_formats", None)
    if cached is not None:
        return cached
    base = {"font_name": "Calibri", "font_size": 10, "valign": "top"}

    def f(**kw: Any) -> Any:
        return book.add_format({**base, **kw})

    hdr = {
        "bold": True,
        "bg_color": "#1F3864",
        "font_color": "#FFFFFF",
        "border": 1,
        "border_color": "#8EA9DB",
        "text_wrap": True,
        "valign": "vcenter",
    }
    cell = {"border": 1, "border_color": "#BFBFBF"}
    fm = {
        "title": f(bold=True, font_size=15, font_color="#1F3864"),
        "subtitle": f(italic=True, font_color="#595959"),
        "section": f(bold=True, font_size=12, font_color="#1F3864", bottom=2, bottom_color="#1F3864"),
        "label": f(bold=True, font_color="#404040"),
        "value": f(),
        "hdr": f(**hdr),
        "hdr_num": f(**hdr, align="right"),
        "txt": f(**cell, text_wrap=True, indent=1),
        "int": f(**cell, num_format="#,##0"),
        "int_bold": f(**cell, num_format="#,##0", bold=True),
        "num2": f(**cell, num_format="#,##0.00"),
        "pct2": f(**cell, num_format='#,##0.00"%"'),
        "bold": f(**cell, bold=True, text_wrap=True, indent=1),
        "note": f(italic=True, font_color="#7F6000", text_wrap=True),
        "muted": f(italic=True, font_color="#7F7F7F"),
        "link": f(**cell, font_color="#0563C1", underline=1),
        "sev_error": f(**cell, bold=True, bg_color="#F8D7DA", font_color="#842029"),
        "sev_warning": f(**cell, bold=True, bg_color="#FFF3CD", font_color="#664D03"),
        "sev_info": f(**cell, bold=True, bg_color="#DDEBF7", font_color="#1F4E79"),
        "st_fixed": f(**cell, font_color="#146C43"),
        "st_check": f(**cell, font_color="#7F6000"),
        "ans_ya": f(**cell, bold=True, align="center", bg_color="#D1E7DD", font_color="#0F5132"),
        "ans_tidak": f(**cell, bold=True, align="center", bg_color="#F8D7DA", font_color="#842029"),
        "ans_periksa": f(**cell, bold=True, align="center", bg_color="#FFF3CD", font_color="#664D03"),
        "ans_tidak_dinilai": f(
            **cell, bold=True, align="center", text_wrap=True, bg_color="#E7E6E6", font_color="#404040"
        ),
        "helper": f(font_color="#7F7F7F"),
    }
    book._lkj_report_formats = fm
    return fm


def _num(ws: Any, r: int, c: int, v: float | None, fmt: Any, blank_fmt: Any) -> None:
    if v is None:
        ws.write_blank(r, c, None, blank_fmt)
    else:
        ws.write_number(r, c, v, fmt)


def _hf(s: str) -> str:
    """A text for a header/footer section: "&" is a code there."""
    return s.replace("&", "&&")


def print_setup(ws: Any, wb: Workbook, lang: str = "id", landscape: bool = True) -> None:
    """A4, one page wide, and the header/footer every printed sheet carries (office, year, tool, page x of y)."""
    office = " ".join(x for x in (wb.office, str(wb.year) if wb.year else None) if x) or "-"
    ws.set_header(f"&L&8{_hf(office)}&R&8{_hf(text('footer_tool', lang))}")
    ws.set_footer(f"&L&8{_hf(Path(wb.path).name if wb.path else '')}&R&8{text('page', lang)}")
    if landscape:
        ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)


# ---------------------------------------------------------------- Ringkasan


def write_ringkasan(
    book: Any,
    ws: Any,
    wb: Workbook,
    findings: list[Finding],
    lang: str = "id",
    today: date | None = None,
    review: Review | None = None,
    extra_notes: Sequence[str] = (),
) -> None:
    """Fill the (empty) Ringkasan worksheet `ws` of the xlsxwriter workbook `book`; `extra_notes` are
    shown with the reader's notes (what the corrected workbook could not carry over)."""
    rv = review or build_review(wb, findings, lang)
    fm = _formats(book)
    ws.hide_gridlines(2)
    ws.set_column(0, 0, 44)
    ws.set_column(1, 8, 14)
    print_setup(ws, wb, lang)
    r = _ringkasan_head(ws, wb, lang, today, fm)
    r = _ringkasan_counts(ws, wb, rv, lang, r, fm, extra_notes)
    r = _ringkasan_indicators(ws, rv, lang, r, fm)
    # The charts start on a page of their own (Grafik), so none is split by a page break.
    breaks = [r]
    ws.write(r, 0, text("charts", lang), fm["section"])
    _write_charts(book, ws, rv, lang, r + 1, fm, breaks)
    ws.set_h_pagebreaks(breaks)


def _ringkasan_head(ws: Any, wb: Workbook, lang: str, today: date | None, fm: dict[str, Any]) -> int:
    from .. import __version__

    ws.write(0, 0, text("title", lang), fm["title"])
    r = 2
    info = [
        ("office", wb.office or "-"),
        ("kabupaten", wb.kabupaten or "-"),
        ("year", str(wb.year) if wb.year else "-"),
        ("file", Path(wb.path).name if wb.path else "-"),
        ("date", format_date(today or date.today(), lang)),
        ("tool", f"lkj-excel {__version__}"),
    ]
    for k, v in info:
        ws.write(r, 0, text(k, lang), fm["label"])
        ws.write_string(r, 1, v, fm["value"])
        r += 1
    return r + 1


def _ringkasan_counts(
    ws: Any, wb: Workbook, rv: Review, lang: str, r: int, fm: dict[str, Any], extra_notes: Sequence[str] = ()
) -> int:
    ws.write(r, 0, text("by_severity", lang), fm["section"])
    r += 1
    for s in SEVERITIES:
        ws.write(r, 0, severity_label(s, lang), fm[f"sev_{s}"])
        ws.write_number(r, 1, rv.counts[s], fm["int"])
        r += 1
    ws.write(r, 0, text("total", lang), fm["bold"])
    ws.write_number(r, 1, len(rv.findings), fm["int_bold"])
    ws.write(r + 1, 0, text("corrected", lang), fm["muted"])  # how a corrected cell looks on paper
    r += 3
    ws.write(r, 0, text("by_table", lang), fm["section"])
    r += 1
    if rv.findings:
        ws.write(r, 0, text("table", lang), fm["hdr"])
        for i, s in enumerate(SEVERITIES):
            ws.write(r, 1 + i, severity_label(s, lang), fm["hdr_num"])
        ws.write(r, 4, text("total", lang), fm["hdr_num"])
        r += 1
        for tid, c in rv.by_table:
            label = table_label(tid) + (f" — {rv.titles[tid]}" if tid in rv.titles else "")
            ws.write_string(r, 0, label, fm["txt"])
            ws.set_row(r, fit_row_height([(label, 44)]))  # LibreOffice does not grow rows by itself
            for i, s in enumerate(SEVERITIES):
                ws.write_number(r, 1 + i, c[s], fm["int"])
            ws.write_number(r, 4, sum(c.values()), fm["int_bold"])
            r += 1
    else:
        ws.write(r, 0, text("no_findings", lang), fm["muted"])
        r += 1
    if wb.missing:
        r += 1
        ws.write(r, 0, text("missing", lang), fm["label"])
        ws.write_string(r, 1, ", ".join(wb.missing), fm["note"])
        r += 1
    notes = [n.message(lang) for n in wb.notes] + list(extra_notes)
    if notes:
        r += 1
        ws.write(r, 0, text("notes", lang), fm["label"])
        for n in notes:
            ws.write_string(r, 1, n, fm["muted"])
            r += 1
    return r + 1


_KEY_HEADS = ("indicator", "target", "realisasi", "capaian", "capaian_calc", "category", "kinerja", "capaian_cat")


def _ringkasan_indicators(ws: Any, rv: Review, lang: str, r: int, fm: dict[str, Any]) -> int:
    ws.write(r, 0, text("key", lang), fm["section"])
    r += 1
    kis = rv.indicators
    if not kis:
        ws.write(r, 0, text("no_key", lang), fm["muted"])
        return r + 2
    for i, h in enumerate((*_KEY_HEADS, "source")):
        ws.write(r, i, text(h, lang), fm["hdr"] if i in (0, 5, 6, 7, 8) else fm["hdr_num"])
    ws.set_row(r, 30)
    r += 1
    for k in kis:
        ws.write_string(r, 0, k["name"], fm["txt"])
        _num(ws, r, 1, k["target"], fm["num2"], fm["txt"])
        _num(ws, r, 2, k["realisasi"], fm["num2"], fm["txt"])
        _num(ws, r, 3, k["capaian"], fm["pct2"], fm["txt"])
        _num(ws, r, 4, k["capaian_computed"], fm["pct2"], fm["txt"])
        ws.write_string(r, 5, k["category"] or "-", fm["bold"])
        ws.write_string(r, 6, k["category_kinerja"] or "-", fm["txt"])
        ws.write_string(r, 7, k["capaian_category"] or "-", fm["txt"])
        ws.write_string(r, 8, table_label(k["table"]), fm["txt"])
        ws.set_row(r, fit_row_height([(k["name"], 44), (k["category_kinerja"] or "", 14)]))
        r += 1
    tables = ", ".join(sorted({k["table"] for k in kis}, key=table_sort_key))
    ws.write(r, 0, text("key_src", lang, tables=tables), fm["muted"])
    return r + 2


# Printable height of a landscape A4 page in default rows (20 px), with margins and the page
# header, at the scale that fits the Ringkasan's width on the page (about 0.94): two 280 px charts fit.
_PAGE_ROWS = 33
_PALETTE = ["#1F3864", "#C55A11", "#548235", "#7030A0", "#BF9000", "#2E75B6"]


def _write_charts(book: Any, ws: Any, rv: Review, lang: str, row: int, fm: dict[str, Any], breaks: list[int]) -> int:
    hc, hr = HELPER_COL, 2
    ws.write(0, hc, text("helper", lang), fm["helper"])
    used = 1  # rows of the current page taken (the "Grafik" heading)
    for key, ctype in (("trend", "line"), ("peer", "column"), ("absorption", "bar")):
        d = rv.charts[key]
        if "skip" in d:
            ws.write_string(row, 0, text("chart_skip", lang, chart=d["title"], reason=d["skip"]), fm["note"])
            row, used = row + 2, used + 2
            continue
        first, last = _chart_helper_block(ws, d, hr, fm)
        chart = _make_chart(book, ws.name, key, ctype, d, first, last, lang)
        height = 280 if key != "absorption" else min(600, max(280, 60 + 40 * len(d["categories"])))
        rows = math.ceil(height / 20) + 2
        if used + rows > _PAGE_ROWS:
            breaks.append(row)
            used = 0
        chart.set_size({"width": 820, "height": height})
        ws.insert_chart(row, 0, chart, {"x_offset": 2, "y_offset": 4, "object_position": 1})
        row, used, hr = row + rows, used + rows, last + 2
    ws.set_column(hc, hc + 12, 16, None, {"hidden": True})
    return row


def _chart_helper_block(ws: Any, d: dict[str, Any], hr: int, fm: dict[str, Any]) -> tuple[int, int]:
    """The chart's data in the hidden helper columns: a header row, then one row per category."""
    hc = HELPER_COL
    cats, series = d["categories"], d["series"]
    ws.write_string(hr, hc, d["title"], fm["helper"])
    for j, (name, _) in enumerate(series):
        ws.write_string(hr, hc + 1 + j, str(name), fm["helper"])
    for i, cat in enumerate(cats):
        ws.write_string(hr + 1 + i, hc, cat, fm["helper"])
        for j, (_, vals) in enumerate(series):
            if vals[i] is not None:
                ws.write_number(hr + 1 + i, hc + 1 + j, vals[i], fm["helper"])
    return hr + 1, hr + len(cats)


def _make_chart(
    book: Any, sheet: str, key: str, ctype: str, d: dict[str, Any], first: int, last: int, lang: str
) -> Any:
    hc, hr = HELPER_COL, first - 1
    series = d["series"]
    chart = book.add_chart({"type": ctype, **({"subtype": "clustered"} if ctype != "line" else {})})
    for j in range(len(series)):
        color = _PALETTE[j % len(_PALETTE)]
        s: dict[str, Any] = {
            "name": [sheet, hr, hc + 1 + j],
            "categories": [sheet, first, hc, last, hc],
            "values": [sheet, first, hc + 1 + j, last, hc + 1 + j],
            "data_labels": {"value": True, "num_format": "#,##0.00", "font": {"size": 8}},
        }
        if ctype == "line":
            s["line"] = {"color": color, "width": 2.25}
            s["marker"] = {"type": "circle", "size": 6, "fill": {"color": color}, "border": {"color": color}}
            s["data_labels"]["position"] = "above"
        else:
            s["fill"] = {"color": color}
            s["gap"] = 80
        chart.add_series(s)
    chart.set_title({"name": d["title"], "name_font": {"size": 11, "bold": True}})
    chart.show_hidden_data()
    chart.show_blanks_as("gap")
    chart.set_legend({"position": "bottom"} if len(series) > 1 else {"none": True})
    value_axis: dict[str, Any] = {
        "num_format": "#,##0",
        "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
        "name": text("pct_axis" if key == "absorption" else "value_axis", lang),
    }
    if key == "absorption":
        value_axis["min"] = 0
        if max(v for v in series[0][1] if v is not None) <= 100:
            value_axis["max"] = 100
        chart.set_x_axis(value_axis)  # bar charts swap axes
        chart.set_y_axis({"reverse": True, "num_font": {"size": 8}})
    else:
        if key == "trend":  # lines: start the axis near the data, not at 0
            lo = min(v for _, vs in series for v in vs if v is not None)
            value_axis["min"] = max(0, math.floor(lo / 10) * 10 - 10)
        chart.set_y_axis(value_axis)
        chart.set_x_axis({"name": text("year_axis", lang)} if key == "trend" else {})
    return chart


# ---------------------------------------------------------------- Temuan


def add_sheet(book: Any, name: str) -> Any:
    """Add a worksheet `name`, or "name (2)" … if the corrected workbook already has one."""
    taken = {ws.name.lower() for ws in book.worksheets()}
    cand, n = name, 2
    while cand.lower() in taken:
        cand, n = f"{name} ({n})", n + 1
    return book.add_worksheet(cand)


def _internal_url(sheet: str, cell: str) -> str:
    return "internal:'{}'!{}".format(sheet.replace("'", "''"), cell)


_TEMUAN_COLS = (
    ("code", 9),
    ("severity", 12),
    ("table", 11),
    ("cell", 18),
    ("found", 20),
    ("expected", 20),
    ("message", 70),
    ("status", 15),
    ("related", 30),
)


def write_temuan(
    book: Any,
    wb: Workbook,
    findings: list[Finding],
    cell_map: dict[tuple[str, str], tuple[str, str]] | None = None,
    lang: str = "id",
    link_limit: int = LINK_LIMIT,
) -> Any:
    """Add the "Temuan" sheet: one row per finding; Sel links to the output cell when `cell_map` has it
    (for the first `link_limit` findings: the rest are listed without links)."""
    fm = _formats(book)
    ws = add_sheet(book, SHEET_TEMUAN)
    cell_map = cell_map or {}
    for i, (h, w) in enumerate(_TEMUAN_COLS):
        ws.set_column(i, i, w)
        ws.write(0, i, text(h, lang), fm["hdr"])
    ws.set_row(0, 22)
    rows = sorted(findings, key=sort_key)
    links = 0
    for i, f in enumerate(rows, 1):
        ws.write_string(i, 0, f.code, fm["txt"])
        ws.write_string(i, 1, severity_label(f.severity, lang), fm.get(f"sev_{f.severity}", fm["txt"]))
        ws.write_string(i, 2, table_label(f.table), fm["txt"])
        addr = address(f.sheet, f.cell)
        target = cell_map.get((f.sheet, f.cell))
        if target and links < link_limit:
            links += 1
            ws.write_url(i, 3, _internal_url(*target), fm["link"], addr, text("open_cell", lang, cell=address(*target)))
        else:
            ws.write_string(i, 3, addr, fm["txt"])
        found = "" if f.found is None else str(f.found)
        expected = "" if f.expected is None else str(f.expected)
        msg, related = f.message(lang), ", ".join(f.related)
        ws.write_string(i, 4, found, fm["txt"])
        ws.write_string(i, 5, expected, fm["txt"])
        ws.write_string(i, 6, msg, fm["txt"])
        ws.write_string(i, 7, status_label(f.status, lang), fm["st_fixed" if f.fix is not None else "st_check"])
        ws.write_string(i, 8, related, fm["txt"])
        ws.set_row(i, fit_row_height([(addr, 18), (found, 20), (expected, 20), (msg, 70), (related, 30)]))
    if links >= link_limit and len(rows) > link_limit:
        ws.write_string(len(rows) + 2, 0, text("links_cut", lang, n=format_id(link_limit, 0)), fm["note"])
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(_TEMUAN_COLS) - 1)
    print_setup(ws, wb, lang)
    ws.repeat_rows(0)
    return ws


# ---------------------------------------------------------------- Checklist


def write_checklist(
    book: Any, wb: Workbook, findings: list[Finding], lang: str = "id", review: Review | None = None
) -> Any:
    """Add the "Checklist Reviu" sheet."""
    items = review.checklist if review is not None else checklist_items(wb, findings, lang)
    fm = _formats(book)
    ws = add_sheet(book, SHEET_CHECKLIST)
    ws.hide_gridlines(2)
    widths = [5, 52, 16, 10, 22, 40, 40]
    for i, w in enumerate(widths):
        ws.set_column(i, i, w)
    ws.write(0, 0, text("c_title", lang), fm["title"])
    ws.write(1, 0, text("c_intro", lang), fm["subtitle"])
    heads = ["no", "question", "answer", "count", "codes", "cells", "note"]
    hr = 3
    for i, h in enumerate(heads):
        ws.write(hr, i, text(h, lang), fm["hdr"])
    ws.set_row(hr, fit_row_height([(text(h, lang), w) for h, w in zip(heads, widths, strict=True)]))
    for i, it in enumerate(items, hr + 1):
        codes, cells = ", ".join(it["codes"]), _join_limited(it["cells"])
        note = it["note"] + ("\n" if it["note"] else "") + it["basis"]
        ws.write_number(i, 0, it["no"], fm["int"])
        ws.write_string(i, 1, it["question"], fm["bold"])
        ws.write_string(i, 2, answer_label(it["answer"], lang), fm[f"ans_{it['answer']}"])
        ws.write_number(i, 3, it["count"], fm["int"])
        ws.write_string(i, 4, codes, fm["txt"])
        ws.write_string(i, 5, cells, fm["txt"])
        ws.write_string(i, 6, note, fm["txt"])
        ws.set_row(i, fit_row_height([(it["question"], 52), (codes, 22), (cells, 40), (note, 40)]))
    ws.freeze_panes(hr + 1, 0)
    print_setup(ws, wb, lang)
    ws.repeat_rows(hr)
    return ws


def _join_limited(items: list[str], limit: int = 25) -> str:
    uniq = list(dict.fromkeys(items))
    s = ", ".join(uniq[:limit])
    if len(uniq) > limit:
        s += f" … (+{len(uniq) - limit})"
    return s


# ---------------------------------------------------------------- hook


def extra_sheets_hook(
    wb: Workbook, findings: list[Finding], lang: str = "id", review: Review | None = None
) -> Callable[[Any, dict, Any], None]:
    """The `extra_sheets(xlsx_workbook, cell_map, first_sheet)` callable for the corrected workbook."""
    rv = review or build_review(wb, findings, lang)

    def extra_sheets(book: Any, cell_map: dict[tuple[str, str], tuple[str, str]], first_sheet: Any) -> None:
        write_ringkasan(book, first_sheet, wb, findings, lang, review=rv)
        write_temuan(book, wb, findings, cell_map, lang)
        write_checklist(book, wb, findings, lang, review=rv)

    return extra_sheets


def fmt_value(v: float | None, decimals: int = 2, unit: str | None = None) -> str:
    """Indonesian notation for the HTML report."""
    return format_id(v, decimals, unit) if v is not None else "-"


__all__ = ["QUESTIONS", "address", "answer_label", "capaian_of", "chart_data", "checklist_items", "classify"]
__all__ += ["extra_sheets_hook", "format_date", "group_by_table", "key_indicators", "print_setup"]
__all__ += ["severity_counts", "status_label", "table_counts", "table_titles"]
__all__ += ["write_checklist", "write_ringkasan", "write_temuan"]
