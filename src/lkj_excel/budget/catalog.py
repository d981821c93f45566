"""Catalog entries for the findings of reading a SIPD budget export (B001-B012).

`budget.export` (B001-B009) and `budget.aggregate` (B010-B012) report these
while reading an export (`lkj-excel anggaran EXPORT`); `check` reads no export,
so there every body here returns nothing. The docstrings are the catalog.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding
from ..rules.base import Context, rule


@rule("B001", "budget.subtotal", severity="error", question="budget", runs="anggaran")
def subtotal(ctx: Context) -> Iterable[Finding]:
    """A subtotal row of the SIPD export equals the sum of its leaf lines (error).

    Every program, kegiatan, sub kegiatan and rekening subtotal, in every amount
    column (anggaran, realisasi, sisa), against the leaf lines under it. Found
    while reading the export (`lkj-excel anggaran EXPORT`); `check` reads no
    export, so there this rule reports nothing. The fix is the leaves' sum.

    Fails: kegiatan 7.01.01.2.08 reads 208.000.000 in "Anggaran Setelah
    Perubahan" while its lines add up to 207.000.000.
    Passes: the subtotal reads 207.000.000.
    """
    return []


@rule("B002", "budget.total", severity="error", question="budget", runs="anggaran")
def total(ctx: Context) -> Iterable[Finding]:
    """The JUMLAH row of the SIPD export equals the sum of all its leaf lines (error).

    Checked per amount column. Found while reading the export (`lkj-excel
    anggaran EXPORT`); `check` reads no export, so there this rule reports
    nothing. The fix is the leaves' sum.

    Fails: JUMLAH realisasi reads 2.823.094.000 while the lines add up to
    2.823.094.761.
    Passes: JUMLAH realisasi reads 2.823.094.761.
    """
    return []


@rule("B003", "budget.sisa", severity="error", question="budget", runs="anggaran")
def sisa(ctx: Context) -> Iterable[Finding]:
    """A sisa (or Lebih/(Kurang)) cell of the SIPD export equals anggaran − realisasi (error).

    Either sign is accepted, as "Lebih/(Kurang)" columns print realisasi −
    anggaran. Found while reading the export (`lkj-excel anggaran EXPORT`);
    `check` reads no export, so there this rule reports nothing.

    Fails: anggaran 10.000.000, realisasi 9.000.000, sisa 1.500.000.
    Passes: sisa 1.000.000 (or -1.000.000 in a Lebih/(Kurang) column).
    """
    return []


@rule("B004", "budget.percent", severity="error", question="budget", runs="anggaran")
def percent(ctx: Context) -> Iterable[Finding]:
    """A % cell of the SIPD export equals realisasi ÷ anggaran × 100 at its printed decimals (error).

    Found while reading the export (`lkj-excel anggaran EXPORT`); `check` reads
    no export, so there this rule reports nothing. The fix is the ratio rounded
    to the cell's decimals.

    Fails: anggaran 10.000.000, realisasi 9.000.000, % 95,00.
    Passes: % 90,00.
    """
    return []


@rule("B005", "budget.parent", severity="error", question="budget", runs="anggaran")
def parent(ctx: Context) -> Iterable[Finding]:
    """A kegiatan or sub kegiatan code of the SIPD export belongs to the program / kegiatan above it (error).

    The code's own prefix names its program and kegiatan; a row under another
    one is misplaced. Found while reading the export (`lkj-excel anggaran
    EXPORT`); `check` reads no export, so there this rule reports nothing.

    Fails: kegiatan 7.01.02.2.01 listed under program 7.01.01.
    Passes: kegiatan 7.01.01.2.01 under program 7.01.01.
    """
    return []


@rule("B006", "budget.code", severity="warning", question="budget", runs="anggaran")
def code(ctx: Context) -> Iterable[Finding]:
    """A code in the SIPD export's code column is a program, kegiatan, sub kegiatan or rekening code (warning).

    Codes follow Permendagri 90/2019; a row whose code fits none of the levels
    is not summed. Found while reading the export (`lkj-excel anggaran
    EXPORT`); `check` reads no export, so there this rule reports nothing.

    Fails: a row coded 7.01.0.00.0.00.36.0000.
    Passes: a row coded 7.01.01.2.01.0001 (sub kegiatan) or 5.1.02.01.01.0024 (rekening).
    """
    return []


@rule("B007", "budget.merge_no_dpa", severity="error", question="budget", runs="anggaran")
def merge_no_dpa(ctx: Context) -> Iterable[Finding]:
    """Every realisasi line of a separate LRA file has its budget line in the DPA file (error).

    Lines are joined on the full code path (program / kegiatan / sub kegiatan /
    rekening). Found while merging a two-file export (`lkj-excel anggaran DPA
    --realisasi LRA`); `check` reads no export, so there this rule reports
    nothing.

    Fails: the LRA has 250.000 realisasi on 5.1.02.04.01.0001 under sub
    kegiatan 7.01.02.2.01.0001, which the DPA does not list.
    Passes: the DPA lists that line too.
    """
    return []


@rule("B008", "budget.merge_no_lra", severity="warning", question="budget", runs="anggaran")
def merge_no_lra(ctx: Context) -> Iterable[Finding]:
    """Every budget line of a separate DPA file appears in the LRA file (warning).

    A line missing from the LRA is taken as realisasi 0. Found while merging a
    two-file export (`lkj-excel anggaran DPA --realisasi LRA`); `check` reads no
    export, so there this rule reports nothing.

    Fails: the DPA lists 5.1.02.02.01.0061 (Belanja Tagihan Listrik) but the
    LRA has no row for it.
    Passes: the LRA has its row, with its realisasi.
    """
    return []


@rule("B009", "budget.merge_anggaran", severity="warning", question="budget", runs="anggaran")
def merge_anggaran(ctx: Context) -> Iterable[Finding]:
    """A line's anggaran in the LRA file, when printed, equals the DPA file's (warning).

    The DPA's figure is used. Found while merging a two-file export (`lkj-excel
    anggaran DPA --realisasi LRA`); `check` reads no export, so there this rule
    reports nothing.

    Fails: the LRA prints an anggaran of 36.000.000 for a line the DPA budgets
    at 35.000.000.
    Passes: both print 35.000.000.
    """
    return []


@rule("B010", "budget.program", severity="info", question="budget", runs="anggaran")
def program(ctx: Context) -> Iterable[Finding]:
    """A program code of the SIPD export is a known kecamatan program (info).

    Known programs are listed in `sheets/_budget_codes.toml`; an unknown one is
    still totalled under its own code. Found while aggregating an export
    (`lkj-excel anggaran EXPORT`); `check` reads no export, so there this rule
    reports nothing.

    Fails: a line under program 7.01.09.
    Passes: every line under 7.01.01–7.01.06.
    """
    return []


@rule("B011", "budget.jenis", severity="info", question="budget", runs="anggaran")
def jenis(ctx: Context) -> Iterable[Finding]:
    """The jenis belanja of a kode rekening in the SIPD export is in the code list (info).

    The jenis is the first three segments of the kode rekening, looked up in
    `sheets/_budget_codes.toml`; an unknown one is still totalled under its own
    code. Found while aggregating an export (`lkj-excel anggaran EXPORT`);
    `check` reads no export, so there this rule reports nothing.

    Fails: a line with kode rekening 5.9.99.01.01.0001 (jenis 5.9.99).
    Passes: a line with kode rekening 5.1.02.01.01.0024 (jenis 5.1.02).
    """
    return []


@rule("B012", "budget.no_rekening", severity="info", question="budget", runs="anggaran")
def no_rekening(ctx: Context) -> Iterable[Finding]:
    """Every leaf line of the SIPD export carries a kode rekening (info).

    A line without one (a sub kegiatan with no rekening rows) counts toward
    its program but its jenis belanja is unknown. Found while aggregating an
    export (`lkj-excel anggaran EXPORT`); `check` reads no export, so there
    this rule reports nothing.

    Fails: sub kegiatan 7.01.01.2.01.0001 has an amount but no rekening lines.
    Passes: its amount is split over kode rekening lines.
    """
    return []
