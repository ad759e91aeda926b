"""An import remembered: the ``importbatch`` row that ``add_history`` writes for it in the same transaction, the
platforms it created, and what it replaced (assumed repayments, platform kinds and penalty multipliers) — all that
undoing it needs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from jiebei_tracker.storage import tables

# The tables an import adds rows to; each row carries the number of the import that added it (``import_id``).
TAGGED_TABLES = (
    tables.LoanTable,
    tables.RepaymentTable,
    tables.CreditLimitRecord,
    tables.CreditReportNote,
    tables.Platform,
)
_COUNT_COLUMNS = ("loan_count", "repayment_count", "limit_count", "note_count", "platform_count")
CHUNK = 2000  # ids per IN (…): well below SQLite's limit on parameters


@dataclass(frozen=True)
class ImportedFile:
    """The file an import comes from. Given to ``add_history``, it makes the import one that can be undone."""

    file_name: str
    kind: str  # loans, repayments, limits, notes or alipay


def stored_rows(session: Session, table, ids: Sequence[int]) -> list[dict]:
    """Rows as SQLite stores them (dates ISO text, flags 0/1): ready for JSON, and to be inserted again as they
    were."""
    found = []
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        result = session.connection().exec_driver_sql(
            f"SELECT * FROM {table.__tablename__} WHERE id IN ({', '.join('?' * len(chunk))})", tuple(chunk)
        )
        found.extend(dict(row) for row in result.mappings())
    return found


class BatchRecorder:
    """Writes the import's row first (its number tags every row the import adds), notes what the import created
    and replaced as it goes, and fills in the counts at the end (``finish``)."""

    def __init__(self, session: Session, imported: ImportedFile) -> None:
        row = tables.ImportBatch(
            imported_at=datetime.now().isoformat(timespec="seconds"), file_name=imported.file_name, kind=imported.kind
        )
        session.add(row)
        session.flush()
        self.id: int = row.id
        # A platform numbered above this one was created by the import (SQLite numbers new rows max + 1).
        self._last_platform = session.exec(select(func.max(tables.Platform.id))).one() or 0
        self._created_platforms: set[int] = set()
        self._kinds: dict[int, dict[str, str]] = {}
        self._multipliers: dict[int, dict[str, str]] = {}
        self._replaced: list[dict] = []

    def platform_used(self, platform_id: int) -> None:
        if platform_id > self._last_platform:
            self._created_platforms.add(platform_id)

    def kind_set(self, platform: tables.Platform, kind: str) -> None:
        """A platform already there whose kind the import changes: undo sets the old kind back."""
        if platform.id in self._created_platforms or platform.kind == kind or platform.id in self._kinds:
            return
        self._kinds[platform.id] = {"was": platform.kind, "set": kind}

    def multiplier_set(self, platform: tables.Platform, multiplier: str) -> None:
        """A platform already there whose penalty multiplier the import changes: undo sets the old one back."""
        if platform.id in self._created_platforms or platform.id in self._multipliers:
            return
        self._multipliers[platform.id] = {"was": platform.penalty_multiplier, "set": multiplier}

    def replaced(self, rows: list[dict]) -> None:
        """Assumed repayments the import's real ones replaced (deleted), as stored: undo inserts them again."""
        self._replaced.extend(rows)

    def finish(self, session: Session) -> None:
        created = sorted(self._created_platforms)
        for start in range(0, len(created), CHUNK):
            session.execute(
                update(tables.Platform)
                .where(col(tables.Platform.id).in_(created[start : start + CHUNK]))
                .values(import_id=self.id)
            )
        counts = {
            name: session.exec(select(func.count()).select_from(table).where(table.import_id == self.id)).one()
            for name, table in zip(_COUNT_COLUMNS, TAGGED_TABLES, strict=True)
        }
        replaced = {
            "repayments": self._replaced,
            "platform_kinds": {str(k): v for k, v in self._kinds.items()},
            "penalty_multipliers": {str(k): v for k, v in self._multipliers.items()},
        }
        session.execute(
            update(tables.ImportBatch)
            .where(col(tables.ImportBatch.id) == self.id)
            .values(**counts, replaced_json=json.dumps(replaced, ensure_ascii=False))
        )
