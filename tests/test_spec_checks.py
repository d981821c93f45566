"""sheets/*.toml load strictly: `[[checks]]`, `[[same]]` and `_sources.toml` reject unknown keys."""

from __future__ import annotations

import tomllib

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
    assert sources().budget.efficiency == "3.14"


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


def test_a_planted_typo_fails_when_the_file_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (SHEETS / "tabel_3_16.toml").read_text(encoding="utf-8")
    assert "denominator =" in text
    planted = tomllib.loads(text.replace("denominator =", "denominater ="))
    real = spec._load_raw
    monkeypatch.setattr(spec, "_load_raw", lambda name: planted if name == "tabel_3_16.toml" else real(name))
    with pytest.raises(SpecError, match=r"sheets/tabel_3_16\.toml.*'denominater'"):
        spec.load_table("tabel_3_16.toml")
    assert spec.load_table("tabel_3_17.toml").checks  # the other files still load


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ({"budget_tables": []}, "budget_tables"),
        ({"rank": [{"table": "2.2", "column": "target", "rank": 0, "rnak": 1}]}, "rnak"),
        ({"rank": [{"table": "2.2", "column": "target"}]}, "rank"),
    ],
)
def test_sources_reject_unknown_and_missing_keys(raw: dict, needle: str) -> None:
    full = {"budget": {"jenis": [], "program": [], "efficiency": "3.14", "links": "3.15"}, **raw}
    with pytest.raises(SpecError, match=needle):
        parse_sources(full)


def test_sources_name_tables_and_columns_that_exist() -> None:
    """Every table and column `_sources.toml` names is declared in sheets/ (a typo in an id fails here)."""
    specs = {t.id: t for t in spec.load_all(2024)}
    s = sources()
    assert s.ranks and s.budget_tables and s.indicators
    for r in s.ranks:
        cols = {c.id for c in specs[r.table].columns}
        assert r.column in cols or f"{r.column}_2024" in cols, (r.table, r.column)
    for tid in s.budget_tables:
        assert specs[tid].has_column("anggaran"), tid
    assert set(s.budget.jenis) == {t for t in s.budget_tables if specs[t].key == "uraian"}
    assert specs[s.budget.efficiency].has_column("penyerapan") and specs[s.budget.links].has_column("program")
    for tid, *cols in s.indicator_sources(2024):
        assert all(specs[tid].has_column(c) for c in cols), (tid, cols)
    assert [t for t, *_ in s.indicator_sources(None)] == ["3.2", "3.5", "3.7"]  # 3.9's columns need the year


def test_source_of_a_column_is_its_lowest_rank() -> None:
    s = sources()
    assert s.source_tables("target") == ("2.2",)  # the Perjanjian Kinerja, before Tabel 3.2
    assert s.source_rank("3.2", "target") == 1 and s.source_rank("3.9", "target") is None
    assert s.source_tables("realisasi") == ("3.2", "3.16", "3.17")  # equal ranks: no single source
    assert s.source_tables("no such column") == ()
