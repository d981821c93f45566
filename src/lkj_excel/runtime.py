"""Process-wide settings for command-line runs."""

from __future__ import annotations

import codecs
import errno
import gc
import os
import sys
from typing import Any, TextIO


def build_kind() -> str:
    """ "mypyc" when the check's modules are the compiled build (LKJ_EXCEL_COMPILE=1), else "python"."""
    from importlib.util import find_spec

    spec = find_spec("lkj_excel.edits.solve")
    origin = (spec.origin or "") if spec else ""
    return "python" if origin.endswith(".py") else "mypyc"


def tune_gc() -> None:
    """Make the cyclic garbage collector run less often.

    Reading and checking a workbook allocates hundreds of thousands of small,
    short-lived objects (cells, parsed figures, intervals) that reference
    counting frees on its own; with the default thresholds the collector
    re-scans them so often that it takes about 40 % of a check (measured on the
    sample: 89 -> 51 ms). Freezing moves what is loaded so far (modules, the
    table declarations) out of the collector's view, which also keeps forked
    batch workers from touching those pages. Called by the CLI and the batch,
    never on import, so a program that uses lkj-excel as a library keeps its own
    settings.
    """
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


# Characters lkj-excel prints that legacy Windows code pages (cp1252, cp437)
# lack, with what to print instead; anything else unencodable becomes "?".
_ASCII_FALLBACK = {
    "≤": "<=",
    "≥": ">=",
    "−": "-",
    "–": "-",
    "—": "-",
    "←": "<-",
    "→": "->",
    "Σ": "Jumlah",
    "×": "x",
    "÷": "/",
    "…": "...",
    "≈": "~",
    "≠": "!=",
    "·": ".",
    "‰": "o/oo",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
}


def _fallback(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    bad = err.object[err.start : err.end]
    return "".join(_ASCII_FALLBACK.get(ch, "?") for ch in bad), err.end


codecs.register_error("lkj-fallback", _fallback)


class PipeSafe:
    """A text stream whose writes never raise when the reader has gone (`lkj-excel rules | head -1`).

    Once the pipe is closed, the rest of the output is dropped and the run goes
    on (outputs are still written, the exit code still says what was found).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.broken = False

    def _gone(self) -> None:
        self.broken = True
        try:  # the interpreter's final flush must not fail either
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass

    def write(self, s: str) -> int:
        if self.broken:
            return len(s)
        try:
            return self._stream.write(s)
        except BrokenPipeError:
            self._gone()
        except OSError as e:
            if e.errno != errno.EINVAL:  # Windows reports a closed pipe as EINVAL
                raise
            self._gone()
        return len(s)

    def flush(self) -> None:
        if self.broken:
            return
        try:
            self._stream.flush()
        except (BrokenPipeError, OSError):
            self._gone()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def setup_streams() -> None:
    """Make stdout/stderr safe for any console or file encoding and for closed pipes.

    On Windows, output redirected to a file or pipe uses the ANSI code page
    (cp1252): characters such as ≤ − ← Σ are then printed as <= - <- Jumlah
    instead of ending the run with UnicodeEncodeError.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None or isinstance(stream, PipeSafe):
            continue
        enc = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if enc not in ("utf8", "utf8sig") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="lkj-fallback")
            except (ValueError, OSError):
                pass
        setattr(sys, name, PipeSafe(stream))
