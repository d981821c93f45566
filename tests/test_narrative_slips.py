"""The typing-slip search: a rupiah claim reads only the rupiah figures of a table it is the first to search."""

from __future__ import annotations

import itertools
import random

from lkj_excel.narrative.match import _OWN_UNIT, _compatible
from lkj_excel.narrative.slips import SlipIndex
from lkj_excel.narrative.tables import Figure
from lkj_excel.numerals import format_id

_KINDS = ["value", "sum", "difference", "ratio", "share", "average", "count"]
_UNITS = [None, "%", "Rp", "Ha", "count", "poin", "jiwa"]
_COLUMNS = ["realisasi", "sisa", "capaian_2024", "target", "selisih", "anggaran"]


def test_a_rupiah_claim_fits_rupiah_figures_only():
    """What `SlipIndex(own_unit=...)` relies on: `_compatible` pairs a claim of such a unit with no figure
    of another unit, whatever the kinds and columns."""
    assert _OWN_UNIT == {"Rp"}
    for unit in _OWN_UNIT:
        for k, f_kind, f_unit, diff, cap in itertools.product(_KINDS, _KINDS, _UNITS, (False, True), (False, True)):
            if f_unit != unit:
                assert not _compatible(k, unit, (f_kind, f_unit, diff, cap))
    assert _compatible("value", "Rp", ("value", "Rp", False, False))  # the test can fail


def _tables(rng: random.Random) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for t in range(6):
        tid = f"3.{t + 1}"
        figs = []
        rupiah = t % 3 != 0  # some tables hold no rupiah figure at all
        for _ in range(rng.randrange(0, 60)):
            d = rng.choice([0, 0, 0, 2])
            v = round(rng.choice([rng.uniform(0, 120), rng.uniform(1e6, 1e9), rng.uniform(1e6, 1e7)]), d)
            v = rng.choice([v] * 8 + [float("nan"), float("inf")])
            unit = rng.choice(_UNITS[:5] if rupiah else [None, "%", "Ha", "count"])
            f = Figure(v, v, v, d, rng.choice(_KINDS), unit, tid, (), rng.choice(_COLUMNS))
            f.is_cell = rng.random() < 0.5
            f.recomputed = 1.0 if rng.random() < 0.05 else None
            figs.append(f)
        out[tid] = figs
    return out


def test_search_by_unit_first_equals_the_full_classification():
    """Searches in random order (rupiah claims over every table, other claims over a few), with and without
    `own_unit`: the same figures and slips, in the same order; a table first searched for a rupiah claim and
    then for another keeps finding what a fresh index finds."""
    rng = random.Random(27)
    named = rupiah_named = 0
    for _ in range(25):
        tables = _tables(rng)
        tids = list(tables)
        plain = SlipIndex(tables, _compatible)
        by_unit = SlipIndex(tables, _compatible, own_unit=_OWN_UNIT)
        finite = [f for fs in tables.values() for f in fs if f.value == f.value and abs(f.value) < float("inf")]
        if not finite:
            continue
        for _ in range(40):
            f = rng.choice(finite)
            printed = format_id(abs(f.value) + rng.choice([0, 1, 10, 1000, 0.01]), f.decimals)
            # mostly the claim a slip of this figure would be (its unit and kind), else any
            unit = f.unit if rng.random() < 0.7 and f.unit != "count" else rng.choice(["Rp", None, "%", "Ha"])
            kind = f.kind if rng.random() < 0.7 else rng.choice(_KINDS)
            scope = tids if unit == "Rp" and rng.random() < 0.5 else rng.sample(tids, rng.randrange(1, 4))
            want = plain.search(printed, scope, kind, unit, lambda f: True)
            got = by_unit.search(printed, scope, kind, unit, lambda f: True)
            assert got == want, (printed, kind, unit, scope)
            named += len(got)
            rupiah_named += len(got) if unit == "Rp" else 0
        # The after-pass takes over the unit groups of tables whose figures are the very same objects.
        changed = dict(tables)
        changed[tids[1]] = list(reversed(tables[tids[1]]))
        again = SlipIndex(changed, _compatible, by_unit, _OWN_UNIT)
        fresh = SlipIndex(changed, _compatible)
        for _ in range(10):
            f = rng.choice(finite)
            printed = format_id(abs(f.value) + rng.choice([0, 1, 1000]), f.decimals)
            unit = rng.choice(["Rp", None, f.unit if f.unit != "count" else None])
            assert again.search(printed, tids, "value", unit, lambda f: True) == fresh.search(
                printed, tids, "value", unit, lambda f: True
            )
    assert named > 60 and rupiah_named > 10  # slips were found, rupiah ones among them
