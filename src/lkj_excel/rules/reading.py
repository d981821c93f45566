"""How the workbook was read: a table read only in part, two sheets for one table,
a sheet under another number, a figure departing from its table's notation."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Cell
from ..numerals import FORMAT_UNITS, Parsed, format_id
from ..read.notation import departs
from ..texts import register
from .base import Context, make, rule, typed_cells

register(
    {
        "form.notation_departs": (
            (
                'Sel {cell}: "{found}" ditulis dengan notasi Indonesia, angka lain di tabel dengan notasi Inggris '
                "(1,234.56); dibaca {value}."
            ),
            'Cell {cell}: "{found}" is written in Indonesian notation, the table\'s other figures in English '
            "notation (1,234.56); read as {value}.",
        ),
        "form.partial_read": (
            (
                'Lembar "{sheet}": Tabel {tid} dibaca {read} baris berangka, tetapi {unread} baris lain di lembar '
                "ini juga berisi angka (baris {rows}); periksa judul kolom dan letak tabel."
            ),
            (
                'Sheet "{sheet}": Tabel {tid} was read with {read} rows of figures, but {unread} other rows of the '
                "sheet hold figures too (rows {rows}); check the column header and where the table stands."
            ),
        ),
        "form.duplicate_sheet": (
            (
                'Lembar "{sheet}" juga berisi Tabel {tid}; yang diperiksa lembar "{used}"{why}. '
                "Hapus atau ganti nama salinan yang tidak berlaku."
            ),
            (
                'Sheet "{sheet}" also holds Tabel {tid}; sheet "{used}" was checked{why}. '
                "Delete or rename the copy that no longer applies."
            ),
        ),
        "form.unit_mismatch": (
            'Sel {cell}: "{found}" memakai satuan "{unit}", sedangkan angka yang sama di {other} ditulis '
            '"{other_text}" (satuan "{other_unit}").',
            'Cell {cell}: "{found}" is in "{unit}", while the same figure in {other} reads "{other_text}" '
            '(unit "{other_unit}").',
        ),
        "form.relocated": (
            'Lembar "{sheet}" bernomor {number}, tetapi isinya Tabel {tid} standar; diperiksa sebagai Tabel {tid}.',
            'Sheet "{sheet}" is numbered {number}, but it holds the standard Tabel {tid}; checked as Tabel {tid}.',
        ),
    }
)


def _placeholder(sheet: str, ref: str = "A1") -> Cell:
    return Cell(sheet, ref, None, "", Parsed("empty"))


@rule("F710", "form.notation_departs", severity="warning", question="form")
def notation_departs(ctx: Context) -> Iterator[Finding]:
    """In a table typed in English notation, a figure typed the Indonesian way (warning).

    The notation is decided per table from the figures that read one way only
    (else for the document): a table typed consistently as 1,002,654,953.00
    is read that way and raises nothing; only a cell that departs is reported.

    Fails: "95,00" in a table of "1,000,000.00" and "95.00".

        [Tabel 3.17]
        | No | Program   | Anggaran     | Realisasi    | Persentase | Sisa       |
        | 1  | Program A | 1,000,000.00 | 950,000.00   | 95.00      | 50,000.00  |
        | 2  | Program B | 2,000,000.00 | 1,900,000.00 | 95,00      | 100,000.00 |
        => F710 at E3

    Passes: the same table typed entirely the English way.

        [Tabel 3.17]
        | No | Program   | Anggaran     | Realisasi    | Persentase | Sisa       |
        | 1  | Program A | 1,000,000.00 | 950,000.00   | 95.00      | 50,000.00  |
        | 2  | Program B | 2,000,000.00 | 1,900,000.00 | 95.00      | 100,000.00 |
    """
    for table, cid, c, _col in typed_cells(ctx):
        if cid != table.spec.numbering and departs(table, c.parsed, c.text):
            value = format_id(c.value, c.decimals or 0, c.parsed.unit)
            yield make("F710", "warning", c, c.text, None, "form.notation_departs", table=table, value=value)


PARTIAL_MIN_ROWS = 3


@rule("F708", "form.partial_read", severity="warning", question="form")
def partial_read(ctx: Context) -> Iterator[Finding]:
    """A table read with far fewer figures than its sheet holds (warning).

    Rows of the sheet that hold figures but were not read as rows of the table
    (above its header, or cut off) are counted; three or more, and at least
    half as many as the rows read, mean the header or the table's end was
    misplaced, and its checks saw only part of it.

    Fails: the first header row names no known column, so the table is read from the header typed
    again below it, and the rows above that are left out.

        [Tabel 1.2]
        | Nomor | Nama | Dsn | KK Total | Pria  | Wanita | Semua |
        | 1  | A | 2 | 1.101 | 1.200 | 1.210 | 2.410 |
        | 2  | B | 2 | 1.102 | 1.200 | 1.210 | 2.410 |
        | 3  | C | 2 | 1.103 | 1.200 | 1.210 | 2.410 |
        | 4  | D | 2 | 1.104 | 1.200 | 1.210 | 2.410 |
        | 5  | E | 2 | 1.105 | 1.200 | 1.210 | 2.410 |
        | No | Nama Desa | Jumlah Dusun | Jumlah KK | L | P | L+P |
        | 6  | F | 2 | 1.106 | 1.200 | 1.210 | 2.410 |
        => F708 at A1

    Passes: the header the reader knows on top; every row is read.

        [Tabel 1.2]
        | No | Nama Desa | Jumlah Dusun | Jumlah KK | L | P | L+P |
        | 1  | A | 2 | 1.101 | 1.200 | 1.210 | 2.410 |
        | 2  | B | 2 | 1.102 | 1.200 | 1.210 | 2.410 |
        | 3  | C | 2 | 1.103 | 1.200 | 1.210 | 2.410 |
        | 4  | D | 2 | 1.104 | 1.200 | 1.210 | 2.410 |
    """
    for table in ctx.tables():
        unread = table.unread_figure_rows
        if len(unread) < PARTIAL_MIN_ROWS:
            continue
        read = sum(1 for r in table.rows if any(c.value is not None for c in r.cells.values()))
        if 2 * len(unread) >= read:
            rows = ", ".join(str(r) for r in unread[:8]) + (" …" if len(unread) > 8 else "")
            yield make(
                "F708",
                "warning",
                _placeholder(table.sheet),
                None,
                None,
                "form.partial_read",
                table=table,
                tid=table.id,
                read=read,
                unread=len(unread),
                rows=rows,
            )


@rule("F709", "form.duplicate_sheet", severity="warning", question="form")
def duplicate_sheet(ctx: Context) -> Iterator[Finding]:
    """Two sheets claim one table, or a sheet's number does not fit its content (warning / info).

    A visible sheet wins over a hidden one (a stale copy "Tabel 3.2 lama"),
    else the first; the sheet left aside is reported at its A1. A sheet whose
    number belongs to another table but whose header fits a standard table
    that is missing is checked as that table (info).

    Fails: "Tabel 3.2 lama" (a copy the office kept) comes after "Tabel 3.2".

        [Tabel 3.2]
        | No | Sasaran | Indikator Kinerja | Satuan | Target | Realisasi | Capaian |
        | 1  | S       | Indeks X          | %      | 80,00  | 72,00     | 90,00   |
        [Tabel 3.2 lama]
        | No | Sasaran | Indikator Kinerja | Satuan | Target | Realisasi | Capaian |
        | 1  | S       | Indeks X          | %      | 80,00  | 70,00     | 87,50   |
        => F709 at Tabel 3.2 lama!A1

    Passes: one sheet per table.

        [Tabel 3.2]
        | No | Sasaran | Indikator Kinerja | Satuan | Target | Realisasi | Capaian |
        | 1  | S       | Indeks X          | %      | 80,00  | 72,00     | 90,00   |
    """
    hidden = {g.title for g in ctx.wb.grids if getattr(g, "hidden", False)}
    for tid, used, ignored in ctx.wb.duplicates:
        why = " (lembar lain tersembunyi)" if ignored in hidden else ""
        yield make(
            "F709",
            "warning",
            _placeholder(ignored),
            None,
            None,
            "form.duplicate_sheet",
            table=tid,
            tid=tid,
            used=used,
            why=why,
        )
    for tid, sheet, number in ctx.wb.relocated:
        yield make("F709", "info", _placeholder(sheet), None, None, "form.relocated", table=tid, tid=tid, number=number)


def _word_unit(c: Cell) -> str | None:
    u = c.parsed.unit
    return u.lower() if u and u not in FORMAT_UNITS else None


@rule("F711", "form.unit_mismatch", severity="warning", question="crosstable")
def unit_mismatch(ctx: Context) -> Iterator[Finding]:
    """A figure printed twice with different units typed in its cells (warning).

    Where two tables hold the same figure (`[[same]]` declarations) and both
    cells carry a unit word, the words must agree; the figures themselves are
    compared by the cross-table rules.

    Fails: the IKM target is "80 Indeks" in Tabel 2.2 and "80 Skor" in Tabel 3.2.

        [Tabel 2.2]
        | No | Sasaran | Indikator Kinerja          | Satuan | Target    |
        | 1  | S       | Indeks Kepuasan Masyarakat | Nilai  | 80 Indeks |
        [Tabel 3.2]
        | No | Sasaran | Indikator Kinerja          | Satuan | Target  | Realisasi | Capaian |
        | 1  | S       | Indeks Kepuasan Masyarakat | Nilai  | 80 Skor | 80        | 100,00  |
        => F711 at Tabel 2.2!E2

    Passes: "80 Indeks" and "80 indeks".

        [Tabel 2.2]
        | No | Sasaran | Indikator Kinerja          | Satuan | Target    |
        | 1  | S       | Indeks Kepuasan Masyarakat | Nilai  | 80 Indeks |
        [Tabel 3.2]
        | No | Sasaran | Indikator Kinerja          | Satuan | Target    | Realisasi | Capaian |
        | 1  | S       | Indeks Kepuasan Masyarakat | Nilai  | 80 indeks | 80        | 100,00  |
    """
    from .crosstable import same_pairs

    seen: set[frozenset[str]] = set()
    for p in same_pairs(ctx):
        ua, ub = _word_unit(p.a), _word_unit(p.b)
        key = frozenset((p.a.address, p.b.address))
        if ua is None or ub is None or ua == ub or key in seen:
            continue
        seen.add(key)
        yield make(
            "F711",
            "warning",
            p.b,
            p.b.text,
            None,
            "form.unit_mismatch",
            table=p.tb,
            related=[p.a],
            unit=p.b.parsed.unit,
            other=p.a.address,
            other_text=p.a.text,
            other_unit=p.a.parsed.unit,
        )
