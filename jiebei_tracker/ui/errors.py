"""Failures the window shows as messages, never as tracebacks: a database that cannot be opened (with the newest
good backup offered in its place), a protected one (its passphrase asked, again after a wrong one), a file another
program keeps busy, and anything unexpected."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from jiebei_tracker.domain.errors import (
    DatabaseDamaged,
    DatabaseProblem,
    FileProblem,
    PassphraseNeeded,
    WrongPassphrase,
)
from jiebei_tracker.qt_text import message_box
from jiebei_tracker.services.files.backups import newest_good, recover

if TYPE_CHECKING:
    from jiebei_tracker.ui.dialogs.passphrase_dialog import Entered

T = TypeVar("T")


def open_or_offer_backup(
    db_path: Path, open_session: Callable[[], T], open_with_key: Callable[[str], T] | None = None
) -> T | None:
    """``open_session()``; when the database cannot be opened, say why — and when it is damaged and a good backup
    exists, offer to put that backup in its place (the damaged file is kept beside it) and open again. A file
    that may be protected with a passphrase is opened with ``open_with_key(passphrase)``: the one remembered in
    the system keyring, else the one the user types (asked again after a wrong one)."""
    try:
        return open_session()
    except PassphraseNeeded as problem:
        from jiebei_tracker.services.files import protection  # only for a protected (or damaged) file

        if open_with_key is not None:
            try:
                session = _open_with_passphrase(db_path, open_with_key)
            except (DatabaseProblem, FileProblem) as again:
                _cannot_open(db_path, again)
                return None
            if session is not None:
                return session
            if not protection.encryption_available():
                problem = PassphraseNeeded(db_path, f"{problem.reason}; {_no_encryption_text()}")
        return _offer_backup(db_path, problem, open_session)
    except DatabaseDamaged as problem:
        return _offer_backup(db_path, problem, open_session)
    except (DatabaseProblem, FileProblem) as problem:
        _cannot_open(db_path, problem)
        return None


def _no_encryption_text() -> str:
    return QCoreApplication.translate(
        "Errors",
        "if it is protected with a passphrase, this installation cannot open it: "
        "pip install 'jiebei-tracker[encryption]'",
    )


def ask_passphrase(db_path: Path, problem: str, can_remember: bool) -> Entered | None:
    """The passphrase the user types for the file (None: cancelled). Tests replace this."""
    from jiebei_tracker.ui.dialogs.passphrase_dialog import PassphrasePrompt

    prompt = PassphrasePrompt(db_path, problem=problem, can_remember=can_remember)
    if prompt.exec() != PassphrasePrompt.DialogCode.Accepted:
        return None
    return prompt.entered()


def _open_with_passphrase(db_path: Path, open_with_key: Callable[[str], T]) -> T | None:
    """The session opened with the remembered passphrase or one typed; None when cancelled (or passphrases cannot
    be used here)."""
    from jiebei_tracker.services.files import protection

    if not protection.encryption_available():
        return None
    remembered = protection.remembered(db_path)
    if remembered is not None:
        try:
            return open_with_key(remembered)
        except WrongPassphrase:
            pass  # changed elsewhere since: ask
    problem = ""
    while True:
        entered = ask_passphrase(db_path, problem, protection.keyring_available())
        if entered is None:
            return None
        try:
            session = open_with_key(entered.passphrase)
        except WrongPassphrase:
            problem = QCoreApplication.translate("Errors", "That passphrase is wrong. Try again.")
            continue
        if entered.remember:
            try:
                protection.remember(db_path, entered.passphrase)
            except DatabaseProblem as refused:
                message_box(None, QMessageBox.Icon.Warning, "Jiebei Tracker", str(refused))
        return session


def _offer_backup(db_path: Path, problem: DatabaseDamaged, open_session: Callable[[], T]) -> T | None:
    """Offer the newest good backup in place of a file that cannot be opened (or say why it cannot be)."""
    backup = newest_good(db_path)
    if backup is None or not _restore_wanted(db_path, problem, backup):
        if backup is None:
            _cannot_open(db_path, problem)
        return None
    try:
        kept = recover(db_path, backup.path)
        session = open_session()
    except (DatabaseProblem, FileProblem) as again:
        _cannot_open(db_path, again)
        return None
    if kept is not None:
        message_box(
            None,
            QMessageBox.Icon.Information,
            "Jiebei Tracker",
            QCoreApplication.translate(
                "Errors", "The backup is restored. The file that could not be opened is kept as {path}."
            ).format(path=kept),
        )
    return session


def _restore_wanted(db_path: Path, problem: FileProblem, backup) -> bool:
    text = QCoreApplication.translate(
        "Errors",
        "The database {path} cannot be opened: {reason}\n\n"
        "The newest good backup is from {when} ({loans} loans, {repayments} repayments). Restore it? "
        "The file that cannot be opened is kept as it is, renamed.",
    ).format(
        path=db_path,
        reason=problem.reason,
        when=backup.made_at.strftime("%Y-%m-%d %H:%M"),
        loans=backup.loans,
        repayments=backup.repayments,
    )
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = message_box(None, QMessageBox.Icon.Question, "Jiebei Tracker", text, buttons)
    return answer == QMessageBox.StandardButton.Yes


def _cannot_open(db_path: Path, problem: FileProblem) -> None:
    text = QCoreApplication.translate("Errors", "The database {path} cannot be opened: {reason}").format(
        path=db_path, reason=problem.reason
    )
    message_box(None, QMessageBox.Icon.Critical, "Jiebei Tracker", text)


def install_error_dialogs() -> None:
    """An exception that escapes a slot becomes a message box instead of a traceback on the terminal: a busy or
    unusable file says what to do; anything else says what failed, and that nothing was half-saved."""
    sys.excepthook = show_error


def show_error(kind: type[BaseException], error: BaseException, trace) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(error, FileProblem):
        text = str(error)
        icon = QMessageBox.Icon.Warning
    else:
        traceback.print_exception(kind, error, trace, file=sys.stderr)
        text = QCoreApplication.translate(
            "Errors",
            "Something went wrong: {error}\n\nWhat you were doing was not saved; everything saved before is unchanged.",
        ).format(error=f"{kind.__name__}: {error}")
        icon = QMessageBox.Icon.Critical
    parent = QApplication.activeWindow()
    message_box(parent, icon, "Jiebei Tracker", text)
