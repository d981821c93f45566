"""Read a workbook that follows the standard into `Table`s of located cells."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ..errors import LkjError
from ..model import Cell, Paragraph, Row, Table, Workbook
from ..numerals import Parsed, _number_format, format_id, parse_cell, parse_text, sensible
from ..spec import TableSpec, load_all, normalise, squash, table_sort_key
from .columns import recognise as recognise_columns
from .grid import Grid, ref, text_of
from .locate import (
    Layout,
    footer_in,
    header_texts,
    locate,
    number_row_in,
    repeated_header_in,
    spec_memo,
    table_id_in_grid,
    table_id_of_sheet,
)
from .notation import decide as decide_notation
from .notation import vote as notation_vote
from .notes import ReaderNote, duplicate, no_header
from .rowmatch import match_row_raw, row_labels
from .structure import finish_table
from .year import report_year

NARRATIVE_NAMES = {"narasi", "narrative", "uraian", "narasi lkjip"}
INFO_NAMES = {"info", "informasi", "identitas", "keterangan"}
_OFFICE_LABELS = ("nama instansi", "instansi", "nama opd", "perangkat daerah", "kecamatan", "nama kecamatan")


def read_workbook(path: str | Path, backend: str = "fast", year: int | None = None) -> Workbook:
    """Open and read a workbook; raise LkjError for input that cannot be read."""
    from .load import load_grids

    grids = load_grids(path, backend=backend)
    return read_grids(str(path), grids, year=year)


class _Sorted:
    """The sheets of a workbook by what they hold."""

    def __init__(self, grids: list[Grid]) -> None:
        self.by_table: dict[str, Grid] = {}
        self.others: list[Grid] = []
        self.narrative: Grid | None = None
        self.info: Grid | None = None
        self.notes: list[ReaderNote] = []
        self.duplicates: list[tuple[str, str, str]] = []
        numbers = _declared_numbers()
        for g in grids:
            tid = table_id_of_sheet(g.title)
            low = normalise(g.title)
            if tid is None and low not in NARRATIVE_NAMES and low not in INFO_NAMES:
                tid = table_id_in_grid(g)
            tid = numbers.get(tid, tid) if tid else tid
            if tid:
                self._claim(tid, g)
            elif low in NARRATIVE_NAMES:
                self.narrative = g
            elif low in INFO_NAMES and self.info is None:
                self.info = g
                self.others.append(g)
            else:
                self.others.append(g)

    def _claim(self, tid: str, g: Grid) -> None:
        kept = self.by_table.get(tid)
        if kept is None:
            self.by_table[tid] = g
            return
        if kept.hidden and not g.hidden:
            # A hidden stale copy ("Tabel 3.2 lama") loses to the visible sheet, wherever it stands.
            self.by_table[tid] = g
            kept, g = g, kept
        self.notes.append(duplicate(tid, g.title, kept.title))
        self.duplicates.append((tid, kept.title, g.title))
        self.others.append(g)


def _declared_numbers() -> dict[str, str]:
    """Sheet numbers an office uses for a standard table (`numbers = ["3.4"]` in its declaration)."""
    out: dict[str, str] = {}
    for spec in load_all(None):
        for n in spec.raw.get("numbers", []):
            out[str(n)] = spec.id
    return out


def read_grids(path: str, grids: list[Grid], year: int | None = None) -> Workbook:
    found = _Sorted(grids)
    by_table, notes = found.by_table, found.notes
    office, kab, info_year = _metadata(found.info, by_table)
    if year is not None:
        source: str | None = "--year"
    else:
        year, source = report_year(by_table, info_year)
    specs = {s.id: s for s in load_all(year)}
    if not any(tid in specs for tid in by_table) and found.narrative is None:
        raise LkjError("wb.no_tables", path=path, sheets=", ".join(g.title for g in grids) or "-")

    tables: dict[str, Table] = {}
    missing: list[str] = []
    sheet_of: dict[str, str] = {}
    failed: list[tuple[str, Grid]] = []
    memo = _texts()
    _NUMBERS.clear()  # per workbook: across workbooks only copies of one report would share figures
    for tid, spec in specs.items():
        g = by_table.get(tid)
        if g is None:
            missing.append(tid)
            continue
        sheet_of[tid] = g.title
        t = read_table(g, spec, memo)
        if t is None:
            failed.append((tid, g))
            missing.append(tid)
            continue
        tables[tid] = t
    failed += [(tid, g) for tid, g in by_table.items() if tid not in specs]
    relocated = _relocate(failed, specs, tables, memo)
    for tid, g in failed:
        if any(r[1] == g.title for r in relocated):
            sheet_of.pop(tid, None)
        elif tid in specs:
            notes.append(no_header(specs[tid], g.title))
        else:
            found.others.append(g)
    for tid, sheet, _number in relocated:
        missing.remove(tid)
        sheet_of[tid] = sheet
    decide_notation([tables[k] for k in sorted(tables, key=table_sort_key)])
    wb = Workbook(
        path=path,
        tables=dict(sorted(tables.items(), key=lambda kv: table_sort_key(kv[0]))),
        missing=missing,
        other_sheets=[g.title for g in found.others],
        sheet_of=sheet_of,
        office=office,
        kabupaten=kab,
        year=year,
        notes=notes,
        grids=grids,
        year_source=source,
        duplicates=found.duplicates,
        relocated=relocated,
    )
    if found.narrative is not None:
        wb.narrative_sheet = found.narrative.title
        wb.paragraphs = read_narrative(found.narrative)
    return wb


def _relocate(
    failed: list[tuple[str, Grid]], specs: dict[str, TableSpec], tables: dict[str, Table], memo: TextMemo
) -> list[tuple[str, str, str]]:
    """Sheets whose number does not fit their content: the standard table their header fits, if any."""
    out: list[tuple[str, str, str]] = []
    for number, g in failed:
        best: tuple[int, Table] | None = None
        for tid, spec in specs.items():
            if tid in tables:
                continue
            layout = locate(g, spec)
            # Only a table whose declaration names every headed column of the sheet: a table
            # missing a required column must not pass for a smaller one.
            if layout is None or len(layout.columns) < len(layout.paths):
                continue
            t = read_table(g, spec, memo)
            if t is not None and (best is None or len(t.columns) > best[0]):
                best = (len(t.columns), t)
        if best is not None:
            t = best[1]
            tables[t.id] = t
            out.append((t.id, g.title, number))
    return out


def _metadata(info: Grid | None, tables: dict[str, Grid]) -> tuple[str | None, str | None, int | None]:
    office = kab = None
    year: int | None = None
    if info is not None:
        for r in range(min(info.n_rows, 30)):
            label = normalise(info.value(r, 0))
            val = info.text(r, 1)
            if not val:
                continue
            if label.startswith(_OFFICE_LABELS):
                office = office or val
            elif label.startswith(("kabupaten", "kota", "pemerintah")):
                kab = kab or val
            elif label.startswith("tahun"):
                m = re.search(r"(19|20)\d\d", val)
                if m:
                    year = int(m.group(0))
    if office is None:
        for g in tables.values():
            for r in range(min(g.n_rows, 4)):
                m = re.search(r"(?i)\b(kec(?:amatan)?\.?\s+[A-Z][\w ]+?)(?:\s+tahun|\s*$)", g.text(r, 0))
                if m:
                    name = re.sub(r"(?i)^kec(amatan)?\.?\s+", "Kecamatan ", m.group(1)).strip()
                    office = name
                    break
            if office:
                break
    return office, kab, year


# A typed text's reading and its printed form: its figures and labels recur from table to table, and the
# template's labels from workbook to workbook (parse_text, which reads it, keeps as many in memory).
TextMemo = dict[str, tuple[Parsed, str]]
_TEXTS: TextMemo = {}
_MAX_TEXTS = 1 << 15


def _texts() -> TextMemo:
    """The texts read so far, emptied when full (a batch worker reads thousands of workbooks)."""
    if len(_TEXTS) >= _MAX_TEXTS:
        _TEXTS.clear()
    return _TEXTS


def _text_reading(raw: str) -> tuple[Parsed, str]:
    """parse_cell's own first steps for text, without its type tests."""
    parsed = parse_text(raw)
    if parsed.value is not None and not sensible(parsed.value):
        parsed = Parsed("unparsed", unit=parsed.unit)
    return parsed, raw.strip()


