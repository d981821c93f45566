"""The pre-SIPD Penjabaran APBD (Permendagri 13/2006): spaced-dot codes, rincian in PENJELASAN.

`KODE REKENING | URAIAN | JUMLAH | PENJELASAN` (Perubahan: JUMLAH SEBELUM / SETELAH
and BERTAMBAH/(BERKURANG) Rp and %), a column-number row, codes such as
`1.20 . 1.20.03 . 15 . 01 . 5.2.2.01.01` (urusan . organisasi . program .
kegiatan . rekening), amounts with 2 decimals, decreases in parentheses, and the
rincian as text: "2 Keg x 1.500.000,00 = 3.000.000,00".

Programs are placed under the Permendagri 90 program their name names
(`links.match_program`); a rekening under the jenis belanja its jenis or objek
row names (`sheets/_budget_codes.toml`); others keep their own code.
"""

from __future__ import annotations

import re
from typing import Any

from ..links import match_program, significant
from ..read.grid import ref
from .aggregate import load_codes
from .model import Amount, Node, Rincian
from .money import NotAnAmount, parse_amount
from .rincian import koefisien
from .sheet import SheetView

SPACED = re.compile(r"^\d+(?:\.\d+)*(?:\s+\.\s+\d+(?:\.\d+)*)+$")
_RINCIAN = re.compile(r"^(?P<left>.+?)\s*=\s*(?P<right>[^=]+)$")


def _header(sh: SheetView, r: int) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for c in range(sh.grid.n_cols):
        t = sh.merged_text(r, c).lower()
        low = sh.text(r + 1, c).lower()
        if t == "kode rekening":
            cols.setdefault("code", c)
        elif t.startswith("uraian"):
            cols.setdefault("name", c)
        elif t.startswith("penjelasan"):
            cols.setdefault("text", c)
        elif t.startswith("jumlah"):
            cols.setdefault("sebelum" if "sebelum" in low else "anggaran", c)
            if "setelah" in low:
                cols["anggaran"] = c
        elif "bertambah" in t and "%" not in low:
            cols.setdefault("bertambah", c)
    return cols if {"code", "name", "anggaran"} <= cols.keys() else None


def detect(sh: SheetView) -> tuple[int, dict[str, int]] | None:
    for r in range(min(sh.grid.n_rows, 40)):
        cols = _header(sh, r)
        if cols is None:
            continue
        below = (sh.text(x, cols["code"]) for x in range(r + 1, min(sh.grid.n_rows, r + 40)))
        if any(SPACED.match(t) for t in below):
            return r, cols
    return None


def split_code(text: str) -> list[str] | None:
    """The spaced-dot segments: urusan, organisasi, program, kegiatan, rekening ("00.00" splits in two)."""
    if not SPACED.match(text):
        return None
    parts = [p.strip() for p in re.split(r"\s+\.\s+", text)]
    out = parts[:2]
    for p in parts[2:]:
        out += p.split(".") if re.fullmatch(r"\d{2}\.\d{2}", p) and len(out) == 2 else [p]
    return out


class _Jenis:
    """Old jenis / objek codes placed under the Permendagri 90 jenis their rows name."""

    def __init__(self) -> None:
        akun = load_codes()["akun"]
        self.targets = [(k, significant(v)) for k, v in akun.items() if k.count(".") == 2]
        self.mapped: dict[str, str] = {}

    def see(self, code: str, name: str) -> None:
        if code.count(".") not in (2, 3) or code.startswith(tuple(self.mapped)):
            return
        words = significant(name)
        hits = [k for k, s in self.targets if s and s <= words]
        if len(hits) == 1:
            self.mapped[code] = hits[0]

    def new_code(self, code: str) -> str:
        for old, new in self.mapped.items():
            if code == old or code.startswith(old + "."):
                return new + code[len(old) :]
        return code


