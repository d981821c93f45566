"""Real processes as on an office PC: a cp1252 console or file, a closed pipe, a read-only folder (issue 13, 1 and 3)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "lkj_excel.cli"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIOENCODING", "LKJ_EXCEL"))}
    env.update(extra)
    return env


def test_cp1252_output_file_does_not_crash(sample_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "temuan.txt"
    with out.open("wb") as fh:
        res = subprocess.run(
            [*CLI, "check", str(sample_copy), "--no-output"],
            stdout=fh,
            stderr=subprocess.PIPE,
            env=_env(PYTHONIOENCODING="cp1252"),
            timeout=120,
        )
    text = out.read_bytes().decode("cp1252")
    assert res.returncode == 1, res.stderr.decode("cp1252", "replace")
    assert b"Traceback" not in res.stderr and b"Kesalahan internal" not in res.stderr
    assert text.startswith("Temuan: 9 kesalahan") and "KESALAHAN" in text
    # "<=" stands for the "≤" that cp1252 lacks (the scale message of K301)
    assert "batas bawah kelas <= nilai" in text


def test_cp1252_rules_in_english(tmp_path: Path) -> None:
    res = subprocess.run(
        [*CLI, "rules", "--lang", "en"], capture_output=True, env=_env(PYTHONIOENCODING="cp1252"), timeout=60
    )
    assert res.returncode == 0 and b"Traceback" not in res.stderr
    assert b"anggaran - realisasi" in res.stdout  # the minus sign printed as "-"


@pytest.mark.parametrize("args", [["rules"], ["check", "{sample}", "--no-output"]])
def test_closed_pipe_is_not_an_error(sample_copy: Path, args: list[str]) -> None:
    argv = [a.replace("{sample}", str(sample_copy)) for a in args]
    p = subprocess.Popen([*CLI, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()  # `| head -1`
    p.stdout.close()
    err = p.stderr.read()
    p.wait(timeout=120)
    assert first.strip()
    assert b"Traceback" not in err and b"BrokenPipe" not in err and b"Kesalahan internal" not in err
    assert p.returncode == (0 if args == ["rules"] else 1)  # the run's own result, not 3


def _without_root_override(argv: list[str]) -> list[str]:
    """Root writes into read-only folders: drop that capability (util-linux setpriv) so the folder is read-only."""
    if os.name != "posix" or os.geteuid() != 0:
        return argv
    setpriv = shutil.which("setpriv")
    assert setpriv, "tests run as root need util-linux's setpriv to make a folder read-only"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", *argv]


def test_read_only_folder(sample_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    src = folder / "LKJ.xlsx"
    shutil.copy(sample_path, src)
    folder.chmod(0o555)
    try:
        res = subprocess.run(
            _without_root_override([*CLI, "check", str(src)]), capture_output=True, env=_env(), timeout=120
        )
    finally:
        folder.chmod(0o755)
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert "hanya-baca" in err and "LKJ_terkoreksi.xlsx" in err and "Traceback" not in err
    assert res.stdout.decode().startswith("Temuan: 9 kesalahan")
    assert sorted(p.name for p in folder.iterdir()) == ["LKJ.xlsx"]


def test_unreadable_input(sample_path: Path, tmp_path: Path) -> None:
    src = tmp_path / "LKJ.xlsx"
    shutil.copy(sample_path, src)
    src.chmod(0o000)  # as a file locked by another program or without read permission
    try:
        res = subprocess.run(
            _without_root_override([*CLI, "check", str(src), "--no-output"]),
            capture_output=True,
            env=_env(),
            timeout=120,
        )
    finally:
        src.chmod(0o644)
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert "tidak dapat dibuka" in err and str(src) in err and "Traceback" not in err and "internal" not in err


def test_sigint_in_a_single_check(sample_copy: Path) -> None:
    import signal

    # The real CLI, held inside the check so that Ctrl-C arrives mid-run.
    code = (
        "import sys, time\n"
        "import lkj_excel.check as check\n"
        "def slow(wb, **kw):\n"
        "    print('klaar', flush=True)\n"
        "    time.sleep(60)\n"
        "check.run_checks = slow\n"
        "from lkj_excel.cli import main\n"
        f"sys.argv = ['lkj-excel', 'check', {str(sample_copy)!r}]\n"
        "main()\n"
    )
    # SIGINT restored in the child: a suite run in the background (`cmd &`) starts with it ignored.
    live = lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)  # noqa: E731
    p = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), preexec_fn=live
    )
    assert p.stdout is not None and p.stderr is not None
    assert p.stdout.readline().strip() == b"klaar"
    p.send_signal(signal.SIGINT)
    p.wait(timeout=30)
    err = p.stderr.read().decode()
    assert p.returncode == 130, err
    assert "Dihentikan (Ctrl-C)" in err and "Traceback" not in err and "Aborted" not in err
    assert sorted(x.name for x in sample_copy.parent.iterdir()) == ["sample.xlsx"]
