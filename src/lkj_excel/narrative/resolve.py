"""Match the figures a report's paragraphs state against the figures of its tables.

``figures`` lists every figure a paragraph may repeat or derive: the numeric
cells of each table and the figures computed from them (differences, ratios,
sums, means, shares, row counts), each with the cells it comes from and the
interval it stands for at the printed precision of those cells.

``analyse`` classifies every claim of every paragraph (verified, contradicted,
unverifiable), checks deictic table references and statements of direction,
and prepares the corrected paragraph texts. Pure computation on a Workbook.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from ..model import Cell, Paragraph, Row, Table, Workbook
from ..numbers import format_id
from ..precision import Interval, consistent, interval_of
from ..spec import table_sort_key
from .extract import (
    Claim,
    DirectionStatement,
    TableRef,
    _lowered,
    _may_match,
    _sentence_of,
    _sentence_spans,
    extract_claims,
    extract_direction_statements,
    extract_table_refs,
)
from .typo import _one_edit, agrees, agrees_interval, round_half_up, typo_edits
from .typo import interval as typo_interval

_UNIT_OF_KIND = {"percent": "%", "rupiah": "Rp", "hectare": "Ha", "count": "count", "integer": "count"}
_YEAR_SUFFIX_RE = re.compile(r"^(?P<stem>.*?)_(?P<year>(?:19|20)\d{2})$")
_ROW_HINTS = {
    "ikm": re.compile(r"\bikm\b|kepuasan", re.IGNORECASE),
    "akip": re.compile(r"\bs?akip\b|akuntabilitas", re.IGNORECASE),
}
# A lowercase word that every match of each row hint contains.
_ROW_HINT_KEYWORDS = {"ikm": ("ikm", "kepuasan"), "akip": ("akip", "akuntabilitas")}
_DEN_STEMS = ("target", "anggaran", "pagu")
_NUM_STEMS = ("realisasi",)
_RATIO_WORDS = re.compile(r"capaian|prosentas|persentas|prosentase|persen", re.IGNORECASE)
_TARGET_WORD = re.compile(r"\btarget", re.IGNORECASE)
_REAL_WORD = re.compile(r"\brealisasi|\bterealisasi", re.IGNORECASE)
_ALL_WORD = re.compile(r"\b(?:semua|semuanya|seluruh|seluruhnya|masing-masing)\b", re.IGNORECASE)
_DIFF_COLUMNS = ("sisa", "selisih", "efisiensi")
_SPACE_RE = re.compile(r"\s+")
_NON_DIGIT_RE = re.compile(r"\D")
_TABLE_NUMBER_RE = re.compile(r"(\d+\.\d+)")
_TABEL_WORD_RE = re.compile(r"(?i)tabel")
_CHAPTER_RE = re.compile(r"(?i)\s*(bab\s+[ivx]+)")
_YEAR_TOKEN_RE = re.compile(r"\b((?:19|20)\d{2})\b")


# ----------------------------------------------------------------- figures


@dataclass(slots=True)
class Figure:
    """A figure a paragraph may state: a cell, or one computed from cells."""

    value: float  # signed: for differences, a - b as described in ``desc``
    lo: float  # interval of the magnitude, from the cells' printed precision
    hi: float
    decimals: int  # decimals to print it with
    kind: str  # value | sum | difference | ratio | average | share | count
    unit: str | None  # "%", "Rp", "Ha", "count" or None (scores)
    table: str
    cells: tuple[Cell, ...]
    column: str
    row_id: str | None = None
    row_label: str = ""
    years: tuple[int, ...] = ()
    desc: str = ""
    is_cell: bool = False
    trend: float | None = None  # later year minus earlier year, for year differences
    recomputed: float | None = None  # printed total that the data rows do not add up to
    row: Row | None = None


def _mag(iv: Interval) -> tuple[float, float]:
    if iv.lo >= 0:
        return iv.lo, iv.hi
    if iv.hi <= 0:
        return -iv.hi, -iv.lo
    return 0.0, max(-iv.lo, iv.hi)


def _year_of(cid: str) -> tuple[str, int | None]:
    m = _YEAR_SUFFIX_RE.match(cid)
    return (m.group("stem"), int(m.group("year"))) if m else (cid, None)


def _numeric_columns(t: Table) -> list[tuple[str, str, bool]]:
    """(column id, kind, exact) of the numeric columns present, numbering left out."""
    out = []
    for col in t.spec.columns:
        if not col.numeric or col.id == "no" or col.id not in t.columns and not any(col.id in r.cells for r in t.rows):
            continue
        if col.kind == "integer" and col.id in ("no", "nomor"):
            continue
        out.append((col.id, col.kind, col.exact))
    return out


def _num(r: Row, cid: str) -> Cell | None:
    c = r.cells.get(cid)
    return c if c is not None and c.value is not None and c.status in ("number", "predikat") else None


def _row_name(r: Row, t: Table) -> str:
    label = r.label
    for cid in ("kecamatan", "desa", "uraian", "program", "aspek", "unsur"):
        c = r.cells.get(cid)
        if c is not None and c.text and c.text not in label:
            label = f"{label} — {c.text}" if label else c.text
    return _SPACE_RE.sub(" ", label or f"baris {r.excel_row}").strip()


def table_figures(wb: Workbook, t: Table) -> list[Figure]:
    """Every figure a sentence may state about table `t`: its cells, column sums, means and row
    counts, per-row differences and ratios, peer differences and shares of a column total."""
    f = _TableFigures(t)
    f.cells()
    f.aggregates()
    for r in t.rows:
        f.row_differences(r)
        f.row_ratios(r)
    f.peers()
    f.shares()
    return f.out


class _TableFigures:
    """The figures of one table, built in a fixed order (cells first) so that ranking ties stay stable."""

    def __init__(self, t: Table) -> None:
        self.t = t
        self.cols = _numeric_columns(t)
        self.kinds = {cid: kind for cid, kind, _ in self.cols}
        self.years = {cid: _year_of(cid) for cid, _, _ in self.cols}
        self.out: list[Figure] = []
        self.data = [r for r in t.rows if r.role == "data"]
        # Each row's numeric cells (in column order) with their intervals, and each
        # row's name, are computed once: the loops below pair them up.
        self.present_of: dict[int, list[tuple[str, str, bool, Cell, Interval]]] = {
            id(r): [
                (cid, kind, ex, c, interval_of(c, ex)) for cid, kind, ex in self.cols if (c := _num(r, cid)) is not None
            ]
            for r in t.rows
        }
        self.names: dict[int, str] = {}
        # The numeric cells of each column over the data rows, and their intervals.
        self.col_cells: dict[str, list[Cell]] = {cid: [] for cid, _, _ in self.cols}
        self.col_ivs: dict[str, list[Interval]] = {cid: [] for cid, _, _ in self.cols}
        for r in self.data:
            for cid, _, _, c, iv in self.present_of[id(r)]:
                self.col_cells[cid].append(c)
                self.col_ivs[cid].append(iv)
        # Column sums over the data rows (recomputed, not the printed total).
        self.sums: dict[str, tuple[float, Interval, int, list[Cell]]] = {}
        for cid, kind, _ in self.cols:
            cs = self.col_cells[cid]
            if kind == "percent" or len(cs) < 2:
                continue
            iv = Interval(0.0, 0.0)
            for civ in self.col_ivs[cid]:
                iv = iv + civ
            self.sums[cid] = (sum(c.value for c in cs), iv, max((c.decimals or 0) for c in cs), cs)

    def add(
        self,
        value: float,
        iv: Interval,
        decimals: int,
        kind: str,
        unit: str | None,
        cells: tuple[Cell, ...],
        column: str,
        r: Row | None,
        desc: str,
        years: tuple[int, ...] = (),
        is_cell: bool = False,
        trend: float | None = None,
        recomputed: float | None = None,
    ) -> None:
        self.add_lh(
            value, iv.lo, iv.hi, decimals, kind, unit, cells, column, r, desc, years, is_cell, trend, recomputed
        )

    def add_lh(
        self,
        value: float,
        lo: float,
        hi: float,
        decimals: int,
        kind: str,
        unit: str | None,
        cells: tuple[Cell, ...],
        column: str,
        r: Row | None,
        desc: str,
        years: tuple[int, ...] = (),
        is_cell: bool = False,
        trend: float | None = None,
        recomputed: float | None = None,
    ) -> None:
        """``add`` with the interval given by its bounds."""
        if not lo >= 0:  # as _mag: NaN too
            if hi <= 0:
                lo, hi = -hi, -lo
            else:
                lo, hi = 0.0, max(-lo, hi)
        if r is None:
            rid, name = None, ""
        else:
            rid, name = r.row_id, self.names.get(id(r))
            if name is None:
                name = self.names[id(r)] = _row_name(r, self.t)
        self.out.append(
            Figure(
                value,
                lo,
                hi,
                decimals,
                kind,
                unit,
                self.t.id,
                cells,
                column,
                rid,
                name,
                years,
                desc,
                is_cell,
                trend,
                recomputed,
                r,
            )
        )

    def cells(self) -> None:
        total_columns = self.t.spec.total_columns
        for r in self.t.rows:
            for cid, kind, ex, c, iv in self.present_of[id(r)]:
                y = self.years[cid][1]
                recomputed = None
                if r.role == "total" and cid in self.sums and (cid in total_columns or ex or kind == "score"):
                    sv, siv, _, _ = self.sums[cid]
                    if not consistent(c.value, c.decimals if not ex else 0, siv):
                        recomputed = sv
                fk = "sum" if r.role in ("total", "subtotal") else "value"
                unit = c.parsed.unit if c.parsed.unit == "%" else _UNIT_OF_KIND.get(kind)
                self.add(
                    c.value,
                    iv,
                    c.decimals or 0,
                    fk,
                    unit,
                    (c,),
                    cid,
                    r,
                    f"{cid}",
                    (y,) if y else (),
                    is_cell=True,
                    recomputed=recomputed,
                )

    def aggregates(self) -> None:
        """Sums, means and row counts."""
        for cid, (sv, siv, dec, cs) in self.sums.items():
            self.add(sv, siv, dec, "sum", _UNIT_OF_KIND.get(self.kinds[cid]), tuple(cs), cid, None, f"jumlah {cid}")
        for cid, kind, _ in self.cols:
            cs = self.col_cells[cid]
            if len(cs) < 2:
                continue
            iv = Interval(0.0, 0.0)
            for civ in self.col_ivs[cid]:
                iv = iv + civ
            n = len(cs)
            mean = sum(c.value for c in cs) / n
            dec = max(max((c.decimals or 0) for c in cs), 2)
            unit = "%" if kind == "percent" else _UNIT_OF_KIND.get(kind)
            self.add(mean, iv.scale(1 / n), dec, "average", unit, tuple(cs), cid, None, f"rata-rata {cid}")
        if len(self.data) >= 2:
            n_rows = float(len(self.data))
            self.add(n_rows, Interval.exact(n_rows), 0, "count", "count", (), "_rows", None, "jumlah baris")

    def row_differences(self, r: Row) -> None:
        """Differences of two columns of the same kind on one row (a trend when their years differ)."""
        present = self.present_of[id(r)]
        years, add_lh = self.years, self.add_lh  # locals: this loop is the narrative's hottest
        for i, (a, ka, _, ca, iva) in enumerate(present):
            sa, ya = years[a]
            for b, kb, _, cb, ivb in present[i + 1 :]:
                if ka != kb:
                    continue
                sb, yb = years[b]
                if ka == "percent" and sa != sb:
                    continue
                dec = max(ca.decimals or 0, cb.decimals or 0)
                trend = None
                if ya and yb and ya != yb:
                    trend = (ca.value - cb.value) if ya > yb else (cb.value - ca.value)
                yrs = tuple(y for y in (ya, yb) if y)
                # iva - ivb, without the Interval
                add_lh(
                    ca.value - cb.value,
                    iva.lo - ivb.hi,
                    iva.hi - ivb.lo,
                    dec,
                    "difference",
                    _UNIT_OF_KIND.get(ka),
                    (ca, cb),
                    f"{a}-{b}",
                    r,
                    f"{a} − {b}",
                    yrs,
                    trend=trend,
                )

    def row_ratios(self, r: Row) -> None:
        """Realisasi over target (numerator stems over denominator stems) of one year, on one row."""
        present = self.present_of[id(r)]
        for a, ka, _, ca, iva in present:
            sa, ya = self.years[a]
            if not sa.startswith(_DEN_STEMS) or ka == "percent":
                continue
            for b, kb, _, cb, ivb in present:
                sb, yb = self.years[b]
                if not sb.startswith(_NUM_STEMS) or yb != ya or kb != ka or ca.value == 0:
                    continue
                iv = (ivb / iva).scale(100)
                self.add(
                    cb.value / ca.value * 100,
                    iv,
                    2,
                    "ratio",
                    "%",
                    (cb, ca),
                    f"{b}/{a}",
                    r,
                    f"{b} / {a} × 100",
                    (ya,) if ya else (),
                )

    def peers(self) -> None:
        """Same column across rows that share an id (own office vs a peer in Tabel 3.12)."""
        by_id: dict[str, list[Row]] = {}
        for r in self.data:
            if r.row_id:
                by_id.setdefault(r.row_id, []).append(r)
        for rows in by_id.values():
            if len(rows) < 2 or len(rows) > 4:
                continue
            for cid, kind, ex in self.cols:
                for i, ra in enumerate(rows):
                    for rb in rows[i + 1 :]:
                        ca, cb = _num(ra, cid), _num(rb, cid)
                        if ca is None or cb is None:
                            continue
                        y = self.years[cid][1]
                        iv = interval_of(ca, ex) - interval_of(cb, ex)
                        self.add(
                            ca.value - cb.value,
                            iv,
                            max(ca.decimals or 0, cb.decimals or 0),
                            "difference",
                            _UNIT_OF_KIND.get(kind),
                            (ca, cb),
                            cid,
                            ra,
                            f"{cid}: {_row_name(ra, self.t)} − {_row_name(rb, self.t)}",
                            (y,) if y else (),
                        )

    def shares(self) -> None:
        """Shares of a column total within the table."""
        for cid, kind, ex in self.cols:
            if kind not in ("count", "hectare", "rupiah") or cid not in self.sums:
                continue
            sv, siv, _, _ = self.sums[cid]
            if sv == 0:
                continue
            for r in self.data:
                c = _num(r, cid)
                if c is None:
                    continue
                iv = (interval_of(c, ex) / siv).scale(100)
                self.add(c.value / sv * 100, iv, 2, "share", "%", (c,), cid, r, f"{cid} / jumlah {cid} × 100")


def _area_total(wb: Workbook) -> tuple[float, Interval, Cell | None] | None:
    """The office's total area: the largest hectare total of the workbook (Tabel 1.1)."""
    best: tuple[float, Interval, Cell | None] | None = None
    for t in wb.tables.values():
        tr = t.total_row()
        for cid, kind, _ in _numeric_columns(t):
            if kind != "hectare" or tr is None:
                continue
            c = _num(tr, cid)
            if c is not None and (best is None or c.value > best[0]):
                best = (c.value, Interval.exact(c.value), c)
    return best


