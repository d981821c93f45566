"""`lkj-excel inspect`: what the reader found, table by table."""

from __future__ import annotations

from typing import Any

from .model import Workbook
from .spec import load_all
from .texts import Section, has


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
                    "recognised": [
                        {"column": cid, "letter": letter, "how": t.column_how.get(cid, "")}
                        for cid, letter in sorted(t.columns.items(), key=lambda kv: (len(kv[1]), kv[1]))
                    ],
                    "notation": t.notation,
                    "groups": [
                        {"row": r.excel_row, "role": r.role, "label": r.label, "children": len(r.children)}
                        for r in t.rows
                        if r.children
                    ],
                    "shared": [
                        {"cell": sc.cell.ref, "column": sc.column, "rows": [t.rows[i].excel_row for i in sc.rows]}
                        for sc in t.shared
                    ],
                    "missing_columns": t.missing_columns,
                    "missing_required": [c for c in t.missing_columns if spec.column(c).required],
                    "numbers": int(len(nums)),
                    "values": [
                        {
                            "cell": row.cell,
                            "column": row.column,
                            "raw": row.raw,
                            "value": row.value,
                            "decimals": _not_nan(row.decimals),
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
        "year_source": wb.year_source,
        "duplicates": [{"table": d[0], "used": d[1], "ignored": d[2]} for d in wb.duplicates],
        "relocated": [{"table": r[0], "sheet": r[1], "number": r[2]} for r in wb.relocated],
        "tables": tables,
        "missing": wb.missing,
        "other_sheets": wb.other_sheets,
        "narrative": {"sheet": wb.narrative_sheet, "paragraphs": len(wb.paragraphs)},
        "notes": [n.to_dict() for n in wb.notes],
    }


def inspect_text(d: dict[str, Any], lang: str = "id") -> str:
    w = Section("inspect", lang)
    lines = [
        f"{w['file']}: {d['input']}",
        f"{w['office']}: {d['office'] or '-'}   {w['year']}: {d['year'] or '-'} ({d.get('year_source') or '-'})",
        "",
    ]
    for dup in d.get("duplicates", []):
        lines.append(f"  Tabel {dup['table']}: {w['used']} '{dup['used']}', {w['ignored']} '{dup['ignored']}'")
    for rel in d.get("relocated", []):
        lines.append(f"  Tabel {rel['table']}: {w['relocated']} '{rel['sheet']}' ({w['numbered']} {rel['number']})")
    for t in d["tables"]:
        if not t["found"]:
            where = f" (lembar {t['sheet']}: judul kolom tidak ditemukan)" if t.get("sheet") else ""
            lines.append(f"  Tabel {t['table']:<5} {w['missing']}{where}")
            continue
        hdr = ",".join(str(h) for h in t["header_rows"])
        lines.append(
            f"  Tabel {t['table']:<5} '{t['sheet']}'  header {hdr}  data {t['data_rows'][0]}-{t['data_rows'][1]}"
            f"  {t['rows']} {w['rows']}, {t['numbers']} {w['numbers']}"
        )
        if t.get("missing_required"):
            lines.append(f"      {w['required_missing']}: {', '.join(t['missing_required'])}")
        lines += _column_lines(t, w)
        for u in t["unparsed"]:
            lines.append(f"      {w['unparsed']}: {u['sheet']}!{u['cell']} = {u['raw']!r}")
    if d["other_sheets"]:
        lines.append("")
        lines.append(f"{w['other_sheets']}: {', '.join(d['other_sheets'])}")
    n = d["narrative"]
    lines.append(f"Narasi: {n['sheet'] or '-'} ({n['paragraphs']} paragraf)")
    return "\n".join(lines)


def _column_lines(t: dict[str, Any], w: Section) -> list[str]:
    """Which sheet column took which role, and how: header words ("judul") or figures ("isi")."""
    out = []
    for c in t.get("recognised", []):
        out.append(f"      {c['letter']:>3} {c['column']:<22} {c['how']}")
    if t.get("notation") == "en":
        out.append(f"      {w['english_notation']}")
    for g in t.get("groups", []):
        kind = w[f"role.{g['role']}"] if has(f"inspect.role.{g['role']}") else g["role"]
        out.append(f"      {w['row']} {g['row']}: {kind}, {g['children']} {w['children']}")
    for sc in t.get("shared", []):
        out.append(f"      {sc['cell']}: {w['merged']} {sc['rows']}")
    return out


def _not_nan(v: Any) -> Any:
    return None if v != v else v  # NaN: a cell without printed decimals
