"""Opening the database: a private file (0600), the connection pragmas, migrations, transactions, backups.

Two ways in, one file. Writes (and the ledger's reads) go through SQLAlchemy sessions on ``engine``; the reads the
window needs first go through ``read()``, a plain ``sqlite3`` connection of the calling thread (storage/reads.py).
SQLAlchemy costs a good part of a second to import, so the engine is made — and SQLAlchemy imported — only when
something first asks for it. Every connection, raw or not, is made by one factory (storage/connections.py:
plain, or SQLCipher when the file has a passphrase, ``key``) and gets the same pragmas (``_apply_pragmas``).

Every write transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock first, so the busy timeout
applies (a deferred transaction that reads, then writes, fails at once when another writer is active), and a
writer waits its turn. After ``write_attempts`` waits of 5 s it gives up with ``DatabaseBusy`` saying who holds the
file (``activity``). The first write of each day makes the day's backup (storage/backups.py).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from jiebei_tracker.domain.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseProblem,
    FileProblem,
    PassphraseNeeded,
)
from jiebei_tracker.storage import migrations_runner
from jiebei_tracker.storage.backups import Reason, copy_database, has_records, make_backup, make_daily_backup
from jiebei_tracker.storage.connections import (
    SQLITE_HEADER,
    cipher_module,
    connect_file,
    database_errors,
    looks_encrypted,
    operational_errors,
)
from jiebei_tracker.storage.files import (
    create_private_file,
    make_private_folder,
    process_alive,
    remove_stale_conversions,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
)


class Database:
    """An open database file. ``transaction()`` is the unit of every write: all of it or none of it."""

    def __init__(
        self,
        *,
        path: Path,
        engine: Engine | None = None,
        backups: bool = True,
        write_attempts: int = 1,
        key: str | None = None,
    ) -> None:
        self.path = Path(path)
        self._key = key  # the passphrase (SQLCipher), or None for a plain file; only ever given to the factory
        self.backups = backups  # the first write of each day backs the file up (not for the sample data)
        self.write_attempts = write_attempts  # how many 5-second waits for the write lock before DatabaseBusy
        self.role = "the command line"  # who this program is, in a busy message another one shows
        self._backed_up_on: date | None = None
        self._engine = engine
        self._engine_lock = threading.Lock()
        self._local = threading.local()  # each thread's raw connection
        # Every raw connection still open, to close them all with the database. Weak: a connection whose thread
        # has gone (a worker's) is closed as soon as its thread-local is dropped.
        self._raw: weakref.WeakSet[sqlite3.Connection] = weakref.WeakSet()
        self._raw_lock = threading.Lock()
        self._generation = 0  # bumped by close(): a thread's connection from before is not used again
        self.writes = 0  # record-changing transactions committed through this object: a Book read before is stale

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use."""
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._engine = create_database_engine(self.path, self._key)
        return self._engine

    @property
    def encrypted(self) -> bool:
        """Whether the file is protected with a passphrase (its backups are then encrypted with it too)."""
        return self._key is not None

    @property
    def key(self) -> str | None:
        """The passphrase, for the copies made of this database (backups) to be protected with it too."""
        return self._key

    def __repr__(self) -> str:  # never the passphrase
        return f"Database(path={str(self.path)!r}, encrypted={self.encrypted})"

    @property
    def has_engine(self) -> bool:
        """Whether SQLAlchemy has been needed yet (tests and the start-up guard ask)."""
        return self._engine is not None

    @contextmanager
    def transaction(self, *, records: bool = True) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back entirely on any error. It holds the
        write lock from its start (``BEGIN IMMEDIATE``), waiting for another writer to finish. ``records``: it
        may change the user's records (not only settings or the reminder log), so ``writes`` counts it."""
        from sqlmodel import Session

        self._before_write()
        writer = self.engine.execution_options(jiebei_write=True)
        for attempt in range(1, self.write_attempts + 1):
            session = Session(writer, expire_on_commit=False)
            try:
                begun = session.begin()
                session.connection()  # BEGIN IMMEDIATE now: wait for the lock here, not at the first write
                break
            except Exception as error:
                session.close()
                if not is_busy(error):
                    raise
                if attempt == self.write_attempts:
                    raise self.busy() from None
        with session, begun:  # committed at the end of the block, rolled back on any error
            yield session
        if records:
            self.writes += 1

    def _before_write(self) -> None:
        """The day's automatic backup, made before the day's first write (once checked, not again that day)."""
        today = date.today()
        if not self.backups or self._backed_up_on == today:
            return
        if has_records(self):
            make_daily_backup(self)
            self._backed_up_on = today

    def busy(self) -> DatabaseBusy:
        """The message for a file another program keeps locked: who, if it said (``activity``)."""
        return DatabaseBusy(self.path, f"is busy: {holder_of(self.path)}; try again when it finishes")

    @contextmanager
    def activity(self, what: str) -> Iterator[None]:
        """Say, for as long as the block runs, what this program is doing with the file (\"importing\"), so
        that another one kept waiting can tell the user who holds it."""
        note = activity_path(self.path)
        try:
            note.unlink(missing_ok=True)
            descriptor = create_private_file(note)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump({"pid": os.getpid(), "who": self.role, "what": what}, handle, ensure_ascii=False)
        except (OSError, DatabaseProblem):
            pass  # only a courtesy to others: never a reason to fail
        try:
            yield
        finally:
            note.unlink(missing_ok=True)

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
            connection = connect(self.path, self._key)
            with self._raw_lock:
                self._raw.add(connection)
                self._local.connection = (self._generation, connection)
        return connection

    def adopt(self, connection: sqlite3.Connection) -> None:
        """Keep ``connection`` (made by ``connect_file`` for this file and key, without the pragmas yet) as this
        thread's: the one that checked a passphrase is not thrown away (each new one derives the key again)."""
        _apply_pragmas(connection)
        with self._raw_lock:
            self._raw.add(connection)
            self._local.connection = (self._generation, connection)

    def backup_to(self, destination: Path) -> Path:
        """A checked, consistent copy of the whole database at ``destination`` (safe while the app runs),
        private like the original, written whole or not at all. The folder must exist; the file must not."""
        return copy_database(self, Path(destination))

    def back_up_before_migrating(self) -> None:
        """A backup of the records as they stand, before a migration changes the schema. The migrations runner
        asks for it through the database it migrates: backups sit above the runner (they check a copy's
        revision with it, and bring a restored one up to date), so it cannot import them."""
        if has_records(self):
            make_backup(self, Reason.MIGRATION)

    def new_connection(self) -> sqlite3.Connection:
        """A new plain connection of its own (a copy reads the live file through one; restore writes a whole
        backup into the file through one)."""
        return connect(self.path, self._key)

    def use_key(self, key: str | None) -> None:
        """After the file's passphrase was set, changed or removed (storage/encryption.py, with this database
        closed): connect from now on with ``key``. The engine is made again, with the new key."""
        self.close()
        with self._engine_lock:
            self._engine = None
            self._key = key

    def forget_connections(self) -> None:
        """Close every connection, so that the next use reads the file afresh (after a restore)."""
        self.close()

    def close(self) -> None:
        """Close every connection. Like the engine's ``dispose()``, a later read would connect afresh."""
        if self._engine is not None:
            self._engine.dispose()
        with self._raw_lock:
            self._generation += 1
            connections, self._raw = list(self._raw), weakref.WeakSet()
        for connection in connections:
            connection.close()


