"""Wall time of one `lkj-excel check` of the bundled sample, start-up included, as a user at a prompt waits for it.

    python benchmarks/startup.py [--runs 7] [--installed]

The batch benchmark (bench.py) measures checks inside one warm process; this one starts the interpreter for
every run, as `lkj-excel check laporan.xlsx` does on an office PC: imports, reading, every rule, the
localization and the terminal report (`--no-output`: no corrected workbook, so the figure is the check's
alone). Prints the median and the fastest of the runs; `--with-output` also writes the corrected workbook.
Without --installed the source tree's code is run (PYTHONPATH=src).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "sei_balai_2024.xlsx"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--installed", action="store_true", help="run the installed lkj_excel, not the source tree")
    ap.add_argument("--with-output", action="store_true", help="also write the corrected workbook")
    a = ap.parse_args()
    env = dict(os.environ)
    if not a.installed:
        env["PYTHONPATH"] = str(ROOT / "src")
    with tempfile.TemporaryDirectory() as d:
        out = ["-o", str(Path(d) / "out.xlsx"), "--force"] if a.with_output else ["--no-output"]
        cmd = [sys.executable, "-m", "lkj_excel.cli", "check", str(SAMPLE), *out]
        times = []
        for _ in range(max(1, a.runs)):
            t = time.perf_counter()
            r = subprocess.run(cmd, env=env, capture_output=True, cwd=d)
            times.append(time.perf_counter() - t)
            if r.returncode not in (0, 1):
                raise SystemExit(r.stderr.decode("utf-8", "replace")[-2000:])
    what = "check with the corrected workbook" if a.with_output else "check --no-output"
    print(
        f"lkj-excel {what} of the sample, start-up included ({len(times)} runs, {sys.executable}): "
        f"median {statistics.median(times):.2f} s, fastest {min(times):.2f} s"
    )


if __name__ == "__main__":
    main()
