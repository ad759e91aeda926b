"""Setting, changing and removing the database's passphrase: one conversion, ``change_passphrase(path, old, new)``
(``None`` is no passphrase).

1. A backup of the file as it is, with the passphrase it has (``Reason.PASSPHRASE``).
2. SQLCipher's ``sqlcipher_export`` copies every table, index, trigger and the schema version into a new file
   created 0600 beside the old one (``.NAME.PID-N.convert``), under the write lock, so nothing changes meanwhile.
3. The new file is checked with the new passphrase: ``PRAGMA cipher_integrity_check`` (every page's HMAC),
   ``PRAGMA integrity_check``, and a row count of every table against the old file's.
4. It is fsynced and renamed over the old one (``os.replace``): killed at any moment, the old file or the new one
   is there, whole — never neither, never a mix. The old file's contents go only with that rename, after the
   check.

The old file is switched out of WAL first (``journal_mode=DELETE``), which SQLite allows only when no other
program has it open: the window or a command using the file makes the conversion refuse, with nothing changed.
A file opened in WAL mode keeps its log beside it; after the switch there is none to carry the old contents.
"""

from __future__ import annotations

from pathlib import Path

from jiebei_tracker.domain.errors import DatabaseBusy, DatabaseProblem, InvalidValue
from jiebei_tracker.storage.backups import Backup, Reason, has_records, make_backup
from jiebei_tracker.storage.connections import (
    check_copy,
    connect_file,
    database_errors,
    looks_encrypted,
    operational_errors,
    table_counts,
)
from jiebei_tracker.storage.database import BUSY_TIMEOUT_MS, holder_of, open_database
from jiebei_tracker.storage.files import fsync_path, link_into_place, remove_stale_conversions, temporary_beside

MIN_PASSPHRASE = 8


def check_passphrase(passphrase: str, field: str = "passphrase") -> str:
    """A new passphrase must be at least ``MIN_PASSPHRASE`` characters, with no NUL or line break."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidValue(field, "…", f"is too short: use at least {MIN_PASSPHRASE} characters")
    if any(character in passphrase for character in "\0\r\n"):
        raise InvalidValue(field, "…", "must be one line of text")
    return passphrase


def change_passphrase(path: Path, old: str | None, new: str | None) -> Backup | None:
    """Convert the database at ``path`` from passphrase ``old`` to ``new`` (either None: plain), as the module
    says. Returns the backup made first (None when the file held no records yet). The file must not be open
    anywhere, this process included."""
    path = Path(path)
    if (old is None) == (new is None) and old == new:
        raise InvalidValue("passphrase", "…", "is the same as before; nothing to change")
    if new is not None:
        check_passphrase(new)
    if looks_encrypted(path) != (old is not None):
        state = "is protected with a passphrase" if looks_encrypted(path) else "has no passphrase"
        raise DatabaseProblem(path, f"{state}; nothing was changed")
    database = open_database(path, key=old, write_attempts=3)  # the passphrase is checked, the schema current
    try:
        before = make_backup(database, Reason.PASSPHRASE) if has_records(database) else None
    finally:
        database.close()
    remove_stale_conversions(path)
    _convert(path, old, new)
    return before


def _convert(path: Path, old: str | None, new: str | None) -> None:
    source = connect_file(path, old, cipher=True)
    try:
        source.isolation_level = None
        source.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        try:
            mode = source.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except operational_errors():
            mode = None
        if mode != "delete":
            raise DatabaseBusy(path, f"is open in another program ({holder_of(path)}); close it and try again")
        version = source.execute("PRAGMA user_version").fetchone()[0]
        temporary = temporary_beside(path, "convert")  # created empty and 0600: SQLite writes into it
        try:
            source.execute("ATTACH DATABASE ? AS converted KEY ?", (str(temporary), new or ""))
            source.execute("BEGIN IMMEDIATE")  # nobody writes to the old file while it is copied
            counts = table_counts(source)
            source.execute("SELECT sqlcipher_export('converted')")
            source.execute(f"PRAGMA converted.user_version = {int(version)}")
            source.execute("COMMIT")
            source.execute("DETACH DATABASE converted")
            source.execute("BEGIN IMMEDIATE")  # ... nor until the new file has taken its place
            check_copy(temporary, new, counts, path)
            fsync_path(temporary)
            link_into_place(temporary, path, replace=True)
        except BaseException:
            for suffix in ("", "-journal"):
                Path(f"{temporary}{suffix}").unlink(missing_ok=True)
            raise
        finally:
            if source.in_transaction:
                source.execute("ROLLBACK")
    except database_errors() as error:
        raise DatabaseProblem(path, f"could not be converted ({error}); it was not changed") from None
    finally:
        source.close()