def prepare_database_file(path: Path, key: str | None = None) -> sqlite3.Connection | None:
    """Make sure ``path`` can be opened as this app's database before anything is written: a new file is created
    0600 (its missing folders 0700); an existing one must be a file, an SQLite database (or empty), readable and
    writable in a writable folder — else DatabaseProblem, and the file is left exactly as it was. A file without
    the plain SQLite header is protected with a passphrase or damaged: without ``key`` that is PassphraseNeeded
    (a DatabaseDamaged); with it, the key is tried when connecting (WrongPassphrase), and the connection that
    tried it is returned for the database to keep (else None)."""
    if path.is_dir():
        raise DatabaseProblem(path, "is a folder, not a database file; give a file name with --db")
    if not path.exists():
        if path.is_symlink():
            raise DatabaseProblem(path, "is a symbolic link to nothing; give the database file itself")
        try:
            make_private_folder(path.parent)
            os.close(create_private_file(path))
        except FileProblem as problem:
            if not path.exists():  # (else another program created it meanwhile: open that)
                raise DatabaseProblem(problem.path, problem.reason) from None
    if not path.is_file():
        raise DatabaseProblem(path, "is not a regular file")
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseProblem(path, f"cannot be read ({error.strerror})") from None
    if header and header != SQLITE_HEADER:
        if key is None:
            raise PassphraseNeeded(path)
        cipher_module(path)  # EncryptionUnavailable now, before anything else is said about the file
    kept = _check_schema_before_opening(path, key) if header else None
    try:
        if not os.access(path, os.W_OK):
            raise DatabaseProblem(path, "is read-only; Jiebei Tracker needs to write to it")
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise DatabaseProblem(
                path, f"is in a read-only folder ({path.parent}); SQLite needs to write its journal beside it"
            )
    except DatabaseProblem:
        if kept is not None:
            kept.close()
        raise
    return kept


