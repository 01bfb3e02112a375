"""Expected against received per category, as a bar chart (QtCharts, loaded with the page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget


class CategoryChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)

    def show_categories(self, rows: list[tuple[str, int, int]]) -> None:
        """``rows``: (category name, expected, received)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        expected = QBarSet(self.tr("Expected"))
        expected.setColor(QColor("#8a98a3"))
        received = QBarSet(self.tr("Received"))
        received.setColor(QColor("#0a7d32"))
        for _name, e, r in rows:
            expected.append(e)
            received.append(r)
        series = QBarSeries()
        series.append(expected)
        series.append(received)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([name for name, _e, _r in rows])
        y = QValueAxis()
        y.setRange(0, max([1] + [max(e, r) for _n, e, r in rows]))
        y.setLabelFormat("%d")
        y.applyNiceNumbers()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def bar_values(self) -> list[list[Any]]:
        """The plotted values per set (what tests check)."""
        out = []
        for series in self.chart().series():
            assert isinstance(series, QBarSeries)
            out += [[s.at(i) for i in range(s.count())] for s in series.barSets()]
        return out
