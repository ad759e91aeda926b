"""The imports made so far, newest first: what each added and whether it was undone (the CLI's ``imports`` and the
window's Edit ▸ Undo import). Plain-driver reads, so asking costs the window no SQLAlchemy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from jiebei_tracker.storage import reads
from jiebei_tracker.storage.database import Database

# (field, singular, plural): the order counts are said in.
_NOUNS = (
    ("loans", "loan", "loans"),
    ("repayments", "repayment", "repayments"),
    ("limits", "credit limit", "credit limits"),
    ("notes", "credit-report note", "credit-report notes"),
    ("platforms", "platform", "platforms"),
)


@dataclass(frozen=True)
class ImportCounts:
    """How many records of each sort an import added (or its undo removed)."""

    loans: int = 0
    repayments: int = 0
    limits: int = 0
    notes: int = 0
    platforms: int = 0

    def describe(self) -> str:
        """``12 loans, 40 repayments, 2 platforms`` (the sorts with none left out); ``nothing`` when all are 0."""
        parts = []
        for name, one, many in _NOUNS:
            count = getattr(self, name)
            if count:
                parts.append(f"{count} {one if count == 1 else many}")
        return ", ".join(parts) or "nothing"


@dataclass(frozen=True)
class ImportRecord:
    """One import: its number, when it was made, the file's name, its kind (loans, repayments, limits, notes or
    alipay), what it added, and the day it was undone (None while it stands)."""

    import_id: int
    imported_at: datetime
    file_name: str
    kind: str
    counts: ImportCounts
    undone_on: date | None

    @property
    def undone(self) -> bool:
        return self.undone_on is not None


def list_imports(database: Database) -> list[ImportRecord]:
    """Every import, newest first."""
    with database.read() as connection:
        rows = reads.import_rows(connection)
    return [
        ImportRecord(
            import_id=row[0],
            imported_at=datetime.fromisoformat(row[1]),
            file_name=row[2],
            kind=row[3],
            counts=ImportCounts(*row[4:9]),
            undone_on=None if row[9] is None else date.fromisoformat(row[9]),
        )
        for row in rows
    ]


def latest_undoable(database: Database) -> ImportRecord | None:
    """The newest import not undone yet (what ``undo-import`` and Edit ▸ Undo import take back), or None."""
    return next((record for record in list_imports(database) if not record.undone), None)
