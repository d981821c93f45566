"""The terminal summary of `lkj-excel anggaran`: (Bahasa Indonesia, English)."""

from __future__ import annotations

from . import register

register(
    {
        "anggaran.export": ("Ekspor anggaran", "Budget export"),
        "anggaran.realisasi_file": ("Laporan realisasi", "Realisation report"),
        "anggaran.office": ("Perangkat daerah", "Office"),
        "anggaran.year": ("Tahun anggaran", "Budget year"),
        "anggaran.anggaran_col": ("Kolom anggaran yang dipakai", "Budget column used"),
        "anggaran.realisasi_col": ("Kolom realisasi", "Realisation column"),
        "anggaran.none": ("(tidak ada)", "(none)"),
        "anggaran.lines": ("baris rincian", "detail lines"),
        "anggaran.programs": ("Per program", "Per program"),
        "anggaran.jenis": ("Per jenis belanja", "Per jenis belanja"),
        "anggaran.kode": ("Kode", "Code"),
        "anggaran.nama": ("Uraian", "Description"),
        "anggaran.anggaran": ("Anggaran", "Budget"),
        "anggaran.realisasi": ("Realisasi", "Realisation"),
        "anggaran.sisa": ("Sisa", "Unspent"),
        "anggaran.penyerapan": ("% Penyerapan", "% Absorbed"),
        "anggaran.total": ("Jumlah", "Total"),
        "anggaran.export_findings": ("Temuan pada ekspor", "Findings in the export"),
        "anggaran.workbook_findings": ("Temuan pada tabel anggaran LKjIP", "Findings in the LKjIP budget tables"),
        "anggaran.no_findings": ("tidak ada", "none"),
        "anggaran.agree": (
            "Tabel 2.3, 2.4, 3.14, 3.16 dan 3.17 sesuai dengan ekspor.",
            "Tabel 2.3, 2.4, 3.14, 3.16 and 3.17 agree with the export.",
        ),
        "anggaran.corrected": ("Buku kerja terkoreksi", "Corrected workbook"),
        "anggaran.cell": ("sel", "cell"),
        "anggaran.no_realisasi": (
            "Ekspor tanpa realisasi: hanya anggaran yang dibandingkan.",
            "The export has no realisation: only the budget was compared.",
        ),
        "anggaran.layout": ("Format dikenali", "Layout recognised"),
        "anggaran.filled": ("Diisi dari ekspor", "Filled from the export"),
        "anggaran.cells": ("sel", "cells"),
    }
)


# lkj-excel anggaran: usage problems
register(
    {
        "budget.output_needs_workbook": (
            "Opsi -o memerlukan --workbook (buku kerja LKjIP yang dikoreksi).",
            "Option -o needs --workbook (the LKjIP workbook to correct).",
        ),
    }
)
