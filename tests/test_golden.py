"""The sample's and its layout variants' findings equal their stored copies (tests/golden/)."""

from __future__ import annotations

import json

import pytest

from golden_tool import GOLDEN, cases, findings_json


@pytest.fixture(scope="module")
def golden_cases(tmp_path_factory):
    return cases(tmp_path_factory.mktemp("golden"))


@pytest.mark.parametrize("name", ["sample", "upper_titled", "dotted_text", "suffix_shifted"])
def test_findings_equal_stored_copy(golden_cases, name):
    stored = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    now = json.loads(json.dumps(findings_json(golden_cases[name]), ensure_ascii=False, sort_keys=True, default=str))
    assert now == stored, f"findings of {name} changed; if deliberate, run `python tests/golden_tool.py`"
