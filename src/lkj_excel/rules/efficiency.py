"""Efisiensi penggunaan sumber daya (Tabel 3.14): the penyerapan of each sasaran,
recomputed from the programs that support it, and whether efficiency is reported.

Tabel 3.15 links programs to sasaran (`links`: rows of a sasaran's block
whose program text names a program of `sheets/_programs.toml`, so
"3. PROGRAM PEMBERDAYAAN DESA DAN KELURAHAN" is 7.01.03; its kegiatan rows
name none). Tabel 3.17 gives each program's anggaran and realisasi:
penyerapan(sasaran) = Σ realisasi / Σ anggaran × 100 over its programs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..findings import Finding
from ..links import match_program, programs_for, sasaran_programs, sasaran_text, significant
from ..model import Cell, Table
from ..numerals import format_id
from ..precision import Interval, consistent, interval_of, round_half_up
from ..spec_sources import sources
from ..texts import register
from .base import Context, make, rule
from .categories import checks_of, col_id


@rule("E501", "efisiensi.selisih", severity="error", question="efficiency")
def efisiensi_penyerapan(ctx: Context) -> Iterable[Finding]:
    """The % penyerapan of a sasaran in Tabel 3.14 is not Σ realisasi / Σ anggaran × 100 of the programs Tabel 3.15 links to it (amounts from Tabel 3.17).

    A sasaran whose programs cannot be identified in 3.15 or found in 3.17 is
    reported as info (cannot verify).

    Fails: Tabel 3.15 links sasaran AKIP to Program Penunjang, which spent 2.610.761.561 of 2.746.175.328
    (95,07%) in Tabel 3.17; Tabel 3.14 prints 96,07.

        [Tabel 3.14]
        | No | Sasaran Strategis | Indikator  | Capaian Kinerja (%) | Serapan Anggaran | Efisiensi (%) |
        | 1  | Akuntabilitas     | Nilai AKIP | 102,28              | 96,07            | 6,21          |
        => E501 at E2
        [Tabel 3.15]
        | No | Sasaran       | Indikator Kinerja Sasaran | % Capaian | Program/Kegiatan                                |
        | 1  | Akuntabilitas | Nilai AKIP                | 102,28    | 1. Program Penunjang Urusan Pemerintahan Daerah |
        [Tabel 3.17]
        | No | Nama Program                                  | Pagu Anggaran | Realisasi     | % Penyerapan |
        | 1  | Program Penunjang Urusan Pemerintah Daerah    | 2.746.175.328 | 2.610.761.561 | 95,07        |

    Passes: the same tables with 95,07 in Tabel 3.14.

        [Tabel 3.14]
        | No | Sasaran Strategis | Indikator  | Capaian Kinerja (%) | Serapan Anggaran | Efisiensi (%) |
        | 1  | Akuntabilitas     | Nilai AKIP | 102,28              | 95,07            | 7,21          |
        [Tabel 3.15]
        | No | Sasaran       | Indikator Kinerja Sasaran | % Capaian | Program/Kegiatan                                |
        | 1  | Akuntabilitas | Nilai AKIP                | 102,28    | 1. Program Penunjang Urusan Pemerintahan Daerah |
        [Tabel 3.17]
        | No | Nama Program                                  | Pagu Anggaran | Realisasi     | % Penyerapan |
        | 1  | Program Penunjang Urusan Pemerintah Daerah    | 2.746.175.328 | 2.610.761.561 | 95,07        |
    """  # noqa: E501 -- catalog text (docs/rules.md); the first line is the summary
    declared = sources().budget
    for t, chk in checks_of(ctx, "penyerapan_sasaran"):
        pcol = col_id(ctx, chk.get("penyerapan", "penyerapan"))
        links_id, budgets_id = chk.get("links", declared.links), chk.get("budgets", declared.absorption)
        links, budgets = ctx.table(links_id), ctx.table(budgets_id)
        budget_of = _budgets_by_program(budgets) if budgets is not None else {}
        blocks = sasaran_programs(links) if links is not None else []
        sasaran = ""
        for r in t.rows:
            if r.role == "data":
                sasaran = sasaran_text(r, sasaran)
            pc = r.get(pcol)
            if pc is None or pc.value is None:
                continue
            ic = r.get("indikator")
            who = (ic.text if ic else None) or r.label
            if links is None or budgets is None:
                missing = " / ".join(x for x, tb in ((links_id, links), (budgets_id, budgets)) if tb is None)
                yield make("E501", "info", pc, pc.text, None, "eff.no_tables", t, tables=missing, who=who)
                continue
            pids, unknown = programs_for(blocks, r.row_id, sasaran)
            if not pids:
                yield make("E501", "info", pc, pc.text, None, "eff.no_link", t, who=who, links=links.sheet)
                continue
            found = [budget_of.get(p) for p in pids]
            absent = [p for p, b in zip(pids, found, strict=True) if b is None]
            if unknown or absent:
                yield make(
                    "E501",
                    "info",
                    pc,
                    pc.text,
                    None,
                    "eff.partial",
                    t,
                    who=who,
                    unknown="; ".join(unknown) or "-",
                    absent=", ".join(absent) or "-",
                    links=links.sheet,
                    budgets=budgets.sheet,
                )
                continue
            progs = [b for b in found if b is not None]  # all of them: none is absent
            yield from _penyerapan_error(t, pc, pc.value, progs, who=who, pids=pids, budgets=budgets.sheet)


class _Amount(NamedTuple):
    """An amount of Tabel 3.17 that is printed: its cell, value and the interval it stands for."""

    cell: Cell
    value: float
    interval: Interval


def _amount(c: Cell | None, exact: bool) -> _Amount | None:
    iv = interval_of(c, exact) if c is not None else None
    if c is None or c.value is None or iv is None:
        return None
    return _Amount(c, c.value, iv)


def _budgets_by_program(budgets: Table) -> dict[str, tuple[_Amount, _Amount] | None]:
    """Program id -> (anggaran, realisasi) of its first row in `budgets`; None when either is blank."""
    budget_of: dict[str, tuple[_Amount, _Amount] | None] = {}
    exact = budgets.spec.has_column("anggaran") and budgets.spec.column("anggaran").exact
    for r in budgets.rows:
        if r.role != "data":
            continue
        pid = r.row_id if r.row_id and re.fullmatch(r"[\d.]+", r.row_id) else None
        if pid is None:
            pc = r.get("program")
            pid = match_program(pc.text if pc else r.label, need_program_word=False)
        if pid and pid not in budget_of:
            ang, rea = _amount(r.get("anggaran"), exact), _amount(r.get("realisasi"), exact)
            budget_of[pid] = (ang, rea) if ang is not None and rea is not None else None
    return budget_of


def _penyerapan_error(
    t: Table, pc: Cell, printed: float, progs: list[tuple[_Amount, _Amount]], who: str, pids: list[str], budgets: str
) -> Iterator[Finding]:
    """E501 error when `printed` cannot be Σ realisasi / Σ anggaran × 100 of `progs`."""
    s_ang = sum(a.value for a, _ in progs)
    s_rea = sum(z.value for _, z in progs)
    if s_ang == 0:
        return
    iv_a, iv_r = Interval.exact(0.0), Interval.exact(0.0)
    for a, _ in progs:
        iv_a = iv_a + a.interval
    for _, z in progs:
        iv_r = iv_r + z.interval
    iv = (iv_r / iv_a).scale(100)
    if consistent(printed, pc.decimals, iv):
        return
    point = s_rea / s_ang * 100
    fix = round_half_up(point, pc.decimals)
    yield make(
        "E501",
        "error",
        pc,
        pc.text,
        pc.fmt(fix),
        "eff.penyerapan",
        t,
        related=[a.cell for a, _ in progs] + [z.cell for _, z in progs],
        fix=fix,
        who=who,
        programs=", ".join(pids),
        realisasi=format_id(s_rea),
        anggaran=format_id(s_ang),
        computed=format_id(point, 4),
        budgets=budgets,
    )


def _blank(c: Cell | None) -> bool:
    return c is None or c.value is None


@rule("E502", "efisiensi.reported", severity="warning", question="efficiency")
def efisiensi_reported(ctx: Context) -> Iterable[Finding]:
    """Efficiency of resource use is not reported for every indicator: Tabel 3.14 is missing or lacks an indicator of Tabel 3.2.

    PermenPANRB 88/2021 asks the LKjIP to report the efficiency of resource
    use; reviewers look for it per indicator.

    Fails: Tabel 3.2 lists IKM and Nilai AKIP, Tabel 3.14 only IKM.

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi | Capaian |
        | 1  | Meningkatnya kepuasan masyarakat | Indeks Kepuasan Masyarakat | Nilai | 85,00 | 75,35 | 88,65% |
        | 2  | Meningkatnya akuntabilitas kinerja | Nilai AKIP | Nilai | BB (71,00) | BB (72,62) | 102,28% |
        => E502 at C3
        [Tabel 3.14]
        | No | Sasaran Strategis | Indikator | Capaian Kinerja (%) | Serapan Anggaran | Efisiensi (%) |
        | 1  | Meningkatnya kepuasan masyarakat | Indeks Kepuasan Masyarakat | 88,65 | 98,94 | -10,29 |

    Passes: Tabel 3.14 has a row with % capaian, % penyerapan and efisiensi for both.

        [Tabel 3.2]
        | No | Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi | Capaian |
        | 1  | Meningkatnya kepuasan masyarakat | Indeks Kepuasan Masyarakat | Nilai | 85,00 | 75,35 | 88,65% |
        | 2  | Meningkatnya akuntabilitas kinerja | Nilai AKIP | Nilai | BB (71,00) | BB (72,62) | 102,28% |
        [Tabel 3.14]
        | No | Sasaran Strategis | Indikator | Capaian Kinerja (%) | Serapan Anggaran | Efisiensi (%) |
        | 1  | Meningkatnya kepuasan masyarakat | Indeks Kepuasan Masyarakat | 88,65 | 98,94 | -10,29 |
        | 2  | Meningkatnya akuntabilitas kinerja | Nilai AKIP | 102,28 | 95,07 | 7,21 |
    """  # noqa: E501 -- catalog text (docs/rules.md); the first line is the summary
    indicators_id, efficiency_id = sources().source_tables("capaian")[0], sources().budget.efficiency
    t32 = ctx.table(indicators_id)
    if t32 is None:
        return
    inds = [r for r in t32.rows if r.role == "data" and (r.row_id or r.label)]
    if not inds:
        return
    t314 = ctx.table(efficiency_id)
    if t314 is None:
        c = inds[0].get("indikator") or next(iter(inds[0].cells.values()), None)
        if c is not None:
            yield make(
                "E502",
                "warning",
                c,
                None,
                None,
                "eff.no_table",
                t32,
                sheet314=ctx.wb.sheet_of.get(efficiency_id) or f"Tabel {efficiency_id}",
            )
        return
    for r in inds:
        anchor = r.get("indikator") or next(iter(r.cells.values()), None)
        if anchor is None:
            continue
        match = next((r2 for r2 in t314.rows if r.row_id is not None and r2.row_id == r.row_id), None)
        if match is None:
            # an indicator the declarations do not know: compare the printed names
            name = significant(r.label)
            match = next((r2 for r2 in t314.rows if name and significant(r2.label) == name), None)
        if match is None:
            yield make("E502", "warning", anchor, anchor.text, None, "eff.no_row", t32, sheet314=t314.sheet)
            continue
        empty = [cid for cid in ("penyerapan", "efisiensi") if t314.spec.has_column(cid) and _blank(match.get(cid))]
        if empty:
            c = match.get(empty[0]) or anchor
            yield make(
                "E502", "warning", c, c.text or None, None, "eff.empty", t314, who=anchor.text, columns=", ".join(empty)
            )


register(
    {
        "eff.penyerapan": (
            (
                'Penyerapan anggaran sasaran "{who}" ditulis {found}, padahal program pendukungnya ({programs}) '
                "merealisasikan Rp {realisasi} dari Rp {anggaran} ({budgets}) = {computed}%; seharusnya {expected}."
            ),
            (
                'Budget absorption of sasaran "{who}" is {found}, but its programs ({programs}) spent '
                "Rp {realisasi} of Rp {anggaran} ({budgets}) = {computed}%; it should be {expected}."
            ),
        ),
        "eff.no_tables": (
            'Penyerapan anggaran "{who}" tidak dapat diperiksa: tabel {tables} tidak ada.',
            'Budget absorption of "{who}" cannot be verified: table {tables} is missing.',
        ),
        "eff.no_link": (
            (
                'Penyerapan anggaran "{who}" tidak dapat diperiksa: {links} tidak menyebut program yang '
                "mendukung sasaran ini."
            ),
            'Budget absorption of "{who}" cannot be verified: {links} names no program supporting this sasaran.',
        ),
        "eff.partial": (
            (
                'Penyerapan anggaran "{who}" tidak dapat diperiksa: program yang tidak dikenali di {links}: '
                "{unknown}; program tanpa anggaran/realisasi di {budgets}: {absent}."
            ),
            (
                'Budget absorption of "{who}" cannot be verified: programs not recognised in {links}: {unknown}; '
                "programs without anggaran/realisasi in {budgets}: {absent}."
            ),
        ),
        "eff.no_table": (
            (
                "Tabel 3.14 (analisis efisiensi penggunaan sumber daya) tidak ada: efisiensi tidak dilaporkan untuk "
                "indikator Tabel 3.2."
            ),
            (
                "Table 3.14 (efficiency of resource use) is missing: efficiency is not reported for the indicators "
                "of Table 3.2."
            ),
        ),
        "eff.no_row": (
            'Indikator "{found}" tidak ada di {sheet314}: efisiensi penggunaan sumber dayanya tidak dilaporkan.',
            'Indicator "{found}" is not in {sheet314}: the efficiency of its resource use is not reported.',
        ),
        "eff.empty": (
            'Efisiensi indikator "{who}" tidak lengkap: kolom {columns} kosong.',
            'Efficiency of indicator "{who}" is incomplete: column {columns} is empty.',
        ),
    }
)
