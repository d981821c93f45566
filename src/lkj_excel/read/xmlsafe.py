"""Parse a zip member's XML with expat, streaming, with the protections of defusedxml.

* no DTD at all (Excel never writes one): entity declarations, billion laughs
  and external entities are refused before they expand;
* the member is inflated in chunks and refused past MAX_PART_BYTES, so a zip
  bomb costs a bounded amount of memory and time;
* malformed XML (an unclosed tag, a truncated part) is an error, not text.

Styled empty cells (`<c r="A9" s="3"/>`) carry nothing the checks use, and a
workbook formatted down to row 1.048.576 holds millions of them: a linear scan
drops those self-closing cells before expat sees them.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import Any
from xml.parsers import expat

from ..errors import LkjError

MAX_PART_BYTES = 1 << 30  # inflated size of one XML part
MAX_TOTAL_BYTES = 2 << 30  # inflated size of all parts read from one workbook
MAX_RATIO = 200  # inflated / compressed, for parts above RATIO_FROM (a zip bomb is ~1000)
RATIO_FROM = 64 << 20
_CHUNK = 1 << 20
# A styled empty cell, then a row left holding nothing. Literal prefixes ("<c ", "<row r=")
# keep the scan fast; a cell or row written another way is simply parsed. Rows without
# r="" are numbered by counting, so only rows that carry their number are dropped.
_EMPTY_CELLS = re.compile(rb"<c [^<>]*/>")
_EMPTY_ROWS = re.compile(rb'<row r="\d+"[^<>]*(?:/>|></row>)')
_MAX_CARRY = 1 << 20


class XmlRefused(Exception):
    """The XML is malformed or uses a construct refused for safety (DTD, entities)."""


def _refuse(*_args: Any) -> Any:
    raise XmlRefused("DTD atau deklarasi entitas tidak diizinkan")


def new_parser() -> Any:
    """An expat parser with namespaces split by a space and every DTD feature refused."""
    p = expat.ParserCreate(namespace_separator=" ")
    p.buffer_text = True
    p.buffer_size = 1 << 16
    p.ordered_attributes = False
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    p.StartDoctypeDeclHandler = _refuse
    p.EntityDeclHandler = _refuse
    p.UnparsedEntityDeclHandler = _refuse
    p.ExternalEntityRefHandler = _refuse
    return p


class Budget:
    """Inflated bytes left for this workbook."""

    __slots__ = ("left",)

    def __init__(self, total: int = MAX_TOTAL_BYTES) -> None:
        self.left = total


def check_sizes(zf: zipfile.ZipFile, path: str) -> None:
    """Refuse a zip bomb from its directory, before inflating anything.

    The sizes a zip declares bound what zipfile will inflate (it stops at the
    declared size and then fails the CRC check), so checking them is enough.
    """
    for info in zf.infolist():
        size, packed = info.file_size, max(info.compress_size, 1)
        if size > MAX_PART_BYTES:
            raise LkjError(
                "file.part_too_big", path=path, part=info.filename, size=_mb(size), limit=_mb(MAX_PART_BYTES)
            )
        if size > RATIO_FROM and size / packed > MAX_RATIO:
            raise LkjError("file.zip_bomb", path=path, part=info.filename, size=_mb(size), ratio=round(size / packed))


def parse_member(
    zf: zipfile.ZipFile,
    name: str,
    parser: Any,
    budget: Budget,
    path: str,
    strip_empty_cells: bool = False,
    stop: Callable[[], bool] | None = None,
) -> None:
    """Feed member `name` to `parser` in chunks; LkjError when too large or malformed."""
    limit = min(MAX_PART_BYTES, budget.left)
    if not strip_empty_cells and stop is None and _parse_small(zf, name, parser, budget, limit, path):
        return
    seen = 0
    carry = b""
    strip = strip_empty_cells
    try:
        with zf.open(name) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                seen += len(chunk)
                if seen > limit:
                    raise LkjError("file.part_too_big", path=path, part=name, size=_mb(seen), limit=_mb(limit))
                if strip:
                    buf = carry + chunk
                    if b"<![CDATA[" in buf:
                        strip = False  # CDATA text may hold "<c .../>" literally: feed it as it is
                        parser.Parse(buf, False)
                        carry = b""
                    else:
                        cut = buf.rfind(b"<")
                        if cut < 0 or b">" in buf[cut:] or len(buf) - cut > _MAX_CARRY:
                            cut = len(buf)
                        parser.Parse(_EMPTY_ROWS.sub(b"", _EMPTY_CELLS.sub(b"", buf[:cut])), False)
                        carry = buf[cut:]
                else:
                    parser.Parse(chunk, False)
                if stop is not None and stop():
                    return
            parser.Parse(carry, True)
    except expat.ExpatError as exc:
        raise XmlRefused(f"{name}: {expat.errors.messages.get(exc.code, str(exc)) if exc.code else exc}") from exc
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as err:
        raise corrupt(name, path, err) from err
    finally:
        budget.left -= seen


def _parse_small(zf: zipfile.ZipFile, name: str, parser: Any, budget: Budget, limit: int, path: str) -> bool:
    """`parse_member` of a small plain member in one piece (`_inflate`); False to stream it instead."""
    info = zf.NameToInfo.get(name)
    if info is None or info.file_size > min(_CHUNK, limit):
        return False
    try:
        data = _inflate(zf, info)
    except Exception:  # noqa: BLE001 - streamed instead, which reports it
        return False
    if data is None:
        return False
    budget.left -= len(data)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise XmlRefused(f"{name}: {expat.errors.messages.get(exc.code, str(exc)) if exc.code else exc}") from exc
    except ValueError as err:
        raise corrupt(name, path, err) from err
    return True


def read_small(zf: zipfile.ZipFile, name: str, budget: Budget, cap: int) -> bytes | None:
    """The whole member when its declared size is at most `cap` and within the budget; None otherwise,
    or when it cannot be read (`parse_member` then streams it and reports the fault as usual)."""
    info = zf.NameToInfo.get(name)
    if info is None or info.file_size > min(cap, MAX_PART_BYTES, budget.left):
        return None
    try:
        data = _inflate(zf, info)
        if data is None:
            with zf.open(info) as fh:
                data = fh.read(info.file_size + 1)
    except Exception:  # noqa: BLE001 - re-read by parse_member, which reports it
        return None
    if len(data) > info.file_size:
        return None
    budget.left -= len(data)
    return data


_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, ..., name length, extra length


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """A plain member (stored or deflated, not encrypted) read straight from the archive: without the
    reader objects zipfile builds per member, which cost more than inflating a small part. Its local
    header must name it, and it must inflate to exactly its declared size with its CRC; anything else
    gives None, and zipfile reads the member (and reports what is wrong with it)."""
    fp = zf.fp
    if fp is None or info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return None
    fp.seek(info.header_offset)
    head = fp.read(_LOCAL_HEADER.size)
    if len(head) != _LOCAL_HEADER.size:
        return None
    sig, n_name, n_extra = _LOCAL_HEADER.unpack(head)
    name = info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")
    if sig != b"PK\x03\x04" or fp.read(n_name) != name:
        return None
    fp.seek(n_extra, 1)
    packed = fp.read(info.compress_size)
    if info.compress_type == zipfile.ZIP_STORED:
        data = packed
    else:
        inflater = zlib.decompressobj(-15)
        data = inflater.decompress(packed, info.file_size + 1)
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        return None
    return data


def feed(parser: Any, data: bytes, final: bool, name: str, path: str, strip: bool = True) -> None:
    """`parser.Parse(data, final)` with `parse_member`'s errors; styled empty cells dropped as it drops them
    (`strip` False: the caller knows the data holds no "<c " and no "<row ", where both patterns start)."""
    try:
        parser.Parse(_EMPTY_ROWS.sub(b"", _EMPTY_CELLS.sub(b"", data)) if strip else data, final)
    except expat.ExpatError as exc:
        raise XmlRefused(f"{name}: {expat.errors.messages.get(exc.code, str(exc)) if exc.code else exc}") from exc
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as err:
        raise corrupt(name, path, err) from err


def corrupt(name: str, path: str, exc: Exception) -> LkjError:
    return LkjError("file.corrupt", path=path, detail=f"{name}: {type(exc).__name__}: {exc}"[:200])


def _mb(n: int) -> str:
    return f"{n / (1 << 20):,.0f} MB".replace(",", ".")


class LocalNames(dict[str, str]):
    """Expat "namespace local" names -> local part, computed once per name."""

    def __missing__(self, name: str) -> str:
        i = name.rfind(" ")
        out = self[name] = name if i < 0 else name[i + 1 :]
        return out


LOCAL_NAMES = LocalNames()


def local(name: str) -> str:
    """The local part of an expat "namespace local" name."""
    return LOCAL_NAMES[name]
