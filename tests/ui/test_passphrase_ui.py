"""The passphrase in the window: asked when a protected file is opened (again after a wrong one, without a
traceback; remembered in the keyring only when ticked), File ▸ Protect with a passphrase… setting, changing and
removing it, the window saying what stays plain, and what it says without SQLCipher."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from jiebei_tracker import app as app_module
from jiebei_tracker.app import AppSession
from jiebei_tracker.services.files import protection
from jiebei_tracker.services.workspace import open_workspace
from jiebei_tracker.storage.connections import SQLITE_HEADER
from jiebei_tracker.storage.encryption import change_passphrase
from jiebei_tracker.ui import data_file
from jiebei_tracker.ui import errors as error_dialogs
from jiebei_tracker.ui.dialogs.passphrase_dialog import Entered, PassphrasePrompt, ProtectDialog, Protection
from tests.conftest import TODAY
from tests.scenarios import draft
from tests.ui.second_launch import launch_twice

pytest.importorskip("sqlcipher3")  # in the test extra: this never skips where the README's test command ran

FIRST, SECOND = "correct horse battery", "second passphrase 二"


@pytest.fixture
def protected(tmp_path):
    path = tmp_path / "tracker.db"
    workspace = open_workspace(path, today=lambda: TODAY)
    workspace.ledger.add_loan(draft("借呗"))
    workspace.close()
    change_passphrase(path, None, FIRST)
    return path


def _open(path, translations, monkeypatch, answers):
    asked, said = [], []

    def ask(db_path, problem, can_remember):
        asked.append(problem)
        return answers.pop(0) if answers else None

    monkeypatch.setattr(error_dialogs, "ask_passphrase", ask)
    monkeypatch.setattr(error_dialogs, "message_box", lambda *args: said.append(args[3]))
    session = error_dialogs.open_or_offer_backup(
        path,
        lambda: AppSession(db_path=path, translations=translations, today=lambda: TODAY),
        lambda key: AppSession(db_path=path, translations=translations, today=lambda: TODAY, key=key),
    )
    return session, asked, said


def test_the_passphrase_is_asked_again_after_a_wrong_one_and_remembered_only_when_ticked(
    qtbot, protected, translations, monkeypatch, memory_keyring
):
    answers = [Entered("not the passphrase", remember=False), Entered(FIRST, remember=True)]
    session, asked, said = _open(protected, translations, monkeypatch, answers)
    try:
        assert session is not None and said == []
        assert asked == ["", "That passphrase is wrong. Try again."]
        assert session.window.workspace.loan_count() == 1 and session.own.database.encrypted
        assert "encrypted with your passphrase" in session.window.data_label.text()
        assert list(memory_keyring.saved.values()) == [FIRST]
        qtbot.addWidget(session.window)
    finally:
        session.close()
    again, asked, said = _open(protected, translations, monkeypatch, [])
    try:
        assert again is not None and asked == []  # the keyring's passphrase opened it
    finally:
        again.close()


def test_not_remembered_unless_ticked_and_cancel_opens_nothing(qtbot, protected, translations, monkeypatch):
    session, _asked, _said = _open(protected, translations, monkeypatch, [Entered(FIRST, remember=False)])
    try:
        assert protection.remembered(protected) is None
    finally:
        session.close()
    session, asked, said = _open(protected, translations, monkeypatch, [])
    assert session is None and asked == [""]
    assert len(said) == 1 and "not an SQLite file" in said[0] and "Traceback" not in said[0]
    assert protected.read_bytes()[:16] != SQLITE_HEADER


def test_the_prompt_is_masked_names_the_file_and_remember_is_off(qtbot, protected):
    prompt = PassphrasePrompt(protected, problem="That passphrase is wrong. Try again.")
    qtbot.addWidget(prompt)
    assert prompt.field.echoMode() == prompt.field.EchoMode.Password
    assert str(protected) in prompt.findChildren(type(prompt.problem))[0].text()
    assert not prompt.remember.isChecked() and not prompt.ok_button.isEnabled()
    prompt.field.setText(FIRST)
    assert prompt.ok_button.isEnabled() and prompt.entered() == Entered(FIRST, False)


def test_the_protect_dialog_checks_what_was_typed(qtbot, tmp_path):
    plain = ProtectDialog(tmp_path / "tracker.db", protected=False)
    qtbot.addWidget(plain)
    plain.new.setText("short")
    assert "at least 8" in plain.problem_text()
    plain.new.setText(FIRST)
    plain.again.setText(FIRST + "!")
    assert "differ" in plain.problem_text()
    plain.again.setText(FIRST)
    assert plain.problem_text() == "" and plain.protection() == Protection(None, FIRST, False)
    locked = ProtectDialog(tmp_path / "tracker.db", protected=True)
    qtbot.addWidget(locked)
    assert "current passphrase" in locked.problem_text()
    locked.old.setText(FIRST)
    locked.remove.setChecked(True)
    assert locked.problem_text() == "" and locked.protection() == Protection(FIRST, None, False)
    assert not locked.new.isEnabled()


def test_set_change_and_remove_from_the_window(qtbot, tmp_path, translations, monkeypatch, memory_keyring):
    path = tmp_path / "tracker.db"
    said = []
    monkeypatch.setattr("jiebei_tracker.qt_text.message_box", lambda *args: said.append(args[3]))
    session = AppSession(db_path=path, translations=translations, today=lambda: TODAY)
    try:
        session.own.ledger.add_loan(draft("借呗"))
        window = session.window
        window.data_file.protect(Protection(None, FIRST, True))  # File ▸ Protect with a passphrase…
        assert session.window is not window and session.own.database.encrypted
        assert path.read_bytes()[:16] != SQLITE_HEADER and session.window.workspace.loan_count() == 1
        assert "is protected with the passphrase" in said[-1] and FIRST not in said[-1]
        assert protection.remembered(path) == FIRST

        assert session.change_passphrase(Protection("not the passphrase", SECOND, False)) is False
        assert "passphrase is wrong" in said[-1] and session.own.database.encrypted  # open again, as it was

        assert session.change_passphrase(Protection(FIRST, SECOND, False))
        assert protection.remembered(path) is None  # the old one is forgotten
        session.own.ledger.add_loan(draft("微粒贷"))
        assert session.change_passphrase(Protection(SECOND, None, False))
        assert path.read_bytes()[:16] == SQLITE_HEADER and session.window.workspace.loan_count() == 2
        assert not session.own.database.encrypted and "plain file again" in said[-1]
        qtbot.addWidget(session.window)
    finally:
        session.close()
    memory_keyring.saved.clear()
    written = [path for path in tmp_path.rglob("*") if path.is_file()]  # the data, backups, settings, window state
    assert len(written) > 3
    assert [p.name for p in written if FIRST.encode() in p.read_bytes() or SECOND.encode() in p.read_bytes()] == []


def test_without_sqlcipher_the_window_says_how_to_get_it(qtbot, tmp_path, translations, monkeypatch):
    said = []
    monkeypatch.setattr(data_file, "message_box", lambda *args: said.append(args[3]))
    monkeypatch.setattr(protection, "encryption_available", lambda: False)
    session = AppSession(db_path=tmp_path / "tracker.db", translations=translations, today=lambda: TODAY)
    try:
        assert session.window.data_file.protect(Protection(None, FIRST, False)) is None
        assert len(said) == 1 and "pip install 'jiebei-tracker[encryption]'" in said[0]
        assert (tmp_path / "tracker.db").read_bytes()[:16] == SQLITE_HEADER
    finally:
        session.close()


def test_the_export_of_an_encrypted_database_says_it_is_plain(qtbot, protected, tmp_path, translations, monkeypatch):
    said = []
    monkeypatch.setattr(data_file, "message_box", lambda *args: said.append(args[3]) or QMessageBox.StandardButton.Yes)
    session = AppSession(db_path=protected, translations=translations, today=lambda: TODAY, key=FIRST)
    try:
        folder = tmp_path / "export"
        folder.mkdir()
        assert session.window.data_file.export(folder)
        assert "not encrypted" in said[-1]
    finally:
        session.close()


def test_the_sample_data_is_never_protected(qtbot, tmp_path, translations, monkeypatch):
    monkeypatch.setattr(app_module, "AppSession", AppSession)
    session = AppSession(db_path=tmp_path / "tracker.db", translations=translations, today=lambda: TODAY)
    try:
        window = session.open_sample()
        assert not window.commands.protect.isEnabled()
        assert not window.workspace.database.encrypted
    finally:
        session.close()


# The first window is given the passphrase as if typed; the second launch, which has none, must not ask for it.
_TYPED = """
import os
from jiebei_tracker.services.files import protection
from jiebei_tracker.ui import errors as error_dialogs
from jiebei_tracker.ui.dialogs.passphrase_dialog import Entered

