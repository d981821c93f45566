"""Phrases of direction, rank or target attainment in LKjIP prose ("meningkat", "di atas target")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .context import CONTEXT_PATTERNS
from .extract import Claim, extract_claims
from .sentences import KeywordGroup, KeywordPattern, Keywords, lowered, sentence_of, sentence_spans


@dataclass(slots=True)
class DirectionStatement:
    """A phrase stating direction, rank or target attainment (not to be changed once made; not frozen, as
    `extract.Claim`).

    kind: up | down | above | below | max | min | met | exceeded | not-met | ahead.
    ``figure`` is the threshold compared with ("di atas 95%"), when printed.
    ``claim_indices`` index ``extract_claims(text)``, nearest first.
    """

    raw: str
    start: int
    end: int
    kind: str
    subject: str | None = None
    figure: float | None = None
    figure_decimals: int | None = None
    figure_unit: str | None = None
    claim_indices: list[int] = field(default_factory=list)


_SPACE_RE = re.compile(r"\s+")
_LEBIH_RE = re.compile(r"(?i)lebih\s")
_DARI_RE = re.compile(r"(?i)dari")


def _kw(pattern: str, starts: str, needs: str = "", *, whole: bool = False) -> KeywordPattern:
    """``needs``: "word:needed" pairs (see KeywordPattern); ``whole``: every match begins with a whole word, one of
    ``starts`` (``KeywordPattern``'s ``words``)."""
    pairs = [n.split(":") for n in needs.split()]
    words: dict[str, tuple[str, ...]] | None = {w: (w,) for w in starts.split()} if whole else None
    return KeywordPattern(
        re.compile(pattern, re.IGNORECASE), tuple(starts.split()), needs={w: (n,) for w, n in pairs}, words=words
    )


# Each pattern with the lowercase words its matches start with.
_DIRECTION_RE: list[tuple[str, KeywordPattern]] = [
    (
        "not-met",
        _kw(
            r"\b(?:tidak|belum)\s+(?:mencapai|memenuhi|tercapai|sesuai)(?:\s+(?:dengan\s+)?target)?"
            r"|\btarget\s+(?:tidak|belum)\s+tercapai",
            "tidak belum target",
            "target:tercapai",
            whole=True,
        ),
    ),
    (
        "exceeded",
        _kw(
            r"\b(?:melebihi|melampaui)\s+target|\bdi\s+atas\s+target",
            "melebihi melampaui di",
            "di:atas melebihi:target melampaui:target",
            whole=True,
        ),
    ),
    (
        "met",
        _kw(
            r"\b(?:mencapai|memenuhi)\s+target|\btarget\s+(?:telah\s+)?tercapai",
            "mencapai memenuhi target",
            "target:tercapai mencapai:target memenuhi:target",
            whole=True,
        ),
    ),
    ("ahead", _kw(r"\b(?:lebih\s+)?unggul(?:\s+jauh)?\b", "lebih unggul", "lebih:unggul", whole=True)),
    (
        "up",
        _kw(
            r"\b(?:peningkatan|meningkat|kenaikan|naik|bertambah)\b",
            "peningkatan meningkat kenaikan naik bertambah",
            whole=True,
        ),
    ),
    ("down", _kw(r"\b(?:penurunan|menurun|turun|berkurang)\b", "penurunan menurun turun berkurang", whole=True)),
    (
        "above",
        _kw(
            r"\b(?:di\s+atas|lebih\s+tinggi(?:\s+dari(?:pada)?)?|melebihi)\b",
            "di lebih melebihi",
            "di:atas lebih:tinggi",
            whole=True,
        ),
    ),
    (
        "below",
        _kw(
            r"\b(?:di\s+bawah|lebih\s+rendah(?:\s+dari(?:pada)?)?|kurang\s+dari)\b",
            "di lebih kurang",
            "di:bawah lebih:rendah kurang:dari",
            whole=True,
        ),
    ),
    (
        "max",
        _kw(
            r"\b(?:tertinggi|terbesar|terbanyak|paling\s+(?:tinggi|besar))\b",
            "tertinggi terbesar terbanyak paling",
            whole=True,
        ),
    ),
    (
        "min",
        _kw(
            r"\b(?:terendah|terkecil|tersedikit|paling\s+(?:rendah|kecil))\b",
            "terendah terkecil tersedikit paling",
            whole=True,
        ),
    ),
]
# "di atas" and friends compare only when a figure or a benchmark follows;
# otherwise it is "tabel 3.3 di atas" or "sebagaimana tersebut di atas".
_COMPARAND_RE = re.compile(r"\s*(?:angka\s+|nilai\s+)?(?:[-−]?\d|rata-rata|target|standar|batas|ambang)", re.IGNORECASE)
_FIGURE_GAP_RE = re.compile(r"^\s*(?:(?:sebesar|angka|nilai|yakni|yaitu|dengan|target|:)\s*)*$", re.IGNORECASE)
_INDICATOR_RE = _kw(
    r"indeks\s+kepuasan\s+masyarakat(?:\s*\(IKM\))?|\bIKM\b|nilai\s+(?:evaluasi\s+)?S?AKIP|\bS?AKIP\b"
    r"|biaya\s*/\s*tarif(?:\s+pelayanan)?|penyerapan\s+anggaran(?:\s+program)?|realisasi\s+anggaran"
    r"|efisiensi(?:\s+anggaran)?|unsur\s+pelayanan\s+\w+",
    "indeks ikm nilai sakip akip biaya penyerapan realisasi efisiensi unsur",
    "indeks:kepuasan nilai:akip biaya:tarif penyerapan:anggaran realisasi:anggaran unsur:pelayanan",
)
_ENTITY_RE = KeywordPattern(
    re.compile(r"\b(?:Kecamatan|Kec\.|Desa|Kelurahan|Kabupaten)(?:\s+[A-Z][a-z]+){1,4}"),
    ("Kec", "Desa", "Kel", "Kab"),
    cased=True,
)


def _subject(text: str, kw: Keywords, sa: int, sb: int, s: int, e: int, prefer_entity: bool) -> str | None:
    """The entity or indicator the phrase speaks of: the nearest before it in its sentence, else the first after."""
    order = [_ENTITY_RE, _INDICATOR_RE] if prefer_entity else [_INDICATOR_RE, _ENTITY_RE]
    for rx in order:
        starts = kw.starts(rx)
        before = rx.matches(text, starts, sa, s)
        if before:
            return _SPACE_RE.sub(" ", before[-1].group())
        after = rx.matches(text, starts, e, sb, first=True)
        if after:
            return _SPACE_RE.sub(" ", after[0].group())
    return None


# The kinds the analysis checks (``resolve.check_directions``, its thresholds and ``reuse``), with "exceeded",
# whose matches ("di atas target") take their words from "above". Every one reads a claim of its sentence, a
# rise or fall a "difference" one. The kinds left out never overlap a match of these, so the statements of
# these kinds are the ones the full reading finds.
_WITH_CLAIMS = [(k, rx) for k, rx in _DIRECTION_RE if k in ("exceeded", "above", "below", "max", "min")]
_WITH_DIFFERENCE = [
    (k, rx) for k, rx in _DIRECTION_RE if k in ("exceeded", "up", "down", "above", "below", "max", "min")
]

# What a paragraph's reading asks for once it has claims (``context.assign_kinds``, the checked kinds): their starts
# in one go.
_CLAIMS_GROUP = KeywordGroup(CONTEXT_PATTERNS + tuple(rx for _, rx in _WITH_DIFFERENCE))


def _checked_kinds(claims: list[Claim]) -> list[tuple[str, KeywordPattern]]:
    if not claims:
        return []
    return _WITH_DIFFERENCE if any(c.kind == "difference" for c in claims) else _WITH_CLAIMS


def extract_direction_statements(
    text: str,
    claims: list[Claim] | None = None,
    *,
    spans: list[tuple[int, int]] | None = None,
    keywords: Keywords | None = None,
    checked: bool = False,
) -> list[DirectionStatement]:
    """Phrases of direction, rank or target attainment, with their subject and claims.

    ``claims``, ``spans`` and ``keywords``: the text's, when the caller has them already. ``checked``: only the
    statements the analysis checks (see ``_checked_kinds``), without their subject.
    """
    kw = Keywords(text, lowered(text)) if keywords is None else keywords
    if claims is None:
        claims = extract_claims(text, keywords=kw)
    kinds = _checked_kinds(claims) if checked else _DIRECTION_RE
    if not kinds:
        return []
    spans = sentence_spans(text) if spans is None else spans
    taken: list[tuple[int, int]] = []
    found: list[DirectionStatement] = []
    for kind, rx in kinds:
        starts = kw.starts(rx)
        if starts is not None and not starts:
            continue
        for m in rx.matches(text, starts):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            if kind in ("above", "below") and not _COMPARAND_RE.match(text, e):
                continue
            taken.append((s, e))
            sa, sb = sentence_of(spans, s)
            near: list[tuple[float, int]] = []
            for i, c in enumerate(claims):
                if c.start >= sb or c.end <= sa:
                    continue
                # A figure after the phrase is what it usually describes ("turun 5,15").
                dist = c.start - e if c.start >= e else 1.5 * (s - c.end)
                near.append((dist, i))
            near.sort()
            figure = fdec = funit = None
            if kind in ("above", "below", "met", "exceeded", "not-met"):
                for _, i in near:
                    c = claims[i]
                    comparative = _LEBIH_RE.match(m.group()) and not _DARI_RE.search(m.group())
                    if c.start >= e and _FIGURE_GAP_RE.match(text[e : c.start]) and not comparative:
                        figure, fdec, funit = c.value, c.decimals, c.unit
                    break
            found.append(
                DirectionStatement(
                    raw=m.group(),
                    start=s,
                    end=e,
                    kind=kind,
                    subject=None if checked else _subject(text, kw, sa, sb, s, e, prefer_entity=kind == "ahead"),
                    figure=figure,
                    figure_decimals=fdec,
                    figure_unit=funit,
                    claim_indices=[i for _, i in near[:3]],
                )
            )
    found.sort(key=lambda d: d.start)
    return found


__all__ = ["DirectionStatement", "extract_direction_statements"]
