"""The compiled build finds exactly what the plain-Python build finds (CI runs this; see README, "Kecepatan").

    python tests/compiled_equivalence.py PLAIN_PYTHON COMPILED_PYTHON

PLAIN_PYTHON and COMPILED_PYTHON are interpreters of two environments: one with `pip install .`, one with
`LKJ_EXCEL_COMPILE=1 pip install .` (mypyc). The corpus is written once (the sample and its layout variants,
the office corpus of tests/corpus, and generated benchmark workbooks, stress and consistent); each interpreter
checks every workbook in its own process as a batch worker does (the answer pickled, as it travels to the
parent) and writes its status, profile and every finding, in both languages; the two lists must be
identical. mypyc enforces the annotations at run time and stores an int in a `float` variable as a float:
a difference here is a real bug of the compiled build, not noise. Exit 1 on any difference, or when
COMPILED_PYTHON's build is not compiled (or PLAIN_PYTHON's is).
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATED = 60  # of each benchmark corpus: every error pattern and scale factor of the generator


def write_corpus(folder: Path) -> list[Path]:
    """Every workbook of the comparison, written by this (plain) interpreter."""
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench import generate

    from corpus.book import write
    from corpus.budget import CASES as BUDGET
    from corpus.narrative import CASES as NARRATIVE
    from corpus.performance import CASES as PERFORMANCE
    from golden_tool import cases

    paths = list(cases(folder).values())
    for make in [*PERFORMANCE, *BUDGET, *NARRATIVE]:
        c = make()
        paths.append(write(c, folder / f"corpus_{c.name}.xlsx"))
    paths += generate(GENERATED, folder / "stress", vary_text=True)
    paths += generate(GENERATED, folder / "consistent", vary_text=False)
    return paths


def dump(listing: Path, out: Path) -> None:
    """Findings of every workbook in `listing`, by this interpreter's lkj_excel (the child's job)."""
    from lkj_excel.batch.worker import check_task
    from lkj_excel.runtime import build_kind

    found: dict[str, object] = {"compiled": build_kind() == "mypyc"}
    for line in listing.read_text(encoding="utf-8").splitlines():
        # As a batch worker answers: pickled to the parent (compiled classes must survive the trip).
        checked = pickle.loads(pickle.dumps(check_task(line, Path(line).stem, "id")))
        found[line] = [checked.status, repr(checked.profile)]
        found[line] += [f.to_dict("id") | {"en": f.message("en")} for f in checked.findings]
    out.write_text(json.dumps(found, ensure_ascii=False, sort_keys=True, default=str), encoding="utf-8")


def _run(python: str, listing: Path, out: Path) -> dict[str, object]:
    # From a neutral folder, so that the interpreter imports its installed lkj_excel, not ./src; its path made
    # absolute first (not resolved: a virtual environment's python is a link that must stay one).
    cmd = [os.path.abspath(python), str(Path(__file__).resolve()), "--dump", str(listing), str(out)]
    subprocess.run(cmd, check=True, cwd="/")
    result: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return result


def main(argv: list[str]) -> int:
    if argv[:1] == ["--dump"]:
        dump(Path(argv[1]), Path(argv[2]))
        return 0
    plain, compiled = argv
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        listing = folder / "workbooks.txt"
        (folder / "in").mkdir()
        listing.write_text("\n".join(str(p) for p in write_corpus(folder / "in")), encoding="utf-8")
        a = _run(plain, listing, folder / "plain.json")
        b = _run(compiled, listing, folder / "compiled.json")
    if a.pop("compiled") or not b.pop("compiled"):
        print("the first interpreter must run plain Python, the second the compiled build")
        return 1
    differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    for k in differ[:10]:
        print("differ:", k)
    print(
        f"{len(a)} workbooks, {sum(len(v) for v in a.values() if isinstance(v, list))} findings, {len(differ)} differ"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
