"""The command line's texts: click's own (Usage, Options, Error: ...), lkj-excel's help texts, and what the
commands print: (Bahasa Indonesia, English).

Click's texts are keyed by click's English originals (it asks for them through gettext), the help texts by
their Indonesian paragraphs (the Indonesian is written in the decorators); both are registered below under
"click." and "help." like every other text.
"""

from __future__ import annotations

from . import register

# Click's own texts in Bahasa Indonesia, keyed by click's English originals.
CLICK_ID: dict[str, str] = {
    "Usage:": "Pemakaian:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Arguments": "Argumen",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "Aborted!": "Dibatalkan.",
    "Error: {message}": "Kesalahan: {message}",
    "Try '{command} {option}' for help.": "Ketik '{command} {option}' untuk bantuan.",
    "Missing argument": "Argumen belum diberikan",
    "Missing option": "Opsi belum diberikan",
    "Missing parameter": "Parameter belum diberikan",
    "Missing command.": "Perintah belum diberikan.",
    "Missing {param_type}": "{param_type} belum diberikan",
    "Missing parameter: {param_name}": "Parameter belum diberikan: {param_name}",
    "argument": "Argumen",
    "option": "Opsi",
    "parameter": "Parameter",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "No such option {name!r}.": "Tidak ada opsi {name!r}.",
    "No such option: {name}": "Tidak ada opsi: {name}",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Got unexpected extra argument ({args})": "Ada argumen tambahan yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen tambahan yang tidak dikenal ({args})",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} bukan nilai ya/tidak yang sah. Yang dikenal: {states}"
    ),
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder, bukan berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulis.",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "file": "Berkas",
    "directory": "Folder",
    "path": "Jalur",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "required": "wajib",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
    "Do you want to continue?": "Lanjutkan?",
    "Error: invalid input": "Kesalahan: masukan tidak sah",
    "Confirm the action without prompting.": "Setujui tanpa bertanya.",
    "unknown error": "kesalahan tak dikenal",
}

