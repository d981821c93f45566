"""Fast loading: read an .xlsx straight from its zip into `Grid`s.

The grids are the same as `grid.from_openpyxl` builds from
`openpyxl.load_workbook(path, data_only=True)` — same values (int/float as
openpyxl casts them, dates converted for date-formatted cells, shared and
inline strings, booleans, error codes as text), same number format per
non-empty cell, same rectangle (every `<c>` element and every merged range
counts towards the sheet's size, trailing empty rows dropped) and the same
merged ranges — only about 30 times faster.

How: one regular-expression pass over each sheet's XML (rows, cells, `s=`
style index, `t=` type, `<v>` / inline `<is><t>` text, `<mergeCell ref=...>`),
a regex pass over sharedStrings.xml and xl/styles.xml (numFmts + cellXfs),
and workbook.xml + its rels for the sheet names and order. Measured on the
sample (26 sheets): python-calamine needs ~2.2 ms for values alone and has no
number formats, so the styles would need this sheet-XML pass anyway; the pass
itself costs about as much as calamine and gives everything at once.

Anything this parser does not expect (namespace prefixes such as `<x:c>`,
CDATA, a non-UTF-8 part, strict OOXML) raises `_Unsupported`, and the caller
falls back to the openpyxl loader for that workbook, so odd files are read
correctly, only slower.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any

from .grid import Grid


class _Unsupported(Exception):
    """The file uses XML this parser does not handle; use openpyxl."""


_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# --- small XML helpers ------------------------------------------------------------

_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _entity(m: re.Match) -> str:
    e = m.group(1)
    if e[0] == "#":
        return chr(int(e[2:], 16) if e[1] in "xX" else int(e[1:]))
    return _NAMED[e]


def _text(s: str) -> str:
    """XML character data as a parser returns it (line ends normalised, entities resolved)."""
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in s:
        s = _ENTITY.sub(_entity, s)
    return s


_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attrs(s: str) -> dict[str, str]:
    return {k: a or b for k, a, b in _ATTR.findall(s)}


def _decode(data: bytes) -> str:
    head = data[:100]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        raise _Unsupported("utf-16 part")
    m = re.match(rb"""\s*<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']""", head)
    if m and m.group(1).lower().replace(b"-", b"").replace(b"_", b"") not in (b"utf8",):
        raise _Unsupported(f"encoding {m.group(1)!r}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8")
    if "<![CDATA[" in text:
        raise _Unsupported("CDATA")
    return text


# --- package structure ------------------------------------------------------------

_REL = re.compile(r"<Relationship\b([^>]*?)/?>")
_SHEET = re.compile(r"<sheet\b([^>]*?)/?>")


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id -> (type suffix, absolute part name) for the rels of `part`."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    try:
        data = zf.read(rels_name)
    except KeyError:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for m in _REL.finditer(_decode(data)):
        a = _attrs(m.group(1))
        target = _text(a.get("Target", ""))
        if a.get("TargetMode") == "External" or not target:
            continue
        if target.startswith("/"):
            full = target.lstrip("/")
        else:
            full = posixpath.normpath(posixpath.join(folder, target))
        out[a.get("Id", "")] = (a.get("Type", "").rsplit("/", 1)[-1], full)
    return out


def _workbook_part(zf: zipfile.ZipFile) -> str:
    for _id, (kind, full) in _rels(zf, "").items():
        if kind == "officeDocument":
            return full
    return "xl/workbook.xml"


# --- styles -----------------------------------------------------------------------

_NUMFMT = re.compile(r"<numFmt\b([^>]*?)/?>")
_CELLXFS = re.compile(r"<cellXfs\b[^>]*?(?:/>|>(.*?)</cellXfs>)", re.S)
_XF = re.compile(r"<xf\b([^>]*?)/?>")
_NUMFMTID = re.compile(r"""\bnumFmtId\s*=\s*["'](\d+)["']""")


