"""Each real budget layout (sipd_exports.md) read, its planted problems found at their cells, and no other.

The workbooks are written by `budget_layouts` from the reference's description;
each carries a wrong parent subtotal, a wrong rincian product and an
over-realised line where its layout can hold them, and a blank LKjIP template
filled from it must give Tabel 2.3/2.4/3.16/3.17 the leaf sums.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

import budget_layouts as bl
import budget_layouts_pre_sipd as pj
from helpers import build_export_samples
from lkj_excel.budget.aggregate import aggregate
from lkj_excel.budget.export import BudgetExport, read_export, read_split
from lkj_excel.cli import main
from lkj_excel.errors import LkjError
from lkj_excel.read.reader import read_workbook


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Freshly built samples, so the tests never depend on stale committed files."""
    return build_export_samples(tmp_path_factory.mktemp("budget_samples"))


@pytest.fixture(scope="module")
def report(samples: Path) -> BudgetExport:
    return read_export(samples / "sei_balai_2024_dppa_lra.xlsx")


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tpl") / "blank.xlsx"
    assert run("template", out, "--year", "2024")[0] == 0
    return out


def _found(d: dict) -> set[tuple[str, str]]:
    return {(f["code"], f"{f['sheet']}!{f['cell']}") for f in d["findings"] if f["severity"] != "info"}


DPA_CASES: dict[str, Callable[[Path], bl.Planted]] = {
    "dpa": lambda p: bl.dpa_print(p),
    "dppa": lambda p: bl.dpa_print(p, perubahan=True),
    "rka_split_code": lambda p: bl.dpa_print(p, split_code=True),
    "dpa_2021_notation": lambda p: bl.dpa_print(p, print_2021=True),
    "penjabaran": pj.penjabaran,
}
LAYOUT = {
    "dpa_2021_notation": "rincian",
    "dpa": "rincian",
    "dppa": "rincian_perubahan",
    "rka_split_code": "rincian",
    "penjabaran": "penjabaran",
}


@pytest.mark.parametrize("case", list(DPA_CASES))
def test_budget_print_alone(case: str, tmp_path: Path) -> None:
    planted = DPA_CASES[case](tmp_path / f"{case}.xlsx")
    exp = read_export(tmp_path / f"{case}.xlsx")
    assert exp.layout == LAYOUT[case]
    got = {(f.code, f"{f.sheet}!{f.cell}") for f in exp.findings}
    assert got == {("B001", planted.parent), ("B013", planted.rincian)}
    assert exp.total_anggaran == sum(x.anggaran for x in bl.LINES)  # leaves only, as printed


def _value(row: object, cid: str) -> float | None:
    """A table cell's value; None for a blank cell (the table reads none)."""
    cell = row.get(cid)  # type: ignore[attr-defined]
    return None if cell is None else cell.value


def _fill_and_check(
    tmp_path: Path,
    blank: Path,
    args: list[object],
    with_realisasi: bool,
    programs: bool = True,
    by_program: bool = True,
) -> dict:
    filled = tmp_path / "filled.xlsx"
    code, out = run("anggaran", *args, "--workbook", blank, "-o", filled, "--json", "-")
    d = json.loads(out)
    wb = read_workbook(filled)
    progs, jenis = bl.expected_programs(), bl.expected_jenis()
    for tid in ("2.4", "3.17"):
        t = wb.tables[tid]
        for prog, (a, r) in progs.items():
            row = t.row(prog)
            assert _value(row, "anggaran") == (a if programs else None), (tid, prog)
            if tid == "3.17" and with_realisasi:
                assert _value(row, "realisasi") == (r if by_program and programs else None), (tid, prog)
        assert _value(t.total_row(), "anggaran") == (jenis[""][0] if programs else None)
    rows = {"operasi": "5.1", "pegawai": "5.1.01", "barang_jasa": "5.1.02", "modal": "5.2", "modal_peralatan": "5.2.02"}
    for tid in ("2.3", "3.16"):
        t = wb.tables[tid]
        for rid, key in rows.items():
            assert t.row(rid).cells["anggaran"].value == jenis[key][0], (tid, rid)
            if tid == "3.16" and with_realisasi:
                assert t.row(rid).cells["realisasi"].value == jenis[key][1], (tid, rid)
        assert t.total_row().cells["anggaran"].value == jenis[""][0]
    d["exit"] = code
    return d


@pytest.mark.parametrize("case", ["dpa", "dppa", "rka_split_code"])
def test_budget_print_with_realisation_list(case: str, tmp_path: Path, blank: Path) -> None:
    planted = DPA_CASES[case](tmp_path / f"{case}.xlsx")
    real = bl.realisation_list(tmp_path / "real.xlsx", with_pagu=False)
    d = _fill_and_check(tmp_path, blank, [tmp_path / f"{case}.xlsx", "--realisasi", tmp_path / "real.xlsx"], True)
    assert _found(d) == {("B001", planted.parent), ("B013", planted.rincian), ("B014", real.over)}
    assert d["exit"] == 1 and d["budget"]["realisasi_layout"] == "realisasi_list"


