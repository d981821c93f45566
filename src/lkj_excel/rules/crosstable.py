"""Figures that appear in more than one table must agree.

Which pairs of tables repeat which figures is declared in `sheets/*.toml`
(`[[same]]`); this module only knows how to compare them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..findings import Finding
from ..model import Cell, Row, Table
from ..numerals import Parsed, format_id
from ..precision import FLOAT_NOISE, round_half_up
from ..spec import EXACT_KINDS, squash
from ..spec_sources import sources
from ..texts import register
from .base import Context, make, rows_by_id, rule

# Which table is the source of a figure, by (table, column id without its year suffix), is declared in
# sheets/_sources.toml ([[rank]]): lower rank wins; equal ranks (3.16 vs 3.17) mean no source.
register(
    {
        "crosstable.same_value": (
            (
                "Tabel {tid} sel {cell} ({what}) berisi {found}, sedangkan Tabel {other_table} sel {other_cell} "
                "berisi {source_text}. Angka yang sama harus sama di kedua tabel; periksa mana yang benar."
            ),
            (
                "Tabel {tid} cell {cell} ({what}) reads {found}, but Tabel {other_table} cell {other_cell} "
                "reads {source_text}. The same figure must agree in both tables; check which one is right."
            ),
        ),
        "crosstable.same_value_source": (
            (
                "Tabel {tid} sel {cell} ({what}) berisi {found}, sedangkan sumbernya, Tabel {other_table} "
                "sel {other_cell}, berisi {source_text}. Samakan dengan Tabel {other_table}."
            ),
            (
                "Tabel {tid} cell {cell} ({what}) reads {found}, but its source, Tabel {other_table} "
                "cell {other_cell}, reads {source_text}. Make it match Tabel {other_table}."
            ),
        ),
        "crosstable.desa_missing": (
            (
                'Desa "{desa}" (Tabel {tid} sel {cell}) tidak ada di Tabel {other_table}. '
                "Daftar desa harus sama di Tabel {tables}."
            ),
            (
                'Desa "{desa}" (Tabel {tid} cell {cell}) is not listed in Tabel {other_table}. '
                "The list of desa must be the same in Tabel {tables}."
            ),
        ),
        "crosstable.desa_extra": (
            (
                'Desa "{desa}" (Tabel {tid} sel {cell}) tercantum {count} kali di Tabel {tid} '
                "tetapi {other_count} kali di Tabel {other_table}."
            ),
            (
                'Desa "{desa}" (Tabel {tid} cell {cell}) is listed {count} times in Tabel {tid} '
                "but {other_count} times in Tabel {other_table}."
            ),
        ),
        "crosstable.desa_missing_near": (
            (
                'Desa "{desa}" (Tabel {tid} sel {cell}) tidak ada di Tabel {other_table}; mungkin maksudnya '
                '"{near}"? Daftar desa harus sama di Tabel {tables}.'
            ),
            (
                'Desa "{desa}" (Tabel {tid} cell {cell}) is not listed in Tabel {other_table}; did you mean '
                '"{near}"? The list of desa must be the same in Tabel {tables}.'
            ),
        ),
        "crosstable.land_use": (
            (
                "Luas desa {desa} di Tabel {tid} sel {cell} adalah {found}, tetapi di Tabel {other_table} "
                "{terms} = {expected} (selisih {diff})."
            ),
            (
                "The area of desa {desa} in Tabel {tid} cell {cell} is {found}, but in Tabel {other_table} "
                "{terms} = {expected} (off by {diff})."
            ),
        ),
        "crosstable.land_use_total": (
            (
                "Jumlah luas di Tabel {tid} sel {cell} adalah {found}, tetapi jumlah {terms} di Tabel "
                "{other_table} = {expected} (selisih {diff})."
            ),
            (
                "The total area in Tabel {tid} cell {cell} is {found}, but the totals of {terms} in Tabel "
                "{other_table} add up to {expected} (off by {diff})."
            ),
        ),
    }
)

# --------------------------------------------------------------------------- helpers


def same_declarations(ctx: Context, kinds: set[str]) -> Iterator[tuple[Table, Table, dict[str, Any]]]:
    """Every `[[same]]` of the given kinds whose two tables were read, templated with the year (read-only)."""
    for t in ctx.tables():
        for d in t.spec.same_for_year(ctx.wb.year):
            if d.get("kind") not in kinds:
                continue
            other = ctx.table(str(d.get("table")))
            if other is None:
                continue
            yield t, other, d


_YEAR_SUFFIX = re.compile(r"_\d{4}$")


@lru_cache(maxsize=1024)  # the declared column ids, with their year
def _base_column(cid: str) -> str:
    return _YEAR_SUFFIX.sub("", cid)


def source_rank_of(tid: str, cid: str) -> int | None:
    return sources().source_rank(tid, _base_column(cid))


def _kind(t: Table, cid: str) -> str:
    try:
        return t.spec.column(cid).kind
    except KeyError:
        return "text"


def col_label(t: Table, cid: str) -> str:
    try:
        col = t.spec.column(cid)
    except KeyError:
        return cid
    if col.label:
        return col.label
    head = col.header[0] if col.header else cid
    return f"{col.parent[0]} {head}" if col.parent else head


def _is_blank(c: Cell | None) -> bool:
    return c is None or c.status == "empty" or (c.status == "text" and not c.text)


def cells_agree(a: Cell, b: Cell, exact: bool) -> bool:
    """Two printed figures agree when one can be the printing of the other (exact kinds: equal)."""
    if a.letter and b.letter and a.letter.upper() != b.letter.upper():
        return False
    va, vb = a.value, b.value
    if (va is None or vb is None) and a.letter and b.letter:
        return True  # "BB" and "BB (71,00)": the letters agree, one side has no score
    if va is None and vb is None:
        # "-" vs "-", or two bare letters (compared above)
        return (a.status == b.status) or bool(a.letter and b.letter)
    if va is None or vb is None:
        v = va if va is not None else vb
        none_side = b if va is not None else a
        return none_side.status == "none" and v == 0
    g = FLOAT_NOISE * max(1.0, abs(va), abs(vb))
    if exact:
        return abs(va - vb) <= g
    # Rounding intervals are half-open: two printings at one precision must be identical (90,00 and
    # 90,01 are two figures); at two precisions the coarser must be the rounding of the finer.
    # A cell may hold more digits than it prints (a live formula =D10/C10 shown "102,28%"): compare printings.
    da, db = a.decimals or 0, b.decimals or 0
    va, vb = round_half_up(va, da), round_half_up(vb, db)  # a stored 88,6470588 prints 88,65
    if da == db:
        return abs(round_half_up(va, da) - round_half_up(vb, db)) <= g
    fine, coarse, dc = (va, vb, db) if da > db else (vb, va, da)
    return abs(round_half_up(fine, dc) - round_half_up(coarse, dc)) <= g


# Cells that hold no figure to compare (unreadable ones are reported by the reader's rules).
_NOT_FIGURES = {"text", "unparsed", "empty"}


def _fix_for(wrong: Cell, src: Cell) -> Any:
    """The source's figure, written the way the wrong cell writes figures."""
    if src.value is None:
        return src.text or None
    if wrong.letter or (src.letter and wrong.is_text_typed):
        letter = src.letter or wrong.letter
        num = format_id(src.value, src.decimals or 0)
        if letter is None:
            return num
        if wrong.is_text_typed and re.match(r"^\s*[\d(]", wrong.text):
            return f"{num} ({letter})"
        return f"{letter} ({num})"
    return src.value


