"""What the reader produces: cells that remember where they came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .numerals import Parsed, format_id
from .spec import TableSpec

if TYPE_CHECKING:
    import pandas as pd

    from .read.notes import ReaderNote


_TO_ENGLISH = str.maketrans(".,", ",.")  # 1.234,56 -> 1,234.56


@dataclass(slots=True)
class Cell:
    sheet: str
    ref: str  # A1 address
    raw: Any  # the value as stored in the file
    text: str  # the value as printed
    parsed: Parsed
    number_format: str | None = None
    english: bool = False  # typed in English notation (1,234.56): its corrections are written so too

    @property
    def value(self) -> float | None:
        return self.parsed.value

    @property
    def decimals(self) -> int | None:
        return self.parsed.decimals

    @property
    def status(self) -> str:
        return self.parsed.status

    @property
    def letter(self) -> str | None:
        return self.parsed.letter

    @property
    def address(self) -> str:
        return f"{self.sheet}!{self.ref}"

    @property
    def is_text_typed(self) -> bool:
        return isinstance(self.raw, str)

    def fmt(self, value: float | None, decimals: int | None = None) -> str:
        """Format a value the way this cell prints figures."""
        d = self.decimals if decimals is None else decimals
        unit = self.parsed.unit if self.parsed.unit == "%" else None
        s = format_id(value, d or 0, unit)
        if self.english:
            s = s.translate(_TO_ENGLISH)
        if self.letter:
            return f"{self.letter} ({s})"
        return s


@dataclass(slots=True)
class Row:
    """One table row.

    Roles: ``data``; ``subtotal`` and ``total`` (declared or labelled sums);
    ``info``; and, inferred from the numbering and labels (read.hierarchy):
    ``group`` — a row with rows below it (I/II, Program > Kegiatan > Sub
    Kegiatan, "a." under "1.", "- " sub-rows) whose figures sum up, average or
    ratio its children's — and ``section``, such a row without any figure.
    ``parent`` is the index (in ``Table.rows``) of the group a row belongs to,
    ``children`` the indices of the rows directly below a group, ``level`` the
    depth (0 at the top).
    """

    index: int  # 0-based position among the table's rows
    excel_row: int  # 1-based row number on the sheet
    role: str  # data | subtotal | total | info | group | section
    label: str
    row_id: str | None  # id of a declared row, if it matched one
    cells: dict[str, Cell] = field(default_factory=dict)
    level: int = 0
    parent: int | None = None
    children: list[int] = field(default_factory=list)

    def get(self, cid: str) -> Cell | None:
        return self.cells.get(cid)


@dataclass(slots=True)
class SharedCell:
    column: str
    cell: Cell
    rows: list[int]  # indices in Table.rows the merged range covers


@dataclass(slots=True)
class Table:
    spec: TableSpec
    sheet: str
    header_rows: list[int]
    data_first: int
    data_last: int
    columns: dict[str, str]  # column id -> column letter
    rows: list[Row]
    number_row: int | None = None
    missing_columns: list[str] = field(default_factory=list)
    unparsed: list[Cell] = field(default_factory=list)
    # How each column was recognised: "judul" (header words) or "isi" (its figures), with the detail.
    column_how: dict[str, str] = field(default_factory=dict)
    notation: str = "id"  # "id" (1.234,56) or "en" (1,234.56): how the table's typed figures read
    # A figure merged over several rows (a sasaran-level average): it belongs to those rows together.
    shared: list[SharedCell] = field(default_factory=list)
    unread_figure_rows: list[int] = field(default_factory=list)  # sheet rows with figures outside the table
    # Notation votes (English-only, Indonesian-only typed figures) counted while the rows were read; None:
    # `notation.decide` counts them on the table.
    votes: tuple[int, int] | None = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.spec.id

    def data_rows(self) -> list[Row]:
        return [r for r in self.rows if r.role == "data"]

    def total_row(self) -> Row | None:
        for r in self.rows:
            if r.role == "total":
                return r
        return None

    def row(self, row_id: str) -> Row | None:
        for r in self.rows:
            if r.row_id == row_id:
                return r
        return None

    def iter_cells(self) -> Iterator[tuple[Row, str, Cell]]:
        for r in self.rows:
            for cid, c in r.cells.items():
                yield r, cid, c

    def frame(self) -> pd.DataFrame:
        """Wide view: one row per table row, numeric columns as floats, text as str."""
        recs = []
        for r in self.rows:
            rec: dict[str, Any] = {"_row": r.excel_row, "_role": r.role, "_id": r.row_id, "_label": r.label}
            for col in self.spec.columns:
                c = r.cells.get(col.id)
                if c is None:
                    rec[col.id] = None
                elif col.numeric:
                    rec[col.id] = c.value
                else:
                    rec[col.id] = c.text or None
            recs.append(rec)
        import pandas as pd  # only these views need it: a check starts ~0,5 s sooner without it

        return pd.DataFrame.from_records(recs)

    def cells_frame(self) -> pd.DataFrame:
        """Long view: every value with its sheet, A1 cell, raw text and printed decimals."""
        recs = [
            {
                "table": self.id,
                "row": r.excel_row,
                "role": r.role,
                "row_id": r.row_id,
                "label": r.label,
                "column": cid,
                "sheet": c.sheet,
                "cell": c.ref,
                "raw": c.text,
                "status": c.status,
                "value": c.value,
                "decimals": c.decimals,
                "unit": c.parsed.unit,
                "letter": c.letter,
            }
            for r, cid, c in self.iter_cells()
        ]
        cols = [
            "table",
            "row",
            "role",
            "row_id",
            "label",
            "column",
            "sheet",
            "cell",
            "raw",
            "status",
            "value",
            "decimals",
            "unit",
            "letter",
        ]
        import pandas as pd

        return pd.DataFrame.from_records(recs, columns=cols)


@dataclass(slots=True)
class Paragraph:
    sheet: str
    ref: str  # cell of the paragraph text
    follows: str  # "Tabel 3.7", "Bab I"
    text: str


@dataclass(slots=True)
class Workbook:
    path: str
    tables: dict[str, Table]
    missing: list[str]  # standard table ids not found
    other_sheets: list[str]  # sheets that are not standard tables
    sheet_of: dict[str, str]  # table id -> sheet name
    paragraphs: list[Paragraph] = field(default_factory=list)
    narrative_sheet: str | None = None
    office: str | None = None
    kabupaten: str | None = None
    year: int | None = None
    notes: list[ReaderNote] = field(default_factory=list)  # problems that did not stop reading
    grids: list[Any] = field(default_factory=list)  # every input sheet as read (read.grid.Grid), in order
    year_source: str | None = None  # where the report year came from ("--year", "judul Tabel 3.2", ...)
    # (table id, sheet used, sheet left aside): two sheets claimed one table; a visible one wins
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    # (table id, sheet, number the sheet gives): a table found by its content under another number
    relocated: list[tuple[str, str, str]] = field(default_factory=list)

    def table(self, tid: str) -> Table | None:
        return self.tables.get(tid)