protection.remembered = lambda path: None  # no system keyring in a test
error_dialogs.ask_passphrase = lambda path, problem, can_remember: Entered(os.environ["TEST_PASSPHRASE"], False)
"""


def test_one_window_per_protected_file_and_a_second_launch_asks_nothing(protected, tmp_path):
    said = launch_twice(
        protected, tmp_path, setup=_TYPED, report="session.own.database.encrypted", env={"TEST_PASSPHRASE": FIRST}
    )
    assert said == "BROUGHT FORWARD True"


def test_restore_asks_for_a_backup_s_own_passphrase_when_it_differs(qtbot, protected, translations, monkeypatch):
    plain_backup = next((protected.parent / "backups").iterdir())  # made before the passphrase was set
    first_backup = change_passphrase(protected, FIRST, SECOND).path  # has the first passphrase
    said, asked = [], []
    monkeypatch.setattr(data_file, "message_box", lambda *args: said.append(args[3]))
    monkeypatch.setattr(
        data_file.DataFileCommands, "backup_passphrase", lambda self, source: asked.append(source.name) or FIRST
    )
    session = AppSession(db_path=protected, translations=translations, today=lambda: TODAY, key=SECOND)
    try:
        session.own.ledger.add_loan(draft("微粒贷"))
        assert session.window.data_file.restore(first_backup) == first_backup
        assert asked == [first_backup.name] and "restored" in said[-1]
        assert session.window.workspace.loan_count() == 1
        assert session.window.data_file.restore(plain_backup) == plain_backup  # a plain one: nothing to ask
        assert asked == [first_backup.name]
        assert session.own.database.encrypted and protected.read_bytes()[:16] != SQLITE_HEADER
    finally:
        session.close()
