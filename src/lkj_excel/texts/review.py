"""The review's words (Ringkasan, reviu report xlsx/html, checklist, charts): (Bahasa Indonesia, English)."""

from __future__ import annotations

from . import register

register(
    {
        "review.title": ("Ringkasan Pemeriksaan Tabel LKjIP", "LKjIP Table Check — Summary"),
        "review.office": ("Perangkat Daerah", "Office"),
        "review.kabupaten": ("Kabupaten/Kota", "Regency/City"),
        "review.year": ("Tahun Laporan", "Report year"),
        "review.file": ("Berkas masukan", "Input file"),
        "review.date": ("Tanggal pemeriksaan", "Checked on"),
        "review.tool": ("Alat", "Tool"),
        "review.by_severity": ("Jumlah temuan menurut tingkat", "Findings by severity"),
        "review.by_table": ("Jumlah temuan menurut tabel", "Findings by table"),
        "review.total": ("Jumlah", "Total"),
        "review.table": ("Tabel", "Table"),
        "review.no_findings": ("Tidak ada temuan.", "No findings."),
        "review.missing": ("Tabel standar yang tidak ditemukan", "Standard tables not found"),
        "review.notes": ("Catatan pembacaan", "Reading notes"),
        "review.key": ("Indikator kinerja utama", "Key performance indicators"),
        "review.key_src": (
            "Sumber: Tabel {tables}; kategori dihitung dari realisasi menurut skala acuan.",
            "Source: Tabel {tables}; categories computed from realisasi on the reference scales.",
        ),
        "review.no_key": (
            "Tidak ada indikator kinerja yang terbaca (Tabel 3.2, 3.5, 3.7, 3.9).",
            "No performance indicator could be read (Tabel 3.2, 3.5, 3.7, 3.9).",
        ),
        "review.indicator": ("Indikator", "Indicator"),
        "review.target": ("Target", "Target"),
        "review.realisasi": ("Realisasi", "Realisasi"),
        "review.capaian": ("% Capaian (tercetak)", "% Capaian (printed)"),
        "review.capaian_calc": ("% Capaian (dihitung)", "% Capaian (computed)"),
        "review.category": ("Kategori", "Category"),
        "review.kinerja": ("Kinerja", "Performance"),
        "review.capaian_cat": ("Tingkat capaian", "Capaian level"),
        "review.source": ("Sumber", "Source"),
        "review.charts": ("Grafik", "Charts"),
        "review.chart_trend": (
            "Realisasi indikator kinerja {y0}–{y1} (Tabel 3.9)",
            "Indicator realisasi {y0}–{y1} (Tabel 3.9)",
        ),
        "review.chart_peer": (
            "Perbandingan realisasi {year} dengan kecamatan lain (Tabel 3.12)",
            "Realisasi {year} compared with other kecamatan (Tabel 3.12)",
        ),
        "review.chart_abs": (
            "Penyerapan anggaran per program (Tabel 3.17, %)",
            "Budget absorption per program (Tabel 3.17, %)",
        ),
        "review.chart_skip": ('Grafik "{chart}" tidak dibuat: {reason}', 'Chart "{chart}" not drawn: {reason}'),
        "review.reason_missing": ("Tabel {table} tidak ditemukan.", "Tabel {table} was not found."),
        "review.reason_empty": (
            "Tabel {table} tidak memuat angka yang dapat digambar.",
            "Tabel {table} has no figures to draw.",
        ),
        "review.trend_name": ("Realisasi per tahun", "Realisasi over the years"),
        "review.peer_name": ("Perbandingan dengan kecamatan lain", "Comparison with other kecamatan"),
        "review.abs_name": ("Penyerapan anggaran per program", "Budget absorption per program"),
        "review.helper": ("Data grafik (tersembunyi)", "Chart data (hidden)"),
        "review.year_axis": ("Tahun", "Year"),
        "review.value_axis": ("Nilai", "Value"),
        "review.pct_axis": ("Persen", "Percent"),
        "review.t_title": ("Daftar Temuan", "Findings"),
        "review.code": ("Kode", "Code"),
        "review.severity": ("Tingkat", "Severity"),
        "review.cell": ("Sel", "Cell"),
        "review.found": ("Ditemukan", "Found"),
        "review.expected": ("Seharusnya", "Expected"),
        "review.message": ("Pesan", "Message"),
        "review.status": ("Status", "Status"),
        "review.related": ("Sel terkait", "Related cells"),
        "review.open_cell": ("Buka sel {cell} di lembar keluaran", "Open cell {cell} in the output sheet"),
        "review.links_cut": (
            "Tautan hanya untuk {n} temuan pertama; temuan berikutnya ditulis tanpa tautan.",
            "Links only for the first {n} findings; the rest are listed without links.",
        ),
        "review.footer_tool": ("Hasil pemeriksaan lkj-excel", "Checked by lkj-excel"),
        "review.not_kept": ("Tidak terbawa dari berkas asli: {what}.", "Not carried over from the input: {what}."),
        "review.n_orig": ("Nilai asli: {v}", "Original value: {v}"),
        "review.n_fixed": ("Dikoreksi menjadi: {v}", "Corrected to: {v}"),
        "review.n_formula": (
            "Rumus (tidak ditulis karena sel diketik sebagai teks): {f}",
            "Formula (not written: the cell was typed as text): {f}",
        ),
        "review.page": ("Halaman &P dari &N", "Page &P of &N"),
        "review.corrected": (
            "Sel bertanda * dan berbingkai telah dikoreksi; nilai asli ada di catatan (dicetak di akhir lembar).",
            "Cells marked * with a border were corrected; the original value is in the note (printed at the "
            "end of the sheet).",
        ),
        "review.nd_budget": (
            "Tidak dapat dinilai: perintah check tidak membaca DPPA/LRA. Jalankan `lkj-excel anggaran` "
            "dengan ekspor SIPD (DPPA dan LRA) untuk menilainya.",
            "Cannot be assessed: check does not read the DPPA/LRA. Run `lkj-excel anggaran` with the SIPD "
            "export (DPPA and LRA) to assess it.",
        ),
        "review.nd_empty": (
            "Tidak dapat dinilai: tabel yang diperiksa untuk pertanyaan ini kosong atau tidak ada ({tables}).",
            "Cannot be assessed: the tables this question needs are empty or missing ({tables}).",
        ),
        "review.nd_none": (
            "Tidak dapat dinilai: tidak ada tabel berisi angka untuk diperiksa.",
            "Cannot be assessed: no table holds figures to check.",
        ),
        "review.nd_notrun": (
            "Tidak dapat dinilai di sini: pemeriksaan tabel (lkj-excel check) tidak dijalankan.",
            "Not assessed here: the table checks (lkj-excel check) did not run.",
        ),
        "review.empty_tables": ("Tabel kosong: {tables}.", "Empty tables: {tables}."),
        "review.c_title": ("Checklist Reviu Laporan Kinerja", "Reviu Checklist"),
        "review.c_intro": (
            "Pertanyaan reviu Inspektorat (PermenPANRB 53/2014; kriteria pelaporan PermenPANRB 88/2021) dan "
            "temuan alat ini yang menjawabnya.",
            "The Inspektorat's reviu questions (PermenPANRB 53/2014; reporting criteria of PermenPANRB "
            "88/2021) and the findings of this tool that answer them.",
        ),
        "review.no": ("No", "No"),
        "review.question": ("Pertanyaan reviu", "Reviu question"),
        "review.answer": ("Jawaban", "Answer"),
        "review.count": ("Jumlah temuan", "Findings"),
        "review.codes": ("Kode temuan", "Codes"),
        "review.cells": ("Sel", "Cells"),
        "review.note": ("Keterangan", "Notes"),
    }
)

