"""Differential test: the fast loader reads odd but valid workbooks exactly as openpyxl does.

Workbooks are generated (hypothesis) and written by xlsxwriter and by
openpyxl, a few also converted by LibreOffice; XML comments holding cells are
slipped into some sheets. Both backends must give the same grids, cell by cell:
values and types, number formats, merges.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkj_excel.read.load import load_grids
from test_fastload import assert_same_grids

FORMATS = [
    "General",
    "0",
    "0.00",
    "#,##0",
    "#,##0.00",
    "0%",
    "0.00%",
    '0.00"%"',
    "[>=1000]#,##0;0.00",
    "#.##0,00",
    "dd/mm/yyyy",
    "yyyy-mm-dd hh:mm",
    "@",
    "[h]:mm",
    "#,##0.00;[Red]-#,##0.00",
    "[$Rp-421] #,##0",
]
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from(list("<>&\"' \n\t;=")),
    max_size=12,
)
NUMBER = st.one_of(
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
    st.sampled_from([0.1, 1e-7, 2.5, 99.999, 1234567.891, -0.0]),
)
VALUE = st.one_of(NUMBER, TEXT.filter(lambda s: not s.startswith("=")), st.booleans())
SHEET_NAME = st.text(st.sampled_from(list("Tabel 3.2-_ ()'&é\u00e9") + ["\U0001f600"]), min_size=1, max_size=12).filter(
    lambda s: s.strip() and not s.startswith("'") and not s.endswith("'") and s.lower() != "history"
)


@st.composite
def books(draw: Any) -> dict[str, Any]:
    n = draw(st.integers(1, 3))
    names = draw(st.lists(SHEET_NAME, min_size=n, max_size=n, unique_by=str.lower))
    sheets = []
    for name in names:
        cells = draw(
            st.dictionaries(
                st.tuples(st.integers(0, 14), st.integers(0, 6)),
                st.tuples(VALUE, st.sampled_from(FORMATS)),
                max_size=25,
            )
        )
        merges = []
        for _ in range(draw(st.integers(0, 3))):
            r, c = draw(st.integers(0, 12)), draw(st.integers(0, 5))
            h, w = draw(st.integers(0, 2)), draw(st.integers(0, 2))
            box = (r, c, r + h, c + w)
            if (h or w) and not any(_overlap(box, m) for m in merges):
                merges.append(box)
        formulas = draw(
            st.lists(st.tuples(st.integers(16, 18), st.integers(0, 3), NUMBER), max_size=2, unique_by=lambda x: x[:2])
        )
        sheets.append({"name": name, "cells": cells, "merges": merges, "formulas": formulas})
    return {"sheets": sheets, "date": draw(st.booleans()), "comment": draw(st.booleans()), "dxf": draw(st.booleans())}


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return not (a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1])


def write_xlsxwriter(spec: dict[str, Any], path: Path) -> Path:
    wb = xlsxwriter.Workbook(
        str(path), {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    )
    fmts: dict[str, Any] = {}
    for sh in spec["sheets"]:
        ws = wb.add_worksheet(sh["name"])
        for (r, c), (v, f) in sorted(sh["cells"].items()):
            fm = fmts.setdefault(f, wb.add_format({"num_format": f}))
            if isinstance(v, bool):
                ws.write_boolean(r, c, v, fm)
            elif isinstance(v, str):
                ws.write_string(r, c, v, fm)
            else:
                ws.write_number(r, c, v, fm)
        if spec["date"]:
            ws.write_datetime(
                19,
                0,
                dt.datetime(2024, 12, 31, 8, 30),
                fmts.setdefault("dd/mm/yyyy", wb.add_format({"num_format": "dd/mm/yyyy"})),
            )
        for r1, c1, r2, c2 in sh["merges"]:
            ws.merge_range(r1, c1, r2, c2, None)
        for r, c, v in sh["formulas"]:
            ws.write_formula(r, c, f"=A1*0+{v!r}", None, v)  # a real cached result
        if spec["dxf"]:
            red = wb.add_format({"num_format": "0.000000", "font_color": "red"})
            ws.conditional_format(0, 0, 20, 6, {"type": "cell", "criteria": ">", "value": -1e300, "format": red})
    wb.close()
    return path


def write_openpyxl(spec: dict[str, Any], path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sh in spec["sheets"]:
        ws = wb.create_sheet(sh["name"])
        for (r, c), (v, f) in sorted(sh["cells"].items()):
            cell = ws.cell(row=r + 1, column=c + 1)
            cell.value = v
            if isinstance(v, str):
                cell.data_type = "s"  # text, even when it looks like a formula
            cell.number_format = f
        for r1, c1, r2, c2 in sh["merges"]:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
        if spec["date"]:
            ws.cell(row=20, column=1, value=dt.date(2024, 12, 31)).number_format = "yyyy-mm-dd"
    wb.save(path)
    return path


def add_comments(path: Path) -> Path:
    """An XML comment holding a cell in every sheet: neither reader may see it."""
    out = path.with_name(path.stem + "_c.xlsx")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"<sheetData>", b'<sheetData><!-- <row r="30"><c r="A30"><v>7</v></c></row> -->', 1)
                data = data.replace(b"<sheetData/>", b"<sheetData><!-- <c r='A1'><v>7</v></c> --></sheetData>", 1)
            zout.writestr(info, data)
    return out


def _same(path: Path) -> None:
    assert_same_grids(load_grids(path, backend="openpyxl"), load_grids(path, backend="fast"))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(spec=books())
def test_generated_workbooks(tmp_path: Path, spec: dict[str, Any]) -> None:
    for writer in (write_xlsxwriter, write_openpyxl):
        p = writer(spec, tmp_path / f"{writer.__name__}.xlsx")
        _same(p)
        if spec["comment"]:
            _same(add_comments(p))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_written(tmp_path: Path) -> None:
    """Workbooks saved by LibreOffice (shared strings, its own styles and merges) read the same."""
    spec = {
        "sheets": [
            {
                "name": "Tabel 3.2 é",
                "cells": {
                    (0, 0): ("Judul & <x>", "General"),
                    (1, 1): (1234.5, "#,##0.00"),
                    (2, 1): (0.25, "0.00%"),
                    (3, 1): (12.5, "[>=1000]#,##0;0.00"),
                    (4, 2): ("teks", "@"),
                    (5, 0): (True, "General"),
                    (6, 3): (-3, "#,##0;-#,##0.0"),
                    (2, 2): ("gabung", "General"),
                    (3, 3): (9, "0"),
                },
                "merges": [(2, 2, 3, 3)],
                "formulas": [(16, 0, 42)],
            },
            {
                "name": "O'Brien (2)",
                "cells": {(0, 0): (1, "0"), (9, 4): ("z", "General")},
                "merges": [],
                "formulas": [],
            },
        ],
        "date": True,
        "comment": False,
        "dxf": True,
    }
    src = write_xlsxwriter(spec, tmp_path / "src.xlsx")
    out = tmp_path / "lo"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(src)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    p = out / "src.xlsx"
    with zipfile.ZipFile(p) as z:
        assert "LibreOffice" in z.read("docProps/app.xml").decode()
    _same(p)
    grids = load_grids(p)
    assert grids[0].value(1, 1) == 1234.5 and grids[0].value(3, 3) is None  # merged over: dropped


def test_formula_over_a_date_formatted_cell(tmp_path: Path) -> None:
    """Found by the generated workbooks: xlsxwriter's 0 awaiting recalculation of =A1*0+0, where A1 is a
    date-formatted 0. Excel computes with the date's serial number, so the formula's result is 0."""
    spec = {
        "sheets": [{"name": "2", "cells": {(0, 0): (0, "dd/mm/yyyy")}, "merges": [], "formulas": [(16, 0, 0)]}],
        "date": False,
        "comment": False,
        "dxf": False,
    }
    p = write_xlsxwriter(spec, tmp_path / "d.xlsx")
    _same(p)
    assert load_grids(p, backend="fast")[0].value(16, 0) == 0
