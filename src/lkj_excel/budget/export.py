"""Read a SIPD budget export (DPPA and/or realisasi) into its leaf lines.

Exports are report-style sheets: a header block (pemerintah daerah, SKPD, tahun
anggaran), a one- or two-row column header, then rows whose code column mixes
program, kegiatan, sub kegiatan and kode rekening, with subtotals at every
level. Some exports instead give each level its own code column. Only leaf lines
are summed; every subtotal row is checked against the leaves under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import LkjError
from ..findings import Finding
from ..messages import register
from ..numbers import format_id, parse_cell
from ..read.grid import text_of
from ..read.open import open_workbook
from . import catalog as _catalog  # noqa: F401 - registers B001-B012 in the rule catalog

CODE_RE = re.compile(r"\d+(?:\.\d+)+")
LEVELS = ("program", "kegiatan", "sub_kegiatan", "rekening")
LEVEL_NAMES = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan", "rekening": "rekening"}
_LEVEL_RES = {
    "program": re.compile(r"\d\.\d{2}\.\d{2}"),
    "kegiatan": re.compile(r"\d\.\d{2}\.\d{2}\.\d\.\d{2}"),
    "sub_kegiatan": re.compile(r"\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}"),
    # akun.kelompok.jenis.objek.rincian-objek.sub-rincian: 5.1.02.01.01.0024
    "rekening": re.compile(r"[4-6]\.\d(?:\.\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?)?"),
}
LINE_COLUMNS = [
    "program",
    "kegiatan",
    "sub_kegiatan",
    "rekening",
    "uraian",
    "anggaran",
    "realisasi",
    "sheet",
    "row",
    "anggaran_cell",
    "realisasi_cell",
]
KEY_COLUMNS = ["program", "kegiatan", "sub_kegiatan", "rekening"]
AMOUNT_ROLES = ("anggaran", "realisasi")
_HEADER_SCAN_ROWS = 60
_MAX_COLS = 100  # formatting can push max_column to XFD; a budget table is narrower
_TOTAL_RE = re.compile(
    r"^(jumlah|total)(\s+(total|belanja|keseluruhan|seluruhnya|anggaran|belanja daerah))?\s*:?$", re.IGNORECASE
)

register(
    {
        "budget.no_header": (
            (
                "Berkas {path}: baris judul kolom anggaran tidak ditemukan di lembar {sheets} "
                "(dicari: Kode/Kode Rekening, Uraian, Anggaran/Pagu/DPPA, Realisasi)."
            ),
            (
                "{path}: no budget column header found in sheet(s) {sheets} "
                "(looked for: Kode/Kode Rekening, Uraian, Anggaran/Pagu/DPPA, Realisasi)."
            ),
        ),
        "budget.sheet_missing": (
            'Berkas {path} tidak memuat lembar "{sheet}". Lembar yang ada: {sheets}.',
            '{path} has no sheet "{sheet}". Sheets found: {sheets}.',
        ),
        "budget.no_code": (
            (
                "Berkas {path}, sel {ref}: baris judul kolom tidak memuat kolom kode "
                "(Kode, Kode Rekening, Kode Program, Kode Sub Kegiatan …). Kolom yang dikenali: {columns}."
            ),
            (
                "{path}, cell {ref}: the column header has no code column "
                "(Kode, Kode Rekening, Kode Program, Kode Sub Kegiatan …). Columns recognised: {columns}."
            ),
        ),
        "budget.no_anggaran": (
            (
                "Berkas {path}, sel {ref}: baris judul kolom tidak memuat kolom anggaran "
                "(Anggaran, Pagu, DPPA, Setelah Perubahan …). Kolom yang dikenali: {columns}."
            ),
            (
                "{path}, cell {ref}: the column header has no budget column "
                "(Anggaran, Pagu, DPPA, Setelah Perubahan …). Columns recognised: {columns}."
            ),
        ),
        "budget.no_amount": (
            (
                "Berkas {path}, sel {ref}: baris judul kolom tidak memuat kolom anggaran maupun realisasi. "
                "Kolom yang dikenali: {columns}."
            ),
            (
                "{path}, cell {ref}: the column header has neither a budget nor a realisation column. "
                "Columns recognised: {columns}."
            ),
        ),
        "budget.no_lines": (
            (
                "Berkas {path}, lembar {sheet}: tidak ada baris berkode (program, kegiatan, sub kegiatan, "
                "kode rekening) di bawah baris judul {ref}."
            ),
            (
                "{path}, sheet {sheet}: no coded rows (program, kegiatan, sub kegiatan, kode rekening) "
                "below the header at {ref}."
            ),
        ),
        "budget.amount_text": (
            (
                'Berkas {path}, sel {ref}: kolom "{column}" berisi "{value}", bukan angka. '
                "Isi dengan angka (mis. 1.234.500) atau kosongkan."
            ),
            (
                '{path}, cell {ref}: column "{column}" holds "{value}", not a number. '
                "Enter a number (e.g. 1.234.500) or leave it empty."
            ),
        ),
        "budget.orphan": (
            (
                "Berkas {path}, sel {ref}: {level} {code} tidak berada di bawah {parent} mana pun. "
                "Pastikan ada baris {parent} di atasnya atau kolom kode {parent} terisi."
            ),
            (
                "{path}, cell {ref}: {level} {code} is not under any {parent}. "
                "Add the {parent} row above it or fill in the {parent} code column."
            ),
        ),
        "budget.subtotal": (
            (
                'Sel {ref}: subtotal {level} {code} pada kolom "{column}" tertulis {found}, '
                "sedangkan jumlah {count} baris rinciannya {expected}."
            ),
            (
                'Cell {ref}: the {level} {code} subtotal in column "{column}" reads {found}, '
                "but its {count} detail lines add up to {expected}."
            ),
        ),
        "budget.total": (
            (
                'Sel {ref}: baris JUMLAH pada kolom "{column}" tertulis {found}, '
                "sedangkan jumlah seluruh {count} baris rincian {expected}."
            ),
            (
                'Cell {ref}: the JUMLAH row in column "{column}" reads {found}, '
                "but all {count} detail lines add up to {expected}."
            ),
        ),
        "budget.sisa": (
            "Sel {ref}: sisa tertulis {found}, sedangkan anggaran − realisasi = {expected}.",
            "Cell {ref}: sisa reads {found}, but anggaran − realisasi = {expected}.",
        ),
        "budget.percent": (
            "Sel {ref}: persentase tertulis {found}, sedangkan realisasi ÷ anggaran × 100 = {expected}.",
            "Cell {ref}: the percentage reads {found}, but realisasi ÷ anggaran × 100 = {expected}.",
        ),
        "budget.parent": (
            "Sel {ref}: {level} {code} tidak termasuk {parent} {parent_code} di atasnya.",
            "Cell {ref}: {level} {code} does not belong to the {parent} {parent_code} above it.",
        ),
        "budget.code": (
            (
                'Sel {ref}: kode "{code}" tidak dikenali sebagai kode program, kegiatan, sub kegiatan '
                "atau rekening (format Permendagri 90/2019); baris ini tidak dihitung."
            ),
            (
                'Cell {ref}: "{code}" is not a program, kegiatan, sub kegiatan or rekening code '
                "(Permendagri 90/2019 format); the row is not counted."
            ),
        ),
        "budget.merge_no_dpa": (
            (
                "Sel {ref}: baris realisasi {path_code} tidak ada di DPA ({dpa}); realisasinya {realisasi} "
                "tanpa anggaran."
            ),
            (
                "Cell {ref}: realisation line {path_code} is not in the DPA ({dpa}); {realisasi} spent "
                "without a budget line."
            ),
        ),
        "budget.merge_no_lra": (
            "Sel {ref}: baris anggaran {path_code} tidak ada di laporan realisasi ({lra}); realisasi dianggap 0.",
            "Cell {ref}: budget line {path_code} is not in the realisation report ({lra}); realisation taken as 0.",
        ),
        "budget.merge_anggaran": (
            "Sel {ref}: anggaran {path_code} di laporan realisasi {found} berbeda dengan DPA {expected}.",
            (
                "Cell {ref}: the budget of {path_code} in the realisation report, {found}, differs from the DPA, "
                "{expected}."
            ),
        ),
    }
)


@dataclass(slots=True)
class BudgetExport:
    """Leaf lines of one export (or of a merged DPA + LRA pair) and what was found on the way."""

    path: str
    sheet: str
    lines: pd.DataFrame  # LINE_COLUMNS; *_cell values are sheet-qualified ("Realisasi!D12")
    anggaran_column: str | None  # header text of the anggaran column used
    anggaran_header_cell: str | None
    realisasi_column: str | None
    government: str | None = None  # "PEMERINTAH KABUPATEN BATU BARA"
    office: str | None = None  # "Kecamatan Sei Balai"
    year: int | None = None
    findings: list[Finding] = field(default_factory=list)
    realisasi_path: str | None = None  # set by merge_realisasi

    @property
    def total_anggaran(self) -> float:
        return float(self.lines["anggaran"].sum())

    @property
    def total_realisasi(self) -> float:
        return float(self.lines["realisasi"].sum())


# --- codes -------------------------------------------------------------------
def normalize_code(raw: object) -> str | None:
    """Pull the first dotted code out of a cell; "7.01.01.02.01" -> "7.01.01.2.01"."""
    if raw is None or isinstance(raw, bool):
        return None
    m = CODE_RE.search(str(raw).replace("\u00a0", " "))
    if not m:
        return None
    parts = m.group(0).split(".")
    # Real dumps zero-pad the kegiatan segment ("02" for "2"); program-style codes
    # only (a rekening has a one-digit second segment, so it is never touched).
    if (
        len(parts) >= 5
        and [len(p) for p in parts[:3]] == [1, 2, 2]
        and len(parts[3]) == 2
        and parts[3].startswith("0")
        and len(parts[4]) == 2
    ):
        parts[3] = str(int(parts[3]))
    return ".".join(parts)


def classify_code(code: str) -> str | None:
    """Level of a normalised code: program, kegiatan, sub_kegiatan, rekening, or None."""
    for level, rx in _LEVEL_RES.items():
        if rx.fullmatch(code):
            return level
    return None


# --- header ------------------------------------------------------------------
@dataclass(slots=True)
class _Column:
    col: int
    label: str
    role: str  # code | name | anggaran | realisasi | sisa | pct | no
    kind: str | None = None  # code: level hint; anggaran: after | before | generic


def _label_role(text: str) -> tuple[str, str | None] | None:
    t = " ".join(text.lower().replace(":", " ").split())
    if not t or len(t) > 40 or CODE_RE.search(t):
        return None
    if re.fullmatch(r"no\.?|nomor|no\.? urut", t):
        return ("no", None)
    if "kode" in t or t in ("rekening", "akun", "kd rek", "kode rek"):
        if "sub" in t and ("kegiatan" in t or "giat" in t):
            return ("code", "sub_kegiatan")
        if "kegiatan" in t or "giat" in t:
            return ("code", "kegiatan")
        if "program" in t:
            return ("code", "program")
        return ("code", None)  # "Kode", "Kode Rekening": any level
    if "uraian" in t or t.startswith("nama"):
        return ("name", None)
    if "%" in t or "persen" in t:
        return ("pct", None)
    if "sisa" in t or "selisih" in t or ("lebih" in t and "kurang" in t):
        return ("sisa", None)
    if "realisasi" in t:
        return ("realisasi", None)
    if re.search(r"anggaran|pagu|\bdppa\b|\bdpa\b|perubahan|murni|apbd|rincian", t):
        if "sebelum" in t or "murni" in t or re.search(r"\bdpa\b", t):
            return ("anggaran", "before")
        if "setelah" in t or "sesudah" in t or "dppa" in t or "perubahan" in t or "p-apbd" in t or "papbd" in t:
            return ("anggaran", "after")
        return ("anggaran", "generic")
    return None


class _Sheet:
    """Cell access that sees a merged range's value in every cell it covers."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.origin: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            if rng.min_row > _HEADER_SCAN_ROWS + 2:
                continue
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    self.origin[(r, c)] = (rng.min_row, rng.min_col)

    def raw(self, r: int, c: int) -> Any:
        return self.ws.cell(r, c).value

    def value(self, r: int, c: int) -> Any:
        r0, c0 = self.origin.get((r, c), (r, c))
        return self.ws.cell(r0, c0).value

    def is_merge_copy(self, r: int, c: int) -> bool:
        return (r, c) in self.origin and self.origin[(r, c)] != (r, c)


