"""Small zip members are inflated straight from the archive (`xmlsafe._inflate`): the same bytes as
zipfile reads, and every member it cannot vouch for left to zipfile, which reads it or reports it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from lkj_excel.errors import LkjError
from lkj_excel.read import xmlsafe
from lkj_excel.read.load import load_grids
from test_fastload import assert_same_grids

SHEET = "xl/worksheets/sheet1.xml"


def _zip(members: list[tuple[str, bytes, int]]) -> zipfile.ZipFile:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data, method in members:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


def test_members_inflate_as_zipfile_reads_them() -> None:
    xml = b"<worksheet>" + b"<row/>" * 5000 + b"</worksheet>"
    zf = _zip(
        [
            ("a.xml", xml, zipfile.ZIP_DEFLATED),
            ("b.xml", xml, zipfile.ZIP_STORED),
            ("empty.xml", b"", zipfile.ZIP_DEFLATED),
            ("xl/lembar \u00e9.xml", b"<x/>", zipfile.ZIP_DEFLATED),  # a UTF-8 name
        ]
    )
    for info in zf.infolist():
        assert xmlsafe._inflate(zf, info) == zf.read(info), info.filename


def _stored_sheet_copy(src: Path, dst: Path) -> Path:
    """A copy of `src` whose sheet part is stored, not deflated: its bytes stand in the file as they are."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            method = zipfile.ZIP_STORED if info.filename == SHEET else zipfile.ZIP_DEFLATED
            zout.writestr(zipfile.ZipInfo(info.filename), zin.read(info.filename), compress_type=method)
    return dst


def test_damaged_member_is_left_to_zipfile(sample_path: Path, tmp_path: Path) -> None:
    p = _stored_sheet_copy(sample_path, tmp_path / "stored.xlsx")
    assert_same_grids(load_grids(p), load_grids(sample_path))
    data = bytearray(p.read_bytes())
    at = data.find(b"<sheetData>") + len(b"<sheetData>") + 40  # inside the stored sheet's cells
    data[at] = ord("#") if data[at] != ord("#") else ord("%")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(data))
    zf = zipfile.ZipFile(io.BytesIO(bytes(data)))
    assert xmlsafe._inflate(zf, zf.getinfo(SHEET)) is None  # its CRC no longer holds
    with pytest.raises(LkjError) as ei:
        load_grids(bad)
    assert ei.value.key == "file.corrupt"


def test_local_header_naming_another_member_is_left_to_zipfile() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.xml", b"<a/>")
        zf.writestr("b.xml", b"<b/>")
    raw = bytearray(buf.getvalue())
    first = raw.find(b"a.xml")  # the first local header's name
    raw[first] = ord("c")
    zf = zipfile.ZipFile(io.BytesIO(bytes(raw)))
    assert xmlsafe._inflate(zf, zf.getinfo("a.xml")) is None
    with pytest.raises(zipfile.BadZipFile):
        zf.read("a.xml")  # what the reader then reports as a corrupt file
    assert xmlsafe._inflate(zf, zf.getinfo("b.xml")) == b"<b/>"