register(
    {
        # severities
        "review.severity.error": ("Kesalahan", "Error"),
        "review.severity.warning": ("Peringatan", "Warning"),
        "review.severity.info": ("Info", "Info"),
    }
)

register(
    {
        # statuses
        "review.status.dikoreksi": ("dikoreksi", "corrected"),
        "review.status.perlu diperiksa": ("perlu diperiksa", "to review"),
    }
)

register(
    {
        # answers
        "review.answer.ya": ("Ya", "Yes"),
        "review.answer.tidak": ("Tidak", "No"),
        "review.answer.periksa": ("Perlu diperiksa", "To review"),
        "review.answer.tidak_dinilai": ("Tidak dapat dinilai", "Cannot be assessed"),
    }
)

register(
    {
        "month.1": ("Januari", "January"),
        "month.2": ("Februari", "February"),
        "month.3": ("Maret", "March"),
        "month.4": ("April", "April"),
        "month.5": ("Mei", "May"),
        "month.6": ("Juni", "June"),
        "month.7": ("Juli", "July"),
        "month.8": ("Agustus", "August"),
        "month.9": ("September", "September"),
        "month.10": ("Oktober", "October"),
        "month.11": ("November", "November"),
        "month.12": ("Desember", "December"),
    }
)

register(
    {
        # the reviu questions of the checklist
        "review.question.arithmetic": (
            "Apakah perhitungan aritmetika (jumlah, % capaian, % penyerapan, nilai IKM, kategori) sudah benar?",
            "Is the arithmetic (totals, % capaian, % absorption, IKM score, categories) correct?",
        ),
        "review.question.crosstable": (
            "Apakah angka antar tabel konsisten?",
            "Are the figures consistent between tables?",
        ),
        "review.question.pk": (
            "Apakah target sesuai dengan Perjanjian Kinerja (Tabel 2.2)?",
            "Do the targets match the Perjanjian Kinerja (Tabel 2.2)?",
        ),
        "review.question.budget": (
            "Apakah anggaran dan realisasinya sesuai DPPA/LRA?",
            "Do the budget and its realisasi match the DPPA/LRA?",
        ),
        "review.question.efficiency": (
            "Apakah efisiensi penggunaan sumber daya dilaporkan (Tabel 3.14)?",
            "Is the efficiency of resource use reported (Tabel 3.14)?",
        ),
        "review.question.narrative": (
            "Apakah narasi sesuai dengan angka di tabel?",
            "Does the narrative match the figures in the tables?",
        ),
        "review.question.form": (
            "Apakah tabel lengkap dan sesuai format standar?",
            "Are the tables complete and in the standard format?",
        ),
    }
)


