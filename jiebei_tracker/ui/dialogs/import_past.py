"""The import wizard's question for loans whose rows do not say whether their installments already due were repaid:
repaid on schedule, not repaid, or an answer per loan. Import stays off until it is answered."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.services.imports.service import ImportPlan, PastAnswer


class PastQuestion(QGroupBox):
    """Asks once for the whole file, or loan by loan. ``answers()`` gives what ``ImportService.commit`` takes."""

    answered = Signal()
    """Emitted when the answer changes (the wizard enables Import once there is one)."""

    PAID, UNPAID, PER_LOAN = 0, 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._undecided: list = []  # (ImportedLoan, installments already due) of each loan asked about one by one
        self._count = 0  # the loans asked about
        self._today = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.paid = QRadioButton()
        self.unpaid = QRadioButton()
        self.per_loan = QRadioButton()
        self.choice = QButtonGroup(self)
        for number, button in enumerate((self.paid, self.unpaid, self.per_loan)):
            self.choice.addButton(button, number)
        self.choice.idToggled.connect(self._toggled)
        self.loans = QTableWidget(0, 5)
        self.loans.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.loans.verticalHeader().hide()
        self.loans.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.loans.horizontalHeader().setStretchLastSection(True)
        self.loans.setMaximumHeight(160)
        self.loans.hide()
        layout = QVBoxLayout(self)
        for widget in (self.text, self.paid, self.unpaid, self.per_loan, self.loans):
            layout.addWidget(widget)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Installments already due"))
        self.paid.setText(self.tr("Repaid on schedule (each on its due date, up to today)"))
        self.unpaid.setText(self.tr("Not repaid (they are overdue)"))
        self.per_loan.setText(self.tr("Say it for each loan"))
        self.paid.setToolTip(self.tr("Record each installment already due as paid in full on its due date"))
        self.unpaid.setToolTip(self.tr("Leave them unpaid: they show as overdue until you log their repayments"))
        self.per_loan.setToolTip(self.tr("Answer loan by loan in the list that appears below"))
        self.loans.setAccessibleName(self.tr("Loans with installments already due"))
        self.loans.setAccessibleDescription(
            self.tr("One loan a row, with the file's line; choose in its last column what happened to it")
        )
        self.loans.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Platform"), self.tr("Borrowed on"), self.tr("Principal"), self.tr("Answer")]
        )

    def ask(self, plan: ImportPlan, today) -> None:
        """Show the question for the plan's loans that do not say what happened to their installments already
        due, or hide it. Loan by loan is offered only when the plan lists them all (a huge file does not)."""
        undecided = plan.undecided if plan.undecided_complete else []
        self._undecided, self._count, self._today = undecided, plan.undecided_count, today
        self.choice.setExclusive(False)
        for button in self.choice.buttons():
            button.setChecked(False)
        self.choice.setExclusive(True)
        self.loans.hide()
        self.per_loan.setVisible(bool(undecided))
        self.setVisible(bool(plan.undecided_count))
        if not plan.undecided_count:
            return
        self.text.setText(
            self.tr(
                "%n loan(s) in the file have installments already due (%1 in all), and the file does not say "
                "whether they were repaid. What happened to them?",
                "",
                plan.undecided_count,
            ).replace("%1", str(plan.undecided_installments))
        )
        self.loans.setRowCount(len(undecided))
        for row, (record, due) in enumerate(undecided):
            terms = record.draft.terms
            cells = (str(record.line), record.draft.platform, terms.borrowed_on.isoformat(),
                     format_yuan(terms.principal_fen))  # fmt: skip
            for column, text in enumerate(cells):
                self.loans.setItem(row, column, QTableWidgetItem(text))
            answer = QComboBox()
            answer.addItem(self.tr("Repaid on schedule"), PastAnswer.PAID.value)
            answer.addItem(self.tr("Not repaid (%n overdue)", "", due), PastAnswer.UNPAID.value)
            answer.setToolTip(
                self.tr("What happened to the installments already due of the loan on line {line}").format(
                    line=record.line
                )
            )
            self.loans.setCellWidget(row, 4, answer)
        self.answered.emit()

    def is_answered(self) -> bool:
        return not self._count or self.choice.checkedId() != -1

    def answers(self) -> dict:
        """The keyword arguments for ``ImportService.commit``: ``past`` or ``past_by_line``."""
        if not self._count or self.choice.checkedId() == -1:
            return {}
        if self.choice.checkedId() == self.PAID:
            return {"past": PastAnswer.PAID}
        if self.choice.checkedId() == self.UNPAID:
            return {"past": PastAnswer.UNPAID}
        by_line = {}
        for row, (record, _due) in enumerate(self._undecided):
            paid = self.loans.cellWidget(row, 4).currentData() == PastAnswer.PAID.value
            by_line[record.line] = PastRepayments.paid_through(self._today) if paid else PastRepayments.unpaid()
        return {"past_by_line": by_line}

    def _toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            self.loans.setVisible(button_id == self.PER_LOAN)
            self.answered.emit()
