"""Every control a person can reach has a name a screen reader can say: the window's pages and its dialogs, walked
control by control (what Qt's accessibility layer reports, from the text, a label's buddy or a name set)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from jiebei_tracker.domain.rules import Thresholds
from jiebei_tracker.services.settings import GeneralSettings
from jiebei_tracker.ui.dialogs.forms import controls_in
from jiebei_tracker.ui.dialogs.limit_dialog import LimitDialog
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.dialogs.note_dialog import NoteDialog
from jiebei_tracker.ui.dialogs.settings_dialog import SettingsDialog
from tests.conftest import TODAY


def unnamed(root: QWidget) -> list[str]:
    """The controls under ``root`` that a person can see and whose accessible name is empty."""
    found = []
    for widget in controls_in(root):
        if not widget.isVisibleTo(root):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if not (interface and interface.text(QAccessible.Text.Name).strip()):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}")
    return found


def test_every_control_of_every_page_has_a_name(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    qtbot.waitUntil(lambda: all(window.stack.is_built(page) for page in range(window.stack.count())))
    for page in range(window.stack.count()):
        window.show_page(page)
        assert unnamed(window) == [], page


@pytest.mark.parametrize(
    "make",
    [
        lambda: LoanEditorDialog(platforms=["借呗"], today=TODAY),
        lambda: LimitDialog(platforms=["借呗"], today=TODAY, save=lambda *args: None),
        lambda: NoteDialog(today=TODAY, save=lambda *args: None),
        lambda: SettingsDialog(general=GeneralSettings(), thresholds=Thresholds(), save=lambda *args: None),
    ],
    ids=["loan editor", "limit", "note", "settings"],
)
def test_every_control_of_a_dialog_has_a_name(qtbot, make):
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == []


def test_the_page_list_is_named(qtbot, make_window, workspace):
    window = make_window(workspace)
    interface = QAccessible.queryAccessibleInterface(window.navigation)
    assert interface.text(QAccessible.Text.Name) == "Pages"
