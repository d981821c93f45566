"""The report of a run, by the output's suffix: .xlsx (Ringkasan, Temuan,
Checklist Reviu), .html (one self-contained printable page) or .json
(`findings.report_dict`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from .. import __version__ as VERSION
from ..errors import LkjError
from ..findings import SEVERITIES, Finding, report_dict
from ..model import Workbook
from ..review import Review, build_review
from . import summary as S
from .atomic import atomic_output
from .jsonsafe import dumps as strict_json

SUFFIXES = (".xlsx", ".html", ".json")


def write_report(
    wb: Workbook, findings: list[Finding], out: Path, lang: str = "id", force: bool = False, today: date | None = None
) -> Path:
    """Write the report to `out`, its kind chosen by suffix; return `out`."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".htm":
        suffix = ".html"
    if suffix not in SUFFIXES:
        raise LkjError("out.suffix", suffix=out.suffix or "(tanpa akhiran)", path=str(out))
    with atomic_output(out, force, source=wb.path, make_parents=True) as tmp:
        if suffix == ".xlsx":
            _write_xlsx(wb, findings, tmp, lang, today)
        elif suffix == ".html":
            tmp.write_text(render_html(wb, findings, lang, today), encoding="utf-8")
        else:
            data = report_dict(findings, wb.path, lang, review=build_review(wb, findings, lang).to_dict())
            tmp.write_text(strict_json(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out


def _write_xlsx(wb: Workbook, findings: list[Finding], path: Path, lang: str, today: date | None) -> None:
    from .xlsx import new_workbook

    rv = build_review(wb, findings, lang)
    # Input text is text: no formula, number or link is made from it.
    book = new_workbook(path)
    try:
        ws = book.add_worksheet(S.SHEET_RINGKASAN)
        S.write_ringkasan(book, ws, wb, findings, lang, today=today, review=rv)
        S.write_temuan(book, wb, findings, {}, lang)  # no output cells to link to here
        S.write_checklist(book, wb, findings, lang, review=rv)
        ws.activate()
    finally:
        book.close()


# ---------------------------------------------------------------- HTML

_CSS = """
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #222;
       margin: 0 auto; max-width: 190mm; padding: 8mm 0; line-height: 1.35; }
header.top { border-bottom: 3px solid #1F3864; padding-bottom: 6pt; margin-bottom: 10pt; }
header.top .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8pt; color: #5b6b8c; }
h1 { font-size: 17pt; margin: 2pt 0 6pt; color: #1F3864; }
h2 { font-size: 12.5pt; color: #1F3864; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1px solid #c9d3e6;
     break-after: avoid; page-break-after: avoid; }
dl.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2pt 12pt; margin: 0; }
dl.meta dt { color: #555; } dl.meta dd { margin: 0; font-weight: 600; }
.cards { display: flex; gap: 8pt; margin: 6pt 0; }
.card { flex: 1; border: 1px solid #d0d7e2; border-left-width: 5px; border-radius: 3px; padding: 5pt 8pt; }
.card .n { font-size: 18pt; font-weight: 700; line-height: 1.1; }
.card .l { font-size: 8.5pt; color: #555; }
.card.error { border-left-color: #b02a37; } .card.error .n { color: #b02a37; }
.card.warning { border-left-color: #cc9a06; } .card.warning .n { color: #997404; }
.card.info { border-left-color: #2e75b6; } .card.info .n { color: #1f4e79; }
.card.total { border-left-color: #1F3864; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; }
th, td { border: 1px solid #c8ced8; padding: 3pt 4pt; vertical-align: top; text-align: left; }
thead th { background: #1F3864; color: #fff; font-weight: 600; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tbody tr:nth-child(even) td { background: #f6f8fb; }
.sev { display: inline-block; padding: 0 5pt; border-radius: 8pt; font-size: 8.5pt; font-weight: 600;
       white-space: nowrap; }
.sev.error { background: #f8d7da; color: #842029; }
.sev.warning { background: #fff3cd; color: #664d03; }
.sev.info { background: #ddebf7; color: #1f4e79; }
.ans { display: inline-block; min-width: 60pt; text-align: center; padding: 1pt 5pt; border-radius: 3px;
       font-weight: 700; }
.ans.ya { background: #d1e7dd; color: #0f5132; } .ans.tidak { background: #f8d7da; color: #842029; }
.ans.periksa { background: #fff3cd; color: #664d03; }
.ans.tidak_dinilai { background: #e7e6e6; color: #404040; }
.st-fixed { color: #146c43; } .st-check { color: #7f6000; }
.muted { color: #666; font-size: 8.5pt; }
.note { color: #7f6000; font-style: italic; }
code, .mono { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; }
#temuan { font-size: 8.5pt; table-layout: fixed; }
#temuan td { overflow-wrap: break-word; }
#temuan td.addr { white-space: nowrap; font-size: 8pt; overflow: hidden; text-overflow: ellipsis; }
table.kpi { table-layout: fixed; }
.by-table a { color: inherit; text-decoration: none; }
#temuan tr.group th { background: #e4eaf4; color: #1F3864; font-size: 9.5pt; border-top: 2px solid #1F3864; }
#temuan tbody tr.finding:nth-child(odd) td { background: #f6f8fb; }
#temuan tbody tr.finding:nth-child(even) td { background: #fff; }
footer { margin-top: 14pt; border-top: 1px solid #c9d3e6; padding-top: 4pt; font-size: 8pt; color: #777; }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(v: Any) -> str:
    return escape("" if v is None else str(v), quote=True)


def _num(v: float | None, unit: str | None = None) -> str:
    return _e(S.fmt_value(v, 2, unit))


def render_html(
    wb: Workbook, findings: list[Finding], lang: str = "id", today: date | None = None, review: Review | None = None
) -> str:
    """The report as one self-contained HTML page (inline CSS, no external resources)."""

    rv = review or build_review(wb, findings, lang)
    fname = Path(wb.path).name if wb.path else "-"
    when = S.format_date(today or date.today(), lang)
    out: list[str] = []
    w = out.append
    c = _Page(wb, findings, lang, rv, fname, when)
    w(
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{c.t('title')} — {_e(wb.office or fname)} {_e(wb.year or '')}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
    )
    for section in (_html_header, _html_counts, _html_indicators, _html_checklist, _html_findings):
        section(w, c)
    w(f"<footer>lkj-excel {VERSION} · {_e(fname)} · {_e(when)}</footer>\n</body>\n</html>\n")
    return "".join(out)


@dataclass
class _Page:
    """What every section of the HTML page reads."""

    wb: Workbook
    findings: list[Finding]
    lang: str
    rv: Review
    fname: str
    when: str

    def t(self, key: str, **kw: Any) -> str:
        return _e(S.text(key, self.lang, **kw))


def _html_header(w: Callable[[str], None], c: _Page) -> None:
    wb = c.wb
    t = c.t
    fname = c.fname
    when = c.when
    w('<header class="top">\n')
    w(f'<div class="kicker">lkj-excel · {t("title")}</div>\n')
    w(f'<h1>{_e(wb.office or fname)}{(" — " + _e(wb.year)) if wb.year else ""}</h1>\n<dl class="meta">\n')
    meta = [
        ("office", wb.office),
        ("kabupaten", wb.kabupaten),
        ("year", wb.year),
        ("file", fname),
        ("date", when),
        ("tool", f"lkj-excel {VERSION}"),
    ]
    for k, v in meta:
        w(f"<dt>{t(k)}</dt><dd>{_e(v if v not in (None, '') else '-')}</dd>\n")
    w("</dl>\n</header>\n")


def _html_counts(w: Callable[[str], None], c: _Page) -> None:
    wb = c.wb
    findings = c.findings
    lang = c.lang
    rv = c.rv
    t = c.t
    titles = c.rv.titles
    counts = c.rv.counts
    w(f'<section id="ringkasan">\n<h2>{t("by_severity")}</h2>\n<div class="cards">\n')
    for s in SEVERITIES:
        w(
            f'<div class="card {s}"><div class="n">{counts[s]}</div><div class="l">{_e(S.severity_label(s, lang))}'
            f"</div></div>\n"
        )
    w(f'<div class="card total"><div class="n">{len(findings)}</div><div class="l">{t("total")}</div></div>\n</div>\n')
    if findings:
        w(f'<table class="by-table"><thead><tr><th>{t("table")}</th>')
        for s in SEVERITIES:
            w(f'<th class="num">{_e(S.severity_label(s, lang))}</th>')
        w(f'<th class="num">{t("total")}</th></tr></thead><tbody>\n')
        for tid, n in rv.by_table:
            label = S.table_label(tid) + (f" — {titles[tid]}" if tid in titles else "")
            w(f'<tr><td><a href="#grp-{_e(tid or "lain")}">{_e(label)}</a></td>')
            for s in SEVERITIES:
                w(f'<td class="num">{n[s] or ""}</td>')
            w(f'<td class="num"><b>{sum(n.values())}</b></td></tr>\n')
        w("</tbody></table>\n")
    else:
        w(f'<p class="muted">{t("no_findings")}</p>\n')
    if wb.missing:
        w(f'<p class="note">{t("missing")}: {_e(", ".join(wb.missing))}</p>\n')
    if wb.notes:
        w(f'<p class="muted"><b>{t("notes")}:</b> ' + "; ".join(_e(n.message(lang)) for n in wb.notes) + "</p>\n")
    w("</section>\n")


def _html_indicators(w: Callable[[str], None], c: _Page) -> None:
    rv = c.rv
    t = c.t
    w(f'<section id="indikator">\n<h2>{t("key")}</h2>\n')
    kis = rv.indicators
    if kis:
        cols = [26, 9, 10, 11, 11, 13, 11, 9]
        w('<table class="kpi"><colgroup>' + "".join(f'<col style="width:{x}%">' for x in cols) + "</colgroup>")
        w(
            f'<thead><tr><th>{t("indicator")}</th><th class="num">{t("target")}</th>'
            f'<th class="num">{t("realisasi")}</th><th class="num">{t("capaian")}</th>'
            f'<th class="num">{t("capaian_calc")}</th><th>{t("category")}</th><th>{t("capaian_cat")}</th>'
            f"<th>{t('source')}</th></tr></thead><tbody>\n"
        )
        for ki in kis:
            cat = _e(ki["category"] or "-") + (f" ({_e(ki['category_kinerja'])})" if ki["category_kinerja"] else "")
            w(
                f'<tr><td>{_e(ki["name"])}</td><td class="num">{_num(ki["target"])}</td>'
                f'<td class="num">{_num(ki["realisasi"])}</td><td class="num">{_num(ki["capaian"], "%")}</td>'
                f'<td class="num">{_num(ki["capaian_computed"], "%")}</td><td><b>{cat}</b></td>'
                f"<td>{_e(ki['capaian_category'] or '-')}</td><td>{_e(S.table_label(ki['table']))}</td></tr>\n"
            )
        w("</tbody></table>\n")
        tabs = ", ".join(sorted({ki["table"] for ki in kis}))
        w(f'<p class="muted">{t("key_src", tables=tabs)}</p>\n')
    else:
        w(f'<p class="muted">{t("no_key")}</p>\n')
    w("</section>\n")


def _html_checklist(w: Callable[[str], None], c: _Page) -> None:
    lang = c.lang
    rv = c.rv
    t = c.t
    w(f'<section id="checklist">\n<h2>{t("c_title")}</h2>\n<p class="muted">{t("c_intro")}</p>\n')
    w(
        f'<table class="checklist"><thead><tr><th style="width:5%">{t("no")}</th><th style="width:43%">'
        f'{t("question")}</th><th style="width:14%">{t("answer")}</th><th class="num" style="width:8%">{t("count")}'
        f"</th><th>{t('note')}</th></tr></thead><tbody>\n"
    )
    for it in rv.checklist:
        codes = ", ".join(it["codes"])
        note = _e(it["note"])
        if codes:
            note += (" — " if note else "") + f'<span class="mono">{_e(codes)}</span>'
        w(
            f'<tr><td>{it["no"]}</td><td>{_e(it["question"])}<div class="muted">{_e(it["basis"])}</div></td>'
            f'<td><span class="ans {it["answer"]}">{_e(S.answer_label(it["answer"], lang))}</span></td>'
            f'<td class="num">{it["count"]}</td><td>{note}</td></tr>\n'
        )
    w("</tbody></table>\n</section>\n")


def _html_findings(w: Callable[[str], None], c: _Page) -> None:
    findings = c.findings
    lang = c.lang
    t = c.t
    titles = c.rv.titles
    w(f'<section id="daftar-temuan">\n<h2>{t("t_title")}</h2>\n')
    if findings:
        widths = [7, 12, 15, 14, 14, 27, 11]
        heads = ["code", "severity", "cell", "found", "expected", "message", "status"]
        w('<table id="temuan"><colgroup>' + "".join(f'<col style="width:{x}%">' for x in widths) + "</colgroup>")
        w("<thead><tr>" + "".join(f"<th>{t(h)}</th>" for h in heads) + "</tr></thead>\n")
        for tid, fs in S.group_by_table(findings):
            label = S.table_label(tid) + (f" — {titles[tid]}" if tid in titles else "")
            w(
                f'<tbody id="grp-{_e(tid or "lain")}"><tr class="group"><th colspan="{len(heads)}">{_e(label)} '
                f'<span class="muted">({len(fs)})</span></th></tr>\n'
            )
            for f in fs:
                rel = f'<div class="muted">{t("related")}: {_e(", ".join(f.related))}</div>' if f.related else ""
                st_cls = "st-fixed" if f.fix is not None else "st-check"
                w(
                    f'<tr class="finding" data-code="{_e(f.code)}"><td class="mono">{_e(f.code)}</td>'
                    f'<td><span class="sev {_e(f.severity)}">{_e(S.severity_label(f.severity, lang))}</span></td>'
                    f'<td class="mono addr" title="{_e(S.address(f.sheet, f.cell))}">'
                    f"{_e(S.address(f.sheet, f.cell))}</td><td>{_e(f.found)}</td>"
                    f"<td>{_e(f.expected)}</td><td>{_e(f.message(lang))}{rel}</td>"
                    f'<td class="{st_cls}">{_e(S.status_label(f.status, lang))}</td></tr>\n'
                )
            w("</tbody>\n")
        w("</table>\n")
    else:
        w(f'<table id="temuan"><tbody></tbody></table><p class="muted">{t("no_findings")}</p>\n')
    w("</section>\n")
