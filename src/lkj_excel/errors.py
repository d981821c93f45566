"""Errors that end a run with a message for the user, never a traceback."""

from __future__ import annotations

import errno
from pathlib import Path

from .messages import render, translate_detail


class LkjError(Exception):
    """An input or output problem to report to the user; exit code 2."""

    exit_code = 2

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(render(key, "id", **params))

    def message(self, lang: str = "id") -> str:
        params = dict(self.params)
        if "detail" in params:
            params["detail"] = translate_detail(str(params["detail"]), lang)
        return render(self.key, lang, **params)


_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def _find_os_error(e: BaseException) -> OSError | None:
    """The OSError behind `e`: itself, its cause or context, or its first argument (xlsxwriter's FileCreateError)."""
    seen: set[int] = set()
    todo: list[object] = [e]
    while todo:
        x = todo.pop()
        if not isinstance(x, BaseException) or id(x) in seen:
            continue
        seen.add(id(x))
        if isinstance(x, OSError):
            return x
        todo += [x.__cause__, x.__context__, *x.args[:1]]
    return None


def os_error(e: BaseException, path: str | Path) -> LkjError | None:
    """The user's message for an operating-system failure while writing `path`, or None if `e` is not one.

    Read-only folders, files open in Excel (locked on Windows), a full disk and a
    missing folder are the user's situation, not a bug: exit 2 with what to do.
    """
    ose = _find_os_error(e)
    if ose is None:
        return None
    p = Path(path)
    shown = str(p)
    winerror = getattr(ose, "winerror", None)
    if ose.errno in _FULL or winerror in (39, 112):
        return LkjError("out.disk_full", path=shown)
    if isinstance(ose, PermissionError) or ose.errno in _DENIED or winerror in (5, 32, 33):
        if p.exists():
            return LkjError("out.locked", path=shown)
        return LkjError("out.denied", path=shown, folder=str(p.parent))
    if isinstance(ose, FileNotFoundError) or ose.errno == errno.ENOENT:
        return LkjError("out.no_folder", path=shown, folder=str(p.parent))
    if isinstance(ose, IsADirectoryError):
        return LkjError("out.is_dir", path=shown)
    return LkjError("out.os", path=shown, detail=ose.strerror or type(ose).__name__)


def read_error(e: OSError) -> LkjError:
    """The user's message for an operating-system failure that reached the top of a run (reading an input).

    Outputs go through `write.atomic`, which words its own failures; what is
    left is an input that cannot be opened: no permission, or locked by another program.
    """
    shown = str(e.filename) if e.filename is not None else "?"
    if e.errno in _FULL:
        return LkjError("out.disk_full", path=shown)
    if isinstance(e, PermissionError) or e.errno in _DENIED or getattr(e, "winerror", None) in (5, 32, 33):
        return LkjError("file.denied", path=shown)
    if isinstance(e, FileNotFoundError):
        return LkjError("file.missing", path=shown)
    return LkjError("file.os", path=shown, detail=e.strerror or type(e).__name__)
