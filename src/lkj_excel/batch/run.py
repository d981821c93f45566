"""`run_batch`: discover → check every workbook (pool) → checks across workbooks → write outputs (pool) → rekap.

Nothing is written before every output target has been checked: a missing
input, an output that would be an input, or (without --force) an output that
exists stops the batch with a message and exit 2 before any work. Ctrl-C stops
the workers, removes their temporary files, says what was finished and
returns 130.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import LkjError
from ..findings import Finding, sort_key
from ..numerals import format_id
from ..rules.batch import cross_findings
from . import texts
from .discover import RECAP_JSON, RECAP_NAME, REPORT_KINDS, Discovery, Item, Outputs, discover, plan_outputs
from .pool import Failure, Interrupted, Pool
from .recap import recap_dict, temuan_rows, write_recap
from .result import Result
from .texts import t
from .worker import Checked, Written, check_task, dumps, write_task

DEFAULT_TIMEOUT = 20.0  # seconds per workbook and phase; the sample takes 0.05 s to check, 0.2 s to write
DEFAULT_MEMORY_MB = 1024  # per worker, above what it holds after start-up


class _Stop(Exception):
    """A problem with the command itself: message printed, exit 2, nothing written."""


def _echo(msg: str, err: bool = False) -> None:
    import click

    click.echo(msg, err=err)


def _report_kind(report: str | Path | None, lang: str) -> str | None:
    if report is None:
        return None
    s = str(report).strip().lower()
    kind = Path(s).suffix or ("." + s.lstrip("."))
    kind = ".html" if kind == ".htm" else kind
    if kind not in REPORT_KINDS:
        raise _Stop(t("report_kind", lang, value=report))
    return kind


def _validate(jobs: int | None, timeout: float | None, lang: str) -> None:
    if jobs is not None and jobs < 1:
        raise _Stop(t("jobs", lang, jobs=jobs))
    if timeout is not None and not timeout > 0:
        raise _Stop(t("timeout", lang, timeout=timeout))


def _targets(found: Discovery, plans: list[Outputs], out_dir: Path, json_out: bool, force: bool, lang: str) -> None:
    """Refuse the batch before any work if an output would be an input, or exists without --force."""
    targets = [p for o in plans for p in o.paths()] + [out_dir / RECAP_NAME] + ([out_dir / RECAP_JSON] * json_out)
    inputs = {i.path.resolve(): i.path for i in found.items}
    for p in targets:
        if p.resolve() in inputs:
            raise _Stop(t("out_is_input", lang, out=p, input=inputs[p.resolve()]))
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise _Stop(t("exists", lang, n=len(existing), path=existing[0]))


@contextmanager
def _progress(n: int, label: str) -> Iterator[Callable[[int], None] | None]:
    if not sys.stderr.isatty() or n <= 1:
        yield None
        return
    import click

    with click.progressbar(length=n, file=sys.stderr, label=label) as bar:
        yield bar.update


def _remove_temp(outputs: Outputs, pid: int) -> None:
    """Temporary files a stopped worker left next to its outputs (write/atomic.py names them .<stem>.<pid>.…)."""
    for out in outputs.paths():
        if out.parent.is_dir():
            for tmp in out.parent.glob(f".{out.stem}.{pid}.*"):
                tmp.unlink(missing_ok=True)


def _failure_reason(f: Failure, lang: str, timeout: float | None, memory_mb: int | None) -> tuple[str, str]:
    if f.kind == "too_big":
        return "too_big", t("why.too_big", lang, mb=memory_mb or "-")
    if f.kind == "killed":
        return "killed", t("why.killed", lang, signal=f.detail)
    if f.kind == "timeout":
        return "timeout", t("why.timeout", lang, seconds=format_id(timeout or 0, 0))
    return "failed", t("why.failed", lang, detail=f.detail)


def add_cross(r: Result, extra: list[Finding], lang: str) -> None:
    """Add a workbook's W9xx findings to its own, in `sort_key` order (a stable sort, as `sorted` makes it); its
    Temuan rows rendered ahead follow the same order, the W9xx rows rendered here."""
    r.cross = len(extra)
    if not extra:
        return
    merged = r.findings + extra
    order = sorted(range(len(merged)), key=list(map(sort_key, merged)).__getitem__)
    ahead = r.temuan if r.temuan is not None and r.temuan[0] is r.findings else None
    r.findings = [merged[k] for k in order]
    r.temuan = None
    if ahead is not None:
        _, rows, heights = temuan_rows(r.name, extra, lang)
        rows, heights = ahead[1] + rows, ahead[2] + heights
        r.temuan = (r.findings, [rows[k] for k in order], [heights[k] for k in order])


class _Batch:
    def __init__(self, items: list[Item], plans: list[Outputs], out_dir: Path, opts: dict[str, Any]) -> None:
        self.items, self.plans, self.out_dir, self.o = items, plans, out_dir, opts
        self.lang: str = opts["lang"]
        self.pool = Pool(opts["jobs"], opts["timeout"], opts["memory_mb"])
        self.results = [Result(i.name, str(i.path)) for i in items]
        self.started = time.time() - 1  # for "written by this run" (file systems keep coarse times)

    def check_all(self) -> None:
        tasks = [(str(i.path), i.name, self.lang) for i in self.items]
        with _progress(len(tasks), t("checking", self.lang)) as bar:
            answers = self.pool.map(check_task, tasks, bar, on_result=self._render_ahead, queue=2)
        for r, a in zip(self.results, answers, strict=True):
            self._take_check(r, a)

    def _render_ahead(self, i: int, a: Checked | Failure) -> None:
        """The rekap's Temuan rows of a workbook, rendered as its answer arrives: this process is idle while the
        workers check, and the rekap is written alone after them."""
        if isinstance(a, Checked) and a.findings:
            r = self.results[i]
            try:
                r.temuan = temuan_rows(r.name, a.findings, self.lang)
            except Exception:  # a rendering bug shows where it did before (writing the rekap), not mid-pool
                r.temuan = None

    def _take_check(self, r: Result, a: Checked | Failure) -> None:
        if isinstance(a, Failure):
            r.status, r.reason = _failure_reason(a, self.lang, self.o["timeout"], self.o["memory_mb"])
            return
        r.status, r.reason, r.profile, r.findings, r.seconds = a.status, a.reason, a.profile, a.findings, a.seconds
        if a.status == "too_big":
            r.reason = t("why.too_big", self.lang, mb=self.o["memory_mb"] or "-")
        elif a.status == "failed":
            r.reason = t("why.failed", self.lang, detail=a.reason)

    def cross(self) -> None:
        """W9xx before any output is written: each office's outputs then carry its own."""
        by_name = cross_findings([r.profile.cross for r in self.results if r.ok and r.profile])
        for r in self.results:
            add_cross(r, by_name.get(r.name, []), self.lang)

    def write_all(self) -> None:
        todo = [k for k, r in enumerate(self.results) if r.ok and self.plans[k].paths()]
        if not todo:
            return
        tasks = [
            (
                self.results[k].path,
                self.results[k].findings,
                self.plans[k],
                self.o["force"],
                self.lang,
                self.o["layout"],
            )
            for k in todo
        ]

        def cleanup(j: int, f: Failure) -> None:
            _remove_temp(self.plans[todo[j]], f.pid)

        with _progress(len(tasks), t("writing", self.lang)) as bar:
            try:
                answers = self.pool.map(write_task, tasks, bar, cleanup)
            except Interrupted as e:
                for j, a in enumerate(e.results):
                    if a is not None:
                        self._take_written(self.results[todo[j]], a)
                raise
        for k, a in zip(todo, answers, strict=True):
            self._take_written(self.results[k], a)

    def _take_written(self, r: Result, a: Written | Failure) -> None:
        if isinstance(a, Failure):
            r.output_errors.append(_failure_reason(a, self.lang, self.o["timeout"], self.o["memory_mb"])[1])
            return
        r.outputs += [Path(p).relative_to(self.out_dir).as_posix() for p in a.files]
        r.output_errors += a.errors


