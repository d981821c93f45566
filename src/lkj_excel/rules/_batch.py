"""Checks across workbooks (batch mode only).

These rules compare several offices' workbooks, so they cannot run on one
workbook: `lkj_excel.batch` runs them after every workbook of a batch has been
checked (see `batch.cross_checks`). They are registered in the catalog — code,
name, documentation — when `lkj_excel.batch` is imported; the module name
starts with an underscore so that `rules.load_rules()` does not import it for a
single-workbook check. Their catalog functions yield nothing on one workbook.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding
from ..messages import register
from .base import RULES, Context, rule

PEER_CODE = "W901"
PEER_RULE = "batch.peer_figures"
SCALES_CODE = "W902"
SCALES_RULE = "batch.scales"


def _register() -> None:
    if PEER_CODE in RULES:
        return

    @rule(PEER_CODE, PEER_RULE, severity="warning", question="crosstable", runs="batch")
    def peer_figures(ctx: Context) -> Iterable[Finding]:
        """Tabel 3.12 prints a peer kecamatan's target or realisasi that differs from the peer's own workbook
        (Tabel 3.2, else Tabel 3.9, same indicator and year), at printed precision. Batch mode only: the peer's
        workbook must be in the same batch (its office matches the peer's name, "Kecamatan" left out).

        Fails: sei_balai.xlsx Tabel 3.12!G7 prints Datuk Tanah Datar's IKM realisasi 2024 as 98,20; the batch
        also holds datuk_tanah_datar.xlsx, whose Tabel 3.2!F6 prints 97,10.
        Passes: both print 98,20 (or 98,2 against 98,20: equal at the coarser printed precision).
        """
        return ()

    @rule(SCALES_CODE, SCALES_RULE, severity="info", question="arithmetic", runs="batch")
    def scales(ctx: Context) -> Iterable[Finding]:
        """Offices of the same kabupaten and year print different reference scales in Tabel 3.1 (capaian),
        3.4 (IKM mutu) or 3.6 (AKIP predikat). Info; batch mode only. The office whose printed scale differs
        from the one most offices print is reported, naming the other office's cell.

        Fails: two kecamatan of Batu Bara 2024 print "88,31-100" and "88,00-100" for mutu A in Tabel 3.4.
        Passes: every office of Batu Bara 2024 prints the same intervals and labels.
        """
        return ()


register(
    {
        PEER_RULE: (
            "{file}:{sheet}!{cell} (Tabel 3.12) mencetak {what} {peer} tahun {year} = {found}, tetapi buku kerja "
            "{peer} sendiri mencetak {expected} di {other}. Samakan angka pembanding dengan laporan kecamatan "
            "tersebut.",
            "{file}:{sheet}!{cell} (Tabel 3.12) prints {peer}'s {what} for {year} as {found}, but {peer}'s own "
            "workbook prints {expected} at {other}. Make the comparison figure agree with that office's report.",
        ),
        SCALES_RULE: (
            "Skala Tabel {tid} di {file}:{sheet}!{cell} ({label}: {found}) berbeda dengan {other_file} "
            "({expected} di {other}); kantor lain di {kabupaten} tahun {year} memakai skala yang sama — "
            "periksa skala acuan.",
            "The Tabel {tid} scale at {file}:{sheet}!{cell} ({label}: {found}) differs from {other_file} "
            "({expected} at {other}); other offices of {kabupaten} in {year} print one scale — check the "
            "reference scale.",
        ),
    }
)
