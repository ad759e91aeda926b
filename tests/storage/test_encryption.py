"""A passphrase on the data file (storage/connections.py, storage/encryption.py): set, changed and removed with the
records kept, a wrong one refused in one line, backups encrypted with the database's passphrase, nothing of the
records (nor the passphrase) readable in the file, its log or its shared memory, and the plain path untouched when
SQLCipher is not installed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from jiebei_tracker.cli import main
from jiebei_tracker.domain.errors import (
    DatabaseBusy,
    DatabaseProblem,
    EncryptionUnavailable,
    PassphraseNeeded,
    WrongPassphrase,
)
from jiebei_tracker.domain.vocabulary import NoteKind
from jiebei_tracker.services.files import protection
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.storage import backups
from jiebei_tracker.storage.connections import SQLITE_HEADER, connect_file, table_counts
from jiebei_tracker.storage.database import open_database
from jiebei_tracker.storage.encryption import change_passphrase

pytest.importorskip("sqlcipher3")  # in the test extra: this never skips where the README's test command ran

ROOT = Path(__file__).resolve().parent.parent.parent
NOTE = "NOTE-Secret-水杉-4417"
PLATFORM = "PLAT-Secret-银杏"
FIRST, SECOND = "correct horse battery", "staple 'quoted' 口令"


def _records(path: Path) -> None:
    assert (
        main(
            [
                "--db",
                str(path),
                "add-loan",
                "--platform",
                PLATFORM,
                "--borrowed-on",
                "2026-10-01",
                "--principal",
                "1200",
                "--term",
                "3",
                "--daily-rate",
                "0.0004",
                "--method",
                "equal_installment",
                "--note",
                NOTE,
            ]
        )
        == 0
    )


def _counts(path: Path, key: str | None) -> dict[str, int]:
    connection = connect_file(path, key, read_only=True)
    try:
        return table_counts(connection)
    finally:
        connection.close()


def _header(path: Path) -> bytes:
    return path.read_bytes()[: len(SQLITE_HEADER)]


def test_set_change_and_remove_keep_every_record_and_back_up_first(db_path):
    _records(db_path)
    counts = _counts(db_path, None)

    before = change_passphrase(db_path, None, FIRST)
    assert _header(db_path) != SQLITE_HEADER and stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert before is not None and _header(before.path) == SQLITE_HEADER  # the backup first, as the file was
    assert _counts(db_path, FIRST) == counts

    before = change_passphrase(db_path, FIRST, SECOND)
    assert _counts(db_path, SECOND) == counts
    assert backups.inspect(before.path, FIRST).loans == 1  # the backup keeps the passphrase it was made with
    with pytest.raises(WrongPassphrase):
        open_database(db_path, key=FIRST)

    change_passphrase(db_path, SECOND, None)
    assert _header(db_path) == SQLITE_HEADER and _counts(db_path, None) == counts
    assert [path.name for path in db_path.parent.iterdir() if path.name.endswith(".convert")] == []
    database = open_database(db_path)
    try:
        assert Ledger(database=database).add_note(noted_on=date(2026, 11, 1), kind=NoteKind.INQUIRY, text="after")
    finally:
        database.close()


def test_the_encrypted_file_is_written_and_read_through_both_ways_in(db_path):
    _records(db_path)
    change_passphrase(db_path, None, FIRST)
    database = open_database(db_path, key=FIRST)
    try:
        assert database.encrypted and FIRST not in repr(database)
        Ledger(database=database).add_note(noted_on=date(2026, 11, 1), kind=NoteKind.INQUIRY, text="through SA")
        with database.read() as connection:  # the plain reads, on the same factory
            texts = [row[0] for row in connection.execute("SELECT text FROM creditreportnote")]
            assert connection.execute("PRAGMA kdf_iter").fetchone()[0] == "256000"  # SQLCipher 4's default
        assert texts == ["through SA"]
    finally:
        database.close()


def test_a_wrong_or_missing_passphrase_is_one_line_and_changes_nothing(db_path):
    _records(db_path)
    change_passphrase(db_path, None, FIRST)
    content = db_path.read_bytes()
    with pytest.raises(WrongPassphrase) as wrong:
        open_database(db_path, key="not the passphrase")
    assert "\n" not in str(wrong.value) and str(db_path) in str(wrong.value)
    with pytest.raises(PassphraseNeeded):
        open_database(db_path)
    with pytest.raises(WrongPassphrase):
        change_passphrase(db_path, "not the passphrase", SECOND)
    assert db_path.read_bytes() == content


_HOLDER = r"""
import sys
from jiebei_tracker.storage.database import open_database

