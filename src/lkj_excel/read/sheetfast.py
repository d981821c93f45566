"""The cells of a plainly written <sheetData>, tokenised by one regular expression instead of expat.

Excel, LibreOffice, openpyxl and xlsxwriter write a sheet's cells in a few fixed
shapes (`<c r="B7" s="3" t="s"><v>12</v></c>`). Calling Python handlers for every
element costs most of a workbook's loading time; one regex pass over the cells
gives the same cells several times faster.

Only text that is certainly well-formed XML meaning the same as expat would read it
takes this path: every byte between <sheetData> and </sheetData> must be one of the
tokens below, UTF-8, without DTD-dependent entities, character references, CDATA,
comments, carriage returns or characters XML forbids. Anything else returns None and
the sheet is streamed through expat (`sheetxml`), whose safety checks are unchanged;
the rest of the part (around <sheetData>) is always parsed by expat.
"""

from __future__ import annotations

import re

MAX_FAST_BYTES = 4 << 20  # larger parts are streamed in bounded memory

_ATTRS = r'(?: [A-Za-z][\w.:-]*="[^"<&\t\n]*")*'
_TOKEN = re.compile(
    # 0 address, 1 style, 2 type, 3 <is>, 4 inline text, 5 self-closing, 6 <f>, 7 its attributes,
    # 8 formula, 9 <v>, 10 value. Inline strings first: that branch fails at its second character on
    # other cells, while the <v> branch tries <f>, <v> and </c> on an inline string before failing.
    # Optional parts are spelled "(?:...|)", not "(?:...)?": the same matches, without the repeat
    # machinery the regex engine uses for an optional group (~10 % of the pass).
    r'<c r="([A-Z]{1,3}[0-9]{1,7})"(?: s="([0-9]{1,9})"|)(?: t="([A-Za-z]{1,9})"|)'
    r'(?:>(<is>)<t(?: xml:space="preserve"|)>([^<]*)</t></is></c>'
    rf"|( ?/>)|>(?:(<f)({_ATTRS})(?: ?/>|>([^<]*)</f>)|)(?:(<v>)([^<]*)</v>|)</c>)"
    # 11 <row, 12 its attributes, 13 self-closing; 14 end of row; whitespace; 15 anything else
    rf"|(<row)({_ATTRS}) ?(/?)>|(</row>)|[ \t\n]+|(.)",
    re.S,
)
_TYPES = frozenset({"n", "s", "str", "b", "e", "inlineStr", "d"})
# Characters XML forbids (expat refuses them), and carriage returns (expat turns "\r\n" into "\n").
_CONTROL = bytes(range(9)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20)) + b"\r"
_BAD_ENTITY = re.compile(rb"&(?!(?:lt|gt|amp|quot|apos);)")
_DECLARED_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_OPEN, _CLOSE = b"<sheetData>", b"</sheetData>"
_ATTR = re.compile(r' ([^=]+)="([^"]*)"')
_PLAIN_ROW = re.compile(r'(?: r="[0-9]{1,7}")?(?: spans="[0-9:]*")?')  # nothing to check

# A cell as `_TOKEN.findall` gives it (groups 0-10 above).
Token = tuple[str, ...]
# What `sheetxml._store` takes for a formula cell: address, type, style, <v> text, <f> text, the <f>
# attributes `sheetxml._formula` reads, inline texts.
FormulaCell = tuple[str, str, int, str | None, str, dict[str, str], list[str]]


def split(data: bytes) -> tuple[bytes, list[Token], bytes] | None:
    """(part up to <sheetData>, its cells, part from </sheetData>), or None to parse it all with expat."""
    i, j = data.find(_OPEN), data.rfind(_CLOSE)
    if i < 0 or j < i:
        return None
    head, raw, tail = data[: i + len(_OPEN)], data[i + len(_OPEN) : j], data[j:]
    m = _DECLARED_ENCODING.match(head)
    if (m and m.group(1).lower() not in (b"utf-8", b"utf8")) or b"<![CDATA[" in data:
        return None
    if len(raw.translate(None, _CONTROL)) != len(raw) or b"]]>" in raw:  # "]]>": not allowed in text
        return None
    if b"&" in raw and _BAD_ENTITY.search(raw):
        return None
    try:
        inner = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # U+FFFE and U+FFFF are no XML characters. Looked for in the text: a text of Latin-1 characters (most
    # sheets) cannot hold them, which Python tells without reading it.
    if "\ufffe" in inner or "\uffff" in inner:
        return None
    k = head.find(b"<worksheet")
    root = head[k : head.find(b">", k)] if k >= 0 else b""  # the root's start tag: its namespace declarations
    found = _cells(inner, root)
    return None if found is None else (head, found, tail)


def _cells(inner: str, root: bytes) -> list[Token] | None:
    """The cells, when the tokens cover `inner` and rows are neither nested nor left open."""
    out: list[Token] = []
    open_row = False
    checked: set[str] = set()
    for tok in _TOKEN.findall(inner):
        if tok[0]:
            if tok[5]:
                continue  # a styled empty cell: dropped, as xmlsafe drops it before expat
            if (tok[2] or "n") not in _TYPES or (tok[7] and not _attrs_ok(tok[7], root, checked)):
                return None
            out.append(tok)
        elif tok[11]:
            if open_row or not (_PLAIN_ROW.fullmatch(tok[12]) or _attrs_ok(tok[12], root, checked)):
                return None
            open_row = not tok[13]
        elif tok[14]:
            if not open_row:
                return None
            open_row = False
        elif tok[15]:
            return None
    return None if open_row else out


def formula_cell(tok: Token) -> FormulaCell:
    """A cell token holding <f>, as the expat handlers would give it to `sheetxml._store`."""
    return (
        tok[0],
        tok[2] or "n",
        int(tok[1]) if tok[1] else 0,
        unescape(tok[10]) if tok[9] else None,
        unescape(tok[8]),  # <f/> and <f></f> alike give ""
        {n: v for n, v in _ATTR.findall(tok[7])},
        [unescape(tok[4])] if tok[3] else [],
    )


def _attrs_ok(attrs: str, root: bytes, checked: set[str]) -> bool:
    """No attribute twice, no namespace declaration, every prefix declared on the root (as expat requires)."""
    if attrs in checked:
        return True
    names = [n for n, _v in _ATTR.findall(attrs)]
    if len(set(names)) != len(names):
        return False
    for n in names:
        prefix = n.partition(":")[0] if ":" in n else ""
        if n.startswith("xmlns") or (prefix and prefix != "xml" and b"xmlns:" + prefix.encode() + b"=" not in root):
            return False
    checked.add(attrs)
    return True


# An element the sheet handlers act on (cells, rows, values, formulas, texts), prefixed or not; merges.
_HANDLED = re.compile(rb"<(?:[^\s<>/:!?]+:)?(?:c|row|v|f|t|is|rPh)[\s/>]")
_MERGE = re.compile(rb"<(?:[^\s<>/:!?]+:)?mergeCell[\s/>]")


def needs_handlers(xml: bytes) -> str:
    """Which handlers this piece of the part around <sheetData> needs: "all" (it holds an element the
    cell handlers act on), "merges" (merged ranges only, the usual tail) or "" (none)."""
    if _HANDLED.search(xml) is not None:
        return "all"
    return "merges" if _MERGE.search(xml) is not None else ""


def unescape(s: str) -> str:
    """Text with the five predefined entities resolved (`split` lets no other through)."""
    if "&" not in s:
        return s
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
    return s.replace("&amp;", "&")
