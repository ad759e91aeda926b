"""Failures the window shows as messages, never as tracebacks: a database that cannot be opened (with the newest
good backup offered in its place), a file another program keeps busy, and anything unexpected."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from jiebei_tracker.domain.errors import DatabaseDamaged, DatabaseProblem, FileProblem
from jiebei_tracker.qt_text import message_box
from jiebei_tracker.services.files.backups import newest_good, recover

T = TypeVar("T")


def open_or_offer_backup(db_path: Path, open_session: Callable[[], T]) -> T | None:
    """``open_session()``; when the database cannot be opened, say why — and when it is damaged and a good backup
    exists, offer to put that backup in its place (the damaged file is kept beside it) and open again."""
    try:
        return open_session()
    except DatabaseDamaged as problem:
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
    except (DatabaseProblem, FileProblem) as problem:
        _cannot_open(db_path, problem)
        return None


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