def _row_roles(sh: _Sheet, r: int, n_cols: int, merged: bool) -> dict[int, tuple[str, str | None]]:
    out = {}
    for c in range(1, n_cols + 1):
        if not merged and sh.is_merge_copy(r, c):
            continue
        role = _label_role(text_of(sh.value(r, c) if merged else sh.raw(r, c)))
        if role:
            out[c] = role
    return out


def _find_header(sh: _Sheet) -> tuple[int, int] | None:
    """First and last row of the column header, found by its labels."""
    n_cols = min(sh.ws.max_column, _MAX_COLS)
    last = min(sh.ws.max_row, _HEADER_SCAN_ROWS)
    for r in range(1, last + 1):
        roles = {role for role, _ in _row_roles(sh, r, n_cols, merged=True).values()}
        if len(roles) >= 2 and roles & {"anggaran", "realisasi"} and roles & {"code", "name"}:
            # A second header row ("Sebelum / Setelah Perubahan" under a merged
            # "Anggaran") has labels of its own, not just copies merged down.
            if (
                r < sh.ws.max_row
                and _row_roles(sh, r + 1, n_cols, merged=False)
                and not any(normalize_code(sh.raw(r + 1, c)) for c in range(1, n_cols + 1))
            ):
                return r, r + 1
            return r, r
    return None


