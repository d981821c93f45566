"""`Grid.merged_row` gives what `merged_value` gives cell by cell, overlapping and clipped ranges included."""

from __future__ import annotations

from pathlib import Path

from lkj_excel.read.grid import Grid, build_grid
from lkj_excel.read.load import load_grids


def _same(g: Grid) -> None:
    for r in range(g.n_rows + 1):
        assert g.merged_row(r) == [g.merged_value(r, c) for c in range(g.n_cols)], (g.title, r)


def test_sample_grids(sample_path: Path) -> None:
    grids = load_grids(sample_path)
    assert any(g.merges for g in grids)
    for g in grids:
        _same(g)


def test_overlapping_and_unclipped_merges() -> None:
    cells = {r: {c: (f"r{r}c{c}", None) for c in range(5)} for r in range(4)}
    g = build_grid("S", cells, [])
    # Overlapping ranges (the first listed wins), one reaching past the sheet's last column.
    g.merges = [(0, 1, 2, 3), (1, 0, 1, 2), (2, 3, 3, 40), (3, 0, 3, 0)]
    _same(g)
    assert g.merged_row(1) == ["r1c0", "r0c1", "r0c1", "r0c1", "r1c4"]
    assert g.merged_row(3)[3:] == ["r2c3", "r2c3"]
