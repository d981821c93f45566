"""Batch inputs and outputs: one folder per office, the same file name in each, what is skipped and why,
mistyped folders, outputs that would overwrite an input, per-workbook reports, one count of findings."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import find_cell
from layouts import VARIANTS, rewrite
from lkj_excel.batch import discover, run_batch
from lkj_excel.cli import main

NAME = "LKjIP 2024.xlsx"


def _office(src: Path, dst: Path, office: str, ikm_realisasi: str | None = None) -> Path:
    wb = openpyxl.load_workbook(src)
    find_cell(wb["Info"], "Kecamatan Sei Balai").value = office
    if ikm_realisasi:
        for name in ("Tabel 3.2", "Tabel 3.9"):
            find_cell(wb[name], "75,35").value = ikm_realisasi
    dst.parent.mkdir(parents=True, exist_ok=True)
    wb.save(dst)
    return dst


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory, sample_path: Path) -> Path:
    """Two offices, one folder each, both "LKjIP 2024.xlsx"; Datuk Tanah Datar's in another layout."""
    root = tmp_path_factory.mktemp("kab") / "masuk"
    (root / "Kec Sei Balai").mkdir(parents=True)
    shutil.copy(sample_path, root / "Kec Sei Balai" / NAME)
    tmp = _office(sample_path, root.parent / "peer.xlsx", "Kecamatan Datuk Tanah Datar", "97,10")
    (root / "Kec Datuk Tanah Datar").mkdir()
    rewrite(tmp, root / "Kec Datuk Tanah Datar" / NAME, VARIANTS[0])  # "TABEL 3.2", title rows, real numbers
    (root / "Kec Datuk Tanah Datar" / "realisasi.csv").write_text("a;b\n1;2\n")
    (root / "Kec Datuk Tanah Datar" / "~$LKjIP 2024.xlsx").write_bytes(b"lock")
    (root / "Kec Datuk Tanah Datar" / "LKjIP 2023_terkoreksi.xlsx").write_bytes(b"old output")
    (root / "Kec Sei Balai" / "surat.pdf").write_bytes(b"%PDF-1.4")
    return root


@pytest.fixture(scope="module")
def run(offices: Path):
    out = offices.parent / "keluar"
    res = CliRunner().invoke(main, ["check", str(offices), "--out-dir", str(out), "--json", "--report", ".html"])
    return res, out


def test_discover_names_and_skipped(offices: Path) -> None:
    d = discover([offices])
    assert [i.name for i in d.items] == [f"Kec Datuk Tanah Datar/{NAME}", f"Kec Sei Balai/{NAME}"]
    why = {s.name: s.reason for s in d.skipped}
    assert why == {
        "Kec Datuk Tanah Datar/realisasi.csv": "skip.csv",
        "Kec Datuk Tanah Datar/~$LKjIP 2024.xlsx": "skip.lock",
        "Kec Datuk Tanah Datar/LKjIP 2023_terkoreksi.xlsx": "skip.output",
        "Kec Sei Balai/surat.pdf": "skip.other",
    }
    # Two folders given one by one: their names still tell the offices apart.
    d2 = discover([offices / "Kec Sei Balai", offices / "Kec Datuk Tanah Datar"])
    assert sorted(i.name for i in d2.items) == sorted(i.name for i in d.items)


def test_output_tree_mirrors_input_folders(run) -> None:
    res, out = run
    assert res.exit_code == 1, res.output  # the sample has error-level findings
    got = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert got == [
        "Kec Datuk Tanah Datar/LKjIP 2024_reviu.html",
        "Kec Datuk Tanah Datar/LKjIP 2024_temuan.json",
        "Kec Datuk Tanah Datar/LKjIP 2024_terkoreksi.xlsx",
        "Kec Sei Balai/LKjIP 2024_reviu.html",
        "Kec Sei Balai/LKjIP 2024_temuan.json",
        "Kec Sei Balai/LKjIP 2024_terkoreksi.xlsx",
        "rekap.json",
        "rekap.xlsx",
    ]
    rows = list(openpyxl.load_workbook(out / "rekap.xlsx")["Rekap"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [f"Kec Datuk Tanah Datar/{NAME}", f"Kec Sei Balai/{NAME}"]
    assert rows[1][-1] == "Kec Datuk Tanah Datar/LKjIP 2024_terkoreksi.xlsx"


def test_skipped_files_are_said(run) -> None:
    res, out = run
    assert "4 berkas dilewati" in res.output
    assert "Kec Datuk Tanah Datar/realisasi.csv: berkas CSV" in res.output
    assert "berkas kunci Excel" in res.output and "keluaran lkj-excel" in res.output
    ws = openpyxl.load_workbook(out / "rekap.xlsx")["Dilewati"]
    assert ws.max_row == 5 and ws["B1"].value == "Alasan dilewati"


def _temuan_rows(path: Path) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)["Temuan"].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:]]


