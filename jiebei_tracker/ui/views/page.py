"""What every page of the main window shares: reload when a change concerns it (at once if shown, else when next
shown), and set its texts again when the language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from jiebei_tracker.services.changes import Changes


class Page(QWidget):
    """A page; subclasses implement ``reload`` and ``retranslate_ui`` and may narrow ``concerns``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True

    def concerns(self, changes: Changes) -> bool:
        return changes.any

    def reload(self) -> None:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def selected_loan_id(self) -> int | None:
        """The loan the user has picked on this page, for the window's Log repayment / Open / Delete."""
        return None

    def on_changes(self, changes: Changes) -> None:
        if self.concerns(changes):
            self.mark_stale()

    def mark_stale(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        self._stale = False
        self.reload()

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
