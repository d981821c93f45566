"""Printed rating scales (3.1, 3.4, 3.6): their gaps and overlaps (K301) and their differences from the
reference scales of `sheets/_scales.toml` (K302).

The scale model (bands, printed or reference scale, classification) is `lkj_excel.scales`, shared with the review.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction

from ..findings import Finding
from ..model import Cell, Table
from ..numerals import format_id, shortest_decimals
from ..scales import INF, Band, Scale, reference_bands
from ..spec_checks import Check, ScaleCheck
from ..texts import register
from .base import Context, checks_of, col_id, get_scale, make, printed_scale, rule, scale_name_of_row

# The values a scale can classify. Gaps outside these are not reported: an IKM
# runs from 25 to 100, an AKIP score above 0 up to 100, a capaian is unbounded.
DOMAINS: dict[str, tuple[float, bool, float, bool]] = {
    "capaian": (-INF, False, INF, False),
    "ikm": (25.0, False, 100.0, False),
    "akip": (0.0, True, 100.0, False),
}


def same_band(a: Band, b: Band) -> bool:
    """Two bands name the same category: the same letter, else a common word."""
    if a.letter and b.letter:
        return a.letter == b.letter
    return bool(a.word_keys() & b.word_keys())


# --------------------------------------------------------------------------- K301


def _fmt(v: float, d: int) -> str:
    if v == INF:
        return "∞"
    if v == -INF:
        return "-∞"
    return format_id(v, d)


def _grid_point(lo: float, lo_incl: bool, hi: float, hi_incl: bool, d: int | None) -> float | None:
    """A value inside the region, printable at `d` decimals (d None: any real value); None if there is none."""
    if lo > hi or (lo == hi and not (lo_incl and hi_incl)):
        return None
    if d is None:
        if math.isinf(lo) and math.isinf(hi):
            return 0.0
        if math.isinf(hi):
            return lo + 1
        if math.isinf(lo):
            return hi - 1
        return (lo + hi) / 2
    scale = 10**d
    if math.isinf(lo):
        if math.isinf(hi):
            return 0.0
        hk = _printed(hi) * scale
        k = math.floor(hk)
        if not hi_incl and k == hk:
            k -= 1
        return k / scale
    lk = _printed(lo) * scale
    k = math.ceil(lk)
    if not lo_incl and k == lk:
        k += 1
    if math.isinf(hi):
        return k / scale
    hk = _printed(hi) * scale
    if k < hk or (hi_incl and k == hk):
        return k / scale
    return None


def _printed(v: float) -> Fraction:
    """The decimal a band end was read from (its shortest repr), exactly: grid arithmetic without a float guard."""
    return Fraction(repr(v))


@dataclass
class _Issue:
    kind: str  # gap | overlap | above | below
    lo: float
    hi: float
    example: float
    anchor: Cell | None
    other: Band | None = None
    band: Band | None = None


def scale_issues(scale: Scale) -> list[_Issue]:
    """Gaps and overlaps of a scale's bands within the values it classifies."""
    dom = DOMAINS.get(scale.name)
    if dom is None:
        los = [b.lo for b in scale.reference] or [-INF]
        his = [b.hi for b in scale.reference] or [INF]
        dom = (min(los), False, max(his), False)
    d_lo, d_lo_open, d_hi, d_hi_open = dom
    d = scale.decimals

    def region(lo: float, lo_incl: bool, hi: float, hi_incl: bool) -> float | None:
        if lo < d_lo:
            lo, lo_incl = d_lo, not d_lo_open
        elif lo == d_lo:
            lo_incl = lo_incl and not d_lo_open
        if hi > d_hi:
            hi, hi_incl = d_hi, not d_hi_open
        elif hi == d_hi:
            hi_incl = hi_incl and not d_hi_open
        return _grid_point(lo, lo_incl, hi, hi_incl, d)

    bands = sorted(scale.bands, key=lambda b: (b.lo, b.lo_open, b.hi))
    out: list[_Issue] = []
    for i, a in enumerate(bands):
        for b in bands[i + 1 :]:
            lo, lo_incl = (b.lo, not b.lo_open) if b.lo > a.lo else (a.lo, not (a.lo_open or b.lo_open))
            if a.hi < b.hi:
                hi, hi_incl = a.hi, not a.hi_open
            elif b.hi < a.hi:
                hi, hi_incl = b.hi, not b.hi_open
            else:
                hi, hi_incl = a.hi, not (a.hi_open or b.hi_open)
            p = region(lo, lo_incl, hi, hi_incl)
            if p is not None:
                out.append(_Issue("overlap", lo, hi, p, b.label_cell or b.cell, a, b))
    # sweep: coverage so far reaches `end` (`end` itself covered when end_incl)
    end, end_incl = d_lo, False
    prev: Band | None = None
    for b in bands:
        p = region(end, not end_incl, b.lo, b.lo_open)
        if p is not None:
            out.append(_Issue("gap" if prev else "below", end, b.lo, p, (prev or b).cell, prev, b))
        if b.hi > end or (b.hi == end and not b.hi_open):
            end, end_incl = b.hi, not b.hi_open
            prev = b
    if prev is not None:
        p = region(end, not end_incl, INF, False)
        if p is not None:
            out.append(_Issue("above", end, d_hi, p, prev.cell, None, prev))
    return out


