"""The `lkj-excel` command line.

Exit codes (every command): 0 no error-level finding, 1 errors found, 2 an input
or output problem (a file that cannot be read or written, a contradictory
command line), 3 a bug in lkj-excel, 130 interrupted with Ctrl-C.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .cli_common import LkjGroup, emit_json, fail, json_option, lang_option, usage_error, year_type
from .errors import LkjError
from .runtime import build_kind
from .texts import t
from .write.jsonsafe import dumps as strict_json

REPORT_SUFFIXES = (".xlsx", ".html", ".htm", ".json")

SHEETS = click.option(
    "--sheets",
    "sheets_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="FOLDER",
    help="Folder deklarasi tabel (.toml) kantor sendiri, di atas sheets/ bawaan.",
)
YEAR = click.option(
    "--year", type=year_type(), default=None, metavar="TAHUN", help="Tahun laporan (bawaan: dari judul Tabel 3.2)."
)


def _declarations(sheets_dir: Path | None, year: int | None, lang: str) -> None:
    """Apply `--sheets` and `--year` (kept in the environment, so batch workers see them)."""
    from .read.year import set_year
    from .spec import set_overlay

    try:
        set_overlay(sheets_dir)
    except LkjError as e:
        fail(e, lang)
    set_year(year)


@click.group(cls=LkjGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    prog_name="lkj-excel",
    message=f"%(prog)s %(version)s ({build_kind()})",
    help="Tampilkan versi lalu keluar.",
)
@lang_option
def main(lang: str) -> None:
    """Periksa dan koreksi tabel Laporan Kinerja (LKjIP) dalam Excel.

    Kode keluar: 0 tanpa kesalahan, 1 ada kesalahan, 2 masalah berkas masukan/keluaran
    atau perintah, 130 dihentikan (Ctrl-C). Bahasa: --lang en atau LKJ_EXCEL_LANG=en.
    """
    from .runtime import tune_gc

    tune_gc()


def _suffix(option: str, path: Path | None, allowed: tuple[str, ...], lang: str) -> None:
    if path is not None and path.suffix.lower() not in allowed:
        usage_error("cli.suffix", lang, option=option, path=str(path), allowed=" / ".join(allowed))


@main.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path), metavar="BERKAS.xlsx")
@click.option("--year", type=year_type(), default=None, metavar="TAHUN", help="Tahun laporan (2000-2100).")
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada.")
@SHEETS
@lang_option
def template(out: Path, year: int | None, force: bool, sheets_dir: Path | None, lang: str) -> None:
    """Tulis buku kerja standar kosong ke BERKAS.xlsx."""
    from .template import write_template

    _declarations(sheets_dir, None, lang)

    _suffix("template", out, (".xlsx",), lang)
    try:
        write_template(out, force=force, year=year)
    except LkjError as e:
        fail(e, lang)
    click.echo(t("cli.template_written", lang, path=out))


@main.command()
@click.argument("workbook", type=click.Path(dir_okay=False, readable=False, path_type=Path), metavar="BUKU_KERJA")
@json_option
@click.option("--force", is_flag=True, help="Timpa berkas JSON yang sudah ada.")
@YEAR
@SHEETS
@lang_option
def inspect(
    workbook: Path, json_out: str | None, force: bool, year: int | None, sheets_dir: Path | None, lang: str
) -> None:
    """Tampilkan tabel yang ditemukan, kolom yang dikenali (dan caranya) dan nilai yang tidak terbaca."""
    from .check_run import no_header_messages
    from .inspection import inspect_dict, inspect_text
    from .read.reader import read_workbook

    _declarations(sheets_dir, year, lang)
    wb = read_workbook(workbook)
    d = inspect_dict(wb)
    if json_out is not None:
        emit_json(strict_json(d, ensure_ascii=False, indent=1), json_out, force, inputs=[workbook])
    if json_out is None or json_out != "-":
        click.echo(inspect_text(d, lang))
    # A table sheet whose header cannot be found is bad input: say so after
    # reporting everything else that was read.
    problems = no_header_messages(wb, lang)
    for m in problems:
        click.echo(m, err=True)
    if problems:
        sys.exit(2)


def _batch(inputs: tuple[Path, ...], out_dir: Path | None, opts: dict[str, Any], lang: str) -> None:
    """Batch mode: options checked here, inputs and outputs by run_batch (it says which input is missing)."""
    from .batch import DEFAULT_TIMEOUT, run_batch

    if out_dir is None:
        usage_error("cli.batch_needs_out_dir", lang)
    for option, key in (("-o/--output", "output"), ("--layout", "layout")):
        if opts[key] is not None:
            usage_error("cli.batch_option", lang, option=option)
    if opts["json_out"] not in (None, "-"):
        usage_error("cli.batch_json", lang, path=str(opts["json_out"]))
    if out_dir.exists() and not out_dir.is_dir():
        usage_error("cli.out_dir_is_file", lang, path=str(out_dir))
    timeout = opts["timeout"]
    code = run_batch(
        list(inputs),
        out_dir,
        jobs=opts["jobs"],
        force=opts["force"],
        lang=lang,
        write_corrected=not opts["no_output"],
        report=opts["report"],
        json=opts["json_out"] is not None,
        timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
    )
    sys.exit(code)


@main.command()
@click.argument(
    "inputs", nargs=-1, required=True, type=click.Path(readable=False, path_type=Path), metavar="BUKU_KERJA..."
)
@json_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="BERKAS.xlsx",
    help="Buku kerja terkoreksi (bawaan: <nama>_terkoreksi.xlsx di samping masukan).",
)
@click.option("--no-output", is_flag=True, help="Jangan tulis buku kerja terkoreksi.")
@click.option(
    "--layout",
    type=click.Choice(["asli", "standar"]),
    default=None,
    show_default="asli",
    help="Buku kerja terkoreksi: 'asli' = berkas kantor sendiri dikoreksi di tempat; 'standar' = tata letak templat.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="BERKAS",
    help="Laporan untuk reviu Inspektorat: .xlsx, .html atau .json.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="FOLDER",
    help="Mode banyak berkas: folder keluaran (buku kerja terkoreksi + rekap.xlsx).",
)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=None, metavar="N", help="Jumlah proses paralel (bawaan: jumlah inti)."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="DETIK",
    help="Mode banyak berkas: batas waktu per buku kerja dalam detik (bawaan: 20).",
)
@click.option("--force", is_flag=True, help="Timpa berkas keluaran yang sudah ada (masukan tidak pernah ditimpa).")
@YEAR
@SHEETS
@lang_option
def check(
    inputs: tuple[Path, ...],
    json_out: str | None,
    output: Path | None,
    no_output: bool,
    layout: str | None,
    report: Path | None,
    out_dir: Path | None,
    jobs: int | None,
    timeout: float | None,
    force: bool,
    year: int | None,
    sheets_dir: Path | None,
    lang: str,
) -> None:
    """Periksa setiap total, persentase, kategori dan angka kembar; tulis temuan.

    Kode keluar: 0 tanpa kesalahan, 1 ada kesalahan, 2 masalah berkas masukan/keluaran
    (temuan tetap dicetak; tidak ada keluaran yang ditimpa), 130 dihentikan (Ctrl-C).
    """
    _declarations(sheets_dir, year, lang)
    for option, value in (("-o", output), ("--layout", layout)):
        if no_output and value is not None:
            usage_error("cli.no_output_and_o", lang, option=option)
    if out_dir is not None or len(inputs) > 1 or inputs[0].is_dir():
        opts = {"output": output, "json_out": json_out, "report": report, "no_output": no_output, "layout": layout}
        _batch(inputs, out_dir, {**opts, "jobs": jobs, "timeout": timeout, "force": force}, lang)
    if jobs is not None or timeout is not None:
        usage_error("cli.jobs_single", lang)
    _suffix("-o", output, (".xlsx",), lang)
    _suffix("--report", report, REPORT_SUFFIXES, lang)
    from .check_run import run_single

    sys.exit(run_single(inputs[0], json_out, output, no_output, report, force, lang, layout or "asli"))


@main.command("rules")
@click.option("--markdown", is_flag=True, help="Cetak katalog sebagai Markdown (docs/rules.md).")
@lang_option
def rules_cmd(markdown: bool, lang: str) -> None:
    """Daftar aturan pemeriksaan (kode, nama, uraian)."""
    from .catalog import all_rules, render_markdown, rule_text

    if markdown:
        click.echo(render_markdown(), nl=False)
        return
    for code in sorted(all_rules()):
        name, summary = rule_text(code, lang)
        click.echo(f"{code}  {name:<40} {summary}")


main.lazy.update(anggaran="lkj_excel.cli_anggaran:anggaran", mutasi="lkj_excel.cli_mutation:mutasi")

__all__ = ["main"]

if __name__ == "__main__":  # pragma: no cover
    main()
