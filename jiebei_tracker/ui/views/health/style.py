"""Colours and small helpers shared by the health widgets (severity and band colours, the language of domain texts)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from jiebei_tracker.domain.health import HealthBand
from jiebei_tracker.domain.rules import Severity
from jiebei_tracker.qt_text import display_language

# The same palette as the status colours (ui.common): distinguishable with red-green colour blindness, and the
# severity is always written out as well.
SEVERITY_COLOURS = {
    Severity.CRITICAL: QColor("#d1343a"),
    Severity.HIGH: QColor("#d98200"),
    Severity.MEDIUM: QColor("#b08900"),
    Severity.LOW: QColor("#2b7bb9"),
}
BAND_COLOURS = {
    HealthBand.GOOD: QColor("#2b7bb9"),
    HealthBand.WATCH: QColor("#d98200"),
    HealthBand.AT_RISK: QColor("#d1343a"),
}
DONE_COLOUR = QColor("#2b7bb9")
TODO_COLOUR = QColor("#d98200")


def language_or_default(language: str | None) -> str:
    """The language for texts that come from the domain (zh_CN / en): the one given, else the UI's."""
    return language or display_language()


class ClickableLine(QLabel):
    """A word-wrapped line of text that acts as a button (a push button cannot wrap its text): the pointing hand,
    the link colour, focus with Tab, and Enter / Space or a click to activate."""

    clicked = Signal()
    """Emitted when the line is clicked or activated with the keyboard."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # evidence and reminders name platforms and loans
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet("color: palette(link);")

    def click(self) -> None:
        self.clicked.emit()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.click()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.click()
            return
        super().keyPressEvent(event)
