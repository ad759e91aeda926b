"""Composition root: one instance per data file, the database opened into a Workspace, the language installed, the
main window built — and switching between the user's own data and the sample data beside it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from jiebei_tracker import APP_ID, __version__

if TYPE_CHECKING:  # Qt loads inside run_gui, so that the command line stays quick
    from PySide6.QtCore import QSettings

    from jiebei_tracker.services.workspace import Workspace
    from jiebei_tracker.ui.i18n import Translations
    from jiebei_tracker.ui.main_window import MainWindow


def run_gui(db_path: Path, argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from jiebei_tracker.domain.errors import FileProblem
    from jiebei_tracker.qt_text import message_box
    from jiebei_tracker.storage.files import make_private_folder
    from jiebei_tracker.storage.paths import prepare_data_folder
    from jiebei_tracker.ui.common import app_icon
    from jiebei_tracker.ui.first_frame import REPORT_ENV_VAR, after_first_frame, report_first_frame
    from jiebei_tracker.ui.i18n import Translations
    from jiebei_tracker.ui.single_instance import SingleInstance

    try:  # the data folder is private (0700) before anything — the lock, the database — is made in it
        prepare_data_folder(db_path)
        make_private_folder(Path(db_path).parent)
    except FileProblem as problem:
        print(f"jiebei-tracker: error: {problem}", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("jiebei-tracker")
    app.setOrganizationName("jiebei-tracker")
    app.setApplicationDisplayName("Jiebei Tracker")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # the desktop matches the window to its menu entry (Wayland's app id)
    app.setWindowIcon(app_icon())
    translations = Translations(app)
    instance = SingleInstance(Path(db_path))
    if not instance.acquire(listen=False):  # the socket opens once the window is drawn (QtNetwork loads then)
        if instance.notify_running():
            return 0  # the running window comes forward; this launch has nothing more to do
        translations.apply("")
        message_box(None, QMessageBox.Icon.Information, "Jiebei Tracker", _already_open_text(db_path))
        return 0
    from jiebei_tracker.ui.errors import install_error_dialogs, open_or_offer_backup

    install_error_dialogs()
    session = open_or_offer_backup(
        Path(db_path),
        lambda: AppSession(db_path=Path(db_path), translations=translations, state=QSettings()),
        lambda key: AppSession(db_path=Path(db_path), translations=translations, state=QSettings(), key=key),
    )
    if session is None:  # it could not be opened, and no backup was restored: the user was told why
        instance.release()
        return 1
    instance.activation_requested.connect(session.bring_forward)
    report_first_frame(session.window, os.environ.get(REPORT_ENV_VAR, ""))  # start-up timing, smoke tests
    session.window.show()
    after_first_frame(session.window, instance.listen)
    try:
        return app.exec()
    finally:
        session.close()
        instance.release()


def _already_open_text(db_path: Path) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "AppSession", "Jiebei Tracker is already open with {path}, but did not answer. Close it and try again."
    ).format(path=db_path)


class AppSession:
    """The user's own data and, when asked for, the sample data in its own file beside it; one window at a time.
    The own database stays open all along (this app holds its lock)."""

    def __init__(
        self,
        *,
        db_path: Path,
        translations: Translations,
        state: QSettings | None = None,
        today: Callable[[], date] = date.today,
        key: str | None = None,
    ) -> None:
        from jiebei_tracker.services.workspace import open_workspace

        self.db_path = Path(db_path)
        self.translations = translations
        self.state = state
        self.today = today
        self._key = key  # the own file's passphrase (None: plain); never the sample's, which is never protected
        self.own = open_workspace(self.db_path, today=today, key=key)
        self.own.database.role = "the window"  # for the message another program shows while this one writes
        self.sample: Workspace | None = None
        self.extras: list = []  # what feature hooks started for the current window (reminders)
        translations.apply(self.own.general_settings().language)
        self.window = self._build_window(self.own, sample=False)

    @property
    def workspace(self) -> Workspace:
        return self.sample or self.own

    def _build_window(self, workspace: Workspace, *, sample: bool) -> MainWindow:
        from jiebei_tracker.ui import feature_hooks
        from jiebei_tracker.ui.main_window import MainWindow

        window = MainWindow(workspace=workspace, translations=self.translations, state=self.state, sample=sample)
        window.sample_requested.connect(self.open_sample)
        window.own_data_requested.connect(self.open_own)
        window.language_chosen.connect(self._remember_language)
        window.data_replaced.connect(self.reopen_own)
        window.passphrase_change_requested.connect(self.change_passphrase)
        self.extras = [
            extra
            for extra in [feature_hooks.start_reminders(workspace=workspace, hub=window.hub, window=window)]
            if extra is not None
        ]
        return window

    def open_sample(self) -> MainWindow:
        """A fresh sample history (dated up to today) in its own file, shown in place of the user's data. A file
        at the sample's name that this app did not write as a sample is never replaced: the sample goes beside it."""
        from jiebei_tracker.services.workspace import create_sample_database, free_sample_path, open_workspace

        if self.sample is None:
            path = free_sample_path(self.db_path)
            create_sample_database(path, today=self.today(), general=self.own.general_settings())
            self.sample = open_workspace(path, today=self.today, backups=False)
        return self._replace_window(self.sample, sample=True)

    def open_own(self) -> MainWindow:
        """Back from the sample to the user's own data (the sample file is left for next time)."""
        window = self._replace_window(self.own, sample=False)
        if self.sample is not None:
            self.sample.close()
            self.sample = None
        return window

    def reopen_own(self) -> MainWindow:
        """The own data read afresh into a new window (after a restore: no cache or undo step of before)."""
        from jiebei_tracker.services.workspace import open_workspace

        if self.sample is not None:
            self.sample.close()
            self.sample = None
        self.window.wait_for_workers()  # nothing of the window's may still read the data it showed
        old_workspace = self.own
        self.own = open_workspace(self.db_path, today=self.today, key=self._key)
        self.own.database.role = "the window"
        window = self._replace_window(self.own, sample=False)
        old_workspace.close()
        return window

    def change_passphrase(self, chosen) -> bool:
        """Set, change or remove the own file's passphrase (``chosen``: a passphrase_dialog.Protection): the file
        is closed, converted (a backup first; storage/encryption.py) and opened again in a new window — with the
        passphrase it had if the conversion was refused. Says what happened; True when it was done."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        from jiebei_tracker.domain.errors import FileProblem, InvalidValue
        from jiebei_tracker.qt_text import message_box
        from jiebei_tracker.services.files import protection

        if self.sample is not None:
            self.open_own()
        self.window.wait_for_workers()
        self._stop_extras()
        self.own.close()  # every connection: the file must be closed to be converted
        try:
            protection.change_passphrase(self.db_path, chosen.old, chosen.new)
        except (FileProblem, InvalidValue) as problem:
            done, text = False, str(problem)
        else:
            done = True
            self._key = chosen.new
            self.own.database.use_key(chosen.new)  # the same records, read afresh through the new key
            protection.forget(self.db_path)  # a passphrase remembered before is not this one
            text = (
                QCoreApplication.translate("AppSession", "The passphrase is removed: {path} is a plain file again.")
                if chosen.new is None
                else QCoreApplication.translate(
                    "AppSession",
                    "{path} is protected with the passphrase. Backups made from now on are encrypted with it; "
                    "exports, reports and calendars you save are not.",
                )
            ).format(path=self.db_path)
            if chosen.new is not None and chosen.remember:
                try:
                    protection.remember(self.db_path, chosen.new)
                except FileProblem as refused:
                    text += "\n" + str(refused)
        window = self._replace_window(self.own, sample=False)
        icon = QMessageBox.Icon.Information if done else QMessageBox.Icon.Warning
        message_box(window, icon, "Jiebei Tracker", text)
        return done

    def _replace_window(self, workspace: Workspace, *, sample: bool) -> MainWindow:
        old = self.window
        geometry = old.saveGeometry()
        old.save_layout()
        self._stop_extras()
        self.window = self._build_window(workspace, sample=sample)
        self.window.restoreGeometry(geometry)
        self.window.show()
        old.close()
        old.deleteLater()
        return self.window

    def _remember_language(self, language: str) -> None:
        """The language is the user's choice whichever data is shown: keep it in their own file too."""
        general = self.own.general_settings()
        if general.language != language:
            self.own.save_general_settings(replace(general, language=language))

    def bring_forward(self) -> None:
        self.window.bring_forward()

    def _stop_extras(self) -> None:
        for extra in self.extras:
            stop = getattr(extra, "stop", None)
            if stop is not None:
                stop()
            extra.deleteLater()
        self.extras = []

    def close(self) -> None:
        self.window.wait_for_workers()  # a health check still running must not outlive the database
        self._stop_extras()
        if self.sample is not None:
            self.sample.close()
        self.own.close()
