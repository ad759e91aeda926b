"""Every command against every kind of bad database file gives one line naming the file and exit 1, the file
untouched; backup, backups and restore; non-UTF-8 arguments, a missing output folder, a full disk, Ctrl+C."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from jiebei_tracker.cli import build_parser, main
from jiebei_tracker.storage.database import open_database

# The smallest arguments each command accepts (the command must get as far as opening the file).
ARGUMENTS = {
    "add-loan": ["--platform", "借呗", "--borrowed-on", "2026-01-05", "--principal", "1000", "--term", "3",
                 "--method", "equal_installment", "--annual-rate", "10%"],
    "delete-loan": ["1"],
    "pay": ["1", "--on", "2026-02-05", "--amount", "100"],
    "payoff": ["1", "--on", "2026-02-05"],
    "prepay": ["1", "--on", "2026-02-05", "--amount", "100", "--keep", "term"],
    "platform": ["借呗", "--kind", "internet"],
    "limit": ["借呗", "--on", "2026-02-05", "--amount", "1000"],
    "note": ["--on", "2026-02-05", "--kind", "inquiry", "--text", "x"],
    "resolve-note": ["1"],
    "schedule": ["1"],
    "edit-repayment": ["1", "--amount", "1"],
    "delete-repayment": ["1"],
    "import": ["loans", "{csv}"],
    "export": ["{folder}/out"],
    "diagnose": ["借呗"],
    "restore": ["1", "--yes"],
    "plan": ["--budget", "3000"],
    "what-if": ["late", "1"],
}  # fmt: skip


def _commands() -> list[str]:
    _parser, commands = build_parser()
    from jiebei_tracker.cli import _handlers

    _handlers(commands)
    return sorted(commands.choices)


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {}
    folder = tmp_path / "folder.db"
    folder.mkdir()
    files["folder"] = folder
    random_bytes = tmp_path / "random.db"
    random_bytes.write_bytes(os.urandom(8192))
    files["random bytes"] = random_bytes
    text = tmp_path / "text.db"
    text.write_text("platform,borrowed_on\n借呗,2026-01-05\n", encoding="utf-8")
    files["text"] = text
    newer = tmp_path / "newer.db"
    open_database(newer).close()
    with closing(sqlite3.connect(newer)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    files["newer schema"] = newer
    truncated = tmp_path / "truncated.db"
    database = open_database(truncated)
    from jiebei_tracker.services.ledger import Ledger
    from tests.scenarios import draft

    ledger = Ledger(database=database)
    for _ in range(40):
        ledger.add_loan(draft("借呗"))
    database.close()
    data = truncated.read_bytes()
    truncated.write_bytes(data[: len(data) // 4])
    files["truncated"] = truncated
    foreign = tmp_path / "foreign.db"
    with closing(sqlite3.connect(foreign)) as connection, connection:
        connection.execute("CREATE TABLE loan (x)")
    files["another app's database"] = foreign
    shutil.rmtree(tmp_path / "backups")  # the truncated file's own daily backup: these files have none
    for path in files.values():
        for side in ("-wal", "-shm"):
            Path(str(path) + side).unlink(missing_ok=True)
        if path.is_file():
            path.chmod(0o644)
    return files


def _snapshot(path: Path):
    return (path.read_bytes(), stat.S_IMODE(path.stat().st_mode)) if path.is_file() else "folder"


def test_every_command_on_every_bad_file_says_what_and_where_in_one_line(tmp_path, capsys):
    files = _bad_files(tmp_path)
    csv = tmp_path / "loans.csv"
    csv.write_text("platform,borrowed_on,principal,term_months,method,annual_rate\n", encoding="utf-8")
    failures = []
    for command in _commands():
        arguments = [a.format(csv=csv, folder=tmp_path) for a in ARGUMENTS.get(command, [])]
        for kind, path in files.items():
            before = _snapshot(path)
            status = main(["--db", str(path), command, *arguments])
            err = capsys.readouterr().err
            lines = err.strip().splitlines()
            understood = (
                status == 1
                and len(lines) == 1
                and lines[0].startswith("jiebei-tracker: error: ")
                and str(path) in lines[0]
                and "DEBUG" not in lines[0]
            )
            if command == "backups" and status == 0:
                understood = True  # lists the backups beside the file: it never opens it
            if not understood or _snapshot(path) != before:
                failures.append(f"{command} on {kind}: exit {status}: {err.strip()[:300]}")
    assert failures == []


def test_the_messages_say_what_is_wrong(tmp_path, capsys):
    files = _bad_files(tmp_path)
    expected = {
        "folder": "is a folder",
        "random bytes": "not an SQLite file",
        "text": "not an SQLite file",
        "newer schema": "made by a newer version of Jiebei Tracker: 0099_future; this version knows up to 0",
        "truncated": "is damaged",
        "another app's database": "",
    }
    for kind, path in files.items():
        assert main(["--db", str(path), "loans"]) == 1
        assert expected[kind] in capsys.readouterr().err, kind


def test_arguments_that_are_not_utf8_are_a_usage_error(db_path, capsys):
    bad = b"\xe5\x80\x9f\xff".decode("utf-8", "surrogateescape")
    assert main(["--db", str(db_path), "limit", bad, "--on", "2026-01-01", "--amount", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("jiebei-tracker: error: argument 4 is not valid UTF-8 text: 借\\xff")
    assert not db_path.exists()


def test_ctrl_c_is_one_line(run, monkeypatch):
    import jiebei_tracker.cli as cli

    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_run", interrupted)
    status, _out, err = run("loans")
    said = "jiebei-tracker: interrupted; a change under way was not saved (the file is as it was)\n"
    assert status == 1 and err == said


def test_a_full_disk_is_one_line(run, monkeypatch):
    import jiebei_tracker.cli as cli

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device", "/data/jiebei-tracker.db")

    monkeypatch.setattr(cli, "_run", full)
    status, _out, err = run("loans")
    assert status == 1
    assert err == "jiebei-tracker: error: /data/jiebei-tracker.db: no space left on the disk; nothing was changed\n"


def test_backup_to_a_missing_folder_or_an_existing_file_is_refused(run, tmp_path):
    assert run("demo")[0] == 0
    status, _out, err = run("backup", str(tmp_path / "nonexistent" / "b.db"))
    assert status == 1 and "does not exist" in err and not (tmp_path / "nonexistent").exists()
    (tmp_path / "taken.db").write_text("mine")
    status, _out, err = run("backup", str(tmp_path / "taken.db"))
    assert status == 1 and "already exists" in err and (tmp_path / "taken.db").read_text() == "mine"


def test_backup_backups_restore(run, db_path, tmp_path):
    assert run("demo")[0] == 0
    status, out, _err = run("backup")
    assert status == 0 and "backups" in out
    status, out, _err = run("backups")
    lines = out.splitlines()
    assert status == 0 and lines[0].split()[:3] == ["#", "made", "why"]
    assert "made by you" in lines[1]
    import json

    listed = json.loads(run("backups", "--json")[1])
    assert [b["reason"] for b in listed] == ["manual"] and listed[0]["ok"] is True
    loans = listed[0]["loans"]
    assert loans > 0
    assert run("delete-loan", "1")[0] == 0
    status, _out, err = run("restore", "1")  # no terminal to ask: --yes is needed
    assert status == 1 and "--yes" in err
    status, out, _err = run("restore", "1", "--yes")
    assert status == 0 and "restored" in out and "backed up in" in out
    assert len(json.loads(run("loans", "--json")[1])) == loans
    reasons = [b["reason"] for b in json.loads(run("backups", "--json")[1])]
    assert sorted(reasons) == ["manual", "restore"]  # the manual one counted as the day's


@pytest.mark.parametrize(("answer", "restored"), [("n", False), ("", False), ("y", True)])
def test_restore_at_a_terminal_asks_first(run, monkeypatch, answer, restored):
    assert run("demo")[0] == 0 and run("backup")[0] == 0 and run("delete-loan", "1")[0] == 0
    asked = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: asked.append(question) or answer)
    status, out, err = run("restore", "1")
    assert "loans" in asked[0] and asked[0].endswith("backed up first. [y/N] ") and err == ""
    assert (status, out.splitlines()[0].split()[0]) == ((0, "restored") if restored else (1, "nothing"))


def test_restore_over_a_damaged_file_keeps_that_file(run, db_path):
    assert run("demo")[0] == 0
    assert run("backup")[0] == 0
    for side in ("-wal", "-shm"):
        Path(str(db_path) + side).unlink(missing_ok=True)
    db_path.write_bytes(b"garbage" * 100)
    status, _out, err = run("loans")
    assert status == 1 and "not an SQLite file" in err
    status, out, _err = run("restore", "1", "--yes")
    assert status == 0 and "kept as" in out
    kept = next(db_path.parent.glob(db_path.name + ".damaged-*"))
    assert kept.read_bytes() == b"garbage" * 100
    assert run("loans")[0] == 0


def test_the_default_data_folder_is_made_private_before_anything_is_in_it(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("JIEBEI_TRACKER_DB")
    data = tmp_path / "xdg-data"
    assert main(["loans"]) == 0
    folder = data / "jiebei-tracker"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "jiebei-tracker.db").stat().st_mode) == 0o600
    folder.chmod(0o755)  # made by an older version
    assert main(["loans"]) == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_db_on_a_file_that_is_not_a_database_does_not_change_its_mode(tmp_path, capsys):
    mine = tmp_path / "notes.txt"
    mine.write_text("my notes")
    mine.chmod(0o644)
    assert main(["--db", str(mine), "loans"]) == 1
    assert stat.S_IMODE(mine.stat().st_mode) == 0o644


def test_demo_twice_is_one_line(run):
    assert run("demo")[0] == 0
    status, _out, err = run("demo")
    assert status == 1 and err.count("\n") == 1 and "already has records" in err
