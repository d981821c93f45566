"""Benchmark lkj-excel on N synthetic workbooks.

    python benchmarks/bench.py --n 100 [--jobs N] [--runs 3] [--keep DIR] [--profile] [--no-corrected] [--phases]
                               [--consistent] [--installed]

`--installed` measures the installed package instead of the source tree: after
`LKJ_EXCEL_COMPILE=1 pip install .` that is the mypyc-compiled build. The first
line printed names the build measured.

The workbooks are the sample (samples/sei_balai_2024.xlsx) with its XML edited
directly in the zip (fast enough for thousands of files):

* office "Kecamatan Sim 0001", …;
* population (Tabel 1.2) and budget figures (Tabel 2.3, 2.4, 3.16, 3.17) times
  an integer factor 1…4, so sums stay sums;
* injected errors: every 2nd workbook a wrong total in Tabel 3.16 (+1.000),
  every 3rd a typo'd percentage in Tabel 3.2 ("88,65" → "88,56");
* every figure typed as text, in the tables and in the narrative, gets another
  last decimal digit in each workbook (so texts differ between offices as they
  do in reality, and the checks have many more inconsistencies to report).

Printed: seconds per workbook in one process (median of --runs runs) for the
check alone and for check + corrected output, workbooks per second on all
cores (run_batch with jobs = cpu count), peak memory (max RSS of this process
and of its children), and the ratios to a bare openpyxl.load_workbook, to a
bare python-calamine read, and — for the corrected output — to xlsxwriter
alone (the time spent inside xlsxwriter while write_corrected runs, and a
plain xlsxwriter write of the same cells).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# The source tree's code, unless --installed asks for the installed package (the compiled build, README).
if "--installed" not in sys.argv:
    sys.path.insert(0, str(ROOT / "src"))
SAMPLE = ROOT / "samples" / "sei_balai_2024.xlsx"

SCALED_SHEETS = ("Tabel 1.2", "Tabel 2.3", "Tabel 2.4", "Tabel 3.16", "Tabel 3.17")


def _sheet_parts(members: dict[str, bytes]) -> dict[str, str]:
    wb = members["xl/workbook.xml"].decode()
    rels = members["xl/_rels/workbook.xml.rels"].decode()
    targets = {m.group(2): m.group(1) for m in re.finditer(r'Target="/?([^"]+)" Id="(rId\d+)"', rels)}
    targets.update({m.group(1): m.group(2) for m in re.finditer(r'Id="(rId\d+)"[^>]*Target="/?([^"]+)"', rels)})
    out = {}
    for m in re.finditer(r'<sheet name="([^"]+)"[^>]*r:id="(rId\d+)"', wb):
        t = targets[m.group(2)]
        out[m.group(1)] = t if t.startswith("xl/") else "xl/" + t
    return out


_TEXT_NODE = re.compile(rb"(<t[^>]*>)([^<]*)(</t>)")
_DECIMAL = re.compile(rb"(\d),(\d+)")


def _vary_text_figures(data: bytes, i: int) -> bytes:
    """Change the last decimal digit of figures typed as text (tables and narrative).

    Offices differ in every figure, not only in the real-number tables: without
    this, every generated workbook would repeat the sample's texts and the
    reader's caches would meet the same strings again, flattering the figures.
    """

    def vary(m: re.Match[bytes]) -> bytes:
        frac = m.group(2)
        last = (frac[-1] - 48 + i) % 10
        return m.group(1) + b"," + frac[:-1] + bytes([48 + last])

    return _TEXT_NODE.sub(lambda t: t.group(1) + _DECIMAL.sub(vary, t.group(2)) + t.group(3), data)


def generate(n: int, folder: Path, vary_text: bool = True) -> list[Path]:
    if not SAMPLE.exists():
        import subprocess

        subprocess.run([sys.executable, str(ROOT / "samples" / "build_sample.py"), str(SAMPLE)], check=True)
    with zipfile.ZipFile(SAMPLE) as zf:
        infos = zf.infolist()
        members = {i.filename: zf.read(i.filename) for i in infos}
    parts = _sheet_parts(members)
    info_part, t32, t316 = parts["Info"], parts["Tabel 3.2"], parts["Tabel 3.16"]
    scaled = {parts[s] for s in SCALED_SHEETS if s in parts}
    total_316 = re.search(rb"<v>(2960780030)</v>", members[t316])
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, n + 1):
        k = 1 + (i - 1) % 4
        out = folder / f"sim_{i:04d}.xlsx"
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            for info in infos:
                data = members[info.filename]
                if info.filename == info_part:
                    data = data.replace(b"<t>Kecamatan Sei Balai</t>", f"<t>Kecamatan Sim {i:04d}</t>".encode())
                if info.filename in scaled and k != 1:
                    data = re.sub(rb"<v>(\d{3,})</v>", lambda m, k=k: b"<v>%d</v>" % (int(m.group(1)) * k), data)
                if info.filename == t316 and i % 2 == 0 and total_316:
                    data = data.replace(b"<v>%d</v>" % (2960780030 * k), b"<v>%d</v>" % (2960780030 * k + 1000), 1)
                if info.filename == t32 and i % 3 == 0:
                    data = data.replace(b"<t>88,65</t>", b"<t>88,56</t>", 1)
                if (
                    vary_text
                    and i > 1
                    and info.filename != info_part
                    and (info.filename.startswith("xl/worksheets/") or info.filename == "xl/sharedStrings.xml")
                ):
                    data = _vary_text_figures(data, i)
                z.writestr(info, data)
        paths.append(out)
    return paths


# ------------------------------------------------------------------ timed bodies


def bare_openpyxl(p: Path) -> None:
    import openpyxl

    openpyxl.load_workbook(p).close()


def bare_calamine(p: Path) -> None:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(p))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python()


def check_only(p: Path) -> None:
    from lkj_excel.check import run_checks
    from lkj_excel.read.reader import read_workbook

    run_checks(read_workbook(p))


class _XlsxTimer:
    """Time spent inside xlsxwriter (cell writes, formats, close) while write_corrected runs."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._saved: list[tuple[type, str, object]] = []

    def __enter__(self) -> _XlsxTimer:
        import xlsxwriter.workbook
        import xlsxwriter.worksheet

        def wrap(cls: type, name: str) -> None:
            orig = getattr(cls, name)
            timer = self

            def timed(*a, **kw):
                if getattr(timer, "_depth", 0):
                    return orig(*a, **kw)
                timer._depth = 1
                t = time.perf_counter()
                try:
                    return orig(*a, **kw)
                finally:
                    timer.seconds += time.perf_counter() - t
                    timer._depth = 0

            self._saved.append((cls, name, orig))
            setattr(cls, name, timed)

        W, S = xlsxwriter.workbook.Workbook, xlsxwriter.worksheet.Worksheet
        for name in ("__init__", "close", "add_format", "add_worksheet", "add_chart", "define_name"):
            wrap(W, name)
        for name in dir(S):
            if name.startswith(
                (
                    "write",
                    "merge_range",
                    "set_",
                    "insert_",
                    "conditional_format",
                    "data_validation",
                    "autofilter",
                    "freeze_panes",
                    "add_table",
                )
            ) and callable(getattr(S, name)):
                wrap(S, name)
        return self

    def __exit__(self, *exc: object) -> None:
        for cls, name, orig in reversed(self._saved):
            setattr(cls, name, orig)


