"""`sheetfast`'s one-token-per-cell pattern accepts and reads exactly what the earlier tokeniser did.

The earlier one (a token per cell, row tag, row end and whitespace run, checked one by one in Python)
is kept here as the reference. On thousands of generated <sheetData> texts, well formed and broken
(garbage between or inside the tokens, rows nested, left open or closed twice, odd attributes), both
must accept the same texts and give the same cells; the few shapes the new pattern leaves to expat
on purpose are read both ways through the loader instead.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from lkj_excel.read import sheetfast
from test_sheetfast import _book, _sheet_xml, assert_same_both_ways

# The reference: the tokeniser `sheetfast` used before (session 23), unchanged.
_ATTRS = r'(?: [A-Za-z][\w.:-]*="[^"<&\t\n]*")*'
_OLD_TOKEN = re.compile(
    r'<c r="([A-Z]{1,3}[0-9]{1,7})"(?: s="([0-9]{1,9})"|)(?: t="([A-Za-z]{1,9})"|)'
    r"(?:>(<is>)<t(?: xml:space=\"preserve\"|)>([^<]*)</t></is></c>"
    rf"|( ?/>)|>(?:(<f)({_ATTRS})(?: ?/>|>([^<]*)</f>)|)(?:(<v>)([^<]*)</v>|)</c>)"
    rf"|(<row)({_ATTRS}) ?(/?)>|(</row>)|[ \t\n]+|(.)",
    re.S,
)
_TYPES = frozenset({"n", "s", "str", "b", "e", "inlineStr", "d"})


def _old_cells(inner: str, root: bytes) -> list[tuple[str, ...]] | None:
    out = []
    open_row = False
    checked: set[str] = set()
    for tok in _OLD_TOKEN.findall(inner):
        if tok[0]:
            if tok[5]:
                continue
            if (tok[2] or "n") not in _TYPES or (tok[7] and not sheetfast._attrs_ok(tok[7], root, checked)):
                return None
            out.append(tok)
        elif tok[11]:
            if open_row or not (sheetfast._PLAIN_ROW.fullmatch(tok[12]) or sheetfast._attrs_ok(tok[12], root, checked)):
                return None
            open_row = not tok[13]
        elif tok[14]:
            if not open_row:
                return None
            open_row = False
        elif tok[15]:
            return None
    return None if open_row else out


def _old_meaning(tok: tuple[str, ...]) -> tuple[object, ...]:
    """Address, style, type, inline text (None: no <is>), formula (attrs, text) or None, value text."""
    formula = (tok[7], tok[8]) if tok[6] else None
    return (tok[0], tok[1], tok[2], tok[4] if tok[3] else None, formula, tok[10])


def _new_meaning(tok: tuple[str, ...]) -> tuple[object, ...]:
    formula = None
    if tok[6]:
        f = sheetfast._F.fullmatch(tok[6])
        assert f is not None
        formula = (f[1], f[2] or "")
    return (tok[1], tok[2], tok[3], tok[5] if tok[4] else None, formula, tok[7])


def _new_cells(inner: str, root: bytes) -> list[tuple[object, ...]] | None:
    tokens = sheetfast._cells(inner, root)
    if tokens is None:
        return None
    return [_new_meaning(t) for t in tokens if t[1] and not t[8]]


CELLS = [
    '<c r="A{r}" s="3" t="s"><v>12</v></c>',
    '<c r="B{r}"><v>1.5</v></c>',
    '<c r="C{r}" t="inlineStr"><is><t>x &amp; y</t></is></c>',
    '<c r="D{r}" s="2" t="inlineStr"><is><t xml:space="preserve"> a </t></is></c>',
    '<c r="E{r}" t="inlineStr"><is><t></t></is></c>',
    '<c r="F{r}" s="2"/>',
    '<c r="F{r}" s="6" t="n" />',
    '<c r="G{r}"></c>',
    '<c r="G{r}"><v></v></c>',
    '<c r="H{r}"><f>SUM(A1:B1)</f><v>3</v></c>',
    '<c r="H{r}"><f t="shared" ref="H1:H5" si="0">A1</f><v>1</v></c>',
    '<c r="H{r}"><f t="shared" si="0"/><v>2</v></c>',
    '<c r="H{r}" t="str"><f>"a"</f><v>a</v></c>',
    '<c r="H{r}"><f xml:space="preserve"> 1 </f></c>',
    '<c r="I{r}" t="b"><v>1</v></c>',
    '<c r="I{r}" t="e"><v>#N/A</v></c>',
    '<c r="I{r}" t="d"><v>2024-01-02</v></c>',
    '<c r="XFD{r}" t="inlineStr"><is><t>far</t></is></c>',
]
# Cells the reference refuses too: left to expat by both.
BAD_CELLS = [
    '<c r="J{r}" t="x"><v>1</v></c>',
    '<c r="J{r}"><f t="a" t="b">1</f></c>',
    '<c r="J{r}"><f zz:a="1">1</f></c>',
    '<c r="J{r}"><f xmlns:q="u">1</f></c>',
    '<c r="J{r}" t="inlineStr"><is><r><t>a</t></r></is></c>',
    '<c t="n" r="J{r}"><v>1</v></c>',
    "<c><v>1</v></c>",
    '<c r="J{r}"><v>1</v>',
]
ROWS = [
    '<row r="{r}">',
    '<row r="{r}" spans="1:9">',
    "<row>",
    '<row r="{r}" >',
    '<row r="{r}" ht="20.25" customHeight="1">',
    '<row r="{r}" x14ac:dyDescent="0.25">',
    '<row r="{r}" xml:lang="id">',
]
BAD_ROWS = ['<row r="{r}" ht="1" ht="2">', '<row r="{r}" zz:a="1">', '<row r="{r}" xmlns:q="u">']
SELF_ROWS = ['<row r="{r}"/>', '<row r="{r}" />', '<row r="{r}" ht="3"/>']
SPACE = ["", "", "", " ", "\n  ", "\t"]
GARBAGE = ["<!-- c -->", "x", ">", '"', "<", "<rowx>", '<row r="1"', "</row >", "</c>", "<v>1</v>", "&amp;", "</row>"]
ROOTS = [b'<worksheet xmlns="urn:main"', b'<worksheet xmlns="urn:main" xmlns:x14ac="urn:ac"']


def _document(rng: random.Random) -> str:
    parts = []
    for r in range(1, rng.randint(1, 7)):
        parts.append(rng.choice(SPACE))
        kind = rng.random()
        if kind < 0.1:
            parts.append(rng.choice(SELF_ROWS).format(r=r))
            continue
        parts.append(rng.choice(BAD_ROWS if kind < 0.13 else ROWS).format(r=r))
        for _ in range(rng.randint(0, 5)):
            parts.append(rng.choice(SPACE))
            parts.append(rng.choice(BAD_CELLS if rng.random() < 0.04 else CELLS).format(r=r))
        parts.append(rng.choice(SPACE))
        parts.append("</row>")
        if rng.random() < 0.1:  # a cell outside any row
            parts.append(rng.choice(CELLS).format(r=r))
    for _ in range(rng.choice([0, 0, 0, 1, 2])):  # garbage anywhere: between or inside the tokens
        pos = rng.randint(0, len(parts))
        parts.insert(pos, rng.choice(GARBAGE))
    text = "".join(parts)
    if rng.random() < 0.1 and text:  # a cut anywhere
        cut = rng.randrange(len(text))
        text = text[:cut] + text[cut + 1 :]
    return text


@pytest.mark.parametrize("seed", range(6))
def test_generated_sheets_accepted_and_read_as_before(seed: int) -> None:
    rng = random.Random(seed)
    accepted = refused = 0
    for _ in range(700):
        inner, root = _document(rng), rng.choice(ROOTS)
        old = _old_cells(inner, root)
        new = _new_cells(inner, root)
        assert (old is None) == (new is None), (inner, root)
        if old is None:
            refused += 1
            continue
        accepted += 1
        assert new == [_old_meaning(t) for t in old], inner
    assert accepted > 200 and refused > 100  # both kinds really generated


# The pieces of the danger: a row tag broken by a cell inside it. Joined, the texts before the cells
# would read as a plain row; the reference refused it, and so must the new pattern.
SPLIT_TAGS = [
    '<row r="1"<c r="A1"><v>1</v></c>></row>',
    '<row r="1" x="a<c r="A1"/>"></row>',
    '<row r="1"><c r="A1"><v>1</v></c>x</row>',
    '<row r="1" x="a><c r="A1"/>"><c r="B1"/></row>',
    '<row r="1" ht="2"<c r="A1"><v>1</v></c>></row>',
    '<c r="A1"><v>1</v></c><<c r="B1"><v>1</v></c>row r="1"></row>',
]


@pytest.mark.parametrize("inner", SPLIT_TAGS)
def test_a_row_tag_split_by_a_cell_is_refused(inner: str) -> None:
    assert _old_cells(inner, ROOTS[1]) is None
    assert sheetfast._cells(inner, ROOTS[1]) is None


# Shapes the reference read itself and the new pattern leaves to expat (which reads them the same).
LEFT_TO_EXPAT = {
    "empty cell of an unknown type": '<row r="1"><c r="A1" t="zz"/><c r="B1"><v>2</v></c></row>',
    "a row attribute holding >": '<row r="1" ht="a>b"><c r="A1"><v>2</v></c></row>',
}


@pytest.mark.parametrize("inner", LEFT_TO_EXPAT.values(), ids=list(LEFT_TO_EXPAT))
def test_shapes_left_to_expat_read_the_same(inner: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _old_cells(inner, ROOTS[0]) is not None
    p = _book(tmp_path, inner)
    assert sheetfast.split(_sheet_xml(p)) is None
    assert_same_both_ways(p, monkeypatch)


@pytest.mark.parametrize("inner", [*SPLIT_TAGS[:2], '<row r="1"><c r="A1"><v>1</v></c>'])
def test_split_tags_load_as_expat_reads_them(inner: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same_both_ways(_book(tmp_path, inner), monkeypatch)
