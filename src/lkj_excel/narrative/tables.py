"""The figures a paragraph may state from one table: its cells and the figures computed from them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Cell, Row, Table, Workbook
from ..precision import Interval, consistent, interval_of

_UNIT_OF_KIND = {"percent": "%", "rupiah": "Rp", "hectare": "Ha", "count": "count", "integer": "count"}
_YEAR_SUFFIX_RE = re.compile(r"^(?P<stem>.*?)_(?P<year>(?:19|20)\d{2})$")
_DEN_STEMS = ("target", "anggaran", "pagu")
_NUM_STEMS = ("realisasi",)
_SPACE_RE = re.compile(r"\s+")


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


def magnitude(iv: Interval) -> tuple[float, float]:
    if iv.lo >= 0:
        return iv.lo, iv.hi
    if iv.hi <= 0:
        return -iv.hi, -iv.lo
    return 0.0, max(-iv.lo, iv.hi)


def year_of(cid: str) -> tuple[str, int | None]:
    m = _YEAR_SUFFIX_RE.match(cid)
    return (m.group("stem"), int(m.group("year"))) if m else (cid, None)


def numeric_columns(t: Table) -> list[tuple[str, str, bool]]:
    """(column id, kind, exact) of the numeric columns present, numbering left out."""
    out = []
    for col in t.spec.columns:
        if not col.numeric or col.id == "no" or col.id not in t.columns and not any(col.id in r.cells for r in t.rows):
            continue
        if col.kind == "integer" and col.id in ("no", "nomor"):
            continue
        out.append((col.id, col.kind, col.exact))
    return out


def number_cell(r: Row, cid: str) -> Cell | None:
    c = r.cells.get(cid)
    return c if c is not None and c.value is not None and c.status in ("number", "predikat") else None


def value_of(c: Cell) -> float:
    """The value of a cell ``number_cell`` returned, which has one."""
    v = c.value
    if v is None:
        raise ValueError(f"{c.ref}: no number")
    return v


def _interval(c: Cell, exact: bool) -> Interval:
    iv = interval_of(c, exact)
    if iv is None:
        raise ValueError(f"{c.ref}: no number")
    return iv


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
        self.cols = numeric_columns(t)
        self.kinds = {cid: kind for cid, kind, _ in self.cols}
        self.years = {cid: year_of(cid) for cid, _, _ in self.cols}
        self.out: list[Figure] = []
        self.data = [r for r in t.rows if r.role == "data"]
        # Each row's numeric cells (in column order) with their intervals, and each
        # row's name, are computed once: the loops below pair them up.
        # (number_cell keeps cells with a value, which interval_of never maps to None.)
        self.present_of: dict[int, list[tuple[str, str, bool, Cell, Interval, float]]] = {
            id(r): [
                (cid, kind, ex, c, iv, v)
                for cid, kind, ex in self.cols
                if (c := number_cell(r, cid)) is not None
                and (iv := interval_of(c, ex)) is not None
                and (v := c.value) is not None
            ]
            for r in t.rows
        }
        self.names: dict[int, str] = {}
        # The numeric cells of each column over the data rows, and their intervals.
        self.col_cells: dict[str, list[Cell]] = {cid: [] for cid, _, _ in self.cols}
        self.col_ivs: dict[str, list[Interval]] = {cid: [] for cid, _, _ in self.cols}
        self.col_vals: dict[str, list[float]] = {cid: [] for cid, _, _ in self.cols}
        for r in self.data:
            for cid, _, _, c, iv, v in self.present_of[id(r)]:
                self.col_cells[cid].append(c)
                self.col_ivs[cid].append(iv)
                self.col_vals[cid].append(v)
        # Column sums over the data rows (recomputed, not the printed total).
        self.sums: dict[str, tuple[float, Interval, int, list[Cell]]] = {}
        for cid, kind, _ in self.cols:
            cs = self.col_cells[cid]
            if kind == "percent" or len(cs) < 2:
                continue
            iv = Interval(0.0, 0.0)
            for civ in self.col_ivs[cid]:
                iv = iv + civ
            self.sums[cid] = (sum(self.col_vals[cid]), iv, max((c.decimals or 0) for c in cs), cs)

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
        if not lo >= 0:  # as magnitude: NaN too
            if hi <= 0:
                lo, hi = -hi, -lo
            else:
                lo, hi = 0.0, max(-lo, hi)
        if r is None:
            rid, name = None, ""
        else:
            rid, cached = r.row_id, self.names.get(id(r))
            if cached is None:
                name = self.names[id(r)] = _row_name(r, self.t)
            else:
                name = cached
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
            for cid, kind, ex, c, iv, v in self.present_of[id(r)]:
                y = self.years[cid][1]
                recomputed = None
                if r.role == "total" and cid in self.sums and (cid in total_columns or ex or kind == "score"):
                    sv, siv, _, _ = self.sums[cid]
                    if not consistent(v, c.decimals if not ex else 0, siv):
                        recomputed = sv
                fk = "sum" if r.role in ("total", "subtotal") else "value"
                unit = c.parsed.unit if c.parsed.unit == "%" else _UNIT_OF_KIND.get(kind)
                self.add(
                    v,
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
            mean = sum(self.col_vals[cid]) / n
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
        for i, (a, ka, _, ca, iva, va) in enumerate(present):
            sa, ya = years[a]
            for b, kb, _, cb, ivb, vb in present[i + 1 :]:
                if ka != kb:
                    continue
                sb, yb = years[b]
                if ka == "percent" and sa != sb:
                    continue
                dec = max(ca.decimals or 0, cb.decimals or 0)
                trend = None
                if ya and yb and ya != yb:
                    trend = (va - vb) if ya > yb else (vb - va)
                yrs = tuple(y for y in (ya, yb) if y)
                # iva - ivb, without the Interval
                add_lh(
                    va - vb,
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
        for a, ka, _, ca, iva, va in present:
            sa, ya = self.years[a]
            if not sa.startswith(_DEN_STEMS) or ka == "percent":
                continue
            for b, kb, _, cb, ivb, vb in present:
                sb, yb = self.years[b]
                if not sb.startswith(_NUM_STEMS) or yb != ya or kb != ka or va == 0:
                    continue
                iv = (ivb / iva).scale(100)
                self.add(
                    vb / va * 100,
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
                        ca, cb = number_cell(ra, cid), number_cell(rb, cid)
                        if ca is None or cb is None:
                            continue
                        y = self.years[cid][1]
                        iv = _interval(ca, ex) - _interval(cb, ex)
                        self.add(
                            value_of(ca) - value_of(cb),
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
                c = number_cell(r, cid)
                if c is None:
                    continue
                iv = (_interval(c, ex) / siv).scale(100)
                self.add(value_of(c) / sv * 100, iv, 2, "share", "%", (c,), cid, r, f"{cid} / jumlah {cid} × 100")
