"""What every `lkj-excel` command shares: the guard around a run, the language, `--json`, `--lang`.

`LkjGroup` / `LkjCommand` choose the language before click parses (so usage
errors are Indonesian by default), make the standard streams safe (code pages,
closed pipes), and turn what reaches them into one message and an exit code:

- 2: an input or output problem (LkjError, a read-only folder, a locked file, a full disk);
- 130: interrupted (Ctrl-C), no half-written output left;
- 3: a bug in lkj-excel (LKJ_EXCEL_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .cli_i18n import LANGS, begin_run, current, default_lang, end_run, lang_from_args, localize_tree
from .errors import LkjError, read_error
from .messages import render
from .spec_checks import SpecError

EXIT_INTERRUPTED = 130
F = TypeVar("F", bound=Callable[..., Any])


def fail(e: LkjError, lang: str) -> NoReturn:
    click.echo(e.message(lang), err=True)
    sys.exit(e.exit_code)


def usage_error(key: str, lang: str, **params: object) -> NoReturn:
    """A contradictory or nonsensical command line: click's usage message, exit 2."""
    raise click.UsageError(render(key, lang, **params))


def _guarded(invoke: Callable[[click.Context], Any], ctx: click.Context) -> Any:
    lang = current()
    try:
        return invoke(ctx)
    except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
        raise
    except KeyboardInterrupt:
        click.echo("", err=True)
        click.echo(render("run.interrupted", lang), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except LkjError as e:
        fail(e, lang)
    except SpecError as e:  # a table declaration of the user's own (--sheets) that cannot be right
        from .spec import overlay_dir, sheets_dir

        fail(LkjError("sheets.bad_declaration", path=str(overlay_dir() or sheets_dir()), detail=str(e)), lang)
    except Exception as e:  # noqa: BLE001 - the last line of defence for users
        if isinstance(e, OSError) and not os.environ.get("LKJ_EXCEL_DEBUG"):
            fail(read_error(e), lang)  # outputs word their own failures (write.atomic)
        if os.environ.get("LKJ_EXCEL_DEBUG"):
            raise
        click.echo(render("run.internal", lang, detail=f"{type(e).__name__}: {e}"), err=True)
        sys.exit(3)


class _Lkj:
    """Mixed into click's Command and Group."""

    def main(self, args: Sequence[str] | None = None, *a: Any, **kw: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        lang = lang_from_args(argv)
        begin_run(lang)
        localize_tree(self, lang)  # type: ignore[arg-type]
        if sys.stdout is sys.__stdout__:  # a real run, not click's test runner
            from .runtime import setup_streams

            setup_streams()
        try:
            return super().main(args, *a, **kw)  # type: ignore[misc]
        finally:
            end_run()

    def invoke(self, ctx: click.Context) -> Any:
        return _guarded(super().invoke, ctx)  # type: ignore[misc]


class LkjCommand(_Lkj, click.Command):
    def __init__(self, *a: Any, **kw: Any) -> None:
        kw.setdefault("options_metavar", "[OPSI]")
        super().__init__(*a, **kw)


class LkjGroup(_Lkj, click.Group):
    """`lazy` names subcommands by "module:attribute", imported when first asked for: `anggaran` needs pandas
    and `mutasi` the mutation corpus, whose imports would otherwise delay every `check` by about a second."""

    command_class = LkjCommand

    def __init__(self, *a: Any, **kw: Any) -> None:
        kw.setdefault("options_metavar", "[OPSI]")
        kw.setdefault("subcommand_metavar", "PERINTAH [ARG]...")
        self.lazy: dict[str, str] = {}
        super().__init__(*a, **kw)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = self.lazy.pop(cmd_name, None)
        if where is not None:
            module, attr = where.split(":")
            cmd: click.Command = getattr(importlib.import_module(module), attr)
            localize_tree(cmd, current())  # the run's language, as `main` set it for the loaded ones
            self.add_command(cmd, cmd_name)
        return super().get_command(ctx, cmd_name)


LkjGroup.group_class = LkjGroup


def lang_option(f: F) -> F:
    """`--lang id|en`, default LKJ_EXCEL_LANG, else id."""
    return click.option(
        "--lang",
        type=click.Choice(LANGS, case_sensitive=False),
        default=default_lang,
        show_default="id; LKJ_EXCEL_LANG",
        help="Bahasa pesan: id (Indonesia) atau en (English).",
    )(f)


def json_option(f: F) -> F:
    """`--json BERKAS` writes the JSON report to a file; `--json -` (or `--json` alone) prints it."""
    return click.option(
        "--json",
        "json_out",
        metavar="BERKAS|-",
        is_flag=False,
        flag_value="-",
        default=None,
        help="Tulis hasil sebagai JSON ke BERKAS; '-' (atau --json saja) untuk mencetaknya ke layar.",
    )(f)


def emit_json(text: str, dest: str | Path, force: bool, inputs: Iterable[str | Path | None] = ()) -> None:
    """Print `text` for "-", else write it to `dest` atomically (never over an input)."""
    if str(dest) == "-":
        click.echo(text)
        return
    from .write.atomic import write_text_atomic

    write_text_atomic(Path(dest), text, force, inputs=inputs)


def year_type() -> click.IntRange:
    return click.IntRange(2000, 2100)
