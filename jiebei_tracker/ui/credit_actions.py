"""The user's actions on platforms, credit limits and credit-report notes, shared by the views that offer them."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.vocabulary import PlatformKind
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.credit import LimitChange
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui import actions as loan_actions
from jiebei_tracker.ui.common import ChangeHub
from jiebei_tracker.ui.dialogs import on_demand
from jiebei_tracker.ui.undo import UndoableDeletes


class CreditActions(QObject):
    """Opens the limit and note dialogs and sends each write through the hub."""

    def __init__(
        self, *, workspace: Workspace, hub: ChangeHub, undo: UndoableDeletes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._hub = hub
        self._undo = undo
        self._parent = parent

    def record_limit(self, platform: str | None = None) -> Changes | None:
        ledger = self._workspace.ledger
        current = {p.name: p.current_limit_fen for p in self._workspace.platforms()}
        return on_demand.limit_dialog().ask(
            platforms=sorted(current),
            today=self._workspace.today(),
            platform=platform,
            current_limit_fen=current.get,
            save=lambda name, day, fen, note: self._hub.run(
                lambda: ledger.record_limit(name, recorded_on=day, limit_fen=fen, note=note)
            ),
            parent=self._parent,
        )

    def edit_limit(self, platform: str, record: LimitChange) -> Changes | None:
        """Correct a recorded limit's day, amount or note."""
        ledger = self._workspace.ledger
        return on_demand.limit_dialog().ask(
            platforms=[platform],
            today=self._workspace.today(),
            platform=platform,
            record=record,
            save=lambda _name, day, fen, note: self._hub.run(
                lambda: ledger.edit_limit(record.limit_id, recorded_on=day, limit_fen=fen, note=note)
            ),
            parent=self._parent,
        )

    def delete_limit(self, platform: str, record: LimitChange) -> bool:
        question = self.tr(
            "Delete the {platform} limit of {limit} recorded on {day}?\nYou can undo this with Ctrl+Z."
        ).format(platform=platform, limit=format_yuan(record.limit_fen), day=record.recorded_on.isoformat())
        if not loan_actions.confirm(self._parent, self.tr("Delete limit record"), question):
            return False
        self._undo.delete_limit(record.limit_id, self.tr("delete a credit limit record"))
        return True

    def set_platform_kind(self, name: str, kind: PlatformKind) -> Changes:
        return self._hub.run(lambda: self._workspace.ledger.set_platform_kind(name, kind))

    def set_penalty_multiplier(self, name: str, multiplier: Decimal) -> Changes:
        return self._hub.run(lambda: self._workspace.ledger.set_penalty_multiplier(name, multiplier))

    def add_note(self) -> Changes | None:
        ledger = self._workspace.ledger
        return on_demand.note_dialog().ask(
            today=self._workspace.today(),
            save=lambda day, kind, text, reason, institution: self._hub.run(
                lambda: ledger.add_note(noted_on=day, kind=kind, text=text, reason=reason, institution=institution)
            ),
            parent=self._parent,
        )

    def import_credit_report(self) -> Changes | None:
        """Import credit report…: its inquiries and overdue accounts as notes, shown before they are saved."""
        return on_demand.credit_report_dialog().ask_for(
            workspace=self._workspace, run=self._hub.run, parent=self._parent
        )

    def edit_note(self, note_id: int) -> Changes | None:
        ledger = self._workspace.ledger
        note = next(n for n in self._workspace.notes() if n.note_id == note_id)
        return on_demand.note_dialog().ask(
            today=self._workspace.today(),
            note=note,
            save=lambda day, kind, text, reason, institution: self._hub.run(
                lambda: ledger.edit_note(
                    note_id, noted_on=day, kind=kind, text=text, reason=reason, institution=institution
                )
            ),
            parent=self._parent,
        )

    def toggle_resolved(self, note_id: int, *, resolved: bool) -> Changes:
        """Mark a note resolved today, or open again one marked by mistake."""
        ledger = self._workspace.ledger
        if resolved:
            return self._hub.run(lambda: ledger.reopen_note(note_id))
        return self._hub.run(lambda: ledger.resolve_note(note_id))

    def delete_note(self, note_id: int, *, text: str) -> bool:
        question = self.tr("Delete the credit-report note “{text}”?\nYou can undo this with Ctrl+Z.").format(text=text)
        if not loan_actions.confirm(self._parent, self.tr("Delete note"), question):
            return False
        self._undo.delete_note(note_id, self.tr("delete a credit-report note"))
        return True
