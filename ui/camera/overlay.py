"""What the overlay looks like: one colour and one word per role, note and hint (the UI's words)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF

from intake_app.devices.camera import FrameNote, FrameResult, Role
from intake_app.devices.camera.hints import Hint

ROLE_COLOURS = {
    Role.MATCHED: QColor("#1fa34a"),  # green: a unit of this order, as the dock's matched banner
    Role.EXTRA: QColor("#e8a317"),  # amber: a serial this order does not expect
    Role.PALLET: QColor("#2f7fd8"),  # blue: a pallet label
    Role.OWN_LABEL: QColor("#2f7fd8"),
    Role.IGNORED: QColor("#8a8f98"),  # grey: a product code or part number, never scanned
}
ROLE_WORDS = {
    Role.MATCHED: "serial: on this order",
    Role.EXTRA: "serial: not on this order",
    Role.PALLET: "pallet",
    Role.OWN_LABEL: "our label",
    Role.IGNORED: "product code: ignored",
}
HINT_WORDS = {
    Hint.TOO_SMALL: "Code too small: bring the label closer",
    Hint.BLURRED: "Code blurred: hold still at the focus distance",
}
NOTE_WORDS = {FrameNote.AMBIGUOUS: "Several serials: put one in the box"}
AIM_COLOUR = QColor(255, 255, 255, 200)


def paint_overlay(p: QPainter, result: FrameResult, scale: float, origin: QPointF) -> None:
    """Draw the aim box, a box per code in its role's colour, and the note or hint, on the shown image."""
    def at(x: float, y: float) -> QPointF:
        return QPointF(origin.x() + x * scale, origin.y() + y * scale)

    x, y, w, h = result.aim
    p.setPen(QPen(AIM_COLOUR, 2, Qt.PenStyle.DashLine))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(at(x, y), at(x + w, y + h)))
    font = QFont(p.font())
    font.setPixelSize(15)
    font.setBold(True)
    p.setFont(font)
    for r in result.ranked:
        role = result.shown_role(r)
        colour = ROLE_COLOURS[role]
        held = r.text in result.held
        p.setPen(QPen(colour, 2 if held else 4))
        fill = QColor(colour)
        fill.setAlpha(40 if held else 70)
        p.setBrush(fill)
        p.drawPolygon(QPolygonF([at(px, py) for px, py in r.read.position]))
        top = min(r.read.position, key=lambda pt: pt[1])
        words = ROLE_WORDS[role] + (" ✓" if held and role is not Role.IGNORED else "")
        _tag(p, at(top[0], top[1]), f"{r.code.identifier or r.text}  {words}", colour)
    message = NOTE_WORDS.get(result.note) or HINT_WORDS.get(result.diagnosis.hint)
    if message:
        _banner(p, at(x + w / 2, y + h), message)
    region = result.diagnosis.region
    if region is not None:
        rx, ry, rw, rh = region
        p.setPen(QPen(QColor("#d8452f"), 2, Qt.PenStyle.DotLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(at(rx, ry), at(rx + rw, ry + rh)))


def _tag(p: QPainter, anchor: QPointF, text: str, colour: QColor) -> None:
    metrics = p.fontMetrics()
    box = QRectF(anchor.x(), anchor.y() - metrics.height() - 6, metrics.horizontalAdvance(text) + 10,
                 metrics.height() + 4)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawRoundedRect(box, 3, 3)
    p.setPen(QColor("white"))
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _banner(p: QPainter, centre_bottom: QPointF, text: str) -> None:
    metrics = p.fontMetrics()
    w, h = metrics.horizontalAdvance(text) + 24, metrics.height() + 12
    box = QRectF(centre_bottom.x() - w / 2, centre_bottom.y() + 8, w, h)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(20, 20, 20, 210))
    p.drawRoundedRect(box, 6, 6)
    p.setPen(QColor("#ffd35a"))
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
