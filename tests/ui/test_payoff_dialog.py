"""Early payoff in the window (issue #16): the dialog is titled for what it does, proposes what a matured loan
really owes, and the installments the payoff settled before their due dates read “Settled early” in the loan's
schedule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.penalty import penalty_fen
from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.ui.common import STATUS_COLOURS
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog
from tests.conftest import TODAY
from tests.scenarios import draft

STATUS_COLUMN = 7  # after the fee


@pytest.fixture
def payoff_by_keyboard(qtbot, monkeypatch):
    """Replace RepaymentDialog.exec(): show it, note what it says, press Enter in the amount (Save)."""
    seen: list[dict] = []

    def fake_exec(dialog: RepaymentDialog):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        seen.append({"title": dialog.windowTitle(), "quote": dialog.quote_label.text(), "amount": dialog.amount.text()})
        dialog.amount.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(dialog.amount, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(RepaymentDialog, "exec", fake_exec)
    return seen


def test_a_matured_loan_is_paid_off_in_a_dialog_titled_so_for_what_it_really_owes(
    workspace, window, payoff_by_keyboard
):
    # ¥12,000 over 6 months at 7.2 %, borrowed 2024-01-15: all six installments of ¥2,042.21 are long overdue.
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2024, 1, 15), months=6)).created_id
    detail = window.open_loan(loan_id)
    detail.payoff_button.click()
    [shown] = payoff_by_keyboard
    assert shown["title"] == "Pay off early"
    # Each installment's principal has run up 1.5 × 0.02 % a day of penalty since its due date (an estimate).
    penalty = sum(
        penalty_fen(line.principal_fen, Decimal("0.072"), Decimal("1.5"), (TODAY - line.due_on).days)
        for line in workspace.loan_detail(loan_id, as_of=date(2024, 1, 15)).schedule
    )
    assert shown["amount"] == f"{(1_225_326 + penalty) / 100:.2f}"
    assert shown["quote"].splitlines() == [
        "Proposed: 6 installments already due (principal and interest) ¥12,253.26 + penalty interest about "
        f"{format_yuan(penalty)}.",
        "The penalty interest is an estimate (1.5 × the daily rate on what is overdue, for each day past the due "
        "date); late fees are not included.",
        "Change the amount if the platform asked for a different one.",
    ]
    assert workspace.loans([loan_id])[0].remaining_fen == 0
    statuses = [detail.schedule_model.index(row, STATUS_COLUMN).data() for row in range(6)]
    assert statuses == ["Paid late"] * 6  # settled by the payoff, long after they fell due


def test_the_title_follows_the_payoff_box(workspace, qtbot, translations):
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 11, 1))).created_id
    dialog = RepaymentDialog(
        loan=workspace.loans([loan_id])[0],
        today=TODAY,
        quote=lambda day: workspace.payoff_quote(loan_id, paid_on=day),
        pay=lambda *args: None,
        pay_off=lambda *args: None,
    )
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Log a repayment"
    dialog.payoff.setChecked(True)
    assert dialog.windowTitle() == "Pay off early"
    assert dialog.quote_label.text().splitlines()[0].startswith("Proposed: principal ¥12,000.00 + interest for 27 days")
    dialog.payoff.setChecked(False)
    assert dialog.windowTitle() == "Log a repayment"
    translations.apply("zh_CN")
    dialog.payoff.setChecked(True)
    assert dialog.windowTitle() == "提前还清"  # the act; the installments it settles read 提前结清
    dialog.payoff.setChecked(False)
    assert dialog.windowTitle() == "登记还款"


def test_installments_settled_by_the_payoff_read_settled_early(workspace, window, payoff_by_keyboard, translations):
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 10, 20), months=12)).created_id
    workspace.ledger.log_repayment(loan_id, paid_on=date(2026, 11, 20), amount_fen=103_943)
    detail = window.open_loan(loan_id)
    detail.payoff_button.click()
    assert payoff_by_keyboard[0]["quote"].splitlines()[0].startswith("Proposed: principal ¥11,032.57 + interest")
    model = detail.schedule_model
    assert [model.index(row, STATUS_COLUMN).data() for row in range(3)] == ["Paid on time"] + ["Settled early"] * 2
    assert model.record_at(11).status is InstallmentStatus.SETTLED_EARLY
    assert (
        model.index(1, STATUS_COLUMN).data(Qt.ItemDataRole.ForegroundRole)
        == STATUS_COLOURS[InstallmentStatus.SETTLED_EARLY]
    )
    translations.apply("zh_CN")
    assert model.index(1, STATUS_COLUMN).data() == "提前结清"


def _shown(qtbot, workspace, window, loan_id: int, *, payoff: bool = False) -> RepaymentDialog:
    """The dialog as the window opens it for the loan (Save records nothing), shown."""
    [loan] = workspace.loans([loan_id])
    dialog = RepaymentDialog(
        loan=loan,
        today=TODAY,
        quote=lambda day: workspace.payoff_quote(loan_id, paid_on=day),
        outlook=lambda day: workspace.repayment_outlook(loan_id, paid_on=day),
        pay=lambda *args: None,
        pay_off=lambda *args: None,
        payoff=payoff,
        parent=window,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_in_chinese_the_dialog_opens_as_tall_as_its_texts_need_with_no_empty_band(
    workspace, window, translations, qtbot
):
    """Qt sized it for a narrow width of its own (Chinese has no spaces to wrap at): the one-line heading sat in
    the middle of a label two lines tall, an empty band above it."""
    translations.apply("zh_CN")
    past = PastRepayments.paid_through(TODAY)
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 8, 20), months=12), past).created_id
    dialog = _shown(qtbot, workspace, window, loan_id, payoff=True)
    layout = dialog.layout()
    assert dialog.height() == layout.totalHeightForWidth(dialog.width())
    heading = layout.itemAt(0).widget()
    assert heading.height() == heading.heightForWidth(heading.width())


def test_ticking_pay_off_after_the_dialog_opened_makes_room_for_the_whole_proposal(
    workspace, window, translations, qtbot
):
    """Several lines of proposal (installments overdue, their penalty interest) appear under a dialog already open."""
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 3, 20), months=12)).created_id
    dialog = _shown(qtbot, workspace, window, loan_id)
    dialog.payoff.setChecked(True)
    quote = dialog.quote_label
    qtbot.waitUntil(lambda: quote.height() >= quote.heightForWidth(quote.width()))
    assert len(quote.text().splitlines()) >= 3
