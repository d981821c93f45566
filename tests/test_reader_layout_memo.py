"""A header's column assignment is worked out once per declaration and header: every later table gets
the same layout, as its own copy (the reader extends the layout it is given)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from lkj_excel.read import locate as loc
from lkj_excel.read.load import load_grids
from lkj_excel.read.reader import _Sorted
from lkj_excel.spec import load_all

SPECS = {s.id: s for s in load_all(2024)}


def _fresh(grid: object, spec: object) -> loc.Layout | None:
    loc._MEMOS.clear()
    return loc.locate(grid, spec)  # type: ignore[arg-type]


def test_a_remembered_header_gives_the_layout_worked_out_afresh(sample_path: Path) -> None:
    by_table = _Sorted(load_grids(sample_path)).by_table
    located = 0
    for tid, grid in by_table.items():
        spec = SPECS[tid]
        first = _fresh(grid, spec)
        if first is None:
            continue
        located += 1
        # What the reader does to its layout (columns recognised by their figures) stays in that layout.
        first.columns["extra"] = 99
        first.how["extra"] = "isi"
        first.missing.append("extra")
        for path in first.paths.values():
            path.append("extra")
        again = loc.locate(grid, spec)  # from the memo
        assert loc._memo(spec).assigned  # it was remembered
        assert again == _fresh(grid, spec), tid
        assert again is not None and "extra" not in again.columns and "extra" not in again.missing
    assert located == len(by_table) >= 20


def test_another_header_is_not_given_a_remembered_layout(sample_path: Path) -> None:
    grid = _Sorted(load_grids(sample_path)).by_table["3.10"]
    spec = SPECS["3.10"]
    plain = _fresh(grid, spec)
    assert plain is not None and len(plain.header_rows) == 2
    assert (plain.columns["target_2024"], plain.columns["target_2025"]) == (2, 3)
    # The same sheet with the years under "Target" swapped in the header's second row only.
    swapped = grid.copy()
    row = swapped.rows[plain.header_rows[1]]
    row[2], row[3] = row[3], row[2]
    other = loc.locate(swapped, spec)  # the first header row is the same: the memo must not answer
    assert other is not None and (other.columns["target_2024"], other.columns["target_2025"]) == (3, 2)
    assert other == _fresh(swapped, spec)


def _shifted(grid: Any, by: int) -> Any:
    """The sheet with `by` title rows added above everything (a longer title, an office's name)."""
    out = grid.copy()
    out.rows = {r + by: v for r, v in out.rows.items()}
    out.row_formats = {r + by: v for r, v in out.row_formats.items()}
    out.rows.update({r: [f"Judul {r}"] for r in range(by)})
    out.row_formats.update({r: [None] for r in range(by)})
    out.rows = dict(sorted(out.rows.items()))
    out.merges = [(a + by, b, c + by, d) for a, b, c, d in out.merges]
    out.n_rows += by
    return out


def _mutated(grid: Any, rnd: random.Random, texts: list[Any]) -> Any:
    """The sheet with one cell of its first rows changed, a merge added or its width or length changed."""
    out = grid.copy()
    k = rnd.random()
    if k < 0.6:
        r, c = rnd.randrange(min(out.n_rows, 9)), rnd.randrange(out.n_cols)
        row = out.rows.setdefault(r, [])
        out.row_formats.setdefault(r, [])
        row += [None] * (c + 1 - len(row))
        out.row_formats[r] += [None] * (c + 1 - len(out.row_formats[r]))
        row[c] = rnd.choice(texts)
        while row and row[-1] is None:
            row.pop()
        if not row:
            del out.rows[r]
    elif k < 0.8:
        r, c = rnd.randrange(min(out.n_rows, 8)), rnd.randrange(out.n_cols)
        out.merges = [*out.merges, (r, c, min(r + rnd.randint(0, 2), out.n_rows - 1), min(c + 1, out.n_cols - 1))]
        out.merges = [m for m in out.merges if m[:2] != m[2:]]
    elif k < 0.9:
        out.n_cols += 1
    else:
        out.n_rows = max(r for r in out.rows) + 1
        last = max(out.rows)
        if last > 6:
            del out.rows[last]
            out.n_rows = max(out.rows) + 1
    return out


@pytest.mark.parametrize("seed", range(3))
def test_remembered_blocks_give_the_layout_worked_out_afresh(sample_path: Path, seed: int) -> None:
    """A header block seen before (at any row, under any title) answers from memory; any change in the rows,
    merges or width that locating reads is not answered by another block's layout."""
    rnd = random.Random(seed)
    by_table = _Sorted(load_grids(sample_path)).by_table
    texts: list[Any] = [None, "1", "(2)", "No", "Jumlah", 2024, 12.5, "Target", "%", "Rp", "Realisasi", "Capaian"]
    for grid in by_table.values():
        texts += [v for r in range(min(grid.n_rows, 6)) for v in grid.row(r) if v is not None]
    loc._MEMOS.clear()
    for tid, grid in sorted(by_table.items()):
        spec = SPECS[tid]
        for variant in [grid, _shifted(grid, 1), _shifted(grid, 3)] + [_mutated(grid, rnd, texts) for _ in range(12)]:
            warm = loc.locate(variant, spec)  # the memo holds every earlier variant's blocks
            saved = dict(loc._MEMOS)
            fresh = _fresh(variant, spec)
            assert warm == fresh, tid
            if warm is not None and fresh is not None:  # the header's texts by column, shared from memory
                assert loc.header_texts(variant, warm) == loc.header_texts(variant, fresh), tid
            loc._MEMOS.clear()
            loc._MEMOS.update(saved)