def _summary(b: _Batch, skipped: list[Any], elapsed: float, lang: str) -> int:
    results = b.results
    bad = [r for r in results if not r.ok]
    totals = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for k, v in r.counts().items():
            totals[k] += v
    seconds = texts.seconds(elapsed, lang)
    _echo(t("done", lang, n=len(results), seconds=seconds, ok=len(results) - len(bad), bad=len(bad)))
    _echo(t("totals", lang, cross=sum(r.cross for r in results), **totals))
    for r in bad:
        _echo(f"  {r.name}: {r.reason}", err=True)
    for r in results:
        for e in r.output_errors:
            _echo(f"  {r.name}: {e}", err=True)
    if skipped:
        _echo(t("skipped", lang, n=len(skipped)), err=True)
        for s in skipped:
            _echo(f"  {s.name}: {t(s.reason, lang)}", err=True)
    if bad or any(r.output_errors for r in results):
        return 2
    return 1 if totals["error"] else 0


def _written_since(p: Path, t: float) -> bool:
    try:
        return p.stat().st_mtime >= t
    except OSError:
        return False


def _interrupted(b: _Batch, lang: str) -> int:
    checked = sum(1 for r in b.results if r.status != "ok" or r.profile is not None)
    # What is on disk, not what the workers reported: one may have finished a file and been stopped
    # before it could say so.
    written = [str(p) for o in b.plans for p in o.paths() if _written_since(p, b.started)]
    _echo(t("interrupted", lang, checked=checked, n=len(b.results), written=len(written)), err=True)
    if written:
        _echo(t("written", lang), err=True)
        for w in written[:20]:
            _echo(f"  {w}", err=True)
        if len(written) > 20:
            _echo("  " + t("more", lang, n=len(written) - 20), err=True)
    return 130


