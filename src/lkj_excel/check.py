"""Run the rule catalog over a workbook."""

from __future__ import annotations

from .findings import Finding, sort_key
from .model import Workbook
from .rules import Context, load_rules


def run_checks(wb: Workbook, only: set[str] | None = None, ctx: Context | None = None) -> list[Finding]:
    """The findings of every rule (or of `only`), localized and sorted. A caller that passes its own `ctx`
    (a fresh `Context(wb)`) keeps what the rules worked out once per workbook (`ctx.cache`: the scales, ...)."""
    ctx = Context(wb) if ctx is None else ctx
    out: list[Finding] = []
    for code, r in sorted(load_rules().items()):
        if only and code not in only and r.family not in only:
            continue
        out.extend(r.run(ctx))
    # A rule that reaches the same figure twice reports it once; a paragraph
    # cell can hold several different claims, hence `found` in the key.
    seen: set[tuple[str, str, str, str | None]] = set()
    unique = []
    for f in out:
        k = (f.code, f.sheet, f.cell, f.found)
        if k not in seen:
            seen.add(k)
            unique.append(f)
    if not only:
        from .edits.apply import localize_findings

        unique = localize_findings(ctx, unique)
    return sorted(unique, key=sort_key)
