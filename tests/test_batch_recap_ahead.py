"""The rekap's Temuan rows rendered as each check's answer arrives (`Result.temuan`), while the workers still
run: the same rows, heights and order as rendering them after the checks across workbooks (W9xx)."""

from __future__ import annotations

import copy
import importlib.util
import os
import random
import signal
import time
import zipfile
from pathlib import Path

import pytest

from lkj_excel.batch.pool import Failure, Pool
from lkj_excel.batch.recap import temuan_rows, write_recap
from lkj_excel.batch.result import Result
from lkj_excel.batch.run import _Batch, add_cross
from lkj_excel.batch.worker import Checked, check_task
from lkj_excel.findings import Finding, sort_key

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Checked]:
    spec = importlib.util.spec_from_file_location("lkj_bench", ROOT / "benchmarks" / "bench.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    paths = [ROOT / "samples" / "sei_balai_2024.xlsx", *bench.generate(4, tmp_path_factory.mktemp("ahead"))]
    out = {f"kab/{p.name}": check_task(str(p), f"kab/{p.name}", "id") for p in paths}
    assert all(a.status == "ok" and a.findings for a in out.values())
    return out


def _shuffled_extra(rng: random.Random, pool: list[Finding]) -> list[Finding]:
    """Findings like the W9xx ones: placed anywhere among a workbook's own (other tables, sheets, cells), and
    some with the very sort key of an own finding (ties keep their order)."""
    extra = []
    for f in rng.sample(pool, rng.randint(1, 6)):
        g = copy.copy(f)
        if rng.random() < 0.7:
            g.table = rng.choice([None, "", "1.1", "2.3", "3.16", "Narasi", f.table])
            g.sheet = rng.choice([f.sheet, "Tabel 3.2", "Rekap"])
            g.cell = rng.choice([f.cell, "A1", "E12", "AA7", ""])
        extra.append(g)
    return extra


@pytest.mark.parametrize("lang", ["id", "en"])
def test_rows_ahead_follow_the_cross_findings(answers: dict[str, Checked], lang: str) -> None:
    rng = random.Random(24)
    every = [f for a in answers.values() for f in a.findings]
    for trial in range(400):
        name, a = rng.choice(sorted(answers.items()))
        own = rng.sample(a.findings, rng.randint(1, len(a.findings)))
        extra = _shuffled_extra(rng, every) if trial % 5 else []
        ahead, late = Result(name, name, findings=own), Result(name, name, findings=list(own))
        ahead.temuan = temuan_rows(name, own, lang)
        add_cross(ahead, extra, lang)
        add_cross(late, extra, lang)
        want = sorted(own + extra, key=sort_key) if extra else own  # none: the worker's order stays
        assert [id(f) for f in ahead.findings] == [id(f) for f in want] == [id(f) for f in late.findings]
        assert ahead.cross == late.cross == len(extra)
        assert ahead.temuan is not None and ahead.temuan[0] is ahead.findings
        assert ahead.temuan == temuan_rows(name, want, lang)
        assert late.temuan is None


def test_rows_ahead_are_not_used_for_other_findings(answers: dict[str, Checked]) -> None:
    name, a = sorted(answers.items())[1]
    r = Result(name, name, findings=list(a.findings))
    r.temuan = temuan_rows(name, a.findings[:3], "id")  # rendered for another list: rendered again
    extra = _shuffled_extra(random.Random(1), a.findings)
    add_cross(r, extra, "id")
    assert r.temuan is None and len(r.findings) == len(a.findings) + len(extra)


def _batch(answers: dict[str, Checked], ahead: bool, extra: dict[str, list[Finding]]) -> list[Result]:
    b = _Batch.__new__(_Batch)
    b.lang, b.o = "id", {"timeout": 20.0, "memory_mb": 1024}
    b.results = [Result(n, n) for n in answers] + [Result("rusak.xlsx", "rusak.xlsx")]
    got: list[Checked | Failure] = [*answers.values(), Failure("killed", "9")]
    for i, a in enumerate(got):
        if ahead:
            b._render_ahead(i, a)
        b._take_check(b.results[i], a)
    for r in b.results:
        add_cross(r, extra.get(r.name, []), "id")
    return b.results


def test_the_rekap_is_the_same_file(answers: dict[str, Checked], tmp_path: Path) -> None:
    """Byte for byte, every part of the package but its creation time."""
    rng = random.Random(7)
    every = [f for a in answers.values() for f in a.findings]
    extra = {n: _shuffled_extra(rng, every) for n in list(answers)[::2]}
    for ahead in (False, True):
        write_recap(tmp_path / f"{ahead}.xlsx", _batch(answers, ahead, extra), [], "id")
    with zipfile.ZipFile(tmp_path / "False.xlsx") as a, zipfile.ZipFile(tmp_path / "True.xlsx") as b:
        assert a.namelist() == b.namelist()
        differ = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert differ in ([], ["docProps/core.xml"])


def _double_or_fail(i: int) -> int:
    if i == 2:
        raise ValueError("two")
    return 2 * i


def test_pool_hands_each_result_as_it_arrives() -> None:
    seen: dict[int, object] = {}

    def take(i: int, r: object) -> None:
        assert i not in seen
        seen[i] = r

    got = Pool(2).map(_double_or_fail, [(i,) for i in range(6)], on_result=take)
    assert [seen[i] for i in range(6)] == got
    assert isinstance(got[2], Failure) and got[2].kind == "failed"


# ------------------------------------------------------------------ a worker holding its next task (queue=2)


def _square_or_fault(i: int) -> int:
    if i % 7 == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # its queued task must go to another worker
    if i % 11 == 5:
        raise ValueError(str(i))
    if i == 9:
        time.sleep(60)
    return i * i


@pytest.mark.parametrize("queue", [1, 2, 3])
def test_queued_tasks_survive_dead_and_slow_workers(queue: int) -> None:
    arrived: list[int] = []
    got = Pool(2, timeout=1.5).map(
        _square_or_fault, [(i,) for i in range(24)], on_result=lambda i, r: arrived.append(i), queue=queue
    )
    assert sorted(arrived) == list(range(24))
    for i, g in enumerate(got):
        if i % 7 == 3:
            assert isinstance(g, Failure) and g.kind == "killed", (i, g)
        elif i % 11 == 5:
            assert isinstance(g, Failure) and g.kind == "failed" and g.detail == f"ValueError: {i}", (i, g)
        elif i == 9:
            assert isinstance(g, Failure) and g.kind == "timeout", (i, g)
        else:
            assert g == i * i, (i, g)


def test_a_rendering_failure_ahead_is_left_to_the_rekap(answers: dict[str, Checked]) -> None:
    """A finding the rows cannot be made of fails where it did before (writing the rekap), not in the pool."""
    name, a = sorted(answers.items())[0]
    bad = copy.copy(a.findings[0])
    bad.related = [1]  # type: ignore[list-item]  # ", ".join fails
    b = _Batch.__new__(_Batch)
    b.lang, b.results = "id", [Result(name, name)]
    b._render_ahead(0, Checked("ok", findings=[bad]))
    assert b.results[0].temuan is None
    with pytest.raises(TypeError):
        temuan_rows(name, [bad], "id")
