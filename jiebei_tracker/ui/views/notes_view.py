"""Credit report notes (征信): what the user's credit report shows — list, add, edit, mark resolved, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.vocabulary import NoteKind
from jiebei_tracker.qt_text import display_language, plain_label
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.credit import NoteRecord, ReportSummary, report_summary
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import icon, record_table, search_box
from jiebei_tracker.ui.credit_actions import CreditActions
from jiebei_tracker.ui.models.credit_models import NotesTableModel
from jiebei_tracker.ui.views.page import Page


class CreditReportPanel(QGroupBox):
    """The credit report as lenders read it: hard inquiries in the report's own windows, the negative records
    with the day each drops off, the inquiries whose reason is missing, and what to do (策略 3(2))."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: ReportSummary | None = None
        self.inquiries = QLabel()
        self.inquiries.setWordWrap(True)
        self.negatives = plain_label()  # quotes the notes as typed
        self.negatives.setWordWrap(True)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #d98200;")
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        layout = QVBoxLayout(self)
        for label in (self.inquiries, self.negatives, self.missing, self.advice):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)

    def set_summary(self, summary: ReportSummary) -> None:
        self.summary = summary
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Your credit report as lenders read it"))
        self.advice.setText(
            self.tr(
                "What to do (策略 3(2)): apply for credit only when you need it — every loan or card application "
                "stays on the report, and lenders count them over the last 3 and 6 months. Settle anything overdue "
                "as soon as you can: a negative record leaves the report five years after it is settled."
            )
        )
        summary = self.summary
        if summary is None:
            return
        counts = dict(summary.hard_inquiries)
        self.inquiries.setText(
            self.tr(
                "Hard inquiries (loan and card applications, guarantee checks): last month {one}, last 3 months "
                "{three}, last 6 months {six}."
            ).format(one=counts.get(1, 0), three=counts.get(3, 0), six=counts.get(6, 0))
        )
        language = display_language()
        lines = []
        for note in summary.negatives:
            kind = note.kind.label(language)
            if note.drops_off_on is None:
                lines.append(
                    self.tr(
                        "• {kind} of {day}, unresolved: it leaves the report five years after you settle it"
                    ).format(kind=kind, day=note.noted_on.isoformat())
                )
            else:
                lines.append(
                    self.tr("• {kind} of {day}, resolved: it leaves the report on {gone}").format(
                        kind=kind, day=note.noted_on.isoformat(), gone=note.drops_off_on.isoformat()
                    )
                )
        self.negatives.setText(
            self.tr("Negative records on the report:") + "\n" + "\n".join(lines)
            if lines
            else self.tr("No negative record on the report.")
        )
        self.missing.setText(
            self.tr(
                "Reason not known for {count} of the inquiries: double-click each to set it (only loan and card "
                "applications and guarantee checks count)."
            ).format(count=summary.unknown_reasons)
            if summary.unknown_reasons
            else ""
        )
        self.missing.setVisible(bool(summary.unknown_reasons))


