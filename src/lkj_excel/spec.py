"""The standard tables, declared as data in `sheets/*.toml`.

Code here only loads and templates the declarations; what a table contains
and which rules apply to it is decided by its file.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .spec_checks import Check, Same, SpecError, parse_checks, parse_same

# Kinds whose printed figures are exact (counts, money, official areas): no
# rounding interval is granted to them. Other numeric kinds are roundings.
EXACT_KINDS = {"integer", "count", "rupiah", "hectare"}
NUMERIC_KINDS = EXACT_KINDS | {"decimal", "percent", "score"}
NONNEGATIVE_KINDS = {"count", "hectare"}  # a count or an area is never negative


@lru_cache(maxsize=1 << 16)
def _normalise_str(s: str) -> str:
    s = s.lower().replace("\n", " ").replace("–", "-").replace("—", "-")
    s = _NON_WORD.sub(" ", s).replace("_", " ")
    return _SPACES.sub(" ", s).strip()


_NON_WORD = re.compile(r"[^\w+%/ ]")
_SPACES = re.compile(r"\s+")
_NOT_SQUASHED = re.compile(r"[^\w+%]")


def normalise(text: object) -> str:
    """Header/label text reduced for matching: case, punctuation and spacing folded."""
    # Cached: the reader asks for the same header texts for every row it classifies.
    return _normalise_str(text if isinstance(text, str) else str(text or ""))


def squash(text: object) -> str:
    """Text with all spacing removed: "J u m l a h" -> "jumlah"."""
    return _squash_str(text if isinstance(text, str) else str(text or ""))


@lru_cache(maxsize=1 << 16)
def _squash_str(s: str) -> str:
    return _NOT_SQUASHED.sub("", s.lower())


@dataclass(frozen=True)
class ColumnSpec:
    id: str
    header: tuple[str, ...]
    kind: str = "text"
    parent: tuple[str, ...] = ()
    required: bool = False
    formula: str | None = None
    unit: str | None = None
    label: str | None = None  # how the template prints it
    # How to recognise the column by its figures when no header names it:
    # "realisasi / target * 100" (see read.columns).
    content: str | None = None
    # The values the column's figures can take (NRR 1..4, counts >= 0): a correction outside is impossible.
    min: float | None = None
    max: float | None = None

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    @property
    def display(self) -> str:
        """How a message names the column: "Persentase Capaian Kinerja 2024"."""
        if self.label:
            return self.label
        head = self.header[0] if self.header else self.id
        return f"{self.parent[0]} {head}" if self.parent else head

    @property
    def exact(self) -> bool:
        return self.kind in EXACT_KINDS


@dataclass(frozen=True)
class RowSpec:
    id: str
    label: tuple[str, ...]
    role: str = "data"  # data | subtotal | total | info
    sum_of: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TableSpec:
    id: str
    title: str
    chapter: str
    key: str | None
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...] = ()
    numbering: str | None = None
    total_columns: tuple[str, ...] = ()
    total_labels: tuple[str, ...] = ()
    fill_down: tuple[str, ...] = ()
    checks: tuple[Check, ...] = ()  # read-only mappings too: `chk.get("rule")`
    same: tuple[Same, ...] = ()
    template_rows: tuple[tuple[str, ...], ...] = ()
    source: str = ""
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def sheet(self) -> str:
        return f"Tabel {self.id}"

    @cached_property
    def _by_id(self) -> dict[str, ColumnSpec]:
        return {c.id: c for c in self.columns}

    def column(self, cid: str) -> ColumnSpec:
        try:
            return self._by_id[cid]
        except KeyError:
            raise KeyError(f"Tabel {self.id}: no column {cid!r}") from None

    def has_column(self, cid: str) -> bool:
        return cid in self._by_id

    @cached_property
    def _rows_by_id(self) -> dict[str, RowSpec]:
        out: dict[str, RowSpec] = {}
        for rs in self.rows:
            out.setdefault(rs.id, rs)  # the first declaration of an id, as a scan finds it
        return out

    @cached_property
    def _same_by_year(self) -> dict[int | None, tuple[dict[str, Any], ...]]:
        return {}

    def same_for_year(self, year: int | None) -> tuple[dict[str, Any], ...]:
        """The `[[same]]` declarations as plain dicts with {year} templates resolved (read-only: shared)."""
        got = self._same_by_year.get(year)
        if got is None:
            got = self._same_by_year[year] = tuple({k: _fill_years(v, year) for k, v in d.items()} for d in self.same)
        return got

    @cached_property
    def summed_row_ids(self) -> frozenset[str]:
        """Ids of the rows some declared row sums (`sum_of`)."""
        return frozenset(c for rs in self.rows for c in rs.sum_of)

    def row_spec(self, rid: str) -> RowSpec | None:
        """The declared row `rid` (the first, should an id be declared twice)."""
        return self._rows_by_id.get(rid)


DEFAULT_TOTAL_LABELS = ("jumlah", "total", "jumlahtotal", "grandtotal", "totalanggaran", "jumlahseluruhnya")


def _tuple(v: Any) -> tuple:
    if v is None:
        return ()
    if isinstance(v, (list, tuple)):
        return tuple(v)
    return (v,)


def fill_year(s: str, year: int | None) -> str:
    if year is None or "{" not in s:
        return s
    return _fill_year(s, year)


@lru_cache(maxsize=1024)
def _fill_year(s: str, year: int) -> str:
    # Cached: the templates are the declarations' column ids ("target_{year}"), asked for per row by the rules.
    def rep(m: re.Match[str]) -> str:
        off = int((m.group(1) or "0").replace(" ", ""))
        return str(year + off)

    return re.sub(r"\{year\s*([+-]\s*\d+)?\}", rep, s)


def _fill_years(v: Any, year: int | None) -> Any:
    """`fill_year` through a declared value: a string, or a list of them."""
    if isinstance(v, str):
        return fill_year(v, year)
    if isinstance(v, (list, tuple)):
        return [_fill_years(x, year) for x in v]
    return v


def _column(d: dict[str, Any], year: int | None) -> ColumnSpec:
    return ColumnSpec(
        id=fill_year(d["id"], year),
        header=tuple(fill_year(h, year) for h in _tuple(d.get("header"))),
        kind=d.get("kind", "text"),
        parent=tuple(fill_year(h, year) for h in _tuple(d.get("parent"))),
        required=bool(d.get("required", False)),
        formula=d.get("formula"),
        unit=d.get("unit"),
        label=fill_year(d["label"], year) if d.get("label") else None,
        content=d.get("content"),
        min=_bound(d, "min", 0.0 if d.get("kind") in NONNEGATIVE_KINDS else None),
        max=_bound(d, "max", None),
    )


def _columns(name: str, cols: list[dict[str, Any]], year: int | None) -> tuple[ColumnSpec, ...]:
    try:
        return tuple(_column(c, year) for c in cols)
    except SpecError as e:
        raise SpecError(f"sheets/{name}: {e}") from None


def _bound(d: dict[str, Any], key: str, default: float | None) -> float | None:
    v = d.get(key)
    if v is None:
        return default
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise SpecError(f"[[columns]] id = {d.get('id')!r}: {key} must be a number, not {v!r}")
    return float(v)


def sheets_dir() -> Path:
    """Folder of the table declarations: the checkout's `sheets/`, or the installed copy."""
    here = Path(__file__).resolve()
    for cand in (here.parents[2] / "sheets", here.parent / "sheets"):
        if (cand / "tabel_1_1.toml").exists():
            return cand
    return Path(str(resources.files("lkj_excel") / "sheets"))


