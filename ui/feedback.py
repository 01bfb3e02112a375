"""Scan outcomes as the dock sees and hears them: the ONE place outcome + parameters become
translated words, a colour, an icon and a sound.

The engine decides (``ScanResult``: an outcome and its structured detail); this module words
it. ``intake_app/domain/messages.py`` holds the command line's English sentences for the same
outcomes: keep both in step when adding an outcome (README, "How to add a scan outcome").
Every result tells the operator what to do next, so nobody has to interpret a code.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from intake_app.domain.codes import RejectReason
from intake_app.domain.nearmatch import Edit, EditKind
from intake_app.domain.outcomes import Outcome
from intake_app.services.scanning import ScanResult

from .tasks import TaskError

translate = QCoreApplication.translate


class Tone(enum.Enum):
    IDLE = "idle"
    GOOD = "good"
    WARN = "warn"
    STOP = "stop"
    INFO = "info"


class Sound(enum.StrEnum):
    MATCHED = "matched"
    WARNING = "warning"
    STOP = "stop"


# Background and text colours: at least 4.5:1 contrast, and told apart by people with red-green
# colour blindness through the icon and the words as well (never by colour alone).
COLOURS: dict[Tone, tuple[str, str]] = {
    Tone.IDLE: ("#263238", "#ffffff"),
    Tone.GOOD: ("#0a7d32", "#ffffff"),
    Tone.WARN: ("#ffb300", "#111111"),
    Tone.STOP: ("#c8102e", "#ffffff"),
    Tone.INFO: ("#0b4f9c", "#ffffff"),
}
ICONS: dict[Tone, str] = {Tone.IDLE: "info", Tone.GOOD: "matched", Tone.WARN: "warning", Tone.STOP: "stop",
                          Tone.INFO: "info"}
SOUNDS: dict[Tone, Sound | None] = {Tone.IDLE: None, Tone.GOOD: Sound.MATCHED, Tone.WARN: Sound.WARNING,
                                    Tone.STOP: Sound.STOP, Tone.INFO: Sound.MATCHED}
OUTCOME_TONES: dict[Outcome, Tone] = {
    Outcome.MATCHED: Tone.GOOD, Outcome.DUPLICATE: Tone.WARN, Outcome.WRONG_ORDER: Tone.STOP,
    Outcome.UNEXPECTED: Tone.WARN, Outcome.NEAR_MATCH: Tone.WARN, Outcome.REJECTED: Tone.STOP,
    Outcome.PALLET: Tone.INFO, Outcome.KNOWN_UNIT: Tone.INFO,
}


@dataclass(frozen=True)
class Feedback:
    tone: Tone
    headline: str
    detail: str = ""
    next_step: str = ""
    icon_name: str = ""  # resources/icons/<name>.svg (pallet outcomes get their own)

    @property
    def icon(self) -> str:
        return self.icon_name or ICONS[self.tone]

    @property
    def sound(self) -> Sound | None:
        return SOUNDS[self.tone]

    @property
    def colours(self) -> tuple[str, str]:
        return COLOURS[self.tone]


def idle() -> Feedback:
    return Feedback(Tone.IDLE, translate("Feedback", "Ready"),
                    translate("Feedback", "Scan the pallet label, then the units on it."))


def outcome_label(outcome: str) -> str:
    """A short word for lists (recent scans)."""
    labels = {
        Outcome.MATCHED: translate("Feedback", "Matched"),
        Outcome.DUPLICATE: translate("Feedback", "Duplicate"),
        Outcome.WRONG_ORDER: translate("Feedback", "Wrong order"),
        Outcome.UNEXPECTED: translate("Feedback", "Extra"),
        Outcome.NEAR_MATCH: translate("Feedback", "Near match"),
        Outcome.REJECTED: translate("Feedback", "Rejected"),
        Outcome.PALLET: translate("Feedback", "Pallet"),
        Outcome.KNOWN_UNIT: translate("Feedback", "Our label"),
    }
    try:
        return labels[Outcome(outcome)]
    except ValueError:
        return outcome


def outcome_tone(outcome: str) -> Tone:
    try:
        return OUTCOME_TONES[Outcome(outcome)]
    except ValueError:
        return Tone.IDLE


def local_time(dt: datetime) -> str:
    """A UTC time from the engine as the dock's clock shows it."""
    return dt.astimezone().strftime("%Y-%m-%d %H:%M")


