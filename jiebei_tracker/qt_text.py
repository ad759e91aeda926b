"""How the window and the charts show text: in the user's language, and as typed (never as rich text).

Both the ``ui`` and the ``charts`` need these, and the charts may not import the ``ui``: so they live below both.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def display_language() -> str:
    """``zh_CN`` when the UI is Chinese, else ``en``: picks the vocabulary labels to show."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


# Qt shows a label's, tooltip's or message box's text as rich text when a tag comes before its first line break
# (AutoText): a platform named "<b>借呗</b><img src=x>" from an imported file would render bold with a picture.
# Text that holds a name, a note, a loan number, a file name or a message built from them goes through these.


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as typed, never as rich text."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip (or a model's ToolTipRole) that shows ``text`` as typed: escaped into a rich-text paragraph,
    since a tooltip has no text format of its own; long lines still wrap. Empty stays empty (no tooltip)."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox.StandardButton:
    """A modal message box showing ``text`` as typed (QMessageBox's static helpers show it as AutoText)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return QMessageBox.StandardButton(box.exec())
