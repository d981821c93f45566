"""What a table's layout alone decides about its figures: column pairs, units, years and slip classes.

Pure functions of the column declarations (cached per layout, like the `sheets/` declarations): the same for
every workbook of an office's report layout."""

from __future__ import annotations

import re
from functools import cache

UNIT_OF_KIND = {"percent": "%", "rupiah": "Rp", "hectare": "Ha", "count": "count", "integer": "count"}
_YEAR_SUFFIX_RE = re.compile(r"^(?P<stem>.*?)_(?P<year>(?:19|20)\d{2})$")
_DEN_STEMS = ("target", "anggaran", "pagu")
_NUM_STEMS = ("realisasi",)


@cache  # column ids: a few dozen per spec
def year_of(cid: str) -> tuple[str, int | None]:
    m = _YEAR_SUFFIX_RE.match(cid)
    return (m.group("stem"), int(m.group("year"))) if m else (cid, None)


# The class a typing slip is searched by (`slips.FigClass`: kind, unit, a cell of a difference column, a
# "capaian" column) of each figure, as a small int kept beside the figure list: the builder knows it per
# column or column pair, where the slip search grouped every figure again. Interned per process (a pure
# function of a few kinds, units and flags); NO_SLIP: a figure no slip names (recomputed, or not finite).
FigClass = tuple[str, str | None, bool, bool]
CLASSES: list[FigClass] = []
CLASS_IDS: dict[FigClass, int] = {}
NO_SLIP = -1
DIFF_COLUMNS = frozenset(("sisa", "selisih", "efisiensi"))


def class_id(kind: str, unit: str | None, diff_cell: bool, capaian: bool) -> int:
    k = (kind, unit, diff_cell, capaian)
    i = CLASS_IDS.get(k)
    if i is None:
        i = CLASS_IDS[k] = len(CLASSES)
        CLASSES.append(k)
    return i


@cache  # per layout: the numeric columns a table declares and fills
def pairs(
    cols: tuple[tuple[str, str, bool], ...],
) -> tuple[tuple[int, int, str, str, str | None, tuple[int, ...], int, int], ...]:
    """The column pairs a row difference is taken of (same kind; a percentage only within its stem), in the
    order the rows' cells pair up: (a, b, column, desc, unit, years, sign of the later year's side, class)."""
    out = []
    stems = [year_of(cid) for cid, _, _ in cols]
    for i, (a, ka, _) in enumerate(cols):
        sa, ya = stems[i]
        for j in range(i + 1, len(cols)):
            b, kb, _ = cols[j]
            sb, yb = stems[j]
            if ka != kb or (ka == "percent" and sa != sb):
                continue
            sign = 0 if not (ya and yb and ya != yb) else (1 if ya > yb else -1)
            yrs = tuple(y for y in (ya, yb) if y)
            unit, column = UNIT_OF_KIND.get(ka), f"{a}-{b}"
            out.append(
                (i, j, column, f"{a} − {b}", unit, yrs, sign, class_id("difference", unit, False, "capaian" in column))
            )
    return tuple(out)


@cache  # per layout, like `pairs`
def cell_classes(cols: tuple[tuple[str, str, bool], ...]) -> dict[str, tuple[list[int], list[int]]]:
    """Per kind of cell figure ("value", "sum"): per column, the slip class with the column's unit and with
    "%" (a cell printed as a percentage)."""
    flags = [(cid in DIFF_COLUMNS, "capaian" in cid) for cid, _, _ in cols]
    units = [UNIT_OF_KIND.get(kind) for _, kind, _ in cols]
    return {
        fk: (
            [class_id(fk, u, *fl) for u, fl in zip(units, flags, strict=True)],
            [class_id(fk, "%", *fl) for fl in flags],
        )
        for fk in ("value", "sum")
    }


@cache  # per layout, like `pairs`
def ratio_pairs(
    cols: tuple[tuple[str, str, bool], ...],
) -> tuple[tuple[int, int, str, str, tuple[int, ...], int], ...]:
    """The (denominator, numerator) column pairs of a realisasi-over-target ratio: one year, one kind, in the
    order the rows' cells pair up: (a, b, column, desc, years, class)."""
    out = []
    stems = [year_of(cid) for cid, _, _ in cols]
    for ia, (a, ka, _) in enumerate(cols):
        sa, ya = stems[ia]
        if not sa.startswith(_DEN_STEMS) or ka == "percent":
            continue
        for ib, (b, kb, _) in enumerate(cols):
            sb, yb = stems[ib]
            if sb.startswith(_NUM_STEMS) and yb == ya and kb == ka:
                column = f"{b}/{a}"
                cls = class_id("ratio", "%", False, "capaian" in column)
                out.append((ia, ib, column, f"{b} / {a} × 100", (ya,) if ya else (), cls))
    return tuple(out)
