"""The message of a finding, an error or a reader note, and the terminal's severity labels, looked up in the
texts catalog (`lkj_excel.texts`, where every text is registered)."""

from __future__ import annotations

from collections.abc import Mapping

from .texts import has, t, t_map
from .texts.files import READ_DETAILS

__all__ = ["render", "render_params", "severity_label", "translate_detail"]


def severity_label(severity: str, lang: str = "id") -> str:
    """The terminal's label of a severity: KESALAHAN / PERINGATAN / INFO (ERROR / WARNING / INFO in English)."""
    key = f"severity.{severity}"
    return t(key, lang) if has(key) else severity.upper()


def translate_detail(detail: str, lang: str = "id") -> str:
    """A reading error's detail in the user's language; a library's own words are marked as such."""
    for start, key in READ_DETAILS.items():
        if detail == start or detail.startswith(start) or detail.split(": ", 1)[-1].startswith(start):
            return t(key, lang)
    if detail and detail.isascii():
        return t("detail.technical", lang, detail=detail)
    return detail


def render(key: str, lang: str = "id", **params: object) -> str:
    """A finding's or an error's message: its key's text. A finding carries its key as data (it may come
    from a JSON report or a test), so an unknown key is shown as it is rather than failing the report."""
    if not has(key):
        return key + (" " + repr(params) if params else "")
    return t(key, lang, **params)


def render_params(key: str, lang: str, params: Mapping[str, object]) -> str:
    """`render(key, lang, **params)` for parameters held in a mapping (a finding's): the rekap renders a
    hundred thousand of them, and `**` would copy each mapping three times on the way."""
    if not has(key):
        return key + (" " + repr(params) if params else "")
    return t_map(key, lang, params)
