"""How the workbook was read: a table read only in part, two sheets for one table,
a sheet under another number, a figure departing from its table's notation."""

from __future__ import annotations

from collections.abc import Iterator

from .. import messages
from ..findings import Finding
from ..model import Cell
from ..numbers import FORMAT_UNITS, Parsed, format_id
from ..read.notation import departs
from .base import Context, make, rule

messages.register(
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


@rule("F710", "form.notation_departs")
def notation_departs(ctx: Context) -> Iterator[Finding]:
    """In a table typed in English notation, a figure typed the Indonesian way (warning).

    The notation is decided per table from the figures that read one way only
    (else for the document): a table typed consistently as 1,002,654,953.00
    is read that way and raises nothing; only a cell that departs is reported.

    Fails: "95,07" in a table of "1,002,654,953.00", "97.61".
    Passes: a table typed entirely the English way; "1.570" (read either way).
    """
    for table in ctx.tables():
        for _r, cid, c in table.iter_cells():
            if cid != table.spec.numbering and c.is_text_typed and departs(table, c.parsed, c.text):
                value = format_id(c.value, c.decimals or 0, c.parsed.unit)
                yield make("F710", "warning", c, c.text, None, "form.notation_departs", table=table, value=value)


PARTIAL_MIN_ROWS = 3


@rule("F708", "form.partial_read")
def partial_read(ctx: Context) -> Iterator[Finding]:
    """A table read with far fewer figures than its sheet holds (warning).

    Rows of the sheet that hold figures but were not read as rows of the table
    (above its header, or cut off) are counted; three or more, and at least
    half as many as the rows read, mean the header or the table's end was
    misplaced, and its checks saw only part of it.

    Fails: a header row skipped, so the table starts half-way down its sheet.
    Passes: the sample's tables (no figure outside a table).
    """
    for table in ctx.tables():
        unread = table.unread_figure_rows
        read = sum(1 for r in table.rows if any(c.value is not None for c in r.cells.values()))
        if len(unread) >= PARTIAL_MIN_ROWS and 2 * len(unread) >= read:
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


@rule("F709", "form.duplicate_sheet")
def duplicate_sheet(ctx: Context) -> Iterator[Finding]:
    """Two sheets claim one table, or a sheet's number does not fit its content (warning / info).

    A visible sheet wins over a hidden one (a stale copy "Tabel 3.2 lama"),
    else the first; the sheet left aside is reported at its A1. A sheet whose
    number belongs to another table but whose header fits a standard table
    that is missing is checked as that table (info).

    Fails: hidden "Tabel 3.2 lama" before the visible "Tabel 3.2".
    Passes: one sheet per table.
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


@rule("F711", "form.unit_mismatch")
def unit_mismatch(ctx: Context) -> Iterator[Finding]:
    """A figure printed twice with different units typed in its cells (warning).

    Where two tables hold the same figure (`[[same]]` declarations) and both
    cells carry a unit word, the words must agree; the figures themselves are
    compared by the cross-table rules.

    Fails: Tabel 2.2 target "15 Nagari", Tabel 3.2 target "15 Desa".
    Passes: "15 Nagari" and "15 nagari"; "15 Nagari" and "15".
    """
    from .crosstable import _pairs

    seen: set[frozenset[str]] = set()
    for p in _pairs(ctx):
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
