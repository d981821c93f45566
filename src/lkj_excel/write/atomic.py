"""Writing an output file atomically: never half a file, never over an input.

`atomic_output(out, force=..., inputs=[...])` refuses an `out` that is one of
the `inputs` (LkjError "out.is_input", with or without `force`) and an existing
`out` without `force` ("out.exists"), then yields a temporary path in the same
folder. When the block ends without error the data is flushed to disk (fsync)
and moved to `out`:

- without `force` by a hard link, which fails if `out` appeared meanwhile: "do
  not overwrite" holds even when two runs race for the same name (a test and a
  replace would let both write);
- with `force` by `os.replace`.

Temporary files left by a killed run (".<stem>.<pid>.<hex>.tmp<suffix>") are
removed by the next run that writes beside them. An operating-system failure
(read-only folder, file open in Excel, disk full) becomes an LkjError naming
`out` and what to do; see `errors.os_error`.
"""

from __future__ import annotations

import errno
import os
import re
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import LkjError, os_error

PathLike = str | Path
# How a file system without hard links (FAT, some network shares) answers os.link.
_NO_LINKS = {
    errno.EPERM,
    errno.EACCES,
    errno.EINVAL,
    errno.ENOTSUP,
    errno.EOPNOTSUPP,
    errno.EXDEV,
    errno.EMLINK,
    errno.ENOSYS,
}
STALE_AFTER_S = 600  # Windows only: how old an unowned temporary file must be to be removed
_cleaned: set[str] = set()  # folders already cleaned by this process (a batch writes many files in one)
_TMP_RE = re.compile(r"^\.(?P<stem>.*)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp(?P<suffix>\.[^.]*)?$")


def _all_inputs(source: PathLike | None, inputs: Iterable[PathLike | None]) -> list[Path]:
    return [Path(p) for p in [source, *inputs] if p is not None and str(p) not in ("", "-")]


def same_file(a: PathLike, b: PathLike) -> bool:
    """True when `a` and `b` name one file (also through links, or letter case on Windows)."""
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(Path(a).resolve()) == os.path.normcase(Path(b).resolve())


def check_output(
    out: PathLike, force: bool = False, source: PathLike | None = None, inputs: Iterable[PathLike | None] = ()
) -> None:
    """Raise LkjError "out.is_input" / "out.exists" for an output that must not be written."""
    for p in _all_inputs(source, inputs):
        if same_file(out, p):
            raise LkjError("out.is_input", path=str(out))
    if Path(out).exists() and not force:
        raise LkjError("out.exists", path=str(out))


def check_outputs(outs: Iterable[PathLike | None], force: bool = False, inputs: Iterable[PathLike | None] = ()) -> None:
    """Check every output target before any is written: each allowed, and no two the same file."""
    targets = [Path(o) for o in outs if o is not None and str(o) != "-"]
    ins = list(inputs)
    for i, out in enumerate(targets):
        for other in targets[:i]:
            if same_file(out, other):
                raise LkjError("out.twice", path=str(out))
        check_output(out, force, inputs=ins)


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove temporary files of runs that died (their process is gone); return what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for e in entries:
        m = _TMP_RE.match(e.name)
        if not m or not _stale(int(m["pid"]), e):
            continue
        try:
            os.unlink(e.path)
            removed.append(Path(e.path))
        except OSError:
            pass  # not ours to remove: leave it
    return removed


def _on_windows() -> bool:
    return os.name == "nt"


def _stale(pid: int, entry: os.DirEntry[str]) -> bool:
    """Whether a temporary file belongs to a run that is gone."""
    if pid == os.getpid():
        return False
    if _on_windows():
        # os.kill would terminate the process on Windows: call a temporary file
        # stale once it has not been touched for a while (a run writes in seconds).
        try:
            return time.time() - entry.stat().st_mtime > STALE_AFTER_S
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # exists, owned by someone else
    return False


def _fsync_file(path: Path) -> None:
    # Read-write: Windows flushes a file only through a handle with write access.
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    except OSError as e:
        if e.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise  # EIO, ENOSPC: the data is not on disk
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if _on_windows():
        return  # directories cannot be opened for fsync on Windows
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _publish(tmp: Path, out: Path, force: bool) -> None:
    """Move the finished temp file to `out`; without `force`, only if `out` still does not exist."""
    if force:
        os.replace(tmp, out)
        return
    try:
        os.link(tmp, out)
    except FileExistsError:
        raise LkjError("out.exists", path=str(out)) from None
    except OSError as e:
        if e.errno not in _NO_LINKS:
            raise
        # No hard links here (FAT USB stick, some network shares): claim the
        # name exclusively, then move the data over the claim.
        try:
            os.close(os.open(out, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            raise LkjError("out.exists", path=str(out)) from None
        try:
            os.replace(tmp, out)
        except OSError:
            os.unlink(out)  # give the claimed name back
            raise
        return
    tmp.unlink()


@contextmanager
def atomic_output(
    out: PathLike,
    force: bool = False,
    source: PathLike | None = None,
    make_parents: bool = False,
    inputs: Iterable[PathLike | None] = (),
) -> Iterator[Path]:
    """Yield a sibling temp path to write; it becomes `out` when the block succeeds.

    `source` (one input) is kept for older callers; `inputs` names all of them.
    """
    out = Path(out)
    check_output(out, force, source, inputs)
    tmp = out.parent / f".{out.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp{out.suffix}"
    try:
        if make_parents:
            out.parent.mkdir(parents=True, exist_ok=True)
        folder = os.path.abspath(out.parent)
        if folder not in _cleaned:
            _cleaned.add(folder)
            remove_stale_temps(out.parent)
        yield tmp
        _fsync_file(tmp)
        _publish(tmp, out, force)
        _fsync_dir(out.parent)
    except LkjError:
        raise
    except Exception as e:
        err = os_error(e, out)
        if err is None:
            raise
        raise err from e
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def write_text_atomic(
    out: PathLike,
    text: str,
    force: bool = False,
    source: PathLike | None = None,
    inputs: Iterable[PathLike | None] = (),
) -> None:
    """Write `text` (UTF-8) to `out` through `atomic_output`."""
    with atomic_output(out, force, source, inputs=inputs) as tmp:
        tmp.write_text(text, encoding="utf-8")


__all__ = [
    "atomic_output",
    "check_output",
    "check_outputs",
    "remove_stale_temps",
    "same_file",
    "write_text_atomic",
]
