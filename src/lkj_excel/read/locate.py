"""Find a standard table on a sheet: which sheet, where its header is, which column is which.

Nothing here assumes fixed cell addresses: offices add title rows, blank rows,
multi-row merged headers and column-number rows as they please.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..spec import ColumnSpec, TableSpec, normalise, squash
from ..spec import _normalise_str as _normalise_text  # `normalise` of a str, without its type test's call
from ..spec import _squash_str as _squash_text
from .grid import Grid, text_of

_SHEET_RE = re.compile(r"(?i)^\s*(?:tabel|tbl|table)\s*\.?\s*(\d+)\s*[.,]\s*(\d+)(?!\d)")
_NUMBER_CELL_RE = re.compile(r"^\(?\s*\d{1,2}\s*\)?$")
# A character no column number holds, or 3 digits in a row: some whitespace-separated token fails _NUMBER_CELL_RE.
_NOT_NUMBERING = re.compile(r"[^\d()\s]|\d{3}")
_YEAR_RE = re.compile(r"^(19|20)\d\d$")
_FOOTER_RE = re.compile(r"^(sumber|keterangan|catatan|ket\b|sumber data|note)")


def table_id_of_sheet(name: str) -> str | None:
    """ "Tabel 1.2", "TABEL 1.2", "Tabel. 1.2", "Tabel 1.2 Jumlah Penduduk" -> "1.2"."""
    m = _SHEET_RE.match(name)
    return f"{int(m.group(1))}.{int(m.group(2))}" if m else None


def table_id_in_grid(grid: Grid) -> str | None:
    """A sheet named "Sheet3" whose first rows say "Tabel 1.2"."""
    for r in range(min(4, grid.n_rows)):
        for c in range(min(3, grid.n_cols)):
            t = grid.text(r, c)
            if t:
                tid = table_id_of_sheet(t)
                if tid:
                    return tid
    return None


@lru_cache(maxsize=1 << 16)
def _alt_score(alt: str, element: str) -> int:
    a = normalise(alt)
    if not a or not element:
        return 0
    if a == element or squash(a) == squash(element):
        return 3
    if re.search(rf"(^| ){re.escape(a)}( |$)", element):
        return 1
    if _one_typo(squash(a), squash(element)):
        return 2  # "CAPAIN", "% Capaian (%)": a header typed with one letter off
    return 0


def _one_typo(a: str, b: str) -> bool:
    """One letter added, dropped or changed, in words long enough to be sure; never in a year."""
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1 or re.search(r"\d", a + b):
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


class _SpecMemo:
    """What locating a table asks of its declaration again and again, worked out once per declaration
    (keyed by identity: hashing a declaration's frozen columns costs more than the lookups it serves)."""

    __slots__ = ("spec", "exact", "squashed", "scores", "assigned", "layouts", "required", "needed", "figures")

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec  # kept alive, so that its id is not reused while memoised
        self.exact, self.squashed = _exact_alternatives(spec.columns)
        # Required columns: those a header must name (`locate`), all of them (the reader); figure columns
        # but the numbering (a label, not a figure).
        self.required = tuple(c.id for c in spec.columns if c.required and not c.content)
        self.needed = tuple(c.id for c in spec.columns if c.required)
        self.figures = frozenset(c.id for c in spec.columns if c.numeric and c.id != spec.numbering)
        self.scores: dict[tuple[str, ...], tuple[float, ...]] = {}
        # A header's texts (and the sheet's width) -> its columns: offices keep the template's header.
        self.assigned: dict[tuple[int, tuple[tuple[str, ...], ...]], Assignment] = {}
        # A header block's length (data start - header start) -> its contents -> its layout, rows counted from
        # the header's start: `_layout_from` reads nothing but these rows, the merges over them and the width.
        self.layouts: dict[int, dict[tuple[object, ...], Layout]] = {}

    def scores_of(self, path: tuple[str, ...]) -> tuple[float, ...]:
        """How well a header path fits each declared column, in declaration order."""
        s = self.scores.get(path)
        if s is None:
            if len(self.scores) > 1 << 12:
                self.scores.clear()
            s = self.scores[path] = tuple(_column_score(col, path) for col in self.spec.columns)
        return s

    def assignment(self, header_texts: list[list[str]], n_cols: int) -> Assignment:
        """`_assign`, worked out once per header; the caller gets its own copies (the reader extends them)."""
        key = (n_cols, tuple(tuple(texts) for texts in header_texts))
        hit = self.assigned.get(key)
        if hit is None:
            if len(self.assigned) > 1 << 10:
                self.assigned.clear()
            hit = self.assigned[key] = _assign(self, header_texts, n_cols)
        paths, columns, how, missing = hit
        return {c: list(p) for c, p in paths.items()}, dict(columns), dict(how), list(missing)


Assignment = tuple[dict[int, list[str]], dict[str, int], dict[str, str], list[str]]


def _assign(memo: _SpecMemo, header_texts: list[list[str]], n_cols: int) -> Assignment:
    """Each column's header path, and the declared columns they fit: greedy, best fits first."""
    spec = memo.spec
    paths: dict[int, list[str]] = {}
    for c in range(n_cols):
        path: list[str] = []
        for texts in header_texts:
            t = texts[c]
            if t and (not path or path[-1] != t):
                path.append(t)
        if path:
            paths[c] = path
    scored = []
    for c, path in paths.items():
        for i, s in enumerate(memo.scores_of(tuple(path))):
            if s > 0:
                scored.append((-s, c, i))
    scored.sort()
    columns: dict[str, int] = {}
    how: dict[str, str] = {}
    used: set[int] = set()
    for _neg, c, i in scored:
        cid = spec.columns[i].id
        if cid in columns or c in used:
            continue
        columns[cid] = c
        used.add(c)
        how[cid] = "judul: " + " / ".join(paths[c])
    missing = [col.id for col in spec.columns if col.id not in columns]
    return paths, columns, how, missing


_MEMOS: dict[int, _SpecMemo] = {}


def spec_memo(spec: TableSpec) -> _SpecMemo:
    """What is worked out once per declaration (for the reader)."""
    return _memo(spec)


def _memo(spec: TableSpec) -> _SpecMemo:
    m = _MEMOS.get(id(spec))
    if m is None or m.spec is not spec:
        if len(_MEMOS) > 256:
            _MEMOS.clear()
        m = _MEMOS[id(spec)] = _SpecMemo(spec)
    return m


@lru_cache(maxsize=1 << 14)
def _column_score(col: ColumnSpec, path: tuple[str, ...]) -> float:
    if not path:
        return 0.0
    best: float = 0.0
    for i, e in enumerate(path):
        s: float = float(max((_alt_score(h, e) for h in col.header), default=0))
        if s == 0:
            continue
        others = path[:i] + path[i + 1 :]
        if col.parent:
            p = max((_alt_score(h, o) for h in col.parent for o in others), default=0)
            if p == 0:
                # "L", "P" without "Jumlah Penduduk" above them: a weaker fit; a bare year never fits alone.
                if others or s < 3 or re.search(r"\d", e):
                    continue
                s -= 1.5
            s += p
        elif others:
            # A bare "Target" should prefer a column with no year above it.
            s -= 0.5
        best = max(best, s)
    return best


def _is_number_row(grid: Grid, r: int) -> bool:
    return number_row_in(grid.row(r))


def number_row_in(values: list[object]) -> bool:
    """Is a row of these values a column-number row ("1 2 3", "(1) (2) (3)")?"""
    # Cells past the end of the stored row are empty: their text is "".
    filled = []
    for v in values:
        if v is not None and (t := v.strip() if type(v) is str else text_of(v)):  # text_of, inlined for text
            if _NOT_NUMBERING.search(t):
                return False  # a word or a figure of 3+ digits: neither rule below can hold
            filled.append(t)
    if not filled:
        return False
    if len(filled) >= 2 and all(_NUMBER_CELL_RE.match(t) for t in filled):
        return True
    # "(1) (2) (3)" typed into one cell
    tokens = " ".join(filled).split()
    return len(tokens) >= 2 and all(_NUMBER_CELL_RE.match(t) for t in tokens)


def _row_texts(grid: Grid, r: int, merged: bool = True) -> list[str]:
    if merged:
        values = grid.merged_row(r)
    else:
        row = grid.row(r)
        values = row + [None] * (grid.n_cols - len(row))
    return [_normalise_text(v) if type(v) is str else normalise(v) if v is not None else "" for v in values]


@lru_cache(maxsize=256)
def _alternatives(columns: tuple[ColumnSpec, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a for col in columns for a in (*col.header, *col.parent)))


@lru_cache(maxsize=256)
def _exact_alternatives(columns: tuple[ColumnSpec, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The normalised alternatives and their squashed forms: ``_alt_score(a, t) >= 3`` exactly
    when ``t`` is one of the first or its squashed form one of the second."""
    norm = [a for a in (normalise(alt) for alt in _alternatives(columns)) if a]
    return frozenset(norm), frozenset(squash(a) for a in norm)


def _label_hits(spec: TableSpec, texts: list[str]) -> int:
    memo = _memo(spec)
    exact, squashed = memo.exact, memo.squashed
    hits = 0
    for t in texts:
        if t and (t in exact or _squash_text(t) in squashed):
            hits += 1
    return hits


def _is_numeric_value(v: object) -> bool:
    """A figure: a number that is not a whole year 1900-2099 (a header's year)."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return not (1900 <= v < 2100) or not float(v).is_integer()
    return False


@dataclass
class Layout:
    header_rows: list[int]
    number_row: int | None
    data_start: int
    columns: dict[str, int]  # column id -> 0-based col
    paths: dict[int, list[str]]
    missing: list[str]
    signatures: list[dict[int, str]] | None = None  # header rows' texts by column, for page-break repeats
    how: dict[str, str] = field(default_factory=dict)  # column id -> how it was recognised
    # The signatures it was worked out from, and every text they hold by column (any header row's).
    _texts_at: tuple[object, dict[int, set[str]]] | None = field(default=None, compare=False, repr=False)


def locate(grid: Grid, spec: TableSpec) -> Layout | None:
    """Find the header of `spec` on `grid`; None when no header fits.

    A required column that can be recognised by its figures (`content` in its
    declaration) may be missing here: the reader looks for it in the data.
    """
    limit = min(grid.n_rows, 40)
    required = _memo(spec).required
    wide = len(spec.columns) >= 2  # a header needs two label hits: a row of one text cannot be one
    for start in range(limit):
        if spec.columns and not grid.rows.get(start) and not (grid.merges and grid.merges_at(start)):
            continue  # nothing stands in the row, not even a merged range from above: no label to hit
        row = grid.row(start)
        if len(row) - row.count(None) < 2 and wide and not (grid.merges and grid.merges_at(start)):
            continue  # one value at most, none merged over the row (a title): fewer texts than the hits needed
        numbers = 0
        for v in row:
            if v is not None and type(v) is not str and _is_numeric_value(v):  # a text is no figure
                numbers += 1
        if numbers > 1:
            continue
        texts = _row_texts(grid, start)
        hits = _label_hits(spec, texts)
        # One stray figure beside a header (a note, a page number) does not make it a data row.
        if hits < min(2, len(spec.columns)) or (numbers and hits < 3):
            continue
        layout = _remembered_layout(grid, spec, start, texts)
        if all(cid in layout.columns for cid in required):
            return layout
    return None


def _block_key(grid: Grid, start: int, length: int) -> tuple[object, ...]:
    """What `_layout_from` reads of the rows ``start .. start + length - 1`` (header, number row, blank rows):
    their values, the merges over them (their origin's value included: a merge from above gives a header its
    text), whether the sheet goes on past them, and its width. Of the data's first row it asks only whether
    it is empty, a number row or a header row (`_ends_block`)."""
    end = start + length
    rows = grid.rows
    values = tuple(tuple(rows.get(r) or ()) for r in range(start, end))
    merges = tuple(
        (r1 - start, c1, r2 - start, c2, grid.value(r1, c1))
        for r1, c1, r2, c2 in grid.merges
        if r1 < end and r2 >= start
    )
    return (grid.n_cols, min(grid.n_rows - start, length + 1), values, merges)


def _ends_block(grid: Grid, spec: TableSpec, layout: Layout) -> bool:
    """Does the row at the remembered data start end the header block here too, as `_layout_from` tells?"""
    r = layout.data_start
    if r >= grid.n_rows:
        return True  # the sheet ends there (the key says so)
    if _is_number_row(grid, r) or all(v is None for v in grid.row(r)):
        return False
    examined = layout.number_row is None and len(layout.header_rows) < 4 and layout.header_rows[-1] + 1 == r
    return not (examined and _extends_header(grid, spec, r))


def _remembered_layout(grid: Grid, spec: TableSpec, start: int, start_texts: list[str]) -> Layout:
    """`_layout_from`, worked out once per header block (offices keep the template's header); a copy each time,
    rows placed at ``start`` (the reader extends the layout it is given)."""
    known = _memo(spec).layouts
    for length, blocks in known.items():
        hit = blocks.get(_block_key(grid, start, length))
        if hit is not None:
            layout = _moved(hit, start)
            if _ends_block(grid, spec, layout):
                return layout
    layout = _layout_from(grid, spec, start, start_texts)
    length = layout.data_start - start
    blocks = known.setdefault(length, {})
    if len(blocks) > 1 << 8:
        blocks.clear()
    kept = blocks[_block_key(grid, start, length)] = _moved(layout, -start)
    header_texts(grid, kept)  # worked out once: every copy made from it shares its signatures and this
    return layout


def _moved(layout: Layout, by: int) -> Layout:
    """A copy of `layout` with its rows moved by `by` (what the reader changes is copied, the rest shared)."""
    number_row = None if layout.number_row is None else layout.number_row + by
    return Layout(
        [h + by for h in layout.header_rows],
        number_row,
        layout.data_start + by,
        dict(layout.columns),
        {c: list(p) for c, p in layout.paths.items()},
        list(layout.missing),
        layout.signatures,
        dict(layout.how),
        layout._texts_at,
    )


# A header row that only gives units: "(Rp)", "%", "Satuan".
_UNIT_CELL_RE = re.compile(r"(?i)^\(?\s*(rp\.?|%|ha|jiwa|kk|orang|unit|persen|nilai|indeks|satuan|rupiah)\s*\)?$")


def _is_unit_row(grid: Grid, r: int) -> bool:
    filled = [t for v in grid.row(r) if v is not None and (t := text_of(v))]
    return len(filled) >= 2 and all(_UNIT_CELL_RE.match(t) for t in filled)


def _extends_header(grid: Grid, spec: TableSpec, r: int) -> bool:
    """Does row ``r``, below a header row, belong to the header (a unit row, or labels and years)?"""
    if _is_number_row(grid, r):
        return False
    if _is_unit_row(grid, r):
        return True
    raw = grid.row(r)
    if any(_is_numeric_value(v) for v in raw):
        return False
    own = [_normalise_text(v) if type(v) is str else normalise(v) for v in raw if v is not None]
    if not own:
        return False
    return _label_hits(spec, own) + sum(1 for t in own if _YEAR_RE.match(t)) > 0


def _layout_from(grid: Grid, spec: TableSpec, start: int, start_texts: list[str]) -> Layout:
    """The layout whose header starts at row ``start`` (its texts, ``_row_texts(grid, start)``, given)."""
    header = [start]
    r = start + 1
    while r < grid.n_rows and len(header) < 4 and _extends_header(grid, spec, r):
        header.append(r)
        r += 1
    header_texts = [start_texts] + [_row_texts(grid, hr) for hr in header[1:]]
    signatures = [dict(enumerate(texts)) for texts in header_texts]  # what is_repeated_header compares
    paths, columns, how, missing = _memo(spec).assignment(header_texts, grid.n_cols)
    r = header[-1] + 1
    number_row = None
    while r < grid.n_rows:
        if _is_number_row(grid, r):
            number_row = r
            r += 1
            continue
        if all(v is None for v in grid.row(r)):
            r += 1
            continue
        break
    return Layout(header, number_row, r, columns, paths, missing, signatures, how)


def is_footer(grid: Grid, r: int) -> bool:
    """Does the row's first text among its first four cells start a footer ("Sumber: ...")?"""
    return footer_in(grid.row(r))


def footer_in(values: list[object]) -> bool:
    """`is_footer` of a row holding these values."""
    for v in values[:4]:
        if type(v) is str:  # most: what a text says is remembered
            said = _FOOTER_TEXTS.get(v)
            if said is None:
                if len(_FOOTER_TEXTS) > 1 << 14:
                    _FOOTER_TEXTS.clear()
                t = _normalise_text(v)
                said = _FOOTER_TEXTS[v] = 0 if not t else 1 if _FOOTER_RE.match(t) else 2
            if said:
                return said == 1
            continue
        t = normalise(v)
        if t:
            return bool(_FOOTER_RE.match(t))
    return False


# A text -> 0: nothing once normalised (the next cell decides), 1: a footer's start, 2: anything else.
_FOOTER_TEXTS: dict[str, int] = {}


def is_repeated_header(grid: Grid, r: int, layout: Layout, spec: TableSpec) -> bool:
    """A header row typed again after a page break: its texts stand where the header's do."""
    return repeated_header_in(grid.row(r), header_texts(grid, layout))


def header_texts(grid: Grid, layout: Layout) -> HeaderTexts:
    """The header rows' texts by column (`signatures`), and every text they hold by column."""
    if layout.signatures is None:
        layout.signatures = [dict(enumerate(_row_texts(grid, hr))) for hr in layout.header_rows]
    alive = layout.signatures
    known = layout._texts_at
    if known is None or known[0] is not alive:
        texts_at: dict[int, set[str]] = {}
        for sig in alive:
            for c, t in sig.items():
                texts_at.setdefault(c, set()).add(t)
        known = layout._texts_at = (alive, texts_at)
    return alive, known[1]


HeaderTexts = tuple[list[dict[int, str]], dict[int, set[str]]]


def repeated_header_in(values: list[object], header: HeaderTexts) -> bool:
    """`is_repeated_header` of a row holding these values, given `header_texts` of its layout."""
    # The header rows every text so far stands where it does; none left (or a figure): not a header.
    alive, texts_at = header
    own = 0
    for c, v in enumerate(values):
        if v is None:
            continue
        if type(v) is not str and _is_numeric_value(v):
            return False
        t = _normalise_text(v) if type(v) is str else normalise(v)
        if t not in texts_at.get(c, ()):
            return False  # no header row holds it there: none is left alive
        alive = [sig for sig in alive if sig.get(c) == t]
        if not alive:
            return False
        own += 1
    return own >= 2


def is_number_row(grid: Grid, r: int) -> bool:
    return _is_number_row(grid, r)
