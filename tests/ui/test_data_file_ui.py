"""The data file in the window: File ▸ Back up now…, Restore from a backup… (the list, the question, the window
rebuilt on the restored data), Export…, and the newest good backup offered when the file cannot be opened."""

from __future__ import annotations

import stat

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from jiebei_tracker.app import AppSession
from jiebei_tracker.services.workspace import open_workspace
from jiebei_tracker.storage import backups
from jiebei_tracker.storage.backups import Reason
from jiebei_tracker.ui import errors as error_dialogs
from jiebei_tracker.ui.dialogs import restore_dialog
from jiebei_tracker.ui.dialogs.restore_dialog import RestoreDialog
from tests.conftest import TODAY
from tests.scenarios import draft


def _own_data(db_path, platforms=("借呗", "微粒贷")):
    workspace = open_workspace(db_path, today=lambda: TODAY)
    for platform in platforms:
        workspace.ledger.add_loan(draft(platform))
    return workspace


def test_the_restore_dialog_lists_the_backups_and_restores_the_chosen_one(qtbot, tmp_path, monkeypatch, screenshot):
    db_path = tmp_path / "tracker.db"
    workspace = _own_data(db_path)  # the second loan made the day's backup (with one loan)
    backups.make_backup(workspace.database, Reason.MANUAL)
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]
    assert [row[1:] for row in rows] == [["Made by you", "2", "0"], ["The day's first change", "1", "0"]]
    assert dialog.restore_button.isEnabled() and dialog.selected().reason is Reason.MANUAL
    screenshot(dialog, "restore-dialog-en")
    asked = []
    monkeypatch.setattr(
        restore_dialog, "message_box", lambda *args: asked.append(args[3]) or QMessageBox.StandardButton.Yes
    )
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked and "1 loans" in asked[0] and "backed up first" in asked[0]
    assert dialog.result() == RestoreDialog.DialogCode.Accepted and dialog.chosen == dialog.backups[1].path
    workspace.close()


def test_a_damaged_backup_is_listed_as_such_in_chinese_and_cannot_be_chosen(qtbot, tmp_path, translations):
    db_path = tmp_path / "tracker.db"
    workspace = _own_data(db_path)
    folder = db_path.parent / "backups"
    (folder / "tracker.20260101-120000.daily.db").write_bytes(b"SQLite format 3\x00" + bytes(100))
    translations.apply("zh_CN")
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [[dialog.table.item(r, c).text() for c in (1, 2, 4)] for r in range(dialog.table.rowCount())]
    assert rows[0][:2] == ["当天首次修改", "1"] and rows[1] == ["已损坏，无法恢复", "", "1 KB"]  # 116 bytes: not 0 KB
    assert "cannot be read as a database" in dialog.table.item(1, 1).toolTip()
    dialog.table.selectRow(1)
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    workspace.close()


def test_the_restore_dialog_says_when_there_is_no_backup_yet(qtbot, tmp_path):
    dialog = RestoreDialog(tmp_path / "tracker.db")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.table.isVisible()
    assert not dialog.restore_button.isEnabled()


def test_restoring_from_the_window_rebuilds_it_on_the_restored_data(qtbot, tmp_path, translations, monkeypatch):
    db_path = tmp_path / "tracker.db"
    workspace = _own_data(db_path, platforms=("借呗",))
    saved = backups.make_backup(workspace.database, Reason.MANUAL)
    workspace.ledger.add_loan(draft("微粒贷"))
    workspace.close()
    monkeypatch.setattr("jiebei_tracker.ui.data_file.message_box", lambda *args: QMessageBox.StandardButton.Ok)
    session = AppSession(db_path=db_path, translations=translations, today=lambda: TODAY)
    try:
        first = session.window
        qtbot.addWidget(first)
        first.show()
        assert first.workspace.loan_count() == 2
        first.data_file.restore(saved.path)
        second = session.window
        qtbot.addWidget(second)
        assert second is not first and not first.isVisible()
        assert second.workspace.loan_count() == 1 and not second.undo.stack.canUndo()
        assert [b.reason for b in backups.list_backups(db_path)].count(Reason.RESTORE) == 1
    finally:
        session.window.wait_for_workers()
        session.close()


def test_back_up_now_and_export_from_the_window(make_window, workspace, ledger, tmp_path, monkeypatch):
    ledger.add_loan(draft("借呗"))
    window = make_window(workspace)
    said = []
    monkeypatch.setattr("jiebei_tracker.ui.data_file.message_box", lambda *args: said.append(args[3]))
    target = window.data_file.back_up_now(tmp_path / "copy.db")
    assert target == tmp_path / "copy.db" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert backups.inspect(target).loans == 1 and str(target) in said[-1]
    assert window.data_file.back_up_now(tmp_path / "copy.db") is None  # refused: it exists
    assert "already exists" in said[-1]
    folder = tmp_path / "export"
    folder.mkdir()
    written = window.data_file.export(folder)
    assert sorted(p.name for p in written) == ["limits.csv", "loans.csv", "notes.csv", "repayments.csv"]
    assert "借呗" in (folder / "loans.csv").read_text(encoding="utf-8-sig")
    assert window.commands.back_up.isEnabled() and window.commands.restore.isEnabled()
    assert window.commands.restore in window.commands.file_menu.actions()


def test_a_damaged_file_is_replaced_by_the_newest_good_backup_when_the_user_agrees(qtbot, tmp_path, translations,
                                                                                  monkeypatch):  # fmt: skip
    db_path = tmp_path / "tracker.db"
    workspace = _own_data(db_path)
    backups.make_backup(workspace.database, Reason.MANUAL)
    workspace.close()
    for side in ("-wal", "-shm"):
        (tmp_path / f"tracker.db{side}").unlink(missing_ok=True)
    db_path.write_bytes(b"\x00" * 4096)
    asked = []

    def answer(_parent, _icon, _title, text, *buttons):
        asked.append(text)
        return QMessageBox.StandardButton.Yes if buttons else QMessageBox.StandardButton.Ok

    monkeypatch.setattr(error_dialogs, "message_box", answer)
    session = error_dialogs.open_or_offer_backup(
        db_path, lambda: AppSession(db_path=db_path, translations=translations, today=lambda: TODAY)
    )
    try:
        assert session is not None and session.window.workspace.loan_count() == 2
        assert "cannot be opened" in asked[0] and "2 loans" in asked[0]
        kept = list(tmp_path.glob("tracker.db.damaged-*"))
        assert len(kept) == 1 and kept[0].read_bytes() == b"\x00" * 4096
        qtbot.addWidget(session.window)
    finally:
        session.window.wait_for_workers()
        session.close()


def test_a_damaged_file_without_a_backup_is_explained_and_left_alone(tmp_path, translations, monkeypatch):
    db_path = tmp_path / "tracker.db"
    db_path.write_bytes(b"not a database at all")
    said = []
    monkeypatch.setattr(error_dialogs, "message_box", lambda *args: said.append(args[3]))
    session = error_dialogs.open_or_offer_backup(
        db_path, lambda: AppSession(db_path=db_path, translations=translations, today=lambda: TODAY)
    )
    assert session is None and len(said) == 1 and "not an SQLite file" in said[0]
    assert db_path.read_bytes() == b"not a database at all"
