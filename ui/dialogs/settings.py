"""Settings: one tab per section, one editor per declared option (``intake_app.settings.OPTIONS``).

The dialog is generic: an option another module declares (a printer, the central database, the
camera) appears in its section without a change here. Values are checked by the settings'
own rules before anything is saved; one bad value names the setting and saves nothing.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.errors import InputError
from intake_app.settings import OPTIONS, Option, Settings, coerce

from ..i18n import available_languages

translate = QCoreApplication.translate

# Tabs in order: (title, the option key prefixes shown there)
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Station", ("station.", "operator.", "database.")),
    ("Scanner", ("scanner.",)),
    ("Receiving", ("receiving.",)),
    ("Language and screen", ("ui.",)),
    ("Printers", ("printing.", "printer.", "printers.", "labels.")),
    ("Camera", ("camera.",)),
    ("Central database", ("sync.", "central.")),
)
RESTART = {"database.url", "station.name"}  # read when the station opens its database


def section_title(title: str) -> str:
    titles = {"Station": translate("Settings", "Station"), "Scanner": translate("Settings", "Scanner"),
              "Receiving": translate("Settings", "Receiving"),
              "Language and screen": translate("Settings", "Language and screen"),
              "Printers": translate("Settings", "Printers"), "Camera": translate("Settings", "Camera"),
              "Central database": translate("Settings", "Central database")}
    return titles.get(title, title)


def empty_text(title: str) -> str:
    texts = {"Printers": translate("Settings", "No printing module is installed at this station yet."),
             "Camera": translate("Settings", "No camera module is installed at this station yet."),
             "Central database": translate("Settings", "No sync module is installed at this station yet.")}
    return texts.get(title, "")


def option_label(opt: Option) -> str:
    """The option's name in the current language; the option's English help for ones not listed here."""
    labels = {
        "database.url": translate("Settings", "Station database (empty: the local file)"),
        "station.name": translate("Settings", "Station name"),
        "operator.default": translate("Settings", "Operator for the command line"),
        "ui.language": translate("Settings", "Language"),
        "ui.fullscreen": translate("Settings", "Start in full screen"),
        "receiving.blind": translate("Settings", "Blind receiving (operators do not see what is expected)"),
        "receiving.auto_print": translate("Settings", "Print the unit label when a unit is received"),
        "receiving.sounds": translate("Settings", "Sounds for scan results"),
        "scanner.prefix": translate("Settings", "Prefix the scanner sends (e.g. \\x02)"),
        "scanner.suffix": translate("Settings", "Suffix the scanner sends before Enter/Tab"),
        "scanner.max_key_interval_ms": translate("Settings", "Longest gap between a scanner's keys (ms)"),
        "scanner.min_length": translate("Settings", "Shortest code (characters)"),
        "scanner.serial_port": translate("Settings", "Serial scanner port (empty: none)"),
        "scanner.serial_baud": translate("Settings", "Serial scanner speed (baud)"),
        "sync.central_url": translate("Settings", "Central database URL (the password is kept in the keyring)"),
        "sync.sslmode": translate("Settings", "TLS to the central database"),
        "sync.ca_file": translate("Settings", "CA certificate of the central database"),
        "sync.connect_timeout": translate("Settings", "Seconds to wait for the central database"),
        "sync.interval_seconds": translate("Settings", "Seconds between background syncs"),
        "sync.batch_rows": translate("Settings", "Rows per sync batch"),
        "camera.enabled": translate("Settings", "Use a camera as a scanner on the receiving page"),
        "camera.device": translate("Settings", "Camera number (0 = the first), or a video file to replay"),
        "camera.width": translate("Settings", "Image width (pixels)"),
        "camera.height": translate("Settings", "Image height (pixels)"),
        "camera.fps": translate("Settings", "Frames per second"),
        "camera.exposure": translate("Settings", "Exposure (0: automatic)"),
        "camera.focus": translate("Settings", "Focus (-1: autofocus)"),
        "camera.aim_box": translate("Settings", "Read only inside the aim box"),
        "camera.aim_width": translate("Settings", "Aim box width (share of the image)"),
        "camera.aim_height": translate("Settings", "Aim box height (share of the image)"),
        "camera.frames_needed": translate("Settings", "Frames a code must be seen in before it scans"),
        "camera.holdoff_s": translate("Settings", "Seconds before the same code scans again"),
        "camera.invert": translate("Settings", "Also read light codes on dark ground (slower)"),
        "camera.fallback": translate("Settings", "Second decoder for hard codes (reads confirmed first)"),
        "camera.workers": translate("Settings", "Decoding threads"),
        "printing.printers": translate("Settings", "Printers (JSON: name, driver, format and the driver's options)"),
        "printing.label_printer": translate("Settings", "Printer for unit and pallet labels"),
        "printing.receipt_printer": translate("Settings", "Printer for receipts"),
        "printing.unit_label_size": translate("Settings", "Unit label size (mm, width x height)"),
        "printing.pallet_label_size": translate("Settings", "Pallet label size (mm, width x height)"),
        "printing.label_language": translate("Settings", "Language on labels"),
        "printing.receipt_language": translate("Settings", "Language on receipts"),
        "printing.receiver_name": translate("Settings", "Our company's name on receipts"),
        "printing.timezone": translate("Settings", "Time zone of dates on labels and receipts"),
        "printing.auto_print_receipt": translate("Settings", "Print the final receipt at sign-off"),
        "printing.retry_initial_s": translate("Settings", "Seconds before retrying a printer that is down"),
        "printing.retry_max_s": translate("Settings", "Longest wait between retries (seconds)"),
        "printing.timeout_s": translate("Settings", "Seconds to wait for a printer to answer"),
    }
    return labels.get(opt.key, opt.help)


PRINTER_CHOICES = ("printing.label_printer", "printing.receipt_printer")


def set_printer_names(combo: QComboBox, names: list[str], current: str) -> None:
    """Offer ``names`` (and none) in ``combo``, keeping what it shows."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem("")
    combo.addItems(sorted(set(names) | ({current} - {""})))
    combo.setCurrentText(current)
    combo.blockSignals(False)


