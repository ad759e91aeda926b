"""The user's loan actions — new, edit, delete, log, correct a repayment, pay off — shared by every view that offers
them. Every repayment written here goes on the undo stack."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.qt_text import message_box
from jiebei_tracker.services.changes import Changes, RepaymentEdit
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import ChangeHub
from jiebei_tracker.ui.dialogs import on_demand
from jiebei_tracker.ui.refusal_text import reason_text
from jiebei_tracker.ui.undo import UndoableDeletes

if TYPE_CHECKING:
    from collections.abc import Callable

    from jiebei_tracker.domain.records import LoanDraft
    from jiebei_tracker.services.loans import LoanSummary, RepaymentLine


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before a destructive action (tests replace this). The question names a platform or quotes a note:
    shown as typed."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return message_box(parent, QMessageBox.Icon.Question, title, text, buttons) == QMessageBox.StandardButton.Yes


class LoanActions(QObject):
    """Opens the dialogs and sends what they produce through the hub, so every view hears of it."""

    repayment_logged = Signal(str)
    """Emitted after a repayment was logged (or a loan paid off), with a sentence saying what; Ctrl+Z undoes it."""

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
        # The new-loan form's *Check first*: the window sets it to show the what-if (None: no such button).
        self.check_first: Callable[[LoanDraft], object] | None = None

    def new_loan(self, *, prefill: LoanDraft | None = None) -> Changes | None:
        """The new-loan form (filled with ``prefill`` when given); its *Check first* calls ``check_first`` (the
        window shows the what-if) when one is set."""
        ledger = self._workspace.ledger
        return on_demand.loan_editor_dialog().ask(
            platforms=self._workspace.platform_names(),
            today=self._workspace.today(),
            add=lambda draft, past: self._hub.run(lambda: ledger.add_loan(draft, past)),
            past_outcome=ledger.past_outcome,
            prefill=prefill,
            check_first=self.check_first,
            parent=self._parent,
        )

    def edit_loan(self, loan_id: int) -> Changes | None:
        ledger = self._workspace.ledger
        return on_demand.loan_editor_dialog().ask(
            platforms=self._workspace.platform_names(),
            today=self._workspace.today(),
            save=lambda draft, replace_schedule=False: self._hub.run(
                lambda: ledger.edit_loan(loan_id, draft, replace_schedule=replace_schedule)
            ),
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
        if self._refused(repayment_id, self.tr("Delete repayment")):
            return False
        text = self.tr("Delete the repayment of {amount} made on {day}?\nYou can undo this with Ctrl+Z.").format(
            amount=format_yuan(amount_fen), day=paid_on.isoformat()
        )
        if not confirm(self._parent, self.tr("Delete repayment"), text):
            return False
        self.undo.delete_repayment(repayment_id, self.tr("delete a repayment"))
        return True

    def log_repayment(self, loan_id: int, *, payoff: bool = False) -> Changes | None:
        loan = self._workspace.loans([loan_id])[0]
        return on_demand.repayment_dialog().ask(
            loan=loan,
            today=self._workspace.today(),
            quote=lambda day: self._workspace.payoff_quote(loan_id, paid_on=day),
            outlook=lambda day: self._workspace.repayment_outlook(loan_id, paid_on=day),
            pay=lambda day, fen, note: self._log(loan, day, fen, note),
            pay_off=lambda day, fen, note: self._pay_off(loan, day, fen, note),
            payoff=payoff,
            parent=self._parent,
        )

    def prepay(self, loan_id: int) -> Changes | None:
        """Repay part of the loan early, the new schedule shown first (Ctrl+Z puts the old one back)."""
        loan = self._workspace.loans([loan_id])[0]
        detail = self._workspace.loan_detail(loan_id)

        def save(paid_on: date, amount_fen: int, keep) -> Changes:
            changes, swap = self._workspace.ledger.prepay(loan_id, paid_on=paid_on, amount_fen=amount_fen, keep=keep)
            amount = format_yuan(amount_fen)
            self.undo.schedule_written(
                swap, self.tr("repay {amount} early on {platform}").format(amount=amount, platform=loan.platform)
            )
            self._hub.announce(changes)
            self.repayment_logged.emit(
                self.tr("Repaid {amount} of the {platform} loan early; its schedule was rebuilt.").format(
                    amount=amount, platform=loan.platform
                )
            )
            return changes

        return on_demand.prepay_dialog().ask(
            loan=loan,
            today=self._workspace.today(),
            open_count=sum(1 for line in detail.schedule if line.settled_on is None),
            preview=lambda day, fen, keep: self._workspace.prepayment_preview(
                loan_id, paid_on=day, amount_fen=fen, keep=keep
            ),
            save=save,
            parent=self._parent,
        )

    def use_platform_plan(self, loan_id: int) -> Changes | None:
        """Paste the platform's own plan as the loan's schedule (Ctrl+Z puts the old one back)."""
        loan = self._workspace.loans([loan_id])[0]

        def save(schedule) -> Changes:
            changes, swap = self._workspace.ledger.use_platform_plan(loan_id, schedule)
            self.undo.schedule_written(
                swap, self.tr("use the platform's plan for the {platform} loan").format(platform=loan.platform)
            )
            return self._hub.announce(changes)

        return on_demand.plan_dialog().ask(loan=loan, save=save, parent=self._parent)

    def edit_repayment(self, repayment: RepaymentLine) -> Changes | None:
        """Correct a recorded repayment's day, amount or note (Ctrl+Z puts the old values back)."""
        # Titled as the dialog it stands in for would be.
        if self._refused(repayment.repayment_id, QCoreApplication.translate("RepaymentEditDialog", "Edit repayment")):
            return None
        loan = self._workspace.loans([repayment.loan_id])[0]

        def save(paid_on: date, amount_fen: int, note: str) -> Changes:
            changes, edit = self._workspace.ledger.edit_repayment(
                repayment.repayment_id, paid_on=paid_on, amount_fen=amount_fen, note=note
            )
            self.undo.repayment_written(edit, self.tr("edit a repayment on {platform}").format(platform=loan.platform))
            return self._hub.announce(changes)

        return on_demand.repayment_edit_dialog().ask(
            repayment=repayment,
            platform=loan.platform,
            borrowed_on=loan.borrowed_on,
            today=self._workspace.today(),
            save=save,
            parent=self._parent,
        )

    def _refused(self, repayment_id: int, title: str) -> bool:
        """Say so in a message box when the repayment may not be edited or deleted on its own (a part prepayment's:
        the ledger refuses it, and says why)."""
        if self._workspace.repayment_change_refused(repayment_id) is None:
            return False
        text = self.tr(
            "This repayment is a part prepayment (提前还部分): the loan's schedule was rebuilt around it, so it cannot "
            "be changed or deleted on its own. Take it back with Undo (Ctrl+Z) right after making it, or edit the "
            "loan's terms, which builds its schedule again."
        )
        message_box(self._parent, QMessageBox.Icon.Information, title, text)
        return True

    def _log(self, loan: LoanSummary, paid_on: date, amount_fen: int, note: str = "") -> Changes:
        """Log a repayment so that Ctrl+Z takes it back, and say which installments it went to."""
        seqs = self._workspace.repayment_outlook(loan.loan_id, paid_on=paid_on).installments_met(amount_fen)
        changes, edit = self._workspace.ledger.log_repayment_undoably(
            loan.loan_id, paid_on=paid_on, amount_fen=amount_fen, note=note
        )
        amount = format_yuan(amount_fen)
        self.undo.repayment_written(
            edit, self.tr("log a repayment of {amount} on {platform}").format(amount=amount, platform=loan.platform)
        )
        self._hub.announce(changes)
        if not seqs:
            text = self.tr("Logged {amount} on {platform}.")
        elif len(seqs) == 1:
            text = self.tr("Logged {amount} on {platform}, installment {first} of {term}.")
        else:
            text = self.tr("Logged {amount} on {platform}, installments {first}–{last} of {term}.")
        first, last = (seqs[0], seqs[-1]) if seqs else (0, 0)
        self.repayment_logged.emit(
            text.format(amount=amount, platform=loan.platform, first=first, last=last, term=loan.term_months)
        )
        return changes

    def _pay_off(self, loan: LoanSummary, paid_on: date, amount_fen: int, note: str = "") -> Changes:
        """Settle the loan early so that Ctrl+Z takes it back."""
        changes = self._workspace.ledger.pay_off(loan.loan_id, paid_on=paid_on, amount_fen=amount_fen, note=note)
        self.undo.repayment_written(
            RepaymentEdit((changes.created_id,)),
            self.tr("settle the {platform} loan early").format(platform=loan.platform),
        )
        self._hub.announce(changes)
        self.repayment_logged.emit(
            self.tr("Logged an early payoff of {amount} on {platform}: the loan is settled.").format(
                amount=format_yuan(amount_fen), platform=loan.platform
            )
        )
        return changes

    def pay_next_in_full_today(self, loan_id: int) -> Changes | None:
        """One click: the loan's next installment paid today, in full. None (with a message) if it cannot be."""
        loan = self._workspace.loans([loan_id])[0]
        if not loan.next_due_fen:
            return None
        try:
            return self._log(loan, self._workspace.today(), loan.next_due_fen)
        except InvalidValue as error:
            message_box(self._parent, QMessageBox.Icon.Warning, self.tr("Log repayment"), reason_text(error.reason))
            return None
