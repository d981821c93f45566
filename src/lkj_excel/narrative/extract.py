"""Find the numeric claims, table references and direction phrases in LKjIP prose.

Extraction is deliberately permissive: a figure with a typo ("1012,28%") or
broken separators ("Rp. 2.960.780,030,-") is still a claim, because finding
those is the point. What is dropped are numbers that are not claims at all:
years, legal references, list numbering, page numbers, postal codes, phones,
codes such as "239/IX/618/2003", table numbers and ordinals ("Sasaran 1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkj_excel.numerals import parse_plain_number

from .context import assign_kinds
from .sentences import (
    CUT_AFTER,
    SPACES,
    KeywordGroup,
    KeywordPattern,
    Keywords,
    TailPattern,
    lowered,
    sentence_of,
    sentence_spans,
    tail_of,
)

# Claim kinds that are not figures to check; dropped unless include_non_claims.
NON_CLAIM_KINDS = frozenset({"year", "ordinal", "reference-number"})

_PREDIKAT = r"(?:AA|A|BB|B|CC|C|D)"
# Written to start with one digit class, which the regex engine looks for before trying a match (``\d+``: it tries
# one at every position, twice the instructions); in ASCII text ``\d`` is ``[0-9]``, cheaper to test still.
_NUM = r"\d\d*(?:[.,]\d+)*"
_NUM_RE = re.compile(_NUM)
_NUM_ASCII = r"[0-9][0-9]*(?:[.,][0-9]+)*"
_NUM_ASCII_RE = re.compile(_NUM_ASCII)
# Numbers and sentence cuts (``sentences._CUT_RE``) found in one scan of a paragraph (``scan_paragraph``): a
# number's first digit or a cut's first character, then the rest of a number (group 1) if a digit was read, else
# the rest of a cut. No match of one overlaps a match of the other (a cut holds no digit; a number's "." is
# followed by a digit, a cut's by a space), so the scan finds exactly the matches of both. One character class
# first, which the regex engine looks for before trying a match (an alternation of groups: tried everywhere).
_NUM_OR_CUT_RE = re.compile(rf"[\d\n.!?;:](?:(?<=\d)(\d*(?:[.,]\d+)*)|{CUT_AFTER})")
_NUM_OR_CUT_ASCII_RE = re.compile(rf"[0-9\n.!?;:](?:(?<=[0-9])([0-9]*(?:[.,][0-9]+)*)|{CUT_AFTER})")
_SPELLED = (
    r"satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu"
    r"|(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\s+(?:belas|puluh)(?:\s+\w+)?"
)
_SPELLED_RE = re.compile(rf"\s*\((?:{_SPELLED})\)", re.IGNORECASE)
_COUNT_NOUNS = tuple(
    "Kepala Keluarga|Rumah Tangga|Sub Kegiatan|Dusun|Desa|Kelurahan|Kecamatan|Responden|Orang|Sasaran|Indikator|"
    "Program|Kegiatan|Seksi|Sekretaris|Subbagian|Aspek|Unsur|Pegawai|ASN|PNS|Unit|Buah|Dokumen|Pengaduan|Kali|Hari|"
    "Bulan|KK".split("|")
)
_COUNT_ALT = "|".join(n.replace(" ", r"\s+") for n in _COUNT_NOUNS)
_COUNT_RE = re.compile(rf"\s*({_COUNT_ALT})\b", re.IGNORECASE)
_UNIT_WORD_ALT = "ha|hektar|jiwa|poin|persen"
_UNIT_WORD_RE = re.compile(rf"\s*({_UNIT_WORD_ALT})\b", re.IGNORECASE)
# Either in one match (group 1: a unit word, group 2: a count noun); no text matches both.
_UNIT_OR_COUNT_RE = re.compile(rf"\s*(?:({_UNIT_WORD_ALT})|({_COUNT_ALT}))\b", re.IGNORECASE)
_MONTHS = (
    r"januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|"
    r"nopember|november|desember"
)
_YEAR_WORD_RE = re.compile(r"(?:\b(?:tahun\w*|th\.?|TA|periode|renstra|rpjmd)|\d{4})\s*[-–/]?\s*$", re.IGNORECASE)
# The same read backwards: ``match`` on the reversed text finds a match iff ``_YEAR_WORD_RE.search`` does (a
# suffix of the text matches it; "$" before a final newline adds none: "\s*" takes the newline), trying one
# position rather than every one.
_YEAR_WORD_REVERSED_RE = re.compile(
    r"\s*[-–/]?\s*(?:\d{4}|(?:\w*nuhat|\.?ht|AT|edoirep|artsner|dmjpr)\b)", re.IGNORECASE
)
_LEGAL_RE = re.compile(r"(?:\bnomor|\bno\.?|\bpasal|\bayat|\bhuruf|\bangka\s+romawi)\s*:?\s*\(?\s*$", re.IGNORECASE)
_PAGE_RE = re.compile(r"\b(?:hal(?:aman)?)\s*\.?\s*:?\s*$", re.IGNORECASE)
_POSTAL_RE = re.compile(r"\bkode\s*pos\s*:?\s*$", re.IGNORECASE)
_PHONE_RE = re.compile(r"\b(?:telp|telepon|tlp|hp|fax|faks|wa|whatsapp)\.?\s*:?\s*\(?\s*$", re.IGNORECASE)
_ORDINAL_WORD_RE = TailPattern(
    re.compile(
        r"\b(?:sasaran|tujuan|misi|visi|poin|bab|tahap|tahapan|triwulan|semester|gambar|grafik|diagram|"
        r"lampiran|urutan|peringkat|ranking|nomor\s+urut|level)\s*$|\bke\s*-?\s*$",
        re.IGNORECASE,
    ),
    tuple("sasaran tujuan misi visi poin bab tahap tahapan triwulan semester gambar grafik diagram".split())
    + tuple("lampiran urutan peringkat ranking urut level ke".split()),
    "-",
)
# Any of the four above (one search: a match of any alternative is a match of its pattern).
_REFERENCE_BEFORE_RE = TailPattern(
    re.compile("|".join(f"(?:{rx.pattern})" for rx in (_LEGAL_RE, _PAGE_RE, _POSTAL_RE, _PHONE_RE)), re.IGNORECASE),
    tuple("nomor no pasal ayat huruf romawi hal halaman pos telp telepon tlp hp fax faks wa whatsapp".split()),
    ".:(",
)
_RP_RE = re.compile(r"(?:\bRp|\bIDR)\s*\.?\s*$", re.IGNORECASE)
_RP_BEFORE_RE = TailPattern(_RP_RE, ("rp", "idr"), ".")
_LETTER_BEFORE_RE = re.compile(
    rf"(?<![\w/])({_PREDIKAT})\s*(?:\(|(?:dengan\s+)?(?:angka|nilai|skor)(?:\s+mencapai)?\s*\(?)?\s*$"
)
_SPACES_PAREN = SPACES + "("
_LETTER_BEFORE_ENDS = ("A", "B", "C", "D", "angka", "nilai", "skor", "mencapai")
_LETTER_AFTER_RE = re.compile(rf"\s*\)?\s*\(?\s*({_PREDIKAT})(?![\w/])")

_TABLE_RE = KeywordPattern(
    re.compile(
        r"\b(?:tabel|tbl)(?:\s*\.?\s*(\d+(?:\.\d+)*))?"
        r"(?:\s+(di\s+atas|di\s+bawah(?:\s+ini)?|sebelumnya|berikut(?:\s+ini)?|tersebut))?",
        re.IGNORECASE,
    ),
    ("tabel", "tbl"),
)
_FIGURE_RE = KeywordPattern(
    re.compile(r"\b(?:gambar|grafik|diagram|lampiran|bab)\s*\.?\s*\d+(?:\s*\.\s*\d+)*", re.IGNORECASE),
    ("gambar", "grafik", "diagram", "lampiran", "bab"),
)
# Precompiled once: the helpers below run for every number of every paragraph.
_GROUPED_FRAC_RE = re.compile(r"\d{1,3}(?:\.\d{3})+,\d{3}")
_SEP_RE = re.compile(r"[.,]")
_NON_DIGIT_RE = re.compile(r"\D")
_SLASH_CODE_RE = re.compile(r"/\w")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_UNIT_ABBR_RE = re.compile(r"(?i)(?:%|ha\b|jt\b|m2\b)")
_AREA_CODE_RE = re.compile(r"\(0\d{2,4}\)\s*-?\s*$")
_MONTH_AFTER_RE = re.compile(rf"\s+(?:{_MONTHS})\b", re.IGNORECASE)
_MONTH_BEFORE_RE = TailPattern(re.compile(rf"\b(?:{_MONTHS})\s*$", re.IGNORECASE), tuple(_MONTHS.split("|")))
_CAPITAL_AFTER_RE = re.compile(r"\s+[E-Z](?![\w(])")
_PCT_AFTER_RE = re.compile(r"\s*%")
_LINE_START_RE = re.compile(r"(?:^|\n|[.:;]\s|\s{2})\s*$")
_ITEM_MARK_RE = re.compile(r"[.)](?:\s|$)")
_COLNUM_BEFORE_RE = re.compile(r"\(\d+\)\s*\($")
_COLNUM_AFTER_RE = re.compile(r"\)\s*\(\d+\)")
_SPACE_RE = re.compile(r"\s+")
_YEAR_RANGE_RE = KeywordPattern(
    re.compile(r"\b(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)\d{2}\b"),
    ("19", "20"),
    cased=True,
    needs={"19": ("-", "–", "/"), "20": ("-", "–", "/")},
)
# The two a paragraph's reading asks for first (``extract_table_refs``, ``_scan_numbers``): their starts in one go.
# (The year ranges are asked for by a tenth of the paragraphs only: see ``_scan_numbers``.)
_SCAN_GROUP = KeywordGroup((_TABLE_RE, _FIGURE_RE))
# What the numbers a year range covers start with: a range's first year (``\b`` before it: a number starts there or
# earlier) and its second (a separator or a space before it); either may go on as a number ("2020.5").
_YEAR_STARTS = ("19", "20")
_RP_TAIL_RE = re.compile(r",-+|,00,-+")
_PCT_RE = re.compile(r"\s?%")


@dataclass(frozen=True, slots=True)
class TableRef:
    """A mention of a table: "Tabel 3.16", "tabel 3.3 di atas", "tabel berikut"."""

    raw: str
    start: int
    end: int
    table_id: str | None  # "3.16"; None for "tabel berikut"
    deictic: bool  # "di atas", "sebelumnya", "berikut": points at a neighbouring table
    position: str | None = None  # "before" (di atas/sebelumnya/tersebut) | "after" (berikut/di bawah)


@dataclass(slots=True)
class Claim:
    """One figure stated in the text (not to be changed once made: not frozen, as a frozen class's
    construction costs ~4x more, for ~100 claims a workbook).

    ``start``/``end`` span ``raw`` (currency prefix, "%" and ",-" included);
    ``num_start``/``num_end`` span the digits alone, for replacing in place.
    """

    raw: str
    start: int
    end: int
    value: float
    decimals: int
    unit: str | None = None
    kind: str = "value"
    malformed: bool = False
    candidates: list[tuple[float, int]] = field(default_factory=list)
    letter: str | None = None
    context_words: list[str] = field(default_factory=list)
    year_ref: int | None = None
    table_refs: list[TableRef] = field(default_factory=list)
    num_start: int = 0
    num_end: int = 0


def _candidates(core: str, unit: str | None) -> tuple[float, int, bool, list[tuple[float, int]]]:
    """Read a number; when its separators are off, list every plausible reading."""
    # ``core`` is digits with "." or "," between digit runs (``_NUM_RE``). Plain
    # digits, and digits with one decimal comma, read as parse_plain_number
    # reads them; rupiah with an odd number of decimals take the long way.
    if "." not in core:
        if "," not in core:
            return float(core), 0, False, []
        if core.count(",") == 1:
            intpart, frac = core.split(",")
            if unit != "Rp" or len(frac) == 2:
                return float(f"{intpart}.{frac}"), len(frac), False, []
    parsed = parse_plain_number(core)
    # "2.960.780,030": grouped thousands then a three-digit "fraction" is a
    # thousands group typed with a comma; rupiah never carry 1 or 3+ decimals.
    grouped_frac = _GROUPED_FRAC_RE.fullmatch(core) is not None
    odd_rupiah = unit == "Rp" and parsed is not None and parsed[1] not in (0, 2)
    if parsed is not None and not parsed[2] and not grouped_frac and not odd_rupiah:
        return parsed[0], parsed[1], False, []
    groups = _SEP_RE.split(core)
    readings: list[tuple[float, int]] = []
    if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
        readings.append((float("".join(groups)), 0))  # every separator groups thousands
    if len(groups) > 1:
        frac = groups[-1]
        readings.append((float("".join(groups[:-1]) + "." + frac), len(frac)))  # last one is decimal
    if parsed is not None and (parsed[0], parsed[1]) not in readings:
        readings.append((parsed[0], parsed[1]))
    if not readings:
        readings.append((float(_NON_DIGIT_RE.sub("", core)), 0))
    # Rupiah are whole amounts; percentages and scores carry decimals.
    readings.sort(key=lambda r: (r[1] != 0) if unit == "Rp" else (r[1] == 0))
    return readings[0][0], readings[0][1], True, readings


def _skip_kind(text: str, s: int, e: int, core: str, covered: list[tuple[int, int]], plain: bool = False) -> str | None:
    """Kind of a number that is not a claim (year, ordinal, reference-number), else None.

    ``plain``: ``lowered(text)`` is not None (see ``TailPattern.search``).
    """
    before = text[(s - 40 if s > 40 else 0) : s]
    after = text[e : e + 30]
    for a, b in covered:
        if a <= s < b:
            return "reference-number"  # inside "Tabel 3.16", "Gambar 3.6"
    if (s > 0 and (text[s - 1].isalpha() or text[s - 1] in "/_")) or (after[:1] == "/" and _SLASH_CODE_RE.match(after)):
        return "reference-number"  # codes: 239/IX/618/2003, XI/MPR/1999
    if after[:1] in _ASCII_LETTERS and not _UNIT_ABBR_RE.match(after):
        return "reference-number"  # glued to letters ("PP60", "3x") unless a unit
    tail = tail_of(before, plain)  # for the four end-anchored patterns' pre-tests, at one go
    if _REFERENCE_BEFORE_RE.search_tail(before, tail):  # legal, page, postal code, phone
        return "reference-number"
    if core.startswith("0") and len(_NON_DIGIT_RE.sub("", core)) >= 6:
        return "reference-number"  # phone numbers: 0812..., (0622) 123456
    if "(0" in before and _AREA_CODE_RE.search(before):
        return "reference-number"
    if after[:1].isspace() and _MONTH_AFTER_RE.match(after):
        return "reference-number"  # day of a date
    is_int = core.isdecimal()  # all digits (``\d`` is a decimal digit): no separator
    if is_int and _CAPITAL_AFTER_RE.match(after):
        return "reference-number"  # "5 S" (Senyum, Sapa, ...); A-D may be a predikat letter
    if is_int and len(core) == 4 and 1990 <= int(core) <= 2035:
        if _YEAR_WORD_REVERSED_RE.match(before[::-1]):
            return "year"  # "tahun 2024 Kecamatan ..." even when a count noun follows
        unitless = not (_PCT_AFTER_RE.match(after) or _UNIT_OR_COUNT_RE.match(after))
        if unitless and not _RP_BEFORE_RE.search_tail(before, tail):
            return "year"
    if is_int and _MONTH_BEFORE_RE.search_tail(before, tail):
        return "year"
    if is_int and _ORDINAL_WORD_RE.search_tail(before, tail):
        return "ordinal"
    if is_int and len(core) <= 2:
        line_start = _LINE_START_RE.search(text[(s - 4 if s > 4 else 0) : s]) is not None or s == 0
        if line_start and _ITEM_MARK_RE.match(after):
            return "ordinal"  # "1. Pada tahun 2023", "7) Membina"
        in_parens = s > 0 and text[s - 1] == "(" and after.startswith(")")
        if in_parens and (_COLNUM_BEFORE_RE.search(before) or _COLNUM_AFTER_RE.match(after)):
            return "ordinal"  # table column numbers "(1) (2) (3)"
    return None


def _year_by_word(text: str, s: int, core: str) -> bool:
    """Whether the four characters ``core`` at ``s`` are a year after a year word ("tahun 2024"): `_skip_kind`
    then gives "year"."""
    return (
        core.isdecimal()
        and 1990 <= int(core) <= 2035
        and _YEAR_WORD_REVERSED_RE.match(text[(s - 40 if s > 40 else 0) : s][::-1]) is not None
    )


def _letter_before(before: str) -> re.Match[str] | None:
    """``_LETTER_BEFORE_RE.search(before)``, searched only when the text can end as a match does.

    Only whitespace and "(" follow the predikat letter or its "angka"/"nilai"/"skor"/"mencapai".
    """
    if before.rstrip(_SPACES_PAREN).endswith(_LETTER_BEFORE_ENDS):
        return _LETTER_BEFORE_RE.search(before)
    return None


def _counts_things(text: str, pos: int, unit: str | None) -> bool:
    """Whether the figure at ``pos`` counts people or things (jiwa, Dusun, desa...)."""
    return unit == "jiwa" or (unit is not None and _COUNT_RE.match(text, pos) is not None)


def extract_table_refs(text: str, keywords: Keywords | None = None) -> list[TableRef]:
    """Every mention of a table, numbered or deictic ("tabel berikut"); ``keywords``: the text's, if at hand."""
    refs: list[TableRef] = []
    kw = Keywords(text, lowered(text)) if keywords is None else keywords
    for m in _TABLE_RE.matches(text, kw.starts(_TABLE_RE)):
        tid = _SPACE_RE.sub("", m.group(1)) if m.group(1) else None
        where = (m.group(2) or "").lower()
        if tid is None and not where:
            continue  # "tabel" as a plain noun
        position = None
        if where:
            position = "after" if where.startswith(("berikut", "di bawah")) else "before"
        refs.append(TableRef(m.group(0), m.start(), m.end(), tid, bool(where), position))
    return refs


