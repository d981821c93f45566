"""`apply._ambiguous` makes each candidate's finding once: a figure printed in many tables puts the same
candidates, with the same alternatives, in several groups, and `_unique` kept only the first. Checked on the
benchmark's stress workbooks and the sample with slips in its indicator tables: the findings made with the shared `said` set equal those made for
every group and then made unique; and `_follows` (each cell weighed once, its row's formula found first)
answers as the scan over each explanation's ties it replaces."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import indicator_slips
from lkj_excel.edits.apply import _ambiguous, _follows, _ties, _unique
from lkj_excel.edits.build import EditSet, build_edits
from lkj_excel.edits.localize import Diagnosis, localize
from lkj_excel.edits.model import Address
from lkj_excel.edits.mutation import Corpus
from lkj_excel.findings import Finding
from lkj_excel.model import Workbook
from lkj_excel.read.load import DEFAULT_BACKEND
from lkj_excel.read.reader import read_workbook
from lkj_excel.rules import Context

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(sample_path: Path) -> Corpus:
    return Corpus(sample_path)


def _stress(tmp: Path, n: int) -> Iterator[Workbook]:
    """The benchmark's workbooks (`benchmarks/bench.py`): many undecided capaian groups each."""
    spec = importlib.util.spec_from_file_location("lkj_bench", ROOT / "benchmarks" / "bench.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    for p in bench.generate(n, tmp):
        yield read_workbook(p, backend=DEFAULT_BACKEND)


def _as_said(fs: list[Finding]) -> list[object]:
    return [(f.code, f.severity, f.sheet, f.cell, f.found, f.message_key, f.params, f.related, f.table) for f in fs]


def _old_follows(es: EditSet, d: Diagnosis, a: Address) -> bool:
    """`_follows` as it was: every explanation naming `a`, each of its ties scanned."""
    named = [ex for ex in d.alternatives if a in ex.cells]
    bad = {id(e) for e in d.violated}
    return bool(named) and all(
        any(
            e.output == a and (e.kind == "ratio" or e.code == "T103") and id(e) not in bad
            for e in _ties(es, a, ex.cells)
        )
        for ex in named
    )


def test_each_candidate_said_once_as_unique_kept_it(corpus: Corpus, tmp_path: Path) -> None:
    groups = skipped = follows = 0
    for wb in [*_stress(tmp_path, 6), *indicator_slips(corpus, 20, 3)]:
        es = build_edits(Context(wb))
        diags = [d for d in localize(es) if d.status in ("ambiguous", "partial")]
        every: list[Finding] = []
        for i, d in enumerate(diags):
            every += _ambiguous(es, d, ("error", "warning")[i % 2])
        said: set[tuple[object, ...]] = set()
        once: list[Finding] = []
        for i, d in enumerate(diags):
            once += _ambiguous(es, d, ("error", "warning")[i % 2], said)
        assert _as_said(once) == _as_said(_unique(every))
        groups += len(diags)
        skipped += len(every) - len(once)
        for d in diags:
            bad = {id(e) for e in d.violated}
            for a in {a for ex in d.alternatives for a in ex.cells}:
                assert _follows(es, d, a, bad) == _old_follows(es, d, a)
                follows += _old_follows(es, d, a)
    assert groups >= 40 and skipped > 0 and follows > 0
