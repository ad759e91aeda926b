"""Table models of platforms (with their current limit and last change), a platform's limit history, and
credit-report notes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.vocabulary import LoanStatus, NoteKind
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.services.credit import LimitChange, NoteRecord, PlatformSummary
from jiebei_tracker.ui.common import LIMIT_DOWN_COLOUR, LIMIT_UP_COLOUR, STATUS_COLOURS
from jiebei_tracker.ui.models.records_model import RecordsTableModel

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 3
_NEGATIVE_KINDS = (NoteKind.OVERDUE_RECORD, NoteKind.GUARANTEE, NoteKind.BAD_DEBT)


def change_text(change_fen: int | None) -> str:
    """▲ +¥5,000.00 for a rise, ▼ −¥5,000.00 for a cut, — for the first record or no change."""
    if not change_fen:
        return "—"
    return f"▲ +{format_yuan(change_fen)}" if change_fen > 0 else f"▼ −{format_yuan(-change_fen)}"


def change_colour(change_fen: int | None):
    if not change_fen:
        return None
    return LIMIT_UP_COLOUR if change_fen > 0 else LIMIT_DOWN_COLOUR


def _last_change(platform: PlatformSummary) -> LimitChange | None:
    """The latest record that moved the limit (a record of the same limit again is not a change)."""
    return next((item for item in reversed(platform.limits) if item.change_fen), None)


class PlatformsTableModel(RecordsTableModel):
    """Each platform: name, kind, current credit limit, and the last change to it."""

    money_columns = (2,)

    def headers(self) -> list[str]:
        return [self.tr("Platform"), self.tr("Kind"), self.tr("Credit limit"), self.tr("Last change")]

    def cell(self, platform: PlatformSummary, column: int) -> str:
        if column == 0:
            return platform.name
        if column == 1:
            return platform.kind.label(display_language())
        if column == 2:
            current = platform.current_limit_fen
            return format_yuan(current) if current is not None else self.tr("not recorded")
        last = _last_change(platform)
        if last is None:
            return "—"
        return f"{change_text(last.change_fen)} ({last.recorded_on.isoformat()})"

    def extra_data(self, platform: PlatformSummary, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            last = _last_change(platform)
            return change_colour(last.change_fen) if last else None
        return None

    def row_of(self, name: str) -> int | None:
        return next((row for row, p in enumerate(self.records()) if p.name == name), None)


class LimitHistoryModel(RecordsTableModel):
    """A platform's limit records, newest first, with how much each one went up or down."""

    money_columns = (1, 2)

    def set_records(self, records: list) -> None:
        super().set_records(list(reversed(records)))

    def headers(self) -> list[str]:
        return [self.tr("Recorded on"), self.tr("Limit"), self.tr("Change"), self.tr("Note")]

    def cell(self, record: LimitChange, column: int) -> str:
        if column == 0:
            return record.recorded_on.isoformat()
        if column == 1:
            return format_yuan(record.limit_fen)
        if column == 3:
            return record.note
        return change_text(record.change_fen) if record.change_fen is not None else self.tr("first record")

    def extra_data(self, record: LimitChange, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return change_colour(record.change_fen)
        return None


class NotesTableModel(RecordsTableModel):
    """Credit-report notes, newest first: date, kind, an inquiry's reason, what the report says, open or resolved,
    and when a negative record leaves the report."""

    REASON, STATUS, DROPS_OFF = 2, 4, 5

    def headers(self) -> list[str]:
        return [
            self.tr("Noted on"),
            self.tr("Kind"),
            self.tr("Reason"),
            self.tr("What the report shows"),
            self.tr("Status"),
            self.tr("Leaves the report"),
        ]

    def cell(self, note: NoteRecord, column: int) -> str:
        if column == 0:
            return note.noted_on.isoformat()
        if column == 1:
            return note.kind.label(display_language())
        if column == self.REASON:
            if note.kind is not NoteKind.INQUIRY:
                return ""
            return self.tr("Not known: set it") if note.needs_reason else note.reason.label(display_language())
        if column == 3:
            shown = note.text
            return f"{note.institution}：{shown}" if note.institution and note.institution not in shown else shown
        if column == self.DROPS_OFF:
            if note.drops_off_on is not None:
                return note.drops_off_on.isoformat()
            return self.tr("5 years after it is settled") if note.kind in _NEGATIVE_KINDS else ""
        if not note.resolved:
            # An inquiry is a line on the report, not a problem to settle: it has no status.
            return "" if note.kind is NoteKind.INQUIRY else self.tr("Open")
        if note.resolved_on is None:
            return self.tr("Resolved")
        return self.tr("Resolved on {day}").format(day=note.resolved_on.isoformat())

    def extra_data(self, note: NoteRecord, column: int, role: int):
        if role == NOTE_ID_ROLE:
            return note.note_id
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            if note.resolved:
                return STATUS_COLOURS[LoanStatus.SETTLED]
            if note.kind in _NEGATIVE_KINDS:
                return STATUS_COLOURS[LoanStatus.OVERDUE]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.REASON and note.needs_reason:
            return STATUS_COLOURS[LoanStatus.OVERDUE]
        return None

    def row_of(self, note_id: int) -> int | None:
        return next((row for row, note in enumerate(self.records()) if note.note_id == note_id), None)
