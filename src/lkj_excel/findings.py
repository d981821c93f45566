"""Findings: plain data, one per inconsistency, at its cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .messages import render_params
from .spec import table_sort_key

SEVERITIES = ("error", "warning", "info")


@dataclass(slots=True)
class Finding:
    code: str
    rule: str
    severity: str
    sheet: str
    cell: str
    found: str | None
    expected: str | None
    message_key: str
    params: dict[str, Any] = field(default_factory=dict)
    related: list[str] = field(default_factory=list)
    fix: Any = None  # corrected value (number or text) where the rules give one
    table: str | None = None  # standard table id, e.g. "3.16"; "Narasi" for narrative

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent between batch workers and the parent: spelled out, as the compiled build's classes need it.
        args = (self.code, self.rule, self.severity, self.sheet, self.cell, self.found, self.expected)
        return (Finding, (*args, self.message_key, self.params, self.related, self.fix, self.table))

    def message(self, lang: str = "id") -> str:
        return render_params(self.message_key, lang, self.params)

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "table": self.table,
            "sheet": self.sheet,
            "cell": self.cell,
            "found": self.found,
            "expected": self.expected,
            "message": self.message(lang),
            "related": list(self.related),
            "fix": self.fix,
        }

    @property
    def status(self) -> str:
        return "dikoreksi" if self.fix is not None else "perlu diperiksa"


def summary(findings: list[Finding]) -> dict[str, int]:
    out = {s: 0 for s in SEVERITIES}
    for f in findings:
        out[f.severity] += 1
    return out


def sort_key(f: Finding) -> tuple:
    return (table_sort_key(f.table or ""), f.sheet, _cell_key(f.cell), f.code)


@lru_cache(maxsize=1 << 12)  # cell references: every workbook's findings sit in the same few thousand
def _cell_key(ref: str) -> tuple[int, str]:
    letters = "".join(c for c in ref if c.isalpha())
    digits = "".join(c for c in ref if c.isdigit())
    return (int(digits) if digits else 0, letters.rjust(3))


def report_dict(findings: list[Finding], input_path: str, lang: str = "id", **extra: Any) -> dict[str, Any]:
    from . import __version__

    return {
        "tool": "lkj-excel",
        "version": __version__,
        "input": input_path,
        **extra,
        "summary": summary(findings),
        "findings": [f.to_dict(lang) for f in sorted(findings, key=sort_key)],
    }
