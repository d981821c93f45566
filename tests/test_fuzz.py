"""A bounded slice of benchmarks/fuzz.py in CI: 200 mutated samples, no crash, no hang."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _fuzz():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("lkj_fuzz", ROOT / "benchmarks" / "fuzz.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["lkj_fuzz"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_fuzz_slice(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rc = _fuzz().main(["--n", "200", "--seed", "0", "--write-every", "25", "--keep", str(tmp_path)])
    out = capsys.readouterr().out
    assert "cases 200" in out
    assert rc == 0, out


def test_fuzz_mutations_change_the_workbook() -> None:
    """The mutator does mutate (a fuzz run over unchanged copies would prove nothing)."""
    import random
    import zipfile

    fz = _fuzz()
    with zipfile.ZipFile(fz.SAMPLE) as z:
        base = {n: z.read(n) for n in z.namelist()}
    changed = sum(fz.mutate(base, random.Random(i)) != base for i in range(50))
    assert changed >= 45