def test_penjabaran_fills_the_tables(tmp_path: Path, blank: Path) -> None:
    planted = pj.penjabaran(tmp_path / "pj.xlsx")
    d = _fill_and_check(tmp_path, blank, [tmp_path / "pj.xlsx"], False)
    assert _found(d) == {("B001", planted.parent), ("B013", planted.rincian)}


def test_lra_with_levels(tmp_path: Path, blank: Path) -> None:
    planted = bl.lra_levels(tmp_path / "lra.xlsx")
    exp = read_export(tmp_path / "lra.xlsx")
    assert exp.layout == "lra" and exp.realisasi_column == "realisasi"  # not previous_realisasi
    d = _fill_and_check(tmp_path, blank, [tmp_path / "lra.xlsx"], True)
    assert _found(d) == {("B001", planted.parent), ("B014", planted.over)}


def test_realisation_list_with_pagu(tmp_path: Path) -> None:
    planted = bl.realisation_list(tmp_path / "real.xlsx")
    exp = read_export(tmp_path / "real.xlsx", need_anggaran=False)
    assert exp.layout == "realisasi_list"
    assert {(f.code, f"{f.sheet}!{f.cell}") for f in exp.findings} == {("B014", planted.over)}
    assert exp.total_realisasi == sum(x.realisasi for x in bl.LINES)


@pytest.mark.parametrize(
    "extra", [None, ("PAKET/KELOMPOK", "NAMA PAKET/KELOMPOK"), ("KODE STANDAR HARGA", "NAMA STANDAR HARGA")]
)
def test_kabupaten_rekap(extra: tuple[str, str] | None, tmp_path: Path, blank: Path) -> None:
    bl.rekap(tmp_path / "rekap.xlsx", extra)
    with pytest.raises(LkjError) as info:
        read_export(tmp_path / "rekap.xlsx")
    assert info.value.key == "budget.office_ambiguous"
    assert all(code in str(info.value) for code in (bl.OFFICE[0], bl.OTHERS[0][0], bl.OTHERS[1][0]))
    by_code = read_export(tmp_path / "rekap.xlsx", skpd=bl.OFFICE[0])
    by_name = read_export(tmp_path / "rekap.xlsx", office_name="KECAMATAN TALAWI")
    for exp in (by_code, by_name):
        assert (exp.layout, exp.office, exp.findings) == ("rekap", bl.OFFICE[1], [])
        assert exp.total_anggaran == sum(x.anggaran for x in bl.LINES)
        assert exp.rekap_columns == (23 if extra else 21)
    real = bl.realisation_list(tmp_path / "real.xlsx", with_pagu=False)
    args = [tmp_path / "rekap.xlsx", "--skpd", bl.OFFICE[0], "--realisasi", tmp_path / "real.xlsx"]
    d = _fill_and_check(tmp_path, blank, args, True)
    assert _found(d) == {("B014", real.over)}
    code, out = run("anggaran", tmp_path / "rekap.xlsx", "--skpd", "9.99")
    assert code == 2 and "Kecamatan Talawi" in out


def test_no_output_may_be_an_input(tmp_path: Path, blank: Path) -> None:
    bl.dpa_print(tmp_path / "dpa.xlsx")
    bl.realisation_list(tmp_path / "real.xlsx")
    for target in ("dpa.xlsx", "real.xlsx", "blank.xlsx"):
        src = tmp_path / "blank.xlsx"
        src.write_bytes(blank.read_bytes())
        before = (tmp_path / target).read_bytes()
        for opt in ("-o", "--json"):
            args = ["anggaran", tmp_path / "dpa.xlsx", "--realisasi", tmp_path / "real.xlsx", "--workbook", src]
            code, out = run(*args, opt, tmp_path / target, "--force")
            assert code == 2, (target, opt, out)
            assert (tmp_path / target).read_bytes() == before


def test_blank_template_is_filled_not_an_error(tmp_path: Path, blank: Path) -> None:
    bl.rekap(tmp_path / "rekap.xlsx")
    code, out = run(
        "anggaran", tmp_path / "rekap.xlsx", "--skpd", bl.OFFICE[0], "--workbook", blank, "-o", tmp_path / "f.xlsx"
    )
    assert code == 0, out
    assert "Diisi dari ekspor" in out and "KESALAHAN" not in out
    assert "rekap SIPD-RI datar (21 kolom)" in out


