"""The loan editor's money terms, typed as a person types them: how interest is counted (a daily rate proposes
counting by the day, and says why), interest-free days, fees, and the true APR said beside the typed rate. The
loan window then shows the same APR and each installment's fee."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.schedule import Fees
from jiebei_tracker.domain.vocabulary import InterestBasis
from jiebei_tracker.ui.common import ChangeHub
from jiebei_tracker.ui.dialogs.loan_detail import LoanDetailDialog
from tests.scenarios import draft
from tests.ui.keyboard import type_text
from tests.ui.loan_editor_steps import fill_loan, press, tab_to


def test_a_monthly_fee_is_saved_and_its_true_cost_said_before_saving(new_loan, workspace, screenshot):
    said = []

    def person(dialog):
        fill_loan(dialog)  # 微粒贷, ¥12,000 over 12 months at 7.2 % a year
        tab_to(dialog, dialog.rate)
        dialog.rate.selectAll()
        type_text(dialog.rate, "0")
        tab_to(dialog, dialog.fee_per_installment)
        type_text(dialog.fee_per_installment, "0.65%")
        said.append(dialog.cost_note.text())
        screenshot(dialog, "loan-editor-fee")
        choose_paid_on_schedule_and_save(dialog)

    _, changes = new_loan(person)
    assert changes is not None
    assert "14.1%" in said[0] and "0.65% monthly fee" in said[0] and "not the 0% of its interest rate" in said[0]
    (loan,) = workspace.loans()
    assert (loan.fees.monthly_rate, loan.cost.apr) == (Decimal("0.0065"), Decimal("0.1410"))
    detail = workspace.loan_detail(loan.loan_id)
    assert {line.fee_fen for line in detail.schedule} == {7_800}


def test_a_daily_rate_proposes_interest_by_the_day_and_free_days_follow_the_basis(new_loan):
    seen = {}

    def person(dialog):
        assert not dialog.free_days.isEnabled()  # monthly: no interest-free days
        tab_to(dialog, dialog.rate_basis)
        press(dialog, Qt.Key.Key_Down)  # Daily rate (日利率)
        seen["basis"] = InterestBasis(dialog.interest_basis.currentData())
        seen["note"] = dialog.basis_note.isVisibleTo(dialog) and dialog.basis_note.text()
        seen["free days enabled"] = dialog.free_days.isEnabled()
        dialog.reject()

    new_loan(person)
    assert seen["basis"] is InterestBasis.DAILY
    assert "借呗" in seen["note"] and "by the day" in seen["note"]
    assert seen["free days enabled"]


def test_a_basis_the_user_chose_is_kept_when_the_rate_becomes_daily(new_loan):
    seen = {}

    def person(dialog):
        dialog.interest_basis.setFocus()
        press(dialog, Qt.Key.Key_Down)  # the user picks By the day…
        press(dialog, Qt.Key.Key_Up)  # …then Monthly, on purpose
        dialog.interest_basis.activated.emit(dialog.interest_basis.currentIndex())
        dialog.rate_basis.setCurrentIndex(1)
        seen["basis"] = InterestBasis(dialog.interest_basis.currentData())
        dialog.reject()

    new_loan(person)
    assert seen["basis"] is InterestBasis.MONTHLY


def test_an_impossible_fee_is_refused_by_its_field_before_anything_is_saved(new_loan, workspace):
    messages = {}

    def person(dialog):
        fill_loan(dialog)
        tab_to(dialog, dialog.fee_upfront)
        type_text(dialog.fee_upfront, "12000")
        tab_to(dialog, dialog.fee_per_installment)
        type_text(dialog.fee_per_installment, "65%")
        press(dialog, Qt.Key.Key_Return)
        messages["upfront"] = dialog.errors.message("fee_upfront")
        messages["per installment"] = dialog.errors.message("fee_per_installment")
        dialog.reject()

    _, changes = new_loan(person)
    assert changes is None and workspace.loans() == []
    assert messages["per installment"].startswith("Enter a fee in yuan (e.g. 10) or a share of the principal")


def choose_paid_on_schedule_and_save(dialog) -> None:
    """The installments already due were repaid on schedule (the editor's default answer); Enter saves."""
    press(dialog, Qt.Key.Key_Return)


def test_the_loan_window_shows_the_true_apr_and_the_fee_column_only_for_a_loan_with_a_fee(workspace, qtbot, actions):
    plain = draft(borrowed_on=date(2026, 3, 10), months=6)
    fee = replace(plain, terms=replace(plain.terms, fees=Fees(per_installment_fen=1_000)), external_id="FEE")
    ids = [
        workspace.ledger.add_loan(d, PastRepayments.paid_through(date(2026, 11, 28))).created_id for d in (plain, fee)
    ]
    for loan_id, has_fee in zip(ids, (False, True), strict=True):
        window = LoanDetailDialog(workspace=workspace, hub=ChangeHub(), actions=actions, loan_id=loan_id)
        qtbot.addWidget(window)
        assert "True APR" in window.summary.text()
        assert window.schedule_view.isColumnHidden(window.schedule_model.fee_column) is not has_fee
