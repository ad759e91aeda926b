"""Correcting a repayment already recorded: its day, amount and note (the installments are worked out again)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import AmountOutOfRange, fen_to_yuan, format_yuan, parse_positive_yuan
from jiebei_tracker.domain.text import ControlCharacter, clean_note
from jiebei_tracker.qt_text import display_language, plain_label
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.loans import RepaymentLine
from jiebei_tracker.ui.date_field import DateField
from jiebei_tracker.ui.dialogs import bounds
from jiebei_tracker.ui.dialogs.forms import FormDialog
from jiebei_tracker.ui.refusal_text import reason_text


class RepaymentEditDialog(FormDialog):
    """``save(paid_on, amount_fen, note)`` is called on Save when something changed; a refusal is shown under the
    field it is about and nothing is written."""

    def __init__(
        self,
        *,
        repayment: RepaymentLine,
        platform: str,
        borrowed_on: date,
        today: date,
        save: Callable[[date, int, str], Changes],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._repayment, self._save = repayment, save
        self.saved_changes: Changes | None = None
        self.setWindowTitle(self.tr("Edit repayment"))
        heading = plain_label(
            self.tr("{platform}, borrowed {day}. Recorded as: {source}.").format(
                platform=platform, day=borrowed_on.isoformat(), source=repayment.source.label(display_language())
            )
        )
        heading.setWordWrap(True)
        self.paid_on = DateField(repayment.paid_on, today=today, earliest=borrowed_on)
        self.amount = QLineEdit(fen_to_yuan(repayment.amount_fen))
        self.note = QLineEdit(repayment.note)
        self.errors.add_row("paid_on", self.tr("Paid on"), self.paid_on)
        self.errors.add_row("amount", self.tr("Amount (yuan)"), self.amount)
        self.errors.add_row("note", self.tr("Note (optional)"), self.note)
        self.lay_out(above=[heading], minimum_width=420)

    def submit(self) -> None:
        self.errors.clear()
        if self.paid_on.error():
            self.errors.set("paid_on", self.paid_on.error())
        try:
            amount = parse_positive_yuan(self.amount.text(), field="amount")
        except AmountOutOfRange:
            self.errors.set("amount", bounds.amount_too_large())
        except InvalidValue:
            self.errors.set("amount", self.tr("Enter the amount paid, above zero, e.g. 1039.43."))
        try:
            note = clean_note(self.note.text(), "note").strip()
        except ControlCharacter as error:
            self.errors.set("note", bounds.control_character(error))
        if self.errors.any():
            return
        paid_on = self.paid_on.date()
        old = self._repayment
        if (paid_on, amount, note) != (old.paid_on, old.amount_fen, old.note):
            try:
                self.saved_changes = self._save(paid_on, amount, note)
            except InvalidValue as error:
                self.errors.set(error.field, self._refusal(error, amount))
                return
        self.accept()

    def _refusal(self, error: InvalidValue, amount_fen: int) -> str:
        out_of_bounds = bounds.refusal(error)
        if out_of_bounds:
            return out_of_bounds
        if error.field == "amount" and "more" in error.reason:
            return self.tr("{amount} would pay more than this loan owes. Enter the amount actually paid.").format(
                amount=format_yuan(amount_fen)
            )
        if error.field == "paid_on":
            return self.tr("Choose a day between the borrowing date and today.")
        return reason_text(error.reason)
