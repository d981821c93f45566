"""Mutation counts on the office corpus: `python tests/corpus/measure.py [--pasangan N]`.

Each workbook of tests/corpus/ is written to a temporary folder and measured like `lkj-excel mutasi`
(every figure × every typing-error class, plus N pairs), settled (its own mistakes corrected first) and as
it is. Prints one line per workbook and mode and the totals of wrong corrections, singles and pairs apart.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus.book import write  # noqa: E402
from corpus.budget import CASES as BUDGET  # noqa: E402
from corpus.narrative import CASES as NARRATIVE  # noqa: E402
from corpus.performance import CASES as PERFORMANCE  # noqa: E402
from lkj_excel.edits.mutation import Corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pasangan", type=int, default=30, help="pairs of typing errors per workbook")
    a = ap.parse_args()
    totals: collections.Counter[tuple[str, str, str]] = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for make in (*PERFORMANCE, *BUDGET, *NARRATIVE):
            case = make()
            path = write(case, Path(tmp) / f"{case.name}.xlsx")
            for mode in ("settled", "as is"):
                corpus = Corpus(path, clean=mode == "settled")
                got: collections.Counter[str] = collections.Counter()
                for changes, classes in [*corpus.cases(), *corpus.pairs(a.pasangan)]:
                    o = corpus.run(changes, classes)
                    got[o.verdict] += 1
                    kind = "single" if len(changes) == 1 else "pair"
                    totals[(mode, kind, o.verdict)] += 1
                    if o.verdict == "wrong":
                        print(f"  wrong ({mode}): {classes} {[(s.sheet, s.ref) for s, _ in changes]} {o.detail}")
                print(f"{case.name:<32} {mode:<8} " + " ".join(f"{k} {v}" for k, v in sorted(got.items())))
    for mode in ("settled", "as is"):
        for kind in ("single", "pair"):
            print(f"total {mode:<8} {kind:<6} wrong {totals[(mode, kind, 'wrong')]}")


if __name__ == "__main__":
    main()