def _values_for_scale(ctx: Context, name: str) -> list[Cell]:
    """Figures of the workbook that the scale classifies."""
    out: list[Cell] = []
    for t, chk in checks_of(ctx, "capaian"):
        ccol, rcol = col_id(ctx, chk.get("capaian", "capaian")), col_id(ctx, chk.get("realisasi", "realisasi"))
        for r in t.rows:
            if name == "capaian":
                c = r.get(ccol)
                if c is not None and c.value is not None:
                    out.append(c)
            elif scale_name_of_row(t, r) == name:
                c = r.get(rcol)
                if c is not None and c.value is not None:
                    out.append(c)
    return out


@rule("K301", "scale.gaps", severity="warning", question="arithmetic")
def scale_gaps(ctx: Context) -> Iterable[Finding]:
    """A printed rating scale leaves values unclassified (gaps), classifies some twice (overlaps), or stops below the values it must rate.

    Bands are compared at the precision of the values they classify: the IKM
    scale rates IKM printed with 2 decimals, so "76,61-88,30" followed by
    "88,31-100" leaves no gap; a capaian scale written "76% ≤ 90%", "91% ≤ 100%"
    leaves 90,5 unrated. Unrated values are classified by the half-open rule of
    `sheets/_scales.toml`, which the finding states.

    Fails: B ends at 88,00 and A starts at 88,31: 88,01…88,30 fall in no band.

        [Tabel 3.4]
        | No | Nilai Interval | Mutu            |
        | 1  | 88,31 - 100,00 | A (Sangat Baik) |
        | 2  | 76,61 - 88,00  | B (Baik)        |
        | 3  | 65,00 - 76,60  | C (Kurang Baik) |
        | 4  | 25,00 - 64,99  | D (Tidak Baik)  |
        => K301 at B3

    Passes: "88,31-100" after "76,61-88,30" leaves no gap at the two decimals the IKM is printed with.

        [Tabel 3.4]
        | No | Nilai Interval | Mutu            |
        | 1  | 88,31 - 100,00 | A (Sangat Baik) |
        | 2  | 76,61 - 88,30  | B (Baik)        |
        | 3  | 65,00 - 76,60  | C (Kurang Baik) |
        | 4  | 25,00 - 64,99  | D (Tidak Baik)  |
    """  # noqa: E501 -- catalog text (docs/rules.md); the first line is the summary
    for t, chk in checks_of(ctx, "scale"):
        name = _scale_name(chk)
        sc = get_scale(ctx, name) if name is not None else None
        if name is None or sc is None or sc.source != "printed" or sc.table is not t:
            continue
        pr = printed_scale(ctx, name)
        for bad in pr[3] if pr else []:
            yield make("K301", "warning", bad, bad.text, None, "scale.unparsed", t, scale=sc.name)
        values = _values_for_scale(ctx, name)
        for iss in scale_issues(sc):
            if iss.anchor is not None:
                yield _issue_finding(t, sc, iss, iss.anchor, values)


