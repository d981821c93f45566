"""The second pass over a paragraph's claims: the words before each, the year it is compared with, its kind.

A claim's kind (sum, difference, average, ratio, share, count, value) comes from the nearest keyword
before it in its clause and from what follows it; both need the neighbouring claims, hence a pass of
its own after every number was read (``extract.extract_claims``).
"""

from __future__ import annotations

import re

from .sentences import KeywordPattern, Keywords, may_match, sentence_of

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
# A lowercase word that every match of each kind pattern contains.
_KIND_KEYWORDS: dict[str, tuple[str, ...]] = {
    "average": ("rata",),
    "difference": ("selisih", "nurun", "ningkat", "naik", "unggul", "turun", "bertambah", "berkurang", "lebih", "sisa"),
    "ratio": ("sentas", "capaian"),
    "sum": ("jumlah", "total", "akumulasi"),
    "share": ("porsi",),
}
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
# A lowercase word that every match of the break and the year-reference pattern contains.
_BREAK_KEYWORDS = ("mana", "namun", "sehingga", "sementara", "tetapi", "sedangkan", "karena", "bahkan", "atau")
_YEAR_REF_KEYWORDS = ("banding", "dari", "terhadap")
# "di" of "dimana"/"di mana" is sought only where "mana" is in the text ("di" starts many words), "akan" of
# "akan tetapi" only with "tetapi".
_BREAK_KP = KeywordPattern(
    _BREAK_RE,
    tuple("di namun sehingga sementara akan tetapi sedangkan karena bahkan atau".split()),
    needs={"di": ("mana",), "akan": ("tetapi",)},
)
_NEW_VALUE_RE = re.compile(r"\b(?:menjadi|ke\s+angka|hingga)\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[\w][\w/\-]*")


def _kind_from_context(
    ctx: str, low: str | None, kinds: list[tuple[str, re.Pattern[str]]] = _KIND_RE
) -> tuple[str | None, int]:
    """Nearest kind keyword in ``ctx`` and where it ends (-1 when none); ``low``: ``lowered(ctx)``; ``kinds``: the
    patterns of `_KIND_RE` that can match (those whose keywords the paragraph holds)."""
    best: tuple[str | None, int] = (None, -1)
    for kind, rx in kinds:
        if not may_match(low, _KIND_KEYWORDS[kind]):
            continue
        for m in rx.finditer(ctx):
            if m.end() > best[1]:
                best = (kind, m.end())
    return best


def assign_kinds(text: str, spans: list[tuple[int, int]], real: list[dict], kw: Keywords) -> None:
    """Context words, year references and kinds of ``real`` (a paragraph's claims less its years, ordinals and
    reference numbers, in order); they need the neighbouring claims, hence a second pass."""
    # Slices of the lowered paragraph are the lowered slices (``lowered`` keeps lengths): keyword pre-tests.
    low = kw.low
    breaks = kw.starts(_BREAK_KP) if real else None  # where a break word may start, sought once per paragraph
    # A kind whose keywords the paragraph lacks has none in any part of it.
    kinds = [(kind, rx) for kind, rx in _KIND_RE if may_match(low, _KIND_KEYWORDS[kind])] if real else []
    for i, c in enumerate(real):
        sa, sb = sentence_of(spans, c["num_start"])
        prev_end = real[i - 1]["end"] if i > 0 and real[i - 1]["end"] > sa else sa
        next_start = real[i + 1]["start"] if i + 1 < len(real) and real[i + 1]["start"] < sb else sb
        cs, ce = prev_end, c["start"]
        cs += _after_last_break(text[cs:ce], low and low[cs:ce], breaks, cs)
        cs, c["context_words"] = _last_words(text, cs, ce)
        ctx = text[cs:ce]
        after = text[c["end"] : next_start]
        ym = _YEAR_REF_RE.search(after) if may_match(low and low[c["end"] : next_start], _YEAR_REF_KEYWORDS) else None
        if ym is None and prev_end == sa and may_match(low and low[cs:ce], _YEAR_REF_KEYWORDS):
            ym = _YEAR_REF_RE.search(ctx)
        c["year_ref"] = int(ym.group(1)) if ym else None
        c["sentence"] = (sa, sb)
        c["prev_in_sentence"] = real[i - 1] if prev_end != sa else None
        if c["kind"] is None:
            c["kind"] = _kind_of(c, ctx, _kind_from_context(ctx, low and low[cs:ce], kinds), after)


def _after_last_break(ctx: str, low: str | None, starts: list[int] | None, offset: int) -> int:
    """Where the context's last clause starts (0: no break word in it); ``low``: ``lowered(ctx)``; ``starts``:
    the paragraph's ``_BREAK_KP`` starts, of which ``ctx`` is the slice from ``offset`` on."""
    if low is None or starts is None:
        found = list(_BREAK_RE.finditer(ctx))
    elif may_match(low, _BREAK_KEYWORDS):
        found = _BREAK_KP.matches(ctx, starts, offset=offset)
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


def _last_words_forwards(text: str, cs: int, ce: int) -> tuple[int, list[str]]:
    """``_last_words`` read forwards: the reference its tests compare with."""
    found = list(_WORD_RE.finditer(text, cs, ce))
    start = found[-10].start() if len(found) > 10 else cs
    return start, [m.group().lower() for m in found[-6:]]


def _kind_of(c: dict, ctx: str, nearest: tuple[str | None, int], after: str) -> str:
    kind, kpos = nearest
    if kind == "difference" and _NEW_VALUE_RE.search(ctx[kpos:]):
        kind = None  # "naik menjadi 80,50": the new level, not the change
    if c["counted"] and kind in (None, "ratio"):
        kind = "count"
    if kind in (None, "ratio") and c["unit"] == "%" and _SHARE_AFTER_RE.match(after):
        kind = "share"  # "diprosentasikan hampir 19,51% dari luas keseluruhan"
    if kind in (None, "ratio") and c["unit"] == "%" and _AGAINST_TARGET_RE.match(after):
        kind = "value"  # "sebesar 58,3% dari target sebesar 60%": a realisasi against its target, not a capaian
    if kind is None and c["unit"] == "poin":
        kind = "difference"
    prev = c["prev_in_sentence"]
    if kind is None and c["year_ref"] is not None and prev and prev.get("year_ref") is not None:
        kind = prev["kind"]  # "... 5,15 ... tahun 2023, sebesar 14,75 ... tahun 2022"
    if kind is None:
        kind = "ratio" if c["unit"] == "%" else "value"
    return kind


__all__ = ["assign_kinds"]
