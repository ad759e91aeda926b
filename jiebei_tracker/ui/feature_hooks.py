"""Where the window meets features built beside it: the dashboard's health widgets and small charts, the Charts page,
the import wizard and the reminders. Each is one function here, so wiring a feature in is a one-line change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import ChangeHub


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeatureHooks", text)


class Placeholder(QWidget):
    """Says plainly that a feature is not here yet (its text follows the language)."""

    def __init__(self, text: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.label.setText(self._text())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def build_health_panel(*, workspace: Workspace, hub: ChangeHub, open_loan: Callable[[int], object]) -> QWidget:
    """The dashboard's health widgets (score, flag cards, checklists)."""
    return Placeholder(lambda: _tr("The health score and the rule cards arrive with the health feature."))


def build_dashboard_charts(*, workspace: Workspace, hub: ChangeHub, show_charts: Callable[[], None]) -> QWidget:
    """The small charts on the dashboard."""
    return Placeholder(lambda: _tr("Small charts arrive with the charts feature."))


def build_charts_page(*, workspace: Workspace, hub: ChangeHub) -> QWidget:
    """The Charts page."""
    return Placeholder(lambda: _tr("Charts arrive with the charts feature."))


def open_import_wizard(
    *, workspace: Workspace, hub: ChangeHub, path: Path | None = None, parent: QWidget | None = None
) -> Changes | None:
    """The import wizard, starting at ``path`` when a file was dropped on the window."""
    from jiebei_tracker.services.imports import ImportService
    from jiebei_tracker.ui.dialogs.import_wizard import ImportWizard

    imports = ImportService(database=workspace.database, ledger=workspace.ledger, today=workspace.today)
    changes = ImportWizard.ask(imports=imports, path=path, parent=parent)
    return hub.announce(changes) if changes is not None else None


def start_reminders(*, workspace: Workspace, hub: ChangeHub, window: QWidget) -> QObject | None:
    """Due-date reminders (tray icon and in-window banner) for the open database; None where there are none."""
    return None
