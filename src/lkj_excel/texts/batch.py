"""The batch's texts for the terminal and the rekap: (Bahasa Indonesia, English)."""

from __future__ import annotations

from . import register

register(
    {
        f"batch.{k}": v
        for k, v in {
            # terminal
            "no_files": ("Tidak ada buku kerja untuk diperiksa di {where}.", "No workbooks to check in {where}."),
            "missing": (
                "Tidak ditemukan: {path}. Periksa nama folder atau berkas (salah ketik?).",
                "Not found: {path}. Check the folder or file name (a typo?).",
            ),
            "jobs": (
                "--jobs harus 1 atau lebih (diberikan: {jobs}).",
                "--jobs must be 1 or more (given: {jobs}).",
            ),
            "timeout": (
                "--timeout harus lebih dari 0 detik (diberikan: {timeout}).",
                "--timeout must be more than 0 seconds (given: {timeout}).",
            ),
            "report_kind": (
                "--report dalam mode banyak berkas menentukan jenis laporan per buku kerja: .xlsx, .html atau "
                ".json (diberikan: {value}).",
                "--report in batch mode names the kind of report per workbook: .xlsx, .html or .json (given: {value}).",
            ),
            "out_is_input": (
                "Keluaran {out} sama dengan berkas masukan {input}; tidak ada yang ditulis. Pilih folder "
                "keluaran lain (--out-dir).",
                "Output {out} is the input file {input}; nothing was written. Choose another output folder "
                "(--out-dir).",
            ),
            "exists": (
                "{n} berkas keluaran sudah ada, mis. {path}. Pakai --force untuk menimpanya, atau folder "
                "keluaran lain (--out-dir).",
                "{n} output files exist, e.g. {path}. Use --force to overwrite them, or another output folder "
                "(--out-dir).",
            ),
            "out_dir": ("Folder keluaran {path} tidak dapat dibuat: {detail}", "Cannot create {path}: {detail}"),
            "checking": ("Memeriksa", "Checking"),
            "writing": ("Menulis", "Writing"),
            "done": (
                "{n} buku kerja diperiksa dalam {seconds} detik: {ok} terbaca, {bad} tidak terbaca.",
                "{n} workbooks checked in {seconds} s: {ok} read, {bad} unreadable.",
            ),
            "totals": (
                "Temuan: {error} kesalahan, {warning} peringatan, {info} info ({cross} lintas buku kerja).",
                "Findings: {error} errors, {warning} warnings, {info} info ({cross} across workbooks).",
            ),
            "skipped": ("{n} berkas dilewati:", "{n} files skipped:"),
            "recap_at": ("Rekap: {path}", "Recap: {path}"),
            "interrupted": (
                "Dihentikan (Ctrl-C). Selesai: {checked} dari {n} buku kerja diperiksa, {written} berkas keluaran "
                "ditulis utuh; sisanya dibatalkan, tidak ada berkas setengah jadi. Rekap tidak ditulis.",
                "Interrupted (Ctrl-C). Finished: {checked} of {n} workbooks checked, {written} output files "
                "written whole; the rest was cancelled, no half-written file is left. No recap was written.",
            ),
            "written": ("Sudah ditulis:", "Written:"),
            "more": ("… dan {n} lainnya", "… and {n} more"),
            # why a file was skipped
            "skip.lock": ("berkas kunci Excel/LibreOffice (buku kerja sedang dibuka)", "Excel/LibreOffice lock file"),
            "skip.output": ("keluaran lkj-excel (tidak diperiksa ulang)", "an lkj-excel output (not re-checked)"),
            "skip.csv": (
                "berkas CSV: buka di Excel dan simpan sebagai .xlsx",
                "a CSV file: open it in Excel and save as .xlsx",
            ),
            "skip.other": ("bukan buku kerja Excel", "not an Excel workbook"),
            # why a workbook has no result
            "why.too_big": (
                "Buku kerja terlalu besar: pemeriksaannya melebihi batas memori {mb} MB per buku kerja.",
                "Workbook too large: checking it exceeded the memory limit of {mb} MB per workbook.",
            ),
            "why.killed": (
                "Pemeriksaan dihentikan oleh sistem (sinyal {signal}; biasanya karena memori habis). Buku kerja "
                "lain tetap diperiksa.",
                "The check was stopped by the system (signal {signal}; usually out of memory). The other "
                "workbooks were still checked.",
            ),
            "why.timeout": (
                "Pemeriksaan melebihi batas waktu {seconds} detik per buku kerja (--timeout).",
                "The check took longer than {seconds} s per workbook (--timeout).",
            ),
            "why.failed": (
                "Kesalahan internal saat memeriksa ({detail}); mohon laporkan ke pengembang beserta berkasnya.",
                "Internal error while checking ({detail}); please report it with the file.",
            ),
            # rekap headings
            "h.file": ("Berkas", "File"),
            "h.office": ("Perangkat Daerah", "Office"),
            "h.kabupaten": ("Kabupaten/Kota", "Regency/City"),
            "h.year": ("Tahun", "Year"),
            "h.status": ("Status", "Status"),
            "h.reason": ("Keterangan", "Note"),
            "h.error": ("Kesalahan", "Errors"),
            "h.warning": ("Peringatan", "Warnings"),
            "h.info": ("Info", "Info"),
            "h.penyerapan": ("Penyerapan Anggaran (%)", "Budget absorption (%)"),
            "h.corrected": ("Buku Kerja Terkoreksi", "Corrected workbook"),
            "h.target": ("Target", "Target"),
            "h.realisasi": ("Realisasi", "Result"),
            "h.capaian": ("Capaian (%)", "Achievement (%)"),
            "h.category": ("Kategori", "Category"),
            "h.code": ("Kode", "Code"),
            "h.rule": ("Aturan", "Rule"),
            "h.severity": ("Tingkat", "Severity"),
            "h.table": ("Tabel", "Table"),
            "h.sheet": ("Lembar", "Sheet"),
            "h.cell": ("Sel", "Cell"),
            "h.found": ("Tertulis", "Found"),
            "h.expected": ("Seharusnya", "Expected"),
            "h.message": ("Pesan", "Message"),
            "h.related": ("Sel Terkait", "Related cells"),
            "h.fix": ("Koreksi", "Correction"),
            "h.skip_reason": ("Alasan dilewati", "Why skipped"),
            "sheet.rekap": ("Rekap", "Rekap"),
            "sheet.temuan": ("Temuan", "Temuan"),
            "sheet.grafik": ("Grafik", "Grafik"),
            "sheet.skipped": ("Dilewati", "Skipped"),
            "chart": ("Perbandingan antar perangkat daerah", "Offices compared"),
            "ikm": ("IKM (realisasi)", "IKM (result)"),
            "status.ok": ("terbaca", "read"),
            "status.unreadable": ("tidak terbaca", "unreadable"),
            "status.failed": ("gagal diperiksa", "check failed"),
            "status.too_big": ("terlalu besar", "too large"),
            "status.killed": ("dihentikan", "stopped"),
            "status.timeout": ("waktu habis", "timed out"),
            "footer": (
                "&L{title}&CHasil pemeriksaan lkj-excel&RHalaman &P dari &N",
                "&L{title}&Clkj-excel check results&RPage &P of &N",
            ),
        }.items()
    }
)
