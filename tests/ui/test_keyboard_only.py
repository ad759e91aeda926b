"""Daily use by keyboard alone, as a person who never touches the mouse: record a loan (Ctrl+N, Tab between the
fields, Enter), find it (Ctrl+2, the arrows), log a repayment on it (Ctrl+R, Enter takes today and the amount due),
take that back (Ctrl+Z), add a credit-report note (Ctrl+4, Tab to New note…, Space, type, Enter), and ask the
what-if (Ctrl+6). Each dialog is shown for real and typed into; only its exec() is replaced, so the test is not
stuck in a modal loop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from jiebei_tracker.domain.vocabulary import NoteKind, RepaymentSource
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.dialogs.note_dialog import NoteDialog
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog
from jiebei_tracker.ui.main_window import DASHBOARD, LOANS, NOTES, PLAN
from tests.ui.keyboard import type_text, typed_exec
from tests.ui.loan_editor_steps import fill_loan


def key(sequence_key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), sequence_key, modifier)


def ctrl(letter) -> None:
    key(letter, Qt.KeyboardModifier.ControlModifier)


def test_daily_use_works_with_the_keyboard_alone(qtbot, window, workspace, monkeypatch):
    typed: list[QDialog] = []

    def typing(dialog_class, keys) -> None:
        monkeypatch.setattr(dialog_class, "exec", typed_exec(qtbot, keys, typed))

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.navigation.currentRow() == DASHBOARD

    # A loan: Ctrl+N, the fields one after another with Tab, Enter saves.
    def new_loan(dialog: LoanEditorDialog) -> None:
        fill_loan(dialog, borrowed="2026-10-20")
        key(Qt.Key.Key_Return)

    typing(LoanEditorDialog, new_loan)
    ctrl(Qt.Key.Key_N)
    qtbot.waitUntil(lambda: workspace.loan_count() == 1)
    assert not typed[-1].isVisible()

    # Find it: Ctrl+2 shows Loans, Ctrl+F the search box, Tab on into the table, Down selects the loan.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ctrl(Qt.Key.Key_2)
    assert window.navigation.currentRow() == LOANS
    table = window.loans_view.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    ctrl(Qt.Key.Key_F)
    for _ in range(12):
        if table.hasFocus():
            break
        key(Qt.Key.Key_Tab)
    assert table.hasFocus()
    key(Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.selected_loan_id() is not None)

    # A repayment: Ctrl+R opens it with today and the amount due; Enter saves it.
    loan_id = window.selected_loan_id()
    before = workspace.repayments(loan_id)  # the installment already due, paid on schedule as the form said
    typing(RepaymentDialog, lambda dialog: key(Qt.Key.Key_Return))
    ctrl(Qt.Key.Key_R)
    qtbot.waitUntil(lambda: RepaymentSource.MANUAL in {line.source for line in workspace.repayments(loan_id)})
    assert workspace.repayments(loan_id) != before

    # Ctrl+Z takes it back.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ctrl(Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: workspace.repayments(loan_id) == before)

    # A credit-report note: Ctrl+4, Tab to New note…, Space opens it; type, Enter saves.
    def note(dialog: NoteDialog) -> None:
        dialog.text.setFocus()
        type_text(dialog.text, "微众银行 贷后管理")
        key(Qt.Key.Key_Return)

    typing(NoteDialog, note)
    ctrl(Qt.Key.Key_4)
    assert window.navigation.currentRow() == NOTES
    notes = window.notes_view
    for _ in range(12):
        if notes.add_button.hasFocus():
            break
        key(Qt.Key.Key_Tab)
    assert notes.add_button.hasFocus()
    key(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(workspace.notes()) == 1)
    assert workspace.notes()[0].kind is NoteKind.INQUIRY

    # The what-if: Ctrl+6, the amount and the rate typed, the answer follows.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ctrl(Qt.Key.Key_6)
    assert window.navigation.currentRow() == PLAN
    panel = window.plan_view.what_if
    panel.platform.setFocus()  # the form's first field, where Tab from the change list lands
    type_text(panel.platform.lineEdit(), "京东金条")
    key(Qt.Key.Key_Tab)
    assert panel.principal.hasFocus()
    type_text(panel.principal, "20000")
    for _ in range(6):
        if panel.rate.hasFocus():
            break
        key(Qt.Key.Key_Tab)
    assert panel.rate.hasFocus()
    with qtbot.waitSignal(panel.answered, timeout=5000) as answered:
        type_text(panel.rate, "7.2%")
    qtbot.waitUntil(lambda: panel.answer is not None)
    assert panel.answer.cost is not None and answered.args[0] is not None
