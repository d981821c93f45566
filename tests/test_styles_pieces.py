"""The styles part's handlers run only where <numFmts> and <cellXfs> stand (`parts.style_pieces`): the formats
read, and the parts refused, are those of the handlers run on every element (the rule as first written)."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from lkj_excel.errors import LkjError
from lkj_excel.read import parts
from lkj_excel.read.xmlsafe import Budget, XmlRefused, local, new_parser

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _formats_of(data: bytes) -> list[str] | str:
    """The cell formats of `data` read by handlers on every element; "refused" when expat refuses it."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    custom: dict[int, str] = {}
    ids: list[int] = []
    stack: list[str] = []

    def start(tag: str, a: dict[str, str]) -> None:
        name = local(tag)
        parent = stack[-1] if stack else ""
        stack.append(name)
        if name == "numFmt" and parent == "numFmts" and len(stack) == 3:
            try:
                custom[int(a["numFmtId"])] = a["formatCode"]
            except (KeyError, ValueError):
                pass
        elif name == "xf" and parent == "cellXfs":
            try:
                ids.append(int(a.get("numFmtId", "0")))
            except ValueError:
                ids.append(0)

    def end(_tag: str) -> None:
        stack.pop()

    p = new_parser()
    p.StartElementHandler, p.EndElementHandler = start, end
    try:
        p.Parse(data, True)
    except Exception:  # noqa: BLE001 - expat's error or a refused DTD
        return "refused"
    return [custom.get(i) or BUILTIN_FORMATS.get(i) or "General" for i in ids]


def _styles_read(data: bytes) -> list[str] | str:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/styles.xml", data)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        try:
            return parts.styles(zf, "xl/styles.xml", Budget(), "x.xlsx").formats
        except (XmlRefused, LkjError):
            return "refused"


def _xf(rng: random.Random, ids: list[int]) -> str:
    i = rng.choice(ids)
    inner = rng.choice(["", '<alignment horizontal="center"/>', '<xf numFmtId="10"/>', "<protection/>"])
    attrs = f' numFmtId="{i}" fontId="0"' if rng.random() < 0.9 else ' numFmtId="x"'
    return f"<xf{attrs}>{inner}</xf>" if inner else f"<xf{attrs}/>"


def _part(rng: random.Random) -> bytes:
    ids = [0, 1, 3, 4, 9, 10, 14, 164, 165, 166]
    fmts = "".join(
        f'<numFmt numFmtId="{i}" formatCode="{rng.choice(["0.00", "#,##0", "0.0&quot;%&quot;", "dd/mm/yyyy"])}"/>'
        for i in rng.sample([164, 165, 166], rng.randint(0, 3))
    )
    num_fmts = f'<numFmts count="3">{fmts}</numFmts>' if rng.random() < 0.7 else ""
    xfs = "".join(_xf(rng, ids) for _ in range(rng.randint(0, 6)))
    end = rng.choice(["</cellXfs>", "</cellXfs >", "</cellXfs\n>"])
    cell_xfs = f'<cellXfs count="9">{xfs}{end}' if rng.random() < 0.95 else '<cellXfs count="0"/>'
    blocks = [
        '<fonts count="1"><font><b val="1"/><sz val="11"/></font></fonts>',
        '<fills><fill><patternFill patternType="gray125"/></fill></fills>',
        "<borders><border><left/><right/><top/><bottom/></border></borders>",
        f'<cellStyleXfs count="1">{_xf(rng, ids)}</cellStyleXfs>',
        '<cellStyles><cellStyle name="Normal" xfId="0"/></cellStyles>',
        '<dxfs><dxf><numFmt numFmtId="167" formatCode="0.000"/></dxf></dxfs>',
        '<colors><indexedColors><rgbColor rgb="FF000000"/></indexedColors></colors>',
    ]
    rng.shuffle(blocks)
    body = blocks[:3] + [num_fmts] + blocks[3:5] + [cell_xfs] + blocks[5:]
    odd = rng.random()
    if odd < 0.1:
        body.insert(rng.randrange(len(body) + 1), "<!-- <cellXfs><xf numFmtId='9'/></cellXfs> -->")
    elif odd < 0.15:
        body.insert(rng.randrange(len(body) + 1), "<?pi <cellXfs>?>")
    elif odd < 0.2:
        body.append(f"<cellXfs>{_xf(rng, ids)}</cellXfs>")  # a second one
    elif odd < 0.25:
        body = [f"<extLst>{num_fmts}</extLst>" if b == num_fmts else b for b in body]  # numFmts deeper
    elif odd < 0.3:
        body = [b for b in body if b != num_fmts] + [num_fmts]  # numFmts after cellXfs
    elif odd < 0.35:
        body = [f"<wrap>{cell_xfs}</wrap>" if b == cell_xfs else b for b in body]  # cellXfs deeper
    elif odd < 0.4:
        body.append('<x:cellXfs xmlns:x="urn:x"><x:xf numFmtId="14"/></x:cellXfs>')
    elif odd < 0.45:
        body.append("<![CDATA[<cellXfs>]]>")
    elif odd < 0.5:
        body.append('<extLst><x14:ext xmlns:x14="urn:x14"><x14:slicer a="&lt;cellXfs&gt;"/></x14:ext></extLst>')
    root = rng.choice([f"<styleSheet {NS}>", f'<s:styleSheet xmlns:s="urn:s" {NS}>'])
    close = "</s:styleSheet>" if root.startswith("<s:") else "</styleSheet>"
    text = root + "".join(body) + close
    if rng.random() < 0.5:
        text = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text
    data = text.encode()
    if rng.random() < 0.05:
        data = b"\xef\xbb\xbf" + data
    if rng.random() < 0.05:
        data = data[: rng.randrange(len(data))]  # truncated: refused by both
    if rng.random() < 0.03:
        data = data.replace(b"</cellXfs>", b"</cellxfs>", 1)  # malformed: refused by both
    return data


@pytest.mark.parametrize("seed", range(4))
def test_styles_read_in_pieces_as_with_handlers_on_every_element(seed: int) -> None:
    rng = random.Random(seed)
    pieced = 0
    for _ in range(500):
        data = _part(rng)
        assert _styles_read(data) == _formats_of(data), data
        pieced += parts.style_pieces(data) is not None
    assert 150 < pieced < 500  # both paths taken


def test_style_pieces_handle_only_numfmts_and_cellxfs() -> None:
    data = (
        f'<?xml version="1.0"?><styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/>'
        '</numFmts><fonts><font/></fonts><cellXfs count="1"><xf numFmtId="164"/></cellXfs><dxfs/></styleSheet>'
    ).encode()
    pieces = parts.style_pieces(data)
    assert pieces is not None
    assert b"".join(p for p, _h, _f in pieces) == data
    assert [h for _p, h, _f in pieces] == [True, False, True, False]
    assert pieces[1][0] == b"<fonts><font/></fonts>"
    assert pieces[2][0] == b'<cellXfs count="1"><xf numFmtId="164"/></cellXfs>'
    assert _styles_read(data) == ["0.0"]
    for refused in (b"<!-- x -->", b"<?pi x?>", b"<x:cellXfs/>"):
        assert parts.style_pieces(data.replace(b"<fonts>", refused + b"<fonts>")) is None
