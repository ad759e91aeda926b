"""The passphrase on the command line: ``encrypt``, ``change-passphrase``, ``decrypt``; the three ways to give it
(``$JIEBEI_TRACKER_PASSPHRASE``, ``--passphrase-file``, typed on a terminal); a wrong or missing one is one line
and exit 1; the passphrase is never printed."""

from __future__ import annotations

import getpass
import sys

import pytest

from jiebei_tracker.cli import main
from jiebei_tracker.storage.connections import SQLITE_HEADER

pytest.importorskip("sqlcipher3")  # in the test extra: this never skips where the README's test command ran

FIRST, SECOND = "correct horse battery", "second passphrase 二"


@pytest.fixture
def protected(tmp_path, monkeypatch, capsys):
    path = tmp_path / "tracker.db"
    assert main(["--db", str(path), "note", "--on", "2026-11-01", "--kind", "inquiry", "--text", "秘密"]) == 0
    monkeypatch.setenv("JIEBEI_TRACKER_NEW_PASSPHRASE", FIRST)
    assert main(["--db", str(path), "encrypt"]) == 0
    monkeypatch.delenv("JIEBEI_TRACKER_NEW_PASSPHRASE")
    out = capsys.readouterr().out
    assert "protected with the passphrase" in out and FIRST not in out
    assert path.read_bytes()[:16] != SQLITE_HEADER
    return path


def _notes(path, capsys, *extra) -> tuple[int, str, str]:
    status = main(["--db", str(path), *extra, "notes"])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_passphrase_from_the_environment(protected, monkeypatch, capsys):
    monkeypatch.setenv("JIEBEI_TRACKER_PASSPHRASE", FIRST)
    status, out, _err = _notes(protected, capsys)
    assert status == 0 and "秘密" in out


def test_the_passphrase_from_a_file(protected, tmp_path, capsys):
    secret = tmp_path / "passphrase.txt"
    secret.write_text(FIRST + "\n", encoding="utf-8")
    status, out, _err = _notes(protected, capsys, "--passphrase-file", str(secret))
    assert status == 0 and "秘密" in out


def test_the_passphrase_typed_on_a_terminal(protected, monkeypatch, capsys):
    asked = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or FIRST)
    status, out, _err = _notes(protected, capsys)
    assert status == 0 and "秘密" in out
    assert asked == [f"Passphrase for {protected}: "]


@pytest.mark.parametrize("how", ["missing", "wrong in the environment", "wrong in a file", "empty file"])
def test_a_wrong_or_missing_passphrase_is_one_line_and_exit_1(protected, tmp_path, monkeypatch, capsys, how):
    extra = []
    if how == "wrong in the environment":
        monkeypatch.setenv("JIEBEI_TRACKER_PASSPHRASE", "not the passphrase")
    elif how in ("wrong in a file", "empty file"):
        secret = tmp_path / "passphrase.txt"
        secret.write_text("" if how == "empty file" else "not the passphrase\n", encoding="utf-8")
        extra = ["--passphrase-file", str(secret)]
    content = protected.read_bytes()
    status, out, err = _notes(protected, capsys, *extra)
    lines = err.strip().splitlines()
    assert status == 1 and out == "" and len(lines) == 1 and lines[0].startswith("jiebei-tracker: error: ")
    assert "Traceback" not in err and "not the passphrase" not in err
    assert protected.read_bytes() == content


def test_change_the_passphrase_then_remove_it(protected, monkeypatch, capsys):
    monkeypatch.setenv("JIEBEI_TRACKER_PASSPHRASE", FIRST)
    monkeypatch.setenv("JIEBEI_TRACKER_NEW_PASSPHRASE", SECOND)
    assert main(["--db", str(protected), "change-passphrase"]) == 0
    out = capsys.readouterr().out
    assert "passphrase is changed" in out and FIRST not in out and SECOND not in out
    assert _notes(protected, capsys)[0] == 1  # the old one no longer opens it
    monkeypatch.setenv("JIEBEI_TRACKER_PASSPHRASE", SECOND)
    assert _notes(protected, capsys)[0] == 0
    assert main(["--db", str(protected), "decrypt"]) == 0
    assert "plain SQLite database again" in capsys.readouterr().out
    assert protected.read_bytes()[:16] == SQLITE_HEADER
    monkeypatch.delenv("JIEBEI_TRACKER_PASSPHRASE")
    status, out, _err = _notes(protected, capsys)
    assert status == 0 and "秘密" in out


def test_the_new_passphrase_typed_twice_must_match(tmp_path, monkeypatch, capsys):
    path = tmp_path / "tracker.db"
    assert main(["--db", str(path), "note", "--on", "2026-11-01", "--kind", "inquiry", "--text", "x"]) == 0
    answers = iter([FIRST, FIRST + "!"])
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(answers))
    content = path.read_bytes()
    assert main(["--db", str(path), "encrypt"]) == 1
    assert "do not match" in capsys.readouterr().err
    assert path.read_bytes() == content


def test_backups_and_restore_of_a_protected_database(protected, monkeypatch, capsys):
    monkeypatch.setenv("JIEBEI_TRACKER_PASSPHRASE", FIRST)
    assert main(["--db", str(protected), "backup"]) == 0
    capsys.readouterr()
    assert main(["--db", str(protected), "backups"]) == 0
    listed = capsys.readouterr().out
    assert "made by you" in listed and "before a passphrase change" in listed and "damaged" not in listed
    assert main(["--db", str(protected), "restore", "1", "--yes"]) == 0
    assert "restored" in capsys.readouterr().out
    monkeypatch.delenv("JIEBEI_TRACKER_PASSPHRASE")
    assert main(["--db", str(protected), "backups"]) == 0
    assert "encrypted" in capsys.readouterr().out  # without the passphrase the list still shows, and says so


def test_encrypt_is_refused_on_a_protected_file_and_decrypt_on_a_plain_one(protected, tmp_path, capsys):
    assert main(["--db", str(protected), "encrypt"]) == 1
    assert "already protected" in capsys.readouterr().err
    plain = tmp_path / "plain.db"
    assert main(["--db", str(plain), "note", "--on", "2026-11-01", "--kind", "inquiry", "--text", "x"]) == 0
    capsys.readouterr()
    assert main(["--db", str(plain), "decrypt"]) == 1
    assert "has no passphrase" in capsys.readouterr().err