def check_and_correct(p: Path, out_dir: Path, timer: _XlsxTimer | None = None) -> None:
    from lkj_excel.check import run_checks
    from lkj_excel.read.reader import read_workbook
    from lkj_excel.write.corrected import write_corrected

    try:
        from lkj_excel.write.summary import extra_sheets_hook
    except ImportError:  # pragma: no cover
        extra_sheets_hook = None
    wb = read_workbook(p)
    findings = run_checks(wb)
    hook = extra_sheets_hook(wb, findings) if extra_sheets_hook else None
    out = out_dir / f"{p.stem}_terkoreksi.xlsx"
    write_corrected(wb, findings, out, force=True, extra_sheets=hook)


def xlsxwriter_same_cells(src: Path, dst: Path) -> float:
    """Write the cells (values, number formats, merges) of `src` with bare xlsxwriter; return seconds."""
    import xlsxwriter

    from lkj_excel.read.load import load_grids

    grids = load_grids(src)
    t = time.perf_counter()
    book = xlsxwriter.Workbook(
        str(dst), {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    )
    fmts: dict[str, object] = {}
    for g in grids:
        ws = book.add_worksheet(g.title[:31])
        for r, c, v in g.cells():  # the sparse grid: cells with a value
            f = g.fmt(r, c)
            fm = None
            if f and f != "General":
                fm = fmts.get(f)
                if fm is None:
                    fm = fmts[f] = book.add_format({"num_format": f, "border": 1})
            ws.write(r, c, v, fm)
        for r1, c1, r2, c2 in g.merges:
            if (r1, c1) != (r2, c2):
                ws.merge_range(r1, c1, r2, c2, g.value(r1, c1), None)
    book.close()
    return time.perf_counter() - t


def per_workbook(fn, paths: list[Path], runs: int) -> float:
    """Median over runs of (seconds for all paths / number of paths)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for p in paths:
            fn(p)
        times.append((time.perf_counter() - t) / len(paths))
    return statistics.median(times)


PHASES: dict[str, float] = {}


def batch_rate(paths: list[Path], jobs: int, corrected: bool, out: Path) -> float:
    """Workbooks per second of run_batch; PHASES gets the time of its phases."""
    import lkj_excel.batch as batch
    from lkj_excel.batch import run as run_mod

    if out.exists():
        shutil.rmtree(out)
    PHASES.clear()
    targets = {"check_all": run_mod._Batch, "write_all": run_mod._Batch, "write_recap": run_mod}
    originals = {name: getattr(owner, name) for name, owner in targets.items()}

    def timed(name):
        def run(*args, **kw):
            t0 = time.perf_counter()
            try:
                return originals[name](*args, **kw)
            finally:
                PHASES[name] = time.perf_counter() - t0

        return run

    t, cpu, kids = time.perf_counter(), time.process_time(), _children_cpu()
    try:
        for name, owner in targets.items():
            setattr(owner, name, timed(name))
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            batch.run_batch(paths, out, jobs=jobs, force=True, write_corrected=corrected)
    finally:
        for name, owner in targets.items():
            setattr(owner, name, originals[name])
    wall = time.perf_counter() - t
    # Where the batch's time goes: this process (dispatch, results, W9xx, rekap) and the workers (CPU of
    # every check and write); on an idle machine wall ~ main + workers / jobs.
    PHASES["main_cpu"], PHASES["workers_cpu"] = time.process_time() - cpu, _children_cpu() - kids
    return len(paths) / wall


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def phases_line() -> str:
    return (
        f"    of which checking {PHASES.get('check_all', 0):.1f} s, "
        f"writing outputs {PHASES.get('write_all', 0):.1f} s, writing rekap.xlsx {PHASES.get('write_recap', 0):.1f} s\n"
        f"    CPU: this process {PHASES.get('main_cpu', 0):.1f} s, the workers {PHASES.get('workers_cpu', 0):.1f} s"
    )


PHASE_LABELS = {
    "read": "read (read_workbook)",
    "load_grids": "  of which the fast loader",
    "rules": "rules and localization (run_checks)",
    "analyse": "  narrative, first analysis",
    "localize_findings": "  localization (edits/apply)",
    "build_edits": "    build the edits",
    "localize": "    search (edits/localize, edits/solve)",
    "_narrative_after": "    narrative again, on corrected figures",
}


def compiled() -> bool:
    """Whether the check's modules are mypyc-compiled (an extension module, not a .py file)."""
    from lkj_excel.runtime import build_kind

    return build_kind() == "mypyc"


def build_line() -> str:
    import lkj_excel

    kind = "compiled with mypyc" if compiled() else "plain Python"
    # The interpreter's own build matters as much as ours: a CPython built without PGO/LTO (pyenv's default)
    # runs the check ~11 % slower than Debian's or python.org's optimised builds (docs/benchmark.md).
    python = f"Python {sys.version.split()[0]} ({sys.executable})"
    return f"lkj_excel {lkj_excel.__version__} from {Path(lkj_excel.__file__).parent} ({kind}); {python}"


def check_phases(paths: list[Path]) -> dict[str, float]:
    """CPU seconds per workbook of each phase of a check over `paths` (one run, this process)."""
    from lkj_excel.check import run_checks
    from lkj_excel.edits import apply
    from lkj_excel.read import load
    from lkj_excel.read.reader import read_workbook
    from lkj_excel.rules import narrative

    spent: dict[str, float] = dict.fromkeys(PHASE_LABELS, 0.0)
    owners = [
        (load, "load_grids"),
        (narrative, "analyse"),  # the rules' analysis; the after-pass calls narrative.resolve's own
        (apply, "localize_findings"),
        (apply, "build_edits"),
        (apply, "localize"),
        (apply, "_narrative_after"),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name in owners]

    def timed(fn: Any, name: str) -> Any:
        def run(*a: Any, **kw: Any) -> Any:
            t = time.process_time()
            try:
                return fn(*a, **kw)
            finally:
                spent[name] += time.process_time() - t

        return run

    try:
        for owner, name, fn in saved:
            setattr(owner, name, timed(fn, name))
        for p in paths:
            t = time.process_time()
            wb = read_workbook(p)
            spent["read"] += time.process_time() - t
            t = time.process_time()
            run_checks(wb)
            spent["rules"] += time.process_time() - t
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)
    return {k: v / len(paths) for k, v in spent.items()}