def cross_table_shares(wb: Workbook) -> list[Figure]:
    """Hectare totals of one table as a share of the total area (Tabel 1.3 over Tabel 1.1)."""
    area = _area_total(wb)
    out: list[Figure] = []
    if area is None or area[0] == 0:
        return out
    av, aiv, acell = area
    for t in wb.tables.values():
        tr = t.total_row()
        for cid, kind, _ in _numeric_columns(t):
            if kind != "hectare" or acell is None or t.columns.get(cid) is None:
                continue
            vals: list[tuple[float, Interval, tuple[Cell, ...]]] = []
            c = _num(tr, cid) if tr is not None else None
            if c is not None and c is not acell:
                vals.append((c.value, Interval.exact(c.value), (c, acell)))
            cs = [x for r in t.data_rows() if (x := _num(r, cid)) is not None]
            if cs and acell not in cs:
                s = sum(x.value for x in cs)
                vals.append((s, Interval.exact(s), (*cs, acell)))
            for v, iv, cells in vals:
                q = (iv / aiv).scale(100)
                lo, hi = _mag(q)
                out.append(
                    Figure(
                        v / av * 100,
                        lo,
                        hi,
                        2,
                        "share",
                        "%",
                        t.id,
                        cells,
                        cid,
                        None,
                        f"luas {cid}",
                        (),
                        f"{cid} / luas wilayah × 100",
                    )
                )
    return out