# `--sheets DIR`: an office's own declarations laid over the built-in ones. Kept
# in the environment so that batch worker processes see the same overlay.
OVERLAY_ENV = "LKJ_EXCEL_SHEETS"


def set_overlay(path: str | Path | None) -> None:
    """Use the TOML files of ``path`` over the built-in `sheets/` (same name: replaced; new name: added)."""
    if path is None:
        os.environ.pop(OVERLAY_ENV, None)
        return
    p = Path(path)
    if not p.is_dir():
        from .errors import LkjError

        raise LkjError("sheets.not_dir", path=str(path))
    os.environ[OVERLAY_ENV] = str(p.resolve())
    for name in sorted(x.name for x in p.glob("*.toml")):
        _load_raw(name)  # a broken file is reported now, before any workbook is read


def overlay_dir() -> str | None:
    return os.environ.get(OVERLAY_ENV) or None


def _load_raw(name: str) -> dict[str, Any]:
    """A declaration file, from `--sheets DIR` when it holds one."""
    return _load_raw_in(name, overlay_dir())


@cache
def _load_raw_in(name: str, overlay: str | None) -> dict[str, Any]:
    path = Path(overlay) / name if overlay else None
    if path is None or not path.exists():
        path = sheets_dir() / name
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        from .errors import LkjError

        raise LkjError("sheets.bad_toml", path=str(path), detail=str(exc)) from exc


