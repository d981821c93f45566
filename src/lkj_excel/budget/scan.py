"""Rows of a report-style export: codes in one or several code columns, subtotals at every level.

A code column may mix program, kegiatan, sub kegiatan and kode rekening (one
code per row), or each level may have its own column ("Kode Program", "Kode
Sub Kegiatan", "Kode Rekening"), where short codes ("2.01", "0001") are
completed from the columns to their left. The rules B005 and B006 are declared
here, with their logic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import LkjError
from ..findings import Finding
from ..read.grid import ref
from ..rules.base import Context, rule
from .codes import LEVEL_NAMES, LEVELS, akun_code, classify_code, normalize_code, parents_of, rekening_prefixes
from .header import Column
from .model import Amount, Node
from .sheet import SheetView

TOTAL_RE = re.compile(
    r"^(jumlah|total)(\s+(total|belanja|keseluruhan|seluruhnya|anggaran|belanja daerah))?\s*:?$", re.IGNORECASE
)
STRICT_ROLES = ("anggaran", "realisasi", "sebelum")


@rule("B005", "budget.parent", severity="error", question="budget", runs="anggaran")
def parent(ctx: Context) -> Iterable[Finding]:
    """A kegiatan or sub kegiatan code of the SIPD export belongs to the program / kegiatan above it (error).

    The code's own prefix names its program and kegiatan; a row under another
    one is misplaced. Found while reading the export (`lkj-excel anggaran
    EXPORT`); `check` reads no export, so there this rule reports nothing.

    Fails: kegiatan 7.01.02.2.01 and its sub kegiatan listed under program 7.01.01.

        [LRA]
        | Kode Rekening     | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01           | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.02.2.01      | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.02.2.01.0001 | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024 | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026 | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        |                   | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        => B005 at A3
        => B005 at A4

    Passes: kegiatan 7.01.01.2.01 under program 7.01.01.

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