def scan_paragraph(text: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """The numbers (``_NUM_RE``'s matches) and the sentence cuts (``sentences.CUT``'s) of a text, in one scan."""
    numbers: list[re.Match[str]] = []
    cuts: list[re.Match[str]] = []
    for m in (_NUM_OR_CUT_ASCII_RE if text.isascii() else _NUM_OR_CUT_RE).finditer(text):
        (cuts if m.start(1) < 0 else numbers).append(m)
    return numbers, cuts


def extract_claims(
    text: str,
    *,
    include_non_claims: bool = False,
    spans: list[tuple[int, int]] | None = None,
    table_refs: list[TableRef] | None = None,
    keywords: Keywords | None = None,
    numbers: list[re.Match[str]] | None = None,
    lean: bool = False,
) -> list[Claim]:
    """Every numeric claim in ``text``, in order of appearance.

    With ``include_non_claims`` the years, ordinals and reference numbers are
    returned too (kinds "year", "ordinal", "reference-number"). ``spans`` and
    ``table_refs`` are ``sentence_spans(text)`` and ``extract_table_refs(text)``
    when the caller has them already, ``keywords`` the text's ``Keywords``, ``numbers`` the first list of
    ``scan_paragraph(text)``. ``lean``: without what no check reads (``resolve.read_paragraph``): every claim's
    ``letter``, ``context_words`` and ``table_refs`` are left empty.
    """
    kw = Keywords(text, lowered(text)) if keywords is None else keywords
    spans = sentence_spans(text) if spans is None else spans
    trefs = extract_table_refs(text, kw) if table_refs is None else table_refs
    # Years, ordinals and reference numbers are read out only when asked for: nothing else looks at them.
    plain = kw.low is not None
    counted: list[bool] = []  # whether each claim of kind None counts people or things, in order
    claims = [
        _claim(text, s, e, core, skip, plain, counted, not lean)
        for s, e, core, skip in _scan_numbers(text, trefs, kw, include_non_claims, numbers)
    ]
    real = [c for c in claims if c.kind not in NON_CLAIM_KINDS] if include_non_claims else claims
    assign_kinds(text, spans, real, counted, kw, not lean)
    if trefs and not lean:
        _table_refs_of_claims(text, spans, trefs, claims)
    return claims


def read_claims(
    text: str, cuts: list[re.Match[str]], numbers: list[re.Match[str]], trefs: list[TableRef], kw: Keywords
) -> tuple[list[tuple[int, int]], list[Claim]]:
    """``extract_claims(text, lean=True)`` of ``scan_paragraph(text)``'s ``numbers`` and ``cuts`` (for
    ``resolve.read_paragraph``), with the sentence spans: split only when a claim needs them (else []; a quarter of
    the paragraphs have no claim)."""
    plain = kw.low is not None
    counted: list[bool] = []
    claims = [
        _claim(text, s, e, core, skip, plain, counted, False)
        for s, e, core, skip in _scan_numbers(text, trefs, kw, False, numbers)
    ]
    if not claims:
        return [], claims
    spans = sentence_spans(text, cuts)
    assign_kinds(text, spans, claims, counted, kw, False)
    return spans, claims


def _scan_numbers(
    text: str,
    trefs: list[TableRef],
    kw: Keywords,
    keep_skipped: bool = True,
    numbers: list[re.Match[str]] | None = None,
) -> list[tuple[int, int, str, str | None]]:
    """Each number of the text (start, end, digits) with the kind it has by its form alone (year, ordinal, ...) or
    None; only those of kind None unless ``keep_skipped``; ``numbers``: the text's numbers, if at hand
    (``scan_paragraph``)."""
    covered = [(r.start, r.end) for r in trefs]
    covered += [(m.start(), m.end()) for m in _FIGURE_RE.matches(text, kw.starts(_FIGURE_RE))]
    # The year ranges ("2019-2023") are sought when a number that can start inside one is first read: one whose digits
    # start as a year does (a tenth of the paragraphs); inside a range, a number is what `_skip_kind` skips.
    ranges = False
    raw_items: list[tuple[int, int, str, str | None]] = []
    plain = kw.low is not None
    if numbers is None:
        numbers = list((_NUM_ASCII_RE if text.isascii() else _NUM_RE).finditer(text))
    for m in numbers:
        s, e = m.start(), m.end()
        if s > 0 and (text[s - 1].isdigit() or (text[s - 1] in ".," and s > 1 and text[s - 2].isdigit())):
            continue
        core = m.group()
        if not keep_skipped and len(core) == 4 and _year_by_word(text, s, core):
            continue  # a year by the word before it: skipped whatever else `_skip_kind` would find
        if not ranges and core.startswith(_YEAR_STARTS):
            ranges = True
            covered += [(m.start(), m.end()) for m in _YEAR_RANGE_RE.matches(text, kw.starts(_YEAR_RANGE_RE))]
        skip = _skip_kind(text, s, e, core, covered, plain)
        if skip is None or keep_skipped:
            raw_items.append((s, e, core, skip))
    return raw_items


def _claim(
    text: str, s: int, e: int, core: str, kind: str | None, plain: bool, counted: list[bool], letters: bool
) -> Claim:
    """The number ``core`` at ``s``..``e`` as a claim: its span with sign, currency, unit, value candidates and (with
    ``letters``) predikat letter; of kind ``kind`` if it is no claim (a year...), else of a kind ``assign_kinds``
    sets, whether it counts things appended to ``counted``."""
    start, end = s, e
    unit: str | None = None
    if kind is None:
        if s > 0 and text[s - 1] in "-−" and (s == 1 or text[s - 2] in " \t\n("):
            start = s - 1  # "-10,29"
        m_rp = _RP_BEFORE_RE.search(text[(start - 12 if start > 12 else 0) : start], plain)
        if m_rp:
            unit = "Rp"
            start = (start - 12 if start > 12 else 0) + m_rp.start()
    # (What follows is read in the next 80 characters, as from a slice of them, without the slice.)
    tail = _RP_TAIL_RE.match(text, e, e + 80)
    if tail:
        end = tail.end()
    m_pct = _PCT_RE.match(text, end, end + 80)
    if m_pct:
        unit = "%"
        end = m_pct.end()
    spelled = _SPELLED_RE.match(text, end) if kind is None else None
    unit_from = spelled.end() if spelled else end
    count_noun: bool | None = None  # whether a count noun follows, when already matched
    if unit is None:
        m_uc = _UNIT_OR_COUNT_RE.match(text, unit_from)
        word, noun = (None, None) if m_uc is None else m_uc.groups()
        count_noun = noun is not None
        if word is not None:
            w = word.lower()
            unit = {"ha": "Ha", "hektar": "Ha", "persen": "%"}.get(w, w)
        elif noun is not None:
            unit = _SPACE_RE.sub(" ", noun)
    value, decimals, malformed, cands = _candidates(core, unit)
    if start < s and text[start] in "-−":
        value = -value
        cands = [(-v, d) for v, d in cands]
    letter = None
    if kind is None:
        # Counted things default to "count"; a jumlah/selisih/rata-rata keyword may still override.
        if spelled is not None:
            counted.append(True)
        elif count_noun is None:
            counted.append(_counts_things(text, unit_from, unit))
        else:  # as `_counts_things` reads the same match
            counted.append(unit == "jiwa" or (unit is not None and count_noun))
        if letters:
            letter = _letter(text, start, end)
    raw, kind = text[start:end], kind or "value"  # the kind of a claim is set by `assign_kinds`
    return Claim(raw, start, end, value, decimals, unit, kind, malformed, cands, letter, [], None, [], s, e)


def _letter(text: str, start: int, end: int) -> str | None:
    """The predikat letter before ("BB (71,00)") or after ("71,00 (BB)") the claim at ``start``..``end``."""
    lb = _letter_before(text[(start - 30 if start > 30 else 0) : start])
    if lb:
        return lb.group(1)
    if text[end : end + 1].strip() == "" or text[end] == ")":
        la = _LETTER_AFTER_RE.match(text, end)
        if la:
            return la.group(1)
    return None


def _table_refs_of_claims(text: str, spans: list[tuple[int, int]], trefs: list[TableRef], claims: list[Claim]) -> None:
    """Each claim's table mentions: those of its sentence, else the last one before it in its paragraph."""
    for c in claims:
        sa, sb = sentence_of(spans, c.num_start)
        in_sentence = [r for r in trefs if sa <= r.start < sb]
        if not in_sentence:
            para_start = text.rfind("\n\n", 0, c.start) + 1
            earlier = [r for r in trefs if para_start <= r.start < c.start]
            in_sentence = earlier[-1:]
        c.table_refs = in_sentence


__all__ = [
    "NON_CLAIM_KINDS",
    "Claim",
    "TableRef",
    "extract_claims",
    "extract_table_refs",
    "read_claims",
    "scan_paragraph",
]
