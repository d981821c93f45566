"""Cross-table rules X601-X603 on small hand-made workbooks and on the sample."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import find_cell
from helpers import run_rule
from lkj_excel.check import run_checks
from lkj_excel.read.reader import read_workbook
from lkj_excel.rules import load_rules

IKM = "Indeks Kepuasan Masyarakat (IKM)"
AKIP = "Nilai AKIP"


class N:
    """A real number with an Excel number format."""

    def __init__(self, value: float, fmt: str) -> None:
        self.value, self.fmt = value, fmt


def build(
    tmp_path: Path,
    sheets: dict[str, list[list[object]]],
    info: dict[str, str] | None = None,
    name: str = "wb.xlsx",
    merges: dict[str, list[str]] | None = None,
) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if info:
        ws = wb.create_sheet("Identitas")
        for i, (k, v) in enumerate(info.items(), start=1):
            ws.cell(i, 1, k)
            ws.cell(i, 2, v)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row, start=1):
                if v is None:
                    continue
                if isinstance(v, N):
                    cell = ws.cell(r, c, v.value)
                    cell.number_format = v.fmt
                else:
                    ws.cell(r, c, v)
        for rng in (merges or {}).get(title, []):
            ws.merge_cells(rng)
    path = tmp_path / name
    wb.save(path)
    return path


def check(path: Path, code: str):
    wb = read_workbook(path)
    # every sheet of these small workbooks is a table the reader must find
    assert not [n for n in wb.notes if n.kind == "no_header"], wb.notes
    assert len(wb.tables) == len(wb.sheet_of)
    return wb, run_rule(wb, code)


def cells(findings) -> set[tuple[str, str]]:
    return {(f.sheet, f.cell) for f in findings}


# --------------------------------------------------------------------------- tables


IKM_32 = ("85,00", N(75.35, "0.00"), N(0.8865, "0.00%"))
AKIP_32 = ("BB (71,00)", "BB (72,62)", "102,28 %")
N85 = N(85, "0")


def t22(ikm_target: object = N85, akip_target: object = "BB (71,00)") -> list[list[object]]:
    return [
        ["PERJANJIAN KINERJA KECAMATAN SEI RAMPAH TAHUN 2024"],
        ["Tabel 2.2"],
        [],
        ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024"],
        [1, "Meningkatnya kepuasan masyarakat", IKM, "Nilai", ikm_target],
        [2, "Meningkatnya akuntabilitas", AKIP, "Nilai", akip_target],
    ]


def t32(ikm: tuple = IKM_32, akip: tuple = AKIP_32) -> list[list[object]]:
    return [
        ["Capaian Kinerja Kecamatan Sei Rampah"],
        ["Tahun 2024"],
        ["No.", "Sasaran", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        ["1.", "Meningkatnya kepuasan masyarakat", IKM, "Nilai", *ikm],
        ["2.", "Meningkatnya akuntabilitas", AKIP, "Nilai", *akip],
    ]


def t315(akip_capaian: object, ikm_capaian: object) -> list[list[object]]:
    return [
        ["Tabel 3.15 Analisis Program dan Kegiatan Tahun 2024"],
        [],
        ["No", "Sasaran", "Indikator Kinerja", "% Capaian", "Program", "Indikator Kegiatan", "% Capaian", "Keterangan"],
        [1, "Akuntabilitas", "Nilai AKIP", akip_capaian, "Program Penunjang", "Dokumen tersusun", 100, "Menunjang"],
        [None, None, None, None, "Administrasi Keuangan", "Gaji terbayar", 100, "Menunjang"],
        [2, "Kepuasan", "Nilai IKM", ikm_capaian, "Program Pelayanan Publik", "Layanan", 100, "Menunjang"],
        [None, None, None, None, "Koordinasi", "Rapat", 100, "Menunjang"],
    ]


# --------------------------------------------------------------------------- X601


def test_catalog_entries_have_examples():
    rules = load_rules()
    for code in ("X601", "X602", "X603"):
        doc = rules[code].doc
        assert "Fails:" in doc and "Passes:" in doc, code


def test_x601_fails_315_capaian_differs_from_32(tmp_path):
    path = build(tmp_path, {"TABEL 3.2": t32(), "Tabel 3.15": t315("95,07", N(98.94, "#,##0.00"))})
    wb, found = check(path, "X601")
    sheet = "Tabel 3.15"
    assert len(found) == 2
    by_fix = {f.fix: f for f in found}
    assert set(by_fix) == {102.28, 88.65}
    akip, ikm = by_fix[102.28], by_fix[88.65]
    for f in found:
        assert f.sheet == sheet and f.table == "3.15" and f.severity == "error"
        assert len(f.related) == 1 and f.related[0].startswith("TABEL 3.2!")
    assert akip.found == "95,07"
    # the finding is on the sasaran row itself, not on the rows the block spans
    assert akip.cell == wb.tables["3.15"].rows[0].cells["capaian"].ref
    assert ikm.cell == wb.tables["3.15"].rows[2].cells["capaian"].ref
    assert "3.2" in akip.message() and "3.2" in akip.message("en")


def test_x601_passes_when_figures_look_different_but_agree(tmp_path):
    t313 = [
        ["Tabel 3.13"],
        ["Analisis Capaian Kinerja Tahun 2024"],
        ["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "% Capaian", "Faktor Pendukung"],
        [1, "Kepuasan", IKM, N(85, "0"), "75,35", "88,65", "Tim solid"],
        [2, "Akuntabilitas", AKIP, "71,00 (BB)", "72,62 (BB)", N(102.28, "0.00"), "-"],
    ]
    path = build(
        tmp_path,
        {
            "Tabel. 2.2": t22(ikm_target=N(85, "0")),  # 85 vs "85,00" in 3.2
            "TABEL 3.2": t32(),  # capaian 0,8865 formatted as 88,65%; "BB (71,00)"
            "Tabel 3.13": t313,  # "71,00 (BB)", 88,65 without %
            "Tabel 3.15": t315(N(102.28, "0.00"), "88,65%"),
        },
    )
    _wb, found = check(path, "X601")
    assert found == []


def test_x601_predikat_letter_must_match_too(tmp_path):
    path = build(
        tmp_path,
        {"Tabel. 2.2": t22(akip_target="BB (71,00)"), "TABEL 3.2": t32(akip=("B (71,00)", "BB (72,62)", "102,28%"))},
    )
    wb, found = check(path, "X601")
    assert len(found) == 1
    f = found[0]
    assert (f.sheet, f.table) == ("TABEL 3.2", "3.2")  # 2.2 is the source of targets
    assert f.related == [f"Tabel. 2.2!{wb.tables['2.2'].rows[1].cells['target'].ref}"]
    assert f.fix == "BB (71,00)"


def test_x601_source_chain_does_not_blame_correct_cells(tmp_path):
    # 2.2 says 85, 3.2 says 80, 3.5 says 85: only 3.2 is wrong.
    t35 = [
        ["Tabel 3.5 Capaian IKM Tahun 2024"],
        ["No", "Sasaran", "Indikator", "Satuan", "Target", "Realisasi", "% Capaian", "Kategori"],
        [1, "Kepuasan", IKM, "Nilai", "85,00", "75,35", "88,65%", "Kurang Baik"],
    ]
    path = build(tmp_path, {"Tabel. 2.2": t22(), "TABEL 3.2": t32(ikm=("80,00", "75,35", "88,65%")), "Tabel 3.5": t35})
    _wb, found = check(path, "X601")
    assert [(f.sheet, f.fix) for f in found] == [("TABEL 3.2", 85.0)]


def _budget(anggaran_pegawai: int) -> dict[str, list[list[object]]]:
    rp = "#,##0"
    t23 = [
        ["Tabel 2.3"],
        ["Anggaran Kecamatan Sei Rampah Tahun 2024"],
        ["No.", "Uraian Belanja", "Anggaran (Rp)"],
        ["1.", "Belanja Operasi", N(1_000_000, rp)],
        [None, "Belanja Pegawai", N(600_000, rp)],
        [None, "Belanja Barang dan Jasa", N(400_000, rp)],
        [None, "Jumlah", N(1_000_000, rp)],
    ]
    t316 = [
        ["TABEL 3.16 REALISASI ANGGARAN TAHUN 2024"],
        [],
        ["No", "Uraian", "Anggaran", "Realisasi", "%"],
        ["1", "Belanja Operasi", "1.000.000", "900.000", "90,00"],
        [None, "Belanja Pegawai", f"{anggaran_pegawai:,}".replace(",", "."), "550.000", "91,67"],
        [None, "Belanja Barang dan Jasa", "400.000", "350.000", "87,50"],
        [None, "Jumlah", "1.000.000", "900.000", "90,00"],
    ]
    return {"Tabel 2.3": t23, "Tabel 3.16": t316}


def test_x601_budget_pair_reported_once_on_the_lra(tmp_path):
    path = build(tmp_path, _budget(650_000))
    wb, found = check(path, "X601")
    assert len(found) == 1  # declared both ways (2.3->3.16 and 3.16->2.3), reported once
    f = found[0]
    assert f.sheet == "Tabel 3.16" and f.found == "650.000" and f.fix == 600_000
    assert f.related == [f"Tabel 2.3!{wb.tables['2.3'].row('pegawai').cells['anggaran'].ref}"]


def test_x601_budget_pair_agrees(tmp_path):
    _wb, found = check(build(tmp_path, _budget(600_000)), "X601")
    assert found == []


def _t39_t312(own_2024: str, peer_2024: str) -> dict[str, list[list[object]]]:
    t39 = [
        ["Tabel 3.9 Perbandingan Realisasi Kinerja"],
        ["No", "Indikator Kinerja", "Target Renstra", "Realisasi", None, "2023", None, None, "2024", None, None],
        [None, None, None, "2021", "2022", "Target", "Realisasi", "Capaian", "Target", "Realisasi", "Capaian"],
        [1, IKM, "90,00", "77,98", "90,10", "85,00", "80,50", "94,71%", "85,00", "75,35", "88,65%"],
    ]
    t312 = [
        ["Tabel 3.12"],
        ["Perbandingan dengan Kecamatan Lain Tahun 2024"],
        ["No", "Kecamatan", "Indikator Kinerja", "Target", None, "Realisasi", None],
        [None, None, None, "2023", "2024", "2023", "2024"],
        [1, "Kec. Sei Rampah", IKM, "85,00", "85,00", "80,50", own_2024],
        [None, "Kecamatan Tebing Syahbandar", None, "80,00", "82,00", "79,00", peer_2024],
    ]
    return {"Tabel 3.9": t39, "Tabel 3.12": t312}


MERGES_39_312 = {"Tabel 3.9": ["D2:E2", "F2:H2", "I2:K2"], "Tabel 3.12": ["D3:E3", "F3:G3"]}


def test_x601_312_compares_only_the_office_row(tmp_path):
    info = {"Nama Instansi": "Kecamatan Sei Rampah", "Tahun": "2024"}
    wb, found = check(build(tmp_path, _t39_t312("75,35", "99,00"), info, merges=MERGES_39_312), "X601")
    assert wb.year == 2024
    assert found == []
    wb, found = check(build(tmp_path, _t39_t312("76,35", "99,00"), info, "b.xlsx", MERGES_39_312), "X601")
    assert len(found) == 1
    f = found[0]
    assert f.sheet == "Tabel 3.12" and f.found == "76,35"
    assert f.fix is None  # neither 3.9 nor 3.12 is the source: highlight only
    assert f.related and f.related[0].startswith("Tabel 3.9!")


# --------------------------------------------------------------------------- X602


def t11(desa: list[tuple[str, object]], total: object | None = None) -> list[list[object]]:
    rows: list[list[object]] = [
        ["Tabel 1.1 Daftar Nama Desa"],
        ["Kecamatan Sei Rampah"],
        ["No.", "Nama Desa", "Luas Wilayah (Ha)"],
        [1, 2, 3],
    ]
    for i, (d, luas) in enumerate(desa, start=1):
        rows.append([i, d, luas])
    if total is not None:
        rows.append([None, "Jumlah", total])
    return rows


def t12(desa: list[str]) -> list[list[object]]:
    rows: list[list[object]] = [
        ["TABEL 1.2"],
        [],
        ["No", "Desa", "Jumlah Dusun", "Jumlah KK", "Jumlah Penduduk", None, None],
        [None, None, None, None, "Laki-laki", "Perempuan", "Jumlah"],
    ]
    for i, d in enumerate(desa, start=1):
        rows.append([f"{i}.", d, 3, 100, 150, 150, 300])
    return rows


def test_x602_fails_on_a_desa_missing_from_the_other_table(tmp_path):
    path = build(
        tmp_path,
        {
            "Tabel 1.1": t11([("Sei Rampah", 100), ("Mekar Baru", 200), ("Perk. Sei Balai", 300)]),
            "Tabel 1.2": t12(["Sei Rampah", "Mekar Sari", "Perk. Sei Balai"]),
        },
    )
    wb, found = check(path, "X602")
    assert {(f.sheet, f.found) for f in found} == {("Tabel 1.1", "Mekar Baru"), ("Tabel 1.2", "Mekar Sari")}
    assert all(f.severity == "error" for f in found)
    f11 = next(f for f in found if f.sheet == "Tabel 1.1")
    assert f11.cell == wb.tables["1.1"].rows[1].cells["desa"].ref
    assert "Mekar Baru" in f11.message() and "1.2" in f11.message("en")


def test_x602_fails_on_a_desa_listed_twice(tmp_path):
    path = build(
        tmp_path,
        {
            "Tabel 1.1": t11([("Sei Rampah", 100), ("Mekar Baru", 200)]),
            "Tabel 1.2": t12(["Sei Rampah", "Mekar Baru", "Mekar Baru"]),
        },
    )
    _wb, found = check(path, "X602")
    assert len(found) == 1 and found[0].sheet == "Tabel 1.2" and found[0].found == "Mekar Baru"


def test_x602_passes_same_desa_in_other_order_and_case(tmp_path):
    path = build(
        tmp_path,
        {
            "Tabel 1.1": t11([("Sei Rampah", 100), ("Mekar Baru", 200), ("Perk. Sei Balai", 300)]),
            "Tabel 1.2": t12(["PERK. SEI BALAI", "Sei  Rampah", "Mekar baru"]),
        },
    )
    _wb, found = check(path, "X602")
    assert found == []


# --------------------------------------------------------------------------- X603


def t13(rows_: list[tuple[str, object, object, object]], total: tuple | None = None) -> list[list[object]]:
    rows: list[list[object]] = [
        ["Tabel 1.3"],
        ["Potensi Desa Kecamatan Sei Rampah Tahun 2024"],
        [],
        ["No", "Nama Desa", "Luas Perkebunan", "Luas Pertanian", "Luas Pemukiman"],
    ]
    for i, (d, a, b, c) in enumerate(rows_, start=1):
        rows.append([i, d, a, b, c])
    if total is not None:
        rows.append([None, "JUMLAH", *total])
    return rows


def test_x603_fails_when_area_differs(tmp_path):
    path = build(
        tmp_path,
        {
            "Tabel 1.1": t11(
                [("Sei Rampah", "100 Ha"), ("Mekar Baru", "225 Ha"), ("Durian", "1.619,9 Ha"), ("Suka Maju", 50)],
                total="1.994,9 Ha",
            ),
            "Tabel 1.3": t13(
                [
                    ("Sei Rampah", 16, 55, 29),
                    ("Mekar Baru", "36,6", 143, "45,5"),
                    ("Durian", 1162, 227, "230,9"),
                    ("Suka Maju", 10, 20, 22),
                ],
                total=(N(1224.6, "#,##0.0"), 445, "327,4"),
            ),
        },
    )
    _wb, found = check(path, "X603")
    by_found = {f.found: f for f in found}
    assert set(by_found) == {"225 Ha", "50", "1.994,9 Ha"}
    assert by_found["225 Ha"].severity == "warning"  # off by 0,1 Ha
    assert by_found["225 Ha"].expected == "225,1 Ha"
    assert len(by_found["225 Ha"].related) == 3
    assert by_found["50"].severity == "error"  # off by 2 Ha
    assert by_found["1.994,9 Ha"].expected == "1.997,0 Ha"
    assert "Mekar Baru" in by_found["225 Ha"].message()


def test_x603_passes_when_parts_add_up_and_dash_is_zero(tmp_path):
    path = build(
        tmp_path,
        {
            "Tabel 1.1": t11(
                [("Sei Rampah", N(100, "0")), ("Perk. Sei Balai", "3.727"), ("Durian", "1.619,9")], total="5.446,9"
            ),
            "Tabel 1.3": t13(
                [
                    ("Sei Rampah", "16", "55", "29"),
                    ("Perk. Sei Balai", "3.524", "-", 203),
                    ("Durian", 1162, 227, "230,9"),
                ],
                total=("4.702", "282", "462,9"),
            ),
        },
    )
    _wb, found = check(path, "X603")
    assert found == []


# --------------------------------------------------------------------------- sample


@pytest.fixture(scope="module")
def sample_findings(sample_wb):
    return run_checks(sample_wb, only={"X601", "X602", "X603"})


def test_sample_x601_finds_only_the_315_capaian(sample_path, sample_findings):
    ws = openpyxl.load_workbook(sample_path)["Tabel 3.15"]
    akip, ikm = find_cell(ws, "95,07"), find_cell(ws, "98,94")
    x601 = [f for f in sample_findings if f.code == "X601"]
    assert cells(x601) == {("Tabel 3.15", akip.coordinate), ("Tabel 3.15", ikm.coordinate)}
    ws32 = openpyxl.load_workbook(sample_path)["Tabel 3.2"]
    fixes = {f.cell: (f.fix, f.related) for f in x601}
    assert fixes[akip.coordinate] == (102.28, [f"Tabel 3.2!{find_cell(ws32, '102,28%').coordinate}"])
    assert fixes[ikm.coordinate] == (88.65, [f"Tabel 3.2!{find_cell(ws32, '88,65%').coordinate}"])


def test_sample_x602_desa_lists_agree(sample_findings):
    assert [f for f in sample_findings if f.code == "X602"] == []


def test_sample_x603_finds_mekar_mulio_and_the_total(sample_wb, sample_findings):
    t11 = sample_wb.tables["1.1"]
    mekar = next(r for r in t11.rows if r.label == "Mekar Mulio").cells["luas"]
    x603 = [f for f in sample_findings if f.code == "X603"]
    assert len(x603) == 2
    desa = next(f for f in x603 if f.found == "225 Ha")
    assert (desa.sheet, desa.cell) == (t11.sheet, mekar.ref)
    assert len(desa.related) == 3 and all(r.startswith("TABEL 1.3!") for r in desa.related)
    assert desa.severity == "warning" and desa.expected == "225,1 Ha"
    total = next(f for f in x603 if f is not desa)
    assert total.cell == t11.total_row().cells["luas"].ref
    assert total.found == "9.286,9 Ha" and total.expected == "9.287,0 Ha" and total.severity == "warning"
