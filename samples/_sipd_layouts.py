"""The SIPD-RI layouts of ../shared/reference/sipd_exports.md, written from build_export's lines.

A kabupaten-wide flat rekap (three kecamatan; the neighbours' lines are Sei Balai's scaled), a
BPKAD realisation list and a DPA Rincian Belanja print (one "1 Paket" item per line). Called by
build_export.main; byte-reproducible like the other samples.
"""

from __future__ import annotations

from pathlib import Path

from build_export import JENIS_NAMES, _norm_kegiatan, _save
from openpyxl import Workbook

# --- SIPD-RI layouts (../shared/reference/sipd_exports.md) ------------------------
OFFICES = [  # KODE SKPD (invented), name, scale of the invented neighbours' lines
    ("7.01.0.00.0.00.02.0000", "Kecamatan Lima Puluh", 0.8),
    ("7.01.0.00.0.00.09.0000", "Kecamatan Sei Balai", 1.0),
    ("7.01.0.00.0.00.03.0000", "Kecamatan Talawi", 1.1),
]
REKAP_HEAD = [
    "NO",
    "TAHUN",
    "KODE URUSAN",
    "NAMA URUSAN",
    "KODE SKPD",
    "NAMA SKPD",
    "KODE SUB UNIT",
    "NAMA SUB UNIT",
    "KODE BIDANG URUSAN",
    "NAMA BIDANG URUSAN",
    "KODE PROGRAM",
    "NAMA PROGRAM",
    "KODE KEGIATAN",
    "NAMA KEGIATAN",
    "KODE SUB KEGIATAN",
    "NAMA SUB KEGIATAN",
    "KODE SUMBER DANA",
    "NAMA SUMBER DANA",
    "KODE REKENING",
    "NAMA REKENING",
    "PAGU",
]


def write_rekap(rows: list[dict], path: Path) -> None:
    """The whole kabupaten in one sheet: header in row 1, one row per sub kegiatan × rekening, no totals."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet 1"
    ws.append(REKAP_HEAD)
    no = 0
    for code, name, scale in OFFICES:
        for x in rows:
            no += 1
            pagu = x["anggaran"] if scale == 1.0 else round(x["anggaran"] * scale, -3)
            ws.append(
                [
                    no,
                    "2024",
                    "7",
                    "UNSUR KEWILAYAHAN",
                    code,
                    name,
                    code,
                    name,
                    "7.01",
                    "KECAMATAN",
                    x["program"],
                    x["program_name"],
                    _norm_kegiatan(x["kegiatan"]),
                    x["kegiatan_name"],
                    x["sub_kegiatan"],
                    x["sub_kegiatan_name"],
                    "1.2.01.01.02",
                    "Dana Transfer Umum-DAU",
                    x["rekening"].strip(),
                    x["uraian"],
                    pagu,
                ]
            )
    _save(wb, path)


def write_realisasi_list(rows: list[dict], path: Path) -> None:
    """A BPKAD realisation list: sub kegiatan by name (every other one with its code in front)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(["KODE REKENING", "NAMA SUB KEGIATAN", "REALISASI"])
    for i, x in enumerate(rows):
        name = f"{x['sub_kegiatan']} {x['sub_kegiatan_name']}" if i % 2 else x["sub_kegiatan_name"]
        ws.append([x["rekening"].strip(), name, x["realisasi"]])
    _save(wb, path)


def _rp(value: int) -> str:
    return "Rp" + f"{value:,}".replace(",", ".")


def write_dpa_rincian(rows: list[dict], path: Path) -> None:
    """A DPA Rincian Belanja print: per sub kegiatan a block; rekening rows at every level; one item per line."""
    wb = Workbook()
    ws = wb.active
    ws.title = "DPA"
    for text in ("DOKUMEN PELAKSANAAN ANGGARAN", "PEMERINTAH KABUPATEN BATU BARA", "Tahun Anggaran 2024"):
        ws.append([text])
    ws.append(["Organisasi", ":", f"{OFFICES[1][0]} {OFFICES[1][1]}"])
    for sub in dict.fromkeys(x["sub_kegiatan"] for x in rows):
        lines = [x for x in rows if x["sub_kegiatan"] == sub]
        ws.append([])
        ws.append(["Sub Kegiatan", ":", f"{sub} {lines[0]['sub_kegiatan_name']}"])
        ws.append(["Sumber Pendanaan", ":", "Dana Transfer Umum-DAU"])
        ws.append(["Kode Rekening", "Uraian", "Rincian Perhitungan", None, None, None, "Jumlah (Rp)"])
        ws.merge_cells(start_row=ws.max_row, start_column=3, end_row=ws.max_row, end_column=6)
        ws.append([None, None, "Koefisien", "Satuan", "Harga", "PPN", None])
        levels = sorted(
            {".".join(x["rekening"].strip().split(".")[:i]) for x in lines for i in range(2, 7)},
            key=lambda c: [int(v) for v in c.split(".")],
        )
        for code in levels:
            under = [x for x in lines if (x["rekening"].strip() + ".").startswith(code + ".")]
            leaf_rows = [x for x in under if x["rekening"].strip() == code]
            name = leaf_rows[0]["uraian"] if leaf_rows else JENIS_NAMES.get(code, "")
            ws.append([code, name, None, None, None, None, _rp(sum(x["anggaran"] for x in under))])
            for x in leaf_rows:
                amount = f"{x['anggaran']:,}".replace(",", ".")
                ws.append([None, f"[-] {x['uraian']}", "1 Paket", "Paket", amount, "0", _rp(x["anggaran"])])
        ws.append([f"Jumlah Anggaran Sub Kegiatan : {_rp(sum(x['anggaran'] for x in lines))}"])
    _save(wb, path)
