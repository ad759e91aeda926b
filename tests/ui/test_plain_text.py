"""Names, notes, loan numbers and file names are shown as typed, never as rich text: Qt renders a label's text as
HTML when a tag comes before its first line break, so a platform named ``<b>借呗</b><img src=x>`` from an imported
file would show bold with a picture. The hostile texts are written straight into the database file, as an older
version (or another program) may have left them."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from jiebei_tracker.domain.vocabulary import NoteKind
from jiebei_tracker.qt_text import plain_tooltip
from jiebei_tracker.services.series.data import ChartKind
from jiebei_tracker.ui.main_window import CHARTS, DASHBOARD, LOANS, NOTES, PLATFORMS
from jiebei_tracker.ui.views.charts_view import ChartsView, DashboardCharts
from jiebei_tracker.ui.views.deferred import Deferred
from tests.conftest import TODAY
from tests.scenarios import draft

NAME = "<b>借呗</b><img src=x>"
NOTE = "<i>x</i>"
LOAN_NUMBER = "<u>JB-1</u>"
HOSTILE = (NAME, NOTE, LOAN_NUMBER)
ESCAPED_NAME = "&lt;b&gt;借呗&lt;/b&gt;&lt;img src=x&gt;"


@pytest.fixture
def hostile(workspace, database):
    """One overdue 借呗 loan not on autopay, a repayment, a limit cut and a credit-report note — then the platform
    renamed to NAME, the notes set to NOTE and the loan number to LOAN_NUMBER with plain SQL."""
    ledger = workspace.ledger
    loan_id = ledger.add_loan(draft("借呗", borrowed_on=date(2026, 9, 20), note="n", external_id="JB-1")).created_id
    ledger.log_repayment(loan_id, paid_on=date(2026, 10, 25), amount_fen=1_000, note="r")
    ledger.add_note(noted_on=date(2026, 6, 1), kind=NoteKind.GUARANTEE, text="t")
    ledger.record_limit("借呗", recorded_on=date(2026, 1, 1), limit_fen=5_000_000)
    ledger.record_limit("借呗", recorded_on=date(2026, 11, 25), limit_fen=2_000_000)
    with sqlite3.connect(database.path) as connection:
        connection.execute("UPDATE platform SET name = ?", (NAME,))
        connection.execute("UPDATE loan SET note = ?, external_id = ?", (NOTE, LOAN_NUMBER))
        connection.execute("UPDATE repayment SET note = ?", (NOTE,))
        connection.execute("UPDATE creditreportnote SET text = ?", (NOTE,))
    connection.close()
    return loan_id


def _showing_user_text(text: str) -> bool:
    return any(hostile in text for hostile in HOSTILE)


def _labels_with_user_text(widgets) -> list[QLabel]:
    return [label for widget in widgets for label in widget.findChildren(QLabel) if _showing_user_text(label.text())]


def _rich(label: QLabel) -> list[str]:
    """What is wrong with a label that holds the hostile texts: empty when it shows them as typed."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return []
    return [f"{type(label.parentWidget()).__name__}.{type(label).__name__} {label.textFormat()}: {label.text()!r}"]


def _open_everything(window, qtbot, loan_id: int):
    """Every page built and shown once (the platform and the note chosen), the health panel's check in, the loan's
    window open."""
    for page in (LOANS, PLATFORMS, NOTES, CHARTS, DASHBOARD):
        window.show_page(page)
        for deferred in window.findChildren(Deferred):
            deferred.build_now()
    window.platforms_view.choose(NAME)
    window.notes_view.choose(1)
    panel = window.health_panel
    qtbot.waitUntil(panel.status.isHidden, timeout=20_000)  # hidden once a check is shown
    return window.open_loan(loan_id)


def test_every_label_showing_a_name_a_note_or_a_loan_number_shows_it_as_typed(hostile, workspace, make_window, qtbot):
    window = make_window(workspace)
    detail = _open_everything(window, qtbot, hostile)
    labels = _labels_with_user_text([window])
    problems = [problem for label in labels for problem in _rich(label)]
    assert problems == []
    # The health panel's evidence, recovery and autopay rows, and the flag cards, name the platform; the test
    # looks at them all.
    assert len(labels) >= 6
    shown = {type(label.parentWidget()).__name__ for label in labels}
    assert {"FlagCard", "RecoveryChecklistWidget", "ChecklistRow", "AutopayRow"} <= shown
    # Labels with markup of their own escape the user's text instead.
    heading = window.platforms_view.name
    assert heading.textFormat() == Qt.TextFormat.RichText and ESCAPED_NAME in heading.text()
    summary = detail.summary
    assert summary.textFormat() == Qt.TextFormat.RichText
    assert ESCAPED_NAME in summary.text() and "&lt;i&gt;x&lt;/i&gt;" in summary.text()


