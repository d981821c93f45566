"""Which declared row a table row is: its label against every label the declaration gives its rows.

The rule: the first label equal to the row's label (or to it without its leading number, or squashed
alike), else the first found as a whole word in the label, else the first found as a whole word in the
row's other texts. Most rows match no label at all: the look-ups below settle that with a few dict
look-ups and one search per text instead of a loop over every label.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..spec import TableSpec, normalise, squash
from ..spec import _normalise_str as _normalise_text  # `normalise` of a str, without its type test's call

_LEADING_NUMBER = re.compile(r"^\d+\s*")
_KEY = re.compile(r"[^\W_]+")  # a run of characters `normalise` keeps as they are (lower-cased)


@lru_cache(maxsize=4096)
def _word_re(alt: str) -> re.Pattern[str]:
    return re.compile(rf"(^| ){re.escape(alt)}( |$)")


class RowLabels:
    """A declaration's row labels, worked out once per declaration: (normalised label, word pattern, row id,
    role) in declaration order; the first position of each label and of its squashed form; one pattern that
    finds any label as a whole word; one that finds, in a row's raw lower-cased text, a piece (the longest
    run of letters and digits) of some label, without which no label can stand in its normalised text."""

    __slots__ = ("spec", "alts", "first", "first_squashed", "any_word", "any_key")

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec  # kept alive, so that its id is not reused while memoised
        alts: list[tuple[str, re.Pattern[str], str, str]] = []
        self.first: dict[str, int] = {}
        self.first_squashed: dict[str, int] = {}
        for rs in spec.rows:
            for alt in rs.label:
                a = normalise(alt)
                if a:
                    self.first.setdefault(a, len(alts))
                    self.first_squashed.setdefault(squash(a), len(alts))
                    alts.append((a, _word_re(a), rs.id, rs.role))
        self.alts = tuple(alts)
        self.any_word = re.compile("(^| )(?:" + "|".join(re.escape(a) for a, *_rest in alts) + ")( |$)")
        keys = [max(_KEY.findall(a), key=len, default="") for a, *_rest in alts]
        # A label without letters or digits ("%") gives no piece: every row's text is then searched.
        self.any_key = None if not all(keys) else re.compile("|".join(re.escape(k) for k in set(keys)))

    def first_word(self, text: str) -> int | None:
        """Position of the first label found in ``text`` (normalised) as a whole word."""
        if self.any_word.search(text) is None:
            return None
        return next(i for i, alt in enumerate(self.alts) if alt[1].search(text))

    def in_label(self, label: str) -> int | None:
        """Position of the first label that the row's label is, else the first found in it as a word."""
        lab = _normalise_text(label) if type(label) is str else normalise(label)
        lab_nonum = _LEADING_NUMBER.sub("", lab, count=1)
        found = self.first.get(lab)
        for i in (self.first.get(lab_nonum), self.first_squashed.get(squash(lab_nonum))):
            if i is not None and (found is None or i < found):
                found = i
        return found if found is not None else self.first_word(lab)

    def in_raw_text(self, raw: str) -> int | None:
        """`first_word` of ``normalise(raw)``; a text holding no label's piece is not normalised."""
        if self.any_key is not None and self.any_key.search(raw.lower()) is None:
            return None
        return self.first_word(normalise(raw))

    def result(self, found: int | None) -> tuple[str | None, str | None]:
        if found is None:
            return None, None
        _a, _word, rid, role = self.alts[found]
        return rid, role


_MEMO: dict[int, RowLabels] = {}


def row_labels(spec: TableSpec) -> RowLabels:
    hit = _MEMO.get(id(spec))
    if hit is not None and hit.spec is spec:
        return hit
    if len(_MEMO) > 1024:
        _MEMO.clear()
    out = _MEMO[id(spec)] = RowLabels(spec)
    return out


def match_row(spec: TableSpec, label: str, row_text: str | Callable[[], str]) -> tuple[str | None, str | None]:
    """Declared row this row is, and its role; ``row_text``: the row's texts normalised, or a function giving
    them (only called when the label matches nothing)."""
    memo = row_labels(spec)
    if not memo.alts:
        return None, None
    found = memo.in_label(label)
    if found is None:
        found = memo.first_word(row_text if isinstance(row_text, str) else row_text())
    return memo.result(found)


def match_row_raw(memo: RowLabels, label: str, raw_text: Callable[[], str]) -> tuple[str | None, str | None]:
    """`match_row` given the row's texts joined but not normalised (a function: only called when needed)."""
    if not memo.alts:
        return None, None
    found = memo.in_label(label)
    if found is None:
        found = memo.in_raw_text(raw_text())
    return memo.result(found)