def _cell(title: str, address: str, raw: Any, fmt: str | None) -> Cell:
    kind = type(raw)
    if kind is int or (kind is float and raw):
        # A figure stored as a number: its reading depends on its type, value and format alone, and the same
        # few recur (counts, percentages, each office's figures in several tables). -0.0 and nan stay out
        # (-0.0 would be found as 0.0; nan never equals itself).
        key = (kind, raw, fmt)
        hit = _NUMBERS.get(key)
        if hit is None:
            if len(_NUMBERS) >= _MAX_NUMBERS:
                _NUMBERS.clear()
            hit = _NUMBERS[key] = _number_reading(raw, fmt)
        return Cell(title, address, raw, hit[1], hit[0], fmt)
    parsed = parse_cell(raw, fmt)
    text = raw.strip() if isinstance(raw, str) else _printed(raw, parsed)
    return Cell(title, address, raw, text, parsed, fmt)


def _number_reading(raw: int | float, fmt: str | None) -> tuple[Parsed, str]:
    """`parse_cell` and the printed text of a number cell. A whole number shown without decimals (most figures:
    "#,##0", "0", General) is read without them: parse_cell gives it 0 decimals and no unit, and format_id
    prints it with its digits grouped by points, which integer formatting gives exactly below 2**53."""
    if type(raw) is int and -_EXACT_INT < raw < _EXACT_INT:
        fixed, pct, shown_pct = _number_format(fmt)
        if fixed is not None and fixed <= 0 and not pct and not shown_pct:
            return Parsed("number", float(raw), 0), f"{raw:,}".replace(",", ".")
    parsed = parse_cell(raw, fmt)
    return parsed, _printed(raw, parsed)


