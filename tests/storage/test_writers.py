"""Writers wait their turn: every write starts with BEGIN IMMEDIATE (so a write never fails half-way with
"database is locked" after reading), reads never wait for writers, and a file kept busy past the wait is one
message saying who holds it."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import closing
from datetime import date

import pytest

from jiebei_tracker.cli import main
from jiebei_tracker.domain.errors import DatabaseBusy
from jiebei_tracker.domain.vocabulary import NoteKind
from jiebei_tracker.services.health.reminders import take_reminders_to_show
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.storage import database as database_module
from jiebei_tracker.storage.database import activity_path, open_database
from tests.conftest import TODAY
from tests.scenarios import draft


@pytest.fixture
def short_wait(monkeypatch):
    """The busy wait shortened from 5 s, so a file kept busy is given up on at once."""
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 50)


@pytest.fixture
def held(db_path, ledger):
    """Another program holding the write lock (as an import in the window does) until the test ends."""
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 30)))
    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        yield other
        other.execute("ROLLBACK")


def _statements(database) -> list[str]:
    from sqlalchemy import event

    seen: list[str] = []
    event.listen(database.engine, "before_cursor_execute", lambda *args: seen.append(args[2].strip().upper()))
    return seen


def test_a_write_takes_the_lock_before_it_reads(database, ledger):
    seen = _statements(database)
    ledger.add_note(noted_on=TODAY, kind=NoteKind.INQUIRY, text="查询")
    assert seen[0] == "BEGIN IMMEDIATE" and any(statement.startswith("INSERT") for statement in seen)


def test_a_write_waits_for_the_other_writer_and_lands(db_path, ledger):
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 30)))
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO setting (key, value_json) VALUES ('other', '1')")
    started, done = threading.Event(), []

    def write():
        started.set()
        done.append(ledger.add_note(noted_on=TODAY, kind=NoteKind.INQUIRY, text="等一等"))

    writer = threading.Thread(target=write)
    writer.start()
    started.wait()
    other.execute("COMMIT")  # the other writer finishes: the waiting one goes ahead
    other.close()
    writer.join()
    assert len(done) == 1
    with closing(sqlite3.connect(db_path)) as check:
        assert check.execute("SELECT count(*) FROM creditreportnote").fetchone() == (1,)
        assert check.execute("SELECT value_json FROM setting WHERE key = 'other'").fetchone() == ("1",)


def test_a_file_kept_busy_says_who_holds_it_and_what_it_does(short_wait, db_path, held, capsys):
    note = {"pid": os.getppid(), "who": "the window", "what": "importing"}
    activity_path(db_path).write_text(json.dumps(note), encoding="utf-8")

    status = main(["--db", str(db_path), "note", "--on", "2026-11-01", "--kind", "inquiry", "--text", "查询"])

    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert err.strip() == (
        f"jiebei-tracker: error: {db_path}: is busy: the window has the file open and is importing; "
        "try again when it finishes"
    )


def test_without_a_note_the_message_still_says_the_file_is_busy(short_wait, db_path, held):
    database = open_database(db_path, write_attempts=2)
    try:
        with pytest.raises(DatabaseBusy, match="is busy: another program is writing to it; try again"):
            Ledger(database=database).add_note(noted_on=TODAY, kind=NoteKind.INQUIRY, text="查询")
    finally:
        database.close()


def test_reads_do_not_wait_for_a_writer(short_wait, db_path, held, capsys):
    assert main(["--db", str(db_path), "loans"]) == 0
    assert "借呗" in capsys.readouterr().out


def test_reminders_while_another_program_writes_come_later_not_as_an_error(short_wait, db_path, ledger):
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 30)))  # first due 2026-11-30: a reminder today
    database = open_database(db_path)
    try:
        with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            assert take_reminders_to_show(database, today=TODAY) == []
            other.execute("ROLLBACK")
        assert {r.platform for r in take_reminders_to_show(database, today=TODAY)} == {"借呗"}
    finally:
        database.close()
