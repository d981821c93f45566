"""Open a workbook, turning every kind of unreadable file into an LkjError.

Offices send .xls, .ods, password-protected and half-downloaded files; each
gets a message that says what to do instead of a library traceback.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.workbook.workbook import Workbook

from ..errors import LkjError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
ZIP_MAGIC = b"PK\x03\x04"
_OPENPYXL_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm"}
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def _is_encrypted_ole(data: bytes) -> bool:
    # Excel stores a password-protected .xlsx as an OLE2 container whose
    # directory holds an "EncryptionInfo" stream (names are UTF-16LE).
    return "EncryptionInfo".encode("utf-16-le") in data or b"EncryptionInfo" in data


def check_workbook_file(path: str | Path, data: bytes | None = None) -> Path:
    """Raise LkjError unless `path` looks like a readable .xlsx; return it as a Path.

    `data`: the file's bytes when the caller has read them already (looked at instead of the file)."""
    p, zf = open_checked(path, data)
    if zf is not None:
        zf.close()
    return p


def open_checked(path: str | Path, data: bytes | None = None) -> tuple[Path, zipfile.ZipFile | None]:
    """`check_workbook_file`, and the zip it opened over `data` (None when no `data` was given): read
    from it, the archive's directory is not read a second time."""
    p = Path(path)
    shown = str(path)
    if not p.exists():
        raise LkjError("file.missing", path=shown)
    if not p.is_file():
        raise LkjError("file.not_xlsx", path=shown)
    suffix = p.suffix.lower()
    if data is not None:
        head = data[:8]
    else:
        with open(p, "rb") as fh:
            head = fh.read(8)
    if head.startswith(OLE2_MAGIC):
        if _is_encrypted_ole(p.read_bytes()):
            raise LkjError("file.encrypted", path=shown)
        raise LkjError("file.xls", path=shown)
    if suffix == ".xls":
        # SIPD's ".xls" downloads are often HTML tables; the advice is the same.
        raise LkjError("file.xls", path=shown)
    if suffix == ".ods":
        raise LkjError("file.ods", path=shown)
    if not head.startswith(ZIP_MAGIC):
        if suffix in _OPENPYXL_SUFFIXES:
            detail = "kosong" if not head else "bukan arsip zip"
            raise LkjError("file.corrupt", path=shown, detail=detail)
        raise LkjError("file.not_xlsx", path=shown)
    zf = None
    try:
        zf = zipfile.ZipFile(p if data is None else io.BytesIO(data))
        names = set(zf.namelist())
        if "mimetype" in names and zf.read("mimetype").strip() == _ODS_MIME:
            raise LkjError("file.ods", path=shown)
        if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
            raise LkjError("file.not_xlsx", path=shown)
    except BaseException as exc:
        if zf is not None:
            zf.close()
        if isinstance(exc, zipfile.BadZipFile):
            raise LkjError("file.corrupt", path=shown, detail=str(exc)) from exc
        if isinstance(exc, (OSError, EOFError, ValueError)):  # truncated member
            raise LkjError("file.corrupt", path=shown, detail=f"{type(exc).__name__}: {exc}") from exc
        raise
    if data is None:
        zf.close()
        return p, None
    return p, zf


def open_workbook(path: str | Path, read_only: bool = False) -> Workbook:
    """Open an .xlsx with cached values (data_only=True), or raise LkjError with a file.* key."""
    p = check_workbook_file(path)
    # openpyxl refuses unknown extensions; hand it the bytes so a .xlsx saved
    # under another name still opens.
    source: str | io.BytesIO = str(p) if p.suffix.lower() in _OPENPYXL_SUFFIXES else io.BytesIO(p.read_bytes())
    try:
        return openpyxl.load_workbook(source, data_only=True, read_only=read_only)
    except LkjError:
        raise
    except Exception as exc:  # openpyxl raises many types on malformed XML
        detail = f"{type(exc).__name__}: {exc}"[:200]
        raise LkjError("file.corrupt", path=str(path), detail=detail) from exc
