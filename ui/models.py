"""One table model for every list on the dock screens: rows of plain objects, columns as getters.

Fine with 18,000 rows: the view asks only for the cells it paints; search filters and sorting
run over precomputed Python values (no per-cell round trips through Qt while filtering).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]
    align: Qt.AlignmentFlag = LEFT


class RowsModel(QAbstractTableModel):
    """Rows in, cells out. ``background``/``struck`` colour or strike a row (a voided scan)."""

    def __init__(self, columns: Sequence[Column], *, background: Callable[[Any], str | None] | None = None,
                 struck: Callable[[Any], bool] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._all: list[Any] = []
        self._keys: list[str] = []
        self._rows: list[Any] = []
        self._filter = ""
        self._background = background
        self._struck = struck

    # -- content -----------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._keys = []  # search keys are built on the first search, not on every refresh
        self._rows = self._filtered()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = " ".join(text.split()).casefold()
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[Any]:
        if not self._filter:
            return list(self._all)
        if len(self._keys) != len(self._all):
            self._keys = [" ".join(str(c.value(r) or "") for c in self.columns).casefold() for r in self._all]
        return [r for r, k in zip(self._all, self._keys, strict=True) if self._filter in k]

    def remove_where(self, wanted: Callable[[Any], bool]) -> int:
        """Take the rows ``wanted`` picks out, telling the view row by row (no reset, no reload)."""
        for i in reversed(range(len(self._rows))):
            if wanted(self._rows[i]):
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        keep = [i for i, r in enumerate(self._all) if not wanted(r)]
        gone = len(self._all) - len(keep)
        if self._keys:
            self._keys = [self._keys[i] for i in keep]
        self._all = [self._all[i] for i in keep]
        return gone

    def row(self, i: int) -> Any:
        return self._rows[i]

    def rows(self) -> list[Any]:
        return list(self._rows)

    @property
    def total(self) -> int:
        return len(self._all)

    # -- Qt ----------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = col.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.align)
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            colour = self._background(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and self._struck is not None and self._struck(row):
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self._struck is not None and self._struck(row):
            return QBrush(QColor("#6b757c"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        get = self.columns[column].value

        def key(r: Any) -> tuple[int, Any]:
            v = get(r)
            return (1, "") if v is None else (0, v if isinstance(v, int | float) else str(v).casefold())

        self.layoutAboutToBeChanged.emit()
        self._all.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._keys = []
        self._rows = self._filtered()
        self.layoutChanged.emit()


def category_name(key: str) -> str:
    """A category key as words in the current language (the names are translated like any string)."""
    names = {
        "laptop": translate("Category", "Laptop"), "desktop": translate("Category", "Desktop"),
        "monitor": translate("Category", "Monitor"), "smartphone": translate("Category", "Smartphone"),
        "tablet": translate("Category", "Tablet"), "server": translate("Category", "Server"),
        "thin_client": translate("Category", "Thin client"),
        "docking_station": translate("Category", "Docking station"),
        "printer": translate("Category", "Printer"), "network": translate("Category", "Network equipment"),
        "peripheral": translate("Category", "Peripheral"), "cable": translate("Category", "Cables and chargers"),
        "other": translate("Category", "Other"),
    }
    return names.get(key, key)
