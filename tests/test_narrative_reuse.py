"""The second narrative analysis (after localization) takes over what a cell correction cannot move."""

from __future__ import annotations

from dataclasses import replace

from lkj_excel.narrative.resolve import Analysis, analyse
from lkj_excel.narrative.reuse import compatible
from lkj_excel.read.reader import read_workbook


def _said(a: Analysis) -> list[tuple]:
    """Everything the rules report from an analysis, without object identities."""
    res = [
        (
            r.paragraph.ref,
            r.claim.raw,
            r.status,
            r.intended,
            r.edit,
            r.reason,
            [c.address for c in r.cells],
            [(f.table, f.column, f.value) for f in r.matched],
        )
        for r in a.results
    ]
    refs = [(ri.paragraph.ref, ri.ref.raw, ri.expected, ri.edit) for ri in a.refs]
    dirs = [(d.paragraph.ref, d.raw, d.detail_id, [c.address for c in d.cells]) for d in a.directions]
    return [res, refs, dirs, sorted(a.corrected.items())]


def _set(wb, table: str, ref: str, value: float, text: str) -> None:
    c = next(c for r in wb.tables[table].rows for c in r.cells.values() if c.ref == ref)
    c.text, c.parsed = text, replace(c.parsed, value=value)


def _unchanged(first: Analysis, wb, changed_tables: set[str]) -> dict:
    assert first.index is not None
    return {tid: figs for tid, figs in first.index.own.items() if tid not in changed_tables}


def test_reused_analysis_equals_a_fresh_one(sample_path):
    wb = read_workbook(sample_path)
    first = analyse(wb)
    p12 = first.records["B12"]
    before = next(r for r in p12.results if r.claim.raw == "3,99")
    assert before.status == "verified" and before.figure is not None and before.figure.cells[0].ref == "C8"
    _set(wb, "3.3", "C8", 4.99, "4,99")  # the figure paragraph B12 repeats
    again = analyse(wb, _unchanged(first, wb, {"3.3"}), previous=first)
    fresh = analyse(wb)  # judged from scratch on the corrected workbook
    assert _said(again) == _said(fresh)
    # B12 speaks of Tabel 3.3: judged again, and 3,99 no longer agrees with C8.
    assert again.records["B12"] is not p12
    after = next(r for r in again.records["B12"].results if r.claim.raw == "3,99")
    assert after.figure is None or after.figure.cells[0].ref != "C8"
    # B10 speaks of Tabel 3.2 only, and none of its figures meets a figure of Tabel 3.3: taken over.
    assert again.records["B10"] is first.records["B10"]


def test_changed_paragraph_text_is_judged_again(sample_path):
    wb = read_workbook(sample_path)
    first = analyse(wb)
    p = next(p for p in wb.paragraphs if p.ref == "B13")
    p.text = p.text.replace("2,03", "2,04")
    again = analyse(wb, _unchanged(first, wb, set()), previous=first)
    assert again.records["B13"] is not first.records["B13"]
    assert _said(again) == _said(analyse(wb))


def _range_lookup(first: Analysis):
    looked = [(ref, rec) for ref, rec in first.records.items() if rec.deps.ranges]
    assert looked, "the sample has claims no scope table holds"
    return looked[0]


def _cell_outside(first: Analysis, rec, fits):
    """A value cell of a table the paragraph does not speak of, whose figure `fits` (or not) the claim."""
    assert first.index is not None
    return next(
        f
        for tid, fs in first.index.own.items()
        if tid not in rec.tables
        for f in fs
        if f.is_cell and f.kind == "value" and fits(f)
    )


def test_a_changed_table_invalidates_range_lookups(sample_path):
    """A claim looked up across all tables is judged again when a changed table's figure meets its range."""
    wb = read_workbook(sample_path)
    first = analyse(wb)
    ref, rec = _range_lookup(first)
    lo, hi, claim = rec.deps.ranges[0]
    # Put the value a range lookup asked for into a table cell outside the paragraph's tables.
    fig = _cell_outside(first, rec, lambda f: compatible(claim, f))
    tid, cell = fig.table, fig.cells[0]
    v = (lo + hi) / 2
    cell.text, cell.parsed = f"{v}", replace(cell.parsed, value=v)
    again = analyse(wb, _unchanged(first, wb, {tid}), previous=first)
    assert again.records[ref] is not rec
    assert _said(again) == _said(analyse(wb))


