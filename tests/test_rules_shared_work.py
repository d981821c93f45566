"""Work several rules share is done once per workbook, and a shortcut judges as the full judgement does."""

from __future__ import annotations

import itertools

from lkj_excel.check import run_checks
from lkj_excel.model import Cell
from lkj_excel.numerals import parse_cell
from lkj_excel.read.reader import read_workbook
from lkj_excel.rules import Context
from lkj_excel.rules.polarity import _inverted_or_none, fits
from lkj_excel.rules.totals import SumCheck, sum_check


def _cell(text: str) -> Cell:
    return Cell("Tabel 3.2", "E7", text, text, parse_cell(text))


def test_a_lone_capaian_is_judged_turned_over_exactly_when_fits_says_so():
    """`_inverted_or_none` is {"negative_ratio"} exactly where `fits` is, on capaian that fit one polarity,
    several, or none, printed with 0 to 2 decimals."""
    targets = ["100", "80", "71,00", "2,00", "0"]
    reals = ["80", "100", "72,62", "2,50", "125", "0"]
    capaian = ["80,00", "125,00", "120,00", "102,28", "97,72", "100", "125", "80", "0,00", "135,00"]
    seen_inverted = 0
    for t, r, c in itertools.product(targets, reals, capaian):
        tc, rc, cc = _cell(t), _cell(r), _cell(c)
        for ex_t, ex_r in itertools.product((False, True), repeat=2):
            full = fits(None, tc, rc, cc, ex_t, ex_r)  # type: ignore[arg-type]
            want = full if full == {"negative_ratio"} else set()
            assert _inverted_or_none(tc, rc, cc, ex_t, ex_r) == want, (t, r, c, ex_t, ex_r, full)
            seen_inverted += bool(want)
    assert seen_inverted > 0  # the grid holds turned-over capaian (T 100, R 80, 125,00)


def test_a_column_sum_check_is_made_once_per_workbook(sample_path):
    wb = read_workbook(sample_path)
    ctx = Context(wb)
    t = next(t for t in wb.tables.values() if any(c.exact for c in t.spec.columns if c.id in t.spec.total_columns))
    col = next(c for c in t.spec.columns if c.exact and c.id in t.spec.total_columns)
    first = sum_check(ctx, col, t)
    assert sum_check(ctx, col, t) is first
    assert first.decimals == SumCheck(col, t).decimals  # the column's most printed decimals, as made anew
    assert sum_check(Context(wb), col, t) is not first  # per workbook (per Context), never across them


def test_the_sample_findings_do_not_depend_on_the_shared_checks(sample_path, monkeypatch):
    """The rules that share a column's check give the same findings when each makes its own."""
    import lkj_excel.rules.groups as groups
    import lkj_excel.rules.totals as totals

    shared = [f.to_dict("id") for f in run_checks(read_workbook(sample_path))]
    made: list[str] = []

    def own_check(ctx, col, table):
        made.append(col.id)
        return SumCheck(col, table)

    monkeypatch.setattr(totals, "sum_check", own_check)
    monkeypatch.setattr(groups, "sum_check", own_check)
    own = [f.to_dict("id") for f in run_checks(read_workbook(sample_path))]
    assert made and shared and shared == own
