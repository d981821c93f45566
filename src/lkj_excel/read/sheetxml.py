"""One worksheet part, streamed through expat into sparse cells, formulas and merges.

Values are cast as openpyxl casts them with data_only=True: numbers to int or
float, shared and inline strings, booleans, error codes as text, ISO dates,
serial numbers in a date format to datetimes. Formula text is kept beside the
value so that formulas saved without a result can be evaluated (read.formula).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from . import fastrows, sheetfast
from .grid import MAX_CELLS, CellData, too_big
from .parts import Styles
from .xmlsafe import LOCAL_NAMES, Budget, corrupt, feed, new_parser, parse_member, read_small

_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_FORMULA = itemgetter(6)  # a token's <f> element
_COLS: dict[str, int] = {}


@dataclass
class SheetData:
    cells: dict[int, dict[int, CellData]] = field(default_factory=dict)  # 0-based
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # 0-based -> formula text without "="
    cached: set[tuple[int, int]] = field(default_factory=set)  # formula cells whose <v> held a value
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    # A formula-free sheet read by `sheetfast`: its cells as the grid's row lists (`cells` then stays empty
    # unless a formula elsewhere in the workbook needs them: `fastrows.SheetRows.cells`).
    rows: fastrows.SheetRows | None = None


def col_index(letters: str) -> int:
    """1-based column number of "A".."XFD"."""
    n = _COLS.get(letters)
    if n is None:
        n = 0
        for ch in letters.upper():
            n = n * 26 + ord(ch) - 64
        _COLS[letters] = n
    return n


def parse_ref(coord: str) -> tuple[int, int] | None:
    """1-based (row, col) of "B7" / "$B$7", or None."""
    m = _REF.fullmatch(coord)
    return (int(m.group(2)), col_index(m.group(1))) if m else None


def cast_number(v: str) -> int | float:
    if "." in v or "E" in v or "e" in v:
        return float(v)
    return int(v)


def _convert(raw: str, t: str, s: int, strings: list[str], styles: Styles, epoch: Any) -> Any:
    if t == "n":
        value: Any = int(raw) if raw.isdigit() else cast_number(raw.strip())
        if s in styles.dates:
            value = _to_date(value, epoch, s in styles.timedeltas)
        return value
    if t == "s":
        return strings[int(raw)]
    if t == "b":
        return bool(int(raw))
    if t == "d":
        from openpyxl.utils.datetime import from_ISO8601

        return from_ISO8601(raw)
    return raw  # str (a formula's text result), e (error code)


def _to_date(value: float, epoch: Any, timedelta: bool) -> Any:
    from openpyxl.utils.datetime import from_excel

    try:
        return from_excel(value, epoch, timedelta=timedelta)
    except (OverflowError, ValueError):
        return "#VALUE!"


def parse_sheet(
    zf: zipfile.ZipFile,
    part: str,
    title: str,
    strings: list[str],
    styles: Styles,
    epoch: Any,
    budget: Budget,
    path: str,
) -> SheetData:
    out = SheetData()
    ctx = (strings, styles, epoch, title)
    p = new_parser()
    data = read_small(zf, part, budget, sheetfast.MAX_FAST_BYTES)
    found = sheetfast.split(data) if data is not None else None
    if data is not None and found is None:
        budget.left += len(data)  # parse_member reads it again and counts it
    if found is None:
        p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = _handlers(out, ctx)
        parse_member(zf, part, p, budget, path, strip_empty_cells=True)
        return out
    head, tokens, tail = found
    # The handlers only where an element they act on stands: elsewhere they would do nothing, and leave
    # their state as it was; merged ranges alone (the usual tail) need only theirs. expat checks the whole
    # part either way.
    head_need = sheetfast.needs_handlers(head)
    tail_need = "all" if head_need == "all" else sheetfast.needs_handlers(tail)
    # No formula, and no cell stored by the handlers: the cells go straight to the grid's row lists.
    if head_need != "all" and tail_need != "all" and not any(map(_FORMULA, tokens)):
        out.rows = fastrows.SheetRows()
    full = False
    for piece, final, need in ((head, False, head_need), (tail, True, tail_need)):
        if full:
            pass  # the tail goes on with the head's handlers
        elif need == "all":  # made here, at most once
            p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = _handlers(out, ctx)
            full = True
        elif need == "merges":
            p.StartElementHandler = _merge_handler(out.merges)
        # Without an element the cell handlers act on, the piece holds no "<c " or "<row " (`needs_handlers`
        # would have found it): dropping styled empty cells would leave it as it is.
        feed(p, piece, final, part, path, strip=full)
        if final:
            break
        if out.rows is None:
            _store_fast(out, ctx, tokens, part, path)
            continue
        try:
            fastrows.store(out.rows, tokens, ctx, _REFS0, _ref0, _convert)
        except ValueError as exc:  # as parse_member reports a handler's ValueError
            raise corrupt(part, path, exc) from exc
    return out


def _merge_handler(merges: list[tuple[int, int, int, int]]) -> Any:
    """The start handler for a piece whose only handled elements are merged ranges."""
    names = LOCAL_NAMES

    def start(tag: str, a: dict[str, str]) -> None:
        if names[tag] == "mergeCell":
            _merge(a.get("ref", ""), merges)

    return start


def _store_fast(
    out: SheetData, ctx: tuple[list[str], Styles, Any, str], tokens: list[sheetfast.Token], part: str, path: str
) -> None:
    """The cells `sheetfast` tokenised, stored in document order as `_store` stores them from expat."""
    shared: dict[str, tuple[str, int, int]] = {}
    counter = [0]  # cells stored, formula cells (stored by `_store`) included
    stored = 0  # cells stored here; counter[0] holds the rest
    refs = _REFS0
    strings, styles, epoch, title = ctx
    formats, dates = styles.formats, styles.dates
    fmt_of: dict[str, str] = {}  # the s attribute's text -> its number format
    rows = out.cells
    unescape = sheetfast.unescape
    # The cells of the row the last token stood in (tokens come row by row); None: look the row up.
    row_at: int | None = None
    cells: dict[int, CellData] = {}
    try:
        for tok in tokens:
            coord = tok[1]
            if not coord or tok[8]:
                continue  # rows and whitespace only, or a self-closing empty cell (dropped, as xmlsafe drops it)
            rc = refs.get(coord)
            r, c = rc if rc is not None else _ref0(coord)
            if tok[6]:  # a formula
                _, t, s, v, f, fa, inline = sheetfast.formula_cell(tok)
                counter[0] += stored
                stored = 0
                _store(out, ctx, shared, counter, r, c, t, s, v, f, fa, inline)
                row_at = None  # `_store` may have added the row
                continue
            t = tok[3]
            value: Any = None
            if t == "inlineStr":
                if tok[4]:
                    value = tok[5] if "&" not in tok[5] else unescape(tok[5])
            elif tok[7]:
                raw = tok[7] if "&" not in tok[7] else unescape(tok[7])
                s = int(tok[2]) if tok[2] else 0
                if (not t or t == "n") and raw.isdigit() and s not in dates:  # `_convert`'s own first step
                    value = int(raw)
                else:
                    value = _convert(raw, t or "n", s, strings, styles, epoch)
            if r != row_at:
                row_at = r
                found = rows.get(r)
                if found is None:
                    found = rows[r] = {}
                cells = found
            if value is not None or c in cells:  # a later empty duplicate of a cell wins
                fmt = fmt_of.get(tok[2])
                if fmt is None:
                    s = int(tok[2]) if tok[2] else 0
                    fmt = fmt_of[tok[2]] = formats[s] if s < len(formats) else "General"
                cells[c] = (value, fmt)
                stored += 1
                if stored + counter[0] > MAX_CELLS:
                    raise too_big(title, stored + counter[0], MAX_CELLS, more=True)
    except ValueError as exc:  # as parse_member reports a handler's ValueError
        raise corrupt(part, path, exc) from exc


_EMPTY_ATTRS: dict[str, str] = {}


def _handlers(out: SheetData, ctx: tuple[list[str], Styles, Any, str]) -> tuple[Any, Any, Any]:
    """expat's three handlers over one sheet, their state in closure variables (a handler runs per element:
    local names and plain variables, no per-element dict, keep a 1.000-cell sheet cheap)."""
    names = LOCAL_NAMES
    refs = _REFS
    text: list[str] = []  # character data of the open <v>, <f> or inline <t>
    shared: dict[str, tuple[str, int, int]] = {}  # shared formula id -> (text, row, col) of its master
    row = col = rph = 0
    where = ""  # the element whose text is collected: v, f, t or ""
    in_c = False
    # The open <c>: 1-based row and column, type, style, <v> text, <f> text, <f>'s attributes, inline texts.
    cr = cc = cs = 0
    ct = "n"
    cv: str | None = None
    cf: str | None = None
    cfa: dict[str, str] = _EMPTY_ATTRS
    cis: list[str] = []
    counter = [0]

    def start(tag: str, a: dict[str, str]) -> None:
        nonlocal row, col, rph, where, in_c, cr, cc, cs, ct, cv, cf, cfa, cis
        name = names[tag]
        if name == "c":
            coord = a.get("r")
            if coord:
                rc = refs.get(coord) or _ref_cached(coord)
                if rc is None:
                    raise ValueError(f"alamat sel tidak sah {coord!r}")
                cr, cc = rc
            else:
                cr, cc = row, col + 1
            col = cc
            in_c = True
            ct = a.get("t", "n")
            st = a.get("s")
            cs = int(st) if st else 0
            cv = cf = None
            cfa = a
            cis = []
        elif name == "v" or name == "f":
            if in_c:
                where = name
                text.clear()
                if name == "f":
                    cfa = a
        elif name == "row":
            rr = a.get("r")
            row = int(rr) if rr else row + 1
            col = 0
        elif name == "t":
            if in_c and not rph:
                where = "t"
                text.clear()
        elif name == "rPh":
            rph += 1
        elif name == "mergeCell":
            _merge(a.get("ref", ""), out.merges)

    def end(tag: str) -> None:
        nonlocal rph, where, in_c, cv, cf
        name = names[tag]
        if name == where:
            where = ""
            if name == "v":
                cv = "".join(text)
            elif name == "f":
                cf = "".join(text)
            else:
                cis.append("".join(text))
        elif name == "rPh":
            rph -= 1
        elif name == "c" and in_c:
            _store(out, ctx, shared, counter, cr - 1, cc - 1, ct, cs, cv, cf, cfa, cis)
            in_c = False

    def chars(data: str) -> None:
        if where:
            text.append(data)

    return start, end, chars


_REFS: dict[str, tuple[int, int]] = {}  # "B7" -> (7, 2): the same few thousand addresses in every sheet
_MAX_REFS = 1 << 16


_REFS0: dict[str, tuple[int, int]] = {}  # "B7" -> (6, 1): 0-based, for the tokens `sheetfast` found


def _ref0(coord: str) -> tuple[int, int]:
    """0-based (row, col) of a token's address (`sheetfast` lets only "B7"-like addresses through)."""
    r, c = parse_ref(coord) or (0, 0)
    rc = (r - 1, c - 1)
    if len(_REFS0) < _MAX_REFS:
        _REFS0[coord] = rc
    return rc


