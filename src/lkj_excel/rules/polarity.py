"""Polarity of an indicator when the workbook does not declare it.

Rarely declared, polarity decides the capaian formula. An indicator whose
name says lower is better (`sheets/_polarity.toml`: angka kematian,
kemiskinan, waktu penyelesaian, ...) is assumed negative, and every finding
about it says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..findings import Finding
from ..formulas import POLARITIES, capaian_interval, capaian_point
from ..model import Cell, Row, Table
from ..numerals import format_id
from ..precision import consistent, interval_of
from ..spec import load_aux, normalise
from ..texts import register
from .base import Context, make, rule
from .categories import checks_of, col_id, rowspec

NEGATIVE = ("negative_2T", "negative_ratio")


@lru_cache(maxsize=1)
def _lists() -> tuple[tuple[str, ...], tuple[str, ...]]:
    d = load_aux("polarity")
    return (
        tuple(normalise(w) for w in d.get("lower_is_better", [])),
        tuple(normalise(w) for w in d.get("goal_is_decrease", [])),
    )


def _has(name: str, word: str) -> bool:
    """`word` as whole words of `name`; both normalised, so single spaces are the only separators."""
    return f" {word} " in f" {name} "


@lru_cache(maxsize=4096)
def inferred_lower(name: str) -> str | None:
    """The word of `name` that says lower is better, or None."""
    low = normalise(name)
    lower, decrease = _lists()
    if any(_has(low, w) for w in decrease):
        return None
    return next((w for w in lower if _has(low, w)), None)


def declared(t: Table, r: Row) -> str | None:
    rs = rowspec(t, r)
    pol = rs.extra.get("polarity") if rs is not None else None
    return str(pol) if pol in POLARITIES else None


def assumed_lower(t: Table, r: Row) -> str | None:
    """The word that makes this row's indicator lower-is-better by assumption (no declared polarity)."""
    if declared(t, r) is not None:
        return None
    return inferred_lower(r.label or "")


def effective_polarity(t: Table, r: Row) -> str | None:
    """The formula an assumed lower-is-better row is read with: a negative one its capaian fits, else R/T if
    that fits (C204 warns), else (2T - R)/T; None when the polarity is declared or not assumed."""
    if assumed_lower(t, r) is None:
        return None
    for tcol, rcol, ccol in _check_columns(t):
        tc, rc, cc = r.get(tcol), r.get(rcol), r.get(ccol)
        if tc is None or rc is None or cc is None or None in (tc.value, rc.value, cc.value):
            continue
        ok = fits(t, tc, rc, cc, _exact(t, tcol), _exact(t, rcol))
        for pol in (*NEGATIVE, "positive"):
            if pol in ok:
                return pol
    return "negative_2T"


def _check_columns(t: Table) -> list[tuple[str, str, str]]:
    """(target, realisasi, capaian) column ids of the table's capaian checks; "target_{year}" taken for
    every year whose three columns the table declares."""
    out = []
    for chk in t.spec.checks:
        if chk.get("rule") != "capaian":
            continue
        ids = [str(chk.get(k, k)) for k in ("target", "realisasi", "capaian")]
        if not any("{" in i for i in ids):
            out.append((ids[0], ids[1], ids[2]))
            continue
        prefixes = [i.split("{")[0] for i in ids]
        for col in t.spec.columns:
            suffix = col.id[len(prefixes[2]) :]
            if col.id.startswith(prefixes[2]) and suffix.isdigit():
                trio = tuple(p + suffix for p in prefixes)
                if all(t.spec.has_column(c) for c in trio):
                    out.append((trio[0], trio[1], trio[2]))
    return list(dict.fromkeys(out))


def _exact(t: Table, cid: str) -> bool:
    return t.spec.has_column(cid) and t.spec.column(cid).exact


def fits(t: Table, tc: Cell, rc: Cell, cc: Cell, ex_t: bool, ex_r: bool) -> set[str]:
    """The polarities under which the printed capaian is right."""
    it, ir = interval_of(tc, ex_t), interval_of(rc, ex_r)
    if it is None or ir is None or cc.value is None:
        return set()
    return {p for p in POLARITIES if consistent(cc.value, cc.decimals, capaian_interval(p, it, ir))}


