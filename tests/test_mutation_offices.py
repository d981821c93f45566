"""Invariant (c) of issue 10 on workbooks typed the way other offices type them (tests/corpus/: hierarchy,
units in cells, English notation, lower-is-better indicators, relocated tables), not only on the sample:
every single typing error of every figure, each class, on the workbook with its own mistakes corrected
first — never a wrong correction. (On the workbooks as they are, a slip on a row that already holds an
undecided mistake can meet it: README, "Which cell is corrected".)"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.book import write
from corpus.budget import CASES as BUDGET
from corpus.narrative import CASES as NARRATIVE
from corpus.performance import CASES as PERFORMANCE
from lkj_excel.edits.mutation import CLASSES, Corpus

ALL = [*PERFORMANCE, *BUDGET, *NARRATIVE]


@pytest.mark.parametrize("make", ALL, ids=lambda m: m.__name__)
def test_no_single_typo_is_corrected_wrong(make, tmp_path: Path) -> None:
    case = make()
    corpus = Corpus(write(case, tmp_path / f"{case.name}.xlsx"))
    outcomes = [corpus.run(ch, cls) for ch, cls in corpus.cases(CLASSES, seed=1)]
    wrong = [(o.classes, [(s.sheet, s.ref) for s in o.sites], o.detail) for o in outcomes if o.verdict == "wrong"]
    assert wrong == []


def test_the_office_corpus_is_measured_where_it_has_identities(tmp_path: Path) -> None:
    """The measurement above is not empty: most offices' figures sit in an identity a slip breaks."""
    right = detectable = 0
    for make in (*PERFORMANCE, *BUDGET):
        case = make()
        corpus = Corpus(write(case, tmp_path / f"{case.name}.xlsx"))
        for ch, cls in list(corpus.cases(CLASSES, seed=1))[::7]:
            o = corpus.run(ch, cls)
            right += o.verdict == "right"
            detectable += o.verdict in ("right", "ambiguous", "wrong")
    assert detectable > 150 and right > 60
