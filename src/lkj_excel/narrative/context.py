"""The second pass over a paragraph's claims: the words before each, the year it is compared with, its kind.

A claim's kind (sum, difference, average, ratio, share, count, value) comes from the nearest keyword
before it in its clause and from what follows it; both need the neighbouring claims, hence a pass of
its own after every number was read (``extract.extract_claims``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from .sentences import KeywordPattern, Keywords, sentence_of

if TYPE_CHECKING:
    from .extract import Claim

# Words after which the reader starts a new clause: a kind keyword before them
# no longer describes the figure ("terjadi penurunan dimana target ... 85,00").
_BREAK_RE = re.compile(
    r"\b(?:dimana|di\s+mana|namun|sehingga|sementara|akan\s+tetapi|tetapi|sedangkan|karena|bahkan|atau)\b",
    re.IGNORECASE,
)
# Keywords that set a claim's kind; the nearest one before the figure wins.
_KIND_RE: list[tuple[str, re.Pattern[str]]] = [
    ("average", re.compile(r"\b(?:rata-rata|rata\s+rata|rerata|dirata-ratakan|dirata-rata)\b", re.IGNORECASE)),
    (
        "difference",
        re.compile(
            r"\b(?:selisih|penurunan|peningkatan|kenaikan|(?:lebih\s+)?unggul|naik|turun|meningkat|menurun|"
            r"bertambah|berkurang|lebih\s+(?:tinggi|rendah|besar|kecil)|sisa|bersisa|tersisa)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "ratio",
        re.compile(
            r"\b(?:persentase|prosentase|prosentasi\w*|diprosentas\w*|dipersentas\w*)\b"
            r"|(?<!target\s)\bcapaian\b(?!\s+(?:realisasi|nilai))",
            re.IGNORECASE,
        ),
    ),
    ("sum", re.compile(r"\b(?:jumlah|total|akumulasi)\b", re.IGNORECASE)),
    ("share", re.compile(r"\b(?:porsi|proporsi)\b", re.IGNORECASE)),
]
# The same, each tried only where one of the words its matches start with begins (``sentences.KeywordPattern``):
# the paragraph's starts are found once, a claim's context is read at those in it (no scan of each context).
_KIND_STARTS: list[tuple[tuple[str, ...], dict[str, tuple[str, ...]] | None]] = [
    (("rata", "rerata", "dirata"), None),
    (
        tuple("selisih penurunan peningkatan kenaikan lebih unggul naik turun meningkat menurun".split())
        + tuple("bertambah berkurang sisa bersisa tersisa".split()),
        {"lebih": tuple("unggul tinggi rendah besar kecil".split())},
    ),
    (("persentase", "prosentas", "diprosentas", "dipersentas", "capaian"), None),
    (("jumlah", "total", "akumulasi"), None),
    (("porsi", "proporsi"), None),
]
# The five in one pattern, a group per kind (``m.lastgroup``), tried once at each start word of any: no two kinds
# match at one position (their first words differ) and no match of one kind starts inside a match of another
# (the words inside a match, "rata" of "rata-rata", "unggul" of "lebih unggul", start no other kind's), so its
# matches are the five patterns' own. The start words that begin a whole word of each match are sought by word
# (the others may begin a longer word: "prosentasi\\w*").
_KIND_PREFIXES = ("prosentas", "diprosentas", "dipersentas")
_KINDS_KP = KeywordPattern(
    re.compile("|".join(f"(?P<{kind}>{rx.pattern})" for kind, rx in _KIND_RE), re.IGNORECASE),
    tuple(w for starts, _ in _KIND_STARTS for w in starts),
    needs={w: n for _, needs in _KIND_STARTS for w, n in (needs or {}).items()},
    words={w: (w,) for starts, _ in _KIND_STARTS for w in starts if w not in _KIND_PREFIXES},
)
# "... dari target sebesar 60%": the target's own figure follows ("capaian 97% dari target" has none);
# the text after a claim stops where the next claim starts, hence the end anchor.
_AGAINST_TARGET_RE = re.compile(
    r"^\s*(?:dari|terhadap)\s+target\s+(?:yang\s+ditetapkan\s+)?(?:sebesar\s*|yaitu\s*|:\s*)?(?:[-−]?\d|$)",
    re.IGNORECASE,
)
_SHARE_AFTER_RE = re.compile(r"^\s*(?:dari\s+(?:total|luas|jumlah|keseluruhan|seluruh))", re.IGNORECASE)
_YEAR_REF_RE = re.compile(
    r"(?:banding\w*|dari|terhadap)\s+(?:dengan\s+)?(?:tahun\w*\s+|TA\s+)?((?:19|20)\d{2})\b", re.IGNORECASE
)
_YEAR_REF_KP = KeywordPattern(_YEAR_REF_RE, ("banding", "dari", "terhadap"))
# "di" of "dimana"/"di mana" is sought only where "mana" is in the text ("di" starts many words), "akan" of
# "akan tetapi" only with "tetapi".
_BREAK_KP = KeywordPattern(
    _BREAK_RE,
    tuple("di namun sehingga sementara akan tetapi sedangkan karena bahkan atau".split()),
    needs={"di": ("mana",), "akan": ("tetapi",)},
    words={"di": ("di", "dimana")}
    | {w: (w,) for w in "namun sehingga sementara akan tetapi sedangkan karena bahkan atau".split()},
)
# The patterns `assign_kinds` asks ``Keywords`` for (``directions`` groups them with its own).
CONTEXT_PATTERNS = (_BREAK_KP, _YEAR_REF_KP, _KINDS_KP)
_NEW_VALUE_RE = re.compile(r"\b(?:menjadi|ke\s+angka|hingga)\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[\w][\w/\-]*")


def _in(starts: list[int] | None, a: int, b: int) -> bool:
    """Whether a keyword pattern can match in ``text[a:b]``: always without the paragraph's starts (None)."""
    if starts is None:
        return True
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


