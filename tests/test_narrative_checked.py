"""The analysis's cheaper reading of a paragraph gives what the full reading gives, for what the checks read."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_excel.narrative.context import _BREAK_KP, _after_last_break
from lkj_excel.narrative.directions import extract_direction_statements
from lkj_excel.narrative.extract import extract_claims
from lkj_excel.narrative.resolve import read_paragraph
from lkj_excel.narrative.sentences import Keywords, lowered

SEED = Path("/work/shared/seed/lkj_kecamatan_sei_balai_2024.txt")

# Paragraphs in other offices' manner: rank, threshold, target attainment and trend words side by side.
OTHERS = [
    "Capaian IKM Kecamatan Medang Deras naik 2,40 poin dari 80,10 menjadi 82,50, melampaui target 80,00.",
    "Seluruh desa memperoleh nilai di atas 95% kecuali Desa Guntung yang hanya 93,20%, tidak mencapai target.",
    "Realisasi anggaran Rp 1.250.000.000 atau 97,50% di atas target, tertinggi dibanding tahun 2023.",
    "Penyerapan anggaran program lebih tinggi dari tahun lalu; target telah tercapai dan lebih unggul jauh.",
    "Jumlah pengaduan turun menjadi 12 kali, berkurang 3 kali dari 2023; capaian terendah 85,1%.",
    "Nilai SAKIP tahun 2024 BB (72,62) di bawah target 75 dan kurang dari rata-rata kabupaten.",
    "Tingkat kepuasan meningkat, namun belum sesuai dengan target yang ditetapkan.",
    "Capaian kinerja meningkat menjadi 97,50% dan tertinggi di antara kecamatan.",
    "Tidak ada angka di sini, hanya kenaikan dan penurunan serta nilai tertinggi di atas target.",
]


def _paragraphs() -> list[str]:
    seed = SEED.read_text(encoding="utf-8") if SEED.exists() else ""
    paras = [" ".join(p.split()) for p in seed.split("\n\n") if any(ch.isdigit() for ch in p)]
    return [p for p in paras if p][:400] + OTHERS


def _checked(full: list, claims: list) -> list:
    """The full reading's statements the analysis checks (``directions._checked_kinds``), without subject."""
    if not claims:
        return []
    kinds = {"exceeded", "above", "below", "max", "min"}
    if any(c.kind == "difference" for c in claims):
        kinds |= {"up", "down"}
    return [(d.raw, d.start, d.end, d.kind, d.figure, d.figure_unit, d.claim_indices) for d in full if d.kind in kinds]


@pytest.mark.parametrize("text", _paragraphs())
def test_checked_directions_are_the_full_readings(text: str) -> None:
    claims = extract_claims(text)
    full = extract_direction_statements(text, claims)
    cheap = extract_direction_statements(text, claims, checked=True)
    assert all(d.subject is None for d in cheap)
    assert [(d.raw, d.start, d.end, d.kind, d.figure, d.figure_unit, d.claim_indices) for d in cheap] == _checked(
        full, claims
    )
    assert read_paragraph(text)[3] == cheap


def test_checked_directions_keep_what_the_checks_read() -> None:
    def kinds(text: str, checked: bool) -> list[str]:
        return [d.kind for d in extract_direction_statements(text, checked=checked)]

    # "di atas target" stays a target phrase (it takes the words of "di atas"), the rank is kept
    assert kinds(OTHERS[2], True) == kinds(OTHERS[2], False) == ["exceeded", "max"]
    # "tidak mencapai target" is not checked; the threshold is
    assert (kinds(OTHERS[1], False), kinds(OTHERS[1], True)) == (["above", "not-met"], ["above"])
    # a rise is checked only against a difference the paragraph states ("meningkat menjadi 97,50%" states none)
    assert (kinds(OTHERS[-2], False), kinds(OTHERS[-2], True)) == (["up", "max"], ["max"])
    assert kinds(OTHERS[4], True) == ["down", "down", "min"]
    # no figure, nothing to check
    assert (kinds(OTHERS[-1], False), kinds(OTHERS[-1], True)) == (["up", "down", "max", "exceeded"], [])


def test_break_words_from_the_paragraph_index() -> None:
    text = "Target 85,00 namun terealisasi 75,35 sehingga capaian 88,65% atau turun, sedangkan 2,47 naik."
    kw = Keywords(text, lowered(text))
    starts = kw.starts(_BREAK_KP)
    for cs in range(len(text)):
        for ce in range(cs, len(text) + 1, 7):
            assert _after_last_break(text, cs, ce, starts) == _after_last_break(text, cs, ce, None), (cs, ce)