class _Styles:
    """Per cellXfs index: number format code, and whether values are dates / timedeltas."""

    __slots__ = ("formats", "dates", "timedeltas")

    def __init__(self, xml: str | None) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        self.formats: list[str] = []
        self.dates: set[int] = set()
        self.timedeltas: set[int] = set()
        if xml is None:
            return
        if re.search(r"<\w+:(?:styleSheet|cellXfs)\b", xml):
            raise _Unsupported("prefixed styles")
        custom: dict[int, str] = {}
        for m in _NUMFMT.finditer(xml):
            a = _attrs(m.group(1))
            if "numFmtId" in a and "formatCode" in a:
                custom[int(a["numFmtId"])] = _text(a["formatCode"])
        m = _CELLXFS.search(xml)
        body = (m.group(1) or "") if m else ""
        for i, xm in enumerate(_XF.finditer(body)):
            idm = _NUMFMTID.search(xm.group(1))
            fid = int(idm.group(1)) if idm else 0
            if fid in custom:
                fmt = custom[fid]
                test: str | None = fmt
            else:
                test = BUILTIN_FORMATS.get(fid)
                fmt = test if test is not None else "General"
            self.formats.append(fmt)
            if test is not None and is_date_format(test):
                self.dates.add(i)
            if test is not None and is_timedelta_format(test):
                self.timedeltas.add(i)

    def fmt(self, s: int) -> str:
        f = self.formats
        return f[s] if 0 <= s < len(f) else "General"


# --- shared strings ---------------------------------------------------------------

_SI = re.compile(r"<si\b[^>]*?(?:/>|>(.*?)</si>)", re.S)
_RPH = re.compile(r"<rPh\b.*?</rPh>|<rPh\b[^>]*/>", re.S)
_T = re.compile(r"<t\b[^>]*?(?:/>|>(.*?)</t>)", re.S)


def _rich_text(body: str) -> str:
    """Text of an <si> / <is> body: the plain <t> and the runs' <t>, phonetic runs left out."""
    if "<rPh" in body:
        body = _RPH.sub("", body)
    parts = _T.findall(body)
    if len(parts) == 1:
        return _text(parts[0])
    return _text("".join(parts))


def _shared_strings(xml: str | None) -> list[str]:
    if xml is None:
        return []
    if re.search(r"<\w+:si\b", xml):
        raise _Unsupported("prefixed shared strings")
    return [_rich_text(m.group(1) or "").replace("x005F_", "") for m in _SI.finditer(xml)]


# --- sheets -----------------------------------------------------------------------

# One pass over <sheetData>: a row's start tag, a cell in the usual attribute
# layout r="A1" [s="3"] [t="s"] (as Excel, openpyxl and xlsxwriter write
# them), or any other cell, whose attributes go through _attrs.
_ROW_OR_CELL = re.compile(
    r"<(?:(row)\b([^>]*)>"
    r'|c r="([A-Z]{1,3})([0-9]+)"(?: s="([0-9]+)")?(?: t="(\w+)")?\s*(?:/>|>(.*?)</c>)'
    r"|c\b([^>]*?)(?:/>|>(.*?)</c>))",
    re.S,
)
_ROW_R = re.compile(r"""\br\s*=\s*["']([0-9]+)["']""")
_V = re.compile(r"<v\b[^>]*?(?:/>|>(.*?)</v>)", re.S)
_IS = re.compile(r"<is\b[^>]*?(?:/>|>(.*?)</is>)", re.S)
_MERGE = re.compile(r"<mergeCell\b([^>]*?)/?>")
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]+)")
_COLS: dict[str, int] = {}


def _col(letters: str) -> int:
    n = _COLS.get(letters)
    if n is None:
        n = 0
        for ch in letters.upper():
            n = n * 26 + ord(ch) - 64
        _COLS[letters] = n
    return n


def _cast_number(v: str) -> int | float:
    if "." in v or "E" in v or "e" in v:
        return float(v)
    return int(v)


