"""Which programs support which sasaran: Tabel 3.15 read against `sheets/_programs.toml`.

Programs are recognised by `match_program`: a kecamatan program code written in
the text ("7.01.03"); else the text, its numbering dropped ("3. PROGRAM …",
"4.PROGRAM …"), is a declared name, or, when it says "program", a run of
whole words of one (a shortened name); else, when the text says "program"
(kegiatan rows do not), its significant words are compared with each declared name's
(Jaccard ≥ 0,5, or containing all of a name's words), so
"3. PROGRAM PEMBERDAYAAN DESA DAN KELURAHAN" is 7.01.03 while
"PROGRAM PENGELOLAAN KEUANGAN DAERAH" is none of them.

`sasaran_programs` reads Tabel 3.15 as blocks — a row with a number or a
sasaran text opens one — each with its sasaran, the indicators (row ids) in
it, its programs and the program texts that were not recognised;
`programs_for` gives the programs of a sasaran by its indicator, else by its
text (compared on significant words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .model import Row, Table
from .spec import load_aux

_STOP = {"program", "dan", "yang", "di", "ke", "dari", "serta", "dalam", "atau", "pada", "untuk"}
_PROGRAM_CODE = re.compile(r"(?<![\d.])(7\.\d{2}\.\d{2})(?!\.?\d)")  # not a kegiatan's 7.01.03.1.01


def words(text: object) -> list[str]:
    """The lower-case words of a text, leading numbering ("2. ", "4.", "1.1 ") dropped."""
    s = str(text or "").lower().replace("\n", " ")
    s = re.sub(r"^\s*(\d+\s*[.)]\s*)+", " ", s)
    return re.findall(r"[a-z]+", s)


def significant(text: object) -> frozenset[str]:
    """The words of a text that name something ("program", "dan", … dropped)."""
    return frozenset(w for w in words(text) if w not in _STOP)


@lru_cache(maxsize=1)
def _programs() -> tuple[tuple[str, tuple[frozenset[str], ...], tuple[str, ...]], ...]:
    out = []
    for r in load_aux("programs").get("rows", []):
        labels = tuple(r.get("label", []))
        out.append((r["id"], tuple(significant(x) for x in labels), tuple(" ".join(words(x)) for x in labels)))
    return tuple(out)


def match_program(text: object, need_program_word: bool = True) -> str | None:
    """The id of the program a text names, or None (kegiatan rows name none).

    With `need_program_word=False` (a table whose rows are all programs, such
    as Tabel 3.17) a name without the word "program" may also match fuzzily.
    """
    m = _PROGRAM_CODE.search(str(text or ""))
    if m:
        return m.group(1)
    ws = words(text)
    if not ws:
        return None
    joined = " ".join(ws)
    strict = need_program_word and "program" not in ws  # a kegiatan may share words with its program
    for pid, _sigs, plain in _programs():
        if any(joined == p if strict else f" {joined} " in f" {p} " for p in plain):
            return pid
    if strict:
        return None
    sig = frozenset(w for w in ws if w not in _STOP)
    best: list[tuple[float, str]] = []
    for pid, sigs, _plain in _programs():
        score = max((len(sig & s) / len(sig | s) if (sig | s) else 0.0) for s in sigs)
        if any(s and s <= sig for s in sigs):
            score = max(score, 1.0)
        best.append((score, pid))
    best.sort(reverse=True)
    if not best or best[0][0] < 0.5 or (len(best) > 1 and best[1][0] == best[0][0]):
        return None
    return best[0][1]


@dataclass(slots=True)
class SasaranBlock:
    """One sasaran of Tabel 3.15 and the programs listed under it."""

    sasaran: str
    indicators: set[str] = field(default_factory=set)
    programs: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # program texts not recognised


def sasaran_programs(
    t15: Table, program_col: str = "program", sasaran_col: str = "sasaran", no_col: str = "no"
) -> list[SasaranBlock]:
    """Tabel 3.15 as blocks: each sasaran (a row with its number or sasaran text opens one) and its programs."""
    blocks: list[SasaranBlock] = []
    for row in t15.rows:
        if row.role not in ("data", "subtotal"):
            continue
        sc, nc = row.get(sasaran_col), row.get(no_col)
        opens = bool((sc is not None and sc.text) or (nc is not None and nc.text))
        if opens or not blocks:
            blocks.append(SasaranBlock(sc.text if sc is not None and sc.text else ""))
        b = blocks[-1]
        if row.row_id:
            b.indicators.add(row.row_id)
        pc = row.get(program_col)
        if pc is None or not pc.text:
            continue
        pid = match_program(pc.text)
        if pid is not None:
            if pid not in b.programs:
                b.programs.append(pid)
        elif "program" in words(pc.text) and pc.text not in b.unknown:
            b.unknown.append(pc.text)
    return [b for b in blocks if b.programs]


def _blocks_for(blocks: list[SasaranBlock], indicator: str | None, sasaran: str | None) -> list[SasaranBlock]:
    if indicator:
        hit = [b for b in blocks if indicator in b.indicators]
        if hit:
            return hit
    key = significant(sasaran)
    if key:
        return [b for b in blocks if significant(b.sasaran) == key]
    return []


def programs_for(blocks: list[SasaranBlock], indicator: str | None, sasaran: str | None) -> tuple[list[str], list[str]]:
    """(programs, unrecognised program texts) of a sasaran: by its indicator's row id, else by its text."""
    programs: list[str] = []
    unknown: list[str] = []
    for b in _blocks_for(blocks, indicator, sasaran):
        programs += [p for p in b.programs if p not in programs]
        unknown += [u for u in b.unknown if u not in unknown]
    return programs, unknown


def sasaran_text(row: Row, previous: str, col: str = "sasaran") -> str:
    """The sasaran a row of Tabel 3.14 belongs to: its own text, else the one above (merged cells)."""
    c = row.get(col)
    return c.text if c is not None and c.text else previous


__all__ = ["SasaranBlock", "match_program", "programs_for", "sasaran_programs", "sasaran_text", "significant", "words"]