@dataclass
class Pair:
    """Two cells declared to hold the same figure; `a` belongs to the declaring table."""

    ta: Table
    ra: Row | None
    ca: str
    a: Cell
    tb: Table
    rb: Row | None
    cb: str
    b: Cell
    label: str | None = None  # what the pair holds, when not the row and column of `a`

    @property
    def what(self) -> str:
        """What the figure is ("Indeks Kepuasan Masyarakat, Target"), for messages: built only when asked."""
        return self.label if self.label is not None else _what(self.ta, self.ra, self.ca)

    @property
    def exact(self) -> bool:
        return _kind(self.ta, self.ca) in EXACT_KINDS and _kind(self.tb, self.cb) in EXACT_KINDS

    def source(self) -> str | None:
        """ "a", "b" or None when neither table is the source of this figure."""
        ra, rb = source_rank_of(self.ta.id, self.ca), source_rank_of(self.tb.id, self.cb)
        if ra is None and rb is None:
            return None
        if rb is None or (ra is not None and ra < rb):
            return "a"
        if ra is None or rb < ra:
            return "b"
        return None


def _own_rows(t: Table, rows: list[Row], office: str | None) -> list[Row]:
    """The office's own rows of a table that also lists peer offices (Tabel 3.12)."""
    col = t.spec.raw.get("peer_column")
    if not rows:
        return rows
    if office and col:
        want = squash(re.sub(r"(?i)^\s*kec(amatan)?\.?\s+", "", office))
        own = []
        for r in rows:
            c = r.get(col)
            name = squash(re.sub(r"(?i)^\s*kec(amatan)?\.?\s+", "", c.text if c else ""))
            if want and name and (name == want or want in name):
                own.append(r)
        if own:
            return own
    # Else the first row of each block of consecutive rows.
    firsts = [rows[0]]
    for prev, r in itertools.pairwise(rows):
        if r.index != prev.index + 1:
            firsts.append(r)
    return firsts


