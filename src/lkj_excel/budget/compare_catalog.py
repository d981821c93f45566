"""The catalog entries of the rules B101-B104: the LKjIP budget tables against the SIPD export.

`check` has no export to compare with, so their bodies return nothing there; their logic is
`budget.compare.compare_workbook` (`lkj-excel anggaran --workbook`), which reports under these codes.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding
from ..rules.base import Context, rule
from . import texts  # noqa: F401 - registers the messages


@rule("B101", "budget.table_anggaran", severity="error", question="budget", runs="anggaran")
def table_anggaran(ctx: Context) -> Iterable[Finding]:
    """The anggaran in Tabel 2.3, 2.4, 3.16 and 3.17 equals the SIPD export (DPPA).

    Per jenis and kelompok belanja and the total (2.3, 3.16), per program and
    the total (2.4, 3.17), summed from the export's leaf lines. Run by
    `lkj-excel anggaran EXPORT --workbook LKJ.xlsx`; `check` has no export,
    so there this rule reports nothing. The fix is the export's figure.

    Fails: Tabel 3.17 gives Program Penunjang an anggaran of 3.100.000; its lines in the export add up to 3.000.000.

        [Tabel 3.17]
        | No | Program                                      | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Program Penunjang Urusan Pemerintahan Daerah | 3.100.000     | 2.500.000      | 83,33          |
        => B101 at C2
        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |

    Passes: Tabel 3.17 and the export both give 3.000.000.

        [Tabel 3.17]
        | No | Program                                      | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Program Penunjang Urusan Pemerintahan Daerah | 3.000.000     | 2.500.000      | 83,33          |
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


@rule("B102", "budget.table_realisasi", severity="error", question="budget", runs="anggaran")
def table_realisasi(ctx: Context) -> Iterable[Finding]:
    """The realisasi (and sisa) in Tabel 3.16 and 3.17 equal the SIPD export (LRA).

    Per jenis and kelompok belanja, per program and the total; a sisa column,
    when the table has one, must equal the export's anggaran − realisasi. Run by
    `lkj-excel anggaran EXPORT --workbook LKJ.xlsx`; `check` has no export, so
    there this rule reports nothing. The fix is the export's figure.

    Fails: Tabel 3.17 gives a realisasi of 2.600.000; the export's lines of the program add up to 2.500.000.

        [Tabel 3.17]
        | No | Program                                      | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Program Penunjang Urusan Pemerintahan Daerah | 3.000.000     | 2.600.000      | 83,33          |
        => B102 at D2
        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |

    Passes: both give 2.500.000.

        [Tabel 3.17]
        | No | Program                                      | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Program Penunjang Urusan Pemerintahan Daerah | 3.000.000     | 2.500.000      | 83,33          |
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


@rule("B103", "budget.table_penyerapan", severity="error", question="budget", runs="anggaran")
def table_penyerapan(ctx: Context) -> Iterable[Finding]:
    """The % penyerapan in Tabel 3.16, 3.17 and 3.14 agrees with the SIPD export.

    3.16 / 3.17: realisasi ÷ anggaran × 100 of the row's lines in the export.
    3.14: per sasaran, over the programs Tabel 3.15 lists under it. A % printed
    with d decimals agrees when the export's exact ratio rounds to it; the fix
    is that ratio rounded to the cell's decimals. Run by `lkj-excel anggaran
    EXPORT --workbook LKJ.xlsx`; `check` reports nothing for this rule.

    Fails: Tabel 3.17 prints 85,33 where the export gives 2.500.000 ÷ 3.000.000 = 83,33%.

        [Tabel 3.17]
        | No | Program                                      | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Program Penunjang Urusan Pemerintahan Daerah | 3.000.000     | 2.500.000      | 85,33          |
        => B103 at E2
        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |

    Passes: 83,33, the export's ratio at the cell's two decimals.

        [Tabel 3.17]
        | No | Program                                      | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Program Penunjang Urusan Pemerintahan Daerah | 3.000.000     | 2.500.000      | 83,33          |
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


@rule("B104", "budget.table_missing_line", severity="error", question="budget", runs="anggaran")
def table_missing_line(ctx: Context) -> Iterable[Finding]:
    """Every program and jenis belanja of the SIPD export has its row in the tables, and vice versa.

    A program (2.4, 3.17) or jenis / kelompok belanja (2.3, 3.16) with lines in
    the export but no row in the table, or a table row with a non-zero figure
    that has no lines in the export (or whose program is not recognised). Run by
    `lkj-excel anggaran EXPORT --workbook LKJ.xlsx`; `check` reports nothing
    for this rule. No automatic fix.

    Fails: Tabel 3.17 lists Program Pemberdayaan Masyarakat Desa with 69.850.000, which has no lines in the export.

        [Tabel 3.17]
        | No | Program                                            | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Program Penunjang Urusan Pemerintahan Daerah       | 3.000.000     | 2.500.000      | 83,33          |
        | 2  | Program Pemberdayaan Masyarakat Desa dan Kelurahan | 69.850.000    | 68.535.700     | 98,12          |
        => B104 at C3
        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |

    Passes: every program of the table has its lines in the export, and every program of the export its row.

        [Tabel 3.17]
        | No | Program                                      | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Program Penunjang Urusan Pemerintahan Daerah | 3.000.000     | 2.500.000      | 83,33          |
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
