"""Plausibility: negative figures where none can be, and percentages that cannot be right."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ..findings import Finding
from ..model import Cell, Table
from ..numerals import format_id
from ..texts import register
from .base import Context, cells_of_kind, make, rule
from .totals import column_name

NONNEGATIVE_KINDS = {"count", "rupiah", "hectare"}

register(
    {
        "form.negative": (
            "Sel {cell}: nilai negatif {found} pada kolom {column}, yang tidak dapat bernilai negatif.",
            "Cell {cell}: negative value {found} in column {column}, which cannot be negative.",
        ),
        "form.percent_negative": (
            "Sel {cell}: persentase {column} bernilai negatif ({found}).",
            "Cell {cell}: percentage {column} is negative ({found}).",
        ),
        "form.percent_huge": (
            "Sel {cell}: persentase {column} {found} lebih dari 1.000%; mungkin koma desimal hilang.",
            "Cell {cell}: percentage {column} {found} exceeds 1,000%; a decimal comma may be missing.",
        ),
        "form.percent_outlier": (
            (
                "Sel {cell}: capaian {found} lebih dari sepuluh kali median capaian lain di buku kerja ({median}); "
                "mungkin koma desimal hilang."
            ),
            (
                "Cell {cell}: capaian {found} is more than ten times the median of the workbook's other capaian "
                "figures ({median}); a decimal comma may be missing."
            ),
        ),
    }
)


def _label(table: Table, cid: str) -> str:
    return column_name(table.spec.column(cid))


@rule("F705", "form.negative", severity="error", question="form")
def negative(ctx: Context) -> Iterator[Finding]:
    """A negative figure in a count, rupiah or hectare column (error).

    People, households, money budgeted or spent and land areas are never
    negative; a minus sign there is a typing error or a misplaced difference.

    A difference column (Sisa = Anggaran − Realisasi) may be negative when overspent.

    Fails: KK "-846": households are never negative.

        [Tabel 1.2]
        | No | Desa   | Jumlah KK | Penduduk |       |       |
        |    |        |           | L        | P     | L+P   |
        | 1  | Alpha  | 1.010     | 1.570    | 1.767 | 3.337 |
        | 2  | Beta   | -846      | 1.447    | 1.647 | 3.094 |
        merged: D1:F1
        => F705 at C4

    Passes: "846", and "-" (no figure); a negative Tingkat Efisiensi is a difference of percents, not a count.

        [Tabel 1.2]
        | No | Desa   | Jumlah KK | Penduduk |       |       |
        |    |        |           | L        | P     | L+P   |
        | 1  | Alpha  | 1.010     | 1.570    | 1.767 | 3.337 |
        | 2  | Beta   | 846       | -        | 1.647 | 1.647 |
        merged: D1:F1
        [Tabel 3.14]
        | No | Sasaran  | Indikator                  | Capaian Kinerja (%) | Serapan Anggaran | Efisiensi (%) |
        | 1  | Kepuasan | Indeks Kepuasan Masyarakat | 88,65               | 98,94            | -10,29        |
    """
    # Each kind's cells in table order (the findings are sorted by cell in the end).
    for table, cid, c, col in (x for kind in sorted(NONNEGATIVE_KINDS) for x in cells_of_kind(ctx, kind)):
        if c.value is None or c.value >= 0:
            continue
        # A difference ("Sisa", "Lebih/(Kurang)" = anggaran - realisasi) is negative when overspent.
        if not (col.formula and "-" in col.formula):
            yield make("F705", "error", c, c.text, None, "form.negative", table=table, column=_label(table, cid))


def _may_be_negative(table: Table, cid: str) -> bool:
    """A percent that is a difference (a formula with a minus, "efisiensi", "selisih")."""
    col = table.spec.column(cid)
    if col.formula and "-" in col.formula:
        return True
    return bool(re.search(r"efisiensi|selisih|deviasi|perubahan|pertumbuhan", col.id))


def _capaian_cells(ctx: Context) -> list[tuple[Table, Cell]]:
    return [
        (t, c) for t, cid, c, _col in cells_of_kind(ctx, "percent") if cid.startswith("capaian") and c.value is not None
    ]


def _median_without(values: list[float], v: float) -> float:
    """statistics.median of sorted `values` with one occurrence of `v` left out, without copying."""
    i = bisect.bisect_left(values, v)
    n = len(values) - 1

    def at(k: int) -> float:
        return values[k] if k < i else values[k + 1]

    if n % 2 == 1:
        return at(n // 2)
    return (at(n // 2 - 1) + at(n // 2)) / 2


@rule("F706", "form.implausible_percent", severity="warning", question="form")
def implausible_percent(ctx: Context) -> Iterator[Finding]:
    """A percentage that cannot be right (warning).

    Flagged: a negative capaian, penyerapan or persentase (only differences
    such as Tingkat Efisiensi may be negative); any percentage above 1.000%;
    a capaian more than ten times the median of the workbook's other capaian
    figures (at least three of them) — typically a lost decimal comma.

    Fails: a negative % penyerapan, "-98,94".

        [Tabel 3.14]
        | No | Sasaran  | Indikator                  | Capaian Kinerja (%) | Serapan Anggaran | Efisiensi (%) |
        | 1  | Kepuasan | Indeks Kepuasan Masyarakat | 88,65               | -98,94           | -10,29        |
        => F706 at E2

    Passes: a negative Tingkat Efisiensi, "-10,29", is a difference and may be negative.

        [Tabel 3.14]
        | No | Sasaran  | Indikator                  | Capaian Kinerja (%) | Serapan Anggaran | Efisiensi (%) |
        | 1  | Kepuasan | Indeks Kepuasan Masyarakat | 88,65               | 98,94            | -10,29        |
    """
    pool = sorted(c.value for _t, c in _capaian_cells(ctx) if c.value is not None)
    for table, cid, c, _col in cells_of_kind(ctx, "percent"):
        if c.value is None:
            continue
        if c.value < 0 and not _may_be_negative(table, cid):
            name = _label(table, cid)
            yield make("F706", "warning", c, c.text, None, "form.percent_negative", table=table, column=name)
        elif c.value > 1000:
            name = _label(table, cid)
            yield make("F706", "warning", c, c.text, None, "form.percent_huge", table=table, column=name)
        elif cid.startswith("capaian") and c.value > 0 and len(pool) - 1 >= 3:
            med = _median_without(pool, c.value)  # the others: every capaian but this cell
            if med > 0 and c.value > 10 * med:
                yield make(
                    "F706",
                    "warning",
                    c,
                    c.text,
                    None,
                    "form.percent_outlier",
                    table=table,
                    median=format_id(med, 2),
                )
