"""`lkj-excel inspect`: what the reader found, table by table."""

from __future__ import annotations

from typing import Any

from .model import Workbook
from .spec import load_all


def inspect_dict(wb: Workbook) -> dict[str, Any]:
    tables: list[dict[str, Any]] = []
    for spec in load_all(wb.year):
        t = wb.tables.get(spec.id)
        entry: dict[str, Any] = {"table": spec.id, "title": spec.title, "found": t is not None}
        if t is None:
            entry["sheet"] = wb.sheet_of.get(spec.id)
        else:
            cells = t.cells_frame()
            numeric_ids = {c.id for c in spec.columns if c.numeric}
            nums = cells[cells["column"].isin(numeric_ids) & cells["value"].notna()]
            entry.update(
                {
                    "sheet": t.sheet,
                    "header_rows": t.header_rows,
                    "number_row": t.number_row,
                    "data_rows": [t.data_first, t.data_last],
                    "rows": len(t.rows),
                    "rows_by_role": {r: int(n) for r, n in cells.drop_duplicates("row")["role"].value_counts().items()},
                    "columns": {cid: letter for cid, letter in t.columns.items()},
                    "missing_columns": t.missing_columns,
                    "missing_required": [c for c in t.missing_columns if spec.column(c).required],
                    "numbers": int(len(nums)),
                    "values": [
                        {
                            "cell": row.cell,
                            "column": row.column,
                            "raw": row.raw,
                            "value": row.value,
                            "decimals": None if row.decimals != row.decimals else row.decimals,
                        }
                        for row in nums.itertuples()
                    ],
                    "unparsed": [{"sheet": c.sheet, "cell": c.ref, "raw": c.text} for c in t.unparsed],
                }
            )
        tables.append(entry)
    return {
        "input": wb.path,
        "office": wb.office,
        "kabupaten": wb.kabupaten,
        "year": wb.year,
        "tables": tables,
        "missing": wb.missing,
        "other_sheets": wb.other_sheets,
        "narrative": {"sheet": wb.narrative_sheet, "paragraphs": len(wb.paragraphs)},
        "notes": [n.to_dict() for n in wb.notes],
    }


def inspect_text(d: dict[str, Any], lang: str = "id") -> str:
    id_ = lang != "en"
    lines = [
        f"{'Berkas' if id_ else 'File'}: {d['input']}",
        f"{'Instansi' if id_ else 'Office'}: {d['office'] or '-'}   {'Tahun' if id_ else 'Year'}: {d['year'] or '-'}",
        "",
    ]
    for t in d["tables"]:
        if not t["found"]:
            where = f" (lembar {t['sheet']}: judul kolom tidak ditemukan)" if t.get("sheet") else ""
            lines.append(f"  Tabel {t['table']:<5} {'TIDAK ADA' if id_ else 'MISSING'}{where}")
            continue
        hdr = ",".join(str(h) for h in t["header_rows"])
        lines.append(
            f"  Tabel {t['table']:<5} '{t['sheet']}'  header {hdr}  data {t['data_rows'][0]}-{t['data_rows'][1]}"
            f"  {t['rows']} {'baris' if id_ else 'rows'}, {t['numbers']} {'angka' if id_ else 'numbers'}"
        )
        if t.get("missing_required"):
            lines.append(
                f"      {'kolom wajib tidak ditemukan' if id_ else 'required columns not found'}: "
                f"{', '.join(t['missing_required'])}"
            )
        for u in t["unparsed"]:
            lines.append(f"      {'tidak terbaca' if id_ else 'unparsed'}: {u['sheet']}!{u['cell']} = {u['raw']!r}")
    if d["other_sheets"]:
        lines.append("")
        lines.append(
            f"{'Lembar lain (disalin apa adanya)' if id_ else 'Other sheets (kept as they are)'}: "
            f"{', '.join(d['other_sheets'])}"
        )
    n = d["narrative"]
    lines.append(f"Narasi: {n['sheet'] or '-'} ({n['paragraphs']} paragraf)")
    return "\n".join(lines)
