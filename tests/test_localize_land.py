"""The land-use identity as an edit: Tabel 1.1 luas of each desa = perkebunan + pertanian + perumahan of
Tabel 1.3 (and total = total). A slip in either table breaks a row edit and a column edit, which cross
at the mistyped cell; the sample's own 225 vs 225,1 Ha stays a finding nobody corrects."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_excel.check import run_checks
from lkj_excel.edits.mutation import Corpus, Site


@pytest.fixture(scope="module")
def corpus(sample_path: Path) -> Corpus:
    return Corpus(sample_path)


def site(corpus: Corpus, tid: str, col: str, label: str) -> Site:
    r = next(r for r in corpus.wb.tables[tid].rows if r.label.strip().startswith(label))
    cell = r.cells[col]
    return next(s for s in corpus.sites if (s.sheet, s.ref) == (cell.sheet, cell.ref))


def table_fixes(corpus: Corpus, fs) -> dict[tuple[str, str], object]:
    return {
        (f.sheet, f.cell): f.fix
        for f in fs
        if f.fix is not None and f.sheet != corpus.wb.narrative_sheet and (f.sheet, f.cell) not in corpus.base_fixed
    }


@pytest.mark.parametrize(
    ("tid", "col", "label", "typed"),
    [
        ("1.3", "pertanian", "Sei Balai", lambda v: v + 20),  # one digit replaced
        ("1.3", "perkebunan", "Sei Balai", lambda v: -v),  # the sign
        ("1.1", "luas", "Sei Balai", lambda v: v * 10),  # a decimal shift
    ],
)
def test_land_use_row_and_column_cross_at_the_typo(corpus: Corpus, tid, col, label, typed) -> None:
    s = site(corpus, tid, col, label)
    fs = run_checks(corpus.mutated([(s, typed(s.value))]))
    assert table_fixes(corpus, fs) == {(s.sheet, s.ref): s.value}


def test_sample_mekar_mulio_is_not_corrected(sample_wb) -> None:
    fs = run_checks(sample_wb)
    assert not [f for f in fs if f.fix is not None and f.table in ("1.1", "1.3") and f.code in ("X603", "T101")]
    mekar = next(r for r in sample_wb.tables["1.1"].rows if r.label.strip().startswith("Mekar Mulio"))
    luas = mekar.cells["luas"]
    assert [f.code for f in fs if (f.sheet, f.cell) == (luas.sheet, luas.ref)] == ["X603"]
    amb = [f for f in fs if f.table == "1.3" and f.message_key == "localize.ambiguous"]
    assert len(amb) >= 2 and all(" atau " in f.message() for f in amb)


def test_slip_merged_with_a_tie_is_corrected_and_the_tie_stays_named(sample_path: Path) -> None:
    """A slip in Suko Rejo's pertanian shares the column total with Mekar Mulio's own tie ({perkebunan,
    column total} or {pertanian, column total}). Both explanations of the merged group change three cells;
    the search must find the second one too. Every one changes the slip back (158), so that cell is singled
    out and corrected; Mekar Mulio's cells stay candidates, corrected by none."""
    raw = Corpus(sample_path, clean=False)
    s = site(raw, "1.3", "pertanian", "Suko Rejo")
    fs = run_checks(raw.mutated([(s, float(str(int(s.value))[:-1]))]))  # 158 typed as 15
    fixed = {
        (f.sheet, f.cell): f.fix
        for f in fs
        if f.fix is not None and f.table in ("1.1", "1.3") and f.code in ("X603", "T101")
    }
    assert fixed == {(s.sheet, s.ref): s.value}
    amb = [f for f in fs if f.table == "1.3" and f.message_key == "localize.ambiguous"]
    assert len(amb) >= 4 and all(" atau " in f.message() and f.fix is None for f in amb)
    assert s.ref not in {f.cell for f in amb}


def test_narrative_copy_of_an_undecided_total_is_not_rewritten(sample_path: Path) -> None:
    """A slip in perumahan merges with Mekar Mulio's tie: the paragraph that repeats the column total keeps
    its figure (no finding about it proposes a rewrite), and the slip is corrected."""
    raw = Corpus(sample_path, clean=False)
    row = next(r for r in raw.wb.tables["1.3"].rows if r.cells.get("perumahan") and r.cells["perumahan"].value == 86)
    s = site(raw, "1.3", "perumahan", row.label.strip())
    fs = run_checks(raw.mutated([(s, 81.0)]))
    total = raw.wb.tables["1.3"].total_row().cells["perumahan"]
    about_total = [f for f in fs if f.code.startswith("N8") and f"{total.sheet}!{total.ref}" in f.related]
    assert all(f.fix is None for f in about_total)
    # The slip itself is in every explanation of the merged group: it is corrected.
    assert [f.fix for f in fs if (f.sheet, f.cell) == (s.sheet, s.ref) and f.fix is not None] == [s.value]
