"""Batch mode: a folder of workbooks → corrected workbooks, rekap.xlsx, checks across workbooks."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import find_cell
from lkj_excel.cli import main

HAS_CORRECTED = importlib.util.find_spec("lkj_excel.write.corrected") is not None
PEER_FILE = "datuk_tanah_datar_2024.xlsx"
PEER = f"sub/{PEER_FILE}"  # its name in the batch: the folder is kept


def make_peer(sample: Path, dst: Path) -> Path:
    """The sample as Datuk Tanah Datar's own workbook, with IKM realisasi 2024 = 97,10 (Sei Balai prints 98,20)."""
    wb = openpyxl.load_workbook(sample)
    ws = wb["Info"]
    find_cell(ws, "Kecamatan Sei Balai").value = "Kecamatan Datuk Tanah Datar"
    for name in ("Tabel 3.2", "Tabel 3.9"):
        find_cell(wb[name], "75,35").value = "97,10"
    wb.save(dst)
    return dst


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory: pytest.TempPathFactory, sample_path: Path) -> Path:
    d = tmp_path_factory.mktemp("batch")
    src = d / "masukan"
    (src / "sub").mkdir(parents=True)
    shutil.copy(sample_path, src / "sei_balai_2024.xlsx")
    make_peer(sample_path, src / "sub" / PEER_FILE)
    (src / "rusak.xlsx").write_bytes(b"PK\x03\x04 terpotong di tengah unduhan")
    (src / "lama.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    (src / "~$sei_balai_2024.xlsx").write_bytes(b"lock")  # Excel's lock file: skipped
    (src / "catatan.txt").write_text("bukan buku kerja")
    return d


@pytest.fixture(scope="module")
def batch_run(batch_dir: Path):
    out = batch_dir / "keluaran"
    res = CliRunner().invoke(main, ["check", str(batch_dir / "masukan"), "--out-dir", str(out), "--jobs", "2"])
    return res, out


def _rows(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    head = rows[0]
    return [dict(zip(head, r, strict=False)) for r in rows[1:]]


def test_exit_code_and_summary(batch_run) -> None:
    res, out = batch_run
    assert res.exit_code == 2, res.output
    assert "4 buku kerja" in res.output
    assert (out / "rekap.xlsx").exists()


def test_rekap_rows(batch_run) -> None:
    _res, out = batch_run
    wb = openpyxl.load_workbook(out / "rekap.xlsx")
    assert wb.sheetnames[:2] == ["Rekap", "Temuan"]
    ws = wb["Rekap"]
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref
    rows = _rows(ws)
    assert len(rows) == 4
    by = {r["Berkas"]: r for r in rows}
    assert set(by) == {"sei_balai_2024.xlsx", PEER, "rusak.xlsx", "lama.xls"}
    assert by["lama.xls"]["Status"] == "tidak terbaca"
    assert ".xls" in by["lama.xls"]["Keterangan"] and "xlsx" in by["lama.xls"]["Keterangan"]
    assert by["rusak.xlsx"]["Status"] == "tidak terbaca"
    assert "rusak" in by["rusak.xlsx"]["Keterangan"]
    sb = by["sei_balai_2024.xlsx"]
    assert sb["Status"] == "terbaca" and sb["Perangkat Daerah"] == "Kecamatan Sei Balai" and sb["Tahun"] == 2024
    assert sb["Kesalahan"] >= 1
    assert by[PEER]["Perangkat Daerah"] == "Kecamatan Datuk Tanah Datar"
    assert sb["Penyerapan Anggaran (%)"] == pytest.approx(95.35)
    ikm_real = next(k for k in sb if k and "realisasi" in k.lower() and "ikm" in k.lower().replace("kepuasan", "ikm"))
    assert sb[ikm_real] == pytest.approx(75.35)
    assert by[PEER][ikm_real] == pytest.approx(97.10)


def test_cross_workbook_peer_finding(batch_run) -> None:
    _res, out = batch_run
    rows = _rows(openpyxl.load_workbook(out / "rekap.xlsx")["Temuan"])
    w901 = [r for r in rows if r["Kode"] == "W901"]
    g7 = [r for r in w901 if r["Berkas"] == "sei_balai_2024.xlsx" and r["Sel"] == "G7"]
    assert len(g7) == 1, w901
    f = g7[0]
    assert f["Lembar"] == "Tabel 3.12" and f["Aturan"] == "Angka kecamatan lain berbeda"
    assert f["Tingkat"] == "Peringatan"
    assert "sei_balai_2024.xlsx:Tabel 3.12!G7" in f["Pesan"]
    assert f"{PEER}:Tabel 3.2!F6" in f["Pesan"]
    assert f["Sel Terkait"] == f"{PEER}:Tabel 3.2!F6"
    assert "98,20" in f["Pesan"] and "97,10" in f["Pesan"]
    # The peer's own Tabel 3.12 lists Sei Balai with Sei Balai's own figures: nothing to report there.
    assert not [r for r in w901 if r["Berkas"] == PEER]


def test_temuan_has_file_names(batch_run) -> None:
    _res, out = batch_run
    ws = openpyxl.load_workbook(out / "rekap.xlsx")["Temuan"]
    assert next(ws.iter_rows(values_only=True))[0] == "Berkas"
    rows = _rows(ws)
    files = {r["Berkas"] for r in rows}
    assert {"sei_balai_2024.xlsx", PEER} <= files
    assert all(r["Kode"] and r["Pesan"] for r in rows)
    assert ws.freeze_panes == "B2"


def test_chart(batch_run) -> None:
    _res, out = batch_run
    import zipfile

    with zipfile.ZipFile(out / "rekap.xlsx") as zf:
        assert any(n.startswith("xl/charts/chart") for n in zf.namelist())


@pytest.mark.skipif(not HAS_CORRECTED, reason="write.corrected not there yet")
def test_corrected_workbooks(batch_run) -> None:
    _res, out = batch_run
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*_terkoreksi.xlsx"))
    assert names == ["sei_balai_2024_terkoreksi.xlsx", "sub/datuk_tanah_datar_2024_terkoreksi.xlsx"]


def test_outputs_are_not_inputs_and_force(batch_run, batch_dir: Path) -> None:
    """A second run into the same folder needs --force; the outputs are never taken as inputs."""
    _res, out = batch_run
    res = CliRunner().invoke(main, ["check", str(batch_dir / "masukan"), "--out-dir", str(out), "--jobs", "1"])
    assert res.exit_code == 2 and "--force" in res.output
    res = CliRunner().invoke(
        main,
        ["check", str(batch_dir / "masukan"), str(out), "--out-dir", str(out), "--jobs", "1", "--force", "--no-output"],
    )
    assert res.exit_code == 2, res.output
    assert "4 buku kerja" in res.output  # the outputs folder added nothing


def test_readable_only_exit_code(tmp_path: Path, sample_path: Path) -> None:
    shutil.copy(sample_path, tmp_path / "a.xlsx")
    res = CliRunner().invoke(
        main, ["check", str(tmp_path / "a.xlsx"), "--out-dir", str(tmp_path / "o"), "--no-output", "--lang", "en"]
    )
    assert res.exit_code == 1, res.output  # the sample has error-level findings
    assert "1 workbooks checked" in res.output
    assert not list((tmp_path / "o").glob("*_terkoreksi.xlsx"))


def test_scale_differences_w902() -> None:
    from lkj_excel.batch import scale_findings
    from lkj_excel.rules.batch import CrossProfile, ScaleRow

    def prof(file: str, mutu_a: str) -> CrossProfile:
        rows = [
            ScaleRow(mutu_a, "A (Sangat Baik)", "Tabel 3.4!B5"),
            ScaleRow("76,61-88,30", "B (Baik)", "Tabel 3.4!B6"),
        ]
        return CrossProfile(file, "Kec " + file, "Batu Bara", 2024, scales={"3.4": rows})

    out = scale_findings([prof("a.xlsx", "88,31-100"), prof("b.xlsx", "88,31 - 100"), prof("c.xlsx", "88,00-100")])
    assert [(f.params["file"], f.code, f.severity, f.cell) for f in out] == [("c.xlsx", "W902", "info", "B5")]
    assert out[0].related == ["a.xlsx:Tabel 3.4!B5"]
    assert "a.xlsx" in out[0].message("id")
    # Another kabupaten, or all printing one scale: nothing to report.
    assert not scale_findings([prof("a.xlsx", "88,31-100"), prof("b.xlsx", "88,31-100")])


def test_rules_registered() -> None:
    import lkj_excel.batch  # noqa: F401
    from lkj_excel.rules import RULES

    assert RULES["W901"].name == "batch.peer_figures" and "Fails" in RULES["W901"].doc
    assert RULES["W902"].name == "batch.scales"


def test_expand_inputs(tmp_path: Path) -> None:
    from lkj_excel.batch import expand_inputs

    (tmp_path / "a").mkdir()
    for n in ("a/x.xlsx", "a/X2.XLSX", "a/~$x.xlsx", "a/x_terkoreksi.xlsx", "a/rekap.xlsx", "a/y.xls", "a/z.txt"):
        (tmp_path / n).write_bytes(b"")
    got = [p.name for p in expand_inputs([tmp_path / "a", tmp_path / "a" / "x.xlsx"])]
    assert got == ["x.xlsx", "X2.XLSX", "y.xls"]
