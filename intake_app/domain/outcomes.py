"""The outcome of a scan: the heart of intake (DESIGN.md, "Scan outcomes").

:func:`decide` is pure. It asks a :class:`Lookup` (implemented over the database by the
scanning service, and over plain lists in tests) only for what the next rule needs, so a
matched scan costs one indexed lookup and a near-match search runs only when nothing else
fits. The result is a frozen :class:`Decision`: an :class:`Outcome` plus the structured detail
(which order, which unit, which confusable pair); words and colours are the caller's job.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from .codes import ClassifiedCode, CodeKind, RejectReason, match_key
from .nearmatch import Edit, rank, variants


class Outcome(enum.StrEnum):
    MATCHED = "matched"
    DUPLICATE = "duplicate"
    WRONG_ORDER = "wrong_order"
    UNEXPECTED = "unexpected"
    NEAR_MATCH = "near_match"
    REJECTED = "rejected"
    PALLET = "pallet"
    KNOWN_UNIT = "known_unit"


# Which outcomes put a unit on the order (and print a label).
RECEIVING_OUTCOMES = frozenset({Outcome.MATCHED, Outcome.UNEXPECTED})


@dataclass(frozen=True)
class OrderRef:
    id: uuid.UUID
    number: str
    customer: str
    signed_off: bool = False


@dataclass(frozen=True)
class ExpectedRef:
    id: uuid.UUID
    order: OrderRef
    serial: str | None
    asset_tag: str | None
    manufacturer: str | None
    model: str | None
    category: str


@dataclass(frozen=True)
class UnitRef:
    id: uuid.UUID
    internal_id: str
    order: OrderRef
    expected_id: uuid.UUID | None
    received_at: datetime
    station: str
    operator: str
    pallet: str | None


@dataclass(frozen=True)
class PalletRef:
    id: uuid.UUID
    code: str
    order: OrderRef
    closed: bool


@dataclass(frozen=True)
class ExpectedHit:
    """An expected unit whose serial or asset tag equals one of the code's keys."""

    expected: ExpectedRef
    received: UnitRef | None  # the active unit already received for it, if any
    by_tag_only: bool = False  # matched on the customer's asset tag, not on the serial


class Lookup(Protocol):
    """What :func:`decide` may ask. Every method is one indexed query in the real store."""

    def pallet(self, code: str) -> PalletRef | None: ...
    def unit_by_internal_id(self, internal_id: str) -> UnitRef | None: ...
    def station_code_known(self, code: str) -> bool: ...
    def expected(self, keys: tuple[str, ...]) -> list[ExpectedHit]: ...
    def units_by_key(self, keys: tuple[str, ...]) -> list[UnitRef]: ...
    def outstanding_by_keys(self, order_id: uuid.UUID, keys: list[str]) -> list[tuple[str, ExpectedRef]]: ...


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    code: ClassifiedCode
    reason: RejectReason | None = None
    expected: ExpectedRef | None = None  # matched / near-match candidate / wrong-order unit
    unit: UnitRef | None = None  # the existing unit (duplicate, known unit)
    other_order: OrderRef | None = None  # wrong order, pallet of another order
    pallet: PalletRef | None = None  # pallet outcome: the existing pallet (None: open a new one)
    near: Edit | None = None
    matched_key: str | None = None

    @property
    def creates_unit(self) -> bool:
        return self.outcome in RECEIVING_OUTCOMES


def decide(code: ClassifiedCode, order: OrderRef, lookup: Lookup) -> Decision:
    """Decide the outcome of ``code`` scanned while receiving ``order``."""
    if code.kind is CodeKind.INVALID:
        return Decision(Outcome.REJECTED, code, code.reason)
    if code.kind is CodeKind.INTERNAL_ID:
        unit = lookup.unit_by_internal_id(code.identifier)
        if unit is not None:
            return Decision(Outcome.KNOWN_UNIT, code, unit=unit)
        if lookup.station_code_known(code.detail.get("station_code", "")):
            return Decision(Outcome.REJECTED, code, RejectReason.UNKNOWN_LABEL)
        # not one of ours after all: a serial that happens to look like our ids
    if code.kind in (CodeKind.SSCC, CodeKind.PALLET_ID):
        hits = lookup.expected(code.keys) if code.kind is CodeKind.SSCC and code.keys else []
        if not hits:
            return _pallet(code, order, lookup)
        return _unit_decision(code, order, lookup, hits)
    return _unit_decision(code, order, lookup, lookup.expected(code.keys) if code.keys else [])


def _pallet(code: ClassifiedCode, order: OrderRef, lookup: Lookup) -> Decision:
    pallet = lookup.pallet(code.identifier)
    if pallet is not None and pallet.order.id != order.id:
        return Decision(Outcome.REJECTED, code, RejectReason.PALLET_OF_OTHER_ORDER, pallet=pallet,
                        other_order=pallet.order)
    return Decision(Outcome.PALLET, code, pallet=pallet)


def _unit_decision(code: ClassifiedCode, order: OrderRef, lookup: Lookup, hits: list[ExpectedHit]) -> Decision:
    # Asset tags are unique per customer only: another customer's tag with the same number says nothing.
    hits = [h for h in hits if not h.by_tag_only or h.expected.order.customer == order.customer]
    here = [h for h in hits if h.expected.order.id == order.id]
    if here:
        outstanding = [h for h in here if h.received is None]
        if outstanding:
            return Decision(Outcome.MATCHED, code, expected=outstanding[0].expected,
                            matched_key=_key_of(code, outstanding[0].expected))
        first = here[0]
        return Decision(Outcome.DUPLICATE, code, expected=first.expected, unit=first.received)
    if hits:
        received = [h for h in hits if h.received is not None]
        if received:
            h = received[0]
            return Decision(Outcome.DUPLICATE, code, expected=h.expected, unit=h.received,
                            other_order=h.expected.order)
        open_first = sorted(hits, key=lambda h: h.expected.order.signed_off)
        h = open_first[0]
        return Decision(Outcome.WRONG_ORDER, code, expected=h.expected, other_order=h.expected.order)
    if code.reason is not None:  # product code or part number that no manifest carries
        return Decision(Outcome.REJECTED, code, code.reason)
    if not code.keys:
        return Decision(Outcome.REJECTED, code, RejectReason.GARBAGE)
    units = lookup.units_by_key(code.keys)
    if units:
        return Decision(Outcome.DUPLICATE, code, unit=units[0],
                        other_order=units[0].order if units[0].order.id != order.id else None)
    near = _near_match(code, order, lookup)
    if near is not None:
        return near
    return Decision(Outcome.UNEXPECTED, code)


def _near_match(code: ClassifiedCode, order: OrderRef, lookup: Lookup) -> Decision | None:
    neighbours = variants(code.keys[0])
    if not neighbours:
        return None
    found = lookup.outstanding_by_keys(order.id, list(neighbours))
    if not found:
        return None
    by_key = dict(found)
    key = rank([(k, neighbours[k]) for k in by_key])[0][0]
    expected = by_key[key]
    return Decision(Outcome.NEAR_MATCH, code, expected=expected, near=neighbours[key], matched_key=key)


def _key_of(code: ClassifiedCode, expected: ExpectedRef) -> str | None:
    own = {match_key(expected.serial or ""), match_key(expected.asset_tag or "")}
    return next((k for k in code.keys if k in own), None)
