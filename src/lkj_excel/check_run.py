"""`lkj-excel check` on one workbook: read, check, check every output target, write, report.

Every output target (corrected workbook, --report, --json) is checked before any
is written: an existing file (without --force) or an input named as output
stops the run before it writes anything. The findings are printed in every case;
a problem with an output is one message and exit 2.
"""

from __future__ import annotations

from pathlib import Path

import click

from .cli_common import emit_json
from .errors import LkjError
from .findings import Finding, summary
from .messages import render, severity_label
from .read.notes import NO_HEADER
from .read.reader import read_workbook
from .texts import t
from .write.jsonsafe import dumps as strict_json


def summary_text(findings: list[Finding], lang: str) -> str:
    """The findings for the terminal: counts by severity, then grouped by table."""
    s = summary(findings)
    head = ", ".join(f"{s[k]} {t(f'severity_word.{k}', lang)}" for k in ("error", "warning", "info"))
    lines = [t("cli.findings", lang, counts=head)]
    current = None
    for f in findings:
        tid = f.table or "-"
        if tid != current:
            current = tid
            label = tid if tid in ("Narasi", "-") or not tid[0].isdigit() else f"Tabel {tid}"
            lines.append("")
            lines.append(label)
        loc = f"{f.sheet}!{f.cell}"
        lines.append(f"  {severity_label(f.severity, lang):<10} {f.code} {loc:<16} {f.message(lang)}")
    return "\n".join(lines)


def no_header_messages(wb: object, lang: str) -> list[str]:
    """One message per table sheet whose header row cannot be found (check and inspect say the same)."""
    return [n.message(lang) for n in getattr(wb, "notes", []) if getattr(n, "kind", None) == NO_HEADER]


def _outputs(path: Path, json_out: str | None, output: Path | None, no_output: bool, report: Path | None) -> dict:
    corrected = None if no_output else (output or path.with_name(f"{path.stem}_terkoreksi.xlsx"))
    json_file = None if json_out in (None, "-") else Path(str(json_out))
    return {"json": json_file, "report": report, "corrected": corrected}


def _write_all(
    wb: object, findings: list[Finding], path: Path, outs: dict, force: bool, lang: str, layout: str = "asli"
) -> list[str]:
    """Write the outputs in order; return the lines that say what was written."""
    from .findings import report_dict

    written: list[str] = []
    if outs["json"] is not None:
        text = strict_json(report_dict(findings, str(path), lang), ensure_ascii=False, indent=1)
        emit_json(text, outs["json"], force, inputs=[path])
        written.append(f"JSON: {outs['json']}")
    if outs["report"] is not None:
        from .write.report import write_report

        write_report(wb, findings, outs["report"], lang=lang, force=force)  # type: ignore[arg-type]
        written.append(t("cli.report_written", lang, path=outs["report"]))
    if outs["corrected"] is not None:
        from .write.choose import write_corrected_book

        note = write_corrected_book(wb, findings, outs["corrected"], force, lang, layout)  # type: ignore[arg-type]
        if note:
            written.append(note)
        written.append(t("cli.corrected_written", lang, path=outs["corrected"]))
    return written


def run_single(
    path: Path,
    json_out: str | None,
    output: Path | None,
    no_output: bool,
    report: Path | None,
    force: bool,
    lang: str,
    layout: str = "asli",
) -> int:
    """Check one workbook; return the exit code (0, 1, 2)."""
    from .check import run_checks
    from .findings import report_dict
    from .write.atomic import check_outputs

    wb = read_workbook(path)
    findings = run_checks(wb)
    outs = _outputs(path, json_out, output, no_output, report)
    problem: LkjError | None = None
    written: list[str] = []
    try:
        check_outputs(outs.values(), force, inputs=[path])
        written = _write_all(wb, findings, path, outs, force, lang, layout)
    except LkjError as e:
        problem = e
    if json_out == "-":
        click.echo(strict_json(report_dict(findings, str(path), lang), ensure_ascii=False, indent=1))
    else:
        click.echo(summary_text(findings, lang))
        if written:
            click.echo("")
        for line in written:
            click.echo(line)
    notes = no_header_messages(wb, lang)
    for m in notes:
        click.echo(m, err=True)
    if problem is not None:
        click.echo("", err=True)
        click.echo(problem.message(lang), err=True)
        if not written:
            click.echo(render("out.none_written", lang), err=True)
        return problem.exit_code
    if notes:
        return 2
    return 1 if any(f.severity == "error" for f in findings) else 0
