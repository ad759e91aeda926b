"""One loan: its terms, the schedule with each installment's status, the repayments, and what can be done."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.vocabulary import LoanStatus
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import ChangeHub, display_language
from jiebei_tracker.ui.models.schedule_model import RepaymentsTableModel, ScheduleTableModel


class LoanDetailDialog(QDialog):
    """Stays current: reloads when the hub reports a change to this loan, closes when it is deleted."""

    def __init__(
        self, *, workspace: Workspace, hub: ChangeHub, actions, loan_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._actions = actions
        self.loan_id = loan_id
        self.setWindowTitle(self.tr("Loan"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.schedule_model = ScheduleTableModel(self)
        self.schedule_view = _table(self.schedule_model)
        self.repayments_model = RepaymentsTableModel(self)
        self.repayments_view = _table(self.repayments_model)
        self.pay_button = QPushButton(self.tr("Log repayment…"))
        self.payoff_button = QPushButton(self.tr("Pay off early…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.pay_button.clicked.connect(lambda: actions.log_repayment(self.loan_id))
        self.payoff_button.clicked.connect(lambda: actions.log_repayment(self.loan_id, payoff=True))
        self.edit_button.clicked.connect(lambda: actions.edit_loan(self.loan_id))
        self.delete_button.clicked.connect(lambda: actions.delete_loan(self.loan_id))
        buttons = QHBoxLayout()
        for button in (self.pay_button, self.payoff_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Schedule")))
        layout.addWidget(self.schedule_view, 3)
        layout.addWidget(QLabel(self.tr("Repayments")))
        layout.addWidget(self.repayments_view, 1)
        layout.addLayout(buttons)
        self.resize(760, 620)
        hub.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if self.loan_id not in changes.loan_ids:
            return
        if changes.loans_added_or_removed and not self._workspace.loans([self.loan_id]):
            self.close()
            return
        self.reload()

    def reload(self) -> None:
        detail = self._workspace.loan_detail(self.loan_id)
        loan = detail.summary
        language = display_language()
        self.summary.setText(
            self.tr(
                "<b>{platform}</b> — {principal} borrowed on {day}, {term} months, {method}, {rate}<br>"
                "Purpose: {purpose} · Autopay: {autopay} · Outstanding principal: {outstanding} · Status: {status}"
            ).format(
                platform=loan.platform,
                principal=format_yuan(loan.principal_fen),
                day=loan.borrowed_on.isoformat(),
                term=loan.term_months,
                method=loan.method.label(language),
                rate=loan.rate.as_entered(),
                purpose=loan.purpose.label(language),
                autopay=self.tr("on") if loan.autopay else self.tr("off"),
                outstanding=format_yuan(loan.outstanding_fen),
                status=loan.status.label(language),
            )
        )
        self.schedule_model.set_records(detail.schedule)
        self.repayments_model.set_records(detail.repayments)
        settled = loan.status is LoanStatus.SETTLED
        self.pay_button.setEnabled(not settled)
        self.payoff_button.setEnabled(not settled)


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return view
