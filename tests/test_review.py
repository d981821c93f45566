"""The review layer: key indicators, the honest checklist and the chart data, as plain data."""

from __future__ import annotations

import pytest

from lkj_excel.check import run_checks
from lkj_excel.findings import Finding
from lkj_excel.read.reader import read_workbook
from lkj_excel.review import build_review, capaian_of, chart_data, checklist_items, classify, key_indicators
from lkj_excel.review.texts import RULE_NAMES_ID, rule_label, severity_label
from lkj_excel.scales import reference_scale
from lkj_excel.template import write_template


def _f(code: str, rule: str, sev: str, sheet: str, cell: str, table: str, related=()) -> Finding:
    return Finding(code, rule, sev, sheet, cell, "1", "2", "test.msg", {}, list(related), None, table)


FINDINGS = [
    _f("T001", "totals.column", "error", "Tabel 3.17", "D11", "3.17", ["Tabel 3.17!D5"]),
    _f("C001", "capaian.ratio", "warning", "Tabel 3.2", "G6", "3.2"),
    _f("X010", "crosstable.indicator", "error", "Tabel 3.2", "E6", "3.2", ["Tabel 2.2!E6"]),
    _f("N001", "narrative.claim", "info", "Narasi", "B12", "Narasi"),
    _f("E001", "efisiensi.formula", "warning", "Tabel 3.14", "F5", "3.14"),
]


def _by(items, key):
    return next(i for i in items if i["key"] == key)


def test_key_indicators_sample(sample_wb):
    kis = {k["id"]: k for k in key_indicators(sample_wb)}
    ikm, akip = kis["ikm"], kis["akip"]
    assert (ikm["target"], ikm["realisasi"], ikm["capaian"]) == (85.0, 75.35, 88.65)
    assert ikm["capaian_computed"] == pytest.approx(88.65, abs=0.005)
    assert (ikm["category"], ikm["category_kinerja"]) == ("C", "Kurang Baik")
    assert ikm["capaian_category"] == "Tinggi"
    assert akip["category"] == "BB" and akip["capaian_category"] == "Sangat Tinggi"
    assert ikm["table"] == "3.2"


def test_classify_band_edges():
    ikm, akip, cap = (reference_scale(n) for n in ("ikm", "akip", "capaian"))
    assert classify(88.31, ikm).letter == "A"
    assert classify(88.305, ikm).letter == "A"  # IKM is classified at 2 decimals
    assert classify(88.30, ikm).letter == "B"
    assert classify(80.0, akip).letter == "BB"  # upper ends inclusive
    assert classify(80.01, akip).letter == "A"
    assert classify(0, akip).letter == "D"
    assert classify(90.5, cap).words == "Tinggi"  # no integer gap
    assert classify(None, cap) is None
    assert capaian_of(80, 90, "negative_2T") == pytest.approx(87.5)


def test_printed_scale_wins_as_in_the_rules(sample_wb, tmp_path):
    """The review classifies on the scale the workbook prints, as rule K303 does: one value, one category."""
    import openpyxl

    t = sample_wb.tables["3.1"]
    x = openpyxl.load_workbook(sample_wb.path)
    ws = x[t.sheet]
    # the printed scale puts 85% and up in "Sangat Tinggi" (the reference: 91%)
    rows = {r.cells["kriteria"].text: r for r in t.rows}
    ws[rows["Sangat Tinggi"].cells["interval"].ref] = "85% ≤ 100%"
    ws[rows["Tinggi"].cells["interval"].ref] = "76% ≤ 84%"
    p = tmp_path / "printed.xlsx"
    x.save(p)
    wb = read_workbook(p)
    ikm = next(k for k in key_indicators(wb) if k["id"] == "ikm")
    assert ikm["capaian"] == 88.65 and ikm["capaian_category"] == "Sangat Tinggi"
    ikm0 = next(k for k in key_indicators(sample_wb) if k["id"] == "ikm")
    assert ikm0["capaian_category"] == "Tinggi"


