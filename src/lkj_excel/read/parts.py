"""The package parts around the sheets: relationships, workbook, styles, shared strings.

Each is parsed with `xmlsafe` (expat, no DTD, bounded size); element names are
matched by their local part, so prefixed (`<x:sheet>`) and strict-OOXML parts
read the same as the usual ones.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from ..errors import LkjError
from .xmlsafe import Budget, XmlRefused, feed, local, new_parser, parse_member, read_small

_BAD_NAME = re.compile(r"[\[\]:*?/\\]")


def rels(zf: zipfile.ZipFile, part: str, budget: Budget, path: str) -> dict[str, tuple[str, str]]:
    """Id -> (type suffix, absolute part name) for the relationships of `part`."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if rels_name not in zf.NameToInfo:
        return {}
    out: dict[str, tuple[str, str]] = {}

    def start(tag: str, a: dict[str, str]) -> None:
        if local(tag) != "Relationship":
            return
        target = a.get("Target", "")
        if a.get("TargetMode") == "External" or not target:
            return
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[a.get("Id", "")] = (a.get("Type", "").rsplit("/", 1)[-1], full)

    p = new_parser()
    p.StartElementHandler = start
    parse_member(zf, rels_name, p, budget, path)
    return out


@dataclass
class WorkbookInfo:
    sheets: list[tuple[str, str]] = field(default_factory=list)  # (name, relationship id)
    date1904: bool = False
    full_calc_on_load: bool = False
    hidden: set[str] = field(default_factory=set)  # names of hidden and very hidden sheets


def workbook(zf: zipfile.ZipFile, part: str, budget: Budget, path: str) -> WorkbookInfo:
    info = WorkbookInfo()

    def start(tag: str, a: dict[str, str]) -> None:
        name = local(tag)
        if name == "sheet":
            rid = next((v for k, v in a.items() if k.endswith(" id") or k == "r:id"), "")
            info.sheets.append((a.get("name", ""), rid))
            if a.get("state", "visible") != "visible":
                info.hidden.add(a.get("name", ""))
        elif name == "workbookPr":
            info.date1904 = a.get("date1904", "").lower() in ("1", "true")
        elif name == "calcPr":
            info.full_calc_on_load = a.get("fullCalcOnLoad", "").lower() in ("1", "true")

    p = new_parser()
    p.StartElementHandler = start
    parse_member(zf, part, p, budget, path)
    _check_sheet_names([n for n, _ in info.sheets], path)
    return info


def _check_sheet_names(names: list[str], path: str) -> None:
    """Excel refuses these names; a file holding them was not written by Excel and is refused."""
    seen: set[str] = set()
    for n in names:
        if _BAD_NAME.search(n) or not n.strip():
            raise LkjError("file.corrupt", path=path, detail=f"nama lembar tidak sah: {n!r}")
        if n.lower() in seen:
            raise LkjError("file.corrupt", path=path, detail=f"nama lembar ganda: {n!r}")
        seen.add(n.lower())


class Styles:
    """Per cellXfs index: number format code, and whether values are dates / timedeltas."""

    __slots__ = ("formats", "dates", "timedeltas")

    def __init__(self, formats: list[str]) -> None:
        from openpyxl.styles.numbers import is_date_format, is_timedelta_format

        self.formats = formats
        self.dates = {i for i, f in enumerate(formats) if f != "General" and is_date_format(f)}
        self.timedeltas = {i for i, f in enumerate(formats) if f != "General" and is_timedelta_format(f)}

    def fmt(self, s: int) -> str:
        f = self.formats
        return f[s] if 0 <= s < len(f) else "General"


