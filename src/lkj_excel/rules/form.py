"""Form: unreadable figures, missing tables and columns, numbering, decimal separators, precision.

Negative and implausible values are in `plausibility`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..findings import Finding
from ..model import Cell, Row, Table
from ..numerals import FORMAT_UNITS, Parsed, format_id
from ..spec import load_all
from ..texts import register
from .base import Context, cells_of_table, make, rule, table_cells, typed_cells
from .totals import column_name, row_name

ROUNDED_KINDS = {"decimal", "percent", "score"}

register(
    {
        "form.unparsed": (
            (
                'Lembar "{sheet}" sel {cell}: "{found}" bukan angka yang dapat dibaca, '
                "padahal kolom {column} berisi angka."
            ),
            'Sheet "{sheet}" cell {cell}: "{found}" is not a readable figure, but column {column} holds figures.',
        ),
        "form.missing_table": (
            "Tabel standar tidak ditemukan: {tables}.",
            "Standard table(s) not found: {tables}.",
        ),
        "form.missing_header": (
            (
                'Lembar "{sheet}": judul kolom Tabel {tid} tidak ditemukan (kolom wajib: {columns}); '
                "tabel tidak dapat diperiksa."
            ),
            (
                'Sheet "{sheet}": the column header of Tabel {tid} was not found (required columns: {columns}); '
                "the table cannot be checked."
            ),
        ),
        "form.missing_column": (
            "Tabel {tid}: kolom wajib tidak ditemukan: {columns}.",
            "Tabel {tid}: required column(s) not found: {columns}.",
        ),
        "form.numbering": (
            (
                "Nomor urut baris {row} ({label}) kosong; baris sebelumnya bernomor {prev}, sesudahnya {next}: "
                "seharusnya {number}."
            ),
            "Row {row} ({label}) has no number; the row before is {prev}, the row after {next}: it should be {number}.",
        ),
        "form.numbering_jump": (
            "Nomor urut baris {row} ({label}): {found}, setelah nomor {prev} seharusnya {expected}",
            "Row {row} ({label}) is numbered {found}; after {prev} it should be {expected}",
        ),
        "form.decimal_point": (
            (
                'Sel {cell}: "{found}" memakai titik sebagai pemisah desimal; '
                "angka lain di tabel memakai koma: {expected}."
            ),
            (
                'Cell {cell}: "{found}" uses a point as the decimal separator; '
                "the table's other figures use a comma: {expected}."
            ),
        ),
        "form.precision": (
            (
                'Sel {cell}: "{found}" ditulis dengan {decimals} desimal, angka lain di kolom {column} '
                "dengan {usual} desimal (mis. {example})."
            ),
            (
                'Cell {cell}: "{found}" is printed with {decimals} decimals, the other figures in column {column} '
                "with {usual} (e.g. {example})."
            ),
        ),
    }
)


def _label(table: Table, cid: str) -> str:
    return column_name(table.spec.column(cid))


def _placeholder(sheet: str, ref: str = "A1") -> Cell:
    return Cell(sheet, ref, None, "", Parsed("empty"))


@rule("F701", "form.unparsed", severity="error", question="form")
def unparsed(ctx: Context) -> Iterator[Finding]:
    """A cell of a numeric column holds text that is not a readable figure.

    Such a cell cannot enter any total or ratio, so the checks that need it
    are skipped: it is an error to fix first.

    Fails: "1.57O" (a letter O for the zero) is no figure.

        [Tabel 1.2]
        | No | Desa   | Jumlah KK | Penduduk |       |       |
        |    |        |           | L        | P     | L+P   |
        | 1  | Alpha  | 1.010     | 1.57O    | 1.767 | 3.337 |
        | 2  | Beta   | 846       | 1.447    | 1.647 | 3.094 |
        merged: D1:F1
        => F701 at D3

    Passes: "1.570" and "846" are figures; "-" is no figure but no error either.

        [Tabel 1.2]
        | No | Desa   | Jumlah KK | Penduduk |       |       |
        |    |        |           | L        | P     | L+P   |
        | 1  | Alpha  | 1.010     | 1.570    | 1.767 | 3.337 |
        | 2  | Beta   | 846       | -        | 1.647 | 1.647 |
        merged: D1:F1
    """
    for table in ctx.tables():
        col_of = {f"{letter}": cid for cid, letter in table.columns.items()}
        for cell in table.unparsed:
            letter = cell.ref.rstrip("0123456789")
            cid = col_of.get(letter)
            yield make(
                "F701",
                "error",
                cell,
                cell.text,
                None,
                "form.unparsed",
                table=table,
                column=_label(table, cid) if cid else letter,
            )


@rule("F707", "form.missing", severity="warning", question="form")
def missing(ctx: Context) -> Iterator[Finding]:
    """A standard table, or a required column of one, is not in the workbook (warning).

    Tables whose sheet is absent are listed together in one finding on sheet
    "-" (one finding, not one per table: findings are unique per sheet and
    cell). A sheet that is there but whose header could not be found (the
    reader finds no header row holding every required column), and a table's
    missing required columns, are reported on cell A1 of that sheet.

    Fails: every table as the template writes it, but Tabel 3.17 without its required "Realisasi" column.

        + template
        [Tabel 3.17]
        | No | Program                     | Anggaran (Rp) | Persentase (%) |
        | 1  | Program Penunjang Urusan PD | 2.746.175.328 | 95,07          |
        => F707 at A1

    Passes: every table with its required columns (an optional column such as "Sisa" may be left out).

        + template
        [Tabel 3.17]
        | No | Program                     | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Program Penunjang Urusan PD | 2.746.175.328 | 2.610.761.561  | 95,07          |
    """
    wb = ctx.wb
    specs = {s.id: s for s in load_all(wb.year)}
    absent: list[str] = []
    for tid in wb.missing:
        sheet = wb.sheet_of.get(tid)
        if sheet is None:
            absent.append(tid)
            continue
        spec = specs.get(tid)
        req = ", ".join(f'"{column_name(c)}"' for c in spec.columns if c.required) if spec else "-"
        yield make(
            "F707", "warning", _placeholder(sheet), None, None, "form.missing_header", table=tid, tid=tid, columns=req
        )
    if absent:
        names = ", ".join(f"Tabel {t}" for t in absent)
        yield make("F707", "warning", _placeholder("-"), None, names, "form.missing_table", table=None, tables=names)
    for table in ctx.tables():
        required = [c for c in table.missing_columns if table.spec.has_column(c) and table.spec.column(c).required]
        if required:
            names = ", ".join(f'"{_label(table, c)}"' for c in required)
            yield make(
                "F707",
                "warning",
                _placeholder(table.sheet),
                None,
                names,
                "form.missing_column",
                table=table,
                tid=table.id,
                columns=names,
            )


def _number_of(cell: Cell | None) -> int | None:
    if cell is None or cell.value is None or cell.status != "number":
        return None
    v = cell.value
    return int(v) if float(v).is_integer() and v > 0 else None


def _item_rows(table: Table) -> list[Row]:
    """Rows that start a new numbered item: data and subtotal rows that no declared subtotal sums."""
    children = table.spec.summed_row_ids
    return [r for r in table.rows if r.role in ("data", "subtotal") and not (r.row_id and r.row_id in children)]


@rule("F702", "form.numbering", severity="warning", question="form")
def numbering(ctx: Context) -> Iterator[Finding]:
    """The numbering column runs 1, 2, 3 … over the rows that start a new item (warning).

    A row with an empty number between rows numbered n and n + 2 lost its
    number (fix: n + 1); so did a number between them that reads otherwise
    ("31." between 12. and 14.: fix 13.); any other number that does not
    follow its predecessor is reported once, and counting resumes from it. Rows with an empty number
    between n and n + 1 continue an item and are fine. Children of a declared
    subtotal (Belanja Pegawai under Belanja Operasi) are not items. In tables
    where the number is only written on the first row of a block (the
    numbering column is filled down, Tabel 3.12), only the block numbers
    themselves are checked.

    Fails: the third desa has no number between 2. and 4.: it lost 3.

        [Tabel 1.1]
        | No | Desa    | Luas (Ha) |
        | 1. | Alpha   | 100       |
        | 2. | Beta    | 211       |
        |    | Gamma   | 95        |
        | 4. | Delta   | 120       |
        => F702 at A4

    Passes: 1. … 4., and a row without a number between 1 and 2 that continues an item.

        [Tabel 1.1]
        | No | Desa    | Luas (Ha) |
        | 1. | Alpha   | 100       |
        | 2. | Beta    | 211       |
        | 3. | Gamma   | 95        |
        | 4. | Delta   | 120       |
    """
    for table in ctx.tables():
        cid = table.spec.numbering
        if not cid or cid not in table.columns:
            continue
        rows = _item_rows(table)
        if cid in table.spec.fill_down:
            rows = [r for r in rows if r.get(cid) is not None and r.get(cid).text]  # type: ignore[union-attr]
        nums = [_number_of(r.get(cid)) for r in rows]
        if sum(n is not None for n in nums) < 2:
            continue
        # A cell that holds something else ("a.", "I") means another numbering scheme: leave the table.
        if any(n is None and r.get(cid) is not None and r.get(cid).text for r, n in zip(rows, nums)):  # type: ignore[union-attr]
            continue
        yield from _numbering_of(table, cid, rows, nums)


def _numbering_of(table: Any, cid: str, rows: list[Any], nums: list[int | None]) -> Iterator[Finding]:
    """The F702 findings of one numbering column, walking its numbers with the count they should keep."""
    letter = table.columns[cid]
    prev: int | None = None
    following: list[int | None] = [None] * len(nums)  # the next number below each row
    for i in range(len(nums) - 2, -1, -1):
        following[i] = nums[i + 1] if nums[i + 1] is not None else following[i + 1]
    for r, n, nxt in zip(rows, nums, following):
        if n is None:
            if prev is not None and nxt == prev + 2:
                cell = _placeholder(table.sheet, f"{letter}{r.excel_row}")
                exp = prev + 1
                yield make(
                    "F702",
                    "warning",
                    cell,
                    None,
                    f"{exp}.",
                    "form.numbering",
                    table=table,
                    fix=exp,
                    row=r.excel_row,
                    label=row_name(r),
                    prev=f"{prev}.",
                    next=f"{nxt}.",
                    number=exp,
                )
                prev = exp
            continue
        if n == (1 if prev is None else prev + 1):
            prev = n
            continue
        # Between neighbours that agree on n + 1 the number was mistyped ("31." for 13.): fix it, keep counting.
        mistyped = prev is not None and nxt == prev + 2
        expected = 1 if prev is None else prev + 1
        cell = r.cells[cid]
        yield make(
            "F702",
            "warning",
            cell,
            cell.text,
            f"{expected}.",
            "form.numbering_jump",
            table=table,
            row=r.excel_row,
            label=row_name(r),
            fix=expected if mistyped else None,
            prev="-" if prev is None else f"{prev}.",
        )
        prev = expected if mistyped else n


def _uses_comma(cells: Iterable[Cell]) -> bool:
    return any(
        c.is_text_typed and c.value is not None and (c.decimals or 0) > 0 and not c.parsed.decimal_point for c in cells
    )


@rule("F703", "form.decimal_point", severity="warning", question="form")
def decimal_point(ctx: Context) -> Iterator[Finding]:
    """A figure typed with a point as decimal separator where the others use the comma (warning).

    "100.00" in a table whose other figures read "95,07", "100,00" is read as
    one hundred, but it is printed the English way; the fix re-types the same
    value in Indonesian notation. When the table has no other decimals, the
    rest of the workbook decides.

    Fails: Persentase "100.00" among "95,07" and "97,61": the English decimal point.

        [Tabel 3.17]
        | No | Program      | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Penunjang    | 2.746.175.328 | 2.610.761.561  | 95,07          |
        | 2  | Pemberdayaan | 69.850.000    | 68.535.700     | 98,12          |
        | 3  | Ketentraman  | 16.100.000    | 16.100.000     | 100.00         |
        => F703 at E4

    Passes: "100,00"; "16.100.000" has thousands points.

        [Tabel 3.17]
        | No | Program      | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Penunjang    | 2.746.175.328 | 2.610.761.561  | 95,07          |
        | 2  | Pemberdayaan | 69.850.000    | 68.535.700     | 98,12          |
        | 3  | Ketentraman  | 16.100.000    | 16.100.000     | 100,00         |
    """
    wb_comma: bool | None = None  # the workbook's habit, decided only when a table has no decimals of its own
    # Tables with a figure typed with a decimal point (most have none): only there can a finding be.
    pointed = {id(t) for t, _cid, c, _col in typed_cells(ctx) if c.parsed.decimal_point}
    for table in ctx.tables():
        if table.notation == "en" or id(table) not in pointed:
            continue  # F710 reports what departs from an English table
        numbering = table.spec.numbering
        cells = [c for _t, cid, c, col in cells_of_table(ctx, table) if col.numeric and cid != numbering]
        points = [c for c in cells if c.parsed.decimal_point and c.is_text_typed and c.value is not None]
        if not points:
            continue
        others = [c for c in cells if not c.parsed.decimal_point]
        has_decimals = any((c.decimals or 0) > 0 for c in others if c.is_text_typed)
        if not has_decimals and wb_comma is None:
            # The first comma decimal decides: the workbook's cells are not all listed for it.
            wb_comma = _uses_comma(c for t, cid, c, _col in table_cells(ctx) if cid != t.spec.numbering)
        if not (_uses_comma(others) if has_decimals else wb_comma):
            continue
        for c in points:
            assert c.value is not None
            exp = format_id(c.value, c.decimals or 0, c.parsed.unit)
            if c.letter:
                exp = f"{c.letter} ({exp})"
            yield make("F703", "warning", c, c.text, exp, "form.decimal_point", table=table, fix=c.value)


@rule("F704", "form.precision", severity="info", question="form")
def precision(ctx: Context) -> Iterator[Finding]:
    """A rounded figure printed with fewer decimals than all its column-mates (info).

    In a decimal, percent or score column where every other figure prints at
    least d decimals (and there are at least two others), a figure with fewer
    decimals hides its precision: "71" may be 71,00 or 70,995 rounded. No fix
    is given: only the office knows the missing digits.

    Fails: target "71" among "85,00" and "83,00": it may be 71,00 or 70,995 rounded.

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja  | Satuan | Target | Realisasi | Capaian |
        | 1  | Kepuasan          | IKM                | Nilai  | 85,00  | 75,35     | 88,65%  |
        | 2  | Pelayanan         | Indeks Pelayanan   | Nilai  | 83,00  | 83,00     | 100,00% |
        | 3  | Akuntabilitas     | Nilai AKIP         | Nilai  | 71     | 72,62     | 102,28% |
        => F704 at E4

    Passes: "71,00" there; a column printing only whole numbers.

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja  | Satuan | Target | Realisasi | Capaian |
        | 1  | Kepuasan          | IKM                | Nilai  | 85     | 75,35     | 88,65%  |
        | 2  | Pelayanan         | Indeks Pelayanan   | Nilai  | 83     | 83,00     | 100,00% |
        | 3  | Akuntabilitas     | Nilai AKIP         | Nilai  | 71,00  | 72,62     | 102,28% |
    """
    for table in ctx.tables():
        for col in table.spec.columns:
            if col.kind not in ROUNDED_KINDS:
                continue
            # A figure with its own unit word ("12 Unit") is not a rounding of its percentage neighbours.
            cells = [
                c
                for r in table.rows
                if r.role in ("data", "subtotal", "total", "group")
                if (c := r.get(col.id)) is not None and c.value is not None
                if c.parsed.unit is None or c.parsed.unit in FORMAT_UNITS
            ]
            if len(cells) < 3:
                continue
            # Only a figure below every other's decimals is reported: the one cell at the strict minimum.
            ds = [c.decimals or 0 for c in cells]
            low = min(ds)
            if ds.count(low) != 1:
                continue
            i = ds.index(low)
            c = cells[i]
            usual = min(ds[:i] + ds[i + 1 :])
            ex = next(o for o in cells if o is not c and (o.decimals or 0) == usual)
            yield make(
                "F704",
                "info",
                c,
                c.text,
                c.fmt(c.value, usual),
                "form.precision",
                table=table,
                decimals=c.decimals or 0,
                usual=usual,
                column=_label(table, col.id),
                example=ex.text,
            )
