"""A new loan with installments already due (issue #10 §1): the editor asks what happened to them — repaid on
schedule up to today or up to a day, settled early, not repaid — says what will be recorded, and the ledger records
exactly that. Driven with key presses, as a person fills the editor in."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton, QWidget

from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanStatus, RepaymentSource
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from tests.conftest import TODAY
from tests.scenarios import draft
from tests.ui.keyboard import type_text
from tests.ui.loan_editor_steps import fill_loan, press, tab_to

MONTHLY_FEN = 103_943  # 12 months at 7.2% a year, equal installments: ¥1,039.43 a month, the last ¥1,039.42


def choose(dialog: LoanEditorDialog, radio: QRadioButton) -> None:
    """Tab into the group (the focus lands on the chosen answer) and move down to ``radio`` with the arrow key."""
    box = dialog.past_installments
    tab_to(dialog, box.up_to_today)
    while not radio.isChecked():
        press(dialog, Qt.Key.Key_Down)
    assert radio.hasFocus()


def only_loan(workspace):
    (loan,) = workspace.loans()
    return workspace.loan_detail(loan.loan_id)


def statuses(detail) -> list[InstallmentStatus]:
    return [line.status for line in detail.schedule]


def test_by_default_the_installments_already_due_were_repaid_on_schedule(new_loan, workspace):
    def person(dialog):
        fill_loan(dialog)
        box = dialog.past_installments
        assert box.isVisible()
        assert box.up_to_today.isChecked()
        assert box.summary.text() == "12 installments will be recorded as paid on their due dates, ¥12,473.15."
        press(dialog, Qt.Key.Key_Return)

    _, changes = new_loan(person)
    assert changes is not None and changes.created_id is not None
    detail = only_loan(workspace)
    assert statuses(detail) == [InstallmentStatus.ON_TIME] * 12
    assert [(r.paid_on, r.amount_fen, r.is_payoff, r.source) for r in detail.repayments] == [
        (line.due_on, line.total_fen, False, RepaymentSource.SCHEDULE) for line in detail.schedule
    ]
    assert sum(r.amount_fen for r in detail.repayments) == 1_247_315
    assert detail.summary.status is LoanStatus.SETTLED
    assert workspace.totals().overdue_installments == 0


def test_repaid_on_schedule_up_to_a_day_leaves_the_rest_overdue(new_loan, workspace):
    def person(dialog):
        fill_loan(dialog)
        box = dialog.past_installments
        assert not box.up_to_date.isEnabled()
        choose(dialog, box.up_to)
        assert box.up_to_date.isEnabled()
        press(dialog, Qt.Key.Key_Tab)
        assert box.up_to_date.line_edit.hasFocus()
        type_text(box.up_to_date.line_edit, "2025-08-10")
        assert box.summary.text() == (
            "5 installments will be recorded as paid on their due dates, ¥5,197.15. "
            "The other 7 installments already due will be recorded as overdue (not repaid)."
        )
        press(dialog, Qt.Key.Key_Return)

    _, changes = new_loan(person)
    assert changes is not None
    detail = only_loan(workspace)
    assert statuses(detail) == [InstallmentStatus.ON_TIME] * 5 + [InstallmentStatus.OVERDUE] * 7
    assert [(r.paid_on, r.amount_fen) for r in detail.repayments] == [
        (date(2025, month, 10), MONTHLY_FEN) for month in range(4, 9)
    ]
    assert workspace.totals().overdue_installments == 7


def test_settled_early_on_a_day_with_the_amount_typed(new_loan, workspace):
    def person(dialog):
        fill_loan(dialog)
        box = dialog.past_installments
        choose(dialog, box.settled)
        press(dialog, Qt.Key.Key_Tab)
        type_text(box.settled_date.line_edit, "2025-07-01")
        # The proposed payoff for that day fills the amount, and the summary says what will be recorded.
        assert box.payoff_amount.text() == "9118.41"
        assert box.summary.text() == (
            "3 installments will be recorded as paid on their due dates, ¥3,118.29. "
            "Then the loan will be recorded as settled early on 2025-07-01 with ¥9,118.41."
        )
        press(dialog, Qt.Key.Key_Tab)
        assert box.payoff_amount.hasFocus() and box.payoff_amount.selectedText() == "9118.41"
        type_text(box.payoff_amount, "9100.5")
        assert box.summary.text().endswith("settled early on 2025-07-01 with ¥9,100.50.")
        press(dialog, Qt.Key.Key_Return)

    _, changes = new_loan(person)
    assert changes is not None
    detail = only_loan(workspace)
    assert [(r.paid_on, r.amount_fen, r.is_payoff) for r in detail.repayments] == [
        (date(2025, 4, 10), MONTHLY_FEN, False),
        (date(2025, 5, 10), MONTHLY_FEN, False),
        (date(2025, 6, 10), MONTHLY_FEN, False),
        (date(2025, 7, 1), 910_050, True),
    ]
    assert detail.summary.status is LoanStatus.SETTLED
    assert InstallmentStatus.OVERDUE not in statuses(detail)
    assert workspace.totals().overdue_installments == 0


def test_a_typed_payoff_amount_stays_when_the_day_changes(new_loan):
    def person(dialog):
        fill_loan(dialog)
        box = dialog.past_installments
        choose(dialog, box.settled)
        press(dialog, Qt.Key.Key_Tab)
        type_text(box.settled_date.line_edit, "2025-07-01")
        assert box.payoff_amount.text() == "9118.41"
        press(dialog, Qt.Key.Key_Tab)
        type_text(box.payoff_amount, "9000")
        box.settled_date.line_edit.setFocus()
        box.settled_date.line_edit.selectAll()
        type_text(box.settled_date.line_edit, "2025-07-05")
        assert box.payoff_amount.text() == "9000"
        dialog.reject()

    new_loan(person)


def test_not_repaid_records_every_installment_already_due_as_overdue(new_loan, workspace):
    def person(dialog):
        fill_loan(dialog)
        box = dialog.past_installments
        choose(dialog, box.unpaid)
        assert box.summary.text() == (
            "The 12 installments already due will be recorded as overdue (not repaid). "
            "You can log repayments for them at any time."
        )
        press(dialog, Qt.Key.Key_Return)

    _, changes = new_loan(person)
    assert changes is not None
    detail = only_loan(workspace)
    assert detail.repayments == []
    assert statuses(detail) == [InstallmentStatus.OVERDUE] * 12
    assert workspace.totals().overdue_installments == 12


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2027-01-01", "The date cannot be in the future (today is 2026-11-28)."),
        ("2025-03-01", "The date cannot be before 2025-03-10."),
    ],
)
def test_a_day_in_the_future_or_before_the_loan_is_refused_under_its_field(typed, message, new_loan, workspace):
    def person(dialog):
        fill_loan(dialog)
        box = dialog.past_installments
        choose(dialog, box.up_to)
        press(dialog, Qt.Key.Key_Tab)
        type_text(box.up_to_date.line_edit, typed)
        assert box.summary.text() == "Enter a valid day to see what will be recorded."
        press(dialog, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert box.error("paid_through") == message
        assert box.findChild(QWidget, "error_paid_through").isVisible()
        dialog.reject()

    _, changes = new_loan(person)
    assert changes is None
    assert workspace.loans() == []


def test_a_payoff_amount_that_is_not_one_is_refused_under_its_field(new_loan, workspace):
    def person(dialog):
        fill_loan(dialog)
        box = dialog.past_installments
        choose(dialog, box.settled)
        press(dialog, Qt.Key.Key_Tab)
        type_text(box.settled_date.line_edit, "2025-07-01")
        press(dialog, Qt.Key.Key_Tab)
        type_text(box.payoff_amount, "0")
        press(dialog, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert box.error("payoff_amount") == "Enter an amount above zero, e.g. 8123.45."
        dialog.reject()

    _, changes = new_loan(person)
    assert changes is None
    assert workspace.loans() == []


def test_a_loan_borrowed_today_asks_nothing(new_loan, workspace):
    def person(dialog):
        fill_loan(dialog, borrowed=TODAY.isoformat())
        assert dialog.past_installments.isHidden()
        assert dialog.past_installments.due_count == 0
        press(dialog, Qt.Key.Key_Return)

    _, changes = new_loan(person)
    assert changes is not None
    detail = only_loan(workspace)
    assert detail.repayments == []
    assert statuses(detail) == [InstallmentStatus.UPCOMING] * 12


def test_the_group_follows_the_borrowing_date_as_it_is_typed(new_loan):
    def person(dialog):
        fill_loan(dialog, borrowed=TODAY.isoformat())
        box = dialog.past_installments
        assert box.isHidden()
        tab_to(dialog, dialog.borrowed_on.line_edit)
        type_text(dialog.borrowed_on.line_edit, "2026-09-28")  # two installments due by 2026-11-28
        assert box.isVisible()
        assert box.summary.text() == "2 installments will be recorded as paid on their due dates, ¥2,078.86."
        dialog.reject()

    new_loan(person)


def test_editing_a_loan_asks_nothing_about_past_installments(monkeypatch, qtbot, actions, workspace):
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2025, 3, 10), months=12)).created_id
    seen = []

    def fake_exec(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        seen.append((dialog.past_installments, dialog.findChildren(QRadioButton)))
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(LoanEditorDialog, "exec", fake_exec)
    assert actions.edit_loan(loan_id) is not None
    assert seen == [(None, [])]
    assert workspace.loan_detail(loan_id).repayments == []


SUMMARIES = {
    "en": {
        "today": "12 installments will be recorded as paid on their due dates, ¥12,473.15.",
        "up-to": "5 installments will be recorded as paid on their due dates, ¥5,197.15. "
        "The other 7 installments already due will be recorded as overdue (not repaid).",
        "settled": "3 installments will be recorded as paid on their due dates, ¥3,118.29. "
        "Then the loan will be recorded as settled early on 2025-07-01 with ¥9,118.41.",
        "unpaid": "The 12 installments already due will be recorded as overdue (not repaid). "
        "You can log repayments for them at any time.",
    },
    "zh_CN": {
        "today": "将把 12 期记为在到期日按期还清，共 ¥12,473.15。",
        "up-to": "将把 5 期记为在到期日按期还清，共 ¥5,197.15。其余已到期的 7 期将记为逾期未还。",
        "settled": "将把 3 期记为在到期日按期还清，共 ¥3,118.29。随后于 2025年7月1日提前结清，结清金额 ¥9,118.41。",
        "unpaid": "已到期的 12 期将记为逾期未还。您可以随时登记这几期的还款。",
    },
}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_each_choice_in_each_language(language, translations, new_loan, screenshot):
    """The group with each choice, as the user reads it (pictures in $JIEBEI_SCREENSHOTS to look at)."""
    translations.apply(language)
    shown = {}

    def person(dialog):
        fill_loan(dialog)
        box = dialog.past_installments
        for name, radio in [("today", box.up_to_today), ("up-to", box.up_to), ("settled", box.settled),
                            ("unpaid", box.unpaid)]:  # fmt: skip
            radio.click()
            if radio is box.up_to:
                box.up_to_date.setDate(date(2025, 8, 10))
            if radio is box.settled:
                box.settled_date.setDate(date(2025, 7, 1))
            shown[name] = box.summary.text()
            screenshot(dialog, f"editor-past-{name}-{language}")
        dialog.reject()

    new_loan(person)
    assert shown == SUMMARIES[language]
