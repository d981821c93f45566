"""The LKjIP budget tables against the SIPD export they are copied from.

Tabel 2.3 / 3.16 (per jenis and kelompok belanja and the total), Tabel 2.4 /
3.17 (per program and the total) and the % penyerapan of Tabel 3.14 (per
sasaran: its programs from Tabel 3.15, their amounts from the export) are
compared with the export's aggregation (`budget.aggregate`).

Rupiah are compared as printed: a figure printed with d decimals agrees when
the export's figure lies within half a unit of its last digit (with whole
rupiah on both sides that means equal). Percentages are compared precision-
aware: a % printed with d decimals agrees when the export's exact ratio rounds
to it. Every mismatch is a Finding at the table cell, with the export's figure
as its `fix` (rupiah exact; percentages rounded to the cell's printed
decimals) and the export cells behind the figure as `related`.

The rules B101-B104 are declared in `budget.compare_catalog` like every other rule,
but `check` has no export to compare with, so their bodies return nothing there:
`compare_workbook` is the real entry (`lkj-excel anggaran --workbook`).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..findings import Finding
from ..links import SasaranBlock, match_program, programs_for, sasaran_programs, sasaran_text
from ..model import Cell, Row, Table, Workbook
from ..numerals import Parsed, format_id
from ..precision import FLOAT_NOISE, Interval, consistent, round_half_up
from ..rules.base import make
from ..spec_sources import sources
from . import compare_catalog, texts  # noqa: F401 - register the rules B101-B104 and the messages
from .aggregate import BudgetSummary, aggregate
from .export import BudgetExport
from .figures import Figure, Source


# --- comparing one cell ----------------------------------------------------------
def _blank_cell(t: Table, row: Row, cid: str) -> Cell | None:
    letter = t.columns.get(cid)
    if letter is None:
        return None
    return Cell(t.sheet, f"{letter}{row.excel_row}", None, "", Parsed("empty"))


def _printed(cell: Cell) -> tuple[float | None, int] | None:
    """(value, decimals) a cell states; None for a cell that states no figure (text, unreadable)."""
    if cell.status in ("empty", "none"):
        return 0.0, 0
    if cell.value is None or cell.status not in ("number",):
        return None
    return cell.value, cell.decimals or 0


def _printed_at(t: Table, row: Row, cid: str) -> tuple[Cell, float, int] | None:
    """The table's cell for `cid` on `row` (a blank one if the table has the column) and its printed figure."""
    cell = row.get(cid) or _blank_cell(t, row, cid)
    if cell is None:
        return None
    p = _printed(cell)
    if p is None or p[0] is None:
        return None
    return cell, p[0], p[1]


def _rupiah_ok(printed: float, decimals: int, exact: float) -> bool:
    return consistent(printed, decimals, Interval.exact(exact))


def _percent_ok(printed: float, decimals: int, ratio: float) -> bool:
    return consistent(printed, decimals, Interval.exact(ratio))


def _rp(v: float) -> str:
    d = 0 if abs(v - round(v)) <= FLOAT_NOISE * max(1.0, abs(v)) else 2
    return format_id(v, d)


def _fix_rupiah(v: float) -> float | int:
    r = round(v, 2)
    return int(r) if float(r).is_integer() else r


