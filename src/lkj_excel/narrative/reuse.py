"""Which paragraphs a second analysis may take over from the first, unjudged.

The narrative is analysed again after the localizer corrected some cells. A
paragraph's verdicts depend on its own text, the text of the paragraphs
before it (``group_text``), the workbook's structure, and the figures it
consulted: every figure of the tables in its scope (and of the tables its
matched figures come from), the figures of any table whose interval
overlaps a range it looked up in the whole index, and — for a long rupiah
figure checked for a typing slip anywhere — every figure. A paragraph none
of whose inputs changed gets the same verdicts: they are taken over as they
are, so the second pass only judges what the corrections can have moved.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import dataclass, field

from .directions import DirectionStatement
from .extract import Claim, TableRef
from .index import FigureIndex
from .match import ClaimResult, DirectionIssue, RefIssue
from .tables import Figure

# `agrees_interval` widens a claim's interval by at most 1e-3 (typo._MAX_GUARD); twice that, to be safe.
AGREE_MARGIN = 2e-3

# What a paragraph's text alone yields: sentence spans, table mentions, claims, statements of direction.
Reading = tuple[list[tuple[int, int]], list[TableRef], list[Claim], list[DirectionStatement]]


@dataclass(slots=True)
class Deps:
    """What one paragraph's judgement looked up beyond its scope tables."""

    ranges: list[tuple[float, float]] = field(default_factory=list)  # `FigureIndex.overlapping` queries
    everywhere: bool = False  # consulted every table's figures
    # The claims' intervals looked up in the scope tables (`FigureIndex.agreeing`), widened by the guard.
    agreed: list[tuple[float, float]] = field(default_factory=list)
    whole_tables: bool = False  # read more of the scope tables than the figures agreeing with a claim


@dataclass(slots=True)
class ParaRecord:
    """One paragraph's verdicts with the inputs they were drawn from."""

    text: str
    group_text: str
    reading: Reading
    results: list[ClaimResult]
    refs: list[RefIssue]
    directions: list[DirectionIssue]
    corrected: str | None
    tables: frozenset[str]
    deps: Deps


def _share_key(fs: list[Figure]) -> list[tuple[object, ...]]:
    return [(f.value, f.lo, f.hi, f.decimals, f.column, f.desc, tuple(id(c) for c in f.cells)) for f in fs]


def changed_tables(old: FigureIndex, new: FigureIndex) -> set[str]:
    """The tables whose figures differ between two indexes of the same workbook.

    A table's own figures are unchanged when the new index reused them (the same list); the shares
    across tables appended to a table's list are compared by what they say.
    """
    out = set(old.by_table) ^ set(new.by_table)
    for tid, figs in new.by_table.items():
        if tid in out:
            continue
        own_new, own_old = new.own.get(tid), old.own.get(tid)
        if own_new is None or own_new is not own_old:
            out.add(tid)
            continue
        n = len(own_new)
        if _share_key(figs[n:]) != _share_key(old.by_table[tid][n:]):
            out.add(tid)
    return out


def _keys(figs: list[Figure]) -> list[tuple[object, ...]]:
    """What a verdict or a finding reads of each figure; its cells and row stand fixed by the table's layout."""
    return [
        (
            f.lo,
            f.hi,
            f.value,
            f.recomputed,
            f.trend,
            f.decimals,
            f.kind,
            f.unit,
            f.column,
            f.desc,
            id(f.row),
            len(f.cells),
        )
        for f in figs
    ]


def _moved(old: list[Figure], new: list[Figure]) -> list[Figure]:
    """The figures of one table in one list and not (as often) in the other.

    A table's figures are generated in an order fixed by its layout, so the figures both lists share
    keep their order: a lookup that meets none of the moved ones finds the same figures in the same order.
    """
    k_old, k_new = _keys(old), _keys(new)
    before, after = Counter(k_old), Counter(k_new)
    gone, come = before - after, after - before
    if not gone and not come:
        return []
    return [f for f, k in zip(old, k_old, strict=True) if k in gone] + [
        f for f, k in zip(new, k_new, strict=True) if k in come
    ]


class Reuse:
    """Decides, paragraph by paragraph, whether the first analysis's verdicts still hold."""

    def __init__(self, records: dict[str, ParaRecord], old: FigureIndex, new: FigureIndex) -> None:
        self.records = records
        self.changed = changed_tables(old, new)
        # The intervals of the figures of the changed tables that are new or gone (a changed cell
        # moves only the figures computed from it): a lookup that could meet one of them may now
        # find another answer. A figure with an unbounded interval (a ratio over zero) may agree
        # with any claim.
        moved: list[tuple[float, float]] = []
        self._unbounded = False
        for tid in self.changed:
            for f in _moved(old.by_table.get(tid, []), new.by_table.get(tid, [])):
                lo, hi = (f.lo, f.hi) if f.lo <= f.hi else (f.hi, f.lo)
                if math.isfinite(lo) and math.isfinite(hi):
                    moved.append((lo, hi))
                else:
                    self._unbounded = True
        moved.sort()
        self._los = [lo for lo, _ in moved]
        self._his = [hi for _, hi in moved]
        self._width = max(0.0, max((hi - lo for lo, hi in moved), default=0.0))

    def _meets_moved(self, lo: float, hi: float) -> bool:
        i = bisect.bisect_left(self._los, lo - self._width)
        j = bisect.bisect_right(self._los, hi)
        return any(self._his[k] >= lo for k in range(i, j))

    def reading(self, ref: str, text: str) -> Reading | None:
        """The first analysis's reading of paragraph ``ref`` when its text is the same."""
        rec = self.records.get(ref)
        return rec.reading if rec is not None and rec.text == text else None

    def record(self, ref: str, text: str, group_text: str) -> ParaRecord | None:
        """The first analysis's record of paragraph ``ref`` when its verdicts still hold, else None."""
        rec = self.records.get(ref)
        if rec is None or rec.text != text or rec.group_text != group_text:
            return None
        deps = rec.deps
        if self.changed and deps.everywhere:
            return None
        if any(self._meets_moved(lo, hi) for lo, hi in deps.ranges):
            return None
        if self.changed.isdisjoint(rec.tables):
            return rec
        # A table it read changed: the verdicts hold only when they rest on the figures agreeing
        # with its claims, and none of those could have come or gone.
        if deps.whole_tables or self._unbounded or any(self._meets_moved(lo, hi) for lo, hi in deps.agreed):
            return None
        return rec
