"""Every help text of every command has its English (`--lang en`): no Indonesian left in English help."""

from __future__ import annotations

import click

from lkj_excel.cli import main
from lkj_excel.cli_i18n import HELP_EN


def _texts(cmd: click.Command) -> list[str]:
    out = []
    if cmd.help:
        out += [" ".join(p.split()) for p in cmd.help.split("\n\n")]
    for p in cmd.params:
        h = getattr(p, "help", None)
        if h:
            out.append(" ".join(h.split()))
    if isinstance(cmd, click.Group):  # every subcommand, the lazily loaded ones (anggaran, mutasi) too
        ctx = click.Context(cmd)
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            assert sub is not None, name
            out += _texts(sub)
    return out


def test_the_walk_reaches_the_lazy_commands() -> None:
    texts = _texts(main)
    assert any(t.startswith("Ringkas ekspor anggaran SIPD") for t in texts)
    assert any(t.startswith("Ukur koreksi salah ketik") for t in texts)


def test_every_help_text_has_its_english() -> None:
    missing = [t for t in _texts(main) if t not in HELP_EN]
    assert not missing, missing
