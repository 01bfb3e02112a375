"""The queries behind the dock screens: recent scans, outstanding, counters, pallets, order search,
and the manifest preview with import progress."""

from __future__ import annotations

import pytest

from intake_app.domain.manifest_rules import Field
from intake_app.errors import InputError, NotFound
from intake_app.manifests.preview import preview_manifest

from .conftest import SERIALS, write_manifest

SSCC = "373500123456789012"


def test_counters_recent_scans_and_outstanding_follow_the_scans(app, people, order, tmp_path):
    anna, boss = people["anna"], people["boss"]
    app.orders.create(boss, "Knivsta", "TB-2026-0002")
    app.manifests.import_file(boss, "TB-2026-0002", write_manifest(tmp_path / "k.csv", [["KNIV1234567", "", "", "", ""]]))
    start = app.dock.counters(order)
    assert (start.expected, start.matched, start.received, start.extras) == (8, 0, 0, 0)
    assert len(app.dock.outstanding(order)) == 8
    p = app.scanning.record(anna, order, "00" + SSCC, source="wedge").pallet
    for code in (SERIALS[0], SERIALS[1], SERIALS[0], "KNIV1234567", "NEWSERIAL1", "7350012345679"):
        app.scanning.record(anna, order, code, pallet=p.code, source="wedge")
    c = app.dock.counters(order)
    assert (c.expected, c.matched, c.received, c.extras, c.duplicates, c.wrong_order) == (8, 2, 3, 1, 1, 1)
    pc = app.dock.pallet_counters(SSCC)
    assert (pc.expected, pc.matched, pc.received, pc.extras, pc.duplicates, pc.wrong_order) == (0, 2, 3, 1, 1, 1)
    outstanding = app.dock.outstanding(order)
    assert [o.serial for o in outstanding] == SERIALS[2:]
    recent = app.dock.recent_scans(order)
    assert [r.outcome for r in recent] == ["rejected", "unexpected", "wrong_order", "duplicate", "matched", "matched",
                                           "pallet"]
    dup, wrong, extra = recent[3], recent[2], recent[1]
    assert dup.seen_internal_id == recent[5].internal_id and dup.pallet == SSCC
    assert wrong.other_order == "TB-2026-0002" and extra.internal_id and extra.expected_serial is None
    assert recent[5].expected_serial == SERIALS[0] and recent[0].reason == "product_code"
    assert len(app.dock.recent_scans(order, limit=2)) == 2
    assert len(app.dock.recent_scans(order, pallet=SSCC)) == 7

    app.corrections.void(anna, dup.scan_id, "scanned twice")
    app.corrections.void(anna, app.dock.scan_of_unit(extra.internal_id), "not ours")
    after = app.dock.counters(order)
    assert (after.received, after.extras, after.duplicates) == (2, 0, 0)
    assert next(r for r in app.dock.recent_scans(order) if r.scan_id == dup.scan_id).voided


def test_pallets_with_units_and_weight(app, people, order):
    anna = people["anna"]
    first = app.scanning.open_pallet(anna, order)
    app.scanning.record(anna, order, SERIALS[0], pallet=first.code, source="wedge")
    second = app.scanning.open_pallet(anna, order)
    app.scanning.close_pallet(anna, first.code, 212.5)
    lines = app.dock.pallets(order)
    assert [(p.code, p.closed, p.units, p.weight_kg) for p in lines] == [(first.code, True, 1, 212.5),
                                                                        (second.code, False, 0, None)]


def test_search_orders(app, people, order, tmp_path):
    boss = people["boss"]
    app.orders.create(boss, "Knivsta", "TB-2026-0002", "KNI-2026-014")
    assert [o.number for o in app.dock.search_orders()] == ["TB-2026-0002", "TB-2026-0001"]
    assert [o.number for o in app.dock.search_orders("heby")] == ["TB-2026-0001"]
    assert [o.number for o in app.dock.search_orders("  kni-2026 ")] == ["TB-2026-0002"]
    assert [o.number for o in app.dock.search_orders("0001")] == ["TB-2026-0001"]
    assert app.dock.search_orders("no such thing") == []
    app.reconciler.sign_off(boss, "TB-2026-0002", "empty order")
    assert [o.number for o in app.dock.search_orders()] == ["TB-2026-0001"]
    assert [o.number for o in app.dock.search_orders(include_signed_off=True)] == ["TB-2026-0002", "TB-2026-0001"]
    hit = app.dock.search_orders("heby")[0]
    assert (hit.matched, hit.expected, hit.customer) == (0, 8, "Heby")


def test_unknown_names_are_not_found(app, people, order):
    with pytest.raises(NotFound):
        app.dock.counters("TB-1999-0001")
    with pytest.raises(NotFound):
        app.dock.pallet_counters("P-NOPE")
    with pytest.raises(NotFound):
        app.dock.scan_of_unit("U000")
    with pytest.raises(NotFound):
        app.dock.recent_scans(order, pallet="NOPE")


def test_preview_and_import_progress(app, people, order, tmp_path):
    rows = [[f"SER{i:07d}", "", "Dell", "Latitude", "Bärbar dator"] for i in range(12_000)]
    path = write_manifest(tmp_path / "big.csv", rows, ["Serienr", "Inv", "Fabrikat", "Modell", "Typ"])
    p = preview_manifest(path, limit=5)
    assert [c.label for c in p.columns][:2] == ["A: Serienr", "B: Inv"]
    assert p.mapping[Field.SERIAL] == 0 and p.rows[0] == (2, ("SER0000000", "", "Dell", "Latitude", "Bärbar dator"))
    assert len(p.rows) == 5 and p.header_line == 1
    # remap: the "Inv" column carries the asset tag
    tokens = p.mapping_tokens({**p.mapping, Field.ASSET_TAG: 1})
    assert tokens["asset_tag"] == "Inv" and tokens["serial"] == "Serienr"
    app.orders.create(people["boss"], "Heby", "TB-2026-0009")
    seen: list[int] = []
    report = app.manifests.import_file(people["boss"], "TB-2026-0009", path, mapping=tokens, dry_run=True,
                                       progress=seen.append)
    assert report.imported == 0 and report.units == 12_000 and seen[-1] == 12_000 and len(seen) >= 3
    assert app.orders.summary("TB-2026-0009").expected == 0  # a dry run writes nothing


def test_preview_refuses_garbage(tmp_path):
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\x00\x01\x02 not a manifest\n")
    with pytest.raises(InputError):
        preview_manifest(junk)
    with pytest.raises(InputError):
        preview_manifest(tmp_path / "missing.csv")
