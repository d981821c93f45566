"""Narrative rules: every figure a paragraph states is checked against the tables.

The matching itself lives in ``lkj_excel.narrative.resolve``; these rules only
turn its verdicts into findings. A paragraph with several corrections gets the
same fully corrected text as the fix of each of its findings.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Cell, Paragraph, Workbook
from ..narrative.resolve import Analysis, ClaimResult, analyse
from ..numerals import Parsed
from ..texts import both, register
from .base import Context, make, rule

NARASI = "Narasi"

# (indonesian, english) name of each typing error of a narrative figure, from the texts catalog
_EDIT_NAMES = ("inserted digit", "dropped digit", "replaced digit", "swapped digits", "shifted decimal separator")
EDITS = {e: both(f"narrative_edit.{e}") for e in (*_EDIT_NAMES, "separator typo")}

register(
    {
        "narrative.contradicted": (
            "Paragraf menulis {found}, padahal {what} ({source}) adalah {expected}{edit_id}.",
            "The paragraph says {found}, but {what_en} ({source}) is {expected}{edit_en}.",
        ),
        "narrative.malformed_number": (
            "Angka {found} salah format: pemisah ribuan dan desimal tertukar; maksudnya {expected}{source_id}.",
            "The figure {found} is malformed (thousands and decimal separators mixed up); it should read "
            + "{expected}{source_en}.",
        ),
        "narrative.table_reference": (
            'Paragraf merujuk "{found}" di atas, padahal tabel tepat di atasnya adalah {expected}{edit_id}.',
            'The paragraph refers to "{found}" above, but the table right above it is {expected}{edit_en}.',
        ),
        "narrative.direction": (
            'Pernyataan "{found}" tidak sesuai tabel: {detail_id}.',
            'The statement "{found}" contradicts the tables: {detail_en}.',
        ),
        "narrative.unverifiable": (
            "Angka {found} tidak ditemukan di tabel mana pun.",
            "The figure {found} matches no table figure.",
        ),
        "narrative.repeats_wrong_total": (
            "Paragraf mengulang jumlah {found} dari {source}, padahal penjumlahan barisnya {expected}.",
            "The paragraph repeats the total {found} of {source}, but its rows add up to {expected}.",
        ),
    }
)


def narrative_analysis(ctx: Context) -> Analysis:
    a = ctx.cache.get("narrative.analysis")
    if a is None:
        a = analyse(ctx.wb)
        ctx.cache["narrative.analysis"] = a
    return a


def _cell(p: Paragraph) -> Cell:
    return Cell(p.sheet, p.ref, p.text, p.text, Parsed("text"))


def _source(r: ClaimResult) -> str:
    f = r.figure
    if f is None:
        return ""
    cells = ", ".join(c.address for c in f.cells[:3])
    return cells or f"Tabel {f.table}"


def _what(r: ClaimResult, wb: Workbook | None = None) -> tuple[str, str]:
    f = r.figure
    if f is None:
        return "angka tabel", "the table figure"
    if wb is not None and f.table in wb.tables and wb.tables[f.table].spec.has_column(f.column):
        f_column = wb.tables[f.table].spec.column(f.column).display
    else:
        f_column = f.column
    row = f.row_label.split(" — ")[0] if f.row_label else ""
    if f.kind == "difference":
        return (
            f"selisih {f.desc}" + (f" {row}" if row else ""),
            f"the difference {f.desc}" + (f" for {row}" if row else ""),
        )
    if f.kind == "ratio":
        return (
            f"persentase {f.desc}" + (f" {row}" if row else ""),
            f"the percentage {f.desc}" + (f" for {row}" if row else ""),
        )
    if f.kind == "average":
        return f"rata-rata kolom {f_column}", f"the mean of column {f_column}"
    if f.kind == "share":
        return f"porsi {f.desc}", f"the share {f.desc}"
    return (f"kolom {f_column}" + (f" {row}" if row else ""), f"column {f_column}" + (f" for {row}" if row else ""))


@rule("N801", "narrative.contradicted", severity="error", question="narrative")
def contradicted(ctx: Context) -> Iterator[Finding]:
    """A figure in a paragraph that no table figure agrees with, where the table shows what was meant.

    Either a figure of the same kind in the table the paragraph follows (or
    names) is a typing slip of it — a digit inserted, dropped, swapped or
    replaced, a shifted decimal separator, a separator typo — or the
    paragraph names a quantity the table fixes ("selisih antara target dan
    realisasi", "prosentase capaian" of the indicator it discusses). Agreement
    is precision-aware: the claim's rounding interval must overlap the
    interval the table figures stand for at their own printed precision.
    The fix is the whole paragraph with every correction made in place.

    Fails: "801,15" where Tabel 3.2 gives the IKM realisasi 80,15 (a digit inserted).

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja                | Satuan | Target | Realisasi | Capaian (%) |
        | 1  | Kepuasan          | Indeks Kepuasan Masyarakat (IKM) | Nilai  | 85,00  | 80,15     | 94,29       |
        [Narasi]
        | Mengikuti | Paragraf                                |
        | Tabel 3.2 | Realisasi IKM tahun ini sebesar 801,15. |
        => N801 at B2

    Passes: the paragraph repeats 80,15.

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja                | Satuan | Target | Realisasi | Capaian (%) |
        | 1  | Kepuasan          | Indeks Kepuasan Masyarakat (IKM) | Nilai  | 85,00  | 80,15     | 94,29       |
        [Narasi]
        | Mengikuti | Paragraf                               |
        | Tabel 3.2 | Realisasi IKM tahun ini sebesar 80,15. |
    """  # noqa: E501 -- catalog text (docs/rules.md); the first line is the summary
    a = narrative_analysis(ctx)
    for r in a.results:
        if r.status != "contradicted" or r.reason not in ("typo", "known"):
            continue
        what_id, what_en = _what(r, ctx.wb)
        e_id, e_en = EDITS.get(r.edit or "", (None, None))
        yield make(
            "N801",
            "error",
            _cell(r.paragraph),
            r.claim.raw,
            r.expected_text,
            "narrative.contradicted",
            table=NARASI,
            related=r.cells,
            fix=a.corrected.get(r.paragraph.ref),
            what=what_id,
            what_en=what_en,
            source=_source(r),
            edit_id=f" (kemungkinan {e_id})" if e_id else "",
            edit_en=f" (likely {e_en})" if e_en else "",
        )


@rule("N802", "narrative.malformed_number", severity="error", question="narrative")
def malformed_number(ctx: Context) -> Iterator[Finding]:
    """A figure in a paragraph whose thousands and decimal separators are mixed up.

    An error when the corrected reading is a table figure, a warning otherwise.
    The fix is the whole paragraph with the figure rewritten in Indonesian notation.

    Fails: "Rp. 2.960.780,030,-" mixes the separators; read as 2.960.780.030 it is Tabel 3.16's anggaran.

        [Tabel 3.16]
        | No | Uraian Belanja  | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Belanja Operasi | 2.960.780.030 | 2.798.994.761  | 94,54          |
        [Narasi]
        | Mengikuti  | Paragraf                                           |
        | Tabel 3.16 | Pagu anggaran tahun ini sebesar Rp. 2.960.780,030,-. |
        => N802 at B2

    Passes: "Rp. 2.960.780.030,00".

        [Tabel 3.16]
        | No | Uraian Belanja  | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Belanja Operasi | 2.960.780.030 | 2.798.994.761  | 94,54          |
        [Narasi]
        | Mengikuti  | Paragraf                                              |
        | Tabel 3.16 | Pagu anggaran tahun ini sebesar Rp. 2.960.780.030,00. |
    """
    a = narrative_analysis(ctx)
    for r in a.results:
        if r.reason != "malformed":
            continue
        src = _source(r)
        yield make(
            "N802",
            "error" if r.figure is not None else "warning",
            _cell(r.paragraph),
            r.claim.raw,
            r.expected_text,
            "narrative.malformed_number",
            table=NARASI,
            related=r.cells,
            fix=a.corrected.get(r.paragraph.ref),
            source_id=f", sama dengan {src}" if src else "",
            source_en=f", as in {src}" if src else "",
        )


@rule("N803", "narrative.table_reference", severity="warning", question="narrative")
def table_reference(ctx: Context) -> Iterator[Finding]:
    """A paragraph that points at a table "di atas"/"sebelumnya" must name the table it follows.

    The table just before that one is accepted too when no paragraph sits
    between the two. The expected table is the one the paragraph follows; a
    digit slip (3.6 for 3.16) is named. The fix is the corrected paragraph.

    Fails: "tabel 3.6 di atas" in a paragraph that follows Tabel 3.16 (a digit dropped).

        [Tabel 3.16]
        | No | Uraian Belanja  | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Belanja Operasi | 2.960.780.030 | 2.798.994.761  | 94,54          |
        [Narasi]
        | Mengikuti  | Paragraf                                                        |
        | Tabel 3.16 | Dari tabel 3.6 di atas, realisasi belanja operasi sebesar 94,54%. |
        => N803 at B2

    Passes: "tabel 3.16 di atas" after Tabel 3.16.

        [Tabel 3.16]
        | No | Uraian Belanja  | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Belanja Operasi | 2.960.780.030 | 2.798.994.761  | 94,54          |
        [Narasi]
        | Mengikuti  | Paragraf                                                         |
        | Tabel 3.16 | Dari tabel 3.16 di atas, realisasi belanja operasi sebesar 94,54%. |
    """
    a = narrative_analysis(ctx)
    for ri in a.refs:
        e_id, e_en = EDITS.get(ri.edit or "", (None, None))
        yield make(
            "N803",
            "warning",
            _cell(ri.paragraph),
            f"Tabel {ri.ref.table_id}",
            f"Tabel {ri.expected}",
            "narrative.table_reference",
            table=NARASI,
            fix=a.corrected.get(ri.paragraph.ref),
            edit_id=f" (kemungkinan {e_id})" if e_id else "",
            edit_en=f" (likely {e_en})" if e_en else "",
        )


@rule("N804", "narrative.direction", severity="warning", question="narrative")
def direction(ctx: Context) -> Iterator[Finding]:
    """A statement of direction or rank that the tables contradict.

    Checked: "peningkatan/penurunan sebesar X dibandingkan tahun Y" against the
    sign of the year difference; "tertinggi/terendah" against the column (or the
    row's years); "semuanya di atas/di bawah X%" against every row of the table.

    Fails: "semuanya di atas 95%" while one program absorbed 90,00%.

        [Tabel 3.17]
        | No | Program      | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Penunjang    | 2.746.175.328 | 2.610.761.561  | 95,07          |
        | 2  | Pemberdayaan | 69.850.000    | 62.865.000     | 90,00          |
        [Narasi]
        | Mengikuti  | Paragraf                                                    |
        | Tabel 3.17 | Penyerapan anggaran seluruh program semuanya di atas 95%.   |
        => N804 at B2

    Passes: the same sentence with every program above 95%.

        [Tabel 3.17]
        | No | Program      | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Penunjang    | 2.746.175.328 | 2.610.761.561  | 95,07          |
        | 2  | Pemberdayaan | 69.850.000    | 68.535.700     | 98,12          |
        [Narasi]
        | Mengikuti  | Paragraf                                                    |
        | Tabel 3.17 | Penyerapan anggaran seluruh program semuanya di atas 95%.   |
    """
    a = narrative_analysis(ctx)
    for d in a.directions:
        yield make(
            "N804",
            "warning",
            _cell(d.paragraph),
            d.raw,
            None,
            "narrative.direction",
            table=NARASI,
            related=d.cells,
            detail_id=d.detail_id,
            detail_en=d.detail_en,
        )


@rule("N805", "narrative.unverifiable", severity="info", question="narrative")
def unverifiable(ctx: Context) -> Iterator[Finding]:
    """A figure in a paragraph that no table figure, nor any figure derived from them, speaks of.

    Years, ordinals, legal references and counts no table holds are left out.

    Fails: "64%" of land owned by PTPN: no table holds land ownership.

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja                | Satuan | Target | Realisasi | Capaian (%) |
        | 1  | Kepuasan          | Indeks Kepuasan Masyarakat (IKM) | Nilai  | 85,00  | 80,15     | 94,29       |
        [Narasi]
        | Mengikuti | Paragraf                                                         |
        | Tabel 3.2 | Sekitar 64% lahan di kecamatan merupakan milik PTPN.             |
        => N805 at B2

    Passes: a figure a table holds (the IKM capaian of Tabel 3.2).

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja                | Satuan | Target | Realisasi | Capaian (%) |
        | 1  | Kepuasan          | Indeks Kepuasan Masyarakat (IKM) | Nilai  | 85,00  | 80,15     | 94,29       |
        [Narasi]
        | Mengikuti | Paragraf                                                         |
        | Tabel 3.2 | Capaian IKM tahun ini sebesar 94,29%.                            |
    """
    a = narrative_analysis(ctx)
    for r in a.results:
        if r.status == "unverifiable":
            yield make("N805", "info", _cell(r.paragraph), r.claim.raw, None, "narrative.unverifiable", table=NARASI)


@rule("N806", "narrative.repeats_wrong_total", severity="warning", question="narrative")
def repeats_wrong_total(ctx: Context) -> Iterator[Finding]:
    """A paragraph repeats a printed table total that its rows do not add up to.

    The sum is recomputed from the table's data rows; expected is that sum.

    Fails: the paragraph repeats the printed total 6.434, while the rows add up to 6.431.

        [Tabel 1.2]
        | No | Desa   | Penduduk |       |       |
        |    |        | L        | P     | L+P   |
        | 1  | Alpha  | 1.570    | 1.767 | 3.337 |
        | 2  | Beta   | 1.447    | 1.647 | 3.094 |
        | Jumlah |    | 3.017    | 3.414 | 6.434 |
        merged: C1:E1
        [Narasi]
        | Mengikuti | Paragraf                                       |
        | Tabel 1.2 | Total jumlah penduduk sebesar 6.434 jiwa.      |
        => N806 at B2

    Passes: the paragraph repeats a total the rows add up to.

        [Tabel 1.2]
        | No | Desa   | Penduduk |       |       |
        |    |        | L        | P     | L+P   |
        | 1  | Alpha  | 1.570    | 1.767 | 3.337 |
        | 2  | Beta   | 1.447    | 1.647 | 3.094 |
        | Jumlah |    | 3.017    | 3.414 | 6.431 |
        merged: C1:E1
        [Narasi]
        | Mengikuti | Paragraf                                       |
        | Tabel 1.2 | Total jumlah penduduk sebesar 6.431 jiwa.      |
    """
    a = narrative_analysis(ctx)
    for r in a.results:
        if r.reason != "wrong_total" or r.figure is None or r.intended is None:
            continue
        yield make(
            "N806",
            "warning",
            _cell(r.paragraph),
            r.claim.raw,
            r.expected_text,
            "narrative.repeats_wrong_total",
            table=NARASI,
            related=r.cells,
            fix=a.corrected.get(r.paragraph.ref),
            source=_source(r),
        )


__all__ = ["EDITS"]
