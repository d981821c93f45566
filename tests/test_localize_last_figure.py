"""A node with one figure left is not pushed when no one figure hits every conflict it leaves unhit.

The search is compared with the search without that cut (`_no_last_figure` answering False, the old
search) on the sample, its layout variants and 20 benchmark offices: every diagnosis must be identical,
and the land-use groups (Tabel 1.1 against Tabel 1.3) must take fewer nodes.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from lkj_excel.edits import localize
from lkj_excel.edits.build import build_edits
from lkj_excel.edits.localize import Diagnosis, Explanation, _no_last_figure
from lkj_excel.read.reader import read_workbook
from lkj_excel.rules import Context

ROOT = Path(__file__).resolve().parents[1]
A, B, C, D = (("T", c) for c in ("A1", "B1", "C1", "D1"))


def test_no_figure_hits_two_conflicts_that_share_no_cell() -> None:
    t = frozenset({A})
    assert _no_last_figure(t, [frozenset({B, C})], [frozenset({D})], {})
    assert not _no_last_figure(t, [frozenset({B, C})], [frozenset({C, D})], {})  # C hits both


def test_conflicts_the_node_hits_ask_nothing() -> None:
    t = frozenset({A})
    assert not _no_last_figure(t, [frozenset({A, B})], [frozenset({A, C}), frozenset({D})], {})
    assert not _no_last_figure(t, [], [], {})


def test_a_figure_printed_twice_hits_with_either_copy() -> None:
    # B and D are one figure (a copy class): changing it changes both, which hits {B, C} and {D}.
    cls = {B: frozenset({B, D}), D: frozenset({B, D})}
    assert not _no_last_figure(frozenset({A}), [frozenset({B, C})], [frozenset({D})], cls)
    assert _no_last_figure(frozenset({A}), [frozenset({B, C})], [frozenset({D})], {})


def _offices(tmp: Path) -> dict[str, Path]:
    from golden_tool import cases

    out = dict(cases(tmp))
    spec = importlib.util.spec_from_file_location("lkj_bench", ROOT / "benchmarks" / "bench.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out.update((p.stem, p) for p in bench.generate(20, tmp / "bench"))
    return out


def _explained(f: Explanation | None) -> object:
    if f is None:
        return None
    return (sorted(f.cells), f.weight, sorted(f.values.items()), sorted(f.open.items()), sorted(f.typos.items()))


def _digest(d: Diagnosis) -> object:
    return (d.status, _explained(d.chosen), [_explained(f) for f in d.alternatives])


def _search(path: Path) -> tuple[list[object], list[int]]:
    """Every group's diagnosis and its count of nodes taken (calls of `_in_play`)."""
    es = build_edits(Context(read_workbook(path)))
    bad = localize.violated(es)
    classes = localize.copy_classes(es)
    rigid = localize.Rigid(es, localize.ProseOf(es))
    digests, nodes = [], []
    for group in localize.components(es, bad):
        before = _calls[0]
        digests.append(_digest(localize.diagnose(es, group, classes, rigid)))
        nodes.append(_calls[0] - before)
    return digests, nodes


_calls = [0]


def test_every_diagnosis_equals_the_search_without_the_cut(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    in_play = localize._in_play

    def counted(*args: object) -> object:
        _calls[0] += 1
        return in_play(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(localize, "_in_play", counted)
    fewer, totals = 0, [0, 0]
    for name, path in _offices(tmp_path).items():
        new, new_nodes = _search(path)
        with monkeypatch.context() as old_search:
            old_search.setattr(localize, "_no_last_figure", lambda *args: False)
            old, old_nodes = _search(path)
        assert new == old, name
        assert all(n <= o for n, o in zip(new_nodes, old_nodes, strict=True)), name
        fewer += sum(new_nodes) < sum(old_nodes)
        totals[0] += sum(new_nodes)
        totals[1] += sum(old_nodes)
    # The cut is taken: most offices' land-use groups end sooner (17 of 24 when written), 8 % fewer nodes in all.
    assert fewer >= 12 and totals[0] < 0.95 * totals[1], (fewer, totals)
