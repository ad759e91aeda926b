"""The database file: private, the pragmas set, the schema made by Alembic equal to the models, backups."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import threading

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from jiebei_tracker.storage import migrations_runner
from jiebei_tracker.storage.database import create_database_engine, open_database
from jiebei_tracker.storage.migrations_runner import HEAD_REVISION, alembic_config, current_revision
from tests.scenarios import draft


def test_the_file_is_private_to_the_user(db_path):
    database = open_database(db_path)
    try:
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    finally:
        database.close()


def test_an_existing_file_with_loose_permissions_is_tightened(db_path):
    db_path.touch(mode=0o644)
    db_path.chmod(0o644)
    open_database(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_missing_folders_are_created_private(tmp_path):
    path = tmp_path / "deep" / "er" / "tracker.db"
    open_database(path).close()
    assert path.exists()
    assert stat.S_IMODE((tmp_path / "deep").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "deep" / "er").stat().st_mode) == 0o700


PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}


def test_connection_pragmas(database):
    with database.engine.connect() as connection:
        values = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in PRAGMAS}
    assert values == PRAGMAS


def test_the_plain_driver_connections_get_the_same_pragmas(database):
    with database.read() as connection:
        values = {name: connection.execute(f"PRAGMA {name}").fetchone()[0] for name in PRAGMAS}
    assert values == PRAGMAS
    seen = {}

    def read_on_another_thread():
        with database.read() as other:
            seen["connection"] = other
            seen["values"] = {name: other.execute(f"PRAGMA {name}").fetchone()[0] for name in PRAGMAS}

    worker = threading.Thread(target=read_on_another_thread)
    worker.start()
    worker.join()
    assert seen["values"] == PRAGMAS
    assert seen["connection"] is not connection  # one connection per thread


def test_a_plain_read_never_writes_and_sees_committed_writes(database, ledger):
    with database.read() as connection:
        assert connection.in_transaction  # one snapshot for every statement of the block
        connection.execute("INSERT INTO platform (name, kind) VALUES ('x', 'internet')")
    with database.read() as connection:
        assert connection.execute("SELECT COUNT(*) FROM platform").fetchone() == (0,)
    ledger.add_loan(draft("借呗"))
    with database.read() as connection:
        assert connection.execute("SELECT name FROM platform").fetchall() == [("借呗",)]
    assert not connection.in_transaction


def test_closing_closes_the_plain_connections_too(db_path):
    database = open_database(db_path)
    with database.read() as connection:
        pass
    database.close()
    with pytest.raises(sqlite3.ProgrammingError):
        connection.execute("SELECT 1")


def test_opening_a_database_at_head_needs_no_sqlalchemy(db_path):
    """Start-up reads with the plain driver: opening a database already at head, reading settings and the
    dashboard's figures, imports neither SQLAlchemy nor Alembic (their import is most of a second)."""
    open_database(db_path).close()
    code = f"""
import sys
from jiebei_tracker.services.workspace import open_workspace
workspace = open_workspace({str(db_path)!r})
workspace.totals(), workspace.due_installments(), workspace.loans(), workspace.platforms(), workspace.notes()
print(sorted({{name.split(".")[0] for name in sys.modules}} & {{"sqlalchemy", "sqlmodel", "alembic", "pydantic"}}))
print(workspace.database.has_engine)
"""
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.split("\n")[:2] == ["[]", "False"]


def test_migrating_an_empty_database_gives_exactly_the_models_schema(db_path):
    database = open_database(db_path)
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    database.close()
    assert differences == []


def test_migrated_indexes_are_the_models_indexes_with_their_where_clauses(db_path):
    """Alembic's comparison does not look at a partial index's WHERE, so the CREATE INDEX texts are compared."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex

    open_database(db_path).close()
    with sqlite3.connect(db_path) as connection:
        migrated = {
            name: " ".join(sql.split())
            for name, sql in connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
            if sql is not None
        }
    modelled = {
        index.name: " ".join(str(CreateIndex(index).compile(dialect=sqlite.dialect())).split())
        for table in SQLModel.metadata.tables.values()
        for index in table.indexes
    }
    assert migrated == modelled
    assert migrated["ix_installment_open_by_loan"].endswith("WHERE settled_on IS NULL")


def test_head_revision_constant_matches_the_migration_scripts(database):
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert heads == [HEAD_REVISION]
    assert current_revision(database) == HEAD_REVISION


def test_upgrading_from_the_first_revision_keeps_the_data(db_path, ledger_factory):
    engine = create_database_engine(db_path)
    db_path.touch()
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001_initial")
    engine.dispose()
    with sqlite3.connect(db_path) as raw:
        raw.execute("INSERT INTO platform (name, kind) VALUES ('借呗', 'internet')")
    database = open_database(db_path)
    assert current_revision(database) == HEAD_REVISION
    ledger_factory(database).add_loan(draft("借呗"))
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM platform").scalar() == 1
    database.close()


def test_a_database_at_head_does_not_run_alembic(db_path, monkeypatch):
    open_database(db_path).close()
    called = []
    monkeypatch.setattr(migrations_runner, "alembic_config", lambda *a: called.append(a))
    open_database(db_path).close()
    assert called == []


def test_backup_is_a_consistent_private_copy(database, ledger, tmp_path):
    ledger.add_loan(draft("微粒贷"))
    (tmp_path / "copies").mkdir()
    target = tmp_path / "copies" / "copy.db"
    database.backup_to(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT name FROM platform").fetchall() == [("微粒贷",)]
        assert copy.execute("SELECT COUNT(*) FROM installment").fetchone() == (12,)
