"""The passphrase in the window: asked when a protected data file is opened (masked, naming the file, with an
offer to remember it in the system keyring, off by default), and File ▸ Protect with a passphrase… to set,
change or remove it. The passphrase goes from the field to the caller and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MIN_LENGTH = 8  # as services.files.protection.MIN_PASSPHRASE (checked again there)


def _masked() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _remember_tip() -> str:
    return QCoreApplication.translate(
        "PassphrasePrompt",
        "Off: you type it each time the app opens. On: your system's keyring keeps it, and the app opens without "
        "asking",
    )


@dataclass(frozen=True)
class Entered:
    """What the opening dialog gave: the passphrase, and whether to remember it."""

    passphrase: str
    remember: bool


class PassphrasePrompt(QDialog):
    """Asks the passphrase of the data file at ``path``; ``problem`` says why it is asked again (a wrong one)."""

    def __init__(self, path: Path, *, problem: str = "", can_remember: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Passphrase"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your data file {path} is protected with a passphrase (or it is not a database). "
                "Enter its passphrase to open it."
            ).format(path=path)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.problem = QLabel(problem)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        self.field = _masked()
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.field.setToolTip(self.tr("The passphrase you chose for this data file (what you type stays hidden)"))
        layout.addWidget(self.field)
        self.remember = QCheckBox(self.tr("Remember it in the system keyring"))
        self.remember.setChecked(False)
        self.remember.setEnabled(can_remember)
        self.remember.setToolTip(_remember_tip())
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setToolTip(self.tr("Open the data file with this passphrase"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(self.tr("Do not open the data file"))
        self.field.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.ok_button.setEnabled(False)

    def entered(self) -> Entered:
        return Entered(self.field.text(), self.remember.isChecked())


@dataclass(frozen=True)
class Protection:
    """What File ▸ Protect with a passphrase… asked for: ``old`` (the current passphrase, None for a plain file)
    and ``new`` (None: remove it), and whether to remember the new one."""

    old: str | None
    new: str | None
    remember: bool


class ProtectDialog(QDialog):
    """Set a passphrase on a plain data file, or change or remove that of a protected one."""

    def __init__(self, path: Path, *, protected: bool, can_remember: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.protected = protected
        self.setWindowTitle(self.tr("Protect with a passphrase"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{path} is protected with a passphrase. Change it, or remove it to make the file plain again."
            ).format(path=path)
            if protected
            else self.tr(
                "Encrypt {path} with a passphrase: without it, nobody can read your data, not even you. "
                "Backups made from now on are encrypted too; exports, reports and calendars are not."
            ).format(path=path)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.old = _masked()
        if protected:
            form.addRow(self.tr("Current passphrase"), self.old)
        self.old.setToolTip(self.tr("The passphrase the file has now"))
        self.remove = QCheckBox(self.tr("Remove the passphrase"))
        self.remove.setToolTip(self.tr("Make the data file plain again: anyone who can open the file can read it"))
        if protected:
            form.addRow("", self.remove)
        self.new = _masked()
        self.again = _masked()
        self.new.setToolTip(
            self.tr("At least {count} characters; without it nobody can read your data").format(count=MIN_LENGTH)
        )
        self.again.setToolTip(self.tr("The new passphrase once more, to be sure it is typed as meant"))
        form.addRow(self.tr("New passphrase"), self.new)
        form.addRow(self.tr("Again"), self.again)
        self.remember = QCheckBox(self.tr("Remember it in the system keyring"))
        self.remember.setEnabled(can_remember)
        self.remember.setToolTip(_remember_tip())
        form.addRow("", self.remember)
        layout.addLayout(form)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            self.tr("Encrypt the data file with the new passphrase, or remove it, as chosen above")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(self.tr("Leave the data file as it is"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.remove.toggled.connect(self._removing)

    def _removing(self, removing: bool) -> None:
        for field in (self.new, self.again, self.remember):
            field.setEnabled(not removing)

    def problem_text(self) -> str:
        """Why OK cannot be taken yet ('' when it can)."""
        if self.protected and not self.old.text():
            return self.tr("Enter the current passphrase.")
        if self.protected and self.remove.isChecked():
            return ""
        if len(self.new.text()) < MIN_LENGTH:
            return self.tr("The new passphrase needs at least {count} characters.").format(count=MIN_LENGTH)
        if self.new.text() != self.again.text():
            return self.tr("The two new passphrases differ.")
        return ""

    def _accept_if_valid(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        if not problem:
            self.accept()

    def protection(self) -> Protection:
        old = self.old.text() if self.protected else None
        if self.protected and self.remove.isChecked():
            return Protection(old, None, False)
        return Protection(old, self.new.text(), self.remember.isChecked())
