"""Shared fixtures: the bundled sample, read once per session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "sei_balai_2024.xlsx"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    if not SAMPLE.exists():
        subprocess.run([sys.executable, str(ROOT / "samples" / "build_sample.py"), str(SAMPLE)], check=True)
    return SAMPLE


@pytest.fixture(scope="session")
def sample_wb(sample_path: Path):
    from lkj_excel.read.reader import read_workbook

    return read_workbook(sample_path)


@pytest.fixture()
def sample_copy(sample_path: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "sample.xlsx"
    shutil.copy(sample_path, dst)
    return dst


def find_cell(ws, text: str, column: int | None = None):
    """First cell whose value (stripped) equals `text` — tests never hard-code addresses."""
    for row in ws.iter_rows():
        for c in row:
            if column is not None and c.column != column:
                continue
            if isinstance(c.value, str) and c.value.strip() == text:
                return c
    raise LookupError(text)
