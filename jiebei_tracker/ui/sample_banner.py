"""The strip above the pages while the sample data is shown: what it is, and the way back to the user's own data."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

# Background and text colours are set together, so the banner reads the same in light and dark palettes.
_STYLE = "QFrame#sample_banner { background: #fff1c9; } QFrame#sample_banner QLabel { color: #4a3b00; }"


class SampleBanner(QFrame):
    """``back_button`` takes the user back to their own data (the window connects it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sample_banner")
        self.setStyleSheet(_STYLE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.back_button = QPushButton()
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.back_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.text.setText(
            self.tr(
                "<b>You are looking at sample data</b> — a made-up borrowing history kept in its own file. "
                "Try anything: your own data is not touched."
            )
        )
        self.back_button.setText(self.tr("Back to my data"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