def table_files() -> list[str]:
    names = {p.name for p in sheets_dir().glob("tabel_*.toml")}
    if overlay_dir():
        names |= {p.name for p in Path(overlay_dir() or ".").glob("tabel_*.toml")}
    return sorted(names)


@lru_cache(maxsize=256)  # the table ids of the declarations, asked for by every finding sorted
def table_sort_key(tid: str) -> tuple:
    m = re.match(r"(\d+)\.(\d+)", tid or "")
    if m:
        return (0, int(m.group(1)), int(m.group(2)))
    return (1, 0, 0) if tid else (2, 0, 0)


def _rowspec(d: dict[str, Any]) -> RowSpec:
    known = {"id", "label", "role", "sum_of"}
    return RowSpec(
        id=d["id"],
        label=_tuple(d.get("label")),
        role=d.get("role", "data"),
        sum_of=_tuple(d.get("sum_of")),
        extra={k: v for k, v in d.items() if k not in known},
    )


def load_table(name: str, year: int | None = None) -> TableSpec:
    d = _load_raw(name)
    rows: list[RowSpec] = [_rowspec(r) for r in d.get("rows", [])]
    if d.get("row_set"):
        for r in load_aux(d["row_set"]).get("rows", []):
            rows.append(_rowspec(r))
    total = d.get("total", {})
    return TableSpec(
        id=d["id"],
        title=fill_year(d["title"], year),
        chapter=d.get("chapter", ""),
        key=d.get("key"),
        columns=_columns(name, d.get("columns", []), year),
        rows=tuple(rows),
        numbering=d.get("numbering"),
        total_columns=_tuple(total.get("columns")),
        total_labels=tuple(squash(x) for x in total.get("labels", DEFAULT_TOTAL_LABELS)),
        fill_down=_tuple(d.get("fill_down")),
        checks=parse_checks(f"sheets/{name}", d.get("checks", [])),
        same=parse_same(f"sheets/{name}", d.get("same", [])),
        template_rows=tuple(tuple(r) for r in d.get("template_rows", [])),
        source=d.get("source", ""),
        raw=d,
    )


def load_aux(name: str) -> dict[str, Any]:
    """A shared declaration file such as `_scales.toml` or `_indicators.toml`."""
    if not name.endswith(".toml"):
        name = f"_{name}.toml"
    return _load_raw(name)


def load_all(year: int | None = None) -> tuple[TableSpec, ...]:
    return _load_all(year, overlay_dir())


@lru_cache(maxsize=8)
def _load_all(year: int | None, overlay: str | None) -> tuple[TableSpec, ...]:
    specs = [load_table(n, year) for n in table_files()]
    return tuple(sorted(specs, key=lambda s: table_sort_key(s.id)))


def narrative_spec() -> dict[str, Any]:
    return _load_raw("narasi.toml")
