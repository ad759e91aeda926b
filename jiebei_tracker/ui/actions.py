"""The user's loan actions — new, edit, delete, log a repayment, pay off — shared by every view that offers them."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import ChangeHub
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before a destructive action (tests replace this)."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class LoanActions(QObject):
    """Opens the dialogs and sends what they produce through the hub, so every view hears of it."""

    def __init__(self, *, workspace: Workspace, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._hub = hub
        self._parent = parent

    def new_loan(self) -> Changes | None:
        ledger = self._workspace.ledger
        return LoanEditorDialog.ask(
            platforms=[p.name for p in self._workspace.platforms()],
            today=self._workspace.today(),
            save=lambda draft: self._hub.run(lambda: ledger.add_loan(draft)),
            parent=self._parent,
        )

    def edit_loan(self, loan_id: int) -> Changes | None:
        ledger = self._workspace.ledger
        return LoanEditorDialog.ask(
            platforms=[p.name for p in self._workspace.platforms()],
            today=self._workspace.today(),
            save=lambda draft: self._hub.run(lambda: ledger.edit_loan(loan_id, draft)),
            loan=self._workspace.loans([loan_id])[0],
            parent=self._parent,
        )

    def delete_loan(self, loan_id: int) -> Changes | None:
        loan = self._workspace.loans([loan_id])[0]
        text = self.tr("Delete the loan from {platform} of {day}, with its schedule and repayments?").format(
            platform=loan.platform, day=loan.borrowed_on.isoformat()
        )
        if not confirm(self._parent, self.tr("Delete loan"), text):
            return None
        return self._hub.run(lambda: self._workspace.ledger.delete_loan(loan_id))

    def log_repayment(self, loan_id: int, *, payoff: bool = False) -> Changes | None:
        ledger = self._workspace.ledger
        return RepaymentDialog.ask(
            loan=self._workspace.loans([loan_id])[0],
            today=self._workspace.today(),
            quote=lambda day: self._workspace.payoff_quote(loan_id, paid_on=day),
            pay=lambda day, fen: self._hub.run(lambda: ledger.log_repayment(loan_id, paid_on=day, amount_fen=fen)),
            pay_off=lambda day, fen: self._hub.run(lambda: ledger.pay_off(loan_id, paid_on=day, amount_fen=fen)),
            payoff=payoff,
            parent=self._parent,
        )
