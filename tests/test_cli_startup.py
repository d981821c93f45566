"""A `check` starts without the imports only other commands need (pandas for `anggaran`, the mutation corpus for
`mutasi`): on an office PC each costs the user about half a second at every run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from lkj_excel.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "sei_balai_2024.xlsx"

PROBE = """
import sys
from click.testing import CliRunner
from lkj_excel.cli import main
r = CliRunner().invoke(main, ["check", sys.argv[1], "--no-output"])
assert r.exit_code in (0, 1), r.output
print(" ".join(m for m in ("pandas", "lkj_excel.cli_anggaran", "lkj_excel.edits.mutation") if m in sys.modules))
"""


def test_check_imports_neither_pandas_nor_the_other_commands() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(SAMPLE)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )
    assert out.stdout.strip() == ""


def test_lazy_commands_are_listed_and_run_in_both_languages() -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["--help"])
    assert listed.exit_code == 0
    assert "anggaran" in listed.output and "mutasi" in listed.output
    en = runner.invoke(main, ["--lang", "en", "anggaran", "--help"])
    assert en.exit_code == 0 and "Summarise a SIPD budget export" in en.output
    idn = runner.invoke(main, ["mutasi", "--help"])
    assert idn.exit_code == 0 and "Ukur koreksi salah ketik" in idn.output
    assert "anggaran" in main.commands  # loaded once, then an ordinary subcommand
