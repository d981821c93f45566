"""Totals: column sums, subtotals and per-row column formulas.

Which columns are summed, which rows are subtotals of which, and which column
is computed from which are declared in `sheets/*.toml` (`[total] columns`,
`[[rows]] sum_of`, column `formula`); the rules here only do the arithmetic.

Exact kinds (count, rupiah, integer, hectare) are taken as printed; rounded
kinds (decimal, percent, score) stand for the interval of their printed
precision, and a total is accepted when some choice of true values inside
those intervals prints as the printed total.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..findings import Finding
from ..model import Cell, Row, Table
from ..precision import (
    FLOAT_NOISE,
    Interval,
    consistent,
    discrepancy,
    half_unit,
    interval_of,
    round_half_up,
)
from ..spec import ColumnSpec
from ..texts import register
from .base import Context, make, rule

# Kinds that add up down a column (a percent or an integer numbering does not).
ADDITIVE_KINDS = {"count", "rupiah", "hectare", "decimal", "score"}

register(
    {
        "totals.column_sum": (
            "Jumlah kolom {column}: {found}, hasil penjumlahan baris {rows}: {expected} (selisih {diff}).",
            "Total of column {column}: {found}, sum of rows {rows}: {expected} (difference {diff}).",
        ),
        "totals.subtotal": (
            "{label} kolom {column}: {found}, hasil penjumlahan {parts}: {expected} (selisih {diff}).",
            "{label}, column {column}: {found}, sum of {parts}: {expected} (difference {diff}).",
        ),
        "totals.row_formula": (
            "Kolom {column} baris {row}: {found}, hasil {formula} = {terms}: {expected}.",
            "Column {column}, row {row}: {found}, {formula} = {terms} gives {expected}.",
        ),
    }
)


def column_name(col: ColumnSpec) -> str:
    """A column's name for messages: its first header, with its parent when the header is only a year."""
    name = col.label or (col.header[0] if col.header else col.id)
    if col.parent and re.fullmatch(r"(19|20)\d\d", name):
        name = f"{col.parent[0]} {name}"
    return name


def _number(cell: Cell | None) -> Cell | None:
    """The cell if it holds a figure; "-" and empty cells hold none."""
    if cell is None or cell.value is None:
        return None
    return cell


def _has_unparsed(cells: Iterable[Cell | None]) -> bool:
    return any(c is not None and c.status in ("unparsed", "text") and c.text for c in cells)


def _column_decimals(table: Table, cid: str) -> int:
    """Most decimals printed anywhere in a column: "225" among "1.619,9" is 225,0."""
    ds = [c.decimals or 0 for r in table.rows if (c := _number(r.get(cid))) is not None]
    return max(ds, default=0)


def row_name(r: Row) -> str:
    """A row's label for messages: "J u m l a h" -> "Jumlah", "- Belanja Pegawai" -> "Belanja Pegawai"."""
    s = r.label.strip().strip("-").strip()
    if re.fullmatch(r"(\w ){2,}\w", s):
        s = s.replace(" ", "")
    return s or r.row_id or str(r.excel_row)


def _rows_text(rows: list[Row]) -> str:
    if not rows:
        return "-"
    first, last = rows[0].excel_row, rows[-1].excel_row
    return str(first) if first == last else f"{first}–{last}"


def _diff_text(cell: Cell, diff: float, decimals: int) -> str:
    return cell.fmt(abs(diff), decimals)


class SumCheck:
    """Compare a printed figure with a sum or difference of cells."""

    def __init__(self, col: ColumnSpec, table: Table) -> None:
        self.col = col
        self.exact = col.exact
        # Exact kinds compare at the column's precision (hectare: most decimals printed).
        self.decimals = _column_decimals(table, col.id) if self.exact else None

    def interval(self, cell: Cell) -> Interval:
        iv = interval_of(cell, self.exact)
        assert iv is not None
        return iv

    def verdict(self, printed: Cell, computed: Interval) -> tuple[str, float, int, float] | None:
        """None when consistent, else (severity, fix, decimals, difference)."""
        assert printed.value is not None
        if self.exact:
            d = max(self.decimals or 0, printed.decimals or 0)
            fix = round(computed.mid, d)
            diff = printed.value - fix
            if abs(diff) <= max(FLOAT_NOISE * max(1.0, abs(fix)), 0.5 * 10 ** -(d + 3)):
                return None
            if self.col.kind == "hectare":
                severity = "error" if abs(diff) >= 1 - FLOAT_NOISE else "warning"
            else:
                severity = "error"
            return severity, fix, d, diff
        d = printed.decimals or 0
        if consistent(printed.value, d, computed):
            return None
        fix = round_half_up(computed.mid, d)
        gap = discrepancy(printed.value, d, computed)
        severity = "error" if gap >= 10**-d * (1 - FLOAT_NOISE) else "warning"
        return severity, fix, d, printed.value - fix


