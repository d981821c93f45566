"""Click's own texts (Usage, Options, Error: Missing argument, --help, Aborted!) in Bahasa Indonesia.

Click words these through `gettext` (`_` and `ngettext`, imported into each of
its modules). `install(lang)` points those names at a table of Indonesian
texts keyed by click's English originals; with lang "en" they are click's own.
The language is chosen before click parses the command line (`--lang` or
LKJ_EXCEL_LANG), because usage errors are reported during parsing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import click

from .texts import LANGS, has, t
from .texts.cli import HELP_EN

__all__ = ["HELP_EN", "LANGS", "begin_run", "current", "default_lang", "end_run", "env_lang", "install"]
__all__ += ["lang_from_args", "localize_tree"]

ENV_LANG = "LKJ_EXCEL_LANG"

_current = "id"


def _gettext(message: str) -> str:
    """Click's text in the current language (its English original when the catalog has no translation)."""
    key = f"click.{message}"
    return t(key, _current) if has(key) else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


def install(lang: str) -> None:
    """Make click speak `lang` ("id" or "en") in this process."""
    global _current
    _current = lang if lang in LANGS else "id"
    for name in _MODULES:
        mod = getattr(click, name, None)
        if mod is None:
            continue
        if hasattr(mod, "_"):
            mod._ = _gettext
        if hasattr(mod, "ngettext"):
            mod.ngettext = _ngettext


_in_run = False


def current() -> str:
    return _current


def default_lang() -> str:
    """`--lang`'s default: the language chosen for this run by `LkjGroup.main`, else LKJ_EXCEL_LANG."""
    return _current if _in_run else env_lang()


def begin_run(lang: str) -> None:
    global _in_run
    install(lang)
    _in_run = True


def end_run() -> None:
    global _in_run
    _in_run = False


def env_lang() -> str:
    """The language from LKJ_EXCEL_LANG ("id", "en", also "en_US.UTF-8"), else Indonesian."""
    v = os.environ.get(ENV_LANG, "").strip().lower()[:2]
    return v if v in LANGS else "id"


def lang_from_args(args: Sequence[str]) -> str:
    """The language a command line asks for (`--lang en`, `--lang=en`), else the environment's."""
    lang = env_lang()
    for i, a in enumerate(args):
        if a == "--":
            break
        if a == "--lang" and i + 1 < len(args):
            lang = args[i + 1].strip().lower()
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1].strip().lower()
    return lang if lang in LANGS else env_lang()


def _help(text: str, lang: str) -> str:
    """A help text (written in Indonesian) in `lang`, paragraph by paragraph; untranslated paragraphs and the
    Indonesian itself are left as written."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    shown = [t(f"help.{p}", lang) if has(f"help.{p}") else p for p in paragraphs]
    return text if shown == paragraphs else "\n\n".join(shown)


def _kind(ptype: click.Path) -> str:
    """What a path option takes: "file", "directory" or "path" (either)."""
    if ptype.file_okay == ptype.dir_okay:
        return "path"
    return "file" if ptype.file_okay else "directory"


def _path_kind(ptype: click.Path, lang: str) -> str:
    """The word click puts before a path in its messages ("Berkas 'x' tidak ada.")."""
    return t(f"click.{_kind(ptype)}", lang).lower()


def _localize_metavar(param: click.Parameter, lang: str) -> None:
    """Placeholders of options declared without one (INTEGER, TEXT, FILE) in the user's language."""
    if not isinstance(param, click.Option) or param.is_flag or isinstance(param.type, click.Choice):
        return
    if "_metavar_default" not in param.__dict__:
        param.__dict__["_metavar_default"] = param.metavar is None
    if not param.__dict__["_metavar_default"]:
        return
    kind = _kind(param.type) if isinstance(param.type, click.Path) else param.type.name
    key = f"click.metavar.{kind}"
    param.metavar = t(key, lang) if has(key) else None


def localize_tree(cmd: click.Command, lang: str) -> None:
    """Set the help texts of `cmd`, its options and subcommands to `lang` (Indonesian originals are kept)."""
    cmd._help_option = None  # click caches it with the text of its first use
    cmd.options_metavar = t("click.options_metavar", lang)
    for param in cmd.params:
        if isinstance(param.type, click.Path):
            param.type.name = _path_kind(param.type, lang)
        _localize_metavar(param, lang)
    items: list[object] = [cmd, *cmd.params]
    for obj in items:
        original = obj.__dict__.setdefault("_help_id", getattr(obj, "help", None))
        if original:
            obj.help = _help(original, lang)  # type: ignore[attr-defined]
    if isinstance(cmd, click.Group):
        for sub in cmd.commands.values():
            localize_tree(sub, lang)
