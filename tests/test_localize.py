"""The issue's examples: the mistyped cell is the one corrected, or the candidates are named.

Each case mistypes figures of the sample (its own mistakes corrected first, so the typo is the only
one) and checks in memory; cells are found through the reader's model, never by address.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_excel.check import run_checks
from lkj_excel.edits.mutation import Corpus, Site
from lkj_excel.repair import plan_repairs


@pytest.fixture(scope="module")
def corpus(sample_path: Path) -> Corpus:
    c = Corpus(sample_path)
    _BASE.update(c.base_fixed)
    return c


def site(corpus: Corpus, tid: str, col: str, row: str) -> Site:
    t = corpus.wb.tables[tid]
    r = next(r for r in t.rows if r.row_id == row or r.label.strip().startswith(row))
    cell = r.cells[col]
    return next(s for s in corpus.sites if (s.sheet, s.ref) == (cell.sheet, cell.ref))


_BASE: set[tuple[str, str]] = set()


def fixes(findings) -> dict[tuple[str, str], object]:
    """Table cells corrected, beyond what the clean base itself still corrects (a numbering cell)."""
    return {
        (f.sheet, f.cell): f.fix
        for f in findings
        if f.fix is not None and f.sheet != "Narasi" and (f.sheet, f.cell) not in _BASE
    }


def test_sample_own_mistakes_corrected_as_before(sample_wb) -> None:
    fs = run_checks(sample_wb)
    got = {(f.table, f.fix) for f in fs if f.fix is not None and f.table in ("1.2", "3.15")}
    assert got == {("1.2", 15103.0), ("1.2", 15228.0), ("1.2", 30331.0), ("3.15", 102.28), ("3.15", 88.65)}
    # The narrative copies of the three totals follow them.
    assert {(f.expected or "").split(" ")[0] for f in fs if f.code == "N806"} == {"30.331", "15.103", "15.228"}


def test_dusun_ten_times_too_large_corrects_the_village_not_the_total(corpus: Corpus) -> None:
    s = site(corpus, "1.2", "dusun", "Sei Balai")
    fs = run_checks(corpus.mutated([(s, s.value * 10)]))
    assert fixes(fs) == {(s.sheet, s.ref): s.value}
    # The printed JUMLAH and the narrative "119 Dusun" agree: neither is touched.
    assert not [f for f in fs if f.sheet == "Narasi" and f.code in ("N801", "N806") and "119" in (f.found or "")]
    total = [f for f in fs if f.table == "1.2" and f.cell != s.ref]
    assert total and all(f.severity == "info" and s.ref in f.message() for f in total)


def test_source_table_typo_is_outvoted_by_its_copies(corpus: Corpus) -> None:
    s = site(corpus, "3.2", "realisasi", "ikm")  # 75,35, copied in 3.3, 3.5, 3.9, 3.10, 3.13 ...
    fs = run_checks(corpus.mutated([(s, 75.53)]))
    assert fixes(fs) == {(s.sheet, s.ref): 75.35}


def test_realisasi_typo_in_3_17_is_the_cell_corrected(corpus: Corpus) -> None:
    s = site(corpus, "3.17", "realisasi", "7.01.02")
    assert s.value == 2930000
    fs = run_checks(corpus.mutated([(s, 2990000.0)]))
    assert fixes(fs) == {(s.sheet, s.ref): 2930000.0}  # not the %, the JUMLAH nor Tabel 3.14
    f = next(f for f in fs if f.cell == s.ref and f.sheet == s.sheet)
    assert "satu digit salah ketik" in f.message()


def test_two_mistakes_interacting_keep_derived_cells_live(corpus: Corpus) -> None:
    a = site(corpus, "3.16", "realisasi", "pegawai")
    b = site(corpus, "1.2", "l", "Sei Balai")
    wb = corpus.mutated([(a, 2043003121.0), (b, 1750.0)])
    fs = run_checks(wb)
    assert fixes(fs) == {(a.sheet, a.ref): a.value, (b.sheet, b.ref): b.value}
    plan = plan_repairs(wb, fs)
    sub = wb.tables["3.16"].row("operasi").cells["realisasi"]
    edit = plan.edits[(sub.sheet, sub.ref)]
    # The subtotal was right: it is not "corrected", it becomes a formula over the corrected part.
    assert edit.formula is not None and not edit.findings and edit.value == pytest.approx(sub.value)
    assert (a.sheet, a.ref) in edit.formula.inputs


def test_same_precision_printings_must_be_identical(corpus: Corpus) -> None:
    s = site(corpus, "3.5", "capaian", "ikm")  # 88,65 as in Tabel 3.2
    fs = run_checks(corpus.mutated([(s, 88.66)]))
    assert fixes(fs) == {(s.sheet, s.ref): 88.65}


def test_ties_correct_nothing_and_name_the_candidates(corpus: Corpus) -> None:
    s = site(corpus, "1.2", "dusun", "Kwala Sikasim")  # 8 -> 0: several villages could hold the slip
    fs = run_checks(corpus.mutated([(s, 0.0)]))
    assert fixes(fs) == {}
    amb = [f for f in fs if f.message_key == "localize.ambiguous"]
    assert len(amb) >= 2 and any(f.cell == s.ref for f in amb)
    assert " atau " in amb[0].message() and "→" in amb[0].message()
    assert amb[0].message().startswith("Perlu diperiksa: ")


def test_narrative_rupiah_digit_swap_is_a_typo(corpus: Corpus) -> None:
    from lkj_excel.read.reader import read_grids

    grids = [g.copy() for g in corpus.grids]
    g = next(g for g in grids if g.title == corpus.wb.narrative_sheet)
    hits = 0
    for row in g.rows.values():
        for i, v in enumerate(row):
            if isinstance(v, str) and "2.960.780.030,00" in v:
                row[i] = v.replace("2.960.780.030,00", "2.960.708.030,00")
                hits += 1
    assert hits == 1
    fs = [f for f in run_checks(read_grids(corpus.path, grids)) if "2.960.708.030" in (f.found or "")]
    assert [f.code for f in fs] == ["N801"]
    assert "bertukar" in fs[0].message()


def test_two_slips_in_one_column_are_not_taken_for_one(corpus: Corpus) -> None:
    """706 -> 760 and 561 -> 5.611 in the KK column: one cell (5.611 -> 507) would balance the total, but
    507 is not one typing error from 5.611, so nothing is corrected and the cell is named for review."""
    t = corpus.wb.tables["1.2"]
    kk = {r.cells["kk"].value: r for r in t.rows if r.role == "data" and "kk" in r.cells}
    a, b = site(corpus, "1.2", "kk", kk[706.0].label), site(corpus, "1.2", "kk", kk[561.0].label)
    fs = run_checks(corpus.mutated([(a, 760.0), (b, 5611.0)]))
    assert not [f for f in fs if f.table == "1.2" and f.fix is not None and f.code != "F702"]
    named = [f for f in fs if f.message_key in ("localize.uncertain", "localize.ambiguous")]
    assert named and all(f.fix is None for f in named)
    single = next(f for f in named if f.cell == b.ref)
    assert single.message_key == "localize.uncertain" and "5.611 → 507?" in single.message()


def test_narrative_copy_pins_a_rounded_cell(corpus: Corpus) -> None:
    """Tabel 3.8's realisasi 20,96 typed 20,90: the column total allows 20,95-20,97, but the narrative
    says "realisasinya sebesar 20,96", which pins the value."""
    s = site(corpus, "3.8", "realisasi", "Pengukuran")
    assert s.value == 20.96
    fs = run_checks(corpus.mutated([(s, 20.9)]))
    assert fixes(fs) == {(s.sheet, s.ref): 20.96}


def test_domain_singles_out_the_impossible_figure(corpus: Corpus) -> None:
    """An NRR of 5,00 cannot be (the answer scale is 1-4): it is the cell corrected, although a 2 less in
    any other unsur would balance the sum as well."""
    s = site(corpus, "3.3", "nilai", "u1")
    fs = run_checks(corpus.mutated([(s, s.value + 2)]))
    assert fixes(fs) == {(s.sheet, s.ref): s.value}
