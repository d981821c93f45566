"""User-facing texts in Bahasa Indonesia (default) and English.

Each module registers its own texts with `register`, so a rule's messages live
next to the rule.
"""

from __future__ import annotations

_TEXTS: dict[str, dict[str, str]] = {}


def register(texts: dict[str, tuple[str, str]]) -> None:
    """Register {key: (indonesian, english)} templates in str.format syntax."""
    for key, (id_, en) in texts.items():
        _TEXTS[key] = {"id": id_, "en": en}


def render(key: str, lang: str = "id", **params: object) -> str:
    texts = _TEXTS.get(key)
    if texts is None:
        return key + (" " + repr(params) if params else "")
    template = texts.get(lang) or texts["id"]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


register(
    {
        "file.missing": ("Berkas tidak ditemukan: {path}", "File not found: {path}"),
        "file.xls": (
            "Berkas {path} berformat .xls (Excel 97-2003). Simpan ulang sebagai .xlsx "
            "(File > Save As > Excel Workbook) lalu jalankan lagi.",
            "{path} is an .xls (Excel 97-2003) file. Save it as .xlsx and run again.",
        ),
        "file.ods": (
            "Berkas {path} berformat .ods (LibreOffice). Simpan ulang sebagai .xlsx lalu jalankan lagi.",
            "{path} is an .ods (LibreOffice) file. Save it as .xlsx and run again.",
        ),
        "file.encrypted": (
            "Berkas {path} dilindungi kata sandi. Buka di Excel, hapus kata sandinya, simpan, lalu jalankan lagi.",
            "{path} is password-protected. Remove the password in Excel, save, and run again.",
        ),
        "file.corrupt": (
            "Berkas {path} rusak atau bukan berkas Excel .xlsx ({detail}).",
            "{path} is corrupt or not an .xlsx workbook ({detail}).",
        ),
        "file.not_xlsx": (
            "Berkas {path} bukan berkas Excel .xlsx.",
            "{path} is not an .xlsx workbook.",
        ),
        "wb.no_tables": (
            'Berkas {path} tidak memuat satu pun tabel standar LKjIP (lembar "Tabel 1.1" … "Tabel 3.17"). '
            "Lembar yang ada: {sheets}.",
            '{path} contains none of the standard LKjIP tables (sheets "Tabel 1.1" … "Tabel 3.17"). '
            "Sheets found: {sheets}.",
        ),
        "wb.no_header": (
            'Lembar "{sheet}": baris judul kolom tabel {table} tidak ditemukan (dicari: {wanted}).',
            'Sheet "{sheet}": the column header of table {table} was not found (looked for: {wanted}).',
        ),
        "out.exists": (
            "Berkas keluaran {path} sudah ada. Pakai --force untuk menimpanya.",
            "Output {path} exists. Use --force to overwrite it.",
        ),
        "out.is_input": (
            "Berkas keluaran tidak boleh sama dengan berkas masukan ({path}).",
            "The output must not be the input file ({path}).",
        ),
    }
)
