"""The texts of reading budget exports and comparing them with the LKjIP tables: (Bahasa Indonesia, English)."""

from __future__ import annotations

from . import register

register(
    {
        "budget.no_header": (
            (
                "Berkas {path}: baris judul kolom anggaran tidak ditemukan di lembar {sheets} "
                "(dicari: Kode/Kode Rekening, Uraian, Anggaran/Pagu/DPPA, Realisasi)."
            ),
            (
                "{path}: no budget column header found in sheet(s) {sheets} "
                "(looked for: Kode/Kode Rekening, Uraian, Anggaran/Pagu/DPPA, Realisasi)."
            ),
        ),
        "budget.sheet_missing": (
            'Berkas {path} tidak memuat lembar "{sheet}". Lembar yang ada: {sheets}.',
            '{path} has no sheet "{sheet}". Sheets found: {sheets}.',
        ),
        "budget.no_code": (
            (
                "Berkas {path}, sel {ref}: baris judul kolom tidak memuat kolom kode "
                "(Kode, Kode Rekening, Kode Program, Kode Sub Kegiatan …). Kolom yang dikenali: {columns}."
            ),
            (
                "{path}, cell {ref}: the column header has no code column "
                "(Kode, Kode Rekening, Kode Program, Kode Sub Kegiatan …). Columns recognised: {columns}."
            ),
        ),
        "budget.no_anggaran": (
            (
                "Berkas {path}, sel {ref}: baris judul kolom tidak memuat kolom anggaran "
                "(Anggaran, Pagu, DPPA, Setelah Perubahan …). Kolom yang dikenali: {columns}."
            ),
            (
                "{path}, cell {ref}: the column header has no budget column "
                "(Anggaran, Pagu, DPPA, Setelah Perubahan …). Columns recognised: {columns}."
            ),
        ),
        "budget.no_amount": (
            (
                "Berkas {path}, sel {ref}: baris judul kolom tidak memuat kolom anggaran maupun realisasi. "
                "Kolom yang dikenali: {columns}."
            ),
            (
                "{path}, cell {ref}: the column header has neither a budget nor a realisation column. "
                "Columns recognised: {columns}."
            ),
        ),
        "budget.no_lines": (
            (
                "Berkas {path}, lembar {sheet}: tidak ada baris berkode (program, kegiatan, sub kegiatan, "
                "kode rekening) di bawah baris judul {ref}."
            ),
            (
                "{path}, sheet {sheet}: no coded rows (program, kegiatan, sub kegiatan, kode rekening) "
                "below the header at {ref}."
            ),
        ),
        "budget.amount_text": (
            (
                'Berkas {path}, sel {ref}: kolom "{column}" berisi "{value}", bukan angka. '
                "Isi dengan angka (mis. 1.234.500) atau kosongkan."
            ),
            (
                '{path}, cell {ref}: column "{column}" holds "{value}", not a number. '
                "Enter a number (e.g. 1.234.500) or leave it empty."
            ),
        ),
        "budget.orphan": (
            (
                "Berkas {path}, sel {ref}: {level} {code} tidak berada di bawah {parent} mana pun. "
                "Pastikan ada baris {parent} di atasnya atau kolom kode {parent} terisi."
            ),
            (
                "{path}, cell {ref}: {level} {code} is not under any {parent}. "
                "Add the {parent} row above it or fill in the {parent} code column."
            ),
        ),
        "budget.subtotal": (
            (
                'Sel {ref}: subtotal {level} {code} pada kolom "{column}" tertulis {found}, '
                "sedangkan jumlah {count} baris rinciannya {expected}."
            ),
            (
                'Cell {ref}: the {level} {code} subtotal in column "{column}" reads {found}, '
                "but its {count} detail lines add up to {expected}."
            ),
        ),
        "budget.total": (
            (
                'Sel {ref}: baris JUMLAH pada kolom "{column}" tertulis {found}, '
                "sedangkan jumlah seluruh {count} baris rincian {expected}."
            ),
            (
                'Cell {ref}: the JUMLAH row in column "{column}" reads {found}, '
                "but all {count} detail lines add up to {expected}."
            ),
        ),
        "budget.sisa": (
            "Sel {ref}: sisa tertulis {found}, sedangkan anggaran − realisasi = {expected}.",
            "Cell {ref}: sisa reads {found}, but anggaran − realisasi = {expected}.",
        ),
        "budget.percent": (
            "Sel {ref}: persentase tertulis {found}, sedangkan realisasi ÷ anggaran × 100 = {expected}.",
            "Cell {ref}: the percentage reads {found}, but realisasi ÷ anggaran × 100 = {expected}.",
        ),
        "budget.parent": (
            "Sel {ref}: {level} {code} tidak termasuk {parent} {parent_code} di atasnya.",
            "Cell {ref}: {level} {code} does not belong to the {parent} {parent_code} above it.",
        ),
        "budget.code": (
            (
                'Sel {ref}: kode "{code}" tidak dikenali sebagai kode program, kegiatan, sub kegiatan '
                "atau rekening (format Permendagri 90/2019); baris ini tidak dihitung."
            ),
            (
                'Cell {ref}: "{code}" is not a program, kegiatan, sub kegiatan or rekening code '
                "(Permendagri 90/2019 format); the row is not counted."
            ),
        ),
        "budget.merge_no_dpa": (
            (
                "Sel {ref}: baris realisasi {path_code} tidak ada di DPA ({dpa}); realisasinya {realisasi} "
                "tanpa anggaran."
            ),
            (
                "Cell {ref}: realisation line {path_code} is not in the DPA ({dpa}); {realisasi} spent "
                "without a budget line."
            ),
        ),
        "budget.merge_no_lra": (
            "Sel {ref}: baris anggaran {path_code} tidak ada di laporan realisasi ({lra}); realisasi dianggap 0.",
            "Cell {ref}: budget line {path_code} is not in the realisation report ({lra}); realisation taken as 0.",
        ),
        "budget.merge_anggaran": (
            "Sel {ref}: anggaran {path_code} di laporan realisasi {found} berbeda dengan DPA {expected}.",
            (
                "Cell {ref}: the budget of {path_code} in the realisation report, {found}, differs from the DPA, "
                "{expected}."
            ),
        ),
    }
)

