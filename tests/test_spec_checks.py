"""sheets/*.toml load strictly: `[[checks]]`, `[[same]]` and `_sources.toml` reject unknown keys."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from lkj_excel import spec
from lkj_excel.spec_checks import CHECKS, SAMES, SpecError, parse_checks, parse_same
from lkj_excel.spec_sources import parse_sources, sources

SHEETS = spec.sheets_dir()
TABLE_FILES = spec.table_files()


def _raw(name: str) -> dict:
    with open(SHEETS / name, "rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize("name", TABLE_FILES)
@pytest.mark.parametrize("year", [None, 2024])
def test_every_table_file_loads_with_typed_declarations(name: str, year: int | None) -> None:
    raw = _raw(name)
    t = spec.load_table(name, year)
    assert [type(c) for c in t.checks] == [CHECKS[c["rule"]] for c in raw.get("checks", [])]
    assert [type(s) for s in t.same] == [SAMES[s["kind"]] for s in raw.get("same", [])]
    # As mappings they read exactly as the TOML tables did (lists as tuples).
    for decl, d in zip(t.checks + t.same, raw.get("checks", []) + raw.get("same", []), strict=True):
        assert dict(decl) == {k: tuple(v) if isinstance(v, list) else v for k, v in d.items()}


def test_every_shared_file_loads() -> None:
    names = sorted(p.name for p in SHEETS.glob("_*.toml"))
    assert "_sources.toml" in names and "_scales.toml" in names
    for name in names:
        assert spec.load_aux(name), name
    assert sources().scale_tables == ("3.1", "3.4", "3.6")


def test_declaration_reads_like_the_toml_table() -> None:
    (ratio,) = [c for c in spec.load_table("tabel_3_16.toml").checks if c.rule == "ratio"]
    assert ratio.get("numerator") == ratio["numerator"] == "realisasi"
    assert ratio.get("scale", "none") == "none" and "scale" not in ratio
    assert ratio.get("no such key", 7) == 7
    with pytest.raises(KeyError):
        ratio["scale"]
    with pytest.raises(AttributeError):
        ratio.numerator = "anggaran"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("section", "entry", "needle"),
    [
        ("checks", {"rule": "ratio", "numerator": "a", "denominator": "b", "out": "c", "numerater": "a"}, "numerater"),
        ("checks", {"rule": "ratoi", "numerator": "a"}, "ratoi"),
        ("checks", {"rule": "ratio", "numerator": "a", "denominator": "b"}, "'out' is required"),
        ("same", {"kind": "column", "table": "2.3", "column": "anggaran", "other_colum": "x"}, "other_colum"),
        ("same", {"kind": "rows"}, "'table' is required"),
    ],
)
def test_a_typo_fails_naming_file_and_key(section: str, entry: dict, needle: str) -> None:
    parse = parse_checks if section == "checks" else parse_same
    with pytest.raises(SpecError) as e:
        parse("sheets/tabel_x.toml", [entry])
    assert "sheets/tabel_x.toml" in str(e.value) and needle in str(e.value)


def test_a_planted_typo_fails_when_the_file_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "sheets"
    shutil.copytree(SHEETS, copy)
    path = copy / "tabel_3_16.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("denominator =", "denominater ="), encoding="utf-8")
    monkeypatch.setattr(spec, "sheets_dir", lambda: copy)
    spec._load_raw.cache_clear()
    try:
        with pytest.raises(SpecError, match=r"sheets/tabel_3_16\.toml.*'denominater'"):
            spec.load_table("tabel_3_16.toml")
        assert spec.load_table("tabel_3_17.toml").checks  # the other files still load
    finally:
        spec._load_raw.cache_clear()


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ({"scale_tabels": []}, "scale_tabels"),
        ({"rank": [{"table": "2.2", "column": "target", "rank": 0, "rnak": 1}]}, "rnak"),
        ({"rank": [{"table": "2.2", "column": "target"}]}, "rank"),
    ],
)
def test_sources_reject_unknown_and_missing_keys(raw: dict, needle: str) -> None:
    full = {"budget": {"jenis": [], "program": [], "efficiency": "3.14", "links": "3.15"}, **raw}
    with pytest.raises(SpecError, match=needle):
        parse_sources(full)


def test_sources_say_what_the_code_still_hard_codes() -> None:
    """The declarations equal the constants they replace, so their owners can switch without a change in findings."""
    from lkj_excel import batch
    from lkj_excel.rules import crosstable
    from lkj_excel.write import summary

    s = sources()
    assert s.source_ranks() == crosstable.SOURCE_RANK
    assert s.scale_tables == batch.SCALE_TABLES
    assert set(s.budget_tables) == summary.BUDGET_TABLES
    assert s.indicator_sources(None) == [(t, "target", "realisasi", "capaian") for t in ("3.2", "3.5", "3.7")]
    assert s.indicator_sources(2024)[-1] == ("3.9", "target_2024", "realisasi_2024", "capaian_2024")
    assert (s.budget.jenis, s.budget.program) == (("2.3", "3.16"), ("2.4", "3.17"))
