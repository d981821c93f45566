"""The table figures a narrative figure may be one typing slip of, found by their digit strings.

A slip (`typo.split_edits`) keeps the digits, or the fraction and all but one digit of the integer part,
or the integer part and all but one digit of the fraction. Each table figure's digit strings are worked
out once per workbook, with a plain format instead of the Indonesian one and its splitting; a claim is
compared with them (`typo.may_be_slip`), and only the few figures that pass are split in full and named
a slip by `split_edits`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .tables import Figure
from .typo import Digits, Split, digits_edit, digits_of_split, split_edits, split_figure, split_printed

# What `match.compatible` reads of a figure: kind, unit, a cell of a difference column, a "capaian" column.
FigClass = tuple[str, str | None, bool, bool]
_DIFF_COLUMNS = ("sisa", "selisih", "efisiensi")


def fig_class(f: Figure) -> FigClass:
    return f.kind, f.unit, f.is_cell and f.column in _DIFF_COLUMNS, "capaian" in f.column


def figure_digits(value: float, decimals: int) -> Digits:
    """`digits_of_split(split_figure(value, decimals))` for a finite ``value`` >= 0: the same digits, as
    `numerals.format_id` rounds with the same format and only adds separators."""
    d = max(decimals, 0)
    s = f"{value:.{d}f}"
    i, f = (s[: -d - 1], s[-d:]) if d else (s, "")
    i = i.lstrip("0") or "0"
    return i, f, f.rstrip("0"), i + f


class SlipIndex:
    """One workbook's table figures a typing slip may name (printed, finite), by table and class."""

    def __init__(self, by_table: dict[str, list[Figure]]) -> None:
        self.by_table = by_table
        self._classes: dict[str, dict[FigClass, list[int]]] = {}
        self._digits: dict[tuple[str, FigClass], list[tuple[Digits, int]]] = {}
        self._splits: dict[tuple[float, int], Split | None] = {}

    def _classified(self, tid: str) -> dict[FigClass, list[int]]:
        out = self._classes.get(tid)
        if out is None:
            out = self._classes[tid] = {}
            for i, f in enumerate(self.by_table.get(tid, [])):
                if f.recomputed is None and math.isfinite(f.value):
                    out.setdefault(fig_class(f), []).append(i)
        return out

    def _entries(self, tid: str, cls: FigClass, positions: list[int]) -> list[tuple[Digits, int]]:
        k = (tid, cls)
        out = self._digits.get(k)
        if out is None:
            figs = self.by_table[tid]
            out = self._digits[k] = [(figure_digits(abs(figs[i].value), figs[i].decimals), i) for i in positions]
        return out

    def _split(self, f: Figure) -> Split | None:
        k = (abs(f.value), f.decimals)
        if k not in self._splits:
            self._splits[k] = split_figure(*k)
        return self._splits[k]

    def search(
        self, printed: str, tids: list[str], fits: Callable[[FigClass], bool], accept: Callable[[Figure], bool]
    ) -> list[tuple[Figure, str]]:
        """The figures of the tables ``tids`` (in that order, then table order) of a class that ``fits`` and
        that ``accept`` takes, which ``printed`` is one typing slip of (`typo.typo_edits`), with the slip."""
        s = split_printed(printed)
        if s is None:
            return []
        nd = len(s[0]) + len(s[1])
        if nd < 3:
            return []
        p = digits_of_split(s)
        joined = p[3]
        out: list[tuple[Figure, str]] = []
        for tid in tids:
            # (position, slip); "" where the digits are the same and the separators decide (`split_edits`)
            hits = [
                (i, "" if c[3] == joined else digits_edit(p, c))
                for cls, positions in self._classified(tid).items()
                if fits(cls)
                for c, i in self._entries(tid, cls, positions)
                if c[3] == joined or c[2] == p[2] or c[0] == p[0]  # else `digits_edit` finds none
            ]
            hits.sort()
            figs = self.by_table[tid]
            for i, edit in hits:
                if edit is None:
                    continue
                f = figs[i]
                if edit == "":
                    c_split = self._split(f)
                    edits = split_edits(s, c_split) if c_split is not None else ()
                    if not edits:
                        continue
                    edit = edits[0]
                if (edit == "replaced digit" and nd < 4) or not accept(f):
                    continue
                out.append((f, edit))
        return out
