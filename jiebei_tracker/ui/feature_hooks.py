"""Where the window meets what it makes later: the features built beside it (the dashboard's health widgets and
small charts, the Charts page, the import wizard, the reminders and the autopay check) and the parts made on first
use (the other pages, built after the first frame; the first-run welcome; the sample-data banner). Each is one
function here, so wiring a feature in (or out) is a one-line change. With ``ui/dialogs/on_demand.py`` (each
dialog's class, loaded when first opened) this is where the window imports late, so that its first frame loads
only what it shows (benchmarks/bench_startup.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.vocabulary import AutopayRecording
from jiebei_tracker.services import dues
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import ChangeHub, app_icon
from jiebei_tracker.ui.first_frame import after_first_frame
from jiebei_tracker.ui.refusal_text import reason_text
from jiebei_tracker.ui.undo import UndoableDeletes
from jiebei_tracker.ui.views.deferred import Deferred

if TYPE_CHECKING:
    from jiebei_tracker.ui.credit_actions import CreditActions
    from jiebei_tracker.ui.sample_banner import SampleBanner
    from jiebei_tracker.ui.views.loans_view import LoansView
    from jiebei_tracker.ui.views.notes_view import NotesView
    from jiebei_tracker.ui.views.plan_view import PlanView
    from jiebei_tracker.ui.views.platforms_view import PlatformsView
    from jiebei_tracker.ui.views.welcome_view import WelcomeView


# -- parts of the window made on first use -----------------------------------------------------------------


def loans_view_class() -> type[LoansView]:
    from jiebei_tracker.ui.views.loans_view import LoansView

    return LoansView


def platforms_view_class() -> type[PlatformsView]:
    from jiebei_tracker.ui.views.platforms_view import PlatformsView

    return PlatformsView


def notes_view_class() -> type[NotesView]:
    from jiebei_tracker.ui.views.notes_view import NotesView

    return NotesView


def plan_view_class() -> type[PlanView]:
    from jiebei_tracker.ui.views.plan_view import PlanView

    return PlanView


def credit_actions_class() -> type[CreditActions]:
    from jiebei_tracker.ui.credit_actions import CreditActions

    return CreditActions


def welcome_view_class() -> type[WelcomeView]:
    from jiebei_tracker.ui.views.welcome_view import WelcomeView

    return WelcomeView


def sample_banner_class() -> type[SampleBanner]:
    from jiebei_tracker.ui.sample_banner import SampleBanner

    return SampleBanner


# -- features built beside the window ------------------------------------------------------------------------


def build_health_panel(
    *, workspace: Workspace, hub: ChangeHub, open_loan: Callable[[int], object], open_note: Callable[[int], object]
) -> QWidget:
    """The dashboard's health widgets: score and trend, flag cards, recovery and autopay checklists."""
    from jiebei_tracker.ui.views.health_panel import HealthPanel

    panel = HealthPanel(workspace=workspace, hub=hub)
    panel.loan_requested.connect(open_loan)
    panel.note_requested.connect(open_note)
    return panel


class _ChartFeedOf:
    """One ChartFeed per window, shared by the Charts page and the dashboard's small charts, made on first use."""

    def __init__(self, workspace: Workspace, hub: ChangeHub) -> None:
        self._workspace, self._hub, self._feed = workspace, hub, None

    def __call__(self):
        if self._feed is None:
            from jiebei_tracker.ui.views.charts_view import ChartFeed

            self._feed = ChartFeed(workspace=self._workspace, parent=self._hub)
            self._hub.settings_changed.connect(self._feed.reload)
        return self._feed

    def wait_for_health(self) -> None:
        if self._feed is not None:
            self._feed.wait_for_health()


def build_charts_page(*, workspace: Workspace, hub: ChangeHub, show_platform: Callable[[str, date], object]) -> QWidget:
    """The Charts page, built the first time it is shown (pyqtgraph and the series take a while)."""
    feed = _ChartFeedOf(workspace, hub)

    def build() -> QWidget:
        from jiebei_tracker.ui.views.charts_view import ChartsView

        view = ChartsView(feed=feed())
        hub.changed.connect(view.on_changes)
        view.diagnosis_requested.connect(show_platform)
        return view

    page = Deferred(build)
    page.feed = feed  # the dashboard's small charts share it; the window waits on it before closing
    return page


def build_dashboard_charts(
    *, workspace: Workspace, hub: ChangeHub, charts_page: QWidget, show_charts: Callable[[], object]
) -> QWidget:
    """The small charts on the dashboard, built just after the window is first drawn."""
    feed = getattr(charts_page, "feed", None) or _ChartFeedOf(workspace, hub)

    def build() -> QWidget:
        from jiebei_tracker.ui.views.charts_view import DashboardCharts

        charts = DashboardCharts(feed=feed())
        hub.changed.connect(charts.on_changes)
        charts.chart_activated.connect(lambda _kind: show_charts())
        return charts

    return Deferred(build)


