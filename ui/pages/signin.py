"""Sign in: scan a badge, or choose a name and type the PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.roles import Role
from intake_app.services.context import Actor
from intake_app.services.operators import OperatorInfo

from ..context import DockContext
from ..icons import pixmap
from ..scanner_filter import ScanEvent
from ..tasks import TaskError
from .base import Navigator, Page, hint_label, title_label


def role_name(role: Role) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {Role.OPERATOR: QCoreApplication.translate("Roles", "operator"),
             Role.SUPERVISOR: QCoreApplication.translate("Roles", "supervisor"),
             Role.ADMIN: QCoreApplication.translate("Roles", "admin")}
    return names[role]


class SignInPage(Page):
    name = "signin"

    def __init__(self, ctx: DockContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(ctx, nav, parent)
        self.operators: list[OperatorInfo] = []
        badge = QFrame()
        badge.setProperty("role", "panel")
        b = QVBoxLayout(badge)
        icon = QLabel()
        icon.setPixmap(pixmap("app", 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        b.addStretch(1)
        b.addWidget(icon)
        scan = QLabel(self.tr("Scan your badge"))
        scan.setProperty("role", "big")
        scan.setAlignment(Qt.AlignmentFlag.AlignCenter)
        b.addWidget(scan)
        anywhere = hint_label(self.tr("The scanner works wherever the cursor is."))
        anywhere.setAlignment(Qt.AlignmentFlag.AlignCenter)
        b.addWidget(anywhere)
        b.addStretch(1)

        pin_box = QFrame()
        pin_box.setProperty("role", "panel")
        form = QFormLayout(pin_box)
        form.setContentsMargins(24, 24, 24, 24)
        form.setVerticalSpacing(14)
        form.addRow(title_label(self.tr("Or with your PIN")))
        self.who = QComboBox()
        self.who.setMinimumWidth(280)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.returnPressed.connect(self.sign_in)
        self.button = QPushButton(self.tr("Sign in"))
        self.button.setProperty("role", "primary")
        self.button.clicked.connect(self.sign_in)
        form.addRow(self.tr("Name"), self.who)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow("", self.button)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        form.addRow(self.error)

        row = QHBoxLayout()
        row.addWidget(badge, 1)
        row.addWidget(pin_box, 1)
        station = hint_label(self.tr("Station {name}").format(name=ctx.engine.station.name))
        page = QVBoxLayout(self)
        page.setContentsMargins(40, 30, 40, 30)
        page.addWidget(title_label(self.tr("Sign in")))
        page.addWidget(station)
        page.addSpacing(12)
        page.addLayout(row, 1)

    def activate(self) -> None:
        self.pin.clear()
        self.ctx.runner.read(self.ctx.engine.operators.all, self._show_operators, self.failed)

    def _show_operators(self, operators: list[OperatorInfo]) -> None:
        current = self.who.currentText()
        self.operators = [o for o in operators if o.active]
        self.who.clear()
        for o in self.operators:
            self.who.addItem(f"{o.name} ({role_name(o.role)})", o.name)
        if current:
            self.who.setCurrentIndex(max(0, self.who.findText(current)))
        self.pin.setFocus()

    def sign_in(self) -> None:
        name, pin = self.who.currentData(), self.pin.text()
        if not name:
            return
        self.button.setEnabled(False)
        ops = self.ctx.engine.operators
        self.ctx.runner.read(lambda: ops.sign_in(name, pin or None), self._signed_in, self._refused)

    def handle_scan(self, ev: ScanEvent) -> None:
        code = ev.code
        self.ctx.runner.read(lambda: self.ctx.engine.operators.sign_in_badge(code), self._signed_in, self._refused)

    def _signed_in(self, actor: Actor) -> None:
        self.button.setEnabled(True)
        self.error.clear()
        self.pin.clear()
        self.nav.signed_in(actor)

    def _refused(self, error: TaskError) -> None:
        self.button.setEnabled(True)
        self.pin.clear()
        if error.kind in ("authentication_failed", "not_found"):
            self.error.setText(self.tr("Not signed in: wrong PIN or unknown badge."))
        else:
            self.error.setText(error.message)