def sum_check(ctx: Context, col: ColumnSpec, table: Table) -> SumCheck:
    """The `SumCheck` of one column, made once per workbook: T101, T102, T103 and G (group sums) share it
    (an exact column's decimals are read from every row of the column)."""
    key = f"sum_check:{id(table)}:{col.id}"
    check: SumCheck | None = ctx.cache.get(key)
    if check is None or check.col is not col:
        check = ctx.cache[key] = SumCheck(col, table)
    return check


def _sum_interval(cells: list[Cell], exact: bool) -> Interval:
    """The sum of the cells' intervals (`interval_of` each, added from 0 in order), without an Interval per cell."""
    lo = hi = 0.0
    for c in cells:
        v = c.value
        assert v is not None
        if exact:
            lo, hi = lo + v, hi + v
        else:
            h = half_unit(c.decimals)
            lo, hi = lo + (v - h), hi + (v + h)
    return Interval(lo, hi)


def _signed_sum(terms: list[tuple[int, str]], cells: list[Cell | None], exact: list[bool]) -> Interval:
    """The interval of a formula's sum and difference of cells (each `interval_of` its column's kind), added from 0
    in order, without an Interval per term."""
    lo = hi = 0.0
    for (sign, _cid), c, ex in zip(terms, cells, exact):
        assert c is not None and c.value is not None
        v = c.value
        h = 0.0 if ex else half_unit(c.decimals)
        a, b = (v, v) if ex else (v - h, v + h)
        if sign > 0:
            lo, hi = lo + a, hi + b
        else:
            lo, hi = lo - b, hi - a
    return Interval(lo, hi)


def sum_parts(table: Table) -> list[Row]:
    """Rows a total adds up: data rows, or the subtotals and the data rows outside any subtotal."""
    if any(r.role in ("group", "section") for r in table.rows):
        # Rows under a group are in its sum (T104); the total adds up the top level.
        return [r for r in table.rows if r.role in ("data", "group") and r.parent is None]
    subtotals = [r for r in table.rows if r.role == "subtotal"]
    if not subtotals:
        return table.data_rows()
    covered: set[int] = set()
    specs = {rs.id: rs for rs in table.spec.rows}
    ids_in_sums = {cid for s in subtotals if s.row_id in specs for cid in specs[s.row_id].sum_of}
    current: Row | None = None
    for r in table.rows:
        if r.role == "subtotal":
            current = r
            continue
        if r.role != "data":
            current = None if r.role == "total" else current
            continue
        if r.row_id and r.row_id in ids_in_sums:
            covered.add(r.index)
        elif current is not None and not (current.row_id in specs and specs[current.row_id].sum_of):
            covered.add(r.index)  # under a subtotal that declares no children
    return [r for r in table.rows if r.role == "subtotal" or (r.role == "data" and r.index not in covered)]


@rule("T101", "totals.column_sum", severity="error", question="arithmetic")
def column_sum(ctx: Context) -> Iterator[Finding]:
    """The total row of each declared total column equals the sum of the rows above it.

    The summed rows are the data rows, or, in a table with subtotal rows, the
    subtotals plus the data rows outside any subtotal. Counts, rupiah and
    integers must add up exactly (any difference is an error). Hectares are
    exact at the column's precision — the most decimals printed in the column,
    so "225" among "1.619,9" stands for 225,0 — and are an error when off by
    1 Ha or more, a warning below that. Rounded kinds (decimal, percent,
    score) add up the intervals of their printed precision; the printed total
    must lie within that range, else an error when off by at least one printed
    unit, a warning below. A column with an unreadable figure is left to F701.

    Fails: the total of L is 3 too high (1.570 + 1.447 = 3.017).

        [Tabel 1.2]
        | No | Desa   | Penduduk |       |       |
        |    |        | L        | P     | L+P   |
        | 1  | Alpha  | 1.570    | 1.767 | 3.337 |
        | 2  | Beta   | 1.447    | 1.647 | 3.094 |
        | Jumlah |    | 3.020    | 3.414 | 6.431 |
        merged: C1:E1
        => T101 at C5

    Passes: hectares are exact at the column's precision, so "225" among "1.619,9" stands for 225,0.

        [Tabel 1.1]
        | No | Desa  | Luas (Ha) |
        | 1  | Alpha | 225       |
        | 2  | Beta  | 1.619,9   |
        | 3  | Gamma | 245       |
        | Jumlah |   | 2.089,9   |
    """
    for table in ctx.tables():
        total = table.total_row()
        if total is None or not table.spec.total_columns:
            continue
        rs = table.spec.row_spec(total.row_id) if total.row_id is not None else None
        if rs is not None and rs.sum_of:
            continue  # a declared sum: T102
        parts = sum_parts(table)
        for cid in table.spec.total_columns:
            if not table.spec.has_column(cid):
                continue
            col = table.spec.column(cid)
            printed = _number(total.get(cid))
            if printed is None:
                continue
            raw_cells = [r.get(cid) for r in parts]
            if _has_unparsed(raw_cells):
                continue
            rows = [r for r in parts if _number(r.get(cid)) is not None]
            if not rows:
                continue
            check = sum_check(ctx, col, table)
            v = check.verdict(printed, _sum_interval([r.cells[cid] for r in rows], check.exact))
            if v is None:
                continue
            severity, fix, d, diff = v
            expected = printed.fmt(fix, d)
            first, last = rows[0].cells[cid], rows[-1].cells[cid]
            yield make(
                "T101",
                severity,
                printed,
                printed.text,
                expected,
                "totals.column_sum",
                table=table,
                related=[first, last] if first is not last else [first],
                fix=fix,
                column=column_name(col),
                rows=_rows_text(rows),
                diff=_diff_text(printed, diff, d),
            )