def _inverted_or_none(tc: Cell, rc: Cell, cc: Cell, ex_t: bool, ex_r: bool) -> set[str]:
    """`fits` when it is {"negative_ratio"}, else the empty set: T/R is tried first, the others only when it
    fits (most capaian do not fit T/R, and then no other polarity needs judging)."""
    it, ir = interval_of(tc, ex_t), interval_of(rc, ex_r)
    if it is None or ir is None or cc.value is None:
        return set()
    if not consistent(cc.value, cc.decimals, capaian_interval("negative_ratio", it, ir)):
        return set()
    if any(consistent(cc.value, cc.decimals, capaian_interval(p, it, ir)) for p in POLARITIES if p != "negative_ratio"):
        return set()
    return {"negative_ratio"}


def _pairs(ctx: Context) -> Iterator[tuple[Table, Row, list[tuple[str, Cell, Cell, Cell, bool, bool]]]]:
    """Each row with its capaian checks: (capaian column, target, realisasi, capaian cells, exactness)."""
    per_row: dict[tuple[str, int], tuple[Table, Row, list]] = {}
    for t, chk in checks_of(ctx, "capaian"):
        tcol, rcol, ccol = (col_id(ctx, chk.get(k, k)) for k in ("target", "realisasi", "capaian"))
        for r in t.rows:
            tc, rc, cc = r.get(tcol), r.get(rcol), r.get(ccol)
            if tc is None or rc is None or cc is None or None in (tc.value, rc.value, cc.value):
                continue
            ex = tuple(t.spec.has_column(c) and t.spec.column(c).exact for c in (tcol, rcol))
            entry = per_row.setdefault((t.id, r.index), (t, r, []))
            entry[2].append((ccol, tc, rc, cc, ex[0], ex[1]))
    yield from per_row.values()


@rule("C204", "capaian.polarity", severity="warning", question="arithmetic")
def capaian_polarity(ctx: Context) -> Iterable[Finding]:
    """The capaian of an indicator whose name says lower is better, judged under that assumption; two capaian columns of one row computed with different polarities.

    Without a declared polarity, an indicator named like those in
    `sheets/_polarity.toml` is assumed "semakin rendah semakin baik": its
    capaian is right under (2T − R)/T × 100 or T/R × 100. One that only fits
    R/T × 100 is a warning (computed as if higher were better); one that fits
    no formula is an error, without a correction. The row's identity is any of the three formulas
    (edits/build.py), so the localizer decides the culprit: where nothing else
    singles it out, target, realisasi and capaian are named and nothing is
    corrected. C201 leaves such rows to this rule. A row whose capaian columns (the year's and the RPJMD's) each fit
    only a different polarity is a warning, and so is a higher-is-better capaian that is exactly
    target / realisasi × 100 (the ratio turned over; C201 reports the figure itself).

    Fails: "Angka kematian ibu" target 100, realisasi 80, capaian 135,00% fits no formula ((2T − R)/T = 120%).

        [Tabel 3.2]
        | No | Sasaran             | Indikator Kinerja  | Satuan | Target | Realisasi | Capaian (%) |
        | 1  | Menurunnya kematian | Angka kematian ibu | Kasus  | 100    | 80        | 135,00      |
        => C204 error at G2

    Passes: 120,00% ((2T − R)/T) and 125,00% (T/R); "penurunan angka kemiskinan" (a decrease as the goal) by R/T.

        [Tabel 3.2]
        | No | Sasaran             | Indikator Kinerja                     | Satuan | Target | Realisasi | Capaian (%) |
        | 1  | Menurunnya kematian | Angka kematian ibu                    | Kasus  | 100    | 80        | 120,00      |
        | 2  |                     | Angka kematian bayi                   | Kasus  | 10     | 8         | 125,00      |
        | 3  | Kesejahteraan       | Persentase penurunan angka kemiskinan | %      | 2,00   | 2,50      | 125,00      |
    """  # noqa: E501 -- catalog text (docs/rules.md); the first line is the summary
    for t, r, checks in _pairs(ctx):
        word = assumed_lower(t, r)
        found_fits = []
        # One capaian of a higher-is-better row: only "turned over" (fits T/R alone) can be reported.
        alone = word is None and len(checks) == 1
        for _ccol, tc, rc, cc, ex_t, ex_r in checks:
            ok = _inverted_or_none(tc, rc, cc, ex_t, ex_r) if alone else fits(t, tc, rc, cc, ex_t, ex_r)
            found_fits.append((cc, ok))
            if word is None and ok == {"negative_ratio"} and declared(t, r) in (None, "positive"):
                # higher is better, yet the printed capaian is target / realisasi: the ratio turned over
                params = {"target": tc.text, "realisasi": rc.text}
                yield make("C204", "warning", cc, cc.text, None, "polarity.inverted", t, related=[tc, rc], **params)
            if word is None or ok & set(NEGATIVE):
                continue
            yield _assumed(t, tc, rc, cc, word, "positive" in ok)
        single = [(cc, next(iter(ok))) for cc, ok in found_fits if len(ok) == 1]
        if len(single) >= 2 and len({p for _c, p in single}) > 1:
            (c1, p1), (c2, p2) = single[0], next(x for x in single if x[1] != single[0][1])
            yield make(
                "C204",
                "warning",
                c2,
                c2.text,
                None,
                "polarity.mixed",
                t,
                related=[c1],
                first=c1.ref,
                first_formula=POLARITIES[p1],
                formula=POLARITIES[p2],
            )


