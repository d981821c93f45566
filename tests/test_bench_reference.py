"""benchmarks/reference.py: the batch line it reads, from this tree's benchmark and from the reference's."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("lkj_bench_reference", ROOT / "benchmarks" / "reference.py")
assert _spec and _spec.loader
reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(reference)


def test_reads_the_check_only_line_not_the_corrected_one() -> None:
    out = (
        "  batch, 2 jobs (no corrected)        32.9 workbooks/s  -> 1000 workbooks in 30.4 s (target < 30 s)\n"
        "  batch, 2 jobs (corrected)            9.1 workbooks/s -> 1000 workbooks in 109.8 s\n"
    )
    assert reference.batch_seconds(out) == 30.4


def test_no_batch_line_is_an_error() -> None:
    with pytest.raises(ValueError):
        reference.batch_seconds("CHECK ONLY (read + run_checks)\n")


def test_both_benchmarks_print_the_line_it_reads() -> None:
    own = (ROOT / "benchmarks" / "bench.py").read_text(encoding="utf-8")
    assert "-> 1000 workbooks in {1000 / rate:.1f} s" in own
    git = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{reference.REF}:benchmarks/bench.py"], capture_output=True, text=True
    )
    if git.returncode != 0:
        pytest.skip("not a git clone with history (the reference is read from it)")
    assert "-> 1000 workbooks in {1000 / rate:.1f} s" in git.stdout
