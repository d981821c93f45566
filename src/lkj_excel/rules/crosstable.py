"""Figures that appear in more than one table must agree.

Which pairs of tables repeat which figures is declared in `sheets/*.toml`
(`[[same]]`); this module only knows how to compare them.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..findings import Finding
from ..messages import register
from ..model import Cell, Row, Table
from ..numerals import Parsed, format_id, shortest_decimals
from ..precision import FLOAT_NOISE, round_half_up
from ..spec import EXACT_KINDS, _template, normalise, squash
from ..spec_sources import sources
from .base import Context, make, rule

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


def _tpl(v: Any, year: int | None) -> Any:
    if isinstance(v, str):
        return _template(v, year)
    if isinstance(v, (list, tuple)):
        return [_tpl(x, year) for x in v]
    return v


def _declarations(ctx: Context, kinds: set[str]) -> Iterator[tuple[Table, Table, dict[str, Any]]]:
    """Every `[[same]]` of the given kinds whose two tables were read, templated with the year."""
    for t in ctx.tables():
        for d in t.spec.same:
            if d.get("kind") not in kinds:
                continue
            other = ctx.table(str(d.get("table")))
            if other is None:
                continue
            yield t, other, {k: _tpl(v, ctx.wb.year) for k, v in d.items()}


def _base_column(cid: str) -> str:
    return re.sub(r"_\d{4}$", "", cid)


def _rank(tid: str, cid: str) -> int | None:
    return sources().source_rank(tid, _base_column(cid))


def _kind(t: Table, cid: str) -> str:
    try:
        return t.spec.column(cid).kind
    except KeyError:
        return "text"


def _col_label(t: Table, cid: str) -> str:
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


def _agree(a: Cell, b: Cell, exact: bool) -> bool:
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
    what: str

    @property
    def exact(self) -> bool:
        return _kind(self.ta, self.ca) in EXACT_KINDS and _kind(self.tb, self.cb) in EXACT_KINDS

    def source(self) -> str | None:
        """ "a", "b" or None when neither table is the source of this figure."""
        ra, rb = _rank(self.ta.id, self.ca), _rank(self.tb.id, self.cb)
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


def _rows_with(t: Table, rid: str, cid: str, own_only: bool, office: str | None) -> list[Row]:
    rows = [r for r in t.rows if r.row_id == rid]
    if own_only or t.spec.raw.get("peer_column"):
        rows = _own_rows(t, rows, office)
    # Only rows that print the figure themselves (a merged block prints it once).
    return [r for r in rows if not _is_blank(r.get(cid))]


def _find_row(t: Table, rid: str | None) -> Row | None:
    if not rid:
        return None
    return t.row(rid) or (t.total_row() if rid == "total" else None)


def _what(t: Table, row: Row | None, cid: str) -> str:
    label = (row.label if row is not None else "") or ""
    col = _col_label(t, cid)
    return f"{label}, {col}" if label else col


def _pairs(ctx: Context) -> Iterator[Pair]:
    office = ctx.wb.office
    ra: Row | None
    rb: Row | None
    for t, o, d in _declarations(ctx, {"column", "indicator", "cell", "sum"}):
        kind = d["kind"]
        if kind == "indicator":
            cols = list(d.get("columns") or [])
            ocols = list(d.get("other_columns") or cols)
            own_only = bool(d.get("own_rows_only"))
            rids = []
            for r in t.rows:
                if r.row_id and r.row_id not in rids:
                    rids.append(r.row_id)
            for rid in rids:
                for ca, cb in zip(cols, ocols):
                    mine = _rows_with(t, rid, ca, own_only, office)
                    theirs = _rows_with(o, rid, cb, False, office)
                    if not theirs:
                        continue
                    rb = theirs[0]
                    for ra in mine:
                        yield Pair(t, ra, ca, ra.cells[ca], o, rb, cb, rb.cells[cb], _what(t, ra, ca))
        elif kind == "column":
            ca = d["column"]
            cb = d.get("other_column", ca)
            for ra in t.rows:
                rb = None
                if ra.row_id:
                    rb = o.row(ra.row_id)
                elif ra.role == "total":
                    rb = o.total_row()
                if rb is None or _is_blank(ra.get(ca)) or _is_blank(rb.get(cb)):
                    continue
                yield Pair(t, ra, ca, ra.cells[ca], o, rb, cb, rb.cells[cb], _what(t, ra, ca))
        elif kind == "cell":
            ca, cb = d["column"], d.get("other_column", d["column"])
            ra = _find_row(t, d.get("row"))
            rb = _find_row(o, d.get("other_row", d.get("row")))
            if ra is None or rb is None or _is_blank(ra.get(ca)) or _is_blank(rb.get(cb)):
                continue
            yield Pair(t, ra, ca, ra.cells[ca], o, rb, cb, rb.cells[cb], _what(t, ra, ca))
        elif kind == "sum":
            ca = d["column"]
            cb = d.get("other_column", ca)
            rb = _find_row(o, d.get("other_row", "total"))
            ra = t.total_row()
            if rb is None or _is_blank(rb.get(cb)):
                continue
            if ra is not None and not _is_blank(ra.get(ca)):
                yield Pair(t, ra, ca, ra.cells[ca], o, rb, cb, rb.cells[cb], _what(t, ra, ca))
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
            yield Pair(t, None, ca, virtual, o, rb, cb, rb.cells[cb], f"Jumlah {_col_label(t, ca)}")


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
    for p in _pairs(ctx):
        key = frozenset((p.a.address, p.b.address))
        if key in seen:
            continue
        seen.add(key)
        if p.a.status in _NOT_FIGURES or p.b.status in _NOT_FIGURES or _agree(p.a, p.b, p.exact):
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
            if ref is not other and _agree(wrong, ref, p.exact):
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
            other_table=t_o.id if ref is other else _table_of(ctx, ref),
            other_cell=ref.ref,
            source_text=ref.text,
            what=_what(t_w, r_w, c_w),
        )


def _table_of(ctx: Context, cell: Cell) -> str:
    for t in ctx.tables():
        if t.sheet == cell.sheet:
            return t.id
    return cell.sheet


# --------------------------------------------------------------------------- X602


def _desa_key(text: str) -> str:
    s = normalise(text)
    s = re.sub(r"^\d+\s*", "", s)
    s = re.sub(r"^(desa|kelurahan|kel)\s+", "", s)
    s = re.sub(r"\bperkebunan\b", "perk", s)
    return squash(s)


def _key_rows(t: Table) -> list[tuple[str, Row, Cell]]:
    col = t.spec.key
    out: list[tuple[str, Row, Cell]] = []
    if not col:
        return out
    for r in t.data_rows():
        c = r.get(col)
        if c is None or not c.text:
            continue
        k = _desa_key(c.text)
        if k:
            out.append((k, r, c))
    return out


@rule("X602", "crosstable.desa_list", severity="error", question="crosstable")
def desa_list(ctx: Context) -> Iterable[Finding]:
    """Tabel 1.1, 1.2 and 1.3 list the same desa, each once.

    Names are compared without case, punctuation or spacing ("Perk. Sei Balai"
    = "PERK SEI BALAI"). A desa listed in one table and not in the other, or
    listed more often, is an error on its row.

    Fails: Tabel 1.2 lists "Suka Damai", which Tabel 1.1 does not list.

        [Tabel 1.1]
        | No | Desa            | Luas (Ha) |
        | 1  | Perk. Sei Balai | 100       |
        | 2  | Sei Balai       | 211       |
        | Jumlah |             | 311       |
        [Tabel 1.2]
        | No | Desa           | Dusun |
        | 1  | PERK SEI BALAI | 5     |
        | 2  | Sei Balai      | 6     |
        | 3  | Suka Damai     | 4     |
        | Jumlah |            | 15    |
        => X602 at B4

    Passes: both list the same desa, in any order, spacing, punctuation and capitalisation.

        [Tabel 1.1]
        | No | Desa            | Luas (Ha) |
        | 1  | Perk. Sei Balai | 100       |
        | 2  | Sei Balai       | 211       |
        | Jumlah |             | 311       |
        [Tabel 1.2]
        | No | Desa           | Dusun |
        | 1  | SEI BALAI      | 6     |
        | 2  | PERK SEI BALAI | 5     |
        | Jumlah |            | 11    |
    """
    seen: set[tuple[str, str]] = set()
    for t, o, _d in _declarations(ctx, {"rows"}):
        ours, theirs = _key_rows(t), _key_rows(o)
        if not ours or not theirs:
            continue
        names = f"{t.id}/{o.id}"
        for a, b, a_rows, b_rows in ((t, o, ours, theirs), (o, t, theirs, ours)):
            cnt_b = Counter(k for k, _r, _c in b_rows)
            cnt_a = Counter(k for k, _r, _c in a_rows)
            used: Counter[str] = Counter()
            b_names = {k: c.text for k, _r, c in b_rows}
            for k, _r, c in a_rows:
                used[k] += 1
                if (c.address, b.id) in seen:
                    continue
                if cnt_b[k] == 0:
                    seen.add((c.address, b.id))
                    near = difflib.get_close_matches(k, list(b_names), n=1, cutoff=0.75)
                    yield make(
                        "X602",
                        "error",
                        c,
                        c.text,
                        b_names[near[0]] if near else None,
                        "crosstable.desa_missing_near" if near else "crosstable.desa_missing",
                        table=a,
                        tid=a.id,
                        desa=c.text,
                        other_table=b.id,
                        tables=names,
                        near=b_names[near[0]] if near else None,
                    )
                elif used[k] > cnt_b[k] and cnt_a[k] > cnt_b[k]:
                    seen.add((c.address, b.id))
                    yield make(
                        "X602",
                        "error",
                        c,
                        c.text,
                        None,
                        "crosstable.desa_extra",
                        table=a,
                        tid=a.id,
                        desa=c.text,
                        other_table=b.id,
                        count=cnt_a[k],
                        other_count=cnt_b[k],
                    )


# --------------------------------------------------------------------------- X603


def _column_decimals(t: Table, cid: str) -> int:
    return max(
        (r.cells[cid].decimals or 0 for r in t.rows if cid in r.cells and r.cells[cid].value is not None), default=0
    )


def _terms(expression: str) -> list[tuple[int, str]]:
    return [(-1 if sign == "-" else 1, name) for sign, name in re.findall(r"([+-]?)\s*([A-Za-z_]\w*)", expression)]


def _term_value(c: Cell | None) -> float | None:
    """A component's hectares: "-" and an empty cell count as 0; text is unknown."""
    if c is None or c.status in ("none", "empty"):
        return 0.0
    return c.value


