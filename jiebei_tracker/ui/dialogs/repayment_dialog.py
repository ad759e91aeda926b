"""Logging a repayment: "paid today, in full" by default; another date, a partial amount, or an early payoff."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import fen_to_yuan, format_yuan, parse_positive_yuan
from jiebei_tracker.domain.payments import PayoffQuote
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.loans import LoanSummary
from jiebei_tracker.ui.date_field import DateField
from jiebei_tracker.ui.dialogs.forms import FormDialog


class RepaymentDialog(FormDialog):
    """``pay(paid_on, amount_fen)`` or ``pay_off(paid_on, amount_fen)`` is called on Save."""

    def __init__(
        self,
        *,
        loan: LoanSummary,
        today: date,
        quote: Callable[[date], PayoffQuote],
        pay: Callable[[date, int], Changes],
        pay_off: Callable[[date, int], Changes],
        payoff: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._loan, self._today, self._quote, self._pay, self._pay_off = loan, today, quote, pay, pay_off
        self.saved_changes: Changes | None = None
        self.setWindowTitle(self.tr("Log a repayment"))
        heading = QLabel(
            self.tr("{platform}, borrowed {day}: {left} left to pay").format(
                platform=loan.platform, day=loan.borrowed_on.isoformat(), left=format_yuan(loan.remaining_fen)
            )
        )
        heading.setWordWrap(True)
        self.paid_on = DateField(today, today=today, earliest=loan.borrowed_on)
        self.amount = QLineEdit(fen_to_yuan(loan.next_due_fen or 0))
        self.payoff = QCheckBox(self.tr("Pay off the whole loan now (early payoff)"))
        self.quote_label = QLabel()
        self.quote_label.setWordWrap(True)
        self.quote_label.hide()
        self.errors.add_row("paid_on", self.tr("Paid on"), self.paid_on)
        self.errors.add_row("amount", self.tr("Amount (yuan)"), self.amount)
        self.form.addRow("", self.payoff)
        self.payoff.toggled.connect(self._refresh_quote)
        self.paid_on.dateChanged.connect(self._refresh_quote)
        self.lay_out(above=[heading], below=[self.quote_label], minimum_width=420)
        self.payoff.setChecked(payoff)

    def _refresh_quote(self) -> None:
        if not self.payoff.isChecked():
            self.quote_label.hide()
            self.amount.setText(fen_to_yuan(self._loan.next_due_fen or 0))
            return
        if self.paid_on.error():
            return  # the quote follows the day once the text names an allowed one
        quote = self._quote(self.paid_on.date())
        self.amount.setText(fen_to_yuan(quote.amount_fen))
        text = self.tr("Proposed: principal {principal} + interest for {days} days {interest}").format(
            principal=format_yuan(quote.principal_fen),
            days=quote.accrued_days,
            interest=format_yuan(quote.accrued_interest_fen),
        )
        if quote.due_unpaid_fen:
            text += self.tr(" + already due {due}").format(due=format_yuan(quote.due_unpaid_fen))
        self.quote_label.setText(text + self.tr(". Change the amount if the platform asked for a different one."))
        self.quote_label.show()

    def submit(self) -> None:
        self.errors.clear()
        if self.paid_on.error():
            self.errors.set("paid_on", self.paid_on.error())
            return
        try:
            amount = parse_positive_yuan(self.amount.text(), field="amount")
        except InvalidValue:
            self.errors.set("amount", self.tr("Enter the amount paid, above zero, e.g. 1039.43."))
            return
        save = self._pay_off if self.payoff.isChecked() else self._pay
        try:
            self.saved_changes = save(self.paid_on.date(), amount)
        except InvalidValue as error:
            self.errors.set(error.field, self._refusal(error))
            return
        self.accept()

    def _refusal(self, error: InvalidValue) -> str:
        """What the ledger refused, said in the user's language where the case is known."""
        if error.field == "amount" and "more than" in error.reason:
            return self.tr(
                "More than the {left} left to pay. To settle the loan early, tick “Pay off the whole loan now”."
            ).format(left=format_yuan(self._loan.remaining_fen))
        if error.field == "paid_on":
            return self.tr("Choose a day between the borrowing date and today.")
        if error.field == "loan":
            return self.tr("This loan is already settled.")
        return error.reason

    @classmethod
    def ask(cls, **kwargs) -> Changes | None:
        dialog = cls(**kwargs)
        return dialog.saved_changes if dialog.exec() == QDialog.DialogCode.Accepted else None
