"""Sentences of LKjIP prose, and a cheap keyword pre-test before case-insensitive scans."""

from __future__ import annotations

import re
from itertools import pairwise

_CUT_RE = re.compile(r"\n[ \t]*\n|[.!?;:](?=\s+)")
_NEXT_TOKEN_RE = re.compile(r"\s+(\S+)")
_LIST_ITEM_RE = re.compile(r"^(?:[a-z]|\d{1,2})[.)]$")
_LAST_WORD_RE = re.compile(r"(\w+)$")
_LIST_MARK_RE = re.compile(r"(?:^|\s)(?:[a-z]|\d{1,2})$")


# Characters that a case-insensitive regex matches to an ASCII letter although
# str.lower() does not turn them into it (or changes the text's length).
_ODD_CASE_RE = re.compile("[\u0130\u0131\u017f\u212a]")


def lowered(text: str) -> str | None:
    """``text.lower()`` when a keyword search in it is exact, else None.

    A case-insensitive pattern that needs a literal keyword can only match
    where ``text.lower()`` contains that keyword, as long as the text holds
    none of the few characters that fold to ASCII letters only in the regex
    engine (dotted/dotless i, long s, Kelvin sign). The scans of many
    patterns over the whole paragraph are then skipped outright.
    """
    return None if _ODD_CASE_RE.search(text) else text.lower()


def may_match(low: str | None, keywords: tuple[str, ...]) -> bool:
    if low is None:
        return True
    for k in keywords:
        if k in low:
            return True
    return False


_ABBREV = frozenset(
    [
        "rp",
        "no",
        "kec",
        "kab",
        "jln",
        "jl",
        "hal",
        "tabel",
        "tbl",
        "gambar",
        "dll",
        "dsb",
        "dst",
        "prov",
        "ds",
        "kel",
        "dr",
        "drs",
        "ir",
        "th",
        "ta",
        "nip",
        "ttd",
        "sdr",
        "bpk",
    ]
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split into sentences; "." in "Rp." or "Tabel." and decimal commas do not end one."""
    cuts = [0]
    for m in _CUT_RE.finditer(text):
        i = m.start()
        if m.group().startswith("\n"):
            cuts.append(m.end())
            continue
        after = text[m.end() :]
        nxt = _NEXT_TOKEN_RE.match(after)
        if not nxt:
            continue
        token = nxt.group(1)
        list_item = _LIST_ITEM_RE.match(token) is not None
        if text[i] in ".!?;":
            word = _LAST_WORD_RE.search(text[max(0, i - 40) : i])
            if text[i] == "." and word and word.group(1).lower() in _ABBREV:
                continue
            if text[i] == "." and _LIST_MARK_RE.search(text[max(0, i - 4) : i]) and i - 2 < cuts[-1] + 3:
                continue  # the "1." / "b." of a list item itself
            if token[0].isupper() or token[0].isdigit() or token[0] in "(\"“'" or list_item or text[i] == ";":
                cuts.append(i + 1)
        elif list_item:  # "sebagai berikut: 1. ..."
            cuts.append(i + 1)
    cuts.append(len(text))
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in spans:
        if a <= pos < b:
            return a, b
    return spans[-1] if spans else (0, 0)


# Every character ``\s`` matches in a str pattern (str.isspace; none lies above U+3000).
SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


class TailPattern:
    """A case-insensitive pattern anchored at the end of the text ("nomor :", "Rp."), searched only when it can match.

    Every match ends with one of ``words`` followed by whitespace and ``tail`` characters alone, so
    the text less its trailing whitespace and ``tail`` characters must end with one of them (in
    lowercase, barring the few characters ``lowered`` rules out). The regex engine tries every
    start position of an end-anchored search; this test is one string operation.
    """

    __slots__ = ("rx", "strip", "words")

    def __init__(self, rx: re.Pattern[str], words: tuple[str, ...], tail: str = "") -> None:
        self.rx, self.words, self.strip = rx, words, SPACES + tail

    def search(self, text: str) -> re.Match[str] | None:
        t = text.rstrip(self.strip)
        if t.lower().endswith(self.words) or _ODD_CASE_RE.search(text):
            return self.rx.search(text)
        return None
