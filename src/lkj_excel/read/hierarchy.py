"""Group rows: which rows stand above which, read from the numbering and the labels.

Offices number their tables in levels: I, II above 1, 2 above a., b. above
"- " sub-rows; codes "1.01" above "1.01.01"; "Program" above "Kegiatan" above
"Sub Kegiatan". A row with rows below it is a group (its figures are the sum,
mean or ratio of its children's); a group without any figure is a section.
The result is written into `Row.level`, `Row.parent`, `Row.children` and the
roles "group" and "section"; a flat table is left as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Row, Table
from ..spec import normalise

_ROMAN = re.compile(r"^(?=[IVXL])(XL|L?X{0,3})(IX|IV|V?I{0,3})\s*[.)]?$")
_CODE = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$")
_ARABIC = re.compile(r"^\d{1,3}\s*[.)]?$")
_LETTER = re.compile(r"^[a-z](?:\.\d{1,3})*\s*[.)]?$")
_DASH = re.compile(r"^\s*[-•·–]\s*\S")
_KEYWORDS = (("sub kegiatan", 52), ("kegiatan", 51), ("program", 50))


@lru_cache(maxsize=4096)  # numbering texts ("1.", "a.", "II", "1.01") are the same few in every office
def _number_rank(text: str) -> int | None:
    t = text.strip()
    if not t:
        return None
    if _ROMAN.match(t):
        return 0
    if _CODE.match(t):
        return 10 + len([p for p in t.rstrip(".").split(".") if p])
    if _ARABIC.match(t):
        return 11  # "1." is a one-part code: "1.1" stands below it
    if _LETTER.match(t):
        return 30
    return None


def _rank(row: Row, numbering: str | None) -> int | None:
    """The row's level kind: smaller stands higher; None when the row gives no sign."""
    label = row.label or ""
    cell = row.cells.get(numbering) if numbering else None
    if cell is not None and cell.text:
        r = _number_rank(cell.text)
        if r is not None:
            return r
    low = normalise(label)
    for word, rank in _KEYWORDS:
        if low.startswith(word + " ") or low == word:
            return rank
    if _DASH.match(label):
        return 40
    return None


def _code(row: Row, numbering: str | None) -> str | None:
    cell = row.cells.get(numbering) if numbering else None
    if cell is None or not (_CODE.match(cell.text.strip()) or _ARABIC.match(cell.text.strip())):
        return None
    return cell.text.strip().rstrip(".)").strip()


def _other_branch(parent: str | None, child: str | None) -> bool:
    """Two codes where the first is not the start of the second: "01.02" is not above "4.1.4"."""
    return parent is not None and child is not None and not child.startswith(parent + ".")


def _figures(row: Row, table: Table) -> bool:
    return any(
        c.value is not None
        for cid, c in row.cells.items()
        if cid != table.spec.numbering and table.spec.column(cid).numeric
    )


def infer_hierarchy(table: Table) -> None:
    """Set parents, children, levels and the group/section roles of `table`'s data rows."""
    if any(rs.sum_of for rs in table.spec.rows):
        return  # declared subtotals (Belanja Operasi) are the table's own hierarchy
    rows = [r for r in table.rows if r.role == "data"]
    ranks: list[int | None] = [_rank(r, table.spec.numbering) for r in rows]
    if len({k for k in ranks if k is not None}) < 2:
        return
    stack: list[tuple[int, Row]] = []
    previous: int | None = None
    for row, rank in zip(rows, ranks):
        if rank is None:
            rank = previous  # an unnumbered row continues the item it follows
        if rank is None:
            continue
        code = _code(row, table.spec.numbering)
        while stack and (stack[-1][0] >= rank or _other_branch(_code(stack[-1][1], table.spec.numbering), code)):
            stack.pop()
        if stack:
            parent = stack[-1][1]
            row.parent = parent.index
            row.level = parent.level + 1
            parent.children.append(row.index)
        stack.append((rank, row))
        previous = rank
    for row in rows:
        if row.children:
            row.role = "group" if _figures(row, table) else "section"


def leaves_and_tops(table: Table) -> list[Row]:
    """The rows a grand total adds up when the table has groups: those at the top level."""
    return [r for r in table.rows if r.role in ("data", "group") and r.parent is None]
