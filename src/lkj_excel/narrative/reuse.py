"""Which paragraphs a second analysis may take over from the first, unjudged.

The narrative is analysed again after the localizer corrected some cells. A
paragraph's verdicts depend on its own text, the row the paragraphs before it
name (``group_text``), the workbook's structure, and the figures it consulted.
Each lookup is recorded with the claim it was made for (``Deps``): the figures
of its scope tables agreeing with a claim, a range looked up in the whole
index, the figures a printed claim may be one typing slip of (in the scope
tables, or every table for a long rupiah figure), a subject row chosen from
every cell, a rank or threshold compared with a row or column. Only the
figures of a corrected table that are new or gone count as changed, and a
lookup is invalidated only when its claim could have matched one of them.
A paragraph none of whose inputs changed gets the same verdicts: they are
taken over as they are, so the second pass only judges what the corrections
can have moved."""

from __future__ import annotations

import bisect
import math
import operator
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress, count

from ..model import Row
from .directions import DirectionStatement
from .extract import Claim, TableRef
from .index import FigureIndex
from .match import (
    ClaimResult,
    DirectionIssue,
    RefIssue,
    _compatible,
    claim_agrees,
    digits_of,
)
from .match import _row_hint as row_hint
from .slips import fig_class
from .tables import Figure, year_of
from .typo import Split, agrees_interval, split_edits, split_figure, split_printed
from .typo import interval as typo_interval


def compatible(claim: Claim, f: Figure) -> bool:
    """Whether ``claim`` may state ``f`` by their kinds and units (the judging's `Prep.fits`)."""
    return _compatible(claim.kind, claim.unit, fig_class(f))


def typo_candidates(
    claim: Claim, printed: str, figs: list[Figure], splits: dict[tuple[float, int], Split | None]
) -> list[tuple[Figure, str]]:
    """The figures ``printed`` is one typing slip of. Wider than the judging's search (no noun test), which
    is what a re-judgement test needs: a moved figure that might be named forces the paragraph again."""
    nd = len(digits_of(printed))
    p = split_printed(printed) if nd >= 3 else None
    if p is None:
        return []
    out = []
    for f in figs:
        if not math.isfinite(f.value):
            continue
        k = (abs(f.value), f.decimals)
        if k not in splits:
            splits[k] = split_figure(*k)
        c = splits[k]
        edits = split_edits(p, c) if c is not None else ()
        if edits and not (edits[0] == "replaced digit" and nd < 4):
            out.append((f, edits[0]))
    return out


# As `resolve._ALL_WORD` (imported from there it would be circular): a threshold statement is checked only with it.
_ALL_WORD = re.compile(r"\b(?:semua|semuanya|seluruh|seluruhnya|masing-masing)\b", re.IGNORECASE)

# `agrees_interval` widens a claim's interval by at most 1e-3 (typo._MAX_GUARD); twice that, to be safe.
AGREE_MARGIN = 2e-3

# What a paragraph's text alone yields: sentence spans, table mentions, claims, statements of direction.
Reading = tuple[list[tuple[int, int]], list[TableRef], list[Claim], list[DirectionStatement]]


@dataclass(slots=True)
class Deps:
    """What one paragraph's judgement looked up, each lookup with the claim it was made for: a figure that
    moved changes a lookup's answer only when the claim could have matched it."""

    # `FigureIndex.overlapping` queries (every table): (lo, hi, claim), kept are the figures agreeing with it.
    ranges: list[tuple[float, float, Claim]] = field(default_factory=list)
    # The figures of the scope tables agreeing with (claim, value, decimals) (`FigureIndex.agreeing`).
    agreed: list[tuple[Claim, float, int]] = field(default_factory=list)
    # The figures a printed claim may be one typing slip of: (claim, printed, in every table, not only the scope).
    typos: list[tuple[Claim, str, bool]] = field(default_factory=list)
    subject_rows: bool = False  # chose the row a claim speaks of from every cell of the scope tables
    whole_tables: bool = False  # compared a statement with a row or a column (a rank, a threshold)

    def kept(self, stale: set[int]) -> Deps:
        """The lookups of the claims not in `stale` (by id), for a judgement of only those claims again."""
        return Deps(
            [x for x in self.ranges if id(x[2]) not in stale],
            [x for x in self.agreed if id(x[0]) not in stale],
            [x for x in self.typos if id(x[0]) not in stale],
            self.subject_rows,
        )


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


