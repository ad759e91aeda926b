"""Repay part early… in the loan window, typed as a person types: the new schedule and the interest saved show
before saving, Enter saves, Ctrl+Z puts the old schedule back; new terms for the loan then ask before rebuilding."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.ui.dialogs import loan_editor
from jiebei_tracker.ui.dialogs.loan_detail import LoanDetailDialog
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.dialogs.plan_dialog import PlanDialog
from jiebei_tracker.ui.dialogs.prepay_dialog import PrepayDialog
from tests.scenarios import draft
from tests.ui.keyboard import type_text
from tests.ui.loan_editor_steps import press, tab_to


@pytest.fixture
def loan_id(workspace):
    # ¥12,000 over 12 months from 15 Jan 2026 at 7.2 %, paid through 15 Nov: two installments to come.
    paid = PastRepayments.paid_through(date(2026, 11, 15))
    return workspace.ledger.add_loan(draft(borrowed_on=date(2026, 1, 15), months=12), paid).created_id


def _opened(monkeypatch, qtbot, dialog_class, person):
    seen = []

    def fake_exec(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        person(dialog)
        seen.append(dialog)
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return seen


def test_the_new_schedule_shows_before_saving_and_undo_puts_the_old_one_back(
    monkeypatch, qtbot, workspace, hub, actions, loan_id, screenshot
):
    before = [(line.due_on, line.total_fen) for line in workspace.loan_detail(loan_id).schedule]
    said = {}

    def person(dialog: PrepayDialog):
        dialog.paid_on.line_edit.selectAll()
        type_text(dialog.paid_on.line_edit, "2026-11-20")
        press(dialog, Qt.Key.Key_Tab)
        type_text(dialog.amount, "1000")
        tab_to(dialog, dialog.keep_payment)
        press(dialog, Qt.Key.Key_Down)  # keep the term instead
        said["outcome"] = dialog.outcome.text()
        said["rows"] = dialog.schedule_model.rowCount()
        said["first"] = dialog.schedule_model.record_at(0)
        said["next"] = dialog.schedule_model.record_at(1)
        screenshot(dialog, "prepay-dialog")
        press(dialog, Qt.Key.Key_Return)

    seen = _opened(monkeypatch, qtbot, PrepayDialog, person)
    window = LoanDetailDialog(workspace=workspace, hub=hub, actions=actions, loan_id=loan_id)
    qtbot.addWidget(window)
    window.prepay_button.click()
    assert seen[0].keep_term.isChecked()
    assert said["rows"] == 3  # the prepayment itself, then the two installments left
    assert (said["first"].due_on, said["first"].total_fen) == (date(2026, 11, 20), 1000_00)
    assert said["first"].status is InstallmentStatus.ON_TIME and said["next"].seq == said["first"].seq + 1
    assert "interest since the last due date" in said["outcome"] and "Interest saved: ¥" in said["outcome"]
    after = workspace.loan_detail(loan_id).schedule
    assert len(after) == 13 and after[10].due_on == date(2026, 11, 20)
    actions.undo.stack.undo()
    assert [(line.due_on, line.total_fen) for line in workspace.loan_detail(loan_id).schedule] == before
    actions.undo.stack.redo()
    assert len(workspace.loan_detail(loan_id).schedule) == 13


def test_an_amount_that_repays_everything_is_refused_by_its_field(monkeypatch, qtbot, workspace, actions, loan_id):
    said = {}

    def person(dialog: PrepayDialog):
        type_text(dialog.amount, "50000")
        said["message"] = dialog.errors.message("amount")
        said["table shown"] = dialog.schedule_view.isVisibleTo(dialog)
        press(dialog, Qt.Key.Key_Return)
        dialog.reject()

    _opened(monkeypatch, qtbot, PrepayDialog, person)
    assert actions.prepay(loan_id) is None
    assert said == {"message": "This repays everything left: use Pay off early instead.", "table shown": False}
    assert len(workspace.loan_detail(loan_id).schedule) == 12


def test_new_terms_for_a_prepaid_loan_ask_before_rebuilding_its_schedule(
    monkeypatch, qtbot, workspace, actions, loan_id
):
    workspace.ledger.prepay(loan_id, paid_on=date(2026, 11, 20), amount_fen=100_000, keep="term")
    asked = []

    def answer(parent, icon, title, text, buttons=None):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(loan_editor, "message_box", answer)

    def person(dialog: LoanEditorDialog):
        dialog.principal.selectAll()
        type_text(dialog.principal, "13000")
        press(dialog, Qt.Key.Key_Return)

    _opened(monkeypatch, qtbot, LoanEditorDialog, person)
    assert actions.edit_loan(loan_id) is not None
    assert len(asked) == 1 and "rebuilt after a part prepayment" in asked[0]
    schedule = workspace.loan_detail(loan_id).schedule
    assert len(schedule) == 12 and sum(line.principal_fen for line in schedule) == 1_300_000


def test_the_platform_s_plan_pasted_shows_before_saving_and_a_bad_line_is_named(
    monkeypatch, qtbot, workspace, hub, actions, loan_id, screenshot
):
    computed = workspace.loan_detail(loan_id).schedule
    lines = [
        f"第{line.seq}期 {line.due_on.isoformat()} 本金 ¥{line.principal_fen / 100:,.2f} "
        f"利息 ¥{(line.interest_fen + 5) / 100:,.2f} 手续费 ¥3.00"
        for line in computed
    ]
    said = {}

    def paste(dialog: PlanDialog, text: str) -> None:
        """As a person pastes what they copied from the app: Ctrl+A, Ctrl+V."""
        QApplication.clipboard().setText(text)
        QTest.keyClick(dialog.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(dialog.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    def person(dialog: PlanDialog):
        paste(dialog, lines[0].replace("本金", "本金 x"))  # a slip first
        said["slip"] = dialog.errors.message("plan")
        paste(dialog, "还款计划\n" + "\n".join(lines))
        said["rows"] = dialog.schedule_model.rowCount()
        said["outcome"] = dialog.outcome.text()
        screenshot(dialog, "plan-dialog")
        press(dialog, Qt.Key.Key_Return)

    _opened(monkeypatch, qtbot, PlanDialog, person)
    window = LoanDetailDialog(workspace=workspace, hub=hub, actions=actions, loan_id=loan_id)
    qtbot.addWidget(window)
    window.plan_button.click()
    assert said["slip"] == "Line 1: column '本金': no principal on this line"
    assert said["rows"] == 12 and "fees ¥36.00" in said["outcome"]
    schedule = workspace.loan_detail(loan_id).schedule
    assert [line.fee_fen for line in schedule] == [300] * 12
    assert "As the platform shows it" in window.summary.text()
    actions.undo.stack.undo()
    assert [line.fee_fen for line in workspace.loan_detail(loan_id).schedule] == [0] * 12
