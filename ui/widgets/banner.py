"""The big feedback banner: colour, icon, words - and the sound is played beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
        self.feedback = idle()
        self.show_feedback(self.feedback)

    def show_feedback(self, fb: Feedback) -> None:
        self.feedback = fb
        bg, fg = fb.colours
        self.setStyleSheet(
            f"QFrame#banner {{ background: {bg}; border-radius: 8px; }}"
            f"QFrame#banner QLabel {{ color: {fg}; background: transparent; }}"
            "QLabel#headline { font-size: 34pt; font-weight: bold; }"
            "QLabel#detail { font-size: 17pt; }"
            "QLabel#next { font-size: 17pt; font-weight: bold; }")
        self.icon.setPixmap(pixmap(fb.icon, ICON_PX))
        self.headline.setText(fb.headline)
        self.detail.setText(fb.detail)
        self.next_step.setText(fb.next_step)
        self.next_step.setVisible(bool(fb.next_step))
