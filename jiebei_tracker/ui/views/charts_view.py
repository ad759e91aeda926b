"""The Charts view (all six trend charts with the range presets), the compact dashboard charts, and the feed both
draw from: one ChartData refreshed once per change, with the slow health history worked out off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.charts.balance import BalanceChart
from jiebei_tracker.charts.base import Chart
from jiebei_tracker.charts.borrowing import BorrowingChart
from jiebei_tracker.charts.health import HealthChart
from jiebei_tracker.charts.limits import LimitsChart
from jiebei_tracker.charts.on_time import OnTimeChart
from jiebei_tracker.charts.platforms import PlatformsChart
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.series.data import ChartData, ChartKind, RangePreset
from jiebei_tracker.services.series.health import HealthJob
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.background import Background

CHART_CLASSES: dict[ChartKind, type[Chart]] = {
    ChartKind.HEALTH: HealthChart,
    ChartKind.BORROWING: BorrowingChart,
    ChartKind.ON_TIME: OnTimeChart,
    ChartKind.BALANCE: BalanceChart,
    ChartKind.PLATFORMS: PlatformsChart,
    ChartKind.LIMITS: LimitsChart,
}
ALL_KINDS = frozenset(ChartKind)
MIN_CHART_HEIGHT = 340  # a chart on the Charts page is never squeezed below this: the page scrolls instead
TALL_CHARTS = {ChartKind.HEALTH: 500}  # the score above a lane for each warning sign, each lane a line high


class ChartFeed(QObject):
    """The series every chart view draws from. Views call ``on_changes`` with the ledger's Changes (the same
    Changes reaching several views is refreshed once) and redraw the kinds ``series_changed`` names."""

    series_changed = Signal(object)
    """Emitted with the frozenset of ChartKind whose series moved."""

    def __init__(
        self,
        *,
        workspace: Workspace | None = None,
        data: ChartData | None = None,
        background_health: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if data is None:
            if workspace is None:
                raise TypeError("ChartFeed needs a workspace or a ChartData")
            data = ChartData(session=workspace.session)
        self.data = data
        self.background_health = background_health
        self.health_error: str | None = None
        self._last_changes: Changes | None = None
        self._running: HealthJob | None = None
        self._background = Background(self)

    def series(self, kind: ChartKind):
        """The series to draw now; for the health chart in the background mode, what is worked out so far."""
        if kind is ChartKind.HEALTH and self.background_health:
            self._start_health()
            return self.data.health_so_far()
        return self.data.series(kind)

    @property
    def health_busy(self) -> bool:
        return self._running is not None

    def health_progress(self) -> tuple[int, int]:
        """Month ends worked out so far, and how many the history has."""
        done = len(self.data.health_so_far().days)
        return done, done + sum(_months_in(job) for job in self.data.health_jobs())

    def on_changes(self, changes: Changes) -> None:
        if changes is self._last_changes:
            return
        self._last_changes = changes
        self.health_error = None
        kinds = self.data.refresh(changes)
        if kinds:
            self.series_changed.emit(kinds)

    def reload(self) -> None:
        """Read everything again (after a settings change, or an import that replaced the data)."""
        self._last_changes = None
        self.health_error = None
        self.data.reload()
        self.series_changed.emit(ALL_KINDS)

    def wait_for_health(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (for closing, and for benchmarks)."""
        return self._background.wait(msecs)

    def _start_health(self) -> None:
        if self._running is not None or self.health_error is not None:
            return  # after a failure, wait for the next change or reload rather than fail again at once
        jobs = self.data.health_jobs()
        if not jobs:
            return
        job = self._running = jobs[0]
        # On the worker: touches no widget and no ChartData state (run_health_job only reads).
        self._background.run(
            lambda: self.data.run_health_job(job),
            lambda points, error: self._on_health_done(job, points, None if error is None else str(error)),
        )

    def _on_health_done(self, job: HealthJob, points, error: str | None) -> None:
        self._running = None
        if error is not None:
            self.health_error = error
            self.series_changed.emit(frozenset({ChartKind.HEALTH}))
            return
        # A change during the job makes its points stale: accept_health refuses them and the next plan redoes them.
        self.data.accept_health(job, points)
        self.series_changed.emit(frozenset({ChartKind.HEALTH}))
        self._start_health()


