"""The dashboard's health panel: the health feature's widgets (score and trend, flag cards, autopay checklist,
recovery checklist after a limit cut), fed from one health check worked out off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from jiebei_tracker.qt_text import plain_label
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.background import Background
from jiebei_tracker.ui.common import ChangeHub
from jiebei_tracker.ui.first_frame import after_first_frame

TREND_MONTHS = 6
# Several writes in a row (an import, undo after undo) start one health check, not one each.
RELOAD_DELAY_MS = 300


@dataclass(frozen=True)
class PanelContents:
    """Everything the panel shows, worked out in one go on a worker thread."""

    score: int
    trend: list
    flags: list
    autopay: list
    diagnosis: object | None


def work_out_health(workspace: Workspace) -> PanelContents:
    """The health check of today, the score at each of the last months' ends, the autopay checklist, and the
    diagnosis of the most recent limit cut, all from the session's one Book (slow with thousands of loans: run
    it off the UI thread)."""
    session = workspace.session
    check = session.health()
    trend = session.recent_scores(TREND_MONTHS)
    return PanelContents(check.score, trend, list(check.flags), session.autopay_checklist(), session.latest_cut())


class HealthPanel(QWidget):
    """Reloads (in the background) when shown stale and after each change or settings save.

    Its widgets (and the health modules behind them, which bring SQLAlchemy) are made once the window's first
    frame is on screen: until the first check comes in, the panel says it is working one out."""

    loan_requested = Signal(int)
    """The user clicked evidence naming a loan."""
    note_requested = Signal(int)
    """The user clicked evidence naming a credit-report note."""
    updated = Signal()
    """A health check finished and is shown (tests wait for it)."""

    def __init__(self, *, workspace: Workspace, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._generation = 0
        self._stale = True
        self._background = Background(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.status = plain_label()  # may quote an error, which may quote a name
        self.status.setWordWrap(True)
        self.status.setEnabled(False)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.status)
        self._layout.addStretch(1)
        self._built = False
        hub.changed.connect(self.on_changes)
        hub.settings_changed.connect(self._timer.start)
        self.retranslate_ui()

    def build_widgets(self) -> None:
        """The score and trend, flag cards, recovery and autopay checklists (made once)."""
        if self._built:
            return
        self._built = True
        from jiebei_tracker.ui.views.health import (
            AutopayChecklistWidget,
            FlagListWidget,
            HealthScoreWidget,
            RecoveryChecklistWidget,
        )

        self.score = HealthScoreWidget()
        self.flags = FlagListWidget()
        self.flags.loan_requested.connect(self.loan_requested)
        self.flags.note_requested.connect(self.note_requested)
        self.autopay = AutopayChecklistWidget()
        self.autopay.loan_requested.connect(self.loan_requested)
        self.recovery = RecoveryChecklistWidget()
        self.recovery.hide()
        self._layout.takeAt(1)  # the stretch that kept the status line at the top
        self._layout.addWidget(self.score)
        self._layout.addWidget(self.flags, 1)
        self._layout.addWidget(self.recovery)
        self._layout.addWidget(self.autopay)

    def on_changes(self, changes: Changes) -> None:
        if changes.any:
            self._workspace.session.apply(changes)  # once for every view that hands the same Changes on
            self._stale = True
            if self.isVisible():
                self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            after_first_frame(self, self._reload_if_stale)  # after the window is drawn

    def _reload_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def reload(self) -> None:
        self.build_widgets()
        self._stale = False
        self._generation += 1
        self.status.setText(self.tr("Working out your health check…"))
        self.status.show()
        generation, workspace = self._generation, self._workspace
        self._background.run(
            lambda: work_out_health(workspace),  # on the worker: touches no widget
            lambda report, error: self._show(generation, report, "" if error is None else str(error)),
        )

    def wait(self, msecs: int = -1) -> bool:
        """Block until no health check is running (before the database closes)."""
        self._timer.stop()
        return self._background.wait(msecs)

    def _show(self, generation: int, report: PanelContents | None, error: str) -> None:
        if generation != self._generation:
            return  # a newer check is on its way
        if report is None:
            self.status.setText(self.tr("The health check could not be worked out: {error}").format(error=error))
            return
        self.status.hide()
        self.score.set_data(report.score, report.trend)
        self.flags.set_flags(report.flags)
        self.autopay.set_data(report.autopay)
        self.recovery.set_diagnosis(report.diagnosis)
        self.recovery.setVisible(report.diagnosis is not None)
        self.updated.emit()

    def retranslate_ui(self) -> None:
        if not self._generation or self.status.isVisible():
            self.status.setText(self.tr("Working out your health check…"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
