"""Void, confirm a near match, manual match, move: facts, permissions and derived state."""

from __future__ import annotations

import pytest

from intake_app.domain.outcomes import Outcome
from intake_app.errors import Conflict, InputError, NotFound, PermissionDenied
from intake_app.services.state import derive_unit_state

from .conftest import SERIALS


def rec(app, order):
    return app.reconciler.reconcile(order)[0]


def test_void_takes_a_unit_off_the_order(app, people, order):
    anna = people["anna"]
    m = app.scanning.record(anna, order, SERIALS[0])
    assert rec(app, order)["totals"]["matched"] == 1
    with pytest.raises(InputError, match="reason"):
        app.corrections.void(anna, str(m.scan_id), "  ")
    v = app.corrections.void(anna, str(m.scan_id), "scanned the wrong box")
    assert v.unit_internal_id == m.unit.internal_id
    assert rec(app, order)["totals"]["matched"] == 0
    with pytest.raises(Conflict):
        app.corrections.void(anna, str(m.scan_id), "again")
    # the unit can be received again after a void
    assert app.scanning.record(anna, order, SERIALS[0]).outcome is Outcome.MATCHED


def test_void_of_a_duplicate_removes_the_duplicate_hit(app, people, order):
    anna = people["anna"]
    app.scanning.record(anna, order, SERIALS[0])
    dup = app.scanning.record(anna, order, SERIALS[0])
    assert rec(app, order)["totals"]["duplicates"] == 1
    app.corrections.void(anna, dup.scan_id, "double scan")
    assert rec(app, order)["totals"]["duplicates"] == 0


def test_confirm_near_match_accept_and_reject(app, people, order):
    anna = people["anna"]
    near = app.scanning.record(anna, order, "5JRXL7W")  # SJRXL7W
    assert near.outcome is Outcome.NEAR_MATCH
    ok = app.corrections.confirm(anna, near.scan_id, accept=True)
    assert ok.expected_id == near.decision.expected.id
    r = rec(app, order)
    assert r["totals"]["matched"] == 1 and r["totals"]["extras"] == 0
    with pytest.raises(Conflict):
        app.corrections.confirm(anna, near.scan_id, accept=True)
    # the true serial scanned later is a duplicate of the confirmed unit
    assert app.scanning.record(anna, order, "SJRXL7W").outcome is Outcome.DUPLICATE
    other = app.scanning.record(anna, order, "LK3L8MO")  # LK3L8MQ: Q/O
    assert other.outcome is Outcome.NEAR_MATCH
    no = app.corrections.confirm(anna, other.scan_id, accept=False, reason="different unit")
    assert no.expected_id is None
    assert rec(app, order)["totals"]["extras"] == 1
    with pytest.raises(InputError):
        app.corrections.confirm(anna, app.scanning.record(anna, order, SERIALS[0]).scan_id, accept=True)


def test_manual_match_is_for_supervisors(app, people, order):
    near = app.scanning.record(people["anna"], order, "4TJB676")  # 4TJB67G with G read as 6
    assert near.outcome is Outcome.NEAR_MATCH
    extra_unit = app.corrections.confirm(people["anna"], near.scan_id, accept=False).unit_internal_id
    with pytest.raises(PermissionDenied):
        app.corrections.manual_match(people["anna"], extra_unit, SERIALS[0], "label damaged")
    with pytest.raises(InputError):
        app.corrections.manual_match(people["boss"], extra_unit, SERIALS[0], "")
    with pytest.raises(NotFound):
        app.corrections.manual_match(people["boss"], extra_unit, "NOSUCHSERIAL", "x")
    r = app.corrections.manual_match(people["boss"], extra_unit, SERIALS[0], "label damaged, matched by model")
    assert r.unit_internal_id == extra_unit
    report = rec(app, order)
    assert report["totals"]["matched"] == 1 and report["totals"]["extras"] == 0
    with pytest.raises(Conflict):
        app.corrections.manual_match(people["boss"], extra_unit, SERIALS[1], "again")
    assert app.scanning.record(people["anna"], order, SERIALS[0]).outcome is Outcome.DUPLICATE


def test_move_between_pallets(app, people, order):
    anna, boss = people["anna"], people["boss"]
    p1 = app.scanning.open_pallet(anna, order).code
    p2 = app.scanning.open_pallet(anna, order).code
    u = app.scanning.record(anna, order, SERIALS[0], pallet=p1).unit.internal_id
    with pytest.raises(PermissionDenied):
        app.corrections.move(anna, u, p2, None)
    app.corrections.move(boss, u, p2, "restacked")
    report = rec(app, order)
    assert report["by_pallet"][p2]["received"] == 1 and report["by_pallet"][p1]["received"] == 0
    with pytest.raises(Conflict):
        app.corrections.move(boss, u, p2, None)
    with pytest.raises(NotFound):
        app.corrections.move(boss, "UXXX00000000", p2, None)


def test_corrections_refused_on_signed_off_order(app, people, order):
    m = app.scanning.record(people["anna"], order, SERIALS[0])
    app.reconciler.sign_off(people["boss"], order, "partial")
    with pytest.raises(Conflict):
        app.corrections.void(people["anna"], m.scan_id, "oops")


def test_garbage_ids(app, people, order):
    for bad in ("", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "'; DROP TABLE scans; --"):
        with pytest.raises(NotFound):
            app.corrections.void(people["anna"], bad, "x")


def test_state_rebuilt_from_facts_equals_incremental_state(app, people, order):
    anna, boss = people["anna"], people["boss"]
    p1 = app.scanning.open_pallet(anna, order).code
    p2 = app.scanning.open_pallet(anna, order).code
    scans = [app.scanning.record(anna, order, s, pallet=p1) for s in SERIALS[:5]]
    app.corrections.void(anna, scans[1].scan_id, "wrong")
    extra = app.scanning.record(anna, order, "TOTALLYNEW9", pallet=p1)
    app.corrections.manual_match(boss, extra.unit.internal_id, SERIALS[6], "sticker")
    app.corrections.move(boss, scans[2].unit.internal_id, p2, None)
    near = app.scanning.record(anna, order, "MJ7OCWU1")
    app.corrections.confirm(anna, near.scan_id, accept=True)
    with app.store.read() as conn:
        from sqlalchemy import select

        from intake_app.store import tables as t

        stored = sorted((dict(r._mapping) for r in conn.execute(select(t.unit_state))), key=lambda r: str(r["unit_id"]))
        derived = sorted(derive_unit_state(conn), key=lambda r: str(r["unit_id"]))
    assert stored == derived and len(stored) == 7
