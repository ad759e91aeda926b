"""Filling the loan editor in as a person does: key presses, Tab between the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from tests.ui.keyboard import type_text

BORROWED = "2025-03-10"


def press(dialog, key: Qt.Key) -> None:
    QTest.keyClick(QApplication.focusWidget() or dialog, key)


def tab_to(dialog, widget: QWidget) -> None:
    """Press Tab until ``widget`` has the focus, as a person would."""
    for _ in range(20):
        if widget.hasFocus():
            return
        press(dialog, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget!r}")


def fill_loan(dialog: LoanEditorDialog, borrowed: str = BORROWED) -> None:
    """Platform, borrowing date, 12000 yuan, 12 months (the default), 7.2% a year, monthly interest, no fee,
    first purpose; Tab between."""
    type_text(dialog.platform.lineEdit(), "微粒贷")
    press(dialog, Qt.Key.Key_Tab)
    assert dialog.borrowed_on.line_edit.hasFocus()
    type_text(dialog.borrowed_on.line_edit, borrowed)
    press(dialog, Qt.Key.Key_Tab)
    type_text(dialog.principal, "12000")
    tab_to(dialog, dialog.rate)
    type_text(dialog.rate, "7.2%")
    tab_to(dialog, dialog.purpose)  # past how the interest is counted and the fees, left as they are
    press(dialog, Qt.Key.Key_Down)  # the first purpose
