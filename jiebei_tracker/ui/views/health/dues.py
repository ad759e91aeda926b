"""Installments to pay: the next 14 days with a one-click "paid", and the overdue ones — fed Reminder records."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.qt_text import plain_tooltip
from jiebei_tracker.services.health.reminders import Reminder, ReminderKind
from jiebei_tracker.ui.common import STATUS_COLOURS
from jiebei_tracker.ui.models.records_model import LOAN_ID_ROLE, RecordsTableModel
from jiebei_tracker.ui.views.health.style import language_or_default

DUE_ORDINAL_ROLE = Qt.ItemDataRole.UserRole + 2
BUTTON_COLUMN = 5
UPCOMING_DAYS = 14


class DuesTableModel(RecordsTableModel):
    """One row per installment to pay: due date, loan, installment, amount, when, and a column for the button."""

    money_columns = (3,)

    def __init__(self, *, language: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self._language = language

    def headers(self) -> list[str]:
        return [
            self.tr("Due"),
            self.tr("Loan"),
            self.tr("Installment"),
            self.tr("Amount"),
            self.tr("When"),
            "",
        ]

    def cell(self, due: Reminder, column: int) -> str:
        return (
            due.due_on.isoformat(),
            f"{due.platform} {due.loan_ref}",
            str(due.seq),
            format_yuan(due.amount_fen),
            self._when(due),
            "",
        )[column]

    def _when(self, due: Reminder) -> str:
        if due.kind is ReminderKind.OVERDUE:
            return self.tr("%n day(s) overdue", "", due.days)
        if due.kind is ReminderKind.DUE_TODAY:
            return self.tr("Today")
        return self.tr("In %n day(s)", "", due.days)

    def extra_data(self, due: Reminder, column: int, role: int):
        if role == LOAN_ID_ROLE:
            return due.loan_id
        if role == DUE_ORDINAL_ROLE:
            return due.due_on.toordinal()
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and due.kind is ReminderKind.OVERDUE:
            return STATUS_COLOURS[InstallmentStatus.OVERDUE]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(due.message.get(language_or_default(self._language)))
        return None


class _DuesView(QWidget):
    """A table of dues with a button per row; subclasses choose which dues and what the button says."""

    paid_requested = Signal(int)
    """Emitted with the loan's id when the user clicks the row's button: the window logs the repayment."""
    loan_requested = Signal(int)
    """Emitted with the loan's id when the user opens a row (double click)."""

    def __init__(
        self,
        *,
        load: Callable[[], Sequence[Reminder]] | None = None,
        language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._language = language
        self.model = DuesTableModel(language=language, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.loan_requested.emit(index.data(LOAN_ID_ROLE)))
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        self.buttons: list[QPushButton] = []
        self.retranslate_ui()

    def wanted(self, due: Reminder) -> bool:
        raise NotImplementedError

    def heading_text(self) -> str:
        raise NotImplementedError

    def button_text(self) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def set_dues(self, dues: Sequence[Reminder]) -> None:
        """Show the dues this view is for, from any list of reminders (autopay nudges are left out)."""
        self.model.set_records(sorted((d for d in dues if self.wanted(d)), key=lambda d: (d.due_on, d.loan_id, d.seq)))
        self.buttons = []
        for row in range(self.model.rowCount()):
            due = self.model.record_at(row)
            button = QPushButton(self.button_text())
            button.setToolTip(plain_tooltip(due.message.get(language_or_default(self._language))))
            button.clicked.connect(lambda _checked=False, loan_id=due.loan_id: self.paid_requested.emit(loan_id))
            self.table.setIndexWidget(self.model.index(row, BUTTON_COLUMN), button)
            self.buttons.append(button)
        self.empty_label.setVisible(self.model.rowCount() == 0)
        self.table.setVisible(self.model.rowCount() > 0)

    def dues(self) -> list[Reminder]:
        return [self.model.record_at(row) for row in range(self.model.rowCount())]

    def reload(self) -> None:
        if self._load is not None:
            self.set_dues(self._load())

    def retranslate_ui(self) -> None:
        self.heading.setText(self.heading_text())
        self.empty_label.setText(self.empty_text())
        for button in self.buttons:
            button.setText(self.button_text())
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class UpcomingDuesWidget(_DuesView):
    """Installments due today and in the next ``days`` days (14 by default), each with a one-click "Paid"."""

    def __init__(
        self,
        *,
        load: Callable[[], Sequence[Reminder]] | None = None,
        days: int = UPCOMING_DAYS,
        language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.days = days
        super().__init__(load=load, language=language, parent=parent)

    def wanted(self, due: Reminder) -> bool:
        return due.kind in (ReminderKind.DUE_TODAY, ReminderKind.DUE_SOON) and due.days <= self.days

    def heading_text(self) -> str:
        return self.tr("Due in the next %n day(s)", "", self.days)

    def button_text(self) -> str:
        return self.tr("Paid")

    def empty_text(self) -> str:
        return self.tr("Nothing falls due in the next %n day(s).", "", self.days)


class OverdueDuesWidget(_DuesView):
    """Installments past due and unpaid, oldest first, each with a button to log the repayment."""

    def wanted(self, due: Reminder) -> bool:
        return due.kind is ReminderKind.OVERDUE

    def heading_text(self) -> str:
        return self.tr("Overdue")

    def button_text(self) -> str:
        return self.tr("Pay now")

    def empty_text(self) -> str:
        return self.tr("Nothing overdue.")