def _columns(sh: _Sheet, first: int, last: int) -> list[_Column]:
    cols = []
    for c in range(1, min(sh.ws.max_column, _MAX_COLS) + 1):
        parts: list[str] = []
        for r in range(first, last + 1):
            t = " ".join(text_of(sh.value(r, c)).split())
            if t and t not in parts:
                parts.append(t)
        label = " ".join(parts)
        role = _label_role(label)
        if role is None and len(parts) > 1:
            role = _label_role(parts[-1])
        if role:
            cols.append(_Column(c, label, role[0], role[1]))
    return cols


def _header_block(sh: _Sheet, first_header_row: int) -> tuple[str | None, str | None, int | None]:
    government = office = None
    year: int | None = None
    for r in range(1, first_header_row):
        for c in range(1, min(sh.ws.max_column, 12) + 1):
            t = " ".join(text_of(sh.raw(r, c)).split())
            if not t:
                continue
            if government is None and re.match(r"(?i)pemerintah\s+(kabupaten|kota|provinsi)", t):
                government = t
            m = re.match(r"(?i)(skpd|opd|perangkat daerah|unit organisasi|sub unit organisasi|unit)\s*:\s*(.+)", t)
            if office is None and m:
                # Drop the leading SKPD code ("7.01.0.00.0.00.xx.0000").
                tokens = m.group(2).split()
                while tokens and re.search(r"\d", tokens[0]):
                    tokens.pop(0)
                office = " ".join(tokens) or None
            elif office is None and re.match(r"(?i)kecamatan\s+\w", t):
                office = t
            m = re.search(r"(?i)tahun(\s+anggaran)?\s*:?\s*(20\d{2})", t)
            if year is None and m:
                year = int(m.group(2))
    return government, office, year


