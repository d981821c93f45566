"""One workbook's line in the batch: its status, profile, findings (its own and the batch's) and outputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..findings import SEVERITIES, Finding
from .profile import Profile


@dataclass(slots=True)
class Result:
    name: str  # its name in the batch ("Kec Sei Balai/LKjIP 2024.xlsx")
    path: str
    status: str = "ok"  # ok | unreadable | failed | too_big | killed | timeout
    reason: str | None = None
    profile: Profile | None = None
    findings: list[Finding] = field(default_factory=list)  # its own, then the batch's (W9xx)
    cross: int = 0  # how many of `findings` came from the checks across workbooks
    outputs: list[str] = field(default_factory=list)  # relative to the output folder, with "/"
    output_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # Its rekap Temuan rows rendered ahead: (the `findings` list they render, rows, heights); see recap.temuan_rows
    temuan: tuple[list[Finding], list[list[Any]], list[float]] | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            out[f.severity] += 1
        return out

    @property
    def corrected(self) -> str | None:
        return next((p for p in self.outputs if p.endswith("_terkoreksi.xlsx")), None)
