"""The typed profile of one checked workbook: what the rekap and the cross-workbook rules need.

It is built in the worker right after the check and sent to the parent
(small and picklable), so the parent never holds a workbook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Workbook
from ..rules.batch import CrossProfile, cross_profile


@dataclass(frozen=True, slots=True)
class Indicator:
    """A key indicator as the rekap shows it."""

    id: str
    name: str
    target: float | None = None
    realisasi: float | None = None
    capaian: float | None = None  # printed, else recomputed
    category: str | None = None  # "C (Kurang Baik)" on the indicator's scale, else the capaian category

    # Sent from batch workers to the parent: spelled out, the frozen-dataclass default (`fields()` per
    # object) costs several times more on both sides.
    def __reduce__(self) -> tuple[Any, ...]:
        return (Indicator, (self.id, self.name, self.target, self.realisasi, self.capaian, self.category))


@dataclass(frozen=True, slots=True)
class Absorption:
    """Penyerapan anggaran (Tabel 3.16's total): printed, else computed from anggaran and realisasi."""

    value: float
    source: str  # "printed" | "computed"
    address: str

    def __reduce__(self) -> tuple[Any, ...]:
        return (Absorption, (self.value, self.source, self.address))


@dataclass(slots=True)
class Profile:
    cross: CrossProfile
    indicators: list[Indicator] = field(default_factory=list)
    penyerapan: Absorption | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (Profile, (self.cross, self.indicators, self.penyerapan))

    @property
    def office(self) -> str | None:
        return self.cross.office

    @property
    def kabupaten(self) -> str | None:
        return self.cross.kabupaten

    @property
    def year(self) -> int | None:
        return self.cross.year


def _number(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def indicators(wb: Workbook, cache: dict[str, Any] | None = None) -> list[Indicator]:
    out = []
    from ..review.indicators import key_indicators  # the review layer, as the Ringkasan and reports use

    for e in key_indicators(wb, cache):
        iid = str(e.get("id") or e.get("name") or "")
        if not iid:
            continue
        cat = e.get("category") or e.get("capaian_category")
        if e.get("category") and e.get("category_kinerja"):
            cat = f"{e['category']} ({e['category_kinerja']})"
        capaian = _number(e.get("capaian"))
        out.append(
            Indicator(
                iid,
                str(e.get("name") or e.get("label") or iid),
                _number(e.get("target")),
                _number(e.get("realisasi")),
                capaian if capaian is not None else _number(e.get("capaian_computed")),
                str(cat) if cat else None,
            )
        )
    return out


def penyerapan(wb: Workbook) -> Absorption | None:
    t = wb.table("3.16")
    tot = t.total_row() if t is not None else None
    if tot is None:
        return None
    pc = tot.get("persen")
    if pc is not None and pc.value is not None:
        return Absorption(pc.value, "printed", pc.address)
    a, r = tot.get("anggaran"), tot.get("realisasi")
    if a is not None and r is not None and a.value and r.value is not None:
        return Absorption(round(r.value / a.value * 100, 2), "computed", r.address)
    return None


def build_profile(wb: Workbook, name: str, cache: dict[str, Any] | None = None) -> Profile:
    """`cache`: the check's `Context.cache` of `wb` (the scales the rules parsed), or None."""
    return Profile(cross_profile(wb, name), indicators(wb, cache), penyerapan(wb))
