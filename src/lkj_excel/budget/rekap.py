"""The flat SIPD-RI "rekap" export: one row per sub kegiatan × sumber dana × rekening, a whole kabupaten.

Header in row 1 (21 columns, or 23 with PAKET/KELOMPOK or KODE STANDAR HARGA
before PAGU), no subtotal or total rows, codes as text. The office is chosen by
`--skpd CODE` (KODE SKPD or KODE SUB UNIT), else by the office name of the LKjIP
workbook, else it is the only office in the file; otherwise the offices found
are listed (exit 2).
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import LkjError
from ..read.grid import ref
from .codes import classify_code, normalize_code, parents_of, rekening_prefixes
from .merge import name_key
from .model import Node
from .sheet import SheetView

REQUIRED = ("KODE SUB KEGIATAN", "KODE REKENING", "PAGU")
OFFICE_COLUMNS = ("KODE SKPD", "NAMA SKPD", "KODE SUB UNIT", "NAMA SUB UNIT")


def _norm(text: str) -> str:
    return " ".join(text.upper().replace("_", " ").split())


def header_columns(sh: SheetView, r: int) -> dict[str, int]:
    """{normalised header label: 0-based column} of row r."""
    out: dict[str, int] = {}
    for c in range(sh.grid.n_cols):
        t = _norm(sh.text(r, c))
        if t and t not in out:
            out[t] = c
    return out


def detect(sh: SheetView) -> int | None:
    """The header row of a rekap (within the first rows), or None."""
    for r in range(min(sh.grid.n_rows, 5)):
        cols = header_columns(sh, r)
        if all(k in cols for k in REQUIRED) and ("KODE SKPD" in cols or "KODE SUB UNIT" in cols):
            return r
    return None


def _offices(sh: SheetView, head: int, cols: dict[str, int]) -> dict[str, tuple[str, str]]:
    """{office key: (code, name)} in file order: the sub unit when given, else the SKPD."""
    out: dict[str, tuple[str, str]] = {}
    for r in range(head + 1, sh.grid.n_rows):
        code, name = _office_of(sh, r, cols)
        if code and code not in out:
            out[code] = (code, name)
    return out


def _office_of(sh: SheetView, r: int, cols: dict[str, int]) -> tuple[str, str]:
    for kc, kn in (("KODE SUB UNIT", "NAMA SUB UNIT"), ("KODE SKPD", "NAMA SKPD")):
        if kc in cols and sh.text(r, cols[kc]):
            code = sh.text(r, cols[kc])
            name = sh.text(r, cols[kn]) if kn in cols else ""
            return code, re.sub(r"^\s*[\d.]+\s+", "", name)
    return "", ""


def choose_office(
    sh: SheetView, head: int, cols: dict[str, int], skpd: str | None, office_name: str | None
) -> tuple[str, str, set[str]]:
    """(code, name, codes accepted) of the office to read; LkjError when none or several fit."""
    offices = _offices(sh, head, cols)
    listed = "; ".join(f"{c} {n}".strip() for c, n in offices.values()) or "-"
    if skpd:
        wanted = skpd.strip()
        accepted = {
            _office_of(sh, r, cols)[0]
            for r in range(head + 1, sh.grid.n_rows)
            if wanted in (sh.text(r, cols[k]) for k in ("KODE SKPD", "KODE SUB UNIT") if k in cols)
        }  # an SKPD code selects all its sub units
        if not accepted:
            raise LkjError("budget.office_unknown", path=sh.path, code=wanted, offices=listed)
        first = next(c for c in offices if c in accepted)
        return wanted, offices[first][1], accepted
    if office_name:
        key = name_key(office_name)
        hits = [c for c, n in offices.values() if key and (name_key(n) == key or key in name_key(n))]
        if len(hits) == 1:
            return hits[0], offices[hits[0]][1], {hits[0]}
    if len(offices) == 1:
        code, name = next(iter(offices.values()))
        return code, name, {code}
    raise LkjError("budget.office_ambiguous", path=sh.path, count=len(offices), offices=listed)


def read_nodes(
    sh: SheetView, head: int, skpd: str | None, office_name: str | None
) -> tuple[list[Node], dict[str, Any]]:
    """Leaf nodes of the chosen office, and what the summary shows (office, year, column)."""
    cols = header_columns(sh, head)
    code, name, accepted = choose_office(sh, head, cols, skpd, office_name)
    nodes: list[Node] = []
    year: int | None = None
    for r in range(head + 1, sh.grid.n_rows):
        if _office_of(sh, r, cols)[0] not in accepted:
            continue
        node = _row_node(sh, r, cols)
        if node is not None:
            nodes.append(node)
        if year is None and "TAHUN" in cols and re.fullmatch(r"20\d{2}", sh.text(r, cols["TAHUN"])):
            year = int(sh.text(r, cols["TAHUN"]))
    info = {
        "office": name,
        "office_code": code,
        "year": year,
        "anggaran_column": "PAGU",
        "anggaran_header_cell": ref(head, cols["PAGU"]),
    }
    return nodes, info


def _row_node(sh: SheetView, r: int, cols: dict[str, int]) -> Node | None:
    sub = normalize_code(sh.text(r, cols["KODE SUB KEGIATAN"])) or ""
    rek = normalize_code(sh.text(r, cols["KODE REKENING"])) or ""
    pagu = sh.amount(r, cols["PAGU"], "PAGU")
    if not rek and pagu.value is None:
        return None  # a sub kegiatan without rincian: nothing to sum
    if classify_code(sub) != "sub_kegiatan":
        sh.finding("B006", "warning", ref(r, cols["KODE SUB KEGIATAN"]), "budget.code", found=sub, code=sub)
        return None
    program, kegiatan = parents_of(sub)
    sub_name = sh.text(r, cols["NAMA SUB KEGIATAN"]) if "NAMA SUB KEGIATAN" in cols else ""
    uraian = sh.text(r, cols["NAMA REKENING"]) if "NAMA REKENING" in cols else ""
    # Several rows may share sub kegiatan × rekening (sumber dana, paket): each is its own leaf.
    path = (program, kegiatan, sub) + (rekening_prefixes(rek) if rek else ()) + (f"r{r}",)
    return Node(
        r + 1,
        "rekening" if rek else "sub_kegiatan",
        rek or sub,
        ref(r, cols["KODE REKENING"]),
        uraian,
        path,
        {"anggaran": pagu},
        program,
        kegiatan,
        sub,
        rek,
        sub_kegiatan_nama=sub_name,
    )