def feedback_for(result: ScanResult, blind: bool = False) -> Feedback:
    """The banner for a recorded scan. ``blind``: never show what the list expects."""
    d = result.decision
    o = d.outcome
    if o is Outcome.MATCHED:
        e = d.expected
        what = " ".join(p for p in (e.manufacturer, e.model) if p) if e else ""
        return Feedback(Tone.GOOD, translate("Feedback", "Matched"),
                        f"{d.code.identifier} · {what}" if what else d.code.identifier,
                        translate("Feedback", "Label {label}").format(label=_label(result)))
    if o is Outcome.UNEXPECTED:
        return Feedback(Tone.WARN, translate("Feedback", "Extra: not on any list"),
                        translate("Feedback", "{code} received as an extra, label {label}").format(
                            code=d.code.identifier, label=_label(result)),
                        translate("Feedback", "Keep it on the pallet: the supervisor checks the extras."))
    if o is Outcome.DUPLICATE:
        return _duplicate(result)
    if o is Outcome.WRONG_ORDER and d.other_order is not None:
        other = d.other_order
        closed = translate("Feedback", " (signed off)") if other.signed_off else ""
        return Feedback(Tone.STOP, translate("Feedback", "Wrong order"),
                        translate("Feedback", "{code} is on the list of {order}{closed}").format(
                            code=d.code.identifier, order=other.number, closed=closed),
                        translate("Feedback", "Put it aside: belongs to {order} {customer}").format(
                            order=other.number, customer=other.customer))
    if o is Outcome.NEAR_MATCH and blind:
        return Feedback(Tone.WARN, translate("Feedback", "Check the serial number"),
                        translate("Feedback", "{code} is close to a unit on the list, but not the same").format(
                            code=d.code.identifier),
                        translate("Feedback", "Type the serial from the sticker by hand, or receive it as an extra."))
    if o is Outcome.NEAR_MATCH and d.expected is not None and d.near is not None:
        target = d.expected.serial or d.expected.asset_tag or ""
        return Feedback(Tone.WARN, translate("Feedback", "Check the serial number"),
                        translate("Feedback", "Did you mean {expected}? {edit}").format(
                            expected=target, edit=edit_text(d.near)),
                        translate("Feedback", "Compare with the sticker, then confirm or reject."))
    if o is Outcome.PALLET:
        return _pallet(result)
    if o is Outcome.KNOWN_UNIT and d.unit is not None:
        u = d.unit
        return Feedback(Tone.INFO, translate("Feedback", "Our label {label}").format(label=u.internal_id),
                        translate("Feedback", "Received on {order} {when} at {station}").format(
                            order=u.order.number, when=local_time(u.received_at), station=u.station))
    if o is Outcome.REJECTED:
        return _rejected(result)
    return Feedback(Tone.WARN, outcome_label(o.value), d.code.identifier)


def _label(result: ScanResult) -> str:
    return result.unit.internal_id if result.unit else "?"


def _duplicate(result: ScanResult) -> Feedback:
    d = result.decision
    u = d.unit
    if u is None:
        return Feedback(Tone.WARN, translate("Feedback", "Already received"), d.code.identifier,
                        translate("Feedback", "Put it aside for the supervisor."))
    where = translate("Feedback", " on {order}").format(order=u.order.number) if d.other_order else ""
    return Feedback(Tone.WARN, translate("Feedback", "Already received"),
                    translate("Feedback", "Received{where} {when} at {station} by {operator}, label {label}").format(
                        where=where, when=local_time(u.received_at), station=u.station, operator=u.operator,
                        label=u.internal_id),
                    translate("Feedback", "Put it aside for the supervisor."))


def _pallet(result: ScanResult) -> Feedback:
    p = result.pallet
    code = p.code if p else result.decision.code.identifier
    if p is not None and p.opened:
        state = translate("Feedback", "New pallet opened")
    elif p is not None and p.reopened:
        state = translate("Feedback", "Closed pallet reopened")
    else:
        state = translate("Feedback", "Now receiving onto this pallet")
    return Feedback(Tone.INFO, translate("Feedback", "Pallet {code}").format(code=code), state,
                    translate("Feedback", "Scan the units on it."), "pallet")


