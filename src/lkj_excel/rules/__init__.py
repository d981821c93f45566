"""Rule families, registered from an explicit list of modules.

`load_rules()` imports the modules of CHECK_MODULES and returns the rules that
run in `check`; the batch and budget rules are registered by the modules of
MODE_MODULES (imported by `all_rules()`), which run them through their own
entry points. A module that is not listed here adds nothing to `check`.
"""

from __future__ import annotations

import importlib

from .base import QUESTIONS, RULES, RUNS, Context, Rule, make, rule

__all__ = ["QUESTIONS", "RULES", "RUNS", "Context", "Rule", "make", "rule", "load_rules", "all_rules"]

# The rule modules of `check`, in catalog order (T1xx ... N8xx).
CHECK_MODULES = (
    "totals",
    "groups",
    "capaian",
    "polarity",
    "scale_rules",
    "categories",
    "skm",
    "efficiency",
    "crosstable",
    "crosstable_lists",
    "form",
    "plausibility",
    "reading",
    "narrative",
    "arithmetic",
)
# Modules that register the rules of `batch` (W9xx) and `anggaran` (B0xx, B1xx).
MODE_MODULES = ("lkj_excel.rules.batch", "lkj_excel.budget.catalog", "lkj_excel.budget.compare_catalog")


def load_rules() -> dict[str, Rule]:
    """The rules that run in `check`, by code."""
    for name in CHECK_MODULES:
        importlib.import_module(f"{__name__}.{name}")
    return {code: r for code, r in RULES.items() if r.runs == "check"}


def all_rules() -> dict[str, Rule]:
    """The whole catalog, with the rules that only run in batch and anggaran mode."""
    load_rules()
    for name in MODE_MODULES:
        importlib.import_module(name)
    return dict(RULES)
