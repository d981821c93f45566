"""Build the edits of a read workbook from its `sheets/*.toml` declarations.

Column totals (`[total] columns`), declared sums (`[[rows]] sum_of`), formula columns
(`formula = "l + p"`), ratio and capaian checks (`[[checks]]`, capaian by the indicator's polarity)
and figures printed twice (`[[same]]`). A figure the narrative states for one table cell is an
equality edit too, but its prose copy costs half a table figure to change: prose copies a table, so
it is evidence, never enough to outvote a table's own arithmetic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ..model import Cell, Row, Table, Workbook
from ..narrative.typo import _MAX_GUARD, _REL_GUARD
from ..rules.capaian import polarity_of
from ..rules.crosstable import same_declarations, same_pairs, source_rank_of
from ..rules.crosstable_lists import key_rows, land_terms
from ..rules.groups import SUMMED_KINDS, group_mean_fits
from ..rules.narrative import narrative_analysis
from ..rules.polarity import assumed_lower
from ..rules.totals import sum_parts
from ..spec import ColumnSpec, RowSpec
from .model import LOWER_ANY, Address, Edit, Var
from .plan import plan_of

ADDITIVE_KINDS = {"count", "rupiah", "hectare", "decimal", "score"}
ROW_ROLES = ("data", "subtotal", "total", "group")  # rows whose own figures satisfy the row's identities
NARRATIVE_COST = 1 / 64  # a prose copy only breaks ties between explanations with as many table cells


@dataclass(slots=True)
class EditSet:
    vars: dict[Address, Var] = field(default_factory=dict)
    edits: list[Edit] = field(default_factory=list)
    cells: dict[Address, Cell] = field(default_factory=dict)
    claims: dict[Address, Any] = field(default_factory=dict)  # prose vars: the narrative claim
    of: dict[Address, list[Edit]] = field(default_factory=dict, repr=False)  # the edits over each cell

    def add(self, e: Edit) -> None:
        vs = e.vars
        if len(vs) < 2 or (vs[0] == vs[1] if len(vs) == 2 else len(set(vs)) != len(vs)):
            return
        self.edits.append(e)
        of = self.of
        for a in vs:
            got = of.get(a)
            if got is None:
                of[a] = [e]
            else:
                got.append(e)

    def edits_of(self, a: Address) -> list[Edit]:
        """The edits over cell `a`, in the order they were added (the search asks for them at every node:
        the list is kept, callers must not change it)."""
        return self.of.get(a, _NONE)


_NONE: list[Edit] = []
_UNSEEN = object()


@dataclass(slots=True, frozen=True)
class _Column:
    """A numeric column's share of its figures' variables: exactness, decimals (exact kinds: the column's
    most), declared bounds, whether a `component_max` check caps it at the row's bobot, and whether rows
    may narrow its bounds (asked once per column, not per figure)."""

    exact: bool
    decimals: int
    lo: float
    hi: float
    capped: bool
    bounded: bool  # does a row of its table carry its own bounds (the plan's `bounded`)?


def _col_decimals(t: Table, cid: str) -> int:
    # `Cell.decimals` and `Cell.value` read from the parsed figure directly (asked for every row)
    return max(
        (p.decimals or 0 for r in t.rows if (c := r.cells.get(cid)) is not None and (p := c.parsed).value is not None),
        default=0,
    )


class _Builder:
    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self.es = EditSet()
        self._columns: dict[tuple[int, str], _Column | None] = {}
        self._rows: dict[int, dict[int, Row]] = {}
        self._seen: dict[int, Address | None] = {}  # by id() of the cell: the workbook keeps every cell alive
        self._ranks: dict[tuple[str, str], int | None] = {}

    def _column(self, t: Table, cid: str) -> _Column | None:
        """What every figure of a numeric column shares, once per column; None for a column without figures."""
        k = (id(t), cid)
        try:
            return self._columns[k]
        except KeyError:
            pass
        got = None
        if t.spec.has_column(cid) and (col := t.spec.column(cid)).numeric:
            plan = plan_of(t.spec, self.wb.year)
            got = _Column(
                col.exact,
                _col_decimals(t, cid) if col.exact else 0,
                -math.inf if col.min is None else col.min,
                math.inf if col.max is None else col.max,
                cid in plan.capped,
                plan.bounded,
            )
        self._columns[k] = got
        return got

    def _rank(self, tid: str, cid: str) -> int | None:
        """A column's rank as the source of a figure (`_sources.toml`), once per column."""
        k = (tid, cid)
        try:
            return self._ranks[k]
        except KeyError:
            r = self._ranks[k] = _source_rank(tid, cid)
            return r

    def _row_of(self, t: Table) -> dict[int, Row]:
        """The row of each cell of a table (the first that holds it), once per table."""
        got = self._rows.get(id(t))
        if got is None:
            got = self._rows[id(t)] = {}
            for r in t.rows:
                for c in r.cells.values():
                    got.setdefault(id(c), r)
        return got

    def var(self, t: Table, cid: str, cell: Cell | None) -> Address | None:
        """The variable of a cell's printed figure (made on first sight); None for a cell without a figure.
        A cell object always comes with its own table and column: its answer is kept by identity."""
        if cell is None:
            return None
        k = id(cell)
        got = self._seen.get(k, _UNSEEN)
        if got is _UNSEEN:
            got = self._seen[k] = self._new_var(t, cid, cell)
        return got  # type: ignore[return-value]

    def _new_var(self, t: Table, cid: str, cell: Cell) -> Address | None:
        p = cell.parsed
        if p.value is None:
            return None
        try:
            col = self._columns[(id(t), cid)]
        except KeyError:
            col = self._column(t, cid)
        if col is None:
            return None
        a = (cell.sheet, cell.ref)
        vars_ = self.es.vars
        if a not in vars_:
            if col.exact:
                d, v = col.decimals, float(p.value)
            else:
                d = p.decimals or 0
                # The printed figure: a stored 88,6470588 shown with two decimals is 88,65. `round_printed` written
                # out (the same float operations): it runs for most figures of the workbook.
                x, unit = float(p.value), 10**d
                scaled = x * unit
                n = math.floor(abs(scaled) + 0.5 + min(_REL_GUARD * max(1.0, abs(scaled)), _MAX_GUARD))
                v = math.copysign(n, x) / unit
            lo, hi = col.lo, col.hi
            if col.bounded:
                row = self._row_of(t).get(id(cell))
                if row is not None and row.row_id is not None:
                    lo, hi = _domain(t.spec.row_spec(row.row_id), col)
            vars_[a] = Var(a, v, d, col.exact, cell.text, t.id, cid, False, 1.0, False, lo, hi)
            self.es.cells[a] = cell
        return a

    def linear(self, t: Table, terms: list[tuple[float, str, Cell | None]], code: str, label: str) -> None:
        """sum(coef x cell) = 0 over the cells that hold figures; the last term is the derived one."""
        for _k, _id, c in terms:
            if c is not None and c.parsed.status in ("unparsed", "text") and c.text:
                return
        vs: list[Address] = []
        ks: list[float] = []
        seen, var = self._seen, self.var
        for k, cid, c in terms:
            if c is None:
                continue
            a = seen.get(id(c), _UNSEEN)  # `var` inline for a cell already seen: most are
            if a is _UNSEEN:
                a = var(t, cid, c)
            if a is not None:
                vs.append(a)  # type: ignore[arg-type]
                ks.append(k)
        if len(vs) < 2 or terms[-1][2] is None or vs[-1] != (terms[-1][2].sheet, terms[-1][2].ref):
            return
        self.es.add(Edit("linear", tuple(vs), code, tuple(ks), output=vs[-1], label=label))

    def totals(self, t: Table) -> None:
        total = t.total_row()
        specs = plan_of(t.spec, self.wb.year).rows
        if total is not None and t.spec.total_columns and not (total.row_id in specs and specs[total.row_id].sum_of):
            parts = sum_parts(t)
            for cid in t.spec.total_columns:
                if t.spec.has_column(cid):
                    terms = [(1.0, cid, r.get(cid)) for r in parts] + [(-1.0, cid, total.get(cid))]
                    self.linear(t, terms, "T101", f"Jumlah {cid}")
        by_id: dict[str, Row] = {}
        for r in t.rows:
            if r.row_id and r.row_id not in by_id:
                by_id[r.row_id] = r
        for parent in t.rows:
            rs = specs.get(parent.row_id or "")
            if rs is None or not rs.sum_of:
                continue
            children = [by_id[c] for c in rs.sum_of if c in by_id and by_id[c] is not parent]
            for col in t.spec.columns:
                if children and col.kind in ADDITIVE_KINDS and col.id != t.spec.numbering:
                    terms = [(1.0, col.id, ch.get(col.id)) for ch in children] + [(-1.0, col.id, parent.get(col.id))]
                    self.linear(t, terms, "T102", f"{parent.label} {col.id}")
        # Group rows the reader found (Program above its Kegiatan, I/II above 1., 2.): the rows directly below.
        for g in t.rows:
            if g.role != "group" or not g.children:
                continue
            kids = [t.rows[i] for i in g.children]
            for col in t.spec.columns:
                if col.kind in SUMMED_KINDS and col.id != t.spec.numbering:
                    terms = [(1.0, col.id, k.get(col.id)) for k in kids] + [(-1.0, col.id, g.get(col.id))]
                    self.linear(t, terms, "T104", f"{g.label} {col.id}")

    def formulas(self, t: Table) -> None:
        for col, terms in plan_of(t.spec, self.wb.year).formulas:
            if col.id not in t.columns:
                continue
            for r in t.rows:
                if r.role in ROW_ROLES:
                    ts = [(float(s), cid, r.get(cid)) for s, cid in terms] + [(-1.0, col.id, r.get(col.id))]
                    if all(c is not None and c.value is not None for _k, _i, c in ts):
                        self.linear(t, ts, "T103", f"{col.id} {r.label}")

    def ratios(self, t: Table) -> None:
        for rule, (c0, c1, c2), code in plan_of(t.spec, self.wb.year).ratios:
            var = self.var
            for r in t.rows:
                if r.role not in ROW_ROLES:
                    continue
                cells = r.cells
                # A group's percentage printed as the mean of its children's is that mean, not its own ratio.
                if r.role == "group" and (oc := cells.get(c0)) is not None and group_mean_fits(t, r, oc):
                    continue
                # Every var made, in column order, before any is found missing (the variables' order is the search's).
                a0, a1, a2 = var(t, c0, cells.get(c0)), var(t, c1, cells.get(c1)), var(t, c2, cells.get(c2))
                if a0 is None or a1 is None or a2 is None:
                    continue
                # Lower-is-better by its name alone: any formula offices use for it is the row's identity.
                form = "ratio" if rule == "ratio" else (LOWER_ANY if assumed_lower(t, r) else polarity_of(t, r))
                own = "C204" if form == LOWER_ANY else code  # the rule that judges such a row
                self.es.add(Edit("ratio", (a0, a1, a2), own, form=form, output=a0, label=r.label))

    def skm(self, t: Table) -> None:
        """NRR tertimbang = sum of the unsur NRR / 9; IKM = that sum x 25 / 9 (PermenPANRB 14/2017)."""
        for chk in t.spec.checks:
            if chk.get("rule") != "skm":
                continue
            vcol = str(chk.get("value", "nilai"))
            rows = [t.row(u) for u in chk.get("unsur", [])]
            cells = [r.get(vcol) if r is not None else None for r in rows]
            if not cells or any(c is None or c.value is None for c in cells):
                continue
            n = len(cells)
            for key, k, code in (("nrr_tertimbang", 1.0 / n, "S401"), ("ikm", 25.0 / n, "S402")):
                r = t.row(str(chk.get(key, "")))
                out = r.get(vcol) if r is not None else None
                terms = [(k, vcol, c) for c in cells] + [(-1.0, vcol, out)]
                if out is not None and out.value is not None:
                    self.linear(t, terms, code, f"{key}")

    def copies(self, ctx: Any) -> None:
        seen: set[tuple[Address, Address]] = set()
        var, add = self.var, self.es.add
        for p in same_pairs(ctx):
            ca, cb = p.a, p.b
            if ":" in ca.ref or ":" in cb.ref or (ca.parsed.letter is None) != (cb.parsed.letter is None):
                continue
            a, b = var(p.ta, p.ca, ca), var(p.tb, p.cb, cb)
            if a is None or b is None:
                continue
            pair = (a, b) if a <= b else (b, a)  # either order: one pair
            if pair in seen:
                continue
            seen.add(pair)
            add(Edit("equal", (a, b), "X601", label=p.what))
            rank_a, rank_b = self._rank(p.ta.id, p.ca), self._rank(p.tb.id, p.cb)
            if rank_a is not None and (rank_b is None or rank_a < rank_b):
                self.es.vars[a].source = True
            elif rank_b is not None and (rank_a is None or rank_b < rank_a):
                self.es.vars[b].source = True

    def land_use(self, ctx: Any) -> None:
        """A `[[same]] kind = "value"`: each desa's figure equals an expression of the other table's columns,
        row by matching desa and total by total (Tabel 1.1 luas = perkebunan + pertanian + perumahan)."""
        for t, o, d in same_declarations(ctx, {"value"}):
            col, terms = d.get("column"), land_terms(d.get("expression") or "")
            if not col or not terms or not t.spec.has_column(col) or not all(o.spec.has_column(n) for _s, n in terms):
                continue
            theirs: dict[str, Row] = {}
            for k, r, _c in key_rows(o, ctx):
                theirs.setdefault(k, r)
            pairs = [(r, theirs[k]) for k, r, _c in key_rows(t, ctx) if k in theirs]
            ta, tb = t.total_row(), o.total_row()
            if ta is not None and tb is not None:
                pairs.append((ta, tb))
            for ra, rb in pairs:
                parts: list[tuple[float, Table, str, Cell | None]] = [(float(s), o, n, rb.get(n)) for s, n in terms]
                self.cross(parts + [(-1.0, t, col, ra.get(col))], "X603", f"{ra.label} {col}")

    def cross(self, terms: list[tuple[float, Table, str, Cell | None]], code: str, label: str) -> None:
        """A linear edit over cells of several tables; "-" and empty cells count as 0 (no variable)."""
        if any(c is not None and c.status in ("unparsed", "text") and c.text for _k, _t, _i, c in terms):
            return
        out = terms[-1][3]
        if out is None or out.value is None:
            return
        vs: list[Address] = []
        ks: list[float] = []
        for k, t, cid, c in terms:
            a = self.var(t, cid, c)
            if a is not None:
                vs.append(a)
                ks.append(k)
        if len(vs) >= 2 and vs[-1] == (out.sheet, out.ref):
            self.es.add(Edit("linear", tuple(vs), code, tuple(ks), output=vs[-1], label=label))

    def narrative(self, ctx: Any) -> None:
        try:
            analysis = narrative_analysis(ctx)
        except Exception:  # noqa: BLE001 -- evidence only; the narrative rules report their own problems
            return
        for r in analysis.results:
            f = r.figure or (r.matched[0] if r.matched else None)
            c = _printed_cell(ctx.wb, f) if f is not None else None
            if f is None or c is None or f.kind in ("difference", "ratio", "share", "average"):
                continue
            v = self.es.vars.get((c.sheet, c.ref))
            claim = r.claim
            if v is None or claim.value is None or claim.kind in ("difference", "ratio", "share", "average"):
                continue
            a = (r.paragraph.sheet, f"{r.paragraph.ref}#{claim.start}")
            exact = v.exact and claim.decimals <= v.decimals
            # Prose drops the sign of a gap; a figure its table cannot print negative keeps the prose's own
            # sign, so a minus typed into the table is a disagreement, not a copy.
            signed = abs(float(claim.value)) * (-1.0 if v.value < 0 and v.lo < 0 else 1.0)
            self.es.vars[a] = Var(
                a, signed, claim.decimals, exact, claim.raw, "Narasi", None, cost=NARRATIVE_COST, prose=True
            )
            self.es.claims[a] = claim
            self.es.add(Edit("equal", (v.address, a), "N801", label=claim.raw))