def _rows_with(ctx: Context, t: Table, rid: str, cid: str, own_only: bool, office: str | None) -> list[Row]:
    own = bool(own_only or t.spec.raw.get("peer_column"))
    key = f"rows_with:{id(t)}:{rid}:{own}"
    rows: list[Row] | None = ctx.cache.get(key)
    if rows is None:
        rows = rows_by_id(ctx, t).get(rid, [])
        rows = ctx.cache[key] = _own_rows(t, rows, office) if own else rows
    # Only rows that print the figure themselves (a merged block prints it once).
    return [r for r in rows if not _is_blank(r.get(cid))]


def _find_row(t: Table, rid: str | None) -> Row | None:
    if not rid:
        return None
    return t.row(rid) or (t.total_row() if rid == "total" else None)


def _what(t: Table, row: Row | None, cid: str) -> str:
    label = (row.label if row is not None else "") or ""
    col = col_label(t, cid)
    return f"{label}, {col}" if label else col


def same_pairs(ctx: Context) -> list[Pair]:
    """Every pair of cells declared to hold the same figure; built once per workbook (X601, F711, localization)."""
    pairs: list[Pair] | None = ctx.cache.get("same_pairs")
    if pairs is None:
        pairs = ctx.cache["same_pairs"] = list(_same_pairs(ctx))
    return pairs


def _same_pairs(ctx: Context) -> Iterator[Pair]:
    office = ctx.wb.office
    ra: Row | None
    rb: Row | None
    for t, o, d in same_declarations(ctx, {"column", "indicator", "cell", "sum"}):
        kind = d["kind"]
        if kind == "indicator":
            cols = list(d.get("columns") or [])
            ocols = list(d.get("other_columns") or cols)
            own_only = bool(d.get("own_rows_only"))
            for rid in rows_by_id(ctx, t):
                if not rid:
                    continue
                for ca, cb in zip(cols, ocols):
                    mine = _rows_with(ctx, t, rid, ca, own_only, office)
                    theirs = _rows_with(ctx, o, rid, cb, False, office)
                    if not theirs:
                        continue
                    rb = theirs[0]
                    for ra in mine:
                        yield Pair(t, ra, ca, ra.cells[ca], o, rb, cb, rb.cells[cb])
        elif kind == "column":
            ca = d["column"]
            cb = d.get("other_column", ca)
            by_id = rows_by_id(ctx, o)
            for ra in t.rows:
                rb = None
                if ra.row_id:
                    rb = by_id[ra.row_id][0] if ra.row_id in by_id else None
                elif ra.role == "total":
                    rb = o.total_row()
                if rb is None or _is_blank(ra.get(ca)) or _is_blank(rb.get(cb)):
                    continue
                yield Pair(t, ra, ca, ra.cells[ca], o, rb, cb, rb.cells[cb])
        elif kind == "cell":
            ca, cb = d["column"], d.get("other_column", d["column"])
            ra = _find_row(t, d.get("row"))
            rb = _find_row(o, d.get("other_row", d.get("row")))
            if ra is None or rb is None or _is_blank(ra.get(ca)) or _is_blank(rb.get(cb)):
                continue
            yield Pair(t, ra, ca, ra.cells[ca], o, rb, cb, rb.cells[cb])
        elif kind == "sum":
            ca = d["column"]
            cb = d.get("other_column", ca)
            rb = _find_row(o, d.get("other_row", "total"))
            ra = t.total_row()
            if rb is None or _is_blank(rb.get(cb)):
                continue
            if ra is not None and not _is_blank(ra.get(ca)):
                yield Pair(t, ra, ca, ra.cells[ca], o, rb, cb, rb.cells[cb])
                continue
            # No printed total: add the data rows and compare with the other cell.
            cells = [r.cells[ca] for r in t.data_rows() if not _is_blank(r.get(ca))]
            if not cells or any(c.value is None and c.status != "none" for c in cells):
                continue
            total = sum(c.value or 0.0 for c in cells)
            dec = max((c.decimals or 0) for c in cells)
            virtual = Cell(
                t.sheet,
                f"{cells[0].ref}:{cells[-1].ref}",
                total,
                format_id(total, dec),
                Parsed("number", total, dec),
                None,
            )
            yield Pair(t, None, ca, virtual, o, rb, cb, rb.cells[cb], f"Jumlah {col_label(t, ca)}")


# --------------------------------------------------------------------------- X601


