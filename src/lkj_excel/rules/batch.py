"""Checks across workbooks (batch mode): W901 peer figures, W902 reference scales.

These rules compare several offices' workbooks, so they cannot run on one
workbook: their catalog entries yield nothing in a single-workbook check. The
batch (`lkj_excel.batch`) builds a `CrossProfile` of each workbook in its
worker (`cross_profile`), then calls `cross_findings` on all of them before any
office's outputs are written, so a W9xx finding lands in the office's own
corrected workbook, reports and rekap row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding
from ..model import Cell, Workbook
from ..precision import FLOAT_NOISE, half_unit
from ..spec import load_aux
from ..texts import register
from .base import Context, rule

PEER_CODE = "W901"
PEER_RULE = "batch.peer_figures"
SCALES_CODE = "W902"
SCALES_RULE = "batch.scales"


# ------------------------------------------------------------------ the profile the rules compare


@dataclass(frozen=True, slots=True)
class Figure:
    """A printed figure and where it is."""

    value: float
    decimals: int | None
    text: str
    address: str  # "Tabel 3.2!F6"

    # Sent from batch workers to the parent (tens per workbook): spelled out, the frozen-dataclass default
    # (`fields()` per object) costs several times more on both sides.
    def __reduce__(self) -> tuple[Any, ...]:
        return (Figure, (self.value, self.decimals, self.text, self.address))


@dataclass(frozen=True, slots=True)
class PeerFigure:
    kind: str  # "target" | "realisasi"
    year: int
    figure: Figure

    def __reduce__(self) -> tuple[Any, ...]:
        return (PeerFigure, (self.kind, self.year, self.figure))


@dataclass(frozen=True, slots=True)
class PeerRow:
    """A row of Tabel 3.12: another kecamatan's figures for one indicator."""

    kecamatan: str
    indicator: str
    label: str
    figures: tuple[PeerFigure, ...]

    def __reduce__(self) -> tuple[Any, ...]:
        return (PeerRow, (self.kecamatan, self.indicator, self.label, self.figures))


@dataclass(frozen=True, slots=True)
class ScaleRow:
    interval: str
    label: str
    address: str

    def __reduce__(self) -> tuple[Any, ...]:
        return (ScaleRow, (self.interval, self.label, self.address))


@dataclass(slots=True)
class CrossProfile:
    """What the cross-workbook rules need of one workbook; `name` is its name in the batch."""

    name: str
    office: str | None = None
    kabupaten: str | None = None
    year: int | None = None
    figures: dict[str, Figure] = field(default_factory=dict)  # "indicator|kind|year" -> own figure
    peer_rows: list[PeerRow] = field(default_factory=list)
    scales: dict[str, list[ScaleRow]] = field(default_factory=dict)  # table id -> printed scale

    def __reduce__(self) -> tuple[Any, ...]:
        args = (self.name, self.office, self.kabupaten, self.year, self.figures, self.peer_rows, self.scales)
        return (CrossProfile, args)


_FIG_COL = re.compile(r"^(target|realisasi)_(\d{4})$")


