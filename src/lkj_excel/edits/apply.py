"""Findings from the localizer: the finding sits at the located cell, with its evidence.

Runs after the rule catalog, and only when a rule reported an edit's violation: the edit rules'
findings in a diagnosed group are replaced by findings at the located cells (with the value that
makes every edit hold as the fix), an info finding at each failing total or percentage naming the
culprit, or, when explanations tie, findings at every candidate naming the alternatives and
correcting nothing. Narrative findings that compared prose with a mistyped table figure go.
"""

from __future__ import annotations

from typing import Any

from ..findings import SEVERITIES, Finding
from ..numerals import format_id
from ..texts import both
from .build import EditSet, build_edits
from .localize import Diagnosis, Explanation, localize
from .model import Address, Edit
from .typo import KINDS

EDIT_CODES = {"T101", "T102", "T103", "T104", "C201", "C203", "C204", "X601", "X603", "S401", "S402"}
# The land-use comparison between Tabel 1.1 and 1.3, and a group row against the rows below it: the rule's own
# finding stays at its cell, uncorrected, when the candidates are elsewhere (it says what disagrees).
KEEP_WHEN_AMBIGUOUS = {"X603", "T104", "C204"}
RULE_NAMES = {
    "T101": "totals.column_sum",
    "T102": "totals.subtotal",
    "T103": "totals.row_formula",
    "T104": "totals.group",
    "C201": "capaian.ratio",
    "C203": "penyerapan.ratio",
    "C204": "capaian.polarity",
    "X601": "crosstable.same_value",
    "X603": "crosstable.land_use",
    "S401": "skm.nrr_tertimbang",
    "S402": "skm.ikm",
}


def _natural(a: Address) -> tuple[str, int, str]:
    """Sheet, then row, then column: E7 before E10."""
    digits = "".join(ch for ch in a[1] if ch.isdigit())
    return (a[0], int(digits) if digits else 0, a[1].rjust(8))


def _short(es: EditSet, a: Address, near: str) -> str:
    return a[1] if a[0] == near else f"{a[0]}!{a[1]}"


def _fmt(es: EditSet, a: Address, v: float) -> str:
    cell = es.cells.get(a)
    var = es.vars[a]
    return cell.fmt(v, var.decimals) if cell is not None else format_id(v, var.decimals)


def _fix_value(es: EditSet, a: Address, v: float) -> Any:
    cell = es.cells.get(a)
    if cell is not None and cell.letter:
        return cell.fmt(v, es.vars[a].decimals)
    return v


def _severity(fs: list[Finding]) -> str:
    sev = [SEVERITIES.index(f.severity) for f in fs if f.severity in SEVERITIES]
    return SEVERITIES[min(sev)] if sev else "error"


# (indonesian, english) name of the identity each rule checks, from the texts catalog ("edit.<code>")
EDIT_TEXT = {c: both(f"edit.{c}") for c in (*sorted(EDIT_CODES), "N801")}  # N801: a figure the narrative repeats


def _edit_names(edits: list[Edit]) -> tuple[str, str]:
    codes = sorted({e.code for e in edits})
    return (
        ", ".join(EDIT_TEXT.get(c, (c, c))[0] for c in codes),
        ", ".join(EDIT_TEXT.get(c, (c, c))[1] for c in codes),
    )