# --- rows --------------------------------------------------------------------
@dataclass(slots=True)
class _Amount:
    value: float | None
    decimals: int
    cell: str  # "D12"


@dataclass(slots=True)
class _Row:
    row: int
    level: str
    program: str
    kegiatan: str
    sub_kegiatan: str
    rekening: str
    code: str
    code_cell: str
    uraian: str
    amounts: dict[str, _Amount]

    @property
    def key(self) -> tuple[str, ...]:
        return _key(self.program, self.kegiatan, self.sub_kegiatan, self.rekening)

    def ancestors(self) -> list[tuple[str, ...]]:
        full = (self.program, self.kegiatan, self.sub_kegiatan)
        out = [full[:i] for i in range(1, 4) if all(full[:i])]
        if self.rekening:
            segs = self.rekening.split(".")
            out += [(*full, ".".join(segs[:j])) for j in range(1, len(segs))]
        return [k for k in out if k != self.key]


def _key(program: str, kegiatan: str, sub: str, rekening: str) -> tuple[str, ...]:
    return tuple(x for x in (program, kegiatan, sub, rekening) if x)


class _Reader:
    def __init__(self, path: str, sh: _Sheet, first: int, last: int, cols: list[_Column]) -> None:
        self.path = path
        self.sh = sh
        self.sheet = sh.ws.title
        self.first, self.last = first, last
        self.cols = cols
        self.findings: list[Finding] = []

    def ref(self, cell: str) -> str:
        return f"{self.sheet}!{cell}"

    def amount(self, col: _Column, r: int, strict: bool) -> _Amount:
        cell = self.sh.ws.cell(r, col.col)
        coord = f"{get_column_letter(col.col)}{r}"
        p = parse_cell(cell.value, cell.number_format)
        if p.status == "number":
            return _Amount(p.value, p.decimals or 0, coord)
        if p.status in ("empty", "none"):
            return _Amount(None, 0, coord)
        if strict:
            raise LkjError(
                "budget.amount_text",
                path=self.path,
                ref=self.ref(coord),
                column=col.label,
                value=text_of(cell.value)[:60],
            )
        return _Amount(None, 0, coord)  # sisa / % are derived; a text there only skips the check

    def finding(
        self,
        fid: str,
        rule: str,
        severity: str,
        cell: str,
        key: str,
        *,
        found: str | None = None,
        expected: str | None = None,
        fix: object = None,
        related: list[str] | None = None,
        **params: object,
    ) -> None:
        self.findings.append(
            Finding(
                fid,
                rule,
                severity,
                self.sheet,
                cell,
                found,
                expected,
                key,
                {"ref": self.ref(cell), "found": found, "expected": expected, **params},
                related or [],
                fix,
            )
        )