_EXACT_INT = 1 << 53


# A number cell's reading (Parsed is immutable: cells share it) and printed text, by (type, value, format);
# emptied for every workbook (read_grids), so that a batch gains only from figures repeated inside one report.
_NUMBERS: dict[tuple[type, Any, str | None], tuple[Parsed, str]] = {}
_MAX_NUMBERS = 1 << 14


def _printed(raw: Any, parsed: Parsed) -> str:
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw.strip()
    if parsed.value is not None and parsed.decimals is not None:
        return format_id(parsed.value, parsed.decimals, parsed.unit)
    return str(raw)


def _row_label(values: list[Any], key_col: int | None, key: str | None, filled: dict[str, str]) -> str:
    """The row's label: its key column's text (`key_col`: where the key column stands, None when not found),
    else the one filled down from above, else its first text that is no figure."""
    if key_col is not None:
        t = text_of(values[key_col]) if key_col < len(values) else ""
        if t:
            return t
        if key in filled:
            return filled[key]
    for v in values:
        t = text_of(v)
        if t and not _NUMBERISH.fullmatch(t):
            return t
    return ""


_NUMBERISH = re.compile(r"[\d.,()\s-]*")
_UNREAD = frozenset(("unparsed", "text"))  # a figure column's cell that holds no figure


def _total_labelled(values: list[Any], key_col: int | None, labels: tuple[str, ...]) -> bool:
    """Does the key column or one of the first four cells (past the row's end: empty) say "Jumlah"?"""
    said = _said_totals(labels)
    checked = values[:4]
    if key_col is not None:
        checked.insert(0, values[key_col] if key_col < len(values) else None)
    for v in checked:
        if v is None:
            continue
        # A value's text decides alone: its answer is remembered (by type too: 1, 1.0 and True print apart).
        key = v if type(v) is str else (type(v), v)
        hit = said.get(key)
        if hit is None:
            h = squash(text_of(v))
            hit = said[key] = bool(h and h in labels)
        if hit:
            return True
    return False


# Total labels -> what each value said (True: a total label); the same few labels serve every table.
_SAID: dict[tuple[str, ...], dict[Any, bool]] = {}


def _said_totals(labels: tuple[str, ...]) -> dict[Any, bool]:
    said = _SAID.get(labels)
    if said is None or len(said) > 1 << 14:
        if len(_SAID) > 64:
            _SAID.clear()
        said = _SAID[labels] = {}
    return said


def read_table(grid: Grid, spec: TableSpec, memo: TextMemo | None = None) -> Table | None:
    """The table `spec` on `grid`, None when no header of it is found; `memo`: the texts read so far."""
    layout = locate(grid, spec)
    if layout is None:
        return None
    recognise_columns(grid, spec, layout)
    found = layout.columns
    for cid in spec_memo(spec).needed:
        if cid not in found:
            return None
    # (column id, 0-based column, its letters)
    columns = [(cid, c, get_column_letter(c + 1)) for cid, c in found.items()]
    rows, unparsed, last, dittos, counted = _read_rows(grid, spec, layout, columns, {} if memo is None else memo)
    if spec.key in layout.columns:
        for rw in rows:
            rw.label = rw.label or ""
    letters = {cid: col_letters for cid, _c, col_letters in columns}
    table = Table(
        spec=spec,
        sheet=grid.title,
        header_rows=[h + 1 for h in layout.header_rows],
        data_first=layout.data_start + 1,
        data_last=last + 1,
        columns=letters,
        rows=rows,
        number_row=(layout.number_row + 1) if layout.number_row is not None else None,
        missing_columns=[m for m in layout.missing],
        unparsed=unparsed,
        column_how=dict(layout.how),
    )
    finish_table(grid, table, layout, dittos)
    # The votes count the rows' cells as they stand now: a figure merged over rows has left them (`shared`).
    table.votes = None if table.shared else counted
    return table


