"""Backups of the database: automatic ones in a ``backups`` folder beside it, kept by age; copies on request;
restoring one.

Every copy is made with SQLite's online backup API (safe while the app or another writer runs) into a private
temporary file beside its place, checked with ``PRAGMA integrity_check``, fsynced and linked into place: whole or
absent, never world-readable, never through a symlink (storage/files.py). A copy is a single-file database
(rollback journal), readable by any SQLite tool and by ``restore`` — or, when the database is protected with a
passphrase, encrypted with the same passphrase (SQLCipher; see storage/connections.py): a backup is never less
private than its database.

Automatic backups are made before a migration, before an import, before a restore, and on the first write of
each day; they are kept by ``Retention`` (the newest of each of the last 7 days, 4 weeks and 12 months; those
made before an import, a migration or a restore for 30 days). A database with no records is never backed up:
there is nothing to lose yet.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from jiebei_tracker.domain.errors import DatabaseProblem, FileProblem, FileTaken, PassphraseNeeded
from jiebei_tracker.storage.connections import connect_file, database_errors, export_copy, looks_encrypted
from jiebei_tracker.storage.files import make_private_folder, process_alive, temporary_beside, write_whole
from jiebei_tracker.storage.migrations_runner import check_known_revision, upgrade_to_head

if TYPE_CHECKING:
    from jiebei_tracker.storage.database import Database

BACKUP_FOLDER = "backups"
RETENTION_KEY = "general"  # the setting holding backup_daily, … (services.settings.GeneralSettings edits them)
RECORD_TABLES = ("loan", "repayment", "creditlimitrecord", "creditreportnote")


class Reason(StrEnum):
    """Why a backup was made: part of its file name."""

    DAILY = "daily"  # the first write of a day
    IMPORT = "import"  # before an import
    MIGRATION = "migration"  # before the schema was upgraded
    RESTORE = "restore"  # before another backup replaced the data
    MANUAL = "manual"  # asked for (File ▸ Back up now, `backup`)
    PASSPHRASE = "passphrase"  # before a passphrase was set, changed or removed (with the passphrase before)

    @property
    def is_event(self) -> bool:
        return self in (Reason.IMPORT, Reason.MIGRATION, Reason.RESTORE, Reason.PASSPHRASE)


@dataclass(frozen=True)
class Retention:
    """How many automatic backups are kept: the newest of each of the last ``daily`` days, ``weekly`` weeks and
    ``monthly`` months; those made before an import, a migration or a restore for ``event_days`` days. Backups
    made by hand are never removed."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    event_days: int = 30

    def __post_init__(self) -> None:
        for name, high in (("daily", 366), ("weekly", 520), ("monthly", 240), ("event_days", 3650)):
            value = getattr(self, name)
            if not isinstance(value, int) or not 0 <= value <= high:
                raise ValueError(f"{name} must be a whole number from 0 to {high}")

    @classmethod
    def from_json(cls, text: str | None) -> Retention:
        """From the general settings' JSON (``backup_daily``, …); the defaults for anything missing or wrong."""
        if not text:
            return cls()
        try:
            stored = json.loads(text)
            return cls(**{k: stored[f"backup_{k}"] for k in cls.__dataclass_fields__ if f"backup_{k}" in stored})
        except (ValueError, TypeError, AttributeError):
            return cls()


@dataclass(frozen=True)
class Backup:
    """A backup file with when and why it was made (from its name)."""

    path: Path
    made_at: datetime
    reason: Reason
    sequence: int = 1  # the second backup made in the same second is "-2" in its name, and newer

    @property
    def newness(self) -> tuple[datetime, int, str]:
        """The order backups were made in; two made in the same second for different reasons go by name."""
        return (self.made_at, self.sequence, self.path.name)

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass(frozen=True)
class Contents:
    """What a database file holds, checked: its schema revision and how many records of each kind."""

    revision: str | None
    loans: int
    repayments: int
    limits: int
    notes: int


