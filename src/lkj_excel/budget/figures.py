"""The export's figures as the LKjIP budget tables need them: per program, jenis, kelompok and in total.

Each `Figure` keeps the leaf lines behind it, so a finding can name every
export cell its figure was summed from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .aggregate import BudgetSummary, jenis_code
from .model import BudgetExport


# --- export figures ------------------------------------------------------------
@dataclass(slots=True)
class Figure:
    """One aggregate of the export and the leaf lines behind it."""

    anggaran: float
    realisasi: float | None  # None: the export has no realisasi
    lines: pd.DataFrame

    @property
    def penyerapan(self) -> float | None:
        if self.realisasi is None or not self.anggaran:
            return None
        return self.realisasi / self.anggaran * 100


class Source:
    def __init__(self, export: BudgetExport, summary: BudgetSummary) -> None:
        self.export = export
        self.lines = export.lines
        self.has_realisasi = bool(export.realisasi_column) and bool(self.lines["realisasi"].notna().any())
        self.jenis_of = self.lines["rekening"].map(jenis_code)
        self.anggaran_file = Path(export.path).name
        self.realisasi_file = Path(export.realisasi_path or export.path).name
        by_program = export.realisasi_by_program
        self.programs = {
            str(k): self._fig(a, r if by_program else None, self.lines[self.lines["program"] == k], by_program)
            for k, a, r in summary.programs[["kode", "anggaran", "realisasi"]].itertuples(index=False)
        }
        self.jenis: dict[str, Figure] = {}
        for k, level, a, r in summary.jenis[["kode", "level", "anggaran", "realisasi"]].itertuples(index=False):
            if not k:
                continue
            if level == "kelompok":
                mask = self.jenis_of.map(lambda j, k=k: j == k or j.startswith(k + "."))
            else:
                mask = self.jenis_of == k
            self.jenis[str(k)] = self._fig(a, r, self.lines[mask])
        t = summary.total.iloc[0]
        self.total = self._fig(t["anggaran"], t["realisasi"], self.lines)
        self.kinds: dict[str, str] = dict(summary.jenis[["kode", "level"]].itertuples(index=False))
        self.jenis_names: dict[str, str] = dict(summary.jenis[["kode", "nama"]].itertuples(index=False))
        self.program_names: dict[str, str] = dict(summary.programs[["kode", "nama"]].itertuples(index=False))

    def _fig(self, a: Any, r: Any, lines: pd.DataFrame, known: bool = True) -> Figure:
        a = 0.0 if pd.isna(a) else float(a)
        if not self.has_realisasi or not known:
            real: float | None = None
        else:
            real = 0.0 if pd.isna(r) else float(r)
        return Figure(a, real, lines)

    def empty(self) -> Figure:
        return Figure(0.0, 0.0 if self.has_realisasi else None, self.lines.iloc[0:0])

    def refs(self, lines: pd.DataFrame, roles: tuple[str, ...]) -> list[str]:
        out: list[str] = []
        cols = [f"{role}_cell" for role in roles]
        files = [self.anggaran_file if role == "anggaran" else self.realisasi_file for role in roles]
        for cells in lines[cols].itertuples(index=False):
            for fname, v in zip(files, cells, strict=True):
                if isinstance(v, str) and v:
                    out.append(f"{fname}:{v}")
        return out