def _issue_finding(t: Table, sc: Scale, iss: _Issue, anchor: Cell, values: list[Cell]) -> Finding:
    """The K301 finding of one gap or overlap of a printed scale."""
    d_show = max([b.decimals for b in sc.bands] + [0])
    d_ex = sc.decimals if sc.decimals is not None else shortest_decimals(iss.example)
    inside = [c for c in values if c.value is not None and iss.lo < c.value < iss.hi]
    if iss.kind == "overlap":
        return make(
            "K301",
            "warning",
            anchor,
            anchor.text,
            None,
            "scale.overlap",
            t,
            related=[x.cell for x in (iss.other, iss.band) if x and x.cell],
            a=iss.other.text if iss.other else "",
            b=iss.band.text if iss.band else "",
            lo=_fmt(iss.lo, d_show),
            hi=_fmt(iss.hi, d_show),
            example=_fmt(iss.example, d_ex),
        )
    cls = sc.half_open(iss.example)
    examples = ", ".join(f"{c.text} ({c.address})" for c in inside[:3])
    sev = "warning" if (iss.kind == "gap" or inside) else "info"
    key = {"gap": "scale.gap", "above": "scale.above", "below": "scale.below"}[iss.kind]
    return make(
        "K301",
        sev,
        anchor,
        anchor.text,
        None,
        key + (".values" if inside else ""),
        t,
        related=[c.address for c in inside[:3]],
        lo=_fmt(iss.lo, d_show),
        hi=_fmt(iss.hi, d_show),
        example=_fmt(iss.example, d_ex),
        label=cls.label if cls else "-",
        rule_id=sc.rule_text("id"),
        rule_en=sc.rule_text("en"),
        values=examples,
        scale=sc.name,
    )


# --------------------------------------------------------------------------- K302


def _cut(b: Band, upper_inclusive: bool, d: int | None) -> Fraction | float:
    """Where the band ends on the grid of `d` decimals, exactly (an infinite end stays a float)."""
    step = Fraction(1, 10**d) if d is not None else Fraction(0)
    end = b.hi if upper_inclusive else b.lo
    if math.isinf(end):
        return end
    if upper_inclusive:
        return _printed(end) - step if (b.hi_open and step) else _printed(end)
    return _printed(end) + step if (b.lo_open and step) else _printed(end)


@rule("K302", "scale.reference", severity="info", question="arithmetic")
def scale_reference(ctx: Context) -> Iterable[Finding]:
    """A printed rating scale differs from the reference scale of `sheets/_scales.toml` (band ends or labels).

    Fails: B printed from 75,00 where PermenPANRB 14/2017 has B from 76,61.

        [Tabel 3.4]
        | No | Skor        | Mutu            |
        | 1  | 88,31-100   | A (Sangat Baik) |
        | 2  | 75,00-88,30 | B (Baik)        |
        | 3  | 65,00-74,99 | C (Kurang Baik) |
        | 4  | 25,00-64,99 | D (Tidak Baik)  |
        => K302 at B3

    Passes: the AKIP scale as PermenPANRB 88/2021 gives it (">70-80" BB: above 70 up to 80).

        [Tabel 3.6]
        | No | Interval | Kategori |
        | 1  | >90-100  | AA       |
        | 2  | >80-90   | A        |
        | 3  | >70-80   | BB       |
        | 4  | >60-70   | B        |
        | 5  | >50-60   | CC       |
        | 6  | >30-50   | C        |
        | 7  | >0-30    | D        |
    """
    for t, chk in checks_of(ctx, "scale"):
        name = _scale_name(chk)
        sc = get_scale(ctx, name) if name is not None else None
        if name is None or sc is None or sc.source != "printed" or sc.table is not t:
            continue
        _, meta = reference_bands(name)
        refname = meta.get("name", name)
        ui, d = sc.upper_inclusive, sc.decimals
        key = (lambda b: b.hi) if ui else (lambda b: b.lo)
        printed = sorted(sc.bands, key=key, reverse=True)
        refs = sorted(sc.reference, key=key, reverse=True)
        ref_cuts = [_cut(r, ui, d) for r in refs]  # once per scale, not per printed band
        yield from _band_count(t, printed, refs, refname)
        for b in printed:
            yield from _band_vs_reference(t, b, refs, ui, d, refname, ref_cuts)


