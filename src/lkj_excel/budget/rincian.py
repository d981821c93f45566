"""DPA / DPPA / RKA "Rincian Belanja" prints saved as Excel.

Per sub kegiatan a block: `Sub Kegiatan : <code> <name>` (with Sumber Pendanaan,
Lokasi, Keluaran, Waktu Pelaksanaan), a column header `Kode Rekening | Uraian |
Rincian Perhitungan (Koefisien, Satuan, Harga, PPN) | Jumlah` (perubahan prints:
Sebelum / Setelah Perubahan, each with its own rincian and Jumlah, then
Bertambah/(Berkurang)), a rekening row at every level carrying its subtotal above
its children, `[#]` group rows and `[-]` item rows, and `Jumlah Anggaran Sub
Kegiatan`. The rekening code may be split over six cells (RKA).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..read.grid import ref
from .codes import classify_code, joined_code, normalize_code, parents_of, rekening_prefixes
from .model import Amount, Node, Rincian
from .money import NotAnAmount, parse_amount
from .sheet import SheetView

_SUB_RE = re.compile(r"(?i)^sub\s*kegiatan\s*:+\s*(.*)$")
_SUB_LABEL = re.compile(r"koefisien|volume|satuan|harga( satuan)?|ppn|jumlah.*|\(rp\)")
_MARK_RE = re.compile(r"^\[\s*([#-])\s*\]\s*")  # "[#]" group, "[-]" item (some prints space them)
_TOTAL_RE = re.compile(r"(?i)^jumlah\s+anggaran\s+sub\s*kegiatan\s*:*\s*(.*)$")


@dataclass(slots=True)
class Layout:
    """Where a block's columns are."""

    code_cols: list[int]
    name_col: int
    parts: dict[str, dict[str, int]] = field(default_factory=dict)  # role -> {koefisien, harga, ppn, jumlah}
    bertambah: int | None = None
    two_rows: bool = False  # the header has a second row of labels
    labels: dict[str, str] = field(default_factory=dict)  # role -> header text


def row_text(sh: SheetView, r: int) -> str:
    return " ".join(t for t in sh.row_texts(r) if t)


def detect(sh: SheetView) -> bool:
    """A sheet with a `Sub Kegiatan :` block header and a Kode Rekening / Koefisien header."""
    has_block = has_head = False
    for r in range(min(sh.grid.n_rows, 80)):
        t = row_text(sh, r)
        has_block = has_block or bool(_SUB_RE.match(t))
        has_head = has_head or _header_at(sh, r) is not None
        if has_block and has_head:
            return True
    return False


def _header_at(sh: SheetView, r: int) -> Layout | None:
    g = sh.grid
    uppers = [" ".join(sh.merged_text(r, c).lower().split()) for c in range(g.n_cols)]
    code_cols = [c for c, t in enumerate(uppers) if t == "kode rekening"]
    name_col = next((c for c, t in enumerate(uppers) if t.startswith("uraian")), None)
    if not code_cols or name_col is None:
        return None
    lowers = [" ".join(sh.text(r + 1, c).lower().split()) for c in range(g.n_cols)]
    # A second header row (Koefisien, Satuan, Harga, PPN, Jumlah under a merged label) has labels only.
    if not any(_SUB_LABEL.fullmatch(t) for t in lowers) or any(normalize_code(t) for t in lowers):
        lowers = [""] * g.n_cols
    if not any(re.search(r"koefisien|volume|harga", t) for t in lowers + uppers):
        return None
    lay = Layout(code_cols, name_col, two_rows=any(lowers))
    for c in range(g.n_cols):
        upper, lower = uppers[c], lowers[c] or uppers[c]
        side = "sebelum" if "sebelum" in upper else "anggaran"
        for part in ("koefisien", "harga", "ppn", "jumlah"):
            if part in lower or (part == "koefisien" and "volume" in lower):
                lay.parts.setdefault(side, {}).setdefault(part, c)
                if part == "jumlah":
                    lay.labels[side] = f"{sh.merged_text(r, c)} {sh.text(r + 1, c) if lowers[c] else ''}".strip()
        if "bertambah" in upper or "berkurang" in upper:
            lay.bertambah = c
    return lay if "jumlah" in lay.parts.get("anggaran", {}) else None


def koefisien(text: str) -> float | None:
    """The product of a koefisien: "12 Orang / Bulan" -> 12, "2 Orang x 6 Bulan" -> 12."""
    if not text:
        return None
    total = 1.0
    for part in re.split(r"\s+[xX×]\s+", text):
        m = re.match(r"\s*([\d.,]+)", part)
        if not m:
            return None
        try:
            v, _d = parse_amount(m.group(1).rstrip(".,"))
        except NotAnAmount:
            return None
        total *= v or 0.0
    return total


def _ppn(sh: SheetView, r: int, c: int | None) -> float:
    if c is None:
        return 0.0
    text = sh.text(r, c).replace("%", "").strip()
    try:
        v, _d = parse_amount(text or None)
    except NotAnAmount:
        return 0.0
    return v or 0.0