register(
    {
        "budget.rincian": (
            (
                'Sel {ref}: rincian "{uraian}": {koefisien} × {harga}{ppn_text} = {expected}, '
                "tetapi jumlahnya tertulis {found}."
            ),
            'Cell {ref}: item "{uraian}": {koefisien} × {harga}{ppn_text} = {expected}, but its amount reads {found}.',
        ),
        "budget.bertambah": (
            "Sel {ref}: bertambah/(berkurang) tertulis {found}, sedangkan setelah − sebelum perubahan = {expected}.",
            "Cell {ref}: the increase/(decrease) reads {found}, but after − before the change = {expected}.",
        ),
        "budget.pelampauan": (
            (
                "Sel {ref}: realisasi {path_code} {found} melebihi anggarannya {expected} "
                "(pelampauan {diff}); belanja di atas pagu perlu dijelaskan."
            ),
            "Cell {ref}: the realisation of {path_code}, {found}, exceeds its budget {expected} (over by {diff}).",
        ),
        "budget.office_ambiguous": (
            (
                "Berkas {path} memuat anggaran {count} perangkat daerah. Pilih satu dengan --skpd KODE "
                "(atau --workbook dengan nama perangkat daerahnya): {offices}."
            ),
            (
                "{path} holds the budgets of {count} offices. Choose one with --skpd CODE "
                "(or --workbook naming its office): {offices}."
            ),
        ),
        "budget.office_unknown": (
            "Berkas {path}: perangkat daerah {code} tidak ada. Perangkat daerah dalam berkas: {offices}.",
            "{path}: office {code} is not in the file. Offices in the file: {offices}.",
        ),
        "budget.skpd_needs_rekap": (
            "Opsi --skpd hanya berlaku untuk rekap SIPD-RI sekabupaten; berkas {path} berformat {layout}.",
            "Option --skpd only applies to a kabupaten-wide SIPD-RI rekap; {path} is a {layout}.",
        ),
    }
)

# The layouts `anggaran` recognises, as it names them to the user.
register(
    {
        f"budget.layout.{k}": v
        for k, v in {
            "rekap": ("rekap SIPD-RI datar ({columns} kolom)", "flat SIPD-RI rekap ({columns} columns)"),
            "rincian": ("cetakan Rincian Belanja DPA/RKA", "DPA/RKA Rincian Belanja print"),
            "rincian_perubahan": (
                "cetakan Rincian Belanja DPPA (sebelum/setelah perubahan)",
                "DPPA Rincian Belanja print (before/after the change)",
            ),
            "lra": ("LRA bertingkat (kolom level)", "hierarchical LRA (level column)"),
            "realisasi_list": (
                "daftar realisasi (KODE REKENING | NAMA SUB KEGIATAN | REALISASI)",
                "realisation list (KODE REKENING | NAMA SUB KEGIATAN | REALISASI)",
            ),
            "penjabaran": (
                "Penjabaran APBD pra-SIPD (Permendagri 13/2006, kode bertitik-spasi)",
                "pre-SIPD Penjabaran APBD (Permendagri 13/2006, spaced-dot codes)",
            ),
            "laporan": (
                "laporan berkode (kode, uraian, anggaran/realisasi)",
                "coded report (code, name, budget/realisation)",
            ),
        }.items()
    }
)