def _pick_anggaran(cols: list[_Column]) -> _Column | None:
    cands = [c for c in cols if c.role == "anggaran"]
    for kind in ("after", "generic", "before"):
        of_kind = [c for c in cands if c.kind == kind]
        if of_kind:
            # Several generic columns: SIPD puts the latest version rightmost.
            return of_kind[-1] if kind == "generic" else of_kind[0]
    return None


def _tolerance(decimals: int) -> float:
    return 0.5 * 10**-decimals + 1e-9


def read_export(path: str | Path, sheet: str | None = None, *, need_anggaran: bool = True) -> BudgetExport:
    """Read the leaf lines of a budget export; check its subtotals, sisa and %.

    `sheet`: the sheet to read; default the first sheet with a budget header.
    `need_anggaran=False` accepts a realisasi-only sheet (the LRA of a split pair).
    """
    shown = str(path)
    wb = open_workbook(path)
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise LkjError("budget.sheet_missing", path=shown, sheet=sheet, sheets=", ".join(wb.sheetnames))
        candidates = [wb[sheet]] if sheet is not None else list(wb.worksheets)
        for ws in candidates:
            sh = _Sheet(ws)
            header = _find_header(sh)
            if header:
                return _read_sheet(shown, sh, *header, need_anggaran=need_anggaran)
        raise LkjError("budget.no_header", path=shown, sheets=", ".join(ws.title for ws in candidates))
    finally:
        wb.close()


def _read_sheet(path: str, sh: _Sheet, first: int, last: int, *, need_anggaran: bool) -> BudgetExport:
    cols = _columns(sh, first, last)
    header_ref = f"{sh.ws.title}!A{first}"
    recognised = ", ".join(f'"{c.label}"' for c in cols if c.role != "no") or "-"
    code_cols = [c for c in cols if c.role == "code"]
    if not code_cols:
        raise LkjError("budget.no_code", path=path, ref=header_ref, columns=recognised)
    anggaran_col = _pick_anggaran(cols)
    realisasi_cols = [c for c in cols if c.role == "realisasi"]
    # The cumulative figure ("s.d. bulan ini") is the rightmost realisasi column.
    realisasi_col = realisasi_cols[-1] if realisasi_cols else None
    if anggaran_col is None and need_anggaran:
        raise LkjError("budget.no_anggaran", path=path, ref=header_ref, columns=recognised)
    if anggaran_col is None and realisasi_col is None:
        raise LkjError("budget.no_amount", path=path, ref=header_ref, columns=recognised)
    names = [c for c in cols if c.role == "name"]
    name_col = next((c for c in names if "uraian" in c.label.lower()), names[-1] if names else None)
    sisa_col = next((c for c in cols if c.role == "sisa"), None)
    pct_col = next((c for c in cols if c.role == "pct"), None)
    amount_cols = {"anggaran": anggaran_col, "realisasi": realisasi_col, "sisa": sisa_col, "pct": pct_col}

    rd = _Reader(path, sh, first, last, cols)
    rows, total = _scan_rows(rd, code_cols, name_col, amount_cols)
    if not rows:
        raise LkjError("budget.no_lines", path=path, sheet=sh.ws.title, ref=header_ref)
    leaves = _check_rows(rd, rows, total, amount_cols)
    government, office, year = _header_block(sh, first)
    sheet = sh.ws.title

    def cell_of(row: _Row, role: str) -> str | None:
        a = row.amounts.get(role)
        return f"{sheet}!{a.cell}" if a else None

    def value_of(row: _Row, role: str) -> float:
        a = row.amounts.get(role)
        if a is None:
            return float("nan")
        return float(a.value) if a.value is not None else 0.0

    records = [
        {
            "program": x.program,
            "kegiatan": x.kegiatan,
            "sub_kegiatan": x.sub_kegiatan,
            "rekening": x.rekening,
            "uraian": x.uraian,
            "anggaran": value_of(x, "anggaran"),
            "realisasi": value_of(x, "realisasi"),
            "sheet": sheet,
            "row": x.row,
            "anggaran_cell": cell_of(x, "anggaran"),
            "realisasi_cell": cell_of(x, "realisasi"),
        }
        for x in leaves
    ]
    lines = pd.DataFrame.from_records(records, columns=LINE_COLUMNS)
    lines = lines.astype({"anggaran": "float64", "realisasi": "float64", "row": "int64"})
    return BudgetExport(
        path=path,
        sheet=sheet,
        lines=lines,
        anggaran_column=anggaran_col.label if anggaran_col else None,
        anggaran_header_cell=f"{get_column_letter(anggaran_col.col)}{last}" if anggaran_col else None,
        realisasi_column=realisasi_col.label if realisasi_col else None,
        government=government,
        office=office,
        year=year,
        findings=rd.findings,
    )