def styles(zf: zipfile.ZipFile, part: str | None, budget: Budget, path: str) -> Styles:
    """The cell formats (cellXfs); numFmts of differential formats (<dxf>) are left out, as openpyxl does."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    if part is None or part not in zf.NameToInfo:
        return Styles([])
    custom: dict[int, str] = {}
    xf_ids: list[int] = []
    stack: list[str] = []

    def start(tag: str, a: dict[str, str]) -> None:
        name = local(tag)
        parent = stack[-1] if stack else ""
        stack.append(name)
        if name == "numFmt" and parent == "numFmts" and len(stack) == 3:
            try:
                custom[int(a["numFmtId"])] = a["formatCode"]
            except (KeyError, ValueError):
                pass
        elif name == "xf" and parent == "cellXfs":
            try:
                xf_ids.append(int(a.get("numFmtId", "0")))
            except ValueError:
                xf_ids.append(0)

    def end(_tag: str) -> None:
        stack.pop()

    p = new_parser()
    data = read_small(zf, part, budget, _STYLES_WHOLE)
    pieces = style_pieces(data) if data is not None else None
    if pieces is None:
        if data is not None:
            budget.left += len(data)  # parse_member reads it again and counts it
        p.StartElementHandler = start
        p.EndElementHandler = end
        parse_member(zf, part, p, budget, path)
    else:
        # expat checks the whole part; the handlers run only where <numFmts> and <cellXfs> stand
        for piece, handled, final in pieces:
            p.StartElementHandler = start if handled else None
            p.EndElementHandler = end if handled else None
            feed(p, piece, final, part, path, strip=False)
    formats = [custom.get(i) or BUILTIN_FORMATS.get(i) or "General" for i in xf_ids]
    return Styles(formats)


_STYLES_WHOLE = 1 << 20  # a larger styles part is streamed, its handlers on every element
# Where an element the styles handlers read stands: <numFmts> and <cellXfs>, their ends, unprefixed.
_STYLE_REGION = re.compile(rb"<(/?)(numFmts|cellXfs)[\s/>]")


def style_pieces(data: bytes) -> list[tuple[bytes, bool, bool]] | None:
    """The styles part cut into (piece, handled, final) for expat: handled only from its start to the end of
    <numFmts> and from <cellXfs> to its end, the rest (fonts, fills, borders: most elements) fed without
    handlers. The handlers then see every element they act on, with the same stack: the first piece starts
    the document, and an xf's parent is read inside <cellXfs>, whose element is balanced. None (handlers on
    every element) for a part where a byte search could miss or misplace them: comments, CDATA, processing
    instructions or a DTD (whose text may hold "<cellXfs"), a prefixed numFmts or cellXfs, other than one
    <cellXfs>...</cellXfs> after at most one <numFmts>...</numFmts>."""
    first = data.find(b"<?")
    if b"<!" in data or (first >= 0 and (first > 3 or data.find(b"<?", first + 2) >= 0)):
        return None
    if b":numFmts" in data or b":cellXfs" in data:
        return None
    found = [(m.group(2), bool(m.group(1)), m.start()) for m in _STYLE_REGION.finditer(data)]
    names = [(name, closing) for name, closing, _at in found]
    if names == [(b"cellXfs", False), (b"cellXfs", True)]:
        end_fmts = 0
        xfs_at, xfs_end = found[0][2], found[1][2]
    elif names == [(b"numFmts", False), (b"numFmts", True), (b"cellXfs", False), (b"cellXfs", True)]:
        end_fmts = data.index(b">", found[1][2]) + 1
        xfs_at, xfs_end = found[2][2], found[3][2]
    else:
        return None
    xfs_end = data.index(b">", xfs_end) + 1
    return [
        (data[:end_fmts], True, False),
        (data[end_fmts:xfs_at], False, False),
        (data[xfs_at:xfs_end], True, False),
        (data[xfs_end:], False, True),
    ]


def shared_strings(zf: zipfile.ZipFile, part: str | None, budget: Budget, path: str) -> list[str]:
    """Every <si> as openpyxl reads it: plain and run text, phonetic runs (<rPh>) left out."""
    if part is None or part not in zf.NameToInfo:
        return []
    out: list[str] = []
    parts: list[str] = []
    state = {"t": 0, "rph": 0}

    def start(tag: str, _a: dict[str, str]) -> None:
        name = local(tag)
        if name == "si":
            parts.clear()
        elif name == "t":
            state["t"] += 1
        elif name == "rPh":
            state["rph"] += 1

    def end(tag: str) -> None:
        name = local(tag)
        if name == "si":
            out.append("".join(parts).replace("x005F_", ""))
        elif name == "t":
            state["t"] -= 1
        elif name == "rPh":
            state["rph"] -= 1

    def chars(data: str) -> None:
        if state["t"] and not state["rph"]:
            parts.append(data)

    p = new_parser()
    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = chars
    parse_member(zf, part, p, budget, path)
    return out


def read_refused(exc: XmlRefused, path: str) -> LkjError:
    return LkjError("file.corrupt", path=path, detail=str(exc)[:200])
