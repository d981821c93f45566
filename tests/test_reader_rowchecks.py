"""The per-row tests of the reader (footer, repeated header, total label) remember what a value said: on many
generated rows they must answer as the rules spelled out without any memory."""

from __future__ import annotations

import math
import random
from typing import Any

import pytest

from lkj_excel.read import locate as loc
from lkj_excel.read import reader
from lkj_excel.read.grid import Grid, text_of
from lkj_excel.spec import load_all, normalise, squash

POOL: list[Any] = [
    None, "", " ", "Sumber: BPS", "SUMBER DATA : Dinas", "sumber", "Ket.", "Keterangan", "ket", "ketua", "Catatan:",
    "note", "Notes", "Jumlah", "J u m l a h", "JUMLAH TOTAL", "Total", "Grand Total", "Sub Total", "1.", "2", "a.",
    "Desa Sei Balai", "No.", "Uraian", "Target", "Realisasi", "2024", "%", "-", "\n", 0, 0.0, -0.0, 1, 1.0, 2.5, True,
    False, 2024, 2024.0, 1999, math.nan, math.inf, 10**6,
]  # fmt: skip


def _footer(grid: Grid, r: int) -> bool:
    for v in grid.row(r)[:4]:
        t = normalise(v)
        if t:
            return bool(loc._FOOTER_RE.match(t))
    return False


def _repeated(grid: Grid, r: int, layout: loc.Layout) -> bool:
    alive = layout.signatures or []
    own = 0
    for c, v in enumerate(grid.row(r)):
        if v is None:
            continue
        if loc._is_numeric_value(v):
            return False
        t = normalise(v)
        alive = [sig for sig in alive if sig.get(c) == t]
        if not alive:
            return False
        own += 1
    return own >= 2


def _total(grid: Grid, r: int, values: list[Any], layout: loc.Layout, spec: Any) -> bool:
    labels = spec.total_labels
    if spec.key in layout.columns:
        h = squash(grid.text(r, layout.columns[spec.key]))
        if h and h in labels:
            return True
    for v in values[:4]:
        if v is not None:
            h = squash(text_of(v))
            if h and h in labels:
                return True
    return False


def _label(grid: Grid, r: int, key_col: int) -> str:
    """The row's label as read before: its key column's text, else its first text that is no figure."""
    t = grid.text(r, key_col)
    if t:
        return t
    for v in grid.row(r):
        t = text_of(v)
        if t and not reader._NUMBERISH.fullmatch(t):
            return t
    return ""


def _grid(rnd: random.Random, n_rows: int, width: int) -> Grid:
    rows: dict[int, list[Any]] = {}
    for r in range(n_rows):
        vals = [rnd.choice(POOL) for _ in range(rnd.randint(1, width))]
        if any(v is not None for v in vals):
            while vals[-1] is None:
                vals.pop()
            rows[r] = vals
    formats: dict[int, list[str | None]] = {r: [None] * len(v) for r, v in rows.items()}
    return Grid("S", rows, formats, [], max(rows, default=-1) + 1, max(map(len, rows.values()), default=0))


@pytest.mark.parametrize("seed", range(6))
def test_row_checks_answer_as_spelled_out(seed: int) -> None:
    rnd = random.Random(seed)
    specs = [s for s in load_all(2024) if s.key][:8]
    loc._FOOTER_TEXTS.clear()
    reader._SAID.clear()
    for _round in range(3):
        grid = _grid(rnd, 60, 7)
        headers = rnd.sample(sorted(grid.rows), k=min(3, len(grid.rows)))
        sigs = [dict(enumerate(loc._row_texts(grid, h))) for h in headers[: rnd.randint(1, 3)]]
        # Rows that repeat a header row (some with a cell changed) so the repeated-header answer is not always no.
        for k, h in enumerate(headers):
            copy = list(grid.rows[h])
            if k == 1:
                copy[rnd.randrange(len(copy))] = rnd.choice(POOL)
            grid.rows[grid.n_rows + k] = copy
            grid.row_formats[grid.n_rows + k] = [None] * len(copy)
        grid.n_rows += len(headers)
        spec = rnd.choice(specs)
        layout = loc.Layout([0], None, 1, {spec.key: rnd.randrange(3)}, {}, [], sigs)
        for r in sorted(grid.rows):
            assert loc.is_footer(grid, r) == _footer(grid, r), grid.rows[r]
            assert loc.is_repeated_header(grid, r, layout, spec) == _repeated(grid, r, layout), grid.rows[r]
            values = grid.rows[r]
            key_col = layout.columns[spec.key]
            assert reader._total_labelled(values, key_col, spec.total_labels) == _total(grid, r, values, layout, spec)
            assert reader._row_label(values, key_col, spec.key, {}) == _label(grid, r, key_col)
