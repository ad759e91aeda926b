"""Logging a repayment: "paid today, in full" by default; another date, a partial amount, or an early payoff, with
a note, and a line saying which installments the amount settles while it is typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import AmountOutOfRange, fen_to_yuan, format_yuan, parse_positive_yuan
from jiebei_tracker.domain.payments import PayoffQuote, Settled, is_low_payoff
from jiebei_tracker.domain.rates import decimal_text
from jiebei_tracker.domain.text import ControlCharacter, clean_note
from jiebei_tracker.qt_text import plain_label
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.loans import LoanSummary, RepaymentOutlook
from jiebei_tracker.ui.common import ERROR_STYLE
from jiebei_tracker.ui.date_field import DateField
from jiebei_tracker.ui.dialogs import bounds
from jiebei_tracker.ui.dialogs.forms import FormDialog, describe, make_room
from jiebei_tracker.ui.refusal_text import reason_text


class RepaymentDialog(FormDialog):
    """``pay(paid_on, amount_fen, note)`` or ``pay_off(paid_on, amount_fen, note)`` is called on Save.
    ``outlook(paid_on)`` gives what a repayment on that day would meet; without it no "settles" line is shown."""

    def __init__(
        self,
        *,
        loan: LoanSummary,
        today: date,
        quote: Callable[[date], PayoffQuote],
        pay: Callable[[date, int, str], Changes],
        pay_off: Callable[[date, int, str], Changes],
        outlook: Callable[[date], RepaymentOutlook] | None = None,
        payoff: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._loan, self._today, self._quote, self._pay, self._pay_off = loan, today, quote, pay, pay_off
        self._outlook = outlook
        self._outlooks: dict[date, RepaymentOutlook] = {}  # one read per day looked at, not per key pressed
        self.saved_changes: Changes | None = None
        self.setWindowTitle(self.tr("Log a repayment"))
        heading = plain_label(
            self.tr("{platform}, borrowed {day}: {left} left to pay").format(
                platform=loan.platform, day=loan.borrowed_on.isoformat(), left=format_yuan(loan.remaining_fen)
            )
        )
        heading.setWordWrap(True)
        self.paid_on = DateField(today, today=today, earliest=loan.borrowed_on)
        self.amount = QLineEdit(fen_to_yuan(loan.next_due_fen or 0))
        self.settles_label = plain_label()
        self.settles_label.setObjectName("settles")
        self.settles_label.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. paid from my salary card"))
        self.payoff = QCheckBox(self.tr("Pay off the whole loan now (early payoff)"))
        self.quote_label = QLabel()
        self.quote_label.setWordWrap(True)
        self.quote_label.hide()
        self.errors.add_row("paid_on", self.tr("Paid on"), self.paid_on)
        self.errors.add_row(
            "amount",
            self.tr("Amount (yuan)"),
            self.amount,
            self.tr("What you paid, in yuan: the next installment in full is filled in; change it for part of one"),
        )
        self.form.addRow("", self.settles_label)
        self.errors.add_row("note", self.tr("Note (optional)"), self.note)
        self.form.addRow("", self.payoff)
        describe(
            self.payoff,
            self.tr("Repay everything left now, with the interest up to the day paid; the amount becomes the payoff"),
        )
        self.payoff.toggled.connect(self._on_payoff_toggled)
        self.paid_on.dateChanged.connect(self._refresh_quote)
        self.amount.textChanged.connect(self._refresh_settles)
        self.paid_on.dateChanged.connect(self._refresh_settles)
        self.payoff.toggled.connect(self._refresh_settles)
        self.lay_out(above=[heading], below=[self.quote_label], minimum_width=420)
        self.payoff.setChecked(payoff)
        self._refresh_settles()

    def _on_payoff_toggled(self, checked: bool) -> None:
        self.setWindowTitle(self.tr("Pay off early") if checked else self.tr("Log a repayment"))
        if not checked:  # back from the payoff's amount to the next installment's (a typed amount stays on a new day)
            self.amount.setText(fen_to_yuan(self._loan.next_due_fen or 0))
        self._refresh_quote()

    def _refresh_quote(self) -> None:
        if not self.payoff.isChecked():
            self.quote_label.hide()
            return
        if self.paid_on.error():
            return  # the quote follows the day once the text names an allowed one
        quote = self._quote(self.paid_on.date())
        self.amount.setText(fen_to_yuan(quote.amount_fen))
        self.quote_label.setText(self._quote_text(quote))
        self.quote_label.show()
        make_room(self.quote_label)

    def _quote_text(self, quote: PayoffQuote) -> str:
        """How the proposed amount is made up, one sentence a line: what already fell due (in full), the principal
        not yet due with its interest so far, the penalty interest on what is overdue, and what is left out."""
        parts = []
        if quote.due_unpaid_count == 1:
            parts.append(
                self.tr("the installment already due (principal and interest) {due}").format(
                    due=format_yuan(quote.due_unpaid_fen)
                )
            )
        elif quote.due_unpaid_count:
            parts.append(
                self.tr(
                    "%n installments already due (principal and interest) {due}", "", quote.due_unpaid_count
                ).format(due=format_yuan(quote.due_unpaid_fen))
            )
        if quote.principal_fen:
            parts.append(
                self.tr("principal {principal} + interest for {days} days {interest}").format(
                    principal=format_yuan(quote.principal_fen),
                    days=quote.accrued_days,
                    interest=format_yuan(quote.accrued_interest_fen),
                )
            )
        if quote.penalty_fen:
            parts.append(self.tr("penalty interest about {penalty}").format(penalty=format_yuan(quote.penalty_fen)))
        lines = [self.tr("Proposed: {parts}.").format(parts=" + ".join(parts) or format_yuan(quote.amount_fen))]
        if quote.penalty_fen:
            lines.append(
                self.tr(
                    "The penalty interest is an estimate ({multiplier} × the daily rate on what is overdue, for each "
                    "day past the due date); late fees are not included."
                ).format(multiplier=decimal_text(quote.penalty_multiplier))
            )
        lines.append(self.tr("Change the amount if the platform asked for a different one."))
        return "\n".join(lines)

    def _refresh_settles(self, *_args) -> None:
        """Say, as the amount is typed, which installments it settles — or why it cannot be recorded."""
        text, refused = self._settles_text()
        self.settles_label.setText(text)
        self.settles_label.setStyleSheet(ERROR_STYLE if refused else "")
        self.settles_label.setVisible(bool(text))
        make_room(self.settles_label)

    def _settles_text(self) -> tuple[str, bool]:
        """The line to show ('' for none) and whether it is a refusal."""
        if self._outlook is None or self.payoff.isChecked() or self.paid_on.error():
            return "", False
        try:
            amount = parse_positive_yuan(self.amount.text(), field="amount")
        except InvalidValue:
            return "", False
        outlook = self._outlook_on(self.paid_on.date())
        if outlook.left_fen == 0:
            return self.tr("This loan is already settled."), True
        if amount > outlook.left_fen:
            return self._too_much(outlook.left_fen), True
        said = self._settles_sentence(outlook.settled(amount))
        if said and outlook.replaces is not None:  # why it settles an installment the window shows as paid
            said = self.tr(
                "{settles} It takes the place of the repayment assumed on {day} (from the schedule or autopay)."
            ).format(settles=said, day=outlook.replaces.isoformat())
        return said, False

    def _outlook_on(self, day: date) -> RepaymentOutlook:
        if day not in self._outlooks:
            self._outlooks[day] = self._outlook(day)
        return self._outlooks[day]

    def _settles_sentence(self, entries: list[Settled]) -> str:
        """What ``settles`` found, in words: "Settles installment 3 and pays ¥120.00 of installment 4."."""
        whole = [entry.seq for entry in entries if entry.whole]
        part = next((entry for entry in entries if not entry.whole), None)
        if not whole:
            if part is None:
                return ""
            return self.tr("Pays {amount} of installment {seq}.").format(
                amount=format_yuan(part.amount_fen), seq=part.seq
            )
        if len(whole) == 1:
            settled = self.tr("installment {seq}").format(seq=whole[0])
        else:
            settled = self.tr("installments {first}–{last}").format(first=whole[0], last=whole[-1])
        if part is None:
            return self.tr("Settles {settled}.").format(settled=settled)
        return self.tr("Settles {settled} and pays {amount} of installment {seq}.").format(
            settled=settled, amount=format_yuan(part.amount_fen), seq=part.seq
        )

    def _too_much(self, left_fen: int) -> str:
        return self.tr(
            "More than the {left} left to pay. To settle the loan early, tick “Pay off the whole loan now”."
        ).format(left=format_yuan(left_fen))

    def submit(self) -> None:
        self.errors.clear()
        if self.paid_on.error():
            self.errors.set("paid_on", self.paid_on.error())
            return
        try:
            amount = parse_positive_yuan(self.amount.text(), field="amount")
        except AmountOutOfRange:
            self.errors.set("amount", bounds.amount_too_large())
            return
        except InvalidValue:
            self.errors.set("amount", self.tr("Enter the amount paid, above zero, e.g. 1039.43."))
            return
        try:
            note = clean_note(self.note.text(), "note").strip()
        except ControlCharacter as error:
            self.errors.set("note", bounds.control_character(error))
            return
        if self.payoff.isChecked():
            proposed = self._quote(self.paid_on.date()).amount_fen
            if is_low_payoff(amount, proposed) and not bounds.low_payoff_confirmed(self, amount, proposed):
                return
        save = self._pay_off if self.payoff.isChecked() else self._pay
        try:
            self.saved_changes = save(self.paid_on.date(), amount, note)
        except InvalidValue as error:
            self.settles_label.hide()  # the refusal is shown under its field instead
            self.errors.set(error.field, self._refusal(error))
            return
        self.accept()

    def _refusal(self, error: InvalidValue) -> str:
        """What the ledger refused, said in the user's language where the case is known."""
        out_of_bounds = bounds.refusal(error)
        if out_of_bounds:
            return out_of_bounds
        if error.field == "amount" and "more than" in error.reason:
            left = self._loan.remaining_fen
            if self._outlook is not None and not self.paid_on.error():
                left = self._outlook_on(self.paid_on.date()).left_fen
            return self._too_much(left)
        if error.field == "paid_on":
            return self.tr("Choose a day between the borrowing date and today.")
        if error.field == "loan":
            return self.tr("This loan is already settled.")
        return reason_text(error.reason)