# The English of lkj-excel's own help texts, keyed by their Indonesian
# (paragraph by paragraph, whitespace normalised). A text missing here stays Indonesian.
HELP_EN: dict[str, str] = {
    "Periksa dan koreksi tabel Laporan Kinerja (LKjIP) dalam Excel.": (
        "Check and correct the tables of an LKjIP (Laporan Kinerja) workbook."
    ),
    "Kode keluar: 0 tanpa kesalahan, 1 ada kesalahan, 2 masalah berkas masukan/keluaran atau perintah, "
    "130 dihentikan (Ctrl-C). Bahasa: --lang en atau LKJ_EXCEL_LANG=en.": (
        "Exit codes: 0 no errors, 1 errors found, 2 an input/output or command-line problem, 130 interrupted "
        "(Ctrl-C). Language: --lang en or LKJ_EXCEL_LANG=en."
    ),
    "Periksa setiap total, persentase, kategori dan angka kembar; tulis temuan.": (
        "Check every total, percentage, category and repeated figure; write the findings."
    ),
    "Kode keluar: 0 tanpa kesalahan, 1 ada kesalahan, 2 masalah berkas masukan/keluaran (temuan tetap dicetak; "
    "tidak ada keluaran yang ditimpa), 130 dihentikan (Ctrl-C).": (
        "Exit codes: 0 no errors, 1 errors found, 2 an input/output problem (the findings are still printed; no "
        "output is overwritten), 130 interrupted (Ctrl-C)."
    ),
    "Tulis buku kerja standar kosong ke BERKAS.xlsx.": "Write the blank standard workbook to BERKAS.xlsx.",
    "Tampilkan tabel yang ditemukan dan nilai yang tidak terbaca.": (
        "Show the tables found and the values that could not be read."
    ),
    "Daftar aturan pemeriksaan (kode, nama, uraian).": "List the rules (code, name, description).",
    "Tahun laporan (2000-2100).": "Report year (2000-2100).",
    "Timpa berkas yang sudah ada.": "Overwrite an existing file.",
    "Timpa berkas JSON yang sudah ada.": "Overwrite an existing JSON file.",
    "Timpa berkas keluaran yang sudah ada.": "Overwrite existing output files.",
    "Timpa berkas keluaran yang sudah ada (masukan tidak pernah ditimpa).": (
        "Overwrite existing output files (inputs are never overwritten)."
    ),
    "Buku kerja terkoreksi (bawaan: <nama>_terkoreksi.xlsx di samping masukan).": (
        "Corrected workbook (default: <name>_terkoreksi.xlsx beside the input)."
    ),
    "Jangan tulis buku kerja terkoreksi.": "Do not write the corrected workbook.",
    "Buku kerja terkoreksi: 'asli' = berkas kantor sendiri dikoreksi di tempat; 'standar' = tata letak templat.": (
        "Corrected workbook: 'asli' = the office's own file corrected in place; 'standar' = the template's layout."
    ),
    "Laporan untuk reviu Inspektorat: .xlsx, .html atau .json.": (
        "Report for the Inspektorat's reviu: .xlsx, .html or .json."
    ),
    "Mode banyak berkas: folder keluaran (buku kerja terkoreksi + rekap.xlsx).": (
        "Batch mode: output folder (corrected workbooks + rekap.xlsx)."
    ),
    "Jumlah proses paralel (bawaan: jumlah inti).": "Number of parallel processes (default: number of cores).",
    "Cetak katalog sebagai Markdown (docs/rules.md).": "Print the catalog as Markdown (docs/rules.md).",
    "Bahasa pesan: id (Indonesia) atau en (English).": "Message language: id (Indonesian) or en (English).",
    "Tulis hasil sebagai JSON ke BERKAS; '-' (atau --json saja) untuk mencetaknya ke layar.": (
        "Write the results as JSON to BERKAS (file); '-' (or --json alone) prints them."
    ),
    "Tampilkan versi lalu keluar.": "Show the version and exit.",
    "Ukur koreksi salah ketik: setiap angka tabel diketik salah, lalu diperiksa.": (
        "Measure typo correction: every table figure mistyped in turn, then checked."
    ),
    "Kelas salah ketik (bawaan: semua).": "Typing-error classes (default: all).",
    "Ambil setiap mutasi ke-N (irisan cepat).": "Take every N-th mutation (a quick slice).",
    "Tambah N pasangan dua salah ketik.": "Add N pairs of two typing errors.",
    "Ukur pada buku kerja apa adanya: kesalahannya sendiri tetap ada (bawaan: diselesaikan dulu).": (
        "Measure on the workbook as it is: its own mistakes stay (default: settled first)."
    ),
    "Cetak setiap mutasi yang salah atau ambigu.": "Print every wrong or ambiguous mutation.",
    "Mode banyak berkas: batas waktu per buku kerja dalam detik (bawaan: 20).": (
        "Batch mode: time limit per workbook in seconds (default: 20)."
    ),
    "Ringkas ekspor anggaran SIPD (DPPA + LRA) per program dan jenis belanja; dengan --workbook, cocokkan tabel "
    "anggaran LKjIP dengan ekspor.": (
        "Summarise a SIPD budget export (DPPA + LRA) per program and jenis belanja; with --workbook, hold the "
        "LKjIP budget tables against the export."
    ),
    "Kode keluar: 0 tanpa kesalahan, 1 ada kesalahan, 2 masukan tidak terbaca.": (
        "Exit codes: 0 no errors, 1 errors found, 2 unreadable input."
    ),
    "Daftar realisasi atau LRA terpisah; EKSPOR lalu berisi DPA/DPPA.": (
        "A separate realisation list or LRA; EKSPOR then holds the DPA/DPPA."
    ),
    "Lembar ekspor yang dibaca (bawaan: lembar pertama berjudul kolom anggaran).": (
        "The export sheet to read (default: the first sheet with a budget column header)."
    ),
    "Buku kerja LKjIP: periksa Tabel 2.3, 2.4, 3.14, 3.16 dan 3.17 terhadap ekspor.": (
        "LKjIP workbook: check Tabel 2.3, 2.4, 3.14, 3.16 and 3.17 against the export."
    ),
    "Tulis buku kerja LKjIP terkoreksi (angka tabel diganti angka ekspor; perlu --workbook).": (
        "Write the corrected LKjIP workbook (table figures replaced by the export's; needs --workbook)."
    ),
    "Folder deklarasi tabel (.toml) kantor sendiri, di atas sheets/ bawaan.": (
        "A folder of the office's own table declarations (.toml), over the built-in sheets/."
    ),
    "Tampilkan tabel yang ditemukan, kolom yang dikenali (dan caranya) dan nilai yang tidak terbaca.": (
        "Show the tables found, the columns recognised (and how) and the values that could not be read."
    ),
    "Tahun laporan (bawaan: dari judul Tabel 3.2).": "The report year (default: from the title of Tabel 3.2).",
    "Ringkas ekspor anggaran SIPD (rekap, DPA/DPPA, LRA, daftar realisasi, Penjabaran) per program dan jenis "
    "belanja; dengan --workbook, cocokkan (atau isi) tabel anggaran LKjIP dengan ekspor.": (
        "Summarise a SIPD budget export (rekap, DPA/DPPA, LRA, realisation list, Penjabaran) per program and "
        "jenis belanja; with --workbook, hold the LKjIP budget tables against the export (or fill them)."
    ),
    "Kode keluar: 0 tanpa kesalahan (sel kosong yang diisi bukan kesalahan), 1 ada kesalahan, 2 masukan tidak "
    "terbaca atau keluaran ditolak.": (
        "Exit codes: 0 no errors (filling empty cells is not an error), 1 errors found, 2 unreadable input or "
        "an output refused."
    ),
    "Lembar ekspor yang dibaca (bawaan: lembar pertama yang formatnya dikenali).": (
        "The export sheet to read (default: the first sheet whose layout is recognised)."
    ),
    "Rekap sekabupaten: KODE SKPD atau KODE SUB UNIT perangkat daerah yang dibaca.": (
        "A kabupaten-wide rekap: the KODE SKPD or KODE SUB UNIT of the office to read."
    ),
    "Buku kerja LKjIP: periksa (atau isi) Tabel 2.3, 2.4, 3.14, 3.16 dan 3.17 dari ekspor.": (
        "LKjIP workbook: check (or fill) Tabel 2.3, 2.4, 3.14, 3.16 and 3.17 from the export."
    ),
    "Timpa berkas keluaran yang sudah ada (tidak pernah berkas masukan).": (
        "Replace an existing output file (never an input file)."
    ),
}


