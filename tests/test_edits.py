"""The edit model: printed intervals are half-open, typing errors are recognised, edits come from sheets/."""

from __future__ import annotations

from lkj_excel.edits.build import build_edits
from lkj_excel.edits.model import Edit, Var, holds, same_figure
from lkj_excel.edits.typo import typo_kind
from lkj_excel.model import Cell
from lkj_excel.numerals import parse_text
from lkj_excel.rules import Context
from lkj_excel.rules.crosstable import cells_agree


def var(v: float, d: int, exact: bool = False, name: str = "A1") -> Var:
    return Var(("S", name), v, d, exact, str(v))


def cell(text: str) -> Cell:
    return Cell("S", "A1", text, text, parse_text(text))


def test_same_precision_printings_must_be_identical() -> None:
    assert not same_figure(var(90.0, 2), 90.0, var(90.01, 2), 90.01)  # the closed intervals touch at 90,005
    assert same_figure(var(90.01, 2), 90.01, var(90.01, 2), 90.01)
    assert not cells_agree(cell("90,00"), cell("90,01"), exact=False)


def test_coarser_printing_is_the_rounding_of_the_finer() -> None:
    assert same_figure(var(90.0, 1), 90.0, var(90.04, 2), 90.04)
    assert not same_figure(var(90.0, 1), 90.0, var(90.05, 2), 90.05)  # 90,05 rounds half up to 90,1
    assert cells_agree(cell("88,6"), cell("88,65"), exact=False) is False
    assert cells_agree(cell("88,7"), cell("88,65"), exact=False)
    assert cells_agree(cell("71"), cell("71,00"), exact=False)


def test_linear_edit_allows_rounding_of_printed_parts() -> None:
    vs = {("S", n): var(v, 2, name=n) for n, v in (("A1", 33.33), ("A2", 33.33), ("A3", 33.33), ("A4", 100.0))}
    e = Edit("linear", tuple(vs), "T101", (1.0, 1.0, 1.0, -1.0))
    assert holds(e, vs, {})
    assert not holds(e, vs, {("S", "A4"): 100.02})


def test_ratio_edit_output_interval_is_half_open() -> None:
    vs = {("S", "O"): var(88.65, 2, name="O"), ("S", "R"): var(75.35, 2, name="R"), ("S", "T"): var(85.0, 2, name="T")}
    e = Edit("ratio", (("S", "O"), ("S", "R"), ("S", "T")), "C201", form="positive")
    assert holds(e, vs, {})
    assert not holds(e, vs, {("S", "O"): 86.65})


def test_typing_error_classes() -> None:
    assert typo_kind(15130, 15103, 0) == "swapped"
    assert typo_kind(15106, 15103, 0) == "replaced"
    assert typo_kind(1516, 15106, 0) == "dropped"
    assert typo_kind(150106, 15106, 0) == "inserted"
    assert typo_kind(151060, 15106, 0) == "shift"
    assert typo_kind(72.26, 72.62, 2) == "swapped"
    assert typo_kind(3000.0, 3.0, 2) == "shift"
    assert typo_kind(-250, 250, 0) == "sign"
    assert typo_kind(15228, 15232, 0) is None  # two digits: not one typing error


def test_typing_errors_are_struck_around_the_decimal_comma() -> None:
    assert typo_kind(94.1, 94.71, 2) == "dropped"  # "94,1" shows 94,10
    assert typo_kind(9.71, 94.71, 2) == "dropped"
    assert typo_kind(3.1, 3.01, 2) == "swapped"  # within the fraction
    assert typo_kind(10, 1010, 0) == "dropped"  # "010" is 10
    assert typo_kind(0.99, 3.99, 2) == "dropped"
    # Not one keystroke: the comma does not move with a dropped or inserted digit.
    assert typo_kind(9.41, 94.71, 2) is None
    assert typo_kind(947.01, 94.71, 2) is None
    assert typo_kind(10, 100.01, 2) is None
    assert typo_kind(10, 100.0, 2) == "shift"


def test_mutation_classes_are_the_typing_errors_the_localizer_knows() -> None:
    import random

    from lkj_excel.edits.mutation import CLASSES, mistype

    rnd = random.Random(7)
    seen = set()
    for v, d in [(94.71, 2), (71.0, 0), (3.01, 2), (15103, 0), (0.39, 2), (1010, 0), (-10.29, 2), (100.0, 2)]:
        for cls in CLASSES:
            for _ in range(20):
                typed = mistype(v, d, cls, rnd)
                if typed is not None:
                    seen.add(cls)
                    assert typo_kind(round(typed, d), v, d) is not None, (v, d, cls, typed)
    assert seen == set(CLASSES)


def test_edits_are_built_from_the_declarations(sample_wb) -> None:
    es = build_edits(Context(sample_wb))
    codes = {e.code for e in es.edits}
    assert {"T101", "T102", "T103", "C201", "C203", "X601", "S401", "S402", "N801"} <= codes
    t = sample_wb.tables["1.2"]
    total = t.total_row().cells["lp"]
    kinds = sorted(e.code for e in es.edits_of((total.sheet, total.ref)))
    assert kinds[:2] == ["N801", "T101"] and "T103" in kinds  # copied in the narrative; column sum; L + P
