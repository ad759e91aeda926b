"""Help ▸ Keyboard shortcuts (F1) lists every command that has keys, as the window's own actions have them, in the
language shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jiebei_tracker.ui.dialogs.shortcuts_dialog import ShortcutsDialog


def _rows(dialog) -> dict[str, str]:
    table = dialog.table
    return {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}


def test_f1_lists_the_shortcuts_in_english_and_chinese(qtbot, make_window, workspace, translations):
    window = make_window(workspace)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is not None)
    rows = _rows(window.findChild(ShortcutsDialog))
    assert rows["New loan"] == "Ctrl+N" and rows["Log repayment"] == "Ctrl+R" and rows["Import"] == "Ctrl+I"
    assert rows["Dashboard"] == "Ctrl+1" and rows["Charts"] == "Ctrl+5" and rows["Keyboard shortcuts"] == "F1"
    assert "Ctrl+Shift+Z" in rows["Redo"]
    assert rows["Platforms & limits"] == "Ctrl+3"  # its "&" is a word, not a key mark
    assert window.commands.pages[2].text() == "Platforms && limits"  # so the View menu shows it whole

    translations.apply("zh_CN")
    qtbot.waitUntil(lambda: window.commands.new_loan.text().startswith("新建"))
    rows = _rows(window.show_shortcuts())
    assert rows["新建借款"] == "Ctrl+N" and rows["键盘快捷键"] == "F1"
