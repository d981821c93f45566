"""The narrative's analysis after localization, taken over paragraph by paragraph from the first one, says
exactly what a fresh analysis of the corrected workbook says: on the sample, its layout variants and the
office corpus (workbooks written in other offices' manner)."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

import lkj_excel.narrative.resolve as resolve
from lkj_excel.check import run_checks
from lkj_excel.narrative.reuse import _ALL_WORD, _above_wrong, _below_wrong, _may_rank
from lkj_excel.read.reader import read_workbook
from test_narrative_reuse import _said

ROOT = Path(__file__).resolve().parents[1]


def _corpus(tmp: Path) -> dict[str, Path]:
    from corpus.book import write
    from corpus.budget import CASES as BUDGET
    from corpus.narrative import CASES as NARRATIVE
    from corpus.performance import CASES as PERFORMANCE
    from golden_tool import cases

    out = dict(cases(tmp))
    for make in [*PERFORMANCE, *BUDGET, *NARRATIVE]:
        c = make()
        out[c.name] = write(c, tmp / f"{c.name}.xlsx")
    # The benchmark's offices: other scales, other totals, other figures typed in the text.
    spec = importlib.util.spec_from_file_location("lkj_bench", ROOT / "benchmarks" / "bench.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out.update((p.stem, p) for p in bench.generate(8, tmp / "bench"))
    return out


@pytest.mark.skipif(
    not str(resolve.__file__).endswith(".py"),
    reason="the compiled build calls analyse inside its modules directly: no spy can see the second analysis "
    "(the plain-Python run of this test, CI's first, compares it; compiled_equivalence compares the findings)",
)
def test_the_analysis_after_localization_equals_a_fresh_one(tmp_path, monkeypatch):
    first_pass = resolve.analyse
    compared: list[str] = []
    current = {"name": ""}

    def checked(wb, reuse=None, previous=None, changed=None):
        got = first_pass(wb, reuse, previous, changed)
        if previous is not None:  # the analysis on the corrected figures
            assert _said(got) == _said(first_pass(wb)), current["name"]
            compared.append(current["name"])
        return got

    from lkj_excel.narrative.reuse import Reuse

    stale = Reuse.stale
    partial: list[int] = []  # paragraphs of which only some claims were judged again

    def spied(self, ref, text, group_text):
        got = stale(self, ref, text, group_text)
        if isinstance(got, set):
            partial.append(len(got))
        return got

    monkeypatch.setattr(resolve, "analyse", checked)
    monkeypatch.setattr(Reuse, "stale", spied)
    for name, path in _corpus(tmp_path).items():
        current["name"] = name
        run_checks(read_workbook(path))
    assert len(compared) >= 10, compared  # the corpus has corrections the narrative is judged again after
    assert len(partial) >= 5, partial  # and paragraphs whose other claims' verdicts were kept


@pytest.mark.parametrize(
    ("moved", "stated", "kind", "may"),
    [
        (80.0, 90.0, "max", False),  # below the highest, before and after: never the extreme
        (90.0, 90.0, "max", True),  # a tie
        (95.0, 90.0, "max", True),  # above it: the extreme now
        (95.0, 90.0, "min", False),
        (85.0, 90.0, "min", True),
        (math.nan, 90.0, "max", True),  # unknown: judged again
        (math.nan, 90.0, "min", True),
    ],
)
def test_a_peer_moves_a_rank_only_when_it_reaches_the_stated_figure(moved, stated, kind, may):
    assert _may_rank(moved, stated, kind) is may


def test_a_threshold_moves_only_with_a_cell_on_its_wrong_side():
    assert _above_wrong(95.0, 95.0) and _above_wrong(90.0, 95.0) and not _above_wrong(96.0, 95.0)
    assert _below_wrong(95.0, 95.0) and not _below_wrong(90.0, 95.0)
    assert _above_wrong(math.nan, 95.0) and _below_wrong(math.nan, 95.0)


def test_the_all_word_is_the_one_the_threshold_check_reads():
    assert _ALL_WORD.pattern == resolve._ALL_WORD.pattern and _ALL_WORD.flags == resolve._ALL_WORD.flags
