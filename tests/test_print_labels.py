"""Unit and pallet labels: golden ZPL, escaping, and both renderers' barcodes decoded back.

ZPL is rendered by an independent renderer (zplkit), PDF by pdftoppm; zxing-cpp decodes. The
golden files in tests/fixtures/golden pin the exact ZPL; after a deliberate layout change,
regenerate them with ``INTAKE_UPDATE_GOLDEN=1 ./run-tests tests/test_print_labels.py`` and
look at the renders before committing.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from intake_app.domain.checkdigits import gs1_check_digit
from intake_app.domain.ids import format_pallet_id, format_unit_id, human_unit_id
from intake_app.errors import InputError
from intake_app.printing import pdf_labels, zpl
from intake_app.printing.barcodes import BarcodeDataError, code128, gs1_128_sscc, human_sscc
from intake_app.printing.content import PALLET_LABEL_SIZE, UNIT_LABEL_SIZE, LabelSize, PalletLabel, UnitLabel
from intake_app.printing.labels import PALLET_FIELDS, UNIT_FIELDS, pallet_layout, unit_layout
from intake_app.printing.layout import Template, TemplateError, lay_out
from intake_app.printing.resources import PrintResources
from intake_app.printing.text import clean, zpl_field

from .conftest import REPO, require_service
from .printhelp import HAVE_POPPLER, pdf_codes, pdf_text, zpl_codes, zpl_commands

GOLDEN = REPO / "tests" / "fixtures" / "golden"
RES = PrintResources(REPO / "resources")
UNIT_ID = format_unit_id("4KD", 4217)
SSCC = "37350012340000001" + str(gs1_check_digit("37350012340000001"))
OWN_PALLET = format_pallet_id("4KD", 12)

UNIT = UnitLabel(UNIT_ID, human_unit_id(UNIT_ID), "5CD821M1EN", "HP", "EliteBook 840 G8", "Bärbar dator",
                 "TB-2026-0001", "Älvkarleby", date(2026, 3, 9), OWN_PALLET)
PALLET = PalletLabel(SSCC, True, human_sscc(SSCC), "Östhammar kommun", "IT-centrum, gemensam IT-nämnd",
                     "TB-2026-0005", "Skolor vt 2026", 2, 5, 48, 312.5, date(2026, 3, 9), True)
OWN = PalletLabel(OWN_PALLET, False, OWN_PALLET, "Heby kommun", "", "TB-2026-0001", "", 1, 1, 7, None,
                  date(2026, 3, 9), False)

CASES = {
    "unit-57x32": (lambda: unit_layout(UNIT, RES.template("unit"), UNIT_LABEL_SIZE, "sv"), UNIT_ID),
    "unit-50x25": (lambda: unit_layout(UNIT, RES.template("unit"), LabelSize(50, 25), "sv"), UNIT_ID),
    "pallet-sscc": (lambda: pallet_layout(PALLET, RES.template("pallet"), PALLET_LABEL_SIZE, "sv"), f"(00){SSCC}"),
    "pallet-own-en": (lambda: pallet_layout(OWN, RES.template("pallet"), PALLET_LABEL_SIZE, "en"), OWN_PALLET),
}


def _golden(name: str, data: bytes) -> bytes:
    path = GOLDEN / name
    if os.environ.get("INTAKE_UPDATE_GOLDEN"):
        path.write_bytes(data)
    return path.read_bytes()


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("case", sorted(CASES))
def test_zpl_is_exactly_the_golden_file(case: str, dpi: int):
    data = zpl.render(CASES[case][0](), dpi)
    assert data == _golden(f"{case}-{dpi}.zpl", data)


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("case", sorted(CASES))
def test_zpl_scans_back_to_the_id(case: str, dpi: int):
    layout, expected = CASES[case]
    data = zpl.render(layout(), dpi)
    assert zpl_codes(data, dpi) == [("Code128", expected)]
    assert data.startswith(b"^XA\n^CI28\n") and data.count(b"^XA") == 1 and data.rstrip().endswith(b"^XZ")


def test_zpl_prints_swedish_letters_as_utf8():
    data = zpl.render(CASES["unit-57x32"][0](), 203)
    assert "Älvkarleby".encode() in data and "Bärbar dator".encode() in data
    pallet = zpl.render(CASES["pallet-sscc"][0](), 203)
    assert "Östhammar kommun".encode() in pallet and "nämnd".encode() in pallet
    assert b"Pall 2 av 5" in pallet and b"312,5 kg" in pallet


def test_the_same_symbol_in_zpl_and_pdf():
    """The ZPL ^BC data spells out python-barcode's code sets: one encoding for both renderers."""
    symbol = code128(UNIT_ID)
    assert symbol.zpl_data() == f">:U4KD>5{UNIT_ID[4:10]}>6{UNIT_ID[10:]}"
    assert symbol.modules.startswith("11010010000")  # start B
    assert len(symbol.modules) == symbol.width_modules
    gs1 = gs1_128_sscc(SSCC)
    assert gs1.zpl_data() == ">;>800" + SSCC
    assert len(gs1.modules) == gs1.width_modules == 11 * 13 + 13


