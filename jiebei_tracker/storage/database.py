"""Opening the database: a private file (0600), the connection pragmas, migrations, transactions, backups."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlmodel import Session

from jiebei_tracker.storage import migrations_runner

BUSY_TIMEOUT_MS = 5000


class Database:
    """An open database file. ``transaction()`` is the unit of every write: all of it or none of it."""

    def __init__(self, *, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back entirely on any error."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads (rolled back at the end, so it can never write by accident)."""
        with Session(self.engine) as session:
            yield session

    def backup_to(self, destination: Path) -> None:
        """A consistent copy of the whole database (safe while the app runs), private like the original."""
        destination = Path(destination)
        if destination.exists():
            raise FileExistsError(destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        # VACUUM cannot run inside a transaction, and every SQLAlchemy connection here begins one; the driver
        # connection (autocommit, see _on_connect) runs it on its own.
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("VACUUM INTO ?", (str(destination),))
        finally:
            raw.close()
        destination.chmod(0o600)

    def close(self) -> None:
        self.engine.dispose()


def _create_private_file(path: Path) -> None:
    """Create the file (and its folder) readable by the user only; tighten an existing file to 0600."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(descriptor)
    path.chmod(0o600)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself, so every transaction (reads included) is real
    # and a failed write rolls back completely (the pysqlite driver would otherwise begin lazily).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _on_begin(connection) -> None:
    connection.exec_driver_sql("BEGIN")


def create_database_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def open_database(path: str | os.PathLike[str], *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
    path = Path(path)
    _create_private_file(path)
    engine = create_database_engine(path)
    if migrate:
        migrations_runner.upgrade_to_head(engine)
    return Database(engine=engine, path=path)
