"""Byte-reproducible xlsx output, shared by the sample builders.

openpyxl's save() stamps properties.modified with "now" and the zip members
with the current time; here docProps/core.xml is re-serialised with a fixed
datetime and every member gets a fixed timestamp.

The builders run as ``python samples/build_*.py`` (sys.path[0] is samples/),
so they import this module as plain ``_reproducible``.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.xml.functions import tostring

FIXED_DT = dt.datetime(2025, 1, 15, 8, 0, 0)
ZIP_DT = (2025, 1, 15, 8, 0, 0)


def normalized_zip(raw: bytes, wb: Workbook) -> bytes:
    """Re-pack the saved xlsx `raw` with fixed document times and zip member timestamps."""
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
    core_xml = tostring(wb.properties.to_tree())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_DT)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            data = zin.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = core_xml
            zout.writestr(info, data)
    return out.getvalue()


def save_reproducible(wb: Workbook, path: Path) -> None:
    """Save `wb` to `path` byte-reproducibly."""
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(normalized_zip(buf.getvalue(), wb))
