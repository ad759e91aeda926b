"""Printing from the window: the health report and a loan's schedule, laid out on the printer chosen — here a PDF
file, as Qt's print dialog offers it."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from jiebei_tracker.charts.report_images import REPORT_CHARTS
from jiebei_tracker.ui import printing
from tests.scenarios import draft


@pytest.fixture
def to_pdf(tmp_path, monkeypatch):
    """The print dialog answered with a PDF file; what was asked is recorded (None: the user cancels)."""
    asked = []
    target = tmp_path / "printed.pdf"

    def ask(parent, title):
        asked.append(title)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(printing, "ask_printer", ask)
    return target, asked


def _pdf_text_size(path) -> int:
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    return len(data)


def _pictures(page) -> list[str]:
    """The names of the pictures (image XObjects) drawn on a PDF page."""
    objects = page.get("/Resources", {}).get("/XObject", {})
    return [name for name, ref in objects.items() if ref.get_object().get("/Subtype") == "/Image"]


def test_the_health_report_prints(window, workspace, to_pdf):
    workspace.ledger.add_loan(draft("借呗", borrowed_on=date(2026, 6, 1)))  # overdue installments: a report to print
    target, asked = to_pdf
    window.commands.print_report.trigger()
    assert asked == ["Health report"] and _pdf_text_size(target) > 2_000
    pages = PdfReader(target).pages
    charts = [name for page in pages for name in _pictures(page)]
    assert len(charts) == len(REPORT_CHARTS)  # the charts are printed too, not only the words
    words = "".join(page.extract_text() for page in pages).split()
    assert words[words.index("Health") : words.index("Health") + 2] == ["Health", "score"]


def test_a_loans_schedule_prints_as_the_window_shows_it(window, workspace, to_pdf):
    loan_id = workspace.ledger.add_loan(draft("借呗", borrowed_on=date(2026, 6, 1))).created_id
    dialog = window.open_loan(loan_id)
    target, asked = to_pdf
    html = printing.table_html("t", "s", dialog.schedule_model)
    assert html.count("<tr>") == dialog.schedule_model.rowCount() + 1 and "2026-07-01" in html
    assert dialog.print_button.text() == "Print schedule…"
    dialog.print_button.click()
    assert asked == [dialog.windowTitle()] and _pdf_text_size(target) > 2_000


def test_cancelling_the_print_dialog_prints_nothing(window, monkeypatch, tmp_path):
    monkeypatch.setattr(printing, "ask_printer", lambda parent, title: None)
    assert window.print_health_report() is False
