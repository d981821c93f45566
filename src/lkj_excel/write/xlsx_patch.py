"""Two things openpyxl does not do, done at the package level.

- `copy_sheets`: the report sheets (rendered once, with xlsxwriter, by `summary.py`) copied
  into the office's own workbook: values, styles, merges, widths, heights, links, print
  setup and charts.
- `write_cached_values`: openpyxl writes a formula with an empty `<v/>`, so a reader that
  does not recalculate (openpyxl `data_only`, viewers, this tool) sees nothing. The
  values are put back into the sheet XML: the input's own cached values for its formulas,
  the computed value for a formula the repair plan wrote.
- `restore_images`: without Pillow, openpyxl drops every image of the input; they are put back
  from the package, at their own anchors.
- `openpyxl_losses`: what openpyxl drops from an input (shapes, form controls, sparklines),
  so the output can say so instead of losing it silently.
"""

from __future__ import annotations

import math
import os
import posixpath
import re
import zipfile
from collections.abc import Collection
from copy import copy
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def copy_sheets(src_path: Path, dst: Any, skip: Collection[str] = ()) -> list[Any]:
    """Append the sheets of the workbook at `src_path` (but those named in `skip`) to the openpyxl
    workbook `dst`; return them."""
    import openpyxl

    src = openpyxl.load_workbook(src_path)
    out = []
    for ws in src.worksheets:
        if ws.title in skip:
            continue
        out.append(_copy_sheet(ws, dst.create_sheet(ws.title)))
    return out


def _copy_sheet(ws: Any, new: Any) -> Any:
    styles: dict[tuple[int, ...], Any] = {}  # source style ids -> the target's (copying each style once is 3x faster)
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style:
                continue
            n = new.cell(row=c.row, column=c.column)
            n.value = c.value
            if c.data_type == "s":
                n.data_type = "s"  # input text stays text
            if c.has_style:
                key = tuple(c._style)
                if key in styles:
                    n._style = copy(styles[key])
                else:
                    n.font, n.fill, n.border = copy(c.font), copy(c.fill), copy(c.border)
                    n.alignment, n.protection = copy(c.alignment), copy(c.protection)
                    n.number_format = c.number_format
                    styles[key] = copy(n._style)
            if c.hyperlink is not None:
                n.hyperlink = copy(c.hyperlink)
                n.hyperlink.ref = n.coordinate
    for rng in ws.merged_cells.ranges:
        new.merge_cells(str(rng))
    for key, dim in ws.column_dimensions.items():
        nd = new.column_dimensions[key]
        nd.width, nd.hidden, nd.min, nd.max = dim.width, dim.hidden, dim.min, dim.max
    for key, dim in ws.row_dimensions.items():
        if dim.height is not None:
            new.row_dimensions[key].height = dim.height
    new.freeze_panes = ws.freeze_panes
    new.auto_filter.ref = ws.auto_filter.ref
    new.sheet_view.showGridLines = ws.sheet_view.showGridLines
    new.page_setup = copy(ws.page_setup)
    new.print_options = copy(ws.print_options)
    new.page_margins = copy(ws.page_margins)
    new.sheet_properties.pageSetUpPr = copy(ws.sheet_properties.pageSetUpPr)
    new.HeaderFooter = copy(ws.HeaderFooter)
    new.row_breaks = copy(ws.row_breaks)
    if ws.print_title_rows:
        new.print_title_rows = ws.print_title_rows
    for chart in ws._charts:
        _plain_labels(chart)
        new.add_chart(chart, chart.anchor)
    return new


def _plain_labels(chart: Any) -> None:
    """Say explicitly what the rendered chart meant: straight lines, labels with the value only
    (read back by openpyxl, absent flags are read by LibreOffice as "show series and category")."""
    for s in chart.series:
        if hasattr(s, "smooth"):
            s.smooth = False
        if s.dLbls is not None:
            d = s.dLbls
            d.showVal, d.showSerName, d.showCatName = True, False, False
            d.showLegendKey, d.showPercent, d.showBubbleSize = False, False, False


