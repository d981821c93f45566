"""Budget export texts: their catalog is `lkj_excel.texts.budget`; this module names the layouts."""

from __future__ import annotations

from ..texts import has, t


def layout_name(key: str, lang: str = "id", **params: object) -> str:
    """The layout `anggaran` recognised, as it names it to the user (an unknown key is shown as it is)."""
    name = f"budget.layout.{key}"
    return t(name, lang, **params) if has(name) else key
