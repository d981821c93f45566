"""The one way this tool opens an xlsxwriter workbook: input text stays text.

xlsxwriter's defaults turn a string starting with "=" into a live formula and
"https://…" or "external:\\\\host\\x.exe" into a clickable link; an office name
or indicator typed that way would then run or point somewhere in the reviewer's
Excel. Every writer goes through `new_workbook`, so those options cannot be
forgotten, and NaN/Infinity become #NUM! instead of an exception.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

SAFE_OPTIONS: dict[str, bool] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "nan_inf_to_errors": True,
}

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_MAX_SHEET_UNITS = 31  # Excel counts UTF-16 code units


def new_workbook(path: str | Path, **options: Any) -> Any:
    """An xlsxwriter Workbook at `path` with the safe options (extra options may be added, not loosened)."""
    import xlsxwriter

    merged = {**options, **SAFE_OPTIONS}
    return xlsxwriter.Workbook(str(path), merged)


def _utf16_units(s: str) -> int:
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in s)


def _clean_char(ch: str) -> str:
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cs", "Cn") or ch in "\ufffe\uffff":
        return "_"  # control characters, lone surrogates, non-characters: invalid in the XML name
    return ch


def safe_sheet_name(want: str, taken: set[str] | None = None, fallback: str = "Lembar") -> str:
    """A sheet name Excel and openpyxl accept, unique (case-insensitively) among `taken`, which it extends.

    Excel refuses []:*?/\\, a leading or trailing apostrophe, "History", and more than
    31 UTF-16 units (an emoji counts two); control characters and lone surrogates
    cannot appear in the XML at all.
    """
    base = "".join(_clean_char(ch) for ch in _BAD_SHEET_CHARS.sub("_", want or ""))
    base = base.strip().strip("'").strip() or fallback
    if base.lower() == "history":
        base = fallback
    base = _truncate(base, _MAX_SHEET_UNITS)
    names = taken if taken is not None else set()
    name, k = base, 2
    while name.lower() in names:
        suffix = f" ({k})"
        name = _truncate(base, _MAX_SHEET_UNITS - len(suffix)).rstrip("'") + suffix
        k += 1
    names.add(name.lower())
    return name


def _truncate(s: str, units: int) -> str:
    out: list[str] = []
    n = 0
    for ch in s:
        w = 2 if ord(ch) > 0xFFFF else 1
        if n + w > units:
            break
        out.append(ch)
        n += w
    return "".join(out).rstrip("'") or "Lembar"


def safe_text(s: str) -> str:
    """Text an XML part can hold: lone surrogates and control characters (bar tab/newline) replaced."""
    if s.isprintable():
        return s
    return "".join(ch if ch in "\t\n\r" or unicodedata.category(ch) not in ("Cc", "Cs") else "\ufffd" for ch in s)
