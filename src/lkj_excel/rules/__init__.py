"""Rule families. Importing this package registers every rule in the catalog."""

from __future__ import annotations

import importlib
import pkgutil

from .base import RULES, Context, Rule, make, rule

__all__ = ["RULES", "Context", "Rule", "make", "rule", "load_rules"]


def load_rules() -> dict[str, Rule]:
    for mod in pkgutil.iter_modules(__path__):
        if mod.name != "base" and not mod.name.startswith("_"):
            importlib.import_module(f"{__name__}.{mod.name}")
    return RULES