class NotesView(Page):
    """The notes table with its buttons; resolved notes can be hidden."""

    def __init__(self, *, workspace: Workspace, actions: CreditActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._actions = actions
        self.model = NotesTableModel(self)
        self.table = record_table(self.model, "notes_table")
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setObjectName("notes_table_header")
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(self._enable_buttons)
        self.add_button = QPushButton(icon("new-loan"), "")
        self.add_button.clicked.connect(actions.add_note)
        self.import_button = QPushButton(icon("import"), "")
        self.import_button.clicked.connect(actions.import_credit_report)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit)
        self.resolve_button = QPushButton()
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.delete_button = QPushButton(icon("delete"), "")
        self.delete_button.clicked.connect(self.delete)
        self.show_resolved = QCheckBox()
        self.show_resolved.setChecked(True)
        self.show_resolved.toggled.connect(self.reload)
        self.search = search_box("notes_search", self.reload)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.report_panel = CreditReportPanel()
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        bar = QHBoxLayout()
        for button in (self.add_button, self.import_button, self.edit_button, self.resolve_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.search)
        bar.addWidget(self.show_resolved)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.report_panel)
        layout.addLayout(bar)
        layout.addWidget(self.body, 1)
        self.retranslate_ui()

    def concerns(self, changes: Changes) -> bool:
        return changes.notes

    def reload(self) -> None:
        chosen = self.chosen()
        notes = self._workspace.notes()
        shown = notes if self.show_resolved.isChecked() else [note for note in notes if not note.resolved]
        words = self.search.text().strip()
        if words:
            shown = [note for note in shown if self.model.matches(note, words)]
        self.model.set_records(shown)
        today = self._workspace.today()
        self.report_panel.set_summary(report_summary(self._workspace.session.book().notes, today))
        self.body.setCurrentWidget(self.table if shown else self.empty)
        self.empty.setText(
            self.tr("No note matches “{words}”.").format(words=words)
            if notes and words
            else self.tr("Every note is resolved.")
            if notes
            else self.tr(
                "No notes yet. Copy here what your credit report (征信报告) shows: inquiries by lenders, overdue "
                "records, guarantees, bad debts. Get the report from the PBOC credit reference center or your "
                "bank's app."
            )
        )
        if chosen is not None:
            self.choose(chosen.note_id)
        self.table.resizeRowsToContents()
        self._enable_buttons()

    def chosen(self) -> NoteRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def choose(self, note_id: int) -> bool:
        row = self.model.row_of(note_id)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def edit(self) -> None:
        note = self.chosen()
        if note is not None:
            self._actions.edit_note(note.note_id)

    def toggle_resolved(self) -> None:
        note = self.chosen()
        if note is not None:
            self._actions.toggle_resolved(note.note_id, resolved=note.resolved)

    def delete(self) -> None:
        note = self.chosen()
        if note is not None:
            self._actions.delete_note(note.note_id, text=note.text)

    def _enable_buttons(self, *_args) -> None:
        note = self.chosen()
        for button in (self.edit_button, self.resolve_button, self.delete_button):
            button.setEnabled(note is not None)
        if note is not None and note.kind is NoteKind.INQUIRY and not note.resolved:
            self.resolve_button.setEnabled(False)  # an inquiry stays on the report: there is nothing to settle
        self.resolve_button.setText(
            self.tr("Open again") if note is not None and note.resolved else self.tr("Mark resolved")
        )
        self.resolve_button.setToolTip(
            self.tr("Count the selected note as still open")
            if note is not None and note.resolved
            else self.tr("Mark the selected note as settled (an inquiry cannot be: it stays on the report)")
        )

    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "Lenders read your credit report. Keep its lines here: applications for credit (loan and card "
                "approvals, guarantee checks) count towards “credit on many platforms” over the last months, and "
                "overdue, guarantee and bad-debt records weigh on your limits until five years after they are "
                "settled."
            )
        )
        self.add_button.setText(self.tr("New note…"))
        self.add_button.setToolTip(self.tr("Write down a line of your credit report: an inquiry, an overdue record…"))
        self.import_button.setText(self.tr("Import credit report…"))
        self.import_button.setToolTip(
            self.tr(
                "Read the inquiries and overdue accounts of your credit report (个人信用报告): a text file, a PDF "
                "with text, or its text pasted"
            )
        )
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Change the selected note (or double-click it)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected note (Ctrl+Z brings it back)"))
        self.show_resolved.setText(self.tr("Show resolved notes"))
        self.show_resolved.setToolTip(self.tr("Untick it to list only the notes still open"))
        self.search.setPlaceholderText(self.tr("Search notes"))
        self.search.setAccessibleName(self.search.placeholderText())
        self.table.setAccessibleName(self.tr("Credit report notes"))
        self.search.setToolTip(self.tr("Show only the notes that hold what you type"))
        self.table.setAccessibleDescription(
            self.tr("The lines of your credit report you wrote down, one a row; a double-click edits one")
        )
        self.model.retranslate()
        self.report_panel.retranslate_ui()
        self._enable_buttons()
        if not self._stale:
            self.reload()