@rule("B006", "budget.code", severity="warning", question="budget", runs="anggaran")
def code(ctx: Context) -> Iterable[Finding]:
    """A code in the SIPD export's code column is a program, kegiatan, sub kegiatan or rekening code (warning).

    Codes follow Permendagri 90/2019; a row whose code fits none of the levels
    is not summed. Found while reading the export (`lkj-excel anggaran
    EXPORT`); `check` reads no export, so there this rule reports nothing.

    Fails: a row coded 7.01.0.00.0.00.36.0000, which is no program, kegiatan, sub kegiatan or rekening code.

        [LRA]
        | Kode Rekening          | Uraian                           | Anggaran  | Realisasi | Sisa    | %      |
        | 7.01.01                | PROGRAM PENUNJANG URUSAN PEMDA   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01           | Perencanaan dan Evaluasi Kinerja | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 7.01.01.2.01.0001      | Penyusunan Dokumen Perencanaan   | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        | 5.1.02.01.01.0024      | Belanja Alat Tulis Kantor        | 1.000.000 | 1.000.000 | 0       | 100,00 |
        | 5.1.02.01.01.0026      | Belanja Bahan Cetak              | 2.000.000 | 1.500.000 | 500.000 | 75,00  |
        | 7.01.0.00.0.00.36.0000 | Lain-lain                        |           |           |         |        |
        |                        | JUMLAH                           | 3.000.000 | 2.500.000 | 500.000 | 83,33  |
        => B006 at A7

    Passes: rows coded 7.01.01.2.01.0001 (sub kegiatan) and 5.1.02.01.01.0024 (rekening).

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


class ScanState:
    """Where the scan is in the hierarchy."""

    def __init__(self, top_rekening: bool = False) -> None:
        self.codes: dict[str, str] = {level: "" for level in LEVELS}
        self.names: dict[str, str] = {}
        self.top_rekening = top_rekening  # the SKPD's LRA by rekening: no sub kegiatan above

    def path(self, level: str, code: str) -> tuple[str, ...]:
        head = tuple(self.codes[k] for k in ("program", "kegiatan", "sub_kegiatan") if self.codes[k])
        if level == "rekening":
            return head + rekening_prefixes(code)
        return head

    def node(self, r: int, level: str, code: str, cell: str, uraian: str, amounts: dict[str, Amount]) -> Node:
        c = self.codes
        return Node(
            r + 1,
            level,
            code,
            cell,
            uraian,
            self.path(level, code),
            amounts,
            c["program"],
            c["kegiatan"],
            c["sub_kegiatan"],
            code if level == "rekening" else "",
            sub_kegiatan_nama=self.names.get(c["sub_kegiatan"], ""),
        )


def scan_rows(
    sh: SheetView,
    start: int,
    code_cols: list[Column],
    name_col: Column | None,
    amount_cols: dict[str, Column],
    top_rekening: bool = False,
) -> list[Node]:
    """Nodes of the rows below the header (0-based `start`), up to and including the JUMLAH row.

    `top_rekening`: rekening rows need no sub kegiatan above them (the SIPD-RI LRA of an SKPD).
    """
    ctx = ScanState(top_rekening)
    nodes: list[Node] = []
    for r in range(start, sh.grid.n_rows):
        uraian = sh.text(r, name_col.col) if name_col else ""
        found = _codes_of_row(sh, r, code_cols, ctx, uraian)
        if not found:
            texts = [sh.text(r, c.col) for c in code_cols] + [uraian]
            if any(TOTAL_RE.match(t) for t in texts if t):
                # The grand total closes the table; rows after it (signatures) are not budget lines.
                cell = ref(r, code_cols[0].col)
                nodes.append(Node(r + 1, "total", "", cell, "JUMLAH", (), amounts(sh, r, amount_cols)))
                return nodes
            continue
        for level, code_, cell in found:
            enter(sh, ctx, level, code_, cell)
            if level == "sub_kegiatan" and uraian:
                ctx.names.setdefault(code_, uraian)
        level, code_, cell = found[-1]
        nodes.append(ctx.node(r, level, code_, cell, uraian, amounts(sh, r, amount_cols)))
    return nodes


def _codes_of_row(
    sh: SheetView, r: int, code_cols: list[Column], ctx: ScanState, uraian: str
) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []  # (level, code, cell)
    for col in code_cols:
        raw = sh.grid.value(r, col.col)
        cell = ref(r, col.col)
        text = sh.text(r, col.col)
        code_ = complete_code(text, col.kind, ctx.codes, found)
        if code_ is None:
            bare = akun_code(text)
            if bare and re.search(r"[A-Za-z]{3}", uraian):
                found.append(("rekening", bare, cell))
            continue
        level = classify_code(code_)
        if level is None:
            sh.finding("B006", "warning", cell, "budget.code", found=str(raw), code=code_)
            continue
        found.append((level, code_, cell))
    return found


def amounts(sh: SheetView, r: int, amount_cols: dict[str, Column]) -> dict[str, Amount]:
    return {role: sh.amount(r, col.col, col.label, strict=role in STRICT_ROLES) for role, col in amount_cols.items()}


def complete_code(text: str, hint: str | None, ctx: dict[str, str], found: list[tuple[str, str, str]]) -> str | None:
    """Normalise a code cell; complete short codes in a per-level column ("2.01", "0001")."""
    if not text:
        return None
    # Parents seen earlier in this row take precedence over the previous row's.
    parents = dict(ctx)
    for level, code_, _ in found:
        parents[level] = code_
    if hint == "kegiatan" and re.fullmatch(r"\d\.\d{2}", text) and parents["program"]:
        text = f"{parents['program']}.{text}"
    elif hint == "sub_kegiatan" and re.fullmatch(r"\d{4}", text) and parents["kegiatan"]:
        text = f"{parents['kegiatan']}.{text}"
    return normalize_code(text)


def enter(sh: SheetView, ctx: ScanState, level: str, code_: str, cell: str) -> None:
    """Move the hierarchy context to a code; raise for an orphan, record a misplaced one."""
    c = ctx.codes
    if level == "program":
        c.update(program=code_, kegiatan="", sub_kegiatan="", rekening="")
        return
    if level == "rekening":
        if not c["sub_kegiatan"] and not ctx.top_rekening:
            raise LkjError(
                "budget.orphan",
                path=sh.path,
                ref=sh.qualified(cell),
                level="rekening",
                code=code_,
                parent="sub kegiatan",
            )
        c["rekening"] = code_
        return
    parent_prog, parent_keg = parents_of(code_)
    if not c["program"]:
        raise LkjError(
            "budget.orphan",
            path=sh.path,
            ref=sh.qualified(cell),
            level=LEVEL_NAMES[level],
            code=code_,
            parent="program",
        )
    if c["program"] != parent_prog:
        _misplaced(sh, cell, code_, level, "program", c["program"])
    if level == "kegiatan":
        c.update(kegiatan=code_, sub_kegiatan="", rekening="")
        return
    if c["kegiatan"] and c["kegiatan"] != parent_keg and c["program"] == parent_prog:
        _misplaced(sh, cell, code_, "sub_kegiatan", "kegiatan", c["kegiatan"])
    # The sub kegiatan code names its own kegiatan; exports without kegiatan rows rely on that.
    c.update(kegiatan=parent_keg, sub_kegiatan=code_, rekening="")


def _misplaced(sh: SheetView, cell: str, code_: str, level: str, parent_level: str, parent_code: str) -> None:
    sh.finding(
        "B005",
        "error",
        cell,
        "budget.parent",
        found=code_,
        expected=parent_code,
        level=LEVEL_NAMES[level],
        code=code_,
        parent=parent_level,
        parent_code=parent_code,
    )
