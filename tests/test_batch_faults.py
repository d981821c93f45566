"""Batch under faults: a worker killed, out of memory or too slow costs only its own workbook; Ctrl-C stops
the batch promptly, leaves no half-written file, says what was finished and exits 130."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lkj_excel.batch import run as batch_run
from lkj_excel.batch import run_batch
from lkj_excel.batch.pool import Failure, Pool
from lkj_excel.batch.worker import check_task

ROOT = Path(__file__).resolve().parents[1]
# The CLI of the code under test, whichever environment runs the tests.
LKJ = [sys.executable, "-c", "from lkj_excel.cli import main; main()"]


# ------------------------------------------------------------------ the pool on its own


def _square_or_die(i: int) -> int:
    if i == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer does
    return i * i


def _square_or_sleep(i: int) -> int:
    if i == 1:
        time.sleep(60)
    return i * i


def _square_or_hog(i: int) -> int:
    if i == 0:
        hog = bytearray(3 * 2**30)  # 3 GB: above the limit
        return len(hog)
    return i * i


def test_killed_worker_costs_only_its_task() -> None:
    got = Pool(2).map(_square_or_die, [(i,) for i in range(8)])
    assert [g for k, g in enumerate(got) if k != 3] == [0, 1, 4, 16, 25, 36, 49]
    assert isinstance(got[3], Failure) and got[3].kind == "killed" and got[3].detail == str(signal.SIGKILL)


def test_timeout_stops_only_the_slow_task() -> None:
    t0 = time.monotonic()
    got = Pool(2, timeout=1.5).map(_square_or_sleep, [(i,) for i in range(5)])
    assert time.monotonic() - t0 < 20
    assert isinstance(got[1], Failure) and got[1].kind == "timeout"
    assert [g for k, g in enumerate(got) if k != 1] == [0, 4, 9, 16]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is set on Linux only")
def test_memory_limit() -> None:
    got = Pool(1, memory_mb=300).map(_square_or_hog, [(i,) for i in range(3)])
    assert isinstance(got[0], Failure) and got[0].kind == "too_big"
    assert got[1:] == [1, 4]


# ------------------------------------------------------------------ the batch: the row says why

VICTIM = "b.xlsx"


def _check_killed(path: str, name: str, lang: str):  # noqa: ANN202 - runs in the forked worker
    if name == VICTIM:
        os.kill(os.getpid(), signal.SIGKILL)
    return check_task(path, name, lang)


def _check_hog(path: str, name: str, lang: str):  # noqa: ANN202
    if name == VICTIM:
        return _square_or_hog(0)
    return check_task(path, name, lang)


def _check_slow(path: str, name: str, lang: str):  # noqa: ANN202
    if name == VICTIM:
        time.sleep(60)
    return check_task(path, name, lang)


@pytest.mark.parametrize(
    ("fn", "status", "why", "kw"),
    [
        (_check_killed, "dihentikan", "dihentikan oleh sistem", {}),
        (_check_hog, "terlalu besar", "terlalu besar", {"memory_mb": 300}),
        (_check_slow, "waktu habis", "batas waktu 8 detik", {"timeout": 8.0}),
    ],
)
def test_batch_goes_on(fn, status: str, why: str, kw: dict, tmp_path: Path, sample_path: Path, monkeypatch) -> None:
    if fn is _check_hog and not sys.platform.startswith("linux"):
        pytest.skip("RLIMIT_AS is set on Linux only")
    src = tmp_path / "in"
    src.mkdir()
    for n in ("a.xlsx", VICTIM, "c.xlsx"):
        shutil.copy(sample_path, src / n)
    monkeypatch.setattr(batch_run, "check_task", fn)  # the forked workers inherit it
    code = run_batch([src], tmp_path / "out", jobs=2, **kw)
    assert code == 2
    rows = list(openpyxl.load_workbook(tmp_path / "out" / "rekap.xlsx")["Rekap"].iter_rows(values_only=True))
    by = {r[0]: r for r in rows[1:]}
    assert by[VICTIM][4] == status and why in by[VICTIM][5]
    assert by["a.xlsx"][4] == by["c.xlsx"][4] == "terbaca"
    assert sorted(p.name for p in (tmp_path / "out").glob("*_terkoreksi.xlsx")) == [
        "a_terkoreksi.xlsx",
        "c_terkoreksi.xlsx",
    ]


# ------------------------------------------------------------------ Ctrl-C (SIGINT to a running batch)


@pytest.fixture(scope="module")
def twenty(tmp_path_factory: pytest.TempPathFactory, sample_path: Path) -> Path:
    src = tmp_path_factory.mktemp("ctrlc") / "in"
    for i in range(20):
        (src / f"Kec {i:02d}").mkdir(parents=True)
        shutil.copy(sample_path, src / f"Kec {i:02d}" / "LKjIP 2024.xlsx")
    return src


def _ctrl_c_live() -> None:
    """Ctrl-C as in a terminal even when the tests themselves run in the background (`cmd &` starts
    them with SIGINT ignored, and Python keeps an inherited "ignore": the signal would never arrive)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt(src: Path, out: Path, signals: int, lang: str = "id") -> tuple[int, str, float]:
    """Start a batch, wait until it has begun writing, send SIGINT `signals` times to its process group."""
    p = subprocess.Popen(
        [*LKJ, "check", str(src), "--out-dir", str(out), "--jobs", "2", "--lang", lang],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # as a terminal does: Ctrl-C goes to the whole group, workers included
        preexec_fn=_ctrl_c_live,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(out.rglob("*_terkoreksi.xlsx")):
        time.sleep(0.05)
    assert p.poll() is None, "the batch ended before it could be interrupted"
    t0 = time.monotonic()
    for _ in range(signals):
        os.killpg(p.pid, signal.SIGINT)
        time.sleep(0.15)
    try:
        text, _ = p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        raise AssertionError("the batch hangs after Ctrl-C") from None
    return p.returncode, text, time.monotonic() - t0


def _no_partial_files(out: Path) -> None:
    hidden = [p for p in out.rglob("*") if p.name.startswith(".")]
    assert not hidden, hidden
    assert not (out / "rekap.xlsx").exists()
    for p in out.rglob("*.xlsx"):
        assert zipfile.ZipFile(p).testzip() is None  # every file there is whole


@pytest.mark.parametrize("signals", [1, 3])
def test_ctrl_c(twenty: Path, tmp_path: Path, signals: int) -> None:
    out = tmp_path / "out"
    code, text, seconds = _interrupt(twenty, out, signals)
    assert code == 130, text
    assert "Traceback" not in text and "Aborted" not in text
    assert "Dihentikan (Ctrl-C)" in text and "dari 20 buku kerja diperiksa" in text
    assert seconds < 10
    _no_partial_files(out)
    written = sorted(out.rglob("*_terkoreksi.xlsx"))
    assert len(written) < 20
    for p in written:
        assert str(p) in text  # says what was finished


def test_ctrl_c_english(twenty: Path, tmp_path: Path) -> None:
    code, text, _ = _interrupt(twenty, tmp_path / "out", 1, lang="en")
    assert code == 130 and "Interrupted (Ctrl-C)" in text and "of 20 workbooks checked" in text


# ------------------------------------------------------------------ two runs at once, without --force


def test_two_runs_never_both_write_one_output(tmp_path: Path, sample_path: Path) -> None:
    src = tmp_path / "in"
    for i in range(6):
        (src / f"Kec {i}").mkdir(parents=True)
        shutil.copy(sample_path, src / f"Kec {i}" / "LKjIP 2024.xlsx")
    out = tmp_path / "out"
    cmd = [*LKJ, "check", str(src), "--out-dir", str(out), "--jobs", "1"]
    runs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    texts = [p.communicate(timeout=300)[0] for p in runs]
    assert "Traceback" not in "".join(texts)
    wrote = []
    for text in texts:
        if "sudah ada, mis." in text:  # refused before any work: wrote nothing
            wrote.append(set())
            continue
        refused = {f"Kec {i}" for i in range(6) if f"Kec {i}/LKjIP 2024.xlsx: " in text}
        wrote.append({f"Kec {i}" for i in range(6)} - refused)
    assert not (wrote[0] & wrote[1]), texts
    assert wrote[0] | wrote[1] == {f"Kec {i}" for i in range(6)}
    assert sorted(p.parent.name for p in out.rglob("*_terkoreksi.xlsx")) == [f"Kec {i}" for i in range(6)]
