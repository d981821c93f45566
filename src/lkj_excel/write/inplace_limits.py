"""Whether openpyxl can hold the input for in-place correction, judged from the file before loading it.

openpyxl builds an object for every cell it reads, every cell of a merged range and every styled empty
cell, so a small file (one merge A1:XFD1048576, formatting applied to whole columns) can need many GB.
The fast loader reads such files in bounded memory; the in-place writer cannot. Judged here from the zip
(uncompressed size of the worksheet parts) and the merged ranges, streamed, without building anything.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

# Measured: openpyxl needs roughly 20-40 times the worksheet XML in memory; 25 MB of XML stays well under
# 1 GB. A merge covering more cells than a sheet of the largest LKjIP tables is never a table's merge.
MAX_SHEET_XML = 25_000_000
MAX_MERGE_CELLS = 200_000

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _largest_merge(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """Cells of the largest merged range in one worksheet part (streamed in chunks; linear time)."""
    largest, tail = 0, b""
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 20):
            buf = tail + chunk
            for m in _MERGE.finditer(buf):
                rows = abs(int(m.group(4)) - int(m.group(2))) + 1
                cols = abs(_col(m.group(3)) - _col(m.group(1))) + 1
                largest = max(largest, rows * cols)
            tail = buf[-80:]  # a ref cut at the chunk's end is found again with the next chunk
    return largest


def too_large_for_inplace(path: str | Path) -> str | None:
    """Why openpyxl cannot hold this workbook for in-place correction, or None when it can."""
    try:
        with zipfile.ZipFile(path) as zf:
            sheets = [
                i for i in zf.infolist() if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")
            ]
            total = sum(i.file_size for i in sheets)
            if total > MAX_SHEET_XML:
                return f"{total // 1_000_000} MB XML lembar kerja (batas {MAX_SHEET_XML // 1_000_000} MB)"
            for info in sheets:
                cells = _largest_merge(zf, info)
                if cells > MAX_MERGE_CELLS:
                    return f"sel gabungan seluas {cells:,} sel".replace(",", ".")
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError):
        return None  # the reader already accepted the file; let the writer report its own problem
    return None
