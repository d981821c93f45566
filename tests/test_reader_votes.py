"""Notation votes counted while the rows are read equal `notation.votes` counted on the finished table.

Every table of the sample, and of copies whose figures are typed as text in English or Indonesian
notation (or both); a table where a figure merged down over rows left them (`Table.shared`) has its
votes counted afresh by `notation.decide`.
"""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl.utils import column_index_from_string

from lkj_excel.read import notation
from lkj_excel.read.load import load_grids
from lkj_excel.read.reader import read_grids

TYPED = ["1,234.50", "1.234,50", "87.5", "87,5", "1.570", "12", "Rp 1,000,000", "95,07 %", "teks", "-", "1,5"]


def _typed_copy(sample_path: Path, seed: int) -> list:
    rng = random.Random(seed)
    grids = load_grids(sample_path)
    for g in grids:
        for vals in g.rows.values():
            for c, v in enumerate(vals):
                if isinstance(v, (int, float)) and not isinstance(v, bool) and rng.random() < 0.5:
                    vals[c] = rng.choice(TYPED)
    return grids


def test_votes_counted_while_reading(sample_path: Path) -> None:
    seen = set()
    for seed in range(5):
        grids = load_grids(sample_path) if seed == 0 else _typed_copy(sample_path, seed)
        wb = read_grids(str(sample_path), grids)
        for t in wb.tables.values():
            assert (t.votes is None) == bool(t.shared)
            if t.votes is not None:
                assert t.votes == notation.votes(t), t.id
                seen.add(t.votes)
    assert len(seen) > 5  # English and Indonesian votes alike


def test_a_figure_merged_over_rows_is_counted_afresh(sample_path: Path) -> None:
    grids = load_grids(sample_path)
    plain = read_grids(str(sample_path), load_grids(sample_path))
    by_title = {g.title: g for g in grids}
    merged = []
    for tid, t in plain.tables.items():
        key = t.spec.key
        if not key or key not in t.columns:
            continue
        for cid, letters in t.columns.items():
            rows = [r for r in t.rows if r.role == "data" and r.label]
            if not t.spec.column(cid).numeric or cid == t.spec.numbering or len(rows) < 2:
                continue
            if rows[1].index != rows[0].index + 1 or cid not in rows[0].cells:
                continue
            c = column_index_from_string(letters) - 1
            g = by_title[t.sheet]
            g.merges.append((rows[0].excel_row - 1, c, rows[1].excel_row - 1, c))
            g.rows[rows[0].excel_row - 1][c] = "1,234.50"  # an English vote the merge takes out of the rows
            merged.append(tid)
            break
    assert len(merged) >= 3
    wb = read_grids(str(sample_path), grids)
    shared = [tid for tid in merged if wb.tables[tid].shared]
    assert len(shared) >= 3
    for t in wb.tables.values():
        assert (t.votes is None) == bool(t.shared), t.id
        assert t.votes is None or t.votes == notation.votes(t), t.id