def _scan_rows(
    rd: _Reader, code_cols: list[_Column], name_col: _Column | None, amount_cols: dict[str, _Column | None]
) -> tuple[list[_Row], _Row | None]:
    ws = rd.sh.ws
    ctx: dict[str, str] = {level: "" for level in LEVELS}
    rows: list[_Row] = []
    for r in range(rd.last + 1, ws.max_row + 1):
        found: list[tuple[str, str, str]] = []  # (level, code, cell)
        for col in code_cols:
            raw = ws.cell(r, col.col).value
            coord = f"{get_column_letter(col.col)}{r}"
            code = _complete_code(raw, col.kind, ctx, found)
            if code is None:
                continue
            level = classify_code(code)
            if level is None:
                rd.finding("B006", "budget.code", "warning", coord, "budget.code", found=text_of(raw), code=code)
                continue
            found.append((level, code, coord))
        uraian = " ".join(text_of(ws.cell(r, name_col.col).value).split()) if name_col else ""
        if not found:
            texts = [text_of(ws.cell(r, c.col).value) for c in code_cols] + [uraian]
            if any(_TOTAL_RE.match(" ".join(t.split())) for t in texts if t):
                # The grand total closes the table; rows after it (rekap,
                # signatures) are not budget lines.
                total = _Row(
                    r,
                    "total",
                    "",
                    "",
                    "",
                    "",
                    "JUMLAH",
                    f"{get_column_letter(code_cols[0].col)}{r}",
                    uraian,
                    _amounts(rd, r, amount_cols),
                )
                return rows, total
            continue
        for level, code, coord in found:
            _enter(rd, ctx, level, code, coord)
        level, code, coord = found[-1]
        rows.append(
            _Row(
                r,
                level,
                ctx["program"],
                ctx["kegiatan"],
                ctx["sub_kegiatan"],
                ctx["rekening"] if level == "rekening" else "",
                code,
                coord,
                uraian,
                _amounts(rd, r, amount_cols),
            )
        )
    return rows, None


def _amounts(rd: _Reader, r: int, amount_cols: dict[str, _Column | None]) -> dict[str, _Amount]:
    return {role: rd.amount(col, r, strict=role in AMOUNT_ROLES) for role, col in amount_cols.items() if col}


def _complete_code(raw: object, hint: str | None, ctx: dict[str, str], found: list) -> str | None:
    """Normalise a code cell; complete short codes in a per-level column ("2.01", "0001")."""
    text = text_of(raw)
    if not text:
        return None
    # Parents seen earlier in this row take precedence over the previous row's.
    parents = dict(ctx)
    for level, code, _ in found:
        parents[level] = code
    if hint == "kegiatan" and re.fullmatch(r"\d\.\d{2}", text) and parents["program"]:
        text = f"{parents['program']}.{text}"
    elif hint == "sub_kegiatan" and re.fullmatch(r"\d{4}", text) and parents["kegiatan"]:
        text = f"{parents['kegiatan']}.{text}"
    return normalize_code(text)


def _enter(rd: _Reader, ctx: dict[str, str], level: str, code: str, coord: str) -> None:
    """Move the hierarchy context to a code; raise for an orphan, record a misplaced one."""
    if level == "program":
        ctx.update(program=code, kegiatan="", sub_kegiatan="", rekening="")
        return
    if level == "rekening":
        if not ctx["sub_kegiatan"]:
            raise LkjError(
                "budget.orphan", path=rd.path, ref=rd.ref(coord), level="rekening", code=code, parent="sub kegiatan"
            )
        ctx["rekening"] = code
        return
    parent_prog = ".".join(code.split(".")[:3])
    if not ctx["program"]:
        raise LkjError(
            "budget.orphan", path=rd.path, ref=rd.ref(coord), level=LEVEL_NAMES[level], code=code, parent="program"
        )
    if ctx["program"] != parent_prog:
        rd.finding(
            "B005",
            "budget.parent",
            "error",
            coord,
            "budget.parent",
            found=code,
            expected=ctx["program"],
            level=LEVEL_NAMES[level],
            code=code,
            parent="program",
            parent_code=ctx["program"],
        )
    if level == "kegiatan":
        ctx.update(kegiatan=code, sub_kegiatan="", rekening="")
        return
    parent_keg = ".".join(code.split(".")[:5])
    if ctx["kegiatan"] and ctx["kegiatan"] != parent_keg and ctx["program"] == parent_prog:
        rd.finding(
            "B005",
            "budget.parent",
            "error",
            coord,
            "budget.parent",
            found=code,
            expected=ctx["kegiatan"],
            level="sub kegiatan",
            code=code,
            parent="kegiatan",
            parent_code=ctx["kegiatan"],
        )
    # The sub kegiatan code names its own kegiatan; exports without kegiatan rows rely on that.
    ctx.update(kegiatan=parent_keg, sub_kegiatan=code, rekening="")


