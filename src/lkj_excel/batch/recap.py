"""OUT/rekap.xlsx (Rekap, Temuan, Grafik, Dilewati) and OUT/rekap.json.

Every office's counts are the count of its rows in Temuan: its own findings and
the batch's (W9xx), the same list its corrected workbook shows. Rows get heights
that fit their wrapped text (LibreOffice does not grow them on its own), every
sheet prints on A4 landscape one page wide with a header row and page numbers,
and the chart sits above its data so it never straddles a page edge.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__
from ..findings import Finding
from .discover import Skipped
from .result import Result
from .texts import rule_title, severity, t

LINE_PT = 15.0  # one line of Calibri 11


def _new_book(path: Path) -> Any:
    from ..write.xlsx import new_workbook  # the one safe factory (input text stays text)

    return new_workbook(path)


def _lines(text: str, width: float) -> int:
    """Lines a text wraps to in a column `width` characters wide: words packed greedily, a little pessimistic
    (LibreOffice does not grow a row to fit, so an estimate too low would clip the text)."""
    per = max(1, int(width))
    if len(text) <= per and "\n" not in text:
        return 1
    return _wrapped_lines(text, per)


@lru_cache(maxsize=1 << 14)
def _wrapped_lines(text: str, per: int) -> int:
    """`_lines` of a text longer than a line, cached: a paragraph's corrected text is the fix of each of its
    findings, and a message repeats across offices.

    Words are packed greedily: a line takes every word that ends within `per` characters of its start, a
    space between words counts one, spaces at a line's start count nothing, and a word longer than a line
    breaks every `per` characters. Worked out by finding the breaks (str.rfind), not word by word.
    """
    n = 0
    for para in text.split("\n"):
        n += 1
        end = len(para)
        if end <= per:
            continue
        start = 0
        while start < end and para[start] == " ":
            start += 1
        while start + per < end:
            limit = start + per
            if para[limit] == " ":  # the line is full: the next word (or space) starts the next line
                n += 1
                start = limit + 1
                while start < end and para[start] == " ":
                    start += 1
                continue
            word = para.rfind(" ", 0, limit) + 1  # the word that crosses the limit goes to the next line
            if word > start:
                n += 1
                start = word
                continue
            stop = para.find(" ", limit)  # unless it starts the line: broken every `per` characters
            extra = ((end if stop < 0 else stop) - start - 1) // per
            n += extra
            start += extra * per
    return n


def _height(texts: list[tuple[str, float]]) -> float:
    return LINE_PT * max([_lines(x, w) for x, w in texts if x] or [1])


def _head_height(head: list[str], widths: Sequence[float]) -> float:
    """Bold text is wider, and the filter button takes two characters of each header cell."""
    return _height([(h, (w - 2) * 0.85) for h, w in zip(head, widths, strict=True)])


def _print_setup(ws: Any, title: str, lang: str, repeat: bool = True, pages_wide: int = 1) -> None:
    """A4 landscape, `pages_wide` pages wide, header row repeated, page numbers in the footer."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(pages_wide, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.set_footer(t("footer", lang, title=title.replace("&", "&&")))
    if repeat:
        ws.repeat_rows(0)


class _Formats:
    def __init__(self, book: Any) -> None:
        self.head = book.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7", "border": 1}
        )
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.num2 = book.add_format({"num_format": "#,##0.00", "valign": "top"})
        self.int = book.add_format({"num_format": "0", "valign": "top"})
        self.num = book.add_format({"valign": "top"})
        self.bad = book.add_format({"font_color": "#9C0006", "bg_color": "#FFC7CE", "valign": "top", "text_wrap": True})


def _indicator_columns(results: list[Result]) -> list[tuple[str, str]]:
    """(indicator id, display name) in first-seen order."""
    seen: dict[str, str] = {}
    for r in results:
        for e in r.profile.indicators if r.profile else ():
            seen.setdefault(e.id, e.name)
    return list(seen.items())


_REKAP_WIDTHS = (26, 24, 18, 7, 12, 32, 11, 11, 8)


def _write_rekap(book: Any, fm: _Formats, results: list[Result], lang: str) -> Any:
    ws = book.add_worksheet(t("sheet.rekap", lang))
    inds = _indicator_columns(results)
    head = [t(f"h.{k}", lang) for k in ("file", "office", "kabupaten", "year", "status", "reason")]
    head += [t(f"h.{k}", lang) for k in ("error", "warning", "info")]
    for _iid, name in inds:
        head += [f"{name} – {t(f'h.{k}', lang)}" for k in ("target", "realisasi", "capaian", "category")]
    head += [t("h.penyerapan", lang), t("h.corrected", lang)]
    widths = list(_REKAP_WIDTHS) + [13] * (4 * len(inds) + 1) + [28]
    # Wider than ~170 characters is unreadable on one A4 page: split it, the file name repeated on each.
    _print_setup(ws, t("sheet.rekap", lang), lang, pages_wide=max(1, math.ceil(sum(widths) / 170)))
    ws.repeat_columns(0)
    ws.write_row(0, 0, head, fm.head)
    ws.set_row(0, _head_height(head, widths))
    for i, r in enumerate(results, start=1):
        _rekap_row(ws, fm, i, r, inds, lang, widths)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(len(results), 1), len(head) - 1)
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    return ws


