"""Checks of one export's own figures: parents against their leaves, and each line's arithmetic.

Every printed parent (program, kegiatan, sub kegiatan, each rekening level, `[#]`
group) and every printed total (JUMLAH, "Jumlah Anggaran Sub Kegiatan") is held
against the sum of the leaves under it; each item's koefisien × harga × (1 + PPN)
against its jumlah; sisa, %, bertambah/(berkurang) against their inputs; and a
line whose realisasi exceeds its anggaran is reported (pelampauan). The rules
B001-B004 and B013-B015 are declared here, with their logic.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding
from ..numerals import format_id
from ..rules.base import Context, rule
from .codes import LEVEL_NAMES
from .model import Node, leaves_of
from .money import tolerance
from .sheet import SheetView

SUMMED = ("anggaran", "realisasi", "sebelum")


@rule("B001", "budget.subtotal", severity="error", question="budget", runs="anggaran")
def subtotal(ctx: Context) -> Iterable[Finding]:
    """A parent row of the export equals the sum of the leaf lines under it (error).

    Every program, kegiatan, sub kegiatan, rekening level and `[#]` group, in
    every amount column (anggaran, sebelum perubahan, realisasi), against the
    leaves under it. Found while reading the export (`lkj-excel anggaran
    EXPORT`); `check` reads no export, so there this rule reports nothing. The
    fix is the leaves' sum.

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
    """A total row of the export (JUMLAH, Jumlah Anggaran Sub Kegiatan) equals the sum of its leaf lines (error).

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


@rule("B013", "budget.rincian", severity="error", question="budget", runs="anggaran")
def rincian(ctx: Context) -> Iterable[Finding]:
    """An item line's jumlah equals koefisien × harga × (1 + PPN%) (error).

    In the Rincian Perhitungan columns of a DPA / DPPA / RKA print, or in the
    PENJELASAN text of a Penjabaran ("2 Keg x 1.500.000,00 = 3.000.000,00"). A
    jumlah printed with d decimals agrees when the product lies within half a
    unit of its last digit. No automatic fix: the koefisien or the harga may be
    the wrong figure. Found by `lkj-excel anggaran EXPORT`; `check` reports
    nothing for this rule.

    Fails: 5 Buah × 30.000, PPN 0, jumlah Rp160.000.

        [DPA]
        | Sub Kegiatan : 7.01.01.2.01.0001 Penyusunan Dokumen Perencanaan |  |  |  |  |  |  |
        | Kode Rekening     | Uraian                    | Koefisien | Satuan | Harga   | PPN | Jumlah (Rp) |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor |           |        |         |     | Rp660.000   |
        |                   | [-] Kertas HVS            | 10 Rim    | Rim    | 50.000  | 0   | Rp500.000   |
        |                   | [-] Map                   | 5 Buah    | Buah   | 30.000  | 0   | Rp160.000   |
        | Jumlah Anggaran Sub Kegiatan : Rp660.000 |  |  |  |  |  |  |
        => B013 at G5

    Passes: jumlah Rp150.000 (and, with PPN 11 %, 1 Unit × 12.000.000 = Rp13.320.000).

        [DPA]
        | Sub Kegiatan : 7.01.01.2.01.0001 Penyusunan Dokumen Perencanaan |  |  |  |  |  |  |
        | Kode Rekening     | Uraian                    | Koefisien | Satuan | Harga   | PPN | Jumlah (Rp) |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor |           |        |         |     | Rp650.000   |
        |                   | [-] Kertas HVS            | 10 Rim    | Rim    | 50.000  | 0   | Rp500.000   |
        |                   | [-] Map                   | 5 Buah    | Buah   | 30.000  | 0   | Rp150.000   |
        | 5.2.02.10.01.0002 | Belanja Modal PC          |           |        |         |     | Rp13.320.000 |
        |                   | [-] Laptop                | 1 Unit    | Unit   | 12.000.000 | 11 % | Rp13.320.000 |
        | Jumlah Anggaran Sub Kegiatan : Rp13.970.000 |  |  |  |  |  |  |
    """
    return []


@rule("B014", "budget.pelampauan", severity="error", question="budget", runs="anggaran")
def pelampauan(ctx: Context) -> Iterable[Finding]:
    """A line's realisasi does not exceed its anggaran (error: pelampauan).

    Per leaf line of a file with both figures (LRA), and per sub kegiatan ×
    kode rekening when a DPA / DPPA is joined with a realisation list or an
    LRA (`lkj-excel anggaran DPA --realisasi FILE`). No automatic fix. Found by
    `lkj-excel anggaran`; `check` reports nothing for this rule.

    Fails: 5.1.02.01.01.0024 has anggaran 1.000.000 and realisasi 1.200.000.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa     | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.700.000 | 300.000 | 90,00  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.700.000 | 300.000 | 90,00  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.700.000 | 300.000 | 90,00  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.200.000 | -200.000 | 120,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000  | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.700.000 | 300.000  | 90,00  |
        => B014 at D5

    Passes: realisasi 1.000.000.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa     | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0        | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000  | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000  | 83,33  |
    """
    return []


@rule("B015", "budget.bertambah", severity="error", question="budget", runs="anggaran")
def bertambah(ctx: Context) -> Iterable[Finding]:
    """A Bertambah/(Berkurang) cell of a perubahan print equals setelah − sebelum perubahan (error).

    Found by `lkj-excel anggaran EXPORT` on DPPA and Penjabaran Perubahan
    prints; `check` reports nothing for this rule. The fix is the difference.

    Fails: sebelum Rp500.000, setelah Rp600.000, bertambah 150.000.

        [DPPA]
        | Sub Kegiatan : 7.01.01.2.01.0001 Penyusunan Dokumen Perencanaan |  |  |  |  |  |  |  |  |  |  |  |  |
        | Kode Rekening | Uraian | Sebelum Perubahan | | | | | Setelah Perubahan | | | | | Bertambah/(Berkurang) |
        |  |  | Koefisien | Satuan | Harga | PPN | Jumlah | Koefisien | Satuan | Harga | PPN | Jumlah |  |
        merged: C2:G2, H2:L2
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor |  |  |  |  | Rp500.000 |  |  |  |  | Rp600.000 | 150.000 |
        |  | [-] Kertas HVS | 10 Rim | Rim | 50.000 | 0 | Rp500.000 | 12 Rim | Rim | 50.000 | 0 | Rp600.000 | 100.000 |
        => B015 at M4

    Passes: bertambah 100.000.

        [DPPA]
        | Sub Kegiatan : 7.01.01.2.01.0001 Penyusunan Dokumen Perencanaan |  |  |  |  |  |  |  |  |  |  |  |  |
        | Kode Rekening | Uraian | Sebelum Perubahan | | | | | Setelah Perubahan | | | | | Bertambah/(Berkurang) |
        |  |  | Koefisien | Satuan | Harga | PPN | Jumlah | Koefisien | Satuan | Harga | PPN | Jumlah |  |
        merged: C2:G2, H2:L2
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor |  |  |  |  | Rp500.000 |  |  |  |  | Rp600.000 | 100.000 |
        |  | [-] Kertas HVS | 10 Rim | Rim | 50.000 | 0 | Rp500.000 | 12 Rim | Rim | 50.000 | 0 | Rp600.000 | 100.000 |
    """
    return []


# --- the checks ---------------------------------------------------------------------
def check_nodes(sh: SheetView, nodes: list[Node], labels: dict[str, str]) -> list[Node]:
    """Check every parent and total against its leaves and each line's arithmetic; return the leaves."""
    for role in SUMMED:
        _check_role(sh, [n for n in nodes if role in n.amounts], role, labels.get(role, role))
    for n in nodes:
        _check_sisa_pct(sh, n)
        _check_bertambah(sh, n)
    leaves = leaves_of(nodes)
    for leaf in leaves:
        for role, calc in leaf.rincian.items():
            check_rincian(sh, leaf, role, calc)
        check_pelampauan(sh, leaf)
    return leaves


