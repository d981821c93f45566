"""A batch worker's answer: its profile reuses what the check worked out, and it reaches the parent unchanged."""

from __future__ import annotations

import pickle
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

import pytest

from lkj_excel.batch.profile import build_profile
from lkj_excel.batch.worker import _FINDING_FIELDS, Checked, check_task
from lkj_excel.check import run_checks
from lkj_excel.findings import Finding
from lkj_excel.read.reader import read_workbook
from lkj_excel.rules import Context
from test_narrative_after import _corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _corpus(tmp_path_factory.mktemp("worker"))


@pytest.fixture(scope="module")
def answers(corpus: dict[str, Path]) -> dict[str, Checked]:
    return {name: check_task(str(path), name, "id") for name, path in corpus.items()}


def test_the_profile_from_the_checks_cache_equals_a_fresh_one(corpus: dict[str, Path]) -> None:
    """`check_task` builds the profile with the scales the rules parsed (`ctx.cache`): the same profile as one
    built from nothing, before any check, and the check with its own context finds what a plain one does."""
    with_scales = 0
    for name, path in corpus.items():
        fresh = read_workbook(path)
        before = build_profile(fresh, name)
        wb = read_workbook(path)
        ctx = Context(wb)
        findings = run_checks(wb, ctx=ctx)
        assert build_profile(wb, name, ctx.cache) == before, name
        assert build_profile(wb, name) == before, name
        assert findings == run_checks(fresh), name
        with_scales += any(k.startswith("scale:") for k in ctx.cache)
    assert with_scales > len(corpus) // 2  # the cache did hold the rules' scales


def _roundtrip(answer: Checked) -> Checked:
    back = pickle.loads(ForkingPickler.dumps(("ok", answer)))[1]
    assert isinstance(back, Checked)
    return back


def test_an_answer_reaches_the_parent_unchanged(answers: dict[str, Checked]) -> None:
    """Pickled as the pool sends it: status, profile (every figure, peer row, scale row, indicator) and every
    finding equal, in order."""
    seen_peers = seen_figures = 0
    for name, answer in answers.items():
        back = _roundtrip(answer)
        assert back == answer, name
        assert [f.__reduce__() for f in back.findings] == [f.__reduce__() for f in answer.findings], name
        if answer.profile is not None:
            seen_peers += len(answer.profile.cross.peer_rows)
            seen_figures += len(answer.profile.cross.figures)
    assert seen_peers and seen_figures


def test_a_findings_fields_travel_in_the_order_of_its_constructor() -> None:
    f = Finding("C", "r", "error", "S", "A1", "1", "2", "k", {"p": 1}, ["S!B2"], 3.5, "3.2")
    assert _FINDING_FIELDS(f) == f.__reduce__()[1]
    back = _roundtrip(Checked("ok", None, None, [f, f], 0.5, None))
    assert back.findings == [f, f] and back.seconds == 0.5
    failed = Checked("failed", "ValueError: x", None, [], 0.1, "Traceback ...")
    assert _roundtrip(failed) == failed


def test_a_findings_message_is_rendered_as_with_keyword_parameters(answers: dict[str, Checked]) -> None:
    """`Finding.message` fills the template from the finding's own mapping (`render_params`): the same text as
    `render(key, lang, **params)` for every finding of the corpus in both languages, and for the edge cases
    (an unknown key, a template missing a parameter, no parameters)."""
    from lkj_excel.messages import render, render_params
    from lkj_excel.texts import entries

    n = 0
    for name, answer in answers.items():
        for f in answer.findings:
            for lang in ("id", "en", "xx"):
                assert f.message(lang) == render(f.message_key, lang, **f.params), (name, f.code, lang)
                n += 1
    assert n > 1000
    for key in list(entries())[:400]:
        for params in ({}, {"sheet": "S", "cell": "A1"}, {"n": 3, "found": None}):
            for lang in ("id", "en"):
                assert render_params(key, lang, params) == render(key, lang, **params), key
    assert render_params("no.such.key", "id", {"a": 1}) == render("no.such.key", "id", a=1)
    assert render_params("no.such.key", "en", {}) == "no.such.key"
