"""Compare two .xlsx files as a reader sees them (openpyxl): every sheet's cells (values, types, number
formats, fonts, fills, borders, alignment, hyperlinks), merged cells, column widths, row heights, panes,
filters, charts, images and print settings. What it does not see: the XML's own spelling (shared or
inline strings, attribute order, row spans, zip compression).

    python tests/xlsx_compare.py A.xlsx B.xlsx     # prints the differences (at most 20), exit 1 if any
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def _style(c: Any) -> tuple[Any, ...]:
    f, fill, a, b = c.font, c.fill, c.alignment, c.border
    return (
        c.number_format,
        (f.name, f.sz, f.b, f.i, f.u, f.strike, f.color.rgb if f.color is not None else None),
        (fill.fill_type, fill.fgColor.rgb if fill.fgColor is not None else None),
        (a.horizontal, a.vertical, a.wrap_text, a.indent),
        tuple((s.style, s.color.rgb if s.color is not None else None) for s in (b.left, b.right, b.top, b.bottom)),
        c.protection.locked,
    )


def _cells(ws: Any) -> dict[str, tuple[Any, ...]]:
    out = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style:
                continue
            link = c.hyperlink
            out[c.coordinate] = (
                c.value,
                c.data_type,
                _style(c),
                (link.target, link.location, link.tooltip, link.display) if link is not None else None,
            )
    return out


def _print(ws: Any) -> tuple[Any, ...]:
    ps, pm, hf = ws.page_setup, ws.page_margins, ws.oddFooter
    return (
        (ps.orientation, ps.paperSize, ps.fitToWidth, ps.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage),
        (pm.left, pm.right, pm.top, pm.bottom),
        (hf.left.text, hf.center.text, hf.right.text, ws.oddHeader.left.text, ws.oddHeader.right.text),
        (ws.print_title_rows, ws.print_title_cols, tuple(str(a) for a in (ws.print_area or ()))),
        tuple(b.id for b in ws.row_breaks.brk),
    )


def _sheet(ws: Any) -> dict[str, Any]:
    dims = ws.column_dimensions
    return {
        "cells": _cells(ws),
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "widths": {k: (d.width, d.hidden) for k, d in dims.items() if d.customWidth or d.hidden},
        "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height is not None},
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "charts": [(type(ch).__name__, len(ch.series)) for ch in ws._charts],
        "images": len(ws._images),
        "print": _print(ws),
        "gridlines": ws.sheet_view.showGridLines,
        "state": ws.sheet_state,
    }


def compare(a: Path, b: Path, limit: int = 20) -> list[str]:
    """The differences between the workbooks at `a` and `b`, at most `limit` (empty: the same)."""
    import openpyxl

    wa, wb = openpyxl.load_workbook(a), openpyxl.load_workbook(b)
    diffs: list[str] = []
    if wa.sheetnames != wb.sheetnames:
        return [f"sheets {wa.sheetnames} != {wb.sheetnames}"]
    if wa.active.title != wb.active.title:
        diffs.append(f"active sheet {wa.active.title} != {wb.active.title}")
    for name in wa.sheetnames:
        sa, sb = _sheet(wa[name]), _sheet(wb[name])
        for key, va in sa.items():
            vb = sb[key]
            if key != "cells" and va != vb:
                diffs.append(f"{name}: {key} {va!r} != {vb!r}")
        ca, cb = sa["cells"], sb["cells"]
        for ref in sorted(ca.keys() | cb.keys()):
            if ca.get(ref) != cb.get(ref):
                diffs.append(f"{name}!{ref}: {ca.get(ref)!r} != {cb.get(ref)!r}")
                if len(diffs) >= limit:
                    return diffs
    return diffs[:limit]


if __name__ == "__main__":
    found = compare(Path(sys.argv[1]), Path(sys.argv[2]))
    for d in found:
        print(d)
    print("same" if not found else f"{len(found)} difference(s) shown")
    sys.exit(1 if found else 0)
