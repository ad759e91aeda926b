"""The settings table: JSON text under a key, read and written on a plain ``sqlite3`` connection (a write inside
``Database.transaction``: ``session.connection().connection``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

_SQLITE_HEADER = b"SQLite format 3\x00"


def setting_json(connection: sqlite3.Connection, key: str) -> str | None:
    """The JSON text stored under a setting's key, or None."""
    row = connection.execute("SELECT value_json FROM setting WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def put_setting_json(connection: sqlite3.Connection, key: str, encoded: str) -> None:
    connection.execute(
        "INSERT INTO setting (key, value_json) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json",
        (key, encoded),
    )


def delete_setting(connection: sqlite3.Connection, key: str) -> None:
    connection.execute("DELETE FROM setting WHERE key = ?", (key,))


def setting_json_in_file(path: Path, key: str) -> str | None:
    """The JSON text under ``key`` in the database file at ``path``, or None when there is none, or the file is
    not a SQLite database with a settings table. The file is opened as immutable, so reading writes nothing,
    not even a journal beside it (what a journal holds that is not checkpointed yet is not seen)."""
    path = Path(path).resolve()
    try:
        with path.open("rb") as file:
            if file.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                return None
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        return setting_json(connection, key)
    except sqlite3.Error:  # not one of this app's databases
        return None
    finally:
        connection.close()