def _places(figs: list[Figure]) -> list[tuple[object, ...]]:
    """What `_keys` reads, with the row and the cells themselves; slots read in a comprehension (a 12-name
    `attrgetter` looks each attribute up by name, ~2,5x the cost)."""
    return [
        (f.lo, f.hi, f.value, f.recomputed, f.trend, f.decimals, f.kind, f.unit, f.column, f.desc, f.row, f.cells)
        for f in figs
    ]


def _moved(old: list[Figure], new: list[Figure]) -> list[Figure]:
    """The figures of one table in one list and not (as often) in the other, or more of them.

    A table's figures are generated in an order fixed by its layout, so the figures both lists share
    keep their order: a lookup that meets none of the moved ones finds the same figures in the same order.
    Two lists of one length are compared place by place (what differs there includes what moved).
    """
    if len(old) == len(new):  # place by place (a NaN is never equal: moved, which is safe)
        # What `_keys` reads, with the row and the cells themselves (the same objects where nothing moved,
        # which a tuple comparison finds by identity first): compared in C, not figure by figure in Python.
        # Only where the figures are not the very objects (a table built again keeps those of its unchanged
        # rows, `tables.build_figures`): an object is equal to itself, NaN fields included.
        at = list(compress(count(), map(operator.is_not, old, new)))
        olds, news = [old[i] for i in at], [new[i] for i in at]
        diff = list(compress(count(), map(operator.ne, _places(olds), _places(news))))
        return [olds[i] for i in diff] + [news[i] for i in diff]
    k_old, k_new = _keys(old), _keys(new)
    before, after = Counter(k_old), Counter(k_new)
    gone, come = before - after, after - before
    return [f for f, k in zip(old, k_old, strict=True) if k in gone] + [
        f for f, k in zip(new, k_new, strict=True) if k in come
    ]


def _may_rank(moved: float, stated: float, kind: str) -> bool:
    """Could a peer that moved from or to `moved` change the extreme (`kind` "max" or "min") `_extreme_issue`
    finds among peers that include the stated figure? Only when it reaches the stated figure (a tie counts):
    a peer strictly below it for "max" (above for "min"), before and after, is never the extreme."""
    if kind == "max":
        return not moved < stated - 1e-9  # NaN: may (it fails every comparison)
    return not moved > stated + 1e-9


def _above_wrong(v: float, figure: float) -> bool:
    return not v > figure  # `_threshold_issue`'s `value <= figure`, and NaN (safe)


def _below_wrong(v: float, figure: float) -> bool:
    return not v < figure