# The word characters of ASCII text (``\w``).
_ASCII_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


def _splits_word(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` cuts a word of ASCII text at either end. In the slice, a start word may then begin (or
    end) a whole word of the slice that is part of a longer word of the text, where ``Keywords`` (which seeks some
    start words among the text's words) did not look for it: the paragraph's starts do not serve such a slice."""
    n = len(text)
    return (0 < a < n and text[a - 1] in _ASCII_WORD and text[a] in _ASCII_WORD) or (
        0 < b < n and text[b - 1] in _ASCII_WORD and text[b] in _ASCII_WORD
    )


def _nearest_kind(text: str, cs: int, ce: int, starts: list[int] | None) -> tuple[str | None, int]:
    """Nearest kind keyword in the context ``text[cs:ce]`` and where it ends in the context (-1 when none);
    ``starts``: the paragraph's ``_KINDS_KP`` starts (``Keywords.starts``; None: the context is scanned)."""
    if not _in(starts, cs, ce):
        return None, -1
    found = _KINDS_KP.matches(text[cs:ce], starts, offset=cs)
    # In order and apart: the last one ends last.
    return (found[-1].lastgroup, found[-1].end()) if found else (None, -1)


def _first(kp: KeywordPattern, text: str, a: int, b: int, starts: list[int] | None) -> re.Match[str] | None:
    """``kp.rx.search(text[a:b])``, read at the paragraph's ``starts`` only."""
    if not _in(starts, a, b):
        return None
    found = kp.matches(text[a:b], starts, offset=a, first=True)
    return found[0] if found else None


def assign_kinds(
    text: str, spans: list[tuple[int, int]], real: list[Claim], counted: list[bool], kw: Keywords, words: bool = True
) -> None:
    """Year references, kinds and (with ``words``) context words of ``real`` (a paragraph's claims less its years,
    ordinals and reference numbers, in order; ``counted``: whether each counts people or things); they need the
    neighbouring claims, hence a second pass."""
    if not real:
        return
    # Where each keyword pattern may start in the paragraph, sought once; a context is read at those in it only.
    breaks, years = kw.starts(_BREAK_KP), kw.starts(_YEAR_REF_KP)
    kinds = kw.starts(_KINDS_KP)
    # The contexts' words, at one go: a non-ASCII character ("?", when every word character is ASCII) is a space.
    runs = text.encode("ascii", "replace").translate(_RUNS) if kw.ascii else None
    if runs is not None and not words and breaks is not None and years is not None and kinds is not None:
        _assign_lean(text, spans, real, counted, breaks, years, kinds, runs)
        return
    last = len(real) - 1
    for i, c in enumerate(real):
        sa, sb = sentence_of(spans, c.num_start)
        prev = real[i - 1] if i > 0 and real[i - 1].end > sa else None
        prev_end = sa if prev is None else prev.end
        next_start = real[i + 1].start if i < last and real[i + 1].start < sb else sb
        cs, ce = prev_end, c.start
        # A context that cuts a word (never seen: a claim starts and ends next to no letter) is scanned.
        scan = _splits_word(text, cs, ce)
        # (A pattern none of whose start words the paragraph holds, ``[]``, is not looked for in the context.)
        if scan or breaks is None or breaks:
            cs += _after_last_break(text, cs, ce, None if scan else breaks)
        if words:
            cs, c.context_words = _last_words(text, cs, ce) if runs is None else _last_words_ascii(text, runs, cs, ce)
        else:
            cs = _last_words(text, cs, ce)[0] if runs is None else _tenth_last_ascii(text, runs, cs, ce)
        ym = None
        if years is None or years:
            ym = _first(_YEAR_REF_KP, text, c.end, next_start, years)
            if ym is None and prev is None:
                ym = _first(_YEAR_REF_KP, text, cs, ce, years)
        c.year_ref = int(ym.group(1)) if ym else None
        nearest = _nearest_kind(text, cs, ce, None if scan else kinds) if scan or kinds is None or kinds else _NO_KIND
        c.kind = _kind_of(c, counted[i], prev, text, cs, ce, nearest, next_start)


def _assign_lean(
    text: str,
    spans: list[tuple[int, int]],
    real: list[Claim],
    counted: list[bool],
    breaks: list[int],
    years: list[int],
    kinds: list[int],
    runs: bytes,
) -> None:
    """``assign_kinds`` without context words, of an ASCII text (the paragraph's reading): the same steps in one loop,
    each claim's sentence found by a moving index (claims are in order, the sentences contiguous), each keyword
    pattern read only where the paragraph's starts fall in the window."""
    n = len(text)
    nspans = len(spans)
    si = 0
    last = len(real) - 1
    nb, ny, nk = len(breaks), len(years), len(kinds)
    word = _ASCII_WORD
    for i, c in enumerate(real):
        pos = c.num_start
        while si < nspans and spans[si][1] <= pos:
            si += 1
        sa, sb = spans[si] if si < nspans else sentence_of(spans, pos)
        if pos < sa:
            sa, sb = sentence_of(spans, pos)
        prev = real[i - 1] if i > 0 and real[i - 1].end > sa else None
        cs = sa if prev is None else prev.end
        ce = c.start
        next_start = sb
        if i < last and real[i + 1].start < sb:
            next_start = real[i + 1].start
        scan = (0 < cs < n and text[cs - 1] in word and text[cs] in word) or (
            0 < ce < n and text[ce - 1] in word and text[ce] in word
        )
        if scan:
            cs += _after_last_break(text, cs, ce, None)
        elif nb:
            j = bisect_left(breaks, cs)
            if j < nb and breaks[j] < ce:
                found = _BREAK_KP.matches(text[cs:ce], breaks, offset=cs)
                if found:
                    cs += found[-1].end()
        if runs.count(b" ", cs, ce) >= 10:
            cs = _tenth_last_ascii(text, runs, cs, ce)
        year_ref = None
        if ny:
            a = c.end
            j = bisect_left(years, a)
            ym = None
            if j < ny and years[j] < next_start:
                got = _YEAR_REF_KP.matches(text[a:next_start], years, offset=a, first=True)
                ym = got[0] if got else None
            if ym is None and prev is None:
                j = bisect_left(years, cs)
                if j < ny and years[j] < ce:
                    got = _YEAR_REF_KP.matches(text[cs:ce], years, offset=cs, first=True)
                    ym = got[0] if got else None
            if ym is not None:
                year_ref = int(ym.group(1))
        c.year_ref = year_ref
        if scan:
            nearest = _nearest_kind(text, cs, ce, None)
        elif nk:
            nearest = _NO_KIND
            j = bisect_left(kinds, cs)
            if j < nk and kinds[j] < ce:
                found = _KINDS_KP.matches(text[cs:ce], kinds, offset=cs)
                if found:
                    nearest = (found[-1].lastgroup, found[-1].end())
        else:
            nearest = _NO_KIND
        c.kind = _kind_of(c, counted[i], prev, text, cs, ce, nearest, next_start)


def _after_last_break(text: str, cs: int, ce: int, starts: list[int] | None) -> int:
    """Where the last clause of the context ``text[cs:ce]`` starts, from ``cs`` (0: no break word in it); ``starts``:
    the paragraph's ``_BREAK_KP`` starts (None: the context is scanned)."""
    if starts is None:
        found = list(_BREAK_RE.finditer(text[cs:ce]))
    elif _in(starts, cs, ce):
        found = _BREAK_KP.matches(text[cs:ce], starts, offset=cs)
    else:
        return 0
    return found[-1].end() if found else 0


# The context's words read backwards in one match (``_last_words``). A word (``_WORD_RE``) is what follows the
# first word character of a run of "[\w/-]" characters, to the run's end; reversed, it is such a run less its
# trailing "/" and "-", never shortened (the atomic group: else a failed look-ahead would split a word). What
# lies between two words is characters outside any run, each after a run of "/" and "-" alone (possessive: the
# separator cannot give back what it took).
_BACK_SEP = r"(?:[/\-]*+[^\w/\-])*+"
_BACK_WORD = _BACK_SEP + r"((?>[\w/\-]*\w))"
_BACK_LAST = _BACK_SEP + r"(?>[\w/\-]*\w)"
_LAST_WORDS_REVERSED_RE = re.compile(
    "(?:" + "(?:".join([_BACK_WORD] * 6) + rf"(?:(?P<ten>(?:{_BACK_LAST}){{4}})(?=\W*\w))?" + ")?" * 6
)


def _last_words(text: str, cs: int, ce: int) -> tuple[int, list[str]]:
    """Where the last ten words of the context ``text[cs:ce]`` start (``cs`` when it has no more), and its last
    six words in lowercase.

    One match over the reversed context rather than every word of it found forwards (``_WORD_RE``, two
    thousand instructions a word); ``_last_words_forwards`` is the plain reading.
    """
    m = _LAST_WORDS_REVERSED_RE.match(text[cs:ce][::-1])
    assert m is not None  # the pattern matches every string
    groups = m.groups()
    start = cs if groups[6] is None else ce - m.end("ten")
    return start, [g[::-1].lower() for g in groups[5::-1] if g is not None]


# ASCII text with every character that is neither a word character nor "/" or "-" made a space: its runs of
# non-spaces are the runs of "[\w/-]" (``\w`` in ASCII: letters, digits and "_").
_RUNS = bytes(c if chr(c).isalnum() or chr(c) in "_/-" else 32 for c in range(128)) + b" " * 128


def _last_words_ascii(text: str, runs: bytes, cs: int, ce: int) -> tuple[int, list[str]]:
    """``_last_words`` of an ASCII text, read from its ``_RUNS`` translation in a few operations on bytes.

    A word is a run less its leading "/" and "-": when no run starts with one of them, the words are the runs
    (else the words are read by ``_last_words``).
    """
    seg = runs[cs:ce]
    if b" -" in seg or b" /" in seg or seg.startswith((b"-", b"/")):
        return _last_words(text, cs, ce)
    found = seg.split()
    n = len(found)
    # The tenth last run starts where what follows the first n - 10 runs begins.
    start = cs if n <= 10 else cs + len(seg) - len(seg.split(None, n - 10)[-1])
    return start, b" ".join(found[-6:]).lower().decode().split()


def _tenth_last_ascii(text: str, runs: bytes, cs: int, ce: int) -> int:
    """The first item of ``_last_words_ascii``: where the last ten words of the context start."""
    if runs.count(b" ", cs, ce) < 10:
        return cs  # fewer than ten gaps between its runs: ten words at most (most contexts), counted without a copy
    seg = runs[cs:ce]
    if b" -" in seg or b" /" in seg or seg.startswith((b"-", b"/")):
        return _last_words(text, cs, ce)[0]
    n = len(seg.split())
    return cs if n <= 10 else cs + len(seg) - len(seg.split(None, n - 10)[-1])


def _last_words_forwards(text: str, cs: int, ce: int) -> tuple[int, list[str]]:
    """``_last_words`` read forwards: the reference its tests compare with."""
    found = list(_WORD_RE.finditer(text, cs, ce))
    start = found[-10].start() if len(found) > 10 else cs
    return start, [m.group().lower() for m in found[-6:]]


_NO_KIND: tuple[str | None, int] = (None, -1)


def _kind_of(
    c: Claim, counted: bool, prev: Claim | None, text: str, cs: int, ce: int, nearest: tuple[str | None, int], na: int
) -> str:
    """The kind of the claim ``c`` from its nearest kind keyword in its context ``text[cs:ce]``, what follows it (to
    ``na``) and the claim before it in its sentence (``prev``)."""
    kind, kpos = nearest
    if kind == "difference" and _NEW_VALUE_RE.search(text[cs + kpos : ce]):
        kind = None  # "naik menjadi 80,50": the new level, not the change
    if counted and kind in (None, "ratio"):
        kind = "count"
    after = text[c.end : na] if kind in (None, "ratio") and c.unit == "%" else ""
    if after and _SHARE_AFTER_RE.match(after):
        kind = "share"  # "diprosentasikan hampir 19,51% dari luas keseluruhan"
    if after and kind in (None, "ratio") and _AGAINST_TARGET_RE.match(after):
        kind = "value"  # "sebesar 58,3% dari target sebesar 60%": a realisasi against its target, not a capaian
    if kind is None and c.unit == "poin":
        kind = "difference"
    if kind is None and c.year_ref is not None and prev is not None and prev.year_ref is not None:
        kind = prev.kind  # "... 5,15 ... tahun 2023, sebesar 14,75 ... tahun 2022"
    if kind is None:
        kind = "ratio" if c.unit == "%" else "value"
    return kind


__all__ = ["CONTEXT_PATTERNS", "assign_kinds"]
