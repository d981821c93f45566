"""The per-workbook indexes the rules share (rules/base.py): the same answers as scanning the workbook, built
once per Context and never carried over to another workbook or to an edited one."""

from __future__ import annotations

import dataclasses
import random
import statistics

from helpers import build_merged, codes, run_rule
from lkj_excel.rules import Context
from lkj_excel.rules.base import cells_of_kind, checks_of, rows_by_id, table_cells, typed_cells
from lkj_excel.rules.crosstable import same_pairs
from lkj_excel.rules.plausibility import _median_without


def test_indexes_answer_as_a_scan_does(sample_wb) -> None:
    ctx = Context(sample_wb)
    for name in ("capaian", "scale", "ratio", "skm", "penyerapan_sasaran"):
        scanned = [(t, c) for t in sample_wb.tables.values() for c in t.spec.checks if c.get("rule") == name]
        assert list(checks_of(ctx, name)) == scanned
    scanned_cells = [
        (t, cid, c, t.spec.column(cid)) for t in sample_wb.tables.values() for _r, cid, c in t.iter_cells()
    ]
    assert table_cells(ctx) == scanned_cells and len(scanned_cells) > 100
    kinds = {x[3].kind for x in scanned_cells}
    assert {"percent", "count", "rupiah"} <= kinds
    for kind in kinds | {"no such kind"}:  # each kind's cells in table, row and column order, from one pass
        assert cells_of_kind(ctx, kind) == [x for x in scanned_cells if x[3].kind == kind]
    assert typed_cells(ctx) == [x for x in scanned_cells if isinstance(x[2].raw, str)] != []
    for t in sample_wb.tables.values():
        ids = list(dict.fromkeys(r.row_id for r in t.rows if r.row_id is not None))
        index = rows_by_id(ctx, t)
        assert list(index) == ids
        assert all(index[i] == [r for r in t.rows if r.row_id == i] for i in ids)
        assert all(t.spec.row_spec(i) is next((rs for rs in t.spec.rows if rs.id == i), None) for i in ids)


def test_indexes_are_built_once_per_context(sample_wb) -> None:
    ctx = Context(sample_wb)
    assert table_cells(ctx) is table_cells(ctx) and same_pairs(ctx) is same_pairs(ctx)
    assert table_cells(Context(sample_wb)) is not table_cells(ctx)


def test_an_edited_workbook_is_judged_afresh(sample_path) -> None:
    """A new Context sees an edited figure: nothing about the first workbook's cells is kept."""
    from lkj_excel.read.reader import read_workbook

    wb = read_workbook(sample_path)  # its own copy, edited below
    before = {f.cell for f in run_rule(wb, "X601")}
    pair = next(p for p in same_pairs(Context(wb)) if p.a.value is not None and ":" not in p.a.ref)
    pair.a.parsed = dataclasses.replace(pair.a.parsed, value=(pair.a.value or 0) + 7)
    after = {f.cell for f in run_rule(wb, "X601")}
    assert after - before <= {pair.a.ref, pair.b.ref} and after != before, "a fresh run must report the edit"


def test_median_without_one_value_is_the_median_of_the_others() -> None:
    rnd = random.Random(7)
    for _ in range(2000):
        values = sorted(rnd.choice([rnd.uniform(0, 200), float(rnd.randint(0, 5))]) for _ in range(rnd.randint(2, 9)))
        v = rnd.choice(values)
        others = list(values)
        others.remove(v)
        assert _median_without(values, v) == statistics.median(others)


def _precision_table(decimals: list[int]) -> dict[str, tuple[list[list], list[str]]]:
    head = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"]
    rows = [["Tabel 3.2 Capaian Kinerja Tahun 2024"], head]
    for i, d in enumerate(decimals, 1):
        target = f"{80 + i:.{d}f}".replace(".", ",")
        rows.append([str(i), f"Sasaran {i}", f"Indeks Layanan {i}", "Nilai", target, target, "100,00%"])
    return {"Tabel 3.2": (rows, [])}


def test_f704_reports_only_a_figure_below_every_other(tmp_path) -> None:
    """F704 in one pass per column agrees with its definition: fewer decimals than each other figure."""
    rnd = random.Random(3)
    reported = 0
    for n in range(8):
        decimals = [rnd.choice([0, 1, 2, 2, 2]) for _ in range(rnd.randint(3, 5))]
        wb = build_merged(tmp_path, _precision_table(decimals), name=f"p{n}.xlsx")
        targets = [r.get("target") for r in wb.tables["3.2"].data_rows()]
        want = {
            c.ref
            for i, c in enumerate(targets)
            if c is not None
            and (c.decimals or 0) < min((o.decimals or 0) for j, o in enumerate(targets) if j != i and o)
        }
        got = {f.cell for f in codes(run_rule(wb, "F704"), "F704") if f.cell[0] == "E"}
        assert got == want, decimals
        reported += len(got)
    assert reported > 0  # the draws include columns with one figure below the rest