def maxrss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def loader_only(runs: int) -> None:
    """The loaders on the sample (many runs, median): ms per workbook and the ratios."""
    from lkj_excel.read.load import load_grids

    def med(fn, n: int) -> float:  # type: ignore[no-untyped-def]
        fn()
        xs = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            xs.append(time.perf_counter() - t)
        return statistics.median(xs)

    n = max(runs, 20)
    t_cal = med(lambda: bare_calamine(SAMPLE), n)
    t_fast = med(lambda: load_grids(SAMPLE), n)
    t_opx = med(lambda: load_grids(SAMPLE, backend="openpyxl"), max(3, n // 5))
    print(f"sample, median of {n} runs")
    print(f"  python-calamine values only   {t_cal * 1000:7.2f} ms")
    print(f"  load_grids fast               {t_fast * 1000:7.2f} ms  ({t_fast / t_cal:.1f}x calamine)")
    print(f"  load_grids openpyxl           {t_opx * 1000:7.2f} ms  ({t_opx / t_fast:.1f}x the fast loader)")


def main(argv: list[str] | None = None) -> None:
    from lkj_excel.runtime import tune_gc

    tune_gc()  # as the lkj-excel command does
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, default=None, help="keep the generated workbooks (and outputs) here")
    ap.add_argument("--profile", action="store_true", help="pyinstrument profile of check and correct")
    ap.add_argument("--no-corrected", action="store_true", help="skip the corrected-output measurements")
    ap.add_argument(
        "--sample-runs", type=int, default=0, help="time single-process figures on this many workbooks only (0: all)"
    )
    ap.add_argument("--phases", action="store_true", help="print the CPU time of each phase of a check")
    ap.add_argument(
        "--consistent",
        action="store_true",
        help="keep the figures typed as text as in the sample (a report with the sample's few mistakes and the"
        " injected ones) instead of giving each another last digit (~21 violated edit groups per workbook)",
    )
    ap.add_argument("--loader-only", action="store_true", help="only compare the loaders (fast, calamine, openpyxl)")
    ap.add_argument(
        "--installed",
        action="store_true",
        help="measure the installed lkj_excel (e.g. the compiled build: LKJ_EXCEL_COMPILE=1 pip install .)"
        " instead of the source tree's",
    )
    a = ap.parse_args(argv)
    print(build_line())
    if a.loader_only:
        loader_only(a.runs)
        return

    base = a.keep or Path(tempfile.mkdtemp(prefix="lkj-bench-"))
    try:
        t = time.perf_counter()
        paths = generate(a.n, base / "in", vary_text=not a.consistent)
        print(f"generated {a.n} workbooks in {time.perf_counter() - t:.1f} s ({base / 'in'})")
        single = paths[: a.sample_runs] if a.sample_runs else paths
        # Warm imports and caches so that the first file does not pay for them.
        check_only(paths[0])
        bare_calamine(paths[0])
        bare_openpyxl(paths[0])

        t_cal = per_workbook(bare_calamine, single, a.runs)
        t_opx = per_workbook(bare_openpyxl, single, a.runs)
        t_chk = per_workbook(check_only, single, a.runs)
        from lkj_excel.read.load import load_grids

        t_load = per_workbook(lambda p: load_grids(p), single, a.runs)
        t_load_opx = per_workbook(lambda p: load_grids(p, backend="openpyxl"), single, max(1, a.runs // 3))
        print(
            f"workbooks: {a.n}, cpu: {os.cpu_count()}, jobs: {a.jobs}, runs: {a.runs}, "
            f"single-process figures over {len(single)} workbooks"
        )
        print("")
        print("CHECK ONLY (read + run_checks)")
        print(f"  bare python-calamine read        {t_cal * 1000:8.2f} ms/workbook")
        print(f"  bare openpyxl.load_workbook      {t_opx * 1000:8.2f} ms/workbook")
        print(f"  load_grids fast backend          {t_load * 1000:8.2f} ms/workbook ({t_load / t_cal:.2f}x calamine)")
        print(
            f"  load_grids openpyxl backend      {t_load_opx * 1000:8.2f} ms/workbook "
            f"(fast backend {t_load_opx / t_load:.1f}x faster)"
        )
        print(
            f"  check, 1 process                 {t_chk * 1000:8.2f} ms/workbook "
            f"= {t_chk / t_cal:.1f}x calamine, {t_chk / t_opx:.2f}x openpyxl  (target <= 3x calamine)"
        )
        if a.phases and compiled():
            # Compiled modules call each other directly: the phase timers below could not wrap them.
            print("  phases of a check: measured on the plain-Python build only (run without --installed)")
        elif a.phases:
            print("  phases of a check (CPU ms/workbook, one process):")
            for k, v in check_phases(single).items():
                print(f"    {PHASE_LABELS[k]:<44} {v * 1000:7.1f}")
        rate = batch_rate(paths, a.jobs, False, base / "out_check")
        print(
            f"  batch, {a.jobs} jobs (no corrected)    {rate:8.1f} workbooks/s  "
            f"-> 1000 workbooks in {1000 / rate:.1f} s (target < 30 s)"
        )
        print(phases_line())
        own, kids = maxrss_mb()
        print(f"  peak memory: self {own:.0f} MB, largest child {kids:.0f} MB")

        if not a.no_corrected:
            try:
                import lkj_excel.write.corrected  # noqa: F401
            except ImportError:
                print("\n(write.corrected not available: corrected-output figures skipped)")
            else:
                out = base / "out_single"
                out.mkdir(parents=True, exist_ok=True)
                check_and_correct(paths[0], out)
                t_cc = per_workbook(lambda p: check_and_correct(p, out), single, a.runs)
                xw = []
                with _XlsxTimer() as timer:
                    for p in single:
                        check_and_correct(p, out)
                t_inside = timer.seconds / len(single)
                for _ in range(a.runs):
                    xw.append(
                        sum(xlsxwriter_same_cells(out / f"{p.stem}_terkoreksi.xlsx", base / "xw.xlsx") for p in single)
                        / len(single)
                    )
                t_xw = statistics.median(xw)
                write_part = t_cc - t_chk
                print("")
                print("CHECK + CORRECTED OUTPUT")
                print(f"  check + write_corrected, 1 proc  {t_cc * 1000:8.2f} ms/workbook")
                print(f"  of which writing (minus check)   {write_part * 1000:8.2f} ms/workbook")
                print(
                    f"  time inside xlsxwriter calls     {t_inside * 1000:8.2f} ms/workbook "
                    f"-> writing / xlsxwriter = {write_part / t_inside:.2f}x (target <= 1.5x)"
                )
                print(
                    f"  bare xlsxwriter, same cells      {t_xw * 1000:8.2f} ms/workbook "
                    f"-> writing / bare xlsxwriter = {write_part / t_xw:.2f}x"
                )
                rate_c = batch_rate(paths, a.jobs, True, base / "out_corrected")
                print(
                    f"  batch, {a.jobs} jobs (corrected)       {rate_c:8.1f} workbooks/s "
                    f"-> 1000 workbooks in {1000 / rate_c:.1f} s"
                )
                print(phases_line())
                own, kids = maxrss_mb()
                print(f"  peak memory: self {own:.0f} MB, largest child {kids:.0f} MB")

        if a.profile:
            from pyinstrument import Profiler

            few = single[: min(len(single), 20)]
            pr = Profiler(interval=0.0005)
            pr.start()
            for p in few:
                check_only(p)
            pr.stop()
            print("\nPROFILE: check only")
            print(pr.output_text(unicode=False, color=False, show_all=False))
            if not a.no_corrected:
                out = base / "out_single"
                pr = Profiler(interval=0.0005)
                pr.start()
                for p in few:
                    check_and_correct(p, out)
                pr.stop()
                print("\nPROFILE: check + corrected output")
                print(pr.output_text(unicode=False, color=False, show_all=False))
    finally:
        if a.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
