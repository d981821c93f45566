"""Totals per program and per jenis belanja, from the leaf lines of an export.

Names come from `sheets/_budget_codes.toml`. A code not listed there is kept
under its own code and reported as an info finding.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from ..findings import Finding
from ..rules.base import Context, rule
from .model import BudgetExport

SUMMARY_COLUMNS = ["kode", "nama", "anggaran", "realisasi", "sisa", "penyerapan"]
JENIS_COLUMNS = ["kode", "nama", "level", "anggaran", "realisasi", "sisa", "penyerapan"]
NO_REKENING = ""  # jenis code of lines that carry no kode rekening (sub kegiatan leaves)


@rule("B010", "budget.program", severity="info", question="budget", runs="anggaran")
def program(ctx: Context) -> Iterable[Finding]:
    """A program code of the SIPD export is a known kecamatan program (info).

    Known programs are listed in `sheets/_budget_codes.toml`; an unknown one is
    still totalled under its own code. Found while aggregating an export
    (`lkj-excel anggaran EXPORT`); `check` reads no export, so there this rule
    reports nothing.

    Fails: the lines sit under program 7.01.09, which no kecamatan has (the finding is on the first line's amount).

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.09           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.09.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.09.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        => B010 at C5

    Passes: every line under 7.01.01–7.01.06.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
    """
    return []


@rule("B011", "budget.jenis", severity="info", question="budget", runs="anggaran")
def jenis(ctx: Context) -> Iterable[Finding]:
    """The jenis belanja of a kode rekening in the SIPD export is in the code list (info).

    The jenis is the first three segments of the kode rekening, looked up in
    `sheets/_budget_codes.toml`; an unknown one is still totalled under its own
    code. Found while aggregating an export (`lkj-excel anggaran EXPORT`);
    `check` reads no export, so there this rule reports nothing.

    Fails: a line with kode rekening 5.9.99.01.01.0001 (jenis 5.9.99).

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.9.99.01.01.0001 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        => B011 at C6

    Passes: kode rekening 5.1.02.01.01.0026 (jenis 5.1.02).

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
    """
    return []


@rule("B012", "budget.no_rekening", severity="info", question="budget", runs="anggaran")
def no_rekening(ctx: Context) -> Iterable[Finding]:
    """Every leaf line of the SIPD export carries a kode rekening (info).

    A line without one (a sub kegiatan with no rekening rows) counts toward
    its program but its jenis belanja is unknown. Found while aggregating an
    export (`lkj-excel anggaran EXPORT`); `check` reads no export, so there
    this rule reports nothing.

    Fails: sub kegiatan 7.01.01.2.01.0001 has its amounts but no kode rekening lines.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %     |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33 |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33 |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33 |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33 |
        => B012 at C4

    Passes: its amounts are split over kode rekening lines.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
    """
    return []


def codes_path() -> Path:
    try:
        from ..spec import sheets_dir

        return sheets_dir() / "_budget_codes.toml"
    except ImportError:  # spec not importable: fall back to the checkout layout
        return Path(__file__).resolve().parents[3] / "sheets" / "_budget_codes.toml"


@lru_cache(maxsize=4)
def load_codes(path: str | None = None) -> dict[str, dict[str, str]]:
    """{"programs": {code: name}, "kegiatan": {...}, "akun": {...}} from the TOML code list."""
    with open(path or codes_path(), "rb") as fh:
        data: dict[str, Any] = tomllib.load(fh)
    return {k: dict(data.get(k, {})) for k in ("programs", "kegiatan", "akun")}


@dataclass(slots=True)
class BudgetSummary:
    programs: pd.DataFrame  # SUMMARY_COLUMNS, one row per program
    jenis: pd.DataFrame  # JENIS_COLUMNS: kelompok rows (5.1) each followed by its jenis rows (5.1.01)
    total: pd.DataFrame  # SUMMARY_COLUMNS, one row: kode "", nama "Jumlah"
    findings: list[Finding] = field(default_factory=list)


def _finish(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["sisa"] = df["anggaran"] - df["realisasi"]
    # penyerapan = realisasi / anggaran × 100; undefined for a zero budget.
    df["penyerapan"] = (df["realisasi"] / df["anggaran"].where(df["anggaran"] != 0)) * 100
    return df


def _sum_by(lines: pd.DataFrame, key: pd.Series) -> pd.DataFrame:
    grouped = lines.assign(kode=key).groupby("kode", sort=True)
    return pd.DataFrame(
        {
            "anggaran": grouped["anggaran"].sum(min_count=1),
            "realisasi": grouped["realisasi"].sum(min_count=1),
        }
    ).reset_index()


def jenis_code(rekening: str) -> str:
    """akun.kelompok.jenis of a kode rekening: "5.1.02.01.01.0024" -> "5.1.02"."""
    segs = [s for s in str(rekening).split(".") if s]
    return ".".join(segs[:3]) if len(segs) >= 3 else NO_REKENING


def by_program(lines: pd.DataFrame, codes: dict[str, dict[str, str]] | None = None) -> pd.DataFrame:
    names = (codes or load_codes())["programs"]
    lines = lines[lines["program"] != ""]  # an SKPD's LRA by rekening names no program
    df = _sum_by(lines, lines["program"])
    df.insert(1, "nama", [names.get(k, "") for k in df["kode"]])
    return _finish(df)[SUMMARY_COLUMNS]


def by_jenis(lines: pd.DataFrame, codes: dict[str, dict[str, str]] | None = None) -> pd.DataFrame:
    names = (codes or load_codes())["akun"]
    jenis = _sum_by(lines, lines["rekening"].map(jenis_code))
    jenis["level"] = "jenis"
    kelompok = _sum_by(lines, lines["rekening"].map(lambda r: ".".join(jenis_code(r).split(".")[:2])))
    kelompok["level"] = "kelompok"
    both = pd.concat([kelompok, jenis], ignore_index=True)
    # Lines without a rekening appear once, as a jenis row with an empty code.
    both = both[~((both["level"] == "kelompok") & (both["kode"] == NO_REKENING))]
    # Order 5.1, 5.1.01, 5.1.02, 5.2, ... : sort on the kelompok, then kelompok row first.
    both["_k"] = both["kode"].map(lambda k: tuple(int(s) for s in k.split(".")[:2]) if k else (99, 99))
    both["_j"] = both["kode"].map(lambda k: tuple(int(s) for s in k.split(".")) if k else (99,))
    both = both.sort_values(["_k", "_j"], kind="stable").drop(columns=["_k", "_j"]).reset_index(drop=True)
    both.insert(1, "nama", [names.get(k, "") for k in both["kode"]])
    return _finish(both)[JENIS_COLUMNS]


def grand_total(lines: pd.DataFrame) -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "kode": [""],
            "nama": ["Jumlah"],
            "anggaran": [lines["anggaran"].sum(min_count=1)],
            "realisasi": [lines["realisasi"].sum(min_count=1)],
        }
    )
    return _finish(df)[SUMMARY_COLUMNS]


def aggregate(export: BudgetExport | pd.DataFrame, codes: dict[str, dict[str, str]] | None = None) -> BudgetSummary:
    """Totals per program and jenis belanja plus a grand total, with info findings for unknown codes."""
    lines = export.lines if isinstance(export, BudgetExport) else export
    codes = codes or load_codes()
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for _, x in lines.iterrows():
        ref = x["anggaran_cell"] or x["realisasi_cell"] or f"{x['sheet']}!A{x['row']}"
        sheet, _, cell = str(ref).rpartition("!")
        if x["program"] and x["program"] not in codes["programs"] and ("p", x["program"]) not in seen:
            seen.add(("p", x["program"]))
            findings.append(
                Finding(
                    "B010",
                    "budget.program",
                    "info",
                    sheet,
                    cell,
                    x["program"],
                    None,
                    "budget.program_unknown",
                    {"ref": ref, "code": x["program"]},
                )
            )
        jenis = jenis_code(x["rekening"])
        if jenis == NO_REKENING:
            if ("j", "") not in seen:
                seen.add(("j", ""))
                findings.append(
                    Finding(
                        "B012",
                        "budget.no_rekening",
                        "info",
                        sheet,
                        cell,
                        None,
                        None,
                        "budget.no_rekening",
                        {"ref": ref},
                    )
                )
        elif jenis not in codes["akun"] and ("j", jenis) not in seen:
            seen.add(("j", jenis))
            findings.append(
                Finding(
                    "B011",
                    "budget.jenis",
                    "info",
                    sheet,
                    cell,
                    jenis,
                    None,
                    "budget.jenis_unknown",
                    {"ref": ref, "code": jenis, "rekening": x["rekening"]},
                )
            )
    return BudgetSummary(by_program(lines, codes), by_jenis(lines, codes), grand_total(lines), findings)
