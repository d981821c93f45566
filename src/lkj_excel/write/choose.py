"""The corrected workbook in the layout the user chose: in place (default) or the standard layout.

A workbook openpyxl cannot hold (see `inplace_limits`) is written in the standard layout instead, and the
caller is told why, so that the user still gets a corrected workbook and a bounded run.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from ..findings import Finding
from ..model import Workbook
from ..texts import t
from .inplace_limits import too_large_for_inplace


def write_corrected_book(
    wb: Workbook,
    findings: list[Finding],
    out: Path,
    force: bool,
    lang: str,
    layout: str = "asli",
    ran: Collection[str] = ("check",),
) -> str | None:
    """Write the corrected workbook; return a note for the user when the standard layout replaced "asli"."""
    reason = too_large_for_inplace(wb.path) if layout == "asli" else None
    if layout == "standar" or reason is not None:
        from .corrected import write_corrected
        from .summary import extra_sheets_hook

        write_corrected(wb, findings, out, force=force, lang=lang, extra_sheets=extra_sheets_hook(wb, findings, lang))
        if reason is None:
            return None
        return t("cli.too_large_inplace", lang, reason=reason)
    from .inplace import write_inplace

    write_inplace(wb, findings, out, force=force, lang=lang, ran=ran)
    return None
