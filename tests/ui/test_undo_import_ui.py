"""Undoing an import in the window: Edit ▸ Undo import (enabled while there is one, its tooltip naming the file; it
asks first, with what the import added) and the import wizard's "Undo this import" on its last page. The views
follow: the loans list empties."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.reading import ReadOptions
from jiebei_tracker.services.imports.service import ImportService, PastAnswer
from jiebei_tracker.ui import actions as actions_module
from jiebei_tracker.ui import import_undo as import_undo_module
from jiebei_tracker.ui.dialogs.import_wizard import ImportWizard
from jiebei_tracker.ui.main_window import LOANS
from tests.conftest import TODAY
from tests.importers.samples import loans_csv


def _import_loans(workspace, file_name: str = "loans.csv"):
    imports = ImportService(database=workspace.database, ledger=workspace.ledger, today=lambda: TODAY)
    plan = imports.plan(loans_csv().encode(), file_name=file_name, options=ReadOptions(kind=FileKind.LOANS))
    return imports.commit(plan, past=PastAnswer.UNPAID)


def _undo_import_in_edit_menu(window):
    (action,) = [a for a in window.commands.edit_menu.actions() if a.text() == "Undo &import…"]
    return action


def _answer(monkeypatch, answer: bool) -> list[str]:
    questions = []
    monkeypatch.setattr(actions_module, "confirm", lambda parent, title, text: questions.append(text) or answer)
    return questions


def test_edit_undo_import_asks_then_takes_the_loans_back(qtbot, make_window, workspace, monkeypatch):
    _import_loans(workspace)
    window = make_window(workspace)
    action = _undo_import_in_edit_menu(window)
    qtbot.waitUntil(action.isEnabled)  # looked up once the window is on screen
    assert "Take back the import of loans.csv" in action.statusTip() and "2 loans, 2 platforms" in action.toolTip()
    window.show_page(LOANS)
    model = window.loans_view.model
    qtbot.waitUntil(lambda: model.matching_count() == 2)

    questions = _answer(monkeypatch, False)
    action.trigger()
    assert "Undo the import of loans.csv" in questions[0] and "2 loans, 2 platforms" in questions[0]
    assert model.matching_count() == 2 and action.isEnabled()  # said no: nothing changed

    _answer(monkeypatch, True)
    action.trigger()
    qtbot.waitUntil(lambda: model.matching_count() == 0)
    assert workspace.loans() == [] and workspace.platforms() == []
    assert not action.isEnabled() and action.statusTip() == "There is no import to undo."
    assert window.statusBar().currentMessage() == "Import of loans.csv undone: 2 loans, 2 platforms removed."


def test_an_import_made_while_the_window_is_open_can_be_undone_and_a_refusal_is_shown(
    qtbot, window, workspace, monkeypatch
):
    action = _undo_import_in_edit_menu(window)
    qtbot.waitUntil(lambda: window.import_undo.latest is None and not action.isEnabled())
    window.hub.announce(_import_loans(workspace, "我的借款.csv"))  # as the wizard's end announces it
    assert action.isEnabled() and "我的借款.csv" in action.statusTip()
    loan_id = next(s.loan_id for s in workspace.loans() if s.external_id == "JB-1")
    workspace.ledger.log_repayment(loan_id, paid_on=TODAY, amount_fen=10_000)
    warnings = []
    monkeypatch.setattr(import_undo_module, "message_box", lambda parent, icon, title, text: warnings.append(text))
    _answer(monkeypatch, True)
    action.trigger()
    assert warnings[0].startswith("The import of 我的借款.csv cannot be undone: loan #")
    assert "delete that repayment first" in warnings[0]
    assert len(workspace.loans()) == 2 and action.isEnabled()


def _wait_for_work(qtbot, wizard, action) -> None:
    with qtbot.waitSignal(wizard.work_finished, timeout=20_000):
        action()


def test_the_wizard_offers_undo_on_its_last_page(qtbot, window, workspace, tmp_path, monkeypatch):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(), encoding="utf-8")
    imports = ImportService(database=workspace.database, ledger=workspace.ledger, today=lambda: TODAY)
    wizard = ImportWizard(imports=imports, path=path, parent=window, undo_import=window.import_undo.undo_by_id)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.undo_import_button.isVisible()
    wizard.next_button.click()  # file → columns
    _wait_for_work(qtbot, wizard, wizard.next_button.click)  # columns → check
    wizard.check_page.past.unpaid.click()
    assert not wizard.undo_import_button.isVisible()
    _wait_for_work(qtbot, wizard, wizard.import_button.click)
    assert wizard.summary_page.heading.text() == "Import finished"
    assert wizard.undo_import_button.isVisible() and wizard.undo_import_button.text() == "Undo this import"
    assert len(workspace.loans()) == 2

    questions = _answer(monkeypatch, True)
    qtbot.mouseClick(wizard.undo_import_button, Qt.MouseButton.LeftButton)

    assert "Undo the import of loans.csv" in questions[0]
    assert workspace.loans() == []
    assert wizard.summary_page.heading.text() == "Import undone"
    assert not wizard.undo_import_button.isVisible()
    assert wizard.changes is not None and wizard.changes.loans_added_or_removed
    window.show_page(LOANS)
    qtbot.waitUntil(lambda: window.loans_view.model.matching_count() == 0)
    assert not _undo_import_in_edit_menu(window).isEnabled()


def test_a_wizard_without_undo_shows_no_button(qtbot, workspace, tmp_path):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(), encoding="utf-8")
    imports = ImportService(database=workspace.database, ledger=workspace.ledger, today=lambda: TODAY)
    wizard = ImportWizard(imports=imports, path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next_button.click()
    _wait_for_work(qtbot, wizard, wizard.next_button.click)
    wizard.check_page.past.unpaid.click()
    _wait_for_work(qtbot, wizard, wizard.import_button.click)
    assert wizard.summary_page.heading.text() == "Import finished"
    assert not wizard.undo_import_button.isVisible()
