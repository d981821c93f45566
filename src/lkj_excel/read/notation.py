"""Number notation of typed figures: Indonesian (1.234,56) or English (1,234.56).

Decided per table from the figures that can only be read one way, else for
the whole document. In an English table, "1.570" is one and a half, not one
thousand five hundred: its typed figures are read again with the separators
swapped. A cell that departs from its table's notation is what the form rule
reports, not every cell of a consistently English table.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Table
from ..numerals import Parsed, parse_text

_EN_ONLY = re.compile(r"^[-+(]?\s*\d{1,3}(,\d{3})+(\.\d+)?\)?$|^[-+(]?\s*\d+\.\d+\)?$")
_ID_ONLY = re.compile(r"^[-+(]?\s*\d{1,3}(\.\d{3})+(,\d+)?\)?$|^[-+(]?\s*\d+,\d+\)?$")
_STRIP = re.compile(r"(?i)^\s*(rp\.?|idr)\s*|\s*(%|,-)\s*$|\s+[A-Za-z][A-Za-z./ ]*$")


def _core(text: str) -> str:
    return _STRIP.sub("", text.strip()).strip()


@lru_cache(maxsize=1 << 15)
def _vote(text: str) -> str | None:
    """ "en" or "id" when the text can only be read one way; "1.570" and "1,5" read both ways...

    ...except that a single point before other than three digits ("100.00") or a
    comma before other than three digits ("95,07") can only be decimals.
    """
    core = _core(text)
    if not core:
        return None
    en, id_ = bool(_EN_ONLY.match(core)), bool(_ID_ONLY.match(core))
    if en and not id_ and not re.fullmatch(r"[-+(]?\s*\d{1,3}\.\d{3}\)?", core):
        return "en"
    if id_ and not en and not re.fullmatch(r"[-+(]?\s*\d{1,3},\d{3}\)?", core):
        return "id"
    return None


vote = _vote  # what one typed figure says, for the reader (which counts the votes while it reads the rows)


def votes(table: Table) -> tuple[int, int]:
    """(English-only, Indonesian-only) typed figures of the table's numeric columns."""
    en = id_ = 0
    figures = _figure_columns(table)
    for row in table.rows:
        for cid, c in row.cells.items():
            if cid not in figures or not isinstance(c.raw, str):
                continue
            v = _vote(c.text)
            if v == "en":
                en += 1
            elif v == "id":
                id_ += 1
    return en, id_


def _figure_columns(table: Table) -> set[str]:
    """The table's numeric columns but its numbering (a label, not a figure)."""
    spec = table.spec
    return {c.id for c in spec.columns if c.numeric and c.id != spec.numbering}


_SWAP = str.maketrans(".,", ",.")


def swap(text: str) -> str:
    return text.translate(_SWAP)


def reread_english(table: Table) -> None:
    """Read the table's typed figures in English notation (cells unambiguously Indonesian are kept)."""
    table.notation = "en"
    for _r, cid, c in table.iter_cells():
        if not c.is_text_typed or cid == table.spec.numbering or not table.spec.column(cid).numeric:
            continue
        if _vote(c.text) == "id":
            continue  # departs from the table: keep its own reading, the form rule reports it
        p = parse_text(swap(c.text))
        if p.status in ("number", "predikat"):
            c.parsed = replace(p, decimal_point=False, thousands_point=False)
            c.english = True


def decide(tables: list[Table]) -> None:
    """Set each table's notation; English tables are read again."""
    counted = [(t, *(t.votes if t.votes is not None else votes(t))) for t in tables]
    doc_en = sum(en for _t, en, _i in counted)
    doc_id = sum(i for _t, _en, i in counted)
    for t, en, id_ in counted:
        # A table decides alone on two or more figures that read one way only; else the document does.
        english = en > id_ if max(en, id_) >= 2 else (doc_en > doc_id and doc_en >= 2)
        if english:
            reread_english(t)


def departs(table: Table, parsed: Parsed, text: str) -> bool:
    """A typed figure written the other way than its table."""
    if table.notation != "en":
        return False
    return _vote(text) == "id" and parsed.value is not None
