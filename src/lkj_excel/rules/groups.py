"""Group rows: a Program's figures are the sums of its Kegiatan, a group's % may be
the mean of its children's. The structure comes from the reader (`Row.parent`,
`Row.children`, role "group"; see read.hierarchy)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..findings import Finding
from ..model import Cell, Row, Table
from ..precision import Interval, consistent, interval_of
from ..texts import register
from .base import Context, make, rule
from .totals import column_name, row_name, sum_check

# Only amounts and counts add up across different children; indicator targets do not.
SUMMED_KINDS = {"rupiah", "count", "hectare"}

register(
    {
        "groups.sum": (
            "{label} kolom {column}: {found}, hasil penjumlahan {n} baris di bawahnya ({rows}): {expected}.",
            "{label}, column {column}: {found}, the sum of the {n} rows below it ({rows}): {expected}.",
        ),
    }
)


def _at(cid: str) -> Callable[[Row], Cell | None]:
    return lambda r: r.get(cid)


def _children(t: Table, r: Row) -> list[Row]:
    return [t.rows[i] for i in r.children]


def group_mean_fits(t: Table, r: Row, cell: Cell) -> bool:
    """A group's percentage printed as the plain mean of its children's, at printed precision."""
    cid = next((k for k, c in r.cells.items() if c is cell), None)
    if cid is None or cell.value is None:
        return False
    kids = [c for ch in _children(t, r) if (c := ch.get(cid)) is not None and c.value is not None]
    if len(kids) < 2:
        return False
    total = Interval.exact(0.0)
    for c in kids:
        iv = interval_of(c, False)
        assert iv is not None
        total = total + iv
    return consistent(cell.value, cell.decimals, total.scale(1 / len(kids)))


@rule("T104", "totals.group", severity="error", question="arithmetic")
def group_sum(ctx: Context) -> Iterator[Finding]:
    """A group row (I/II, Program above its Kegiatan, "1." above "a.", "b.") holds the sum of the rows directly below it, in every rupiah or count column.

    The groups are read from the numbering and labels (read.hierarchy). A
    column is checked when the group and at least one child have figures
    there; percentages of a group may be the weighted ratio (checked by
    C201/C203 on the group's own figures) or the mean of its children's
    (accepted there). Precision and severity as in T101.

    Fails: the Program's anggaran is 150.000.000, its Kegiatan add up to 160.000.000 (and the sisa to 20.000.000).

        [Tabel 3.17]
        | No  | Program           | Anggaran    | Realisasi   | Persentase | Sisa       |
        | 1   | Program Penunjang | 150.000.000 | 140.000.000 | 93,33      | 10.000.000 |
        | 1.1 | Kegiatan A        | 100.000.000 | 95.000.000  | 95,00      | 5.000.000  |
        | 1.2 | Kegiatan B        | 60.000.000  | 45.000.000  | 75,00      | 15.000.000 |
        => T104 at C2
        => T104 at F2

    Passes: the Program's anggaran 160.000.000 and sisa 20.000.000.

        [Tabel 3.17]
        | No  | Program           | Anggaran    | Realisasi   | Persentase | Sisa       |
        | 1   | Program Penunjang | 160.000.000 | 140.000.000 | 87,50      | 20.000.000 |
        | 1.1 | Kegiatan A        | 100.000.000 | 95.000.000  | 95,00      | 5.000.000  |
        | 1.2 | Kegiatan B        | 60.000.000  | 45.000.000  | 75,00      | 15.000.000 |
    """  # noqa: E501 -- catalog text (docs/rules.md); the first line is the summary
    for table in ctx.tables():
        for g in table.rows:
            if g.role != "group":
                continue
            kids = _children(table, g)
            for col in table.spec.columns:
                if col.kind not in SUMMED_KINDS or col.id == table.spec.numbering:
                    continue
                printed = g.get(col.id)
                if printed is None or printed.value is None:
                    continue
                if any(
                    c is not None and c.status in ("unparsed", "text") and c.text for c in (k.get(col.id) for k in kids)
                ):
                    continue
                rows = [k for k in kids if (c := k.get(col.id)) is not None and c.value is not None]
                if not rows:
                    continue
                check = sum_check(ctx, col, table)
                computed = Interval.exact(0.0)
                for k in rows:
                    computed = computed + check.interval(k.cells[col.id])
                v = check.verdict(printed, computed)
                if v is None:
                    continue
                severity, fix, d, _diff = v
                yield make(
                    "T104",
                    severity,
                    printed,
                    printed.text,
                    printed.fmt(fix, d),
                    "groups.sum",
                    table=table,
                    related=[k.cells[col.id] for k in rows],
                    fix=fix,
                    label=row_name(g),
                    column=column_name(col),
                    n=len(rows),
                    rows=f"{rows[0].excel_row}–{rows[-1].excel_row}" if len(rows) > 1 else str(rows[0].excel_row),
                )
