"""A table's unreadable figures, collected while its cells are read, are the ones the rule names.

The rule as first written walked each row's cells again once the row's role was known: every cell of a
figure column (the numbering column holds labels) whose reading is "unparsed" or "text" and whose text is
not empty, in the rows that are data, subtotals or totals. Compared on every table of the sample and of
copies with figures replaced by texts, words, dashes and ditto marks, with the rows as `_read_rows` gives
them (before `finish_table` moves figures merged over rows and infers group rows).
"""

from __future__ import annotations

import random
from pathlib import Path

from lkj_excel.read import reader
from lkj_excel.read.columns import recognise
from lkj_excel.read.grid import ref
from lkj_excel.read.load import load_grids
from lkj_excel.read.locate import locate
from lkj_excel.spec import load_all

SPECS = {s.id: s for s in load_all(2024)}
TYPED = ["1.234,50", "87,5", "teks", "-", "n/a", '"', "sda", "B (71,01)", "", "  ", "x1", "12 orang", "Jumlah"]


def _rule(rows: list, spec: object, columns: list) -> list:
    figures = {cid for cid, _c, _l in columns if cid != spec.numbering and spec.column(cid).numeric}  # type: ignore[attr-defined]
    out = []
    for row in rows:
        if row.role in ("data", "subtotal", "total"):
            for cid, cell in row.cells.items():
                if cid in figures and cell.parsed.status in ("unparsed", "text") and cell.text:
                    out.append(cell)
    return out


def test_unreadable_figures_collected_while_reading(sample_path: Path) -> None:
    seen = 0
    for seed in range(6):
        rng = random.Random(seed)
        grids = load_grids(sample_path)
        if seed:
            for g in grids:
                for vals in g.rows.values():
                    for c, v in enumerate(vals):
                        if v is not None and rng.random() < 0.3:
                            vals[c] = rng.choice(TYPED)
        for tid, g in reader._Sorted(grids).by_table.items():
            spec = SPECS[tid]
            layout = locate(g, spec)
            if layout is None:
                continue
            recognise(g, spec, layout)
            columns = [(cid, c, ref(0, c)[:-1]) for cid, c in layout.columns.items()]
            rows, unparsed, *_rest = reader._read_rows(g, spec, layout, columns, {})
            want = _rule(rows, spec, columns)
            assert [id(c) for c in unparsed] == [id(c) for c in want], (seed, tid)
            seen += len(want)
    assert seen > 50
