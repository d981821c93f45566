"""Every rule's docstring examples run: the Fails workbook yields the findings it names, the Passes none.

The notation is described in `lkj_excel/rules/examples.py`. Check rules run
alone through `run_checks`; budget rules through their own entry point (reading
the export sheet, aggregating it and, when the example has LKjIP tables,
comparing them); batch rules over the workbooks of the example (`{name.xlsx}`
lines), as the batch compares them. The rules that need two export files (the
DPA+LRA merge, B007-B009) keep prose examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from lkj_excel.budget.aggregate import aggregate
from lkj_excel.budget.compare import compare_workbook
from lkj_excel.budget.export import read_export
from lkj_excel.check import run_checks
from lkj_excel.findings import Finding
from lkj_excel.read.reader import read_workbook
from lkj_excel.rules import all_rules, load_rules
from lkj_excel.rules.batch import cross_findings, cross_profile
from lkj_excel.rules.examples import Book, Example, ExampleError, parse_examples
from lkj_excel.template import write_template

CHECK_RULES = load_rules()
RULES = all_rules()
PROSE = {"B007", "B008", "B009"}  # need a DPA file and an LRA file
CASES = [
    pytest.param(code, i, ex, id=f"{code}-{ex.kind}-{i}")
    for code, r in sorted(RULES.items())
    if code not in PROSE
    for i, ex in enumerate(parse_examples(r.doc))
]


def build(path: Path, ex: Example, book: Book | None = None) -> Path:
    """Write the example's (one) workbook, or `book` of a batch example, with openpyxl."""
    book = book or Book(ex.sheets, ex.merges)
    if ex.template:
        write_template(path, year=2024)
        xl = load_workbook(path)
        for name in book.sheets:
            if name in xl.sheetnames:
                del xl[name]
    else:
        xl = Workbook()
        xl.remove(xl.active)
    for name, rows in book.sheets.items():
        ws = xl.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        for rng in book.merges.get(name, []):
            ws.merge_cells(rng)
    xl.save(path)
    return path


def run_batch(folder: Path, ex: Example) -> list[Finding]:
    """What the batch finds across the example's workbooks (each finding names its workbook as `file`)."""
    profiles = [cross_profile(read_workbook(build(folder / name, ex, b)), name) for name, b in ex.books.items()]
    return [f for fs in cross_findings(profiles).values() for f in fs]


def run_anggaran(path: Path, ex: Example) -> list[Finding]:
    """What `lkj-excel anggaran EXPORT [--workbook LKJ]` finds: the export sheet is the one not named "Tabel ..."."""
    (sheet,) = [name for name in ex.sheets if not name.startswith("Tabel")]
    export = read_export(path, sheet)
    summary = aggregate(export)
    found = export.findings + summary.findings
    if len(ex.sheets) > 1:
        found += compare_workbook(read_workbook(path), export, summary)
    return found


@pytest.mark.parametrize(("code", "i", "ex"), CASES)
def test_example(tmp_path: Path, code: str, i: int, ex: Example) -> None:
    assert ex.runnable, f"{code}: the {ex.kind} example {i} is prose; write it in the example notation"
    runs = RULES[code].runs
    if runs == "batch":
        found = run_batch(tmp_path, ex)
    else:
        path = build(tmp_path / f"{code}_{i}.xlsx", ex)
        found = run_anggaran(path, ex) if runs == "anggaran" else run_checks(read_workbook(path), only={code})
    got = [f for f in found if f.code == code]
    if ex.kind == "passes":
        assert got == [], [(f.sheet, f.cell, f.message("en")) for f in got]
        return
    declared = RULES[code].severity
    want = {(e.book, e.sheet, e.cell, e.severity or declared) for e in ex.expected}
    have = {(str(f.params.get("file", "")), f.sheet, f.cell, f.severity) for f in got}
    assert have == want, [(f.sheet, f.cell, f.message("en")) for f in got]


@pytest.mark.parametrize("code", sorted(set(RULES) - PROSE))
def test_every_rule_has_both_examples(code: str) -> None:
    kinds = [ex.kind for ex in parse_examples(RULES[code].doc) if ex.runnable]
    assert "fails" in kinds and "passes" in kinds, (
        f"{code} lacks a runnable Fails or Passes example: write them in the notation of lkj_excel/rules/examples.py"
        " (or, if the rule needs two export files, add its code to PROSE here)"
    )


def test_only_the_merge_examples_are_prose() -> None:
    assert {RULES[c].runs for c in PROSE} == {"anggaran"}
    assert set(CHECK_RULES) <= set(RULES) - PROSE
    for code in PROSE:
        exs = parse_examples(RULES[code].doc)
        assert {e.kind for e in exs} == {"fails", "passes"}, code
        assert not any(e.runnable for e in exs), f"{code}: its examples need a DPA and an LRA file"


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


BATCH = """Fails: two offices.

    {a.xlsx}
    [Info]
    | Tahun | 2024 |
    {b.xlsx}
    [Info]
    | Tahun | 2023 |
    => W902 at Info!B1
"""


def test_batch_notation_keeps_the_workbooks_apart() -> None:
    (ex,) = parse_examples(BATCH)
    assert list(ex.books) == ["a.xlsx", "b.xlsx"]
    assert ex.books["b.xlsx"].sheets == {"Info": [["Tahun", "2023"]]} and ex.sheets == {"Info": [["Tahun", "2024"]]}
    assert [(e.book, e.sheet, e.cell) for e in ex.expected] == [("b.xlsx", "Info", "B1")]


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
