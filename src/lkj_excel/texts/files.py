"""Texts of reading and writing files, of a run's end and of severities: (Bahasa Indonesia, English)."""

from __future__ import annotations

from . import register

register(
    {
        "severity.error": ("KESALAHAN", "ERROR"),
        "severity.warning": ("PERINGATAN", "WARNING"),
        "severity.info": ("INFO", "INFO"),
        "severity_word.error": ("kesalahan", "errors"),
        "severity_word.warning": ("peringatan", "warnings"),
        "severity_word.info": ("info", "info"),
        # details of reading errors (see `read_detail`)
        "detail.empty": ("berkas kosong", "empty file"),
        "detail.not_zip": ("bukan arsip zip", "not a zip archive"),
        "detail.bad_zip": ("arsip zip rusak", "damaged zip archive"),
        "detail.truncated": ("arsip zip terpotong", "truncated zip archive"),
        "detail.crc": ("isi arsip zip rusak (CRC)", "damaged zip member (CRC)"),
        "detail.part_missing": ("bagian wajib tidak ada di arsip", "a required part is missing from the archive"),
        "detail.technical": ("rincian teknis: {detail}", "{detail}"),
    }
)

# A reading error's detail as the reader or a library words it (its start) -> the key of its translation.
READ_DETAILS: dict[str, str] = {
    "kosong": "detail.empty",
    "bukan arsip zip": "detail.not_zip",
    "File is not a zip file": "detail.not_zip",
    "Bad magic number for central directory": "detail.bad_zip",
    "Truncated file header": "detail.truncated",
    "Bad CRC-32": "detail.crc",
    "There is no item named": "detail.part_missing",
}

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
        "file.denied": (
            "Berkas {path} tidak dapat dibuka: tidak ada izin membacanya, atau sedang dikunci program lain. "
            "Tutup berkas itu (misalnya di Excel) atau salin ke folder Anda sendiri, lalu jalankan lagi.",
            "{path} cannot be opened: no permission to read it, or another program has locked it. "
            "Close the file (e.g. in Excel) or copy it to your own folder, then run again.",
        ),
        "file.os": (
            "Berkas {path} tidak dapat dibuka ({detail}).",
            "{path} cannot be opened ({detail}).",
        ),
        "out.exists": (
            "Berkas keluaran {path} sudah ada. Pakai --force untuk menimpanya.",
            "Output {path} exists. Use --force to overwrite it.",
        ),
        "out.is_input": (
            "Berkas keluaran {path} adalah salah satu berkas masukan; masukan tidak pernah ditimpa, "
            "juga dengan --force. Pilih nama lain untuk keluaran.",
            "The output {path} is one of the input files; inputs are never overwritten, not even with --force. "
            "Choose another name for the output.",
        ),
        "out.twice": (
            "Dua keluaran memakai berkas yang sama ({path}). Beri setiap keluaran nama sendiri.",
            "Two outputs use the same file ({path}). Give each output its own name.",
        ),
        "out.locked": (
            "Berkas {path} tidak dapat ditimpa: mungkin sedang dibuka di Excel atau program lain, atau folder/berkasnya"
            " hanya-baca. Tutup berkas itu lalu jalankan lagi, atau tulis ke nama lain dengan -o.",
            "{path} cannot be overwritten: it may be open in Excel or another program, or the folder or file is "
            "read-only. Close the file and run again, or write to another name with -o.",
        ),
        "out.denied": (
            "Tidak dapat menulis {path}: folder {folder} hanya-baca atau Anda tidak berhak menulis di sana. "
            "Pilih folder lain (misalnya Dokumen) dengan -o atau --out-dir.",
            "Cannot write {path}: the folder {folder} is read-only or you may not write there. "
            "Choose another folder (e.g. Documents) with -o or --out-dir.",
        ),
        "out.disk_full": (
            "Tidak dapat menulis {path}: disk penuh. Kosongkan sebagian ruang disk atau tulis ke disk lain, "
            "lalu jalankan lagi. Tidak ada berkas setengah jadi yang tertinggal.",
            "Cannot write {path}: the disk is full. Free some space or write to another disk, then run again. "
            "No half-written file was left.",
        ),
        "out.no_folder": (
            "Tidak dapat menulis {path}: folder {folder} tidak ada. Periksa ejaan foldernya atau buat dulu.",
            "Cannot write {path}: the folder {folder} does not exist. Check its spelling or create it first.",
        ),
        "out.is_dir": (
            "{path} adalah folder, bukan berkas. Beri nama berkas untuk keluarannya.",
            "{path} is a folder, not a file. Give the output a file name.",
        ),
        "out.os": (
            "Tidak dapat menulis {path} ({detail}). Periksa folder dan disknya, lalu jalankan lagi.",
            "Cannot write {path} ({detail}). Check the folder and the disk, then run again.",
        ),
        "run.interrupted": (
            "Dihentikan (Ctrl-C). Tidak ada berkas keluaran setengah jadi; berkas masukan tidak diubah.",
            "Interrupted (Ctrl-C). No half-written output was left; the input was not changed.",
        ),
        "run.internal": (
            "Kesalahan internal lkj-excel ({detail}). Berkas masukan tidak diubah. Mohon laporkan ke pengembang "
            "beserta berkasnya; LKJ_EXCEL_DEBUG=1 menampilkan rinciannya.",
            "Internal error in lkj-excel ({detail}). The input was not changed. Please report it to the developers "
            "with the file; LKJ_EXCEL_DEBUG=1 shows the details.",
        ),
        "out.none_written": ("Tidak ada berkas keluaran yang ditulis.", "No output file was written."),
    }
)


# reading limits (read/open.py)
register(
    {
        "sheet.too_big": (
            'Lembar "{sheet}" terlalu besar: {cells} sel; batas {limit}. Hapus isi atau format di luar tabel lalu '
            "jalankan lagi.",
            'Sheet "{sheet}" is too large: {cells} cells; the limit is {limit}. Remove content or formatting outside '
            "the table and run again.",
        ),
        "file.part_too_big": (
            "Berkas {path} terlalu besar setelah dibuka: bagian {part} lebih dari {size}; batas {limit}.",
            "{path} is too large once unpacked: part {part} exceeds {size}; the limit is {limit}.",
        ),
        "file.zip_bomb": (
            "Berkas {path} ditolak: bagian {part} mengembang {ratio} kali lipat menjadi {size} (bom zip).",
            "{path} refused: part {part} inflates {ratio} times to {size} (a zip bomb).",
        ),
    }
)