def _check_rows(
    rd: _Reader, rows: list[_Row], total: _Row | None, amount_cols: dict[str, _Column | None]
) -> list[_Row]:
    """Split rows into leaves and subtotals; check each subtotal, sisa and % against the leaves."""
    group_keys = {k for x in rows for k in x.ancestors()}
    leaves = [x for x in rows if x.key not in group_keys]
    sums: dict[tuple[str, ...], dict[str, float]] = {}
    members: dict[tuple[str, ...], list[_Row]] = {}
    for x in leaves:
        for k in x.ancestors():
            bucket = sums.setdefault(k, {})
            members.setdefault(k, []).append(x)
            for role in AMOUNT_ROLES:
                a = x.amounts.get(role)
                bucket[role] = bucket.get(role, 0.0) + (a.value or 0.0 if a else 0.0)
    for x in rows:
        if x.key in group_keys:
            for role in AMOUNT_ROLES:
                a = x.amounts.get(role)
                if a is None or a.value is None:
                    continue  # an empty subtotal cell states nothing
                expected = sums.get(x.key, {}).get(role, 0.0)
                if abs(a.value - expected) > _tolerance(a.decimals):
                    col = amount_cols[role]
                    rd.finding(
                        "B001",
                        "budget.subtotal",
                        "error",
                        a.cell,
                        "budget.subtotal",
                        found=format_id(a.value, a.decimals),
                        expected=format_id(expected, a.decimals),
                        fix=expected,
                        related=[rd.ref(m.amounts[role].cell) for m in members.get(x.key, [])][:50],
                        level=LEVEL_NAMES[x.level],
                        code=x.code,
                        column=col.label if col else role,
                        count=len(members.get(x.key, [])),
                    )
        _check_sisa_pct(rd, x, amount_cols)
    if total is not None:
        for role in AMOUNT_ROLES:
            a = total.amounts.get(role)
            if a is None or a.value is None:
                continue
            expected = sum((x.amounts[role].value or 0.0) for x in leaves if role in x.amounts)
            if abs(a.value - expected) > _tolerance(a.decimals):
                col = amount_cols[role]
                rd.finding(
                    "B002",
                    "budget.total",
                    "error",
                    a.cell,
                    "budget.total",
                    found=format_id(a.value, a.decimals),
                    expected=format_id(expected, a.decimals),
                    fix=expected,
                    column=col.label if col else role,
                    count=len(leaves),
                )
        _check_sisa_pct(rd, total, amount_cols)
    return leaves


def _check_sisa_pct(rd: _Reader, x: _Row, amount_cols: dict[str, _Column | None]) -> None:
    ang, real = x.amounts.get("anggaran"), x.amounts.get("realisasi")
    if ang is None or real is None or ang.value is None or real.value is None:
        return
    sisa = x.amounts.get("sisa")
    if sisa is not None and sisa.value is not None:
        expected = ang.value - real.value
        # "Lebih/(Kurang)" columns print realisasi − anggaran; accept either sign.
        if min(abs(sisa.value - expected), abs(sisa.value + expected)) > _tolerance(sisa.decimals):
            rd.finding(
                "B003",
                "budget.sisa",
                "error",
                sisa.cell,
                "budget.sisa",
                found=format_id(sisa.value, sisa.decimals),
                expected=format_id(expected, sisa.decimals),
                fix=expected,
                related=[rd.ref(ang.cell), rd.ref(real.cell)],
            )
    pct = x.amounts.get("pct")
    if pct is not None and pct.value is not None and ang.value:
        expected = real.value / ang.value * 100
        if abs(pct.value - expected) > _tolerance(pct.decimals):
            shown = round(expected, pct.decimals)
            rd.finding(
                "B004",
                "budget.percent",
                "error",
                pct.cell,
                "budget.percent",
                found=format_id(pct.value, pct.decimals),
                expected=format_id(shown, pct.decimals),
                fix=shown,
                related=[rd.ref(ang.cell), rd.ref(real.cell)],
            )


# --- two-file layout ---------------------------------------------------------
def _path_code(row: pd.Series) -> str:
    return " / ".join(str(row[k]) for k in KEY_COLUMNS if row[k])


def _cell_parts(ref: str | None) -> tuple[str, str]:
    if not ref:
        return "", ""
    sheet, _, cell = ref.rpartition("!")
    return sheet, cell


