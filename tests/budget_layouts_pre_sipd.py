"""The pre-SIPD Penjabaran APBD (Permendagri 13/2006) of `budget_layouts`' budget, with its planted problems."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from budget_layouts import (
    LINES,
    MAP_ITEM,
    OFFICE,
    PROGRAM_NAMES,
    SUBS,
    WRONG_PARENT,
    Line,
    Planted,
    _prefixes,
    id2,
    program_of,
)

# --- pre-SIPD Penjabaran -------------------------------------------------------------------------------
OLD_REKENING = {  # Permendagri 13/2006 codes of the same lines, and the names that place them
    "5.1.01.03.07.0001": ("5.2.1.01.01", "Honorarium Pengelola Keuangan"),
    "5.1.02.01.01.0024": ("5.2.2.01.01", "Belanja alat tulis kantor"),
    "5.1.02.01.01.0052": ("5.2.2.11.02", "Belanja makanan dan minuman rapat"),
    "5.1.02.04.01.0001": ("5.2.2.15.01", "Belanja perjalanan dinas dalam daerah"),
    "5.2.02.10.01.0002": ("5.2.3.10.01", "Belanja modal pengadaan komputer"),
}
OLD_NAMES = {
    "5": "BELANJA", "5.2": "BELANJA LANGSUNG", "5.2.1": "Belanja Pegawai", "5.2.1.01": "Honorarium PNS",
    "5.2.2": "Belanja Barang dan Jasa", "5.2.2.01": "Belanja Bahan Pakai Habis", "5.2.2.11": "Belanja Makanan dan Minuman",
    "5.2.2.15": "Belanja Perjalanan Dinas", "5.2.3": "Belanja Modal",
    "5.2.3.10": "Belanja Modal Pengadaan Peralatan dan Mesin",
}  # fmt: skip


def penjabaran(path: Path, perubahan: bool = False) -> Planted:
    """KODE REKENING | URAIAN | JUMLAH | PENJELASAN with spaced-dot codes, rincian in PENJELASAN.

    `perubahan`: JUMLAH SEBELUM / SETELAH PERUBAHAN and BERTAMBAH/(BERKURANG) Rp and %,
    decreases in parentheses.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "Penjabaran"
    ws.append(["PEMERINTAH KABUPATEN BATU BARA"])
    ws.append(["PENJABARAN PERUBAHAN APBD TAHUN ANGGARAN 2015" if perubahan else "PENJABARAN APBD TAHUN ANGGARAN 2015"])
    if perubahan:
        ws.append(["KODE REKENING", "URAIAN", "JUMLAH", None, "BERTAMBAH/(BERKURANG)", None, "PENJELASAN"])
        ws.append([None, None, "SEBELUM PERUBAHAN", "SETELAH PERUBAHAN", "Rp", "%", None])
        ws.merge_cells("C3:D3")
        ws.merge_cells("E3:F3")
        ws.append([1, 2, 3, 4, 5, 6, 7])
    else:
        ws.append(["KODE REKENING", "URAIAN", "JUMLAH", "PENJELASAN"])
        ws.append([1, 2, 3, 4])

    def put(code: str, name: str, lines: list[Line], extra: int = 0, text: str | None = None) -> int:
        after = sum(x.anggaran for x in lines) + extra
        if not perubahan:
            ws.append([code, name, id2(after), text])
            return ws.max_row
        before = sum(x.sebelum for x in lines)
        pct = id2((after - before) / before * 100) if before else None
        ws.append([code, name, id2(before), id2(after), id2(after - before), pct, text])
        return ws.max_row

    org = "1.20 . 1.20.03"
    put(org, OFFICE[1], LINES)
    planted = Planted("", "")
    jumlah_col, text_col = ("D", "G") if perubahan else ("C", "D")
    for i, sub in enumerate(SUBS, start=1):
        prog = program_of(sub)
        pl = [x for x in LINES if x.sub == sub]
        pcode = f"{org} . {15 + i}"
        put(pcode, PROGRAM_NAMES[prog], pl)
        kcode = f"{pcode} . 01"
        put(kcode, SUBS[sub], pl)
        olds = {OLD_REKENING[x.rekening][0]: x for x in pl}
        for code in sorted({p for o in olds for p in _prefixes(o, 1)}, key=lambda p: [int(v) for v in p.split(".")]):
            under = [x for o, x in olds.items() if o == code or o.startswith(code + ".")]
            wrong = (sub, code) == (WRONG_PARENT[0], "5.2.2.01")
            x = olds.get(code)
            text = None
            if x is not None:
                text = "\n".join(
                    f"{it.koef_text} x {id2(it.harga * (1 + it.ppn / 100))} = {id2(it.jumlah)}" for it in x.items
                )
            name = OLD_REKENING[x.rekening][1] if x else OLD_NAMES[code]
            r = put(f"{kcode} . {code}", name, under, WRONG_PARENT[2] if wrong else 0, text)
            if wrong:
                planted.parent = f"Penjabaran!{jumlah_col}{r}"
            if x is not None and any(it.uraian == MAP_ITEM for it in x.items):
                planted.rincian = f"Penjabaran!{text_col}{r}"
    wb.save(path)
    return planted