def _check_schema_before_opening(path: Path, key: str | None = None) -> sqlite3.Connection | None:
    """Look into an existing file, before the pragmas (which switch a file to WAL) touch it: another application's
    database, one made by a newer version, or a damaged one is refused as it is. With a passphrase, the look is
    taken through the connection the database then keeps (returned, its pragmas not applied yet): deriving the key
    from a passphrase is slow on purpose, and once is enough before the first frame."""

    if key is None:
        # A file closed cleanly has no write-ahead log: read it as immutable, which creates no -wal/-shm beside it
        # (refusing a file must leave nothing behind). With a log there, read through it.
        immutable = not Path(f"{path}-wal").exists()
        opener = lambda: connect_file(path, None, read_only=True, immutable=immutable)  # noqa: E731
    else:
        opener = lambda: connect_file(path, key, check_same_thread=False, factory=_Connection)  # noqa: E731
    try:
        connection = opener()
    except database_errors() as error:
        raise DatabaseProblem(path, f"cannot be opened ({error})") from None
    kept = False
    try:
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if row is None else row[0]
        except database_errors() as error:
            problem = database_problem(path, error)
            raise (problem or DatabaseProblem(path, str(error))) from None
        if tables and "alembic_version" not in tables:
            raise DatabaseProblem(path, "is an SQLite database, but not one of Jiebei Tracker; it was not changed")
        migrations_runner.check_known_revision(path, revision)
        kept = key is not None
        return connection if kept else None
    finally:
        if not kept:
            connection.close()


def activity_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".activity")


def holder_of(db_path: Path) -> str:
    """Who keeps the file busy, as far as can be told: the note a long writer leaves (``Database.activity``), else
    the window's lock file (ui/single_instance.py), else someone unknown."""
    try:
        note = json.loads(activity_path(db_path).read_text(encoding="utf-8"))
        if _other_process(int(note["pid"])):
            return f"{note['who']} has the file open and is {note['what']}"
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        pid = int(db_path.with_name(db_path.name + ".lock").read_text(encoding="utf-8").split()[0])
        if _other_process(pid):
            return "the window has the file open and is writing to it"
    except (OSError, ValueError, IndexError):
        pass
    return "another program is writing to it"


def _other_process(pid: int) -> bool:
    return pid != os.getpid() and process_alive(pid)


def is_busy(error: BaseException) -> bool:
    """Whether a driver error (or SQLAlchemy's wrapping of one) says the file is locked by another writer."""
    original = getattr(error, "orig", error)
    if not isinstance(original, operational_errors()):
        return False
    code = getattr(original, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, getattr(sqlite3, "SQLITE_BUSY_SNAPSHOT", -1)) or "locked" in str(original)


