"""The credit-report note dialog typed as a person does: a date with dashes, Tab from field to field (Tab never
lands in the note as a tab), Shift+Enter for a second line, Enter to save."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from jiebei_tracker.domain.vocabulary import InquiryReason, NoteKind
from jiebei_tracker.ui.dialogs.note_dialog import NoteDialog
from tests.conftest import TODAY
from tests.ui.keyboard import type_text


def test_a_note_typed_with_tab_shift_enter_and_enter_is_saved(qtbot):
    saved = []
    dialog = NoteDialog(today=TODAY, save=lambda *values: saved.append(values))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    day = dialog.noted_on.line_edit
    QTest.mouseClick(day, Qt.MouseButton.LeftButton)
    QTest.keyClick(day, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(day, "2026-10-08")
    for _field in range(8):  # Tab on, field by field (the calendar button, the kind, reason, institution), to the note
        if dialog.text.hasFocus():
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.text.hasFocus()
    type_text(dialog.text, "查询记录")
    QTest.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(dialog.text, "微粒贷")
    QTest.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not dialog.text and "\t" not in dialog.text.toPlainText()
    dialog.text.setFocus()
    QTest.keyClick(dialog.text, Qt.Key.Key_Return)

    # An inquiry (the first kind) with no reason chosen: the ledger takes the one the text names.
    assert saved == [(date(2026, 10, 8), NoteKind.INQUIRY, "查询记录\n微粒贷", None, "")]
    assert dialog.result() == NoteDialog.DialogCode.Accepted


def test_an_inquirys_reason_and_institution_are_typed_and_other_kinds_have_none(qtbot):
    saved = []
    dialog = NoteDialog(today=TODAY, save=lambda *values: saved.append(values))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.reason.isVisible() and dialog.institution.isVisible()
    dialog.reason.setFocus()
    for _ in range(4):  # down to the fourth reason: post-loan management
        QTest.keyClick(dialog.reason, Qt.Key.Key_Down)
    assert dialog.reason.currentData() == InquiryReason.POST_LOAN.value
    QTest.keyClick(dialog.reason, Qt.Key.Key_Tab)
    type_text(dialog.institution, "WeBank")
    dialog.text.setPlainText("微众银行")
    dialog.submit()
    assert saved[-1][2:] == ("微众银行", InquiryReason.POST_LOAN, "WeBank")

    dialog = NoteDialog(today=TODAY, save=lambda *values: saved.append(values))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(list(NoteKind).index(NoteKind.OVERDUE_RECORD))
    assert not dialog.reason.isVisible() and not dialog.institution.isVisible()
    dialog.text.setPlainText("信用卡逾期 1 个月")
    dialog.submit()
    assert saved[-1][1:] == (NoteKind.OVERDUE_RECORD, "信用卡逾期 1 个月", None, "")
