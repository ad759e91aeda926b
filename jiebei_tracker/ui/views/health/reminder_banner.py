"""Reminders shown inside the window (at start and while it runs), for desktops without a tray and as a record."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.services.health.reminders import Reminder, ReminderKind
from jiebei_tracker.ui.common import STATUS_COLOURS
from jiebei_tracker.ui.views.health.style import ClickableLine, language_or_default

SHOWN = 5


class ReminderBanner(QFrame):
    """A dismissable strip listing today's reminders, overdue ones in red. Hidden while there are none."""

    loan_requested = Signal(int)
    """Emitted with a loan's id when the user opens a reminder."""
    dismissed = Signal()
    """Emitted when the user closes the banner."""

    def __init__(self, *, language: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._reminders: list[Reminder] = []
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.close_button = QPushButton()
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.dismiss)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.close_button)
        self._lines = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._lines)
        self.line_buttons: list[ClickableLine] = []
        self.more_label = QLabel()
        layout.addWidget(self.more_label)
        self.setVisible(False)
        self.retranslate_ui()

    def show_reminders(self, reminders: Sequence[Reminder]) -> None:
        """Add ``reminders`` to those shown (newest first) and show the banner."""
        if not reminders:
            return
        self._reminders = [*reminders, *self._reminders]
        for button in self.line_buttons:
            self._lines.removeWidget(button)
            button.deleteLater()
        language = language_or_default(self._language)
        self.line_buttons = []
        for reminder in self._reminders[:SHOWN]:
            button = ClickableLine(reminder.message.get(language))
            if reminder.kind is ReminderKind.OVERDUE:
                button.setStyleSheet(f"color: {STATUS_COLOURS[InstallmentStatus.OVERDUE].name()};")
            button.clicked.connect(lambda _checked=False, loan_id=reminder.loan_id: self.loan_requested.emit(loan_id))
            self._lines.addWidget(button)
            self.line_buttons.append(button)
        self.retranslate_ui()
        self.setVisible(True)

    def reminders(self) -> list[Reminder]:
        return list(self._reminders)

    def dismiss(self) -> None:
        self._reminders = []
        self.setVisible(False)
        self.dismissed.emit()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("%n repayment reminder(s)", "", len(self._reminders)))
        self.close_button.setText(self.tr("Dismiss"))
        hidden = len(self._reminders) - SHOWN
        self.more_label.setText(self.tr("… and %n more", "", hidden) if hidden > 0 else "")
        self.more_label.setVisible(hidden > 0)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
