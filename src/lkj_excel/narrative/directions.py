"""Phrases of direction, rank or target attainment in LKjIP prose ("meningkat", "di atas target")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .extract import Claim, extract_claims
from .sentences import lowered, may_match, sentence_of, sentence_spans


@dataclass(frozen=True, slots=True)
class DirectionStatement:
    """A phrase stating direction, rank or target attainment.

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


_DIRECTION_RE: list[tuple[str, re.Pattern[str]]] = [
    (
        "not-met",
        re.compile(
            r"\b(?:tidak|belum)\s+(?:mencapai|memenuhi|tercapai|sesuai)(?:\s+(?:dengan\s+)?target)?"
            r"|\btarget\s+(?:tidak|belum)\s+tercapai",
            re.IGNORECASE,
        ),
    ),
    ("exceeded", re.compile(r"\b(?:melebihi|melampaui)\s+target|\bdi\s+atas\s+target", re.IGNORECASE)),
    ("met", re.compile(r"\b(?:mencapai|memenuhi)\s+target|\btarget\s+(?:telah\s+)?tercapai", re.IGNORECASE)),
    ("ahead", re.compile(r"\b(?:lebih\s+)?unggul(?:\s+jauh)?\b", re.IGNORECASE)),
    ("up", re.compile(r"\b(?:peningkatan|meningkat|kenaikan|naik|bertambah)\b", re.IGNORECASE)),
    ("down", re.compile(r"\b(?:penurunan|menurun|turun|berkurang)\b", re.IGNORECASE)),
    ("above", re.compile(r"\b(?:di\s+atas|lebih\s+tinggi(?:\s+dari(?:pada)?)?|melebihi)\b", re.IGNORECASE)),
    ("below", re.compile(r"\b(?:di\s+bawah|lebih\s+rendah(?:\s+dari(?:pada)?)?|kurang\s+dari)\b", re.IGNORECASE)),
    ("max", re.compile(r"\b(?:tertinggi|terbesar|terbanyak|paling\s+(?:tinggi|besar))\b", re.IGNORECASE)),
    ("min", re.compile(r"\b(?:terendah|terkecil|tersedikit|paling\s+(?:rendah|kecil))\b", re.IGNORECASE)),
]
# A lowercase word that every match of each direction pattern contains.
_DIRECTION_KEYWORDS: dict[str, tuple[str, ...]] = {
    "not-met": ("tidak", "belum"),
    "exceeded": ("target",),
    "met": ("target",),
    "ahead": ("unggul",),
    "up": ("ningkat", "naik", "bertambah"),
    "down": ("nurun", "turun", "berkurang"),
    "above": ("atas", "tinggi", "melebihi"),
    "below": ("bawah", "rendah", "kurang"),
    "max": ("tertinggi", "terbesar", "terbanyak", "paling"),
    "min": ("terendah", "terkecil", "tersedikit", "paling"),
}
# "di atas" and friends compare only when a figure or a benchmark follows;
# otherwise it is "tabel 3.3 di atas" or "sebagaimana tersebut di atas".
_COMPARAND_RE = re.compile(r"\s*(?:angka\s+|nilai\s+)?(?:[-−]?\d|rata-rata|target|standar|batas|ambang)", re.IGNORECASE)
_FIGURE_GAP_RE = re.compile(r"^\s*(?:(?:sebesar|angka|nilai|yakni|yaitu|dengan|target|:)\s*)*$", re.IGNORECASE)
_INDICATOR_RE = re.compile(
    r"indeks\s+kepuasan\s+masyarakat(?:\s*\(IKM\))?|\bIKM\b|nilai\s+(?:evaluasi\s+)?S?AKIP|\bS?AKIP\b"
    r"|biaya\s*/\s*tarif(?:\s+pelayanan)?|penyerapan\s+anggaran(?:\s+program)?|realisasi\s+anggaran"
    r"|efisiensi(?:\s+anggaran)?|unsur\s+pelayanan\s+\w+",
    re.IGNORECASE,
)
_ENTITY_RE = re.compile(r"\b(?:Kecamatan|Kec\.|Desa|Kelurahan|Kabupaten)(?:\s+[A-Z][a-z]+){1,4}")


def _subject(text: str, sa: int, sb: int, s: int, e: int, prefer_entity: bool) -> str | None:
    order = [_ENTITY_RE, _INDICATOR_RE] if prefer_entity else [_INDICATOR_RE, _ENTITY_RE]
    for rx in order:
        before = [m for m in rx.finditer(text, sa, s)]
        if before:
            return _SPACE_RE.sub(" ", before[-1].group())
        after = rx.search(text, e, sb)
        if after:
            return _SPACE_RE.sub(" ", after.group())
    return None


def extract_direction_statements(
    text: str, claims: list[Claim] | None = None, *, spans: list[tuple[int, int]] | None = None
) -> list[DirectionStatement]:
    """Phrases of direction, rank or target attainment, with their subject and claims."""
    if claims is None:
        claims = extract_claims(text)
    spans = sentence_spans(text) if spans is None else spans
    low = lowered(text)
    taken: list[tuple[int, int]] = []
    found: list[DirectionStatement] = []
    for kind, rx in _DIRECTION_RE:
        if not may_match(low, _DIRECTION_KEYWORDS[kind]):
            continue
        for m in rx.finditer(text):
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
                    subject=_subject(text, sa, sb, s, e, prefer_entity=kind == "ahead"),
                    figure=figure,
                    figure_decimals=fdec,
                    figure_unit=funit,
                    claim_indices=[i for _, i in near[:3]],
                )
            )
    found.sort(key=lambda d: d.start)
    return found


__all__ = ["DirectionStatement", "extract_direction_statements"]
