"""Sentences of LKjIP prose, and a cheap keyword pre-test before case-insensitive scans."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import chain, compress, pairwise

# A blank line, or one of ".!?;:" before whitespace; written to start with one character class, which the regex
# engine looks for before trying a match (as "\n[ \t]*\n|[.!?;:](?=\s+)", ~2x cheaper).
# What follows the cut's first character, by that character (``extract.scan_paragraph`` reuses it).
CUT_AFTER = r"(?<=\n)[ \t]*\n|(?<=[.!?;:])(?=\s)"
_CUT_RE = re.compile(rf"[\n.!?;:](?:{CUT_AFTER})")
_NEXT_TOKEN_RE = re.compile(r"\s+(\S+)")
_LIST_ITEM_RE = re.compile(r"^(?:[a-z]|\d{1,2})[.)]$")
# "(\w+)$" on the reversed text: "$" matches before a final newline too.
_LAST_WORD_REVERSED_RE = re.compile(r"\n?(\w+)")
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
    if text.isascii():  # none of them (the usual case; the test reads a flag of the string)
        return text.lower()
    return None if _ODD_CASE_RE.search(text) else text.lower()


# A word character (``\w``) outside ASCII: letters with accents, other scripts' digits.
_NON_ASCII_WORD_RE = re.compile(r"[^\W\x00-\x7f]")


def ascii_words(text: str) -> bool:
    """Whether every word character (``\\w``) of ``text`` is ASCII: its words, digits and word boundaries are then
    those of the text with every non-ASCII character made a space (one in nine paragraphs holds curly quotes "“”",
    and no other non-ASCII character), and the ASCII readings of words (``Keywords``'s, ``context``'s) serve."""
    return text.isascii() or _NON_ASCII_WORD_RE.search(text) is None


def ascii_twin(text: str) -> str:
    """``text`` with its curly double quotes made ASCII ("“" -> '"', "”" -> "`") when no other non-ASCII character
    remains, else ``text``: a paragraph's reading of the one is that of the other (positions and every string it
    takes from the text alike), at the cost of ASCII text (one paragraph in nine holds such quotes).

    Exact: both are neither word characters, digits, spaces nor cased, and no pattern or test of the reading names
    '"' or "`"; only ``sentence_spans`` names "“" ('"' too: a cut before either). No claim, table mention or
    direction phrase takes in a quote.
    """
    if text.isascii():
        return text
    twin = text.replace("“", '"').replace("”", "`")
    return twin if twin.isascii() else text


def may_match(low: str | None, keywords: tuple[str, ...]) -> bool:
    return low is None or any(map(low.__contains__, keywords))


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


def sentence_spans(text: str, found: Iterable[re.Match[str]] | None = None) -> list[tuple[int, int]]:
    """Split into sentences; "." in "Rp." or "Tabel." and decimal commas do not end one.

    ``found``: the matches of ``_CUT_RE`` in the text, when the caller has them (``extract.scan_paragraph``).
    """
    cuts = [0]
    for m in _CUT_RE.finditer(text) if found is None else found:
        i = m.start()
        if m.group().startswith("\n"):
            cuts.append(m.end())
            continue
        nxt = _NEXT_TOKEN_RE.match(text, m.end())
        if not nxt:
            continue
        token = nxt.group(1)
        if text[i] in ".!?;":
            if text[i] == ".":
                # The word before the dot: (\w+)$ searched in the 40 characters before, read backwards.
                word = _LAST_WORD_REVERSED_RE.match(text[(i - 40 if i > 40 else 0) : i][::-1])
                if word and word.group(1)[::-1].lower() in _ABBREV:
                    continue
                if _LIST_MARK_RE.search(text[(i - 4 if i > 4 else 0) : i]) and i - 2 < cuts[-1] + 3:
                    continue  # the "1." / "b." of a list item itself
            if token[0].isupper() or token[0].isdigit() or token[0] in "(\"“'" or text[i] == ";":
                cuts.append(i + 1)
            elif _LIST_ITEM_RE.match(token):
                cuts.append(i + 1)
        elif _LIST_ITEM_RE.match(token):  # "sebagai berikut: 1. ..."
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
        # (`search_tail`'s pre-test: every word ends with a letter, and ``TAIL_STRIP`` holds what is stripped.)
        assert all(w[-1:].isalpha() for w in words) and set(tail) <= set(".:(-")

    def search(self, text: str, plain: bool = False) -> re.Match[str] | None:
        """``rx.search(text)``; ``plain``: the text is known to hold none of the characters ``lowered`` rules out."""
        t = text.rstrip(self.strip)
        if t.lower().endswith(self.words) or (not plain and _ODD_CASE_RE.search(text)):
            return self.rx.search(text)
        return None

    def search_tail(self, text: str, tail: str | None) -> re.Match[str] | None:
        """``search(text, plain)``, given ``tail = tail_of(text, plain)`` (one for several patterns' searches)."""
        if tail is None or tail.endswith(self.words):
            return self.rx.search(text)
        return None


# Every character a `TailPattern` strips (those of ``extract``: "Rp.", "nomor :", "ke-", "(Januari").
TAIL_STRIP = SPACES + ".:(-"


def tail_of(text: str, plain: bool = False) -> str | None:
    """The text less its trailing ``TAIL_STRIP`` characters, lowered; None when it holds a character ``lowered`` rules
    out (not known absent when ``plain`` is false). A `TailPattern` whose strip set ``TAIL_STRIP`` holds can match
    only if this ends with one of its words: its own stripped text is this one when that ends with a word's letter."""
    if not plain and _ODD_CASE_RE.search(text):
        return None
    return text.rstrip(TAIL_STRIP).lower()


# Every start word sought by word (``KeywordPattern``'s ``words``), added as the patterns are made.
_WHOLE_WORDS: set[bytes] = set()


class KeywordPattern:
    """A pattern every match of which starts with one of ``starts``, tried only where one of them starts.

    ``starts`` are lowercase words sought in ``lowered(text)`` (case-insensitive patterns), or, with
    ``cased``, words sought in the text itself. A regex whose first item is ``\\b`` or a case-folded
    letter is tried by the engine at every position of the text; ``str.find`` locates the few places
    where a match can start, and ``match`` there yields exactly what ``finditer`` yields (the starts
    are tried in order, each from the end of the previous match on). Without the lowered text (the
    rare characters ``lowered`` rules out) the pattern scans as usual. ``needs`` names, for a start word,
    words one of which every match starting with it contains ("di" in "di atas" needs "atas"): without
    them in the text the start word is not sought. ``words`` names, for a start word every match starting
    with which begins with a whole word of the text (a maximal run of ASCII word characters: the pattern
    reads ``\\b`` then the word then no word character), those words ("di": "di", "dimana"); in ASCII text
    such a start word is sought among the text's words, which ``Keywords`` lists once for all patterns.
    """

    __slots__ = ("cased", "group", "needs", "plan", "rx", "starts", "sub_plan", "sub_starts", "word_plan", "word_set")

    def __init__(
        self,
        rx: re.Pattern[str],
        starts: tuple[str, ...],
        *,
        cased: bool = False,
        needs: dict[str, tuple[str, ...]] | None = None,
        words: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.rx, self.starts, self.cased, self.needs = rx, starts, cased, needs or {}
        # (word, its key in ``Keywords.words``, the words it needs) for each start word.
        self.plan = tuple((w, "\0" + w if cased else w, self.needs.get(w)) for w in starts)
        # ``words``: for a start word every match of which begins with a whole word (a run of ASCII word characters)
        # of the text, those words; such a start word is sought in the set of the paragraph's words (a hash look-up)
        # rather than in its text (a scan of ~300 characters). The others are sought in the text.
        words = words or {}
        assert not (cased and words) and set(words) <= set(starts)
        # The start words sought by word, by the words they begin (as bytes, as ``Keywords.runs`` holds them).
        self.word_plan = {r.encode(): e for e in self.plan if e[0] in words for r in words[e[0]]}
        self.word_set = frozenset(self.word_plan)
        _WHOLE_WORDS.update(self.word_set)
        self.sub_plan = tuple(e for e in self.plan if e[0] not in words)
        self.sub_starts = tuple(e[0] for e in self.sub_plan)
        self.group: KeywordGroup | None = None  # the patterns whose starts are found with this one's (``KeywordGroup``)

    def starts_in(self, hay: str | None) -> list[int] | None:
        """Sorted positions of ``hay`` (the lowered text, or the text itself if ``cased``) where a start word begins.

        None without ``hay`` (``lowered`` gave none): the pattern then scans as usual.
        """
        if hay is None:
            return None
        found: list[int] = []
        for w in self.starts:
            found += find_all(hay, w)
        found.sort()
        return found

    def matches(
        self,
        text: str,
        starts: list[int] | None,
        pos: int = 0,
        endpos: int | None = None,
        *,
        offset: int = 0,
        first: bool = False,
    ) -> list[re.Match[str]]:
        """``rx.finditer(text, pos, endpos)`` as a list (only its first match with ``first``).

        ``starts`` is ``starts_in`` of a text of which ``text`` is the slice from ``offset`` on: the
        positions there are the only ones where a match can start. (``Keywords.starts`` of that text, which
        seeks some start words among its words, serves for a slice or window that cuts no word only.)
        """
        end = len(text) if endpos is None else endpos
        if starts is None:
            if first:
                m = self.rx.search(text, pos, end)
                return [] if m is None else [m]
            return list(self.rx.finditer(text, pos, end))
        out: list[re.Match[str]] = []
        if not starts:
            return out
        after = pos
        for p in starts[bisect_left(starts, pos + offset) : bisect_left(starts, end + offset)]:
            p -= offset
            if p < after:
                continue
            m = self.rx.match(text, p, end)
            if m is not None:
                out.append(m)
                if first:
                    break
                after = m.end()
        return out

    def finditer(self, text: str, low: str | None, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        """``rx.finditer(text, pos, endpos)`` as a list; ``low``: ``lowered(text)``."""
        return self.matches(text, self.starts_in(text if self.cased else low), pos, endpos)

    def search(self, text: str, low: str | None, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``rx.search(text, pos, endpos)``; ``low``: ``lowered(text)``."""
        found = self.matches(text, self.starts_in(text if self.cased else low), pos, endpos, first=True)
        return found[0] if found else None


# One start word of a group (``KeywordGroup``): the word, its key in ``Keywords.words``, whether it is sought in the
# text itself (a cased pattern's), and the patterns it starts (their index in the group, the words they need).
_GroupWord = tuple[str, str, bool, tuple[tuple[int, tuple[str, ...] | None], ...]]


class KeywordGroup:
    """Keyword patterns whose starts ``Keywords`` finds in one go for a paragraph, when one of them is first asked for.

    Each of the group's start words is sought once for all the patterns it starts (a pattern seeking it by word, in
    the paragraph's words, another in the text), its positions found once and handed to each pattern whose words
    needed with it (``KeywordPattern.needs``) the text holds: the starts of every pattern are those its own
    ``Keywords._starts`` finds, without one request per pattern (the patterns a paragraph's reading asks for:
    ``extract``'s three, then ``context``'s and ``directions``' ten).
    """

    __slots__ = ("cased_plan", "cased_words", "patterns", "sub_plan", "sub_words", "word_plan", "word_set")

    def __init__(self, patterns: tuple[KeywordPattern, ...]) -> None:
        self.patterns = patterns
        # Per start word (with whether it is sought in the text itself), the patterns seeking it in the text (with
        # the words they need); per word of a text, the start words it stands for, each with the patterns seeking
        # it among the words of the text.
        in_text: dict[tuple[str, bool], list[tuple[int, tuple[str, ...] | None]]] = {}
        by_run: dict[bytes, dict[str, list[tuple[int, tuple[str, ...] | None]]]] = {}
        for i, rx in enumerate(patterns):
            assert rx.group is None  # a pattern belongs to one group
            rx.group = self
            for w, _key, needs in rx.sub_plan:
                in_text.setdefault((w, rx.cased), []).append((i, needs))
            for run, (w, _key, needs) in rx.word_plan.items():
                by_run.setdefault(run, {}).setdefault(w, []).append((i, needs))
        plans = [(w, "\0" + w if cased else w, cased, tuple(t)) for (w, cased), t in in_text.items()]
        self.sub_plan = tuple(e for e in plans if not e[2])
        self.sub_words = tuple(e[0] for e in self.sub_plan)
        self.cased_plan = tuple(e for e in plans if e[2])
        self.cased_words = tuple(e[0] for e in self.cased_plan)
        # (A start word two words of a text stand for, as "di" and "dimana" for ``context._BREAK_KP``, is listed for
        # each, as ``Keywords._starts`` lists it: a position twice.)
        self.word_plan: dict[bytes, tuple[_GroupWord, ...]] = {
            run: tuple((w, w, False, tuple(t)) for w, t in ws.items()) for run, ws in by_run.items()
        }
        self.word_set = frozenset(self.word_plan)


def find_all(hay: str, word: str) -> list[int]:
    """Every position where ``word`` occurs in ``hay`` (overlapping occurrences too)."""
    found: list[int] = []
    i = hay.find(word)
    while i >= 0:
        found.append(i)
        i = hay.find(word, i + 1)
    return found


class Keywords:
    """The start words of many keyword patterns located in one paragraph, each word sought once.

    ``starts(rx)`` is ``rx.starts_in`` of the paragraph; the patterns of claims and of directions
    share many words ("naik", "lebih", "target").
    """

    __slots__ = ("ascii", "known", "low", "patterns", "runs", "text", "words")

    def __init__(self, text: str, low: str | None) -> None:
        self.text, self.low = text, low
        # Whether the text's words are its ASCII words (``ascii_words``): they are then found among the runs of ASCII
        # word characters of the lowered text, any other character read as a space.
        self.ascii = low is not None and (low.isascii() or (ascii_words(text) and ascii_words(low)))
        self.words: dict[str, list[int]] = {}
        self.patterns: dict[KeywordPattern, list[int] | None] = {}
        self.runs: set[bytes] | None = None  # the words of the text that are start words sought by word
        self.known = 0  # how many start words were sought by word when ``runs`` was made

    def starts(self, rx: KeywordPattern) -> list[int] | None:
        found = self.patterns.get(rx, _UNSEEN)
        if found is _UNSEEN:
            if rx.group is not None:
                self._group_starts(rx.group)
                return self.patterns[rx]
            found = self.patterns[rx] = self._starts(rx)
        return found

    def _group_starts(self, g: KeywordGroup) -> None:
        """The starts of every pattern of ``g``, as ``_starts`` finds them (in order; a position twice at most)."""
        low, text = self.low, self.text
        if low is None or not self.ascii:
            for rx in g.patterns:
                self.patterns[rx] = self._starts(rx)
            return
        found: dict[int, list[int]] = {}
        words = self.words
        present: Iterable[_GroupWord] = compress(g.sub_plan, map(low.__contains__, g.sub_words))
        if g.cased_plan:
            present = chain(present, compress(g.cased_plan, map(text.__contains__, g.cased_words)))
        if g.word_set:
            runs = g.word_set.intersection(self._runs())
            if runs:
                present = chain(present, chain.from_iterable(map(g.word_plan.__getitem__, runs)))
        seen: dict[tuple[str, ...], bool] = {}  # whether the text holds one of some needed words
        for w, key, cased, targets in present:
            hay = text if cased else low
            at: list[int] | None = None
            for i, needs in targets:
                if needs is not None:
                    ok = seen.get(needs)
                    if ok is None:
                        ok = seen[needs] = any(map(hay.__contains__, needs))
                    if not ok:
                        continue
                if at is None:
                    at = words.get(key)
                    if at is None:
                        at = words[key] = _all_at(hay, w)
                f = found.get(i)
                if f is None:
                    found[i] = at[:]
                else:
                    f += at
        patterns = self.patterns
        for rx in g.patterns:
            patterns[rx] = _NO_STARTS
        for i, f in found.items():
            f.sort()
            patterns[g.patterns[i]] = f

    def _runs(self) -> set[bytes]:
        """The start words sought by word (of any pattern) that are words of the (ASCII) text."""
        runs = self.runs
        if runs is None or self.known != len(_WHOLE_WORDS):  # (a pattern made since: its words too)
            assert self.low is not None
            # (UTF-8 puts a non-ASCII character's bytes above 127: spaces to ``_WORD_RUNS``.)
            runs = self.runs = _WHOLE_WORDS.intersection(self.low.encode().translate(_WORD_RUNS).split())
            self.known = len(_WHOLE_WORDS)
        return runs

    def _starts(self, rx: KeywordPattern) -> list[int] | None:
        hay = self.text if rx.cased else self.low
        if hay is None:
            return None
        found: list[int] = []
        words = self.words
        # Only the start words the text holds (most patterns in most paragraphs have none).
        if rx.word_set and self.ascii:
            runs = self._runs()
            present: Iterable[tuple[str, str, tuple[str, ...] | None]] = map(
                rx.word_plan.__getitem__, rx.word_set.intersection(runs)
            )
            if rx.sub_starts:
                present = chain(present, compress(rx.sub_plan, map(hay.__contains__, rx.sub_starts)))
        else:
            present = compress(rx.plan, map(hay.__contains__, rx.starts))
        for w, key, needs in present:
            if needs is not None and not any(map(hay.__contains__, needs)):
                continue
            at = words.get(key)
            if at is None:
                at = words[key] = _all_at(hay, w)
            if at:
                found += at
        found.sort()
        return found


# ASCII text with every character but a word character (``\w`` in ASCII: letters, digits, "_") made a space.
_WORD_RUNS = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + b" " * 128
_UNSEEN: list[int] = []
_NO_STARTS: list[int] = []  # (shared: the starts are read, never changed)


def _all_at(hay: str, w: str) -> list[int]:
    """Every position of `w` in `hay` (overlapping ones too), by str.find: one list per word a paragraph holds."""
    at = []
    i = hay.find(w)
    while i >= 0:
        at.append(i)
        i = hay.find(w, i + 1)
    return at
