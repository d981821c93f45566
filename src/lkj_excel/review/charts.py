"""The data behind the Ringkasan charts: realisasi over the years (Tabel 3.9), the office against
its peers (Tabel 3.12) and budget absorption per program (Tabel 3.17)."""

from __future__ import annotations

import re
from typing import Any

from ..model import Row, Table, Workbook
from ..spec import load_aux, normalise
from .indicators import report_year, value_of
from .texts import text


def _year_cols(t: Table, prefix: str) -> list[tuple[int, str]]:
    out = []
    for c in t.spec.columns:
        m = re.match(prefix + r"_(\d{4})$", c.id)
        if m and c.id in t.columns:
            out.append((int(m.group(1)), c.id))
    return sorted(out)


def _row_name(row: Row, key: str = "indikator") -> str:
    c = row.get(key)
    return (c.text if c and c.text else row.label or "").strip()


def _ind_names() -> dict[str, str]:
    return {r["id"]: r.get("name", r["id"]) for r in load_aux("indicators").get("rows", [])}


def chart_data(wb: Workbook, lang: str = "id") -> dict[str, dict[str, Any]]:
    """{chart: {"title", "categories", "series": [(name, [values])]} or {"title", "skip": reason}}."""
    names = _ind_names()
    y = report_year(wb)
    return {"trend": _trend(wb, lang, names, y), "peer": _peer(wb, lang, names, y), "absorption": _absorption(wb, lang)}


def _skip(name: str, reason: str, table: str, lang: str) -> dict[str, Any]:
    return {"title": text(name, lang), "skip": text(reason, lang, table=table)}


def _trend(wb: Workbook, lang: str, names: dict[str, str], y: int | None) -> dict[str, Any]:
    """Indicators over the years (Tabel 3.9)."""
    t = wb.table("3.9")
    if t is None:
        return _skip("trend_name", "reason_missing", "3.9", lang)
    cols = _year_cols(t, "realisasi")
    if y:
        cols = [(yy, c) for yy, c in cols if y - 3 <= yy <= y]
    series = []
    for r in t.data_rows():
        vals = [value_of(r, c) for _, c in cols]
        if any(v is not None for v in vals):
            series.append((names.get(r.row_id or "", _row_name(r)), vals))
    if not (series and cols):
        return _skip("trend_name", "reason_empty", "3.9", lang)
    title = text("chart_trend", lang, y0=cols[0][0], y1=cols[-1][0])
    return {"title": title, "categories": [str(yy) for yy, _ in cols], "series": series}


def _peer(wb: Workbook, lang: str, names: dict[str, str], y: int | None) -> dict[str, Any]:
    """The office against the other kecamatan (Tabel 3.12)."""
    t = wb.table("3.12")
    if t is None:
        return _skip("peer_name", "reason_missing", "3.12", lang)
    rcols = _year_cols(t, "realisasi")
    rcol = next((c for yy, c in rcols if yy == y), rcols[-1][1] if rcols else None)
    ryear = next((yy for yy, c in rcols if c == rcol), y)
    blocks: dict[str, list[Row]] = {}
    for r in t.data_rows():
        blocks.setdefault(r.row_id or _row_name(r), []).append(r)
    office = _core(wb.office or "")
    cats: list[str] = []
    own_vals: list[float | None] = []
    peers: dict[str, dict[int, float | None]] = {}
    own_name = wb.office or text("own_office", lang)
    for i, (bid, rows) in enumerate(blocks.items()):
        own = next((r for r in rows if office and _same_office(office, _row_name(r, "kecamatan"))), rows[0])
        cats.append(names.get(bid, _row_name(rows[0])))
        own_vals.append(value_of(own, rcol) if rcol else None)
        for r in rows:
            if r is not own:
                peers.setdefault(_row_name(r, "kecamatan") or "?", {})[i] = value_of(r, rcol) if rcol else None
    series = [(own_name, own_vals)] + [(nm, [d.get(i) for i in range(len(cats))]) for nm, d in peers.items()]
    if not (cats and rcol and any(v is not None for _, vs in series for v in vs)):
        return _skip("peer_name", "reason_empty", "3.12", lang)
    return {"title": text("chart_peer", lang, year=ryear or ""), "categories": cats, "series": series}


def _absorption(wb: Workbook, lang: str) -> dict[str, Any]:
    """Budget absorption per program (Tabel 3.17): the printed %, else realisasi / anggaran."""
    t = wb.table("3.17")
    if t is None:
        return _skip("abs_name", "reason_missing", "3.17", lang)
    cats, vals = [], []
    total = t.total_row()
    for r in t.data_rows() + ([total] if total is not None else []):
        v = value_of(r, "persen")
        if v is None:
            a, b = value_of(r, "anggaran"), value_of(r, "realisasi")
            if a and b is not None:
                v = round(b / a * 100, 2)
        if v is None:
            continue
        cats.append(_shorten(text("total", lang) if r.role == "total" else _row_name(r, "program"), 60))
        vals.append(v)
    if not cats:
        return _skip("abs_name", "reason_empty", "3.17", lang)
    return {"title": text("chart_abs", lang), "categories": cats, "series": [(text("pct_axis", lang), vals)]}


def _core(name: str) -> str:
    return re.sub(r"^(kecamatan|kec)\s+", "", normalise(name))


def _same_office(office_core: str, name: str) -> bool:
    c = _core(name)
    return bool(c) and (c == office_core or c in office_core or office_core in c)


def _shorten(s: str, n: int) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"