def _sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> its part name in the package."""
    wbx = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{{{_NS_PKG}}}Relationship")}
    out = {}
    for s in wbx.iter(f"{{{_NS_MAIN}}}sheet"):
        t = target.get(s.get(f"{{{_NS_REL}}}id"), "")
        out[s.get("name", "")] = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))
    return out


def _v(value: Any) -> tuple[str | None, str] | None:
    """(t attribute, <v> text) of a cached value, or None when it cannot be cached."""
    if isinstance(value, bool):
        return "b", "1" if value else "0"
    if isinstance(value, (int, float)):
        return (None, repr(float(value)) if isinstance(value, float) else str(value)) if math.isfinite(value) else None
    if isinstance(value, str):
        if re.fullmatch(r"#(NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A)", value):
            return "e", value
        return "str", escape(value)
    return None


_CELL_F = re.compile(r'<c ([^>]*?)r="([A-Z]+[0-9]+)"([^>]*)>(<f\b[^>]*/>|<f\b[^>]*>.*?</f>)<v\s*/>(</c>)', re.S)


def write_cached_values(path: Path, values: dict[tuple[str, str], Any]) -> int:
    """Put `values` ((sheet, A1) -> value) into the `<v>` of those formula cells of the file at `path`;
    return how many were written. The file is rewritten in place (it is the writer's temp file)."""
    by_sheet: dict[str, dict[str, Any]] = {}
    for (sheet, ref), v in values.items():
        by_sheet.setdefault(sheet, {})[ref] = v
    done = 0
    tmp = path.with_name(path.name + ".v")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        parts = {p: by_sheet[s] for s, p in _sheet_parts(zin).items() if s in by_sheet}
        for item in zin.infolist():
            data = zin.read(item.filename)
            vals = parts.get(item.filename)
            if vals:

                def fill(m: re.Match[str], vals: dict[str, Any] = vals) -> str:
                    nonlocal done
                    cached = _v(vals.get(m.group(2)))
                    if cached is None:
                        return m.group(0)
                    t, text = cached
                    attrs = re.sub(r'\s*\bt="[^"]*"', "", f'{m.group(1)}r="{m.group(2)}"{m.group(3)}')
                    done += 1
                    tattr = f' t="{t}"' if t else ""
                    return f"<c {attrs}{tattr}>{m.group(4)}<v>{text}</v>{m.group(5)}"

                data = _CELL_F.sub(fill, data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    os.replace(tmp, path)
    return done


class _RawImage:
    """An image of the input carried over byte for byte (openpyxl's Image needs Pillow to read one)."""

    def __init__(self, data: bytes, fmt: str, anchor: Any) -> None:
        self._bytes, self.format, self.anchor = data, fmt, anchor
        self.width = self.height = 0  # the anchor holds the size
        self.ref = None

    def _data(self) -> bytes:
        return self._bytes

    @property
    def path(self) -> str:
        return f"/xl/media/image{self._id}.{self.format}"  # type: ignore[attr-defined]


_DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
_IMAGE_FORMATS = {"png": "png", "jpeg": "jpeg", "jpg": "jpeg", "gif": "gif"}


def restore_images(path: str | Path, book: Any) -> list[str]:
    """Put the input's images back on the sheets of `book` (loaded without Pillow); return the
    images that could not be (format openpyxl cannot write: EMF, WMF, …)."""
    from openpyxl.drawing.image import PILImage
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.packaging.relationship import get_dependents, get_rels_path

    if PILImage:
        return []  # openpyxl read them itself
    lost: list[str] = []
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        for title, part in _sheet_parts(z).items():
            rels = get_rels_path(part)
            if rels not in names or title not in book.sheetnames:
                continue
            for rel in get_dependents(z, rels).find(_DRAWING_REL):
                tree: Any = ET.fromstring(z.read(rel.target))
                drawing = SpreadsheetDrawing.from_tree(tree)
                drels = get_rels_path(rel.target)
                deps = get_dependents(z, drels) if drels in names else None
                for blip in getattr(drawing, "_blip_rels", []):
                    dep = deps.get(blip.embed) if deps is not None else None
                    if dep is None or dep.target not in names:
                        continue
                    fmt = _IMAGE_FORMATS.get(dep.target.rsplit(".", 1)[-1].lower())
                    if fmt is None:
                        lost.append(f"{title}: {posixpath.basename(dep.target)}")
                        continue
                    book[title]._images.append(_RawImage(z.read(dep.target), fmt, blip.anchor))
    return lost


_LOSSES = (
    (re.compile(rb"<xdr:(sp|grpSp|cxnSp)\b"), "bentuk/kotak teks (shape)"),
    (re.compile(rb"sparklineGroup"), "sparkline"),
    (re.compile(rb"<(\w+:)?(control|oleObject)\b"), "kontrol formulir/objek OLE"),
    (re.compile(rb"<(\w+:)?slicer"), "slicer"),
)


def openpyxl_losses(path: str | Path) -> list[str]:
    """What the input holds that openpyxl drops when it rewrites the workbook (in Bahasa Indonesia)."""
    found: list[str] = []
    try:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if not re.match(r"xl/(drawings|worksheets|slicers|ctrlProps)/[^/]+\.xml$", name):
                    continue
                data = z.read(name)
                for pat, what in _LOSSES:
                    if what not in found and pat.search(data):
                        found.append(what)
    except (OSError, zipfile.BadZipFile):
        return []
    return found


__all__ = ["copy_sheets", "openpyxl_losses", "restore_images", "write_cached_values"]
