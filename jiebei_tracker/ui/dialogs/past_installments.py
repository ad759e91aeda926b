"""The new-loan editor's "installments already due" group: what happened to them, and what will be recorded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QGroupBox, QLabel, QLineEdit, QRadioButton, QWidget

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import AmountOutOfRange, fen_to_yuan, format_yuan, parse_positive_yuan
from jiebei_tracker.domain.past import PastKind, PastOutcome, PastRepayments
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.ui.date_field import DateField
from jiebei_tracker.ui.dialogs import bounds
from jiebei_tracker.ui.dialogs.forms import error_label, make_room

PAST_FIELDS = ("paid_through", "settled", "payoff_amount")
"""The names the ledger gives a refused day or amount of this group (domain/past.py)."""


class PastInstallmentsBox(QGroupBox):
    """Asks what happened to a new loan's installments already due — repaid on schedule up to today or up to a
    day, settled early on a day (for an amount prefilled with the proposed payoff), or not repaid — and says what
    will be recorded. Shown only while some are due. ``outcome`` is the ledger's preview of a choice."""

    def __init__(
        self,
        *,
        today: date,
        outcome: Callable[[LoanDraft, PastRepayments], PastOutcome],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._outcome = outcome
        self._draft: LoanDraft | None = None
        self._payoff_typed = False  # the user's own amount is kept when the day changes
        self.due_count = 0
        self.setTitle(self.tr("Installments already due"))

        self.up_to_today = QRadioButton(self.tr("Repaid on schedule up to today"))
        self.up_to = QRadioButton(self.tr("Repaid on schedule up to …"))
        self.settled = QRadioButton(self.tr("Settled early on …"))
        self.unpaid = QRadioButton(self.tr("Not repaid (they are overdue)"))
        self.choices = QButtonGroup(self)
        for radio in (self.up_to_today, self.up_to, self.settled, self.unpaid):
            self.choices.addButton(radio)
        self.up_to_today.setChecked(True)
        self.up_to_date = DateField(today, today=today)
        self.settled_date = DateField(today, today=today)
        self.payoff_amount = QLineEdit()
        self.payoff_amount.setPlaceholderText(self.tr("e.g. 8123.45"))
        self.payoff_label = QLabel(self.tr("Amount paid to settle (yuan)"))
        self.payoff_label.setBuddy(self.payoff_amount)
        self.summary = QLabel()
        self.summary.setObjectName("past_summary")
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(0, 6, 0, 0)  # set apart from the choices it sums up
        self._messages = {field: error_label() for field in PAST_FIELDS}
        for field, label in self._messages.items():
            label.setObjectName(f"error_{field}")

        grid = QGridLayout(self)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.up_to_today, 0, 0, 1, 2)
        grid.addWidget(self.up_to, 1, 0)
        grid.addWidget(self.up_to_date, 1, 1)
        grid.addWidget(self._messages["paid_through"], 2, 1)
        grid.addWidget(self.settled, 3, 0)
        grid.addWidget(self.settled_date, 3, 1)
        grid.addWidget(self._messages["settled"], 4, 1)
        grid.addWidget(self.payoff_label, 5, 0)
        grid.addWidget(self.payoff_amount, 5, 1)
        grid.addWidget(self._messages["payoff_amount"], 6, 1)
        grid.addWidget(self.unpaid, 7, 0, 1, 2)
        grid.addWidget(self.summary, 8, 0, 1, 2)
        # The amount belongs to "settled early": indent its label under that choice.
        self.payoff_label.setIndent(self.settled.iconSize().width() + 8)
        self.payoff_amount.setMaximumWidth(self.up_to_date.line_edit.minimumWidth())
        for earlier, later in (
            (self.up_to_today, self.up_to),
            (self.up_to, self.up_to_date.line_edit),
            (self.up_to_date.line_edit, self.settled),
            (self.settled, self.settled_date.line_edit),
            (self.settled_date.line_edit, self.payoff_amount),
            (self.payoff_amount, self.unpaid),
        ):
            QWidget.setTabOrder(earlier, later)

        self.choices.buttonToggled.connect(lambda _button, checked: checked and self._refresh())
        self.up_to_date.dateChanged.connect(lambda _day: self._refresh())
        self.settled_date.dateChanged.connect(lambda _day: self._refresh())
        self.payoff_amount.textEdited.connect(self._on_payoff_edited)
        self.hide()
        self._refresh()

    def set_draft(self, draft: LoanDraft | None) -> None:
        """Show the group for the loan as now entered (hidden when nothing is due); None while it is incomplete,
        which keeps the group as it is and asks for the rest."""
        self._draft = draft
        if draft is not None:
            self.due_count = self._outcome(draft, PastRepayments.unpaid()).overdue_count
            for field in (self.up_to_date, self.settled_date):
                field.setDateRange(earliest=draft.terms.borrowed_on, future_allowed=False)
            self.setVisible(self.due_count > 0)
        self._refresh()

    def choice(self) -> PastRepayments | None:
        """The user's answer, or None with what is wrong shown under its field."""
        self.clear_errors()
        if self.up_to_today.isChecked():
            return PastRepayments.paid_through(self._today)
        if self.unpaid.isChecked():
            return PastRepayments.unpaid()
        if self.up_to.isChecked():
            if self.up_to_date.error():
                self.show_error("paid_through", self.up_to_date.error())
                return None
            return PastRepayments.paid_through(self.up_to_date.date())
        refused = False
        if self.settled_date.error():
            self.show_error("settled", self.settled_date.error())
            refused = True
        try:
            payoff_fen = self._typed_payoff()
        except AmountOutOfRange:
            self.show_error("payoff_amount", bounds.amount_too_large())
            refused = True
        except InvalidValue:
            self.show_error("payoff_amount", self.tr("Enter an amount above zero, e.g. 8123.45."))
            refused = True
        return None if refused else PastRepayments.settled(self.settled_date.date(), payoff_fen)

    def show_refusal(self, error: InvalidValue) -> None:
        """What the ledger refused, under its field, in the user's language."""
        if error.field == "payoff_amount":
            self.show_error(error.field, bounds.refusal(error) or self.tr("Enter an amount above zero, e.g. 8123.45."))
        else:
            field = self.up_to_date if error.field == "paid_through" else self.settled_date
            self.show_error(
                error.field,
                field.error() or self.tr("Choose a day between the borrowing date and today."),
            )

    def show_error(self, field: str, text: str) -> None:
        label = self._messages[field]
        label.setText(text)
        label.show()
        make_room(self)

    def error(self, field: str) -> str:
        """The message shown under ``field`` ('' when none)."""
        return self._messages[field].text()

    def clear_errors(self) -> None:
        for label in self._messages.values():
            label.clear()
            label.hide()

    def _on_payoff_edited(self, text: str) -> None:
        # Cleared: the proposed amount comes back the next time the day or the loan changes.
        self._payoff_typed = bool(text.strip())
        self._show_summary()

    def _typed_payoff(self) -> int | None:
        """The amount in the field (None when empty: the proposed amount); InvalidValue when it is not one."""
        text = self.payoff_amount.text()
        return parse_positive_yuan(text, field="payoff_amount") if text.strip() else None

    def _refresh(self) -> None:
        self.up_to_date.setEnabled(self.up_to.isChecked())
        for widget in (self.settled_date, self.payoff_label, self.payoff_amount):
            widget.setEnabled(self.settled.isChecked())
        settling = self._draft is not None and self.settled.isChecked() and not self.settled_date.error()
        if settling and not self._payoff_typed:
            proposed = self._outcome(self._draft, PastRepayments.settled(self.settled_date.date())).payoff
            self.payoff_amount.setText(fen_to_yuan(proposed.amount_fen) if proposed else "")
        self._show_summary()

    def _show_summary(self) -> None:
        self.summary.setText(self._summary())
        make_room(self)

    def _summary(self) -> str:
        if self._draft is None:
            return self.tr("Fill in the loan above to see what will be recorded.")
        day_field = (
            self.up_to_date if self.up_to.isChecked() else self.settled_date if self.settled.isChecked() else None
        )
        if day_field is not None and day_field.error():
            return self.tr("Enter a valid day to see what will be recorded.")
        past = self._quiet_choice()
        try:
            outcome = self._outcome(self._draft, past) if past is not None else None
        except InvalidValue:  # an amount the ledger refuses
            outcome = None
        if outcome is None:
            return self.tr("Enter the amount paid to settle to see what will be recorded.")
        return self.describe(outcome, past)

    def _quiet_choice(self) -> PastRepayments | None:
        """The answer as it stands, without showing any message (None while a day or amount is not one)."""
        if self.up_to_today.isChecked():
            return PastRepayments.paid_through(self._today)
        if self.unpaid.isChecked():
            return PastRepayments.unpaid()
        field = self.up_to_date if self.up_to.isChecked() else self.settled_date
        if field.error():
            return None
        if self.up_to.isChecked():
            return PastRepayments.paid_through(field.date())
        try:
            return PastRepayments.settled(field.date(), self._typed_payoff())
        except InvalidValue:
            return None

    def describe(self, outcome: PastOutcome, past: PastRepayments) -> str:
        """What recording ``past`` writes, in a sentence or three."""
        paid = outcome.on_schedule_count
        sentences = []
        if paid:
            amount = format_yuan(outcome.on_schedule_fen)
            sentences.append(
                self.tr("1 installment will be recorded as paid on its due date, {amount}.").format(amount=amount)
                if paid == 1
                else self.tr("%n installments will be recorded as paid on their due dates, {amount}.", "", paid).format(
                    amount=amount
                )
            )
        if past.kind is PastKind.SETTLED:
            if outcome.payoff is None:
                sentences.append(self.tr("By then every installment is paid: nothing is left to settle."))
            else:
                day, amount = _sentence_day(outcome.payoff.paid_on), format_yuan(outcome.payoff.amount_fen)
                sentences.append(
                    self.tr("Then the loan will be recorded as settled early on {day} with {amount}.")
                    if paid
                    else self.tr("The loan will be recorded as settled early on {day} with {amount}.")
                )
                sentences[-1] = sentences[-1].format(day=day, amount=amount)
        overdue = outcome.overdue_count
        if overdue and paid:
            sentences.append(
                self.tr("The other installment already due will be recorded as overdue (not repaid).")
                if overdue == 1
                else self.tr(
                    "The other %n installments already due will be recorded as overdue (not repaid).", "", overdue
                )
            )
        elif overdue:
            sentences.append(
                self.tr("The installment already due will be recorded as overdue (not repaid).")
                if overdue == 1
                else self.tr("The %n installments already due will be recorded as overdue (not repaid).", "", overdue)
            )
            sentences.append(self.tr("You can log repayments for them at any time."))
        return ("" if display_language() == "zh_CN" else " ").join(sentences)


def _sentence_day(day: date) -> str:
    """A day inside a sentence: 2025年7月1日 in Chinese, 2025-07-01 in English (as the date field's messages)."""
    return f"{day.year}年{day.month}月{day.day}日" if display_language() == "zh_CN" else day.isoformat()
