"""Composition root: open the database, build the services and the main window, run the event loop."""

from __future__ import annotations

import sys
from pathlib import Path

from jiebei_tracker import __version__


def run_gui(db_path: Path, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from jiebei_tracker.services.workspace import Workspace
    from jiebei_tracker.storage.database import open_database
    from jiebei_tracker.ui.common import app_icon
    from jiebei_tracker.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("jiebei-tracker")
    app.setApplicationDisplayName("Jiebei Tracker")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    try:
        database = open_database(db_path)
    except Exception as error:  # a broken or unreadable file: say which, don't show a traceback
        QMessageBox.critical(None, "Jiebei Tracker", f"Cannot open the database {db_path}:\n{error}")
        return 1
    workspace = Workspace(database=database)
    window = MainWindow(workspace=workspace)
    window.show()
    try:
        return app.exec()
    finally:
        workspace.close()