register({f"click.{en}": (id_, en) for en, id_ in CLICK_ID.items()})
register({f"help.{id_}": (id_, en) for id_, en in HELP_EN.items()})

register(
    {
        # placeholders of options declared without one (the English is click's own)
        "click.metavar.file": ("BERKAS", "FILE"),
        "click.metavar.directory": ("FOLDER", "DIRECTORY"),
        "click.metavar.path": ("JALUR", "PATH"),
        "click.metavar.text": ("TEKS", "TEXT"),
        "click.metavar.integer": ("ANGKA", "INTEGER"),
        "click.metavar.float": ("ANGKA", "FLOAT"),
        "click.options_metavar": ("[OPSI]", "[OPTIONS]"),
        # what check and template print
        "cli.findings": ("Temuan: {counts}", "Findings: {counts}"),
        "cli.report_written": ("Laporan reviu: {path}", "Review report: {path}"),
        "cli.corrected_written": ("Buku kerja terkoreksi: {path}", "Corrected workbook: {path}"),
        "cli.template_written": ("Templat ditulis: {path}", "Template written: {path}"),
        "cli.too_large_inplace": (
            "Buku kerja terlalu besar untuk dikoreksi di tempat ({reason}): ditulis dalam tata letak standar.",
            "The workbook is too large to be corrected in place ({reason}): written in the standard layout.",
        ),
    }
)

# `lkj-excel inspect`
register(
    {
        f"inspect.{k}": v
        for k, v in {
            "file": ("Berkas", "File"),
            "office": ("Instansi", "Office"),
            "year": ("Tahun", "Year"),
            "used": ("dipakai", "used"),
            "ignored": ("diabaikan", "ignored"),
            "relocated": ("dikenali dari isinya di lembar", "recognised by content on sheet"),
            "numbered": ("bernomor", "numbered"),
            "missing": ("TIDAK ADA", "MISSING"),
            "rows": ("baris", "rows"),
            "numbers": ("angka", "numbers"),
            "required_missing": ("kolom wajib tidak ditemukan", "required columns not found"),
            "unparsed": ("tidak terbaca", "unparsed"),
            "other_sheets": ("Lembar lain (disalin apa adanya)", "Other sheets (kept as they are)"),
            "english_notation": ("notasi angka Inggris (1,234.56)", "English number notation (1,234.56)"),
            "role.group": ("kelompok", "group"),
            "role.section": ("judul bagian", "section"),
            "row": ("baris", "row"),
            "children": ("anak", "children"),
            "merged": ("digabung untuk baris", "merged over rows"),
        }.items()
    }
)


# lkj-excel check: usage problems
register(
    {
        "cli.batch_needs_out_dir": (
            "Beberapa berkas atau sebuah folder memerlukan --out-dir (folder hasil).",
            "Several files or a folder need --out-dir (the output folder).",
        ),
        "cli.batch_option": (
            "{option} tidak dipakai dalam mode banyak berkas (--out-dir): hasil tiap buku kerja ada di folder "
            "--out-dir dan rekap.xlsx. Untuk {option}, periksa satu berkas saja.",
            "{option} is not used in batch mode (--out-dir): each workbook's results are in the --out-dir folder "
            "and rekap.xlsx. For {option}, check one file at a time.",
        ),
        "cli.batch_json": (
            "Dalam mode banyak berkas, --json menulis rekap.json di folder --out-dir: tulis --json tanpa nama "
            "berkas (diberikan: {path}).",
            "In batch mode --json writes rekap.json in the --out-dir folder: give --json without a file name "
            "(given: {path}).",
        ),
        "cli.out_dir_is_file": (
            "--out-dir {path} adalah berkas, bukan folder.",
            "--out-dir {path} is a file, not a folder.",
        ),
        "cli.no_output_and_o": (
            "--no-output dan {option} saling bertentangan: pilih salah satu.",
            "--no-output and {option} contradict each other: choose one.",
        ),
        "cli.jobs_single": (
            "--jobs dan --timeout hanya untuk mode banyak berkas (--out-dir).",
            "--jobs and --timeout are only for batch mode (--out-dir).",
        ),
        "cli.suffix": (
            "{option} {path}: akhiran harus {allowed}.",
            "{option} {path}: the file name must end in {allowed}.",
        ),
    }
)
