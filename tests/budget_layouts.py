"""Budget files in the layouts of ../shared/reference/sipd_exports.md, written from one office's budget.

Every builder writes the same budget (Kecamatan Talawi, three sub kegiatan) with
the problems the layout can carry planted: one wrong parent subtotal (objek
5.1.02.01 of the first sub kegiatan, 1.000.000 too high), one wrong rincian
product (the "Map" item: 5 Buah × 30.000 printed as 160.000), and one
over-realised line (ATK: realisasi 700.000 on a pagu of 660.000). The builders
return where they planted them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

OFFICE = ("7.01.0.00.0.00.03.0000", "Kecamatan Talawi")
OTHERS = [("7.01.0.00.0.00.01.0000", "Kecamatan Sei Balai"), ("1.02.0.00.0.00.01.0000", "Dinas Kesehatan")]
SUBS = {
    "7.01.01.2.01.0001": "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    "7.01.02.2.01.0001": "Koordinasi/Sinkronisasi Perencanaan Pemerintahan di Tingkat Kecamatan",
    "7.01.03.2.01.0002": "Fasilitasi Penyusunan Program Pembangunan Kelurahan",
}
PROGRAM_NAMES = {
    "7.01.01": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    "7.01.02": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    "7.01.03": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
}
REKENING_NAMES = {
    "5.1": "BELANJA OPERASI",
    "5.1.01": "Belanja Pegawai",
    "5.1.01.03": "Tambahan Penghasilan berdasarkan Pertimbangan Objektif Lainnya ASN",
    "5.1.01.03.07": "Belanja Honorarium",
    "5.1.01.03.07.0001": "Belanja Honorarium Penanggungjawaban Pengelola Keuangan",
    "5.1.02": "Belanja Barang dan Jasa",
    "5.1.02.01": "Belanja Barang",
    "5.1.02.01.01": "Belanja Barang Pakai Habis",
    "5.1.02.01.01.0024": "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
    "5.1.02.01.01.0052": "Belanja Makanan dan Minuman Rapat",
    "5.1.02.04": "Belanja Perjalanan Dinas",
    "5.1.02.04.01": "Belanja Perjalanan Dinas Dalam Negeri",
    "5.1.02.04.01.0001": "Belanja Perjalanan Dinas Biasa",
    "5.2": "BELANJA MODAL",
    "5.2.02": "Belanja Modal Peralatan dan Mesin",
    "5.2.02.10": "Belanja Modal Komputer",
    "5.2.02.10.01": "Belanja Modal Komputer Unit",
    "5.2.02.10.01.0002": "Belanja Modal Personal Computer",
}


@dataclass
class Item:
    uraian: str
    koef_text: str
    koef: float
    satuan: str
    harga: int
    ppn: int
    jumlah: int  # as printed (the planted item is printed wrong)
    sebelum_harga: int | None = None  # DPPA: the harga before the change


@dataclass
class Line:
    sub: str
    rekening: str
    items: list[Item]
    realisasi: int
    group: str | None = None  # a [#] group holding the items

    @property
    def anggaran(self) -> int:
        return sum(i.jumlah for i in self.items)

    @property
    def sebelum(self) -> int:
        return sum(round(i.koef * (i.sebelum_harga or i.harga) * (1 + i.ppn / 100)) for i in self.items)


S0, S1, S2 = SUBS
LINES = [
    Line(
        S0,
        "5.1.01.03.07.0001",
        [Item("Honor PPK", "12 Orang / Bulan", 12, "ORANG/BULAN", 800_000, 0, 9_600_000)],
        9_600_000,
    ),
    Line(
        S0,
        "5.1.02.01.01.0024",
        [
            Item("Kertas HVS A4", "10 Rim", 10, "Rim", 50_000, 0, 500_000, sebelum_harga=45_000),
            Item("Map", "5 Buah", 5, "Buah", 30_000, 0, 160_000),  # planted: 5 × 30.000 = 150.000
        ],
        700_000,  # planted: over its pagu of 660.000
        group="Paket ATK Penyusunan Dokumen",
    ),
    Line(
        S0,
        "5.1.02.01.01.0052",
        [Item("Nasi kotak rapat", "40 Kotak", 40, "Kotak", 25_000, 0, 1_000_000, sebelum_harga=30_000)],
        950_000,
    ),
    Line(S1, "5.1.02.04.01.0001", [Item("Uang harian", "2 Orang x 3 Hari", 6, "OH", 350_000, 0, 2_100_000)], 2_100_000),
    Line(
        S1,
        "5.2.02.10.01.0002",
        [Item("Laptop", "1 Unit", 1, "Unit", 12_000_000, 11, 13_320_000, sebelum_harga=10_000_000)],
        13_200_000,
    ),
    Line(S2, "5.1.02.01.01.0052", [Item("Snack rapat", "60 Kotak", 60, "Kotak", 15_000, 0, 900_000)], 900_000),
]
WRONG_PARENT = (S0, "5.1.02.01", 1_000_000)
OVER = (S0, "5.1.02.01.01.0024")
MAP_ITEM = "Map"


def program_of(code: str) -> str:
    return ".".join(code.split(".")[:3])


def expected_programs() -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for x in LINES:
        a, r = out.get(program_of(x.sub), (0, 0))
        out[program_of(x.sub)] = (a + x.anggaran, r + x.realisasi)
    return out


def expected_jenis() -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for x in LINES:
        segs = x.rekening.split(".")
        for key in (".".join(segs[:2]), ".".join(segs[:3]), ""):
            a, r = out.get(key, (0, 0))
            out[key] = (a + x.anggaran, r + x.realisasi)
    return out


def _prefixes(rek: str, start: int = 2) -> list[str]:
    segs = rek.split(".")
    return [".".join(segs[:i]) for i in range(start, len(segs) + 1)]


def rp(v: float) -> str:
    return "Rp" + f"{round(v):,}".replace(",", ".")


def id2(v: float) -> str:
    s = f"{abs(v):,.2f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return f"({s})" if v < 0 else s


# --- DPA / DPPA / RKA Rincian Belanja print -----------------------------------------------
@dataclass
class Planted:
    parent: str  # "Sheet!Cell" of the wrong parent figure
    rincian: str  # the wrong item's jumlah
    over: str | None = None  # the over-realised figure (in the realisation file)


def _sub_sums(sub: str, prefix: str, key: str) -> int:
    return sum(
        getattr(x, key) for x in LINES if x.sub == sub and (x.rekening == prefix or x.rekening.startswith(prefix + "."))
    )


def dpa_print(path: Path, perubahan: bool = False, split_code: bool = False, print_2021: bool = False) -> Planted:
    """A DPA (or, with `perubahan`, DPPA) Rincian Belanja print saved as Excel."""
    wb = Workbook()
    ws: Worksheet = wb.active
    ws.title = "DPPA" if perubahan else "DPA"
    w = _RowWriter(ws, print_2021)
    w.put(["DOKUMEN PELAKSANAAN PERUBAHAN ANGGARAN" if perubahan else "DOKUMEN PELAKSANAAN ANGGARAN"])
    w.put(["PEMERINTAH KABUPATEN BATU BARA"])
    w.put(["Tahun Anggaran 2024"])
    w.put(["Organisasi", ":", f"{OFFICE[0]} {OFFICE[1]}"])
    ncode = 6 if split_code else 1
    planted = Planted("", "")
    for sub, name in SUBS.items():
        w.put([])
        if perubahan:
            w.put(["Nomor DPA", ":", f"DPPA/B.1/{OFFICE[0]}/001/2024"])
        w.put(["Sub Kegiatan", ":", f"{sub} {name}"])
        w.put(["Sumber Pendanaan", ":", "Dana Transfer Umum-DAU"])
        w.put(["Lokasi", ":", "Kabupaten Batu Bara, Talawi"])
        w.put(["Keluaran Sub Kegiatan", ":", "Dokumen", "1 Dokumen"])
        w.put(["Waktu Pelaksanaan", ":", "Januari s.d. Desember"])
        _dpa_header(w, ncode, perubahan)
        lines = [x for x in LINES if x.sub == sub]
        for prefix in sorted(
            {p for x in lines for p in _prefixes(x.rekening)}, key=lambda p: [int(s) for s in p.split(".")]
        ):
            amount = _sub_sums(sub, prefix, "anggaran")
            if (sub, prefix) == WRONG_PARENT[:2]:
                amount += WRONG_PARENT[2]
            cells = w.dpa_row(
                _code_cells(prefix, ncode),
                REKENING_NAMES[prefix],
                None,
                amount,
                _sub_sums(sub, prefix, "sebelum") if perubahan else None,
            )
            if (sub, prefix) == WRONG_PARENT[:2]:
                planted.parent = cells
            line = next((x for x in lines if x.rekening == prefix), None)
            if line is None:
                continue
            if line.group:
                w.dpa_row([""] * ncode, f"[#] {line.group}", None, line.anggaran, line.sebelum if perubahan else None)
            for it in line.items:
                cells = w.dpa_row(
                    [""] * ncode, f"[-] {it.uraian}", it, it.jumlah, _item_sebelum(it) if perubahan else None
                )
                if it.uraian == MAP_ITEM:
                    planted.rincian = cells
        total = sum(x.anggaran for x in lines)
        w.dpa_total(total, sum(x.sebelum for x in lines) if perubahan else None)
    wb.save(path)
    return planted


def _item_sebelum(it: Item) -> int:
    return round(it.koef * (it.sebelum_harga or it.harga) * (1 + it.ppn / 100))


def _code_cells(code: str, n: int) -> list[str]:
    if n == 1:
        return [code]
    segs = code.split(".")
    return segs + [""] * (n - len(segs))


def _dpa_header(w: _RowWriter, ncode: int, perubahan: bool) -> None:
    ws, r = w.ws, w.r
    ws.cell(r, 1, "Kode Rekening")
    if ncode > 1:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncode)
    c = ncode + 1
    ws.cell(r, c, "Uraian")
    sides = (
        [("Sebelum Perubahan", True), ("Setelah Perubahan", False)] if perubahan else [("Rincian Perhitungan", False)]
    )
    c += 1
    for label, _ in sides:
        ws.cell(r, c, label)
        width = 5 if perubahan else 4
        ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + width - 1)
        for i, sub in enumerate(["Koefisien", "Satuan", "Harga", "PPN"] + (["Jumlah"] if perubahan else [])):
            ws.cell(r + 1, c + i, sub)
        c += width
    ws.cell(r, c, "Bertambah/(Berkurang)" if perubahan else "Jumlah (Rp)")
    w.r += 2
    w.ncode = ncode
    w.perubahan = perubahan


class _RowWriter:
    def __init__(self, ws: Worksheet, print_2021: bool = False) -> None:
        self.ws, self.r = ws, 1
        self.ncode, self.perubahan = 1, False
        # 2021 prints: "Rp. 509.547.700" and harga with two decimals ("5.000.000,00")
        self.rp = (lambda v: "Rp. " + rp(v)[2:]) if print_2021 else rp
        self.harga = (lambda v: id2(v)) if print_2021 else (lambda v: f"{v:,}".replace(",", "."))

    def put(self, values: list[object]) -> int:
        for c, v in enumerate(values, start=1):
            self.ws.cell(self.r, c, v)
        self.r += 1
        return self.r - 1

    def dpa_row(self, code: list[str], uraian: str, it: Item | None, jumlah: int, sebelum: int | None) -> str:
        """One row; returns the address of its (setelah) jumlah."""
        from openpyxl.utils import get_column_letter

        ws, r = self.ws, self.r
        for i, v in enumerate(code, start=1):
            ws.cell(r, i, v or None)
        c = self.ncode + 1
        ws.cell(r, c, uraian)
        c += 1
        if self.perubahan:
            sides = [(sebelum, it.sebelum_harga or it.harga if it else None), (jumlah, it.harga if it else None)]
            for amount, harga in sides:
                if it:
                    ws.cell(r, c, it.koef_text), ws.cell(r, c + 1, it.satuan)
                    (
                        ws.cell(r, c + 2, self.harga(harga)),
                        ws.cell(r, c + 3, f"{it.ppn} %" if it.ppn else "0"),
                    )
                ws.cell(r, c + 4, self.rp(amount or 0))
                jcell = f"{get_column_letter(c + 4)}{r}"
                c += 5
            ws.cell(r, c, id2(jumlah - (sebelum or 0)).replace(",00", ""))
        else:
            if it:
                ws.cell(r, c, it.koef_text), ws.cell(r, c + 1, it.satuan)
                (
                    ws.cell(r, c + 2, self.harga(it.harga)),
                    ws.cell(r, c + 3, f"{it.ppn} %" if it.ppn else "0"),
                )
            ws.cell(r, c + 4, self.rp(jumlah))
            jcell = f"{get_column_letter(c + 4)}{r}"
        self.r += 1
        return f"{ws.title}!{jcell}"

    def dpa_total(self, total: int, sebelum: int | None) -> None:
        ws, r = self.ws, self.r
        if self.perubahan:
            c = self.ncode + 2
            ws.cell(r, 1, "Jumlah Anggaran Sub Kegiatan :")
            ws.cell(r, c + 4, self.rp(sebelum or 0))
            ws.cell(r, c + 9, self.rp(total))
        else:
            ws.cell(r, 1, f"Jumlah Anggaran Sub Kegiatan : {self.rp(total)}")
        self.r += 1


# --- hierarchical LRA (level column) ------------------------------------------------------------
def lra_levels(path: Path, by_sub: bool = True) -> Planted:
    """kode_rekening | level | nama_rekening | nominal | realisasi | presentase | previous_realisasi.

    `by_sub=False`: the SKPD's LRA as SIPD-RI gives it, by rekening only (levels 1-6, no sub kegiatan).
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "LRA"
    ws.append(["LAPORAN REALISASI ANGGARAN"])
    ws.append([f"SKPD : {OFFICE[0]} {OFFICE[1]}"])
    ws.append(["Tahun Anggaran 2024"])
    ws.append(["kode_rekening", "level", "nama_rekening", "nominal", "realisasi", "presentase", "previous_realisasi"])
    planted = Planted("", "")

    def row(code: str, level: object, name: str, a: int, r: int) -> str:
        ws.append([code, level, name, a, r, round(r / a * 100, 2) if a else None, 0])
        n = ws.max_row
        ws.cell(n, 4).number_format = ws.cell(n, 5).number_format = "#,##0"
        ws.cell(n, 6).number_format = "0.00"
        return f"LRA!D{n}"

    def rekening_rows(sub: str | None) -> None:
        sl = [x for x in LINES if sub is None or x.sub == sub]
        codes = sorted({p for x in sl for p in _prefixes(x.rekening, 1)}, key=lambda p: [int(v) for v in p.split(".")])
        for code in codes:
            under = [x for x in sl if x.rekening == code or x.rekening.startswith(code + ".")]
            a, r = sum(x.anggaran for x in under), sum(x.realisasi for x in under)
            wrong = code == WRONG_PARENT[1] and sub in (None, WRONG_PARENT[0])
            cell = row(
                code,
                code.count(".") + 1,
                REKENING_NAMES.get(code, "BELANJA DAERAH"),
                a + (WRONG_PARENT[2] if wrong else 0),
                r,
            )
            if wrong:
                planted.parent = cell
            if code == OVER[1] and sub in (None, OVER[0]):
                planted.over = cell.replace("!D", "!E")

    if not by_sub:
        rekening_rows(None)
        wb.save(path)
        return planted
    for prog in sorted({program_of(s) for s in SUBS}):
        pl = [x for x in LINES if program_of(x.sub) == prog]
        row(prog, None, PROGRAM_NAMES[prog], sum(x.anggaran for x in pl), sum(x.realisasi for x in pl))
        for sub in [s for s in SUBS if program_of(s) == prog]:
            sl = [x for x in LINES if x.sub == sub]
            keg = ".".join(sub.split(".")[:5])
            row(keg, None, "Kegiatan", sum(x.anggaran for x in sl), sum(x.realisasi for x in sl))
            row(sub, None, SUBS[sub], sum(x.anggaran for x in sl), sum(x.realisasi for x in sl))
            rekening_rows(sub)
    wb.save(path)
    return planted


