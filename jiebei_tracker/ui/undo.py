"""Undo: every delete and every repayment written (logged, edited, recorded from autopay) is a command on the
window's one undo stack, so Ctrl+Z takes it back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import ChangeHub
from jiebei_tracker.ui.refusal_text import reason_text


class _DeleteCommand(QUndoCommand):
    """redo deletes the record with the current id and keeps what it removed; undo restores it (perhaps under a
    new id, which the next redo then deletes)."""

    def __init__(
        self,
        text: str,
        *,
        target_id: int,
        delete: Callable[[int], tuple[Changes, object]],
        restore: Callable[[object], Changes],
        hub: ChangeHub,
        report: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self.target_id = target_id
        self._delete, self._restore, self._hub, self._report = delete, restore, hub, report
        self._removed = None

    def redo(self) -> None:
        try:
            changes, self._removed = self._delete(self.target_id)
        except InvalidValue as error:
            self._give_up(error)
            return
        self._hub.announce(changes)

    def undo(self) -> None:
        try:
            changes = self._restore(self._removed)
        except InvalidValue as error:
            self._give_up(error)
            return
        if changes.created_id is not None:
            self.target_id = changes.created_id
        self._hub.announce(changes)

    def _give_up(self, error: InvalidValue) -> None:
        self._report(reason_text(error.reason))
        self.setObsolete(True)


class _RepaymentWriteCommand(QUndoCommand):
    """A repayment write already done (``edit`` says what it did): undo takes it back, redo does it again."""

    def __init__(self, text: str, *, edit, swap, hub: ChangeHub, report: Callable[[str], None]) -> None:
        super().__init__(text)
        self._edit, self._swap, self._hub, self._report = edit, swap, hub, report
        self._done = True  # pushing a command calls redo(); the write itself already happened

    def redo(self) -> None:
        if self._done:
            return
        self._apply()

    def undo(self) -> None:
        self._apply()

    def _apply(self) -> None:
        try:
            changes, self._edit = self._swap(self._edit)
        except InvalidValue as error:
            self._report(reason_text(error.reason))
            self.setObsolete(True)
            return
        self._done = not self._done
        self._hub.announce(changes)


class UndoableDeletes(QObject):
    """Deletes of loans, repayments and credit-report notes, and repayment writes, each undoable from ``stack``."""

    failed = Signal(str)
    """Emitted with the reason when a delete, undo or redo could not be done."""

    def __init__(self, *, workspace: Workspace, hub: ChangeHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace  # its ledger is made on first use (the first delete, at the latest)
        self._hub = hub
        self.stack = QUndoStack(self)

    def delete_loan(self, loan_id: int, description: str) -> None:
        ledger = self._workspace.ledger
        self._push(description, loan_id, ledger.delete_loan_undoably, ledger.restore_loan)

    def delete_repayment(self, repayment_id: int, description: str) -> None:
        ledger = self._workspace.ledger
        self._push(description, repayment_id, ledger.delete_repayment_undoably, ledger.restore_repayment)

    def delete_note(self, note_id: int, description: str) -> None:
        ledger = self._workspace.ledger
        self._push(description, note_id, ledger.delete_note_undoably, ledger.restore_note)

    def delete_limit(self, limit_id: int, description: str) -> None:
        ledger = self._workspace.ledger
        self._push(description, limit_id, ledger.delete_limit_undoably, ledger.restore_limit)

    def repayment_written(self, edit, description: str) -> None:
        """Put a repayment write that was just made (a ``RepaymentEdit``) on the stack, so Ctrl+Z takes it back."""
        self._push_write(description, edit, self._workspace.ledger.undo_repayments)

    def schedule_written(self, swap, description: str) -> None:
        """Put a schedule write that was just made (a ``ScheduleSwap``: a part prepayment, a platform's plan)."""
        self._push_write(description, swap, self._workspace.ledger.swap_schedule)

    def _push_write(self, text: str, edit, swap) -> None:
        self.stack.push(_RepaymentWriteCommand(text, edit=edit, swap=swap, hub=self._hub, report=self.failed.emit))

    def _push(self, text: str, target_id: int, delete, restore) -> None:
        self.stack.push(
            _DeleteCommand(
                text, target_id=target_id, delete=delete, restore=restore, hub=self._hub, report=self.failed.emit
            )
        )
