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


def _at(expect: tuple[str, str, str], f) -> bool:
    """A finding at one of the expected cells: "E7|F7|G7" when the cell at fault cannot be told (a ratio of
    three printed figures), the localizer places the finding at one of them and corrects nothing."""
    codes, sheet, cells = expect
    return f.code in codes.split("|") and f.sheet == sheet and f.cell in cells.split("|")


@pytest.mark.parametrize("make", ALL, ids=lambda m: m.__name__)
def test_office_workbook(make, tmp_path):
    case = make()
    wb = read_workbook(write(case, tmp_path / f"{case.name}.xlsx"))
    findings = run_checks(wb)
    missed = [e for e in case.expect if not any(_at(e, f) for f in findings)]
    assert not missed, f"not found: {missed}; found {sorted((f.code, f.sheet, f.cell) for f in findings)}"
    false_errors = [
        (f.code, f.sheet, f.cell, f.message())
        for f in findings
        if f.severity == "error" and not any(_at(e, f) for e in case.expect)
    ]
    assert not false_errors, false_errors
    # An info finding may point at a trap ("this figure is right; it disagrees because of cell E9").
    at_traps = [
        (f.code, f.sheet, f.cell, f.message())
        for f in findings
        if (f.sheet, f.cell) in case.traps and f.severity != "info"
    ]
    assert not at_traps, at_traps
    if case.extra is not None:
        case.extra(wb, findings)
