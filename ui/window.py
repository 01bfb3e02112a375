"""The main window: toolbar, pages, status bar - and where every scan is routed. Kept thin:
each page lives in its own module and is built the first time it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from intake_app.domain.roles import Permission
from intake_app.services.context import Actor
from intake_app.services.dock import Counters
from intake_app.services.orders import OrderSummary
from intake_app.services.scanning import PalletInfo

from .actions import BEFORE_SIGN_IN, NEEDS, NEEDS_ORDER, Action, build_actions
from .context import DockContext
from .feedback import Feedback, Tone
from .icons import icon
from .integrations import PrintJobView, SyncState
from .pages.base import Page
from .pages.orders import OrdersPage
from .pages.print_queue import PrintQueuePage
from .pages.receiving import ReceivingPage
from .pages.scanner_check import ScannerCheckPage
from .pages.signin import SignInPage
from .scanner_filter import ScanEvent
from .tasks import TaskError
from .widgets.status import StatusPanel

STATUS_POLL_MS = 5000
MESSAGE_MS = 8000


def _reconcile_page() -> type[Page]:
    from .pages.reconcile import ReconcilePage  # QtCharts loads with the first reconciliation, not at start

    return ReconcilePage


PAGES: dict[str, Callable[[], type[Page]]] = {
    "signin": lambda: SignInPage, "orders": lambda: OrdersPage, "receiving": lambda: ReceivingPage,
    "reconcile": _reconcile_page, "scanner_check": lambda: ScannerCheckPage, "print_queue": lambda: PrintQueuePage,
}


class MainWindow(QMainWindow):
    page_shown = Signal(str)

    def __init__(self, ctx: DockContext, switch_language: Callable[[str], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self._switch_language = switch_language
        self.setWindowTitle(self.tr("Intake dock · {station}").format(station=ctx.engine.station.name))
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(1024, 640)
        self.actions_ = build_actions(self)
        self.toolbar = self._build_toolbar()
        self.addToolBar(self.toolbar)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.pages: dict[str, Page] = {}
        self.status = StatusPanel(self.statusBar(), ctx.engine.station.name)
        ctx.scanner.scanned.connect(self.route_scan)
        ctx.serial.scanned.connect(self.route_scan)
        ctx.serial.status_changed.connect(self.status.show_serial)
        ctx.runner.failure.connect(self._task_failed)
        ctx.runner.busy_changed.connect(self.status.show_busy)
        self.status.show_serial(ctx.serial.status)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.poll_status)
        self._poll.start(STATUS_POLL_MS)
        self.update_actions()

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setMovable(False)
        for a in (Action.ORDERS, Action.RECEIVE, Action.NEW_PALLET, Action.CLOSE_PALLET, Action.PALLET_LABEL,
                  Action.RECONCILE, Action.IMPORT_MANIFEST):
            bar.addAction(self.actions_[a])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        more = QMenu(self)
        for a in (Action.SCANNER_CHECK, Action.PRINT_QUEUE, Action.SYNC_NOW, Action.SETTINGS, Action.FULL_SCREEN,
                  Action.ABOUT, Action.QUIT):
            more.addAction(self.actions_[a])
            self.addAction(self.actions_[a])  # shortcuts work with the menu closed
        self.more = QToolButton()
        self.more.setText(self.tr("More"))
        self.more.setMenu(more)
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(self.more)
        bar.addAction(self.actions_[Action.SIGN_OUT])
        return bar

    # -- pages ----------------------------------------------------------------------------------------

    def page(self, name: str) -> Page:
        if name not in self.pages:
            page = PAGES[name]()(self.ctx, self)
            self.pages[name] = page
            self.stack.addWidget(page)
        return self.pages[name]

    @property
    def current(self) -> Page | None:
        w = self.stack.currentWidget()
        return w if isinstance(w, Page) else None

    def show_page(self, name: str) -> Page:
        page = self.page(name)
        self.stack.setCurrentWidget(page)
        page.activate()
        self.update_actions()
        self.page_shown.emit(name)
        return page

    def start(self) -> None:
        """First page: sign-in, or the orders if someone is signed in already (language switch)."""
        self.show_page("orders" if self.ctx.session.actor else "signin")
        self.status.show_operator(self.ctx.session.actor)

    def update_actions(self) -> None:
        s = self.ctx.session
        for a, act in self.actions_.items():
            if s.actor is None:
                act.setEnabled(a in BEFORE_SIGN_IN)
                act.setVisible(a in BEFORE_SIGN_IN)
                continue
            needs = NEEDS[a]
            ok = needs is None or s.may(needs)
            act.setEnabled(ok and (a not in NEEDS_ORDER or s.order is not None))
            act.setVisible(ok or a in (Action.ORDERS, Action.RECEIVE))

    # -- navigation (the pages' Navigator) ------------------------------------------------------------

    def signed_in(self, actor: Actor) -> None:
        self.ctx.session.actor = actor
        self.status.show_operator(actor)
        self.message(self.tr("Signed in: {name}").format(name=actor.name))
        self.show_orders()

    def sign_out(self) -> None:
        self.ctx.session.sign_out()
        self.status.show_operator(None)
        self.show_page("signin")

    def open_order(self, order: OrderSummary, page: str = "receiving") -> None:
        self.ctx.session.choose_order(order)
        supervisor = self.ctx.session.may(Permission.SIGN_OFF)
        self.show_page("reconcile" if page == "reconcile" and supervisor else "receiving")

    def show_orders(self) -> None:
        if self.ctx.session.actor is not None:
            self.show_page("orders")

    def show_receiving(self) -> None:
        if self.ctx.session.order is not None:
            self.show_page("receiving")

    def show_reconcile(self) -> None:
        if self.ctx.session.order is not None and self.ctx.session.may(Permission.SIGN_OFF):
            self.show_page("reconcile")

    def show_scanner_check(self) -> None:
        self.show_page("scanner_check")

    def show_print_queue(self) -> None:
        self.show_page("print_queue")

    def message(self, text: str, error: bool = False) -> None:
        bar = self.statusBar()
        bar.setStyleSheet("QStatusBar { background: #c8102e; }" if error else "")
        bar.showMessage(text, MESSAGE_MS)
        if error:
            QTimer.singleShot(MESSAGE_MS, bar, lambda: bar.setStyleSheet(""))

    def signal_feedback(self, fb: Feedback) -> None:
        if fb.sound is not None:
            self.ctx.sounds.play(fb.sound)

    def run_dialog(self, dialog: QDialog) -> int:
        result = dialog.exec()
        self.activateWindow()  # keys (and scans) go back to the main window at once
        return result

    # -- scans -------------------------------------------------------------------------------------------

    def route_scan(self, ev: ScanEvent) -> None:
        """Every scan, from any scanner, lands here: the open dialog or the current page handles it."""
        modal = QApplication.activeModalWidget()
        if modal is not None:
            handler = getattr(modal, "handle_scan", None)
            if callable(handler):
                handler(ev)
            else:
                self.signal_feedback(Feedback(Tone.STOP, ""))
                self.message(self.tr("Close the dialog before scanning ({code} was not recorded).").format(
                    code=ev.code), error=True)
            return
        page = self.current
        if page is None:
            return
        if self.ctx.session.actor is None and page.name not in ("signin", "scanner_check"):
            self.show_page("signin")
            page = self.current
        assert page is not None
        page.handle_scan(ev)

    # -- actions -----------------------------------------------------------------------------------------

    def receiving(self) -> ReceivingPage:
        page = self.show_page("receiving")
        assert isinstance(page, ReceivingPage)
        return page

    def new_pallet(self) -> None:
        s, engine = self.ctx.session, self.ctx.engine
        if s.actor is None or s.order is None:
            return
        page, actor, order_id, cursor = self.receiving(), s.actor, s.order.id, s.cursor

        def open_pallet() -> PalletInfo:
            pallet = engine.scanning.open_pallet(actor, order_id)
            cursor.move_to(pallet)
            return pallet

        self.ctx.runner.write(open_pallet, lambda p: self._pallet_opened(page, p), page.show_error)

    def _pallet_opened(self, page: ReceivingPage, pallet: PalletInfo) -> None:
        page.pallet_changed(pallet)
        page.show_feedback(Feedback(Tone.INFO, self.tr("Pallet {code}").format(code=pallet.code),
                                    self.tr("New pallet opened"), self.tr("Stick its label on, then scan the units."),
                                    "pallet"))
        if self.ctx.setting("receiving.auto_print") and self.ctx.integrations.labels.configured:
            self.print_pallet_label()

    def close_pallet(self) -> None:
        pallet, dock = self.ctx.session.pallet, self.ctx.engine.dock
        if pallet is None:
            self.message(self.tr("No pallet is open: scan a pallet label first."), error=True)
            return
        self.ctx.runner.read(lambda: dock.pallet_counters(pallet.id), lambda c: self._ask_close(pallet, c),
                             self._task_failed)

    def _ask_close(self, pallet: PalletInfo, counters: Counters) -> None:
        from .dialogs.pallet import ClosePalletDialog

        dialog = ClosePalletDialog(pallet.code, counters.received, self)
        actor = self.ctx.session.actor
        if actor is None or not self.run_dialog(dialog):
            return
        weight, engine, cursor, page = dialog.weight_kg(), self.ctx.engine, self.ctx.session.cursor, self.receiving()

        def close() -> PalletInfo:
            info = engine.scanning.close_pallet(actor, pallet.code, weight)
            cursor.move_to(None)
            return info

        def closed(info: PalletInfo) -> None:
            page.pallet_changed(None)
            kg = self.tr(", {kg} kg").format(kg=weight) if weight else ""
            page.show_feedback(Feedback(Tone.INFO, self.tr("Pallet {code} closed{kg}").format(code=info.code, kg=kg),
                                        self.tr("{n} units on it").format(n=counters.received),
                                        self.tr("Scan the next pallet's label."), "pallet"))

        self.ctx.runner.write(close, closed, page.show_error)

    def print_pallet_label(self) -> None:
        pallet, labels = self.ctx.session.pallet, self.ctx.integrations.labels
        if pallet is None:
            self.message(self.tr("No pallet is open."), error=True)
            return
        self.ctx.runner.long(lambda _p: labels.pallet_label(pallet.code),
                             lambda _r: self.message(self.tr("Pallet label {code} sent to the printer").format(
                                 code=pallet.code)), self._task_failed)

    def import_manifest(self, order: OrderSummary | None = None) -> None:
        from .dialogs.import_manifest import ImportDialog

        dialog = ImportDialog(self.ctx, order or self.ctx.session.order, self)
        if self.run_dialog(dialog) and dialog.imported is not None:
            r = dialog.imported
            self.message(self.tr("Imported {units} units into {order}").format(units=r.units, order=r.order))
            if self.current is not None:
                self.current.activate()

    def new_order(self) -> None:
        from .dialogs.new_order import NewOrderDialog

        actor, engine = self.ctx.session.actor, self.ctx.engine
        customers = engine.customers.all()  # a handful of rows: fine on the GUI thread
        dialog = NewOrderDialog(customers, self)
        if actor is None or not self.run_dialog(dialog):
            return
        customer, ref = dialog.values()
        self.ctx.runner.write(lambda: engine.orders.create(actor, customer, None, ref),
                              lambda o: self.import_manifest(o), self._task_failed)

    def open_settings(self) -> None:
        from .dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.ctx.settings, self)
        if self.run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.apply_settings(set(dialog.changed))

    def about_dialog(self) -> QDialog:
        from .dialogs.about import AboutDialog

        engine = self.ctx.engine
        where = engine.database_path or engine.store.engine.url.render_as_string(hide_password=True)
        return AboutDialog(engine.station.name, str(where), self)

    def show_about(self) -> None:
        self.run_dialog(self.about_dialog())

    def apply_settings(self, changed: set[str]) -> None:
        from intake_app.devices.wedge import config_from_settings

        from .sounds import make_sound_player

        if any(k.startswith("scanner.") for k in changed):
            self.ctx.scanner.set_config(config_from_settings(self.ctx.settings.get))
            self.ctx.serial.configure(self.ctx.settings)
        if "receiving.sounds" in changed:
            self.ctx.sounds.close()
            self.ctx.sounds = make_sound_player(bool(self.ctx.setting("receiving.sounds")))
        if changed & {"database.url", "station.name"}:
            self.message(self.tr("Station and database changes take effect at the next start."))
        if "ui.language" in changed:
            self._switch_language(str(self.ctx.setting("ui.language")))
            return
        if self.current is not None:
            self.current.activate()

    def sync_now(self) -> None:
        sync = self.ctx.integrations.sync
        self.ctx.runner.long(lambda _p: sync.sync_now(), self.status.show_sync, self._task_failed)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def poll_status(self) -> None:
        integrations = self.ctx.integrations

        def load() -> tuple[list[PrintJobView], SyncState]:
            queue = integrations.print_queue
            return (queue.jobs() if queue.configured else []), integrations.sync.state()

        def show(r: tuple[list[PrintJobView], SyncState]) -> None:
            self.status.show_printing(integrations.print_queue.configured, r[0])
            self.status.show_sync(r[1])

        self.ctx.runner.read(load, show, lambda _e: None)

    def _task_failed(self, error: TaskError) -> None:
        self.message(error.message, error=True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._poll.stop()
        super().closeEvent(event)


def find_page(window: MainWindow, name: str) -> QWidget | None:
    return window.pages.get(name)
