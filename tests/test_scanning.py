"""Recording scans through the service: every outcome, pallets, ids, state, refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from intake_app.app import IntakeApp
from intake_app.domain.codes import RejectReason
from intake_app.domain.ids import format_unit_id, parse_own_id
from intake_app.domain.outcomes import Outcome
from intake_app.errors import Conflict, InputError, NotFound, PermissionDenied
from intake_app.services.context import Actor
from intake_app.store import tables as t

from .conftest import SERIALS, write_manifest

SSCC = "373500123456789012"


def scan(app: IntakeApp, actor: Actor, code: str, order: str = "TB-2026-0001", pallet: str | None = None):
    return app.scanning.record(actor, order, code, pallet=pallet, source="wedge")


def count(app: IntakeApp, table) -> int:
    with app.store.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_every_outcome(app, people, order, tmp_path):
    anna = people["anna"]
    app.orders.create(people["boss"], "Knivsta", "TB-2026-0002")
    app.manifests.import_file(people["boss"], "TB-2026-0002",
                              write_manifest(tmp_path / "k.csv", [["KNIV1234567", "KNI-1", "HP", "", ""]]))
    p = scan(app, anna, "00" + SSCC)
    assert p.outcome is Outcome.PALLET and p.pallet.opened and p.pallet.code == SSCC
    m = scan(app, anna, SERIALS[0], pallet=SSCC)
    assert m.outcome is Outcome.MATCHED and m.unit.pallet == SSCC and parse_own_id(m.unit.internal_id)
    assert m.unit.internal_id == format_unit_id(app.station.code, 1)
    assert m.as_dict()["unit"]["internal_id"] == m.unit.internal_id
    tag = scan(app, anna, "HEB-001001", pallet=SSCC)
    assert tag.outcome is Outcome.MATCHED and tag.decision.expected.serial == SERIALS[1]
    d = scan(app, anna, SERIALS[0].lower(), pallet=SSCC)
    assert d.outcome is Outcome.DUPLICATE
    first = d.as_dict()["first_receipt"]
    assert (first["internal_id"], first["station"], first["operator"]) == (m.unit.internal_id, "dock-1",
                                                                             "Anna Lindqvist")
    w = scan(app, anna, "KNIV1234567", pallet=SSCC)
    assert w.outcome is Outcome.WRONG_ORDER and "TB-2026-0002" in w.message and w.unit is None
    u = scan(app, anna, "NEWSERIAL1", pallet=SSCC)
    assert u.outcome is Outcome.UNEXPECTED and u.unit is not None and u.unit.expected_id is None
    n = scan(app, anna, SERIALS[2].replace("S", "5", 1), pallet=SSCC)  # SJRXL7W -> 5JRXL7W
    assert n.outcome is Outcome.NEAR_MATCH and n.unit is None
    assert n.as_dict()["near"] == {"edit": "confusable", "position": 1, "scanned": "5", "expected": "S"}
    r = scan(app, anna, "7350012345679", pallet=SSCC)
    assert r.outcome is Outcome.REJECTED and r.decision.reason is RejectReason.PRODUCT_CODE
    k = scan(app, anna, m.unit.internal_id)
    assert k.outcome is Outcome.KNOWN_UNIT and k.as_dict()["unit"]["internal_id"] == m.unit.internal_id
    missing_label = scan(app, anna, format_unit_id(app.station.code, 999))
    assert missing_label.decision.reason is RejectReason.UNKNOWN_LABEL
    # every read is a scan row, whatever it was; units only for matched and unexpected
    assert count(app, t.scans) == 10
    assert count(app, t.units) == 3
    for res in (p, m, tag, d, w, u, n, r, k):
        js = res.as_dict()
        assert {"scan_id", "code", "identifier", "kind", "outcome", "message"} <= set(js)
        assert js["message"]


def test_pallet_switching_and_closing(app, people, order):
    anna = people["anna"]
    own = app.scanning.open_pallet(anna, order)
    assert parse_own_id(own.code).kind == "pallet"
    m = scan(app, anna, SERIALS[0], pallet=own.code)
    assert m.unit.pallet == own.code
    app.scanning.close_pallet(anna, own.code, 212.5)
    with pytest.raises(Conflict, match="closed"):
        scan(app, anna, SERIALS[1], pallet=own.code)
    assert count(app, t.units) == 1
    reopened = scan(app, anna, own.code, pallet=own.code)  # scanning the closed pallet's label reopens it
    assert reopened.outcome is Outcome.PALLET and reopened.pallet.reopened
    assert scan(app, anna, SERIALS[1], pallet=own.code).outcome is Outcome.MATCHED
    for weight in (0.0, -5, 99_999, float("nan")):
        with pytest.raises(InputError):
            app.scanning.close_pallet(anna, own.code, weight)
    app.scanning.close_pallet(anna, own.code, 180)
    with pytest.raises(Conflict, match="already closed"):
        app.scanning.close_pallet(anna, own.code, 180)
    with pytest.raises(NotFound):
        app.scanning.close_pallet(anna, "PNOSUCH1")


def test_pallet_of_another_order_is_refused(app, people, order):
    app.orders.create(people["boss"], "Knivsta", "TB-2026-0002")
    scan(app, people["anna"], SSCC, order="TB-2026-0002")
    r = scan(app, people["anna"], SSCC)
    assert r.outcome is Outcome.REJECTED and r.decision.reason is RejectReason.PALLET_OF_OTHER_ORDER
    with pytest.raises(Conflict):
        scan(app, people["anna"], SERIALS[0], pallet=SSCC)


def test_internal_ids_are_unique_across_stations(make_app, tmp_path):
    a, b = make_app("dock-a"), make_app("dock-b")
    assert a.station.code != b.station.code
    assert format_unit_id(a.station.code, 1) != format_unit_id(b.station.code, 1)


def test_signed_off_order_refuses_scans_until_reopened(app, people, order):
    scan(app, people["anna"], SERIALS[0])
    with pytest.raises(InputError, match="reason"):
        app.reconciler.sign_off(people["boss"], order)  # does not balance, no reason
    with pytest.raises(PermissionDenied):
        app.reconciler.sign_off(people["anna"], order, "done")
    app.reconciler.sign_off(people["boss"], order, "the rest comes next week")
    before = count(app, t.scans)
    with pytest.raises(Conflict, match="signed off"):
        scan(app, people["anna"], SERIALS[1])
    assert count(app, t.scans) == before
    with pytest.raises(InputError):
        app.reconciler.reopen(people["boss"], order, "")
    with pytest.raises(PermissionDenied):
        app.reconciler.reopen(people["anna"], order, "more pallets")
    app.reconciler.reopen(people["boss"], order, "two more pallets arrived")
    assert scan(app, people["anna"], SERIALS[1]).outcome is Outcome.MATCHED


def test_unknown_order_and_bad_source(app, people, order):
    with pytest.raises(NotFound):
        scan(app, people["anna"], SERIALS[0], order="TB-1999-0001")
    with pytest.raises(InputError):
        app.scanning.record(people["anna"], order, SERIALS[0], source="telepathy")


def test_garbage_reads_are_rejected_and_change_nothing_but_the_log(app, people, order):
    for raw in ["", "\x00\x01\x02", "%%%%", "AB", "12", "A" * 600, "\ufffd\ufffd", "]C1xx", "\x1b[A\x1b[B"]:
        r = scan(app, people["anna"], raw)
        assert r.outcome is Outcome.REJECTED, raw
    assert count(app, t.units) == 0
    report, _ = app.reconciler.reconcile(order)
    assert report["totals"]["received"] == 0


def test_same_serial_on_two_orders_prefers_the_current(app, people, order, tmp_path):
    """Two customers' manifests may both name a serial; scanning on each order matches its own."""
    app.orders.create(people["boss"], "Knivsta", "TB-2026-0002")
    r = app.manifests.import_file(people["boss"], "TB-2026-0002",
                                  write_manifest(tmp_path / "k.csv", [[SERIALS[0], "", "", "", ""]]))
    assert r.imported == 0  # refused: already expected on an open order
    assert scan(app, people["anna"], SERIALS[0], order="TB-2026-0002").outcome is Outcome.WRONG_ORDER
