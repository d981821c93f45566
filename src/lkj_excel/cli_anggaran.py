"""`lkj-excel anggaran`: the finance officer's SIPD export, summed and held against the LKjIP tables."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import click
import pandas as pd

from . import texts
from .cli_common import emit_json, json_option, lang_option
from .errors import LkjError
from .findings import Finding, report_dict, sort_key, summary
from .messages import severity_label
from .numerals import format_id
from .texts import Section
from .write.jsonsafe import dumps as strict_json


def _num(v: Any) -> float | None:
    if v is None or (isinstance(v, float) and math.isnan(v)) or pd.isna(v):
        return None
    return float(v)


def _rp(v: Any) -> str:
    x = _num(v)
    if x is None:
        return "-"
    return format_id(x, 0 if float(x).is_integer() else 2)


def _pct(v: Any) -> str:
    x = _num(v)
    return "-" if x is None else format_id(x, 2, "%")


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for rec in df.to_dict(orient="records"):
        out.append(
            {str(k): (_num(v) if k in ("anggaran", "realisasi", "sisa", "penyerapan") else v) for k, v in rec.items()}
        )
    return out


def budget_dict(export: Any, s: Any) -> dict[str, Any]:
    """The aggregation as plain data (the `budget` member of the JSON report)."""
    return {
        "export": export.path,
        "realisasi_export": export.realisasi_path,
        "sheet": export.sheet,
        "office": export.office,
        "government": export.government,
        "year": export.year,
        "anggaran_column": export.anggaran_column,
        "anggaran_header_cell": (
            f"{export.sheet}!{export.anggaran_header_cell}" if export.anggaran_header_cell else None
        ),
        "realisasi_column": export.realisasi_column,
        "layout": export.layout,
        "realisasi_layout": export.realisasi_layout,
        "office_code": export.office_code,
        "lines": len(export.lines),
        "programs": _records(s.programs),
        "jenis": _records(s.jenis),
        "total": _records(s.total)[0],
    }


def _table_text(df: pd.DataFrame, t: Section, indent_jenis: bool = False) -> list[str]:
    rows = [(t["kode"], t["nama"], t["anggaran"], t["realisasi"], t["sisa"], t["penyerapan"])]
    for rec in df.to_dict(orient="records"):
        nama = str(rec.get("nama") or "")
        if indent_jenis and rec.get("level") == "jenis":
            nama = "  " + nama
        rows.append(
            (
                str(rec["kode"]),
                nama[:60],
                _rp(rec["anggaran"]),
                _rp(rec["realisasi"]),
                _rp(rec["sisa"]),
                _pct(rec["penyerapan"]),
            )
        )
    w = [max(len(r[i]) for r in rows) for i in range(6)]
    out = []
    for r in rows:
        out.append("  " + "  ".join([r[0].ljust(w[0]), r[1].ljust(w[1])] + [r[i].rjust(w[i]) for i in range(2, 6)]))
    return out


SHOWN_RELATED = 6  # the terminal lists this many related cells; the JSON lists them all


def _findings_text(findings: list[Finding], lang: str) -> list[str]:
    out = []
    for f in sorted(findings, key=sort_key):
        where = f"{f.sheet}!{f.cell}"
        label = f"Tabel {f.table} " if f.table else ""
        out.append(f"  {severity_label(f.severity, lang):<10} {f.code} {label}{where:<16} {f.message(lang)}")
        if f.related:
            shown = f.related[:SHOWN_RELATED]
            more = len(f.related) - len(shown)
            out.append(f"             ← {', '.join(shown)}" + (f", … +{more}" if more else ""))
    return out


def _counts(findings: list[Finding], lang: str) -> str:
    return ", ".join(f"{v} {texts.t(f'severity_word.{k}', lang)}" for k, v in summary(findings).items() if v)


def summary_text(export: Any, s: Any, export_findings: list[Finding], compared: list[Finding] | None, lang: str) -> str:
    t = Section("anggaran", lang)
    from .budget.texts import layout_name

    lines = [f"{t['export']}: {export.path}"]
    cols = len(export.lines.columns)
    lines.append(f"{t['layout']}: {layout_name(export.layout, lang, columns=export.rekap_columns or cols)}")
    if export.realisasi_path:
        lines.append(f"{t['realisasi_file']}: {export.realisasi_path}")
        lines.append(f"{t['layout']}: {layout_name(export.realisasi_layout or '', lang, columns=cols)}")
    if export.office:
        office = f"{export.office_code} {export.office}" if export.office_code else export.office
        lines.append(f"{t['office']}: {office}")
    if export.year:
        lines.append(f"{t['year']}: {export.year}")
    where = f" ({t['cell']} {export.sheet}!{export.anggaran_header_cell})" if export.anggaran_header_cell else ""
    lines.append(f'{t["anggaran_col"]}: "{export.anggaran_column}"{where}')
    shown = f'"{export.realisasi_column}"' if export.realisasi_column else t["none"]
    lines.append(f"{t['realisasi_col']}: {shown}")
    lines.append(f"{len(export.lines)} {t['lines']}")
    lines += ["", t["programs"]]
    lines += _table_text(pd.concat([s.programs, s.total.assign(nama=t["total"])], ignore_index=True), t)
    lines += ["", t["jenis"]]
    lines += _table_text(pd.concat([s.jenis, s.total.assign(nama=t["total"])], ignore_index=True), t, indent_jenis=True)
    lines += ["", f"{t['export_findings']}: {_counts(export_findings, lang) or t['no_findings']}"]
    lines += _findings_text(export_findings, lang)
    if compared is not None:
        filled = [f for f in compared if f.message_key == "budget.cmp_filled"]
        compared = [f for f in compared if f.message_key != "budget.cmp_filled"]
        if filled:
            lines += ["", f"{t['filled']}: {len(filled)} {t['cells']}"]
            lines += [f"  {f.sheet}!{f.cell:<6} {f.expected}" for f in sorted(filled, key=sort_key)]
        lines += ["", f"{t['workbook_findings']}: {_counts(compared, lang) or t['no_findings']}"]
        lines += _findings_text(compared, lang) if compared else [f"  {t['agree']}"]
        if not export.realisasi_column:
            lines.append(f"  {t['no_realisasi']}")
    return "\n".join(lines)


@click.command("anggaran")
@click.argument("export", type=click.Path(dir_okay=False, path_type=Path), metavar="EKSPOR")
@click.option(
    "--realisasi",
    "lra",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Daftar realisasi atau LRA terpisah; EKSPOR lalu berisi DPA/DPPA.",
)
@click.option(
    "--sheet",
    default=None,
    metavar="LEMBAR",
    help="Lembar ekspor yang dibaca (bawaan: lembar pertama yang formatnya dikenali).",
)
@click.option(
    "--skpd",
    default=None,
    metavar="KODE",
    help="Rekap sekabupaten: KODE SKPD atau KODE SUB UNIT perangkat daerah yang dibaca.",
)
@json_option
@click.option(
    "--workbook",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Buku kerja LKjIP: periksa (atau isi) Tabel 2.3, 2.4, 3.14, 3.16 dan 3.17 dari ekspor.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tulis buku kerja LKjIP terkoreksi (angka tabel diganti angka ekspor; perlu --workbook).",
)
@click.option("--force", is_flag=True, help="Timpa berkas keluaran yang sudah ada (tidak pernah berkas masukan).")
@lang_option
def anggaran(
    export: Path,
    lra: Path | None,
    sheet: str | None,
    skpd: str | None,
    json_out: str | None,
    workbook: Path | None,
    output: Path | None,
    force: bool,
    lang: str,
) -> None:
    """Ringkas ekspor anggaran SIPD (rekap, DPA/DPPA, LRA, daftar realisasi, Penjabaran) per program dan
    jenis belanja; dengan --workbook, cocokkan (atau isi) tabel anggaran LKjIP dengan ekspor.

    Kode keluar: 0 tanpa kesalahan (sel kosong yang diisi bukan kesalahan), 1 ada kesalahan,
    2 masukan tidak terbaca atau keluaran ditolak.
    """
    from .budget.aggregate import aggregate
    from .budget.export import read_export, read_split
    from .write.atomic import check_outputs

    inputs = [export, lra, workbook]
    try:
        if output is not None and workbook is None:
            raise LkjError("budget.output_needs_workbook")
        wb = None
        if workbook is not None:
            from .read.reader import read_workbook

            wb = read_workbook(workbook)
        office_name = wb.office if wb is not None else None
        if lra is not None:
            exp = read_split(export, lra, dpa_sheet=sheet, skpd=skpd, office_name=office_name)
        else:
            exp = read_export(export, sheet, skpd=skpd, office_name=office_name)
        s = aggregate(exp)
        export_findings = _unique(list(exp.findings) + list(s.findings))
        compared: list[Finding] | None = None
        if wb is not None:
            from .budget.compare import compare_workbook

            compared = compare_workbook(wb, exp, s)
    except LkjError as e:
        click.echo(e.message(lang), err=True)
        sys.exit(e.exit_code)
    everything = export_findings + (compared or [])
    # Outputs: every target checked before any is written (none may be an input, even with --force);
    # a problem with them is the user's to fix, and the findings are printed all the same.
    problem: LkjError | None = None
    written = False
    try:
        check_outputs([output, json_out], force, inputs=inputs)
        if output is not None and wb is not None and compared is not None:
            from .write.inplace import write_inplace

            write_inplace(wb, compared, output, force=force, lang=lang, ran=("anggaran",))
            written = True
        if json_out is not None:
            d = report_dict(
                everything, str(export), lang, workbook=str(workbook) if workbook else None, budget=budget_dict(exp, s)
            )
            emit_json(strict_json(d, ensure_ascii=False, indent=1), json_out, force, inputs)
    except LkjError as e:
        problem = e
    if json_out != "-":
        click.echo(summary_text(exp, s, export_findings, compared, lang))
        if written:
            click.echo("")
            click.echo(f"{texts.t('anggaran.corrected', lang)}: {output}")
    if problem is not None:
        click.echo("", err=True)
        click.echo(problem.message(lang), err=True)
        sys.exit(problem.exit_code)
    sys.exit(1 if any(f.severity == "error" for f in everything) else 0)


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and cell (a realisation list's own pelampauan and the joined one coincide)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for f in findings:
        if (f.code, f.sheet, f.cell) not in seen:
            seen.add((f.code, f.sheet, f.cell))
            out.append(f)
    return out
