"""Which handlers a piece around <sheetData> needs, and merged ranges read from memory, answer as before.

The possessive patterns of `sheetfast.needs_handlers` are compared with the patterns as first written
(greedy, giving back) on thousands of generated pieces: tags with and without prefixes, names that start
like a handled one (`<cols>`, `<colBreaks>`, `<rowBreaks>`), odd characters, attributes holding ":".
"""

from __future__ import annotations

import random
import re

import pytest

from lkj_excel.read import sheetfast, sheetxml

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
