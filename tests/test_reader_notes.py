"""Reader notes are typed: kind, table, sheet, cell, and a message in either language."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from helpers import write_workbook
from lkj_excel.cli import main
from lkj_excel.read.notes import DUPLICATE, NO_HEADER, ReaderNote

LUAS = [["No", "Desa", "Luas (Ha)"], ["1", "Alpha", "100"], ["2", "Beta", "211"], ["Jumlah", None, "311"]]
NO_HEAD_32 = [["Capaian Kinerja"], ["1", "Kepuasan", "IKM", "85,00", "75,35"]]


def test_a_sheet_without_its_header_is_a_typed_note(tmp_path: Path) -> None:
    wb = write_workbook(tmp_path / "w.xlsx", {"Tabel 1.1": LUAS, "Tabel 3.2": NO_HEAD_32})
    assert [(n.kind, n.table, n.sheet, n.cell) for n in wb.notes] == [(NO_HEADER, "3.2", "Tabel 3.2", "A1")]
    note = wb.notes[0]
    assert note.message("id").startswith('Lembar "Tabel 3.2": baris judul kolom tabel 3.2 tidak ditemukan')
    assert note.message("en").startswith('Sheet "Tabel 3.2": the column header of table 3.2 was not found')
    assert '"Indikator Kinerja"' in note.message("en")  # names a required column
    assert str(note) == note.message("id")
    assert note.to_dict("en")["message"] == note.message("en") and note.to_dict()["table"] == "3.2"


def test_a_second_sheet_of_a_table_is_a_typed_note(tmp_path: Path) -> None:
    wb = write_workbook(tmp_path / "w.xlsx", {"Tabel 1.1": LUAS, "TABEL 1.1 (2)": LUAS})
    assert wb.notes == [ReaderNote(DUPLICATE, "1.1", "TABEL 1.1 (2)", params={"first": "Tabel 1.1"})]
    assert 'sudah dibaca dari lembar "Tabel 1.1"' in wb.notes[0].message("id")
    assert 'already read from sheet "Tabel 1.1"' in wb.notes[0].message("en")


def test_inspect_reports_the_note_in_the_chosen_language(tmp_path: Path) -> None:
    path = tmp_path / "w.xlsx"
    write_workbook(path, {"Tabel 1.1": LUAS, "Tabel 3.2": NO_HEAD_32})
    res = CliRunner().invoke(main, ["inspect", str(path), "--lang", "en", "--json"])
    assert res.exit_code == 2, res.output
    assert 'Sheet "Tabel 3.2": the column header of table 3.2 was not found' in res.output
    res = CliRunner().invoke(main, ["inspect", str(path)])
    assert res.exit_code == 2 and 'Lembar "Tabel 3.2": baris judul kolom tabel 3.2' in res.output
    d = json.loads(CliRunner().invoke(main, ["inspect", str(path), "--json"]).stdout)
    assert [(n["kind"], n["table"], n["sheet"]) for n in d["notes"]] == [(NO_HEADER, "3.2", "Tabel 3.2")]
