"""Runs the Alembic migrations shipped in ``storage/migrations``; skips Alembic and SQLAlchemy when at head."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tracker.storage.database import Database

# The newest revision in migrations/versions. A test checks it against Alembic's own idea of head.
HEAD_REVISION = "0004_repayment_source"


def current_revision(database: Database) -> str | None:
    """The revision the file stands at (None for a new, empty file), read with the plain driver."""
    with database.read() as connection:
        return revision_of(connection)


def revision_of(connection: sqlite3.Connection) -> str | None:
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if found is None:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else row[0]


def alembic_config(connection=None):
    from importlib.resources import files

    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("jiebei_tracker.storage") / "migrations"))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(database: Database) -> None:
    """Create or upgrade the schema. Importing Alembic and SQLAlchemy costs start-up time, so both are skipped
    when the database already stands at the head revision."""
    if current_revision(database) == HEAD_REVISION:
        return
    from alembic import command

    with database.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
