"""CPU time of judging the narrative's claims, per workbook: `analyse()` minus the paragraph reading
(`read_paragraph`) and the table figures (`figures`), which are worked out before the clock runs.

    .venv/bin/python benchmarks/narrative_judge.py /tmp/prof/vary --n 30 --rounds 7

Each round analyses every workbook once, with a fresh figure index (its lazily built per-table lookups
count as judging, as in a real check); prints the median and the fastest round in CPU ms per workbook.
The machine's speed drifts: compare two checkouts by running this alternately in each.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from lkj_excel.narrative import resolve
from lkj_excel.narrative.index import FigureIndex
from lkj_excel.read.reader import read_workbook


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="folder of .xlsx workbooks")
    ap.add_argument("--n", type=int, default=30, help="workbooks (the first n by name)")
    ap.add_argument("--rounds", type=int, default=7)
    o = ap.parse_args()
    paths = sorted(o.corpus.glob("*.xlsx"))[: o.n]
    wbs = [read_workbook(p) for p in paths]
    ready = []
    for wb in wbs:
        idx = resolve.figures(wb)
        readings = {p.text or "": resolve.read_paragraph(p.text or "") for p in wb.paragraphs}
        ready.append((wb, idx, readings))
    read, figures = resolve.read_paragraph, resolve.figures
    runs = []
    try:
        for _ in range(o.rounds):
            spent = 0.0
            for wb, idx, readings in ready:
                fresh = FigureIndex(idx.by_table, idx.ordered, idx.los, idx.width, idx.own)
                resolve.read_paragraph = readings.__getitem__
                resolve.figures = lambda _wb, _reuse=None, _f=fresh: _f
                t = time.process_time()
                resolve.analyse(wb)
                spent += time.process_time() - t
            runs.append(spent / len(ready) * 1000)
    finally:
        resolve.read_paragraph, resolve.figures = read, figures
    print(
        f"judging {len(ready)} workbooks of {o.corpus}: median {statistics.median(runs):.2f}, "
        f"fastest {min(runs):.2f} CPU ms/workbook ({o.rounds} rounds)"
    )


if __name__ == "__main__":
    main()