def _located(es: EditSet, d: Diagnosis, sev: str, explain: bool = True) -> list[Finding]:
    out: list[Finding] = []
    ex = d.chosen
    assert ex is not None
    codes = _first_codes(d)
    for a in sorted(ex.cells):
        if es.vars[a].prose:
            continue  # the narrative rules correct the paragraph
        v = ex.values[a]
        var = es.vars[a]
        mine = [e for e in d.violated if a in e.vars]
        if not mine:  # a figure derived from a corrected one (a % beside a corrected anggaran): its own formula
            mine = _ties(es, a, ex.cells)
        code = codes.get(a) or (mine[0].code if mine else "T101")
        others = sorted({b for e in mine for b in e.vars if b != a and not es.vars[b].prose}, key=_natural)
        kind = ex.typos.get(a)
        ids, ens = KINDS.get(kind or "", ("", ""))
        edits_id, edits_en = _edit_names(mine)
        found, expected = var.text, _fmt(es, a, v)
        params = {
            "sheet": a[0],
            "cell": a[1],
            "found": found,
            "expected": expected,
            "typo_id": f" ({ids})" if ids else "",
            "typo_en": f" ({ens})" if ens else "",
            "edits": edits_id,
            "edits_en": edits_en,
            "others": ", ".join(_short(es, b, a[0]) for b in others[:8]) + (" …" if len(others) > 8 else ""),
        }
        rel = [f"{b[0]}!{b[1]}" for b in others]
        out.append(_finding(code, sev, a, found, expected, "localize.located", params, rel, _fix_value(es, a, v), var))
    for e in d.violated if explain else ():
        o = e.output
        culprits = [b for b in e.vars if b in ex.cells and not es.vars[b].prose]
        if o is None or o in ex.cells or not culprits:
            continue
        text = ", ".join(f"{_short(es, b, o[0])} ({es.vars[b].text} → {_fmt(es, b, ex.values[b])})" for b in culprits)
        params = {"sheet": o[0], "cell": o[1], "culprits": text}
        rel = [f"{b[0]}!{b[1]}" for b in culprits]
        out.append(
            _finding(e.code, "info", o, es.vars[o].text, None, "localize.explained", params, rel, None, es.vars[o])
        )
    return out


def _alternative(es: EditSet, ex: Explanation) -> list[tuple[str, str, str]]:
    """Each cell of an explanation with its change ("5 → 6?"), named from its own sheet and from another:
    (sheet, "E7 (5 → 6?)", "Tabel 3.2!E7 (5 → 6?)")."""
    parts = []
    for a in sorted(ex.cells):
        v = ex.values.get(a)
        to = _fmt(es, a, v) if v is not None else "?"
        change = f"({es.vars[a].text} → {to}?)"
        parts.append((a[0], f"{a[1]} {change}", f"{a[0]}!{a[1]} {change}"))
    return parts


def _named(parts: list[tuple[str, str, str]], near: str, conj: str = " dan ") -> str:
    return conj.join([here if sheet == near else there for sheet, here, there in parts])


def _first_codes(d: Diagnosis) -> dict[Address, str]:
    """Each cell's rule: the code of the first violated edit over it (one pass, not a scan per cell)."""
    codes: dict[Address, str] = {}
    for e in d.violated:
        for a in e.vars:
            codes.setdefault(a, e.code)
    return codes


def _ambiguous(es: EditSet, d: Diagnosis, sev: str, said: set[tuple[object, ...]] | None = None) -> list[Finding]:
    """A finding at each candidate naming the alternatives. `said`: the keys `_unique` goes by of those made for
    the groups before (a figure printed in many tables puts the same candidates in several groups): not made again;
    and each group's candidates with its alternatives (a group that repeats one before it makes nothing)."""
    out: list[Finding] = []
    # A figure that only follows another candidate (the % of a row whose anggaran may be wrong) is named in
    # the alternatives, not flagged itself: as printed it agrees with its row.
    named = {a for ex in d.alternatives for a in ex.cells if not es.vars[a].prose}  # each cell weighed once
    bad = {id(e) for e in d.violated}
    cands = sorted(a for a in named if not _follows(es, d, a, bad))
    if not cands:
        return out
    alts = [_alternative(es, ex) for ex in d.alternatives[:6]]
    more = " …" if len(d.alternatives) > 6 else ""
    key = "localize.ambiguous" if len(d.alternatives) > 1 else "localize.uncertain"
    if said is not None:
        # The same candidates, message and alternatives: every finding's key below is one an earlier group added.
        group = (key, more, tuple(cands), tuple([tuple([part[2] for part in parts]) for parts in alts]))
        if group in said:
            return out
        said.add(group)
    texts: dict[str, tuple[str, str]] = {}  # the alternatives as named from one sheet (id, en): one per sheet
    names = [f"{b[0]}!{b[1]}" for b in cands]
    codes = _first_codes(d)
    for i, a in enumerate(cands):
        pair = texts.get(a[0])
        if pair is None:
            pair = texts[a[0]] = (
                " atau ".join(_named(parts, a[0]) for parts in alts) + more,
                " or ".join(_named(parts, a[0], " and ") for parts in alts) + more,
            )
        if said is not None:
            k = (a[0], a[1], key, pair[0])
            if k in said:
                continue  # `_unique` would drop it: an earlier group named this cell with these alternatives
            said.add(k)
        code = codes.get(a) or _tying_code(es, d, a)
        var = es.vars[a]
        params = {"sheet": a[0], "cell": a[1], "alternatives": pair[0], "alternatives_en": pair[1]}
        rel = names[:i] + names[i + 1 :]
        out.append(_finding(code, sev, a, var.text, None, key, params, rel, None, var))
    return out


