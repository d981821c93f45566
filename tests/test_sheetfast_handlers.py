"""Which handlers a piece around <sheetData> needs, and merged ranges read from memory, answer as before.

The possessive patterns of `sheetfast.needs_handlers` are compared with the patterns as first written
(greedy, giving back) on thousands of generated pieces: tags with and without prefixes, names that start
like a handled one (`<cols>`, `<colBreaks>`, `<rowBreaks>`), odd characters, attributes holding ":".
"""

from __future__ import annotations

import random
import re

import pytest

from lkj_excel.read import sheetfast, sheetxml, xmlsafe

_OLD_HANDLED = re.compile(rb"<(?:[^\s<>/:!?]+:)?(?:c|row|v|f|t|is|rPh)[\s/>]")
_OLD_MERGE = re.compile(rb"<(?:[^\s<>/:!?]+:)?mergeCell[\s/>]")

NAMES = [
    "c", "cols", "col", "row", "rowBreaks", "v", "vv", "f", "ft", "t", "tt", "is", "isx", "rPh", "rPhx",
    "mergeCell", "mergeCells", "mergeCellx", "sheetView", "selection", "pageMargins", "x:c", "x:row", "a:b:c",
    "x14:mergeCell", "mc:AlternateContent", "?xml", "!--", "", ":c", "x:", "c:c",
]  # fmt: skip
TAILS = [" ", "/", ">", "\t", "\n", ":", "x", '="1"', ' a:b="c:d"', "", "<"]


def _old_needs(xml: bytes) -> str:
    if _OLD_HANDLED.search(xml) is not None:
        return "all"
    return "merges" if _OLD_MERGE.search(xml) is not None else ""


@pytest.mark.parametrize("seed", range(4))
def test_needs_handlers_answers_as_the_greedy_patterns(seed: int) -> None:
    rng = random.Random(seed)
    answers = set()
    for _ in range(3000):
        parts = []
        for _ in range(rng.randrange(1, 8)):
            parts.append("<" + rng.choice(["", "/"]) + rng.choice(NAMES) + rng.choice(TAILS))
            parts.append(rng.choice(["", ">", " ", "teks", "</x>", "<", ":"]))
        xml = "".join(parts).encode()
        assert sheetfast.needs_handlers(xml) == _old_needs(xml), xml
        answers.add(_old_needs(xml))
    assert answers == {"all", "merges", ""}


def test_merged_ranges_read_from_memory_as_afresh() -> None:
    for rng in ["A1:B2", "B2:A1", "C7", "$A$1:$C$3", "AA10:AB12", "A1:B2"]:
        merges: list[tuple[int, int, int, int]] = []
        sheetxml._merge(rng, merges)
        sheetxml._merge(rng, merges)  # the second from memory
        assert merges == [sheetxml._range(rng)] * 2
    assert sheetxml._range("B2:A1") == (0, 0, 1, 1)
    for bad in ["", "A1:B2:C3", "1A", "A1:"]:
        with pytest.raises(ValueError):
            sheetxml._merge(bad, [])
        assert bad not in sheetxml._RANGES


@pytest.mark.parametrize("seed", range(2))
def test_a_piece_without_cell_handlers_loses_nothing_to_the_empty_cell_strip(seed: int) -> None:
    """`feed(..., strip=False)` for a piece `needs_handlers` finds no cell element in: dropping styled
    empty cells and emptied rows would leave it as it is (both patterns start with what it looks for)."""
    rng = random.Random(seed)
    stripped = 0
    names = [*NAMES, 'c r="A1" s="3"', 'row r="2" spans="1:3"', 'row r="7"']
    for _ in range(4000):
        parts = []
        for _ in range(rng.randrange(1, 8)):
            parts.append("<" + rng.choice(["", "/"]) + rng.choice(names) + rng.choice([*TAILS, "/>", " />", "></row>"]))
            parts.append(rng.choice(["", ">", " ", "teks", "</x>", "<", ":"]))
        xml = "".join(parts).encode()
        kept = xmlsafe._EMPTY_ROWS.sub(b"", xmlsafe._EMPTY_CELLS.sub(b"", xml))
        if sheetfast.needs_handlers(xml) != "all":
            assert kept == xml, xml
        stripped += kept != xml
    assert stripped > 100  # the strip does act on pieces holding cells
