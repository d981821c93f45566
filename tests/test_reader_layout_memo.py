"""A header's column assignment is worked out once per declaration and header: every later table gets
the same layout, as its own copy (the reader extends the layout it is given)."""

from __future__ import annotations

from pathlib import Path

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