def _months_in(job: HealthJob) -> int:
    return (job.end.year - job.start.year) * 12 + job.end.month - job.start.month + 1


class _ChartGrid(QWidget):
    """What ChartsView and DashboardCharts share: charts fed by a ChartFeed, redrawn when shown and stale."""

    def __init__(
        self,
        *,
        workspace: Workspace | None,
        feed: ChartFeed | None,
        kinds: tuple[ChartKind, ...],
        compact: bool,
        preset: RangePreset,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.feed = feed or ChartFeed(workspace=workspace, parent=self)
        self.preset = preset
        self.charts: dict[ChartKind, Chart] = {kind: CHART_CLASSES[kind](compact=compact) for kind in kinds}
        self._stale: set[ChartKind] = set(kinds)
        self.feed.series_changed.connect(self._on_series_changed)

    def reload(self) -> None:
        """Read everything again and redraw."""
        self.feed.reload()

    def on_changes(self, changes: Changes) -> None:
        """Slot for the ChangeHub: redraw the charts the change concerns (now if shown, else when shown)."""
        self.feed.on_changes(changes)

    def set_range_preset(self, preset: RangePreset) -> None:
        self.preset = preset
        start, end = self.feed.data.span(preset)
        for chart in self.charts.values():
            chart.set_span(start, end)

    def redraw(self) -> None:
        """Draw what is stale (called when shown; tests call it directly)."""
        stale, self._stale = self._stale, set()
        if not stale:
            return
        span = self.feed.data.span(self.preset)
        for kind in stale:
            chart = self.charts[kind]
            chart.set_series(self.feed.series(kind))
            chart.set_span(*span)
        if ChartKind.HEALTH in stale:
            self._show_health_state()

    def _on_series_changed(self, kinds) -> None:
        self._stale |= set(kinds) & self.charts.keys()
        if self.isVisible():
            self.redraw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.redraw()

    def _show_health_state(self) -> None:
        chart = self.charts.get(ChartKind.HEALTH)
        if chart is None:
            return
        if self.feed.health_error is not None:
            chart.show_message(
                self.tr("The health score could not be worked out:\n{error}").format(error=self.feed.health_error)
            )
        elif self.feed.health_busy and (chart.series is None or chart.series.is_empty):
            done, total = self.feed.health_progress()
            chart.show_message(
                self.tr("Working out the health score for each month… {done} of {total} months done.").format(
                    done=done, total=total
                )
            )


class ChartsView(_ChartGrid):
    """All six trend charts, two to a row, with the range presets above. The limit chart's cut markers ask for
    a diagnosis through ``diagnosis_requested``."""

    diagnosis_requested = Signal(str, object)
    """Emitted with a platform and the date of a limit cut the user clicked."""

    def __init__(
        self,
        *,
        workspace: Workspace | None = None,
        feed: ChartFeed | None = None,
        preset: RangePreset = RangePreset.ONE_YEAR,
        parent: QWidget | None = None,
    ) -> None:
        kinds = (
            ChartKind.HEALTH,
            ChartKind.BORROWING,
            ChartKind.ON_TIME,
            ChartKind.BALANCE,
            ChartKind.PLATFORMS,
            ChartKind.LIMITS,
        )
        super().__init__(workspace=workspace, feed=feed, kinds=kinds, compact=False, preset=preset, parent=parent)
        self.charts[ChartKind.LIMITS].diagnosis_requested.connect(self.diagnosis_requested)
        self.open_large_actions: dict[ChartKind, QAction] = {}
        for kind, chart in self.charts.items():  # right-click (or the menu key) on a chart: Open large
            action = self.open_large_actions[kind] = QAction(chart)
            action.triggered.connect(lambda _checked=False, k=kind: self.open_large(k))
            chart.graphics.insertAction(chart.save_action, action)

        self.range_label = QLabel()
        self.preset_buttons: dict[RangePreset, QToolButton] = {}
        self.preset_group = QButtonGroup(self)
        bar = QHBoxLayout()
        bar.addWidget(self.range_label)
        for each in RangePreset:
            button = QToolButton()
            button.setCheckable(True)
            button.setChecked(each is preset)
            button.clicked.connect(lambda _checked=False, p=each: self.set_range_preset(p))
            self.preset_group.addButton(button)
            self.preset_buttons[each] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.health_status = QLabel()
        bar.addWidget(self.health_status)

        grid_page = QWidget()
        self._grid = grid = QGridLayout(grid_page)
        for index, chart in enumerate(self.charts.values()):
            chart.setFixedHeight(MIN_CHART_HEIGHT)
            grid.addWidget(chart, index // 2, index % 2)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_page)
        scroll.viewport().installEventFilter(self)  # its height sets the charts' (see _fit_rows)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.retranslate_ui()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_rows(event.size().height())
        return super().eventFilter(watched, event)

    def _fit_rows(self, height: int) -> None:
        """Two rows of charts fill the page when it is tall enough (four charts in view at 1920 × 1080); on a
        smaller screen each keeps a readable height and the page scrolls to the rest."""
        margins = self._grid.contentsMargins()
        room = height - margins.top() - margins.bottom() - self._grid.verticalSpacing()
        charts = list(self.charts.values())
        first = max(room // 2, *(TALL_CHARTS.get(chart.kind, MIN_CHART_HEIGHT) for chart in charts[:2]))
        rest = max(MIN_CHART_HEIGHT, room - first)  # the second row fills what the first leaves
        for index, chart in enumerate(charts):
            chart.setFixedHeight(first if index < 2 else max(rest, TALL_CHARTS.get(chart.kind, MIN_CHART_HEIGHT)))

    def open_large(self, kind: ChartKind) -> QDialog:
        """The chart in a window of its own, as large as the user makes it, on the same span; it follows the
        records as the page does."""
        window = QDialog(self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chart = CHART_CLASSES[kind](compact=False, parent=window)
        if kind is ChartKind.LIMITS:
            chart.diagnosis_requested.connect(self.diagnosis_requested)
        layout = QVBoxLayout(window)
        layout.addWidget(chart)
        window.setWindowTitle(chart.title())
        window.chart = chart

        def draw(kinds=frozenset({kind})) -> None:
            if kind in kinds:
                chart.set_series(self.feed.series(kind))
                chart.set_span(*self.feed.data.span(self.preset))

        draw()
        self.feed.series_changed.connect(draw)
        window.destroyed.connect(lambda: self.feed.series_changed.disconnect(draw))
        window.resize(1200, 760)
        window.show()
        return window

    def retranslate_ui(self) -> None:
        for action in self.open_large_actions.values():
            action.setText(self.tr("Open large"))
        self.range_label.setText(self.tr("Show:"))
        names = {
            RangePreset.SIX_MONTHS: self.tr("6 months"),
            RangePreset.ONE_YEAR: self.tr("1 year"),
            RangePreset.THREE_YEARS: self.tr("3 years"),
            RangePreset.ALL: self.tr("All"),
        }
        for preset, button in self.preset_buttons.items():
            button.setText(names[preset])

    def set_range_preset(self, preset: RangePreset) -> None:
        self.preset_buttons[preset].setChecked(True)
        super().set_range_preset(preset)

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_health_state(self) -> None:
        super()._show_health_state()
        if self.feed.health_busy:
            done, total = self.feed.health_progress()
            self.health_status.setText(
                self.tr("Health score: {done} of {total} months worked out…").format(done=done, total=total)
            )
        else:
            self.health_status.clear()


class DashboardCharts(_ChartGrid):
    """Small versions of a few charts for the dashboard (the last year, no legends, the read-out as a tooltip).
    Clicking one emits ``chart_activated`` so the window can open the Charts view on it."""

    chart_activated = Signal(object)
    """Emitted with the ChartKind of the small chart the user clicked."""

    DEFAULT_KINDS = (ChartKind.HEALTH, ChartKind.BORROWING, ChartKind.ON_TIME, ChartKind.PLATFORMS)

    def __init__(
        self,
        *,
        workspace: Workspace | None = None,
        feed: ChartFeed | None = None,
        kinds: tuple[ChartKind, ...] = DEFAULT_KINDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            workspace=workspace, feed=feed, kinds=kinds, compact=True, preset=RangePreset.ONE_YEAR, parent=parent
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (kind, chart) in enumerate(self.charts.items()):
            chart.setMinimumHeight(170)
            chart.graphics.scene().sigMouseClicked.connect(lambda _event, k=kind: self.chart_activated.emit(k))
            grid.addWidget(chart, index // 2, index % 2)
