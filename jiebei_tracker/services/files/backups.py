"""Backups for the window and the CLI: the list (when, why, what each holds, checked), a backup now, a restore,
and the newest good backup to offer when the database cannot be opened. The file work is storage/backups.py."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jiebei_tracker.domain.errors import DatabaseProblem, PassphraseNeeded, WrongPassphrase
from jiebei_tracker.storage import backups as storage
from jiebei_tracker.storage.backups import Reason, Retention
from jiebei_tracker.storage.database import Database

__all__ = ["BackupLine", "Reason", "Retention", "back_up", "importing", "lines", "newest_good", "recover", "restore"]


NEEDS_PASSPHRASE = "encrypted with another passphrase, or none given"


@dataclass(frozen=True)
class BackupLine:
    """A backup as the lists show it. ``problem`` is why it cannot be restored ('' when it was checked good)."""

    path: Path
    made_at: datetime
    reason: Reason
    size: int
    loans: int | None
    repayments: int | None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def locked(self) -> bool:
        """Encrypted with a passphrase other than the one given: it can be restored with its own."""
        return self.problem == NEEDS_PASSPHRASE

    @property
    def size_text(self) -> str:
        if self.size < 1024 * 1024:
            return f"{-(-self.size // 1024)} KB"  # rounded up: a file of a few bytes is not "0 KB"
        return f"{self.size / 1024 / 1024:.1f} MB"


def lines(db_path: Path, *, check: bool = True, key: str | None = None) -> list[BackupLine]:
    """The database's backups, newest first, each checked (``check``) and counted; encrypted ones with ``key``
    (the database's passphrase)."""
    found = []
    for backup in storage.list_backups(Path(db_path)):
        loans = repayments = None
        problem = ""
        if check:
            try:
                contents = storage.inspect(backup.path, key)
                loans, repayments = contents.loans, contents.repayments
            except (PassphraseNeeded, WrongPassphrase):
                problem = NEEDS_PASSPHRASE
            except DatabaseProblem as error:
                problem = error.reason
        found.append(BackupLine(backup.path, backup.made_at, backup.reason, backup.size, loans, repayments, problem))
    return found


def newest_good(db_path: Path, key: str | None = None) -> BackupLine | None:
    """The newest backup that checks good (offered when the database cannot be opened); an encrypted one only
    with its passphrase ``key``."""
    for line in lines(db_path, check=False):
        try:
            contents = storage.inspect(line.path, key)
        except DatabaseProblem:
            continue
        return BackupLine(line.path, line.made_at, line.reason, line.size, contents.loans, contents.repayments)
    return None


def opens_with(path: Path, key: str | None) -> bool:
    """Whether the backup at ``path`` opens with ``key`` (checked, read-only)."""
    try:
        storage.inspect(Path(path), key)
    except DatabaseProblem:
        return False
    return True


def back_up(database: Database, target: Path | None = None) -> Path:
    """A backup now: into the backups folder (kept until deleted by hand), or to ``target`` (a new file in a
    folder that exists)."""
    if target is None:
        return storage.make_backup(database, Reason.MANUAL).path
    return database.backup_to(Path(target))


@contextmanager
def importing(database: Database) -> Iterator[None]:
    """Around an import's write: a backup of the data as it was (when there is any), and a note that this program
    is importing, which another one kept waiting for the file shows its user."""
    if database.backups and storage.has_records(database):
        storage.make_backup(database, Reason.IMPORT)
    with database.activity("importing"):
        yield


def restore(database: Database, source: Path, key: str | None = None) -> Path | None:
    """Replace the data with the backup at ``source`` (``key``: its passphrase, when not the database's); returns
    the backup of what was there (None if empty)."""
    with database.activity("restoring a backup"):
        before = storage.restore(database, Path(source), key)
    return None if before is None else before.path


def recover(db_path: Path, source: Path, key: str | None = None) -> Path | None:
    """Put the backup in place of a file that cannot be opened; returns where that file was kept."""
    return storage.recover(Path(db_path), Path(source), key=key)
