"""Survei Kepuasan Masyarakat (PermenPANRB 14/2017): NRR tertimbang, IKM, ranges, mutu.

NRR tertimbang = Σ NRR_i × 1/9 over the 9 unsur; IKM = NRR tertimbang × 25.
Each printed NRR stands for its rounding interval, so the recomputation is an
interval: a printed 3,01 NRR tertimbang and 75,35 IKM are consistent although
3,01 × 25 = 75,25, because 3,01 stands for [3,005; 3,015].
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding
from ..model import Cell, Table
from ..numerals import format_id
from ..precision import Interval, consistent, half_unit, round_half_up
from ..spec_checks import Check
from ..texts import register
from .base import Context, make, rule
from .categories import category_text, checks_of, col_id, get_scale, judge_category

N_UNSUR = 9
# Penimbang printed rounded in some guides; a total that fits only one of these is a warning.
ROUNDED_WEIGHTS = (0.111, 0.11, 0.1111)


def _skm(ctx: Context) -> Iterable[tuple[Table, Check, str, list[Cell], list[float], list[str]]]:
    """(table, check, value column, unsur cells with a value, their values, ids of unsur missing)."""
    for t, chk in checks_of(ctx, "skm"):
        vcol = col_id(ctx, chk.get("value", "nilai"))
        cells: list[Cell] = []
        values: list[float] = []
        missing: list[str] = []
        for uid in chk.get("unsur", []):
            r = t.row(uid)
            c = r.get(vcol) if r is not None else None
            v = c.value if c is not None else None
            if c is None or v is None:
                missing.append(uid)
            else:
                cells.append(c)
                values.append(v)
        yield t, chk, vcol, cells, values, missing


def _outside(v: float, decimals: int | None, lo: float, hi: float) -> bool:
    """No true value the printed `v` stands for ([v - h, v + h), h half a unit of its last printed decimal)
    lies in [lo, hi]: the range check without a float guard, the half unit dwarfs any representation error."""
    h = half_unit(decimals)
    return v + h <= lo or v - h > hi


def _info_cell(t: Table, chk: Check, key: str, vcol: str) -> Cell | None:
    rid = chk.get(key)
    r = t.row(rid) if rid else None
    return r.get(vcol) if r is not None else None


def _sum(cells: list[Cell], values: list[float]) -> Interval:
    """Σ of the intervals the printed NRR stand for (`interval_of(c, False)`, the values already known)."""
    total = Interval.exact(0.0)
    for c, v in zip(cells, values, strict=True):
        total = total + Interval.printed(v, c.decimals)
    return total


def _f(v: float, d: int = 4) -> str:
    return format_id(v, d)


@rule("S401", "skm.nrr_tertimbang", severity="error", question="arithmetic")
def skm_nrr_tertimbang(ctx: Context) -> Iterable[Finding]:
    """The printed Jumlah NRR Tertimbang is not Σ NRR × 1/9 over the 9 unsur at printed precision.

    A total that fits only the rounded penimbang 0,111 (or 0,11) instead of
    1/9 is a warning: the rounded weight lowers the IKM by about 0,1 point.

    Fails: NRR tertimbang 3,10 while Σ NRR / 9 = 3,0167.

        [Tabel 3.3]
        | No | Unsur                                   | NRR  |
        | 1  | Persyaratan                             | 3,00 |
        | 2  | Sistem, Mekanisme dan Prosedur          | 3,01 |
        | 3  | Waktu Penyelesaian                      | 3,00 |
        | 4  | Biaya/Tarif                             | 3,99 |
        | 5  | Produk Spesifikasi Jenis Pelayanan      | 3,01 |
        | 6  | Kompetensi Pelaksana                    | 3,02 |
        | 7  | Perilaku Pelaksana                      | 3,08 |
        | 8  | Sarana dan Prasarana                    | 3,01 |
        | 9  | Penanganan Pengaduan, Saran dan Masukan | 2,03 |
        |    | Jumlah NRR Tertimbang                   | 3,10 |
        |    | IKM Unit Pelayanan                      | 75,35 |
        |    | Mutu Pelayanan                          | C |
        |    | Kinerja Unit Pelayanan                  | Kurang Baik |
        => S401 at C11

    Passes: NRR tertimbang 3,02 (3,01 would pass too: each NRR stands for ± 0,005, Σ/9 for 3,0167 ± 0,005).

        [Tabel 3.3]
        | No | Unsur                                   | NRR  |
        | 1  | Persyaratan                             | 3,00 |
        | 2  | Sistem, Mekanisme dan Prosedur          | 3,01 |
        | 3  | Waktu Penyelesaian                      | 3,00 |
        | 4  | Biaya/Tarif                             | 3,99 |
        | 5  | Produk Spesifikasi Jenis Pelayanan      | 3,01 |
        | 6  | Kompetensi Pelaksana                    | 3,02 |
        | 7  | Perilaku Pelaksana                      | 3,08 |
        | 8  | Sarana dan Prasarana                    | 3,01 |
        | 9  | Penanganan Pengaduan, Saran dan Masukan | 2,03 |
        |    | Jumlah NRR Tertimbang                   | 3,02 |
        |    | IKM Unit Pelayanan                      | 75,35 |
        |    | Mutu Pelayanan                          | C |
        |    | Kinerja Unit Pelayanan                  | Kurang Baik |
    """
    for t, chk, vcol, cells, values, missing in _skm(ctx):
        out = _info_cell(t, chk, "nrr_tertimbang", vcol)
        if out is None or out.value is None or missing:
            continue
        s = _sum(cells, values)
        iv = s.scale(1 / N_UNSUR)
        if consistent(out.value, out.decimals, iv):
            continue
        exact = sum(values) / N_UNSUR
        fix = round_half_up(exact, out.decimals)
        for w in ROUNDED_WEIGHTS:
            if consistent(out.value, out.decimals, s.scale(w)):
                yield make(
                    "S401",
                    "warning",
                    out,
                    out.text,
                    out.fmt(fix),
                    "skm.nrr.weight",
                    t,
                    related=cells,
                    fix=fix,
                    weight=format_id(w, len(str(w)) - 2),
                    computed=_f(exact),
                )
                break
        else:
            yield make(
                "S401",
                "error",
                out,
                out.text,
                out.fmt(fix),
                "skm.nrr",
                t,
                related=cells,
                fix=fix,
                total=_f(sum(values), 2),
                computed=_f(exact),
            )


@rule("S402", "skm.ikm", severity="error", question="arithmetic")
def skm_ikm(ctx: Context) -> Iterable[Finding]:
    """The printed IKM is not NRR tertimbang × 25, recomputed from the unsur NRR and from the printed NRR tertimbang, at printed precision.

    Fails: NRR tertimbang 3,01 with IKM 76,35 (3,01 stands for [3,005; 3,015], × 25 = [75,125; 75,375]).

        [Tabel 3.3]
        | No | Unsur                                   | NRR  |
        | 1  | Persyaratan                             | 3,00 |
        | 2  | Sistem, Mekanisme dan Prosedur          | 3,01 |
        | 3  | Waktu Penyelesaian                      | 3,00 |
        | 4  | Biaya/Tarif                             | 3,99 |
        | 5  | Produk Spesifikasi Jenis Pelayanan      | 3,01 |
        | 6  | Kompetensi Pelaksana                    | 3,02 |
        | 7  | Perilaku Pelaksana                      | 3,08 |
        | 8  | Sarana dan Prasarana                    | 3,01 |
        | 9  | Penanganan Pengaduan, Saran dan Masukan | 2,03 |
        |    | Jumlah NRR Tertimbang                   | 3,01 |
        |    | IKM Unit Pelayanan                      | 76,35 |
        |    | Mutu Pelayanan                          | C |
        |    | Kinerja Unit Pelayanan                  | Kurang Baik |
        => S402 at C12

    Passes: NRR tertimbang 3,01 with IKM 75,35, although 3,01 × 25 = 75,25.

        [Tabel 3.3]
        | No | Unsur                                   | NRR  |
        | 1  | Persyaratan                             | 3,00 |
        | 2  | Sistem, Mekanisme dan Prosedur          | 3,01 |
        | 3  | Waktu Penyelesaian                      | 3,00 |
        | 4  | Biaya/Tarif                             | 3,99 |
        | 5  | Produk Spesifikasi Jenis Pelayanan      | 3,01 |
        | 6  | Kompetensi Pelaksana                    | 3,02 |
        | 7  | Perilaku Pelaksana                      | 3,08 |
        | 8  | Sarana dan Prasarana                    | 3,01 |
        | 9  | Penanganan Pengaduan, Saran dan Masukan | 2,03 |
        |    | Jumlah NRR Tertimbang                   | 3,01 |
        |    | IKM Unit Pelayanan                      | 75,35 |
        |    | Mutu Pelayanan                          | C |
        |    | Kinerja Unit Pelayanan                  | Kurang Baik |
    """  # noqa: E501 -- catalog text (docs/rules.md); the first line is the summary
    for t, chk, vcol, cells, values, missing in _skm(ctx):
        ikm = _info_cell(t, chk, "ikm", vcol)
        if ikm is None or ikm.value is None:
            continue
        nrr_t = _info_cell(t, chk, "nrr_tertimbang", vcol)
        if not missing:
            s = _sum(cells, values)
            exact = sum(values) / N_UNSUR * 25
            fix = round_half_up(exact, ikm.decimals)
            if not consistent(ikm.value, ikm.decimals, s.scale(25 / N_UNSUR)):
                w = next((w for w in ROUNDED_WEIGHTS if consistent(ikm.value, ikm.decimals, s.scale(w * 25))), None)
                if w is not None:
                    yield make(
                        "S402",
                        "warning",
                        ikm,
                        ikm.text,
                        ikm.fmt(fix),
                        "skm.ikm.weight",
                        t,
                        related=cells,
                        fix=fix,
                        weight=format_id(w, len(str(w)) - 2),
                        computed=_f(exact),
                    )
                else:
                    yield make(
                        "S402",
                        "error",
                        ikm,
                        ikm.text,
                        ikm.fmt(fix),
                        "skm.ikm",
                        t,
                        related=cells,
                        fix=fix,
                        computed=_f(exact),
                    )
                continue
        if nrr_t is not None and nrr_t.value is not None:
            iv = Interval.printed(nrr_t.value, nrr_t.decimals).scale(25)  # interval_of(nrr_t, False)
            if not consistent(ikm.value, ikm.decimals, iv):
                fix = round_half_up(nrr_t.value * 25, ikm.decimals)
                yield make(
                    "S402",
                    "error",
                    ikm,
                    ikm.text,
                    ikm.fmt(fix),
                    "skm.ikm.nrr_t",
                    t,
                    related=[nrr_t],
                    fix=None if not missing else fix,
                    nrr_t=nrr_t.text,
                    lo=_f(iv.lo, (nrr_t.decimals or 0) + 1),
                    hi=_f(iv.hi, (nrr_t.decimals or 0) + 1),
                )


@rule("S403", "skm.range", severity="error", question="arithmetic")
def skm_range(ctx: Context) -> Iterable[Finding]:
    """An NRR outside 1–4, an IKM outside 25–100, or an unsur of the 9 missing from the SKM table.

    Fails: NRR 4,12 for Biaya/Tarif (an NRR lies between 1 and 4).

        [Tabel 3.3]
        | No | Unsur                                   | NRR  |
        | 1  | Persyaratan                             | 3,00 |
        | 2  | Sistem, Mekanisme dan Prosedur          | 3,01 |
        | 3  | Waktu Penyelesaian                      | 3,00 |
        | 4  | Biaya/Tarif                             | 4,12 |
        | 5  | Produk Spesifikasi Jenis Pelayanan      | 3,01 |
        | 6  | Kompetensi Pelaksana                    | 3,02 |
        | 7  | Perilaku Pelaksana                      | 3,08 |
        | 8  | Sarana dan Prasarana                    | 3,01 |
        | 9  | Penanganan Pengaduan, Saran dan Masukan | 2,03 |
        |    | Jumlah NRR Tertimbang                   | 3,01 |
        |    | IKM Unit Pelayanan                      | 75,35 |
        |    | Mutu Pelayanan                          | C |
        |    | Kinerja Unit Pelayanan                  | Kurang Baik |
        => S403 at C5

    Passes: the 9 unsur with NRR between 2,03 and 3,99 and IKM 75,35.

        [Tabel 3.3]
        | No | Unsur                                   | NRR  |
        | 1  | Persyaratan                             | 3,00 |
        | 2  | Sistem, Mekanisme dan Prosedur          | 3,01 |
        | 3  | Waktu Penyelesaian                      | 3,00 |
        | 4  | Biaya/Tarif                             | 3,99 |
        | 5  | Produk Spesifikasi Jenis Pelayanan      | 3,01 |
        | 6  | Kompetensi Pelaksana                    | 3,02 |
        | 7  | Perilaku Pelaksana                      | 3,08 |
        | 8  | Sarana dan Prasarana                    | 3,01 |
        | 9  | Penanganan Pengaduan, Saran dan Masukan | 2,03 |
        |    | Jumlah NRR Tertimbang                   | 3,01 |
        |    | IKM Unit Pelayanan                      | 75,35 |
        |    | Mutu Pelayanan                          | C |
        |    | Kinerja Unit Pelayanan                  | Kurang Baik |
    """
    for t, chk, vcol, cells, values, missing in _skm(ctx):
        for c, v in zip(cells, values, strict=True):
            if _outside(v, c.decimals, 1.0, 4.0):
                yield make("S403", "error", c, c.text, "1–4", "skm.range.nrr", t)
        ikm = _info_cell(t, chk, "ikm", vcol)
        if ikm is not None and ikm.value is not None and _outside(ikm.value, ikm.decimals, 25.0, 100.0):
            yield make("S403", "error", ikm, ikm.text, "25–100", "skm.range.ikm", t)
        nrr_t = _info_cell(t, chk, "nrr_tertimbang", vcol)
        if nrr_t is not None and nrr_t.value is not None and _outside(nrr_t.value, nrr_t.decimals, 1.0, 4.0):
            yield make("S403", "error", nrr_t, nrr_t.text, "1–4", "skm.range.nrr", t)
        if missing:
            labels = []
            for uid in missing:
                rs = next((r for r in t.spec.rows if r.id == uid), None)
                labels.append(rs.label[0] if rs is not None and rs.label else uid)
            anchor = cells[-1] if cells else ikm or nrr_t
            if anchor is None:
                continue
            yield make(
                "S403",
                "warning",
                anchor,
                str(len(cells)),
                str(N_UNSUR),
                "skm.missing",
                t,
                n=len(cells),
                unsur=", ".join(labels),
            )


@rule("S404", "skm.mutu", severity="error", question="arithmetic")
def skm_mutu(ctx: Context) -> Iterable[Finding]:
    """The printed Mutu Pelayanan or Kinerja Unit Pelayanan does not match the category of the IKM.

    The workbook's printed IKM scale (Tabel 3.4) is used where present, else
    PermenPANRB 14/2017: 65,00–76,60 C Kurang Baik, 76,61–88,30 B Baik.

    Fails: IKM 75,35 with Mutu "B" (75,35 is C, Kurang Baik, on PermenPANRB 14/2017).

        [Tabel 3.3]
        | No | Unsur                                   | NRR  |
        | 1  | Persyaratan                             | 3,00 |
        | 2  | Sistem, Mekanisme dan Prosedur          | 3,01 |
        | 3  | Waktu Penyelesaian                      | 3,00 |
        | 4  | Biaya/Tarif                             | 3,99 |
        | 5  | Produk Spesifikasi Jenis Pelayanan      | 3,01 |
        | 6  | Kompetensi Pelaksana                    | 3,02 |
        | 7  | Perilaku Pelaksana                      | 3,08 |
        | 8  | Sarana dan Prasarana                    | 3,01 |
        | 9  | Penanganan Pengaduan, Saran dan Masukan | 2,03 |
        |    | Jumlah NRR Tertimbang                   | 3,01 |
        |    | IKM Unit Pelayanan                      | 75,35 |
        |    | Mutu Pelayanan                          | B |
        |    | Kinerja Unit Pelayanan                  | Kurang Baik |
        => S404 at C13

    Passes: IKM 75,35 with Mutu "C" and Kinerja "Kurang Baik".

        [Tabel 3.3]
        | No | Unsur                                   | NRR  |
        | 1  | Persyaratan                             | 3,00 |
        | 2  | Sistem, Mekanisme dan Prosedur          | 3,01 |
        | 3  | Waktu Penyelesaian                      | 3,00 |
        | 4  | Biaya/Tarif                             | 3,99 |
        | 5  | Produk Spesifikasi Jenis Pelayanan      | 3,01 |
        | 6  | Kompetensi Pelaksana                    | 3,02 |
        | 7  | Perilaku Pelaksana                      | 3,08 |
        | 8  | Sarana dan Prasarana                    | 3,01 |
        | 9  | Penanganan Pengaduan, Saran dan Masukan | 2,03 |
        |    | Jumlah NRR Tertimbang                   | 3,01 |
        |    | IKM Unit Pelayanan                      | 75,35 |
        |    | Mutu Pelayanan                          | C |
        |    | Kinerja Unit Pelayanan                  | Kurang Baik |
    """
    for t, chk, vcol, _cells, _values, _missing in _skm(ctx):
        ikm = _info_cell(t, chk, "ikm", vcol)
        sc = get_scale(ctx, chk.get("scale", "ikm"))
        if ikm is None or ikm.value is None or sc is None:
            continue
        for key in ("mutu", "kinerja"):
            c = _info_cell(t, chk, key, vcol)
            if c is None or not c.text:
                continue
            verdict, best, _ = judge_category(sc, ikm, c.text)
            if verdict == "ok" or best is None:
                continue
            right = category_text(best, c.text)
            yield make(
                "S404",
                "error" if verdict == "wrong" else "warning",
                c,
                c.text,
                right,
                f"skm.{key}",
                t,
                related=[ikm],
                fix=right if verdict == "wrong" else None,
                ikm=ikm.text,
                band=best.text or best.label,
                source=sc.table.sheet if sc.table is not None else "PermenPANRB 14/2017",
            )


register(
    {
        "skm.nrr": (
            (
                "Jumlah NRR tertimbang {found} tidak sesuai: Σ NRR 9 unsur = {total}, × 1/9 = {computed}; "
                "seharusnya {expected}."
            ),
            (
                "Jumlah NRR tertimbang {found} is wrong: Σ NRR of the 9 unsur = {total}, × 1/9 = {computed}; "
                "it should be {expected}."
            ),
        ),
        "skm.nrr.weight": (
            (
                "Jumlah NRR tertimbang {found} hanya cocok dengan penimbang yang dibulatkan {weight}, bukan 1/9 "
                "(Σ NRR × 1/9 = {computed}). Pakai 1/9: {expected}."
            ),
            (
                "Jumlah NRR tertimbang {found} fits only the rounded penimbang {weight}, not 1/9 "
                "(Σ NRR × 1/9 = {computed}). Use 1/9: {expected}."
            ),
        ),
        "skm.ikm": (
            "IKM {found} tidak sesuai: Σ NRR × 1/9 × 25 = {computed}; seharusnya {expected}.",
            "IKM {found} is wrong: Σ NRR × 1/9 × 25 = {computed}; it should be {expected}.",
        ),
        "skm.ikm.weight": (
            (
                "IKM {found} hanya cocok dengan penimbang yang dibulatkan {weight}, bukan 1/9 "
                "(Σ NRR × 1/9 × 25 = {computed}). Pakai 1/9: {expected}."
            ),
            (
                "IKM {found} fits only the rounded penimbang {weight}, not 1/9 "
                "(Σ NRR × 1/9 × 25 = {computed}). Use 1/9: {expected}."
            ),
        ),
        "skm.ikm.nrr_t": (
            "IKM {found} tidak sesuai dengan NRR tertimbang {nrr_t}: × 25 memberi {lo} s.d. {hi}.",
            "IKM {found} does not fit NRR tertimbang {nrr_t}: × 25 gives {lo} to {hi}.",
        ),
        "skm.range.nrr": (
            "Nilai rata-rata {found} di luar rentang skala SKM 1–4.",
            "Average score {found} is outside the SKM scale 1–4.",
        ),
        "skm.range.ikm": (
            "IKM {found} di luar rentang 25–100.",
            "IKM {found} is outside 25–100.",
        ),
        "skm.missing": (
            "Tabel SKM memuat {n} dari 9 unsur pelayanan PermenPANRB 14/2017; tidak ada: {unsur}.",
            "The SKM table has {n} of the 9 service elements of PermenPANRB 14/2017; missing: {unsur}.",
        ),
        "skm.mutu": (
            (
                'Mutu pelayanan "{found}" tidak sesuai dengan IKM {ikm}: menurut skala ({source}) IKM itu masuk '
                "{band}, mutu {expected}."
            ),
            (
                'Mutu pelayanan "{found}" does not fit IKM {ikm}: on the scale ({source}) it falls in {band}, '
                "mutu {expected}."
            ),
        ),
        "skm.kinerja": (
            (
                'Kinerja unit pelayanan "{found}" tidak sesuai dengan IKM {ikm}: menurut skala ({source}) IKM itu '
                'masuk {band}, kinerja "{expected}".'
            ),
            (
                'Kinerja unit pelayanan "{found}" does not fit IKM {ikm}: on the scale ({source}) it falls in '
                '{band}, kinerja "{expected}".'
            ),
        ),
    }
)