class _Block:
    """The reading state inside one sub kegiatan block."""

    def __init__(self, sub: str, name: str) -> None:
        self.sub, self.name = sub, name
        self.program, self.kegiatan = parents_of(sub)
        self.rek_path: tuple[str, ...] = (self.program, self.kegiatan, sub)
        self.rekening = ""
        self.group: tuple[str, ...] | None = None


def read_nodes(sh: SheetView) -> tuple[list[Node], dict[str, Any]]:
    nodes: list[Node] = []
    block: _Block | None = None
    lay: Layout | None = None
    info: dict[str, Any] = {"sub_names": {}}
    skip = -1
    for r in range(sh.grid.n_rows):
        t = row_text(sh, r)
        if not t or r == skip:
            continue
        if m := _SUB_RE.match(t):
            sub = normalize_code(m.group(1)) or ""
            if classify_code(sub) == "sub_kegiatan":
                name = re.sub(r"^\s*[\d.]+\s*", "", m.group(1)).strip()
                block = _Block(sub, name)
                info["sub_names"][sub] = name
            continue
        if (head := _header_at(sh, r)) is not None:
            lay = head
            skip = r + 1 if head.two_rows else -1  # the header's second row (Koefisien, Harga ...) is no data
            continue
        if block is None or lay is None:
            _title_info(t, info)
            continue
        node = _data_row(sh, r, t, block, lay)
        if node is not None:
            nodes.append(node)
    if lay is not None:
        info["labels"] = lay.labels
    return nodes, info


def _title_info(t: str, info: dict[str, Any]) -> None:
    if "government" not in info and re.match(r"(?i)pemerintah\s+(kabupaten|kota|provinsi)", t):
        info["government"] = t
    if "office" not in info and (m := re.match(r"(?i)(organisasi|sub unit organisasi|skpd)\s*:+\s*(.+)", t)):
        info["office"] = re.sub(r"^\s*[\d.]+\s*", "", m.group(2)).strip()
    if "year" not in info and (m := re.search(r"(?i)tahun\s+anggaran\s*:?\s*(20\d{2})", t)):
        info["year"] = int(m.group(1))


def _amounts(sh: SheetView, r: int, lay: Layout) -> dict[str, Amount]:
    out = {}
    for role, parts in lay.parts.items():
        if "jumlah" in parts:
            out[role] = sh.amount(r, parts["jumlah"], lay.labels.get(role, "Jumlah"))
    if lay.bertambah is not None:
        out["bertambah"] = sh.amount(r, lay.bertambah, "Bertambah/(Berkurang)", strict=False)
    return out


def _data_row(sh: SheetView, r: int, t: str, block: _Block, lay: Layout) -> Node | None:
    m = _TOTAL_RE.match(t)
    if m:
        amounts = {k: a for k, a in _amounts(sh, r, lay).items() if a.value is not None}
        if not amounts.get("anggaran") and m.group(1):
            cell = next(ref(r, c) for c in range(sh.grid.n_cols) if sh.text(r, c))
            value, decimals = parse_amount(m.group(1).split(":")[-1])
            amounts["anggaran"] = Amount(value, decimals, cell)
        return Node(
            r + 1, "total", block.sub, ref(r, lay.name_col), "Jumlah Anggaran Sub Kegiatan", block.rek_path[:3], amounts
        )
    texts = [sh.text(r, c) for c in lay.code_cols]
    code = joined_code(texts) if len(texts) > 1 else normalize_code(texts[0])
    uraian = sh.text(r, lay.name_col)
    common: dict[str, Any] = dict(
        program=block.program, kegiatan=block.kegiatan, sub_kegiatan=block.sub, sub_kegiatan_nama=block.name
    )
    if code and classify_code(code) == "rekening":
        block.rekening, block.group = code, None
        path = block.rek_path + rekening_prefixes(code)
        return Node(
            r + 1,
            "rekening",
            code,
            ref(r, lay.code_cols[0]),
            uraian,
            path,
            _amounts(sh, r, lay),
            rekening=code,
            **common,
        )
    mark = _MARK_RE.match(uraian)
    if not block.rekening or mark is None:
        return None  # keterangan, spesifikasi, page headers
    base = block.rek_path + rekening_prefixes(block.rekening)
    uraian = uraian[mark.end() :].strip()
    if mark.group(1) == "#":
        block.group = base + (f"#{r}",)
        return Node(
            r + 1,
            "group",
            "",
            ref(r, lay.name_col),
            uraian,
            block.group,
            _amounts(sh, r, lay),
            rekening=block.rekening,
            **common,
        )
    path = (block.group or base) + (f"-{r}",)
    node = Node(
        r + 1,
        "item",
        "",
        ref(r, lay.name_col),
        uraian,
        path,
        _amounts(sh, r, lay),
        rekening=block.rekening,
        **common,
    )
    for role, parts in lay.parts.items():
        k = koefisien(sh.text(r, parts["koefisien"])) if "koefisien" in parts else None
        if k is None or "harga" not in parts:
            continue
        harga = sh.amount(r, parts["harga"], "Harga", strict=False)
        if harga.value is None:
            continue
        cells = [ref(r, parts["koefisien"]), harga.cell] + ([ref(r, parts["ppn"])] if "ppn" in parts else [])
        node.rincian[role] = Rincian(k, harga.value, _ppn(sh, r, parts.get("ppn")), cells)
    return node
