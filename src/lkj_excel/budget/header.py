"""The column header of a report-style export: found by its labels, each column given a role.

Report-style exports (LRA, realisasi reports, split DPA/LRA lists) have a header
block (pemerintah daerah, SKPD, tahun anggaran), a one- or two-row column
header, then coded rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .codes import CODE_RE, normalize_code
from .sheet import SheetView

HEADER_SCAN_ROWS = 60
MAX_COLS = 100  # formatting can push the used range to XFD; a budget table is narrower


@dataclass(slots=True)
class Column:
    col: int  # 0-based
    label: str
    role: str  # code | name | anggaran | realisasi | sisa | pct | no | level
    kind: str | None = None  # code: level hint; anggaran: after | before | generic


def label_role(text: str) -> tuple[str, str | None] | None:
    """The role of a column header label, or None."""
    t = " ".join(text.lower().replace(":", " ").replace("_", " ").split())
    if not t or len(t) > 40 or CODE_RE.search(t):
        return None
    if re.fullmatch(r"no\.?|nomor|no\.? urut", t):
        return ("no", None)
    if t == "level":
        return ("level", None)
    if "kode" in t or t in ("rekening", "akun", "kd rek", "kode rek"):
        if "sub" in t and ("kegiatan" in t or "giat" in t):
            return ("code", "sub_kegiatan")
        if "kegiatan" in t or "giat" in t:
            return ("code", "kegiatan")
        if "program" in t:
            return ("code", "program")
        return ("code", None)  # "Kode", "Kode Rekening": any level
    if "uraian" in t or t.startswith("nama"):
        return ("name", None)
    if "%" in t or "persen" in t or "presentase" in t:
        return ("pct", None)
    if "sisa" in t or "selisih" in t or ("lebih" in t and "kurang" in t):
        return ("sisa", None)
    if "realisasi" in t:
        if re.search(r"previous|lalu|sebelumnya", t):
            return None  # the previous period's figure, not the one reported
        return ("realisasi", None)
    if re.search(r"anggaran|pagu|\bdppa\b|\bdpa\b|perubahan|murni|apbd|rincian|nominal", t):
        if "sebelum" in t or "murni" in t or re.search(r"\bdpa\b", t):
            return ("anggaran", "before")
        if "setelah" in t or "sesudah" in t or "dppa" in t or "perubahan" in t or "p-apbd" in t or "papbd" in t:
            return ("anggaran", "after")
        return ("anggaran", "generic")
    return None


def _row_roles(sh: SheetView, r: int, merged: bool) -> dict[int, tuple[str, str | None]]:
    out = {}
    g = sh.grid
    for c in range(min(g.n_cols, MAX_COLS)):
        if not merged and g.merge_origin(r, c) is not None:
            continue
        role = label_role(sh.merged_text(r, c) if merged else sh.text(r, c))
        if role:
            out[c] = role
    return out


def find_header(sh: SheetView) -> tuple[int, int] | None:
    """First and last row (0-based) of the column header, found by its labels."""
    g = sh.grid
    for r in range(min(g.n_rows, HEADER_SCAN_ROWS)):
        roles = {role for role, _ in _row_roles(sh, r, merged=True).values()}
        if len(roles) >= 2 and roles & {"anggaran", "realisasi"} and roles & {"code", "name"}:
            # A second header row ("Sebelum / Setelah Perubahan" under a merged
            # "Anggaran") has labels of its own, not just copies merged down.
            if (
                r + 1 < g.n_rows
                and _row_roles(sh, r + 1, merged=False)
                and not any(normalize_code(g.value(r + 1, c)) for c in range(min(g.n_cols, MAX_COLS)))
            ):
                return r, r + 1
            return r, r
    return None


def columns(sh: SheetView, first: int, last: int) -> list[Column]:
    cols = []
    for c in range(min(sh.grid.n_cols, MAX_COLS)):
        parts: list[str] = []
        for r in range(first, last + 1):
            t = sh.merged_text(r, c)
            if t and t not in parts:
                parts.append(t)
        label = " ".join(parts)
        role = label_role(label)
        if role is None and len(parts) > 1:
            role = label_role(parts[-1])
        if role:
            cols.append(Column(c, label, role[0], role[1]))
    return cols


def header_block(sh: SheetView, first_header_row: int) -> tuple[str | None, str | None, int | None]:
    """(pemerintah daerah, office, year) from the title rows above the column header."""
    government = office = None
    year: int | None = None
    for r in range(first_header_row):
        for c in range(min(sh.grid.n_cols, 12)):
            t = sh.text(r, c)
            if not t:
                continue
            if government is None and re.match(r"(?i)pemerintah\s+(kabupaten|kota|provinsi)", t):
                government = t
            m = re.match(r"(?i)(skpd|opd|perangkat daerah|unit organisasi|sub unit organisasi|unit)\s*:\s*(.+)", t)
            if office is None and m:
                office = strip_code(m.group(2))
            elif office is None and re.match(r"(?i)kecamatan\s+\w", t):
                office = t
            m = re.search(r"(?i)tahun(\s+anggaran)?\s*:?\s*(20\d{2})", t)
            if year is None and m:
                year = int(m.group(2))
    return government, office, year


def strip_code(text: str) -> str | None:
    """A name without the code it starts with ("7.01.0.00.0.00.01.0000 Kecamatan X" -> "Kecamatan X")."""
    tokens = text.split()
    while tokens and re.search(r"\d", tokens[0]):
        tokens.pop(0)
    return " ".join(tokens) or None


def pick_anggaran(cols: list[Column]) -> Column | None:
    cands = [c for c in cols if c.role == "anggaran"]
    for kind in ("after", "generic", "before"):
        of_kind = [c for c in cands if c.kind == kind]
        if of_kind:
            # Several generic columns: SIPD puts the latest version rightmost.
            return of_kind[-1] if kind == "generic" else of_kind[0]
    return None