def open_import_wizard(
    *,
    workspace: Workspace,
    hub: ChangeHub,
    path: Path | None = None,
    parent: QWidget | None = None,
    undo_import: Callable[[int, QWidget], Changes | None] | None = None,
) -> Changes | None:
    """The import wizard, starting at ``path`` when a file was dropped on the window; ``undo_import`` is what its
    "Undo this import" button calls (the window's ImportUndo.undo_by_id)."""
    from jiebei_tracker.services.imports.service import ImportService
    from jiebei_tracker.ui.dialogs.import_wizard import ImportWizard

    imports = ImportService(database=workspace.database, ledger=workspace.ledger, today=workspace.today)
    changes = ImportWizard.ask(imports=imports, path=path, parent=parent, undo_import=undo_import)
    return hub.announce(changes) if changes is not None else None


def print_health_report(*, workspace: Workspace, window: QWidget, title: str, language: str) -> bool:
    """File ▸ Print health report…: the report the command line writes as HTML (score, flags with evidence and
    advice, what is due, recent cuts, the charts of the last year), printed or saved as PDF; False when the user
    cancelled."""
    from jiebei_tracker.charts.report_images import report_chart_images
    from jiebei_tracker.services.health.report import render_html
    from jiebei_tracker.services.series.data import ChartData
    from jiebei_tracker.ui.printing import print_made

    def page() -> str:
        report = workspace.session.report()
        data = ChartData(session=workspace.session, today=lambda: report.as_of)
        charts = report_chart_images(data, as_of=report.as_of)
        return render_html(report, language=language, chart_images=charts)

    return print_made(window, title, page)


def data_file_commands(
    *,
    workspace: Workspace,
    window: QWidget,
    replaced: Callable[[], None],
    protect: Callable[[object], None] | None = None,
) -> QObject:
    """File ▸ Back up now…, Restore from a backup…, Protect with a passphrase…, Export… for the workspace's data
    (ui.data_file)."""
    from jiebei_tracker.ui.data_file import DataFileCommands

    return DataFileCommands(workspace=workspace, window=window, replaced=replaced, protect=protect)


def start_reminders(*, workspace: Workspace, hub: ChangeHub, window) -> QObject | None:
    """Due-date reminders for the open data: a tray notification where a tray exists, and the in-window banner,
    started once the window's first frame is on screen. Returns their handle (the application stops it when the
    window changes)."""
    reminders = _Reminders(workspace=workspace, hub=hub, window=window)
    window.close_guards.append(reminders.handle_close)
    after_first_frame(window, reminders.start)
    return reminders


class _Reminders(QObject):
    """The reminder notifier and banner of a window, made and started on ``start()`` (the reminder services
    bring SQLAlchemy with them: they load after the window is drawn)."""

    def __init__(self, *, workspace: Workspace, hub: ChangeHub, window) -> None:
        super().__init__(window)
        self._workspace, self._hub, self._window = workspace, hub, window
        self.notifier = None
        self.banner = None
        self._stopped = False

    def start(self) -> None:
        if self._stopped or self.notifier is not None:
            return
        from jiebei_tracker.services.health.reminders import take_reminders_to_show
        from jiebei_tracker.ui.reminders_tray import ReminderNotifier
        from jiebei_tracker.ui.views.health import ReminderBanner

        workspace, window = self._workspace, self._window
        state: QSettings | None = window.state
        keep_running = bool(state is not None and state.value("reminders/keep_running", False, type=bool))
        notifier = ReminderNotifier(
            fetch=lambda: take_reminders_to_show(workspace.database, today=workspace.today()),
            icon=app_icon(),
            keep_running=keep_running,
            parent=self,
        )
        banner = self.banner = ReminderBanner()
        window.add_banner(banner)
        banner.loan_requested.connect(window.open_loan)
        # The bar shows the reminders as they stand: again after every change, settings save and tray check.
        self._hub.changed.connect(self._refresh_banner)
        self._hub.settings_changed.connect(self._refresh_banner)
        notifier.reminders_due.connect(self._refresh_banner)
        notifier.open_requested.connect(window.bring_forward)
        notifier.quit_requested.connect(QApplication.quit)
        if state is not None:
            notifier.keep_running_changed.connect(lambda keep: state.setValue("reminders/keep_running", keep))
        self.notifier = notifier
        notifier.start()
        self._refresh_banner()

    def _refresh_banner(self, changes: object = None) -> None:
        if self.banner is None or self._stopped:
            return
        workspace = self._workspace
        if isinstance(changes, Changes):
            workspace.session.apply(changes)  # the one patch of the Book, whoever hands the Changes on first
        lead_days = workspace.general_settings().reminder_lead_days
        self.banner.set_reminders(workspace.session.reminders(lead_days=lead_days, nudges=False))

    def stop(self) -> None:
        self._stopped = True
        if self.notifier is not None:
            self.notifier.stop()

    def handle_close(self, window: QWidget) -> bool:
        return self.notifier is not None and self.notifier.handle_close(window)


