"""Import credit report…: the report's text pasted here, or its file (text, or a PDF with a text layer) opened, is
read at once and what it would add is listed — its inquiries with their reason, its overdue accounts — before
anything is saved. The file is only read, never copied."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QListWidget, QPushButton, QWidget

from jiebei_tracker.domain.errors import FileProblem, InvalidValue
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.imports import credit_report
from jiebei_tracker.services.imports.credit_report import ReportPlan
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.dialogs.forms import FormDialog, make_room
from jiebei_tracker.ui.refusal_text import reason_text


class CreditReportDialog(FormDialog):
    """``read(path=…)`` or ``read(text=…)`` gives the plan (or raises what is wrong); ``save(plan)`` writes it."""

    def __init__(
        self,
        *,
        read: Callable[..., ReportPlan],
        save: Callable[[ReportPlan], Changes],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._read, self._save = read, save
        self.plan: ReportPlan | None = None
        self.setWindowTitle(self.tr("Import credit report"))
        heading = QLabel(
            self.tr(
                "Open your credit report (个人信用报告, from the credit reference center's website or your bank's "
                "app) as a text file or a PDF with text, or paste its text below. Its inquiries (机构查询记录明细, "
                "本人查询记录明细) become notes with their reason, and the accounts it shows overdue become overdue "
                "records. Nothing of the report leaves your computer, and the file is not copied."
            )
        )
        heading.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open a file…"))
        self.open_button.clicked.connect(self.open_file)
        self.file_label = QLabel()
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.open_button)
        row_layout.addWidget(self.file_label, 1)
        self.text = self.text_field()
        self.text.setPlaceholderText(self.tr("…or paste the report's text here"))
        self.text.setMinimumHeight(140)
        self.errors.add_row("file", self.tr("File"), row)
        self.errors.add_row("report", self.tr("Report text"), self.text)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.found = QListWidget()
        self.found.setObjectName("report_notes")
        self.found.setMinimumHeight(160)
        self.text.textChanged.connect(self._text_changed)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Import"))
        self.lay_out(above=[heading], below=[self.outcome, self.found], minimum_width=640)
        self._show(None)

    @classmethod
    def ask_for(cls, *, workspace: Workspace, run: Callable[[Callable[[], Changes]], Changes], parent=None):
        """The dialog over ``workspace``'s records; ``run`` makes the write (the window's hub, so every view hears
        of it). The Changes of the import, or None."""

        def read(**source) -> ReportPlan:
            name, report = credit_report.read_report(**source)
            return credit_report.plan(workspace.database, name, report, today=workspace.today())

        return cls.ask(
            read=read,
            save=lambda plan: run(lambda: credit_report.commit(workspace.ledger, plan)),
            parent=parent,
        )

    def open_file(self, path: str | None = None) -> None:
        """Read the report in ``path`` (asked for when not given)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Open credit report"),
                str(Path.home()),
                self.tr("Credit report (*.pdf *.txt);;All files (*)"),
            )
            if not path:
                return
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.file_label.setText(Path(path).name)
        self._ask(lambda: self._read(path=path), "file")

    def _text_changed(self) -> None:
        self.file_label.clear()
        text = self.text.toPlainText()
        if text.strip():
            self._ask(lambda: self._read(text=text), "report")
        else:
            self.errors.clear()
            self._show(None)

    def _ask(self, read: Callable[[], ReportPlan], field: str) -> None:
        self.errors.clear()
        try:
            plan = read()
        except (InvalidValue, FileProblem) as problem:
            self.errors.set(field, str(problem) if isinstance(problem, FileProblem) else _said(problem))
            self._show(None)
            return
        self._show(plan)

    def _show(self, plan: ReportPlan | None) -> None:
        self.plan = plan
        self.found.clear()
        self.found.setVisible(bool(plan and plan.new))
        if plan is None:
            self.outcome.setText(self.tr("What the report adds shows here before anything is saved."))
            return
        report = plan.report
        language = display_language()
        for entry in plan.new:
            kind = entry.kind.label(language)
            reason = f" · {entry.reason.label(language)}" if entry.reason else ""
            self.found.addItem(f"{entry.noted_on.isoformat()}  {kind}{reason}  {entry.text}")
        said = self.tr("Read: {inquiries} inquiries and {overdue} accounts with overdue months.").format(
            inquiries=len(report.inquiries), overdue=len(report.overdue)
        )
        if report.report_date is not None:
            said = self.tr("Report of {day}.").format(day=report.report_date.isoformat()) + " " + said
        new = self.tr("{count} new notes to import.").format(count=len(plan.new)) if plan.new else ""
        known = (
            self.tr("{count} recorded already: left as they are.").format(count=plan.already) if plan.already else ""
        )
        self.outcome.setText(" ".join(part for part in (said, new, known) if part))
        make_room(self.outcome)

    def submit(self) -> None:
        if self.plan is None:
            if not self.errors.any():
                self.errors.set("report", self.tr("Open the report's file or paste its text first."))
            return
        if not self.plan.new:
            self.errors.set("report", self.tr("Everything in this report is recorded already."))
            return
        try:
            self.saved_changes = self._save(self.plan)
        except InvalidValue as error:
            self.errors.set("report", reason_text(error.reason))
            return
        self.accept()


def _said(problem: InvalidValue) -> str:
    """Where and what: ``pasted text:42: 'x': no date`` as ``Line 42: no date (x)``-like plain words."""
    reason = reason_text(problem.reason)
    return f"{problem.field}: {reason}" + (f" ({problem.value})" if problem.value not in (None, "") else "")