def _assumed(t: Table, tc: Cell, rc: Cell, cc: Cell, word: str, positive: bool) -> Finding:
    point = capaian_point("negative_2T", tc.value, rc.value)
    other = capaian_point("negative_ratio", tc.value, rc.value)
    params = {"word": word, "target": tc.text, "realisasi": rc.text}
    if positive or point is None or other is None:
        return make("C204", "warning", cc, cc.text, None, "polarity.assumed_positive", t, related=[tc, rc], **params)
    # No fix: which formula the office meant is not known (the localizer names the candidates).
    return make(
        "C204",
        "error",
        cc,
        cc.text,
        None,
        "polarity.assumed_wrong",
        t,
        related=[tc, rc],
        computed=format_id(point, 4),
        computed_ratio=format_id(other, 4),
        **params,
    )


register(
    {
        "polarity.assumed_positive": (
            (
                'Capaian {found} dihitung realisasi / target × 100, padahal nama indikator memuat "{word}" '
                "(diasumsikan semakin rendah semakin baik: (2 × target − realisasi) / target × 100 atau "
                "target / realisasi × 100; target {target}, realisasi {realisasi}). Periksa polaritasnya."
            ),
            (
                'Capaian {found} is realisasi / target × 100, but the indicator name holds "{word}" '
                "(assumed lower is better: (2 × target − realisasi) / target × 100 or target / realisasi × 100; "
                "target {target}, realisasi {realisasi}). Check its polarity."
            ),
        ),
        "polarity.assumed_wrong": (
            (
                'Capaian {found} tidak sesuai rumus mana pun. Nama indikator memuat "{word}", diasumsikan semakin '
                "rendah semakin baik: (2 × {target} − {realisasi}) / {target} × 100 = {computed}% atau "
                "{target} / {realisasi} × 100 = {computed_ratio}%. Rumus yang dipakai tidak diketahui: periksa "
                "target, realisasi dan capaiannya."
            ),
            (
                'Capaian {found} fits no formula. The indicator name holds "{word}", assumed lower is better: '
                "(2 × {target} − {realisasi}) / {target} × 100 = {computed}% or {target} / {realisasi} × 100 = "
                "{computed_ratio}%. Which formula was meant is not known: check the target, realisasi and capaian."
            ),
        ),
        "polarity.inverted": (
            (
                "Capaian {found} sama dengan target / realisasi × 100 ({target} / {realisasi}), rumus indikator "
                "semakin rendah semakin baik, padahal indikator ini semakin tinggi semakin baik "
                "(realisasi / target × 100)."
            ),
            (
                "Capaian {found} equals target / realisasi × 100 ({target} / {realisasi}), the lower-is-better "
                "formula, but this indicator is higher-is-better (realisasi / target × 100)."
            ),
        ),
        "polarity.mixed": (
            (
                "Capaian {found} dihitung {formula}, sedangkan capaian di sel {first} pada baris yang sama "
                "dihitung {first_formula}: satu indikator, dua polaritas."
            ),
            (
                "Capaian {found} is computed as {formula}, while the capaian in cell {first} of the same row "
                "is {first_formula}: one indicator, two polarities."
            ),
        ),
    }
)