# --- realisation list ----------------------------------------------------------------------------
def realisation_list(path: Path, with_pagu: bool = True) -> Planted:
    """KODE REKENING | NAMA SUB KEGIATAN | REALISASI (| PAGU BARU | SELISIH | PELAMPAUAN), one row per line."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    head = ["KODE REKENING", "NAMA SUB KEGIATAN", "REALISASI"] + (
        ["PAGU BARU", "SELISIH", "PELAMPAUAN"] if with_pagu else []
    )
    ws.append(head)
    planted = Planted("", "")
    for i, x in enumerate(LINES):
        # Names as BPKAD lists carry them: some start with the code, some do not.
        name = f"{x.sub} {SUBS[x.sub]}" if i % 2 else SUBS[x.sub]
        values: list[object] = [x.rekening, name, x.realisasi]
        if with_pagu:
            values += [x.anggaran, x.anggaran - x.realisasi, "YA" if x.realisasi > x.anggaran else "TIDAK"]
        ws.append(values)
        if (x.sub, x.rekening) == OVER:
            planted.over = f"Realisasi!C{ws.max_row}"
    wb.save(path)
    return planted


# --- flat SIPD-RI rekap, a whole kabupaten ---------------------------------------------------------
REKAP_21 = [
    "NO", "TAHUN", "KODE URUSAN", "NAMA URUSAN", "KODE SKPD", "NAMA SKPD", "KODE SUB UNIT", "NAMA SUB UNIT",
    "KODE BIDANG URUSAN", "NAMA BIDANG URUSAN", "KODE PROGRAM", "NAMA PROGRAM", "KODE KEGIATAN", "NAMA KEGIATAN",
    "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "KODE SUMBER DANA", "NAMA SUMBER DANA", "KODE REKENING",
    "NAMA REKENING", "PAGU",
]  # fmt: skip


def rekap(path: Path, extra: tuple[str, str] | None = None) -> None:
    """The flat rekap of three offices; `extra` adds the 23-column pair before PAGU."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet 1"
    head = REKAP_21[:-1] + (list(extra) if extra else []) + ["PAGU"]
    ws.append(head)
    no = 0
    offices = [OTHERS[0], OFFICE, OTHERS[1]]
    for code, name in offices:
        for x in LINES:
            rows = [(it.uraian, it.jumlah) for it in x.items] if extra else [("", x.anggaran)]
            for paket, pagu in rows:
                no += 1
                prog = program_of(x.sub)
                vals = [
                    no, 2024, "7", "UNSUR KEWILAYAHAN", code, name, code, name, "7.01", "KECAMATAN", prog,
                    PROGRAM_NAMES[prog].upper(), ".".join(x.sub.split(".")[:5]), "Kegiatan", x.sub, SUBS[x.sub],
                    "1.2.01.01.02", "Dana Transfer Umum-DAU", x.rekening, REKENING_NAMES[x.rekening],
                ]  # fmt: skip
                if extra:
                    vals += ["", paket]
                ws.append(vals + [pagu if code == OFFICE[0] else pagu * 2])
        no += 1  # a sub kegiatan without rincian: sumber dana, rekening and PAGU empty
        ws.append([no, 2024, "7", "UNSUR KEWILAYAHAN", code, name, code, name, "7.01", "KECAMATAN", "7.01.02",
                   "PROGRAM", "7.01.02.2.04", "Kegiatan", "7.01.02.2.04.0001", "Sub kegiatan tanpa rincian"])  # fmt: skip
    wb.save(path)