class Reuse:
    """Decides, paragraph by paragraph, whether the first analysis's verdicts still hold."""

    def __init__(self, records: dict[str, ParaRecord], old: FigureIndex, new: FigureIndex) -> None:
        self.records = records
        self.changed = changed_tables(old, new)
        # The figures of the changed tables that are new or gone (a changed cell moves only the figures
        # computed from it): a lookup that could meet one of them may now find another answer.
        self.moved = {tid: _moved(old.by_table.get(tid, []), new.by_table.get(tid, [])) for tid in self.changed}
        # All of them by lo, for the interval lookups; a figure with an unbounded interval (a ratio over
        # zero) may agree with any claim.
        bounded: list[tuple[float, float, Figure]] = []
        self._unbounded: list[Figure] = []
        for figs in self.moved.values():
            for f in figs:
                lo, hi = (f.lo, f.hi) if f.lo <= f.hi else (f.hi, f.lo)
                if math.isfinite(lo) and math.isfinite(hi):
                    bounded.append((lo, hi, f))
                else:
                    self._unbounded.append(f)
        self._cells = [f for figs in self.moved.values() for f in figs if f.is_cell]  # the corrected cells' own
        bounded.sort(key=lambda x: x[0])
        self._los = [lo for lo, _, _ in bounded]
        self._bounded = bounded
        self._width = max(0.0, max((hi - lo for lo, hi, _ in bounded), default=0.0))
        self._splits: dict[tuple[float, int], Split | None] = {}
        self._old = old
        self._rows: dict[str, int] = {}  # per table: `_data_rows`
        # Per (kind, unit, tables): the moved figures a typing slip may name (`_typo_moved`'s pool).
        self._pools: dict[tuple[str, str | None, frozenset[str]], list[Figure]] = {}

    def _meeting(self, lo: float, hi: float) -> list[Figure]:
        """The moved figures with a bounded interval that meets [lo, hi]."""
        i = bisect.bisect_left(self._los, lo - self._width)
        j = bisect.bisect_right(self._los, hi)
        return [f for _, h, f in self._bounded[i:j] if h >= lo]

    def _range_moved(self, lo: float, hi: float, claim: Claim) -> bool:
        """Could an `overlapping(lo, hi)` lookup for `claim` keep another figure now?"""
        return any(compatible(claim, f) and claim_agrees(claim, f) for f in self._meeting(lo, hi))

    def _agreeing_moved(self, claim: Claim, value: float, decimals: int, tables: frozenset[str]) -> bool:
        """Could the figures of `tables` agreeing with (value, decimals) and fitting `claim` differ now?"""
        c_lo, c_hi = typo_interval(value, decimals)
        near = self._meeting(c_lo - AGREE_MARGIN, c_hi + AGREE_MARGIN) + self._unbounded
        return any(
            f.table in tables and compatible(claim, f) and agrees_interval(value, decimals, f.lo, f.hi) for f in near
        )

    def _typo_moved(self, claim: Claim, printed: str, tables: Iterable[str]) -> bool:
        """Could `printed` be one typing slip of a moved figure of `tables` that fits `claim`?"""
        key = (claim.kind, claim.unit, frozenset(tables))
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = [
                f for tid in tables for f in self.moved.get(tid, ()) if f.recomputed is None and compatible(claim, f)
            ]
        return bool(pool) and bool(typo_candidates(claim, printed, pool, self._splits))

    def _subject_moved(self, rec: ParaRecord, touched: set[str]) -> bool:
        """Could `match.known_quantity` name another figure now? It picks the row whose cells repeat the
        paragraph's other figures (`_subject_row`), then that row's target−realisasi difference or capaian."""
        claims = rec.reading[2]
        stated = [abs(c.value) for c in claims]
        if any(abs(abs(g.value) - v) < 1e-9 for g in self._cells if g.table in touched for v in stated):
            return True  # a corrected cell held or now holds a stated figure: the row choice may differ
        # The row choice stands (the scores read the cells' values, the paragraph and the row hints of the
        # paragraphs before it): only a moved figure of a row it can choose can change what it names.
        hints: set[str] | None = None
        judged: set[int] = set()  # the rows found not choosable (a row has many moved figures)
        for tid in touched:
            for f in self.moved.get(tid, ()):
                r = f.row
                if r is None or r.role != "data" or id(r) in judged:
                    continue  # `known_quantity` reads the figures of a data row only
                if not (
                    (f.kind == "difference" and "-" in f.column) or f.kind == "ratio" or (f.is_cell and f.unit == "%")
                ):
                    continue
                if hints is None:
                    hints = row_hint(rec.text) | row_hint(rec.group_text)
                if self._choosable(r, tid, stated, hints):
                    return True
                judged.add(id(r))
        return False

    def _choosable(self, r: Row, tid: str, stated: list[float], hints: set[str]) -> bool:
        """Could `_subject_row` choose data row `r` of table `tid`: the table's only data row, or a row with a
        positive score (a cell repeating a stated figure, or a row id the paragraph or those before it hint)."""
        if r.row_id and r.row_id in hints:
            return True
        if any(c.value is not None and abs(abs(c.value) - v) < 1e-9 for c in r.cells.values() for v in stated):
            return True
        return self._data_rows(tid) < 2

    def _data_rows(self, tid: str) -> int:
        """A lower bound of the data rows of table `tid`: those its first figures come from (at most 2)."""
        n = self._rows.get(tid)
        if n is None:
            seen: set[int] = set()
            for f in self._old.by_table.get(tid, ()):
                if f.row is not None and f.row.role == "data":
                    seen.add(id(f.row))
                    if len(seen) >= 2:
                        break
            n = self._rows[tid] = len(seen)
        return n

    def _directions_moved(self, rec: ParaRecord, touched: set[str]) -> bool:
        """Could a rank ("tertinggi") or a threshold ("semuanya di atas 95%") read another figure now? It reads
        one row or column of a scope table: when a corrected cell lies there."""
        _spans, _refs, claims, dirs = rec.reading
        cells = [f for f in self._cells if f.table in touched]
        if not cells:
            return False
        by_claim = {id(r.claim): r for r in rec.results}
        for d in dirs:  # as resolve.check_directions reads them
            if d.kind in ("max", "min") and d.claim_indices:
                r = by_claim.get(id(claims[d.claim_indices[0]]))
                f = r.figure if r is not None and r.status == "verified" else None
                if f is None or not f.is_cell or f.row is None:
                    continue  # compared with nothing
                stem, year = year_of(f.column)
                if year is not None:
                    peers = [g for g in cells if g.row is f.row and year_of(g.column)[0] == stem]  # its row's
                else:
                    peers = [g for g in cells if g.table == f.table and g.column == f.column]  # its column's
                if any(_may_rank(g.value, f.value, d.kind) for g in peers):
                    return True
            elif d.kind in ("above", "below") and d.figure is not None and d.figure_unit == "%":
                # `_threshold_issue` reads a percentage column's data cells, and only for an "all" ("semua")
                text = rec.text
                if not _ALL_WORD.search(text[text.rfind(". ", 0, d.start) + 1 : d.end + 1]):
                    continue
                # Its message names the cells on the wrong side of the figure: a cell that stays on the right
                # side (`value <= figure` is wrong for "above") neither joins nor leaves them.
                wrong = _above_wrong if d.kind == "above" else _below_wrong
                if any(
                    g.unit == "%" and g.row is not None and g.row.role == "data" and wrong(g.value, d.figure)
                    for g in cells
                ):
                    return True  # a percentage column of a scope table
        return False

    def reading(self, ref: str, text: str) -> Reading | None:
        """The first analysis's reading of paragraph ``ref`` when its text is the same."""
        rec = self.records.get(ref)
        return rec.reading if rec is not None and rec.text == text else None

    def record(self, ref: str, text: str, group_text: str) -> ParaRecord | None:
        """The first analysis's record of paragraph ``ref`` when its verdicts still hold, else None."""
        got = self.stale(ref, text, group_text)
        return got if isinstance(got, ParaRecord) else None

    def stale(self, ref: str, text: str, group_text: str) -> ParaRecord | set[int] | None:
        """The first analysis's record of paragraph ``ref`` when its verdicts still hold; else, when only
        some claims' lookups may find another figure now, those claims (by id: the others' verdicts hold,
        the paragraph's checks are made again); else None (the paragraph is judged anew)."""
        rec = self.records.get(ref)
        if rec is None or rec.text != text:
            return None
        if rec.group_text != group_text and row_hint(rec.group_text) != row_hint(group_text):
            return None  # the paragraphs before it are read for the row they name, nothing else
        if not self.changed:
            return rec
        deps = rec.deps
        touched = self.changed.intersection(rec.tables)  # its scope tables among them
        if touched and deps.subject_rows and self._subject_moved(rec, touched):
            return None  # `known_quantity` may name another figure: which claims asked it is not recorded
        # A rank or a threshold reads the corrected cells: the checks are made again, the claims may stand.
        checks = bool(touched) and deps.whole_tables and self._directions_moved(rec, touched)
        out: set[int] = set()
        for lo, hi, claim in deps.ranges:
            if id(claim) not in out and self._range_moved(lo, hi, claim):
                out.add(id(claim))
        for c, printed, anywhere in deps.typos:
            if id(c) not in out and self._typo_moved(c, printed, self.changed if anywhere else touched):
                out.add(id(c))
        if touched:
            tables = frozenset(touched)
            for c, v, d in deps.agreed:
                if id(c) not in out and self._agreeing_moved(c, v, d, tables):
                    out.add(id(c))
        return out if out or checks else rec
