"""The status bar's short notice after a write (a repayment logged), with an Undo button that takes it back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from jiebei_tracker.qt_text import plain_label

SHOWN_MS = 10_000


class UndoNotice(QWidget):
    """Says what was just done for ``SHOWN_MS``; Undo does what Ctrl+Z does. It goes away as soon as the undo stack
    moves on, so its button never undoes something other than what it names."""

    def __init__(self, *, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._index = -1  # the stack's index when the notice was shown
        self.message = plain_label()  # "Logged ¥1,050.09 on 借呗 …": names the platform
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("notice_undo")
        self.undo_button.setFlat(True)
        self.undo_button.setStyleSheet("QPushButton { color: palette(link); font-weight: bold; padding: 0 6px; }")
        self.undo_button.clicked.connect(self._undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.undo_button)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        stack.indexChanged.connect(self._on_index_changed)
        self.retranslate_ui()
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text`` with Undo for the write just pushed on the stack."""
        self.message.setText(text)
        self._index = self._stack.index()
        self.show()
        self._timer.start(SHOWN_MS)

    def _undo(self) -> None:
        self.dismiss()
        if self._stack.index() == self._index and self._stack.canUndo():
            self._stack.undo()

    def _on_index_changed(self, index: int) -> None:
        if index != self._index:
            self.dismiss()

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()

    def retranslate_ui(self) -> None:
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Take this back (Ctrl+Z)"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