def test_checklist_mapping(sample_wb):
    items = checklist_items(sample_wb, FINDINGS)
    assert _by(items, "arithmetic")["answer"] == "tidak"
    assert set(_by(items, "arithmetic")["codes"]) == {"T001", "C001"}
    assert _by(items, "crosstable")["codes"] == ["X010"]
    assert _by(items, "pk")["codes"] == ["X010"]  # involves Tabel 2.2 through a related cell
    assert _by(items, "efficiency")["answer"] == "periksa"
    assert _by(items, "narrative")["answer"] == "ya"  # info only
    # check never reads a DPPA or LRA: the budget question cannot be answered from it
    budget = _by(items, "budget")
    assert budget["answer"] == "tidak_dinilai" and "anggaran" in budget["note"]
    clean = checklist_items(sample_wb, [])
    assert {i["key"]: i["answer"] for i in clean if i["answer"] != "ya"} == {"budget": "tidak_dinilai"}


def test_budget_question_answered_after_anggaran(sample_wb):
    b = _f("B101", "budget.table_anggaran", "error", "Tabel 3.17", "C5", "3.17")
    items = checklist_items(sample_wb, [b], ran=("check", "anggaran"))
    assert _by(items, "budget")["answer"] == "tidak" and _by(items, "budget")["codes"] == ["B101"]
    assert _by(checklist_items(sample_wb, [], ran=("check", "anggaran")), "budget")["answer"] == "ya"


def test_blank_template_answers_no_question_ya(tmp_path):
    p = tmp_path / "blank.xlsx"
    write_template(p, year=2024)
    wb = read_workbook(p)
    items = checklist_items(wb, run_checks(wb))
    assert [i["answer"] for i in items if i["answer"] == "ya"] == []
    assert all(i["note"] for i in items if i["answer"] == "tidak_dinilai")


def test_one_empty_table_cannot_be_ya(sample_wb, tmp_path):
    """Tabel 3.14 present but emptied: the efficiency question is not 'Ya'."""
    import openpyxl

    x = openpyxl.load_workbook(sample_wb.path)
    t = sample_wb.tables["3.14"]
    ws = x[t.sheet]
    for row in t.rows:
        for cid, c in row.cells.items():
            if t.spec.column(cid).numeric:
                ws[c.ref].value = None
    p = tmp_path / "empty314.xlsx"
    x.save(p)
    wb = read_workbook(p)
    eff = _by(checklist_items(wb, [f for f in run_checks(wb) if f.table != "3.14"]), "efficiency")
    assert eff["answer"] == "tidak_dinilai" and "3.14" in eff["note"]


def test_chart_data_sample(sample_wb):
    d = chart_data(sample_wb)
    assert d["trend"]["categories"] == ["2021", "2022", "2023", "2024"]
    assert d["trend"]["series"][0][1] == [77.98, 90.10, 80.50, 75.35]
    own, peer = d["peer"]["series"][:2]
    assert own[1] == [75.35, 72.62] and peer == ("Datuk Tanah Datar", [98.20, 75.50])
    assert d["absorption"]["series"][0][1][0] == 95.07 and len(d["absorption"]["categories"]) == 7


def test_review_once_and_labels(sample_wb):
    rv = build_review(sample_wb, FINDINGS)
    assert rv.counts == {"error": 2, "warning": 2, "info": 1}
    assert [c for _t, c in rv.by_table if _t == "3.2"] == [{"error": 1, "warning": 1, "info": 0}]
    assert rv.to_dict()["checklist"] == rv.checklist
    assert [severity_label(s) for s in ("error", "warning", "info")] == ["Kesalahan", "Peringatan", "Info"]
    assert rule_label("K303", "category.value") == "K303 Kategori tidak sesuai nilai"
    assert rule_label("K303", "category.value", "en") == "K303 category.value"


def test_every_rule_has_an_indonesian_name():
    from lkj_excel.catalog import all_rules

    assert set(all_rules()) <= set(RULE_NAMES_ID)


def test_anggaran_alone_answers_only_the_budget_question(sample_wb):
    items = checklist_items(sample_wb, [], ran=("anggaran",))
    assert {i["key"]: i["answer"] for i in items if i["answer"] != "tidak_dinilai"} == {"budget": "ya"}