@pytest.mark.parametrize("bad", ["", "u4kd", "U4KD 0000", "A>B", "^XZ", "x" * 60, "Ä123"])
def test_barcodes_take_only_our_id_characters(bad: str):
    with pytest.raises(BarcodeDataError):
        code128(bad)


@pytest.mark.parametrize("bad", ["", "1234", "3735001234000000199", "37350012340000001X"])
def test_gs1_128_takes_only_an_sscc(bad: str):
    with pytest.raises(BarcodeDataError):
        gs1_128_sscc(bad)


HOSTILE = UnitLabel(
    UNIT_ID, human_unit_id(UNIT_ID), serial="^XZ~JR^XA^FDpwned", manufacturer="a\x00b\x1b[2J\r\nc_5E",
    model="~DGR:EVIL.GRF,2,1,FF", category="é ü ☃ 😀 \u200bok", order_number="TB-2026-0001",
    customer="^FS^FO0,0^GB800,800,800^FS", received_on=date(2026, 3, 9), pallet="~HS")


@pytest.mark.parametrize("dpi", [203, 300])
def test_text_cannot_inject_zpl_commands(dpi: int):
    data = zpl.render(unit_layout(HOSTILE, RES.template("unit"), UNIT_LABEL_SIZE, "en"), dpi)
    commands = zpl_commands(data)
    names = [re.match(rb"[\^~][A-Z@][A-Z0-9@]?", c).group(0) for c in commands if c.strip()]
    assert names.count(b"^XA") == 1 and names.count(b"^XZ") == 1
    assert not [n for n in names if n.startswith(b"~")]  # no control command at all
    assert set(names) <= {b"^XA", b"^CI", b"^PW", b"^LL", b"^LH", b"^FO", b"^BY", b"^BC", b"^FD", b"^FS", b"^AD",
                          b"^AF", b"^FH", b"^GB", b"^XZ"}
    assert names.count(b"^GB") == 0  # the customer's "^GB" is text, not a box
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", data)
    assert zpl_codes(data, dpi) == [("Code128", UNIT_ID)]  # the label still works


def _unescape(field: str) -> str:
    return re.sub(r"_([0-9A-F]{2})", lambda m: chr(int(m.group(1), 16)), field)


@pytest.mark.parametrize("text", ["^XZ~JR", "a_5Eb", "~~^^__", "Östhammar", "tab\there", "x" * 300])
def test_escaped_fields_read_back_as_the_cleaned_text(text: str):
    field = zpl_field(text)
    assert "^" not in field and "~" not in field
    assert _unescape(field) == clean(text).replace("…", "...")


def test_characters_no_printer_font_has_become_question_marks():
    assert _unescape(zpl_field("snö ☃ 😀 漢")) == "snö ? ? ?"
    assert clean("zero\u200bwidth\ufeff") == "zerowidth"


def test_long_text_is_cut_to_the_label_not_wrapped_over_other_rows():
    long_model = UnitLabel(**{**UNIT.__dict__, "model": "ThinkPad X1 Carbon Gen 11 with a very long name indeed"})
    data = zpl.render(unit_layout(long_model, RES.template("unit"), UNIT_LABEL_SIZE, "sv"), 203)
    line = next(x for x in data.decode().splitlines() if "ThinkPad" in x)
    assert line.endswith("...^FS")
    assert zpl_codes(data, 203) == [("Code128", UNIT_ID)]


def test_font_choice_fits_height_and_width():
    font, shown = zpl.choose_font(10, 500, 60)
    assert font.height <= 63 and shown == 10 and 10 * font.advance <= 500
    tall_narrow, shown = zpl.choose_font(11, 812, 160)  # "Pall 2 av 5" on a pallet label
    assert tall_narrow.height >= 130 and tall_narrow.wmag < tall_narrow.hmag and shown == 11
    cut, shown = zpl.choose_font(80, 430, 22)
    assert shown < 80 and shown * cut.advance <= 430


