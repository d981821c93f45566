"""The Fails/Passes examples of a rule's docstring, parsed so that they run as test cases.

A rule's docstring ends with its examples, one label each, followed by an
indented block that spells out the workbook (the notation renders as a code
block in docs/rules.md)::

    Fails: the total is 3 too high.

        [Tabel 1.2]
        | No | Desa  | L     | P     |
        | 1  | Alpha | 1.570 | 1.767 |
        | Jumlah |   | 1.573 | 1.767 |
        => T101 at C3

    Passes: ...

`[Name]` starts a sheet; each `| ... |` line is the next row from row 1,
column A onwards (a blank cell is empty; every value is written as the text
shown, as offices that type figures as text do); `merged: E1:G1, A3:B3`
merges ranges of the current sheet; `+ template` adds every other standard
table as `lkj-excel template` writes it, blank (for the rules that look at the
whole workbook); `=> CODE [severity] at [Sheet!]A1` is a finding the Fails
example must yield (the severity defaults to the rule's declared one, the
sheet to the one whose rows it follows). `{name.xlsx}` starts another workbook
of a batch example (its sheets and expected findings follow). A Fails example
yields exactly the findings it names; a Passes example names none and yields
none. An example without a block is prose: the rules that need two files (the
DPA+LRA merge) keep such examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LABEL = re.compile(r"^(Fails|Passes)\b[^:\n]*:[ \t]*(.*)$")
_EXPECT = re.compile(r"^=>\s*([A-Z]\d{3})\s+(?:(error|warning|info)\s+)?at\s+(?:(.+)!)?([A-Z]{1,3}\d+)\s*$")
_SPLIT = re.compile(r"(?<!\\)\|")


class ExampleError(ValueError):
    """A docstring example that does not follow the notation."""


@dataclass(frozen=True)
class Expected:
    code: str
    sheet: str
    cell: str
    severity: str | None = None
    book: str = ""  # the workbook ("" in a one-workbook example)


Rows = list[list[str | None]]


@dataclass
class Book:
    """One workbook of an example: its sheets, in order, and their merged ranges."""

    sheets: dict[str, Rows] = field(default_factory=dict)
    merges: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Example:
    kind: str  # "fails" | "passes"
    note: str  # the prose after the label
    books: dict[str, Book] = field(default_factory=dict)  # {"": book} unless `{name.xlsx}` lines name them
    expected: list[Expected] = field(default_factory=list)
    template: bool = False  # the other standard tables as `lkj-excel template` writes them, blank

    @property
    def sheets(self) -> dict[str, Rows]:
        """The sheets of a one-workbook example (of its first workbook otherwise)."""
        return next(iter(self.books.values())).sheets if self.books else {}

    @property
    def merges(self) -> dict[str, list[str]]:
        return next(iter(self.books.values())).merges if self.books else {}

    @property
    def runnable(self) -> bool:
        return bool(self.books) or self.template


def parse_row(line: str) -> list[str | None]:
    """`| a | | b |` -> ["a", None, "b"]; `\\|` is a literal bar."""
    inner = line.strip()[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    cells = [c.strip().replace("\\|", "|") for c in _SPLIT.split(inner)]
    return [c or None for c in cells]


@dataclass
class _At:
    """Where the parser is: the current workbook and sheet."""

    book: str = ""
    sheet: str | None = None


def _block_line(ex: Example, at: _At, line: str) -> None:
    """Apply one line of an example block."""
    if line == "+ template":
        ex.template = True
    elif line.startswith("{") and line.endswith("}"):
        at.book, at.sheet = line[1:-1].strip(), None
        ex.books.setdefault(at.book, Book())
    elif line.startswith("[") and line.endswith("]"):
        at.sheet = line[1:-1].strip()
        ex.books.setdefault(at.book, Book()).sheets.setdefault(at.sheet, [])
    elif at.sheet is None:
        raise ExampleError(f"{line!r} before a [Sheet] line")
    elif line.startswith("|"):
        ex.books[at.book].sheets[at.sheet].append(parse_row(line))
    elif line.startswith("merged:"):
        ex.books[at.book].merges.setdefault(at.sheet, []).extend(r.strip() for r in line[7:].split(",") if r.strip())
    elif line.startswith("=>"):
        m = _EXPECT.match(line)
        if not m:
            raise ExampleError(f"cannot read {line!r}: write '=> CODE [severity] at [Sheet!]A1'")
        ex.expected.append(Expected(m.group(1), (m.group(3) or at.sheet).strip("'"), m.group(4), m.group(2), at.book))
    else:
        raise ExampleError(f"cannot read {line!r} in an example block")


def parse_examples(doc: str) -> list[Example]:
    """The examples of a (cleandoc'ed) docstring, in order."""
    out: list[Example] = []
    current: Example | None = None
    at = _At()
    for raw in doc.splitlines():
        m = _LABEL.match(raw)
        if m:
            current = Example(m.group(1).lower(), m.group(2).strip())
            out.append(current)
            at = _At()
        elif current is not None and raw.startswith("    ") and raw.strip():
            _block_line(current, at, raw.strip())
        elif current is not None and raw.strip() and not current.runnable:
            current.note = f"{current.note} {raw.strip()}".strip()  # the label's prose goes on
        elif raw.strip():
            current = None
    for ex in out:
        if ex.kind == "passes" and ex.expected:
            raise ExampleError("a Passes example expects no finding")
        if ex.kind == "fails" and ex.runnable and not ex.expected:
            raise ExampleError(f"Fails example {ex.note!r} names no expected finding (=> CODE at CELL)")
    return out