def _scale_name(chk: Check) -> str | None:
    """The scale a `rule = "scale"` declaration names (ScaleCheck requires it)."""
    return chk.scale if isinstance(chk, ScaleCheck) else None


def _band_count(t: Table, printed: list[Band], refs: list[Band], refname: str) -> Iterator[Finding]:
    """K302 when the printed scale has more or fewer bands than the reference."""
    if len(printed) == len(refs):
        return
    anchor = printed[0].cell if printed else None
    if anchor is not None:
        yield make(
            "K302",
            "info",
            anchor,
            str(len(printed)),
            str(len(refs)),
            "scale.ref.count",
            t,
            n=len(printed),
            m=len(refs),
            refname=refname,
            ref_labels=", ".join(r.label for r in refs),
            labels=", ".join(b.label for b in printed),
        )


def _band_vs_reference(
    t: Table, b: Band, refs: list[Band], ui: bool, d: int | None, refname: str, ref_cuts: list[Fraction | float]
) -> Iterator[Finding]:
    """K302 for one printed band: no reference band of its category, other ends, or other words."""
    # the reference band with the same category, else the one at the same position
    i = next((i for i, r in enumerate(refs) if same_band(b, r)), None)
    match = refs[i] if i is not None else None
    if match is None:
        if b.label_cell is not None:
            yield make(
                "K302",
                "info",
                b.label_cell,
                b.label_cell.text,
                " / ".join(r.label for r in refs),
                "scale.ref.label",
                t,
                refname=refname,
                labels=", ".join(r.label for r in refs),
            )
        return
    assert i is not None
    bc, rc = _cut(b, ui, d), ref_cuts[i]
    if b.cell is not None and not (math.isinf(bc) and math.isinf(rc)) and bc != rc:
        dd = b.decimals
        yield make(
            "K302",
            "info",
            b.cell,
            b.text,
            _ref_text(match, ui, dd),
            "scale.ref.ends",
            t,
            related=[b.label_cell] if b.label_cell else [],
            label=b.label,
            refname=refname,
            ref=_ref_text(match, ui, dd),
        )
    elif (
        b.letter
        and match.letter
        and b.words
        and match.words
        and b.label_cell is not None
        and not (b.word_keys() & match.word_keys())
    ):
        yield make(
            "K302",
            "info",
            b.label_cell,
            b.label_cell.text,
            match.label,
            "scale.ref.words",
            t,
            refname=refname,
            ref=match.label,
        )


def _ref_text(r: Band, ui: bool, d: int) -> str:
    if ui:
        lo = "" if math.isinf(r.lo) else f">{format_id(r.lo, d)}"
        return f"{lo}-{format_id(r.hi, d)}" if lo else f"≤ {format_id(r.hi, d)}"
    if math.isinf(r.hi):
        return f"≥ {format_id(r.lo, d)}"
    if math.isinf(r.lo):
        return f"< {format_id(r.hi, d)}"
    return f"{format_id(r.lo, d)} ≤ … < {format_id(r.hi, d)}"


