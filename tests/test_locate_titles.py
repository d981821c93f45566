"""`locate` passes over a row holding one value at most, with no merged range over it (a title), without
reading its texts: such a row cannot give the two label hits a header needs. The header found is the one
the scan as first written finds, on the sample's sheets and on copies whose titles and first header rows
hold one value, merged over several columns or not."""

from __future__ import annotations

import random
from pathlib import Path

from lkj_excel.read import locate as loc
from lkj_excel.read.grid import Grid
from lkj_excel.read.load import load_grids
from lkj_excel.read.reader import _Sorted
from lkj_excel.spec import TableSpec, load_all

SPECS = list(load_all(2024))


def _as_first_written(grid: Grid, spec: TableSpec) -> loc.Layout | None:
    limit = min(grid.n_rows, 40)
    required = loc.spec_memo(spec).required
    for start in range(limit):
        if spec.columns and not grid.rows.get(start) and not (grid.merges and grid.merges_at(start)):
            continue
        row = grid.row(start)
        numbers = sum(1 for v in row if v is not None and type(v) is not str and loc._is_numeric_value(v))
        if numbers > 1:
            continue
        texts = loc._row_texts(grid, start)
        hits = loc._label_hits(spec, texts)
        if hits < min(2, len(spec.columns)) or (numbers and hits < 3):
            continue
        layout = loc._remembered_layout(grid, spec, start, texts)
        if all(cid in layout.columns for cid in required):
            return layout
    return None


def _variant(rng: random.Random, grid: Grid, header: int) -> Grid:
    """A copy whose header's first row, or a row above it, holds one of its values, merged over columns or not."""
    g = grid.copy()
    r = header if rng.random() < 0.6 else rng.randrange(0, header + 1)
    values = g.rows.get(header) or g.rows.get(r) or ["Target"]
    c = rng.randrange(0, max(1, len(values)))
    keep = values[c] if c < len(values) and values[c] is not None else "Realisasi"
    g.rows[r] = [None] * c + [keep]
    g.row_formats[r] = [None] * (c + 1)
    g._row_merges = None
    if rng.random() < 0.6:
        span = rng.randrange(1, 4)
        g.merges = [m for m in g.merges if not (m[0] <= r <= m[2])] + [(r, c, r + rng.randrange(0, 2), c + span)]
        g.n_cols = max(g.n_cols, c + span + 1)
    return g


def test_titles_passed_over_find_the_header_found_before(sample_path: Path) -> None:
    rng = random.Random(7)
    by_table = _Sorted(load_grids(sample_path)).by_table
    compared = found = 0
    for grid in by_table.values():
        grids = [grid]
        for spec in SPECS:
            layout = _as_first_written(grid, spec)
            if layout is not None:
                grids += [_variant(rng, grid, layout.header_rows[0]) for _ in range(6)]
        for g in grids:
            for spec in SPECS:
                want = _as_first_written(g, spec)
                assert loc.locate(g, spec) == want, (g.title, spec.id)
                compared += 1
                found += want is not None
    assert found > 200 and compared > 3000