def test_a_range_lookup_is_kept_when_the_moved_figure_cannot_match_its_claim(sample_path):
    """The same value in a cell whose figure the claim cannot name (another unit) leaves the verdict standing."""
    wb = read_workbook(sample_path)
    first = analyse(wb)
    ref, rec = _range_lookup(first)
    lo, hi, claim = rec.deps.ranges[0]
    fig = _cell_outside(first, rec, lambda f: not compatible(claim, f))
    tid, cell = fig.table, fig.cells[0]
    v = (lo + hi) / 2
    cell.text, cell.parsed = f"{v}", replace(cell.parsed, value=v)
    again = analyse(wb, _unchanged(first, wb, {tid}), previous=first)
    assert again.records[ref] is rec
    assert _said(again) == _said(analyse(wb))


def test_a_paragraph_of_a_changed_table_is_kept_when_no_figure_it_agreed_with_moved(sample_path):
    """B7 says 85,00 (Tabel 2.2 E6) and B8 says 71,00 (E7): correcting E7 re-judges B8 only."""
    wb = read_workbook(sample_path)
    first = analyse(wb)
    b7, b8 = first.records["B7"], first.records["B8"]
    assert "2.2" in b7.tables and "2.2" in b8.tables and not b7.deps.whole_tables
    _set(wb, "2.2", "E7", 71.5, "71,50")
    again = analyse(wb, _unchanged(first, wb, {"2.2"}), previous=first)
    assert again.records["B7"] is b7
    assert again.records["B8"] is not b8
    assert _said(again) == _said(analyse(wb))


def test_a_rank_is_kept_when_the_row_it_compares_did_not_change(sample_path):
    """B26 says 88,65% (Tabel 3.9 K7) is the lowest capaian of its row: correcting the AKIP row keeps it."""
    wb = read_workbook(sample_path)
    first = analyse(wb)
    b26 = first.records["B26"]
    assert b26.deps.whole_tables and not b26.deps.subject_rows and "3.9" in b26.tables
    _set(wb, "3.9", "G8", 70.45, "70,45")
    again = analyse(wb, _unchanged(first, wb, {"3.9"}), previous=first)
    assert again.records["B26"] is b26
    assert _said(again) == _said(analyse(wb))


def test_a_rank_is_judged_again_when_its_row_changed(sample_path):
    """Correcting 2023's capaian of the same row below 88,65% makes "terendah" wrong: B26 is judged again."""
    wb = read_workbook(sample_path)
    first = analyse(wb)
    b26 = first.records["B26"]
    assert not any(d.paragraph.ref == "B26" for d in first.directions)
    _set(wb, "3.9", "H7", 86.0, "86,00%")
    again = analyse(wb, _unchanged(first, wb, {"3.9"}), previous=first)
    assert again.records["B26"] is not b26
    assert any(d.paragraph.ref == "B26" and d.kind == "min" for d in again.directions)
    assert _said(again) == _said(analyse(wb))


def test_a_subject_row_choice_is_kept_when_no_figure_it_could_name_moved(sample_path):
    """B46 names its row from every cell of eight tables; correcting a score of Tabel 3.3 (no target,
    realisasi or capaian there, no figure it states) keeps it, and so does B12's "tertinggi" 3,99 over that
    column: the corrected score stays below 3,99, before and after, so it is never the highest."""
    wb = read_workbook(sample_path)
    first = analyse(wb)
    b46, b12 = first.records["B46"], first.records["B12"]
    assert b46.deps.subject_rows and "3.3" in b46.tables and b12.deps.whole_tables
    _set(wb, "3.3", "C6", 3.41, "3,41")
    again = analyse(wb, _unchanged(first, wb, {"3.3"}), previous=first)
    assert again.records["B46"] is b46
    assert again.records["B12"] is b12
    assert _said(again) == _said(analyse(wb))


def test_a_rank_is_judged_again_when_a_peer_passes_the_stated_figure(sample_path):
    """The same score corrected above B12's 3,99 makes "tertinggi" wrong: B12 is judged again."""
    wb = read_workbook(sample_path)
    first = analyse(wb)
    b12 = first.records["B12"]
    _set(wb, "3.3", "C6", 4.41, "4,41")
    again = analyse(wb, _unchanged(first, wb, {"3.3"}), previous=first)
    assert again.records["B12"] is not b12
    assert any(d.paragraph.ref == "B12" for d in again.directions)
    assert _said(again) == _said(analyse(wb))