def test_tooltips_show_names_and_notes_as_typed(hostile, workspace, make_window, qtbot):
    window = make_window(workspace)
    _open_everything(window, qtbot, hostile)
    raw = [
        f"{type(widget).__name__}: {widget.toolTip()!r}"
        for widget in QApplication.allWidgets()
        if shiboken6.isValid(widget) and _showing_user_text(widget.toolTip())  # one a test before let go may be gone
    ]
    assert raw == []
    model = window.loans_view.model
    note_tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert note_tip == plain_tooltip(NOTE) and "&lt;i&gt;x&lt;/i&gt;" in note_tip


def test_the_overdue_list_s_tooltips_escape_the_platform(hostile, workspace, qtbot):
    from jiebei_tracker.services.health.reminders import pending_reminders
    from jiebei_tracker.ui.views.health import OverdueDuesWidget

    widget = OverdueDuesWidget(load=lambda: pending_reminders(workspace.database, as_of=TODAY, lead_days=14))
    qtbot.addWidget(widget)
    widget.reload()
    assert widget.buttons, "the 借呗 loan has overdue installments"
    for row, button in enumerate(widget.buttons):
        assert ESCAPED_NAME in button.toolTip() and NAME not in button.toolTip()
        tip = widget.model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
        assert ESCAPED_NAME in tip and NAME not in tip


def test_the_question_before_deleting_shows_the_platform_as_typed(hostile, workspace, make_window, monkeypatch):
    window = make_window(workspace)
    asked = []

    def answer_no(box):
        asked.append((box.text(), box.textFormat()))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", answer_no)
    assert window.actions.delete_loan(hostile) is False
    [(text, text_format)] = asked
    assert NAME in text and text_format == Qt.TextFormat.PlainText
    assert workspace.loans([hostile])  # "No" kept it


def test_the_charts_name_the_platform_as_typed(hostile, workspace, qtbot):
    charts = ChartsView(workspace=workspace)
    qtbot.addWidget(charts)
    charts.resize(1400, 1000)
    charts.show()
    readout = charts.charts[ChartKind.BALANCE].show_readout_at(TODAY)
    assert NAME in readout
    assert charts.charts[ChartKind.BALANCE].readout.textFormat() == Qt.TextFormat.PlainText
    small = DashboardCharts(workspace=workspace, kinds=(ChartKind.LIMITS, ChartKind.BALANCE))
    qtbot.addWidget(small)
    small.show()
    limits = small.charts[ChartKind.LIMITS]
    assert NAME in limits.title_label.text() and limits.title_label.textFormat() == Qt.TextFormat.PlainText
    balance = small.charts[ChartKind.BALANCE]
    text = balance.show_readout_at(TODAY)
    assert NAME in text
    tip = balance.graphics.toolTip()
    assert NAME not in tip and ESCAPED_NAME in tip


def test_the_import_wizard_shows_the_file_name_and_its_cells_as_typed(workspace, qtbot, tmp_path):
    from jiebei_tracker.services.imports.service import ImportService
    from jiebei_tracker.ui.dialogs.import_wizard import ImportWizard
    from tests.importers.samples import loans_csv

    path = tmp_path / "<img src=x>.csv"  # a file name may hold markup too (no slash)
    path.write_text(
        loans_csv(f"JB-1,{NAME},2024-03-05,12000,12,等额本息,9.12%,,,{NOTE}", f"JB-2,{NAME},2024-02-30,1,1,,,,,")
    )
    imports = ImportService(database=workspace.database, ledger=workspace.ledger, today=lambda: TODAY)
    wizard = ImportWizard(imports=imports, path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    seen: list[QLabel] = []

    def look() -> None:
        labels = [
            label for label in wizard.findChildren(QLabel) if "<img src=x>" in label.text() or NAME in label.text()
        ]
        assert [problem for label in labels for problem in _rich(label)] == []
        seen.extend(labels)

    look()
    assert wizard.file_page.path_label in seen
    wizard.next_button.click()  # file → columns
    look()
    with qtbot.waitSignal(wizard.work_finished, timeout=20_000):
        wizard.next_button.click()  # columns → check, where the bad row's problem quotes the file
    assert wizard.pages.currentWidget() is wizard.check_page
    assert NAME in wizard.check_page.model.index(1, 1).data()  # the preview's cells are plain text anyway
    look()
    assert "<img src=x>.csv" in wizard.check_page.errors.toPlainText()