class _Compare:
    def __init__(self, wb: Workbook, src: Source) -> None:
        self.wb = wb
        self.src = src
        self.out: list[Finding] = []

    # one figure -------------------------------------------------------------
    def amount(
        self, t: Table, row: Row, cid: str, value: float | None, fig: Figure, what: str, code: str, role: str
    ) -> None:
        if value is None or not t.spec.has_column(cid) or cid not in t.columns:
            return
        located = _printed_at(t, row, cid)
        if located is None:
            return
        cell, printed, d = located
        if _rupiah_ok(printed, d, value):
            return
        fix = _fix_rupiah(value)
        found = cell.text or "-"
        expected = _rp(value)
        if role == "sisa":
            key, rcode, rel = "budget.cmp_sisa", "B102", self.src.refs(fig.lines, ("anggaran", "realisasi"))
        elif role == "realisasi":
            key, rcode, rel = "budget.cmp_realisasi", "B102", self.src.refs(fig.lines, ("realisasi",))
        else:
            key, rcode, rel = "budget.cmp_anggaran", "B101", self.src.refs(fig.lines, ("anggaran",))
        severity = "error"
        if cell.status == "empty":  # a blank template cell: filled from the export, not an error
            key, severity = "budget.cmp_filled", "info"
        self.out.append(
            make(
                rcode,
                severity,
                cell,
                found,
                expected,
                key,
                table=t,
                related=rel,
                fix=fix,
                what=what,
                kode=code,
                diff=_rp(printed - value),
                ref=cell.address,
                anggaran=_rp(fig.anggaran),
                realisasi=_rp(fig.realisasi or 0.0),
            )
        )

    def percent(
        self,
        t: Table,
        row: Row,
        cid: str,
        fig: Figure,
        what: str,
        code: str,
        key: str = "budget.cmp_penyerapan",
        **params: Any,
    ) -> None:
        ratio = fig.penyerapan
        if ratio is None or cid not in t.columns:
            return
        located = _printed_at(t, row, cid)
        if located is None:
            return
        cell, printed, d = located
        if cell.status != "number":
            d = _column_decimals(t, cid)
        if _percent_ok(printed, d, ratio):
            return
        fix = round_half_up(ratio, d)
        severity = "error"
        if cell.status == "empty":  # a blank template cell: filled from the export, not an error
            key, severity = "budget.cmp_filled", "info"
        self.out.append(
            make(
                "B103",
                severity,
                cell,
                cell.text or "-",
                cell.fmt(fix, d),
                key,
                table=t,
                related=self.src.refs(fig.lines, ("anggaran", "realisasi")),
                fix=fix,
                what=what,
                kode=code,
                ref=cell.address,
                anggaran=_rp(fig.anggaran),
                realisasi=_rp(fig.realisasi or 0.0),
                **params,
            )
        )

    def row(self, t: Table, row: Row, fig: Figure, what: str, code: str) -> None:
        self.amount(t, row, "anggaran", fig.anggaran, fig, what, code, "anggaran")
        if fig.realisasi is None:
            return
        if "realisasi" in t.columns:
            self.amount(t, row, "realisasi", fig.realisasi, fig, what, code, "realisasi")
        if "sisa" in t.columns:
            self.amount(t, row, "sisa", fig.anggaran - fig.realisasi, fig, what, code, "sisa")
        if "persen" in t.columns:
            self.percent(t, row, "persen", fig, what, code)

    def not_in_export(self, t: Table, row: Row, code: str, kind: str) -> None:
        """A table row whose code has no export lines: a finding when it states a non-zero figure."""
        for cid in ("anggaran", "realisasi"):
            cell = row.get(cid)
            if cell is None:
                continue
            p = _printed(cell)
            if p is not None and p[0]:
                self.out.append(
                    make(
                        "B104",
                        "error",
                        cell,
                        cell.text,
                        None,
                        "budget.cmp_not_in_export",
                        table=t,
                        what=_label(row.label),
                        kode=code,
                        kind=kind,
                        ref=cell.address,
                        tabel=t.id,
                    )
                )
                return

    def not_in_table(self, t: Table, anchor: Row | None, code: str, name: str, fig: Figure, kind: str) -> None:
        anchor = anchor or t.total_row() or (t.rows[-1] if t.rows else None)
        if anchor is None:
            return
        cell = anchor.get("anggaran") or _blank_cell(t, anchor, "anggaran")
        if cell is None:
            return
        self.out.append(
            make(
                "B104",
                "error",
                cell,
                None,
                None,
                "budget.cmp_not_in_table",
                table=t,
                related=self.src.refs(fig.lines, ("anggaran",)),
                kind=kind,
                kode=code,
                name=name,
                anggaran=_rp(fig.anggaran),
                realisasi=_rp(fig.realisasi or 0.0),
                ref=cell.address,
                tabel=t.id,
            )
        )

    # tables -----------------------------------------------------------------
    def jenis_table(self, t: Table) -> None:
        """Tabel 2.3 / 3.16: rows declared with a kode rekening prefix, and the total."""
        seen: set[str] = set()
        by_code: dict[str, Row] = {}
        for row in t.rows:
            if row.role == "total" or row.row_id == "total":
                self.row(t, row, self.src.total, _label(row.label) or "Total", "")
                continue
            spec = next((rs for rs in t.spec.rows if rs.id == row.row_id), None)
            code = str(spec.extra.get("code", "")) if spec else ""
            if not code:
                continue
            seen.add(code)
            by_code.setdefault(code, row)
            fig = self.src.jenis.get(code)
            what = _label(row.label) or code
            if fig is None:
                self.not_in_export(t, row, code, "jenis belanja")
                continue
            self.row(t, row, fig, what, code)
        for code, fig in self.src.jenis.items():
            if code in seen or (not fig.anggaran and not fig.realisasi):
                continue
            level = self.src.kinds.get(code)
            kelompok = ".".join(code.split(".")[:2])
            if level == "kelompok":
                # A kelompok without its row is missing only when none of its jenis has a row either.
                if any(s.startswith(code + ".") for s in seen):
                    continue
                kind = "Kelompok belanja"
            else:
                # A jenis of a kelompok that is missing altogether is reported with its kelompok.
                has_kelompok = kelompok in seen or any(s.startswith(kelompok + ".") for s in seen)
                if kelompok in self.src.jenis and not has_kelompok:
                    continue
                kind = "Jenis belanja"
            self.not_in_table(t, by_code.get(kelompok), code, self.src.jenis_names.get(code, ""), fig, kind)

    def program_table(self, t: Table) -> None:
        """Tabel 2.4 / 3.17: one row per program, and the total."""
        seen: set[str] = set()
        for row in t.rows:
            if row.role == "total":
                self.row(t, row, self.src.total, _label(row.label) or "Jumlah", "")
                continue
            if row.role != "data":
                continue
            code = row.row_id
            what = _label(row.label)
            if not code:
                code = match_program(row.label)
            if not code:
                cell = row.get("anggaran")
                if cell is not None and (p := _printed(cell)) is not None and p[0]:
                    self.out.append(
                        make(
                            "B104",
                            "warning",
                            cell,
                            cell.text,
                            None,
                            "budget.cmp_unknown_row",
                            table=t,
                            what=what,
                            ref=cell.address,
                            tabel=t.id,
                        )
                    )
                continue
            seen.add(code)
            fig = self.src.programs.get(code)
            if fig is None:
                self.not_in_export(t, row, code, "program")
                continue
            self.row(t, row, fig, f"{code} {what}".strip(), code)
        for code, fig in self.src.programs.items():
            if code not in seen and (fig.anggaran or fig.realisasi):
                self.not_in_table(t, None, code, self.src.program_names.get(code, ""), fig, "Program")

    def efficiency_table(self, t14: Table, t15: Table) -> None:
        """Tabel 3.14: % penyerapan per sasaran over the programs Tabel 3.15 lists under it."""
        if not self.src.has_realisasi or "penyerapan" not in t14.columns:
            return
        blocks = sasaran_programs(t15)
        current_sasaran = ""
        for row in t14.rows:
            if row.role != "data":
                continue
            current_sasaran = sasaran_text(row, current_sasaran)
            programs, _unknown = programs_for(blocks, row.row_id, current_sasaran)
            if not programs or any(p not in self.src.programs for p in programs):
                continue
            figs = [self.src.programs[p] for p in programs]
            fig = Figure(
                sum(f.anggaran for f in figs), sum(f.realisasi or 0.0 for f in figs), pd.concat([f.lines for f in figs])
            )
            what = current_sasaran or row.label
            self.percent(
                t14,
                row,
                "penyerapan",
                fig,
                what,
                ", ".join(programs),
                key="budget.cmp_sasaran",
                programs=", ".join(programs),
            )


