"""`[[checks]]` and `[[same]]` of `sheets/*.toml` as dataclasses that reject unknown keys.

A typo in a declaration ("numerater") used to be read as an absent key and
silently fell back to a default; here it fails when the file is loaded,
naming the file and the key. Each declaration is also a read-only mapping
(`.get(key, default)`, `d[key]`), so code written against the raw TOML tables
keeps working; an absent key reads as absent, exactly as in the TOML.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from functools import cache
from typing import Any, ClassVar

Names = tuple[str, ...]


class SpecError(ValueError):
    """A declaration in sheets/ that cannot be right; the message names file and key."""


@dataclass(frozen=True)
class Declaration(Mapping[str, Any]):
    """Base of a declaration: the fields set in the TOML, read-only, as a mapping too."""

    section: ClassVar[str] = ""
    tag: ClassVar[str] = ""  # the key that names the kind: "rule" or "kind"
    required: ClassVar[Names] = ()

    def __getitem__(self, key: str) -> Any:
        if key not in self._names():
            raise KeyError(key)
        value = getattr(self, key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        # Mapping.get through __getitem__ and its KeyError, without the exception: rules call it per row.
        if key in _field_set(type(self)):
            value = getattr(self, key)
            if value is not None:
                return value
        return default

    def __iter__(self) -> Iterator[str]:
        return (k for k in self._names() if getattr(self, k) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    @classmethod
    def _names(cls) -> Names:
        return _field_names(cls)


@cache
def _field_set(cls: type) -> frozenset[str]:
    return frozenset(_field_names(cls))


@cache
def _field_names(cls: type) -> Names:
    # Cached: rules read declarations thousands of times per workbook; `fields()` is slow.
    return tuple(f.name for f in fields(cls))


# --------------------------------------------------------------------------- [[checks]]
@dataclass(frozen=True)
class Check(Declaration):
    section: ClassVar[str] = "checks"
    tag: ClassVar[str] = "rule"
    rule: str = ""


@dataclass(frozen=True)
class ScaleCheck(Check):
    """A printed reference scale: its interval and label columns (K301, K302)."""

    scale: str | None = None
    interval: str | None = None
    label: str | None = None
    required: ClassVar[Names] = ("scale",)


@dataclass(frozen=True)
class CapaianCheck(Check):
    """% capaian = realisasi / target × 100 by the indicator's polarity (C201, C202)."""

    target: str | None = None
    realisasi: str | None = None
    capaian: str | None = None


@dataclass(frozen=True)
class RatioCheck(Check):
    """out = numerator / denominator × 100 (C203)."""

    numerator: str | None = None
    denominator: str | None = None
    out: str | None = None
    required: ClassVar[Names] = ("numerator", "denominator", "out")


@dataclass(frozen=True)
class PenyerapanSasaranCheck(Check):
    """% penyerapan of a sasaran from the programs `links` ties to it, amounts from `budgets` (E501)."""

    penyerapan: str | None = None
    links: str | None = None
    budgets: str | None = None


@dataclass(frozen=True)
class SkmCheck(Check):
    """The SKM table: unsur rows, NRR tertimbang, IKM, mutu and kinerja rows (S401-S404)."""

    value: str | None = None
    unsur: Names | None = None
    nrr_tertimbang: str | None = None
    ikm: str | None = None
    mutu: str | None = None
    kinerja: str | None = None
    scale: str | None = None


@dataclass(frozen=True)
class CategoryCheck(Check):
    """The category printed beside a value (K303)."""

    value: str | None = None
    category: str | None = None
    scale: str | None = None
    scale_from_row: bool | None = None


@dataclass(frozen=True)
class CategoryRowCheck(Check):
    """A row of categories for the figures of another row (K303)."""

    row: str | None = None
    from_row: str | None = None
    columns: Names | None = None
    scale: str | None = None
    required: ClassVar[Names] = ("row", "from_row")


@dataclass(frozen=True)
class CategoryInCellCheck(Check):
    """Scores printed with their category in one cell ("BB (72,62)"), on the row's scale (K303)."""

    scale: str | None = None


