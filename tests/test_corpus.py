"""The office corpus: every known inconsistency found at its cell, no trap and no correct figure flagged.

Each workbook is written by the test in the manner of another kind of office
(tests/corpus/): hierarchy, units in cells, other header words and numbering,
English notation, lower-is-better indicators, narrative arithmetic.
"""

from __future__ import annotations

import pytest

from corpus.book import write
from corpus.budget import CASES as BUDGET
from corpus.narrative import CASES as NARRATIVE
from corpus.performance import CASES as PERFORMANCE
from lkj_excel.check import run_checks
from lkj_excel.read.reader import read_workbook

ALL = [*PERFORMANCE, *BUDGET, *NARRATIVE]


def test_corpus_is_broad():
    cases = [make() for make in ALL]
    assert len(cases) >= 15
    assert len({c.office for c in cases}) >= 8
    assert len({c.name for c in cases}) == len(cases)


@pytest.mark.parametrize("make", ALL, ids=lambda m: m.__name__)
def test_office_workbook(make, tmp_path):
    case = make()
    wb = read_workbook(write(case, tmp_path / f"{case.name}.xlsx"))
    findings = run_checks(wb)
    found = {(f.code, f.sheet, f.cell) for f in findings}
    missed = [e for e in case.expect if e not in found]
    assert not missed, f"not found: {missed}; found {sorted(found)}"
    false_errors = [
        (f.code, f.sheet, f.cell, f.message())
        for f in findings
        if f.severity == "error" and (f.code, f.sheet, f.cell) not in case.expect
    ]
    assert not false_errors, false_errors
    at_traps = [(f.code, f.sheet, f.cell) for f in findings if (f.sheet, f.cell) in case.traps]
    assert not at_traps, at_traps
    if case.extra is not None:
        case.extra(wb, findings)
