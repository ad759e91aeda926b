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
