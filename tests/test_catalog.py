"""The rule catalog: registered from an explicit module list, every rule declares its attributes."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import lkj_excel.rules as rules_pkg
from lkj_excel.model import Cell
from lkj_excel.numerals import parse_cell
from lkj_excel.rules import CHECK_MODULES, MODE_MODULES, QUESTIONS, RULES, RUNS, all_rules, load_rules, make, rule
from lkj_excel.rules.base import Rule

FAMILY_OF_MODE = {"batch": {"batch"}, "anggaran": {"budget"}}


def test_check_rules_come_from_the_listed_modules_only() -> None:
    check = load_rules()
    modules = {f"lkj_excel.rules.{m}" for m in CHECK_MODULES}
    assert {r.func.__module__ for r in check.values()} == modules
    assert all(r.runs == "check" for r in check.values())
    # Every rule module of the package is listed (a forgotten one would silently drop its rules from `check`).
    found = {m.name for m in pkgutil.iter_modules(rules_pkg.__path__) if not m.name.startswith("_")}
    modes = {m.rsplit(".", 1)[1] for m in MODE_MODULES if m.startswith(f"{rules_pkg.__name__}.")}
    assert modes == {"batch"}  # the W9xx rules live in rules/ with their logic
    assert found - set(CHECK_MODULES) == {"base", "examples"} | modes


def test_all_rules_adds_batch_and_anggaran_but_check_does_not_run_them() -> None:
    everything = all_rules()
    others = {c: r for c, r in everything.items() if r.runs != "check"}
    assert {c[0] for c in others} == {"B", "W"} and {"W901", "W902", "B001", "B101"} <= set(others)
    for r in others.values():
        assert r.family in FAMILY_OF_MODE[r.runs], r.code
    assert set(load_rules()) == set(everything) - set(others)


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_every_rule_declares_its_attributes(code: str) -> None:
    r = RULES[code]
    assert r.severity in ("error", "warning", "info")
    assert r.question in QUESTIONS, f"{code} names no reviu question"
    assert r.runs in RUNS
    assert r.doc == inspect.cleandoc(r.func.__doc__ or "") and "Fails" in r.doc and "Passes" in r.doc


@pytest.mark.parametrize(
    "kwargs", [{"severity": "fatal"}, {"question": "arithmetics"}, {"runs": "everywhere"}], ids=str
)
def test_a_wrong_declaration_fails_at_registration(kwargs: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        rule("Z999", "test.wrong", **kwargs)
    assert "Z999" not in RULES


def test_make_takes_the_declared_severity_unless_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "Z998", Rule("Z998", "test.info", "doc", lambda ctx: (), "test", "info", "form"))
    cell = Cell("Tabel 1.1", "C5", "7", "7", parse_cell("7"))
    assert make("Z998", None, cell, "7", None, "k").severity == "info"
    assert make("Z998", "error", cell, "7", None, "k").severity == "error"


def test_importing_the_package_registers_nothing_by_itself() -> None:
    # The package itself only defines the catalog; rules arrive by load_rules()/all_rules().
    src = inspect.getsource(importlib.import_module("lkj_excel.rules"))
    assert "pkgutil" not in src and "iter_modules" not in src


def test_declared_questions_are_the_checklist_s() -> None:
    """The reviu questions rules declare are the questions of the Checklist Reviu, in its order."""
    from lkj_excel.write import summary

    assert QUESTIONS == tuple(q["key"] for q in summary.QUESTIONS)