def read_nodes(sh: SheetView, head: int, cols: dict[str, int]) -> tuple[list[Node], dict[str, Any]]:
    nodes: list[Node] = []
    jenis = _Jenis()
    program = kegiatan = ""
    info: dict[str, Any] = {"sub_names": {}}
    rek_base: tuple[str, ...] = ()
    for r in range(head + 1, sh.grid.n_rows):
        parts = split_code(sh.text(r, cols["code"]))
        name = sh.text(r, cols["name"])
        if parts is None:
            if rek_base and "text" in cols:
                nodes += _items(sh, r, cols, rek_base, nodes[-1] if nodes else None, own_row=True)
            continue
        amounts: dict[str, Amount] = {k: sh.amount(r, cols[k], k.upper()) for k in ("anggaran", "sebelum") if k in cols}
        if "bertambah" in cols:
            amounts["bertambah"] = sh.amount(r, cols["bertambah"], "BERTAMBAH/(BERKURANG)", strict=False)
        cell = ref(r, cols["code"])
        if len(parts) == 2:
            info.setdefault("office", name)
        elif len(parts) == 3:
            program = match_program(name) or ".".join(parts)
            kegiatan, rek_base = "", ()
        elif len(parts) == 4:
            kegiatan = f"{program}.{parts[3]}"
            info["sub_names"][kegiatan] = name
            rek_base = ()
            nodes.append(
                Node(
                    r + 1,
                    "kegiatan",
                    kegiatan,
                    cell,
                    name,
                    (program, kegiatan),
                    amounts,
                    program,
                    kegiatan,
                    kegiatan,
                    sub_kegiatan_nama=name,
                )
            )
        elif len(parts) == 5 and kegiatan:
            rek = parts[4]
            jenis.see(rek, name)
            rek_base = (program, kegiatan) + tuple(".".join(rek.split(".")[: i + 1]) for i in range(rek.count(".") + 1))
            node = Node(
                r + 1,
                "rekening",
                rek,
                cell,
                name,
                rek_base,
                amounts,
                program,
                kegiatan,
                kegiatan,
                rek,
                sub_kegiatan_nama=str(info["sub_names"].get(kegiatan, "")),
            )
            nodes.append(node)
            if "text" in cols:
                nodes += _items(sh, r, cols, rek_base, node, own_row=False)
    for n in nodes:
        if n.rekening:
            n.rekening = jenis.new_code(n.rekening)
    return nodes, info


def _items(
    sh: SheetView, r: int, cols: dict[str, int], base: tuple[str, ...], parent: Node | None, own_row: bool
) -> list[Node]:
    """Item nodes of the rincian written in a PENJELASAN cell (one per line "a x b = c")."""
    out = []
    cell = ref(r, cols["text"])
    for i, line in enumerate(sh.grid.text(r, cols["text"]).splitlines()):
        calc = parse_rincian(line, cell)
        if calc is None:
            continue
        rincian, amount = calc
        if own_row and len(sh.grid.text(r, cols["text"]).splitlines()) == 1:
            printed = sh.amount(r, cols["anggaran"], "JUMLAH")
            amount = printed if printed.value is not None else amount
        node = Node(r + 1, "item", "", cell, line.strip(), base + (f"-{r}-{i}",), {"anggaran": amount})
        if parent is not None:
            node.program, node.kegiatan, node.sub_kegiatan = parent.program, parent.kegiatan, parent.sub_kegiatan
            node.rekening, node.sub_kegiatan_nama = parent.rekening or parent.code, parent.sub_kegiatan_nama
        node.rincian["anggaran"] = rincian
        out.append(node)
    return out


def parse_rincian(line: str, cell: str) -> tuple[Rincian, Amount] | None:
    """ "2 Keg x 1.500.000,00 = 3.000.000,00" -> (2 × 1.500.000, the stated 3.000.000,00)."""
    m = _RINCIAN.match(line.strip())
    if not m:
        return None
    factors = re.split(r"\s+[xX×]\s+", m.group("left"))
    if len(factors) < 2:
        return None
    try:
        harga, _d = parse_amount(factors[-1])
        jumlah, decimals = parse_amount(m.group("right"))
    except NotAnAmount:
        return None
    koef = koefisien(" x ".join(factors[:-1]))
    if koef is None or harga is None or jumlah is None:
        return None
    return Rincian(koef, harga, 0.0, [cell], line.strip()), Amount(jumlah, decimals, cell)