# --- comparing the LKjIP budget tables with the export (budget.compare) ---
register(
    {
        "budget.cmp_anggaran": (
            "Anggaran {what}: tabel {found}, ekspor SIPD {expected} (selisih {diff}).",
            "Budget of {what}: table {found}, SIPD export {expected} (difference {diff}).",
        ),
        "budget.cmp_realisasi": (
            "Realisasi {what}: tabel {found}, ekspor SIPD {expected} (selisih {diff}).",
            "Realisation of {what}: table {found}, SIPD export {expected} (difference {diff}).",
        ),
        "budget.cmp_sisa": (
            "Sisa anggaran {what}: tabel {found}, ekspor SIPD {anggaran} − {realisasi} = {expected}.",
            "Unspent budget of {what}: table {found}, SIPD export {anggaran} − {realisasi} = {expected}.",
        ),
        "budget.cmp_penyerapan": (
            "% penyerapan {what}: tabel {found}, ekspor SIPD {realisasi} ÷ {anggaran} × 100 = {expected}.",
            "% absorption of {what}: table {found}, SIPD export {realisasi} ÷ {anggaran} × 100 = {expected}.",
        ),
        "budget.cmp_sasaran": (
            (
                '% penyerapan anggaran sasaran "{what}": tabel {found}; program {programs} (Tabel 3.15) '
                "menurut ekspor SIPD: {realisasi} ÷ {anggaran} × 100 = {expected}."
            ),
            (
                '% budget absorption of sasaran "{what}": table {found}; its programs {programs} (Tabel 3.15) '
                "in the SIPD export: {realisasi} ÷ {anggaran} × 100 = {expected}."
            ),
        ),
        "budget.cmp_filled": (
            "Sel {ref} ({what}) kosong: diisi dari ekspor SIPD, {expected}.",
            "Cell {ref} ({what}) was blank: filled from the SIPD export, {expected}.",
        ),
        "budget.cmp_not_in_table": (
            (
                "{kind} {kode} {name} ada di ekspor SIPD (anggaran {anggaran}, realisasi {realisasi}) "
                "tetapi tidak ada barisnya di Tabel {tabel}."
            ),
            (
                "{kind} {kode} {name} is in the SIPD export (budget {anggaran}, realisation {realisasi}) "
                "but Tabel {tabel} has no row for it."
            ),
        ),
        "budget.cmp_not_in_export": (
            (
                'Tabel {tabel}, baris "{what}" ({kode}): tidak ada baris {kind} ini di ekspor SIPD, tetapi tabel '
                "mencatat {found}."
            ),
            (
                'Tabel {tabel}, row "{what}" ({kode}): the SIPD export has no {kind} lines for it, but the table '
                "reads {found}."
            ),
        ),
        "budget.cmp_unknown_row": (
            (
                'Tabel {tabel}, baris "{what}": program ini tidak dikenali, sehingga tidak dapat dicocokkan '
                "dengan ekspor SIPD (tabel mencatat {found})."
            ),
            (
                'Tabel {tabel}, row "{what}": the program is not recognised, so it cannot be matched with the '
                "SIPD export (the table reads {found})."
            ),
        ),
    }
)


# summarising the export (budget/aggregate.py)
register(
    {
        "budget.program_unknown": (
            (
                "Sel {ref}: kode program {code} bukan program kecamatan yang dikenal (7.01.01–7.01.06); "
                "tetap dihitung dengan kodenya sendiri."
            ),
            (
                "Cell {ref}: program code {code} is not a known kecamatan program (7.01.01–7.01.06); "
                "it is kept under its own code."
            ),
        ),
        "budget.jenis_unknown": (
            (
                "Sel {ref}: jenis belanja {code} (dari kode rekening {rekening}) tidak ada dalam daftar kode; "
                "tetap dihitung dengan kodenya sendiri."
            ),
            (
                "Cell {ref}: jenis belanja {code} (from kode rekening {rekening}) is not in the code list; "
                "it is kept under its own code."
            ),
        ),
        "budget.no_rekening": (
            "Sel {ref}: baris ini tidak memiliki kode rekening, sehingga jenis belanjanya tidak diketahui.",
            "Cell {ref}: this line has no kode rekening, so its jenis belanja is unknown.",
        ),
    }
)
