"""The credit-report note dialog typed as a person does: a date with dashes, Tab from field to field (Tab never
lands in the note as a tab), Shift+Enter for a second line, Enter to save."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from jiebei_tracker.domain.vocabulary import NoteKind
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
    for _field in range(5):  # Tab on, field by field (the calendar button, the kind), to the note
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

    assert saved == [(date(2026, 10, 8), NoteKind(dialog.kind.currentData()), "查询记录\n微粒贷")]
    assert dialog.result() == NoteDialog.DialogCode.Accepted