def norm_office(name: Any) -> str:
    """Office name for matching: case and punctuation folded, "Kecamatan"/"Kec." left out."""
    s = str(name or "").lower()
    s = re.sub(r"[^\w ]", " ", s)
    s = re.sub(r"\b(kecamatan|kec|kantor|camat)\b", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def scale_tables() -> tuple[str, ...]:
    """The tables where offices print a reference scale (`printed_in` in sheets/_scales.toml)."""
    aux = load_aux("scales")
    return tuple(str(v["printed_in"]) for v in aux.values() if isinstance(v, dict) and v.get("printed_in"))


def _figure(c: Cell) -> Figure:
    assert c.value is not None
    return Figure(c.value, c.decimals, c.text, c.address)


def _own_figures(wb: Workbook) -> dict[str, Figure]:
    """The office's own target/realisasi per indicator and year: Tabel 3.2 first, then 3.9."""
    out: dict[str, Figure] = {}
    t = wb.table("3.2")
    if t is not None and wb.year:
        for row in t.data_rows():
            key = row.row_id or norm_office(row.label)
            for kind in ("target", "realisasi"):
                c = row.get(kind)
                if c is not None and c.value is not None:
                    out.setdefault(f"{key}|{kind}|{wb.year}", _figure(c))
    t = wb.table("3.9")
    if t is not None:
        for row in t.data_rows():
            key = row.row_id or norm_office(row.label)
            for cid, c in row.cells.items():
                m = _FIG_COL.match(cid)
                if m and c.value is not None:
                    out.setdefault(f"{key}|{m.group(1)}|{m.group(2)}", _figure(c))
    return out


def _peer_rows(wb: Workbook) -> list[PeerRow]:
    t = wb.table("3.12")
    if t is None:
        return []
    rows = []
    for row in t.data_rows():
        kc = row.get("kecamatan")
        figs = []
        for cid, c in row.cells.items():
            m = _FIG_COL.match(cid)
            if m and c.value is not None:
                figs.append(PeerFigure(m.group(1), int(m.group(2)), _figure(c)))
        rows.append(
            PeerRow(kc.text if kc is not None else "", row.row_id or norm_office(row.label), row.label, tuple(figs))
        )
    return rows


def _scales(wb: Workbook) -> dict[str, list[ScaleRow]]:
    out: dict[str, list[ScaleRow]] = {}
    for tid in scale_tables():
        t = wb.table(tid)
        if t is None:
            continue
        label_col = next((c.id for c in t.spec.columns if c.id not in ("no", "interval") and not c.numeric), None)
        rows = []
        for row in t.data_rows():
            iv = row.get("interval")
            lab = row.get(label_col) if label_col else None
            where = iv or lab
            if where is None:
                continue
            rows.append(
                ScaleRow(iv.text if iv is not None else "", lab.text if lab is not None else row.label, where.address)
            )
        if rows:
            out[tid] = rows
    return out


def cross_profile(wb: Workbook, name: str) -> CrossProfile:
    """The profile of one workbook (runs in the batch worker, right after the check)."""
    return CrossProfile(name, wb.office, wb.kabupaten, wb.year, _own_figures(wb), _peer_rows(wb), _scales(wb))


# ------------------------------------------------------------------ the rules


def _finding(
    code: str, name: str, severity: str, at: str, found: Any, expected: Any, other: str, **params: Any
) -> Finding:
    sheet, cell = at.rsplit("!", 1)
    return Finding(
        code=code,
        rule=name,
        severity=severity,
        sheet=sheet,
        cell=cell,
        found=None if found is None else str(found),
        expected=None if expected is None else str(expected),
        message_key=name,
        params={"sheet": sheet, "cell": cell, "found": found, "expected": expected, "other": other, **params},
        related=[other],
        table=params.get("tid"),
    )


def _agree(a: Figure, b: Figure) -> bool:
    """Equal at the coarser of the two printed precisions (each figure stands for its half-open interval)."""
    d = min(x for x in (a.decimals, b.decimals, 6) if x is not None)
    return abs(a.value - b.value) <= half_unit(d) + FLOAT_NOISE


@rule(PEER_CODE, PEER_RULE, severity="warning", question="crosstable", runs="batch")
def peer_figures(ctx: Context) -> Iterable[Finding]:
    """Tabel 3.12 prints a peer kecamatan's target or realisasi that differs from the peer's own workbook
    (Tabel 3.2, else Tabel 3.9, same indicator and year), at printed precision. Batch mode only: the peer's
    workbook must be in the same batch (its office matches the peer's name, "Kecamatan" left out).

    Fails: Sei Balai's Tabel 3.12 prints Lima Puluh's IKM realisasi 2024 as 98,20; Lima Puluh's own workbook,
    in the same batch, prints 97,10 in its Tabel 3.2.

        {sei_balai.xlsx}
        [Info]
        | Nama Instansi | Kecamatan Sei Balai |
        | Tahun         | 2024                |
        [Tabel 3.12]
        | No | Indikator Kinerja          | Kecamatan  | Target |       | Realisasi |       |
        |    |                            |            | 2023   | 2024  | 2023      | 2024  |
        | 1  | Indeks Kepuasan Masyarakat | Sei Balai  | 85,00  | 85,00 | 80,50     | 75,35 |
        |    |                            | Lima Puluh | 85,00  | 85,00 | 96,00     | 98,20 |
        merged: D1:E1, F1:G1
        => W901 at Tabel 3.12!G4
        {lima_puluh.xlsx}
        [Info]
        | Nama Instansi | Kecamatan Lima Puluh |
        | Tahun         | 2024                 |
        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja          | Satuan | Target | Realisasi | Capaian |
        | 1  | Kepuasan          | Indeks Kepuasan Masyarakat | Nilai  | 85,00  | 97,10     | 114,24% |

    Passes: both print 97,10 (98,2 against 98,20 would pass too: equal at the coarser printed precision).

        {sei_balai.xlsx}
        [Info]
        | Nama Instansi | Kecamatan Sei Balai |
        | Tahun         | 2024                |
        [Tabel 3.12]
        | No | Indikator Kinerja          | Kecamatan  | Target |       | Realisasi |       |
        |    |                            |            | 2023   | 2024  | 2023      | 2024  |
        | 1  | Indeks Kepuasan Masyarakat | Sei Balai  | 85,00  | 85,00 | 80,50     | 75,35 |
        |    |                            | Lima Puluh | 85,00  | 85,00 | 96,00     | 97,10 |
        merged: D1:E1, F1:G1
        {lima_puluh.xlsx}
        [Info]
        | Nama Instansi | Kecamatan Lima Puluh |
        | Tahun         | 2024                 |
        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja          | Satuan | Target | Realisasi | Capaian |
        | 1  | Kepuasan          | Indeks Kepuasan Masyarakat | Nilai  | 85,00  | 97,10     | 114,24% |
    """
    return ()  # one workbook has no peer: see peer_findings


def peer_findings(profiles: list[CrossProfile]) -> list[Finding]:
    """W901 over a batch: each finding is at a cell of the workbook named by its `file` parameter."""
    by_office: dict[str, list[CrossProfile]] = {}
    for p in profiles:
        if p.office:
            by_office.setdefault(norm_office(p.office), []).append(p)
    out: list[Finding] = []
    for p in profiles:
        own = norm_office(p.office)
        for row in p.peer_rows:
            peer = norm_office(row.kecamatan)
            if not peer or peer == own:
                continue
            cands = sorted((w for w in by_office.get(peer, []) if w is not p), key=lambda w: (w.year != p.year, w.name))
            for pf in row.figures:
                other = next(
                    ((w, f) for w in cands if (f := w.figures.get(f"{row.indicator}|{pf.kind}|{pf.year}")) is not None),
                    None,
                )  # the best candidate holding the figure decides
                if other is None or _agree(pf.figure, other[1]):
                    continue
                w, theirs = other
                out.append(
                    _finding(
                        PEER_CODE,
                        PEER_RULE,
                        "warning",
                        pf.figure.address,
                        pf.figure.text,
                        theirs.text,
                        f"{w.name}:{theirs.address}",
                        tid="3.12",
                        file=p.name,
                        peer=row.kecamatan,
                        peer_file=w.name,
                        what=f"{pf.kind} {row.label}".strip(),
                        year=pf.year,
                    )
                )
    return out


@rule(SCALES_CODE, SCALES_RULE, severity="info", question="arithmetic", runs="batch")
def scales(ctx: Context) -> Iterable[Finding]:
    """Offices of the same kabupaten and year print different reference scales in Tabel 3.1 (capaian),
    3.4 (IKM mutu) or 3.6 (AKIP predikat). Info; batch mode only. The office whose printed scale differs
    from the one most offices print is reported, naming the other office's cell.

    Fails: two kecamatan of Batu Bara 2024: Sei Balai prints "88,31-100" for mutu A in Tabel 3.4, Lima Puluh
    "88,00-100" (with two offices the first one's scale is the reference).

        {sei_balai.xlsx}
        [Info]
        | Nama Instansi | Kecamatan Sei Balai |
        | Kabupaten     | Batu Bara           |
        | Tahun         | 2024                |
        [Tabel 3.4]
        | No | Nilai Interval | Mutu            |
        | 1  | 88,31-100      | A (Sangat Baik) |
        | 2  | 76,61-88,30    | B (Baik)        |
        {lima_puluh.xlsx}
        [Info]
        | Nama Instansi | Kecamatan Lima Puluh |
        | Kabupaten     | Batu Bara            |
        | Tahun         | 2024                 |
        [Tabel 3.4]
        | No | Nilai Interval | Mutu            |
        | 1  | 88,00-100      | A (Sangat Baik) |
        | 2  | 76,61-88,30    | B (Baik)        |
        => W902 at Tabel 3.4!B2

    Passes: the same two offices print the same intervals and labels.

        {sei_balai.xlsx}
        [Info]
        | Nama Instansi | Kecamatan Sei Balai |
        | Kabupaten     | Batu Bara           |
        | Tahun         | 2024                |
        [Tabel 3.4]
        | No | Nilai Interval | Mutu            |
        | 1  | 88,31-100      | A (Sangat Baik) |
        | 2  | 76,61-88,30    | B (Baik)        |
        {lima_puluh.xlsx}
        [Info]
        | Nama Instansi | Kecamatan Lima Puluh |
        | Kabupaten     | Batu Bara            |
        | Tahun         | 2024                 |
        [Tabel 3.4]
        | No | Nilai Interval | Mutu            |
        | 1  | 88,31-100      | A (Sangat Baik) |
        | 2  | 76,61-88,30    | B (Baik)        |
    """
    return ()  # one workbook has no neighbours: see scale_findings


def _scale_sig(rows: list[ScaleRow]) -> tuple[tuple[str, str], ...]:
    return tuple((re.sub(r"\s+", "", x.interval).lower(), re.sub(r"\s+", " ", x.label).strip().lower()) for x in rows)


def _scale_differences(members: list[CrossProfile], tid: str, year: int) -> list[Finding]:
    printed = [(m, m.scales[tid]) for m in members if tid in m.scales]
    each = [_scale_sig(rows) for _, rows in printed]  # once per office (a batch has hundreds)
    sigs = Counter(each)
    if len(printed) < 2 or len(sigs) < 2:
        return []
    # The scale most offices print (ties: the one of the first file) is the yardstick.
    first = {s: i for i, s in reversed(list(enumerate(each)))}
    major = max(sigs, key=lambda s: (sigs[s], -first[s]))
    ref_m, ref_rows = printed[each.index(major)]
    out = []
    for (m, rows), sig in zip(printed, each, strict=True):
        if sig == major:
            continue
        n = max(len(sig), len(major))
        i = next((k for k in range(n) if k >= len(sig) or k >= len(major) or sig[k] != major[k]), 0)
        mine, theirs = rows[min(i, len(rows) - 1)], ref_rows[min(i, len(ref_rows) - 1)]
        out.append(
            _finding(
                SCALES_CODE,
                SCALES_RULE,
                "info",
                mine.address,
                mine.interval if i < len(rows) else "-",
                theirs.interval if i < len(ref_rows) else "-",
                f"{ref_m.name}:{theirs.address}",
                tid=tid,
                file=m.name,
                other_file=ref_m.name,
                label=mine.label,
                kabupaten=m.kabupaten,
                year=year,
            )
        )
    return out


def scale_findings(profiles: list[CrossProfile]) -> list[Finding]:
    """W902 over a batch: offices of one kabupaten and year printing different reference scales."""
    groups: dict[tuple[str, int], list[CrossProfile]] = {}
    for p in profiles:
        if p.kabupaten and p.year:
            groups.setdefault((norm_office(p.kabupaten), p.year), []).append(p)
    out: list[Finding] = []
    for (_kab, year), members in sorted(groups.items(), key=lambda kv: str(kv[0])):
        if len(members) >= 2:
            for tid in scale_tables():
                out += _scale_differences(members, tid, year)
    return out


def cross_findings(profiles: list[CrossProfile]) -> dict[str, list[Finding]]:
    """Every check across workbooks, by the name of the workbook each finding belongs to."""
    out: dict[str, list[Finding]] = {}
    for f in peer_findings(profiles) + scale_findings(profiles):
        out.setdefault(str(f.params["file"]), []).append(f)
    return out


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
