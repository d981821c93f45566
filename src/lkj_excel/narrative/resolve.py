"""Match the figures a report's paragraphs state against the figures of its tables.

``figures`` lists every figure a paragraph may repeat or derive: the numeric
cells of each table and the figures computed from them (differences, ratios,
sums, means, shares, row counts), each with the cells it comes from and the
interval it stands for at the printed precision of those cells.

``analyse`` classifies every claim of every paragraph (verified, contradicted,
unverifiable), checks deictic table references and statements of direction,
and prepares the corrected paragraph texts. Pure computation on a Workbook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Paragraph, Workbook
from ..numerals import format_id
from .directions import DirectionStatement, extract_direction_statements
from .extract import Claim, TableRef, extract_claims, extract_table_refs, read_claims, scan_paragraph
from .index import FigureIndex, figures
from .match import (
    Analysis,
    ClaimResult,
    DirectionIssue,
    Prep,
    Ranker,
    RefIssue,
    _compatible,
    claim_agrees,
    claim_sentence,
    digits_of,
    is_small_bare,
    known_kind,
    known_quantity,
    scope_tables,
)
from .reuse import Deps, ParaRecord, Reading, Reuse
from .sentences import Keywords, ascii_twin, lowered, sentence_of, sentence_spans
from .slips import fig_class
from .tables import Figure, number_cell, numeric_columns, value_of, year_of
from .typo import one_edit, round_half_up, typo_edits

_ALL_WORD = re.compile(r"\b(?:semua|semuanya|seluruh|seluruhnya|masing-masing)\b", re.IGNORECASE)


@dataclass(slots=True)
class _Para:
    """What the claims of one paragraph share while they are classified."""

    wb: Workbook
    p: Paragraph
    idx: FigureIndex
    text: str
    group_text: str
    claims: list[Claim]
    scope: list[str]
    prep: Prep
    deps: Deps


def classify_paragraph(
    wb: Workbook,
    p: Paragraph,
    idx: FigureIndex,
    group_text: str = "",
    claims: list[Claim] | None = None,
    *,
    refs: list[TableRef] | None = None,
    scope: list[str] | None = None,
    dirs: list[DirectionStatement] | None = None,
    prep: Prep | None = None,
    deps: Deps | None = None,
    kept: tuple[list[ClaimResult], set[int]] | None = None,
) -> list[ClaimResult]:
    """Classify every claim of ``p``; ``analyse`` passes what it already extracted (and collects in ``deps``
    what the verdicts looked up beyond the scope tables). ``kept``: an earlier judgement's results of these
    claims, and the claims (by id) to classify again: the others keep theirs."""
    text = p.text or ""
    if prep is None:
        prep = Prep(wb, idx)
    claims = extract_claims(text) if claims is None else claims
    if scope is None:
        scope = scope_tables(wb, p, extract_table_refs(text) if refs is None else refs, prep)
    if dirs is None:
        dirs = extract_direction_statements(text, claims)
    thresholds = set()
    for d in dirs:
        if d.kind in ("above", "below") and d.figure is not None and d.claim_indices:
            thresholds.add(d.claim_indices[0])
    para = _Para(wb, p, idx, text, group_text, claims, scope, prep, Deps() if deps is None else deps)
    out: list[ClaimResult] = []
    earlier: dict[int, ClaimResult] = {}
    stale: set[int] = set()
    if kept is not None:
        earlier, stale = {id(r.claim): r for r in kept[0]}, kept[1]
    for ci, claim in enumerate(claims):
        if ci in thresholds:
            continue
        if kept is not None and id(claim) not in stale:
            res = earlier.get(id(claim))  # none: the claim was a count or a bare small number no table had
        else:
            res = _classify_claim(para, claim)
        if res is not None:
            out.append(res)
    return out


def _agreeing(para: _Para, claim: Claim, value: float, decimals: int) -> list[Figure]:
    """The figures of the scope tables that fit the claim and agree with (value, decimals), in scope then table
    order."""
    para.deps.agreed.append((claim, value, decimals))
    prep, idx, kind, unit = para.prep, para.idx, claim.kind, claim.unit
    nouns = unit not in (None, "%", "Rp", "Ha", "poin")  # else `Prep.noun_ok` takes every figure
    return [
        f
        for f in idx.agreeing_in(para.scope, value, decimals)
        if _compatible(kind, unit, fig_class(f)) and (not nouns or prep.noun_ok(claim, f))  # `Prep.fits`
    ]


def _classify_claim(para: _Para, claim: Claim) -> ClaimResult | None:
    """The result of one claim; None for a count or a bare small number no table speaks of."""
    p, scope = para.p, para.scope
    prep = para.prep
    printed = para.text[claim.num_start : claim.num_end]
    rank: list[Ranker] = []  # made on the first list of two figures or more

    def ranked(fs: list[Figure]) -> list[Figure]:
        if len(fs) < 2:
            return list(fs)
        if not rank:
            sentence = claim_sentence(para.text, claim)
            hints = prep.row_hint(sentence) or prep.row_hint(para.text) or prep.row_hint(para.group_text)
            rank.append(Ranker(claim, scope, hints, sentence))
        return sorted(fs, key=rank[0].key)

    if claim.malformed and claim.candidates:
        v, d = claim.candidates[0]
        agree = _agreeing(para, claim, abs(v), d)
        first = ranked(agree)[0] if agree else None
        return ClaimResult(claim, p, "contradicted", ranked(agree), v, d, "malformed", "malformed", first)
    agree = _agreeing(para, claim, abs(claim.value), claim.decimals)
    if agree:
        agree = ranked(agree)
        good = [f for f in agree if f.recomputed is None]
        if good:
            return ClaimResult(claim, p, "verified", good, figure=good[0])
        f = agree[0]
        return ClaimResult(
            claim, p, "contradicted", agree, f.recomputed, claim.decimals, "wrong total", "wrong_total", f
        )
    counted = claim.kind == "count" or (claim.unit not in (None, "%", "Rp", "Ha", "poin"))
    known = None
    if not counted:
        want = known_kind(para.text, claim, para.claims)
        if want is not None:
            para.deps.subject_rows = True  # the subject row is chosen from every cell of the scope tables
            known = known_quantity(para.wb, p, claim, para.claims, scope, para.idx, para.group_text, prep, want)
    if known is not None:
        edits = typo_edits(printed, abs(known.value), claim.decimals)
        value = round_half_up(abs(known.value), claim.decimals)
        edit = edits[0] if edits else "known quantity"
        return ClaimResult(claim, p, "contradicted", [known], value, claim.decimals, edit, "known", known)
    if not counted and not is_small_bare(claim):
        lo, hi = abs(claim.value) - 0.5 * 10**-claim.decimals, abs(claim.value) + 0.5 * 10**-claim.decimals
        para.deps.ranges.append((lo, hi, claim))
        wide = [f for f in para.idx.overlapping(lo, hi) if claim_agrees(claim, f) and prep.fits(claim, f)]
        good = [f for f in wide if f.recomputed is None]
        if good:
            good = ranked(good)
            return ClaimResult(claim, p, "verified", good, figure=good[0])
    typos = _typos(para, claim, printed)
    if typos:
        f, edit = typos[0]
        if len(typos) > 1:
            best = ranked([f for f, _e in typos])[0]
            f, edit = next(fe for fe in typos if fe[0] is best)
        return ClaimResult(claim, p, "contradicted", [f], abs(f.value), f.decimals, edit, "typo", f)
    if counted or is_small_bare(claim):
        return None  # a count or a bare small number no table speaks of
    return ClaimResult(claim, p, "unverifiable")


def _typos(para: _Para, claim: Claim, printed: str) -> list[tuple[Figure, str]]:
    """The figures ``printed`` is one typing slip of: in the scope tables, else (rupiah) anywhere."""
    prep = para.prep
    typos: list[tuple[Figure, str]] = []
    if len(digits_of(printed)) >= 3:  # else the search finds none
        para.deps.typos.append((claim, printed, False))
        typos = prep.typo_search(claim, printed, para.scope)
    if not typos and claim.unit == "Rp" and len(digits_of(printed)) >= 7:
        # A rupiah figure is long enough that one slip of a figure anywhere names it (issue #10);
        # only when a single figure fits.
        para.deps.typos.append((claim, printed, True))
        wide_pool = prep.typo_search(claim, printed, prep.order)
        typos = wide_pool if len({round(f.value, 2) for f, _e in wide_pool}) == 1 else []
    return typos


# ------------------------------------------------------ references, direction


def check_table_refs(wb: Workbook, p: Paragraph, refs: list[TableRef], prep: Prep | None = None) -> list[RefIssue]:
    if prep is None:
        prep = Prep(wb, FigureIndex({}))
    fol = prep.followed(p)
    if fol is None:
        return []
    allowed = {fol}
    i = prep.order_pos[fol]
    if i > 0:
        prev = prep.order[i - 1]
        # The table just before counts only when no paragraph sits between the two tables.
        if prev not in prep.followed_tables:
            allowed.add(prev)
    out = []
    for r in refs:
        if not r.deictic or r.position != "before" or r.table_id is None:
            continue
        if r.table_id in allowed:
            continue
        edit = one_edit(digits_of(r.table_id), digits_of(fol))
        out.append(RefIssue(p, r, fol, edit))
    return out


def _group_claim_results(results: list[ClaimResult]) -> dict[int, ClaimResult]:
    return {id(r.claim): r for r in results}


def check_directions(
    wb: Workbook,
    p: Paragraph,
    claims: list[Claim],
    results: list[ClaimResult],
    scope: list[str],
    dirs: list[DirectionStatement] | None = None,
) -> list[DirectionIssue]:
    text = p.text or ""
    by_claim = _group_claim_results(results)
    out: list[DirectionIssue] = []
    spans: list[list[tuple[int, int]]] = []  # the sentence spans, split once and only when needed
    for d in extract_direction_statements(text, claims) if dirs is None else dirs:
        near = [claims[i] for i in d.claim_indices]
        issue: DirectionIssue | None = None
        if d.kind in ("up", "down"):
            issue = _trend_issue(p, d, claims, by_claim, spans)
        elif d.kind in ("max", "min") and near:
            issue = _extreme_issue(wb, p, d, near[0], by_claim)
        elif d.kind in ("above", "below") and d.figure is not None and d.figure_unit == "%":
            issue = _threshold_issue(wb, p, d, d.figure, scope)
        if issue is not None:
            out.append(issue)
    return out


def _trend_issue(
    p: Paragraph,
    d: DirectionStatement,
    claims: list[Claim],
    by_claim: dict[int, ClaimResult],
    spans: list[list[tuple[int, int]]],
) -> DirectionIssue | None:
    """A "penurunan" (or "peningkatan") said of a difference of two years that went the other way."""
    text = p.text or ""
    sentence: tuple[int, int] | None = None
    for c in claims:
        if c.start < d.end or c.kind != "difference":
            continue
        if sentence is None:
            if not spans:
                spans.append(sentence_spans(text))
            sentence = sentence_of(spans[0], d.start)
        sa, sb = sentence
        if not (sa <= c.start < sb):
            continue
        r = by_claim.get(id(c))
        if r is None or r.status != "verified" or r.figure is None or r.figure.trend is None:
            continue
        t = r.figure.trend
        if (d.kind == "up" and t < 0) or (d.kind == "down" and t > 0):
            word_id = "peningkatan" if d.kind == "up" else "penurunan"
            word_en = "an increase" if d.kind == "up" else "a decrease"
            yrs = sorted(r.figure.years)
            trend = format_id(t, r.figure.decimals)
            return DirectionIssue(
                p,
                d.raw,
                d.kind,
                d.start,
                d.end,
                f"paragraf menyebut {word_id}, tetapi nilai {yrs[-1]} − {yrs[0]} = {trend}",
                f"the paragraph states {word_en}, but the {yrs[-1]} value minus {yrs[0]} is {trend}",
                list(r.figure.cells),
            )
    return None


def _extreme_issue(
    wb: Workbook, p: Paragraph, d: DirectionStatement, claim: Claim, by_claim: dict[int, ClaimResult]
) -> DirectionIssue | None:
    """A "tertinggi"/"terendah" said of a figure that is not the extreme of its row or column."""
    r = by_claim.get(id(claim))
    if r is None or r.status != "verified" or r.figure is None or not r.figure.is_cell or r.figure.row is None:
        return None
    f, row = r.figure, r.figure.row
    t = wb.tables[f.table]
    stem, y = year_of(f.column)
    if y is not None:
        peers = [c for cid, c in row.cells.items() if year_of(cid)[0] == stem and c.value is not None]
    else:
        peers = [c for rr in t.data_rows() if (c := number_cell(rr, f.column)) is not None]
    if len(peers) < 2:
        return None
    ext = max(peers, key=value_of) if d.kind == "max" else min(peers, key=value_of)
    if not abs(value_of(ext) - f.value) > 1e-9:
        return None
    word = "tertinggi" if d.kind == "max" else "terendah"
    return DirectionIssue(
        p,
        d.raw,
        d.kind,
        d.start,
        d.end,
        f"paragraf menyebut {word} {claim.raw}, tetapi nilai {word} di tabel adalah {ext.text}",
        f"the paragraph calls {claim.raw} the {'highest' if d.kind == 'max' else 'lowest'}, "
        f"but the table's is {ext.text}",
        [ext, *f.cells],
    )


def _threshold_issue(
    wb: Workbook, p: Paragraph, d: DirectionStatement, figure: float, scope: list[str]
) -> DirectionIssue | None:
    """An "all above 95%" ("semuanya di atas 95%") that a percentage of the table contradicts."""
    text = p.text or ""
    sent_start = text.rfind(". ", 0, d.start) + 1
    if not _ALL_WORD.search(text[sent_start : d.end + 1]):
        return None
    tid = scope[0] if scope else None
    t = wb.tables.get(tid) if tid else None
    if t is None:
        return None
    pct = [cid for cid, kind, _ in numeric_columns(t) if kind == "percent"]
    if not pct:
        return None
    cells = [c for rr in t.data_rows() if (c := number_cell(rr, pct[-1])) is not None]
    bad = [c for c in cells if (value_of(c) <= figure if d.kind == "above" else value_of(c) >= figure)]
    if not bad:
        return None
    rel = "di atas" if d.kind == "above" else "di bawah"
    shown = format_id(figure, d.figure_decimals or 0)
    return DirectionIssue(
        p,
        d.raw,
        d.kind,
        d.start,
        d.end,
        f"paragraf menyebut semuanya {rel} {shown}%, tetapi {', '.join(c.text for c in bad)} tidak",
        f"the paragraph says all are {'above' if d.kind == 'above' else 'below'} "
        f"{shown}%, but {', '.join(c.text for c in bad)} are not",
        bad,
    )


# ---------------------------------------------------------------- analysis


def read_paragraph(text: str) -> Reading:
    """What a paragraph's text alone yields (sentences, table mentions, claims, direction statements).

    Pure: the analysis after localization takes it over from the first one for every paragraph whose
    text did not change (``ParaRecord.reading``). Callers must not mutate the lists. The sentences are split only
    when the paragraph has a claim (else []: no check reads them then).
    """
    text = ascii_twin(text)  # read as ASCII text when its only other characters are curly quotes
    numbers, cuts = scan_paragraph(text)  # one scan finds the numbers and the sentence cuts
    kw = Keywords(text, lowered(text))  # the keyword patterns of claims and directions share their words
    refs = extract_table_refs(text, kw)
    spans, claims = read_claims(text, cuts, numbers, refs, kw)
    return spans, refs, claims, extract_direction_statements(text, claims, spans=spans, keywords=kw, checked=True)


def analyse(
    wb: Workbook,
    reuse: dict[str, list[Figure]] | None = None,
    previous: Analysis | None = None,
    changed: set[int] | None = None,
) -> Analysis:
    """Every paragraph judged against the tables; `reuse`: tables' own figures known unchanged (see `figures`);
    `previous`: an earlier analysis of this workbook, whose paragraphs none of whose inputs changed are
    taken over unjudged (see `reuse.Reuse`); `changed`: the table cells (by id) whose value changed since
    `previous`, when known (see `figures`)."""
    idx = figures(wb, reuse, previous.index if previous is not None else None, changed)
    prep = Prep(wb, idx, previous.slips if previous is not None else None)
    keep = Reuse(previous.records, previous.index, idx) if previous is not None and previous.index else None
    out = Analysis([], [], [], {}, idx, slips=prep.slips)
    group: dict[str, list[str]] = {}
    for p in wb.paragraphs:
        text = p.text or ""
        prior = group.setdefault(p.follows or "", [])
        group_text = " ".join(prior[-3:])
        prior.append(text)
        got = keep.stale(p.ref, text, group_text) if keep is not None else None
        if isinstance(got, ParaRecord):
            rec = got
        elif got is not None and keep is not None:  # only some claims' lookups moved: those are judged again
            old = keep.records[p.ref]
            rec = _judge(wb, p, text, group_text, prep, old.reading, (old.results, got), old.deps.kept(got))
        else:
            reading = keep.reading(p.ref, text) if keep is not None else None
            rec = _judge(wb, p, text, group_text, prep, reading or read_paragraph(text))
        out.records[p.ref] = rec
        out.results.extend(rec.results)
        out.refs.extend(rec.refs)
        out.directions.extend(rec.directions)
        if rec.corrected is not None:
            out.corrected[p.ref] = rec.corrected
    return out


def _reads_table(d: DirectionStatement) -> bool:
    """Whether `check_directions` compares the statement with a whole column or table (rank, threshold)."""
    if d.kind in ("max", "min"):
        return bool(d.claim_indices)
    return d.kind in ("above", "below") and d.figure is not None and d.figure_unit == "%"


def _judge(
    wb: Workbook,
    p: Paragraph,
    text: str,
    group_text: str,
    prep: Prep,
    reading: Reading,
    kept: tuple[list[ClaimResult], set[int]] | None = None,
    deps: Deps | None = None,
) -> ParaRecord:
    """One paragraph's claims, table references and statements of direction judged, with its corrected text.
    ``kept``, ``deps``: an earlier judgement's results, the claims to judge again, and the lookups of the
    others (see `classify_paragraph`)."""
    # Each paragraph is read once; classification and the checks share the reading.
    _spans, refs, claims, dirs = reading
    scope = scope_tables(wb, p, refs, prep)
    deps = Deps() if deps is None else deps
    res = classify_paragraph(
        wb, p, prep.idx, group_text, claims, scope=scope, dirs=dirs, prep=prep, deps=deps, kept=kept
    )
    ref_issues = check_table_refs(wb, p, refs, prep)
    dir_issues = check_directions(wb, p, claims, res, scope, dirs)
    if any(_reads_table(d) for d in dirs):
        deps.whole_tables = True  # a rank or a threshold is checked against a whole column or table
    edits: list[tuple[int, int, str]] = []
    for r in res:
        if r.status == "contradicted" and r.replacement is not None:
            edits.append((r.claim.num_start, r.claim.num_end, r.replacement))
    for ri in ref_issues:
        k = ri.ref.raw.find(ri.ref.table_id or "")
        if k >= 0:
            s = ri.ref.start + k
            edits.append((s, s + len(ri.ref.table_id or ""), ri.expected))
    new: str | None = None
    if edits:
        new = text
        for s, e, rep in sorted(edits, reverse=True):
            new = new[:s] + rep + new[e:]
    # The tables the verdicts read: the scope, and the tables of every figure a claim was matched with
    # (a "tertinggi" compares its figure with the rest of that figure's table).
    tables = frozenset(scope).union(f.table for r in res for f in r.matched)
    if any(r.figure is not None for r in res):
        tables = tables.union(r.figure.table for r in res if r.figure is not None)
    return ParaRecord(text, group_text, reading, res, ref_issues, dir_issues, new, tables, deps)


def classify_paragraphs(wb: Workbook) -> list[ClaimResult]:
    """Every claim of every paragraph with its status, matched cells and intended value."""
    return analyse(wb).results


def counts(results: list[ClaimResult]) -> dict[str, int]:
    out = {"verified": 0, "contradicted": 0, "unverifiable": 0}
    for r in results:
        out[r.status] = out.get(r.status, 0) + 1
    return out


__all__ = [
    "Analysis",
    "ClaimResult",
    "DirectionIssue",
    "Figure",
    "RefIssue",
    "analyse",
    "classify_paragraphs",
    "counts",
    "figures",
]
