"""The settings table: JSON text under a key, read and written on a plain ``sqlite3`` connection (a write inside
``Database.transaction``: ``session.connection().connection``)."""

from __future__ import annotations

import sqlite3


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