def test_one_count_w9xx_everywhere(run) -> None:
    """W901 at Sei Balai's Tabel 3.12!G7 is in its corrected workbook, its JSON, its report, its rekap row."""
    _res, out = run
    sb = out / "Kec Sei Balai"
    peer_addr = f"Kec Datuk Tanah Datar/{NAME}:TABEL 3.2!"
    corrected = [r for r in _temuan_rows(sb / "LKjIP 2024_terkoreksi.xlsx") if r.get("Kode") == "W901"]
    assert any("G7" in str(r.get("Sel")) for r in corrected), corrected
    own = json.loads((sb / "LKjIP 2024_temuan.json").read_text(encoding="utf-8"))
    w901 = [f for f in own["findings"] if f["code"] == "W901"]
    g7 = [f for f in w901 if f["cell"] == "G7"]
    assert len(g7) == 1 and "98,20" in g7[0]["message"] and "97,10" in g7[0]["message"]
    assert g7[0]["related"] == [peer_addr + "F8"]  # the peer's cell in its own layout (two title rows more)
    assert "W901" in (sb / "LKjIP 2024_reviu.html").read_text(encoding="utf-8")
    # The rekap's counts are its Temuan rows per office, W9xx included.
    book = openpyxl.load_workbook(out / "rekap.xlsx")
    rk = list(book["Rekap"].iter_rows(values_only=True))
    tem = Counter((r["Berkas"], r["Tingkat"]) for r in _temuan_rows(out / "rekap.xlsx"))
    for row in rk[1:]:
        d = dict(zip(rk[0], row, strict=False))
        for sev in ("Kesalahan", "Peringatan", "Info"):
            assert d[sev] == tem[(d["Berkas"], sev)], (d["Berkas"], sev)
    assert sum(own["summary"].values()) == sum(v for (f, _s), v in tem.items() if f == f"Kec Sei Balai/{NAME}")
    batch = json.loads((out / "rekap.json").read_text(encoding="utf-8"))
    assert [w["summary"] for w in batch["workbooks"] if w["file"] == f"Kec Sei Balai/{NAME}"] == [own["summary"]]


UNRENDERED = re.compile(r"^[a-z_]+\.[a-z_.]+ \{")  # what messages.render returns for an unknown key


def test_every_message_is_rendered(run) -> None:
    """Messages are rendered where they are shown (the rekap, the outputs), not in the worker that checked."""
    _res, out = run
    for path in (out / "rekap.xlsx", out / "Kec Sei Balai" / "LKjIP 2024_terkoreksi.xlsx"):
        rows = _temuan_rows(path)
        assert len(rows) > 20
        bad = [r for r in rows if any(UNRENDERED.match(str(v)) for v in r.values())]
        assert not bad, (path.name, bad[:2])


def test_rekap_labels_indonesian(run) -> None:
    _res, out = run
    rows = _temuan_rows(out / "rekap.xlsx")
    assert {r["Tingkat"] for r in rows} <= {"Kesalahan", "Peringatan", "Info"}
    assert not [r for r in rows if "." in str(r["Aturan"]) and "_" in str(r["Aturan"])]  # no "totals.sum_rows"
    assert {r["Aturan"] for r in rows if r["Kode"] == "W901"} == {"Angka kecamatan lain berbeda"}


def test_rekap_prints_legibly(run) -> None:
    """Row heights fit the wrapped text; every sheet prints A4 landscape with a repeated header row."""
    _res, out = run
    book = openpyxl.load_workbook(out / "rekap.xlsx")
    ws = book["Temuan"]
    width = ws.column_dimensions["J"].width  # Pesan
    for row in range(2, ws.max_row + 1):
        msg = str(ws.cell(row, 10).value or "")
        lines = max(1, -(-len(msg) // int(width)))  # at least the characters, over the column width
        assert (ws.row_dimensions[row].height or 15) >= 15 * lines * 0.9, (row, msg)
    for name in ("Rekap", "Temuan", "Grafik"):
        s = book[name]
        assert s.page_setup.orientation == "landscape" and s.page_setup.paperSize == 9
        assert s.sheet_properties.pageSetUpPr.fitToPage
    assert book["Temuan"].print_title_rows == "$1:$1"
    assert book["Grafik"].print_area  # the chart is inside the print area


def test_english(offices: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["check", str(offices), "--out-dir", str(tmp_path), "--no-output", "--lang", "en"])
    assert "4 files skipped" in res.output and "a CSV file" in res.output
    rows = _temuan_rows(tmp_path / "rekap.xlsx")
    assert {r["Severity"] for r in rows} <= {"Error", "Warning", "Info"}


def test_mistyped_folder_is_an_error(offices: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["check", str(offices.parent / "masukk"), "--out-dir", str(tmp_path / "o")])
    assert res.exit_code == 2
    assert "Tidak ditemukan" in res.output and "masukk" in res.output
    assert not (tmp_path / "o").exists()


def test_jobs_and_timeout_rejected(offices: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for kw in ({"jobs": 0}, {"jobs": -1}, {"timeout": 0}):
        assert run_batch([offices], tmp_path / "o", **kw) == 2  # type: ignore[arg-type]
        assert "harus" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_no_output_may_be_an_input(tmp_path: Path, sample_path: Path) -> None:
    """`check a.xlsx a_terkoreksi.xlsx --out-dir . --force` must not overwrite a_terkoreksi.xlsx."""
    a, b = tmp_path / "a.xlsx", tmp_path / "a_terkoreksi.xlsx"
    shutil.copy(sample_path, a)
    shutil.copy(sample_path, b)
    before = b.read_bytes()
    res = CliRunner().invoke(main, ["check", str(a), str(b), "--out-dir", str(tmp_path), "--force"])
    assert res.exit_code == 2
    assert "sama dengan berkas masukan" in res.output
    assert b.read_bytes() == before and not (tmp_path / "rekap.xlsx").exists()


def test_existing_outputs_refused_before_any_work(run, offices: Path) -> None:
    _res, out = run
    stamp = (out / "rekap.xlsx").stat().st_mtime_ns
    res = CliRunner().invoke(main, ["check", str(offices), "--out-dir", str(out)])
    assert res.exit_code == 2 and "--force" in res.output and "sudah ada" in res.output
    assert (out / "rekap.xlsx").stat().st_mtime_ns == stamp


def test_report_kind_checked(offices: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_batch([offices], tmp_path / "o", report="laporan.pdf") == 2
    assert ".xlsx, .html atau .json" in capsys.readouterr().err
