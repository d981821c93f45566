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
shown, as offices that type figures as text do); `merged: E1:G1, A3:B3` merges
ranges of the current sheet; `+ template` adds every other standard table as
`lkj-excel template` writes it, blank (for the rules that look at the whole
workbook); `=> CODE [severity] at [Sheet!]A1` is a finding
the Fails example must yield (the severity defaults to the rule's declared one,
the sheet to the one whose rows it follows). An example without a block is prose: the batch
and budget rules, which cannot run on one workbook, keep such examples.
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


@dataclass
class Example:
    kind: str  # "fails" | "passes"
    note: str  # the prose after the label
    sheets: dict[str, list[list[str | None]]] = field(default_factory=dict)
    merges: dict[str, list[str]] = field(default_factory=dict)
    expected: list[Expected] = field(default_factory=list)
    template: bool = False  # the other standard tables as `lkj-excel template` writes them, blank

    @property
    def runnable(self) -> bool:
        return bool(self.sheets) or self.template


def parse_row(line: str) -> list[str | None]:
    """`| a | | b |` -> ["a", None, "b"]; `\\|` is a literal bar."""
    inner = line.strip()[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    cells = [c.strip().replace("\\|", "|") for c in _SPLIT.split(inner)]
    return [c or None for c in cells]


def _block_line(ex: Example, sheet: str | None, line: str) -> str | None:
    """Apply one line of an example block; returns the current sheet."""
    if line == "+ template":
        ex.template = True
        return sheet
    if line.startswith("[") and line.endswith("]"):
        name = line[1:-1].strip()
        ex.sheets.setdefault(name, [])
        return name
    if sheet is None:
        raise ExampleError(f"{line!r} before a [Sheet] line")
    if line.startswith("|"):
        ex.sheets[sheet].append(parse_row(line))
    elif line.startswith("merged:"):
        ex.merges.setdefault(sheet, []).extend(r.strip() for r in line[7:].split(",") if r.strip())
    elif line.startswith("=>"):
        m = _EXPECT.match(line)
        if not m:
            raise ExampleError(f"cannot read {line!r}: write '=> CODE [severity] at [Sheet!]A1'")
        ex.expected.append(Expected(m.group(1), (m.group(3) or sheet).strip("'"), m.group(4), m.group(2)))
    else:
        raise ExampleError(f"cannot read {line!r} in an example block")
    return sheet


def parse_examples(doc: str) -> list[Example]:
    """The examples of a (cleandoc'ed) docstring, in order."""
    out: list[Example] = []
    current: Example | None = None
    sheet: str | None = None
    for raw in doc.splitlines():
        m = _LABEL.match(raw)
        if m:
            current = Example(m.group(1).lower(), m.group(2).strip())
            out.append(current)
            sheet = None
        elif current is not None and raw.startswith("    ") and raw.strip():
            sheet = _block_line(current, sheet, raw.strip())
        elif current is not None and raw.strip() and not current.sheets:
            current.note = f"{current.note} {raw.strip()}".strip()  # the label's prose goes on
        elif raw.strip():
            current = None
    for ex in out:
        if ex.kind == "passes" and ex.expected:
            raise ExampleError("a Passes example expects no finding")
        if ex.kind == "fails" and ex.runnable and not ex.expected:
            raise ExampleError(f"Fails example {ex.note!r} names no expected finding (=> CODE at CELL)")
    return out
