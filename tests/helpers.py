"""Helpers shared by the rule and budget tests: small workbooks, one rule run, the built exports."""

from __future__ import annotations

import importlib.util
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from openpyxl import Workbook

from lkj_excel.check import run_checks
from lkj_excel.read.reader import read_workbook

ROOT = Path(__file__).resolve().parents[1]


def write_workbook(path: Path, sheets: dict[str, list[list]], formats: dict[tuple[str, str], str] | None = None):
    """Write {sheet: rows} (number formats as {(sheet, ref): fmt}) with openpyxl and read it back."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(list(r))
        for (sheet, ref), fmt in (formats or {}).items():
            if sheet == name:
                ws[ref].number_format = fmt
    wb.save(path)
    return read_workbook(path)


def build_merged(tmp_path: Path, sheets: dict[str, tuple[list[list], list[str]]], name: str = "t.xlsx"):
    """Write {sheet: (rows, merged ranges)} with openpyxl and read it back."""
    xl = Workbook()
    xl.remove(xl.active)
    for title, (rows, merges) in sheets.items():
        ws = xl.create_sheet(title)
        for row in rows:
            ws.append(row)
        for m in merges:
            ws.merge_cells(m)
    path = tmp_path / name
    xl.save(path)
    return read_workbook(path)


def codes(findings, code):
    """The findings with this rule code."""
    return [f for f in findings if f.code == code]


def run_rule(wb, code: str):
    """Run one rule alone and keep only its own findings."""
    return codes(run_checks(wb, only={code}), code)


def load_build_export() -> ModuleType:
    """samples/build_export.py as a module (samples/ is not a package; the builder imports `_reproducible`)."""
    if str(ROOT / "samples") not in sys.path:
        sys.path.insert(0, str(ROOT / "samples"))
    spec = importlib.util.spec_from_file_location("build_export", ROOT / "samples" / "build_export.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build_export_samples(out: Path) -> Path:
    """Freshly built exports in `out`, so the tests never depend on stale committed files."""
    load_build_export().main(["build_export.py", str(out)])
    return out


def diagnosis_key(d: Any) -> object:
    """A localizer `Diagnosis` as plain data, for comparing two searches' answers."""
    pick = d.chosen
    chosen = (
        None if pick is None else (sorted(pick.values.items()), sorted(pick.open.items()), sorted(pick.typos.items()))
    )
    alts = [(sorted(f.cells), sorted(f.values.items()), sorted(f.open.items())) for f in d.alternatives]
    return d.status, sorted(e.label + e.code for e in d.violated), chosen, alts


def indicator_slips(corpus: Any, n: int, seed: int) -> Iterator[Any]:
    """The sample (a mutation `Corpus`) with one to five slips, most in the indicator tables (figures printed in
    many tables)."""
    from lkj_excel.edits.mutation import CLASSES, mistype

    rng = random.Random(seed)
    iku = [s for s in corpus.sites if s.sheet.upper().startswith(("TABEL 3.", "TABEL. 2", "TABEL 2"))]
    assert iku
    for _ in range(n):
        picks = rng.sample(iku, rng.randint(1, 4)) + rng.sample(corpus.sites, rng.randint(0, 1))
        changes = []
        for s in dict.fromkeys(picks):
            v = mistype(s.value, s.decimals, rng.choice(CLASSES), rng)
            changes.append((s, v if v is not None else round(s.value + 1.0, s.decimals)))
        yield corpus.mutated(changes)


def slip(printed: str, rng: random.Random) -> str:
    """`printed` with at most one typing slip at a random digit: one replaced, dropped, doubled or swapped with
    the next (or none)."""
    digits = list(printed)
    k = rng.randrange(len(digits))
    if digits[k].isdigit():
        op = rng.choice(["replace", "drop", "insert", "swap", "none"])
        if op == "replace":
            digits[k] = str(rng.randrange(10))
        elif op == "drop" and sum(ch.isdigit() for ch in digits) > 1:
            del digits[k]
        elif op == "insert":
            digits.insert(k, str(rng.randrange(10)))
        elif op == "swap" and k + 1 < len(digits) and digits[k + 1].isdigit():
            digits[k], digits[k + 1] = digits[k + 1], digits[k]
    return "".join(digits)
