"""Reconciliation: the arithmetic (pure) and the report (service), incl. two stations' duplicates."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta

from intake_app.domain.reconcile import CountLineRow, CountRow, ExpectedRow, UnitRow, reconcile
from intake_app.services.reconciliation import content_hash, report_csv

from .conftest import SERIALS

T = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)


def e(serial: str, cat: str = "laptop") -> ExpectedRow:
    return ExpectedRow(uuid.uuid4(), 1, serial, None, "Dell", "x", cat)


def u(serial: str, expected: ExpectedRow | None, minutes: int, station: str = "dock-1", pallet: str = "P1") -> UnitRow:
    return UnitRow(uuid.uuid4(), f"U{minutes}", serial, serial, expected.id if expected else None, pallet,
                   expected.category if expected else "other", T + timedelta(minutes=minutes), station, "Anna")


def test_matched_missing_extras_by_category_and_pallet() -> None:
    a, b, c = e("A1111"), e("B2222", "monitor"), e("C3333")
    rec = reconcile([a, b, c], [u("A1111", a, 1), u("X9999", None, 2, pallet="P2")], [])
    assert (rec.totals.matched, rec.totals.missing, rec.totals.extras) == (1, 2, 1)
    assert rec.by_category["laptop"].missing == 1 and rec.by_category["monitor"].missing == 1
    assert rec.by_category["other"].extras == 1
    assert rec.by_pallet["P2"].extras == 1 and rec.by_pallet["P1"].matched == 1
    assert not rec.balanced


def test_same_unit_received_at_two_stations_is_one_match_and_one_duplicate() -> None:
    a = e("A1111")
    first, second = u("A1111", a, 5, "dock-2"), u("A1111", a, 9, "dock-1")
    rec = reconcile([a], [second, first], [])
    assert rec.totals.matched == 1 and rec.totals.duplicates == 1 and rec.totals.missing == 0
    assert rec.matched[0][1] is first  # the earliest receipt is the match, whatever the order of rows
    assert rec.duplicate_units == [(second, first)]


def test_same_extra_at_two_stations_is_a_duplicate_too() -> None:
    rec = reconcile([], [u("X9999", None, 1, "dock-1"), u("X9999", None, 2, "dock-2")], [])
    assert rec.totals.extras == 1 and rec.totals.duplicates == 1


def test_count_lines() -> None:
    line = CountLineRow(uuid.uuid4(), "peripheral", "Mus M185", 24)
    rec = reconcile([], [], [], [line], [CountRow(line.id, "peripheral", 20, None),
                                         CountRow(None, "peripheral", 6, None), CountRow(None, "cable", 3, None)])
    by = {c["description"] or c["category"]: c for c in rec.count_lines}
    assert by["Mus M185"]["received"] == 26 and by["Mus M185"]["extras"] == 2
    assert by["cable"]["expected"] == 0 and by["cable"]["extras"] == 3


def test_report_from_the_service(app, people, order):
    anna = people["anna"]
    p = app.scanning.open_pallet(anna, order).code
    for s in SERIALS[:6]:
        app.scanning.record(anna, order, s, pallet=p)
    app.scanning.record(anna, order, SERIALS[0], pallet=p)  # duplicate scan
    app.scanning.record(anna, order, "EXTRA12345", pallet=p)
    app.counts.count(anna, order, 24, category="Mus")
    report, rec = app.reconciler.reconcile(order)
    for key in ("order", "expected", "received", "matched", "missing", "extras", "duplicates", "by_category",
                "by_pallet"):
        assert key in report
    assert len(report["expected"]) == 8 and len(report["received"]) == 7
    assert len(report["matched"]) == 6 and len(report["missing"]) == 2 and len(report["extras"]) == 1
    assert report["duplicates"][0]["kind"] == "scan"
    assert report["by_category"]["laptop"] == {"expected": 6, "received": 6, "matched": 6, "missing": 0,
                                               "extras": 0, "duplicates": 0, "wrong_order": 0}
    assert report["by_pallet"][p]["received"] == 7
    assert report["count_lines"][0]["received"] == 24 and report["count_lines"][0]["missing"] == 0
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert [r["status"] for r in rows].count("missing") == 2 and len(rows) == 6 + 2 + 1 + 1
    assert len(content_hash(report)) == 64


def test_sign_off_freezes_the_counts_and_hash(app, people, order):
    anna, boss = people["anna"], people["boss"]
    for s in SERIALS:
        app.scanning.record(anna, order, s)
    app.counts.count(anna, order, 24, line="2")
    report, rec = app.reconciler.reconcile(order)
    assert rec.balanced, report["totals"]
    done = app.reconciler.sign_off(boss, order)  # balanced: no reason needed
    assert done["content_sha256"] == content_hash(report)
    after, _ = app.reconciler.reconcile(order)
    assert after["status"] == "signed_off" and after["signed_off"]["by"] == "Sven Ekström"
