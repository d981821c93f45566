"""The rule catalog as documentation, in Bahasa Indonesia and English.

`docs/rules.md` is generated from the rules' docstrings (English, with their
examples) and `sheets/_aturan.toml` (each rule's Indonesian name and
description, kept as data beside the other declarations).
"""

from __future__ import annotations

import textwrap
from functools import lru_cache
from typing import Any

from .rules import Rule
from .rules import all_rules as all_rules
from .spec import load_aux
from .texts import has, register, t

FAMILIES = {
    "totals": "Totals and subtotals",
    "capaian": "Capaian",
    "penyerapan": "Penyerapan",
    "scale": "Reference scales",
    "category": "Categories",
    "skm": "Survei Kepuasan Masyarakat",
    "efisiensi": "Efficiency (Tabel 3.14)",
    "crosstable": "Cross-table identities",
    "form": "Plausibility and form",
    "narrative": "Narrative against the tables",
    "budget": "Budget export (SIPD DPPA / LRA)",
    "batch": "Across workbooks (batch)",
}


@lru_cache(maxsize=1)
def _indonesian() -> dict[str, Any]:
    return load_aux("aturan")


def indonesian_entry(code: str) -> dict[str, str] | None:
    """{"nama", "uraian"} of a rule in Bahasa Indonesia, or None if it has none yet."""
    entry = _indonesian().get("aturan", {}).get(code)
    return dict(entry) if entry else None


@lru_cache(maxsize=1)
def _register_rules() -> None:
    """Each rule's name and one-line description in the texts catalog: the Indonesian from
    sheets/_aturan.toml, the English from the rule itself (its name and its docstring's first line)."""
    pairs: dict[str, tuple[str, str]] = {}
    for code, r in all_rules().items():
        name, summary = r.name, (r.doc.splitlines() or [""])[0]
        entry = indonesian_entry(code) or {"nama": name, "uraian": summary}
        pairs[f"rule.{code}.name"] = (entry["nama"], name)
        pairs[f"rule.{code}.description"] = (entry["uraian"], summary)
    register(pairs)


@lru_cache(maxsize=1)
def _register_families() -> None:
    names = _indonesian().get("keluarga", {})
    register({f"family.{f}": (str(names.get(f) or en), en) for f, en in FAMILIES.items()})
    register({f"family.{f}": (str(id_), f) for f, id_ in names.items() if f not in FAMILIES})


def rule_text(code: str, lang: str = "id") -> tuple[str, str]:
    """(name, one-line description) of a rule for `lkj-excel rules`, in `lang`."""
    _register_rules()
    return t(f"rule.{code}.name", lang), t(f"rule.{code}.description", lang)


def family_name(family: str, lang: str = "id") -> str:
    _register_families()
    key = f"family.{family}"
    return t(key, lang) if has(key) else family


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _meta(r: Rule) -> list[str]:
    """Severity, reviu question and mode of a rule, in both languages."""
    sev = getattr(r, "severity", "")
    question, runs = getattr(r, "question", ""), getattr(r, "runs", "")
    word = t(f"severity_word.{sev}", "id") if has(f"severity_word.{sev}") else sev
    return [
        "",
        f"*tingkat: {word}; pertanyaan reviu: {question}; dijalankan di `{runs}`*",
        f"*({sev}; reviu question: {question}; runs in `{runs}`)*",
    ]


def render_markdown() -> str:
    """docs/rules.md: the catalog in Bahasa Indonesia, each rule's English description and examples beside."""
    rules = all_rules()
    lines = [
        "# Katalog aturan / Rule catalog",
        "",
        "Dibuat dari docstring aturan dan `sheets/_aturan.toml` dengan "
        "`lkj-excel rules --markdown > docs/rules.md`; jangan disunting langsung.",
        "(Generated from the rules' docstrings and `sheets/_aturan.toml`; do not edit by hand.)",
        "",
        "Setiap aturan punya kode tetap dan nama. Setiap temuan memuat keduanya, beserta tingkat "
        "(kesalahan, peringatan, info), lembar dan sel, angka yang tercetak dan yang seharusnya, serta pesan "
        "dalam Bahasa Indonesia (bahasa Inggris dengan `--lang en`). Contoh gagal/lulus setiap aturan "
        "(Fails/Passes) ditulis dalam rumus dan angka.",
        "",
        "Setiap aturan menyatakan tingkat bawaannya, pertanyaan reviu yang dijawabnya, dan tempat ia dijalankan: "
        "`check` (satu buku kerja), `anggaran` (ekspor SIPD, sendiri atau dibandingkan dengan buku kerja) atau "
        "`batch` (antar buku kerja). Contoh Fails/Passes-nya adalah buku kerja dalam notasi "
        "`lkj_excel/rules/examples.py`, dan `tests/test_rule_examples.py` menjalankan semuanya (contoh batch atas "
        "beberapa buku kerja, `{berkas.xlsx}`); hanya contoh penggabungan DPA+LRA (B007-B009) tetap berupa uraian, "
        "karena memerlukan berkas DPA dan berkas LRA.",
        "",
        "| kode | aturan | uraian | rule (English) |",
        "| --- | --- | --- | --- |",
    ]
    ordered = sorted(rules.values(), key=lambda r: r.code)
    for r in ordered:
        nama, uraian = rule_text(r.code, "id")
        lines.append(f"| {r.code} | {_cell(nama)} | {_cell(uraian)} | `{r.name}` |")
    current = None
    for r in ordered:
        fam = family_name(r.family, "id")
        if fam != current:
            current = fam
            lines += ["", f"## {fam} / {FAMILIES.get(r.family, r.family)}"]
        nama, uraian = rule_text(r.code, "id")
        doc = textwrap.dedent(r.doc).strip() or "(no description)"
        lines += ["", f"### {r.code} {nama} (`{r.name}`)", "", uraian, *_meta(r), "", "English:", "", doc]
    return "\n".join(lines) + "\n"
