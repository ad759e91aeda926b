"""The credit report on the notes page: Import credit report… reads a pasted report (or its file) and lists what it
adds before saving; the panel counts the hard inquiries of the report's windows, gives each negative record's
drop-off date, and asks for the reasons that are missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from jiebei_tracker.domain.vocabulary import InquiryReason, NoteKind
from jiebei_tracker.ui.dialogs.credit_report_dialog import CreditReportDialog
from jiebei_tracker.ui.main_window import NOTES
from tests.ui.conftest import exec_filling

REPORTS = Path(__file__).parent.parent / "importers" / "credit_report"


def _notes_page(window):
    window.show_page(NOTES)
    return window.notes_view


def test_a_pasted_report_is_listed_then_imported_and_the_panel_counts_it(qtbot, window, workspace, monkeypatch):
    view = _notes_page(window)
    assert "last month 0, last 3 months 0, last 6 months 0" in view.report_panel.inquiries.text()
    text = (REPORTS / "summary_version.txt").read_text(encoding="utf-8")
    shown = {}

    def paste(dialog: CreditReportDialog) -> None:
        dialog.text.setPlainText(text)
        shown["outcome"] = dialog.outcome.text()
        shown["rows"] = [dialog.found.item(row).text() for row in range(dialog.found.count())]

    monkeypatch.setattr(CreditReportDialog, "exec", exec_filling(paste))
    view.import_button.click()
    assert shown["outcome"].startswith("Report of 2024-03-05. Read:")
    assert any("Post-loan management" in row for row in shown["rows"])
    records = workspace.notes()
    assert len(records) == len(shown["rows"])
    assert view.model.rowCount() == len(records)  # the page heard of the import
    overdue = [n for n in records if n.kind is NoteKind.OVERDUE_RECORD]
    assert (
        overdue
        and "unresolved: it leaves the report five years after you settle it" in view.report_panel.negatives.text()
    )


def test_a_text_that_is_not_a_report_is_refused_and_nothing_is_saved(qtbot, workspace):
    saved = []
    dialog = CreditReportDialog(read=_read(workspace), save=saved.append)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("这不是征信报告")
    assert "个人信用报告" in dialog.errors.message("report")
    dialog.submit()
    assert saved == [] and dialog.result() == 0


def test_a_report_file_is_read_where_it_is(qtbot, workspace, tmp_path):
    dialog = CreditReportDialog(read=_read(workspace), save=lambda plan: None)
    qtbot.addWidget(dialog)
    dialog.open_file(str(REPORTS / "full_version_pages.txt"))
    assert dialog.file_label.text() == "full_version_pages.txt"
    assert dialog.plan is not None and dialog.plan.inquiries == 9
    assert dialog.found.count() == len(dialog.plan.new)


def _read(workspace):
    from jiebei_tracker.services.imports import credit_report

    def read(**source):
        name, report = credit_report.read_report(**source)
        return credit_report.plan(workspace.database, name, report, today=workspace.today())

    return read


def test_the_panel_gives_drop_off_dates_and_asks_for_missing_reasons(qtbot, window, workspace, translations):
    ledger = workspace.ledger
    note = ledger.add_note(noted_on=date(2023, 5, 1), kind=NoteKind.OVERDUE_RECORD, text="信用卡逾期 1 个月")
    ledger.resolve_note(note.created_id, resolved_on=date(2023, 6, 30))
    ledger.add_note(noted_on=date(2026, 11, 2), kind=NoteKind.INQUIRY, text="某机构")  # no reason named
    ledger.add_note(noted_on=date(2026, 11, 3), kind=NoteKind.INQUIRY, text="x", reason=InquiryReason.CARD_APPROVAL)
    view = _notes_page(window)
    view.refresh()
    panel = view.report_panel
    assert "last month 1, last 3 months 1, last 6 months 1" in panel.inquiries.text()
    assert "Overdue record of 2023-05-01, resolved: it leaves the report on 2028-06-30" in panel.negatives.text()
    assert panel.missing.isVisible() and panel.missing.text().startswith("Reason not known for 1 of the inquiries")
    reasons = [view.model.index(row, view.model.REASON).data() for row in range(view.model.rowCount())]
    assert "Not known: set it" in reasons and "Credit card approval" in reasons

    translations.apply("zh_CN")
    QApplication.processEvents()
    assert panel.title() == "放贷机构眼中的征信报告"
    assert "2028-06-30" in panel.negatives.text() and "移出征信" in panel.negatives.text()
