"""Import a customer's expected list: pick the file, see the first rows and the detected mapping,
change the mapping, check (a dry run: the row-level error report, nothing written), then import.

Reading, checking and importing run off the GUI thread with progress.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.manifest_rules import Field
from intake_app.manifests.preview import ManifestPreview, preview_manifest
from intake_app.manifests.reader import Notice
from intake_app.services.manifests import ImportReport
from intake_app.services.orders import OrderSummary

from ..context import DockContext
from ..models import RIGHT, Column, RowsModel
from ..tasks import Progress, ProgressFn, TaskError

translate = QCoreApplication.translate
NONE = -1


def field_name(f: Field) -> str:
    names = {
        Field.SERIAL: translate("ImportDialog", "Serial number"),
        Field.ASSET_TAG: translate("ImportDialog", "Asset tag"),
        Field.MANUFACTURER: translate("ImportDialog", "Manufacturer"),
        Field.MODEL: translate("ImportDialog", "Model"),
        Field.CATEGORY: translate("ImportDialog", "Category"),
        Field.QUANTITY: translate("ImportDialog", "Quantity"),
        Field.DESCRIPTION: translate("ImportDialog", "Description"),
    }
    return names[f]


class ImportDialog(QDialog):
    def __init__(self, ctx: DockContext, order: OrderSummary | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: ManifestPreview | None = None
        self.checked_report: ImportReport | None = None
        self.imported: ImportReport | None = None
        self.setWindowTitle(self.tr("Import an expected list"))
        self.resize(1100, 720)
        self.order = QComboBox()
        self.order.setMinimumWidth(420)
        self._initial_order = order
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("CSV or Excel file from the customer"))
        self.path.returnPressed.connect(lambda: self.load(Path(self.path.text().strip())))
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.choose_file)
        self.detected = QLabel()
        self.detected.setProperty("role", "hint")
        self.rows_model = RowsModel([])
        self.rows_view = self._table(self.rows_model)
        self.mapping_box = QGroupBox(self.tr("Columns"))
        self.mapping_grid = QGridLayout(self.mapping_box)
        self.combos: dict[Field, QComboBox] = {}
        for i, f in enumerate(Field):
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[f] = combo
            self.mapping_grid.addWidget(QLabel(field_name(f)), i // 4 * 2, i % 4)
            self.mapping_grid.addWidget(combo, i // 4 * 2 + 1, i % 4)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.notices_model = RowsModel([
            Column(self.tr("Line"), lambda n: n[1].line, RIGHT),
            Column(self.tr("Kind"), lambda n: n[0]),
            Column(self.tr("Column"), lambda n: n[1].column),
            Column(self.tr("Problem"), lambda n: n[1].reason),
        ], background=lambda n: "#fbe0e4" if n[2] else "#fff3d1")
        self.notices_view = self._table(self.notices_model)
        self.notices_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.skip_invalid = QCheckBox(self.tr("Import the valid rows and skip the rows with errors"))
        self.skip_invalid.toggled.connect(lambda _c: self._update_buttons())
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setProperty("role", "primary")
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        self._layout(choose, close)
        self._load_orders()
        self._update_buttons()

    def _table(self, model: RowsModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _layout(self, choose: QPushButton, close: QPushButton) -> None:
        top = QFormLayout()
        top.addRow(self.tr("Order"), self.order)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(choose)
        top.addRow(self.tr("File"), file_row)
        top.addRow("", self.detected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_invalid)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(QLabel(self.tr("First rows of the file")))
        box.addWidget(self.rows_view, 2)
        box.addWidget(self.mapping_box)
        box.addWidget(self.summary)
        box.addWidget(self.notices_view, 2)
        box.addWidget(self.progress)
        box.addLayout(buttons)

    # -- orders and file -----------------------------------------------------------------------------

    def _load_orders(self) -> None:
        dock = self.ctx.engine.dock
        self.ctx.runner.read(dock.search_orders, self._show_orders, self._failed)

    def _show_orders(self, orders: list[OrderSummary]) -> None:
        self.order.clear()
        for o in orders:
            self.order.addItem(f"{o.number} · {o.customer} · {o.customer_ref or ''}".rstrip(" ·"), o.number)
        if self._initial_order is not None:
            self.order.setCurrentIndex(max(0, self.order.findData(self._initial_order.number)))
        self.order.currentIndexChanged.connect(lambda _i: self._order_changed())
        self._order_changed()

    def _order_changed(self) -> None:
        self._invalidate()
        if self.preview is not None:
            self.check()

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Expected list"), str(Path.home()),
                                              self.tr("Lists (*.csv *.txt *.tsv *.xlsx);;All files (*)"))
        if name:
            self.path.setText(name)
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.path.setText(str(path))
        self._busy(self.tr("Reading {file}…").format(file=path.name))
        self.ctx.runner.read(lambda: preview_manifest(path), self.show_preview, self._failed)

    def show_preview(self, preview: ManifestPreview) -> None:
        self.progress.hide()
        self.preview = preview
        where = f"{preview.format.upper()}"
        if preview.encoding:
            where += f", {preview.encoding}"
        if preview.delimiter:
            where += ", " + self.tr("separator {sep}").format(sep=repr(preview.delimiter))
        if preview.sheet:
            where += ", " + self.tr("sheet {sheet}").format(sheet=preview.sheet)
        self.detected.setText(self.tr("{where}; header on line {line}").format(where=where, line=preview.header_line))
        self.rows_model.columns = [Column(self.tr("Line"), lambda r: r[0], RIGHT)] + [
            Column(c.label, _cell(c.index)) for c in preview.columns]
        self.rows_model.set_rows(list(preview.rows))
        self.rows_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for f, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not in the file)"), NONE)
            for c in preview.columns:
                combo.addItem(c.label, c.index)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(f, NONE))))
            combo.blockSignals(False)
        self._invalidate()
        self.check()

    def mapping(self) -> dict[Field, int]:
        return {f: int(c.currentData()) for f, c in self.combos.items() if c.currentData() not in (None, NONE)}

    def _mapping_changed(self) -> None:
        self._invalidate()

    def _invalidate(self) -> None:
        self.checked_report = None
        self.summary.setText(self.tr("Check the list before importing it."))
        self.notices_model.set_rows([])
        self._update_buttons()

    # -- check and import --------------------------------------------------------------------------

    def _args(self) -> tuple[str, Path, dict[str, str]] | None:
        if self.preview is None or not self.order.currentData():
            return None
        mapping = self.mapping()
        if len(set(mapping.values())) != len(mapping):
            self.summary.setText(self.tr("Two fields point to the same column: choose one column per field."))
            return None
        return str(self.order.currentData()), Path(self.path.text().strip()), self.preview.mapping_tokens(mapping)

    def check(self) -> None:
        self._run(dry_run=True)

    def run_import(self) -> None:
        self._run(dry_run=False)

    def _run(self, dry_run: bool) -> None:
        args, actor = self._args(), self.ctx.session.actor
        if args is None or actor is None:
            self._update_buttons()
            return
        order, path, tokens = args
        skip = self.skip_invalid.isChecked()
        manifests = self.ctx.engine.manifests

        def work(progress: ProgressFn) -> ImportReport:
            return manifests.import_file(actor, order, path, mapping=tokens, dry_run=dry_run, skip_invalid=skip,
                                         progress=lambda n: progress(Progress(n, None)))

        self._busy(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        self.ctx.runner.long(work, self._checked if dry_run else self._imported, self._failed, self._progress,
                             serial=not dry_run)

    def _progress(self, p: Progress) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("{n} rows read").format(n=p.done))

    def _checked(self, report: ImportReport) -> None:
        self.progress.hide()
        self.checked_report = report
        self._show_report(report)
        self._update_buttons()

    def _imported(self, report: ImportReport) -> None:
        self.progress.hide()
        self._show_report(report)
        if report.imported:
            self.imported = report
            self.summary.setText(self.tr("Imported {units} units and {counts} count lines into {order}.").format(
                units=report.units, counts=report.count_lines, order=report.order))
            self.accept()
        self._update_buttons()

    def _show_report(self, r: ImportReport) -> None:
        text = self.tr("{rows} rows: {units} units, {counts} count lines; {errors} errors, {warnings} warnings.").format(
            rows=r.rows_read, units=r.units, counts=r.count_lines, errors=r.error_count, warnings=r.warning_count)
        if r.error_count and not self.skip_invalid.isChecked():
            text += " " + self.tr("Nothing can be imported until the errors are fixed (or skipped).")
        elif r.dry_run:
            text += " " + self.tr("Nothing was written yet.")
        self.summary.setText(text)
        rows = [(self.tr("error"), n, True) for n in r.errors] + [(self.tr("warning"), n, False) for n in r.warnings]
        self.notices_model.set_rows(sorted(rows, key=lambda x: (_line(x[1]), not x[2])))

    def _failed(self, error: TaskError) -> None:
        self.progress.hide()
        self.summary.setText(error.message)
        self._update_buttons()

    def _busy(self, text: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(text)
        self.progress.show()
        self.summary.setText(text)

    def _update_buttons(self) -> None:
        ready = self.preview is not None and bool(self.order.currentData())
        self.check_button.setEnabled(ready)
        r = self.checked_report
        ok = r is not None and (r.error_count == 0 or self.skip_invalid.isChecked()) and r.units + r.count_lines > 0
        self.import_button.setEnabled(ready and ok)


def _cell(i: int) -> Callable[[tuple[int, tuple[str, ...]]], str]:
    return lambda row: row[1][i] if i < len(row[1]) else ""


def _line(n: Notice) -> int:
    return n.line if n.line is not None else 0

