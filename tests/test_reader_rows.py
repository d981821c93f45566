"""Which declared row a table row is: the per-declaration look-ups give what a walk over every label gives."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from lkj_excel.read.rowmatch import match_row as _match_row
from lkj_excel.read.rowmatch import match_row_raw, row_labels
from lkj_excel.spec import RowSpec, TableSpec, load_all, normalise, squash

SPECS = {s.id: s for s in load_all(2024)}
WITH_ROWS = sorted(tid for tid, s in SPECS.items() if any(rs.label for rs in s.rows))


def _walk(spec: TableSpec, label: str, row_text: str) -> tuple[str | None, str | None]:
    """The rule spelled out: the first label at the best level (3 equal, 2 a word of the label, 1 a word of
    the row's other texts), every label tried in declaration order."""
    lab = normalise(label)
    lab_nonum = re.sub(r"^\d+\s*", "", lab, count=1)
    best: tuple[int, str | None, str | None] = (0, None, None)
    for rs in spec.rows:
        for alt in rs.label:
            a = normalise(alt)
            if not a:
                continue
            word = re.compile(rf"(^| ){re.escape(a)}( |$)")
            if a in (lab, lab_nonum) or squash(a) == squash(lab_nonum):
                score = 3
            elif word.search(lab):
                score = 2
            elif word.search(row_text):
                score = 1
            else:
                score = 0
            if score > best[0]:
                best = (score, rs.id, rs.role)
    return best[1], best[2]


def _labels(spec: TableSpec) -> list[tuple[str, str]]:
    """(label, row text) pairs: every declared label as typed, numbered, squashed, inside longer texts,
    inside the row's other cells only, two labels in one text, and texts that match nothing."""
    out: list[tuple[str, str]] = [("", ""), ("Kelurahan Sei Balai", "1 kelurahan sei balai 120"), ("12", "")]
    alts = [alt for rs in spec.rows for alt in rs.label]
    for i, alt in enumerate(alts):
        other = alts[(i * 7 + 3) % len(alts)]
        out += [
            (alt, ""),
            (f"3 {alt.upper()}", ""),
            (alt.replace(" ", ""), ""),
            (f"Total {alt} tahun ini", ""),
            (f"{alt}an", ""),
            ("Uraian lain", normalise(f"uraian lain {alt} 12")),
            (f"{other} dan {alt}", ""),
            ("x", normalise(f"{other} {alt}")),
        ]
    return out


@pytest.mark.parametrize("tid", WITH_ROWS)
def test_row_match_is_the_first_label_at_the_best_level(tid: str) -> None:
    spec = SPECS[tid]
    cases = _labels(spec)
    found = {_match_row(spec, label, text) for label, text in cases}
    assert len(found) > 2  # the cases reach several declared rows and none
    for label, text in cases:
        assert _match_row(spec, label, text) == _walk(spec, label, text), (label, text)
        assert _match_row(spec, label, lambda text=text: text) == _walk(spec, label, text), (label, text)


@pytest.mark.parametrize("tid", WITH_ROWS)
def test_a_rows_raw_texts_match_as_their_normalised_form(tid: str) -> None:
    # The row's texts as typed: cased, punctuated, with dashes, underscores and line breaks.
    spec = SPECS[tid]
    alts = [alt for rs in spec.rows for alt in rs.label]
    raws = ["", "1 2 3", "Sumber: BPS", "%", "Nilai_akhir (rata-rata) %"]
    for alt in alts:
        raws += [f"1. {alt.upper()} 95,5 %", f"Uraian:{alt.replace(' ', '-')}", f"x {alt.replace(' ', '_')}"]
        raws += [f"Baris\n{alt.title()}\t(Rp)", f"{alt}s", alt.replace(" ", " \u2013 ")]
    found = set()
    for raw in raws:
        want = _walk(spec, "-", normalise(raw))
        found.add(want)
        assert match_row_raw(row_labels(spec), "-", lambda raw=raw: raw) == want, raw
    assert len(found) > 2


def test_row_text_is_only_read_when_the_label_matches_nothing() -> None:
    spec = SPECS[WITH_ROWS[0]]
    label = next(alt for rs in spec.rows for alt in rs.label)

    def never() -> str:
        raise AssertionError("row text read although the label matched")

    assert _match_row(spec, label, never)[0] is not None


def test_the_first_label_wins_among_equal_ones_whatever_made_them_equal() -> None:
    # "1 Capaian" is the second label as typed, the first without its number, the third squashed alike.
    rows = (
        RowSpec("plain", ("Capaian",)),
        RowSpec("numbered", ("1 Capaian",)),
        RowSpec("squashed", ("1Capaian", "Capaian Kinerja")),
        RowSpec("worded", ("Kinerja",), role="total"),
    )
    spec = replace(SPECS[WITH_ROWS[0]], rows=rows)
    assert _match_row(spec, "1 Capaian", "") == ("plain", "data") == _walk(spec, "1 Capaian", "")
    assert _match_row(spec, "1 capaian", "") == _walk(spec, "1 capaian", "")
    assert _match_row(spec, "Capaian Kinerja 2024", "") == ("plain", "data")  # two words found: the first
    assert _match_row(spec, "Nilai", "nilai kinerja") == ("worded", "total")
    assert _match_row(spec, "Nilai", "nilai kinerjanya") == (None, None)  # a word, not a piece of one