def _sheet_grid(title: str, xml: str, strings: list[str], styles: _Styles, epoch: Any) -> Grid:
    if re.search(r"<\w+:(?:worksheet|sheetData|row|c)\b", xml):
        raise _Unsupported("prefixed sheet XML")
    start = xml.find("<sheetData")
    end = xml.find("</sheetData>", start)
    data = xml[start:end] if start >= 0 and end >= 0 else ""
    cells: list[tuple[int, int, Any, int]] = []
    append = cells.append
    row = col = max_r = max_c = 0
    dates = styles.dates
    cols = _COLS
    for is_row, rattrs, letters, digits, s_txt, t, body, gattrs, gbody in _ROW_OR_CELL.findall(data):
        if is_row:
            rm = _ROW_R.search(rattrs)
            row = int(rm.group(1)) if rm else row + 1
            col = 0
            continue
        if letters:
            r = int(digits)
            c = cols.get(letters) or _col(letters)
            s = int(s_txt) if s_txt else 0
            if not t:
                t = "n"
        else:
            body = gbody
            a = _attrs(gattrs)
            t = a.get("t", "n")
            s = int(a["s"]) if a.get("s") else 0
            coord = a.get("r")
            if coord:
                rm2 = _REF.fullmatch(coord)
                if rm2 is None:
                    raise _Unsupported(f"cell reference {coord!r}")
                r, c = int(rm2.group(2)), _col(rm2.group(1))
            else:
                r, c = row, col + 1
        col = c
        value: Any = None
        if body:
            if t == "inlineStr":
                if body.startswith("<is><t>") and body.endswith("</t></is>") and body.count("<") == 4:
                    value = _text(body[7:-9])
                    im = None
                else:
                    im = _IS.search(body)
                if im is not None:
                    value = _rich_text(im.group(1) or "")
            else:
                if body.startswith("<v>") and body.endswith("</v>") and body.count("<") == 2:
                    raw: str | None = body[3:-4]
                else:
                    vm = _V.search(body)
                    raw = vm.group(1) if vm is not None else None
                if raw:
                    if t == "n":
                        value = int(raw) if raw.isdigit() else _cast_number(raw)
                        if s in dates:
                            value = _to_date(value, epoch, s in styles.timedeltas)
                    elif t == "s":
                        value = strings[int(raw)]
                    elif t == "b":
                        value = bool(int(raw))
                    elif t == "d":
                        from openpyxl.utils.datetime import from_ISO8601

                        value = from_ISO8601(_text(raw))
                    else:  # str (formula result), e (error code)
                        value = _text(raw)
        append((r, c, value, s))
        if r > max_r:
            max_r = r
        if c > max_c:
            max_c = c

    merges: list[tuple[int, int, int, int]] = []
    mstart = xml.find("<mergeCells", end if end >= 0 else 0)
    if mstart >= 0:
        for mm in _MERGE.finditer(xml, mstart):
            a = _attrs(mm.group(1))
            rng = a.get("ref", "")
            ends = [_REF.fullmatch(x) for x in rng.split(":")]
            if not ends or any(e is None for e in ends) or len(ends) > 2:
                raise _Unsupported(f"merge {rng!r}")
            r1, c1 = int(ends[0].group(2)), _col(ends[0].group(1))
            r2, c2 = (int(ends[-1].group(2)), _col(ends[-1].group(1)))
            r1, r2 = min(r1, r2), max(r1, r2)
            c1, c2 = min(c1, c2), max(c1, c2)
            merges.append((r1 - 1, c1 - 1, r2 - 1, c2 - 1))
            if cells and (r1, c1) != (r2, c2):
                # openpyxl puts a MergedCell in every covered cell: the
                # sheet's size grows to the range's far corner.
                max_r = max(max_r, r2)
                max_c = max(max_c, c2)

    if not cells:  # openpyxl yields no rows for a sheet without cells
        return Grid(title, [], [], merges)
    values: list[list[Any]] = [[None] * max_c for _ in range(max_r)]
    formats: list[list[str | None]] = [[None] * max_c for _ in range(max_r)]
    fmts = styles.formats
    n_fmts = len(fmts)
    for r, c, v, s in cells:
        if v is not None:
            values[r - 1][c - 1] = v
            formats[r - 1][c - 1] = fmts[s] if s < n_fmts else "General"
        elif values[r - 1][c - 1] is not None:  # a later empty duplicate of the cell wins
            values[r - 1][c - 1] = formats[r - 1][c - 1] = None
    while values and all(v is None for v in values[-1]):
        values.pop()
        formats.pop()
    return Grid(title, values, formats, merges)


