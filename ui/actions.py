"""Every toolbar/menu command: an :class:`Action` and one small factory each (Picard's pattern).

A factory sets the translated text, the shortcut (function keys: a scanner never types them),
the tip and the slot on the window; :data:`NEEDS` says which permission enables it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from intake_app.domain.roles import Permission

if TYPE_CHECKING:
    from .window import MainWindow


class Action(enum.Enum):
    ORDERS = "orders"
    RECEIVE = "receive"
    NEW_PALLET = "new_pallet"
    CLOSE_PALLET = "close_pallet"
    PALLET_LABEL = "pallet_label"
    RECONCILE = "reconcile"
    IMPORT_MANIFEST = "import_manifest"
    SCANNER_CHECK = "scanner_check"
    PRINT_QUEUE = "print_queue"
    SYNC_NOW = "sync_now"
    SETTINGS = "settings"
    FULL_SCREEN = "full_screen"
    ABOUT = "about"
    SIGN_OUT = "sign_out"
    QUIT = "quit"


# What the signed-in operator must be allowed to do for the action to be enabled (None: anyone signed in).
NEEDS: dict[Action, Permission | None] = {
    Action.ORDERS: Permission.SCAN, Action.RECEIVE: Permission.SCAN,
    Action.NEW_PALLET: Permission.OPEN_CLOSE_PALLET, Action.CLOSE_PALLET: Permission.OPEN_CLOSE_PALLET,
    Action.PALLET_LABEL: Permission.SCAN, Action.RECONCILE: Permission.SIGN_OFF,
    Action.IMPORT_MANIFEST: Permission.IMPORT_MANIFEST, Action.SCANNER_CHECK: None,
    Action.PRINT_QUEUE: None, Action.SYNC_NOW: None, Action.SETTINGS: Permission.CONFIGURE_STATION,
    Action.FULL_SCREEN: None, Action.ABOUT: None, Action.SIGN_OUT: None, Action.QUIT: None,
}
# Actions that need an order chosen as well.
NEEDS_ORDER = {Action.RECEIVE, Action.NEW_PALLET, Action.CLOSE_PALLET, Action.PALLET_LABEL, Action.RECONCILE}
# Actions usable before anyone signs in.
BEFORE_SIGN_IN = {Action.SCANNER_CHECK, Action.FULL_SCREEN, Action.ABOUT, Action.QUIT}

translate = QCoreApplication.translate
Factory = Callable[["MainWindow"], QAction]
FACTORIES: dict[Action, Factory] = {}


def factory(which: Action) -> Callable[[Factory], Factory]:
    def register(fn: Factory) -> Factory:
        FACTORIES[which] = fn
        return fn
    return register


def _make(win: MainWindow, text: str, tip: str, slot: Callable[[], None], key: str | None = None) -> QAction:
    act = QAction(text, win)
    act.setToolTip(f"{tip} ({key})" if key else tip)
    if key:
        act.setShortcut(QKeySequence(key))
    act.triggered.connect(lambda _checked=False: slot())
    return act


@factory(Action.ORDERS)
def _orders(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Orders"), translate("Actions", "Choose the order to receive"), win.show_orders, "F2")


@factory(Action.RECEIVE)
def _receive(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Receiving"), translate("Actions", "Scan units of the current order"), win.show_receiving, "F3")


@factory(Action.NEW_PALLET)
def _new_pallet(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "New pallet"), translate("Actions", "Open a new pallet with our own pallet id"), win.new_pallet,
                 "F6")


@factory(Action.CLOSE_PALLET)
def _close_pallet(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Close pallet"), translate("Actions", "Close the current pallet with its weight"),
                 win.close_pallet, "F7")


@factory(Action.PALLET_LABEL)
def _pallet_label(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Pallet label"), translate("Actions", "Print the current pallet's label again"),
                 win.print_pallet_label, "F8")


@factory(Action.RECONCILE)
def _reconcile(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Reconcile"), translate("Actions", "Expected against received; sign off"), win.show_reconcile, "F9")


@factory(Action.IMPORT_MANIFEST)
def _import(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Import list"), translate("Actions", "Import a customer's expected list into an order"),
                 win.import_manifest, "Ctrl+I")


@factory(Action.SCANNER_CHECK)
def _scanner_check(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Scanner check"), translate("Actions", "Check the scanner's set-up with the test sheet"),
                 win.show_scanner_check)


@factory(Action.PRINT_QUEUE)
def _print_queue(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Print queue"), translate("Actions", "Labels and receipts waiting or failed"), win.show_print_queue)


@factory(Action.SYNC_NOW)
def _sync(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Sync now"), translate("Actions", "Send and fetch intake with the central database"), win.sync_now)


@factory(Action.SETTINGS)
def _settings(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Settings"), translate("Actions", "Station, scanner, printers, language"), win.open_settings,
                 "Ctrl+,")


@factory(Action.FULL_SCREEN)
def _full_screen(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Full screen"), translate("Actions", "Full screen on or off"), win.toggle_full_screen, "F11")


@factory(Action.ABOUT)
def _about(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "About"), translate("Actions", "Version and where this station keeps its data"),
                 win.show_about)


@factory(Action.SIGN_OUT)
def _sign_out(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Sign out"), translate("Actions", "Sign out and hand the station over"), win.sign_out, "F12")


@factory(Action.QUIT)
def _quit(win: MainWindow) -> QAction:
    return _make(win, translate("Actions", "Quit"), translate("Actions", "Close the dock application"), lambda: None if win.close() else None,
                 "Ctrl+Q")


def build_actions(win: MainWindow) -> dict[Action, QAction]:
    return {a: FACTORIES[a](win) for a in Action}
