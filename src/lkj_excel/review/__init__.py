"""The review of a checked workbook as plain data, computed once from the workbook and its
findings: counts, key indicators, the reviu checklist and the chart data.

The Ringkasan and Checklist sheets of the corrected workbook, the reviu report
(xlsx, html, json) and the batch rekap render a `Review`; none computes its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ..findings import SEVERITIES, Finding, sort_key
from ..model import Workbook
from ..spec import table_sort_key
from .charts import chart_data
from .checklist import checklist_items, filled
from .indicators import capaian_of, classify, key_indicators, report_year
from .texts import (
    address,
    answer_label,
    format_date,
    rule_label,
    severity_label,
    status_label,
    table_label,
    table_titles,
    text,
)


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    c = Counter(f.severity for f in findings)
    return {s: c.get(s, 0) for s in SEVERITIES}


def table_counts(findings: list[Finding]) -> list[tuple[str | None, dict[str, int]]]:
    """[(table id, {severity: n})] in table order."""
    by: dict[str | None, Counter[str]] = {}
    for f in findings:
        by.setdefault(f.table, Counter())[f.severity] += 1
    keys = sorted(by, key=lambda t: table_sort_key(t or ""))
    return [(k, {s: by[k].get(s, 0) for s in SEVERITIES}) for k in keys]


def group_by_table(findings: list[Finding]) -> list[tuple[str | None, list[Finding]]]:
    groups: dict[str | None, list[Finding]] = {}
    for f in sorted(findings, key=sort_key):
        groups.setdefault(f.table, []).append(f)
    return list(groups.items())


@dataclass(slots=True)
class Review:
    """Everything the reviu renderers show, in one language."""

    lang: str
    findings: list[Finding]  # sorted
    counts: dict[str, int]
    by_table: list[tuple[str | None, dict[str, int]]]
    indicators: list[dict[str, Any]]
    checklist: list[dict[str, Any]]
    charts: dict[str, dict[str, Any]]
    titles: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The review as JSON-ready data (the JSON report's "review" member)."""
        return {
            "counts": self.counts,
            "by_table": [{"table": t, **c} for t, c in self.by_table],
            "indicators": self.indicators,
            "checklist": self.checklist,
        }


def build_review(wb: Workbook, findings: list[Finding], lang: str = "id", ran: Collection[str] = ("check",)) -> Review:
    """The review of `wb` given its findings; `ran` names the checks that ran ("check", "anggaran")."""
    fs = sorted(findings, key=sort_key)
    return Review(
        lang=lang,
        findings=fs,
        counts=severity_counts(fs),
        by_table=table_counts(fs),
        indicators=key_indicators(wb),
        checklist=checklist_items(wb, fs, lang, ran),
        charts=chart_data(wb, lang),
        titles=table_titles(wb),
    )


__all__ = [
    "Review",
    "address",
    "answer_label",
    "build_review",
    "capaian_of",
    "chart_data",
    "checklist_items",
    "classify",
    "filled",
    "format_date",
    "group_by_table",
    "key_indicators",
    "report_year",
    "rule_label",
    "severity_counts",
    "severity_label",
    "status_label",
    "table_counts",
    "table_label",
    "table_titles",
    "text",
]
