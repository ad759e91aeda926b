"""The reminders bar inside the window: what is overdue or falling due now, kept up to date after every change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.services.health.reminders import Reminder, ReminderKind
from jiebei_tracker.ui.common import STATUS_COLOURS
from jiebei_tracker.ui.views.health.style import ClickableLine, language_or_default

SHOWN = 3


class ReminderBanner(QFrame):
    """A compact bar over the pages with what is overdue or falling due now: a one-line count, the most urgent
    few (overdue ones in red; each opens its loan), and Dismiss. It always shows the reminders as they stand —
    ``set_reminders`` is called again after every change, so a repayment logged takes its line away — and
    Dismiss hides it until a reminder it has not shown yet comes (tomorrow's, or a new loan's). Hidden while there
    are none."""

    loan_requested = Signal(int)
    """Emitted with a loan's id when the user opens a reminder."""
    dismissed = Signal()
    """Emitted when the user closes the banner."""

    def __init__(self, *, language: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._reminders: list[Reminder] = []
        self._dismissed: set[tuple] = set()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(self)
        self.close_button = QPushButton(self)
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.dismiss)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.close_button)
        self._lines = QVBoxLayout()
        self._lines.setSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(self._lines)
        self.line_buttons: list[ClickableLine] = []
        self.more_label = QLabel(self)
        layout.addWidget(self.more_label)
        self.setVisible(False)
        self.retranslate_ui()

    def set_reminders(self, reminders: Sequence[Reminder]) -> None:
        """Show ``reminders`` (most urgent first) in place of those shown before."""
        self._reminders = list(reminders)
        for button in self.line_buttons:
            self._lines.removeWidget(button)
            button.deleteLater()
        language = language_or_default(self._language)
        self.line_buttons = []
        for reminder in self._reminders[:SHOWN]:
            button = ClickableLine(reminder.message.get(language), self)
            if reminder.kind is ReminderKind.OVERDUE:
                button.setStyleSheet(f"color: {STATUS_COLOURS[InstallmentStatus.OVERDUE].name()};")
            button.clicked.connect(lambda _checked=False, loan_id=reminder.loan_id: self.loan_requested.emit(loan_id))
            self._lines.addWidget(button)
            self.line_buttons.append(button)
        self.retranslate_ui()
        self.setVisible(bool(self._keys() - self._dismissed))

    def reminders(self) -> list[Reminder]:
        return list(self._reminders)

    def dismiss(self) -> None:
        self._dismissed |= self._keys()
        self.setVisible(False)
        self.dismissed.emit()

    def _keys(self) -> set[tuple]:
        return {(r.installment_id, r.kind, r.due_on) for r in self._reminders}

    def retranslate_ui(self) -> None:
        overdue = sum(r.kind is ReminderKind.OVERDUE for r in self._reminders)
        due = sum(r.kind in (ReminderKind.DUE_TODAY, ReminderKind.DUE_SOON) for r in self._reminders)
        parts = []
        if overdue:
            parts.append(self.tr("%n repayment(s) overdue", "", overdue))
        if due:
            parts.append(self.tr("%n falling due soon", "", due))
        self.heading.setText(self.tr("Reminders: {parts}").format(parts=self.tr(", ").join(parts)) if parts else "")
        self.close_button.setText(self.tr("Dismiss"))
        hidden = len(self._reminders) - SHOWN
        self.more_label.setText(self.tr("… and %n more (on the dashboard)", "", hidden) if hidden > 0 else "")
        self.more_label.setVisible(hidden > 0)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