@dataclass
class FigureIndex:
    by_table: dict[str, list[Figure]]
    ordered: list[Figure] = field(default_factory=list)  # by lo, finite only
    los: list[float] = field(default_factory=list)
    width: float = 0.0
    # Per table, built on first use: positions sorted by lo, their los, the
    # widest interval, and the positions of figures with a non-finite bound.
    _tables: dict[str, tuple[list[int], list[float], float, list[int]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def overlapping(self, lo: float, hi: float) -> list[Figure]:
        i = bisect.bisect_left(self.los, lo - self.width)
        j = bisect.bisect_right(self.los, hi)
        return [f for f in self.ordered[i:j] if f.hi >= lo]

    def _table(self, tid: str) -> tuple[list[int], list[float], float, list[int]]:
        ti = self._tables.get(tid)
        if ti is None:
            figs = self.by_table.get(tid, [])
            reg: list[tuple[float, int]] = []
            other: list[int] = []
            width = 0.0
            inf = math.inf
            for i, f in enumerate(figs):
                lo, hi = f.lo, f.hi
                if -inf < lo <= hi < inf:  # finite and ordered (NaN fails every comparison)
                    reg.append((lo, i))
                    if hi - lo > width:
                        width = hi - lo
                else:
                    other.append(i)
            reg.sort()
            ti = self._tables[tid] = ([i for _, i in reg], [lo for lo, _ in reg], width, other)
        return ti

    def agreeing(self, tid: str, value: float, decimals: int) -> list[Figure]:
        """The figures of table ``tid`` that ``agrees_interval(value, decimals, f.lo, f.hi)``, in table order.

        Same result as testing every figure of the table; only the figures whose
        interval can reach the claim's (with a generous margin) are tested.
        """
        figs = self.by_table.get(tid)
        if not figs:
            return []
        pos, los, width, other = self._table(tid)
        c_lo, c_hi = typo_interval(value, decimals)
        slack = 2e-3 + 1e-9 * (abs(c_lo) + abs(c_hi) + width)
        i = bisect.bisect_left(los, c_lo - width - slack)
        j = bisect.bisect_right(los, c_hi + slack)
        hits = [k for k in pos[i:j] if agrees_interval(value, decimals, figs[k].lo, figs[k].hi)]
        hits += [k for k in other if agrees_interval(value, decimals, figs[k].lo, figs[k].hi)]
        hits.sort()
        return [figs[k] for k in hits]


def figures(wb: Workbook) -> FigureIndex:
    by_table: dict[str, list[Figure]] = {tid: table_figures(wb, t) for tid, t in wb.tables.items()}
    for f in cross_table_shares(wb):
        by_table.setdefault(f.table, []).append(f)
    finite = [f for fs in by_table.values() for f in fs if math.isfinite(f.lo) and math.isfinite(f.hi)]
    finite.sort(key=lambda f: f.lo)
    width = max((f.hi - f.lo for f in finite), default=0.0)
    return FigureIndex(by_table, finite, [f.lo for f in finite], width)


# ----------------------------------------------------------- classification


@dataclass(slots=True)
class ClaimResult:
    claim: Claim
    paragraph: Paragraph
    status: str  # verified | contradicted | unverifiable
    matched: list[Figure] = field(default_factory=list)  # best first
    intended: float | None = None
    intended_decimals: int | None = None
    edit: str | None = None  # typo kind, "known quantity", "malformed", "wrong total"
    reason: str | None = None  # typo | known | malformed | wrong_total
    figure: Figure | None = None  # the figure the contradiction or match is about

    @property
    def cells(self) -> list[Cell]:
        f = self.figure or (self.matched[0] if self.matched else None)
        return list(f.cells) if f else []

    @property
    def expected_text(self) -> str | None:
        if self.intended is None:
            return None
        return format_claim(self.claim, self.intended, self.intended_decimals)

    @property
    def replacement(self) -> str | None:
        if self.intended is None:
            return None
        decimals = self.claim.decimals if self.intended_decimals is None else self.intended_decimals
        return format_id(abs(self.intended), decimals)


def format_claim(claim: Claim, value: float, decimals: int | None = None) -> str:
    """`value` written like the claim: its decimals, its sign and its unit (%, Rp, Ha by `format_id`)."""
    d = claim.decimals if decimals is None else decimals
    u = claim.unit
    signed = -abs(value) if claim.value < 0 else abs(value)
    if u in (None, "", "%", "Rp", "Ha"):
        return format_id(signed, d, u or None)
    return f"{format_id(signed, d)} {u}"


@dataclass(slots=True)
class RefIssue:
    paragraph: Paragraph
    ref: TableRef
    expected: str  # table id intended
    edit: str | None


@dataclass(slots=True)
class DirectionIssue:
    paragraph: Paragraph
    raw: str
    kind: str
    start: int
    end: int
    detail_id: str
    detail_en: str
    cells: list[Cell]


@dataclass
class Analysis:
    results: list[ClaimResult]
    refs: list[RefIssue]
    directions: list[DirectionIssue]
    corrected: dict[str, str]  # paragraph ref -> fully corrected text


def _followed(wb: Workbook, p: Paragraph) -> str | None:
    m = _TABLE_NUMBER_RE.search(p.follows or "")
    if m and m.group(1) in wb.tables and _TABEL_WORD_RE.search(p.follows or ""):
        return m.group(1)
    return None


def _ordered_tables(wb: Workbook) -> list[str]:
    return sorted(wb.tables, key=table_sort_key)


class _Prep:
    """What ``analyse`` works out once per workbook instead of once per paragraph or claim."""

    def __init__(self, wb: Workbook, idx: FigureIndex) -> None:
        self.wb = wb
        self.idx = idx
        self.order = _ordered_tables(wb)
        self.order_pos = {tid: i for i, tid in enumerate(self.order)}
        self._followed: dict[int, str | None] = {}
        self.followed_tables = {self.followed(q) for q in wb.paragraphs}
        self._nouns: dict[tuple[str, str], tuple[bool, frozenset[str]] | None] = {}
        self._hints: dict[str, set[str]] = {}
        self._fitting: dict[tuple[str, str, str | None], list[Figure]] = {}

    def followed(self, p: Paragraph) -> str | None:
        k = id(p)
        if k not in self._followed:
            self._followed[k] = _followed(self.wb, p)
        return self._followed[k]

    def row_hint(self, text: str) -> set[str]:
        h = self._hints.get(text)
        if h is None:
            h = self._hints[text] = _row_hint(text)
        return h

    def typo_pool(self, tid: str, claim: Claim) -> list[Figure]:
        """The figures of ``tid`` a claim of this kind and unit may be a typing slip of, in table order."""
        k = (tid, claim.kind, claim.unit)
        pool = self._fitting.get(k)
        if pool is None:
            pool = self._fitting[k] = [
                f
                for f in self.idx.by_table.get(tid, [])
                if f.recomputed is None and _compatible(claim, f) and self.noun_ok(claim, f)
            ]
        return pool

    def noun_ok(self, claim: Claim, f: Figure) -> bool:
        """``_noun_ok``, with the columns a noun names worked out once per noun and table."""
        if claim.unit in (None, "%", "Rp", "Ha", "poin"):
            return True
        k = (claim.unit, f.table)
        if k in self._nouns:
            rule = self._nouns[k]
        else:
            rule = self._nouns[k] = _noun_rule(claim.unit, self.wb.tables.get(f.table))
        if rule is None:
            return True
        include, cols = rule
        return (f.column in cols) if include else (f.column not in cols)


def _scope(wb: Workbook, p: Paragraph, refs: list[TableRef], prep: _Prep | None = None) -> list[str]:
    order = prep.order if prep is not None else _ordered_tables(wb)
    out: list[str] = []
    fol = prep.followed(p) if prep is not None else _followed(wb, p)
    if fol:
        out.append(fol)
    else:
        chap = _CHAPTER_RE.match(p.follows or "")
        if chap:
            want = _SPACE_RE.sub(" ", chap.group(1)).lower()
            out += [tid for tid in order if (wb.tables[tid].spec.chapter or "").lower() == want]
    for r in refs:
        if r.table_id and r.table_id in wb.tables:
            out.append(r.table_id)
        elif r.table_id is None and fol:
            i = prep.order_pos[fol] if prep is not None else order.index(fol)
            if r.position == "after" and i + 1 < len(order):
                out.append(order[i + 1])
            elif r.position == "before":
                out.append(fol)
    seen: set[str] = set()
    return [t for t in out if not (t in seen or seen.add(t))]


def _compatible(claim: Claim, f: Figure) -> bool:
    k, u = claim.kind, claim.unit
    if k == "difference":
        if not (f.kind == "difference" or (f.is_cell and f.column in _DIFF_COLUMNS)):
            return False
    elif f.kind == "difference":
        return False
    if k in ("ratio", "share") and not (f.unit == "%" or f.kind in ("ratio", "share")):
        return False
    if k == "count" and f.unit != "count":
        return False
    if k == "sum" and f.kind in ("ratio", "share", "average") and u != "%":
        return False
    if u == "%":
        return f.unit == "%" or (
            k == "difference" and f.unit is None and f.kind == "difference" and "capaian" in f.column
        )
    if u == "Rp":
        return f.unit == "Rp"
    if u == "Ha":
        return f.unit in ("Ha", None)
    if u == "poin":
        return f.unit in (None, "%")
    if u is not None:  # counted nouns: jiwa, Dusun, Kepala Keluarga, desa
        return f.unit == "count"
    return True


def _noun_rule(unit: str | None, t: Table | None) -> tuple[bool, frozenset[str]] | None:
    """Which columns of ``t`` a claim counted in ``unit`` may match: None for any,
    (True, cols) for only those, (False, cols) for all but those."""
    if unit in (None, "%", "Rp", "Ha", "poin") or t is None:
        return None
    u = (unit or "").lower()
    key = {"kepala keluarga": "kk", "kk": "kk"}.get(u, u.split()[0] if u else u)
    named = [c.id for c in t.spec.columns if key and (key == c.id or any(key in h.lower() for h in c.header))]
    if t.spec.key and key and key in t.spec.key:
        named = ["_rows"]
    if not named:
        return False, frozenset(("_rows", "dusun", "kk"))
    return True, frozenset(named)


def _noun_ok(claim: Claim, f: Figure, wb: Workbook) -> bool:
    """A counted noun that names a column ("Dusun", "KK") only matches that column."""
    rule = _noun_rule(claim.unit, wb.tables.get(f.table))
    if rule is None:
        return True
    include, cols = rule
    return (f.column in cols) if include else (f.column not in cols)


def _agrees(claim: Claim, f: Figure) -> bool:
    return agrees_interval(abs(claim.value), claim.decimals, f.lo, f.hi)


def _row_hint(text: str) -> set[str]:
    low = _lowered(text)
    return {rid for rid, rx in _ROW_HINTS.items() if _may_match(low, _ROW_HINT_KEYWORDS[rid]) and rx.search(text)}


_RANK_KINDS = {
    "value": ("value", "sum"),
    "sum": ("sum",),
    "ratio": ("ratio",),
    "share": ("share",),
    "average": ("average",),
    "difference": ("difference",),
    "count": ("count", "sum", "value"),
}


def _rank(claim: Claim, f: Figure, scope: list[str], hints: set[str], sentence: str) -> tuple:
    s = 0.0
    if f.table in scope:
        s += 6 - min(scope.index(f.table), 3)
    if f.kind in _RANK_KINDS.get(claim.kind, ()):
        s += 3
    if claim.kind in ("ratio", "value") and f.is_cell and f.unit == "%":
        s += 2
    if claim.year_ref is not None and claim.year_ref in f.years:
        s += 3
    if f.row_id and f.row_id in hints:
        s += 2
    if f.row_label and f.row_label.lower().split(" — ")[-1][:12] in sentence.lower():
        s += 1
    if f.is_cell:
        s += 1
    if math.isfinite(f.value) and agrees(abs(claim.value), claim.decimals, abs(f.value)):
        s += 2  # the figure itself rounds to the claim, not only its interval
    return (-s, f.table, f.column)


def _sentence(text: str, claim: Claim) -> str:
    a = max(text.rfind(". ", 0, claim.start), text.rfind(": ", 0, claim.start), text.rfind("; ", 0, claim.start))
    b_candidates = [i for i in (text.find(". ", claim.end), text.find("; ", claim.end)) if i >= 0]
    b = min(b_candidates) if b_candidates else len(text)
    return text[a + 1 : b]


def _subject_row(
    t: Table, p: Paragraph, claims: list[Claim], claim: Claim, group_text: str, prep: _Prep | None = None
) -> list[Row]:
    """Rows of ``t`` the paragraph is about: the one whose cells its other figures repeat."""
    rows = [r for r in t.rows if r.role == "data"]
    ids = {r.row_id for r in rows}
    if len(rows) == 1:
        return rows
    hint = prep.row_hint if prep is not None else _row_hint
    p_hints, g_hints = hint(p.text), hint(group_text)
    scores: dict[int, float] = {}
    others = [c for c in claims if c is not claim]
    for i, r in enumerate(rows):
        sc = 0.0
        vals = [c.value for c in r.cells.values() if c.value is not None]
        for c in others:
            if any(abs(abs(c.value) - abs(v)) < 1e-9 for v in vals):
                sc += 2
        if r.row_id and r.row_id in p_hints:
            sc += 1.5
        elif r.row_id and r.row_id in g_hints:
            sc += 0.5
        scores[i] = sc
    best = max(scores.values(), default=0)
    if best <= 0:
        return rows if len(ids) == 1 and None not in ids and len(rows) == 1 else []
    return [rows[i] for i, s in scores.items() if s == best]


def _known_quantity(
    wb: Workbook,
    p: Paragraph,
    claim: Claim,
    claims: list[Claim],
    scope: list[str],
    idx: FigureIndex,
    group_text: str,
    prep: _Prep | None = None,
) -> Figure | None:
    """The figure a claim names outright: "selisih antara target dan realisasi", "prosentase capaian"."""
    prev_end = max((c.end for c in claims if c.end <= claim.start), default=0)
    seg = p.text[prev_end : claim.start]
    sentence_before = _sentence(p.text, claim)
    want: str | None = None
    if claim.kind == "difference" and _TARGET_WORD.search(seg) and _REAL_WORD.search(seg):
        want = "difference"
    elif claim.kind == "ratio" and claim.unit == "%" and _RATIO_WORDS.search(seg):
        want = "ratio"
    if want is None:
        return None
    year = claim.year_ref
    ym = _YEAR_TOKEN_RE.findall(sentence_before)
    if year is None and ym:
        year = int(ym[-1])
    if year is None:
        year = wb.year
    for tid in scope[:2]:
        t = wb.tables.get(tid)
        if t is None:
            continue
        rows = _subject_row(t, p, claims, claim, group_text, prep)
        if len(rows) != 1:
            continue
        r = rows[0]
        found: list[Figure] = []
        for f in idx.by_table.get(tid, []):
            if f.row is not r:
                continue
            if want == "difference" and f.kind == "difference" and "-" in f.column:
                a, b = f.column.split("-", 1)
                (sa, ya), (sb, yb) = _year_of(a), _year_of(b)
                if {sa, sb} == {"target", "realisasi"} and ya == yb and (ya is None or ya == year):
                    found.append(f)
            elif want == "ratio" and f.is_cell and f.unit == "%":
                s, y = _year_of(f.column)
                if s in ("capaian", "persen", "persentase") and (y is None or y == year):
                    found.append(f)
            elif want == "ratio" and f.kind == "ratio" and (not f.years or f.years[0] == year):
                found.append(f)
        if found:
            found.sort(key=lambda f: (not f.is_cell,))
            return found[0]
    return None


def _digits(text: str) -> str:
    return _NON_DIGIT_RE.sub("", text)


def _typo_candidates(claim: Claim, printed: str, figs: list[Figure]) -> list[tuple[Figure, str]]:
    nd = len(_digits(printed))
    if nd < 3:
        return []
    out = []
    for f in figs:
        if not math.isfinite(f.value):
            continue
        edits = typo_edits(printed, abs(f.value), f.decimals)
        if not edits:
            continue
        if edits[0] == "replaced digit" and nd < 4:
            continue
        out.append((f, edits[0]))
    return out


def _is_small_bare(claim: Claim) -> bool:
    return claim.unit is None and claim.decimals == 0 and abs(claim.value) <= 31 and claim.kind in ("value", "sum")


def classify_paragraph(
    wb: Workbook,
    p: Paragraph,
    idx: FigureIndex,
    group_text: str = "",
    claims: list[Claim] | None = None,
    *,
    refs: list[TableRef] | None = None,
    scope: list[str] | None = None,
    dirs: list[DirectionStatement] | None = None,
    prep: _Prep | None = None,
) -> list[ClaimResult]:
    """Classify every claim of ``p``; ``analyse`` passes what it already extracted."""
    text = p.text or ""
    if prep is None:
        prep = _Prep(wb, idx)
    claims = extract_claims(text) if claims is None else claims
    if scope is None:
        scope = _scope(wb, p, extract_table_refs(text) if refs is None else refs, prep)
    if dirs is None:
        dirs = extract_direction_statements(text, claims)
    thresholds = set()
    for d in dirs:
        if d.kind in ("above", "below") and d.figure is not None and d.claim_indices:
            thresholds.add(d.claim_indices[0])
    out: list[ClaimResult] = []
    for ci, claim in enumerate(claims):
        if ci in thresholds:
            continue
        sentence = _sentence(text, claim)
        hints = prep.row_hint(sentence) or prep.row_hint(text) or prep.row_hint(group_text)
        printed = text[claim.num_start : claim.num_end]

        def fits(f: Figure, claim: Claim = claim) -> bool:
            return _compatible(claim, f) and prep.noun_ok(claim, f)

        def agreeing(value: float, decimals: int, fits=fits) -> list[Figure]:
            # The figures of the scope tables that fit the claim and agree with
            # (value, decimals), in scope then table order.
            return [f for tid in scope for f in idx.agreeing(tid, value, decimals) if fits(f)]

        def ranked(
            fs: list[Figure], claim: Claim = claim, hints: set[str] = hints, sentence: str = sentence
        ) -> list[Figure]:
            return sorted(fs, key=lambda g: _rank(claim, g, scope, hints, sentence))

        if claim.malformed and claim.candidates:
            v, d = claim.candidates[0]
            agree = agreeing(abs(v), d)
            res = ClaimResult(
                claim,
                p,
                "contradicted",
                ranked(agree),
                v,
                d,
                "malformed",
                "malformed",
                ranked(agree)[0] if agree else None,
            )
            out.append(res)
            continue
        agree = agreeing(abs(claim.value), claim.decimals)
        if agree:
            agree = ranked(agree)
            good = [f for f in agree if f.recomputed is None]
            if good:
                out.append(ClaimResult(claim, p, "verified", good, figure=good[0]))
            else:
                f = agree[0]
                out.append(
                    ClaimResult(
                        claim, p, "contradicted", agree, f.recomputed, claim.decimals, "wrong total", "wrong_total", f
                    )
                )
            continue
        counted = claim.kind == "count" or (claim.unit not in (None, "%", "Rp", "Ha", "poin"))
        known = None if counted else _known_quantity(wb, p, claim, claims, scope, idx, group_text, prep)
        if known is not None:
            edits = typo_edits(printed, abs(known.value), claim.decimals)
            out.append(
                ClaimResult(
                    claim,
                    p,
                    "contradicted",
                    [known],
                    round_half_up(abs(known.value), claim.decimals),
                    claim.decimals,
                    edits[0] if edits else "known quantity",
                    "known",
                    known,
                )
            )
            continue
        if not counted and not _is_small_bare(claim):
            lo, hi = abs(claim.value) - 0.5 * 10**-claim.decimals, abs(claim.value) + 0.5 * 10**-claim.decimals
            wide = [f for f in idx.overlapping(lo, hi) if _compatible(claim, f) and _agrees(claim, f)]
            good = [f for f in wide if f.recomputed is None]
            if good:
                good = ranked(good)
                out.append(ClaimResult(claim, p, "verified", good, figure=good[0]))
                continue
        typos = []
        if len(_digits(printed)) >= 3:  # else _typo_candidates finds none
            local = [f for tid in scope for f in prep.typo_pool(tid, claim)]
            typos = _typo_candidates(claim, printed, local)
        if not typos and claim.unit == "Rp" and len(_digits(printed)) >= 7:
            # A rupiah figure is long enough that one slip of a figure anywhere names it (issue #10);
            # only when a single figure fits.
            wide_pool = _typo_candidates(claim, printed, [f for tid in prep.order for f in prep.typo_pool(tid, claim)])
            typos = wide_pool if len({round(f.value, 2) for f, _e in wide_pool}) == 1 else []
        if typos:
            typos.sort(key=lambda fe: _rank(claim, fe[0], scope, hints, sentence))
            f, edit = typos[0]
            out.append(ClaimResult(claim, p, "contradicted", [f], abs(f.value), f.decimals, edit, "typo", f))
            continue
        if counted or _is_small_bare(claim):
            continue  # a count or a bare small number no table speaks of
        out.append(ClaimResult(claim, p, "unverifiable"))
    return out


# ------------------------------------------------------ references, direction


def check_table_refs(wb: Workbook, p: Paragraph, refs: list[TableRef], prep: _Prep | None = None) -> list[RefIssue]:
    if prep is None:
        prep = _Prep(wb, FigureIndex({}))
    fol = prep.followed(p)
    if fol is None:
        return []
    allowed = {fol}
    i = prep.order_pos[fol]
    if i > 0:
        prev = prep.order[i - 1]
        # The table just before counts only when no paragraph sits between the two tables.
        if prev not in prep.followed_tables:
            allowed.add(prev)
    out = []
    for r in refs:
        if not r.deictic or r.position != "before" or r.table_id is None:
            continue
        if r.table_id in allowed:
            continue
        edit = _one_edit(_digits(r.table_id), _digits(fol))
        out.append(RefIssue(p, r, fol, edit))
    return out


def _group_claim_results(results: list[ClaimResult]) -> dict[int, ClaimResult]:
    return {id(r.claim): r for r in results}


def check_directions(
    wb: Workbook,
    p: Paragraph,
    claims: list[Claim],
    results: list[ClaimResult],
    scope: list[str],
    dirs: list[DirectionStatement] | None = None,
) -> list[DirectionIssue]:
    text = p.text or ""
    by_claim = _group_claim_results(results)
    out: list[DirectionIssue] = []
    spans: list[tuple[int, int]] | None = None
    for d in extract_direction_statements(text, claims) if dirs is None else dirs:
        near = [claims[i] for i in d.claim_indices]
        if d.kind in ("up", "down"):
            # "terjadi penurunan sebesar 5,15 ... dibandingkan dengan tahun 2023"
            sentence: tuple[int, int] | None = None
            for c in claims:
                if c.start < d.end or c.kind != "difference":
                    continue
                if sentence is None:
                    if spans is None:
                        spans = _sentence_spans(text)
                    sentence = _sentence_of(spans, d.start)
                sa, sb = sentence
                if not (sa <= c.start < sb):
                    continue
                r = by_claim.get(id(c))
                if r is None or r.status != "verified" or r.figure is None or r.figure.trend is None:
                    continue
                t = r.figure.trend
                if (d.kind == "up" and t < 0) or (d.kind == "down" and t > 0):
                    word_id = "peningkatan" if d.kind == "up" else "penurunan"
                    word_en = "an increase" if d.kind == "up" else "a decrease"
                    yrs = sorted(r.figure.years)
                    out.append(
                        DirectionIssue(
                            p,
                            d.raw,
                            d.kind,
                            d.start,
                            d.end,
                            (
                                f"paragraf menyebut {word_id}, tetapi nilai {yrs[-1]} − {yrs[0]} = "
                                f"{format_id(t, r.figure.decimals)}"
                            ),
                            (
                                f"the paragraph states {word_en}, but the {yrs[-1]} value minus {yrs[0]} is "
                                f"{format_id(t, r.figure.decimals)}"
                            ),
                            list(r.figure.cells),
                        )
                    )
                    break
        elif d.kind in ("max", "min") and near:
            r = by_claim.get(id(near[0]))
            if r is None or r.status != "verified" or r.figure is None or not r.figure.is_cell or r.figure.row is None:
                continue
            f = r.figure
            t = wb.tables[f.table]
            stem, y = _year_of(f.column)
            if y is not None:
                peers = [c for cid, c in f.row.cells.items() if _year_of(cid)[0] == stem and c.value is not None]
            else:
                peers = [c for rr in t.data_rows() if (c := _num(rr, f.column)) is not None]
            if len(peers) < 2:
                continue
            ext = max(peers, key=lambda c: c.value) if d.kind == "max" else min(peers, key=lambda c: c.value)
            if abs(ext.value - f.value) > 1e-9:
                word = "tertinggi" if d.kind == "max" else "terendah"
                out.append(
                    DirectionIssue(
                        p,
                        d.raw,
                        d.kind,
                        d.start,
                        d.end,
                        f"paragraf menyebut {word} {near[0].raw}, tetapi nilai {word} di tabel adalah {ext.text}",
                        f"the paragraph calls {near[0].raw} the {'highest' if d.kind == 'max' else 'lowest'}, "
                        f"but the table's is {ext.text}",
                        [ext, *f.cells],
                    )
                )
        elif d.kind in ("above", "below") and d.figure is not None and d.figure_unit == "%":
            sent_start = text.rfind(". ", 0, d.start) + 1
            if not _ALL_WORD.search(text[sent_start : d.end + 1]):
                continue
            tid = scope[0] if scope else None
            t = wb.tables.get(tid) if tid else None
            if t is None:
                continue
            pct = [cid for cid, kind, _ in _numeric_columns(t) if kind == "percent"]
            if not pct:
                continue
            cells = [c for rr in t.data_rows() if (c := _num(rr, pct[-1])) is not None]
            bad = [c for c in cells if (c.value <= d.figure if d.kind == "above" else c.value >= d.figure)]
            if bad:
                rel = "di atas" if d.kind == "above" else "di bawah"
                out.append(
                    DirectionIssue(
                        p,
                        d.raw,
                        d.kind,
                        d.start,
                        d.end,
                        f"paragraf menyebut semuanya {rel} {format_id(d.figure, d.figure_decimals or 0)}%, "
                        f"tetapi {', '.join(c.text for c in bad)} tidak",
                        f"the paragraph says all are {'above' if d.kind == 'above' else 'below'} "
                        f"{format_id(d.figure, d.figure_decimals or 0)}%, but {', '.join(c.text for c in bad)} are not",
                        bad,
                    )
                )
    return out


# ---------------------------------------------------------------- analysis


def analyse(wb: Workbook) -> Analysis:
    idx = figures(wb)
    prep = _Prep(wb, idx)
    results: list[ClaimResult] = []
    refs_out: list[RefIssue] = []
    dirs_out: list[DirectionIssue] = []
    corrected: dict[str, str] = {}
    group: dict[str, list[str]] = {}
    for p in wb.paragraphs:
        text = p.text or ""
        prior = group.setdefault(p.follows or "", [])
        group_text = " ".join(prior[-3:])
        prior.append(text)
        # Each paragraph is read once; classification and the checks share it.
        spans = _sentence_spans(text)
        refs = extract_table_refs(text)
        claims = extract_claims(text, spans=spans, table_refs=refs)
        scope = _scope(wb, p, refs, prep)
        dirs = extract_direction_statements(text, claims, spans=spans)
        res = classify_paragraph(wb, p, idx, group_text, claims, scope=scope, dirs=dirs, prep=prep)
        results.extend(res)
        ref_issues = check_table_refs(wb, p, refs, prep)
        refs_out.extend(ref_issues)
        dirs_out.extend(check_directions(wb, p, claims, res, scope, dirs))
        edits: list[tuple[int, int, str]] = []
        for r in res:
            if r.status == "contradicted" and r.replacement is not None:
                edits.append((r.claim.num_start, r.claim.num_end, r.replacement))
        for ri in ref_issues:
            k = ri.ref.raw.find(ri.ref.table_id or "")
            if k >= 0:
                s = ri.ref.start + k
                edits.append((s, s + len(ri.ref.table_id or ""), ri.expected))
        if edits:
            new = text
            for s, e, rep in sorted(edits, reverse=True):
                new = new[:s] + rep + new[e:]
            corrected[p.ref] = new
    return Analysis(results, refs_out, dirs_out, corrected)


def classify_paragraphs(wb: Workbook) -> list[ClaimResult]:
    """Every claim of every paragraph with its status, matched cells and intended value."""
    return analyse(wb).results


def counts(results: list[ClaimResult]) -> dict[str, int]:
    out = {"verified": 0, "contradicted": 0, "unverifiable": 0}
    for r in results:
        out[r.status] = out.get(r.status, 0) + 1
    return out


__all__ = [
    "Analysis",
    "ClaimResult",
    "DirectionIssue",
    "Figure",
    "RefIssue",
    "analyse",
    "classify_paragraphs",
    "counts",
    "figures",
]
