"""Evaluate the formulas a table uses when the file holds no result for them.

xlsxwriter saves formulas with a result of 0 and "recalculate on load";
openpyxl saves them with no result at all. Excel fills the results in when it
opens the file, but a reader of the file sees 0 or nothing, and a total typed
as =SUM(D5:D9) would then look wrong. This evaluator covers what LKjIP tables
are built with: numbers, cell and range references (also on other sheets),
+ - * / ^ %, parentheses and SUM, AVERAGE, MIN, MAX, COUNT, PRODUCT, ABS,
ROUND. Anything else raises `NotEvaluable`, and the caller reports the cell
instead of comparing a value it does not have.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from typing import Any

_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)"
    r"|(?P<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)"
    r"|(?P<func>[A-Za-z][A-Za-z0-9.]*)\s*\("
    r"|(?P<op>[-+*/^%(),:])"
    r")"
)
_A1 = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
MAX_CELLS_VISITED = 2_000_000


class NotEvaluable(Exception):
    """The formula uses something this evaluator does not cover."""


class ExcelError(Exception):
    """The formula's result is an Excel error value such as #DIV/0!."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


# get(sheet, row, col) -> value of a cell (0-based); cells(sheet, r1, c1, r2, c2) -> values in the range
Getter = Callable[[str, int, int], Any]
RangeGetter = Callable[[str, int, int, int, int], Iterator[Any]]


def _col(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise NotEvaluable(text[pos : pos + 20])
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str, sheet: str, get: Getter, cells: RangeGetter) -> None:
        self.toks = _tokens(text)
        self.i = 0
        self.sheet = sheet
        self.get = get
        self.cells = cells

    def peek(self) -> tuple[str, str]:
        return self.toks[self.i] if self.i < len(self.toks) else ("", "")

    def take(self, op: str | None = None) -> tuple[str, str]:
        tok = self.peek()
        if op is not None and tok != ("op", op):
            raise NotEvaluable(f"expected {op}")
        self.i += 1
        return tok

    def run(self) -> Any:
        v = self.expr()
        if self.i != len(self.toks):
            raise NotEvaluable("trailing tokens")
        return v

    def expr(self) -> Any:
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            w = self.term()
            v = _num(v) + _num(w) if op == "+" else _num(v) - _num(w)
        return v

    def term(self) -> Any:
        v = self.power()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            w = _num(self.power())
            if op == "*":
                v = _num(v) * w
            elif w == 0:
                raise ExcelError("#DIV/0!")
            else:
                v = _num(v) / w
        return v

    def power(self) -> Any:
        v = self.unary()
        while self.peek() == ("op", "^"):
            self.take()
            w = _num(self.unary())
            try:
                v = float(_num(v)) ** w
            except (OverflowError, ZeroDivisionError) as exc:
                raise ExcelError("#NUM!") from exc
        return v

    def unary(self) -> Any:
        if self.peek() in (("op", "-"), ("op", "+")):
            sign = -1 if self.take()[1] == "-" else 1
            return sign * _num(self.unary())
        v = self.primary()
        while self.peek() == ("op", "%"):
            self.take()
            v = _num(v) / 100
        return v

    def primary(self) -> Any:
        kind, text = self.take()
        if kind == "num":
            return float(text)
        if kind == "ref":
            return self.reference(text)
        if kind == "func":
            return self.call(text.upper())
        if (kind, text) == ("op", "("):
            v = self.expr()
            self.take(")")
            return v
        raise NotEvaluable(text or "end")

    def reference(self, text: str) -> Any:
        sheet = self.sheet
        if "!" in text:
            name, text = text.rsplit("!", 1)
            sheet = name[1:-1].replace("''", "'") if name.startswith("'") else name
        ends = [_A1.fullmatch(x) for x in text.split(":")]
        if any(e is None for e in ends):
            raise NotEvaluable(text)
        points = [(int(e.group(2)) - 1, _col(e.group(1)) - 1) for e in ends if e is not None]
        (r1, c1), (r2, c2) = points[0], points[-1]
        if len(points) == 1:
            return self.get(sheet, r1, c1)
        return _Range(list(self.cells(sheet, min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2))))

    def call(self, name: str) -> Any:
        args: list[Any] = []
        if self.peek() != ("op", ")"):
            args.append(self.expr())
            while self.peek() == ("op", ","):
                self.take()
                args.append(self.expr())
        self.take(")")
        fn = _FUNCS.get(name)
        if fn is None:
            raise NotEvaluable(name)
        return fn(args)


class _Range(list[Any]):
    """The values of a range reference: functions take them, arithmetic does not."""


def _num(v: Any) -> float:
    if isinstance(v, _Range):
        if len(v) == 1:
            return _num(v[0])
        raise NotEvaluable("range in arithmetic")
    if v is None:
        return 0.0
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str) and v.startswith("#"):
        raise ExcelError(v)
    raise NotEvaluable(f"text {v!r} in arithmetic")


