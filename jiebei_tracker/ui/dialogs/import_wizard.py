"""The import wizard: a file in (loans, repayments, limits, notes or an Alipay statement), checked and shown
before anything is written, then written in one go on a worker thread — or not at all.

For the main window (menu, Ctrl+I, a file dropped on it)::

    changes = ImportWizard.ask(imports=ImportService(database=..., ledger=..., today=...), path=dropped, parent=self)
    if changes is not None:
        hub.changed.emit(changes)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.imports.service import ImportFailure, ImportService, ReadOptions
from jiebei_tracker.ui.dialogs.import_alipay_page import AlipayPage
from jiebei_tracker.ui.dialogs.import_alipay_steps import AlipaySteps
from jiebei_tracker.ui.dialogs.import_csv_steps import CsvSteps
from jiebei_tracker.ui.dialogs.import_pages import (
    ALIPAY,
    CheckPage,
    ColumnsPage,
    FilePage,
    ProgressPage,
    SummaryPage,
)
from jiebei_tracker.ui.dialogs.import_worker import ImportWorker
from jiebei_tracker.ui.refusal_text import problem_text


class ImportWizard(QDialog):
    """Pages: file → columns → check → progress → summary, or file → Alipay rows → progress → summary.
    ``changes`` holds what was written (None until something is)."""

    imported = Signal(object)
    """Emitted with the Changes once an import has been written."""
    work_finished = Signal()
    """Emitted when a worker thread's job has ended, whatever the outcome (tests wait on it)."""

    def __init__(
        self,
        *,
        imports: ImportService,
        path: str | Path | None = None,
        parent: QWidget | None = None,
        undo_import: Callable[[int, QWidget], Changes | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.imports = imports
        self.changes: Changes | None = None
        # What "Undo this import" calls with the import's number (asks, undoes, returns the Changes or None).
        self.undo_import = undo_import
        self.import_id: int | None = None  # the import written, while it can be undone from here
        self.path: Path | None = None  # the file, read from disk a line at a time whenever it is needed
        self.file_name = ""
        self.worker: ImportWorker | None = None
        self.preview = None  # the service's Preview of the file as the file page reads it
        self.setWindowTitle(self.tr("Import"))
        self.file_page = FilePage()
        self.columns_page = ColumnsPage()
        self.check_page = CheckPage()
        self.alipay_page = AlipayPage()
        self.progress_page = ProgressPage()
        self.summary_page = SummaryPage()
        self.pages = QStackedWidget()
        for page in (
            self.file_page,
            self.columns_page,
            self.check_page,
            self.alipay_page,
            self.progress_page,
            self.summary_page,
        ):
            self.pages.addWidget(page)
        self.back_button = QPushButton(self.tr("< Back"))
        self.next_button = QPushButton(self.tr("Next >"))
        self.import_button = QPushButton(self.tr("Import"))
        self.undo_import_button = QPushButton(self.tr("Undo this import"))
        self.buttons = QDialogButtonBox()
        for button in (self.back_button, self.next_button, self.import_button, self.undo_import_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.import_button.clicked.connect(self.start_import)
        self.undo_import_button.clicked.connect(self.undo_this_import)
        self.close_button.clicked.connect(self.reject)
        self.back_button.setToolTip(self.tr("Go back to the step before"))
        self.next_button.setToolTip(self.tr("Go on to the next step (nothing is written yet)"))
        self.import_button.setToolTip(self.tr("Write these rows into your data (the import can be undone)"))
        self.undo_import_button.setToolTip(self.tr("Take back everything this import wrote"))
        self.step_label = QLabel()  # where the user is: "Step 2 of 3: say what each column is"
        self.step_label.setStyleSheet("font-weight: bold;")
        self.pages.currentChanged.connect(self._show_step)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._show_step()
        self.csv = CsvSteps(self)
        self.alipay = AlipaySteps(self)
        self.file_page.choose_requested.connect(self.choose_file)
        self.file_page.settings_changed.connect(self.refresh_preview)
        self.progress_page.cancel_requested.connect(self.cancel_work)
        self.resize(980, 640)
        if path is not None:
            self.open_file(path)
        self.update_buttons()

    # -- the file -------------------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a file to import"),
            "",
            self.tr("CSV and text files (*.csv *.txt *.tsv);;All files (*)"),
        )
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> None:
        path = Path(path)
        self.file_page.path_label.setText(str(path))
        try:
            path.open("rb").close()
        except OSError as error:
            self.path = None
            self.file_page.show_status(
                self.tr("Cannot read {path}: {reason}").format(path=path, reason=error.strerror), problem=True
            )
            return
        self.path = path
        self.file_name = path.name
        self.pages.setCurrentWidget(self.file_page)
        self.refresh_preview()

    def read_options(self, *, columns: dict[str, str] | None = None) -> ReadOptions:
        page = self.file_page
        kind = page.chosen_kind()
        return ReadOptions(
            kind=None if kind in (None, ALIPAY) else kind,
            encoding=page.chosen_encoding(),
            delimiter=page.chosen_separator(),
            header_line=page.chosen_header_line(),
            columns=columns,
        )

    def is_alipay(self) -> bool:
        return self.file_page.chosen_kind() == ALIPAY or (self.preview is not None and self.preview.is_alipay)

    def refresh_preview(self) -> None:
        """Read the file again with the page's settings and show how it comes out (live, on every change)."""
        if self.path is None:
            return
        self.preview = self.imports.preview(self.path, file_name=self.file_name, options=self.read_options())
        self.csv.show_preview(self.preview)
        self.update_buttons()

    # -- moving between pages -------------------------------------------------------------------------------

    def go_next(self) -> None:
        current = self.pages.currentWidget()
        if current is self.file_page:
            if self.is_alipay():
                self.alipay.start()
            else:
                self.csv.show_columns()
        elif current is self.columns_page:
            self.csv.check()
        self.update_buttons()

    def go_back(self) -> None:
        current = self.pages.currentWidget()
        if current is self.check_page:
            self.pages.setCurrentWidget(self.columns_page)
        elif current in (self.columns_page, self.alipay_page):
            self.pages.setCurrentWidget(self.file_page)
        self.update_buttons()

    def _show_step(self, *_index) -> None:
        # An Alipay statement takes two steps (the file, then its rows); any other file three.
        steps = {
            self.file_page: self.tr("Step 1 of 2: choose the file and check how it is read")
            if self.is_alipay()
            else self.tr("Step 1 of 3: choose the file and check how it is read"),
            self.columns_page: self.tr("Step 2 of 3: say what each column is"),
            self.check_page: self.tr("Step 3 of 3: check the rows, then import"),
            self.alipay_page: self.tr("Step 2 of 2: say what each statement row is, then import"),
        }
        step = steps.get(self.pages.currentWidget(), "")
        self.step_label.setText(step)
        self.step_label.setVisible(bool(step))

    def update_buttons(self) -> None:
        self._show_step()  # the count of steps follows the file chosen
        current = self.pages.currentWidget()
        running = self.worker is not None
        self.back_button.setEnabled(not running and current in (self.columns_page, self.check_page, self.alipay_page))
        self.next_button.setEnabled(
            not running
            and (
                (current is self.file_page and self.csv.can_go_on())
                or (current is self.columns_page and self.csv.mapping_ok)
            )
        )
        self.import_button.setEnabled(
            not running
            and (
                (current is self.check_page and self.csv.can_import())
                or (current is self.alipay_page and self.alipay.can_import())
            )
        )
        finished = current is self.summary_page
        self.undo_import_button.setVisible(finished and self.import_id is not None and self.undo_import is not None)
        self.close_button.setText(self.tr("Close") if finished else self.tr("Cancel"))
        self.close_button.setToolTip(
            self.tr("Close the import window") if finished else self.tr("Stop here: nothing is imported")
        )
        self.close_button.setEnabled(not running)

    # -- work on the worker thread --------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.pages.currentWidget() is self.alipay_page:
            self.alipay.commit()
        else:
            self.csv.commit()

    def run_worker(self, job, *, text: str, busy: bool, succeeded, failed, cancelled) -> None:
        """Run ``job(progress, cancelled)`` on its own thread behind the progress page; the handlers get its end."""
        self.pages.setCurrentWidget(self.progress_page)
        self.progress_page.start(text, busy=busy)
        worker = ImportWorker(job, self)
        self.worker = worker
        if not busy:
            worker.progressed.connect(self.progress_page.show_progress)
        worker.succeeded.connect(succeeded)
        worker.failed.connect(failed)
        worker.was_cancelled.connect(cancelled)
        worker.finished.connect(self._worker_done)
        self.update_buttons()
        worker.start()

    def _worker_done(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None
        self.update_buttons()
        self.work_finished.emit()

    def cancel_work(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.progress_page.cancel_button.setEnabled(False)
            self.progress_page.label.setText(self.tr("Cancelling — nothing will be kept…"))

    def show_summary(self, text: str) -> None:
        written = self.changes is not None
        self.summary_page.heading.setText(self.tr("Import finished") if written else self.tr("Nothing imported"))
        self.summary_page.text.setText(text)
        self.pages.setCurrentWidget(self.summary_page)
        self.update_buttons()

    def written(self, changes: Changes) -> None:
        self.changes = changes
        self.import_id = changes.created_id
        if changes.any:
            self.imported.emit(changes)

    def undo_this_import(self) -> None:
        """Take back everything the import just wrote (``undo_import`` asks first), and say so here."""
        if self.import_id is None or self.undo_import is None:
            return
        undone = self.undo_import(self.import_id, self)
        if undone is None:  # the user said no, or it could not be undone (and was told why)
            return
        self.import_id = None
        self.changes = undone if self.changes is None else self.changes | undone
        self.summary_page.heading.setText(self.tr("Import undone"))
        self.summary_page.text.setText(
            self.tr("Everything this import added was removed: your data is as it was before the import.")
        )
        self.update_buttons()

    def reject(self) -> None:
        if self.worker is not None:  # closing mid-write: cancel, and wait so the rollback completes
            self.worker.cancel()
            self.worker.wait()
        if self.changes is not None:
            self.accept()
        else:
            super().reject()

    def failure_text(self, failure: ImportFailure | str) -> str:
        message = failure.message() if isinstance(failure, ImportFailure) else failure
        return self.tr("Nothing was imported: {message}").format(message=problem_text(message))

    @classmethod
    def ask(
        cls,
        *,
        imports: ImportService,
        path: str | Path | None = None,
        parent: QWidget | None = None,
        undo_import: Callable[[int, QWidget], Changes | None] | None = None,
    ) -> Changes | None:
        """Run the wizard; returns what was written (and undone), or None when nothing was."""
        wizard = cls(imports=imports, path=path, parent=parent, undo_import=undo_import)
        wizard.exec()
        return wizard.changes