def merge_realisasi(dpa: BudgetExport, lra: BudgetExport) -> BudgetExport:
    """Put the LRA's realisasi on the DPA's lines, joined on the full code path.

    A line in only one of the two files is a finding: realisasi without a budget
    line (B007, error) or a budget line missing from the LRA (B008, warning).
    Repeated lines (same code path) are summed first.
    """

    def collapse(df: pd.DataFrame) -> pd.DataFrame:
        return (
            df.groupby(KEY_COLUMNS, sort=False, dropna=False)
            .agg(
                uraian=("uraian", "first"),
                anggaran=("anggaran", lambda s: s.sum(min_count=1)),
                realisasi=("realisasi", lambda s: s.sum(min_count=1)),
                sheet=("sheet", "first"),
                row=("row", "first"),
                anggaran_cell=("anggaran_cell", "first"),
                realisasi_cell=("realisasi_cell", "first"),
            )
            .reset_index()
        )

    left, right = collapse(dpa.lines), collapse(lra.lines)
    both = left.merge(right, on=KEY_COLUMNS, how="outer", suffixes=("", "_lra"), indicator=True, sort=False)
    findings = list(dpa.findings) + list(lra.findings)
    records = []
    for _, x in both.iterrows():
        where = x["_merge"]
        rec = {k: x[k] for k in KEY_COLUMNS}
        if where == "right_only":
            sheet, cell = _cell_parts(x["realisasi_cell_lra"])
            findings.append(
                Finding(
                    "B007",
                    "budget.merge_no_dpa",
                    "error",
                    sheet,
                    cell,
                    format_id(x["realisasi_lra"]),
                    None,
                    "budget.merge_no_dpa",
                    {
                        "ref": x["realisasi_cell_lra"],
                        "path_code": _path_code(x),
                        "dpa": dpa.path,
                        "realisasi": format_id(x["realisasi_lra"]),
                    },
                    fix=None,
                )
            )
            rec.update(
                uraian=x["uraian_lra"],
                anggaran=0.0,
                realisasi=x["realisasi_lra"],
                sheet=x["sheet_lra"],
                row=x["row_lra"],
                anggaran_cell=None,
                realisasi_cell=x["realisasi_cell_lra"],
            )
        else:
            realisasi = x["realisasi_lra"] if where == "both" else 0.0
            if where == "left_only":
                sheet, cell = _cell_parts(x["anggaran_cell"])
                findings.append(
                    Finding(
                        "B008",
                        "budget.merge_no_lra",
                        "warning",
                        sheet,
                        cell,
                        None,
                        None,
                        "budget.merge_no_lra",
                        {"ref": x["anggaran_cell"], "path_code": _path_code(x), "lra": lra.path},
                    )
                )
            elif pd.notna(x["anggaran_lra"]) and abs(x["anggaran_lra"] - x["anggaran"]) > 0.5:
                sheet, cell = _cell_parts(x["anggaran_cell_lra"])
                found, expected = format_id(x["anggaran_lra"]), format_id(x["anggaran"])
                findings.append(
                    Finding(
                        "B009",
                        "budget.merge_anggaran",
                        "warning",
                        sheet,
                        cell,
                        found,
                        expected,
                        "budget.merge_anggaran",
                        {
                            "ref": x["anggaran_cell_lra"],
                            "path_code": _path_code(x),
                            "found": found,
                            "expected": expected,
                        },
                        related=[x["anggaran_cell"]],
                    )
                )
            rec.update(
                uraian=x["uraian"],
                anggaran=x["anggaran"],
                realisasi=0.0 if pd.isna(realisasi) else realisasi,
                sheet=x["sheet"],
                row=x["row"],
                anggaran_cell=x["anggaran_cell"],
                realisasi_cell=x["realisasi_cell_lra"] if where == "both" else None,
            )
        records.append(rec)
    lines = pd.DataFrame.from_records(records, columns=LINE_COLUMNS)
    lines = lines.astype({"anggaran": "float64", "realisasi": "float64", "row": "int64"})
    return BudgetExport(
        path=dpa.path,
        sheet=dpa.sheet,
        lines=lines,
        anggaran_column=dpa.anggaran_column,
        anggaran_header_cell=dpa.anggaran_header_cell,
        realisasi_column=lra.realisasi_column,
        government=dpa.government or lra.government,
        office=dpa.office or lra.office,
        year=dpa.year or lra.year,
        findings=findings,
        realisasi_path=lra.path,
    )


def read_split(
    dpa_path: str | Path, lra_path: str | Path, dpa_sheet: str | None = None, lra_sheet: str | None = None
) -> BudgetExport:
    """Read a DPA file and an LRA file and join them (see merge_realisasi)."""
    dpa = read_export(dpa_path, dpa_sheet)
    lra = read_export(lra_path, lra_sheet, need_anggaran=False)
    return merge_realisasi(dpa, lra)
