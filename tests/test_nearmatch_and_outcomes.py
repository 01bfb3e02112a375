"""The pure decision: every outcome from a fake lookup, and the near-match search."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from intake_app.domain.codes import RejectReason, classify, match_key
from intake_app.domain.ids import format_unit_id
from intake_app.domain.nearmatch import EditKind, variants
from intake_app.domain.outcomes import (
    ExpectedHit,
    ExpectedRef,
    OrderRef,
    Outcome,
    PalletRef,
    UnitRef,
    decide,
)

HERE = OrderRef(uuid.uuid4(), "TB-2026-0001", "Heby")
THERE = OrderRef(uuid.uuid4(), "TB-2026-0002", "Knivsta")


def exp(serial: str, order: OrderRef = HERE, tag: str | None = None) -> ExpectedRef:
    return ExpectedRef(uuid.uuid4(), order, serial, tag, "Dell", "Latitude 5420", "laptop")


def unit(order: OrderRef = HERE, expected: ExpectedRef | None = None) -> UnitRef:
    return UnitRef(uuid.uuid4(), format_unit_id("4KD", 17), order, expected.id if expected else None,
                   datetime(2026, 3, 9, 8, 0, tzinfo=UTC), "dock-1", "Anna", None)


class FakeLookup:
    def __init__(self, expected: list[ExpectedRef] = (), received: dict[uuid.UUID, UnitRef] | None = None,
                 units: list[tuple[str, UnitRef]] = (), pallets: dict[str, PalletRef] | None = None,
                 stations: set[str] = frozenset({"4KD"})) -> None:
        self.exp, self.received = list(expected), received or {}
        self.units, self.pallets, self.stations = list(units), pallets or {}, stations
        self.calls: list[str] = []

    def pallet(self, code):
        return self.pallets.get(code)

    def unit_by_internal_id(self, internal_id):
        return next((u for _, u in self.units if u.internal_id == internal_id), None)

    def station_code_known(self, code):
        return code in self.stations

    def expected(self, keys):
        self.calls.append("expected")
        return [ExpectedHit(e, self.received.get(e.id)) for e in self.exp
                if match_key(e.serial or "") in keys or match_key(e.asset_tag or "") in keys]

    def units_by_key(self, keys):
        return [u for k, u in self.units if k in keys]

    def outstanding_by_keys(self, order_id, keys):
        self.calls.append("near")
        return [(match_key(e.serial), e) for e in self.exp if e.order.id == order_id and e.id not in self.received
                and match_key(e.serial) in keys]


def test_matched_by_serial_and_by_asset_tag() -> None:
    e = exp("5CG1234XYZ", tag="HEB-004211")
    assert decide(classify("5cg1234xyz"), HERE, FakeLookup([e])).outcome is Outcome.MATCHED
    d = decide(classify("HEB-004211"), HERE, FakeLookup([e]))
    assert d.outcome is Outcome.MATCHED and d.expected == e and d.creates_unit


def test_duplicate_says_when_where_who() -> None:
    e = exp("5CG1234XYZ")
    first = unit(expected=e)
    d = decide(classify("5CG1234XYZ"), HERE, FakeLookup([e], {e.id: first}))
    assert d.outcome is Outcome.DUPLICATE and d.unit == first and not d.creates_unit


def test_wrong_order_names_the_order() -> None:
    d = decide(classify("PF2ABC3D"), HERE, FakeLookup([exp("PF2ABC3D", THERE)]))
    assert d.outcome is Outcome.WRONG_ORDER and d.other_order == THERE


def test_received_on_its_own_order_is_a_duplicate_not_wrong_order() -> None:
    e = exp("PF2ABC3D", THERE)
    d = decide(classify("PF2ABC3D"), HERE, FakeLookup([e], {e.id: unit(THERE, e)}))
    assert d.outcome is Outcome.DUPLICATE and d.other_order == THERE


def test_unexpected_is_received_as_extra() -> None:
    d = decide(classify("NEWSERIAL99"), HERE, FakeLookup([exp("5CG1234XYZ")]))
    assert d.outcome is Outcome.UNEXPECTED and d.creates_unit


def test_extra_scanned_twice_is_duplicate() -> None:
    first = unit()
    d = decide(classify("NEWSERIAL99"), HERE, FakeLookup([], units=[("NEWSERIAL99", first)]))
    assert d.outcome is Outcome.DUPLICATE and d.unit == first


def test_near_match_on_confusable() -> None:
    e = exp("5CG1234XYZ")
    d = decide(classify("SCG1234XYZ"), HERE, FakeLookup([e]))
    assert d.outcome is Outcome.NEAR_MATCH and d.expected == e
    assert d.near.kind is EditKind.CONFUSABLE and (d.near.scanned, d.near.expected) == ("S", "5")
    assert not d.creates_unit


def test_near_match_only_against_outstanding_units_of_this_order() -> None:
    e = exp("5CG1234XYZ")
    other = exp("PF2ABC3D", THERE)
    received = {e.id: unit(expected=e)}
    assert decide(classify("SCG1234XYZ"), HERE, FakeLookup([e], received)).outcome is Outcome.UNEXPECTED
    assert decide(classify("PF2A8C3D"), HERE, FakeLookup([other])).outcome is Outcome.UNEXPECTED


def test_matched_scan_never_searches_near_matches() -> None:
    lookup = FakeLookup([exp("5CG1234XYZ")])
    decide(classify("5CG1234XYZ"), HERE, lookup)
    assert lookup.calls == ["expected"]


def test_rejections() -> None:
    lookup = FakeLookup([exp("5CG1234XYZ")])
    assert decide(classify("7350012345679"), HERE, lookup).reason is RejectReason.PRODUCT_CODE
    assert decide(classify(""), HERE, lookup).reason is RejectReason.EMPTY
    assert decide(classify("P/N 5FP36UT"), HERE, lookup).reason is RejectReason.PART_NUMBER


def test_numeric_serial_that_passes_a_gtin_check_is_matched_when_expected() -> None:
    e = exp("7350012345679")
    assert decide(classify("7350012345679"), HERE, FakeLookup([e])).outcome is Outcome.MATCHED


def test_pallets() -> None:
    sscc = "373500123456789012"
    assert decide(classify("00" + sscc), HERE, FakeLookup()).outcome is Outcome.PALLET
    mine = PalletRef(uuid.uuid4(), sscc, HERE, closed=True)
    d = decide(classify(sscc), HERE, FakeLookup(pallets={sscc: mine}))
    assert d.outcome is Outcome.PALLET and d.pallet == mine
    theirs = PalletRef(uuid.uuid4(), sscc, THERE, closed=False)
    d = decide(classify(sscc), HERE, FakeLookup(pallets={sscc: theirs}))
    assert d.outcome is Outcome.REJECTED and d.reason is RejectReason.PALLET_OF_OTHER_ORDER


def test_known_unit_and_unknown_label() -> None:
    u = unit()
    assert decide(classify(format_unit_id("4KD", 17)), HERE, FakeLookup(units=[("X", u)])).outcome is Outcome.KNOWN_UNIT
    missing = format_unit_id("4KD", 99)
    assert decide(classify(missing), HERE, FakeLookup()).reason is RejectReason.UNKNOWN_LABEL
    # our format, but no station of ours has that code: a serial that looks like our ids
    foreign = format_unit_id("7QX", 99)
    assert decide(classify(foreign), HERE, FakeLookup(stations=set())).outcome is Outcome.UNEXPECTED


def test_variants_cover_every_single_edit() -> None:
    v = variants("5CG1234XYZ")
    assert v["SCG1234XYZ"].kind is EditKind.CONFUSABLE
    assert v["5CG124XYZ"].kind is EditKind.INSERTION  # the scan has a character too many
    assert v["5CG12345XYZ"].kind is EditKind.DELETION  # the scan lacks one
    assert v["C5G1234XYZ"].kind is EditKind.TRANSPOSITION
    assert v["5CG1234XYA"].kind is EditKind.SUBSTITUTION
    assert "5CG1234XYZ" not in v
    assert variants("AB12") == {}  # too short for a meaningful near match
