"""Capaian kinerja and penyerapan anggaran: percentages recomputed from their inputs.

Every comparison is made at printed precision: a target printed 85,00 stands
for [84,995; 85,005], so a printed capaian is accepted when some choice of
target and realisasi inside their intervals gives it at its own decimals.
Rupiah amounts are exact. No table of the standard states an average of
capaian, so there is no average rule here (averages written in the narrative
are checked by the narrative rules).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..findings import Finding
from ..formulas import POLARITIES, capaian_interval, capaian_point
from ..model import Cell, Row, Table
from ..numerals import format_id, predikat_rank
from ..precision import consistent, interval_of, round_half_up
from ..texts import register
from .base import Context, make, rule
from .categories import (
    checks_of,
    col_id,
    get_scale,
    judge_category,
    rowspec,
    scale_name_of_row,
)
from .groups import group_mean_fits
from .polarity import assumed_lower, effective_polarity


def _exact(t: Table, cid: str) -> bool:
    return t.spec.has_column(cid) and t.spec.column(cid).exact


def polarity_of(t: Table, r: Row) -> str:
    assumed = effective_polarity(t, r)  # no declared polarity, a lower-is-better name (C204)
    if assumed is not None:
        return assumed
    rs = rowspec(t, r)
    pol = str(rs.extra.get("polarity", "positive")) if rs is not None else "positive"
    return pol if pol in POLARITIES else "positive"


def _num(v: float, d: int = 4) -> str:
    return format_id(v, d)


CapaianRow = tuple[Table, Row, Cell, Cell, Cell | None, bool, bool]


def _capaian_rows(ctx: Context) -> list[CapaianRow]:
    """Each row of a capaian check with its target, realisasi and capaian cells; once per workbook (C201, C202)."""
    rows: list[CapaianRow] | None = ctx.cache.get("capaian_rows")
    if rows is None:
        rows = ctx.cache["capaian_rows"] = list(_scan_capaian_rows(ctx))
    return rows


def _scan_capaian_rows(ctx: Context) -> Iterator[CapaianRow]:
    for t, chk in checks_of(ctx, "capaian"):
        tcol = col_id(ctx, chk.get("target", "target"))
        rcol = col_id(ctx, chk.get("realisasi", "realisasi"))
        ccol = col_id(ctx, chk.get("capaian", "capaian"))
        for r in t.rows:
            tc, rc = r.get(tcol), r.get(rcol)
            if tc is None or rc is None:
                continue
            yield t, r, tc, rc, r.get(ccol), _exact(t, tcol), _exact(t, rcol)


@rule("C201", "capaian.ratio", severity="error", question="arithmetic")
def capaian_ratio(ctx: Context) -> Iterable[Finding]:
    """A printed % capaian is not realisasi / target × 100 (or the indicator's negative-polarity formula) at printed precision.

    Polarity comes from the indicator (`sheets/_indicators.toml`): positive =
    R/T × 100, negative_2T = (2T − R)/T × 100, negative_ratio = T/R × 100.
    Predikat values such as "BB (71,00)" are compared on their scores; rows
    whose target or realisasi is "-" or empty are skipped.

    Fails: 75,35 / 85,00 = 88,647%, printed 86,65%.

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%) |
        | 1  | Meningkatnya kepuasan masyarakat | Indeks Kepuasan Masyarakat | Nilai | 85,00 | 75,35 | 86,65% |
        => C201 at G2

    Passes: 88,65% for the same figures; predikat values are compared on their scores (72,62 / 71,00).

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%) |
        | 1  | Meningkatnya kepuasan masyarakat | Indeks Kepuasan Masyarakat | Nilai | 85,00 | 75,35 | 88,65% |
        | 2  | Meningkatnya akuntabilitas kinerja | Nilai AKIP | Nilai | BB (71,00) | BB (72,62) | 102,28% |
    """  # noqa: E501 -- catalog text (docs/rules.md); the first line is the summary
    for t, r, tc, rc, cc, ex_t, ex_r in _capaian_rows(ctx):
        iv_t, iv_r = interval_of(tc, ex_t), interval_of(rc, ex_r)  # None exactly when the value is
        if cc is None or cc.value is None or iv_t is None or iv_r is None:
            continue
        if assumed_lower(t, r) or (r.role == "group" and group_mean_fits(t, r, cc)):
            continue  # polarity only assumed: C204 judges it; a group's mean of its children
        pol = polarity_of(t, r)
        iv = capaian_interval(pol, iv_t, iv_r)
        if consistent(cc.value, cc.decimals, iv):
            continue
        point = capaian_point(pol, tc.value, rc.value)
        if point is None:
            continue
        params = {"formula": POLARITIES[pol], "target": tc.text, "realisasi": rc.text, "computed": _num(point)}
        if cc.parsed.unit != "%" and consistent(cc.value, cc.decimals, iv.scale(0.01)):
            # 0,8865 for 88,65%: a ratio where a percentage is expected
            yield make(
                "C201",
                "warning",
                cc,
                cc.text,
                format_id(round_half_up(point, 2), 2, "%"),
                "capaian.fraction",
                t,
                related=[tc, rc],
                **params,
            )
            continue
        fix = round_half_up(point, cc.decimals)
        yield make("C201", "error", cc, cc.text, cc.fmt(fix), "capaian.ratio", t, related=[tc, rc], fix=fix, **params)


@rule("C202", "capaian.predikat_letter", severity="error", question="arithmetic")
def capaian_predikat_letter(ctx: Context) -> Iterable[Finding]:
    """A predikat letter does not belong to its score (AKIP bands, upper end inclusive), or a lower predikat is reported as capaian ≥ 100%.

    The letter of "BB (72,62)" must be the predikat of 72,62 on the AKIP scale
    (the workbook's printed Tabel 3.6 where present, else PermenPANRB 88/2021:
    >70–80 BB). A realisasi predikat below the target predikat
    (D < C < CC < B < BB < A < AA) with capaian ≥ 100% is a warning.

    Fails: "A (72,62)": 72,62 is BB on the AKIP scale (>70–80).

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%) |
        | 1  | Meningkatnya akuntabilitas kinerja | Nilai AKIP | Nilai | BB (71,00) | A (72,62) | 102,28% |
        => C202 at F2

    Passes: target BB (71,00), realisasi BB (72,62), capaian 102,28%.

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%) |
        | 1  | Meningkatnya akuntabilitas kinerja | Nilai AKIP | Nilai | BB (71,00) | BB (72,62) | 102,28% |
    """  # noqa: E501 -- catalog text (docs/rules.md); the first line is the summary
    for t, r, tc, rc, cc, ex_t, ex_r in _capaian_rows(ctx):
        name = scale_name_of_row(t, r, "akip")
        sc = get_scale(ctx, name) if name else None
        if sc is None or not sc.known_letters:
            sc = get_scale(ctx, "akip")
        for cell, ex in ((tc, ex_t), (rc, ex_r)):
            if sc is None or cell.letter is None or cell.value is None:
                continue
            verdict, best, _ = judge_category(sc, cell, cell.letter, ex)
            if verdict == "ok" or best is None or not best.letter:
                continue
            right = f"{best.letter} ({format_id(cell.value, cell.decimals or 0)})"
            yield make(
                "C202",
                "error",
                cell,
                cell.text,
                right,
                "predikat.letter",
                t,
                fix=right,
                score=format_id(cell.value, cell.decimals or 0),
                letter=cell.letter,
                right=best.letter,
                band=best.text or best.label,
                source=sc.table.sheet if sc.table is not None else "PermenPANRB 88/2021",
            )
        rt, rr = predikat_rank(tc.letter), predikat_rank(rc.letter)
        if (
            cc is not None
            and cc.value is not None
            and rt is not None
            and rr is not None
            and rr < rt
            and cc.value >= 100
        ):
            yield make(
                "C202",
                "warning",
                cc,
                cc.text,
                None,
                "predikat.order",
                t,
                related=[tc, rc],
                t_letter=tc.letter,
                r_letter=rc.letter,
            )


@rule("C203", "penyerapan.ratio", severity="error", question="arithmetic")
def penyerapan_ratio(ctx: Context) -> Iterable[Finding]:
    """A printed percentage is not numerator / denominator × 100 (% penyerapan = realisasi / anggaran × 100).

    Rupiah amounts are exact, so only the rounding of the printed percentage
    is allowed for.

    Fails: 2.798.994.761 / 2.935.780.030 = 95,3408%, printed 95,43.

        [Tabel 3.16]
        | No | Uraian Belanja  | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Belanja Operasi | 2.935.780.030 | 2.798.994.761  | 95,43          |
        => C203 at E2

    Passes: the same amounts with 95,34.

        [Tabel 3.16]
        | No | Uraian Belanja  | Anggaran (Rp) | Realisasi (Rp) | Persentase (%) |
        | 1  | Belanja Operasi | 2.935.780.030 | 2.798.994.761  | 95,34          |
    """
    for t, chk in checks_of(ctx, "ratio"):
        ncol, dcol, ocol = (col_id(ctx, chk.get(k, k)) for k in ("numerator", "denominator", "out"))
        for r in t.rows:
            nc, dc, oc = r.get(ncol), r.get(dcol), r.get(ocol)
            if nc is None or dc is None or oc is None or oc.value is None:
                continue
            num, den = nc.value, dc.value
            iv_n, iv_d = interval_of(nc, _exact(t, ncol)), interval_of(dc, _exact(t, dcol))
            if num is None or den is None or iv_n is None or iv_d is None:
                continue
            if den == 0 or (r.role == "group" and group_mean_fits(t, r, oc)):
                continue
            iv = (iv_n / iv_d).scale(100)
            if consistent(oc.value, oc.decimals, iv):
                continue
            point = num / den * 100
            params = {"num": nc.text, "den": dc.text, "computed": _num(point)}
            if oc.parsed.unit != "%" and consistent(oc.value, oc.decimals, iv.scale(0.01)):
                yield make(
                    "C203",
                    "warning",
                    oc,
                    oc.text,
                    format_id(round_half_up(point, 2), 2, "%"),
                    "ratio.fraction",
                    t,
                    related=[nc, dc],
                    **params,
                )
                continue
            fix = round_half_up(point, oc.decimals)
            yield make(
                "C203", "error", oc, oc.text, oc.fmt(fix), "ratio.mismatch", t, related=[nc, dc], fix=fix, **params
            )


register(
    {
        "capaian.ratio": (
            (
                "Persentase capaian {found} tidak sesuai: {formula} = {computed}% dari target {target} dan realisasi "
                "{realisasi}; seharusnya {expected}."
            ),
            (
                "Capaian {found} is wrong: {formula} = {computed}% from target {target} and realisasi {realisasi}; "
                "it should be {expected}."
            ),
        ),
        "capaian.fraction": (
            (
                "Capaian {found} tampaknya ditulis sebagai pecahan, bukan persen: {formula} = {computed}% "
                "(target {target}, realisasi {realisasi}). Tulis {expected}."
            ),
            (
                "Capaian {found} looks like a fraction, not a percentage: {formula} = {computed}% "
                "(target {target}, realisasi {realisasi}). Write {expected}."
            ),
        ),
        "predikat.letter": (
            (
                "Predikat {letter} tidak sesuai dengan nilai {score}: menurut skala ({source}) nilai itu masuk "
                "{band}, predikat {right}. Seharusnya {expected}."
            ),
            (
                "Predikat {letter} does not fit the score {score}: on the scale ({source}) it falls in {band}, "
                "predikat {right}. It should be {expected}."
            ),
        ),
        "predikat.order": (
            (
                "Predikat realisasi {r_letter} lebih rendah dari predikat target {t_letter}, tetapi capaian ditulis "
                "{found} (≥ 100%). Periksa target, realisasi atau capaian."
            ),
            (
                "The realisasi predikat {r_letter} is below the target predikat {t_letter}, yet capaian is {found} "
                "(≥ 100%). Check the target, realisasi or capaian."
            ),
        ),
        "ratio.mismatch": (
            "Persentase {found} tidak sesuai: {num} / {den} × 100 = {computed}%; seharusnya {expected}.",
            "Percentage {found} is wrong: {num} / {den} × 100 = {computed}%; it should be {expected}.",
        ),
        "ratio.fraction": (
            (
                "Persentase {found} tampaknya ditulis sebagai pecahan: {num} / {den} × 100 = {computed}%. "
                "Tulis {expected}."
            ),
            "Percentage {found} looks like a fraction: {num} / {den} × 100 = {computed}%. Write {expected}.",
        ),
    }
)
