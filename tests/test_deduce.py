"""A slip that meets a disagreement nobody can decide (issue #10): the typing error is corrected, the
disagreement stays named, nothing else changes (`edits/deduce.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_excel.check import run_checks
from lkj_excel.edits.deduce import _selections
from lkj_excel.edits.mutation import Corpus, judge, mistype

C19 = ("Tabel 1.1", "C19")  # the land total 9.286,9 Ha, repeated by the narrative (Narasi B3)
C7 = ("Tabel 1.1", "C7")  # Mekar Mulio 225 Ha, which Tabel 1.3 prints as 225,1 (the sample's own question)


@pytest.fixture(scope="module")
def as_is(sample_path: Path) -> Corpus:
    return Corpus(sample_path, clean=False)  # the sample as offices have it: its own mistakes stay


CASES = (
    [
        (C19, 9286.9, cls)  # the total: its sum and the narrative agree on the typing error
        for cls in ("replaced", "swapped", "inserted", "decimal", "thousands")
    ]
    + [
        (C7, 225.0, cls)  # the detail Tabel 1.3 disagrees with: its column's sum names the typing error
        for cls in ("replaced", "swapped", "dropped", "inserted", "decimal", "thousands", "sign")
    ]
    + [
        (("TABEL 1.3", "C20"), 6242.0, cls)  # a total of Tabel 1.3: its own sum names the typing error
        for cls in ("replaced", "swapped", "inserted", "decimal", "thousands")
    ]
    # A minus typed into a land total: the narrative's unsigned copy is no copy of a negative area (its
    # column cannot print one), so the total's sum and the narrative both name the typing error.
    + [(C19, 9286.9, "sign"), (("TABEL 1.3", "E20"), 1232.9, "sign")]
)


@pytest.mark.parametrize(("cell", "right", "cls"), CASES)
def test_slip_is_corrected_and_the_disagreement_stays_undecided(
    as_is: Corpus, cell: tuple[str, str], right: float, cls: str
) -> None:
    import random

    site = next(s for s in as_is.sites if (s.sheet, s.ref) == cell)
    typed = mistype(site.value, site.decimals, cls, random.Random(1))
    assert typed is not None and typed != site.value
    wb = as_is.mutated([(site, typed)])
    fs = run_checks(wb)
    fixes = {(f.sheet, f.cell): f.fix for f in fs if f.fix is not None and f.sheet != wb.narrative_sheet}
    assert fixes.get(cell) == pytest.approx(right)
    others = set(fixes) - {cell} - as_is.base_fixed
    assert not others, others  # nothing else: not Tabel 1.3's 225,1, not its rounded totals
    named = [
        f
        for f in fs
        if f.sheet == "TABEL 1.3" and f.fix is None and f.message_key in ("localize.ambiguous", "localize.uncertain")
    ]
    assert named, "the Tabel 1.1 / 1.3 disagreement is still named, with its candidates"
    assert judge(as_is, [(site, typed)], (cls,), fs, True).verdict == "right"


def test_unmutated_sample_keeps_its_undecided_disagreement(as_is: Corpus) -> None:
    fixes = {(f.sheet, f.cell) for f in as_is.base if f.fix is not None}
    assert C7 not in fixes and C19 not in fixes
    assert not {("TABEL 1.3", c) for c in ("C8", "D8", "E8", "C20", "D20", "E20")} & fixes


def test_selections_take_the_most_edits_and_keep_every_tie() -> None:
    a, b = ("S", "A1"), ("S", "B1")
    # Two cells whose typing errors would repair the same violated edit: a tie, both selections kept.
    tie = _selections([(a, 1.0, 1, frozenset({1})), (b, 2.0, 1, frozenset({1}))])
    assert sorted(tie) == [[0], [1]]
    # The one that repairs two edits wins alone.
    assert _selections([(a, 1.0, 2, frozenset({1, 2})), (b, 2.0, 1, frozenset({1}))]) == [[0]]
    # Cells over disjoint edits are corrected together; one cell never gets two values.
    assert _selections([(a, 1.0, 1, frozenset({1})), (b, 2.0, 1, frozenset({2}))]) == [[0, 1]]
    assert sorted(_selections([(a, 1.0, 1, frozenset({1})), (a, 3.0, 1, frozenset({1}))])) == [[0], [1]]


def test_mutasi_as_is_keeps_the_samples_own_questions(sample_path: Path) -> None:
    from click.testing import CliRunner

    from lkj_excel.cli_mutation import mutasi

    def semua(out: str) -> list[int]:  # n, benar, ambigu, tak terdeteksi, salah of the class table
        line = next(x for x in out.splitlines() if x.startswith("semua"))
        return [int(x) for x in line.split()[1:6]]

    args = [str(sample_path), "--kelas", "replaced"]
    as_is = CliRunner().invoke(mutasi, [*args, "--apa-adanya"])
    plain = CliRunner().invoke(mutasi, args)
    a, p = semua(as_is.output), semua(plain.output)
    assert a[0] == p[0]  # the same figures mistyped
    assert p[4] == 0 and plain.exit_code == 0  # settled: no wrong correction
    # As is, slips meet the sample's open questions: more of them stay named among candidates, and the
    # command says so by its exit code when a wrong correction remains.
    assert a[2] > p[2]
    assert as_is.exit_code == (1 if a[4] else 0)


RIVALS = [
    (("Tabel 1.2", "E18"), "replaced"),  # 757 on a row L + P = L+P: G18 1.419, F18 661 or E18 756 fit it
    (("Tabel 1.1", "C19"), "dropped"),
    (("Tabel 1.2", "E9"), "replaced"),
    (("Tabel 1.2", "F9"), "dropped"),
    (("Tabel 1.2", "E11"), "replaced"),
    (("Tabel 1.2", "F16"), "inserted"),
    (("TABEL 1.3", "C8"), "dropped"),
    (("TABEL 1.3", "E8"), "dropped"),
]


@pytest.mark.parametrize(("cell", "cls"), RIVALS)
def test_slip_with_two_typing_errors_is_named_not_corrected(as_is: Corpus, cell: tuple[str, str], cls: str) -> None:
    """Where the slipped cell has two typing-error values, each making as many of its edits hold (the
    original, and the other side of the open question it sits on), nothing is corrected: both are named."""
    # The very mutant `mutasi --apa-adanya` makes (its random digits run through every site in turn).
    ((site, typed),) = next(ch for ch, c in as_is.cases() if (ch[0][0].sheet, ch[0][0].ref) == cell and c == (cls,))
    fs = run_checks(as_is.mutated([(site, typed)]))
    assert judge(as_is, [(site, typed)], (cls,), fs, True).verdict == "ambiguous"
    fixed = {(f.sheet, f.cell) for f in fs if f.fix is not None and f.sheet.startswith(("Tabel 1.", "TABEL 1."))}
    assert fixed <= as_is.base_fixed  # nothing corrected beyond the sample's own corrections
    named = [f for f in fs if f.message_key == "localize.ambiguous" and f.sheet == cell[0]]
    assert named and all(f.fix is None for f in named)


def test_a_rival_slip_names_the_typed_cell_among_the_candidates(as_is: Corpus) -> None:
    """Tabel 1.2!E18 756 typed 757, beside the sample's wrong JUMLAH row (every column sum fails anyway):
    the smallest explanation changes G18 to 1.423, whose own typing error 1.419 would repair the row; so
    would E18 → 756 and F18 → 661, at as many changed figures. Nothing is corrected and E18 is named."""
    site = next(s for s in as_is.sites if (s.sheet, s.ref) == ("Tabel 1.2", "E18"))
    fs = run_checks(as_is.mutated([(site, 757.0)]))
    assert judge(as_is, [(site, 757.0)], ("replaced",), fs, True).verdict == "ambiguous"
    named = [f for f in fs if f.message_key == "localize.ambiguous" and f.sheet == "Tabel 1.2"]
    assert {f.cell for f in named} >= {"E18", "F18", "G18"}
    assert all(f.fix is None for f in named)
    assert any("E18 (757 → 756?)" in str(f.params.get("alternatives")) for f in named), named[0].params


def test_a_rival_whose_own_story_moves_it_again_is_no_rival(as_is: Corpus) -> None:
    """TABEL 1.3!C20 6.242 typed 6.272: C8 36,6 → 66,6 would repair the column sum too, but the rest of the
    group then changes C8 again (the 0,1 Ha question reads it as 36,5): the total's typing error stands."""
    site = next(s for s in as_is.sites if (s.sheet, s.ref) == ("TABEL 1.3", "C20"))
    fs = run_checks(as_is.mutated([(site, 6272.0)]))
    assert judge(as_is, [(site, 6272.0)], ("replaced",), fs, True).verdict == "right"


def test_a_slip_absorbed_by_its_neighbours_is_named_itself(as_is: Corpus) -> None:
    """Tabel 1.2!E9 628 typed 629: the smallest explanation moves F9 and G9 (each by a typing error) and
    E21; F9's other typing error 613 repairs the row as well, and so would E9 → 628, the slip itself,
    whose column sum fails anyway beside the sample's wrong JUMLAH row: all are named, nothing corrected."""
    site = next(s for s in as_is.sites if (s.sheet, s.ref) == ("Tabel 1.2", "E9"))
    fs = run_checks(as_is.mutated([(site, 629.0)]))
    assert judge(as_is, [(site, 629.0)], ("replaced",), fs, True).verdict == "ambiguous"
    named = [f for f in fs if f.message_key == "localize.ambiguous" and f.sheet == "Tabel 1.2"]
    assert "E9" in {f.cell for f in named} and all(f.fix is None for f in named)
    assert any("E9 (629 → 628?)" in str(f.params.get("alternatives")) for f in named)
