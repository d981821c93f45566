"""anggaran with an output that already exists: the findings are printed all the same, then exit 2."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from helpers import build_export_samples

from lkj_excel.cli import main


def test_existing_output_still_prints_the_findings(tmp_path: Path) -> None:
    exports = build_export_samples(tmp_path / "exports")
    export = exports / "sei_balai_2024_realisasi.xlsx"
    taken = tmp_path / "hasil.json"
    taken.write_text("{}", encoding="utf-8")
    res = CliRunner().invoke(main, ["anggaran", str(export), "--json", str(taken)])
    assert res.exit_code == 2
    assert "Temuan pada ekspor" in res.stdout  # the summary, before the message about the output
    assert "sudah ada" in res.stderr and "--force" in res.stderr
    assert taken.read_text(encoding="utf-8") == "{}"  # not overwritten
