"""The review's words in Bahasa Indonesia (default) and English: labels, section texts,
severity, answer and status names, and each rule's Indonesian name.

Every renderer (Ringkasan, reviu report xlsx/html, rekap) takes its labels from here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..model import Workbook
from ..spec import load_all

SEVERITY_LABEL = {
    "id": {"error": "Kesalahan", "warning": "Peringatan", "info": "Info"},
    "en": {"error": "Error", "warning": "Warning", "info": "Info"},
}
STATUS_LABEL = {
    "id": {"dikoreksi": "dikoreksi", "perlu diperiksa": "perlu diperiksa"},
    "en": {"dikoreksi": "corrected", "perlu diperiksa": "to review"},
}
ANSWER_LABEL = {
    "id": {"ya": "Ya", "tidak": "Tidak", "periksa": "Perlu diperiksa", "tidak_dinilai": "Tidak dapat dinilai"},
    "en": {"ya": "Yes", "tidak": "No", "periksa": "To review", "tidak_dinilai": "Cannot be assessed"},
}

_MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

L: dict[str, dict[str, str]] = {
    "id": {
        "title": "Ringkasan Pemeriksaan Tabel LKjIP",
        "office": "Perangkat Daerah",
        "kabupaten": "Kabupaten/Kota",
        "year": "Tahun Laporan",
        "file": "Berkas masukan",
        "date": "Tanggal pemeriksaan",
        "tool": "Alat",
        "by_severity": "Jumlah temuan menurut tingkat",
        "by_table": "Jumlah temuan menurut tabel",
        "total": "Jumlah",
        "table": "Tabel",
        "no_findings": "Tidak ada temuan.",
        "missing": "Tabel standar yang tidak ditemukan",
        "notes": "Catatan pembacaan",
        "key": "Indikator kinerja utama",
        "key_src": "Sumber: Tabel {tables}; kategori dihitung dari realisasi menurut skala acuan.",
        "no_key": "Tidak ada indikator kinerja yang terbaca (Tabel 3.2, 3.5, 3.7, 3.9).",
        "indicator": "Indikator",
        "target": "Target",
        "realisasi": "Realisasi",
        "capaian": "% Capaian (tercetak)",
        "capaian_calc": "% Capaian (dihitung)",
        "category": "Kategori",
        "kinerja": "Kinerja",
        "capaian_cat": "Tingkat capaian",
        "source": "Sumber",
        "charts": "Grafik",
        "chart_trend": "Realisasi indikator kinerja {y0}–{y1} (Tabel 3.9)",
        "chart_peer": "Perbandingan realisasi {year} dengan kecamatan lain (Tabel 3.12)",
        "chart_abs": "Penyerapan anggaran per program (Tabel 3.17, %)",
        "chart_skip": 'Grafik "{chart}" tidak dibuat: {reason}',
        "reason_missing": "Tabel {table} tidak ditemukan.",
        "reason_empty": "Tabel {table} tidak memuat angka yang dapat digambar.",
        "trend_name": "Realisasi per tahun",
        "peer_name": "Perbandingan dengan kecamatan lain",
        "abs_name": "Penyerapan anggaran per program",
        "helper": "Data grafik (tersembunyi)",
        "year_axis": "Tahun",
        "value_axis": "Nilai",
        "pct_axis": "Persen",
        # Temuan
        "t_title": "Daftar Temuan",
        "code": "Kode",
        "severity": "Tingkat",
        "cell": "Sel",
        "found": "Ditemukan",
        "expected": "Seharusnya",
        "message": "Pesan",
        "status": "Status",
        "related": "Sel terkait",
        "open_cell": "Buka sel {cell} di lembar keluaran",
        "links_cut": "Tautan hanya untuk {n} temuan pertama; temuan berikutnya ditulis tanpa tautan.",
        "footer_tool": "Hasil pemeriksaan lkj-excel",
        "not_kept": "Tidak terbawa dari berkas asli: {what}.",
        "n_orig": "Nilai asli: {v}",
        "n_fixed": "Dikoreksi menjadi: {v}",
        "n_formula": "Rumus (tidak ditulis karena sel diketik sebagai teks): {f}",
        "page": "Halaman &P dari &N",
        "corrected": "Sel bertanda * dan berbingkai telah dikoreksi; nilai asli ada di catatan "
        "(dicetak di akhir lembar).",
        "nd_budget": "Tidak dapat dinilai: perintah check tidak membaca DPPA/LRA. Jalankan `lkj-excel anggaran` "
        "dengan ekspor SIPD (DPPA dan LRA) untuk menilainya.",
        "nd_empty": "Tidak dapat dinilai: tabel yang diperiksa untuk pertanyaan ini kosong atau tidak ada ({tables}).",
        "nd_none": "Tidak dapat dinilai: tidak ada tabel berisi angka untuk diperiksa.",
        "nd_notrun": "Tidak dapat dinilai di sini: pemeriksaan tabel (lkj-excel check) tidak dijalankan.",
        "empty_tables": "Tabel kosong: {tables}.",
        # Checklist
        "c_title": "Checklist Reviu Laporan Kinerja",
        "c_intro": "Pertanyaan reviu Inspektorat (PermenPANRB 53/2014; kriteria pelaporan PermenPANRB 88/2021) "
        "dan temuan alat ini yang menjawabnya.",
        "no": "No",
        "question": "Pertanyaan reviu",
        "answer": "Jawaban",
        "count": "Jumlah temuan",
        "codes": "Kode temuan",
        "cells": "Sel",
        "note": "Keterangan",
    },
    "en": {
        "title": "LKjIP Table Check — Summary",
        "office": "Office",
        "kabupaten": "Regency/City",
        "year": "Report year",
        "file": "Input file",
        "date": "Checked on",
        "tool": "Tool",
        "by_severity": "Findings by severity",
        "by_table": "Findings by table",
        "total": "Total",
        "table": "Table",
        "no_findings": "No findings.",
        "missing": "Standard tables not found",
        "notes": "Reading notes",
        "key": "Key performance indicators",
        "key_src": "Source: Tabel {tables}; categories computed from realisasi on the reference scales.",
        "no_key": "No performance indicator could be read (Tabel 3.2, 3.5, 3.7, 3.9).",
        "indicator": "Indicator",
        "target": "Target",
        "realisasi": "Realisasi",
        "capaian": "% Capaian (printed)",
        "capaian_calc": "% Capaian (computed)",
        "category": "Category",
        "kinerja": "Performance",
        "capaian_cat": "Capaian level",
        "source": "Source",
        "charts": "Charts",
        "chart_trend": "Indicator realisasi {y0}–{y1} (Tabel 3.9)",
        "chart_peer": "Realisasi {year} compared with other kecamatan (Tabel 3.12)",
        "chart_abs": "Budget absorption per program (Tabel 3.17, %)",
        "chart_skip": 'Chart "{chart}" not drawn: {reason}',
        "reason_missing": "Tabel {table} was not found.",
        "reason_empty": "Tabel {table} has no figures to draw.",
        "trend_name": "Realisasi over the years",
        "peer_name": "Comparison with other kecamatan",
        "abs_name": "Budget absorption per program",
        "helper": "Chart data (hidden)",
        "year_axis": "Year",
        "value_axis": "Value",
        "pct_axis": "Percent",
        "t_title": "Findings",
        "code": "Code",
        "severity": "Severity",
        "cell": "Cell",
        "found": "Found",
        "expected": "Expected",
        "message": "Message",
        "status": "Status",
        "related": "Related cells",
        "open_cell": "Open cell {cell} in the output sheet",
        "links_cut": "Links only for the first {n} findings; the rest are listed without links.",
        "footer_tool": "Checked by lkj-excel",
        "not_kept": "Not carried over from the input: {what}.",
        "n_orig": "Original value: {v}",
        "n_fixed": "Corrected to: {v}",
        "n_formula": "Formula (not written: the cell was typed as text): {f}",
        "page": "Page &P of &N",
        "corrected": "Cells marked * with a border were corrected; the original value is in the note (printed at the "
        "end of the sheet).",
        "nd_budget": "Cannot be assessed: check does not read the DPPA/LRA. Run `lkj-excel anggaran` with the SIPD "
        "export (DPPA and LRA) to assess it.",
        "nd_empty": "Cannot be assessed: the tables this question needs are empty or missing ({tables}).",
        "nd_none": "Cannot be assessed: no table holds figures to check.",
        "nd_notrun": "Not assessed here: the table checks (lkj-excel check) did not run.",
        "empty_tables": "Empty tables: {tables}.",
        "c_title": "Reviu Checklist",
        "c_intro": "The Inspektorat's reviu questions (PermenPANRB 53/2014; reporting criteria of PermenPANRB "
        "88/2021) and the findings of this tool that answer them.",
        "no": "No",
        "question": "Reviu question",
        "answer": "Answer",
        "count": "Findings",
        "codes": "Codes",
        "cells": "Cells",
        "note": "Notes",
    },
}


def text(key: str, lang: str = "id", **params: Any) -> str:
    t = L.get(lang, L["id"]).get(key) or L["id"][key]
    return t.format(**params) if params else t


def severity_label(sev: str, lang: str = "id") -> str:
    return SEVERITY_LABEL.get(lang, SEVERITY_LABEL["id"]).get(sev, sev)


def status_label(status: str, lang: str = "id") -> str:
    return STATUS_LABEL.get(lang, STATUS_LABEL["id"]).get(status, status)


def answer_label(answer: str, lang: str = "id") -> str:
    return ANSWER_LABEL.get(lang, ANSWER_LABEL["id"]).get(answer, answer)


def format_date(d: date, lang: str = "id") -> str:
    if lang == "id":
        return f"{d.day} {_MONTHS_ID[d.month - 1]} {d.year}"
    return d.strftime("%d %B %Y").lstrip("0")


def table_label(tid: str | None) -> str:
    if not tid:
        return "-"
    return f"Tabel {tid}" if re.match(r"\d+\.\d+$", tid) else tid


def table_titles(wb: Workbook) -> dict[str, str]:
    titles = {s.id: s.title for s in load_all(wb.year)}
    for tid, t in wb.tables.items():
        titles[tid] = t.spec.title
    return titles


def address(sheet: str, cell: str) -> str:
    return f"{sheet}!{cell}" if cell else sheet


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


def rule_label(code: str, name: str | None = None, lang: str = "id") -> str:
    """ "K303 Kategori tidak sesuai nilai" (Indonesian), or "K303 category.value" in English."""
    if lang == "en":
        return f"{code} {name}" if name else code
    nm = RULE_NAMES_ID.get(code.upper())
    return f"{code} {nm}" if nm else (f"{code} {name}" if name else code)
