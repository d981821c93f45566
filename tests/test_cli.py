"""The command line's own options."""

from __future__ import annotations


def test_version_names_the_build() -> None:
    """`--version` says whether the check runs plain Python or the mypyc-compiled build (README, Kecepatan)."""
    from click.testing import CliRunner

    from lkj_excel.cli import main
    from lkj_excel.edits import solve
    from lkj_excel.runtime import build_kind

    kind = "python" if str(solve.__file__).endswith(".py") else "mypyc"
    assert build_kind() == kind
    out = CliRunner().invoke(main, ["--version"]).output
    assert out.strip().endswith(f"({kind})"), out
