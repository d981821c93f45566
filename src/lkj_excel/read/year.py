"""The report year: which year the workbook reports on, and where that came from.

A table comparing 2019 with 2020 must not make a 2020 report "2019": the year
is the latest year in the titles of the report-year tables (the capaian table
Tabel 3.2 first, then the others whose declared title names the report year),
unless the user gives `--year` or an info sheet states it.
"""

from __future__ import annotations

import os
import re

from ..spec import load_all
from .grid import Grid

YEAR_ENV = "LKJ_EXCEL_YEAR"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_YEAR_IN_TEXT = re.compile(r"(?i)tahun\s+(?:anggaran\s+)?(20\d\d)")
FIRST = "3.2"


def set_year(year: int | None) -> None:
    """`--year`: kept in the environment so batch workers use it too."""
    if year is None:
        os.environ.pop(YEAR_ENV, None)
    else:
        os.environ[YEAR_ENV] = str(year)


def given_year() -> int | None:
    v = os.environ.get(YEAR_ENV)
    return int(v) if v and v.isdigit() else None


def _title_years(g: Grid) -> list[int]:
    out: list[int] = []
    for r in range(min(g.n_rows, 4)):
        for c in range(min(g.n_cols, 3)):
            t = g.text(r, c)
            if len(t) > 6:  # a title, not a year typed as a column header
                out += [int(y) for y in _YEAR.findall(t)]
    return out


def report_year_tables() -> list[str]:
    """Tables whose declared title names the report year itself ("Tahun {year}")."""
    ids = [s.id for s in load_all(None) if re.search(r"\{year\}", s.title)]
    return sorted(ids, key=lambda t: (t != FIRST,))


def report_year(tables: dict[str, Grid], info_year: int | None) -> tuple[int | None, str | None]:
    """(year, where it came from)."""
    given = given_year()
    if given is not None:
        return given, "--year"
    for tid in report_year_tables():
        g = tables.get(tid)
        in_title = _title_years(g) if g is not None else []
        if in_title:
            return max(in_title), f"judul Tabel {tid}"
    if info_year is not None:
        return info_year, "lembar info"
    years: set[int] = set()
    for g in tables.values():
        for r in range(min(g.n_rows, 4)):
            for c in range(min(g.n_cols, 3)):
                years.update(int(m.group(1)) for m in _YEAR_IN_TEXT.finditer(g.text(r, c)))
    if years:
        return max(years), "judul tabel"  # the latest: a comparison names the report year last
    return None, None
