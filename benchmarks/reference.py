"""The batch benchmark of this tree beside the reference code of 28 November 2026, on the same machine.

    python benchmarks/reference.py [--n 1000] [--rounds 2] [--ref edb0d70]

The 30 s target for a batch of 1.000 workbooks was set on 28 November 2026, when the code of commit edb0d70
(no localization yet) ran the batch in 30,4 s on the development machine of that day (its README: `bench.py
--n 1000 --runs 1 --sample-runs 100`, an Intel Xeon with 2 vCPUs). Issue #10 asks that the batch *stays* under
30 s once localization is added. A time in seconds is a property of a machine as much as of the code: the
machines this project has run on since differ by up to 2x in how fast they execute the same Python. This
script runs the reference code's own benchmark (its own generator, its own batch) and this tree's, alternating
on one machine, and prints both: the ratio says what the code costs, whatever the machine.

The reference is taken from this repository's history (`git archive`), so it needs a clone with history; each
run of a benchmark generates its 1.000 workbooks anew (~1 min per run).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REF = "edb0d70"
REF_SECONDS = 30.4  # what the reference printed on 28 November 2026 (its README, N = 1.000)
_BATCH = re.compile(r"-> 1000 workbooks in ([0-9.]+) s")


def batch_seconds(output: str) -> float:
    """The check-only batch's time from a bench.py output (its first "-> 1000 workbooks in" line)."""
    m = _BATCH.search(output)
    if m is None:
        raise ValueError("no batch line in the benchmark's output")
    return float(m.group(1))


def _extract(ref: str, into: Path) -> None:
    data = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")


def _bench(tree: Path, n: int) -> float:
    cmd = [sys.executable, "benchmarks/bench.py", "--n", str(n), "--runs", "1", "--sample-runs", "30"]
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    r = subprocess.run([*cmd, "--no-corrected"], cwd=tree, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{tree}: benchmark failed\n{r.stderr[-2000:]}")
    return batch_seconds(r.stdout)  # bench.py extrapolates its rate to 1.000 workbooks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="workbooks per batch (the figures are per 1.000)")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds (reference, then this tree)")
    ap.add_argument("--ref", default=REF, help="the reference commit")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        ref_tree = Path(d) / "ref"
        _extract(a.ref, ref_tree)
        ref_times, own_times = [], []
        for i in range(max(1, a.rounds)):
            ref_times.append(_bench(ref_tree, a.n))
            own_times.append(_bench(ROOT, a.n))
            print(f"round {i + 1}: reference {ref_times[-1]:.1f} s, this tree {own_times[-1]:.1f} s", flush=True)
    ref_s, own_s = statistics.median(ref_times), statistics.median(own_times)
    rounds = len(ref_times)
    print(f"batch of 1.000 workbooks, check only, median of {rounds} rounds on this machine ({sys.executable}):")
    print(f"  reference {a.ref} ({REF_SECONDS} s when the 30 s target was set)   {ref_s:6.1f} s")
    print(f"  this tree                                           {own_s:6.1f} s  ({own_s / ref_s:.2f}x the reference)")
    if a.ref == REF:
        scaled = REF_SECONDS * own_s / ref_s
        print(f"  this tree on the machine of the target, by that ratio {scaled:6.1f} s (target < 30 s)")


if __name__ == "__main__":
    main()
