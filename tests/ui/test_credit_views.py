"""Platforms & limits (kind, limit history, a new limit) and credit-report notes (add, edit, resolve, delete, undo)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jiebei_tracker.domain.vocabulary import NoteKind, PlatformKind
from jiebei_tracker.ui import actions as actions_module
from jiebei_tracker.ui.common import LIMIT_DOWN_COLOUR, LIMIT_UP_COLOUR
from jiebei_tracker.ui.dialogs.limit_dialog import LimitDialog
from jiebei_tracker.ui.dialogs.note_dialog import NoteDialog
from jiebei_tracker.ui.main_window import NOTES, PLATFORMS
from jiebei_tracker.ui.models.credit_models import NotesTableModel
from tests.conftest import TODAY
from tests.scenarios import draft
from tests.ui.conftest import exec_filling
from tests.ui.keyboard import type_text

FOREGROUND = 9  # Qt.ItemDataRole.ForegroundRole


@pytest.fixture
def limits(workspace):
    ledger = workspace.ledger
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 3, 1)))
    ledger.record_limit("借呗", recorded_on=date(2025, 1, 1), limit_fen=3_000_000)
    ledger.record_limit("借呗", recorded_on=date(2025, 9, 1), limit_fen=5_000_000)
    ledger.record_limit("借呗", recorded_on=date(2026, 10, 1), limit_fen=2_000_000)
    ledger.record_limit("招商银行", recorded_on=date(2026, 2, 1), limit_fen=10_000_000)


def test_platforms_show_kind_limit_and_last_change(limits, window, screenshot):
    view = window.show_page(PLATFORMS)
    rows = {view.model.index(r, 0).data(): [view.model.index(r, c).data() for c in range(4)] for r in range(2)}
    assert rows["借呗"] == ["借呗", "Internet platform", "¥20,000.00", "▼ −¥30,000.00 (2026-10-01)"]
    assert rows["招商银行"] == ["招商银行", "Bank", "¥100,000.00", "—"]
    view.choose("借呗")
    history = view.history_model
    assert [history.index(r, 2).data() for r in range(3)] == ["▼ −¥30,000.00", "▲ +¥20,000.00", "first record"]
    assert history.index(0, 2).data(FOREGROUND) == LIMIT_DOWN_COLOUR
    assert history.index(1, 2).data(FOREGROUND) == LIMIT_UP_COLOUR
    assert view.current.text() == "Credit limit now: ¥20,000.00"
    assert view.summary.text() == "Rises: 1 · cuts: 1"
    screenshot(window, "platforms-en")


def test_the_kind_of_a_platform_can_be_changed(limits, window, workspace):
    view = window.show_page(PLATFORMS)
    view.choose("招商银行")
    index = list(PlatformKind).index(PlatformKind.CONSUMER_FINANCE)
    view.kind.setCurrentIndex(index)
    view.kind.activated.emit(index)
    assert {p.name: p.kind for p in workspace.platforms()}["招商银行"] is PlatformKind.CONSUMER_FINANCE
    assert view.chosen_name() == "招商银行"
    assert view.model.index(view.model.row_of("招商银行"), 1).data() == "Consumer finance company"


def test_the_penalty_multiplier_of_a_platform_is_typed_and_kept(limits, window, workspace, qtbot):
    view = window.show_page(PLATFORMS)
    view.choose("借呗")
    assert view.penalty.value() == 1.5 and view.penalty.suffix() == " × the daily rate"
    view.penalty.setFocus()
    view.penalty.selectAll()
    QTest.keyClicks(view.penalty, "2")
    QTest.keyClick(view.penalty, Qt.Key.Key_Return)
    assert {p.name: p.penalty_multiplier for p in workspace.platforms()}["借呗"] == Decimal(2)
    view.choose("招商银行")
    assert view.penalty.value() == 1.5
    view.choose("借呗")
    assert view.penalty.value() == 2


def test_record_a_new_limit_for_the_chosen_platform(limits, window, workspace, monkeypatch):
    view = window.show_page(PLATFORMS)
    view.choose("借呗")
    seen = []

    def fill(dialog: LimitDialog) -> None:
        seen.append((dialog.platform.currentText(), dialog.previous.text()))
        dialog.amount.setText("25,000")

    monkeypatch.setattr(LimitDialog, "exec", exec_filling(fill))
    view.record_button.click()
    assert seen == [("借呗", "The last limit recorded here is ¥20,000.00.")]
    assert view.history_model.index(0, 2).data() == "▲ +¥5,000.00"
    assert view.history_model.index(0, 0).data() == TODAY.isoformat()


def test_a_limit_record_is_corrected_deleted_and_brought_back_from_the_history(limits, window, workspace, monkeypatch):
    view = window.show_page(PLATFORMS)
    view.choose("借呗")
    assert not view.edit_record_button.isEnabled() and not view.delete_record_button.isEnabled()
    view.history.selectRow(0)  # the cut of 2026-10-01, newest first
    assert view.edit_record_button.isEnabled()
    seen = []

    def correct(dialog: LimitDialog) -> None:
        seen.append((dialog.windowTitle(), dialog.platform.isEnabled(), dialog.amount.text()))
        dialog.amount.setText("25000")
        dialog.note.setText("客服说会再评估")

    monkeypatch.setattr(LimitDialog, "exec", exec_filling(correct))
    view.edit_record_button.click()
    assert seen == [("Correct a credit limit", False, "20000.00")]
    history = view.history_model
    assert [history.index(0, c).data() for c in range(4)] == [
        "2026-10-01",
        "¥25,000.00",
        "▼ −¥25,000.00",
        "客服说会再评估",
    ]
    monkeypatch.setattr(actions_module, "confirm", lambda *args: True)
    view.history.selectRow(0)
    view.delete_record_button.click()
    assert [r.limit_fen for r in workspace.platforms()[0].limits] == [3_000_000, 5_000_000]
    window.undo_action.trigger()
    assert [r.limit_fen for r in workspace.platforms()[0].limits] == [3_000_000, 5_000_000, 2_500_000]


def test_the_limit_dialog_refuses_a_bad_amount_by_the_field(qtbot):
    saved = []
    dialog = LimitDialog(platforms=["借呗"], today=TODAY, save=lambda *args: saved.append(args))
    qtbot.addWidget(dialog)
    dialog.platform.setCurrentText("")
    dialog.amount.setText("-5")
    dialog.submit()
    assert saved == []
    assert dialog.errors.message("limit") == "Enter the limit in yuan, zero or more, e.g. 50000."
    assert dialog.errors.message("platform") == "Name the platform."


def test_no_platforms_yet_says_how_they_appear(window):
    view = window.show_page(PLATFORMS)
    assert view.body.currentWidget() is view.empty
    assert "appears when you add a loan" in view.empty.text()


def test_notes_add_edit_resolve_delete_and_undo(window, workspace, monkeypatch, screenshot):
    view = window.show_page(NOTES)
    assert view.body.currentWidget() is view.empty

    def add(dialog: NoteDialog) -> None:
        dialog.kind.setCurrentIndex(list(NoteKind).index(NoteKind.INQUIRY))
        dialog.text.setPlainText("贷款审批查询 — 微粒贷")

    monkeypatch.setattr(NoteDialog, "exec", exec_filling(add))
    view.add_button.click()
    assert [view.model.index(0, c).data() for c in range(6)] == [
        TODAY.isoformat(),
        "Inquiry",
        "Loan approval",  # named in the text
        "贷款审批查询 — 微粒贷",
        "",  # an inquiry is a line on the report, never "open" nor "resolved"
        "",  # an inquiry never leaves the report early or late: only negative records say when
    ]

    view.table.selectRow(0)
    assert not view.resolve_button.isEnabled()  # nothing to settle on an inquiry

    def edit(dialog: NoteDialog) -> None:
        dialog.kind.setCurrentIndex(list(NoteKind).index(NoteKind.OVERDUE_RECORD))
        dialog.text.setPlainText("信用卡逾期 1 期")

    monkeypatch.setattr(NoteDialog, "exec", exec_filling(edit))
    view.edit_button.click()
    assert view.model.index(0, 1).data() == "Overdue record"
    assert view.model.index(0, NotesTableModel.STATUS).data() == "Open"
    assert view.resolve_button.text() == "Mark resolved" and view.resolve_button.isEnabled()
    view.resolve_button.click()
    assert view.model.index(0, NotesTableModel.STATUS).data() == f"Resolved on {TODAY.isoformat()}"
    assert view.resolve_button.text() == "Open again"
    view.show_resolved.setChecked(False)
    assert view.model.rowCount() == 0 and view.empty.text() == "Every note is resolved."
    view.show_resolved.setChecked(True)
    view.table.selectRow(0)
    view.resolve_button.click()
    assert view.model.index(0, NotesTableModel.STATUS).data() == "Open"
    screenshot(window, "notes-en")

    monkeypatch.setattr(actions_module, "confirm", lambda *args: True)
    view.table.selectRow(0)
    view.delete_button.click()
    assert workspace.notes() == []
    window.undo_action.trigger()
    assert [(n.kind, n.text) for n in workspace.notes()] == [(NoteKind.OVERDUE_RECORD, "信用卡逾期 1 期")]


def test_the_note_dialog_asks_what_the_report_shows(qtbot):
    saved = []
    dialog = NoteDialog(today=TODAY, save=lambda *args: saved.append(args))
    qtbot.addWidget(dialog)
    dialog.submit()
    assert saved == [] and dialog.errors.message("text") == "Say what the credit report shows."


def test_every_cut_in_the_history_shows_its_own_diagnosis(limits, window, workspace):
    workspace.ledger.record_limit("借呗", recorded_on=date(2025, 5, 1), limit_fen=2_000_000)  # an earlier cut
    view = window.show_page(PLATFORMS)
    view.choose("借呗")
    days = [view.history_model.record_at(row).recorded_on for row in range(view.history_model.rowCount())]
    assert days == [date(2026, 10, 1), date(2025, 9, 1), date(2025, 5, 1), date(2025, 1, 1)]
    view.history.selectRow(1)  # a rise: nothing to diagnose
    assert view.diagnosis.isHidden()
    view.history.selectRow(2)  # the cut of 2025-05-01, not only the latest one
    assert not view.diagnosis.isHidden()
    assert view.diagnosis.diagnosis().cut.cut_on == date(2025, 5, 1)
    assert "2025-05-01" in view.diagnosis.explanation_label.text()
    window.show_platform("借呗", date(2026, 10, 1))  # a ▼ clicked on the limits chart
    assert view.chosen_record().recorded_on == date(2026, 10, 1)
    assert view.diagnosis.diagnosis().cut.cut_on == date(2026, 10, 1) and not view.diagnosis.isHidden()


def test_the_notes_and_platforms_pages_search_as_the_user_types(limits, window, workspace, qtbot):
    for text, kind in (("招商银行 贷款审批查询", NoteKind.INQUIRY), ("信用卡逾期 1 期", NoteKind.OVERDUE_RECORD)):
        workspace.ledger.add_note(noted_on=date(2026, 5, 1), kind=kind, text=text)
    notes = window.show_page(NOTES)
    type_text(notes.search, "逾期")
    assert [notes.model.record_at(r).text for r in range(notes.model.rowCount())] == ["信用卡逾期 1 期"]
    notes.search.clear()
    type_text(notes.search, "inquiry 招商")  # the kind as shown, and words in any order
    assert [notes.model.record_at(r).text for r in range(notes.model.rowCount())] == ["招商银行 贷款审批查询"]
    type_text(notes.search, " 花呗")
    assert notes.model.rowCount() == 0 and notes.empty.text() == "No note matches “inquiry 招商 花呗”."
    platforms = window.show_page(PLATFORMS)
    type_text(platforms.search, "bank")
    assert [platforms.model.record_at(r).name for r in range(platforms.model.rowCount())] == ["招商银行"]
    assert platforms.chosen_name() == "招商银行"
