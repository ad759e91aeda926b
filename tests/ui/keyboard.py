"""Typing as a person does, for the dialog tests."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, typed: str) -> None:
    """Key presses for what is on the keyboard; what a Chinese input method types (年, full-width digits) arrives
    as the input method's commit, as it does on a real desktop (QTest has no key for those characters)."""
    for character in typed:
        if character.isascii():
            QTest.keyClick(widget, character)
        else:
            commit = QInputMethodEvent("", [])
            commit.setCommitString(character)
            QApplication.sendEvent(widget, commit)


def show_and_focus(qtbot, dialog) -> None:
    """Show a dialog as exec() would and wait until it has the keyboard, as a person's first key press needs."""
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def typed_exec(qtbot, keys, seen: list | None = None):
    """A replacement for a dialog's exec(): show the dialog for real, let ``keys(dialog)`` type into it, and report
    how it ended (each dialog is appended to ``seen``)."""

    def fake_exec(dialog):
        qtbot.addWidget(dialog)
        show_and_focus(qtbot, dialog)
        if seen is not None:
            seen.append(dialog)
        keys(dialog)
        return dialog.result()

    return fake_exec
