"""Every check rule's docstring examples run: the Fails workbook yields the finding it names, the Passes none.

The notation is described in `lkj_excel/rules/examples.py`; the batch (W9xx) and
budget (B0xx, B1xx) rules cannot run on one workbook, so their examples stay prose.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from lkj_excel.check import run_checks
from lkj_excel.read.reader import read_workbook
from lkj_excel.rules import all_rules, load_rules
from lkj_excel.rules.examples import Example, ExampleError, parse_examples
from lkj_excel.template import write_template

CHECK_RULES = load_rules()
CASES = [
    pytest.param(code, i, ex, id=f"{code}-{ex.kind}-{i}")
    for code, r in sorted(CHECK_RULES.items())
    for i, ex in enumerate(parse_examples(r.doc))
]


def build(path: Path, ex: Example) -> Path:
    if ex.template:
        write_template(path, year=2024)
        book = load_workbook(path)
        for name in ex.sheets:
            if name in book.sheetnames:
                del book[name]
    else:
        book = Workbook()
        book.remove(book.active)
    for name, rows in ex.sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        for rng in ex.merges.get(name, []):
            ws.merge_cells(rng)
    book.save(path)
    return path


@pytest.mark.parametrize(("code", "i", "ex"), CASES)
def test_example(tmp_path: Path, code: str, i: int, ex: Example) -> None:
    assert ex.runnable, f"{code}: the {ex.kind} example {i} is prose; write it in the example notation"
    wb = read_workbook(build(tmp_path / f"{code}_{i}.xlsx", ex))
    got = [f for f in run_checks(wb, only={code}) if f.code == code]
    if ex.kind == "passes":
        assert got == [], [(f.sheet, f.cell, f.message("en")) for f in got]
        return
    declared = CHECK_RULES[code].severity
    want = {(e.sheet, e.cell, e.severity or declared) for e in ex.expected}
    assert {(f.sheet, f.cell, f.severity) for f in got} == want, [(f.sheet, f.cell, f.message("en")) for f in got]


@pytest.mark.parametrize("code", sorted(CHECK_RULES))
def test_every_check_rule_has_both_examples(code: str) -> None:
    kinds = [ex.kind for ex in parse_examples(CHECK_RULES[code].doc) if ex.runnable]
    assert "fails" in kinds and "passes" in kinds, f"{code} lacks a runnable Fails or Passes example"


def test_batch_and_budget_examples_are_prose() -> None:
    others = {c: r for c, r in all_rules().items() if r.runs != "check"}
    assert {r.runs for r in others.values()} == {"batch", "anggaran"}
    for code, r in others.items():
        exs = parse_examples(r.doc)
        assert {e.kind for e in exs} == {"fails", "passes"}, code
        assert not any(e.runnable for e in exs), f"{code} runs outside check: its examples cannot build a workbook"


NOTATION = """Totals add up.

Fails: one too many.

    [Tabel 1.2]
    | No | Desa \\| Kelurahan | L |
    |    |  | 1 |
    merged: A1:B1
    => T101 warning at C2
    => T101 at 'Other'!D4

Passes: prose only
continued here.
"""


def test_notation_is_parsed_exactly() -> None:
    fails, passes = parse_examples(NOTATION)
    assert fails.kind == "fails" and fails.note == "one too many."
    assert fails.sheets == {"Tabel 1.2": [["No", "Desa | Kelurahan", "L"], [None, None, "1"]]}
    assert fails.merges == {"Tabel 1.2": ["A1:B1"]}
    assert [(e.code, e.sheet, e.cell, e.severity) for e in fails.expected] == [
        ("T101", "Tabel 1.2", "C2", "warning"),
        ("T101", "Other", "D4", None),
    ]
    assert passes.kind == "passes" and not passes.runnable and passes.note == "prose only continued here."


@pytest.mark.parametrize(
    "bad",
    [
        "Fails: x\n\n    [S]\n    | 1 |\n",  # no expected finding
        "Fails: x\n\n    | 1 |\n",  # a row before any sheet
        "Fails: x\n\n    [S]\n    => T101 on A1\n",  # not the expectation syntax
        "Passes: x\n\n    [S]\n    => T101 at A1\n",  # a Passes example expecting a finding
        "Fails: x\n\n    [S]\n    what is this\n",
    ],
)
def test_notation_rejects_mistakes(bad: str) -> None:
    with pytest.raises(ExampleError):
        parse_examples(bad)
