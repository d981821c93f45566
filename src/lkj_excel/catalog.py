"""The rule catalog as documentation: `docs/rules.md` is generated from the rules' docstrings."""

from __future__ import annotations

import textwrap

from .rules import all_rules as all_rules

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


def render_markdown() -> str:
    rules = all_rules()
    lines = [
        "# Rule catalog",
        "",
        "Generated from the rules' docstrings by `lkj-excel rules --markdown > docs/rules.md`; do not edit by hand.",
        "",
        "Each rule has a stable code and a dotted name. Findings carry both, with the severity, the sheet and",
        "cell, the figure as found and as expected, and a message in Bahasa Indonesia (or English with `--lang en`).",
        "",
        "Each rule declares its default severity, the reviu question it bears on and where it runs: `check` (one",
        "workbook; its Fails/Passes examples are workbooks in the notation of `lkj_excel/rules/examples.py`, run by",
        "`tests/test_rule_examples.py`), `batch` or `anggaran` (examples in prose: they need several workbooks or a",
        "SIPD export).",
        "",
        "| code | rule | severity | question | runs in | summary |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    ordered = sorted(rules.values(), key=lambda r: r.code)
    for r in ordered:
        first = (r.doc.splitlines() or [""])[0].replace("|", "\\|")
        lines.append(f"| {r.code} | `{r.name}` | {r.severity} | {r.question} | {r.runs} | {first} |")
    current = None
    for r in ordered:
        fam = FAMILIES.get(r.family, r.family)
        if fam != current:
            current = fam
            lines += ["", f"## {fam}"]
        meta = f"*{r.severity}; reviu question: {r.question}; runs in `{r.runs}`*"
        lines += ["", f"### {r.code} `{r.name}`", "", meta, "", textwrap.dedent(r.doc).strip() or "(no description)"]
    return "\n".join(lines) + "\n"