def _land_finding(
    t: Table,
    o: Table,
    cell: Cell,
    parts: list[Cell],
    computed: float,
    dec: int,
    show: int,
    terms: str,
    key: str,
    desa: str | None,
) -> Finding | None:
    """Compare exact hectares at `dec` decimals; print them at `show` decimals."""
    printed = cell.value
    if printed is None:
        return None
    diff = abs(round_half_up(printed, dec) - round_half_up(computed, dec))
    if diff <= FLOAT_NOISE * max(1.0, abs(computed)):
        return None
    show = max(
        show,
        min(dec, shortest_decimals(round_half_up(computed, dec))),
        min(dec, shortest_decimals(round_half_up(diff, dec))),
    )
    severity = "error" if diff >= 1 - FLOAT_NOISE else "warning"
    return make(
        "X603",
        severity,
        cell,
        cell.text,
        format_id(computed, show, "Ha"),
        key,
        table=t,
        related=parts,
        tid=t.id,
        desa=desa,
        other_table=o.id,
        terms=terms,
        diff=format_id(diff, show, "Ha"),
    )


@rule("X603", "crosstable.land_use", severity="error", question="crosstable")
def land_use(ctx: Context) -> Iterable[Finding]:
    """The area of each desa (Tabel 1.1) equals perkebunan + pertanian + perumahan (Tabel 1.3).

    Hectares are exact as printed at the precision of their column ("225" in a
    column that prints "1.619,9" is 225,0); "-" counts as 0. The column totals
    must agree too. Off by less than 1 Ha is a warning, by 1 Ha or more an error.

    Fails: Mekar Mulio has 225 Ha in Tabel 1.1 but 36,6 + 143 + 45,5 = 225,1 Ha in Tabel 1.3 (a warning: off by
    less than 1 Ha), and so the totals are off too.

        [Tabel 1.1]
        | No | Desa        | Luas (Ha) |
        | 1  | Sei Balai   | 100       |
        | 2  | Mekar Mulio | 225       |
        | Jumlah |         | 325       |
        => X603 warning at C3
        => X603 warning at C4
        [Tabel 1.3]
        | No | Desa        | Perkebunan | Pertanian | Perumahan |
        | 1  | Sei Balai   | 16         | 55        | 29        |
        | 2  | Mekar Mulio | 36,6       | 143       | 45,5      |
        | Jumlah |         | 52,6       | 198       | 74,5      |

    Passes: Sei Balai 100 Ha in Tabel 1.1 and 16 + 55 + 29 = 100 Ha in Tabel 1.3; "-" counts as 0.

        [Tabel 1.1]
        | No | Desa        | Luas (Ha) |
        | 1  | Sei Balai   | 100       |
        | 2  | Mekar Mulio | 225,1     |
        | Jumlah |         | 325,1     |
        [Tabel 1.3]
        | No | Desa        | Perkebunan | Pertanian | Perumahan |
        | 1  | Sei Balai   | 16         | 84        | -         |
        | 2  | Mekar Mulio | 36,6       | 143       | 45,5      |
        | Jumlah |         | 52,6       | 227       | 45,5      |
    """
    for t, o, d in _declarations(ctx, {"value"}):
        col = d.get("column")
        expr = d.get("expression") or ""
        terms = _terms(expr)
        if not col or not terms or not all(o.spec.has_column(n) for _s, n in terms):
            continue
        terms_txt = " + ".join(_col_label(o, n) for _s, n in terms).replace("+ -", "-")
        show = _column_decimals(t, col)
        dec = max([show] + [_column_decimals(o, n) for _s, n in terms])
        theirs: dict[str, Row] = {}
        for k, r, _c in _key_rows(o):
            theirs.setdefault(k, r)
        for k, r, _c in _key_rows(t):
            cell = r.get(col)
            rb = theirs.get(k)
            if cell is None or cell.value is None or rb is None:
                continue
            vals = [_term_value(rb.get(n)) for _s, n in terms]
            if any(v is None for v in vals):
                continue
            computed = sum(s * (v or 0.0) for (s, _n), v in zip(terms, vals))
            parts = [rb.cells[n] for _s, n in terms if n in rb.cells]
            f = _land_finding(t, o, cell, parts, computed, dec, show, terms_txt, "crosstable.land_use", r.label)
            if f:
                yield f
        ta, tb = t.total_row(), o.total_row()
        if ta is None or tb is None or ta.get(col) is None:
            continue
        vals = [_term_value(tb.get(n)) for _s, n in terms]
        if any(v is None for v in vals) or all(tb.get(n) is None for _s, n in terms):
            continue
        computed = sum(s * (v or 0.0) for (s, _n), v in zip(terms, vals))
        parts = [tb.cells[n] for _s, n in terms if n in tb.cells]
        f = _land_finding(t, o, ta.cells[col], parts, computed, dec, show, terms_txt, "crosstable.land_use_total", None)
        if f:
            yield f