def _rekap_row(
    ws: Any, fm: _Formats, i: int, r: Result, inds: list[tuple[str, str]], lang: str, widths: list[int]
) -> None:
    p = r.profile
    status = t(f"status.{r.status}", lang)
    reason = r.reason or "; ".join(r.output_errors)
    texts = [r.name, (p.office if p else None) or "", (p.kabupaten if p else None) or "", "", status, reason]
    for c, text in enumerate(texts):
        if c == 3:
            if p and p.year:
                ws.write_number(i, 3, p.year, fm.int)
        elif c == 5:
            ws.write_string(i, c, text, fm.bad if text else fm.wrap)
        else:
            ws.write_string(i, c, text, fm.bad if c == 4 and not r.ok else fm.wrap)
    for k, n in enumerate(r.counts().values()):
        ws.write_number(i, 6 + k, n, fm.int)
    col = 9
    by = {e.id: e for e in p.indicators} if p else {}
    for iid, _name in inds:
        e = by.get(iid)
        for v in (e.target, e.realisasi, e.capaian) if e else (None, None, None):
            if v is not None:
                ws.write_number(i, col, v, fm.num2)
            col += 1
        if e and e.category:
            ws.write_string(i, col, e.category, fm.wrap)
            texts.append(e.category)
        col += 1
    if p and p.penyerapan:
        ws.write_number(i, col, p.penyerapan.value, fm.num2)
    if r.corrected:
        ws.write_string(i, col + 1, r.corrected, fm.wrap)
    ws.set_row(i, _height(list(zip(texts, widths, strict=False))))


TEMUAN_COLS = (
    "file",
    "code",
    "rule",
    "severity",
    "table",
    "sheet",
    "cell",
    "found",
    "expected",
    "message",
    "related",
    "fix",
)
TEMUAN_WIDTHS = (26, 7, 22, 11, 7, 12, 7, 14, 14, 60, 26, 30)


def _finding_row(name: str, f: Finding, lang: str) -> list[Any]:
    return [
        name,
        f.code,
        rule_title(f.code, f.rule, lang),
        severity(f.severity, lang),
        f.table,
        f.sheet,
        f.cell,
        f.found,
        f.expected,
        f.message(lang),
        ", ".join(f.related),
        f.fix,
    ]


def _write_temuan(book: Any, fm: _Formats, results: list[Result], lang: str) -> None:
    from ..write.xlsx_rows import BulkSheet

    # One row per finding (a hundred thousand in a big batch): rendered in bulk, not cell by cell.
    ws = book.add_worksheet(t("sheet.temuan", lang), worksheet_class=BulkSheet)
    _print_setup(ws, t("sheet.temuan", lang), lang)
    head = [t(f"h.{c}", lang) for c in TEMUAN_COLS]
    ws.put_rows([head], [_head_height(head, TEMUAN_WIDTHS)], fm.head, fm.head)
    rows: list[list[Any]] = []
    heights: list[float] = []
    for r in results:
        done = r.temuan
        if done is None or done[0] is not r.findings:  # not rendered ahead (or for other findings)
            done = temuan_rows(r.name, r.findings, lang)
        rows += done[1]
        heights += done[2]
    n = ws.put_rows(rows, heights, fm.wrap, fm.num) - 1
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(n, 1), len(TEMUAN_COLS) - 1)
    for c, w in enumerate(TEMUAN_WIDTHS):
        ws.set_column(c, c, w)


_TEMUAN_PERS = [max(1, int(w)) for w in TEMUAN_WIDTHS]

# A workbook's Temuan rows as rendered: (the findings they render, the rows, their heights).
TemuanRows = tuple[list[Finding], list[list[Any]], list[float]]


def temuan_rows(name: str, findings: list[Finding], lang: str) -> TemuanRows:
    """The Temuan rows of one workbook's findings and their heights. The batch renders them as each check's
    answer arrives, while the workers still run (`Result.temuan`), not in the serial tail after the checks."""
    rows = [_finding_row(name, f, lang) for f in findings]
    return findings, rows, list(map(_row_height, rows))