def run_batch(
    inputs: list[Path],
    out_dir: Path,
    jobs: int | None = None,
    force: bool = False,
    lang: str = "id",
    write_corrected: bool = True,
    *,
    report: str | Path | None = None,
    json: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
    layout: str = "asli",
) -> int:
    """Check every workbook of `inputs` (files and folders); write its outputs under `out_dir` mirroring the
    input folders, and OUT/rekap.xlsx (and OUT/rekap.json with `json`); return the exit code
    (0 clean, 1 errors found, 2 a workbook unreadable or an output not written, 130 Ctrl-C). `layout` is the
    corrected workbook's: "asli" (the office's own, corrected in place) or "standar" (the template's)."""
    out_dir = Path(out_dir)
    old = signal.getsignal(signal.SIGINT)
    b: _Batch | None = None
    try:
        _validate(jobs, timeout, lang)
        kind = _report_kind(report, lang)
        found = discover(inputs, out_dir)
        if found.missing:
            raise _Stop("\n".join(t("missing", lang, path=p) for p in found.missing))
        if not found.items:
            raise _Stop(t("no_files", lang, where=", ".join(str(p) for p in inputs)))
        plans = plan_outputs(found.items, out_dir, write_corrected, kind, json)
        _targets(found, plans, out_dir, json, force, lang)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise _Stop(t("out_dir", lang, path=out_dir, detail=e.strerror or e)) from None
        opts = {"jobs": jobs or os.cpu_count() or 1, "timeout": timeout, "memory_mb": memory_mb}
        b = _Batch(found.items, plans, out_dir, {**opts, "force": force, "lang": lang, "layout": layout})
        return _run(b, found, json, force, lang)
    except _Stop as e:
        _echo(str(e), err=True)
        return 2
    except (KeyboardInterrupt, Interrupted):
        # Ctrl-C stays ignored until the process ends: a second or third one must not kill the clean exit
        # (Python resets its own handler to the default while shutting down, but leaves SIG_IGN alone).
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        old = signal.SIG_IGN
        return _interrupted(b, lang) if b is not None else 130
    finally:
        signal.signal(signal.SIGINT, old)


def _run(b: _Batch, found: Discovery, json: bool, force: bool, lang: str) -> int:
    t0 = time.perf_counter()
    _warm_up()
    b.check_all()
    b.cross()
    b.write_all()
    recap = b.out_dir / RECAP_NAME
    failed = None
    try:
        write_recap(recap, b.results, found.skipped, lang, force)
        if json:
            from ..write.atomic import write_text_atomic

            write_text_atomic(b.out_dir / RECAP_JSON, dumps(recap_dict(b.results, found.skipped, lang)), force)
    except LkjError as e:  # e.g. another run wrote it meanwhile: the findings are still printed
        failed = e.message(lang)
    code = _summary(b, found.skipped, time.perf_counter() - t0, lang)
    if failed:
        _echo(failed, err=True)
        return 2
    _echo(t("recap_at", lang, path=recap))
    return code


def _warm_up() -> None:
    """Load what every worker needs once, before forking, so the workers start warm.

    It also registers every message template the findings use: a finding's message is rendered where it is
    shown (the rekap in this process, the outputs in phase-2 workers forked from it), not where it was made.
    """
    from .. import check  # noqa: F401
    from ..edits import apply  # noqa: F401 - `check` imports it lazily; it registers the localize.* messages
    from ..read import fastload, reader  # noqa: F401
    from ..rules import load_rules
    from ..runtime import tune_gc
    from ..spec import load_all

    load_rules()
    load_all(None)
    tune_gc()  # the workers inherit it