def _rejected(result: ScanResult) -> Feedback:
    d = result.decision
    reason = d.reason or RejectReason.GARBAGE
    if reason is RejectReason.PALLET_OF_OTHER_ORDER and d.other_order is not None:
        return Feedback(Tone.STOP, translate("Feedback", "Pallet of another order"),
                        translate("Feedback", "This pallet belongs to {order} {customer}").format(
                            order=d.other_order.number, customer=d.other_order.customer),
                        translate("Feedback", "Open that order to receive onto this pallet."))
    headline, next_step = reject_text(reason)
    return Feedback(Tone.STOP, headline, d.code.identifier or d.code.raw[:60], next_step)


def reject_text(reason: RejectReason) -> tuple[str, str]:
    """What the read was, and what to do instead."""
    texts = {
        RejectReason.EMPTY: (translate("Feedback", "Empty read"), translate("Feedback", "Scan again.")),
        RejectReason.GARBAGE: (translate("Feedback", "Not a readable code"),
                               translate("Feedback", "Scan again, or type the serial number by hand.")),
        RejectReason.TOO_LONG: (translate("Feedback", "Too long for a serial number"),
                                translate("Feedback", "Scan the serial number barcode, not another label.")),
        RejectReason.TOO_SHORT: (translate("Feedback", "Too short for a serial number"),
                                 translate("Feedback", "Scan again.")),
        RejectReason.PRODUCT_CODE: (translate("Feedback", "Product code (EAN/GTIN), not a serial number"),
                                    translate("Feedback", "Scan the serial number barcode.")),
        RejectReason.PART_NUMBER: (translate("Feedback", "Part number, not a serial number"),
                                   translate("Feedback", "Scan the serial number barcode.")),
        RejectReason.UNKNOWN_LABEL: (translate("Feedback", "Our label, but unknown at this station"),
                                     translate("Feedback", "Sync this station, then scan again.")),
        RejectReason.PALLET_OF_OTHER_ORDER: (translate("Feedback", "Pallet of another order"),
                                             translate("Feedback", "Open that order to receive onto it.")),
        RejectReason.GS1_WITHOUT_SERIAL: (translate("Feedback", "GS1 code without a serial number"),
                                          translate("Feedback", "Scan the serial number barcode.")),
    }
    return texts[reason]


def edit_text(edit: Edit) -> str:
    """Where the scanned code differs from the expected one (positions count from 1)."""
    pos = edit.position + 1
    if edit.kind in (EditKind.CONFUSABLE, EditKind.SUBSTITUTION):
        return translate("Feedback", "'{scanned}' where the list has '{expected}' (position {pos})").format(
            scanned=edit.scanned, expected=edit.expected, pos=pos)
    if edit.kind is EditKind.INSERTION:
        return translate("Feedback", "an extra '{scanned}' at position {pos}").format(scanned=edit.scanned, pos=pos)
    if edit.kind is EditKind.DELETION:
        return translate("Feedback", "'{expected}' missing at position {pos}").format(expected=edit.expected,
                                                                                        pos=pos)
    return translate("Feedback", "'{scanned}' swapped at position {pos}").format(scanned=edit.scanned, pos=pos)


def feedback_for_error(error: TaskError) -> Feedback:
    """A scan or action the engine refused: nothing was recorded; say so and what to do."""
    next_steps = {
        "permission_denied": translate("Feedback", "Ask a supervisor."),
        "authentication_failed": translate("Feedback", "Check the name and PIN."),
        "bug": translate("Feedback", "Tell the supervisor; the scan was not recorded."),
    }
    return Feedback(Tone.STOP, translate("Feedback", "Not recorded"), error.message,
                    next_steps.get(error.kind, translate("Feedback", "Fix this, then scan again.")))


def confirmed(internal_id: str | None, accepted: bool) -> Feedback:
    """After the operator answered a near match."""
    if accepted:
        return Feedback(Tone.GOOD, translate("Feedback", "Matched"),
                        translate("Feedback", "Confirmed by the operator"),
                        translate("Feedback", "Label {label}").format(label=internal_id or "?"))
    return Feedback(Tone.WARN, translate("Feedback", "Extra: not on any list"),
                    translate("Feedback", "Received as an extra, label {label}").format(label=internal_id or "?"),
                    translate("Feedback", "Keep it on the pallet: the supervisor checks the extras."))
