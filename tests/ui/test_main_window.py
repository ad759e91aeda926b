"""The main window as a whole: navigation, the first-run welcome, commands and shortcuts, delete with undo, a file
dropped on it, and the layout it remembers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence

from jiebei_tracker.domain.vocabulary import LoanPurpose
from jiebei_tracker.ui import actions as actions_module
from jiebei_tracker.ui import feature_hooks
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.main_window import CHARTS, DASHBOARD, LOANS, NOTES, PLATFORMS, MainWindow
from tests.conftest import TODAY
from tests.scenarios import draft
from tests.ui.conftest import exec_filling


def _fill_loan(dialog: LoanEditorDialog) -> None:
    dialog.platform.setCurrentText("京东金条")
    dialog.borrowed_on.setDate(TODAY.replace(month=TODAY.month - 2))
    dialog.principal.setText("8,000")
    dialog.term.setValue(12)
    dialog.rate_basis.setCurrentIndex(1)
    dialog.rate.setText("0.03%")
    dialog.purpose.setCurrentIndex(dialog.purpose.findData(LoanPurpose.MEDICAL.value))


def test_navigation_shows_each_page(window):
    names = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert names == ["Dashboard", "Loans", "Platforms & limits", "Credit report notes", "Charts", "Plan"]
    for page in (LOANS, PLATFORMS, NOTES, CHARTS, DASHBOARD):
        window.commands.pages[page].trigger()
        assert window.current_page() is window.pages[page]
        assert window.navigation.currentRow() == page


def test_first_run_offers_three_ways_in(window, monkeypatch, screenshot):
    welcome = window.dashboard.welcome
    assert window.dashboard.is_welcome()
    assert [b.text() for b in (welcome.add_button, welcome.import_button, welcome.sample_button)] == [
        "Add your first loan…",
        "Import a CSV file…",
        "Look around with sample data",
    ]
    imported, sampled = [], []
    monkeypatch.setattr(feature_hooks, "open_import_wizard", lambda **kwargs: imported.append(kwargs))
    window.sample_requested.connect(lambda: sampled.append(True))
    welcome.import_button.click()
    welcome.sample_button.click()
    assert len(imported) == 1 and imported[0]["path"] is None
    assert sampled == [True]
    screenshot(window, "window-welcome-en")


def test_the_first_loan_replaces_the_welcome_with_the_dashboard(window, monkeypatch):
    monkeypatch.setattr(LoanEditorDialog, "exec", exec_filling(_fill_loan))
    window.dashboard.welcome.add_button.click()
    assert not window.dashboard.is_welcome()
    assert window.dashboard.loans.value.text() == "1"
    window.show_page(LOANS)
    loan = window.loans_view.model.record_at(0)
    assert (loan.platform, loan.principal_fen, loan.purpose, loan.rate.as_entered()) == (
        "京东金条",
        800_000,
        LoanPurpose.MEDICAL,
        "0.03%",
    )


def test_keyboard_shortcuts_for_the_common_actions(window):
    commands = window.commands
    assert commands.new_loan.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert commands.log_repayment.shortcut() == QKeySequence("Ctrl+R")
    assert commands.import_file.shortcut() == QKeySequence("Ctrl+I")
    assert commands.find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert [action.shortcut().toString() for action in commands.pages] == [f"Ctrl+{n}" for n in range(1, 7)]


def test_find_goes_to_the_loans_and_focuses_the_search(window, qtbot):
    window.commands.find.trigger()
    assert window.current_page() is window.loans_view
    qtbot.waitUntil(lambda: window.loans_view.search.hasFocus())


def test_log_repayment_without_a_selection_says_what_to_do(window):
    window.commands.log_repayment.trigger()
    assert "Select a loan first" in window.statusBar().currentMessage()


def test_delete_asks_first_and_ctrl_z_brings_the_loan_back(window, workspace, monkeypatch):
    keep = workspace.ledger.add_loan(draft("借呗", external_id="JB-1")).created_id
    gone = workspace.ledger.add_loan(draft("微粒贷", external_id="WL-1")).created_id
    workspace.ledger.log_repayment(gone, paid_on=TODAY, amount_fen=30_000)
    window.show_page(LOANS)
    view = window.loans_view
    assert view.select_loan(gone)

    monkeypatch.setattr(actions_module, "confirm", lambda *args: False)
    window.commands.delete_loan.trigger()
    assert view.model.matching_count() == 2
    assert not window.undo_action.isEnabled()

    questions = []
    monkeypatch.setattr(actions_module, "confirm", lambda parent, title, text: questions.append(text) or True)
    window.commands.delete_loan.trigger()
    assert "微粒贷" in questions[0] and "Ctrl+Z" in questions[0]
    assert [view.model.record_at(row).loan_id for row in range(view.model.rowCount())] == [keep]
    assert window.undo_action.isEnabled()
    assert window.undo_action.text().startswith("&Undo delete the 微粒贷 loan")

    window.undo_action.trigger()
    assert view.model.matching_count() == 2
    restored = workspace.loans([gone])[0]
    assert (restored.external_id, restored.remaining_fen) == ("WL-1", workspace.loans([gone])[0].remaining_fen)
    assert [r.amount_fen for r in workspace.loan_detail(gone).repayments] == [30_000]
    window.redo_action.trigger()
    assert workspace.loans([gone]) == []


def test_a_file_dropped_on_the_window_goes_to_the_import(window, monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(feature_hooks, "open_import_wizard", lambda **kwargs: calls.append(kwargs["path"]))
    dropped = tmp_path / "loans.csv"
    dropped.write_text("platform\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    enter = QDragEnterEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(drop)
    assert calls == [Path(dropped)]
    window.commands.import_file.trigger()
    assert calls[-1] is None


def test_the_window_remembers_its_size_page_and_column_widths(make_window, workspace, window_state):
    first = make_window(workspace)
    first.resize(720, 540)  # within the offscreen screen (800×600), where restoreGeometry keeps a window
    first.show_page(PLATFORMS)
    first.loans_view.table.setColumnWidth(0, 222)
    size = first.size()
    first.close()
    again = make_window(workspace)
    assert again.current_page() is again.platforms_view
    assert again.size() == size
    assert again.loans_view.table.columnWidth(0) == 222
    assert window_state.value("window/page") is not None


def test_the_sample_window_says_so_and_offers_the_way_back(make_window, workspace, screenshot):
    window = make_window(workspace, sample=True)
    assert window.banner.isVisible()
    assert "sample data" in window.banner.text.text()
    assert "sample data" in window.windowTitle()
    assert window.commands.sample.text() == "Back to m&y data"
    back = []
    window.own_data_requested.connect(lambda: back.append(True))
    window.banner.back_button.click()
    window.commands.sample.trigger()
    assert back == [True, True]


def test_only_the_opening_page_is_built_before_the_first_frame_and_the_rest_right_after(
    qtbot, translations, window_state, demo_workspace, workspace
):
    window = MainWindow(workspace=workspace, translations=translations, state=window_state)
    qtbot.addWidget(window)
    assert [window.stack.is_built(page) for page in (DASHBOARD, LOANS, PLATFORMS, NOTES)] == [True, False, False, False]
    assert window.current_page() is window.dashboard
    window.show()
    qtbot.waitUntil(lambda: all(window.stack.is_built(page) for page in range(len(window.pages))))
    assert window.current_page() is window.dashboard  # built behind the page on screen, not shown
    window.wait_for_workers()


def test_a_page_built_after_a_change_shows_what_is_there_then(qtbot, translations, window_state, workspace):
    window = MainWindow(workspace=workspace, translations=translations, state=window_state)
    qtbot.addWidget(window)
    window.hub.run(lambda: workspace.ledger.add_loan(draft(platform="微粒贷")))
    assert not window.stack.is_built(LOANS)
    window.show()
    window.show_page(LOANS)
    qtbot.waitUntil(lambda: window.loans_view.model.rowCount() == 1)
    assert window.current_page() is window.loans_view
    window.wait_for_workers()
