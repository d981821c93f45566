"""The village lists and the land use that Tabel 1.1 and 1.3 print for the same desa must agree (X602, X603).

Which tables repeat which rows is declared in `sheets/*.toml` (`[[same]]`); the pairing helpers live in
`crosstable.py`.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable

from ..findings import Finding
from ..model import Cell, Row, Table
from ..numerals import format_id, shortest_decimals
from ..precision import FLOAT_NOISE, round_half_up
from ..spec import normalise, squash
from .base import Context, make, rule
from .crosstable import col_label, same_declarations

_LEADING_NUMBER = re.compile(r"^\d+\s*")
_DESA_WORD = re.compile(r"^(desa|kelurahan|kel)\s+")
_PERKEBUNAN = re.compile(r"\bperkebunan\b")


def _desa_key(text: str) -> str:
    s = normalise(text)
    s = _LEADING_NUMBER.sub("", s)
    s = _DESA_WORD.sub("", s)
    s = _PERKEBUNAN.sub("perk", s)
    return squash(s)


def key_rows(t: Table, ctx: Context | None = None) -> list[tuple[str, Row, Cell]]:
    """The rows of `t` by desa key (its key column); with `ctx`, computed once per workbook (read-only)."""
    if ctx is None:
        return _key_rows(t)
    key = f"key_rows:{id(t)}"
    got: list[tuple[str, Row, Cell]] | None = ctx.cache.get(key)
    if got is None:
        got = ctx.cache[key] = _key_rows(t)
    return got


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
    for t, o, _d in same_declarations(ctx, {"rows"}):
        ours, theirs = key_rows(t, ctx), key_rows(o, ctx)
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


def land_terms(expression: str) -> list[tuple[int, str]]:
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
    for t, o, d in same_declarations(ctx, {"value"}):
        col = d.get("column")
        expr = d.get("expression") or ""
        terms = land_terms(expr)
        if not col or not terms or not all(o.spec.has_column(n) for _s, n in terms):
            continue
        terms_txt = " + ".join(col_label(o, n) for _s, n in terms).replace("+ -", "-")
        show = _column_decimals(t, col)
        dec = max([show] + [_column_decimals(o, n) for _s, n in terms])
        theirs: dict[str, Row] = {}
        for k, r, _c in key_rows(o, ctx):
            theirs.setdefault(k, r)
        for k, r, _c in key_rows(t, ctx):
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
