"""Writing an output file atomically: never half a file, never over the input.

`atomic_output(out, force=..., source=...)` refuses an existing `out` without
`force` (LkjError "out.exists") and an `out` that is the input `source`
(LkjError "out.is_input"), then yields a temp path in the same folder (same
file system, normal permissions); when the block ends without error the temp
file replaces `out` with `os.replace`, otherwise it is removed.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import LkjError


def check_output(out: Path, force: bool = False, source: str | Path | None = None) -> None:
    """Raise LkjError "out.is_input" / "out.exists" for an output that must not be written."""
    if source and Path(source).resolve() == Path(out).resolve():
        raise LkjError("out.is_input", path=str(out))
    if Path(out).exists() and not force:
        raise LkjError("out.exists", path=str(out))


@contextmanager
def atomic_output(
    out: Path, force: bool = False, source: str | Path | None = None, make_parents: bool = False
) -> Iterator[Path]:
    """Yield a sibling temp path to write; it becomes `out` when the block succeeds."""
    out = Path(out)
    check_output(out, force, source)
    if make_parents:
        out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp{out.suffix}"
    try:
        yield tmp
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def write_text_atomic(out: Path, text: str, force: bool = False, source: str | Path | None = None) -> None:
    """Write `text` (UTF-8) to `out` through `atomic_output`."""
    with atomic_output(out, force, source) as tmp:
        tmp.write_text(text, encoding="utf-8")


__all__ = ["atomic_output", "check_output", "write_text_atomic"]
