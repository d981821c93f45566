"""The blank standard workbook an office fills in (`lkj-excel template`)."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

from .spec import TableSpec, load_all, load_aux, narrative_spec
from .write.atomic import atomic_output
from .write.layout import Styles, fit_row_height, table_layout, write_table_frame
from .write.xlsx import new_workbook

PETUNJUK = [
    ("Petunjuk pengisian templat LKjIP", "title"),
    ("", None),
    (
        (
            '1. Satu lembar untuk satu tabel: "Tabel 1.1" sampai "Tabel 3.17". Jangan mengganti nama lembar, '
            'jangan menghapus baris judul kolom maupun baris nomor kolom "(1) (2) …".'
        ),
        None,
    ),
    (
        (
            "2. Isi data mulai baris pertama di bawah baris nomor kolom. Baris boleh ditambah sesuai kebutuhan "
            "(misalnya desa, program, kegiatan)."
        ),
        None,
    ),
    (
        (
            '3. Ketik angka sebagai angka, bukan teks: 2960780030, bukan "Rp 2.960.780.030". Pemisah ribuan dan '
            "desimal mengikuti pengaturan wilayah komputer (Indonesia: 2.960.780.030 dan 88,65)."
        ),
        None,
    ),
    (
        (
            "4. Persentase diketik sebagai angka persen: 88,65 untuk 88,65% (bukan 0,8865). Luas dalam hektare tanpa "
            'satuan "Ha".'
        ),
        None,
    ),
    (
        (
            '5. Ketik "-" (tanda minus) bila tidak ada nilainya; jangan biarkan sel angka kosong bila maksudnya nol '
            "atau tidak ada."
        ),
        None,
    ),
    ('6. Nilai AKIP dengan predikat ditulis "BB (71,00)": huruf predikat lalu nilai dalam kurung.', None),
    (
        (
            '7. Baris jumlah diberi label "Jumlah" (atau "Total" bila sudah tercetak) pada kolom uraian. '
            "Baris yang sudah berlabel (jenis belanja, unsur SKM, aspek AKIP, program, indikator) jangan diubah "
            "labelnya; hapus saja baris yang tidak dipakai."
        ),
        None,
    ),
    (
        (
            '8. Lembar "Info": isi Nama Instansi, Kabupaten dan Tahun laporan (kolom B). Tahun harus sama dengan '
            "tahun pada judul kolom tabel."
        ),
        None,
    ),
    (
        (
            '9. Lembar "Narasi": kolom A "Mengikuti" berisi letak paragraf (misalnya "Bab I" atau "Tabel 3.7"), '
            'kolom B "Paragraf" berisi teks paragrafnya, satu paragraf per baris.'
        ),
        None,
    ),
    ("10. Setelah selesai, simpan sebagai .xlsx lalu periksa dengan perintah:", None),
    ("      lkj-excel check NAMA_BERKAS.xlsx", "code"),
    ("    Hasilnya: daftar temuan dan buku kerja yang sudah dikoreksi dan diberi catatan.", None),
]


def _indicator_rows(spec: TableSpec) -> list[str]:
    """Indicator names pre-filled in a table listing indicators (those its title names, else all)."""
    rows = load_aux("indicators").get("rows", [])
    title = spec.title.upper()
    named = [r for r in rows if re.search(rf"\b{re.escape(r['id'].upper())}\b", title)]
    return [r.get("name") or r["label"][0] for r in (named or rows)]


def template_rows(spec: TableSpec) -> list[tuple[str, str]]:
    """(label, role) rows pre-filled in the key column of the blank table."""
    out: list[tuple[str, str]] = []
    row_set = spec.raw.get("row_set")
    if row_set == "indicators":
        out = [(name, "data") for name in _indicator_rows(spec)]
    elif spec.rows:
        out = [(r.label[0], r.role) for r in spec.rows if r.label]
    if spec.total_columns and not any(role == "total" for _, role in out):
        out.append(("Jumlah", "total"))
    return out


def default_year() -> int:
    return _dt.date.today().year - 1


def write_template(out: Path, force: bool = False, year: int | None = None) -> None:
    """Write the blank standard workbook to `out` (LkjError "out.exists" unless `force`)."""
    year = default_year() if year is None else int(year)
    with atomic_output(Path(out), force) as tmp:
        wb = new_workbook(tmp)
        _build(wb, year)
        wb.close()


def _build(wb: Any, year: int) -> None:
    st = Styles(wb)
    wb.set_properties({"title": "Templat LKjIP", "author": "lkj-excel", "created": _dt.datetime(2000, 1, 1)})
    ws = wb.add_worksheet("Petunjuk")
    ws.set_column(0, 0, 110)
    for r, (text, kind) in enumerate(PETUNJUK):
        if kind == "title":
            ws.write_string(r, 0, text, st.get(bold=True, font_size=13))
        elif kind == "code":
            ws.write_string(r, 0, text, st.get(font_name="Courier New", bold=True))
        elif text:
            ws.write_string(r, 0, text, st.get(text_wrap=True, valign="top"))
            ws.set_row(r, fit_row_height([(text, 110)]))  # LibreOffice does not grow wrapped rows
    _page(ws, landscape=True)

    info = wb.add_worksheet("Info")
    info.set_column(0, 0, 22)
    info.set_column(1, 1, 45)
    lab = st.get(bold=True, border=1, bg_color="#DDEBF7")
    val = st.get(border=1)
    info.write_string(0, 0, "Nama Instansi", lab)
    info.write_blank(0, 1, None, val)
    info.write_string(1, 0, "Kabupaten", lab)
    info.write_blank(1, 1, None, val)
    info.write_string(2, 0, "Tahun", lab)
    info.write_number(2, 1, year, st.get(border=1, align="left"))

    for spec in load_all(year):
        _table_sheet(wb, st, spec)

    nar = wb.add_worksheet(narrative_spec().get("sheet", "Narasi"))
    cols = narrative_spec().get("columns", ["Mengikuti", "Paragraf"])
    nar.write_string(0, 0, cols[0], st.header())
    nar.write_string(0, 1, cols[1], st.header())
    nar.set_column(0, 0, 16)
    nar.set_column(1, 1, 100, st.get(text_wrap=True, valign="top"))
    nar.freeze_panes(1, 0)
    _page(nar, landscape=True)  # both columns on one page
    nar.repeat_rows(0)
    _page(info, landscape=False)
    wb.worksheets()[0].activate()


def _page(ws: Any, landscape: bool) -> None:
    """A4, one page wide, page x of y in the footer (table sheets get theirs from `write_table_frame`)."""
    if landscape:
        ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_footer("&L&8Templat LKjIP (lkj-excel)&R&8Halaman &P dari &N")


def _table_sheet(wb: Any, st: Styles, spec: TableSpec) -> None:
    ws = wb.add_worksheet(spec.sheet)
    lay = table_layout(spec)
    write_table_frame(ws, lay, st)
    ws.set_footer("&L&8Templat LKjIP (lkj-excel)&R&8Halaman &P dari &N")
    key = (
        spec.key if spec.key and lay.has(spec.key) else next((c.id for c in lay.columns if c.spec.kind == "text"), None)
    )
    rows = template_rows(spec)
    r = lay.data_start
    if all(role == "total" for _, role in rows):
        # Free rows (desa, sasaran, …) to type into, above the total row if any.
        for _ in range(5 if not rows else 3):
            for c in lay.columns:
                ws.write_blank(r, c.index, None, st.cell(c.num_format, c.spec.numeric))
            r += 1
    for label, role in rows:
        bold = role in ("subtotal", "total")
        for c in lay.columns:
            fmt = st.cell(c.num_format, c.spec.numeric, bold=bold, fill="#F2F2F2" if role == "total" else None)
            if key and c.id == key:
                ws.write_string(r, c.index, label, fmt)
            else:
                ws.write_blank(r, c.index, None, fmt)
        r += 1