def _label(text: str) -> str:
    """A row label for messages: "T O T A L" -> "TOTAL", "-  Belanja Pegawai" -> "Belanja Pegawai"."""
    t = " ".join(str(text or "").split()).strip(" -")
    if re.fullmatch(r"(\w )+\w", t):
        t = t.replace(" ", "")
    return t


def _column_decimals(t: Table, cid: str) -> int:
    ds = [
        c.decimals for r in t.rows if (c := r.get(cid)) is not None and c.status == "number" and c.decimals is not None
    ]
    return max(set(ds), key=ds.count) if ds else 2


# --- entry ---------------------------------------------------------------------------
def compare_workbook(wb: Workbook, export: BudgetExport, summary: BudgetSummary | None = None) -> list[Finding]:
    """Findings B101-B104: where the LKjIP budget tables differ from the export's aggregation."""
    summary = summary or aggregate(export)
    c = _Compare(wb, Source(export, summary))
    declared = sources().budget  # which tables repeat the budget: sheets/_sources.toml
    for tid in declared.jenis:
        if (t := wb.tables.get(tid)) is not None:
            c.jenis_table(t)
    # An SKPD's LRA by rekening names no program: the program tables have nothing to hold against.
    has_programs = bool((export.lines["program"] != "").any())
    for tid in declared.program if has_programs else ():
        if (t := wb.tables.get(tid)) is not None:
            c.program_table(t)
    t14, t15 = wb.tables.get(declared.efficiency), wb.tables.get(declared.links)
    if t14 is not None and t15 is not None and has_programs and export.realisasi_by_program:
        c.efficiency_table(t14, t15)
    # One finding per cell and rule.
    seen: set[tuple[str, str, str]] = set()
    out = []
    for f in c.out:
        k = (f.code, f.sheet, f.cell)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


__all__ = ["Figure", "SasaranBlock", "compare_workbook", "sasaran_programs"]