register(
    {
        "review.own_office": ("Kecamatan sendiri", "Own kecamatan"),
        "review.no_efficiency": ("Tabel {table} (efisiensi) tidak ditemukan.", "Tabel {table} was not found."),
        "review.tables_missing": ("Tabel tidak ditemukan: {tables}.", "Tables not found: {tables}."),
        # how a value falls into a scale's bands (scales.Scale.rule_text)
        "scale.upper_inclusive": (
            "batas atas kelas sebelumnya < nilai ≤ batas atas kelas",
            "previous band's upper end < value ≤ band's upper end",
        ),
        "scale.half_open": (
            "batas bawah kelas ≤ nilai < batas bawah kelas berikutnya",
            "band's lower end ≤ value < next band's lower end",
        ),
    }
)

# The rules' Indonesian names, by code (the catalog's dotted names are internal ids).
RULE_NAMES_ID: dict[str, str] = {
    "B001": "Subtotal ekspor SIPD",
    "B002": "Jumlah ekspor SIPD",
    "B003": "Sisa anggaran ekspor SIPD",
    "B004": "Persentase ekspor SIPD",
    "B005": "Induk kode kegiatan SIPD",
    "B006": "Kode rekening SIPD",
    "B007": "Realisasi LRA tanpa baris DPA",
    "B008": "Baris DPA tidak ada di LRA",
    "B009": "Anggaran LRA berbeda dengan DPA",
    "B010": "Program bukan program kecamatan",
    "B011": "Jenis belanja kode rekening",
    "B012": "Baris tanpa kode rekening",
    "B013": "Rincian koefisien × harga",
    "B014": "Realisasi melebihi pagu (pelampauan)",
    "B015": "Bertambah/(berkurang) perubahan",
    "B101": "Anggaran tabel berbeda dengan DPPA",
    "B102": "Realisasi tabel berbeda dengan LRA",
    "B103": "Penyerapan tabel berbeda dengan SIPD",
    "B104": "Baris anggaran tidak ada di tabel",
    "C201": "Persentase capaian",
    "C202": "Huruf predikat",
    "C203": "Persentase penyerapan",
    "C204": "Polaritas capaian",
    "E501": "Penyerapan per sasaran",
    "E502": "Efisiensi tidak dilaporkan",
    "F701": "Angka tidak terbaca",
    "F702": "Penomoran baris",
    "F703": "Titik sebagai pemisah desimal",
    "F704": "Jumlah desimal berbeda",
    "F705": "Angka negatif",
    "F706": "Persentase tidak wajar",
    "F707": "Tabel atau kolom tidak ada",
    "F708": "Tabel terbaca sebagian",
    "F709": "Lembar ganda atau bernomor lain",
    "F710": "Notasi angka berbeda dari tabelnya",
    "F711": "Satuan angka kembar berbeda",
    "K301": "Celah atau tumpang tindih skala",
    "K302": "Skala berbeda dengan acuan",
    "K303": "Kategori tidak sesuai nilai",
    "N801": "Angka narasi bertentangan dengan tabel",
    "N802": "Pemisah angka narasi tertukar",
    "N803": "Rujukan tabel narasi",
    "N804": "Arah atau peringkat narasi",
    "N805": "Angka narasi tidak dapat diverifikasi",
    "N806": "Narasi mengulang jumlah yang salah",
    "N807": "Hitungan di narasi",
    "S401": "NRR tertimbang SKM",
    "S402": "Nilai IKM",
    "S403": "Rentang NRR/IKM",
    "S404": "Mutu pelayanan SKM",
    "T101": "Jumlah kolom",
    "T102": "Subtotal",
    "T103": "Rumus kolom",
    "T104": "Jumlah baris kelompok",
    "W901": "Angka kecamatan lain berbeda",
    "W902": "Skala acuan berbeda antar kecamatan",
    "X601": "Angka antar tabel berbeda",
    "X602": "Daftar desa antar tabel",
    "X603": "Luas desa dan penggunaan lahan",
}


# the reviu report (write/report.py)
register(
    {
        "out.suffix": (
            'Jenis berkas laporan "{suffix}" tidak dikenal ({path}). Pakai .xlsx, .html atau .json.',
            'Unknown report type "{suffix}" ({path}). Use .xlsx, .html or .json.',
        ),
    }
)
