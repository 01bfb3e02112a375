"""Manifest import: every format and defect customers send, and the all-or-nothing rule."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from intake_app.app import IntakeApp
from intake_app.errors import Conflict, InputError
from intake_app.services.context import Actor
from intake_app.store import tables as t

from .conftest import write_manifest

GOOD = [["5CG1234XYZ", "HEB-000001", "HP", "EliteBook 840 G8", "Bärbar dator"],
        ["PF2ABC3D", "HEB-000002", "Lenovo", "ThinkPad T14", "Laptop"],
        ["C02XK0JHJG5H", "", "Apple", "MacBook Pro", "Bärbar dator"],
        ["4TJB67G", "HEB-000004", "Dell", "P2422H", "Bildskärm"]]


@pytest.fixture
def empty_order(app: IntakeApp, people: dict[str, Actor], customer: str) -> str:
    app.orders.create(people["boss"], customer, "TB-2026-0042")
    return "TB-2026-0042"


def expected_count(app: IntakeApp) -> int:
    with app.store.read() as conn:
        return conn.execute(select(func.count()).select_from(t.expected_units)).scalar_one()


def imp(app: IntakeApp, people: dict[str, Actor], path: Path, order: str = "TB-2026-0042", **kw):
    return app.manifests.import_file(people["boss"], order, path, **kw)


@pytest.mark.parametrize(("encoding", "newline", "delimiter"), [
    ("utf-8", "\n", ";"), ("utf-8-sig", "\r\n", ";"), ("cp1252", "\r\n", ";"), ("cp1252", "\r", ","),
    ("latin-1", "\n", "\t"), ("utf-8", "\r", "\t"), ("utf-8-sig", "\n", ","),
])
def test_csv_encodings_delimiters_line_endings(app, people, empty_order, tmp_path, encoding, newline, delimiter):
    rows = [*GOOD, ["ÅÄÖ123", "ÖST-000005", "Tillverkare Å", "Modell ä", "Skärm"]]
    path = write_manifest(tmp_path / "m.csv", rows, delimiter=delimiter, encoding=encoding, newline=newline)
    r = imp(app, people, path)
    assert r.error_count == 0, r.as_dict()
    assert r.units == 5 and r.imported == 5
    detail = app.orders.detail(empty_order)
    serials = {e["serial"]: e for e in detail["expected_units"]}
    assert serials["ÅÄÖ123"]["manufacturer"] == "Tillverkare Å"  # not mojibake
    assert serials["ÅÄÖ123"]["category"] == "monitor"
    assert serials["5CG1234XYZ"]["category"] == "laptop"
    assert [e["line"] for e in detail["expected_units"]] == [2, 3, 4, 5, 6]


@pytest.mark.parametrize("header", [
    ["Serial Number", "Asset Tag", "Manufacturer", "Model", "Category"],
    ["S/N", "Tillgångsnummer", "Fabrikat", "Modell", "Typ"],
    ["serienr", "INV.NR", "Märke", "Produkt", "Enhetstyp"],
])
def test_header_synonyms(app, people, empty_order, tmp_path, header):
    r = imp(app, people, write_manifest(tmp_path / "m.csv", GOOD, header))
    assert r.error_count == 0 and r.units == 4
    assert set(r.mapping) == {"serial", "asset_tag", "manufacturer", "model", "category"}


def test_title_rows_blank_and_duplicate_headers(app, people, empty_order, tmp_path):
    text = ("Återlämning Heby skolor 2026-03\n\n;;;\n"
            "Serienummer;;Inventarienummer;Serienummer;Modell\n"
            "5CG1234XYZ;x;HEB-1;IGNORED;EliteBook\nPF2ABC3D;;HEB-2;;T14\n")
    path = tmp_path / "m.csv"
    path.write_text(text, encoding="utf-8")
    r = imp(app, people, path)
    assert r.error_count == 0 and r.units == 2 and r.header_line == 4
    assert r.mapping["serial"] == "Serienummer"
    assert any("repeats" in w.reason for w in r.warnings)


def test_explicit_mapping_overrides(app, people, empty_order, tmp_path):
    path = write_manifest(tmp_path / "m.csv", [["X1", "5CG1234XYZ"], ["X2", "PF2ABC3D"]], ["Löpnr", "Tillv.nr"])
    with pytest.raises(InputError):
        imp(app, people, path)  # no recognisable header at all
    r = imp(app, people, path, mapping={"serial": "Tillv.nr"})
    assert r.units == 2
    r2 = imp(app, people, write_manifest(tmp_path / "n.csv", [["A", "NEWSERIAL1"]], ["Löpnr", "Tillv.nr"]),
             mapping={"serial": "B"})
    assert r2.units == 1
    with pytest.raises(InputError, match="unknown field"):
        imp(app, people, path, mapping={"colour": "Löpnr"})


@pytest.mark.parametrize(("value", "words"), [
    ("6.37702E+15", "scientific notation"),
    ("6,37702E+15", "scientific notation"),
    ("1234567890123450000", "15 digits"),
    ("12345678.0", "decimal part"),
    ("2021-03-05", "date"),
    ("%%%", "no letters or digits"),
    ("A" * 60, "characters long"),
])
def test_excel_damage_is_reported_and_nothing_imported(app, people, empty_order, tmp_path, value, words):
    path = write_manifest(tmp_path / "m.csv", [*GOOD, [value, "HEB-9", "HP", "X", "Laptop"]])
    r = imp(app, people, path)
    assert r.imported == 0 and expected_count(app) == 0
    assert [(e.line, e.column) for e in r.errors] == [(6, "Serienummer")]
    assert words in r.errors[0].reason


def test_lost_leading_zeros(app, people, empty_order, tmp_path):
    rows = [[f"{i:08d}", "", "Samsung", "Galaxy", "Mobil"] for i in range(1000, 1012)] + [["4711", "", "", "", ""]]
    r = imp(app, people, write_manifest(tmp_path / "m.csv", rows))
    assert r.imported == 0
    assert len(r.errors) == 1 and r.errors[0].line == 14 and "00004711" in r.errors[0].reason


def test_duplicates_inside_a_manifest(app, people, empty_order, tmp_path):
    rows = [*GOOD, ["5cg-1234 xyz", "HEB-77", "HP", "", ""], ["NEW1", "HEB-000002", "", "", ""]]
    r = imp(app, people, write_manifest(tmp_path / "m.csv", rows))
    assert r.imported == 0
    assert {(e.line, e.column) for e in r.errors} == {(6, "serial"), (7, "asset_tag")}
    assert "line 2" in r.errors[0].reason


def test_serials_already_expected_on_another_open_order(app, people, empty_order, tmp_path):
    imp(app, people, write_manifest(tmp_path / "a.csv", GOOD))
    app.orders.create(people["boss"], "Heby", "TB-2026-0043")
    app.orders.create(people["boss"], "Knivsta", "TB-2026-0044")
    rows = [GOOD[1], ["NEWSERIAL", "", "", "", ""], ["NEWSERIAL2", GOOD[3][1], "", "", ""]]
    r = imp(app, people, write_manifest(tmp_path / "b.csv", rows), "TB-2026-0043")
    assert r.imported == 0
    assert [(e.line, e.column) for e in r.errors] == [(2, "serial"), (2, "asset_tag"), (4, "asset_tag")]
    assert all("TB-2026-0042" in e.reason for e in r.errors)
    # another customer's inventory numbers may look the same: only the serial collides
    r = imp(app, people, write_manifest(tmp_path / "c.csv", rows), "TB-2026-0044")
    assert [(e.line, e.column) for e in r.errors] == [(2, "serial")]


def test_same_file_twice_is_refused(app, people, empty_order, tmp_path):
    path = write_manifest(tmp_path / "a.csv", GOOD)
    imp(app, people, path)
    with pytest.raises(Conflict, match="already imported"):
        imp(app, people, path)
    assert expected_count(app) == 4


def test_skip_invalid_imports_the_rest(app, people, empty_order, tmp_path):
    rows = [*GOOD, ["6.37702E+15", "", "", "", ""], [GOOD[0][0], "", "", "", ""], ["", "", "", "", ""]]
    r = imp(app, people, write_manifest(tmp_path / "m.csv", rows), skip_invalid=True)
    assert r.imported == 4 and r.skipped == 2 and r.error_count == 2
    assert expected_count(app) == 4


def test_dry_run_writes_nothing(app, people, empty_order, tmp_path):
    r = imp(app, people, write_manifest(tmp_path / "m.csv", GOOD), dry_run=True)
    assert r.units == 4 and r.imported == 0 and expected_count(app) == 0
    assert imp(app, people, write_manifest(tmp_path / "m.csv", GOOD)).imported == 4  # same file: not "already"


def test_count_lines_and_quantity_errors(app, people, empty_order, tmp_path):
    header = ["Serienummer", "Kategori", "Modell", "Antal"]
    rows = [["", "Mus", "M185", "24"], ["", "Kabel", "USB-C", "10 st"], ["5CG1234XYZ", "Laptop", "", "1"]]
    r = imp(app, people, write_manifest(tmp_path / "m.csv", rows, header))
    assert (r.units, r.count_lines, r.error_count) == (1, 2, 0)
    bad = [["", "Mus", "", "-3"], ["", "Mus", "", "two"], ["XSERIAL9", "Laptop", "", "3"], ["", "", "x", ""]]
    r = imp(app, people, write_manifest(tmp_path / "n.csv", bad, header))
    assert r.imported == 0 and [e.line for e in r.errors] == [2, 3, 4, 5]


@pytest.mark.parametrize(("content", "words"), [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
    (b"PK\x03\x04garbage-that-is-not-a-zip", "not a readable Excel"),
    (b"just,some,words\nwithout,a,header\n", "no header row"),
    (b"Serienummer;Modell\n", "no rows"),
    (b'Serienummer;Modell\n"unterminated;x\n' + b"y" * 10, ""),
])
def test_garbage_files_get_a_clear_answer_and_change_nothing(app, people, empty_order, tmp_path, content, words):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    try:
        r = imp(app, people, path)
    except InputError as exc:
        assert words in exc.message
    else:
        assert r.imported == 0 and (words in " ".join(e.reason for e in r.errors) or r.error_count)
    assert expected_count(app) == 0


def test_missing_file(app, people, empty_order, tmp_path):
    with pytest.raises(InputError, match="no file"):
        imp(app, people, tmp_path / "nope.csv")


def test_operator_may_not_import(app, people, empty_order, tmp_path):
    from intake_app.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        app.manifests.import_file(people["anna"], empty_order, write_manifest(tmp_path / "m.csv", GOOD))


# -- XLSX ----------------------------------------------------------------------------------------------

def make_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


def test_xlsx_title_rows_and_sheet_choice(app, people, empty_order, tmp_path):
    data = [["Heby kommun – återlämning"], [], ["Serienummer", "Inventarienummer", "Modell", "Antal"],
            ["5CG1234XYZ", "HEB-1", "EliteBook", 1], ["PF2ABC3D", None, "T14", None], [None, None, "Mus", 12]]
    path = make_xlsx(tmp_path / "m.xlsx", {"Info": [["Just notes"]], "Lista": data})
    r = imp(app, people, path)
    assert (r.units, r.count_lines, r.header_line, r.sheet) == (2, 1, 3, "Lista")
    with pytest.raises(InputError, match="no sheet"):
        imp(app, people, path, sheet="Missing")


def test_xlsx_numbers_and_dates_in_serial_column(app, people, empty_order, tmp_path):
    from datetime import datetime

    data = [["Serienummer", "Modell"], [1234567890123.0, "ok as integer"], [6.37702e15, "lost digits"],
            [datetime(2021, 3, 5), "a date"], [12.5, "fraction"]]
    r = imp(app, people, make_xlsx(tmp_path / "m.xlsx", {"S": data}))
    assert r.imported == 0
    assert [e.line for e in r.errors] == [3, 4, 5]


def test_big_manifest_streams(app, people, empty_order, tmp_path):
    from intake_app.demo_data import iter_big_fleet

    rows = [[u.serial, u.asset_tag or "", u.manufacturer, u.model, u.category] for u in iter_big_fleet(1, 20_000)]
    r = imp(app, people, write_manifest(tmp_path / "big.csv", rows))
    assert r.units == 20_000 and r.error_count == 0
