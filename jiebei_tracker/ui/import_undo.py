"""Undoing an import from the window: Edit ▸ Undo import (the latest import not undone yet) and the import wizard's
"Undo this import". Each asks first, naming the file and what the import added, then takes it all back in one go;
every view hears of it through the hub."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.qt_text import message_box, plain_tooltip
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.imports.history import ImportCounts, ImportRecord
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui import actions as loan_actions  # its confirm() (tests replace it there)
from jiebei_tracker.ui.common import ChangeHub
from jiebei_tracker.ui.refusal_text import reason_text


class ImportUndo(QObject):
    """Keeps ``action`` (Edit ▸ Undo import) enabled while there is an import to undo, its tooltip naming the file,
    and undoes imports when asked. ``refresh()`` reads the latest import again (after every change)."""

    def __init__(self, *, workspace: Workspace, hub: ChangeHub, action: QAction, window: QWidget) -> None:
        super().__init__(window)
        self._workspace, self._hub, self._action, self._window = workspace, hub, action, window
        self.latest: ImportRecord | None = None
        action.setEnabled(False)  # until refresh() has looked (once the window is on screen)
        action.triggered.connect(self.undo_latest)
        hub.changed.connect(self.refresh)

    def refresh(self, _changes: Changes | None = None) -> None:
        self.latest = self._workspace.latest_import()
        self.retranslate()

    def retranslate(self) -> None:
        """The action's tooltip in the current language (the file named as it is, never as rich text)."""
        record = self.latest
        self._action.setEnabled(record is not None)
        if record is None:
            tip = self.tr("There is no import to undo.")
        else:
            tip = self.tr("Take back the import of {file} ({when}): {counts}").format(
                file=record.file_name, when=_when(record), counts=self.counts_text(record.counts)
            )
        self._action.setToolTip(plain_tooltip(tip))
        self._action.setStatusTip(tip)

    def counts_text(self, counts: ImportCounts) -> str:
        """``2 loans, 18 repayments, 1 platform`` in the current language."""
        parts = [
            self.tr("%n loan(s)", "", counts.loans) if counts.loans else "",
            self.tr("%n repayment(s)", "", counts.repayments) if counts.repayments else "",
            self.tr("%n credit limit(s)", "", counts.limits) if counts.limits else "",
            self.tr("%n credit-report note(s)", "", counts.notes) if counts.notes else "",
            self.tr("%n platform(s)", "", counts.platforms) if counts.platforms else "",
        ]
        return self.tr(", ").join(part for part in parts if part) or self.tr("nothing")

    def undo_latest(self) -> Changes | None:
        """Edit ▸ Undo import: the newest import not undone yet."""
        record = self._workspace.latest_import()
        if record is None:
            self.refresh()
            return None
        return self.undo(record)

    def undo_by_id(self, import_id: int, parent: QWidget | None = None) -> Changes | None:
        """The import wizard's "Undo this import" (``parent``: the wizard, for the question)."""
        record = next((r for r in self._workspace.imports() if r.import_id == import_id), None)
        return None if record is None else self.undo(record, parent)

    def undo(self, record: ImportRecord, parent: QWidget | None = None) -> Changes | None:
        """Ask, then undo ``record``. Returns the Changes (already announced), or None when the user said no or
        the import cannot be undone (the reason is shown)."""
        parent = parent or self._window
        title = self.tr("Undo import")
        question = self.tr(
            "Undo the import of {file} ({when})?\n\n"
            "What it added is removed: {counts}. Repayments it replaced come back; nothing else changes."
        ).format(file=record.file_name, when=_when(record), counts=self.counts_text(record.counts))
        if not loan_actions.confirm(parent, title, question):
            return None
        try:
            changes, removed = self._workspace.ledger.undo_import_counted(record.import_id)
        except InvalidValue as error:
            message_box(
                parent,
                QMessageBox.Icon.Warning,
                title,
                self.tr("The import of {file} cannot be undone: {reason}").format(
                    file=record.file_name, reason=reason_text(error.reason)
                ),
            )
            return None
        self._hub.announce(changes)
        status_bar = getattr(self._window, "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(
                self.tr("Import of {file} undone: {counts} removed.").format(
                    file=record.file_name, counts=self.counts_text(removed)
                ),
                8000,
            )
        return changes


def _when(record: ImportRecord) -> str:
    return record.imported_at.isoformat(sep=" ", timespec="minutes")