@rule("X601", "crosstable.same_value", severity="error", question="crosstable")
def same_value(ctx: Context) -> Iterable[Finding]:
    """A figure repeated in another table must be the same figure there.

    Every pair declared with `[[same]]` (kinds column, indicator, cell, sum) is
    compared at printed precision; a predikat with a score must match in both
    score and letter. The finding sits on the table that is not the source
    (2.2 for targets, 3.2 for the IKU, 2.3/2.4 for anggaran, 3.16/3.17 for
    realisasi) and names the other cell; the source's figure is the fix.

    Fails: the IKM target is 85,00 in the Perjanjian Kinerja (Tabel 2.2, the source of targets) but 86,00 in
    Tabel 3.2.

        [Tabel 2.2]
        | No | Sasaran Strategis | Indikator Kinerja          | Satuan | Target     |
        | 1  | Kepuasan          | Indeks Kepuasan Masyarakat | Nilai  | 85,00      |
        | 2  | Akuntabilitas     | Nilai AKIP                 | Nilai  | 71,00 (BB) |
        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja          | Satuan | Target     | Realisasi  | Capaian |
        | 1  | Kepuasan          | Indeks Kepuasan Masyarakat | Nilai  | 86,00      | 75,35      | 87,62%  |
        | 2  | Akuntabilitas     | Nilai AKIP                 | Nilai  | BB (71,00) | BB (72,62) | 102,28% |
        => X601 at E2

    Passes: 85 and "85,00" are the same figure at the coarser printed precision; "BB (71,00)" and "71,00 (BB)"
    agree in score and letter.

        [Tabel 2.2]
        | No | Sasaran Strategis | Indikator Kinerja          | Satuan | Target     |
        | 1  | Kepuasan          | Indeks Kepuasan Masyarakat | Nilai  | 85         |
        | 2  | Akuntabilitas     | Nilai AKIP                 | Nilai  | 71,00 (BB) |
        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja          | Satuan | Target     | Realisasi  | Capaian |
        | 1  | Kepuasan          | Indeks Kepuasan Masyarakat | Nilai  | 85,00      | 75,35      | 88,65%  |
        | 2  | Akuntabilitas     | Nilai AKIP                 | Nilai  | BB (71,00) | BB (72,62) | 102,28% |
    """
    bad: list[tuple[Cell, Cell, Pair, str | None]] = []  # (wrong, other, pair, source side)
    seen: set[frozenset[str]] = set()
    for p in same_pairs(ctx):
        key = frozenset((p.a.address, p.b.address))
        if key in seen:
            continue
        seen.add(key)
        if p.a.status in _NOT_FIGURES or p.b.status in _NOT_FIGURES or cells_agree(p.a, p.b, p.exact):
            continue
        src = p.source()
        if src == "a":
            bad.append((p.b, p.a, p, "a"))
        else:
            bad.append((p.a, p.b, p, src))
    # A source that is itself wrong against a higher source: use the higher
    # source's figure, and drop findings on cells that already agree with it.
    correction: dict[str, Cell] = {}
    for wrong, other, _p, src in bad:
        if src is not None:
            correction.setdefault(wrong.address, other)
    for wrong, other, p, src in bad:
        wrong_is_a = wrong is p.a
        t_w, r_w, c_w = (p.ta, p.ra, p.ca) if wrong_is_a else (p.tb, p.rb, p.cb)
        t_o = p.tb if wrong_is_a else p.ta
        fix = None
        ref = other
        if src is not None:
            depth = 0
            while ref.address in correction and depth < 5:
                ref = correction[ref.address]
                depth += 1
            if ref is not other and cells_agree(wrong, ref, p.exact):
                continue
            fix = _fix_for(wrong, ref)
        msg = "crosstable.same_value_source" if fix is not None else "crosstable.same_value"
        # `expected` as the wrong cell prints figures ("102,28" in a column without "%").
        expected = wrong.fmt(fix) if isinstance(fix, (int, float)) else (fix if isinstance(fix, str) else ref.text)
        yield make(
            "X601",
            "error",
            wrong,
            wrong.text,
            expected,
            msg,
            table=t_w,
            related=[other] + ([ref] if ref is not other else []),
            fix=fix,
            tid=t_w.id,
            other_table=t_o.id if ref is other else table_of(ctx, ref),
            other_cell=ref.ref,
            source_text=ref.text,
            what=_what(t_w, r_w, c_w),
        )


def table_of(ctx: Context, cell: Cell) -> str:
    for t in ctx.tables():
        if t.sheet == cell.sheet:
            return t.id
    return cell.sheet


# --------------------------------------------------------------------------- X602
