"""The texts of reading a workbook and its table declarations (reader notes, --sheets): (Bahasa Indonesia,
English)."""

from __future__ import annotations

from . import register

# table declarations (spec.py)
register(
    {
        "sheets.not_dir": (
            "--sheets {path}: bukan folder berisi berkas deklarasi tabel (.toml).",
            "--sheets {path}: not a folder of table declarations (.toml).",
        ),
        "sheets.bad_toml": (
            "Deklarasi tabel {path} tidak dapat dibaca: {detail}",
            "Table declaration {path} cannot be read: {detail}",
        ),
        "sheets.bad_declaration": (
            "Deklarasi tabel di {path} keliru: {detail}",
            "A table declaration in {path} is wrong: {detail}",
        ),
    }
)


# reader notes (read/notes.py)
register(
    {
        "note.no_header": (
            'Lembar "{sheet}": baris judul kolom tabel {table} tidak ditemukan (dicari: {wanted}).',
            'Sheet "{sheet}": the column header of table {table} was not found (looked for: {wanted}).',
        ),
        "note.duplicate": (
            'Lembar "{sheet}" juga memuat Tabel {table}, yang sudah dibaca dari lembar "{first}"; lembar ini '
            "tidak diperiksa.",
            'Sheet "{sheet}" also holds Tabel {table}, already read from sheet "{first}"; this sheet is not checked.',
        ),
    }
)
