"""Indonesian everywhere a user reads, English with --lang en or LKJ_EXCEL_LANG=en (issue 13, point 7)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkj_excel.catalog import all_rules, indonesian_entry, rule_text
from lkj_excel.cli import main

COMMANDS = [[], ["check"], ["inspect"], ["template"], ["rules"], ["anggaran"], ["mutasi"]]
ENGLISH_CLICK = ["Usage:", "Options:", "Show this message and exit", "Commands:", "Error:", "Missing argument"]


def _run(args: list[str], env: dict[str, str] | None = None):
    return CliRunner().invoke(main, args, env={"LKJ_EXCEL_LANG": "", **(env or {})}, prog_name="lkj-excel")


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: " ".join(c) or "lkj-excel")
def test_help_is_indonesian_by_default(cmd: list[str]) -> None:
    res = _run([*cmd, "--help"])
    assert res.exit_code == 0
    assert "Pemakaian:" in res.output and "Opsi:" in res.output and "Tampilkan bantuan ini lalu keluar." in res.output
    assert not [w for w in ENGLISH_CLICK if w in res.output]
    assert not re.search(r"\b(INTEGER|TEXT|FILE|PATH|DIRECTORY|OPTIONS)\b", res.output)


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: " ".join(c) or "lkj-excel")
def test_help_is_english_on_request(cmd: list[str]) -> None:
    for res in (_run([*cmd, "--help", "--lang", "en"]), _run([*cmd, "--help"], env={"LKJ_EXCEL_LANG": "en"})):
        assert res.exit_code == 0
        assert "Usage:" in res.output and "Show this message and exit." in res.output
        assert "Pemakaian" not in res.output and "Tampilkan bantuan" not in res.output


def test_usage_errors_are_indonesian() -> None:
    res = _run(["check"])
    assert res.exit_code == 2
    assert (
        "Kesalahan: Argumen belum diberikan 'BUKU_KERJA...'" in res.output
        and "Ketik 'lkj-excel check --help'" in res.output
    )
    res = _run(["cek"])
    assert res.exit_code == 2 and "Tidak ada perintah 'cek'" in res.output
    res = _run(["check", "x.xlsx", "--lang", "fr"])
    assert res.exit_code == 2 and "Nilai tidak sah untuk '--lang'" in res.output
    res = _run(["check", "--lang", "en"])
    assert "Error: Missing argument" in res.output


def test_terminal_severities_in_the_chosen_language(sample_path: Path) -> None:
    res = _run(["check", str(sample_path), "--no-output"])
    heads = [line.split()[:2] for line in res.stdout.splitlines() if line.startswith("  ")]
    assert ["KESALAHAN", "T101"] in heads and any(h[0] == "PERINGATAN" for h in heads)
    assert not [h for h in heads if h[0] in ("ERROR", "WARNING")]
    res = _run(["check", str(sample_path), "--no-output"], env={"LKJ_EXCEL_LANG": "en"})
    assert ["ERROR", "T101"] in [line.split()[:2] for line in res.stdout.splitlines()]
    assert res.stdout.startswith("Findings: 9 errors")


def test_error_details_in_one_language(tmp_path: Path) -> None:
    bad = tmp_path / "a.xlsx"
    bad.write_bytes(b"this is not a zip archive at all")
    empty = tmp_path / "b.xlsx"
    empty.write_bytes(b"")
    for path in (bad, empty):
        res_id = _run(["check", str(path), "--no-output"])
        res_en = _run(["check", str(path), "--no-output", "--lang", "en"])
        assert res_id.exit_code == res_en.exit_code == 2
        assert "File is not" not in res_id.stderr and "not a zip" not in res_id.stderr
        assert "kosong" not in res_en.stderr and "bukan" not in res_en.stderr
        assert "rusak" in res_id.stderr and "corrupt" in res_en.stderr


def test_every_rule_has_an_indonesian_name_and_description() -> None:
    missing = [code for code in all_rules() if not indonesian_entry(code)]
    assert missing == [], f"add these rules to sheets/_aturan.toml: {missing}"
    for code in all_rules():
        nama, uraian = rule_text(code, "id")
        assert nama and uraian and uraian != rule_text(code, "en")[1]


def test_rules_command_in_both_languages() -> None:
    id_ = _run(["rules"]).output
    en = _run(["rules", "--lang", "en"]).output
    assert "T101  jumlah.kolom" in id_ and "Baris jumlah" in id_
    assert "T101  totals.column_sum" in en and "The total row" in en


def test_rules_doc_is_indonesian_too() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert doc.startswith("# Katalog aturan")
    assert "### T101 jumlah.kolom (`totals.column_sum`)" in doc and "## Jumlah dan subjumlah" in doc


def test_click_path_messages_are_indonesian(sample_path: Path, tmp_path: Path) -> None:
    res = _run(["check", str(sample_path), "-o", str(tmp_path)])
    assert res.exit_code == 2 and "Berkas" in res.output and "adalah folder, bukan berkas" in res.output
    res = _run(["check", str(sample_path), "-o", str(tmp_path), "--lang", "en"])
    assert "File" in res.output and "is a directory" in res.output


@pytest.mark.parametrize(
    ("value", "english"), [("en", True), ("EN", True), ("en_US.UTF-8", True), ("fr", False), ("", False)]
)
def test_language_from_the_environment(value: str, english: bool) -> None:
    res = _run(["rules"], env={"LKJ_EXCEL_LANG": value})
    assert res.exit_code == 0
    assert ("T101  totals.column_sum" in res.output) is english
    assert ("T101  jumlah.kolom" in res.output) is not english
