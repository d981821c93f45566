"""Which files a batch checks, which it skips and why, and where each one's outputs go.

Offices often submit a file of the same name ("LKjIP 2024.xlsx"), one folder
each: a workbook's name in the batch is its path relative to the common folder
of the inputs ("Kec Sei Balai/LKjIP 2024.xlsx"), and its outputs mirror that
tree under OUT (OUT/Kec Sei Balai/LKjIP 2024_terkoreksi.xlsx).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".ods"}
RECAP_NAME = "rekap.xlsx"
RECAP_JSON = "rekap.json"
CORRECTED_SUFFIX = "_terkoreksi"
REPORT_SUFFIX = "_reviu"
JSON_SUFFIX = "_temuan"
REPORT_KINDS = (".xlsx", ".html", ".json")


@dataclass(frozen=True, slots=True)
class Item:
    path: Path  # as found (relative to the working folder when the input was)
    name: str  # its name in the batch: the path below the inputs' common folder, with "/"


@dataclass(frozen=True, slots=True)
class Skipped:
    name: str
    reason: str  # message key in batch.texts: "skip.lock", "skip.output", "skip.csv", "skip.other"


@dataclass(slots=True)
class Discovery:
    items: list[Item] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)


def skip_reason(p: Path) -> str | None:
    """Why a file found in a folder is not checked (None: it is checked, or ignored silently)."""
    name, low = p.name, p.name.lower()
    if name.startswith("~$") or low.startswith(".~lock."):
        return "skip.lock"
    if name.startswith("."):
        return None  # hidden and system files (and our own temporary files): not the office's
    stem = p.stem.lower()
    if low in (RECAP_NAME, RECAP_JSON) or stem.endswith((CORRECTED_SUFFIX, REPORT_SUFFIX, JSON_SUFFIX)):
        return "skip.output"
    if p.suffix.lower() == ".csv":
        return "skip.csv"
    if p.suffix.lower() not in WORKBOOK_SUFFIXES:
        return "skip.other"
    return ""


def _inside(p: Path, folder: Path) -> bool:
    return folder == p or folder in p.parents


def _walk(folder: Path, out_dir: Path | None) -> list[Path]:
    """Files below `folder`, sorted; a previous run's output tree inside it is left out."""
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: str(p).lower())
    if out_dir is not None and not _inside(folder.absolute(), out_dir):
        files = [p for p in files if not _inside(p.absolute(), out_dir)]
    return files


def _base(inputs: list[Path]) -> Path | None:
    """The common folder of the inputs (a folder counts as itself, a file as its folder)."""
    dirs = [str(p.absolute() if p.is_dir() else p.absolute().parent) for p in inputs]
    try:
        return Path(os.path.commonpath(dirs)) if dirs else None
    except ValueError:  # different drives (Windows)
        return None


def _name(p: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return p.absolute().relative_to(base).as_posix()
        except ValueError:
            pass
    return p.name


def discover(inputs: Iterable[Path], out_dir: Path | None = None) -> Discovery:
    """Expand files and folders (recursively) into the workbooks to check, in a stable order."""
    inputs = [Path(p) for p in inputs]
    out_abs = Path(out_dir).absolute() if out_dir is not None else None
    base = _base([p for p in inputs if p.exists()])
    d = Discovery()
    seen: set[Path] = set()
    names: set[str] = set()
    for item in inputs:
        if not item.exists():
            d.missing.append(item)
            continue
        found = _walk(item, out_abs) if item.is_dir() else [item]
        for p in found:
            reason = skip_reason(p) if item.is_dir() else ""  # named explicitly: always checked
            key = p.resolve()
            if reason is None or key in seen:
                continue
            seen.add(key)
            if reason:
                d.skipped.append(Skipped(_name(p, base), reason))
                continue
            name = _name(p, base)
            if name.lower() in names:  # only without a common folder: keep names unique
                name = f"{Path(name).stem}_{len(names) + 1}{Path(name).suffix}"
            names.add(name.lower())
            d.items.append(Item(p, name))
    return d


def expand_inputs(inputs: Iterable[Path], out_dir: Path | None = None) -> list[Path]:
    """The files a batch checks (see `discover`)."""
    return [i.path for i in discover(inputs, out_dir).items]


@dataclass(frozen=True, slots=True)
class Outputs:
    """Where one workbook's outputs go (None: not written)."""

    corrected: Path | None = None
    report: Path | None = None
    json: Path | None = None

    def paths(self) -> list[Path]:
        return [p for p in (self.corrected, self.report, self.json) if p is not None]


def plan_outputs(
    items: list[Item], out_dir: Path, corrected: bool, report_kind: str | None, json: bool
) -> list[Outputs]:
    """OUT/<folder>/<stem>_terkoreksi.xlsx (and _reviu.<kind>, _temuan.json) per item; a stem that repeats
    in one folder (a.xlsx and a.xlsm) gets _2, _3, … in input order."""
    taken: dict[str, int] = {}
    out = []
    for it in items:
        rel = Path(it.name)
        key = (rel.parent / rel.stem).as_posix().lower()
        taken[key] = taken.get(key, 0) + 1
        stem = rel.stem if taken[key] == 1 else f"{rel.stem}_{taken[key]}"
        folder = out_dir / rel.parent
        out.append(
            Outputs(
                folder / f"{stem}{CORRECTED_SUFFIX}.xlsx" if corrected else None,
                folder / f"{stem}{REPORT_SUFFIX}{report_kind}" if report_kind else None,
                folder / f"{stem}{JSON_SUFFIX}.json" if json else None,
            )
        )
    return out
