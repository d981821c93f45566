"""The table figures a narrative figure may be one typing slip of, found by their digit strings.

A slip (`typo.split_edits`) keeps the digits, or the fraction and all but one digit of the integer part,
or the integer part and all but one digit of the fraction. Each table figure's digit strings are worked
out once per workbook, with a plain format instead of the Indonesian one and its splitting; a claim's are
compared with them by string equality first, the few figures left are named a slip by `typo.digits_edit`,
and only a figure with the very same digits is split in full (its separators decide, `split_edits`).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from itertools import compress, count, repeat

from .layout import CLASSES, NO_SLIP
from .tables import Figure, slip_class
from .typo import Digits, Split, digits_edit, digits_of_split, split_edits, split_figure, split_printed

# What `match._compatible` reads of a figure: kind, unit, a cell of a difference column, a "capaian" column.
FigClass = tuple[str, str | None, bool, bool]
_DIFF_COLUMNS = ("sisa", "selisih", "efisiensi")
# A table's figures a slip may name (`tables.slip_class`), in table order: their positions in the table,
# their classes, and their digit strings (`figure_digits`) as four parallel lists, the range of them, and
# each fraction without trailing zeros joined with the integer part's first and with its last digit.
_Table = tuple[list[int], list[int], list[str], list[str], list[str], list[str], range, list[str], list[str]]
_FIXED = tuple(f".{d}f" for d in range(10))
_VALUE = operator.attrgetter("value")
_DECIMALS = operator.attrgetter("decimals")
_FIRST = operator.itemgetter(0)
_THIRD = operator.itemgetter(2)
_LAST = operator.itemgetter(-1)
_KEEP = NO_SLIP.__ne__


class _Specs(dict[int, str]):
    """The format of a figure printed with d decimals (`figure_digits`), looked up in C once known."""

    def __missing__(self, d: int) -> str:
        spec = self[d] = f".{max(d, 0)}f"
        return spec


_SPECS = _Specs()


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
    """One workbook's table figures a typing slip may name (printed, finite), by table; ``fits(kind, unit,
    class)``: whether a claim of that kind and unit may state a figure of the class (`fig_class`).

    A table's digit strings are worked out once, for all its figures at once by C-level passes (`map`), and
    a claim is compared with them by three more such passes (the same digits, integer part or fraction):
    the Python-level steps are for the few figures those leave."""

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
        self._tables: dict[str, _Table] = {}
        # per claim kind and unit: the class ids it fits (and how many classes there were then)
        self._fit: dict[tuple[str, str | None], tuple[int, frozenset[int]]] = {}
        self._splits: dict[tuple[float, int], Split | None] = {}
        if before is not None:
            # The same workbook analysed again (after the localizer's corrections): a table whose figures
            # are the very same objects keeps its digit strings; the splits depend on value and decimals alone.
            self._splits = before._splits
            if before._fits is fits:
                self._fit = before._fit
            for tid, table in before._tables.items():
                old, new = before.by_table.get(tid), by_table.get(tid)
                if old is not None and new is not None and len(old) == len(new) and all(map(operator.is_, old, new)):
                    self._tables[tid] = table

    def _table(self, tid: str) -> _Table:
        figs = self.by_table.get(tid, [])
        ks = self._classes.get(tid)
        if ks is None or len(ks) != len(figs):
            ks = [slip_class(f) for f in figs]
        keep = list(map(_KEEP, ks))
        values = map(abs, compress(map(_VALUE, figs), keep))
        specs = map(_SPECS.__getitem__, compress(map(_DECIMALS, figs), keep))
        # `figure_digits` of every figure, list by list: "0" is the largest string an integer part without
        # its leading zeros is not ("" when it was all zeros).
        parts = list(map(str.partition, map(format, values, specs), repeat(".")))
        ints = list(map(max, map(str.lstrip, map(_FIRST, parts), repeat("0")), repeat("0")))
        fracs = list(map(_THIRD, parts))
        stripped = list(map(str.rstrip, fracs, repeat("0")))
        joined = list(map(operator.add, ints, fracs))
        positions = list(compress(count(), keep))
        marked = list(map(operator.add, stripped, repeat(":")))
        with_first = list(map(operator.add, marked, map(_FIRST, ints)))
        with_last = list(map(operator.add, marked, map(_LAST, ints)))
        at = range(len(ints))
        table = (positions, list(compress(ks, keep)), ints, fracs, stripped, joined, at, with_first, with_last)
        self._tables[tid] = table
        return table

    def _fitting(self, kind: str, unit: str | None) -> frozenset[int]:
        known = self._fit.get((kind, unit))
        if known is None or known[0] != len(CLASSES):
            fits = self._fits
            known = self._fit[(kind, unit)] = (
                len(CLASSES),
                frozenset(k for k, cls in enumerate(CLASSES) if fits(kind, unit, cls)),
            )
        return known[1]

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
        p_int, p_frac, p_joined = p[0], p[2], p[3]
        # One edit of integer parts of three digits or more keeps the first or the last digit.
        any_int, first, last = len(p_int) <= 2, f"{p_frac}:{p_int[0]}", f"{p_frac}:{p_int[-1]}"
        out: list[tuple[Figure, str]] = []
        for tid in tids:
            table = self._tables.get(tid)
            if table is None:
                table = self._table(tid)
            fit = self._fitting(kind, unit)  # after the table: classifying its figures may add classes
            if not fit:
                continue
            positions, cls, ints, fracs, stripped, joined, at, with_first, with_last = table
            # Else `digits_edit` names no slip: the same digits (the separators decide), the same integer
            # part, or the same fraction and an integer part one edit away (its first or last digit kept).
            found = set(compress(at, map(p_joined.__eq__, joined)))
            found.update(compress(at, map(p_int.__eq__, ints)))
            if any_int:
                found.update(compress(at, map(p_frac.__eq__, stripped)))
            else:
                found.update(compress(at, map(first.__eq__, with_first)))
                found.update(compress(at, map(last.__eq__, with_last)))
            if not found:
                continue
            figs = self.by_table[tid]
            for x in sorted(found):
                if cls[x] not in fit:
                    continue
                f = figs[positions[x]]
                if joined[x] == p_joined:  # the same digits: the separators decide (`split_edits`)
                    c_split = self._split(f)
                    edits = split_edits(s, c_split) if c_split is not None else ()
                    if not edits:
                        continue
                    edit = edits[0]
                else:
                    found_edit = digits_edit(p, (ints[x], fracs[x], stripped[x], joined[x]))
                    if found_edit is None:
                        continue
                    edit = found_edit
                if (edit == "replaced digit" and nd < 4) or not accept(f):
                    continue
                out.append((f, edit))
        return out
