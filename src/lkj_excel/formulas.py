"""Capaian kinerja by the indicator's polarity: one formula, as a point and as an interval.

Reference: `../shared/reference/lkjip_domain.md` §1 (polarity is declared per
indicator in `sheets/_indicators.toml`):

- ``positive`` ("semakin tinggi semakin baik"): capaian = R / T × 100;
- ``negative_2T`` ("semakin rendah semakin baik"): capaian = (2T − R) / T × 100,
  the "kondisi khusus" of PermenPANRB 6/2022, (1 + (1 − R/T)) × 100%;
- ``negative_ratio``: capaian = T / R × 100 (common in LKjIPs; no primary source found).

An unknown polarity is read as positive.
"""

from __future__ import annotations

from .precision import Interval

POLARITIES = {
    "positive": "realisasi / target × 100",
    "negative_2T": "(2 × target − realisasi) / target × 100",
    "negative_ratio": "target / realisasi × 100",
}


def capaian_point(pol: str, target: float | None, real: float | None) -> float | None:
    """% capaian of a target and realisasi; None when either is missing or a divisor is zero."""
    if target is None or real is None:
        return None
    try:
        if pol == "negative_2T":
            return (2 * target - real) / target * 100
        if pol == "negative_ratio":
            return target / real * 100
        return real / target * 100
    except ZeroDivisionError:
        return None


def capaian_interval(pol: str, target: Interval, real: Interval) -> Interval:
    """The % capaian of every choice of target and realisasi inside their intervals."""
    if pol == "negative_2T":
        # (2T - R) / T = 2 - R/T: written this way so T is not counted twice
        return (Interval.exact(2.0) - real / target).scale(100)
    if pol == "negative_ratio":
        return (target / real).scale(100)
    return (real / target).scale(100)


__all__ = ["POLARITIES", "capaian_interval", "capaian_point"]