def folder_of(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_FOLDER


def _pattern(db_path: Path) -> re.Pattern[str]:
    reasons = "|".join(reason.value for reason in Reason)
    return re.compile(rf"{re.escape(Path(db_path).stem)}\.(\d{{8}}-\d{{6}})(?:-(\d+))?\.({reasons})\.db")


def list_backups(db_path: Path) -> list[Backup]:
    """The database's backups in its backups folder, newest first."""
    folder, pattern = folder_of(db_path), _pattern(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match and path.is_file() and not path.is_symlink():
            made_at = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            found.append(Backup(path, made_at, Reason(match.group(3)), int(match.group(2) or 1)))
    return sorted(found, key=lambda backup: backup.newness, reverse=True)


def copy_database(
    source: Database | sqlite3.Connection, target: Path, *, replace: bool = False, key: str | None = None
) -> Path:
    """A checked copy of the database ``source`` written whole at ``target``: an open Database is read through a
    new connection of its own (the live file, perhaps being written by another program), a connection as it
    is (a backup opened read-only, with its passphrase ``key`` if it has one).
    The copy has the database's passphrase (none for a plain one).
    The target's folder must exist; an existing target is refused unless ``replace``."""
    if not isinstance(source, sqlite3.Connection) and key is None:
        key = getattr(source, "key", None)

    def fill(temporary: Path) -> None:
        reader = _open_source(source)
        writer = connect_file(temporary, key)
        try:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")  # a single file, without -wal/-shm beside it
            _check_integrity(writer, Path(target))
        except database_errors() as error:
            raise DatabaseProblem(_source_path(source), f"cannot be copied ({error})") from None
        finally:
            writer.close()
            if reader is not source:
                reader.close()

    return write_whole(Path(target), fill, replace=replace)


def make_backup(database: Database, reason: Reason, *, now: datetime | None = None) -> Backup:
    """A new backup of ``database`` in its backups folder (0700), then the old automatic ones pruned."""
    now = (now or datetime.now()).replace(microsecond=0)
    folder = make_private_folder(folder_of(database.path))
    remove_stale_parts(folder)
    stem, stamp = database.path.stem, now.strftime("%Y%m%d-%H%M%S")
    for attempt in range(1, 100):
        counter = "" if attempt == 1 else f"-{attempt}"
        target = folder / f"{stem}.{stamp}{counter}.{reason.value}.db"
        try:
            copy_database(database, target)  # another program may take the name first: then the next one
        except FileTaken:
            continue
        break
    else:
        raise FileProblem(folder, "has no free name for a backup made this second")
    prune(database.path, retention(database), now=now)
    return Backup(target, now, reason, attempt)


def remove_stale_parts(folder: Path) -> None:
    """Remove the private temporary files of copies cut short (the app was killed while writing one): hidden
    ``.NAME.PID-N.part`` files whose process is gone."""
    for path in folder.glob(".*.part"):
        match = re.search(r"\.(\d+)-\d+\.part$", path.name)
        if match and not process_alive(int(match.group(1))):
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)


def make_daily_backup(database: Database, *, now: datetime | None = None) -> Backup | None:
    """Today's backup, if none was made today and the database has records (else None)."""
    now = now or datetime.now()
    if any(backup.made_at.date() == now.date() for backup in list_backups(database.path)):
        return None
    if not has_records(database):
        return None
    return make_backup(database, Reason.DAILY, now=now)


def has_records(database: Database) -> bool:
    with database.read() as connection:
        return any(
            connection.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
            for table in RECORD_TABLES
            if _has_table(connection, table)
        )


def retention(database: Database) -> Retention:
    with database.read() as connection:
        if not _has_table(connection, "setting"):
            return Retention()
        row = connection.execute("SELECT value_json FROM setting WHERE key = ?", (RETENTION_KEY,)).fetchone()
    return Retention.from_json(row[0] if row else None)


def to_remove(backups: list[Backup], keep: Retention, *, now: datetime) -> list[Backup]:
    """The automatic backups ``keep`` does not keep (those made by hand are always kept)."""
    kept: set[Path] = set()
    scheduled = sorted((b for b in backups if b.reason is Reason.DAILY), key=lambda b: b.newness, reverse=True)
    for count, period in ((keep.daily, _day), (keep.weekly, _week), (keep.monthly, _month)):
        seen: list[object] = []
        for backup in scheduled:  # newest first: the first of each period is its newest
            key = period(backup.made_at.date())
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                kept.add(backup.path)
    oldest_event = now - timedelta(days=keep.event_days)
    removed = []
    for backup in backups:
        if backup.reason is Reason.MANUAL or backup.path in kept:
            continue
        if backup.reason.is_event and backup.made_at >= oldest_event:
            continue
        removed.append(backup)
    return removed


def _day(day: date) -> object:
    return day


def _week(day: date) -> object:
    return day.isocalendar()[:2]


def _month(day: date) -> object:
    return (day.year, day.month)


def prune(db_path: Path, keep: Retention, *, now: datetime) -> list[Backup]:
    removed = to_remove(list_backups(db_path), keep, now=now)
    for backup in removed:
        backup.path.unlink(missing_ok=True)
    return removed


def inspect(path: Path, key: str | None = None) -> Contents:
    """Check a database file made by this app (a backup, or any copy): readable, whole, and what it holds.
    Raises DatabaseProblem naming what is wrong: PassphraseNeeded for an encrypted one without ``key``,
    WrongPassphrase when ``key`` does not open it."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseProblem(path, "no such file" if not path.exists() else "is not a file")
    key = key if looks_encrypted(path) else None
    if key is None and looks_encrypted(path):
        raise PassphraseNeeded(path, "is encrypted with a passphrase (or is not an SQLite file): give its passphrase")
    connection = _open_read_only(path, key)
    try:
        _check_integrity(connection, path)
        if not _has_table(connection, "loan") or not _has_table(connection, "alembic_version"):
            raise DatabaseProblem(path, "is an SQLite database, but not one of Jiebei Tracker")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = None if revision is None else revision[0]
        check_known_revision(path, revision)
        counts = [connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in RECORD_TABLES]
    except database_errors() as error:
        raise DatabaseProblem(path, f"cannot be read as a database ({error})") from None
    finally:
        connection.close()
    return Contents(revision, *counts)


def restore(database: Database, source: Path, key: str | None = None) -> Backup | None:
    """Replace the database's contents with the checked copy at ``source``, after backing the current ones up
    (the returned backup; None when there was nothing to back up). The copy is written into the open database
    with the backup API, as one transaction: whole or not at all, even if the app is killed meanwhile; other
    programs with the file open see the restored data at their next read. The schema is then brought up to
    date (a backup made by an older version). ``key``: the backup's passphrase, when it is encrypted with one
    other than the database's (by default the database's own is tried). The database keeps its own passphrase
    (or stays plain): a backup with another one is first re-encrypted into a private temporary copy."""
    source = Path(source)
    if key is None and looks_encrypted(source):
        key = database.key
    key = key if looks_encrypted(source) else None
    inspect(source, key)
    if source.resolve() == database.path.resolve():
        raise DatabaseProblem(source, "is the database itself; choose a backup")
    before = make_backup(database, Reason.RESTORE) if has_records(database) else None
    converted = None
    if key != database.key:  # SQLite's backup API copies only between files of one kind: convert it first
        converted = temporary_beside(database.path, "restore")  # empty, 0600: SQLite writes into it
        export_copy(source, key, converted, database.key)
        source, key = converted, database.key
    try:
        reader = _open_read_only(source, key)
        writer = database.new_connection()
        try:
            reader.backup(writer)
            _check_integrity(writer, database.path)
        except database_errors() as error:
            raise DatabaseProblem(database.path, f"could not be restored from {source} ({error})") from None
        finally:
            reader.close()
            writer.close()
    finally:
        if converted is not None:
            for suffix in ("", "-journal"):
                Path(f"{converted}{suffix}").unlink(missing_ok=True)
    database.forget_connections()
    database.writes += 1  # every record may have changed
    upgrade_to_head(database)
    return before


def recover(db_path: Path, source: Path, *, now: datetime | None = None, key: str | None = None) -> Path | None:
    """Put the checked copy at ``source`` in place of a database file that cannot be opened (damaged, not a
    database). The unusable file is kept, renamed ``NAME.damaged-WHEN`` (returned; None when there was no file),
    never deleted: it may still hold something worth rescuing. An encrypted backup (``key``) stays encrypted
    with it."""
    db_path, source = Path(db_path), Path(source)
    key = key if looks_encrypted(source) else None
    inspect(source, key)
    kept = None
    if db_path.exists():
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        kept = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
        db_path.rename(kept)
        for suffix in ("-wal", "-shm", "-journal"):
            side = Path(str(db_path) + suffix)
            if side.exists():
                side.rename(Path(str(kept) + suffix))
    reader = _open_read_only(source, key)
    try:
        copy_database(reader, db_path, key=key)
    finally:
        reader.close()
    return kept


def _open_source(source: Database | sqlite3.Connection) -> sqlite3.Connection:
    return source if isinstance(source, sqlite3.Connection) else source.new_connection()


def _source_path(source: Database | sqlite3.Connection) -> Path | str:
    return "the database" if isinstance(source, sqlite3.Connection) else source.path


def _open_read_only(path: Path, key: str | None = None) -> sqlite3.Connection:
    """A backup is never written: opened immutable, nothing is created beside it (no -wal, no -shm)."""

    try:
        return connect_file(path, key, read_only=True, immutable=True)
    except database_errors() as error:
        raise DatabaseProblem(path, f"cannot be opened ({error})") from None


def _check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    result = connection.execute("PRAGMA integrity_check").fetchall()
    if result != [("ok",)]:
        first = result[0][0] if result else "no answer"
        raise DatabaseProblem(path, f"is damaged ({first})")


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return connection.execute(query, (name,)).fetchone() is not None


__all__ = [
    "Backup",
    "Contents",
    "FileProblem",
    "Reason",
    "Retention",
    "copy_database",
    "folder_of",
    "inspect",
    "list_backups",
    "make_backup",
    "make_daily_backup",
    "prune",
    "recover",
    "restore",
]
