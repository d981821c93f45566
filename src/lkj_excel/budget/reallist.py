"""Realisation lists: `KODE REKENING | NAMA SUB KEGIATAN | REALISASI` (and PAGU, SELISIH, PELAMPAUAN).

The sub kegiatan is named, not coded (a name may start with its code); the
merge resolves names through the DPA. With a PAGU column the list's own
selisih and pelampauan are checked too.
"""

from __future__ import annotations

from typing import Any

from ..read.grid import ref
from .codes import classify_code, normalize_code, parents_of, rekening_prefixes
from .model import Node
from .rekap import header_columns
from .sheet import SheetView

_PAGU = ("PAGU BARU", "PAGU", "ANGGARAN", "PAGU ANGGARAN")


def detect(sh: SheetView) -> int | None:
    for r in range(min(sh.grid.n_rows, 20)):
        cols = header_columns(sh, r)
        if {"KODE REKENING", "NAMA SUB KEGIATAN", "REALISASI"} <= cols.keys() and "KODE SKPD" not in cols:
            return r
    return None


def read_nodes(sh: SheetView, head: int) -> tuple[list[Node], dict[str, Any]]:
    cols = header_columns(sh, head)
    pagu = next((cols[k] for k in _PAGU if k in cols), None)
    roles = {"realisasi": cols["REALISASI"]}
    if pagu is not None:
        roles["anggaran"] = pagu
    if "SELISIH" in cols:
        roles["sisa"] = cols["SELISIH"]
    nodes = []
    for r in range(head + 1, sh.grid.n_rows):
        rek = normalize_code(sh.text(r, cols["KODE REKENING"])) or ""
        name = sh.text(r, cols["NAMA SUB KEGIATAN"])
        if classify_code(rek) != "rekening":
            continue
        sub = normalize_code(name.split(" ")[0]) if name else None
        sub = sub if sub and classify_code(sub) == "sub_kegiatan" else ""
        program, kegiatan = parents_of(sub) if sub else ("", "")
        amounts = {role: sh.amount(r, c, role.upper(), strict=role != "sisa") for role, c in roles.items()}
        path = (sub or name,) + rekening_prefixes(rek) + (f"r{r}",)
        nodes.append(
            Node(
                r + 1,
                "rekening",
                rek,
                ref(r, cols["KODE REKENING"]),
                name,
                path,
                amounts,
                program,
                kegiatan,
                sub,
                rek,
                sub_kegiatan_nama=name,
            )
        )
    info: dict[str, Any] = {
        "realisasi_column": "REALISASI",
        "anggaran_column": "PAGU" if pagu is not None else None,
        "anggaran_header_cell": ref(head, pagu) if pagu is not None else None,
    }
    return nodes, info
