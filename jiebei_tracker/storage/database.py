"""Opening the database: a private file (0600), the connection pragmas, migrations, transactions, backups.

Two ways in, one file. Writes (and the ledger's reads) go through SQLAlchemy sessions on ``engine``; the reads the
window needs first go through ``read()``, a plain ``sqlite3`` connection of the calling thread (storage/reads.py).
SQLAlchemy costs a good part of a second to import, so the engine is made — and SQLAlchemy imported — only when
something first asks for it. Every connection, raw or not, gets the same pragmas (``_apply_pragmas``).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jiebei_tracker.storage import migrations_runner

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


class Database:
    """An open database file. ``transaction()`` is the unit of every write: all of it or none of it."""

    def __init__(self, *, path: Path, engine: Engine | None = None) -> None:
        self.path = Path(path)
        self._engine = engine
        self._engine_lock = threading.Lock()
        self._local = threading.local()  # each thread's raw connection
        # Every raw connection still open, to close them all with the database. Weak: a connection whose thread
        # has gone (a worker's) is closed as soon as its thread-local is dropped.
        self._raw: weakref.WeakSet[sqlite3.Connection] = weakref.WeakSet()
        self._raw_lock = threading.Lock()
        self._generation = 0  # bumped by close(): a thread's connection from before is not used again

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use."""
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._engine = create_database_engine(self.path)
        return self._engine

    @property
    def has_engine(self) -> bool:
        """Whether SQLAlchemy has been needed yet (tests and the start-up guard ask)."""
        return self._engine is not None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back entirely on any error."""
        from sqlmodel import Session

        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads (rolled back at the end, so it can never write by accident)."""
        from sqlmodel import Session

        with Session(self.engine) as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """This thread's plain ``sqlite3`` connection inside one read transaction (one consistent snapshot for
        every statement run in the block), rolled back at the end so it can never write by accident."""
        connection = self._raw_connection()
        connection.execute("BEGIN")
        try:
            yield connection
        finally:
            connection.execute("ROLLBACK")

    def _raw_connection(self) -> sqlite3.Connection:
        generation, connection = getattr(self._local, "connection", (None, None))
        if connection is None or generation != self._generation:
            connection = connect(self.path)
            with self._raw_lock:
                self._raw.add(connection)
                self._local.connection = (self._generation, connection)
        return connection

    def backup_to(self, destination: Path) -> None:
        """A consistent copy of the whole database (safe while the app runs), private like the original."""
        destination = Path(destination)
        if destination.exists():
            raise FileExistsError(destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        # VACUUM cannot run inside a transaction; the raw connection is in autocommit mode between reads.
        self._raw_connection().execute("VACUUM INTO ?", (str(destination),))
        destination.chmod(0o600)

    def close(self) -> None:
        """Close every connection. Like the engine's ``dispose()``, a later read would connect afresh."""
        if self._engine is not None:
            self._engine.dispose()
        with self._raw_lock:
            self._generation += 1
            connections, self._raw = list(self._raw), weakref.WeakSet()
        for connection in connections:
            connection.close()


def _create_private_file(path: Path) -> None:
    """Create the file (and its folder) readable by the user only; tighten an existing file to 0600."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(descriptor)
    path.chmod(0o600)


def _apply_pragmas(connection: sqlite3.Connection) -> None:
    # Autocommit at the driver: whoever uses the connection issues BEGIN itself, so every transaction (reads
    # included) is real and a failed write rolls back completely (pysqlite would otherwise begin lazily).
    connection.isolation_level = None
    cursor = connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


class _Connection(sqlite3.Connection):
    """The driver's connection, weakly referable (Database keeps its connections in a WeakSet)."""


def connect(path: Path) -> sqlite3.Connection:
    """A plain ``sqlite3`` connection to the file with the pragmas every connection gets. It may be closed from
    another thread than the one using it (Database.close), never used by two at once."""
    connection = sqlite3.connect(path, check_same_thread=False, factory=_Connection)
    _apply_pragmas(connection)
    return connection


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    _apply_pragmas(dbapi_connection)


def _on_begin(connection) -> None:
    connection.exec_driver_sql("BEGIN")


def create_database_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def open_database(path: str | os.PathLike[str], *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
    path = Path(path)
    _create_private_file(path)
    database = Database(path=path)
    if migrate:
        migrations_runner.upgrade_to_head(database)
    return database