def _read_rows(
    grid: Grid, spec: TableSpec, layout: Layout, columns: list[tuple[str, int, str]], memo: TextMemo
) -> tuple[list[Row], list[Cell], int, bool, tuple[int, int]]:
    """The table's rows from its data start to its footer, its unreadable figures, its last row (0-based),
    whether a cell holds a ditto mark, its typed figures' notation votes (`notation.votes`)."""
    rows: list[Row] = []
    unparsed: list[Cell] = []
    filled: dict[str, str] = {}
    last = layout.data_start - 1
    dittos = False
    n_cols = grid.n_cols
    title = grid.title
    figures = spec_memo(spec).figures  # of the declaration: `columns` are the table's own
    labels = row_labels(spec)
    header = header_texts(grid, layout)  # the rows' tests below take the row's values in hand
    votes = [0, 0]  # English-only, Indonesian-only typed figures
    key = spec.key
    key_col = layout.columns[key] if key and key in layout.columns else None
    total_col = layout.columns[key] if key in layout.columns else None  # `_total_labelled`: any key id
    # Only stored rows: a row not stored is empty, neither a footer nor a row of the table.
    # (column id, 0-based column, its letters, whether it holds figures): the per-cell tests looked up once
    plan = [(cid, c, col_letters, cid in figures) for cid, c, col_letters in columns]
    start = layout.data_start
    stored = [k for k in grid.rows if k >= start]
    stored.sort()
    for r in stored:
        if r >= grid.n_rows:
            break
        values = grid.rows[r]
        if footer_in(values):
            break
        if values.count(None) == len(values) or number_row_in(values) or repeated_header_in(values, header):
            continue
        cells: dict[str, Cell] = {}
        unread: list[Cell] = []  # the row's unreadable figures, kept if the row is one of the table's
        fmts = grid.row_formats.get(r) or []
        row_number = str(r + 1)
        n_values, n_fmts = len(values), len(fmts)
        for cid, c, col_letters, figure in plan:
            if c >= n_values:
                continue
            raw = values[c]
            if raw is None:
                continue
            fmt = fmts[c] if c < n_fmts else None
            if type(raw) is str:  # most cells: read once
                hit = memo.get(raw)
                if hit is None:
                    hit = memo[raw] = _text_reading(raw)
                text, parsed = hit[1], hit[0]
                read = cells[cid] = Cell(title, col_letters + row_number, raw, text, parsed, fmt)
            else:
                read = cells[cid] = _cell(title, col_letters + row_number, raw, fmt)
                text, parsed = read.text, read.parsed
            if figure:  # the numbering column holds labels ("I", "01.01", "a.1", "JUMLAH"), not figures
                if isinstance(raw, str):  # a typed figure: counted as `notation.votes` counts it
                    vote = notation_vote(text)
                    if vote is not None:
                        votes[vote == "id"] += 1
                if text and parsed.status in _UNREAD:
                    unread.append(read)
            if parsed.status == "ditto":
                dittos = True
        label = _row_label(values, key_col, key, filled)

        def row_text(values: list[Any] = values) -> str:
            # Every cell of the row, the empty ones past its stored end included (not normalised).
            texts = [text_of(v) for v in values]
            texts += [""] * (n_cols - len(texts))
            return " ".join(texts)

        row_id, role = match_row_raw(labels, label, row_text)
        if role is None:
            role = "total" if _total_labelled(values, total_col, spec.total_labels) else "data"
        for cid in spec.fill_down:
            cell = cells.get(cid)
            if cell is not None and cell.text:
                filled[cid] = cell.text
        rows.append(Row(len(rows), r + 1, role, label, row_id, cells))
        if unread and role in ("data", "subtotal", "total"):
            unparsed += unread
        last = r
    return rows, unparsed, last, dittos, (votes[0], votes[1])


def read_narrative(grid: Grid) -> list[Paragraph]:
    """Column A: what the paragraph follows ("Tabel 3.7", "Bab I"); column B: the paragraph."""
    out: list[Paragraph] = []
    follows = ""
    for r in range(grid.n_rows):
        a, b = grid.text(r, 0), grid.text(r, 1)
        if r == 0 and normalise(a) in {"mengikuti", "setelah", "posisi", "bagian"}:
            continue
        if a:
            follows = a
        if b and len(b) > 2:
            out.append(Paragraph(grid.title, ref(r, 1), follows, b))
        elif a and not b and len(a) > 60:
            out.append(Paragraph(grid.title, ref(r, 0), follows, a))
    return out
