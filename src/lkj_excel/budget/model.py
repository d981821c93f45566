"""The plain data every budget reader produces: nodes of a hierarchy, then leaf lines.

A reader turns the rows of its layout into `Node`s. A node's `path` places it in
the hierarchy (program, kegiatan, sub kegiatan, each rekening level, `[#]` group,
`[-]` item); a node whose path starts no other node's path is a leaf. Only
leaves are summed; every other node, and every printed total, is checked
against the leaves under it (`budget.checks`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..findings import Finding

LINE_COLUMNS = [
    "program",
    "kegiatan",
    "sub_kegiatan",
    "rekening",
    "uraian",
    "anggaran",
    "realisasi",
    "sheet",
    "row",
    "anggaran_cell",
    "realisasi_cell",
    "sub_kegiatan_nama",
]
KEY_COLUMNS = ["program", "kegiatan", "sub_kegiatan", "rekening"]
AMOUNT_ROLES = ("anggaran", "realisasi")


@dataclass(slots=True)
class Amount:
    """A figure read from one cell: its value (None when blank), printed decimals and address."""

    value: float | None
    decimals: int
    cell: str  # "D12" (the sheet is the node's)


@dataclass(slots=True)
class Rincian:
    """The arithmetic printed on an item line: koefisien × harga × (1 + PPN%) = jumlah."""

    koefisien: float
    harga: float
    ppn: float  # percent
    cells: list[str]  # where koefisien, harga and PPN are printed
    text: str = ""  # as printed, for the message


@dataclass(slots=True)
class Node:
    """One row of an export placed in its hierarchy."""

    row: int  # 1-based sheet row
    level: str  # program | kegiatan | sub_kegiatan | rekening | group | item | total
    code: str
    code_cell: str
    uraian: str
    path: tuple[str, ...]
    amounts: dict[str, Amount]
    program: str = ""
    kegiatan: str = ""
    sub_kegiatan: str = ""
    rekening: str = ""
    rincian: dict[str, Rincian] = field(default_factory=dict)  # amount role -> its arithmetic
    sub_kegiatan_nama: str = ""


@dataclass(slots=True)
class BudgetExport:
    """Leaf lines of one export (or of a merged DPA + LRA pair) and what was found on the way."""

    path: str
    sheet: str
    lines: pd.DataFrame  # LINE_COLUMNS; *_cell values are sheet-qualified ("Realisasi!D12")
    anggaran_column: str | None  # header text of the anggaran column used
    anggaran_header_cell: str | None
    realisasi_column: str | None
    government: str | None = None  # "PEMERINTAH KABUPATEN BATU BARA"
    office: str | None = None  # "Kecamatan Sei Balai"
    year: int | None = None
    findings: list[Finding] = field(default_factory=list)
    realisasi_path: str | None = None  # set by merge_realisasi
    layout: str = "laporan"  # key of the layout recognised (budget.layouts.LAYOUT_NAMES)
    realisasi_layout: str | None = None
    office_code: str | None = None  # KODE SKPD / SUB UNIT chosen in a kabupaten-wide file
    sub_names: dict[str, str] = field(default_factory=dict)  # sub kegiatan code -> name
    realisasi_by_program: bool = True  # False: the realisation file gives realisasi per rekening only
    rekap_columns: int | None = None  # a rekap's column count (21 or 23), as the summary names the layout

    @property
    def total_anggaran(self) -> float:
        return float(self.lines["anggaran"].sum())

    @property
    def total_realisasi(self) -> float:
        return float(self.lines["realisasi"].sum())


def leaves_of(nodes: list[Node]) -> list[Node]:
    """Nodes whose path starts no other node's path (totals are never leaves)."""
    parents: set[tuple[str, ...]] = set()
    for n in nodes:
        if n.level != "total":
            parents.update(n.path[:i] for i in range(len(n.path)))
    return [n for n in nodes if n.level != "total" and n.path not in parents]


def lines_frame(leaves: list[Node], sheet: str) -> pd.DataFrame:
    """The LINE_COLUMNS frame of a list of leaf nodes."""

    def cell_of(n: Node, role: str) -> str | None:
        a = n.amounts.get(role)
        return f"{sheet}!{a.cell}" if a else None

    def value_of(n: Node, role: str) -> float:
        a = n.amounts.get(role)
        if a is None:
            return float("nan")
        return float(a.value) if a.value is not None else 0.0

    records = [
        {
            "program": n.program,
            "kegiatan": n.kegiatan,
            "sub_kegiatan": n.sub_kegiatan,
            "rekening": n.rekening,
            "uraian": n.uraian,
            "anggaran": value_of(n, "anggaran"),
            "realisasi": value_of(n, "realisasi"),
            "sheet": sheet,
            "row": n.row,
            "anggaran_cell": cell_of(n, "anggaran"),
            "realisasi_cell": cell_of(n, "realisasi"),
            "sub_kegiatan_nama": n.sub_kegiatan_nama,
        }
        for n in leaves
    ]
    return typed_lines(pd.DataFrame.from_records(records, columns=LINE_COLUMNS))


def typed_lines(df: pd.DataFrame) -> pd.DataFrame:
    return df.astype({"anggaran": "float64", "realisasi": "float64", "row": "int64"})