@rule("T102", "totals.subtotal", severity="error", question="arithmetic")
def subtotal(ctx: Context) -> Iterator[Finding]:
    """A row declared as the sum of other rows (`sum_of`) equals their sum, in every additive column.

    Used by Tabel 2.3 and 3.16: Belanja Operasi = Belanja Pegawai + Belanja
    Barang dan Jasa (+ subsidi, hibah, bansos when present); Belanja Modal =
    its jenis; the total = Belanja Operasi + Belanja Modal. Children missing
    from the sheet are simply absent; a column is checked when at least one
    child has a figure there. Percent and numbering columns do not add up and
    are skipped. Precision and severity as in T101.

    Fails: Belanja Operasi is printed 2.935.870.030; its jenis add up to 2.935.780.030 (the total adds up
    the printed subtotals).

        [Tabel 2.3]
        | No | Uraian                  | Anggaran (Rp) |
        | 1  | Belanja Operasi         | 2.935.870.030 |
        |    | Belanja Pegawai         | 2.158.169.574 |
        |    | Belanja Barang dan Jasa | 777.610.456   |
        | 2  | Belanja Modal           | 120.000.000   |
        |    | Belanja Modal Peralatan dan Mesin | 120.000.000 |
        | Jumlah |                     | 3.055.870.030 |
        => T102 at C2

    Passes: the same table with Belanja Operasi 2.935.780.030 and the total 3.055.780.030.

        [Tabel 2.3]
        | No | Uraian                  | Anggaran (Rp) |
        | 1  | Belanja Operasi         | 2.935.780.030 |
        |    | Belanja Pegawai         | 2.158.169.574 |
        |    | Belanja Barang dan Jasa | 777.610.456   |
        | 2  | Belanja Modal           | 120.000.000   |
        |    | Belanja Modal Peralatan dan Mesin | 120.000.000 |
        | Jumlah |                     | 3.055.780.030 |
    """
    for table in ctx.tables():
        specs = {rs.id: rs for rs in table.spec.rows}
        by_id: dict[str, Row] = {}
        for r in table.rows:
            if r.row_id and r.row_id not in by_id:
                by_id[r.row_id] = r
        for parent in table.rows:
            rs = specs.get(parent.row_id or "")
            if rs is None or not rs.sum_of:
                continue
            children = [by_id[c] for c in rs.sum_of if c in by_id and by_id[c] is not parent]
            if not children:
                continue
            for col in table.spec.columns:
                if col.kind not in ADDITIVE_KINDS or col.id == table.spec.numbering:
                    continue
                printed = _number(parent.get(col.id))
                if printed is None:
                    continue
                if _has_unparsed(ch.get(col.id) for ch in children):
                    continue
                rows = [ch for ch in children if _number(ch.get(col.id)) is not None]
                if not rows:
                    continue
                check = sum_check(ctx, col, table)  # one per column: its decimals are the whole column's
                v = check.verdict(printed, _sum_interval([ch.cells[col.id] for ch in rows], check.exact))
                if v is None:
                    continue
                severity, fix, d, diff = v
                yield make(
                    "T102",
                    severity,
                    printed,
                    printed.text,
                    printed.fmt(fix, d),
                    "totals.subtotal",
                    table=table,
                    related=[ch.cells[col.id] for ch in rows],
                    fix=fix,
                    label=row_name(parent),
                    column=column_name(col),
                    parts=" + ".join(row_name(ch) for ch in rows),
                    diff=_diff_text(printed, diff, d),
                )