def _ref_cached(coord: str) -> tuple[int, int] | None:
    rc = parse_ref(coord)
    if rc is not None and len(_REFS) < _MAX_REFS:
        _REFS[coord] = rc
    return rc


def _store(
    out: SheetData,
    ctx: tuple[list[str], Styles, Any, str],
    shared: dict[str, tuple[str, int, int]],
    counter: list[int],
    r: int,
    c: int,
    t: str,
    s: int,
    raw: str | None,
    f: str | None,
    fa: dict[str, str],
    inline: list[str],
) -> None:
    """Record the cell that just ended (0-based r, c): its value as openpyxl casts it, its formula."""
    value: Any = None
    if t == "inlineStr":
        value = "".join(inline) if inline else None
    elif raw:
        strings, styles, epoch, _title = ctx
        value = _convert(raw, t, s, strings, styles, epoch)
    formula = _formula(f or "", fa, r, c, shared) if f is not None or fa.get("t") == "shared" else ""
    cells = out.cells.get(r)
    if cells is None:
        cells = out.cells[r] = {}
    if value is not None or formula or c in cells:  # a later empty duplicate of a cell wins
        cells[c] = (value, ctx[1].fmt(s))
        counter[0] += 1
        if counter[0] > MAX_CELLS:
            raise too_big(ctx[3], counter[0], MAX_CELLS, more=True)  # parsing stops here: the total is not known
    if formula:
        out.formulas[(r, c)] = formula
        if value is not None:
            out.cached.add((r, c))


