"""The one place a connection to a database file is made: plain ``sqlite3``, or SQLCipher (``sqlcipher3``, the
``encryption`` extra) when a passphrase is given. The plain reads (``Database.read``), SQLAlchemy's engine
(``creator=``), backups, restores and the passphrase conversions all come through ``connect_file``.

``sqlcipher3`` is imported only when a passphrase is first used, so a plain database never pays for it (start-up
is watched) and the app runs without the extra. The passphrase goes to SQLCipher as ``PRAGMA key`` and nowhere
else: it is never written to a file, a log, the settings or the process title. SQLCipher 4's defaults stand
(``kdf_iter`` 256000, 4096-byte pages, HMAC on every page), and its own log is silenced so that a wrong
passphrase is one line of ours, not SQLCipher's.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jiebei_tracker.domain.errors import DatabaseProblem, EncryptionUnavailable, WrongPassphrase

SQLITE_HEADER = b"SQLite format 3\x00"
CIPHER_MODULE = "sqlcipher3"
_cipher_classes: dict[type, type] = {}


def cipher_module(path: Path | str = "the database") -> Any:
    """``sqlcipher3``, imported now (late, so that a plain database never loads it); EncryptionUnavailable
    naming ``path`` when the extra is not installed."""
    try:
        import sqlcipher3
    except ImportError:
        raise EncryptionUnavailable(path) from None
    return sqlcipher3


def encryption_available() -> bool:
    """Whether passphrases can be used here (the ``encryption`` extra is installed)."""
    try:
        cipher_module()
    except EncryptionUnavailable:
        return False
    return True


def looks_encrypted(path: Path) -> bool:
    """Whether the file has content but no plain SQLite header: protected with a passphrase (or damaged — only
    the passphrase can tell)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return bool(header) and header != SQLITE_HEADER


def database_errors() -> tuple[type[BaseException], ...]:
    """The drivers' DatabaseError classes: sqlite3's, and sqlcipher3's once it is loaded (they are unrelated)."""
    cipher = sys.modules.get(CIPHER_MODULE)
    return (sqlite3.DatabaseError,) if cipher is None else (sqlite3.DatabaseError, cipher.DatabaseError)


def operational_errors() -> tuple[type[BaseException], ...]:
    cipher = sys.modules.get(CIPHER_MODULE)
    return (sqlite3.OperationalError,) if cipher is None else (sqlite3.OperationalError, cipher.OperationalError)


def key_literal(passphrase: str) -> str:
    """The passphrase as an SQL string literal for ``PRAGMA key`` / ``ATTACH … KEY``."""
    return "'" + passphrase.replace("'", "''") + "'"


def connect_file(
    path: Path | str,
    key: str | None = None,
    *,
    read_only: bool = False,
    immutable: bool = False,
    check_same_thread: bool = True,
    factory: type | None = None,
    cipher: bool = False,
):
    """A connection to the file at ``path``: plain without ``key``, SQLCipher with it (checked at once: a wrong
    passphrase is WrongPassphrase). ``read_only`` opens it ``mode=ro`` (``immutable``: nothing is created
    beside it). ``factory``: a subclass of ``sqlite3.Connection`` for a plain one; an encrypted one gets an
    equivalent subclass of sqlcipher3's (both weakly referable). ``cipher``: through SQLCipher even without a
    key (a conversion attaches an encrypted file to a plain one)."""
    target: str | Path = path
    uri = read_only
    if read_only:
        target = f"file:{quote(str(Path(path).resolve()))}?mode=ro" + ("&immutable=1" if immutable else "")
    if key is None and not cipher:
        kwargs = {} if factory is None else {"factory": factory}
        return sqlite3.connect(target, uri=uri, check_same_thread=check_same_thread, **kwargs)
    driver = cipher_module(path)
    connection = driver.connect(
        target, uri=uri, check_same_thread=check_same_thread, factory=_cipher_connection_class(driver)
    )
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")  # our one-line message, not SQLCipher's log
        if key is None:
            return connection
        connection.execute(f"PRAGMA key = {key_literal(key)}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver.DatabaseError:
        connection.close()
        raise WrongPassphrase(path) from None
    return connection


def _cipher_connection_class(cipher) -> type:
    found = _cipher_classes.get(cipher.Connection)
    if found is None:
        found = _cipher_classes[cipher.Connection] = type("CipherConnection", (cipher.Connection,), {})
    return found


def export_copy(source: Path, source_key: str | None, target: Path, target_key: str | None) -> None:
    """Copy the database file ``source`` into ``target`` (an empty private file) with another passphrase (or
    none), through ``sqlcipher_export``; checked like a conversion."""
    reader = connect_file(source, source_key, cipher=True, read_only=True, immutable=True)
    try:
        reader.isolation_level = None
        counts = table_counts(reader)
        version = reader.execute("PRAGMA user_version").fetchone()[0]
        reader.execute("ATTACH DATABASE ? AS converted KEY ?", (str(target), target_key or ""))
        reader.execute("SELECT sqlcipher_export('converted')")
        reader.execute(f"PRAGMA converted.user_version = {int(version)}")
        reader.execute("DETACH DATABASE converted")
    except database_errors() as error:
        raise DatabaseProblem(source, f"cannot be copied ({error})") from None
    finally:
        reader.close()
    check_copy(target, target_key, counts, source)


def table_counts(connection) -> dict[str, int]:
    """How many rows each table of the main database holds."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {name: connection.execute(f'SELECT count(*) FROM main."{name}"').fetchone()[0] for name in names}


def check_copy(copy: Path, key: str | None, counts: dict[str, int], original: Path) -> None:
    """The converted file opens with ``key`` (and is encrypted exactly when there is one), every page checks,
    and every table has as many rows as the original's — else DatabaseProblem naming the original."""
    if looks_encrypted(copy) != (key is not None):
        raise DatabaseProblem(original, "could not be converted (the new file is not what was asked); unchanged")
    connection = connect_file(copy, key, cipher=True, read_only=True, immutable=True)
    try:
        if key is not None:
            failures = connection.execute("PRAGMA cipher_integrity_check").fetchall()
            if failures:
                raise DatabaseProblem(original, f"could not be converted ({failures[0][0]}); it was not changed")
        result = connection.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise DatabaseProblem(original, f"could not be converted ({result[0][0]}); it was not changed")
        found = table_counts(connection)
        if found != counts:
            raise DatabaseProblem(original, "could not be converted (the copy's rows differ); it was not changed")
    finally:
        connection.close()