def test_penjabaran_perubahan(tmp_path: Path, blank: Path) -> None:
    planted = pj.penjabaran(tmp_path / "pjp.xlsx", perubahan=True)
    exp = read_export(tmp_path / "pjp.xlsx")
    assert (exp.layout, exp.anggaran_column) == ("penjabaran", "JUMLAH SETELAH PERUBAHAN")
    assert {(f.code, f"{f.sheet}!{f.cell}") for f in exp.findings} == {
        ("B001", planted.parent),
        ("B013", planted.rincian),
    }
    _fill_and_check(tmp_path, blank, [tmp_path / "pjp.xlsx"], False)


def _edit(path: Path, edits: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(path)
    for ref, value in edits.items():
        wb.active[ref] = value
    wb.save(path)


def test_before_column_and_difference_are_checked(tmp_path: Path) -> None:
    """Sebelum subtotals are summed from the rekening rows (the items print "after" only); bertambah = after − before."""
    planted = pj.penjabaran(tmp_path / "pjp.xlsx", perubahan=True)
    _edit(tmp_path / "pjp.xlsx", {"C11": "9.700.000,00", "E13": "(1.000,00)"})  # Belanja Pegawai; Honorarium PNS
    got = {(f.code, f"{f.sheet}!{f.cell}") for f in read_export(tmp_path / "pjp.xlsx").findings}
    assert got == {
        ("B001", planted.parent),
        ("B013", planted.rincian),
        ("B001", "Penjabaran!C11"),  # sebelum of 5.2.1 against its child 5.2.1.01
        ("B015", "Penjabaran!E11"),  # its bertambah no longer matches the edited sebelum
        ("B015", "Penjabaran!E13"),
    }


def test_dppa_difference_column(tmp_path: Path) -> None:
    planted = bl.dpa_print(tmp_path / "dppa.xlsx", perubahan=True)
    sheet, cell = planted.rincian.split("!")
    wb = openpyxl.load_workbook(tmp_path / "dppa.xlsx")
    ws = wb.active
    row = int("".join(ch for ch in cell if ch.isdigit()))
    ws.cell(row, ws.max_column).value = "999"
    wb.save(tmp_path / "dppa.xlsx")
    codes = {(f.code, f.cell) for f in read_export(tmp_path / "dppa.xlsx").findings}
    assert ("B015", f"{openpyxl.utils.get_column_letter(ws.max_column)}{row}") in codes


def test_options_as_check(tmp_path: Path, blank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bl.lra_levels(tmp_path / "lra.xlsx")
    report = tmp_path / "temuan.json"
    code, out = run("anggaran", tmp_path / "lra.xlsx", "--json", report)
    assert code == 1 and "Format dikenali: LRA bertingkat (kolom level)" in out
    d = json.loads(report.read_text(encoding="utf-8"))
    assert d["budget"]["layout"] == "lra"
    b001 = next(f for f in d["findings"] if f["code"] == "B001")
    assert len(b001["related"]) == 2 and all(r.startswith("LRA!D") for r in b001["related"])
    # An existing output is refused before anything is written, the other output included.
    filled = tmp_path / "filled.xlsx"
    code, out = run("anggaran", tmp_path / "lra.xlsx", "--json", report, "--workbook", blank, "-o", filled)
    assert code == 2 and not filled.exists()
    code, out = run("anggaran", tmp_path / "lra.xlsx", "--workbook", blank, "-o", filled, "--json", filled)
    assert code == 2 and not filled.exists()
    monkeypatch.setenv("LKJ_EXCEL_LANG", "en")
    code, out = run("anggaran", tmp_path / "lra.xlsx", "--json", report, "--force")
    assert code == 1 and "Layout recognised: hierarchical LRA (level column)" in out
    assert json.loads(report.read_text(encoding="utf-8"))["findings"][0]["message"].startswith("Cell ")


def test_skpd_lra_by_rekening(tmp_path: Path, blank: Path) -> None:
    """The SIPD-RI LRA of an SKPD: rekening levels 1-6 only; Tabel 2.3/3.16 from it, the program tables left."""
    planted = bl.lra_levels(tmp_path / "lra.xlsx", by_sub=False)
    exp = read_export(tmp_path / "lra.xlsx")
    assert exp.layout == "lra" and set(exp.lines["program"]) == {""}
    assert {(f.code, f"{f.sheet}!{f.cell}") for f in exp.findings} == {("B001", planted.parent), ("B014", planted.over)}
    d = _fill_and_check(tmp_path, blank, [tmp_path / "lra.xlsx"], True, programs=False)
    assert _found(d) == {("B001", planted.parent), ("B014", planted.over)}


def test_dpa_with_skpd_lra(tmp_path: Path, blank: Path) -> None:
    """Joined on the kode rekening: jenis tables get both figures, program tables the anggaran only."""
    dpa = bl.dpa_print(tmp_path / "dpa.xlsx")
    lra = bl.lra_levels(tmp_path / "lra.xlsx", by_sub=False)
    args = [tmp_path / "dpa.xlsx", "--realisasi", tmp_path / "lra.xlsx"]
    d = _fill_and_check(tmp_path, blank, args, True, by_program=False)
    expected = {("B001", dpa.parent), ("B013", dpa.rincian), ("B001", lra.parent), ("B014", lra.over)}
    assert _found(d) == expected


# --- the SIPD-RI layout samples -------------------------------------------------------
SEI_BALAI = "7.01.0.00.0.00.09.0000"


@pytest.mark.parametrize(
    ("dpa", "skpd", "layout"),
    [("batu_bara_2024_rekap.xlsx", SEI_BALAI, "rekap"), ("sei_balai_2024_dpa_rincian.xlsx", None, "rincian")],
)
def test_layout_samples_same_aggregation(
    samples: Path, report: BudgetExport, dpa: str, skpd: str | None, layout: str
) -> None:
    merged = read_split(samples / dpa, samples / "sei_balai_2024_realisasi.xlsx", skpd=skpd)
    assert (merged.layout, merged.realisasi_layout, merged.findings) == (layout, "realisasi_list", [])
    a, b = aggregate(report), aggregate(merged)
    pd.testing.assert_frame_equal(a.programs, b.programs)
    pd.testing.assert_frame_equal(a.jenis, b.jenis)
    pd.testing.assert_frame_equal(a.total, b.total)


def test_kabupaten_rekap_lists_its_offices(samples: Path) -> None:
    with pytest.raises(LkjError) as info:
        read_export(samples / "batu_bara_2024_rekap.xlsx")
    assert info.value.key == "budget.office_ambiguous" and info.value.params["count"] == 3
    for name in ("Kecamatan Lima Puluh", "Kecamatan Sei Balai", "Kecamatan Talawi"):
        assert name in str(info.value) and name in info.value.message("en")
    assert (
        read_export(samples / "batu_bara_2024_rekap.xlsx", office_name="Kecamatan Sei Balai").office_code == SEI_BALAI
    )


def test_workbook_names_the_office(samples: Path, sample_path: Path) -> None:
    """Without --skpd, the LKjIP workbook's office ("Kecamatan Sei Balai") chooses it in the kabupaten rekap."""
    rekap = samples / "batu_bara_2024_rekap.xlsx"
    code, out = run(
        "anggaran", rekap, "--realisasi", samples / "sei_balai_2024_realisasi.xlsx", "--workbook", sample_path
    )
    assert code == 0, out
    assert f"Perangkat daerah: {SEI_BALAI} Kecamatan Sei Balai" in out
    assert "Tabel 2.3, 2.4, 3.14, 3.16 dan 3.17 sesuai dengan ekspor." in out


def test_text_in_a_print_amount_is_named(tmp_path: Path) -> None:
    planted = bl.dpa_print(tmp_path / "dpa.xlsx")
    sheet, cell = planted.parent.split("!")
    _edit(tmp_path / "dpa.xlsx", {cell: "lihat lampiran"})
    code, out = run("anggaran", tmp_path / "dpa.xlsx")
    assert code == 2 and f"{sheet}!{cell}" in out and "lihat lampiran" in out and "Traceback" not in out


def test_spaced_item_marks(tmp_path: Path) -> None:
    """Some prints write "[ - ]" and "[ # ]": still items and groups."""
    planted = bl.dpa_print(tmp_path / "dpa.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "dpa.xlsx")
    for row in wb.active.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith(("[-]", "[#]")):
                c.value = c.value.replace("[-]", "[ - ]").replace("[#]", "[ # ]")
    wb.save(tmp_path / "dpa.xlsx")
    exp = read_export(tmp_path / "dpa.xlsx")
    assert {(f.code, f"{f.sheet}!{f.cell}") for f in exp.findings} == {
        ("B001", planted.parent),
        ("B013", planted.rincian),
    }
    assert len(exp.lines) == sum(len(x.items) for x in bl.LINES)


def test_group_subtotal_is_checked(tmp_path: Path) -> None:
    """A `[#]` group row carries the subtotal of its items."""
    bl.dpa_print(tmp_path / "dpa.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "dpa.xlsx")
    ws = wb.active
    row = next(c.row for r in ws.iter_rows() for c in r if isinstance(c.value, str) and c.value.startswith("[#]"))
    ws.cell(row, 7).value = "Rp670.000"
    wb.save(tmp_path / "dpa.xlsx")
    b001 = [f for f in read_export(tmp_path / "dpa.xlsx").findings if f.code == "B001" and f.cell == f"G{row}"]
    assert len(b001) == 1 and "kelompok [#]" in b001[0].message() and b001[0].expected == "660.000"
    assert b001[0].related == [f"DPA!G{row + 1}", f"DPA!G{row + 2}"]
