"""The window's commands for the data file itself: File ▸ Back up now…, Restore from a backup…, Protect with a
passphrase…, Export…"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jiebei_tracker.domain.errors import FileProblem
from jiebei_tracker.qt_text import message_box
from jiebei_tracker.services.files import backups, protection
from jiebei_tracker.services.imports.service import ImportFailure, ImportService
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.dialogs.passphrase_dialog import PassphrasePrompt, ProtectDialog, Protection
from jiebei_tracker.ui.dialogs.restore_dialog import RestoreDialog


class DataFileCommands(QObject):
    """Backs up, restores and exports the workspace's data. ``replaced()`` is called after a restore: the window
    is then rebuilt on the restored data (every cache and the undo history belong to the data before)."""

    def __init__(
        self,
        *,
        workspace: Workspace,
        window: QWidget,
        replaced: Callable[[], None],
        protect: Callable[[Protection], None] | None = None,
    ) -> None:
        super().__init__(window)
        self._workspace, self._window, self._replaced = workspace, window, replaced
        self._protect = protect

    @property
    def db_path(self) -> Path:
        return self._workspace.database.path

    def back_up_now(self, target: Path | None = None) -> Path | None:
        """A copy where the user chooses (the backups folder is offered); returns where it went."""
        if target is None:
            folder = self.db_path.parent / "backups"
            suggested = (folder if folder.is_dir() else self.db_path.parent) / (
                f"{self.db_path.stem}-{date.today().isoformat()}.db"
            )
            chosen, _filter = QFileDialog.getSaveFileName(
                self._window, self.tr("Back up now"), str(suggested), self.tr("Databases (*.db)")
            )
            if not chosen:
                return None
            target = Path(chosen)
        try:
            made = backups.back_up(self._workspace.database, target)
        except FileProblem as problem:
            self._say(QMessageBox.Icon.Warning, self.tr("Back up now"), str(problem))
            return None
        self._say(
            QMessageBox.Icon.Information,
            self.tr("Back up now"),
            self.tr("Your data is backed up in {path}.").format(path=made),
        )
        return made

    def restore(self, source: Path | None = None) -> Path | None:
        """Choose a backup (or take ``source``), back up the data as it is, and put the backup in its place."""
        if source is None:
            dialog = RestoreDialog(self.db_path, self._window, key=self._workspace.database.key)
            if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen is None:
                return None
            source = dialog.chosen
        database = self._workspace.database
        key = None
        if protection.is_protected(Path(source)) and (
            not database.encrypted or not backups.opens_with(Path(source), database.key)
        ):
            key = self.backup_passphrase(Path(source))  # a backup with another passphrase than the data's
            if key is None:
                return None
        try:
            before = backups.restore(database, source, key)
        except FileProblem as problem:
            self._say(QMessageBox.Icon.Warning, self.tr("Restore from a backup"), str(problem))
            return None
        text = self.tr("Your data is restored from {file}.").format(file=Path(source).name)
        if before is not None:
            text += "\n" + self.tr("Your data as it was before is kept in {path}.").format(path=before)
        self._say(QMessageBox.Icon.Information, self.tr("Restore from a backup"), text)
        self._replaced()  # last: the window is rebuilt on the restored data
        return Path(source)

    def backup_passphrase(self, source: Path) -> str | None:
        """The passphrase of a backup encrypted with another one than the data's (None: cancelled)."""
        prompt = PassphrasePrompt(source, can_remember=False, parent=self._window)
        prompt.remember.setVisible(False)
        if prompt.exec() != PassphrasePrompt.DialogCode.Accepted:
            return None
        return prompt.entered().passphrase

    def protect(self, chosen: Protection | None = None) -> Protection | None:
        """File ▸ Protect with a passphrase…: set, change or remove it (``chosen``: what the dialog would give).
        The application then converts the file and opens it again."""
        title = self.tr("Protect with a passphrase")
        if not protection.encryption_available():
            self._say(
                QMessageBox.Icon.Information,
                title,
                self.tr(
                    "Passphrases need SQLCipher, which this installation does not have. Install it with "
                    "pip install 'jiebei-tracker[encryption]' and start the app again."
                ),
            )
            return None
        if chosen is None:
            dialog = ProtectDialog(
                self.db_path,
                protected=self._workspace.database.encrypted,
                can_remember=protection.keyring_available(),
                parent=self._window,
            )
            if dialog.exec() != ProtectDialog.DialogCode.Accepted:
                return None
            chosen = dialog.protection()
        if self._protect is not None:
            self._protect(chosen)
        return chosen

    def export(self, folder: Path | None = None) -> list[Path] | None:
        """Write loans.csv, repayments.csv, limits.csv and notes.csv into a folder the user chooses."""
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self._window, self.tr("Export to a folder"), str(Path.home()))
            if not chosen:
                return None
            folder = Path(chosen)
        service = ImportService(
            database=self._workspace.database, ledger=self._workspace.ledger, today=self._workspace.today
        )
        try:
            written = service.export(folder)
        except ImportFailure as failure:
            if not failure.reason.startswith("already exists"):
                self._say(QMessageBox.Icon.Warning, self.tr("Export"), failure.message())
                return None
            question = self.tr("The folder {folder} already has exported files. Replace them?").format(folder=folder)
            buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            if message_box(self._window, QMessageBox.Icon.Question, self.tr("Export"), question, buttons) != (
                QMessageBox.StandardButton.Yes
            ):
                return None
            try:
                written = service.export(folder, overwrite=True)
            except (ImportFailure, FileProblem, OSError) as error:
                self._say(QMessageBox.Icon.Warning, self.tr("Export"), str(error))
                return None
        paths = list(written.values())
        self._say(
            QMessageBox.Icon.Information,
            self.tr("Export"),
            self.tr("Exported {files} into {folder}.").format(
                files=", ".join(path.name for path in paths), folder=folder
            )
            + (
                "\n"
                + self.tr("These files are not encrypted: your passphrase protects only the data file and its backups.")
                if self._workspace.database.encrypted
                else ""
            ),
        )
        return paths

    def _say(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        message_box(self._window, icon, title, text)
