"""What every page shares: the context, a way to navigate, and how a scan reaches it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from intake_app.events import Changes
from intake_app.services.context import Actor
from intake_app.services.orders import OrderSummary

from ..context import DockContext
from ..feedback import Feedback
from ..scanner_filter import ScanEvent
from ..tasks import TaskError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog


class Navigator(Protocol):
    """What pages may ask of the main window."""

    def signed_in(self, actor: Actor) -> None: ...
    def open_order(self, order: OrderSummary, page: str = "receiving") -> None: ...
    def show_orders(self) -> None: ...
    def show_receiving(self) -> None: ...
    def show_reconcile(self) -> None: ...
    def import_manifest(self, order: OrderSummary | None = None) -> None: ...
    def new_order(self) -> None: ...
    def message(self, text: str, error: bool = False) -> None: ...
    def signal_feedback(self, fb: Feedback) -> None: ...
    def run_dialog(self, dialog: QDialog) -> int: ...


class Page(QWidget):
    """A screen of the main window. Built when first shown; refreshed on :meth:`activate`."""

    name = "page"

    def __init__(self, ctx: DockContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.nav = nav
        ctx.bridge.changed.connect(self._changes)

    def activate(self) -> None:
        """The page is shown: fetch what it displays."""

    def handle_scan(self, ev: ScanEvent) -> None:
        self.nav.message(self.tr("Scans are not used on this page."), error=True)

    def on_changes(self, changes: Changes) -> None:
        """The engine committed something; refresh if it concerns this page."""

    def _changes(self, changes: Changes) -> None:
        if self.isVisible():
            self.on_changes(changes)

    def failed(self, error: TaskError) -> None:
        self.nav.message(error.message, error=True)


def title_label(text: str, parent: QObject | None = None) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "title")
    return label


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label