database = open_database(sys.argv[1])
with database.read() as connection:
    connection.execute("SELECT count(*) FROM loan").fetchone()
print("open", flush=True)
sys.stdin.read()  # open until the test closes our stdin
database.close()
"""


def test_no_conversion_while_another_program_has_the_file_open(db_path):
    _records(db_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        content = db_path.read_bytes()
        with pytest.raises(DatabaseBusy, match="close it"):
            change_passphrase(db_path, None, FIRST)
        assert db_path.read_bytes() == content
    finally:
        holder.stdin.close()
        holder.wait()
    assert _header(db_path) == SQLITE_HEADER
    assert [path.name for path in db_path.parent.iterdir() if path.name.endswith(".convert")] == []


def test_a_short_passphrase_and_the_sample_data_are_refused(tmp_path, db_path):
    from jiebei_tracker.domain.errors import InvalidValue
    from jiebei_tracker.services.workspace import create_sample_database, free_sample_path

    _records(db_path)
    with pytest.raises(InvalidValue, match="at least 8"):
        change_passphrase(db_path, None, "short")
    sample = free_sample_path(db_path)
    create_sample_database(sample, today=date(2026, 11, 28))
    with pytest.raises(DatabaseProblem, match="sample data"):
        protection.encrypt(sample, FIRST)
    assert _header(sample) == SQLITE_HEADER


def test_backups_of_an_encrypted_database_are_encrypted_with_its_passphrase(db_path, tmp_path):
    _records(db_path)
    change_passphrase(db_path, None, FIRST)
    database = open_database(db_path, key=FIRST)
    try:
        manual = backups.make_backup(database, backups.Reason.MANUAL)
        daily = backups.make_daily_backup(database, now=__import__("datetime").datetime(2030, 1, 1, 9))
        copy = database.backup_to(tmp_path / "elsewhere.db")
    finally:
        database.close()
    for made in (manual.path, daily.path, copy):
        assert _header(made) != SQLITE_HEADER and stat.S_IMODE(made.stat().st_mode) == 0o600
        assert backups.inspect(made, FIRST).loans == 1
        with pytest.raises(PassphraseNeeded):
            backups.inspect(made)


def test_restore_takes_a_backup_with_another_passphrase_or_none(db_path):
    _records(db_path)
    plain_backup = change_passphrase(db_path, None, FIRST).path
    first_backup = change_passphrase(db_path, FIRST, SECOND).path
    database = open_database(db_path, key=SECOND)
    try:
        Ledger(database=database).add_note(noted_on=date(2026, 11, 1), kind=NoteKind.INQUIRY, text="later")
        with pytest.raises(WrongPassphrase):  # the database's own passphrase is tried first: not this one's
            backups.restore(database, first_backup)
        backups.restore(database, first_backup, FIRST)
        with database.read() as connection:
            assert connection.execute("SELECT count(*) FROM creditreportnote").fetchone()[0] == 0
        backups.restore(database, plain_backup)
        with database.read() as connection:
            assert connection.execute("SELECT count(*) FROM loan").fetchone()[0] == 1
    finally:
        database.close()
    assert _header(db_path) != SQLITE_HEADER  # the database keeps its passphrase
    assert _counts(db_path, SECOND)["loan"] == 1


def _grep(folder: Path, needles: list[bytes]) -> list[str]:
    return [
        f"{path.name}: {needle!r}"
        for path in folder.rglob("*")
        if path.is_file()
        for needle in needles
        if needle in path.read_bytes()
    ]


def test_nothing_readable_in_the_file_its_log_or_its_shared_memory(tmp_path):
    needles = [NOTE.encode(), PLATFORM.encode(), FIRST.encode(), "水杉".encode()]
    plain = tmp_path / "plain" / "tracker.db"
    secret = tmp_path / "secret" / "tracker.db"
    for path in (plain, secret):
        path.parent.mkdir()
        _records(path)
    change_passphrase(secret, None, FIRST)
    for file in (secret.parent / "backups").iterdir():
        file.unlink()  # the plain backup made before encrypting is plain by design (docs/encryption.md)
    opened = []
    for path, key in ((plain, None), (secret, FIRST)):
        database = open_database(path, key=key)
        opened.append(database)
        Ledger(database=database).add_note(noted_on=date(2026, 11, 1), kind=NoteKind.INQUIRY, text=NOTE)
        backups.make_backup(database, backups.Reason.MANUAL)
    try:  # both still open: their -wal and -shm files are there, holding the last write
        for path in (plain, secret):
            assert Path(f"{path}-wal").stat().st_size > 0 and Path(f"{path}-shm").exists()
        assert _grep(plain.parent, needles[:2])  # the grep finds them where they are plain: it can fail
        assert _grep(secret.parent, needles) == []
    finally:
        for database in opened:
            database.close()
    assert _grep(secret.parent, needles) == []


_PLAIN_WITHOUT_SQLCIPHER = r"""
import sys
sys.modules["sqlcipher3"] = None  # as if the extra were not installed: importing it fails
sys.modules["keyring"] = None
from datetime import date
from pathlib import Path
from jiebei_tracker.domain.errors import EncryptionUnavailable
from jiebei_tracker.domain.vocabulary import NoteKind
from jiebei_tracker.services.files import protection
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.workspace import open_workspace
from jiebei_tracker.storage.database import open_database