def choice_label(key: str, value: Any) -> str:
    if key.endswith("language"):
        return {"sv": "Svenska", "en": "English"}.get(str(value), str(value))
    return str(value)


class OptionEditor:
    """One widget for one option, by its type."""

    def __init__(self, opt: Option, value: Any) -> None:
        self.opt = opt
        self.widget: QWidget
        choices = opt.choices if opt.key != "ui.language" else tuple(available_languages())
        if choices is not None:
            combo = QComboBox()
            for c in choices:
                combo.addItem(choice_label(opt.key, c), c)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            self.widget = combo
        elif opt.type is bool:
            box = QCheckBox()
            box.setChecked(bool(value))
            self.widget = box
        elif opt.type is int:
            spin = QSpinBox()
            spin.setRange(-1_000_000, 10_000_000)
            spin.setValue(int(value))
            spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
            self.widget = spin
        elif opt.key in PRINTER_CHOICES:  # a printer by name: the configured ones to pick from
            combo = QComboBox()
            combo.setEditable(True)
            self.widget = combo
            set_printer_names(combo, [], str(value))
        elif opt.type is dict:  # a table (printers): edited as JSON, checked when saved
            text = QPlainTextEdit(json.dumps(value, indent=2, ensure_ascii=False))
            text.setMinimumSize(480, 140)
            self.widget = text
        elif opt.type is float:
            dspin = QDoubleSpinBox()
            dspin.setRange(-1_000_000.0, 1_000_000.0)
            dspin.setDecimals(1)
            dspin.setValue(float(value))
            dspin.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
            self.widget = dspin
        else:
            line = QLineEdit(str(value))
            line.setMinimumWidth(360)
            self.widget = line
        self.widget.setToolTip(opt.help)
        self.widget.setObjectName(opt.key)

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentText().strip() if w.isEditable() else w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QSpinBox | QDoubleSpinBox):
            return w.value()
        if isinstance(w, QPlainTextEdit):
            try:
                return json.loads(w.toPlainText() or "{}")
            except ValueError as exc:
                raise InputError(translate("Settings", "{key}: not valid JSON ({error})").format(
                    key=self.opt.key, error=exc)) from None
        assert isinstance(w, QLineEdit)
        return w.text().strip()


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.changed: dict[str, Any] = {}
        self.setWindowTitle(self.tr("Settings"))
        self.resize(1040, 540)
        self.editors: dict[str, OptionEditor] = {}
        self.tabs = QTabWidget()
        shown: set[str] = set()
        for title, prefixes in SECTIONS:
            opts = [o for o in OPTIONS if o.key.startswith(prefixes)]
            shown |= {o.key for o in opts}
            self.tabs.addTab(self._tab(opts, empty_text(title)), section_title(title))
        rest = [o for o in OPTIONS if o.key not in shown]
        if rest:
            self.tabs.addTab(self._tab(rest, ""), self.tr("Other"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.error)
        box.addWidget(buttons)
        printers = self.editors.get("printing.printers")
        if printers is not None and isinstance(printers.widget, QPlainTextEdit):
            printers.widget.textChanged.connect(self.offer_printers)
            self.offer_printers()

    def offer_printers(self) -> None:
        """The label and receipt printer lists follow the printers table as it is typed."""
        editor = self.editors["printing.printers"].widget
        assert isinstance(editor, QPlainTextEdit)
        try:
            table = json.loads(editor.toPlainText() or "{}")
        except ValueError:
            return  # half-typed: keep the lists as they were
        names = [str(n) for n in table] if isinstance(table, dict) else []
        for key in PRINTER_CHOICES:
            combo = self.editors[key].widget
            assert isinstance(combo, QComboBox)
            set_printer_names(combo, names, combo.currentText())

    def _tab(self, opts: list[Option], empty: str) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setVerticalSpacing(12)
        if not opts:
            note = QLabel(empty)
            note.setWordWrap(True)
            note.setProperty("role", "hint")
            form.addRow(note)
        for opt in opts:
            editor = OptionEditor(opt, self.settings.get(opt.key))
            self.editors[opt.key] = editor
            label = option_label(opt) + (" *" if opt.key in RESTART else "")
            form.addRow(label, editor.widget)
        if any(o.key in RESTART for o in opts):
            form.addRow(QLabel(self.tr("* takes effect when the application starts again")))
        return page

    def save(self) -> None:
        """Check every value first; write the file only when all are valid."""
        self.error.clear()
        new: dict[str, Any] = {}
        try:
            for key, editor in self.editors.items():
                value = coerce(editor.opt, editor.value())
                if value != self.settings.get(key):
                    new[key] = value
        except InputError as exc:
            self.error.setText(exc.message)
            return
        before = {key: self.settings.get(key) for key in new}
        try:
            for key, value in new.items():
                self.settings.set(key, value)
            self.settings.save()
        except (InputError, OSError) as exc:
            for key, value in before.items():  # the file was not written: neither is memory changed
                self.settings.set(key, value)
            self.error.setText(getattr(exc, "message", None) or str(exc))
            return
        self.changed = new
        self.accept()
