"""The one texts catalog (`lkj_excel.texts`): complete in both languages, every key the source asks for
exists, and no text is chosen by language outside it."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from lkj_excel import catalog, texts
from lkj_excel.messages import render
from lkj_excel.rules import all_rules

SRC = Path(__file__).resolve().parents[1] / "src" / "lkj_excel"
TEXTS_DIR = SRC / "texts"


def _all_entries() -> dict[str, tuple[str, str]]:
    all_rules()  # rules register their messages next to them
    for code in all_rules():
        catalog.rule_text(code)  # the rule catalog's names (sheets/_aturan.toml)
    catalog.family_name("totals")
    return texts.entries()


def _fields(template: str) -> set[str]:
    """The template's placeholders; a value passed in each language ("rule_id" / "rule_en") counts as one."""
    names = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}
    return {re.sub(r"_(id|en)$", "", n) for n in names}


def test_every_text_has_both_languages_with_the_same_placeholders() -> None:
    entries = _all_entries()
    assert len(entries) > 300
    missing = [k for k, (id_, en) in entries.items() if not id_.strip() or not en.strip()]
    assert not missing, f"texts without both languages: {missing[:10]}"
    differ = {k: (_fields(id_), _fields(en)) for k, (id_, en) in entries.items() if _fields(id_) != _fields(en)}
    assert not differ, f"placeholders differ between Indonesian and English: {differ}"


def test_lookup_fills_falls_back_to_indonesian_and_rejects_unknown_keys() -> None:
    assert texts.t("cli.template_written", "id", path="a.xlsx") == "Templat ditulis: a.xlsx"
    assert texts.t("cli.template_written", "en", path="a.xlsx") == "Template written: a.xlsx"
    assert texts.t("cli.template_written", "fr", path="a.xlsx") == "Templat ditulis: a.xlsx"
    with pytest.raises(KeyError):
        texts.t("no.such.key", "id")
    with pytest.raises(ValueError, match="cli.template_written"):
        texts.register({"cli.template_written": ("lain", "other")})
    texts.register({"cli.template_written": texts.both("cli.template_written")})  # the same texts again: fine
    # a finding carries its key as data: rendering an unknown one shows it rather than failing the report
    assert render("no.such.key", "en", n=1) == "no.such.key {'n': 1}"


def _py_files(outside_texts: bool = False) -> list[Path]:
    files = sorted(SRC.rglob("*.py"))
    return [p for p in files if not (outside_texts and TEXTS_DIR in p.parents)]


def _prefix(path: Path) -> dict[str, str]:
    """How a module's own lookup helpers prefix their keys: text("x") is "review.x", batch's t("x") is "batch.x"."""
    rel = path.relative_to(SRC).as_posix() if SRC in path.parents else path.name
    prefixes = {"text": "review."}
    if rel.startswith("batch/") and rel != "batch/texts.py":
        prefixes["t"] = "batch."
    if rel == "write/report.py":
        prefixes["t"] = "review."  # its page context's t() is the review's text()
    return prefixes


def _used_keys(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    prefixes = _prefix(path)
    keys: set[str] = set()
    sections: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            f = node.value.func
            if isinstance(f, ast.Name) and f.id == "Section" and isinstance(node.value.args[0], ast.Constant):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        sections[target.id] = str(node.value.args[0].value)
    section_prefix = next(iter(sections.values()), None)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "make":
            # a rule's finding: make(code, severity, cell, found, expected, key, ...)
            key = node.args[5] if len(node.args) > 5 else next((k.value for k in node.keywords if k.arg == "key"), None)
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                keys.add(key.value)
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            arg = node.args[0].value
            if not isinstance(arg, str):
                continue
            if name in prefixes and name in ("t", "text"):
                keys.add(prefixes[name] + arg)
            elif name in ("t", "render", "LkjError"):
                keys.add(arg)
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and section_prefix:
            target = node.value
            if isinstance(target, ast.Name) and isinstance(node.slice.value, str):
                annotated = target.id in sections or _is_section_param(tree, target.id)
                if annotated:
                    keys.add(f"{sections.get(target.id, section_prefix)}.{node.slice.value}")
    return keys


def _is_section_param(tree: ast.AST, name: str) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for a in node.args.args:
                if a.arg == name and isinstance(a.annotation, ast.Name) and a.annotation.id == "Section":
                    return True
    return False


def test_every_key_the_source_uses_exists() -> None:
    entries = _all_entries()
    used = {(p.relative_to(SRC).as_posix(), k) for p in _py_files() for k in _used_keys(p)}
    assert len(used) > 100, "the scan found too few lookups: it no longer reads the source"
    unknown = sorted((where, k) for where, k in used if k not in entries)
    assert not unknown, f"keys used but never registered: {unknown}"


def test_the_key_scan_sees_a_missing_key(tmp_path: Path) -> None:
    mod = tmp_path / "mod.py"
    mod.write_text(
        'from lkj_excel.texts import Section, t\nt("cli.nope", "id")\nw = Section("inspect", "id")\nw["x"]\n'
    )
    assert _used_keys(mod) >= {"cli.nope", "inspect.x"}


# A text chosen by language inline: `"x" if lang == "en" else "y"`, `lang != "id"`, `["en" if ...]`.
_CHOICE = re.compile(r"""(lang\w*|_current)\s*[!=]=\s*["'](en|id)["']|["'](en|id)["']\s+if\b""")
# A dict keyed by language: {"id": ..., "en": ...}.
_LANG_DICT = re.compile(r"""^\s*["'](en|id)["']\s*:\s*["'{(]""")


def test_no_text_is_chosen_by_language_outside_the_texts_package() -> None:
    found = []
    for p in _py_files(outside_texts=True):
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if _CHOICE.search(line) or _LANG_DICT.search(line):
                found.append(f"{p.relative_to(SRC)}:{n}: {line.strip()}")
    assert not found, "choose texts through lkj_excel.texts.t(), not inline:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "line",
    ['    return "Findings" if lang == "en" else "Temuan"', '    x = L["en" if english else "id"]', '    "en": {'],
)
def test_the_choice_scan_sees_an_inline_choice(line: str) -> None:
    assert _CHOICE.search(line) or _LANG_DICT.search(line)
