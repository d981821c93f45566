"""Budget codes: normalise what a cell holds, and tell program, kegiatan, sub kegiatan and rekening apart.

Formats (Permendagri 90/2019, SIPD-RI): program `7.01.02`, kegiatan `7.01.02.2.01`,
sub kegiatan `7.01.02.2.01.0001` (2021 prints: `2.12.01.2.08.04`), rekening in six
levels `5` / `5.1` / `5.1.02` / `5.1.02.01` / `5.1.02.01.01` / `5.1.02.01.01.0024`
(early prints `5.1.02.01.001.00025`, the same code with wider tails).
"""

from __future__ import annotations

import re

CODE_RE = re.compile(r"\d+(?:\.\d+)+")
LEVELS = ("program", "kegiatan", "sub_kegiatan", "rekening")
LEVEL_NAMES = {
    "program": "program",
    "kegiatan": "kegiatan",
    "sub_kegiatan": "sub kegiatan",
    "rekening": "rekening",
    "group": "kelompok [#]",
    "item": "rincian [-]",
    "total": "jumlah",
}
_LEVEL_RES = {
    "program": re.compile(r"\d\.\d{2}\.\d{2}"),
    "kegiatan": re.compile(r"\d\.\d{2}\.\d{2}\.\d\.\d{2}"),
    "sub_kegiatan": re.compile(r"\d\.\d{2}\.\d{2}\.\d\.\d{2}\.(?:\d{4}|\d{2})"),
    # akun.kelompok.jenis.objek.rincian-objek.sub-rincian: 5.1.02.01.01.0024
    "rekening": re.compile(r"[4-6](?:\.\d(?:\.\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?)?)?"),
}
_EARLY_REKENING = re.compile(r"([4-6]\.\d\.\d{2}\.\d{2})\.(\d{3})(?:\.(\d{5}))?")


def normalize_code(raw: object) -> str | None:
    """Pull the first dotted code out of a cell; "7.01.01.02.01" -> "7.01.01.2.01"."""
    if raw is None or isinstance(raw, bool):
        return None
    m = CODE_RE.search(str(raw).replace("\u00a0", " "))
    if not m:
        return None
    code = m.group(0)
    early = _EARLY_REKENING.fullmatch(code)
    if early:
        # 5.1.02.01.001.00025 is 5.1.02.01.01.0025 printed with wider tails.
        head, rincian, sub = early.groups()
        if int(rincian) < 100 and (sub is None or int(sub) < 10000):
            return f"{head}.{int(rincian):02d}" + (f".{int(sub):04d}" if sub else "")
    parts = code.split(".")
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


def akun_code(text: str) -> str | None:
    """A bare akun digit ("5") as the first rekening level, only when the cell holds nothing else."""
    t = text.strip()
    return t if re.fullmatch(r"[4-6]", t) else None


def rekening_prefixes(code: str) -> tuple[str, ...]:
    """("5", "5.1", "5.1.02", ...): the rekening levels a code sits under, itself last."""
    segs = code.split(".")
    return tuple(".".join(segs[: i + 1]) for i in range(len(segs)))


def parents_of(code: str) -> tuple[str, str]:
    """(program, kegiatan) a sub kegiatan or kegiatan code names by its own prefix."""
    segs = code.split(".")
    return ".".join(segs[:3]), ".".join(segs[:5]) if len(segs) >= 5 else ""


def joined_code(parts: list[str]) -> str | None:
    """A rekening code split over several cells ("5", "1", "02", "01", "01", "0024")."""
    cleaned = [p.strip() for p in parts]
    while cleaned and not cleaned[-1]:
        cleaned.pop()
    if not cleaned or not all(re.fullmatch(r"\d{1,4}", p) for p in cleaned):
        return None
    code = ".".join(cleaned)
    return code if classify_code(code) == "rekening" else None
