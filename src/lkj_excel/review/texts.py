"""The review's words as its renderers (Ringkasan, reviu report xlsx/html, rekap) ask for them: lookups in
the one catalog (`lkj_excel.texts`, keys "review.*"), plus table labels and addresses.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Workbook
from ..spec import load_all
from ..texts import has, pick, t
from ..texts.review import RULE_NAMES_ID

__all__ = ["RULE_NAMES_ID", "address", "answer_label", "format_date", "rule_label", "severity_label"]
__all__ += ["status_label", "table_label", "table_titles", "text"]


def text(key: str, lang: str = "id", **params: object) -> str:
    return t(f"review.{key}", lang, **params)


def _label(kind: str, value: str, lang: str) -> str:
    key = f"review.{kind}.{value}"
    return t(key, lang) if has(key) else value


def severity_label(sev: str, lang: str = "id") -> str:
    return _label("severity", sev, lang)


def status_label(status: str, lang: str = "id") -> str:
    return _label("status", status, lang)


def answer_label(answer: str, lang: str = "id") -> str:
    return _label("answer", answer, lang)


def format_date(d: date, lang: str = "id") -> str:
    return f"{d.day} {t(f'month.{d.month}', lang)} {d.year}"


def table_label(tid: str | None) -> str:
    if not tid:
        return "-"
    return f"Tabel {tid}" if re.match(r"\d+\.\d+$", tid) else tid


def table_titles(wb: Workbook) -> dict[str, str]:
    titles = {s.id: s.title for s in load_all(wb.year)}
    for tid, tbl in wb.tables.items():
        titles[tid] = tbl.spec.title
    return titles


def address(sheet: str, cell: str) -> str:
    return f"{sheet}!{cell}" if cell else sheet


def rule_label(code: str, name: str | None = None, lang: str = "id") -> str:
    """ "K303 Kategori tidak sesuai nilai" (Indonesian), or "K303 category.value" in English."""
    words = pick(lang, RULE_NAMES_ID.get(code.upper()) or name or "", name or "")
    return f"{code} {words}" if words else code
