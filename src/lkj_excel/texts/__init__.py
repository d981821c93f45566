"""Every text lkj-excel shows a user, in Bahasa Indonesia (the default) and English: one registry, one lookup.

A text is registered once under a dotted key as (indonesian, english) templates in str.format syntax and
looked up with `t(key, lang, **params)`. The catalogs live in this package by domain (files, review, cli,
batch, budget, anggaran); a rule's own messages are registered next to the rule with the same `register`,
and the rule catalog's Indonesian names (`sheets/_aturan.toml`) are registered by `lkj_excel.catalog`.

A key that was never registered is a programming error (KeyError); tests check that every key the source
uses exists and that both languages of a key take the same {placeholders}.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGS = ("id", "en")
DEFAULT = "id"

_TEXTS: dict[str, tuple[str, str]] = {}


def register(texts: Mapping[str, tuple[str, str]]) -> None:
    """Register {key: (indonesian, english)} templates; a key registered twice with other texts is a
    programming error (two catalogs claiming one key)."""
    for key, (id_, en) in texts.items():
        if _TEXTS.get(key, (id_, en)) != (id_, en):
            raise ValueError(f"text {key!r} registered twice with different texts")
        _TEXTS[key] = (id_, en)


def has(key: str) -> bool:
    return key in _TEXTS


def entries() -> dict[str, tuple[str, str]]:
    """Every registered text, {key: (indonesian, english)} (a copy, for tests and documentation)."""
    return dict(_TEXTS)


def _index(lang: str) -> int:
    return LANGS.index(lang) if lang in LANGS else 0


def t(key: str, lang: str = DEFAULT, **params: object) -> str:
    """The text `key` in `lang` (Indonesian for an unknown language), filled with `params`.

    A template whose placeholders the caller does not fill is returned as it is written.
    """
    template = _TEXTS[key][_index(lang)]
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def t_map(key: str, lang: str, params: Mapping[str, object]) -> str:
    """`t(key, lang, **params)` with the parameters as they are held (a finding's): no copies of the mapping."""
    template = _TEXTS[key][_index(lang)]
    if not params:
        return template
    try:
        return template.format_map(params)
    except (KeyError, IndexError, ValueError):
        return template


def both(key: str) -> tuple[str, str]:
    """(indonesian, english) of `key`, for a text passed into a message in each language ("typo_id", "typo_en")."""
    return _TEXTS[key]


def pick(lang: str, indonesian: str, english: str) -> str:
    """Of two texts that come from data rather than from this registry (a rule's Indonesian name from the
    review layer, its English name from the catalog), the one in `lang`."""
    return (indonesian, english)[_index(lang)]


class Section:
    """The texts under one key prefix in one language, read as `texts["export"]` (a terminal summary's labels)."""

    def __init__(self, prefix: str, lang: str) -> None:
        self.prefix, self.lang = prefix, lang

    def __getitem__(self, key: str) -> str:
        return t(f"{self.prefix}.{key}", self.lang)


# The catalogs, registered on import (an explicit list, not a scan).
from . import anggaran, batch, budget, cli, edits, files, reading, review  # noqa: E402

__all__ = ["LANGS", "Section", "both", "entries", "has", "pick", "register", "t", "anggaran", "batch", "budget", "cli"]
__all__ += ["edits", "files", "reading", "review"]
