"""Classification of raw reads, including captures with the control characters scanners send."""

from __future__ import annotations

import pytest

from intake_app.domain.checkdigits import gs1_valid, luhn_valid, safe_check_char, safe_valid
from intake_app.domain.codes import CodeKind, RejectReason, classify, match_key
from intake_app.domain.ids import format_pallet_id, format_unit_id, human_unit_id, parse_own_id
from intake_app.domain.orgnr import check_org_number

GS, RS, EOT = "\x1d", "\x1e", "\x04"


@pytest.mark.parametrize(
    ("raw", "kind", "identifier"),
    [
        ("5CG1234XYZ", CodeKind.SERIAL, "5CG1234XYZ"),
        (" 5cg1234xyz\r\n", CodeKind.SERIAL, "5CG1234XYZ"),  # wedge with CR/LF, lower case
        ("\t5CG1234XYZ\t", CodeKind.SERIAL, "5CG1234XYZ"),  # Tab suffix
        ("*CN0123*", CodeKind.SERIAL, "CN0123"),  # Code 39 guards
        ("\x025CG1234XYZ\x03", CodeKind.SERIAL, "5CG1234XYZ"),  # STX/ETX framing of serial-port scanners
        ("]C05CG1234XYZ", CodeKind.SERIAL, "5CG1234XYZ"),  # AIM identifier, Code 128
        ("S/N: 5CG1234XYZ", CodeKind.SERIAL, "5CG1234XYZ"),
        ("SN:PF2ABC3D", CodeKind.SERIAL, "PF2ABC3D"),
        ("Serienummer: PF2ABC3D", CodeKind.SERIAL, "PF2ABC3D"),
        ("SNAKE123", CodeKind.SERIAL, "SNAKE123"),  # a serial that starts with SN is not a label
        ("ÅÄÖ-123", CodeKind.SERIAL, "ÅÄÖ-123"),
        ("HEB-004211", CodeKind.SERIAL, "HEB-004211"),
        ("00373500123456789012", CodeKind.SSCC, "373500123456789012"),  # AI 00 + SSCC, no FNC1
        ("373500123456789012", CodeKind.SSCC, "373500123456789012"),
        ("]C100373500123456789012", CodeKind.SSCC, "373500123456789012"),
        (f"]C1{GS}00373500123456789012", CodeKind.SSCC, "373500123456789012"),
        ("(00)373500123456789012", CodeKind.SSCC, "373500123456789012"),  # HRI form typed by hand
        (f"0037350012345678901210LOT7{GS}3103000150", CodeKind.SSCC, "373500123456789012"),
        ("]C10107350012345675215CG1234XYZ", CodeKind.SERIAL, "5CG1234XYZ"),  # GTIN + AI 21 serial
        (f"]d2010735001234567521R58N12ABCDE{GS}17261231", CodeKind.SERIAL, "R58N12ABCDE"),  # GS1 DataMatrix
        (f"[)>{RS}06{GS}S5CG1234XYZ{GS}1P5FP36UT{RS}{EOT}", CodeKind.SERIAL, "5CG1234XYZ"),  # ISO 15434
        ("1S20L5CTO1WWPF5A3H8A", CodeKind.SERIAL, "1S20L5CTO1WWPF5A3H8A"),
    ],
)
def test_unit_and_pallet_codes(raw: str, kind: CodeKind, identifier: str) -> None:
    c = classify(raw)
    assert (c.kind, c.identifier) == (kind, identifier)
    if kind is CodeKind.SERIAL:
        assert c.keys[0] == match_key(identifier)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", RejectReason.EMPTY),
        ("   \r\n", RejectReason.EMPTY),
        ("\x1b\x1b\x00", RejectReason.GARBAGE),
        ("%%%", RejectReason.GARBAGE),
        ("\x1b[A\x1b[B", RejectReason.GARBAGE),  # arrow keys, not a scanner
        ("AB1", RejectReason.TOO_SHORT),
        ("-/-/+", RejectReason.GARBAGE),
        ("5CG\ufffd\ufffd34", RejectReason.GARBAGE),  # decoding damage
        ("A" * 41, RejectReason.TOO_LONG),
        ("X" * 5000, RejectReason.TOO_LONG),
        ("]C1notgs1", RejectReason.GARBAGE),
        ("P/N: 5FP36UT#ABA", RejectReason.PART_NUMBER),
        ("PN 5FP36UT", RejectReason.PART_NUMBER),
        (f"[)>{RS}06{GS}1P5FP36UT{RS}{EOT}", RejectReason.PART_NUMBER),
        ("]C1010735001234567510LOT7", RejectReason.PRODUCT_CODE),  # GTIN + batch: a product, not a unit
        ("]C11012345", RejectReason.GS1_WITHOUT_SERIAL),
    ],
)
def test_rejected_codes_have_a_reason_and_no_keys(raw: str, reason: RejectReason) -> None:
    c = classify(raw)
    assert c.reason is reason
    assert c.keys == ()


@pytest.mark.parametrize("raw", ["7350012345679", "4006381333931", "012345678905", "96385074"])
def test_product_codes_are_flagged_but_still_looked_up(raw: str) -> None:
    """A numeric serial can pass a GTIN check by chance: the key is kept so a manifest can claim it."""
    c = classify(raw)
    assert c.kind is CodeKind.GTIN and c.reason is RejectReason.PRODUCT_CODE
    assert c.keys == (raw,)


def test_hp_product_number_is_flagged() -> None:
    c = classify("5FP36UT#ABA")
    assert c.kind is CodeKind.PART_NUMBER and c.reason is RejectReason.PART_NUMBER


def test_lenovo_1s_code_offers_the_serial_tail() -> None:
    c = classify("1S20L5CTO1WWPF5A3H8A")
    assert "PF5A3H8A" in c.keys


def test_invalid_sscc_check_digit_is_not_a_pallet() -> None:
    assert classify("373500123456789013").kind is not CodeKind.SSCC


def test_own_ids_round_trip() -> None:
    uid = format_unit_id("4KD", 4217)
    pid = format_pallet_id("4KD", 7)
    assert parse_own_id(uid).kind == "unit" and parse_own_id(uid).seq == 4217
    assert parse_own_id(pid).kind == "pallet"
    assert classify(uid.lower()).kind is CodeKind.INTERNAL_ID
    assert classify(pid).kind is CodeKind.PALLET_ID
    assert human_unit_id(uid).replace(" ", "") == uid
    # every single-character error and every neighbour swap is caught by the check character
    for i in range(len(uid)):
        for ch in "0123456789ACDEFGHJKLMNPQRTUVWXY":
            if ch != uid[i]:
                assert not safe_valid(uid[:i] + ch + uid[i + 1:])
        if i + 1 < len(uid) and uid[i] != uid[i + 1]:
            assert not safe_valid(uid[:i] + uid[i + 1] + uid[i] + uid[i + 2:])


def test_check_digit_algorithms() -> None:
    assert gs1_valid("7350012345679") and not gs1_valid("7350012345678")
    assert luhn_valid("2120000316") and not luhn_valid("2120000317")
    assert safe_valid("U4KD0004217" + safe_check_char("U4KD0004217"))


@pytest.mark.parametrize(("text", "ok"), [("212000-0316", True), ("2120000316", True), ("16212000-0316", True),
                                          ("212000-0317", False), ("190101-0000", False), ("12345", False),
                                          ("abcdef-ghij", False), ("", False)])
def test_org_numbers(text: str, ok: bool) -> None:
    check = check_org_number(text)
    assert check.ok is ok
    assert (check.normalised == "212000-0316") if ok else check.reason
