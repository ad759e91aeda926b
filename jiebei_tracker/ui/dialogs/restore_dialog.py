"""File ▸ Restore from a backup…: the backups kept beside the database (when, why, what each holds, checked), or any
other copy chosen as a file; the chosen one replaces the data after the current data is backed up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.qt_text import message_box, plain_label, plain_tooltip
from jiebei_tracker.services.files.backups import BackupLine, Reason, lines


class RestoreDialog(QDialog):
    """Lists the backups of ``db_path``; ``chosen`` is the file to restore once the dialog is accepted (and the
    user confirmed)."""

    def __init__(self, db_path: Path, parent: QWidget | None = None, *, key: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.db_path = Path(db_path)
        self.chosen: Path | None = None
        self.backups: list[BackupLine] = lines(self.db_path, key=key)  # key: the data's passphrase
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.intro = plain_label(
            self.tr(
                "Backups are made on the first change of each day, before every import and before a restore, "
                "in {folder}. Restoring replaces your data with the backup's; your data as it is now is backed "
                "up first, so a restore can itself be undone by restoring that backup."
            ).format(folder=self.db_path.parent / "backups")
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(len(self.backups), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Why"), self.tr("Loans"), self.tr("Repayments"), self.tr("Size")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, backup in enumerate(self.backups):
            self._fill(row, backup)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemDoubleClicked.connect(lambda _item: self._restore_selected())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(
            self.tr("No backups yet. The first is made with the first change you make on a day that has records.")
        )
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self.backups)
        self.table.setVisible(bool(self.backups))
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.file_button = buttons.addButton(self.tr("From a &file…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.disconnect()
        self.restore_button.clicked.connect(self._restore_selected)
        self.file_button.clicked.connect(self._restore_file)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        good = [row for row, backup in enumerate(self.backups) if backup.ok or backup.locked]
        if good:
            self.table.selectRow(good[0])
        self.restore_button.setEnabled(bool(good))
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def _fill(self, row: int, backup: BackupLine) -> None:
        cells = [
            backup.made_at.strftime("%Y-%m-%d %H:%M"),
            self.reason_text(backup.reason)
            if backup.ok
            else self.tr("Encrypted with another passphrase")
            if backup.locked
            else self.tr("Damaged; it cannot be restored"),
            "" if backup.loans is None else str(backup.loans),
            "" if backup.repayments is None else str(backup.repayments),
            backup.size_text,
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column in (2, 3, 4):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(plain_tooltip("\n".join(filter(None, (str(backup.path), backup.problem)))))
            self.table.setItem(row, column, item)

    def reason_text(self, reason: Reason) -> str:
        return {
            Reason.DAILY: self.tr("The day's first change"),
            Reason.IMPORT: self.tr("Before an import"),
            Reason.MIGRATION: self.tr("Before an upgrade of the app"),
            Reason.RESTORE: self.tr("Before a restore"),
            Reason.MANUAL: self.tr("Made by you"),
            Reason.PASSPHRASE: self.tr("Before a passphrase change"),
        }[reason]

    def selected(self) -> BackupLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        backup = self.selected()
        self.restore_button.setEnabled(backup is not None and (backup.ok or backup.locked))

    def _restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or not (backup.ok or backup.locked):
            return
        when = backup.made_at.strftime("%Y-%m-%d %H:%M")
        if backup.locked:
            if self._confirm(
                self.tr("Replace your data with the backup from {when}? Its passphrase is asked next.").format(
                    when=when
                )
            ):
                self.chosen = backup.path
                self.accept()
            return
        if self._confirm(
            self.tr("Replace your data with the backup from {when} ({loans} loans, {repayments} repayments)?").format(
                when=when, loans=backup.loans, repayments=backup.repayments
            )
        ):
            self.chosen = backup.path
            self.accept()

    def _restore_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a file"), str(self.db_path.parent), self.tr("Databases (*.db);;All files (*)")
        )
        if path and self._confirm(self.tr("Replace your data with {file}?").format(file=Path(path).name)):
            self.chosen = Path(path)
            self.accept()

    def _confirm(self, question: str) -> bool:
        text = question + "\n\n" + self.tr("Your data as it is now is backed up first.")
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return message_box(self, QMessageBox.Icon.Question, self.windowTitle(), text, buttons) == (
            QMessageBox.StandardButton.Yes
        )
