"""The `lkj-excel` command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import LkjError
from .spec import load_all
from .write.jsonsafe import dumps as strict_json

LANG = click.option(
    "--lang", type=click.Choice(["id", "en"]), default="id", show_default=True, help="Bahasa pesan / message language."
)


def _fail(e: LkjError, lang: str) -> None:
    click.echo(e.message(lang), err=True)
    sys.exit(e.exit_code)


class _Guarded(click.Group):
    """Turn a crash inside lkj-excel into one message and exit code 3 instead of a traceback.

    Input problems are LkjErrors with their own messages (exit 2); what reaches
    here is a bug. LKJ_EXCEL_DEBUG=1 shows the traceback for the developers.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except LkjError as e:
            click.echo(e.message(), err=True)
            sys.exit(e.exit_code)
        except Exception as e:  # noqa: BLE001 - the last line of defence for users
            if os.environ.get("LKJ_EXCEL_DEBUG"):
                raise
            click.echo(
                f"Kesalahan internal lkj-excel ({type(e).__name__}: {e}). Berkas masukan tidak diubah. "
                "Mohon laporkan ke pengembang beserta berkasnya; LKJ_EXCEL_DEBUG=1 menampilkan rinciannya.",
                err=True,
            )
            sys.exit(3)


@click.group(cls=_Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lkj-excel")
def main() -> None:
    """Periksa dan koreksi tabel Laporan Kinerja (LKjIP) dalam Excel.

    Check and correct the tables of an LKjIP workbook.
    """
    from .runtime import tune_gc

    tune_gc()


@main.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--year", type=int, default=None, help="Tahun laporan untuk judul kolom.")
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada.")
@LANG
def template(out: Path, year: int | None, force: bool, lang: str) -> None:
    """Tulis buku kerja standar kosong ke OUT.xlsx."""
    from .template import write_template

    try:
        write_template(out, force=force, year=year)
    except LkjError as e:
        _fail(e, lang)
    click.echo(f"{'Templat ditulis' if lang == 'id' else 'Template written'}: {out}")


@main.command()
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Cetak sebagai satu objek JSON.")
@LANG
def inspect(workbook: Path, as_json: bool, lang: str) -> None:
    """Tampilkan tabel yang ditemukan dan nilai yang tidak terbaca."""
    from .inspect import inspect_dict, inspect_text
    from .read.reader import read_workbook

    try:
        wb = read_workbook(workbook)
    except LkjError as e:
        _fail(e, lang)
    d = inspect_dict(wb)
    if as_json:
        click.echo(strict_json(d, ensure_ascii=False, indent=1))
    else:
        click.echo(inspect_text(d, lang))
    # A table sheet whose header cannot be found is bad input: say so after
    # reporting everything else that was read.
    unreadable = [n for n in wb.notes if n.startswith("no_header:")]
    for n in unreadable:
        _, tid, sheet = n.split(":", 2)
        spec = next(s for s in load_all(wb.year) if s.id == tid)
        wanted = ", ".join(f'"{c.header[0]}"' for c in spec.columns if c.required)
        click.echo(LkjError("wb.no_header", sheet=sheet, table=tid, wanted=wanted).message(lang), err=True)
    if unreadable:
        sys.exit(2)


def _summary_text(findings: list, lang: str) -> str:
    from .findings import summary

    s = summary(findings)
    id_ = lang != "en"
    names = {"error": "kesalahan" if id_ else "errors", "warning": "peringatan" if id_ else "warnings", "info": "info"}
    head = ", ".join(f"{s[k]} {names[k]}" for k in ("error", "warning", "info"))
    lines = [("Temuan: " if id_ else "Findings: ") + head]
    current = None
    for f in findings:
        t = f.table or "-"
        if t != current:
            current = t
            label = t if t in ("Narasi", "-") or not t[0].isdigit() else f"Tabel {t}"
            lines.append("")
            lines.append(label)
        loc = f"{f.sheet}!{f.cell}"
        lines.append(f"  {f.severity.upper():<7} {f.code} {loc:<16} {f.message(lang)}")
    return "\n".join(lines)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tulis laporan JSON ke berkas ini ('-' untuk layar).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Buku kerja terkoreksi (bawaan: <nama>_terkoreksi.xlsx di samping masukan).",
)
@click.option("--no-output", is_flag=True, help="Jangan tulis buku kerja terkoreksi.")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Laporan untuk reviu Inspektorat: .xlsx, .html atau .json.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Mode banyak berkas: folder keluaran (buku kerja terkoreksi + rekap.xlsx).",
)
@click.option("--jobs", type=int, default=None, help="Jumlah proses paralel (bawaan: jumlah inti).")
@click.option("--force", is_flag=True, help="Timpa berkas keluaran yang sudah ada.")
@LANG
def check(
    inputs: tuple[Path, ...],
    json_out: Path | None,
    output: Path | None,
    no_output: bool,
    report: Path | None,
    out_dir: Path | None,
    jobs: int | None,
    force: bool,
    lang: str,
) -> None:
    """Periksa setiap total, persentase, kategori dan angka kembar; tulis temuan.

    Kode keluar: 0 tanpa kesalahan, 1 ada kesalahan, 2 masukan tidak terbaca.
    """
    if out_dir is not None or len(inputs) > 1 or (inputs and inputs[0].is_dir()):
        from .batch import run_batch

        if out_dir is None:
            click.echo(
                "Beberapa berkas atau folder memerlukan --out-dir."
                if lang == "id"
                else "Several files or a folder need --out-dir.",
                err=True,
            )
            sys.exit(2)
        sys.exit(run_batch(list(inputs), out_dir, jobs=jobs, force=force, lang=lang, write_corrected=not no_output))
    from .check import run_checks
    from .findings import report_dict
    from .read.reader import read_workbook

    path = inputs[0]
    try:
        wb = read_workbook(path)
        findings = run_checks(wb)
        if json_out is not None:
            text = strict_json(report_dict(findings, str(path), lang), ensure_ascii=False, indent=1)
            if str(json_out) == "-":
                click.echo(text)
            else:
                from .write.atomic import write_text_atomic

                write_text_atomic(json_out, text, force, source=path)
        if report is not None:
            from .write.report import write_report

            write_report(wb, findings, report, lang=lang, force=force)
        if not no_output:
            from .write.corrected import write_corrected
            from .write.summary import extra_sheets_hook

            out = output or path.with_name(f"{path.stem}_terkoreksi.xlsx")
            write_corrected(
                wb, findings, out, force=force, lang=lang, extra_sheets=extra_sheets_hook(wb, findings, lang)
            )
    except LkjError as e:
        _fail(e, lang)
    if json_out is None or str(json_out) != "-":
        click.echo(_summary_text(findings, lang))
        if not no_output:
            click.echo("")
            click.echo(f"{'Buku kerja terkoreksi' if lang == 'id' else 'Corrected workbook'}: {out}")
        if report is not None:
            click.echo(f"{'Laporan reviu' if lang == 'id' else 'Review report'}: {report}")
    sys.exit(1 if any(f.severity == "error" for f in findings) else 0)


@main.command("rules")
@click.option("--markdown", is_flag=True, help="Cetak katalog sebagai Markdown (docs/rules.md).")
def rules_cmd(markdown: bool) -> None:
    """Daftar aturan pemeriksaan (kode, nama, uraian)."""
    from .catalog import all_rules, render_markdown

    if markdown:
        click.echo(render_markdown(), nl=False)
        return
    for code, r in sorted(all_rules().items()):
        click.echo(f"{code}  {r.name:<32} {(r.doc.splitlines() or [''])[0]}")


def _register_subcommands() -> None:
    from .cli_anggaran import anggaran

    main.add_command(anggaran)


_register_subcommands()

if __name__ == "__main__":  # pragma: no cover
    main()
