"""Backups: private and whole from the first byte, made automatically (first write of the day, before a migration,
an import, a restore), kept by age, checked, restored into the open file, and put in place of a damaged one."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command

from jiebei_tracker.domain.errors import DatabaseProblem, FileProblem
from jiebei_tracker.storage import backups
from jiebei_tracker.storage.backups import Backup, Reason, Retention, to_remove
from jiebei_tracker.storage.database import create_database_engine, open_database
from jiebei_tracker.storage.migrations_runner import alembic_config
from tests.scenarios import draft


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _count(path: Path, table: str = "loan") -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_the_first_write_of_the_day_backs_up_a_file_with_records_once(database, ledger, db_path):
    ledger.add_loan(draft("借呗"))  # the file had no records before this write: nothing to back up
    assert backups.list_backups(db_path) == []
    ledger.add_loan(draft("微粒贷"))
    made = backups.list_backups(db_path)
    assert [b.reason for b in made] == [Reason.DAILY]
    assert _count(made[0].path) == 1  # the day's state before its first change
    assert _mode(made[0].path) == 0o600
    assert _mode(made[0].path.parent) == 0o700
    ledger.add_loan(draft("京东金条"))
    assert len(backups.list_backups(db_path)) == 1  # once a day


def test_a_new_process_does_not_back_up_twice_on_the_same_day(db_path, ledger_factory):
    database = open_database(db_path)
    ledger_factory(database).add_loan(draft("借呗"))
    ledger_factory(database).add_loan(draft("借呗"))
    database.close()
    again = open_database(db_path)
    ledger_factory(again).add_loan(draft("借呗"))
    again.close()
    assert len(backups.list_backups(db_path)) == 1


def test_a_backup_name_another_program_takes_first_is_passed_over(database, ledger, db_path, monkeypatch):
    """Two programs making the day's backup in the same second: the one that loses the race to the name writes
    the next name instead of failing the write it was made for."""
    ledger.add_loan(draft("借呗"))
    copy = backups.copy_database
    taken: list[Path] = []

    def another_program_first(source, target, **options):
        if not taken:  # the other program links its copy between this one's choice of name and its own link
            taken.append(target)
            copy(source, target)
        return copy(source, target, **options)

    monkeypatch.setattr(backups, "copy_database", another_program_first)
    now = datetime(2026, 12, 3, 9, 43, 15)
    made = backups.make_backup(database, Reason.DAILY, now=now)
    assert taken[0].name == "tracker.20261203-094315.daily.db"
    assert made.path.name == "tracker.20261203-094315-2.daily.db"
    assert _count(made.path) == 1 and _mode(made.path) == 0o600


def test_the_sample_data_is_never_backed_up(db_path, ledger_factory):
    database = open_database(db_path, backups=False)
    ledger = ledger_factory(database)
    ledger.add_loan(draft("借呗"))
    ledger.add_loan(draft("借呗"))
    database.close()
    assert not (db_path.parent / "backups").exists()


def test_a_migration_backs_up_the_older_file_first(db_path):
    engine = create_database_engine(db_path)
    db_path.touch()
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003_open_by_loan")
    engine.dispose()
    with sqlite3.connect(db_path) as raw:
        raw.execute("INSERT INTO platform (name, kind) VALUES ('借呗', 'internet')")
        raw.execute(
            "INSERT INTO loan (platform_id, borrowed_on, principal_fen, term_months, method, annual_rate, rate_basis,"
            " purpose, autopay, note) VALUES (1, '2025-01-05', 100000, 12, 'equal_installment', '0.1', 'annual',"
            " 'other', 0, '')"
        )
    open_database(db_path).close()
    made = backups.list_backups(db_path)
    assert [b.reason for b in made] == [Reason.MIGRATION]
    assert backups.inspect(made[0].path).revision == "0003_open_by_loan"


def test_backup_refuses_a_missing_folder_and_creates_none(database, tmp_path):
    target = tmp_path / "nonexistent" / "b.db"
    with pytest.raises(FileProblem, match="does not exist"):
        database.backup_to(target)
    assert not target.parent.exists()


def test_backup_never_follows_a_symlink_planted_at_the_target(database, tmp_path):
    elsewhere = tmp_path / "elsewhere.db"
    link = tmp_path / "b.db"
    link.symlink_to(elsewhere)  # dangling
    with pytest.raises(FileProblem, match="already exists"):
        database.backup_to(link)
    assert not elsewhere.exists()


def test_a_copy_cut_short_leaves_no_file_and_nothing_readable_by_others(database, ledger, tmp_path, monkeypatch):
    ledger.add_loan(draft("借呗"))
    folder = tmp_path / "copies"
    folder.mkdir()

    def full_disk(connection, path):
        raise DatabaseProblem(path, "disk full")

    monkeypatch.setattr(backups, "_check_integrity", full_disk)
    with pytest.raises(DatabaseProblem):
        database.backup_to(folder / "b.db")
    assert list(folder.iterdir()) == []


def test_a_backup_is_a_whole_private_single_file(database, ledger, tmp_path):
    ledger.add_loan(draft("借呗"))
    os.umask(0o022)
    target = database.backup_to(tmp_path / "b.db")
    assert _mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("b.db")) == ["b.db"]  # no -wal, -journal
    contents = backups.inspect(target)
    assert (contents.loans, contents.repayments) == (1, 0)


def _fake(made_at: datetime, reason: Reason) -> Backup:
    return Backup(Path(f"/b/{made_at:%Y%m%d-%H%M%S}.{reason.value}.db"), made_at, reason)


def test_retention_keeps_7_daily_4_weekly_12_monthly_and_30_days_of_event_backups():
    now = datetime(2026, 12, 2, 9, 0)
    daily = [_fake(now - timedelta(days=n), Reason.DAILY) for n in range(400)]
    events = [_fake(now - timedelta(days=n, hours=1), Reason.IMPORT) for n in (1, 29, 31, 90)]
    manual = [_fake(now - timedelta(days=500), Reason.MANUAL)]
    removed = set(to_remove(daily + events + manual, Retention(), now=now))
    kept = [b for b in daily + events + manual if b not in removed]
    kept_daily = sorted((b.made_at.date() for b in kept if b.reason is Reason.DAILY), reverse=True)
    assert kept_daily[:7] == [(now - timedelta(days=n)).date() for n in range(7)]
    # 7 days, then the newest of each of the 4 newest weeks and 12 newest months (some already kept as days)
    weeks = {d.isocalendar()[:2] for d in kept_daily}
    months = {(d.year, d.month) for d in kept_daily}
    assert len(weeks) >= 4 and len(months) == 12
    assert len(kept_daily) <= 7 + 4 + 12
    assert sorted(b.made_at for b in kept if b.reason is Reason.IMPORT) == [
        now - timedelta(days=n, hours=1) for n in (29, 1)
    ]
    assert manual[0] in kept


def test_retention_counts_come_from_the_settings(database, ledger, db_path):
    from jiebei_tracker.services.settings import GeneralSettings, SettingsStore

    general = GeneralSettings(backup_daily=1, backup_weekly=0, backup_monthly=0)
    SettingsStore(database=database).put_general(general)
    assert backups.retention(database) == Retention(daily=1, weekly=0, monthly=0)
    ledger.add_loan(draft("借呗"))
    old = datetime.now() - timedelta(days=3)
    backups.make_backup(database, Reason.DAILY, now=old)
    backups.make_backup(database, Reason.DAILY, now=old + timedelta(days=1))
    assert [b.made_at.date() for b in backups.list_backups(db_path)] == [(old + timedelta(days=1)).date()]


def test_restore_puts_the_backup_back_after_backing_up_what_is_there(database, ledger, db_path):
    ledger.add_loan(draft("借呗"))
    saved = backups.make_backup(database, Reason.MANUAL)
    ledger.add_loan(draft("微粒贷"))
    ledger.add_loan(draft("京东金条"))
    before = backups.restore(database, saved.path)
    assert _count(db_path) == 1
    assert before is not None and before.reason is Reason.RESTORE and _count(before.path) == 3
    assert _mode(db_path) == 0o600
    with database.read() as connection:  # the open database reads the restored data
        assert connection.execute("SELECT name FROM platform").fetchall() == [("借呗",)]
    ledger.add_loan(draft("微粒贷"))  # and writes on
    assert _count(db_path) == 2


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(database, ledger, db_path, tmp_path):
    ledger.add_loan(draft("借呗"))
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE t (x)")
    for source, reason in ((garbage, "cannot be read|damaged"), (foreign, "not one of Jiebei Tracker")):
        with pytest.raises(DatabaseProblem, match=reason):
            backups.restore(database, source)
    assert _count(db_path) == 1
    assert backups.list_backups(db_path) == []


def test_recover_puts_a_backup_in_place_of_a_damaged_file_and_keeps_that_file(database, ledger, db_path):
    ledger.add_loan(draft("借呗"))
    saved = backups.make_backup(database, Reason.MANUAL)
    database.close()
    for side in (db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        side.unlink(missing_ok=True)
    db_path.write_bytes(b"this is not a database")
    with pytest.raises(DatabaseProblem, match="not a Jiebei Tracker database"):
        open_database(db_path)
    kept = backups.recover(db_path, saved.path)
    assert kept is not None and kept.read_bytes() == b"this is not a database"
    reopened = open_database(db_path)
    reopened.close()
    assert _count(db_path) == 1 and _mode(db_path) == 0o600


def test_a_file_from_a_newer_version_is_refused_untouched(db_path):
    open_database(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    db_path.chmod(0o640)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseProblem, match="newer version of Jiebei Tracker: 0099_future; this version knows up to"):
        open_database(db_path)
    assert db_path.read_bytes() == before and _mode(db_path) == 0o640


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_bytes(os.urandom(4096)), "not an SQLite file"),
        (lambda p: p.write_text("loans,,,\n"), "not an SQLite file"),
    ],
    ids=["folder", "random bytes", "text"],
)
def test_a_file_that_is_not_a_database_is_refused_untouched(db_path, make, reason):
    make(db_path)
    if db_path.is_file():
        db_path.chmod(0o644)
        before = db_path.read_bytes()
    with pytest.raises(DatabaseProblem, match=reason):
        open_database(db_path)
    if db_path.is_file():
        assert db_path.read_bytes() == before and _mode(db_path) == 0o644


def test_a_truncated_database_is_reported_as_damaged(db_path, ledger_factory):
    from jiebei_tracker.domain.errors import DatabaseDamaged
    from jiebei_tracker.storage.database import database_problem

    database = open_database(db_path)
    ledger = ledger_factory(database)
    for _ in range(30):
        ledger.add_loan(draft("借呗"))
    database.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    try:  # found on opening, or at the first read of the missing pages (the CLI and window then ask for this)
        database = open_database(db_path)
        with database.read() as connection:
            connection.execute("SELECT SUM(principal_fen) FROM installment").fetchall()
        problem = None
    except (sqlite3.DatabaseError, DatabaseDamaged) as error:
        problem = error if isinstance(error, DatabaseDamaged) else database_problem(db_path, error)
    assert isinstance(problem, DatabaseDamaged) and "restore a backup" in str(problem)


def test_a_read_only_file_or_folder_is_refused_untouched(db_path, monkeypatch):
    """(Checked through os.access: the CI machine runs as root, for whom nothing is read-only.)"""
    open_database(db_path).close()
    db_path.chmod(0o640)
    real_access = os.access
    for blocked, reason in ((db_path, "is read-only"), (db_path.parent, "read-only folder")):
        monkeypatch.setattr(os, "access", lambda path, mode, b=blocked: Path(path) != b and real_access(path, mode))
        with pytest.raises(DatabaseProblem, match=reason):
            open_database(db_path)
        assert _mode(db_path) == 0o640
