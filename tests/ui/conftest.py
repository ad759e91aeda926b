"""Fixtures for the main window's tests: a window over a fresh database with its layout kept in a file of the test's
own, the translator (always back to English afterwards), demo data, and dialogs answered without showing them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from jiebei_tracker.services.demo import generate_history
from jiebei_tracker.services.imports.service import ImportService
from jiebei_tracker.ui.actions import LoanActions
from jiebei_tracker.ui.common import ChangeHub
from jiebei_tracker.ui.dialogs.import_wizard import ImportWizard
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.i18n import Translations
from jiebei_tracker.ui.main_window import MainWindow
from tests.conftest import TODAY


@pytest.fixture(scope="session", autouse=True)
def _switcher(qapp):
    """One translator for the whole run, English applied first as the app does when it starts (English has a
    file of its own for its plurals: "1 day", "3 days")."""
    switcher = Translations(qapp)
    switcher.apply("en")
    return switcher


@pytest.fixture
def translations(_switcher):
    """The app's translator; whatever a test switches to, English is back when it ends."""
    yield _switcher
    _switcher.apply("en")
    QApplication.setPalette(QApplication.style().standardPalette())


@pytest.fixture
def window_state(tmp_path):
    return QSettings(str(tmp_path / "window-state.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, translations, window_state, database):
    """Build (and show) a main window over a workspace. (Asking for ``database`` makes it close after the
    windows, whose background health checks are waited for first.)"""
    made = []

    def make(workspace, **kwargs) -> MainWindow:
        window = MainWindow(workspace=workspace, translations=translations, state=window_state, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.wait_for_workers()


@pytest.fixture
def window(make_window, workspace) -> MainWindow:
    return make_window(workspace)


@pytest.fixture
def demo_workspace(workspace):
    """The workspace filled with the foundation's demo history (60 loans over three years to TODAY)."""
    history = generate_history(today=TODAY, years=3, loans=60)
    workspace.ledger.add_history(
        history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds
    )
    return workspace


def exec_filling(fill):
    """A replacement for a dialog's exec(): fill it in as the user would, press Save, report the result."""

    def fake_exec(dialog):
        fill(dialog)
        dialog.submit()
        return dialog.result()

    return fake_exec


@pytest.fixture
def imports(database, ledger):
    return ImportService(database=database, ledger=ledger, today=lambda: TODAY)


@pytest.fixture
def open_wizard(qtbot, imports):
    """Open the import wizard on a file, shown, as the window does."""

    def _open(path):
        wizard = ImportWizard(imports=imports, path=path)
        qtbot.addWidget(wizard)
        wizard.show()
        return wizard

    return _open


@pytest.fixture
def hub():
    """The change hub the window's parts share: what one announces, the others hear."""
    return ChangeHub()


@pytest.fixture
def actions(workspace, hub):
    return LoanActions(workspace=workspace, hub=hub)


@pytest.fixture
def new_loan(monkeypatch, qtbot, actions):
    """Open the new-loan editor as the window does and let ``person`` fill it in; returns the editor, with the
    Changes of its save (None when nothing was saved)."""

    def open_(person):
        opened = []

        def fake_exec(dialog):
            qtbot.addWidget(dialog)
            opened.append(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            person(dialog)
            return dialog.result()

        monkeypatch.setattr(LoanEditorDialog, "exec", fake_exec)
        changes = actions.new_loan()
        return opened[0], changes

    return open_
