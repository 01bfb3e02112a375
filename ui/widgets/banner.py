"""The big feedback banner: colour, icon, words - and the sound is played beside it.

It changes on every scan, so it is cheap to change: the background is painted here and the
words take their colour from the palette (no style sheet is re-applied, which would re-polish
the banner and lay the window out again on every scan).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..feedback import Feedback, idle
from ..icons import pixmap

ICON_PX = 96


class FeedbackBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(150)
        self.setFixedHeight(150)  # a new message never moves the rest of the page
        self.icon = QLabel()
        self.icon.setFixedSize(ICON_PX + 8, ICON_PX + 8)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.next_step = QLabel()
        self.next_step.setObjectName("next")
        self.next_step.setWordWrap(True)
        self.setStyleSheet("QLabel#headline { font-size: 34pt; font-weight: bold; background: transparent; }"
                           "QLabel#detail { font-size: 17pt; background: transparent; }"
                           "QLabel#next { font-size: 17pt; font-weight: bold; background: transparent; }")
        words = QVBoxLayout()
        words.setSpacing(2)
        for w in (self.headline, self.detail, self.next_step):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            words.addWidget(w)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        row.setSpacing(18)
        row.addWidget(self.icon)
        row.addLayout(words, 1)
        self._background = QColor()
        self.feedback = idle()
        self.show_feedback(self.feedback)

    def show_feedback(self, fb: Feedback) -> None:
        self.feedback = fb
        bg, fg = fb.colours
        self._background = QColor(bg)
        for label in (self.headline, self.detail, self.next_step):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(fg))
            label.setPalette(palette)
        self.icon.setPixmap(pixmap(fb.icon, ICON_PX))
        self.headline.setText(fb.headline)
        self.detail.setText(fb.detail)
        self.next_step.setText(fb.next_step)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._background)
        painter.drawRoundedRect(QRectF(self.rect()), 8, 8)
        painter.end()
