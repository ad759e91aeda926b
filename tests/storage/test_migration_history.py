"""Files made by other versions of the app. One made by the first version (revision 0001), holding a full generated
history — three years, 60 loans with their installments and repayments, limit changes, credit-report notes — is
taken to head by the app's own upgrade: every record keeps its values, and the app reads it as it reads the same
history written today. One made by a newer version, with tables and columns this one has never heard of, is
refused untouched, whether the app or a command opens it."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing

import pytest
from alembic import command

from jiebei_tracker.cli import main
from jiebei_tracker.domain.errors import DatabaseProblem
from jiebei_tracker.services.demo import generate_history
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.session import Session
from jiebei_tracker.services.workspace import Workspace, open_workspace
from jiebei_tracker.storage.database import create_database_engine, open_database
from jiebei_tracker.storage.migrations_runner import HEAD_REVISION, alembic_config, current_revision
from tests.conftest import TODAY
from tests.scenarios import draft

FIRST_REVISION = "0001_initial"
# The tables of revision 0001, parents first (each row's id is kept, so the references hold).
TABLES = ("platform", "creditreportnote", "creditlimitrecord", "loan", "installment", "repayment")
# What 0004 fills in for the records already there: a loan marked autopay has had it since it was borrowed, and a
# repayment without an order number was typed.
AUTOPAY_SINCE = "(CASE WHEN autopay THEN borrowed_on END)"
SOURCE = "(CASE WHEN source_ref IS NULL THEN 'manual' ELSE 'import' END)"


@pytest.fixture
def written_today(tmp_path):
    """The generated history as this version's ledger writes it (the installments' paid state worked out)."""
    history = generate_history(today=TODAY, years=3, loans=60, seed=12)
    database = open_database(tmp_path / "today.db")
    Ledger(database=database, today=lambda: TODAY).add_history(
        history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds
    )
    database.close()
    return tmp_path / "today.db", history


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def _file_at_0001(path, source) -> dict[str, list[str]]:
    """A file at revision 0001 holding the records of ``source`` in the columns 0001 had; those columns, by table."""
    path.touch()
    engine = create_database_engine(path)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), FIRST_REVISION)
    engine.dispose()
    with closing(sqlite3.connect(path)) as connection, connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(FIRST_REVISION,)]
        columns = {table: _columns(connection, table) for table in TABLES}
        connection.execute("ATTACH DATABASE ? AS source", (str(source),))
        for table, names in columns.items():
            listed = ", ".join(names)
            connection.execute(f"INSERT INTO main.{table} ({listed}) SELECT {listed} FROM source.{table} ORDER BY id")
    return columns


def _rows(path, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(path)) as connection:
        return {
            table: connection.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY id").fetchall()
            for table, names in columns.items()
        }


def _count(path, sql: str) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchone()[0]


def test_a_full_history_from_the_first_version_survives_the_upgrade_to_head(tmp_path, written_today):
    source, history = written_today
    path = tmp_path / "from-0001.db"
    first_columns = _file_at_0001(path, source)
    before = _rows(path, first_columns)
    assert len(before["loan"]) == len(history.loans) == 60
    assert len(before["installment"]) == _count(source, "SELECT COUNT(*) FROM installment") > len(history.loans)
    assert len(before["repayment"]) == sum(len(loan.payments) for loan in history.loans) > 0
    assert len(before["creditlimitrecord"]) == len(history.limits) > 0
    assert len(before["creditreportnote"]) == len(history.notes) > 0

    database = open_database(path)  # the app's own upgrade
    try:
        assert current_revision(database) == HEAD_REVISION
        assert _rows(path, first_columns) == before  # every record, with every value 0001 held
        # What later revisions added, filled in for the records already there as they say they do.
        assert _count(path, f"SELECT COUNT(*) FROM loan WHERE autopay_since IS NOT {AUTOPAY_SINCE}") == 0
        assert _count(path, f"SELECT COUNT(*) FROM repayment WHERE source != {SOURCE}") == 0
        for table in ("platform", "loan", "repayment", "creditlimitrecord", "creditreportnote"):
            assert _count(path, f"SELECT COUNT(*) FROM {table} WHERE import_id IS NOT NULL") == 0, table

        reference = open_database(source)
        try:
            _assert_read_alike(Workspace(database=database, today=lambda: TODAY), reference)
        finally:
            reference.close()
    finally:
        database.close()


def _assert_read_alike(upgraded: Workspace, reference_database) -> None:
    reference = Workspace(database=reference_database, today=lambda: TODAY)
    with closing(sqlite3.connect(reference_database.path)) as connection, connection:
        # The history written today, told what 0004 assumes, must read the same.
        connection.execute(f"UPDATE loan SET autopay_since = {AUTOPAY_SINCE}")
        connection.execute(f"UPDATE repayment SET source = {SOURCE}")
    loans = upgraded.loans()
    assert len(loans) == 60 and loans == reference.loans()
    assert upgraded.totals() == reference.totals()
    assert upgraded.due_installments(days=30) == reference.due_installments(days=30)
    assert [upgraded.loan_detail(loan.loan_id) for loan in loans] == [
        reference.loan_detail(loan.loan_id) for loan in loans
    ]
    assert upgraded.repayments() == reference.repayments()
    assert upgraded.platforms() == reference.platforms() and upgraded.notes() == reference.notes()
    check = Session(database=upgraded.database).health(TODAY)
    assert check == Session(database=reference_database).health(TODAY)
    assert 0 <= check.score <= 100 and check.flags  # the generated history raises some warnings


NEWER = "0006_budgets"


def _file_from_a_newer_version(path) -> None:
    """A file of ours with a loan in it, then taken on by a later version's revision: a table and a column this
    version does not know, and that revision's name."""
    database = open_database(path)
    Ledger(database=database, today=lambda: TODAY).add_loan(draft("借呗"))
    database.close()
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "CREATE TABLE budget (id INTEGER PRIMARY KEY, month DATE NOT NULL, limit_fen INTEGER NOT NULL)"
        )
        connection.execute("INSERT INTO budget (month, limit_fen) VALUES ('2026-12-01', 300000)")
        connection.execute("ALTER TABLE loan ADD COLUMN currency VARCHAR NOT NULL DEFAULT 'CNY'")
        connection.execute("UPDATE alembic_version SET version_num = ?", (NEWER,))
    path.chmod(0o640)


def _as_it_is(path):
    """The file's bytes and mode, and the files beside it (refusing it must not leave a -wal or -shm there)."""
    return path.read_bytes(), stat.S_IMODE(path.stat().st_mode), sorted(p.name for p in path.parent.iterdir())


def test_a_file_from_a_newer_version_is_refused_untouched_by_the_app_and_the_commands(db_path, capsys):
    _file_from_a_newer_version(db_path)
    before = _as_it_is(db_path)
    said = f"made by a newer version of Jiebei Tracker: {NEWER}; this version knows up to {HEAD_REVISION}"
    for opening in (open_database, open_workspace):
        with pytest.raises(DatabaseProblem, match=said):
            opening(db_path)
        assert _as_it_is(db_path) == before, opening.__name__
    for arguments in (["loans"], ["note", "--on", "2026-11-01", "--kind", "inquiry", "--text", "x"]):
        assert main(["--db", str(db_path), *arguments]) == 1
        err = capsys.readouterr().err
        assert err.startswith("jiebei-tracker: error: ") and said in err and len(err.splitlines()) == 1, err
        assert _as_it_is(db_path) == before, arguments
