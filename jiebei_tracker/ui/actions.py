"""The user's loan actions — new, edit, delete, log a repayment, pay off — shared by every view that offers them."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import ChangeHub
from jiebei_tracker.ui.undo import UndoableDeletes


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before a destructive action (tests replace this)."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class LoanActions(QObject):
    """Opens the dialogs and sends what they produce through the hub, so every view hears of it."""

    def __init__(
        self,
        *,
        workspace: Workspace,
        hub: ChangeHub,
        undo: UndoableDeletes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._hub = hub
        self._parent = parent
        self.undo = undo or UndoableDeletes(workspace=workspace, hub=hub, parent=self)

    def new_loan(self) -> Changes | None:
        from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog

        ledger = self._workspace.ledger
        return LoanEditorDialog.ask(
            platforms=self._workspace.platform_names(),
            today=self._workspace.today(),
            save=lambda draft: self._hub.run(lambda: ledger.add_loan(draft)),
            parent=self._parent,
        )

    def edit_loan(self, loan_id: int) -> Changes | None:
        from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog

        ledger = self._workspace.ledger
        return LoanEditorDialog.ask(
            platforms=self._workspace.platform_names(),
            today=self._workspace.today(),
            save=lambda draft: self._hub.run(lambda: ledger.edit_loan(loan_id, draft)),
            loan=self._workspace.loans([loan_id])[0],
            parent=self._parent,
        )

    def delete_loan(self, loan_id: int) -> bool:
        """Ask, then delete (Ctrl+Z brings it back). True when deleted."""
        loan = self._workspace.loans([loan_id])[0]
        text = self.tr(
            "Delete the loan from {platform} of {day}, with its schedule and repayments?\n"
            "You can undo this with Ctrl+Z."
        ).format(platform=loan.platform, day=loan.borrowed_on.isoformat())
        if not confirm(self._parent, self.tr("Delete loan"), text):
            return False
        description = self.tr("delete the {platform} loan of {day}").format(
            platform=loan.platform, day=loan.borrowed_on.isoformat()
        )
        self.undo.delete_loan(loan_id, description)
        return True

    def delete_repayment(self, repayment_id: int, *, paid_on, amount_fen: int) -> bool:
        text = self.tr("Delete the repayment of {amount} made on {day}?\nYou can undo this with Ctrl+Z.").format(
            amount=format_yuan(amount_fen), day=paid_on.isoformat()
        )
        if not confirm(self._parent, self.tr("Delete repayment"), text):
            return False
        self.undo.delete_repayment(repayment_id, self.tr("delete a repayment"))
        return True

    def log_repayment(self, loan_id: int, *, payoff: bool = False) -> Changes | None:
        from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog

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

    def pay_next_in_full_today(self, loan_id: int) -> Changes | None:
        """One click: the loan's next installment paid today, in full. None (with a message) if it cannot be."""
        loan = self._workspace.loans([loan_id])[0]
        if not loan.next_due_fen:
            return None
        try:
            return self._hub.run(
                lambda: self._workspace.ledger.log_repayment(
                    loan_id, paid_on=self._workspace.today(), amount_fen=loan.next_due_fen
                )
            )
        except InvalidValue as error:
            QMessageBox.warning(self._parent, self.tr("Log repayment"), error.reason)
            return None