def _follows(es: EditSet, d: Diagnosis, a: Address, bad: set[int]) -> bool:
    """Is `a` in every explanation naming it the % or formula cell of its row, holding as printed (`bad`: the ids
    of `d`'s violated edits) and recomputed from another cell the explanation changes?"""
    # its row's own formula (a printed total is worth a look): found once, then tied to each explanation
    own = [e for e in es.edits_of(a) if e.output == a and (e.kind == "ratio" or e.code == "T103") and id(e) not in bad]
    if not own:
        return False
    named = [ex.cells for ex in d.alternatives if a in ex.cells]
    return bool(named) and all(any(any(b != a and b in cells for b in e.vars) for e in own) for cells in named)


def _tying_code(es: EditSet, d: Diagnosis, a: Address) -> str:
    """The rule of a candidate outside the failing edits: the identity that ties it to another cell of its
    explanation (a % that follows a corrected anggaran), else the first over it."""
    for ex in d.alternatives:
        tie = _ties(es, a, ex.cells) if a in ex.cells else []
        if tie:
            return tie[0].code
    mine = es.edits_of(a)
    return mine[0].code if mine else "T101"


def _ties(es: EditSet, a: Address, cells: frozenset[Address]) -> list[Edit]:
    """The edits over `a` that another of `cells` (one explanation) is in: what changes `a` with them."""
    return [e for e in es.edits_of(a) if any(b != a and b in cells for b in e.vars)]


def _finding(
    code: str,
    sev: str,
    a: Address,
    found: str | None,
    expected: str | None,
    key: str,
    params: dict[str, Any],
    related: list[str],
    fix: Any,
    var: Any,
) -> Finding:
    return Finding(
        code, RULE_NAMES.get(code, code), sev, a[0], a[1], found, expected, key, params, related, fix, var.table
    )


def localize_findings(ctx: Any, findings: list[Finding]) -> list[Finding]:
    """The findings with the edit rules' verdicts replaced by the localizer's."""
    if not any(f.code in EDIT_CODES and f.severity != "info" for f in findings):
        return findings
    es = build_edits(ctx)
    # A diagnosis that only changes prose is the narrative rules' to report.
    diags = [d for d in localize(es) if not _prose_only(es, d)]
    if not diags:
        return findings
    owner: dict[Address, Diagnosis] = {a: d for d in diags for a in d.scope}
    changed: dict[Address, float] = {}
    suspects: set[Address] = set()
    for d in diags:
        if d.status in ("located", "partial") and d.chosen is not None:
            changed.update(d.chosen.values)
        suspects |= {a for ex in d.alternatives for a in ex.cells} if d.status in ("ambiguous", "partial") else set()
    out: list[Finding] = []
    if changed and any(f.code.startswith("N8") for f in findings):
        findings = [f for f in findings if not f.code.startswith("N8")]
        for f in _narrative_after(ctx, es, changed):  # judged against the corrected figures
            if _undecided(f, owner, suspects):
                f.fix = None  # it compared with a total whose rows hold an undecided candidate
            out.append(f)
    by_diag: dict[int, list[Finding]] = {}
    for f in findings:
        owned = owner.get((f.sheet, f.cell))
        if f.code in EDIT_CODES and owned is not None:
            d = owned
            if d.status == "unresolved" or (f.code in KEEP_WHEN_AMBIGUOUS and _kept(f, d, suspects)):
                # No single explanation: a wrong correction is worse than none. A cross-table comparison stays
                # at its own cell when that cell is no candidate: it names both sides of the disagreement.
                f.fix = None
                out.append(f)
                if d.status != "unresolved":
                    by_diag.setdefault(id(d), []).append(f)  # its severity is the group's
            else:
                by_diag.setdefault(id(d), []).append(f)
            continue
        verdict = _dependent(f, owner, changed, suspects, es)
        if verdict == "drop":
            continue
        if verdict == "unfix":
            f.fix = None
        out.append(f)
    said: set[tuple[object, ...]] = set()
    for d in diags:
        sev = _severity(by_diag.get(id(d), []))
        if d.status == "located":
            out.extend(_located(es, d, sev))
        elif d.status == "partial":  # the core corrected, no total "explained" by it alone; the rest named
            out.extend(_located(es, d, sev, explain=False))
            out.extend(_ambiguous(es, d, sev, said))
        elif d.status == "ambiguous":
            out.extend(_ambiguous(es, d, sev, said))
    return _unique(out)