def _row_height(row: list[Any]) -> float:
    """The height of a Temuan row: its tallest wrapped text."""
    lines = 1
    for v, per in zip(row, _TEMUAN_PERS, strict=True):
        if v.__class__ is str and (len(v) > per or "\n" in v):
            k = _wrapped_lines(v, per)
            lines = k if k > lines else lines
    return LINE_PT * lines


CHART_ROWS = 22  # the chart's height in rows (20 px each): the data starts below it


def _write_grafik(book: Any, fm: _Formats, results: list[Result], lang: str) -> None:
    ok = [r for r in results if r.ok and r.profile]
    if not ok:
        return
    name = t("sheet.grafik", lang)
    ws = book.add_worksheet(name)
    _print_setup(ws, name, lang, repeat=False)
    top = CHART_ROWS + 1
    ws.write_row(top, 0, [t("h.office", lang), t("ikm", lang), t("h.penyerapan", lang)], fm.head)
    ws.set_row(top, 2 * LINE_PT)
    for i, r in enumerate(ok, start=top + 1):
        assert r.profile is not None
        ws.write_string(i, 0, r.profile.office or r.name, fm.wrap)
        ikm = next((e for e in r.profile.indicators if e.id == "ikm"), None)
        if ikm and ikm.realisasi is not None:
            ws.write_number(i, 1, ikm.realisasi, fm.num2)
        if r.profile.penyerapan:
            ws.write_number(i, 2, r.profile.penyerapan.value, fm.num2)
    last = top + len(ok)
    chart = book.add_chart({"type": "column"})
    for c in (1, 2):
        chart.add_series(
            {
                "name": [name, top, c],
                "categories": [name, top + 1, 0, last, 0],
                "values": [name, top + 1, c, last, c],
                "data_labels": {"value": len(ok) <= 12, "num_format": "0.00"},
            }
        )
    chart.set_title({"name": t("chart", lang)})
    chart.set_y_axis({"min": 0, "num_format": "0"})
    chart.set_legend({"position": "bottom"})
    # The chart covers columns A:H (the widths below), so the print area holds all of it.
    widths = (30, 16, 16, 12, 12, 12, 12, 12)
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    px = int(sum(w * 7 + 5 for w in widths))
    chart.set_size({"width": px - 10, "height": CHART_ROWS * 20 - 10})
    ws.insert_chart(0, 0, chart, {"x_offset": 2, "y_offset": 2, "object_position": 3})
    ws.print_area(0, 0, last, len(widths) - 1)


def _write_skipped(book: Any, fm: _Formats, skipped: list[Skipped], lang: str) -> None:
    if not skipped:
        return
    name = t("sheet.skipped", lang)
    ws = book.add_worksheet(name)
    _print_setup(ws, name, lang)
    ws.write_row(0, 0, [t("h.file", lang), t("h.skip_reason", lang)], fm.head)
    for i, s in enumerate(skipped, start=1):
        ws.write_string(i, 0, s.name, fm.wrap)
        ws.write_string(i, 1, t(s.reason, lang), fm.wrap)
        ws.set_row(i, _height([(s.name, 50), (t(s.reason, lang), 60)]))
    ws.set_column(0, 0, 50)
    ws.set_column(1, 1, 60)


def write_recap(
    path: Path, results: list[Result], skipped: list[Skipped], lang: str = "id", force: bool = False
) -> None:
    """Write OUT/rekap.xlsx through `atomic_output` (never half a file; refused if it exists without force)."""
    from ..write.atomic import atomic_output

    with atomic_output(path, force=force) as tmp:
        book = _new_book(tmp)
        fm = _Formats(book)
        ws = _write_rekap(book, fm, results, lang)
        _write_temuan(book, fm, results, lang)
        _write_grafik(book, fm, results, lang)
        _write_skipped(book, fm, skipped, lang)
        ws.activate()
        book.close()


def recap_dict(results: list[Result], skipped: list[Skipped], lang: str = "id") -> dict[str, Any]:
    """The batch as one JSON object: every workbook with its status, counts, outputs and findings."""
    totals = {"error": 0, "warning": 0, "info": 0}
    books = []
    for r in results:
        counts = r.counts()
        for k, v in counts.items():
            totals[k] += v
        p = r.profile
        books.append(
            {
                "file": r.name,
                "path": r.path,
                "status": r.status,
                "reason": r.reason,
                "office": p.office if p else None,
                "kabupaten": p.kabupaten if p else None,
                "year": p.year if p else None,
                "summary": counts,
                "outputs": r.outputs,
                "output_errors": r.output_errors,
                "findings": [f.to_dict(lang) for f in r.findings],
            }
        )
    return {
        "tool": "lkj-excel",
        "version": __version__,
        "summary": totals,
        "workbooks": books,
        "skipped": [{"file": s.name, "reason": t(s.reason, lang)} for s in skipped],
    }
