"""Repaying part of a loan early (提前还部分): the day, the amount and what to keep — the monthly payment or the
term — with the new schedule and the interest saved shown before anything is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import AmountOutOfRange, format_yuan, parse_positive_yuan
from jiebei_tracker.domain.prepay import Keep, Prepayment
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.loans import LoanSummary, ScheduleLine
from jiebei_tracker.ui.common import record_table
from jiebei_tracker.ui.date_field import DateField
from jiebei_tracker.ui.dialogs import bounds
from jiebei_tracker.ui.dialogs.forms import FormDialog, make_room
from jiebei_tracker.ui.models.schedule_model import ScheduleTableModel
from jiebei_tracker.ui.refusal_text import reason_text


class PrepayDialog(FormDialog):
    """``preview(paid_on, amount_fen, keep)`` works a prepayment out as the user types (a refusal is shown by its
    field); ``save(paid_on, amount_fen, keep)`` records it on Save."""

    def __init__(
        self,
        *,
        loan: LoanSummary,
        today: date,
        open_count: int,
        preview: Callable[[date, int, Keep], Prepayment],
        save: Callable[[date, int, Keep], Changes],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._preview, self._save, self._open_count = preview, save, open_count
        self.saved_changes: Changes | None = None
        self.setWindowTitle(self.tr("Repay part early"))
        heading = QLabel(
            self.tr(
                "{platform}, {principal} borrowed {day}: {outstanding} principal left. The interest since the last "
                "due date is paid first; the rest comes off the principal."
            ).format(
                platform=loan.platform,
                principal=format_yuan(loan.principal_fen),
                day=loan.borrowed_on.isoformat(),
                outstanding=format_yuan(loan.outstanding_fen),
            )
        )
        heading.setWordWrap(True)
        self.paid_on = DateField(today, today=today, earliest=loan.borrowed_on)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 3000"))
        self.keep_payment = QRadioButton(self.tr("Keep the monthly payment and finish sooner"))
        self.keep_term = QRadioButton(self.tr("Keep the term and pay less each month"))
        self.keep_payment.setChecked(True)
        self._keep = QButtonGroup(self)
        for button in (self.keep_payment, self.keep_term):
            self._keep.addButton(button)
        keep_box = QWidget()
        keep_layout = QVBoxLayout(keep_box)
        keep_layout.setContentsMargins(0, 0, 0, 0)
        keep_layout.addWidget(self.keep_payment)
        keep_layout.addWidget(self.keep_term)
        self.errors.add_row("paid_on", self.tr("Paid on"), self.paid_on)
        self.errors.add_row("amount", self.tr("Amount (yuan)"), self.amount)
        self.errors.add_row("keep", self.tr("Afterwards"), keep_box)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setObjectName("prepayOutcome")
        self.schedule_model = ScheduleTableModel(self)
        self.schedule_view = record_table(self.schedule_model, "prepay_schedule")
        self.schedule_view.setColumnHidden(self.schedule_model.fee_column, not loan.fees)
        self.schedule_view.setMinimumHeight(180)
        self.schedule_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.paid_on.dateChanged.connect(self.update_preview)
        self.amount.textChanged.connect(self.update_preview)
        self._keep.buttonToggled.connect(self.update_preview)
        self.lay_out(above=[heading], below=[self.outcome, self.schedule_view], minimum_width=560)
        self.update_preview()

    def keep(self) -> Keep:
        return Keep.TERM if self.keep_term.isChecked() else Keep.PAYMENT

    def _read(self) -> tuple[date, int] | None:
        """The day and the amount, or None with what is wrong shown by its field."""
        self.errors.clear()
        if self.paid_on.error():
            self.errors.set("paid_on", self.paid_on.error())
        amount = None
        try:
            amount = parse_positive_yuan(self.amount.text(), field="amount")
        except AmountOutOfRange:
            self.errors.set("amount", bounds.amount_too_large())
        except InvalidValue:
            if self.amount.text().strip():
                self.errors.set("amount", self.tr("Enter the amount repaid, above zero, e.g. 3000."))
        if self.errors.any() or amount is None:
            return None
        return self.paid_on.date(), amount

    def update_preview(self, *_changed) -> None:
        """The prepayment as typed so far: what it pays, the new schedule, the interest saved."""
        read = self._read()
        plan = None
        if read is not None:
            try:
                plan = self._preview(*read, self.keep())
            except InvalidValue as error:
                self.errors.set(error.field, self._refusal(error))
        self.schedule_view.setVisible(plan is not None)
        if plan is None:
            self.outcome.setText(self.tr("The new schedule shows here once the day and the amount are filled in."))
            self.schedule_model.set_records([])
            return
        rebuilt = plan.rebuilt
        regular = rebuilt[1] if len(rebuilt) > 1 else rebuilt[0]
        self.outcome.setText(
            self.tr(
                "{interest} interest since the last due date, {principal} off the principal ({left} left). "
                "{count} installments to come (were {before}), {payment} a month, the last {last} on {day}. "
                "Interest saved: {saved}."
            ).format(
                interest=format_yuan(plan.interest_fen),
                principal=format_yuan(plan.principal_fen),
                left=format_yuan(plan.balance_after_fen),
                count=len(rebuilt),
                before=self._open_count,
                payment=format_yuan(regular.total_fen),
                last=format_yuan(rebuilt[-1].total_fen),
                day=rebuilt[-1].due_on.isoformat(),
                saved=format_yuan(plan.interest_saved_fen),
            )
        )
        make_room(self.outcome)
        # The prepayment is an installment of its own, paid the day it is made: shown first, the new schedule
        # numbers on from it as the loan's window will once it is saved.
        made = next(line for line in plan.schedule if line.seq == rebuilt[0].seq - 1)
        self.schedule_model.set_records([ScheduleLine.paid_on_its_day(made), *map(ScheduleLine.to_come, rebuilt)])

    def _refusal(self, error: InvalidValue) -> str:
        out_of_bounds = bounds.refusal(error)
        if out_of_bounds:
            return out_of_bounds
        reason = error.reason
        if error.field == "amount" and "pay the loan off early" in reason:
            return self.tr("This repays everything left: use Pay off early instead.")
        if error.field == "amount" and "interest accrued" in reason:
            return self.tr("This is no more than the interest accrued since the last due date.")
        if error.field == "paid_on" and "pay it first" in reason:
            return self.tr("An installment due by this day is still open: log it first.")
        if error.field == "paid_on" and "recorded after" in reason:
            return self.tr("A repayment is recorded after this day.")
        return reason_text(reason)

    def submit(self) -> None:
        read = self._read()
        if read is None:
            if not self.errors.any():
                self.errors.set("amount", self.tr("Enter the amount repaid, above zero, e.g. 3000."))
            return
        try:
            self.saved_changes = self._save(*read, self.keep())
        except InvalidValue as error:
            self.errors.set(error.field, self._refusal(error))
            return
        self.accept()
