"""A corpus of hostile and odd workbooks, made by editing the sample's XML in its zip.

Each builder writes one case and returns its path; `build_all(folder)` writes
them all. Used by tests/test_hostile_corpus.py (every case under a time and
memory limit in a subprocess) and by benchmarks/fuzz.py.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "sei_balai_2024.xlsx"
INFO = "xl/worksheets/sheet1.xml"  # "Info": office name, kabupaten, year
T12 = "xl/worksheets/sheet3.xml"  # "Tabel 1.2": villages, population, a total row
WB = "xl/workbook.xml"


def patch(dst: Path, edits: dict[str, Callable[[str], str]], extra: dict[str, bytes] | None = None) -> Path:
    """Copy the sample to `dst`, applying text edits to named parts and adding `extra` members."""
    with zipfile.ZipFile(SAMPLE) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in edits:
                data = edits[info.filename](data.decode("utf-8")).encode("utf-8")
            zout.writestr(info, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return dst


def _before_end_of_sheet_data(add: str) -> Callable[[str], str]:
    return lambda x: x.replace("</sheetData>", add + "</sheetData>", 1)


def _after_sheet_data(add: str) -> Callable[[str], str]:
    return lambda x: x.replace("</sheetData>", "</sheetData>" + add, 1)


def _set_cell(ref: str, xml_cell: str) -> Callable[[str], str]:
    """Replace cell `ref` (whole <c> element) by `xml_cell`."""

    def edit(x: str) -> str:
        new, n = re.subn(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', lambda _m: xml_cell, x, count=1)
        assert n == 1, ref
        return new

    return edit


def _first_number_cell(part: str) -> str:
    with zipfile.ZipFile(SAMPLE) as zf:
        xml = zf.read(part).decode()
    m = re.search(r'<c r="([A-Z]+\d+)"[^>]*><v>\d', xml)
    assert m
    return m.group(1)


def _rename_sheet(old: str, new_xml: str) -> Callable[[str], str]:
    return lambda x: x.replace(f'name="{old}"', f'name="{new_xml}"', 1)


def far_cell(d: Path) -> Path:
    return patch(
        d / "far_cell.xlsx", {INFO: _before_end_of_sheet_data('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')}
    )


def huge_merge(d: Path) -> Path:
    return patch(
        d / "huge_merge.xlsx",
        {INFO: _after_sheet_data('<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')},
    )


def unclosed_cells(d: Path) -> Path:
    return patch(
        d / "unclosed.xlsx", {INFO: _before_end_of_sheet_data('<row r="9">' + '<c r="A9"><v>1</v>' * 10_000 + "</row>")}
    )


def dtd_entities(d: Path) -> Path:
    laughs = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    return patch(d / "dtd.xlsx", {INFO: lambda x: laughs + x.replace("Batu Bara", "&b;")})


def external_entity(d: Path) -> Path:
    xxe = '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    return patch(d / "xxe.xlsx", {INFO: lambda x: xxe + x.replace("Batu Bara", "&x;")})


def zip_bomb(d: Path) -> Path:
    """A sheet part inflating to 100 MB of spaces (100 KB in the zip)."""
    dst = patch(d / "zip_bomb.xlsx", {})
    with zipfile.ZipFile(SAMPLE) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != INFO:
                zout.writestr(info, data)
                continue
            head, tail = data.split(b"</sheetData>", 1)
            with zout.open(INFO, "w", force_zip64=True) as fh:
                fh.write(head)
                block = b" " * (1 << 24)
                for _ in range(6):
                    fh.write(block)
                fh.write(b"</sheetData>" + tail)
    return dst


def number_1e400(d: Path) -> Path:
    ref = _first_number_cell(T12)
    return patch(d / "n_1e400.xlsx", {T12: _set_cell(ref, f'<c r="{ref}"><v>1E400</v></c>')})


def digits_400(d: Path) -> Path:
    ref = _first_number_cell(T12)
    return patch(
        d / "digits400.xlsx", {T12: _set_cell(ref, f'<c r="{ref}" t="inlineStr"><is><t>{"9" * 400}</t></is></c>')}
    )


def number_1e27(d: Path) -> Path:
    ref = _first_number_cell(T12)
    return patch(d / "n_1e27.xlsx", {T12: _set_cell(ref, f'<c r="{ref}"><v>1.5E27</v></c>')})


def text_infinity(d: Path) -> Path:
    ref = _first_number_cell(T12)
    return patch(d / "text_inf.xlsx", {T12: _set_cell(ref, f'<c r="{ref}" t="str"><v>Infinity</v></c>')})


def lone_surrogate(d: Path) -> Path:
    return patch(d / "surrogate.xlsx", {INFO: lambda x: x.replace("Batu Bara", "Batu &#xD800; Bara")})


def sheet_apostrophes(d: Path) -> Path:
    return patch(d / "apostrophe.xlsx", {WB: _rename_sheet("Tabel 1.2", "&apos;Tabel 1.2&apos;")})


def sheet_long_emoji(d: Path) -> Path:
    name = "Tabel 2.1 " + "\U0001f600" * 14  # 10 + 28 UTF-16 units
    return patch(d / "emoji.xlsx", {WB: _rename_sheet("Tabel 2.1", name)})


def sheet_control_chars(d: Path) -> Path:
    return patch(d / "control.xlsx", {WB: _rename_sheet("Tabel 2.1", "Tabel&#9;2.1&#10;x")})


def sheet_control_char_invalid(d: Path) -> Path:
    return patch(d / "control1.xlsx", {WB: _rename_sheet("Tabel 2.1", "Tabel&#1;2.1")})


def duplicate_sheet_names(d: Path) -> Path:
    return patch(d / "dup_names.xlsx", {WB: _rename_sheet("Tabel 2.1", "TABEL 1.2")})


def slash_sheet_name(d: Path) -> Path:
    return patch(d / "slash_name.xlsx", {WB: _rename_sheet("Tabel 2.1", "Tabel 2/1")})


def truncated_part(d: Path) -> Path:
    return patch(d / "truncated.xlsx", {T12: lambda x: x[: len(x) // 2]})


def styled_to_last_row(d: Path, rows: int = 1_048_576) -> Path:
    """Formatting applied to whole columns: styled empty cells down to row 1.048.576 (a ~15 MB file)."""
    dst = d / "styled_1048576.xlsx"
    with zipfile.ZipFile(SAMPLE) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != T12:
                zout.writestr(info, data)
                continue
            head, tail = data.split(b"</sheetData>", 1)
            row = '<row r="%d" spans="1:6" s="1" customFormat="1">' + "".join(f'<c r="{c}%d" s="1"/>' for c in "ABCDEF")
            with zout.open(T12, "w", force_zip64=True) as fh:
                fh.write(head)
                for start in range(30, rows + 1, 65536):
                    chunk = "".join(row % ((r,) * 7) + "</row>" for r in range(start, min(rows + 1, start + 65536)))
                    fh.write(chunk.encode())
                fh.write(b"</sheetData>" + tail)
    return dst


def formulas_xlsxwriter(d: Path) -> Path:
    """A table whose total is =SUM(...) written by xlsxwriter: cached value 0, recalculation on load."""
    import xlsxwriter

    p = d / "formula_xlsxwriter.xlsx"
    wb = xlsxwriter.Workbook(str(p))
    _formula_book(
        wb.add_worksheet, lambda ws, r, c, v: ws.write(r, c, v), lambda ws, r, c, f: ws.write_formula(r, c, f)
    )
    wb.close()
    return p


def formulas_openpyxl(d: Path) -> Path:
    """The same table written by openpyxl: formulas without any cached value."""
    import openpyxl

    p = d / "formula_openpyxl.xlsx"
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _formula_book(
        wb.create_sheet,
        lambda ws, r, c, v: ws.cell(row=r + 1, column=c + 1, value=v),
        lambda ws, r, c, f: ws.cell(row=r + 1, column=c + 1, value=f),
    )
    wb.save(p)
    return p


# Tabel 1.2 of a made-up office: villages, hamlets and households, totals by formula.
FORMULA_ROWS = [("Desa A", 4, 300), ("Desa B", 3, 240), ("Desa C", 5, 470)]


def _formula_book(add_sheet, put, put_formula) -> None:  # type: ignore[no-untyped-def]
    info = add_sheet("Info")
    for r, (k, v) in enumerate([("Nama Instansi", "Kecamatan Uji Rumus"), ("Kabupaten", "Batu Bara"), ("Tahun", 2024)]):
        put(info, r, 0, k)
        put(info, r, 1, v)
    ws = add_sheet("Tabel 1.2")
    put(ws, 0, 0, "Tabel 1.2")
    put(ws, 1, 0, "Jumlah Penduduk per Desa")
    for c, h in enumerate(["No.", "Nama Desa", "Jumlah Dusun", "Jumlah KK"]):
        put(ws, 3, c, h)
    for i, (name, dusun, kk) in enumerate(FORMULA_ROWS):
        r = 4 + i
        put(ws, r, 0, f"{i + 1}.")
        put(ws, r, 1, name)
        put(ws, r, 2, dusun)
        put(ws, r, 3, kk)
    last = 4 + len(FORMULA_ROWS)
    put(ws, last, 1, "Jumlah")
    put_formula(ws, last, 2, f"=SUM(C5:C{last})")
    put_formula(ws, last, 3, "=D5+D6+D7")


BUILDERS: list[Callable[[Path], Path]] = [
    far_cell,
    huge_merge,
    unclosed_cells,
    dtd_entities,
    external_entity,
    zip_bomb,
    number_1e400,
    digits_400,
    number_1e27,
    text_infinity,
    lone_surrogate,
    sheet_apostrophes,
    sheet_long_emoji,
    sheet_control_chars,
    sheet_control_char_invalid,
    duplicate_sheet_names,
    slash_sheet_name,
    truncated_part,
    styled_to_last_row,
    formulas_xlsxwriter,
    formulas_openpyxl,
]


def build_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [b(folder) for b in BUILDERS]
