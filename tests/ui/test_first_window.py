"""The first window's flows, driven as a user would: add a loan, see it, open it, log a repayment, delete it.
(The window grew into the daily-use window: the loans list is a page of it, filtered in SQL, and a first run shows
the welcome on the dashboard.)"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanPurpose
from jiebei_tracker.ui import actions as actions_module
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog
from jiebei_tracker.ui.main_window import DASHBOARD, LOANS, MainWindow
from jiebei_tracker.ui.models.records_model import LOAN_ID_ROLE
from tests.conftest import TODAY
from tests.scenarios import draft


@pytest.fixture
def window(qtbot, workspace):
    main = MainWindow(workspace=workspace)
    qtbot.addWidget(main)
    main.show()
    main.show_page(LOANS)
    return main


def _fill_loan(dialog: LoanEditorDialog, *, principal="12000", rate="7.2%", purpose=LoanPurpose.DAILY):
    dialog.platform.setCurrentText("微粒贷")
    dialog.borrowed_on.setDate(date(2026, 8, 28))
    dialog.principal.setText(principal)
    dialog.term.setValue(6)
    dialog.rate.setText(rate)
    if purpose is not None:
        dialog.purpose.setCurrentIndex(dialog.purpose.findData(purpose.value))


def _exec_filling(fill):
    def fake_exec(dialog):
        fill(dialog)
        dialog.submit()
        return dialog.result()

    return fake_exec


def test_first_run_shows_a_friendly_empty_state(window, screenshot):
    window.show_page(DASHBOARD)
    assert window.dashboard.is_welcome()
    assert window.dashboard.welcome.add_button.isVisible()
    screenshot(window, "first-window-empty")


def test_add_a_loan_through_the_dialog_and_see_it_in_the_table(window, monkeypatch, screenshot):
    monkeypatch.setattr(LoanEditorDialog, "exec", _exec_filling(_fill_loan))
    window.commands.new_loan.trigger()
    model = window.loans_view.model
    assert model.rowCount() == 1
    loan = model.record_at(0)
    assert (loan.platform, loan.principal_fen, loan.term_months, loan.purpose) == (
        "微粒贷",
        1_200_000,
        6,
        LoanPurpose.DAILY,
    )
    assert window.loans_view.count.text() == "1 loans"
    screenshot(window, "first-window-loans")


def test_the_editor_refuses_impossible_values_with_a_message_by_the_field(qtbot, workspace, screenshot):
    saved = []
    dialog = LoanEditorDialog(platforms=[], today=TODAY, save=saved.append)
    qtbot.addWidget(dialog)
    _fill_loan(dialog, principal="-5", rate="abc", purpose=None)
    dialog.submit()
    assert saved == []
    assert dialog.result() == 0
    assert "above zero" in dialog.errors.message("principal")
    assert "rate such as" in dialog.errors.message("rate")
    assert "what the money is for" in dialog.errors.message("purpose")
    dialog.show()
    screenshot(dialog, "loan-editor-errors")


def test_a_service_refusal_is_shown_and_the_dialog_stays_open(qtbot, window, workspace, monkeypatch):
    workspace.ledger.add_loan(draft(external_id="A1"))
    window.loans_view.refresh()

    def fill(dialog):
        _fill_loan(dialog)
        dialog.external_id.setText("A1")

    monkeypatch.setattr(LoanEditorDialog, "exec", _exec_filling(fill))
    assert window.actions.new_loan() is None
    assert window.loans_view.model.rowCount() == 1


def test_a_very_high_rate_is_warned_about_but_accepted(qtbot):
    dialog = LoanEditorDialog(platforms=[], today=TODAY, save=lambda draft: None)
    qtbot.addWidget(dialog)
    dialog.rate.setText("36%")
    assert dialog.high_rate_note.isVisibleTo(dialog)
    dialog.rate.setText("9%")
    assert not dialog.high_rate_note.isVisibleTo(dialog)
    _fill_loan(dialog, rate="36%")
    assert dialog.draft() is not None


def test_log_a_repayment_from_the_loan_and_see_the_status_change(window, workspace, monkeypatch, screenshot):
    borrowed = date(2026, 10, 10)
    workspace.ledger.add_loan(draft(borrowed_on=borrowed, months=6))
    window.loans_view.refresh()
    loan_id = window.loans_view.model.index(0, 0).data(LOAN_ID_ROLE)
    detail = window.open_loan(loan_id)
    first = detail.schedule_model.record_at(0)
    assert first.status is InstallmentStatus.OVERDUE  # due 2026-11-10, today 2026-11-28
    screenshot(detail, "loan-detail-before")

    monkeypatch.setattr(RepaymentDialog, "exec", _exec_filling(lambda dialog: None))  # "paid today, in full"
    detail.pay_button.click()
    first = detail.schedule_model.record_at(0)
    assert first.status is InstallmentStatus.LATE
    assert first.paid_fen == first.total_fen
    assert detail.repayments_model.rowCount() == 1
    assert window.loans_view.model.record_at(0).next_due_on == date(2026, 12, 10)
    screenshot(detail, "loan-detail-after")


def test_a_partial_repayment_on_another_date(qtbot, workspace):
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 10, 10), months=6)).created_id
    loan = workspace.loans([loan_id])[0]
    calls = []
    dialog = RepaymentDialog(
        loan=loan,
        today=TODAY,
        quote=lambda day: workspace.payoff_quote(loan_id, paid_on=day),
        pay=lambda day, fen, note: calls.append(("pay", day, fen)),
        pay_off=lambda day, fen, note: calls.append(("payoff", day, fen)),
    )
    qtbot.addWidget(dialog)
    assert dialog.amount.text() == "2042.21"  # the next installment, in full (pmt of 12,000 at 0.6 % over 6)
    dialog.paid_on.setDate(date(2026, 11, 25))
    dialog.amount.setText("500")
    dialog.submit()
    assert calls == [("pay", date(2026, 11, 25), 50_000)]


def test_early_payoff_proposes_the_amount_and_lets_the_user_change_it(qtbot, workspace):
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 11, 1), months=6)).created_id
    calls = []
    dialog = RepaymentDialog(
        loan=workspace.loans([loan_id])[0],
        today=TODAY,
        quote=lambda day: workspace.payoff_quote(loan_id, paid_on=day),
        pay=lambda day, fen, note: calls.append(("pay", day, fen)),
        pay_off=lambda day, fen, note: calls.append(("payoff", day, fen)),
        payoff=True,
    )
    qtbot.addWidget(dialog)
    quote = workspace.payoff_quote(loan_id, paid_on=TODAY)
    assert dialog.amount.text() == f"{quote.amount_fen // 100}.{quote.amount_fen % 100:02d}"
    assert "27 days" in dialog.quote_label.text()
    dialog.amount.setText("12050")
    dialog.submit()
    assert calls == [("payoff", TODAY, 1_205_000)]


def test_delete_asks_first_and_then_removes_the_loan(window, workspace, monkeypatch):
    workspace.ledger.add_loan(draft())
    window.loans_view.refresh()
    window.loans_view.table.selectRow(0)
    monkeypatch.setattr(actions_module, "confirm", lambda *args: False)
    window.commands.delete_loan.trigger()
    assert window.loans_view.model.rowCount() == 1
    monkeypatch.setattr(actions_module, "confirm", lambda *args: True)
    window.commands.delete_loan.trigger()
    assert window.loans_view.model.rowCount() == 0
    window.show_page(DASHBOARD)
    assert window.dashboard.is_welcome()


def test_find_filters_the_table(window, workspace):
    workspace.ledger.add_loan(draft("借呗"))
    workspace.ledger.add_loan(draft("招商银行"))
    window.loans_view.refresh()
    window.loans_view.search.setText("招商")
    window.loans_view.apply_filter()
    assert window.loans_view.model.rowCount() == 1
    assert window.loans_view.model.index(0, 0).data() == "招商银行"


def test_item_models_pass_the_model_tester(qtmodeltester, window, workspace):
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 1, 10))).created_id
    workspace.ledger.log_repayment(loan_id, paid_on=date(2026, 2, 10), amount_fen=50_000)
    window.loans_view.refresh()
    qtmodeltester.check(window.loans_view.model)
    detail = window.open_loan(loan_id)
    qtmodeltester.check(detail.schedule_model)
    qtmodeltester.check(detail.repayments_model)


def test_a_failed_save_keeps_the_high_rate_warning_and_its_error_under_its_own_field(qtbot):
    """A very high rate, and the principal left empty: the save is refused with the principal's error under its own
    field (never over the next row), and the warning about the rate stays in view."""
    dialog = LoanEditorDialog(platforms=[], today=TODAY, save=lambda draft: None)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_loan(dialog, principal="", rate="36%")
    assert dialog.draft() is None
    assert dialog.high_rate_note.isVisibleTo(dialog) and "36%" in dialog.high_rate_note.text()
    error = dialog.findChild(QLabel, "error_principal")
    qtbot.waitUntil(lambda: error.isVisible() and error.height() > 0)
    where = error.geometry().translated(error.parentWidget().mapTo(dialog, QPoint(0, 0)))
    for other in (dialog.term, dialog.rate, dialog.borrowed_on, dialog.platform):
        shown = other.geometry().translated(other.parentWidget().mapTo(dialog, QPoint(0, 0)))
        assert not where.intersects(shown), other.objectName()
