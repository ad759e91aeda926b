"""One loan's window: the schedule in colour and words, repayments logged from it, a repayment deleted and undone."""

from __future__ import annotations

from datetime import date

from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.ui import actions as actions_module
from jiebei_tracker.ui.common import STATUS_COLOURS
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog
from tests.conftest import TODAY
from tests.scenarios import draft
from tests.ui.conftest import exec_filling


def test_the_schedule_shows_each_status_in_colour_and_words(workspace, window, screenshot):
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 6, 15), months=12, note="new laptop")).created_id
    ledger = workspace.ledger
    schedule = workspace.loan_detail(loan_id).schedule
    ledger.log_repayment(loan_id, paid_on=date(2026, 7, 15), amount_fen=schedule[0].total_fen)
    ledger.log_repayment(loan_id, paid_on=date(2026, 8, 20), amount_fen=schedule[1].total_fen)
    detail = window.open_loan(loan_id)
    model = detail.schedule_model
    statuses = [model.index(row, model.status_column).data() for row in range(6)]
    assert statuses == ["Paid on time", "Paid late", "Overdue", "Overdue", "Overdue", "Upcoming"]
    assert (
        model.index(2, model.status_column).data(0x0009) == STATUS_COLOURS[InstallmentStatus.OVERDUE]
    )  # ForegroundRole
    assert "new laptop" in detail.summary.text()
    assert "7.2% a year" in detail.summary.text()
    screenshot(detail, "loan-detail-en")


def test_double_clicking_an_open_installment_logs_a_repayment(workspace, window, monkeypatch):
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 10, 10), months=6)).created_id
    detail = window.open_loan(loan_id)
    monkeypatch.setattr(RepaymentDialog, "exec", exec_filling(lambda dialog: None))
    detail.schedule_view.doubleClicked.emit(detail.schedule_model.index(0, 1))
    assert detail.schedule_model.record_at(0).status is InstallmentStatus.LATE
    assert detail.repayments_model.rowCount() == 1


def test_a_wrong_repayment_is_deleted_and_brought_back_with_undo(workspace, window, monkeypatch):
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 10, 10), months=6)).created_id
    workspace.ledger.log_repayment(loan_id, paid_on=TODAY, amount_fen=123_400)
    detail = window.open_loan(loan_id)
    assert not detail.delete_repayment_button.isEnabled()
    detail.repayments_view.selectRow(0)
    assert detail.delete_repayment_button.isEnabled()
    monkeypatch.setattr(actions_module, "confirm", lambda *args: True)
    detail.delete_repayment_button.click()
    assert detail.repayments_model.rowCount() == 0
    assert detail.schedule_model.record_at(0).paid_fen == 0
    window.undo_action.trigger()
    assert [line.amount_fen for line in detail.repayments_model.records()] == [123_400]
    assert detail.schedule_model.record_at(0).paid_fen == 123_400


def test_the_detail_closes_when_its_loan_is_deleted(workspace, window, monkeypatch):
    loan_id = workspace.ledger.add_loan(draft()).created_id
    detail = window.open_loan(loan_id)
    monkeypatch.setattr(actions_module, "confirm", lambda *args: True)
    detail.delete_button.click()
    assert not detail.isVisible()
    assert loan_id not in window.detail_dialogs


def test_a_settled_loan_cannot_be_paid_again(workspace, window):
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 1, 10), months=3)).created_id
    workspace.ledger.pay_off(loan_id, paid_on=date(2026, 2, 1))
    detail = window.open_loan(loan_id)
    assert not detail.pay_button.isEnabled() and not detail.payoff_button.isEnabled()
    assert detail.repayments_model.index(0, 2).data() == "Early payoff"


def test_in_chinese_the_repayments_show_whole_and_the_note_is_labelled(workspace, window, translations, qtbot):
    """Three repayments fit without scrolling when the window opens, in either language (Chinese rows are taller)."""
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 6, 15), months=12, note="新电脑")).created_id
    schedule = workspace.loan_detail(loan_id).schedule
    for line in schedule[:3]:
        workspace.ledger.log_repayment(loan_id, paid_on=line.due_on, amount_fen=line.total_fen)
    translations.apply("zh_CN")
    detail = window.open_loan(loan_id)
    qtbot.waitExposed(detail)
    view = detail.repayments_view
    qtbot.waitUntil(lambda: view.viewport().height() > 0)
    last = view.visualRect(view.model().index(2, 0))
    assert last.bottom() <= view.viewport().height(), (last, view.viewport().height())
    assert "备注：新电脑" in detail.summary.text()  # the note's label is translated too