def _formula(f: str, fa: dict[str, str], r: int, c: int, shared: dict[str, tuple[str, int, int]]) -> str:
    """The formula of a cell; a shared formula's dependent gets its master's text, translated."""
    if fa.get("t") != "shared":
        return f
    si = fa.get("si", "")
    if f:
        shared[si] = (f, r, c)
        return f
    master = shared.get(si)
    if master is None:
        return ""
    from openpyxl.formula.translate import Translator
    from openpyxl.utils import get_column_letter

    text, mr, mc = master
    try:
        origin = f"{get_column_letter(mc + 1)}{mr + 1}"
        dest = f"{get_column_letter(c + 1)}{r + 1}"
        return Translator("=" + text, origin=origin).translate_formula(dest)[1:]
    except Exception:  # an untranslatable shared formula is left unevaluated
        return ""


def _merge(rng: str, merges: list[tuple[int, int, int, int]]) -> None:
    m = _RANGES.get(rng)
    if m is None:
        m = _range(rng)
        if len(_RANGES) < _MAX_REFS:
            _RANGES[rng] = m
    merges.append(m)


# "B7:B11" -> (6, 1, 10, 1): a merged range's reading depends on its text alone, and templates repeat them.
_RANGES: dict[str, tuple[int, int, int, int]] = {}


def _range(rng: str) -> tuple[int, int, int, int]:
    ends = [_REFS.get(x) or _ref_cached(x) for x in rng.split(":")]
    if not ends or len(ends) > 2 or any(e is None for e in ends):
        raise ValueError(f"rentang gabungan tidak sah {rng!r}")
    (r1, c1), (r2, c2) = ends[0], ends[-1]  # type: ignore[misc]
    return (min(r1, r2) - 1, min(c1, c2) - 1, max(r1, r2) - 1, max(c1, c2) - 1)
