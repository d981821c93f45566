"""The Inspektorat's reviu questions answered from the checks that bear on each one.

An answer is "ya" only when those checks ran on tables that hold figures and found
nothing; "tidak" on an error, "periksa" on a warning; "tidak_dinilai" (with why) when
they could not run: the tables they need are missing or empty, or — for the budget
question — no DPPA/LRA export was read (`lkj-excel anggaran`). A blank template is
never "ya".
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from ..findings import SEVERITIES, Finding, sort_key
from ..model import Table, Workbook
from ..spec import table_sort_key
from ..spec_sources import sources
from .texts import address, severity_label, table_label, text

ARITHMETIC_FAMILIES = {"totals", "capaian", "penyerapan", "skm", "category", "scale", "ratio", "formula"}


def _budget_tables() -> list[str]:
    """The tables that repeat the SIPD budget (declared in sheets/_sources.toml), in table order."""
    return sorted(sources().budget_tables, key=table_sort_key)


def _pk_tables() -> tuple[str, str]:
    """(the Perjanjian Kinerja table: the source of targets, the capaian table: the source of capaian)."""
    return sources().source_tables("target")[0], sources().source_tables("capaian")[0]


_ARITH_CHECKS = {"capaian", "ratio", "skm", "category", "category_row", "scale", "penyerapan_sasaran", "component_max"}

# The reviu questions in order with their legal basis; their wording is in the texts catalog
# ("review.question.<key>"), the Indonesian one also kept here as "id" (the checklist's label, e.g. to find its row).
_BASES = {
    "arithmetic": "PermenPANRB 53/2014, reviu: perhitungan capaian",
    "crosstable": "PermenPANRB 53/2014, reviu: keandalan data",
    "pk": "PermenPANRB 53/2014, reviu: IKU dan target sesuai PK",
    "budget": "PermenPANRB 53/2014, reviu: realisasi anggaran sesuai LRA",
    "efficiency": "PermenPANRB 88/2021, kriteria pelaporan: efisiensi",
    "narrative": "PermenPANRB 88/2021, kriteria pelaporan: penjelasan capaian",
    "form": "PermenPANRB 53/2014, reviu: format dan isi bab",
}
QUESTIONS: list[dict[str, Any]] = [
    {"key": k, "basis": basis, "id": text(f"question.{k}", "id")} for k, basis in _BASES.items()
]


def family(f: Finding) -> str:
    return (f.rule or "").split(".")[0]


def filled(t: Table | None) -> bool:
    """Whether a table holds something to check: a figure in a numeric column, or, in a table
    without numeric columns, a text outside its key column (labels the template pre-fills)."""
    if t is None:
        return False
    numeric = {c.id for c in t.spec.columns if c.numeric and c.id != t.spec.numbering}
    for r in t.rows:
        for cid, c in r.cells.items():
            if cid in numeric and c.value is not None:
                return True
            if not numeric and cid != t.spec.key and cid != t.spec.numbering and c.text.strip():
                return True
    return False


def _involves(f: Finding, wb: Workbook, tid: str) -> bool:
    if f.table == tid:
        return True
    sheets = {wb.sheet_of.get(tid), f"Tabel {tid}"} - {None}
    if f.sheet in sheets:
        return True
    if any(r.rsplit("!", 1)[0].strip("'") in sheets for r in f.related):
        return True
    return any(str(v) in (tid, f"Tabel {tid}") for v in f.params.values())


def _arith_tables(wb: Workbook) -> list[Table]:
    out = []
    for t in wb.tables.values():
        s = t.spec
        if (
            s.total_columns
            or any(c.formula for c in s.columns)
            or any(r.sum_of for r in s.rows)
            or any(c.get("rule") in _ARITH_CHECKS for c in s.checks)
        ):
            out.append(t)
    return out


def _same_tables(wb: Workbook) -> list[Table]:
    return [t for t in wb.tables.values() if t.spec.same]


def _needs(wb: Workbook, key: str) -> tuple[list[str], bool]:
    """(tables the question's checks read, whether enough of them hold figures for the checks to run)."""
    if key == "arithmetic":
        ts = _arith_tables(wb)
        return [t.id for t in ts], any(filled(t) for t in ts)
    if key == "crosstable":
        ts = [t for t in wb.tables.values() if filled(t)]
        return [t.id for t in _same_tables(wb)], len(ts) >= 2 and any(filled(t) for t in _same_tables(wb))
    if key == "pk":
        pk, capaian = _pk_tables()
        return [pk, capaian], filled(wb.table(pk)) and filled(wb.table(capaian))
    if key == "budget":
        ids = _budget_tables()
        return ids, any(filled(wb.table(t)) for t in ids)
    if key == "efficiency":
        eff = sources().budget.efficiency
        return [eff], filled(wb.table(eff))
    if key == "narrative":
        return ["Narasi"], any(p.text.strip() for p in wb.paragraphs)
    # form: the workbook's tables themselves
    return list(wb.tables), any(filled(t) for t in wb.tables.values())


_MATCH: dict[str, Callable[[Finding, Workbook], bool]] = {
    "arithmetic": lambda f, wb: family(f) in ARITHMETIC_FAMILIES,
    "crosstable": lambda f, wb: family(f) == "crosstable",
    "pk": lambda f, wb: family(f) == "crosstable" and _involves(f, wb, _pk_tables()[0]),
    "budget": lambda f, wb: family(f) == "budget" or f.code.upper().startswith("B"),
    "efficiency": lambda f, wb: family(f) == "efisiensi" or f.table == sources().budget.efficiency,
    "narrative": lambda f, wb: family(f) == "narrative" or f.code.upper().startswith("N"),
    "form": lambda f, wb: family(f) == "form",
}


def _bears_on(key: str, f: Finding, wb: Workbook) -> bool:
    """Whether a finding answers a question: by the reviu question its rule declares (`@rule(question=…)`),
    else (a rule the catalog does not know) by its family."""
    from ..rules.base import RULES

    r = RULES.get(f.code)
    declared = getattr(r, "question", "") if r is not None else ""
    if not declared:
        return _MATCH[key](f, wb)
    if key == "pk":
        return declared == "crosstable" and _involves(f, wb, _pk_tables()[0])
    return declared == key


def _answer(fs: list[Finding]) -> str:
    sev = {f.severity for f in fs}
    if "error" in sev:
        return "tidak"
    if "warning" in sev:
        return "periksa"
    return "ya"


def _judge(wb: Workbook, key: str, fs: list[Finding], ran: Collection[str], lang: str) -> tuple[str, str]:
    """(answer, note) of one question."""
    answer = _answer(fs)
    tables, runnable = _needs(wb, key)
    if key != "budget" and "check" not in ran:  # e.g. `lkj-excel anggaran` alone: the table checks did not run
        return ("tidak" if answer == "tidak" else "tidak_dinilai"), text("nd_notrun", lang)
    if key == "budget" and "anggaran" not in ran:
        # check never reads a DPPA or LRA: its own budget-table findings are arithmetic, not this question
        return ("tidak" if answer == "tidak" else "tidak_dinilai"), text("nd_budget", lang)
    if key == "efficiency" and wb.table(eff := sources().budget.efficiency) is None:
        return "tidak", text("no_efficiency", lang, table=eff)
    if key == "form":
        empty = [t for t in wb.tables.values() if not filled(t)]
        if not runnable:
            return "tidak_dinilai", text("nd_none", lang)
        if wb.missing or empty:
            parts = []
            if wb.missing:
                miss = ", ".join(wb.missing)
                parts.append(text("tables_missing", lang, tables=miss))
            if empty:
                parts.append(text("empty_tables", lang, tables=", ".join(table_label(t.id) for t in empty)))
            return ("tidak" if answer == "ya" else answer), " ".join(parts)
        return answer, ""
    if not runnable:
        shown = ", ".join(table_label(t) for t in tables) or "-"
        return ("tidak" if answer == "tidak" else "tidak_dinilai"), text("nd_empty", lang, tables=shown)
    return answer, ""


def checklist_items(
    wb: Workbook, findings: list[Finding], lang: str = "id", ran: Collection[str] = ("check",)
) -> list[dict[str, Any]]:
    """The reviu questions, each with its answer ("ya" | "tidak" | "periksa" | "tidak_dinilai"),
    its findings and a note saying why when the answer is not read from findings alone.

    `ran` names the checks that ran: "check" (the tables), "anggaran" (a SIPD export compared).
    """
    ordered = sorted(findings, key=sort_key)
    out = []
    for n, q in enumerate(QUESTIONS, 1):
        fs = [f for f in ordered if _bears_on(q["key"], f, wb)]
        answer, note = _judge(wb, q["key"], fs, ran, lang)
        if fs:
            counts = {s: sum(1 for f in fs if f.severity == s) for s in SEVERITIES}
            tally = ", ".join(f"{v} {severity_label(s, lang).lower()}" for s, v in counts.items() if v)
            note = f"{note} ({tally})" if note else tally
        out.append(
            {
                "no": n,
                "key": q["key"],
                "question": text(f"question.{q['key']}", lang),
                "basis": q["basis"],
                "answer": answer,
                "count": len(fs),
                "codes": sorted({f.code for f in fs}),
                "cells": [address(f.sheet, f.cell) for f in fs],
                "note": note,
            }
        )
    return out