def parse_formula(expr: str) -> list[tuple[int, str]]:
    """Parse `x + y - z` over column ids into [(+1, "x"), (+1, "y"), (-1, "z")]; no eval().

    Raises ValueError for anything else (products, parentheses, numbers).
    """
    terms: list[tuple[int, str]] = []
    sign = 1
    expect_operand = True
    pos = 0
    s = expr.strip()
    for m in re.finditer(r"\s*([+-]|[A-Za-z_]\w*)\s*", s):
        if m.start() != pos:
            raise ValueError(f"unsupported formula: {expr!r}")
        pos = m.end()
        tok = m.group(1)
        if tok in "+-" and len(tok) == 1:
            if expect_operand:
                if terms:
                    raise ValueError(f"unsupported formula: {expr!r}")
                sign = -1 if tok == "-" else 1  # leading sign
                continue
            sign = -1 if tok == "-" else 1
            expect_operand = True
        else:
            if not expect_operand:
                raise ValueError(f"unsupported formula: {expr!r}")
            terms.append((sign, tok))
            sign = 1
            expect_operand = False
    if pos != len(s) or expect_operand:
        raise ValueError(f"unsupported formula: {expr!r}")
    return terms


@rule("T103", "totals.row_formula", severity="error", question="arithmetic")
def row_formula(ctx: Context) -> Iterator[Finding]:
    """A column declared with a `formula` (sums and differences of other columns) holds it on every row.

    Checked on each data, subtotal, total and group row that has the result and all
    operands as figures: Tabel 1.2 L+P = L + P; Tabel 3.16 and 3.17 Sisa =
    Anggaran − Realisasi; Tabel 3.14 Efisiensi = Capaian − Penyerapan. Each
    operand stands for its interval (exact kinds exact, rounded kinds their
    printed precision), and the printed result must be reachable. Exact
    results: any difference is an error (hectare: warning below 1 Ha); rounded
    results: an error when off by at least one printed unit, a warning below.

    Fails: row Alpha: L 1.570 + P 1.767 = 3.337, L+P printed 3.338.

        [Tabel 1.2]
        | No | Desa   | Penduduk |       |       |
        |    |        | L        | P     | L+P   |
        | 1  | Alpha  | 1.570    | 1.767 | 3.338 |
        merged: C1:E1
        => T103 at E3

    Passes: Tabel 3.14 Efisiensi = Capaian − Penyerapan: 102,28 − 95,07 = 7,21.

        [Tabel 3.14]
        | No | Sasaran | Indikator Kinerja | Capaian Kinerja (%) | Penyerapan Anggaran (%) | Efisiensi (%) |
        | 1  | Meningkatnya akuntabilitas | Nilai AKIP | 102,28 | 95,07 | 7,21 |
    """
    for table in ctx.tables():
        for col in table.spec.columns:
            if not col.formula or col.id not in table.columns:
                continue
            try:
                terms = parse_formula(col.formula)
            except ValueError:
                continue
            if not terms or any(not table.spec.has_column(cid) for _s, cid in terms):
                continue
            check = sum_check(ctx, col, table)
            exact = [table.spec.column(cid).exact for _s, cid in terms]
            # On a total row whose columns are all declared totals, T101 already
            # checks each figure against its column; a second finding would repeat it.
            summed = {col.id, *(cid for _s, cid in terms)} <= set(table.spec.total_columns)
            for r in table.rows:
                if r.role not in ("data", "subtotal", "total", "group") or (r.role == "total" and summed):
                    continue
                printed = _number(r.get(col.id))
                if printed is None:
                    continue
                cells = [_number(r.get(cid)) for _s, cid in terms]
                if any(c is None for c in cells):
                    continue
                v = check.verdict(printed, _signed_sum(terms, cells, exact))
                if v is None:
                    continue
                severity, fix, d, _diff = v
                term_text = " ".join(
                    (("− " if sign < 0 else "+ ") if i else ("−" if sign < 0 else "")) + (c.text if c else "")
                    for i, ((sign, _cid), c) in enumerate(zip(terms, cells))
                )
                yield make(
                    "T103",
                    severity,
                    printed,
                    printed.text,
                    printed.fmt(fix, d),
                    "totals.row_formula",
                    table=table,
                    related=[c for c in cells if c is not None],
                    fix=fix,
                    column=column_name(col),
                    row=row_name(r),
                    formula=_formula_text(table, terms),
                    terms=term_text,
                )


def _formula_text(table: Table, terms: list[tuple[int, str]]) -> str:
    out = []
    for i, (sign, cid) in enumerate(terms):
        name = column_name(table.spec.column(cid))
        if i == 0:
            out.append(("−" if sign < 0 else "") + name)
        else:
            out.append(("− " if sign < 0 else "+ ") + name)
    return " ".join(out)
