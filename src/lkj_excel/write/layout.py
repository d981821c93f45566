"""The standard layout of a table, derived from its declaration in `sheets/`.

Row 1 "Tabel X.Y", row 2 the title, row 3 blank, then one header row (two
when some columns have a `parent` label: the parent is merged over its
children, single-level headers are merged over both rows), a column-number
row "(1) (2) …", then the data rows.

Number formats keep figures as real numbers. Percentages are stored as
percents (88.65, shown "88,65%") with the literal format '0.00"%"', not as
fractions with Excel's '%': the model, the rules and their fixes all speak in
percents, a ratio is written `=D5/C5*100` exactly as reports compute it, and a
user typing 88,65 into the cell gets what they see. The format codes are
plain: Excel always takes the decimal and thousands separators from the
user's regional setting (an LCID prefix such as [$-421] changes month names
and currency, not separators, in Excel), so on an Indonesian system the
figures show as 2.960.780.030 and 88,65%.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from openpyxl.utils import get_column_letter

from ..spec import ColumnSpec, TableSpec

TITLE_ROW = 0  # 0-based rows of the standard sheet
CAPTION_ROW = 1
HEADER_ROW = 3

DEFAULT_DECIMALS = {"count": 0, "integer": 0, "rupiah": 0, "hectare": 1, "score": 2, "decimal": 2, "percent": 2}

HEADER_FILL = "#DDEBF7"
NUMBER_ROW_FILL = "#F2F2F2"
TOTAL_FILL = "#F2F2F2"
SEVERITY_FILL = {"error": "#F8CBAD", "warning": "#FFE699", "info": "#BDD7EE"}
ADDED_FILL = "#E2EFDA"  # a derived cell the input left empty


def number_format(kind: str, decimals: int | None = None) -> str | None:
    """Excel number format of a column kind; None for text columns."""
    if kind not in DEFAULT_DECIMALS:
        return None
    d = DEFAULT_DECIMALS[kind] if decimals is None else max(0, min(int(decimals), 4))
    if kind in ("count", "integer", "rupiah") and decimals is None:
        d = 0
    body = "#,##0" + ("." + "0" * d if d else "")
    if kind == "percent":
        return ("0" + ("." + "0" * d if d else "")) + '"%"'
    return body


def header_text(col: ColumnSpec) -> str:
    return col.label or (col.header[0] if col.header else col.id)


def parent_text(col: ColumnSpec) -> str | None:
    return col.parent[0] if col.parent else None


def _width(col: ColumnSpec, spec: TableSpec) -> float:
    h = header_text(col)
    if col.id == spec.numbering:
        return 6
    if col.kind == "text":
        if col.id == spec.key:
            return 42
        return 34 if len(spec.columns) <= 5 else 28
    base = {"rupiah": 18, "count": 11, "integer": 9, "hectare": 13, "score": 11, "decimal": 11, "percent": 12}
    w = float(base.get(col.kind, 12))
    longest_word = max((len(x) for x in h.split()), default=0)
    return max(w, longest_word + 3)


@dataclass
class LayoutColumn:
    spec: ColumnSpec
    index: int  # 0-based column
    width: float
    num_format: str | None

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass
class TableLayout:
    spec: TableSpec
    columns: list[LayoutColumn]
    two_level: bool
    extra: list[str] = field(default_factory=list)  # headers of extra (non-standard) columns, after the standard ones

    @property
    def sheet(self) -> str:
        return self.spec.sheet

    @property
    def header_rows(self) -> list[int]:
        return [HEADER_ROW, HEADER_ROW + 1] if self.two_level else [HEADER_ROW]

    @property
    def number_row(self) -> int:
        return self.header_rows[-1] + 1

    @property
    def data_start(self) -> int:
        return self.number_row + 1

    @property
    def n_cols(self) -> int:
        return len(self.columns) + len(self.extra)

    def col(self, cid: str) -> LayoutColumn:
        for c in self.columns:
            if c.id == cid:
                return c
        raise KeyError(cid)

    def has(self, cid: str) -> bool:
        return any(c.id == cid for c in self.columns)

    def header_cells(self) -> list[tuple[int, int, int, int, str]]:
        """(r1, c1, r2, c2, text) header blocks; r1 == r2 and c1 == c2 for a single cell."""
        out: list[tuple[int, int, int, int, str]] = []
        top = HEADER_ROW
        bottom = self.header_rows[-1]
        i = 0
        cols = self.columns
        while i < len(cols):
            c = cols[i]
            p = parent_text(c.spec)
            if p and self.two_level:
                j = i
                while j + 1 < len(cols) and parent_text(cols[j + 1].spec) == p:
                    j += 1
                out.append((top, c.index, top, cols[j].index, p))
                for k in range(i, j + 1):
                    out.append((bottom, cols[k].index, bottom, cols[k].index, header_text(cols[k].spec)))
                i = j + 1
            else:
                out.append((top, c.index, bottom, c.index, header_text(c.spec)))
                i += 1
        base = len(cols)
        for k, h in enumerate(self.extra):
            out.append((top, base + k, bottom, base + k, h))
        return out


def table_layout(
    spec: TableSpec, decimals: dict[str, int] | None = None, extra: list[str] | None = None
) -> TableLayout:
    """Standard layout of `spec`; `decimals` overrides the printed decimals of numeric columns."""
    decimals = decimals or {}
    cols = []
    for i, c in enumerate(spec.columns):
        fmt = number_format(c.kind, decimals.get(c.id)) if c.numeric else None
        cols.append(LayoutColumn(c, i, _width(c, spec), fmt))
    two = any(c.parent for c in spec.columns)
    return TableLayout(spec, cols, two, list(extra or []))


class Styles:
    """xlsxwriter formats made on demand and cached by their properties."""

    BASE: ClassVar[dict[str, Any]] = {"font_name": "Arial", "font_size": 10}

    def __init__(self, workbook: Any) -> None:
        self.wb = workbook
        self._cache: dict[tuple, Any] = {}

    def get(self, **props: Any) -> Any:
        d = {**self.BASE, **{k: v for k, v in props.items() if v is not None}}
        key = tuple(sorted(d.items()))
        f = self._cache.get(key)
        if f is None:
            f = self.wb.add_format(d)
            self._cache[key] = f
        return f

    def title(self) -> Any:
        return self.get(bold=True, font_size=11)

    def header(self) -> Any:
        return self.get(bold=True, align="center", valign="vcenter", text_wrap=True, border=1, bg_color=HEADER_FILL)

    def number_row(self) -> Any:
        return self.get(italic=True, align="center", valign="vcenter", border=1, bg_color=NUMBER_ROW_FILL, font_size=8)

    def cell(
        self,
        num_format: str | None = None,
        numeric: bool = False,
        bold: bool = False,
        fill: str | None = None,
        center: bool = False,
    ) -> Any:
        return self.get(
            num_format=num_format,
            border=1,
            valign="top",
            text_wrap=None if numeric else True,
            align="center" if center else ("right" if numeric else None),
            bold=bold or None,
            bg_color=fill,
        )


def write_table_frame(ws: Any, layout: TableLayout, styles: Styles, caption: str | None = None) -> None:
    """Title, caption, header blocks, column-number row and column widths of a table sheet."""
    spec = layout.spec
    ws.write_string(TITLE_ROW, 0, f"Tabel {spec.id}", styles.title())
    ws.write_string(CAPTION_ROW, 0, caption or spec.title, styles.title())
    hdr = styles.header()
    for r1, c1, r2, c2, text in layout.header_cells():
        if (r1, c1) == (r2, c2):
            ws.write_string(r1, c1, text, hdr)
        else:
            ws.merge_range(r1, c1, r2, c2, text, hdr)
    nf = styles.number_row()
    for k in range(layout.n_cols):
        ws.write_string(layout.number_row, k, f"({k + 1})", nf)
    for c in layout.columns:
        ws.set_column(c.index, c.index, c.width)
    for k in range(len(layout.extra)):
        ws.set_column(len(layout.columns) + k, len(layout.columns) + k, 24)
    for r in layout.header_rows:
        ws.set_row(r, 30 if layout.two_level else 36)
    ws.freeze_panes(layout.data_start, 0)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(layout.header_rows[0], layout.number_row)


def fit_row_height(cells: list[tuple[str, float]], line_pt: float = 13.0, max_pt: float = 409.0) -> float:
    """Row height (points) that shows every (text, column width in characters) wrapped, in Excel and in
    LibreOffice, which does not grow rows written without a height. Counted generously (a line holds
    about one character per width unit) so text is never clipped."""
    lines = 1
    for text, width in cells:
        per_line = max(1, int(width) - 1)
        n = sum(max(1, -(-len(part) // per_line)) for part in str(text or "").split("\n"))
        lines = max(lines, n)
    return min(max_pt, line_pt * lines + 4)