def _check_role(sh: SheetView, nodes: list[Node], role: str, column: str) -> None:
    """One amount column: each node that prints it, against the deepest nodes below it that print it too.

    A Penjabaran Perubahan prints its items' rincian for the "after" figure only, so
    the "before" column is summed from the rekening rows, not from the items.
    """
    leaves = leaves_of(nodes)
    sums: dict[tuple[str, ...], float] = {}
    members: dict[tuple[str, ...], list[Node]] = {}
    for leaf in leaves:
        for i in range(len(leaf.path)):
            key = leaf.path[:i]
            members.setdefault(key, []).append(leaf)
            sums[key] = sums.get(key, 0.0) + (leaf.amounts[role].value or 0.0)
    leaf_ids = {id(n) for n in leaves}
    for n in nodes:
        if id(n) not in leaf_ids and n.path in members:
            _check_parent(sh, n, role, sums[n.path], members[n.path], column)


def _check_parent(sh: SheetView, n: Node, role: str, expected: float, members: list[Node], column: str) -> None:
    a = n.amounts[role]
    value = a.value if a.value is not None else sh.uncached_sum(a.cell)
    if value is None or abs(value - expected) <= tolerance(a.decimals):
        return  # an empty parent cell states nothing
    related = [sh.qualified(m.amounts[role].cell) for m in members]
    shown = dict(found=format_id(value, a.decimals), expected=format_id(expected, a.decimals))
    if n.level == "total":
        sh.finding(
            "B002",
            "error",
            a.cell,
            "budget.total",
            fix=expected,
            related=related,
            column=column,
            count=len(members),
            **shown,
        )
    else:
        sh.finding(
            "B001",
            "error",
            a.cell,
            "budget.subtotal",
            fix=expected,
            related=related,
            level=LEVEL_NAMES.get(n.level, n.level),
            code=n.code or n.uraian[:40],
            column=column,
            count=len(members),
            **shown,
        )