def _apply_pragmas(connection: sqlite3.Connection) -> None:
    # Autocommit at the driver: whoever uses the connection issues BEGIN itself, so every transaction (reads
    # included) is real and a failed write rolls back completely (pysqlite would otherwise begin lazily).
    connection.isolation_level = None
    cursor = connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # read when connecting (tests shorten it)
    cursor.close()


class _Connection(sqlite3.Connection):
    """The driver's connection, weakly referable (Database keeps its connections in a WeakSet)."""


def connect(path: Path, key: str | None = None) -> sqlite3.Connection:
    """A connection to the file (plain, or SQLCipher with ``key``) with the pragmas every connection gets. It may
    be closed from another thread than the one using it (Database.close), never used by two at once."""
    connection = connect_file(path, key, check_same_thread=False, factory=_Connection)
    _apply_pragmas(connection)
    return connection


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    _apply_pragmas(dbapi_connection)


def _on_begin(connection) -> None:
    # A write transaction takes the write lock at once (the busy timeout then applies); a read does not.
    write = connection.get_execution_options().get("jiebei_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def create_database_engine(path: Path, key: str | None = None) -> Engine:
    from sqlalchemy import create_engine, event

    # The connections come from the same factory as the plain reads; with a passphrase, SQLAlchemy is told the
    # driver module is sqlcipher3, so that its errors are wrapped (and recognised) like sqlite3's.
    extra = {} if key is None else {"module": cipher_module(path)}
    engine = create_engine(f"sqlite:///{path}", creator=lambda: connect(path, key), **extra)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def open_database(
    path: str | os.PathLike[str],
    *,
    migrate: bool = True,
    backups: bool = True,
    write_attempts: int = 1,
    key: str | None = None,
) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date (backing it up first).
    Anything that makes the file unusable — not a database, damaged, too new, read-only — is a DatabaseProblem
    naming the file, and the file is left as it was. ``key``: the passphrase of a protected file (ignored for a
    plain one, so that a passphrase in the environment does no harm); a wrong one is WrongPassphrase."""
    path = Path(path)
    if key is not None and not looks_encrypted(path):
        key = None
    kept = prepare_database_file(path, key)
    database = Database(path=path, backups=backups, write_attempts=write_attempts, key=key)
    if kept is not None:
        database.adopt(kept)
    try:
        if migrate:
            migrations_runner.upgrade_to_head(database)
        else:
            migrations_runner.check_known_revision(path, migrations_runner.current_revision(database))
    except DatabaseProblem:
        database.close()
        raise
    except Exception as error:
        database.close()
        problem = database_problem(path, error)
        if problem is None:
            raise
        raise problem from None
    if path.stat().st_uid == os.getuid():
        path.chmod(0o600)  # a database this app opened is the user's only, whatever its mode was
    remove_stale_conversions(path)  # what a passphrase conversion killed half-way left beside it
    return database


def database_problem(path: Path, error: BaseException) -> DatabaseProblem | None:
    """The one-line message for a driver error on the file (damaged, not a database, locked, …), or None when
    the error is not about the file."""
    if is_busy(error):
        return DatabaseBusy(path, f"is busy: {holder_of(path)}; try again when it finishes")
    original = getattr(error, "orig", error)
    if isinstance(original, database_errors()):
        text = str(original)
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            return DatabaseDamaged(
                path, f"is damaged ({text}); restore a backup with `jiebei-tracker restore` (see `backups`)"
            )
        if "readonly" in text or "read-only" in text:
            return DatabaseProblem(path, f"cannot be written ({text})")
        if "disk is full" in text or "disk I/O" in text:
            return DatabaseProblem(path, f"cannot be written: {text}; nothing was changed")
        return DatabaseProblem(path, f"cannot be used ({text})")
    if isinstance(original, OSError) and original.errno is not None:
        return DatabaseProblem(path, f"cannot be used ({original.strerror})")
    return None