plain, secret = Path(sys.argv[1]), Path(sys.argv[2])
workspace = open_workspace(plain)
Ledger(database=workspace.database).add_note(noted_on=date(2026, 11, 1), kind=NoteKind.INQUIRY, text="plain")
print(workspace.loan_count(), len(workspace.notes()), protection.encryption_available())
workspace.close()
try:
    open_database(secret, key="correct horse battery")
except EncryptionUnavailable as problem:
    print(problem)
"""


def test_the_plain_path_runs_without_sqlcipher_and_a_protected_file_says_how_to_get_it(tmp_path):
    plain, secret = tmp_path / "plain.db", tmp_path / "secret.db"
    _records(plain)
    _records(secret)
    change_passphrase(secret, None, FIRST)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", _PLAIN_WITHOUT_SQLCIPHER, str(plain), str(secret)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    counts, message = result.stdout.splitlines()
    assert counts == "1 1 False"
    assert "pip install 'jiebei-tracker[encryption]'" in message and str(secret) in message
    cli = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.modules['sqlcipher3'] = None; from jiebei_tracker.cli import main; "
            "sys.exit(main(sys.argv[1:]))",
            "--db",
            str(secret),
            "loans",
        ],
        capture_output=True,
        text=True,
        env={**env, "JIEBEI_TRACKER_PASSPHRASE": FIRST},
        check=False,
    )
    assert cli.returncode == 1 and len(cli.stderr.splitlines()) == 1 and "[encryption]" in cli.stderr


def test_a_plain_database_never_loads_sqlcipher_or_keyring(tmp_path):
    plain = tmp_path / "plain.db"
    _records(plain)
    script = (
        "import sys; from jiebei_tracker.services.workspace import open_workspace; "
        "w = open_workspace(__import__('pathlib').Path(sys.argv[1])); w.loan_count(); w.close(); "
        "print(sorted(name for name in ('sqlcipher3', 'keyring') if name in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(plain)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_encryption_unavailable_is_a_one_line_database_problem(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    path = tmp_path / "secret.db"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(EncryptionUnavailable) as missing:
        open_database(path, key=FIRST)
    assert "\n" not in str(missing.value)


def test_opening_removes_what_a_conversion_killed_half_way_left(db_path):
    _records(db_path)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = db_path.with_name(f".{db_path.name}.{int(gone.stdout)}-0.convert")
    stale.write_bytes(b"half a conversion")
    Path(f"{stale}-journal").write_bytes(b"its journal")
    mine = db_path.with_name(f".{db_path.name}.{os.getpid()}-0.convert")  # this process's own: still at work
    mine.write_bytes(b"")
    open_database(db_path).close()
    assert not stale.exists() and not Path(f"{stale}-journal").exists() and mine.exists()
