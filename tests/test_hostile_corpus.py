"""Every hostile or odd workbook of the corpus ends in exit 0, 1 or 2 under 10 s of CPU and 1 GB.

The CLI runs in a subprocess with RLIMIT_AS (1 GB of address space) and
RLIMIT_CPU (10 s; CPU time, so a loaded CI machine does not make it flaky).
Every xlsx it writes must reopen in openpyxl, every JSON must be strict.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import hostile_corpus as hc

MEMORY = 1 << 30
CPU_SECONDS = 10

# Outcome expected of each case: exit code and a piece of the message (for exit 2).
EXPECTED = {
    "far_cell": (2, "terlalu besar"),
    "huge_merge": (1, "terlalu besar untuk dikoreksi di tempat"),
    "unclosed_cells": (2, "rusak"),
    "dtd_entities": (2, "DTD"),
    "external_entity": (2, "DTD"),
    "zip_bomb": (2, "bom zip"),
    "number_1e400": (1, ""),
    "digits_400": (1, ""),
    "number_1e27": (1, ""),
    "text_infinity": (1, ""),
    "lone_surrogate": (2, "rusak"),
    "sheet_apostrophes": (1, ""),
    "sheet_long_emoji": (1, ""),
    "sheet_control_chars": (1, ""),
    "sheet_control_char_invalid": (2, "rusak"),
    "duplicate_sheet_names": (2, "nama lembar ganda"),
    "slash_sheet_name": (2, "nama lembar tidak sah"),
    "truncated_part": (2, "rusak"),
    "styled_to_last_row": (1, "terlalu besar untuk dikoreksi di tempat"),
    "formulas_xlsxwriter": (0, ""),
    "formulas_openpyxl": (0, ""),
}


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("hostile")
    return {b.__name__: b(d) for b in hc.BUILDERS}


def _run(src: Path, out_dir: Path) -> subprocess.CompletedProcess[str]:
    out_dir.mkdir()
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "lkj_excel.cli", "check", str(src), "-o", str(out_dir / "out.xlsx")]
    cmd += ["--report", str(out_dir / "rep.xlsx"), "--json", str(out_dir / "r.json")]
    return subprocess.run(cmd, capture_output=True, text=True, preexec_fn=_limits, timeout=300, env=env)


@pytest.fixture(scope="module")
def runs(corpus: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Any]]:
    """Every case through the CLI, a few at a time (each in its own limited subprocess)."""
    base = tmp_path_factory.mktemp("hostile_out")
    before = {k: p.read_bytes() for k, p in corpus.items()}
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {k: pool.submit(_run, p, base / k) for k, p in corpus.items()}
        done = {k: (base / k, f.result()) for k, f in futures.items()}
    for k, p in corpus.items():
        assert p.read_bytes() == before[k], k  # the input is never touched
    return done


def test_every_builder_has_an_expectation() -> None:
    assert sorted(EXPECTED) == sorted(b.__name__ for b in hc.BUILDERS)


# The in-place writer loads the input with openpyxl, which allocates every cell of a merge and every styled
# row; for these two cases it is judged too large beforehand and the standard layout is written instead
# (write/inplace_limits.py), so they stay within the limits too.
CASES = sorted(EXPECTED)


@pytest.mark.parametrize("case", CASES)
def test_case_exits_cleanly(runs: dict[str, tuple[Path, Any]], case: str) -> None:
    folder, r = runs[case]
    out, rep, js = folder / "out.xlsx", folder / "rep.xlsx", folder / "r.json"
    code, message = EXPECTED[case]
    assert r.returncode == code, (case, r.returncode, r.stderr[-2000:])
    assert "Traceback" not in r.stderr
    assert message in r.stderr + r.stdout, r.stderr[-500:]
    if code == 2:
        assert not out.exists() and not rep.exists()
        return
    for p in (out, rep):
        openpyxl.load_workbook(p).close()
    json.loads(js.read_text(encoding="utf-8"), parse_constant=_strict)


def _strict(name: str) -> None:
    raise AssertionError(f"non-strict JSON constant {name}")


@pytest.mark.parametrize("case", ["number_1e400", "digits_400", "number_1e27"])
def test_absurd_figures_are_unreadable_at_their_cell(corpus: dict[str, Path], case: str) -> None:
    from lkj_excel.check import run_checks
    from lkj_excel.read.reader import read_workbook

    wb = read_workbook(corpus[case])
    cell = hc._first_number_cell(hc.T12)
    found = [f for f in run_checks(wb) if f.sheet == "Tabel 1.2" and f.cell == cell]
    assert [f.code for f in found] == ["F701"]
    # and the total over that column is not "corrected" to an absurd figure
    assert all(not isinstance(f.fix, (int, float)) or abs(f.fix) < 1e15 for f in run_checks(wb))


@pytest.mark.parametrize("case", ["huge_merge", "styled_to_last_row", "far_cell"])
def test_loader_bounded(corpus: dict[str, Path], case: str) -> None:
    """Reading and checking alone (no corrected workbook) stay under the limits for the big cases."""
    cmd = [sys.executable, "-m", "lkj_excel.cli", "check", str(corpus[case]), "--no-output"]
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    r = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=_limits, timeout=300, env=env)
    assert r.returncode == EXPECTED[case][0], r.stderr[-1000:]


def test_inplace_limits_judge_the_file_before_loading(corpus: dict[str, Path]) -> None:
    """The two files openpyxl cannot hold are recognised from the zip alone; the sample is not."""
    from lkj_excel.write.inplace_limits import too_large_for_inplace

    assert "sel gabungan" in (too_large_for_inplace(corpus["huge_merge"]) or "")
    assert "MB XML" in (too_large_for_inplace(corpus["styled_to_last_row"]) or "")
    assert too_large_for_inplace(Path(__file__).parents[1] / "samples" / "sei_balai_2024.xlsx") is None
