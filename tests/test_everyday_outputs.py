"""Output files on an office PC: never over an input, never half a file, the user's own situation said plainly.

Issue 13 points 2-4, issue 15 point 7 (atomic create-exclusive writes, fsync, stale temporary files).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import build_export_samples
from lkj_excel.cli import main
from lkj_excel.errors import LkjError
from lkj_excel.write import atomic
from lkj_excel.write.atomic import atomic_output, check_outputs, remove_stale_temps, write_text_atomic


def _run(*args: object, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name)


# ------------------------------------------------------------ atomic.py itself


def test_race_loser_refuses_and_winner_kept(tmp_path: Path) -> None:
    out = tmp_path / "hasil.txt"
    a = atomic_output(out)
    b = atomic_output(out)
    ta = a.__enter__()
    tb = b.__enter__()  # both checked "out does not exist"
    ta.write_text("A", encoding="utf-8")
    tb.write_text("B", encoding="utf-8")
    a.__exit__(None, None, None)
    with pytest.raises(LkjError) as e:
        b.__exit__(None, None, None)
    assert e.value.key == "out.exists"
    assert out.read_text(encoding="utf-8") == "A"
    assert _temps(tmp_path) == []


def test_without_hard_links_the_name_is_still_claimed_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(a: object, b: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")  # as on a FAT USB stick

    monkeypatch.setattr(os, "link", no_links)
    out = tmp_path / "hasil.txt"
    a, b = atomic_output(out), atomic_output(out)
    ta, tb = a.__enter__(), b.__enter__()
    ta.write_text("A", encoding="utf-8")
    tb.write_text("B", encoding="utf-8")
    a.__exit__(None, None, None)
    with pytest.raises(LkjError):
        b.__exit__(None, None, None)
    assert out.read_text(encoding="utf-8") == "A" and _temps(tmp_path) == []


def test_data_is_fsynced_before_it_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_fsync, real_link = os.fsync, os.link
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "link", lambda a, b: (events.append("link"), real_link(a, b))[1])
    write_text_atomic(tmp_path / "x.txt", "isi")
    assert events[:2] == ["fsync", "link"]
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "isi"


def test_stale_temp_of_a_killed_run_is_removed_next_time(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".hasil.{dead.pid}.0badc0de.tmp.xlsx"
    stale.write_bytes(b"")
    alive = tmp_path / f".hasil.{os.getpid()}.0000beef.tmp.xlsx"  # a run still writing: kept
    alive.write_bytes(b"x")
    write_text_atomic(tmp_path / "hasil.json", "{}")
    assert not stale.exists() and alive.exists()
    assert remove_stale_temps(tmp_path) == []


def test_on_windows_only_old_temps_are_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    old = tmp_path / ".hasil.4242.0badc0de.tmp.xlsx"
    new = tmp_path / ".hasil.4243.0badc0df.tmp.xlsx"
    old.write_bytes(b"")
    new.write_bytes(b"")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    monkeypatch.setattr(atomic, "_on_windows", lambda: True)  # process ids cannot be probed there
    assert remove_stale_temps(tmp_path) == [old]
    assert new.exists()


def test_killed_run_leaves_only_a_temp_that_the_next_run_removes(tmp_path: Path, sample_path: Path) -> None:
    src = tmp_path / "a.xlsx"
    shutil.copy(sample_path, src)
    code = (
        "import os, sys\n"
        "from lkj_excel.write.atomic import atomic_output\n"
        f"with atomic_output({str(tmp_path / 'hasil.xlsx')!r}) as tmp:\n"
        "    tmp.write_bytes(b'half')\n"
        "    os._exit(9)  # killed mid-write: no cleanup runs\n"
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    assert len(_temps(tmp_path)) == 1 and not (tmp_path / "hasil.xlsx").exists()
    res = _run("check", src, "-o", tmp_path / "hasil.xlsx")
    assert res.exit_code == 1, res.output
    assert _temps(tmp_path) == []


def test_output_that_is_an_input_is_refused_even_with_force(tmp_path: Path) -> None:
    inp = tmp_path / "masukan.xlsx"
    inp.write_bytes(b"data")
    for force in (False, True):
        with pytest.raises(LkjError) as e:
            check_outputs([tmp_path / "lain.json", tmp_path / "." / "masukan.xlsx"], force, inputs=[inp])
        assert e.value.key == "out.is_input"
    link = tmp_path / "tautan.xlsx"
    os.link(inp, link)  # the same file under another name
    with pytest.raises(LkjError):
        check_outputs([link], True, inputs=[inp])
    with pytest.raises(LkjError) as e:
        check_outputs([tmp_path / "a.json", tmp_path / "a.json"], True)
    assert e.value.key == "out.twice"
    # the old single-source keyword still works
    with pytest.raises(LkjError):
        with atomic_output(inp, force=True, source=inp):
            pass
    assert inp.read_bytes() == b"data"


# ------------------------------------------------------------ check: no input overwritten, re-runs


@pytest.mark.parametrize("option", ["-o", "--report", "--json"])
def test_check_never_writes_over_its_input(sample_copy: Path, option: str) -> None:
    before = sample_copy.read_bytes()
    res = _run("check", sample_copy, option, sample_copy, "--force")
    assert res.exit_code == 2, res.output
    assert "masukan" in res.stderr and str(sample_copy) in res.stderr
    assert "Temuan:" in res.stdout  # the findings are printed all the same
    assert sample_copy.read_bytes() == before


def test_rerun_checks_every_target_before_writing_any(sample_copy: Path) -> None:
    d = sample_copy.parent
    args = ["check", sample_copy, "--report", d / "reviu.html", "--json", d / "temuan.json"]
    assert _run(*args).exit_code == 1
    stamps = {p.name: p.stat().st_mtime_ns for p in d.iterdir()}
    (d / "reviu.html").unlink()  # only the corrected workbook and the JSON are left from the first run
    res = _run(*args)
    assert res.exit_code == 2
    assert "Temuan: 9 kesalahan" in res.stdout  # findings printed regardless
    assert "--force" in res.stderr and "Tidak ada berkas keluaran yang ditulis" in res.stderr
    assert not (d / "reviu.html").exists()  # nothing written: the check came before any write
    assert {p.name: p.stat().st_mtime_ns for p in d.iterdir()} == {k: v for k, v in stamps.items() if k != "reviu.html"}
    res = _run(*args, "--force")
    assert res.exit_code == 1 and (d / "reviu.html").exists()


def test_json_to_stdout_with_existing_output_prints_json_then_exit_2(sample_copy: Path) -> None:
    assert _run("check", sample_copy).exit_code == 1  # writes sample_terkoreksi.xlsx
    res = _run("check", sample_copy, "--json", "-")
    assert res.exit_code == 2
    d = json.loads(res.stdout)  # stdout is exactly the JSON report
    assert d["summary"]["error"] == 9
    assert "--force" in res.stderr
    res = _run("check", sample_copy, "--json", "-", "--no-output")
    assert res.exit_code == 1 and json.loads(res.stdout)["summary"]["error"] == 9


# ------------------------------------------------------------ the user's own situation: exit 2, plain words


def _deny(monkeypatch: pytest.MonkeyPatch, exc: OSError) -> None:
    """Every publish of an output fails the way the operating system would."""

    def fail(*a: object, **k: object) -> None:
        raise exc

    monkeypatch.setattr(atomic, "_publish", fail)


@pytest.mark.parametrize(
    ("exc", "existing", "words_id", "words_en"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), False, "hanya-baca", "read-only"),
        (PermissionError(errno.EACCES, "Permission denied"), True, "dibuka di Excel", "open in Excel"),
        (OSError(errno.ENOSPC, "No space left on device"), False, "disk penuh", "disk is full"),
    ],
)
def test_os_failures_are_the_users_situation_not_a_bug(
    sample_copy: Path, monkeypatch: pytest.MonkeyPatch, exc: OSError, existing: bool, words_id: str, words_en: str
) -> None:
    out = sample_copy.parent / "hasil.xlsx"
    if existing:
        out.write_bytes(b"old")
    _deny(monkeypatch, exc)
    for lang, words in (("id", words_id), ("en", words_en)):
        res = _run("check", sample_copy, "-o", out, "--force", "--lang", lang)
        assert res.exit_code == 2, res.output
        assert words in res.stderr and str(out) in res.stderr
        assert "Kesalahan internal" not in res.output and "Internal error" not in res.output
        assert ".tmp" not in res.output  # never a file name the user did not choose
        assert ("Temuan:" if lang == "id" else "Findings:") in res.stdout
        assert _temps(sample_copy.parent) == []
    assert not existing or out.read_bytes() == b"old"


def test_xlsxwriter_failure_to_create_is_translated(sample_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import xlsxwriter.workbook
    from xlsxwriter.exceptions import FileCreateError

    def close(self: object) -> None:
        raise FileCreateError(OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "close", close)
    res = _run("check", sample_copy)
    assert res.exit_code == 2 and "disk penuh" in res.stderr and "sample_terkoreksi.xlsx" in res.stderr


def test_missing_output_folder(sample_copy: Path) -> None:
    res = _run("check", sample_copy, "-o", sample_copy.parent / "tidak_ada" / "x.xlsx")
    assert res.exit_code == 2 and "tidak ada" in res.stderr and "Kesalahan internal" not in res.output


def test_ctrl_c_in_a_single_check(sample_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(path: Path) -> None:
        assert path.exists()  # the whole temporary file is written: Ctrl-C comes just before it is published
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_fsync_file", interrupted)
    res = _run("check", sample_copy)
    assert res.exit_code == 130
    assert "Dihentikan (Ctrl-C)" in res.stderr and "Aborted" not in res.output
    assert _temps(sample_copy.parent) == [] and not (sample_copy.parent / "sample_terkoreksi.xlsx").exists()


# ------------------------------------------------------------ anggaran: the export and the workbook are inputs


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_export_samples(tmp_path_factory.mktemp("exports"))


@pytest.mark.parametrize("target", ["export", "lra", "workbook"])
def test_anggaran_never_overwrites_an_input(exports: Path, sample_path: Path, tmp_path: Path, target: str) -> None:
    dpa = shutil.copy(exports / "sei_balai_2024_dpa_split.xlsx", tmp_path / "dpa.xlsx")
    lra = shutil.copy(exports / "sei_balai_2024_lra_split.xlsx", tmp_path / "lra.xlsx")
    wb = shutil.copy(sample_path, tmp_path / "LKJ.xlsx")
    paths = {"export": Path(dpa), "lra": Path(lra), "workbook": Path(wb)}
    before = {k: p.read_bytes() for k, p in paths.items()}
    args = ["anggaran", dpa, "--realisasi", lra, "--workbook", wb, "-o", paths[target], "--force"]
    res = _run(*args)
    assert res.exit_code == 2, res.output
    assert "masukan" in res.output and "--force" in res.output  # "not even with --force"
    assert {k: p.read_bytes() for k, p in paths.items()} == before
