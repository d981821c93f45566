"""One meaning per option; contradictions and nonsense refused with a usage message (issue 13, points 6 and 10)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import find_cell
from lkj_excel.cli import main


def _run(*args: object, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], env={"LKJ_EXCEL_LANG": "", **(env or {})})


def _usage(res, words: str) -> None:
    assert res.exit_code == 2, res.output
    assert "Pemakaian:" in res.output and words in res.output
    assert "Traceback" not in res.output


def test_no_output_with_o(sample_copy: Path) -> None:
    _usage(_run("check", sample_copy, "--no-output", "-o", sample_copy.parent / "x.xlsx"), "saling bertentangan")
    assert not (sample_copy.parent / "x.xlsx").exists()
    _usage(_run("check", sample_copy, "--no-output", "--layout", "standar"), "saling bertentangan")


@pytest.mark.parametrize("jobs", ["0", "-1"])
def test_jobs_must_be_positive(sample_copy: Path, tmp_path: Path, jobs: str) -> None:
    _usage(_run("check", sample_copy, "--out-dir", tmp_path / "hasil", "--jobs", jobs), "--jobs")
    assert not (tmp_path / "hasil").exists()


def test_jobs_without_batch(sample_copy: Path) -> None:
    _usage(_run("check", sample_copy, "--jobs", "2", "--no-output"), "mode banyak berkas")


def test_template_needs_xlsx_and_a_real_year(tmp_path: Path) -> None:
    _usage(_run("template", tmp_path / "bad.txt"), ".xlsx")
    _usage(_run("template", tmp_path / "t.xlsx", "--year", "25"), "2000<=x<=2100")
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    res = _run("template", tmp_path / "t.xlsx", "--year", "2025")
    assert res.exit_code == 0 and (tmp_path / "t.xlsx").exists()


def test_wrong_output_suffixes(sample_copy: Path) -> None:
    _usage(_run("check", sample_copy, "-o", sample_copy.parent / "x.csv"), ".xlsx")
    _usage(_run("check", sample_copy, "--report", sample_copy.parent / "x.pdf"), ".html")


def test_mistyped_folder_in_batch(sample_copy: Path, tmp_path: Path) -> None:
    res = _run("check", tmp_path / "laporan_kecamatn", "--out-dir", tmp_path / "hasil")
    assert res.exit_code == 2 and "laporan_kecamatn" in res.output and "Traceback" not in res.output
    assert "ditemukan" in res.output.lower() and not (tmp_path / "hasil").exists()


@pytest.mark.parametrize("option", [["-o", "x.xlsx"], ["--json", "t.json"], ["--layout", "asli"]])
def test_batch_refuses_single_file_outputs(sample_copy: Path, tmp_path: Path, option: list[str]) -> None:
    res = _run("check", sample_copy.parent, "--out-dir", tmp_path / "hasil", *option)
    _usage(res, "mode banyak berkas")
    assert not (tmp_path / "hasil").exists()


def test_timeout_only_in_batch_and_positive(sample_copy: Path, tmp_path: Path) -> None:
    _usage(_run("check", sample_copy, "--timeout", "5", "--no-output"), "mode banyak berkas")
    _usage(_run("check", sample_copy.parent, "--out-dir", tmp_path / "hasil", "--timeout", "0"), "--timeout")
    assert not (tmp_path / "hasil").exists()


def test_batch_needs_out_dir(sample_copy: Path) -> None:
    _usage(_run("check", sample_copy.parent), "--out-dir")


def test_json_means_a_file_or_stdout_everywhere(sample_copy: Path, tmp_path: Path) -> None:
    for cmd in (["inspect", sample_copy], ["check", sample_copy, "--no-output"]):
        out = tmp_path / f"{cmd[0]}.json"
        res = _run(*cmd, "--json", out)
        assert res.exit_code in (0, 1) and json.loads(out.read_text(encoding="utf-8"))
        res = _run(*cmd, "--json", "-")
        assert json.loads(res.stdout)
        res = _run(*cmd, "--json")  # alone: the same as "-"
        assert json.loads(res.stdout)


def test_lang_on_every_command(sample_copy: Path, tmp_path: Path) -> None:
    for cmd in (["rules"], ["inspect", sample_copy], ["template", tmp_path / "t.xlsx"]):
        res = _run(*cmd, "--lang", "en")
        assert res.exit_code == 0, res.output
    assert "Template written" in res.output


def _headless_copy(sample_path: Path, dst: Path) -> Path:
    """The sample with the header row of Tabel 3.16 overwritten: a table sheet whose header cannot be found."""
    wb = openpyxl.load_workbook(sample_path)
    ws = wb["Tabel 3.16"]
    head = find_cell(ws, "Anggaran (Rp)")
    for c in ws[head.row]:
        if not isinstance(c, openpyxl.cell.cell.MergedCell):
            c.value = "x"
    wb.save(dst)
    return dst


def test_check_and_inspect_agree_on_a_missing_header(sample_path: Path, tmp_path: Path) -> None:
    src = _headless_copy(sample_path, tmp_path / "tanpa_judul.xlsx")
    ins = _run("inspect", src)
    chk = _run("check", src, "--no-output")
    assert ins.exit_code == chk.exit_code == 2
    msg = [line for line in ins.stderr.splitlines() if "Tabel 3.16" in line]
    assert msg and msg == [line for line in chk.stderr.splitlines() if "Tabel 3.16" in line]
    assert "Temuan:" in chk.stdout  # the rest was still checked and reported


def test_anggaran_json_is_a_file_or_stdout(tmp_path: Path) -> None:
    from helpers import build_export_samples

    export = build_export_samples(tmp_path / "x") / "sei_balai_2024_dppa_lra.xlsx"
    out = tmp_path / "anggaran.json"
    res = _run("anggaran", export, "--json", out)
    assert res.exit_code in (0, 1), res.output
    assert json.loads(out.read_text(encoding="utf-8"))["budget"]["lines"] > 0
    assert "Per program" in res.stdout  # the text summary is still printed when the JSON goes to a file
    res = _run("anggaran", export, "--json", "-")
    assert json.loads(res.stdout)["budget"]["lines"] > 0
    res = _run("anggaran", export, "--json", export, "--force")
    assert res.exit_code == 2 and "masukan" in res.output
