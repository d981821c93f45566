"""Arithmetic written in the narrative, recomputed."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Cell
from ..narrative.arithmetic import find_arithmetic
from ..numerals import Parsed, format_id
from ..texts import register
from .base import Context, make, rule

register(
    {
        "narrative.arithmetic": (
            'Perhitungan di narasi "{expr}" salah: {a} / {b} × 100 = {computed}%; seharusnya {expected}.',
            'The calculation "{expr}" in the narrative is wrong: {a} / {b} × 100 = {computed}%; it should be '
            "{expected}.",
        ),
    }
)


@rule("N807", "narrative.arithmetic", severity="error", question="narrative")
def arithmetic(ctx: Context) -> Iterator[Finding]:
    """A division written out in the narrative does not give the result written after it.

    "(12 : 5) x 100% = 240%" and "4.125/9.870 = 41,79" are recomputed with
    each figure standing for its printed precision; a bare "a / b = c" may be
    the ratio or the percentage.

    Fails: "(12 : 5) x 100% = 420%" (it is 240%).

        [Narasi]
        | Mengikuti | Paragraf |
        | Tabel 3.2 | Capaian pembinaan kelompok tani dihitung (12 : 5) x 100% = 420%. |
        => N807 at B2

    Passes: "(12 : 5) x 100% = 240%"; "4.125/9.870 = 41,79"; "1/3 = 0,33" (the ratio itself).

        [Narasi]
        | Mengikuti | Paragraf |
        | Tabel 3.2 | Capaian pembinaan kelompok tani dihitung (12 : 5) x 100% = 240%. |
        | Tabel 3.2 | Luas tanam 4.125/9.870 = 41,79 persen dari luas baku; 1/3 = 0,33 pengaduan lewat aplikasi. |
    """
    for p in ctx.wb.paragraphs:
        if "=" not in p.text:
            continue  # every written calculation has its "=" (most paragraphs have none: skip the scan)
        for ar in find_arithmetic(p.text):
            if ar.ok:
                continue
            cell = Cell(p.sheet, p.ref, p.text, p.text, Parsed("text"))
            expected = format_id(ar.expected, ar.decimals, "%")
            yield make(
                "N807",
                "error",
                cell,
                ar.text,
                expected,
                "narrative.arithmetic",
                table="Narasi",
                expr=ar.text,
                a=format_id(ar.a, 3).rstrip("0").rstrip(","),
                b=format_id(ar.b, 3).rstrip("0").rstrip(","),
                computed=format_id(ar.a / ar.b * 100, 4),
            )