def _to_date(value: float, epoch: Any, timedelta: bool) -> Any:
    from openpyxl.utils.datetime import from_excel

    try:
        return from_excel(value, epoch, timedelta=timedelta)
    except (OverflowError, ValueError):
        return "#VALUE!"


_ROOT = re.compile(r"<([A-Za-z_][\w:.-]*)")


def _read(zf: zipfile.ZipFile, name: str) -> str | None:
    try:
        text = _decode(zf.read(name))
    except KeyError:
        return None
    root = _ROOT.search(text)
    tail = text[-300:].rstrip()
    if root is None or not (tail.endswith(f"</{root.group(1)}>") or tail.endswith("/>") and text.count("<") <= 3):
        # A truncated part: let openpyxl's XML parser report it.
        raise _Unsupported(f"{name} does not end with its root's closing tag")
    return text


def grids_from_zip(zf: zipfile.ZipFile) -> list[Grid]:
    """Every worksheet of an open .xlsx zip, in workbook order, as a Grid."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    wb_part = _workbook_part(zf)
    wb_xml = _read(zf, wb_part)
    if wb_xml is None:
        raise _Unsupported("no workbook part")
    if re.search(r"<\w+:(?:workbook|sheets?)\b", wb_xml) or "purl.oclc.org/ooxml" in wb_xml:
        raise _Unsupported("prefixed or strict workbook")
    rels = _rels(zf, wb_part)
    epoch = CALENDAR_WINDOWS_1900
    pr = re.search(r"<workbookPr\b([^>]*?)/?>", wb_xml)
    if pr and _attrs(pr.group(1)).get("date1904", "").lower() in ("1", "true"):
        epoch = CALENDAR_MAC_1904
    strings_part = styles_part = None
    for kind, full in rels.values():
        if kind == "sharedStrings":
            strings_part = full
        elif kind == "styles":
            styles_part = full
    strings = _shared_strings(_read(zf, strings_part) if strings_part else None)
    styles = _Styles(_read(zf, styles_part) if styles_part else None)
    grids: list[Grid] = []
    for m in _SHEET.finditer(wb_xml):
        a = _attrs(m.group(1))
        rid = a.get("r:id") or next((v for k, v in a.items() if k.endswith(":id")), None)
        if rid not in rels:
            continue
        kind, part = rels[rid]
        if kind != "worksheet":
            continue  # chartsheets, dialog sheets: openpyxl's worksheets leave them out too
        xml = _read(zf, part)
        if xml is None:
            raise _Unsupported(f"missing part {part}")
        grids.append(_sheet_grid(_text(a.get("name", "")), xml, strings, styles, epoch))
        grids[-1].hidden = a.get("state", "visible") != "visible"
    return grids


def load_fast(path: str | Path) -> list[Grid]:
    """Grids of every worksheet; LkjError for unreadable files, like open_workbook.

    Falls back to openpyxl when the file uses XML this parser does not handle.
    """
    from ..errors import LkjError
    from .open import check_workbook_file

    p = check_workbook_file(path)
    try:
        with zipfile.ZipFile(p) as zf:
            return grids_from_zip(zf)
    except _Unsupported:
        from .load import load_grids

        return load_grids(path, backend="openpyxl")
    except LkjError:
        raise
    except Exception as exc:  # broken XML, bad indexes, truncated members
        from .load import load_grids

        # Let openpyxl decide: it may read what this parser rejects, and if it
        # cannot either, open_workbook raises the usual file.corrupt error.
        try:
            return load_grids(path, backend="openpyxl")
        except LkjError:
            raise
        except Exception:  # pragma: no cover - openpyxl errors become LkjError there
            raise LkjError("file.corrupt", path=str(path), detail=f"{type(exc).__name__}: {exc}"[:200]) from exc