def _unique(fs: list[Finding]) -> list[Finding]:
    """One finding per cell and message: two groups that share their candidates name them once."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for f in fs:
        k = (f.sheet, f.cell, f.message_key, str(f.params.get("alternatives", id(f))))
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def _kept(f: Finding, d: Diagnosis, suspects: set[Address]) -> bool:
    """Does the rule's own finding stay (uncorrected) beside the localizer's? A group row's sum and a
    lower-is-better capaian keep theirs while the culprit is undecided (the first at a cell that is no
    candidate; the second says which formulas the name implies, beside the candidates)."""
    if f.code == "C204":
        return d.status != "located"
    return here_free(f, suspects) and (f.code != "T104" or d.status != "located")


def here_free(f: Finding, suspects: set[Address]) -> bool:
    return (f.sheet, f.cell) not in suspects


def _prose_only(es: EditSet, d: Diagnosis) -> bool:
    exs = [d.chosen] if d.chosen is not None else d.alternatives
    return bool(exs) and all(es.vars[a].prose for ex in exs for a in ex.cells)


def _related(f: Finding) -> list[Address]:
    """The cells a finding names as related ("Sheet!A1"), as addresses."""
    return [(sheet, cell) for sheet, _, cell in (r.partition("!") for r in f.related if "!" in r)]


def _undecided(f: Finding, owner: dict[Address, Diagnosis], suspects: set[Address]) -> bool:
    """Did `f` compare with a candidate, or with a figure of a group the localizer could not decide?"""
    rel = _related(f)
    return any(a in suspects or (a in owner and owner[a].status != "located") for a in rel)


def _dependent(
    f: Finding, owner: dict[Address, Diagnosis], changed: dict[Address, float], suspects: set[Address], es: EditSet
) -> str:
    """A finding of another rule that compared with figures the localizer judged: keep, unfix or drop.

    Compared with a figure the localizer corrects, it compared with a typo: dropped (a narrative
    finding stays when its expected figure is the corrected one). Compared with a candidate of an
    undecided explanation: no fix. Compared with a figure that stands although its edit failed
    (prose repeating a total the localizer holds right): dropped.
    """
    here = (f.sheet, f.cell)
    if here in changed:
        return "drop"  # it judged the mistyped figure itself (a predikat letter beside it, ...)
    if here in suspects:
        return "unfix"
    rel = _related(f)
    # An unresolved group holds no figure right or wrong: the other rule's finding stands as it is.
    judged = [a for a in rel if (a in owner and owner[a].status != "unresolved") or a in changed or a in suspects]
    if not judged:
        return "keep"
    if any(a in suspects or (owner.get(a) is not None and owner[a].status in ("ambiguous", "partial")) for a in judged):
        return "unfix"
    hit = [a for a in judged if a in changed]
    if not hit:
        return "drop" if f.code.startswith("N8") else "keep"
    if f.code.startswith("N8") and f.expected is not None:
        if all(_fmt(es, a, changed[a]).split(" ")[0] in f.expected for a in hit):
            return "keep"
    return "drop"


def _narrative_after(ctx: Any, es: EditSet, changed: dict[Address, float]) -> list[Finding]:
    """The narrative rules run again with the located cells corrected, and with the prose copies the
    localizer corrected along with them rewritten: prose is judged against the figures the corrected
    workbook will show, not against a typo."""
    from dataclasses import replace

    from ..narrative.resolve import analyse
    from ..rules import Context, load_rules

    cells = [(a, es.cells[a]) for a in changed if a in es.cells]
    saved = [(c, c.parsed, c.text) for _a, c in cells]
    paras = {p.ref: p for p in ctx.wb.paragraphs}
    texts = {ref: p.text for ref, p in paras.items()}
    prose = _prose_edits(es, changed)
    try:
        for a, c in cells:
            v = changed[a]
            c.text = c.fmt(v, es.vars[a].decimals)
            c.parsed = replace(c.parsed, value=v)
        for ref, subs in prose.items():
            p = paras[ref]
            for start, end, new, _a in sorted(subs, reverse=True):
                p.text = p.text[:start] + new + p.text[end:]
        sub = Context(ctx.wb)
        first = ctx.cache.get("narrative.analysis")  # its verdicts on paragraphs the corrections cannot move are kept
        sub.cache["narrative.analysis"] = analyse(
            ctx.wb, _unchanged_figures(ctx, [c for _a, c in cells]), previous=first, changed={id(c) for _a, c in cells}
        )
        out = [f for code, r in sorted(load_rules().items()) if code.startswith("N8") for f in r.run(sub)]
        fixed = {f.cell: f.fix for f in out if f.fix is not None}
        for ref, subs in sorted(prose.items()):
            for start, _end, new, a in sorted(subs):  # in the order of the text: stable findings
                old = texts[ref][start:_end]
                params = {
                    "sheet": paras[ref].sheet,
                    "cell": ref,
                    "found": old,
                    "expected": new,
                    "source": f"{a[0]}!{a[1]}",
                }
                out.append(
                    Finding(
                        "N806",
                        "narrative.repeats_wrong_total",
                        "warning",
                        paras[ref].sheet,
                        ref,
                        old,
                        new,
                        "localize.prose",
                        params,
                        [f"{a[0]}!{a[1]}"],
                        fixed.get(ref, paras[ref].text),
                        "Narasi",
                    )
                )
        return out
    finally:
        for c, parsed, text in saved:
            c.parsed, c.text = parsed, text
        for ref, p in paras.items():
            p.text = texts[ref]


def _unchanged_figures(ctx: Any, cells: list[Any]) -> dict[str, list[Any]]:
    """The first pass's figures of every table none of whose cells the localizer changed (reused as they are)."""
    first = ctx.cache.get("narrative.analysis")
    index = getattr(first, "index", None)
    if index is None:
        return {}
    changed, sheets = {id(c) for c in cells}, {c.sheet for c in cells}
    tables = ctx.wb.tables
    return {  # only the tables on a sheet with a changed cell are searched for it
        tid: figs
        for tid, figs in index.own.items()
        if tid in tables
        and (
            tables[tid].sheet not in sheets
            or not any(id(c) in changed for r in tables[tid].rows for c in r.cells.values())
        )
    }


def _prose_edits(es: EditSet, changed: dict[Address, float]) -> dict[str, list[tuple[int, int, str, Address]]]:
    """Per paragraph: (start, end, new figure, table cell) for every prose copy the localizer corrected."""
    out: dict[str, list[tuple[int, int, str, Address]]] = {}
    for a, v in changed.items():
        var = es.vars[a]
        if not var.prose or "#" not in a[1]:
            continue
        ref, start_s = a[1].split("#", 1)
        claim = es.claims.get(a)
        table = next((b for e in es.edits_of(a) for b in e.vars if b != a), None)
        if claim is None or table is None:
            continue
        new = format_id(abs(v), var.decimals)
        out.setdefault(ref, []).append((claim.num_start, claim.num_end, new, table))
    return out
