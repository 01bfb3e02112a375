"""Plain-English sentences for scan outcomes, for the command line and logs.

The GUI does not use these: it turns the same outcome and parameters into translated words
(``ui/feedback.py``). Keep both in step when adding an outcome.
"""

from __future__ import annotations

from .codes import RejectReason
from .nearmatch import Edit, EditKind
from .outcomes import Decision, Outcome

REJECT_TEXT: dict[RejectReason, str] = {
    RejectReason.EMPTY: "empty read: scan again",
    RejectReason.GARBAGE: "not a readable code: scan again or type the serial",
    RejectReason.TOO_LONG: "too long for a serial number: scan the serial barcode, not another label",
    RejectReason.TOO_SHORT: "too short for a serial number: scan again",
    RejectReason.PRODUCT_CODE: "a product code (EAN/GTIN), not a serial: scan the serial number barcode",
    RejectReason.PART_NUMBER: "a part/product number, not a serial: scan the serial number barcode",
    RejectReason.UNKNOWN_LABEL: "one of our labels, but not in this station's database: sync, then scan again",
    RejectReason.PALLET_OF_OTHER_ORDER: "this pallet belongs to another order",
    RejectReason.GS1_WITHOUT_SERIAL: "a GS1 code without serial number or SSCC",
}


def describe_edit(edit: Edit) -> str:
    if edit.kind in (EditKind.CONFUSABLE, EditKind.SUBSTITUTION):
        return f"'{edit.scanned}' where the list has '{edit.expected}' (position {edit.position + 1})"
    if edit.kind is EditKind.INSERTION:
        return f"an extra '{edit.scanned}' at position {edit.position + 1}"
    if edit.kind is EditKind.DELETION:
        return f"'{edit.expected}' missing at position {edit.position + 1}"
    return f"'{edit.scanned}' swapped at position {edit.position + 1}"


def describe(decision: Decision, unit_id: str | None = None, pallet: str | None = None) -> str:
    d = decision
    if d.outcome is Outcome.MATCHED:
        return f"matched {d.code.identifier}: label {unit_id}"
    if d.outcome is Outcome.UNEXPECTED:
        return f"not on any list: received {d.code.identifier} as an extra, label {unit_id}"
    if d.outcome is Outcome.DUPLICATE and d.unit is not None:
        u = d.unit
        where = f" on {u.order.number}" if d.other_order else ""
        return (f"already received{where} {u.received_at:%Y-%m-%d %H:%M} UTC at {u.station} by {u.operator} "
                f"(label {u.internal_id})")
    if d.outcome is Outcome.DUPLICATE:
        return "already received"
    if d.outcome is Outcome.WRONG_ORDER and d.other_order is not None:
        o = d.other_order
        closed = " (signed off)" if o.signed_off else ""
        return f"put aside: belongs to {o.number}{closed} {o.customer}"
    if d.outcome is Outcome.NEAR_MATCH and d.expected is not None and d.near is not None:
        target = d.expected.serial or d.expected.asset_tag
        return f"did you mean {target}? {describe_edit(d.near)}: confirm or reject"
    if d.outcome is Outcome.PALLET:
        return f"pallet {pallet}" + (" reopened" if d.pallet is not None and d.pallet.closed else "")
    if d.outcome is Outcome.KNOWN_UNIT and d.unit is not None:
        u = d.unit
        return f"our label {u.internal_id}: received on {u.order.number} {u.received_at:%Y-%m-%d} at {u.station}"
    if d.outcome is Outcome.REJECTED and d.reason is RejectReason.PALLET_OF_OTHER_ORDER and d.other_order:
        return f"this pallet belongs to {d.other_order.number} {d.other_order.customer}"
    if d.outcome is Outcome.REJECTED and d.reason is not None:
        return REJECT_TEXT[d.reason]
    return d.outcome.value
