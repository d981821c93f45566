"""A process pool that survives its workers: a worker that dies or runs too long costs only its task.

`concurrent.futures.ProcessPoolExecutor` breaks as a whole when one worker is
killed (every pending task fails with BrokenProcessPool) and cannot stop a task
that runs too long. Here each worker has its own pipe, so the parent knows
which task a dead worker held; it records a `Failure` for that task, starts a
new worker and goes on. Each worker runs under a memory limit (RLIMIT_AS, where
the system has it), ignores Ctrl-C (the parent decides), and turns SIGTERM into
a normal exit so that half-written temporary files are removed by their
`finally` blocks. On Ctrl-C the parent stops every worker and raises
`Interrupted` with what was finished.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a task has no result: "too_big" (MemoryError), "killed" (by a signal), "timeout", "failed"."""

    kind: str
    detail: str = ""
    pid: int = 0


class Interrupted(Exception, Generic[R]):
    """Ctrl-C: the workers are stopped; `results` holds what was finished (None: cancelled)."""

    def __init__(self, results: list[R | Failure | None]) -> None:
        super().__init__("interrupted")
        self.results = results


def _limit_memory(mb: int | None) -> None:
    """Address-space limit for this worker: what it has mapped after start-up plus `mb` MB."""
    if not mb:
        return
    try:
        import resource

        with open("/proc/self/statm") as f:
            mapped = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = mapped + mb * 2**20
        if hard == resource.RLIM_INFINITY or want < hard:
            resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (ImportError, OSError, ValueError):  # not on this system (Windows, macOS): no limit
        pass


def _on_term(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def _serve(conn: Connection, memory_mb: int | None) -> None:
    """The worker's loop: receive (function, args), send ("ok", result) or ("error", kind, detail)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_term)
    _limit_memory(memory_mb)
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        fn, args = msg
        try:
            reply: tuple[Any, ...] = ("ok", fn(*args))
        except MemoryError:
            reply = ("error", "too_big", "MemoryError")
        except Exception as e:  # the task's own bug: report it, keep serving
            reply = ("error", "failed", f"{type(e).__name__}: {e}"[:300])
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("error", "too_big", "MemoryError"))


def _context() -> Any:
    # fork: workers start warm (rules and table declarations loaded); spawn elsewhere (Windows).
    if sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    return mp.get_context()


class _Worker:
    def __init__(self, ctx: Any, memory_mb: int | None) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, memory_mb), daemon=True)
        self.proc.start()
        child.close()
        self.tasks: deque[int] = deque()  # given, in order: the first one is running, the others wait in the pipe
        self.started = 0.0  # when the running task started (about: when the one before it was answered)

    @property
    def task(self) -> int | None:
        """The task it is running."""
        return self.tasks[0] if self.tasks else None

    def give(self, i: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append(i)
        self.conn.send((fn, args))

    def stop(self, grace: float = 2.0) -> None:
        """SIGTERM (the worker cleans up), then SIGKILL after `grace` seconds."""
        if self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(grace)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(1.0)
        self.conn.close()

    def close(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(2.0)
        self.stop(0.5)


def _death(w: _Worker) -> Failure:
    w.proc.join(0.5)
    code = w.proc.exitcode
    if code is not None and code < 0:
        return Failure("killed", str(-code), w.proc.pid or 0)
    return Failure("failed", f"exit code {code}", w.proc.pid or 0)


class Pool:
    """Run `fn(*args)` for every args tuple in at most `jobs` worker processes."""

    def __init__(self, jobs: int, timeout: float | None = None, memory_mb: int | None = None) -> None:
        self.jobs, self.timeout, self.memory_mb = max(1, jobs), timeout, memory_mb
        self.ctx = _context()

    def map(
        self,
        fn: Callable[..., R],
        tasks: Sequence[tuple[Any, ...]],
        progress: Callable[[int], None] | None = None,
        on_failure: Callable[[int, Failure], None] | None = None,
        on_result: Callable[[int, R | Failure], None] | None = None,
        queue: int = 1,
    ) -> list[R | Failure]:
        """`on_result(i, result)` is called as each task's result arrives (in the order they arrive), while the
        other workers go on. With `queue` 2 a worker holds its next task while it runs one, so it never waits
        for this process between tasks (only for small tasks: a queued task waits in the pipe's buffer)."""
        results: list[R | Failure | None] = [None] * len(tasks)
        pending = deque(range(len(tasks)))
        workers: list[_Worker] = []
        try:
            workers = [_Worker(self.ctx, self.memory_mb) for _ in range(min(self.jobs, len(tasks)))]
            while pending or any(w.tasks for w in workers):
                self._give(workers, pending, fn, tasks, max(1, queue))
                done = self._collect(workers, pending)
                self._give(workers, pending, fn, tasks, max(1, queue))  # first: the callbacks take time
                for i, r in done:
                    results[i] = r
                    if isinstance(r, Failure) and on_failure:
                        on_failure(i, r)
                    if on_result:
                        on_result(i, r)
                    if progress:
                        progress(1)
        except KeyboardInterrupt:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not stop the clean-up
            for w in workers:
                w.proc.terminate()
            for w in workers:
                w.stop()
                if w.task is not None and on_failure:
                    on_failure(w.task, Failure("interrupted", "", w.proc.pid or 0))
            raise Interrupted(results) from None
        for w in workers:
            w.close()
        return [r for r in results if r is not None]

    @staticmethod
    def _give(
        workers: list[_Worker], pending: deque[int], fn: Callable[..., Any], tasks: Sequence[Any], queue: int
    ) -> None:
        for w in workers:
            # Near the end a task waits for whichever worker is free first, not in a busy worker's pipe.
            while pending and (not w.tasks or (len(w.tasks) < queue and len(pending) > len(workers))):
                i = pending.popleft()
                w.give(i, fn, tasks[i])

    def _collect(self, workers: list[_Worker], pending: deque[int]) -> list[tuple[int, Any]]:
        """Wait for a worker to answer, die or run out of time; replace the dead ones (the tasks that waited
        in a dead worker's pipe go back to `pending`, first)."""
        busy = [w for w in workers if w.tasks]
        wait_for = 0.5
        if self.timeout:
            left = min(w.started + self.timeout for w in busy) - time.monotonic()
            wait_for = max(0.01, min(wait_for, left))
        wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], wait_for)
        done: list[tuple[int, Any]] = []
        for w in busy:
            while w.tasks:
                r = self._answer(w)
                if r is None:
                    break
                done.append((w.tasks.popleft(), r))
                w.started = time.monotonic()
                if (isinstance(r, Failure) and r.kind in ("killed", "timeout", "too_big")) or not w.proc.is_alive():
                    w.stop(0.5)
                    pending.extendleft(reversed(w.tasks))
                    workers[workers.index(w)] = _Worker(self.ctx, self.memory_mb)
                    break
        return done

    def _answer(self, w: _Worker) -> Any:
        """The running task's result, its Failure, or None while it still runs."""
        if w.conn.poll():
            try:
                reply = w.conn.recv()
                return reply[1] if reply[0] == "ok" else Failure(reply[1], reply[2], w.proc.pid or 0)
            except (EOFError, OSError):
                return _death(w)
        if not w.proc.is_alive():
            return _death(w)
        if self.timeout and time.monotonic() - w.started > self.timeout:
            pid = w.proc.pid or 0
            w.stop()
            return Failure("timeout", f"{self.timeout:g}", pid)
        return None
