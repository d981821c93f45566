"""Which table is the source of what, declared in `sheets/_sources.toml`.

The code that needs a table id by role (the source of a target, the budget
tables, the key indicator tables) reads it here instead
of hard-coding it. Unknown keys fail at load time, naming the file and key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache, cached_property
from typing import Any

from .spec import fill_year, load_aux
from .spec_checks import SpecError

FILE = "_sources.toml"


@dataclass(frozen=True)
class Rank:
    table: str
    column: str
    rank: int
    why: str = ""


@dataclass(frozen=True)
class IndicatorSource:
    table: str
    target: str
    realisasi: str
    capaian: str

    def columns(self, year: int | None) -> tuple[str, str, str, str] | None:
        """(table, target, realisasi, capaian) for `year`; None when a column needs the unknown year."""
        cols = (self.target, self.realisasi, self.capaian)
        if year is None and any("{" in c for c in cols):
            return None
        return (
            self.table,
            fill_year(self.target, year),
            fill_year(self.realisasi, year),
            fill_year(self.capaian, year),
        )


@dataclass(frozen=True)
class Budget:
    jenis: tuple[str, ...]
    program: tuple[str, ...]
    efficiency: str  # % penyerapan per sasaran (Tabel 3.14)
    links: str  # the programs of each sasaran (Tabel 3.15)
    absorption: str  # anggaran and realisasi per program, summed per sasaran (Tabel 3.17)


@dataclass(frozen=True)
class Sources:
    ranks: tuple[Rank, ...]
    budget: Budget
    indicators: tuple[IndicatorSource, ...]

    def source_ranks(self) -> dict[tuple[str, str], int]:
        """{(table, column without year): rank}: lower wins, equal ranks mean no source."""
        return {(r.table, r.column): r.rank for r in self.ranks}

    @cached_property
    def _ranks(self) -> dict[tuple[str, str], int]:
        return self.source_ranks()

    def source_rank(self, tid: str, cid: str) -> int | None:
        return self._ranks.get((tid, cid))  # asked for every pair of figures printed twice: indexed once

    def source_tables(self, column: str) -> tuple[str, ...]:
        """The tables that are the source of `column` (the lowest rank): ("2.2",) for "target"."""
        ranked = [r for r in self.ranks if r.column == column]
        best = min((r.rank for r in ranked), default=None)
        return tuple(r.table for r in ranked if r.rank == best)

    @property
    def budget_tables(self) -> tuple[str, ...]:
        """Every table that repeats the SIPD budget: jenis tables, then program tables."""
        return self.budget.jenis + self.budget.program

    def indicator_sources(self, year: int | None) -> list[tuple[str, str, str, str]]:
        """(table, target, realisasi, capaian) of each key indicator table, in order."""
        return [c for i in self.indicators if (c := i.columns(year)) is not None]


def _make(cls: type, where: str, raw: Mapping[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    for key in raw:
        if key not in names:
            raise SpecError(f"sheets/{FILE}: {where}: unknown key {key!r}; allowed: {', '.join(sorted(names))}")
    try:
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()})
    except TypeError as e:  # a required key missing
        raise SpecError(f"sheets/{FILE}: {where}: {e}") from None


def parse_sources(raw: Mapping[str, Any]) -> Sources:
    """The declarations of `_sources.toml`; SpecError on an unknown or missing key."""
    top = {"rank", "budget", "indicators"}
    for key in raw:
        if key not in top:
            raise SpecError(f"sheets/{FILE}: unknown key {key!r}; allowed: {', '.join(sorted(top))}")
    return Sources(
        ranks=tuple(_make(Rank, f"[[rank]] #{n}", d) for n, d in enumerate(raw.get("rank", []), 1)),
        budget=_make(Budget, "[budget]", raw.get("budget", {})),
        indicators=tuple(
            _make(IndicatorSource, f"[[indicators]] #{n}", d) for n, d in enumerate(raw.get("indicators", []), 1)
        ),
    )


@cache
def sources() -> Sources:
    return parse_sources(load_aux(FILE))