def test_zpl_refuses_other_resolutions():
    with pytest.raises(ValueError):
        zpl.render(CASES["unit-57x32"][0](), 600)


# -- PDF labels ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", sorted(CASES))
def test_pdf_label_scans_back_and_reads_right(case: str, tmp_path: Path):
    require_service("poppler (pdftoppm)", HAVE_POPPLER)
    layout, expected = CASES[case]
    pdf = pdf_labels.render([layout()], RES.fonts, case)
    assert pdf == pdf_labels.render([layout()], RES.fonts, case)  # deterministic
    assert pdf_codes(pdf, tmp_path) == [[("Code128", expected)]]
    text = pdf_text(pdf, tmp_path)
    if case.startswith("unit"):
        assert "Älvkarleby" in text and "5CD821M1EN" in text and "2026-03-09" in text
    elif case == "pallet-sscc":
        assert "Östhammar kommun" in text and "Pall 2 av 5" in text and "312,5 kg" in text
    else:
        assert "Pallet 1 of 1" in text and "7 units" in text and "Open" in text


def test_pdf_label_of_hostile_text_is_clean(tmp_path: Path):
    require_service("poppler (pdftoppm)", HAVE_POPPLER)
    pdf = pdf_labels.render([unit_layout(HOSTILE, RES.template("unit"), UNIT_LABEL_SIZE, "en")], RES.fonts, "x")
    text = pdf_text(pdf, tmp_path)
    assert "^XZ~JR^XA" in text and "\x1b" not in text
    assert pdf_codes(pdf, tmp_path) == [[("Code128", UNIT_ID)]]


# -- sizes and templates -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [("57x32", (57, 32)), (" 50 X 25 mm", (50, 25)), ("101,6x152,4", (101.6, 152.4)),
                                           ("62×29", (62, 29))])
def test_label_sizes_parse(text: str, expected: tuple[float, float]):
    size = LabelSize.parse(text)
    assert (size.width_mm, size.height_mm) == expected


@pytest.mark.parametrize("bad", ["", "57", "57x", "x32", "0x32", "57x0", "500x32", "57x3", "-57x32", "abc", "57x32x1",
                                 "1e3x20", "57;32"])
def test_bad_label_sizes_are_refused(bad: str):
    with pytest.raises(InputError, match="label size"):
        LabelSize.parse(bad)


def test_a_label_too_narrow_for_its_barcode_is_refused():
    with pytest.raises(TemplateError, match="at least"):
        unit_layout(UNIT, RES.template("unit"), LabelSize(25, 15), "sv")


GOOD_ROW = {"left": "{serial}", "weight": 2}


@pytest.mark.parametrize("raw,match", [
    ({"row": []}, "rows"),
    ({}, "row"),
    ({"row": [{"left": "{nope}"}]}, "unknown field"),
    ({"row": [{"barcode": "serial_number"}]}, "no field"),
    ({"row": [{"left": "x", "weight": 0}]}, "weight"),
    ({"row": [{"left": "x", "weight": "heavy"}]}, "heavy"),
    ({"row": [{"weight": 2}]}, "barcode, rule"),
    ({"row": [{"left": {"sv": "x"}}]}, "both sv and en"),
    ({"row": [{"left": "a", "right": "b", "split": 2}]}, "split"),
    ({"row": ["text"]}, "not a table"),
    ({"row": [GOOD_ROW], "margin_mm": 50}, "margin"),
    ({"row": [GOOD_ROW], "max_module_mm": 0.05}, "module"),
])
def test_bad_templates_are_refused_with_a_reason(raw: dict, match: str):
    with pytest.raises(TemplateError, match=match):
        Template.from_dict(raw, UNIT_FIELDS)


def test_the_shipped_templates_load_and_use_known_fields():
    assert RES.template("unit").rows and RES.template("pallet").rows and RES.template("test").rows
    pallet = RES.template("pallet")
    assert pallet.rows[-1].barcode == "code"  # GS1: the SSCC barcode is the lowest on the label
    assert {"code", "index", "count", "units", "weight"} <= PALLET_FIELDS


def test_field_values_are_not_interpreted_as_templates():
    tpl = Template.from_dict({"row": [{"left": "{serial}"}]}, UNIT_FIELDS)
    layout = lay_out(tpl, {"serial": "{order_number} {0.__class__}"}, {}, UNIT_LABEL_SIZE, "sv")
    assert layout.texts[0].text == "{order_number} {0.__class__}"
