"""Runs the Alembic migrations shipped in ``storage/migrations``; skips Alembic and SQLAlchemy when at head."""

from __future__ import annotations

import sqlite3
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from jiebei_tracker.domain.errors import DatabaseProblem

if TYPE_CHECKING:
    from jiebei_tracker.storage.database import Database


def known_revisions() -> list[str]:
    """The revisions this version knows, oldest first: the migration scripts' names (each is named after its
    revision, ``NNNN_what.py``), read without importing Alembic."""
    folder = files("jiebei_tracker.storage") / "migrations" / "versions"
    return sorted(
        entry.name.removesuffix(".py")
        for entry in folder.iterdir()
        if entry.name[:4].isdigit() and entry.name.endswith(".py")
    )


# The newest revision in migrations/versions, read from the scripts' names (a test checks it against Alembic's
# own idea of head).
HEAD_REVISION = known_revisions()[-1]


def check_known_revision(path: Path, revision: str | None) -> None:
    """A file made by a newer version of the app (a revision this one does not know) is refused, untouched."""
    known = known_revisions()
    if revision is not None and revision not in known:
        raise DatabaseProblem(
            path,
            f"made by a newer version of Jiebei Tracker: {revision}; this version knows up to {known[-1]}. "
            "Open it with the newer version",
        )


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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("jiebei_tracker.storage") / "migrations"))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(database: Database) -> None:
    """Create or upgrade the schema. Importing Alembic and SQLAlchemy costs start-up time, so both are skipped
    when the database already stands at the head revision."""
    revision = current_revision(database)
    if revision == HEAD_REVISION:
        return
    check_known_revision(database.path, revision)
    if revision is None:
        with database.read() as connection:
            tables = connection.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if tables:
            raise DatabaseProblem(
                database.path, "is an SQLite database, but not one of Jiebei Tracker; it was not changed"
            )
    else:
        database.back_up_before_migrating()
    from alembic import command

    with database.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
