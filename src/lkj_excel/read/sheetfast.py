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
from operator import itemgetter

MAX_FAST_BYTES = 4 << 20  # larger parts are streamed in bounded memory

_ATTRS = r'(?: [A-Za-z][\w.:-]*="[^"<&\t\n]*")*'
_TOKEN = re.compile(
    # One token per cell. Group 0: what stands before the cell: row tags, row ends and whitespace
    # (checked all at once afterwards, `_EVENTS`), or one character no token starts with (always
    # refused). 1 address, 2 style, 3 type (only those `sheetxml` reads), 4 "i" for an inline string,
    # 5 its text, 6 the whole <f> element, 7 value, 8 "/" for a self-closing (empty) cell. Inline
    # strings first: that branch fails at its second character on other cells. Optional parts are
    # spelled "(?:...|)", not "(?:...)?": the same matches, without the repeat machinery (~10 %).
    # Markers capture one character: Python shares one-character strings, so they cost no allocation.
    r"((?:</row>|<row[^<>]*>|[ \t\n])*+|.)"
    r'(?:<c r="([A-Z]{1,3}[0-9]{1,7})"(?: s="([0-9]{1,9})"|)(?: t="([nsbed]|inlineStr|str)"|)'
    r'(?:>(?:<(i)s><t(?: xml:space="preserve"|)>([^<]*)</t></is>'
    rf"|(<f{_ATTRS}(?: ?/>|>[^<]*</f>)|)(?:<v>([^<]*)</v>|))</c>| ?(/)>)|)",
    re.S,
)
# What may stand between the cells, the tokens' group 0 joined by "\0" (no token's group 0 holds one:
# `split` refuses the character): whitespace and plainly written rows, neither nested nor left open.
# A group 0 made by "." is one character that is no whitespace: it never matches, whatever stands around.
_PLAIN_ROW_TAG = r'<row(?: r="[0-9]{1,7}"|)(?: spans="[0-9:]*"|) ?'
_EVENTS = re.compile(rf"(?:[ \t\n\0]|{_PLAIN_ROW_TAG}/>|{_PLAIN_ROW_TAG}>[ \t\n\0]*+</row>)*+")
# The same, tag by tag, for rows with other attributes (Excel writes ht, customHeight, x14ac:...). No
# tag spans a "\0", so none is made of pieces of two tokens' groups 0.
_ROW_EVENT = re.compile(r'(<)row((?: [A-Za-z][\w.:-]*="[^"<&\t\n\0]*")*) ?(/?)>|(</row>)|[ \t\n\0]+|(.)', re.S)
_FIRST, _FORMULA = itemgetter(0), itemgetter(6)
_F = re.compile(rf"<f({_ATTRS})(?: ?/>|>([^<]*)</f>)")
# Characters XML forbids (expat refuses them), and carriage returns (expat turns "\r\n" into "\n").
_CONTROL = bytes(range(9)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20)) + b"\r"
_BAD_ENTITY = re.compile(rb"&(?!(?:lt|gt|amp|quot|apos);)")
_DECLARED_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_OPEN, _CLOSE = b"<sheetData>", b"</sheetData>"
_ATTR = re.compile(r' ([^=]+)="([^"]*)"')
_PLAIN_ROW = re.compile(r'(?: r="[0-9]{1,7}")?(?: spans="[0-9:]*")?')  # nothing to check

# A token as `_TOKEN.findall` gives it (groups 0-8 above); a cell when group 1 holds an address.
Token = tuple[str, ...]
# What `sheetxml._store` takes for a formula cell: address, type, style, <v> text, <f> text, the <f>
# attributes `sheetxml._formula` reads, inline texts.
FormulaCell = tuple[str, str, int, str | None, str, dict[str, str], list[str]]


def split(data: bytes) -> tuple[bytes, list[Token], bytes] | None:
    """(part up to <sheetData>, its tokens, part from </sheetData>), or None to parse it all with expat."""
    i, j = data.find(_OPEN), data.rfind(_CLOSE)
    if i < 0 or j < i:
        return None
    head, raw, tail = data[: i + len(_OPEN)], data[i + len(_OPEN) : j], data[j:]
    m = _DECLARED_ENCODING.match(head)
    if (m and m.group(1).lower() not in (b"utf-8", b"utf8")) or b"<![CDATA[" in data:
        return None
    # Control characters refused here keep "\0" free for `_EVENTS`. One memchr per character (a test of
    # a byte value): cheaper than copying the text without them and comparing lengths.
    if any(map(raw.__contains__, _CONTROL)) or b"]]>" in raw:  # "]]>": not allowed in text
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
    """The tokens, when they cover `inner` as cells, rows and whitespace, rows neither nested nor left
    open, and every formula's attributes are such that expat would accept them."""
    tokens = _TOKEN.findall(inner)
    between = "\0".join(map(_FIRST, tokens))
    checked: set[str] = set()
    if _EVENTS.fullmatch(between) is None and not _rows_ok(between, root, checked):
        return None
    if any(map(_FORMULA, tokens)):
        for tok in tokens:
            f = tok[6] and _F.fullmatch(tok[6])
            if f and not _attrs_ok(f[1], root, checked):
                return None
    return tokens


def _rows_ok(between: str, root: bytes, checked: set[str]) -> bool:
    """What stands between the cells, tag by tag: whitespace and rows neither nested nor left open,
    whose attributes expat accepts."""
    open_row = False
    for row, attrs, closing, end, other in _ROW_EVENT.findall(between):
        if row:
            if open_row or not (_PLAIN_ROW.fullmatch(attrs) or _attrs_ok(attrs, root, checked)):
                return False
            open_row = not closing
        elif end:
            if not open_row:
                return False
            open_row = False
        elif other:
            return False
    return not open_row


def formula_cell(tok: Token) -> FormulaCell:
    """A cell token holding <f>, as the expat handlers would give it to `sheetxml._store`."""
    f = _F.fullmatch(tok[6])
    attrs, text = (f[1], f[2] or "") if f else ("", "")  # `_cells` matched every <f> with `_F`
    return (
        tok[1],
        tok[3] or "n",
        int(tok[2]) if tok[2] else 0,
        unescape(tok[7]) if tok[7] else None,  # `_store` reads no <v> and an empty one alike
        unescape(text),  # <f/> and <f></f> alike give ""
        {n: v for n, v in _ATTR.findall(attrs)},
        [unescape(tok[5])] if tok[4] else [],
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
# Possessive: a prefix holds no ":", so no shorter run of its characters can be followed by one, and a
# name followed by space, "/" or ">" has no prefix; giving nothing back is the same match, without the
# engine trying every shorter run at each "<" (~20 % of these searches).
_HANDLED = re.compile(rb"<(?:[^\s<>/:!?]++:)?+(?:c|row|v|f|t|is|rPh)[\s/>]")
_MERGE = re.compile(rb"<(?:[^\s<>/:!?]++:)?+mergeCell[\s/>]")


def needs_handlers(xml: bytes) -> str:
    """Which handlers this piece of the part around <sheetData> needs: "all" (it holds an element the
    cell handlers act on), "merges" (merged ranges only, the usual tail) or "" (none)."""
    if _HANDLED.search(xml) is not None:
        return "all"
    return "merges" if b"mergeCell" in xml and _MERGE.search(xml) is not None else ""


def unescape(s: str) -> str:
    """Text with the five predefined entities resolved (`split` lets no other through)."""
    if "&" not in s:
        return s
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
    return s.replace("&amp;", "&")
