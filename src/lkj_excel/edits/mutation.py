"""Mutation corpus: mistype one or two figures of a workbook and see what the tool corrects.

Every figure the reader reads in a table gets each typing-error class in turn (one digit replaced,
two adjacent digits swapped, a digit dropped, a digit inserted, a decimal shift, a thousands
shift, the sign). The mutated workbook is read and checked in memory (grids, no file round trip);
the outcome at the mutated cell is `right` (the original figure is the fix), `ambiguous` (the cell
breaks an edit but nothing is corrected: named among candidates), `missed` (no edit breaks at
printed precision: undetectable by the identities of the tables) or `wrong` (a fix elsewhere, or
another value there). `wrong` must never happen.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..check import run_checks
from ..findings import Finding
from ..model import Workbook
from ..numerals import format_id
from ..precision import FLOAT_NOISE
from ..read.grid import Grid, ref
from ..read.load import load_grids
from ..read.reader import read_grids
from ..rules.base import Context
from .build import build_edits
from .localize import violated
from .typo import parts

CLASSES = ("replaced", "swapped", "dropped", "inserted", "decimal", "thousands", "sign")


@dataclass(frozen=True, slots=True)
class Site:
    sheet: str
    ref: str
    r: int
    c: int
    table: str
    value: float
    decimals: int
    scale: float  # raw = printed / scale (a "0,00%" cell stores 0,8865 for 88,65)
    text_typed: bool
    unit: str | None


def mistype(v: float, d: int, cls: str, rnd: random.Random) -> float | None:
    """The figure `v` (printed with `d` decimals) with one typing error of class `cls`, or None.

    Keys are struck on the printed figure as `typo.typo_kind` reads it: digits swap within the whole
    or the fractional part, a digit dropped from the fraction leaves the format's trailing 0, a digit
    is inserted into the whole part (one inserted into the fraction would be rounded away).
    """
    if cls == "sign":
        return -v if v != 0 else None
    if cls == "decimal":
        return v * 10 if rnd.random() < 0.5 else round(v / 10, d) if round(v / 10, d) * 10 == v else v * 10
    if cls == "thousands":
        return v * 1000
    whole, frac = parts(v, d)
    spots = [(p, i) for p, s in (("w", whole), ("f", frac)) for i in range(len(s))]
    if cls == "replaced":
        p, i = rnd.choice(spots)
        s = whole if p == "w" else frac
        opts = [ch for ch in "0123456789" if ch != s[i] and not (p == "w" and i == 0 and ch == "0")]
        t = s[:i] + rnd.choice(opts) + s[i + 1 :]
    elif cls == "swapped":
        pairs = [(p, i) for p, s in (("w", whole), ("f", frac)) for i in range(len(s) - 1) if s[i] != s[i + 1]]
        pairs = [(p, i) for p, i in pairs if not (p == "w" and i == 0 and whole[1] == "0")]
        if not pairs:
            return None
        p, i = rnd.choice(pairs)
        s = whole if p == "w" else frac
        t = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    elif cls == "dropped":
        if len(whole) + len(frac) < 2:
            return None
        p, i = rnd.choice(spots)
        s = whole if p == "w" else frac
        t = s[:i] + s[i + 1 :] + ("0" if p == "f" else "")
    elif cls == "inserted":
        p, i = "w", rnd.randrange(len(whole) + 1)
        t = whole[:i] + rnd.choice("123456789" if i == 0 else "0123456789") + whole[i:]
    else:
        raise ValueError(cls)
    whole, frac = (t, frac) if p == "w" else (whole, t)
    out = float(f"{whole or '0'}.{frac or '0'}") * (-1.0 if v < 0 else 1.0)
    return None if out == v else out


def sites(wb: Workbook) -> list[Site]:
    """Every figure the reader read in a standard table (not the numbering column)."""
    out = []
    for t in wb.tables.values():
        for _r, cid, cell in t.iter_cells():
            col = t.spec.column(cid) if t.spec.has_column(cid) else None
            if col is None or not col.numeric or cid == t.spec.numbering or cell.status != "number":
                continue
            if cell.value is None or cell.value == 0:
                continue
            rr, cc = _rc(cell.ref)
            raw = cell.raw
            numeric = isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw != 0
            scale = cell.value / raw if numeric else 1.0
            out.append(
                Site(
                    cell.sheet,
                    cell.ref,
                    rr,
                    cc,
                    t.id,
                    cell.value,
                    cell.decimals or 0,
                    round(scale, 6),
                    isinstance(raw, str),
                    cell.parsed.unit,
                )
            )
    return out


def _rc(a1: str) -> tuple[int, int]:
    letters = "".join(ch for ch in a1 if ch.isalpha())
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch.upper()) - 64
    return int(a1[len(letters) :]) - 1, n - 1


def _raw(site: Site, v: float) -> Any:
    if site.text_typed:
        return format_id(v, site.decimals, site.unit if site.unit in ("%", "Rp", "Ha") else None)
    x = v / site.scale
    return int(x) if site.decimals == 0 and float(x).is_integer() and site.scale == 1 else x


@dataclass
class Outcome:
    sites: tuple[Site, ...]
    classes: tuple[str, ...]
    typed: tuple[float, ...]
    verdict: str  # right | ambiguous | missed | wrong
    detail: str = ""
    findings: list[Finding] = field(default_factory=list)


class Corpus:
    """A base workbook (its own corrections applied, so mutations are the only mistakes)."""

    def __init__(self, path: Path, clean: bool = True) -> None:
        self.path = str(path)
        self.grids = load_grids(path)
        wb = read_grids(self.path, self.grids)
        if clean:
            fixes = [f for f in run_checks(wb) if f.fix is not None]
            self.grids = self._apply(wb, {(f.sheet, f.cell): f.fix for f in fixes})
            wb = read_grids(self.path, self.grids)
            wb = self._settle(wb)
        self.wb = wb
        self.base = run_checks(wb)
        self.base_fixed = {(f.sheet, f.cell) for f in self.base if f.fix is not None}
        self.sites = sites(wb)

    def _settle(self, wb: Workbook) -> Workbook:
        """The base's own undecided inconsistencies (the sample's Mekar Mulio 225 vs 225,1 Ha) made consistent
        with a candidate explanation, for the measurement only: a mutant is then the corpus's only mistake, and
        its group does not merge with a disagreement the tool rightly leaves to the reviewer."""
        from .localize import localize

        es = build_edits(Context(wb))
        diags = [d for d in localize(es) if d.status == "ambiguous"]
        for i in range(max((len(d.alternatives) for d in diags), default=0)):
            vals: dict[tuple[str, str], Any] = {}
            for d in diags:
                ex = d.alternatives[min(i, len(d.alternatives) - 1)]
                vals.update({a: v for a, v in ex.values.items() if not es.vars[a].prose})
            grids = self._apply(wb, vals, {a: es.vars[a].decimals for a in vals})
            got = read_grids(self.path, grids)
            if not violated(build_edits(Context(got))):
                self.grids = grids
                return got
        return wb

    def _apply(
        self, wb: Workbook, vals: dict[tuple[str, str], Any], decimals: dict[tuple[str, str], int] | None = None
    ) -> list[Grid]:
        grids = [g.copy() for g in self.grids]
        by = {g.title: g for g in grids}
        for s in sites(wb):
            v = vals.pop((s.sheet, s.ref), None)
            if decimals and (s.sheet, s.ref) in decimals:
                s = replace(s, decimals=max(s.decimals, decimals[(s.sheet, s.ref)]))  # "143" settled to 142,9
            if isinstance(v, (int, float)):
                by[s.sheet].rows[s.r][s.c] = _raw(s, float(v))
        for (sheet, a1), v in vals.items():  # texts: the narrative's corrected paragraphs
            r, c = _rc(a1)
            g = by.get(sheet)
            if isinstance(v, str) and g is not None and r in g.rows and c < len(g.rows[r]):
                g.rows[r][c] = v
        return grids

    def mutated(self, changes: list[tuple[Site, float]]) -> Workbook:
        grids = [replace(g) for g in self.grids]  # shallow, as copy.copy (which compiled classes lack)
        by = {g.title: i for i, g in enumerate(grids)}
        for s, v in changes:
            i = by[s.sheet]
            g = grids[i]
            rows = dict(g.rows)
            rows[s.r] = list(rows[s.r])
            rows[s.r][s.c] = _raw(s, v)
            grids[i] = Grid(g.title, rows, g.row_formats, g.merges, g.n_rows, g.n_cols)
        return read_grids(self.path, grids)

    def run(self, changes: list[tuple[Site, float]], classes: tuple[str, ...]) -> Outcome:
        wb = self.mutated(changes)
        fs = run_checks(wb)
        es = build_edits(Context(wb), evidence=False)
        broken = {a for e in violated(es) for a in e.vars}
        detectable = all((s.sheet, s.ref) in broken for s, _v in changes)
        return judge(self, changes, classes, fs, detectable)

    def cases(
        self, classes: tuple[str, ...] = CLASSES, seed: int = 1
    ) -> Iterator[tuple[list[tuple[Site, float]], tuple[str, ...]]]:
        rnd = random.Random(seed)
        for s in self.sites:
            for cls in classes:
                v = mistype(s.value, s.decimals, cls, rnd)
                if v is not None:
                    yield [(s, v)], (cls,)

    def pairs(self, n: int, seed: int = 1) -> Iterator[tuple[list[tuple[Site, float]], tuple[str, ...]]]:
        rnd = random.Random(seed)
        for _ in range(n * 3):
            if n == 0:
                return
            a, b = rnd.sample(self.sites, 2)
            ca, cb = rnd.choice(CLASSES[:4]), rnd.choice(CLASSES[:4])
            va, vb = mistype(a.value, a.decimals, ca, rnd), mistype(b.value, b.decimals, cb, rnd)
            if va is None or vb is None:
                continue
            n -= 1
            yield [(a, va), (b, vb)], (ca, cb)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= FLOAT_NOISE * max(1.0, abs(a), abs(b))


def judge(
    corpus: Corpus, changes: list[tuple[Site, float]], classes: tuple[str, ...], fs: list[Finding], detectable: bool
) -> Outcome:
    """right | ambiguous (detectable, not corrected) | missed (no edit breaks at printed precision) | wrong."""
    mutated = {(s.sheet, s.ref): s for s, _v in changes}
    wrong = []
    for f in fs:
        if f.fix is None or (f.sheet, f.cell) in corpus.base_fixed or f.sheet == corpus.wb.narrative_sheet:
            continue
        s = mutated.get((f.sheet, f.cell))
        if s is None:
            wrong.append(f"{f.sheet}!{f.cell}: {f.found} → {f.fix}")
        elif not isinstance(f.fix, (int, float)) or not _same(float(f.fix), s.value):
            if not (isinstance(f.fix, str) and format_id(s.value, s.decimals) in f.fix):
                wrong.append(f"{f.sheet}!{f.cell}: {f.found} → {f.fix} (asli {format_id(s.value, s.decimals)})")
    typed = tuple(v for _s, v in changes)
    if wrong:
        return Outcome(tuple(mutated.values()), classes, typed, "wrong", "; ".join(wrong), fs)
    fixed = {(f.sheet, f.cell) for f in fs if f.fix is not None}
    if all(a in fixed for a in mutated):
        return Outcome(tuple(mutated.values()), classes, typed, "right", "", fs)
    verdict = "ambiguous" if detectable else "missed"
    return Outcome(tuple(mutated.values()), classes, typed, verdict, "", fs)


def rates(outcomes: list[Outcome], key: str) -> dict[str, dict[str, int]]:
    """Counts of verdicts per error class (`key`="class") or per table (`key`="table")."""
    out: dict[str, dict[str, int]] = {}
    for o in outcomes:
        k = "+".join(o.classes) if key == "class" else "+".join(sorted({s.table for s in o.sites}))
        row = out.setdefault(k, {"right": 0, "ambiguous": 0, "missed": 0, "wrong": 0})
        row[o.verdict] += 1
    return out


__all__ = ["CLASSES", "Corpus", "Outcome", "Site", "judge", "mistype", "rates", "ref", "sites"]
