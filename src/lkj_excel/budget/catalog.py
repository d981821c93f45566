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

    Fails: kegiatan 7.01.01.2.01 reads 3.100.000 in Anggaran while its lines add up to 3.000.000.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.100.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        => B001 at C3

    Passes: the kegiatan reads 3.000.000.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
    """
    return []


@rule("B002", "budget.total", severity="error", question="budget", runs="anggaran")
def total(ctx: Context) -> Iterable[Finding]:
    """The JUMLAH row of the SIPD export equals the sum of all its leaf lines (error).

    Checked per amount column. Found while reading the export (`lkj-excel
    anggaran EXPORT`); `check` reads no export, so there this rule reports
    nothing. The fix is the leaves' sum.

    Fails: JUMLAH realisasi reads 2.400.000 while the lines add up to 2.500.000.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.400.000 | 500.000 | 83,33  |
        => B002 at D7

    Passes: JUMLAH realisasi reads 2.500.000.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
    """
    return []


@rule("B003", "budget.sisa", severity="error", question="budget", runs="anggaran")
def sisa(ctx: Context) -> Iterable[Finding]:
    """A sisa (or Lebih/(Kurang)) cell of the SIPD export equals anggaran − realisasi (error).

    Either sign is accepted, as "Lebih/(Kurang)" columns print realisasi −
    anggaran. Found while reading the export (`lkj-excel anggaran EXPORT`);
    `check` reads no export, so there this rule reports nothing.

    Fails: anggaran 1.000.000, realisasi 1.000.000, sisa 100.000.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 100.000 | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        => B003 at E5

    Passes: sisa 0 (a Lebih/(Kurang) column may print realisasi − anggaran).

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
    """
    return []


@rule("B004", "budget.percent", severity="error", question="budget", runs="anggaran")
def percent(ctx: Context) -> Iterable[Finding]:
    """A % cell of the SIPD export equals realisasi ÷ anggaran × 100 at its printed decimals (error).

    Found while reading the export (`lkj-excel anggaran EXPORT`); `check` reads
    no export, so there this rule reports nothing. The fix is the ratio rounded
    to the cell's decimals.

    Fails: anggaran 2.000.000, realisasi 1.500.000, % 57,00.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 57,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        => B004 at F6

    Passes: % 75,00.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
    """
    return []


@rule("B005", "budget.parent", severity="error", question="budget", runs="anggaran")
def parent(ctx: Context) -> Iterable[Finding]:
    """A kegiatan or sub kegiatan code of the SIPD export belongs to the program / kegiatan above it (error).

    The code's own prefix names its program and kegiatan; a row under another
    one is misplaced. Found while reading the export (`lkj-excel anggaran
    EXPORT`); `check` reads no export, so there this rule reports nothing.

    Fails: kegiatan 7.01.02.2.01 and its sub kegiatan listed under program 7.01.01.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.02.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.02.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        => B005 at A3
        => B005 at A4

    Passes: kegiatan 7.01.01.2.01 under program 7.01.01.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
    """
    return []


@rule("B006", "budget.code", severity="warning", question="budget", runs="anggaran")
def code(ctx: Context) -> Iterable[Finding]:
    """A code in the SIPD export's code column is a program, kegiatan, sub kegiatan or rekening code (warning).

    Codes follow Permendagri 90/2019; a row whose code fits none of the levels
    is not summed. Found while reading the export (`lkj-excel anggaran
    EXPORT`); `check` reads no export, so there this rule reports nothing.

    Fails: a row coded 7.01.0.00.0.00.36.0000, which is no program, kegiatan, sub kegiatan or rekening code.

        [LRA]
        | Kode Rekening          | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01                | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01           | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001      | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024      | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026      | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        | 7.01.0.00.0.00.36.0000 | Lain-lain                        |           |           |         |        |
        |                        | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        => B006 at A7

    Passes: rows coded 7.01.01.2.01.0001 (sub kegiatan) and 5.1.02.01.01.0024 (rekening).

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
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

    Fails: the lines sit under program 7.01.09, which no kecamatan has (the finding is on the first line's amount).

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.09           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.09.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.09.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        => B010 at C5

    Passes: every line under 7.01.01–7.01.06.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
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

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.9.99.01.01.0001 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        => B011 at C6

    Passes: kode rekening 5.1.02.01.01.0026 (jenis 5.1.02).

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
    """
    return []


@rule("B012", "budget.no_rekening", severity="info", question="budget", runs="anggaran")
def no_rekening(ctx: Context) -> Iterable[Finding]:
    """Every leaf line of the SIPD export carries a kode rekening (info).

    A line without one (a sub kegiatan with no rekening rows) counts toward
    its program but its jenis belanja is unknown. Found while aggregating an
    export (`lkj-excel anggaran EXPORT`); `check` reads no export, so there
    this rule reports nothing.

    Fails: sub kegiatan 7.01.01.2.01.0001 has its amounts but no kode rekening lines.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %     |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33 |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33 |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33 |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33 |
        => B012 at C4

    Passes: its amounts are split over kode rekening lines.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
    """
    return []
