"""The table figures a narrative figure may be one typing slip of, found by their digit strings.

A slip (`typo.split_edits`) keeps the digits, or the fraction and all but one digit of the integer part,
or the integer part and all but one digit of the fraction. Each table figure's digit strings are worked
out once per workbook, with a plain format instead of the Indonesian one and its splitting; a claim's are
compared with them by string equality first, the few figures left are named a slip by `typo.digits_edit`,
and only a figure with the very same digits is split in full (its separators decide, `split_edits`).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from itertools import groupby

from .layout import CLASSES, NO_SLIP
from .tables import Figure
from .typo import Digits, Split, digits_edit, digits_of_split, split_edits, split_figure, split_printed

# What `match._compatible` reads of a figure: kind, unit, a cell of a difference column, a "capaian" column.
FigClass = tuple[str, str | None, bool, bool]
_DIFF_COLUMNS = ("sisa", "selisih", "efisiensi")
# A table's figures of one class: their positions, and their digit strings with their positions once a
# claim needed them.
_Group = tuple[list[int], list[tuple[Digits, int]]]
_FIXED = tuple(f".{d}f" for d in range(10))
_DIFF_COLUMNS_SET = frozenset(_DIFF_COLUMNS)


def fig_class(f: Figure) -> FigClass:
    return f.kind, f.unit, f.is_cell and f.column in _DIFF_COLUMNS, "capaian" in f.column


def figure_digits(value: float, decimals: int) -> Digits:
    """`digits_of_split(split_figure(value, decimals))` for a finite ``value`` >= 0: the same digits, as
    `numerals.format_id` rounds with the same format and only adds separators."""
    d = max(decimals, 0)
    # As f"{value:.{d}f}", without building the format spec each time.
    i, _mark, f = format(value, _FIXED[d] if d < len(_FIXED) else f".{d}f").partition(".")
    i = i.lstrip("0") or "0"
    return i, f, f.rstrip("0"), i + f


class SlipIndex:
    """One workbook's table figures a typing slip may name (printed, finite), by table and class;
    ``fits(kind, unit, class)``: whether a claim of that kind and unit may state a figure of the class."""

    def __init__(
        self,
        by_table: dict[str, list[Figure]],
        fits: Callable[[str, str | None, FigClass], bool],
        before: SlipIndex | None = None,
        classes: dict[str, list[int]] | None = None,
    ) -> None:
        self.by_table = by_table
        self._fits = fits
        # per table, beside its figures: their slip classes as the builder knew them (`tables.class_id`)
        self._classes = classes if classes is not None else {}
        # per table and class: the positions of its figures, and their digit strings once a claim needed them
        self._groups: dict[str, dict[FigClass, _Group]] = {}
        self._splits: dict[tuple[float, int], Split | None] = {}
        # per claim kind and unit: whether it may state a figure of each class (`fits`, asked once per class: a
        # call through its cache cost ~2 k instructions, asked per table and class of every search)
        self._fit: dict[tuple[str, str | None], dict[FigClass, bool]] = {}
        if before is not None:
            # The same workbook analysed again (after the localizer's corrections): a table whose figures
            # are the very same objects keeps its groups; the splits depend on value and decimals alone.
            self._splits = before._splits
            for tid, groups in before._groups.items():
                old, new = before.by_table.get(tid), by_table.get(tid)
                if old is not None and new is not None and len(old) == len(new) and all(map(operator.is_, old, new)):
                    self._groups[tid] = groups

    def _classified(self, tid: str) -> dict[FigClass, _Group]:
        ks = self._classes.get(tid)
        if ks is not None and len(ks) == len(self.by_table.get(tid, ())):
            # The builder's classes: the positions sorted by class (stable: in table order within a class) and
            # cut into runs, all in C (a pass per class the table holds cost one element step per figure each).
            groups: dict[FigClass, _Group] = {
                CLASSES[k]: (list(run), [])
                for k, run in groupby(sorted(range(len(ks)), key=ks.__getitem__), ks.__getitem__)
                if k != NO_SLIP
            }
            self._groups[tid] = groups
            return groups
        out: dict[FigClass, _Group] = {}
        inf = math.inf
        diff_columns = _DIFF_COLUMNS_SET
        # A plain loop reading the slots: cheaper than `map(attrgetter)` over the figures (an attrgetter call
        # looks the attribute up by name; a slot read in bytecode is specialized).
        for i, f in enumerate(self.by_table.get(tid, [])):
            if f.recomputed is None and -inf < f.value < inf:
                column = f.column
                k = (f.kind, f.unit, f.is_cell and column in diff_columns, "capaian" in column)  # `fig_class`
                g = out.get(k)
                if g is None:
                    out[k] = ([i], [])
                else:
                    g[0].append(i)
        self._groups[tid] = out
        return out

    def _digits(self, tid: str, group: _Group) -> list[tuple[Digits, int]]:
        positions, entries = group
        if not entries:
            figs = self.by_table[tid]
            fixed = _FIXED
            for i in positions:  # `figure_digits` written out (~350 figures a workbook)
                f = figs[i]
                d = f.decimals
                ip, _mark, fr = format(abs(f.value), fixed[d] if 0 <= d < 10 else f".{max(d, 0)}f").partition(".")
                ip = ip.lstrip("0") or "0"
                entries.append(((ip, fr, fr.rstrip("0"), ip + fr), i))
        return entries

    def _split(self, f: Figure) -> Split | None:
        k = (abs(f.value), f.decimals)
        if k not in self._splits:
            self._splits[k] = split_figure(*k)
        return self._splits[k]

    def search(
        self, printed: str, tids: list[str], kind: str, unit: str | None, accept: Callable[[Figure], bool]
    ) -> list[tuple[Figure, str]]:
        """The figures of the tables ``tids`` (in that order, then table order) that a claim of ``kind`` and
        ``unit`` may state and ``accept`` takes, which ``printed`` is one typing slip of (`typo.typo_edits`),
        with the slip."""
        s = split_printed(printed)
        if s is None:
            return []
        nd = len(s[0]) + len(s[1])
        if nd < 3:
            return []
        p = digits_of_split(s)
        joined, p_int, p_frac = p[3], p[0], p[2]
        # One edit of integer parts of three digits or more keeps the first or the last digit.
        any_int, first, last = len(p_int) <= 2, p_int[0], p_int[-1]
        fit = self._fit.get((kind, unit))
        if fit is None:
            fit = self._fit[(kind, unit)] = {}
        out: list[tuple[Figure, str]] = []
        for tid in tids:
            groups = self._groups.get(tid)
            if groups is None:
                groups = self._classified(tid)
            # (position, slip); "" where the digits are the same and the separators decide (`split_edits`)
            hits: list[tuple[int, str | None]] = []
            for cls, group in groups.items():
                ok = fit.get(cls)
                if ok is None:
                    ok = fit[cls] = self._fits(kind, unit, cls)
                if ok:
                    hits += [
                        (i, "" if c[3] == joined else digits_edit(p, c))
                        for c, i in self._digits(tid, group)
                        # else `digits_edit` finds none
                        if c[3] == joined
                        or (c[2] == p_frac and (any_int or c[0][0] == first or c[0][-1] == last))
                        or c[0] == p_int
                    ]
            if not hits:
                continue
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
