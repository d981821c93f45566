"""Reader notes: what reading a workbook noticed without stopping (typed, translated on demand).

A note used to be a coded string ("no_header:3.2:Tabel 3.2") that the CLI
parsed back and the reports printed as is. A `ReaderNote` keeps its parts and
renders its message in either language through `messages`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..messages import render
from ..spec import TableSpec

NO_HEADER = "no_header"  # a table's sheet is there, its column header is not: the table is not checked
DUPLICATE = "duplicate"  # a second sheet holds a table already read from another sheet: it is not checked


@dataclass(frozen=True)
class ReaderNote:
    kind: str  # NO_HEADER | DUPLICATE
    table: str  # standard table id, e.g. "3.2"
    sheet: str
    cell: str = "A1"
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    def message(self, lang: str = "id") -> str:
        return render(f"note.{self.kind}", lang, table=self.table, sheet=self.sheet, cell=self.cell, **self.params)

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {"kind": self.kind, "table": self.table, "sheet": self.sheet, "cell": self.cell, **self.params} | {
            "message": self.message(lang)
        }

    def __str__(self) -> str:
        return self.message("id")


def no_header(spec: TableSpec, sheet: str) -> ReaderNote:
    wanted = ", ".join(f'"{c.header[0]}"' for c in spec.columns if c.required and c.header)
    return ReaderNote(NO_HEADER, spec.id, sheet, params={"wanted": wanted})


def duplicate(table: str, sheet: str, first: str) -> ReaderNote:
    return ReaderNote(DUPLICATE, table, sheet, params={"first": first})
