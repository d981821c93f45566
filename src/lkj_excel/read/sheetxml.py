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
from typing import Any

from .grid import MAX_CELLS, too_big
from .parts import Styles
from .xmlsafe import LOCAL_NAMES, Budget, new_parser, parse_member

_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_COLS: dict[str, int] = {}

# Cell: (value, style index)
RawCell = tuple[Any, int]


@dataclass
class SheetData:
    cells: dict[int, dict[int, RawCell]] = field(default_factory=dict)  # 0-based
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # 0-based -> formula text without "="
    cached: set[tuple[int, int]] = field(default_factory=set)  # formula cells whose <v> held a value
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


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
    names = LOCAL_NAMES
    text: list[str] = []  # character data of the open <v>, <f> or inline <t>
    st: dict[str, Any] = {"row": 0, "col": 0, "in": "", "rph": 0, "n": 0}
    cur: dict[str, Any] = {}
    shared: dict[str, tuple[str, int, int]] = {}  # shared formula id -> (text, row, col) of its master
    ctx = (strings, styles, epoch, title)

    def start(tag: str, a: dict[str, str]) -> None:
        name = names[tag]
        if name == "c":
            coord = a.get("r")
            rc = parse_ref(coord) if coord else (st["row"], st["col"] + 1)
            if rc is None:
                raise ValueError(f"alamat sel tidak sah {coord!r}")
            st["col"] = rc[1]
            cur.clear()
            cur.update(r=rc[0], c=rc[1], t=a.get("t", "n"), s=int(a.get("s") or 0), v=None, f=None, fa=a, is_=[])
        elif name == "row":
            rr = a.get("r")
            st["row"] = int(rr) if rr else st["row"] + 1
            st["col"] = 0
        elif name in ("v", "f") and cur:
            st["in"] = name
            text.clear()
            if name == "f":
                cur["fa"] = a
        elif name == "t" and cur and not st["rph"]:
            st["in"] = "t"
            text.clear()
        elif name == "rPh":
            st["rph"] += 1
        elif name == "mergeCell":
            _merge(a.get("ref", ""), out.merges)

    def end(tag: str) -> None:
        name = names[tag]
        where = st["in"]
        if name == where:
            st["in"] = ""
            if name == "v":
                cur["v"] = "".join(text)
            elif name == "f":
                cur["f"] = "".join(text)
            else:
                cur["is_"].append("".join(text))
        elif name == "rPh":
            st["rph"] -= 1
        elif name == "c" and cur:
            _store(cur, out, st, shared, ctx)
            cur.clear()

    def chars(data: str) -> None:
        if st["in"]:
            text.append(data)

    p = new_parser()
    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = chars
    parse_member(zf, part, p, budget, path, strip_empty_cells=True)
    return out


def _store(
    cur: dict[str, Any],
    out: SheetData,
    st: dict[str, Any],
    shared: dict[str, tuple[str, int, int]],
    ctx: tuple[list[str], Styles, Any, str],
) -> None:
    """Record the cell that just ended: its value as openpyxl casts it, its formula."""
    strings, styles, epoch, title = ctx
    r, c, t, s = cur["r"] - 1, cur["c"] - 1, cur["t"], cur["s"]
    raw = cur["v"]
    value: Any = None
    if t == "inlineStr":
        value = "".join(cur["is_"]) if cur["is_"] else None
    elif raw:
        value = _convert(raw, t, s, strings, styles, epoch)
    f, fa = cur["f"], cur["fa"]
    formula = _formula(f or "", fa, r, c, shared) if f is not None or fa.get("t") == "shared" else ""
    row = out.cells.get(r)
    if row is None:
        row = out.cells[r] = {}
    if value is not None or formula or c in row:  # a later empty duplicate of a cell wins
        row[c] = (value, s)
        st["n"] += 1
        if st["n"] > MAX_CELLS:
            raise too_big(title, st["n"], MAX_CELLS, more=True)  # parsing stops here: the total is not known
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
    ends = [parse_ref(x) for x in rng.split(":")]
    if not ends or len(ends) > 2 or any(e is None for e in ends):
        raise ValueError(f"rentang gabungan tidak sah {rng!r}")
    (r1, c1), (r2, c2) = ends[0], ends[-1]  # type: ignore[misc]
    merges.append((min(r1, r2) - 1, min(c1, c2) - 1, max(r1, r2) - 1, max(c1, c2) - 1))
