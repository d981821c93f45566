"""Instructions per checked workbook, counted by valgrind: a cost figure that a busy machine cannot blur.

    python benchmarks/instructions.py [--n 4] [--consistent] [--python PY] [--untuned]

The time of a check drifts by ±30 % on a shared virtual machine, which hides any change under about 10 %;
the number of instructions the CPU executes for it does not (valgrind's callgrind tool counts them, the same
for the same code and input however loaded the machine is). Per workbook = (count for n workbooks - count
for 1) / (n - 1), so that start-up, imports and first-use costs cancel. The workbooks are the benchmark's
(bench.py; the stress corpus, or --consistent), spread over its error patterns and scale factors.
PYTHONHASHSEED=0 keeps set and dict orders the same in every run.

Without --python the source tree's code is counted (PYTHONPATH=src); with --python, that interpreter's
installed lkj_excel (e.g. a virtual environment with the compiled build). Needs valgrind (Debian: apt install
valgrind); about a minute per workbook counted. Session 21 figures: docs/benchmark.md.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(listing: str, untuned: bool = False) -> None:
    """Check the workbooks listed, as a batch worker does (the counted process): warmed up and with the garbage
    collector tuned as the batch's parent leaves it for its workers (`--untuned`: Python's defaults, as the
    counts before session 29 were made; then every collection also walks every object the imports left, so
    an import the check does not need costs instructions per workbook)."""
    from lkj_excel.batch.worker import check_task

    if not untuned:
        from lkj_excel.batch.run import _warm_up

        _warm_up()

    for line in Path(listing).read_text(encoding="utf-8").splitlines():
        check_task(line, Path(line).stem, "id")


def count(python: str, files: list[Path], work: Path, source: bool, untuned: bool = False) -> int:
    listing = work / f"list{len(files)}.txt"
    listing.write_text("\n".join(str(p) for p in files), encoding="utf-8")
    env = dict(os.environ, PYTHONHASHSEED="0")
    if source:
        env["PYTHONPATH"] = str(ROOT / "src")
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", python, __file__, "--child", str(listing)]
    cmd += ["--untuned"] if untuned else []
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=work)
    m = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode != 0 or not m:
        raise SystemExit(r.stderr[-2000:])
    return int(m.group(1))


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], "--untuned" in sys.argv[3:])
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=4, help="workbooks counted (at least 2)")
    ap.add_argument("--consistent", action="store_true", help="the benchmark's consistent corpus")
    ap.add_argument("--python", default=None, help="an interpreter whose installed lkj_excel is counted")
    ap.add_argument("--untuned", action="store_true", help="Python's default collector (as before session 29)")
    a = ap.parse_args()
    # sys.executable is the interpreter itself (never a wrapper such as a pyenv shim, which valgrind would count).
    python = a.python or sys.executable
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench import generate

    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        made = generate(60, work / "in", vary_text=not a.consistent)
        files = made[:: max(1, len(made) // max(1, a.n))][: max(2, a.n)]
        one = count(python, files[:1], work, a.python is None, a.untuned)
        many = count(python, files, work, a.python is None, a.untuned)
    per = (many - one) / (len(files) - 1) / 1e6
    corpus = "consistent" if a.consistent else "stress"
    gc = "untuned collector" if a.untuned else "collector tuned as in a batch"
    print(f"{per:.1f} M instructions per workbook ({corpus} corpus, {len(files)} workbooks, {gc}, {python})")


if __name__ == "__main__":
    main()
