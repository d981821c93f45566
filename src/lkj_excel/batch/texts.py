"""The batch's texts: their catalog is `lkj_excel.texts.batch`; these are the lookups the runner and the rekap use."""

from __future__ import annotations

from functools import lru_cache

from .. import texts
from ..texts import pick

STATUSES = ("ok", "unreadable", "failed", "too_big", "killed", "timeout")


def t(key: str, lang: str, **params: object) -> str:
    return texts.t(f"batch.{key}", lang, **params)


@lru_cache(maxsize=512)
def rule_title(code: str, rule: str, lang: str) -> str:
    """The rule's name in words for the rekap's "Aturan" column, not its internal id: the review layer's
    Indonesian name; in English the catalog's family ("Totals and subtotals"), its ids being English already."""
    from ..catalog import family_name
    from ..texts.review import RULE_NAMES_ID

    family = family_name((rule or "").split(".")[0], lang)
    return pick(lang, RULE_NAMES_ID.get(code.upper()) or family, family)


@lru_cache(maxsize=16)
def severity(sev: str, lang: str) -> str:
    from ..review.texts import severity_label

    return severity_label(sev, lang)


def seconds(elapsed: float, lang: str) -> str:
    """A duration in seconds, one decimal, in the language's number notation (12,3 / 12.3)."""
    from ..numerals import format_id

    return pick(lang, format_id(elapsed, 1), f"{elapsed:.1f}")