def _check_sisa_pct(sh: SheetView, x: Node) -> None:
    ang, real = x.amounts.get("anggaran"), x.amounts.get("realisasi")
    if ang is None or real is None or ang.value is None or real.value is None:
        return
    sisa = x.amounts.get("sisa")
    if sisa is not None and sisa.value is not None:
        expected = ang.value - real.value
        # "Lebih/(Kurang)" columns print realisasi − anggaran; accept either sign.
        if min(abs(sisa.value - expected), abs(sisa.value + expected)) > tolerance(sisa.decimals):
            sh.finding(
                "B003",
                "error",
                sisa.cell,
                "budget.sisa",
                found=format_id(sisa.value, sisa.decimals),
                expected=format_id(expected, sisa.decimals),
                fix=expected,
                related=[sh.qualified(ang.cell), sh.qualified(real.cell)],
            )
    pct = x.amounts.get("pct")
    if pct is not None and pct.value is not None and ang.value:
        ratio = real.value / ang.value * 100
        if abs(pct.value - ratio) > tolerance(pct.decimals):
            shown = round(ratio, pct.decimals)
            sh.finding(
                "B004",
                "error",
                pct.cell,
                "budget.percent",
                found=format_id(pct.value, pct.decimals),
                expected=format_id(shown, pct.decimals),
                fix=shown,
                related=[sh.qualified(ang.cell), sh.qualified(real.cell)],
            )


def _check_bertambah(sh: SheetView, x: Node) -> None:
    before, after, diff = x.amounts.get("sebelum"), x.amounts.get("anggaran"), x.amounts.get("bertambah")
    if before is None or after is None or diff is None or diff.value is None:
        return
    expected = (after.value or 0.0) - (before.value or 0.0)
    if abs(diff.value - expected) > tolerance(diff.decimals):
        sh.finding(
            "B015",
            "error",
            diff.cell,
            "budget.bertambah",
            found=format_id(diff.value, diff.decimals),
            expected=format_id(expected, diff.decimals),
            fix=expected,
            related=[sh.qualified(before.cell), sh.qualified(after.cell)],
        )


def check_rincian(sh: SheetView, x: Node, role: str, calc: object) -> None:
    from .model import Rincian

    assert isinstance(calc, Rincian)
    a = x.amounts.get(role)
    if a is None or a.value is None:
        return
    expected = calc.koefisien * calc.harga * (1 + calc.ppn / 100)
    if abs(a.value - expected) <= tolerance(a.decimals):
        return
    sh.finding(
        "B013",
        "error",
        a.cell,
        "budget.rincian",
        found=format_id(a.value, a.decimals),
        expected=format_id(expected, a.decimals),
        related=[sh.qualified(c) for c in calc.cells],
        uraian=x.uraian[:60],
        koefisien=format_id(calc.koefisien, _decimals(calc.koefisien)),
        harga=format_id(calc.harga, _decimals(calc.harga)),
        ppn_text=f" × (1 + {format_id(calc.ppn, _decimals(calc.ppn))}%)" if calc.ppn else "",
    )


def check_pelampauan(sh: SheetView, x: Node) -> None:
    ang, real = x.amounts.get("anggaran"), x.amounts.get("realisasi")
    if ang is None or real is None or ang.value is None or real.value is None:
        return
    if real.value - ang.value <= tolerance(min(ang.decimals, real.decimals)):
        return
    path_code = " / ".join(p for p in (x.sub_kegiatan, x.rekening or x.code) if p)
    sh.finding(
        "B014",
        "error",
        real.cell,
        "budget.pelampauan",
        found=format_id(real.value, real.decimals),
        expected=format_id(ang.value, ang.decimals),
        related=[sh.qualified(ang.cell)],
        path_code=path_code,
        diff=format_id(real.value - ang.value, max(ang.decimals, real.decimals)),
    )


def _decimals(v: float) -> int:
    return 0 if float(v).is_integer() else 2