def _domain(rs: RowSpec | None, col: _Column) -> tuple[float, float]:
    """Bounds of a cell's figure: the row's own `min`/`max`, else the column's; a component's score is
    at most its row's `bobot` where a `component_max` check names the column (`col.capped`)."""
    lo, hi = col.lo, col.hi
    if rs is None or not rs.extra:
        return lo, hi
    extra = rs.extra
    if col.capped:
        hi = min(hi, float(extra["bobot"])) if isinstance(extra.get("bobot"), (int, float)) else hi
    if isinstance(extra.get("min"), (int, float)):
        lo = float(extra["min"])
    if isinstance(extra.get("max"), (int, float)):
        hi = float(extra["max"])
    return lo, hi


def _printed_cell(wb: Workbook, f: Any) -> Cell | None:
    """The one cell a narrative figure copies: the cell itself, or for the sum of a column the
    table's printed total (the prose copies the JUMLAH row, which the column-sum edit ties to its rows)."""
    if len(f.cells) == 1:
        return f.cells[0]
    if f.kind != "sum":
        return None
    t = wb.tables.get(f.table)
    total = t.total_row() if t is not None else None
    cell = total.cells.get(f.column) if total is not None else None
    return cell if cell is not None and cell.value is not None and cell not in f.cells else None


def _source_rank(tid: str, cid: str) -> int | None:
    return source_rank_of(tid, cid)


def build_edits(ctx: Any, evidence: bool = True) -> EditSet:
    """The edits of the workbook behind a rule Context (cached there); `evidence`: with the narrative's copies."""
    got: EditSet | None = ctx.cache.get("edits")
    if got is not None:
        return got
    b = _Builder(ctx.wb)
    for t in ctx.wb.tables.values():
        b.totals(t)
        b.formulas(t)
        b.ratios(t)
        b.skm(t)
    b.copies(ctx)
    b.land_use(ctx)
    if evidence:
        b.narrative(ctx)
    ctx.cache["edits"] = b.es
    return b.es


__all__ = ["EditSet", "build_edits", "ColumnSpec"]
