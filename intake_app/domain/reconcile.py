"""Reconciliation arithmetic: expected against received for one order.

Pure: the reconciliation service loads plain rows and this module counts. Every number on a
receipt, a payment or a CO2 report comes from here, so the rules are spelled out:

* an expected unit is *matched* when at least one active (not voided) unit points to it;
  with two active units (the same serial received at two stations while offline) the earliest
  is the match and the others are *duplicates*;
* an active unit pointing to no expected unit is an *extra*, unless an earlier active unit has
  the same serial key, in which case it is a duplicate;
* *missing* are the expected units nobody received;
* *duplicate* and *wrong-order* scans that were not voided are listed as the operator saw them;
* count lines (N mice without serials) compare the counted quantity by line.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

# Ids are opaque text here: the rules only compare them. The rows an order is loaded into are
# named tuples: immutable like the rest, and an 18,000-unit order builds them in a few ms (frozen
# dataclasses took five times as long).


class ExpectedRow(NamedTuple):
    id: str
    line_no: int | None
    serial: str | None
    asset_tag: str | None
    manufacturer: str | None
    model: str | None
    category: str  # canonical key


class UnitRow(NamedTuple):
    id: str
    internal_id: str
    serial: str
    serial_key: str
    expected_id: str | None
    pallet: str | None
    category: str
    received_at: datetime
    station: str
    operator: str


class ScanRow(NamedTuple):
    id: str
    code: str
    outcome: str
    scanned_at: datetime
    station: str
    operator: str
    pallet: str | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class CountLineRow:
    id: str
    category: str
    description: str
    quantity: int


@dataclass(frozen=True)
class CountRow:
    count_line_id: str | None
    category: str
    quantity: int
    pallet: str | None


@dataclass(frozen=True)
class PalletRow:
    code: str
    closed: bool
    weight_kg: float | None


@dataclass
class Tally:
    expected: int = 0
    received: int = 0
    matched: int = 0
    missing: int = 0
    extras: int = 0
    duplicates: int = 0
    wrong_order: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class Reconciliation:
    totals: Tally
    matched: list[tuple[ExpectedRow, UnitRow]]
    missing: list[ExpectedRow]
    extras: list[UnitRow]
    duplicate_units: list[tuple[UnitRow, UnitRow]]  # (the later unit, the unit it duplicates)
    duplicate_scans: list[ScanRow]
    wrong_order_scans: list[ScanRow]
    by_category: dict[str, Tally]
    by_pallet: dict[str, Tally]
    count_lines: list[dict[str, Any]] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        """Nothing missing, no extras, no duplicates, no wrong-order hits, counts complete."""
        t = self.totals
        counts_ok = all(c["missing"] == 0 and c["extras"] == 0 for c in self.count_lines)
        return not (t.missing or t.extras or t.duplicates or t.wrong_order) and counts_ok


NO_PALLET = "-"


def reconcile(
    expected: list[ExpectedRow],
    units: list[UnitRow],
    scans: list[ScanRow],
    count_lines: list[CountLineRow] | None = None,
    counts: list[CountRow] | None = None,
    pallets: list[PalletRow] | None = None,
) -> Reconciliation:
    """Count ``units`` (active units of the order) against ``expected``."""
    by_cat: dict[str, Tally] = defaultdict(Tally)
    by_pal: dict[str, Tally] = defaultdict(Tally)
    for p in pallets or []:
        by_pal[p.code]  # every pallet is listed, even an empty one
    for e in expected:
        by_cat[e.category].expected += 1

    first_for_expected: dict[str, UnitRow] = {}
    first_for_key: dict[str, UnitRow] = {}
    matched: list[tuple[ExpectedRow, UnitRow]] = []
    extras: list[UnitRow] = []
    dup_units: list[tuple[UnitRow, UnitRow]] = []
    expected_by_id = {e.id: e for e in expected}
    for u in sorted(units, key=lambda u: (u.received_at, u.id)):
        cat, pal = by_cat[u.category], by_pal[u.pallet or NO_PALLET]
        cat.received += 1
        pal.received += 1
        earlier = first_for_expected.get(u.expected_id) if u.expected_id else None
        earlier = earlier or first_for_key.get(u.serial_key)
        if earlier is not None:
            dup_units.append((u, earlier))
            cat.duplicates += 1
            pal.duplicates += 1
            continue
        first_for_key[u.serial_key] = u
        if u.expected_id is not None and u.expected_id in expected_by_id:
            first_for_expected[u.expected_id] = u
            matched.append((expected_by_id[u.expected_id], u))
            cat.matched += 1
            pal.matched += 1
        else:
            extras.append(u)
            cat.extras += 1
            pal.extras += 1

    missing = [e for e in expected if e.id not in first_for_expected]
    for e in missing:
        by_cat[e.category].missing += 1
    dup_scans = [s for s in scans if s.outcome == "duplicate"]
    wrong = [s for s in scans if s.outcome == "wrong_order"]
    for s in dup_scans:
        by_pal[s.pallet or NO_PALLET].duplicates += 1
    for s in wrong:
        by_pal[s.pallet or NO_PALLET].wrong_order += 1
    lines = _count_lines(count_lines or [], counts or [])
    totals = Tally(
        expected=len(expected), received=len(units), matched=len(matched), missing=len(missing),
        extras=len(extras), duplicates=len(dup_units) + len(dup_scans), wrong_order=len(wrong),
    )
    return Reconciliation(totals, matched, missing, extras, dup_units, dup_scans, wrong,
                          dict(by_cat), dict(by_pal), lines)


def _count_lines(lines: list[CountLineRow], counts: list[CountRow]) -> list[dict[str, Any]]:
    """Counted quantities per count line; counts without a line go to a line of their category."""
    got: dict[str, int] = defaultdict(int)
    for c in counts:
        got[c.count_line_id if c.count_line_id is not None else c.category] += c.quantity
    out = []
    seen_categories = set()
    for line in lines:
        received = got.pop(line.id, 0)
        if line.category not in seen_categories:  # loose counts of a category land on its first line
            received += got.pop(line.category, 0)
            seen_categories.add(line.category)
        out.append(_count_dict(line.id, line.category, line.description, line.quantity, received))
    for cat, received in got.items():
        out.append(_count_dict(None, str(cat), "", 0, received))
    return out


def _count_dict(line_id: str | None, category: str, description: str, expected: int, received: int
                ) -> dict[str, Any]:
    return {
        "line_id": line_id, "category": category, "description": description, "expected": expected,
        "received": received, "missing": max(0, expected - received), "extras": max(0, received - expected),
    }


def received_after_sign_off(units: list[UnitRow], origin: dict[str, tuple[str, int]],
                            seen: dict[str, int] | None, signed_at: datetime) -> list[UnitRow]:
    """The units a sign-off did not count: they reached the signing database after it.

    ``origin`` gives each unit's station (as text) and that station's sequence number; ``seen`` is
    what the sign-off recorded: the highest sequence of every station it knew. A station numbers
    its units in order and syncs them in order, so a unit above its station's mark was not there,
    even if it was scanned (offline) before the sign-off. Sign-offs without a record fall back
    to time: units received after the sign-off.
    """
    def late(u: UnitRow) -> bool:
        if seen is None:
            return u.received_at > signed_at
        station, seq = origin[u.id]
        return seq > seen.get(station, 0)

    return sorted((u for u in units if late(u)), key=lambda u: (u.received_at, u.internal_id))