def _numbers(args: list[Any]) -> list[float]:
    """Numbers among the arguments as Excel's SUM takes them: text and blanks in ranges are skipped."""
    out: list[float] = []
    for a in args:
        if isinstance(a, _Range):
            for v in a:
                if isinstance(v, str) and v.startswith("#"):
                    raise ExcelError(v)
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    out.append(float(v))
        else:
            out.append(_num(a))
    return out


def _round(args: list[Any]) -> float:
    from decimal import ROUND_HALF_UP, Decimal

    if len(args) != 2:
        raise NotEvaluable("ROUND arity")
    v, d = _num(args[0]), int(_num(args[1]))
    if not math.isfinite(v) or abs(v) >= 1e15:
        raise NotEvaluable("ROUND range")
    return float(Decimal(repr(v)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP))


def _average(args: list[Any]) -> float:
    xs = _numbers(args)
    if not xs:
        raise ExcelError("#DIV/0!")
    return sum(xs) / len(xs)


_FUNCS: dict[str, Callable[[list[Any]], Any]] = {
    "SUM": lambda a: math.fsum(_numbers(a)),
    "AVERAGE": _average,
    "MIN": lambda a: min(_numbers(a), default=0.0),
    "MAX": lambda a: max(_numbers(a), default=0.0),
    "COUNT": lambda a: float(len(_numbers([x for x in a if isinstance(x, _Range)]))),
    "PRODUCT": lambda a: math.prod(_numbers(a)),
    "ABS": lambda a: abs(_num(a[0])) if len(a) == 1 else _arity("ABS"),
    "ROUND": _round,
}


def _arity(name: str) -> float:
    raise NotEvaluable(f"{name} arity")


def evaluate(text: str, sheet: str, get: Getter, cells: RangeGetter) -> Any:
    """The value of formula `text` (without "=") on `sheet`: a number, or an Excel error code as text.

    Raises NotEvaluable for anything outside the covered subset.
    """
    try:
        v = _Parser(text, sheet, get, cells).run()
    except ExcelError as exc:
        return exc.code
    except (RecursionError, IndexError, ValueError, TypeError) as exc:
        raise NotEvaluable(type(exc).__name__) from exc
    if isinstance(v, _Range):
        raise NotEvaluable("range result")
    if isinstance(v, str):
        return v
    v = _num(v)
    if not math.isfinite(v):
        return "#NUM!"
    return int(v) if v.is_integer() and abs(v) < 1e15 else v


def _serial(v: Any, epoch: Any) -> Any:
    """A date, time or duration as the number Excel computes with (its serial in the workbook's system)."""
    from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900, to_excel

    try:
        return to_excel(v, epoch or CALENDAR_WINDOWS_1900)
    except (TypeError, ValueError, OverflowError):
        return v


class Workbook:
    """Formula cells of a loaded workbook, evaluated on demand with memo and cycle detection."""

    def __init__(self, sheets: dict[str, Any], epoch: Any = None) -> None:
        # name -> SheetData (cells {row: {col: (value, style)}}, formulas {(r, c): text})
        self.sheets = {k.lower(): v for k, v in sheets.items()}
        self.epoch = epoch  # the workbook's date system: a date-formatted cell is its serial number to Excel
        self.memo: dict[tuple[str, int, int], Any] = {}
        self.busy: set[tuple[str, int, int]] = set()
        self.pending: set[tuple[str, int, int]] = set()
        self.visited = 0
        self.row_keys: dict[str, list[int]] = {}

    def value(self, sheet: str, r: int, c: int) -> Any:
        key = (sheet.lower(), r, c)
        if key in self.pending:
            return self.result(sheet, r, c)
        data = self.sheets.get(key[0])
        if data is None:
            raise NotEvaluable(f"sheet {sheet!r}")
        cell = data.cells.get(r, {}).get(c)
        v = cell[0] if cell else None
        return _serial(v, self.epoch) if isinstance(v, (dt.date, dt.time, dt.timedelta)) else v

    def result(self, sheet: str, r: int, c: int) -> Any:
        key = (sheet.lower(), r, c)
        if key in self.memo:
            v = self.memo[key]
            if isinstance(v, NotEvaluable):
                raise v
            return v
        if key in self.busy:
            raise NotEvaluable("circular reference")
        self.busy.add(key)
        try:
            data = self.sheets[key[0]]
            v = evaluate(data.formulas[(r, c)], sheet, self.value, self.range_values)
        except NotEvaluable as exc:
            self.memo[key] = exc
            raise
        finally:
            self.busy.discard(key)
        self.memo[key] = v
        return v

    def range_values(self, sheet: str, r1: int, c1: int, r2: int, c2: int) -> Iterator[Any]:
        data = self.sheets.get(sheet.lower())
        if data is None:
            raise NotEvaluable(f"sheet {sheet!r}")
        keys = self.row_keys.get(sheet.lower())
        if keys is None:
            keys = self.row_keys[sheet.lower()] = sorted(data.cells)
        for r in keys[bisect_left(keys, r1) : bisect_right(keys, r2)]:
            for c in sorted(data.cells[r]):  # formula cells are stored too, with their value or None
                if c1 <= c <= c2:
                    self.visited += 1
                    if self.visited > MAX_CELLS_VISITED:
                        raise NotEvaluable("too many cells")
                    yield self.value(sheet, r, c)