@dataclass(frozen=True)
class ComponentMaxCheck(Check):
    """Columns whose components are bounded (predikat scores)."""

    value: Names | str | None = None


# --------------------------------------------------------------------------- [[same]]
@dataclass(frozen=True)
class Same(Declaration):
    section: ClassVar[str] = "same"
    tag: ClassVar[str] = "kind"
    kind: str = ""
    table: str | None = None


@dataclass(frozen=True)
class SameRows(Same):
    """The same list of rows (desa) as the other table (X602)."""

    required: ClassVar[Names] = ("table",)


@dataclass(frozen=True)
class SameValue(Same):
    """A column equals an expression of the other table's columns, row by row (X603)."""

    column: str | None = None
    expression: str | None = None
    required: ClassVar[Names] = ("table", "column", "expression")


@dataclass(frozen=True)
class SameColumn(Same):
    """A column equals the other table's column, matched by row (X601)."""

    column: str | None = None
    other_column: str | None = None
    required: ClassVar[Names] = ("table", "column")


@dataclass(frozen=True)
class SameIndicator(Same):
    """Columns of an indicator's row equal the other table's, matched by indicator (X601)."""

    columns: Names | None = None
    other_columns: Names | None = None
    own_rows_only: bool | None = None
    required: ClassVar[Names] = ("table", "columns")


@dataclass(frozen=True)
class SameSum(Same):
    """A column's total equals a row of the other table (X601)."""

    column: str | None = None
    other_row: str | None = None
    other_column: str | None = None
    required: ClassVar[Names] = ("table", "column")


@dataclass(frozen=True)
class SameCell(Same):
    """One cell equals one cell of the other table (X601)."""

    row: str | None = None
    column: str | None = None
    other_row: str | None = None
    other_column: str | None = None
    required: ClassVar[Names] = ("table", "column")


CHECKS: dict[str, type[Check]] = {
    "scale": ScaleCheck,
    "capaian": CapaianCheck,
    "ratio": RatioCheck,
    "penyerapan_sasaran": PenyerapanSasaranCheck,
    "skm": SkmCheck,
    "category": CategoryCheck,
    "category_row": CategoryRowCheck,
    "category_in_cell": CategoryInCellCheck,
    "component_max": ComponentMaxCheck,
}
SAMES: dict[str, type[Same]] = {
    "rows": SameRows,
    "value": SameValue,
    "column": SameColumn,
    "indicator": SameIndicator,
    "sum": SameSum,
    "cell": SameCell,
}


def _value(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


def _parse(source: str, section: str, n: int, raw: Mapping[str, Any], kinds: Mapping[str, type[Declaration]]) -> Any:
    where = f"{source}: [[{section}]] #{n}"
    tag = "rule" if section == "checks" else "kind"
    kind = raw.get(tag)
    cls = kinds.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise SpecError(f"{where}: {tag} = {kind!r} is none of {', '.join(sorted(kinds))}")
    allowed = cls._names()
    for key in raw:
        if key not in allowed:
            raise SpecError(f"{where} ({tag} = {kind!r}): unknown key {key!r}; allowed: {', '.join(allowed)}")
    for key in cls.required:
        if key not in raw:
            raise SpecError(f"{where} ({tag} = {kind!r}): key {key!r} is required")
    return cls(**{k: _value(v) for k, v in raw.items()})


def parse_checks(source: str, raw: list[Mapping[str, Any]]) -> tuple[Check, ...]:
    """The `[[checks]]` of one file; SpecError on an unknown rule or key."""
    return tuple(_parse(source, "checks", n, d, CHECKS) for n, d in enumerate(raw, 1))


def parse_same(source: str, raw: list[Mapping[str, Any]]) -> tuple[Same, ...]:
    """The `[[same]]` of one file; SpecError on an unknown kind or key."""
    return tuple(_parse(source, "same", n, d, SAMES) for n, d in enumerate(raw, 1))