def start_autopay_check(*, workspace: Workspace, hub: ChangeHub, undo: UndoableDeletes, window) -> AutopayCheck | None:
    """The autopay check of the user's data, first run once the window's first frame is on screen. None for the
    sample data (its deductions are made up)."""
    if window.is_sample:
        return None
    check = AutopayCheck(workspace=workspace, hub=hub, undo=undo, window=window)
    after_first_frame(window, check.start)
    return check


class AutopayCheck(QObject):
    """Installments of loans on autopay that fell due and are not recorded as paid, handled as the settings say:
    asked about (AutopayCheckDialog), recorded with a notice offering Undo (AutopayNotice), or left alone. Every
    recording goes on the window's undo stack. It looks on start, after the settings are saved, and again whenever
    the day has changed: ``timer`` looks every few minutes, so a computer woken from sleep catches up too."""

    INTERVAL_MS = 5 * 60 * 1000

    def __init__(self, *, workspace: Workspace, hub: ChangeHub, undo: UndoableDeletes, window) -> None:
        super().__init__(window)
        self._workspace, self._hub, self._undo, self._window = workspace, hub, undo, window
        self.checked_on: date | None = None
        self.dialog = None  # the check on screen, while it is
        self.notice = None  # the strip above the pages, made on the first recording without asking
        self._asking = False
        # Installments the user left open (Not now, or unticked): not asked about again the same day.
        self._left_open_on: date | None = None
        self._left_open: set[tuple[int, int]] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.on_timer)

    def start(self) -> None:
        self._hub.settings_changed.connect(self.check_autopay)
        self.timer.start()
        self.check_autopay()

    def on_timer(self) -> None:
        """Check again if the day has changed since the last check."""
        if self._workspace.today() != self.checked_on:
            self.check_autopay()

    def check_autopay(self) -> None:
        today = self._workspace.today()
        self.checked_on = today
        mode = AutopayRecording(self._workspace.general_settings().autopay_recording)
        if mode is AutopayRecording.OFF or self._asking:
            return
        found = dues.pending_autopay(self._workspace.database, as_of=today, grace_days=self._workspace.grace_days)
        if mode is AutopayRecording.AUTO:
            if found and self._record(found):
                self._show_notice(found)
            return
        if self._left_open_on != today:
            self._left_open_on, self._left_open = today, set()
        asked = [item for item in found if (item.loan_id, item.seq) not in self._left_open]
        if not asked:
            return
        from jiebei_tracker.ui.dialogs.autopay_check import AutopayCheckDialog

        self._asking = True
        dialog = AutopayCheckDialog.ask(
            items=asked, answer=lambda chosen: self._answered(asked, chosen), parent=self._window
        )
        self.dialog = dialog if self._asking else None  # a stand-in for the dialog may have answered already

    def _answered(self, asked: list[dues.DueInstallment], chosen: list[dues.DueInstallment] | None) -> None:
        self._asking, self.dialog = False, None
        chosen = chosen or []
        keys = {(item.loan_id, item.seq) for item in chosen}
        self._left_open.update((item.loan_id, item.seq) for item in asked if (item.loan_id, item.seq) not in keys)
        if chosen and self._record(chosen):  # said in the status bar, with Undo, as a repayment logged is
            self._window.undo_notice.show_message(
                self.tr("Autopay deductions recorded as paid: {count}.").format(count=len(chosen))
            )

    def _record(self, items: list[dues.DueInstallment]) -> bool:
        from jiebei_tracker.services.autopay import record_deductions

        try:
            changes, edit = record_deductions(self._workspace.ledger, items)
        except InvalidValue as error:  # a loan deleted meanwhile, say
            self._window.statusBar().showMessage(reason_text(error.reason), 8000)
            return False
        self._hub.announce(changes)
        if not edit.added_ids:
            return False
        self._undo.repayment_written(edit, self.tr("autopay recording ({count})").format(count=len(items)))
        return True

    def _show_notice(self, items: list[dues.DueInstallment]) -> None:
        if self.notice is None:
            from jiebei_tracker.ui.dialogs.autopay_check import AutopayNotice

            self.notice = AutopayNotice(stack=self._undo.stack)
            self._window.add_banner(self.notice)
        self.notice.show_recorded(items)