register(
    {
        "scale.unparsed": (
            'Interval "{found}" pada skala {scale} tidak dapat dibaca sebagai rentang nilai.',
            'Interval "{found}" of the {scale} scale cannot be read as a range.',
        ),
        "scale.gap": (
            (
                "Skala ({scale}) tidak mencakup nilai di antara {lo} dan {hi} (mis. {example}): nilai itu tidak "
                "masuk kelas mana pun. Alat ini memakai aturan setengah terbuka ({rule_id}), sehingga {example} "
                'digolongkan {label}. Sebaiknya tulis batas kelas tanpa celah (mis. kelas di atasnya "> {lo}").'
            ),
            (
                "The {scale} scale does not cover values between {lo} and {hi} (e.g. {example}): they fall in no "
                "band. The tool uses the half-open rule ({rule_en}), so {example} is classified {label}. Write the "
                'bands without gaps (e.g. the band above as "> {lo}").'
            ),
        ),
        "scale.gap.values": (
            (
                "Skala ({scale}) tidak mencakup nilai di antara {lo} dan {hi} (mis. {example}); nilai laporan yang "
                "jatuh di celah ini: {values}. Alat ini memakai aturan setengah terbuka ({rule_id}): "
                "digolongkan {label}."
            ),
            (
                "The {scale} scale does not cover values between {lo} and {hi} (e.g. {example}); report figures in "
                "this gap: {values}. The tool uses the half-open rule ({rule_en}): classified {label}."
            ),
        ),
        "scale.above": (
            (
                "Kelas tertinggi skala ({scale}) berhenti di {lo}: nilai di atasnya (mis. {example}) tidak masuk kelas "
                "mana pun. Alat ini memakai aturan setengah terbuka ({rule_id}): nilai di atas {lo} "
                "digolongkan {label}."
            ),
            (
                "The top band of the {scale} scale ends at {lo}: values above it (e.g. {example}) fall in no band. "
                "The tool uses the half-open rule ({rule_en}): values above {lo} are classified {label}."
            ),
        ),
        "scale.above.values": (
            (
                "Kelas tertinggi skala ({scale}) berhenti di {lo}, padahal laporan memuat nilai di atasnya: {values}. "
                "Alat ini memakai aturan setengah terbuka ({rule_id}): nilai tsb digolongkan {label}."
            ),
            (
                "The top band of the {scale} scale ends at {lo}, but the report has values above it: {values}. "
                "The tool uses the half-open rule ({rule_en}): they are classified {label}."
            ),
        ),
        "scale.below": (
            (
                "Kelas terendah skala ({scale}) mulai di {hi}: nilai di bawahnya (mis. {example}) tidak masuk kelas "
                "mana pun. Alat ini memakai aturan setengah terbuka ({rule_id}): digolongkan {label}."
            ),
            (
                "The bottom band of the {scale} scale starts at {hi}: values below it (e.g. {example}) fall in no "
                "band. The tool uses the half-open rule ({rule_en}): classified {label}."
            ),
        ),
        "scale.below.values": (
            (
                "Kelas terendah skala ({scale}) mulai di {hi}, padahal laporan memuat nilai di bawahnya: {values}. "
                "Alat ini memakai aturan setengah terbuka ({rule_id}): digolongkan {label}."
            ),
            (
                "The bottom band of the {scale} scale starts at {hi}, but the report has values below it: {values}. "
                "The tool uses the half-open rule ({rule_en}): classified {label}."
            ),
        ),
        "scale.overlap": (
            'Kelas "{a}" dan "{b}" tumpang tindih ({lo}–{hi}, mis. {example}): satu nilai masuk dua kelas.',
            'Bands "{a}" and "{b}" overlap ({lo}–{hi}, e.g. {example}): one value falls in two bands.',
        ),
        "scale.ref.count": (
            "Skala tercetak memiliki {n} kelas ({labels}), sedangkan acuan {refname} memiliki {m} ({ref_labels}).",
            "The printed scale has {n} bands ({labels}); the reference {refname} has {m} ({ref_labels}).",
        ),
        "scale.ref.label": (
            'Kategori "{found}" tidak ada pada acuan {refname} ({labels}).',
            'Category "{found}" is not in the reference {refname} ({labels}).',
        ),
        "scale.ref.ends": (
            'Batas kelas {label} tercetak "{found}", sedangkan acuan {refname}: {ref}.',
            'Band {label} is printed "{found}"; the reference {refname} has {ref}.',
        ),
        "scale.ref.words": (
            'Kelas tercetak "{found}", sedangkan acuan {refname} menyebutnya {ref}.',
            'Band printed "{found}"; the reference {refname} calls it {ref}.',
        ),
    }
)
