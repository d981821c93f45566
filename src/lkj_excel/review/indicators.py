"""Key performance indicators: target, realisasi, % capaian (printed and recomputed) and their
categories, on the scale the workbook prints (else the reference scale), as rules K303/S404 use it."""

from __future__ import annotations

import re
from typing import Any

from ..formulas import capaian_point
from ..model import Row, Table, Workbook
from ..scales import Band, Scale, get_scale
from ..spec import load_aux
from ..spec_sources import sources


def classify(value: float | None, scale: Scale | None) -> Band | None:
    """The band of `scale` holding `value` (rounded to the scale's grid first), or None."""
    if value is None or scale is None or value != value:
        return None
    v = round(value, scale.decimals) if scale.decimals is not None else value
    bands = scale.classify(v)
    return bands[0] if bands else None


def capaian_of(target: float | None, realisasi: float | None, polarity: str = "positive") -> float | None:
    """% capaian as the indicator's polarity defines it (`formulas.capaian_point`)."""
    return capaian_point(polarity, target, realisasi)


# ---------------------------------------------------------------- key indicators


def report_year(wb: Workbook) -> int | None:
    if wb.year:
        return wb.year
    t = wb.table("3.9")
    years = [int(m.group(1)) for c in (t.spec.columns if t else ()) if (m := re.match(r"target_(\d{4})$", c.id))]
    return max(years) if years else None


def _sources(wb: Workbook) -> list[tuple[str, str, str, str]]:
    """(table, target, realisasi, capaian) of each key indicator table, declared in sheets/_sources.toml."""
    return sources().indicator_sources(report_year(wb))


def _indicator_entry(
    table: Table, row: Row, cols: tuple[str, str, str], meta: dict[str, Any], scales: dict[str, Scale | None]
) -> dict[str, Any]:
    tcol, rcol, ccol = cols
    cells = {k: row.get(c) for k, c in (("target", tcol), ("realisasi", rcol), ("capaian", ccol))}
    ind = row.get("indikator")
    polarity = meta.get("polarity", "positive")
    target = cells["target"].value if cells["target"] else None
    real = cells["realisasi"].value if cells["realisasi"] else None
    cap = cells["capaian"].value if cells["capaian"] else None
    computed = capaian_of(target, real, polarity)
    scale_id = meta.get("scale")
    band = classify(real, scales.get(scale_id)) if scale_id else None
    cap_band = classify(cap if cap is not None else computed, scales.get("capaian"))
    sat = row.get("satuan")
    return {
        "id": row.row_id,
        "name": meta.get("name") or (ind.text if ind and ind.text else row.label),
        "label": ind.text if ind and ind.text else row.label,
        "table": table.id,
        "sheet": table.sheet,
        "satuan": sat.text if sat and sat.text else None,
        "polarity": polarity,
        "scale": scale_id,
        "target": target,
        "realisasi": real,
        "capaian": cap,
        "capaian_computed": round(computed, 2) if computed is not None else None,
        "target_text": cells["target"].text if cells["target"] else None,
        "realisasi_text": cells["realisasi"].text if cells["realisasi"] else None,
        "capaian_text": cells["capaian"].text if cells["capaian"] else None,
        "category": (band.letter or band.words) if band else None,
        "category_kinerja": band.words if band and band.letter else None,
        "capaian_category": cap_band.label if cap_band else None,
        "cells": {k: c.address for k, c in cells.items() if c is not None},
    }


def value_of(row: Row, cid: str) -> float | None:
    c = row.get(cid)
    return c.value if c is not None else None


def key_indicators(wb: Workbook, cache: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """One entry per key indicator: target, realisasi, % capaian (printed and recomputed)
    and its category on the indicator's scale and on the capaian scale.

    Indicators are the rows of `_indicators.toml`, read from Tabel 3.2, else 3.5,
    3.7 or 3.9; rows of Tabel 3.2 that match no declared indicator follow them. `cache` may be the check's
    `Context.cache` of the same workbook: the scales the rules parsed are not parsed again.
    """
    meta = {r["id"]: r for r in load_aux("indicators").get("rows", [])}
    cache = {} if cache is None else cache
    scales = {name: get_scale(wb, name, cache) for name in ("capaian", "ikm", "akip")}
    out: list[dict[str, Any]] = []
    for iid, m in meta.items():
        for tid, *cols in _sources(wb):
            t = wb.table(tid)
            row = t.row(iid) if t else None
            if t is None or row is None:
                continue
            if all(value_of(row, c) is None for c in cols[:2]):
                continue
            out.append(_indicator_entry(t, row, (cols[0], cols[1], cols[2]), m, scales))
            break
    t = wb.table("3.2")
    if t:
        for row in t.data_rows():
            if row.row_id is None and (row.get("target") or row.get("realisasi")):
                out.append(_indicator_entry(t, row, ("target", "realisasi", "capaian"), {}, scales))
    return out
