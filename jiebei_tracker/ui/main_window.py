"""The main window: navigation between the pages (each built when first needed), the commands, undo, the banners."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker import __version__
from jiebei_tracker.qt_text import display_language, plain_label
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui import feature_hooks
from jiebei_tracker.ui.actions import LoanActions
from jiebei_tracker.ui.common import ChangeHub, app_icon, icon, readable_quiet_text
from jiebei_tracker.ui.dialogs import on_demand
from jiebei_tracker.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from jiebei_tracker.ui.first_frame import after_first_frame
from jiebei_tracker.ui.i18n import Translations
from jiebei_tracker.ui.import_undo import ImportUndo
from jiebei_tracker.ui.page_stack import PageStack
from jiebei_tracker.ui.undo import UndoableDeletes
from jiebei_tracker.ui.undo_notice import UndoNotice
from jiebei_tracker.ui.views.dashboard_view import DashboardView
from jiebei_tracker.ui.views.page import Page
from jiebei_tracker.ui.window_actions import PAGES, WindowActions
from jiebei_tracker.ui.window_layout import RememberedLayout

if TYPE_CHECKING:  # made on first use (ui/feature_hooks.py): the other pages after the first frame, dialogs opened
    from jiebei_tracker.domain.records import LoanDraft
    from jiebei_tracker.ui.credit_actions import CreditActions
    from jiebei_tracker.ui.dialogs.loan_detail import LoanDetailDialog
    from jiebei_tracker.ui.sample_banner import SampleBanner
    from jiebei_tracker.ui.views.loans_view import LoansView
    from jiebei_tracker.ui.views.notes_view import NotesView
    from jiebei_tracker.ui.views.plan_view import PlanView
    from jiebei_tracker.ui.views.platforms_view import PlatformsView


DASHBOARD, LOANS, PLATFORMS, NOTES, CHARTS, PLAN = range(len(PAGES))
# The selected page is tinted (not filled with the highlight colour) so its blue icon stays visible, light or dark.
_NAVIGATION_STYLE = (
    "QListWidget#navigation { background: transparent; outline: 0; }"
    "QListWidget#navigation::item { padding: 7px 6px; border-radius: 5px; }"
    "QListWidget#navigation::item:selected { background: rgba(61, 132, 214, 0.22); color: palette(text); }"
)


class MainWindow(QMainWindow):
    """Pages: Dashboard, Loans, Platforms & limits, Credit report notes, Charts, Plan. ``state`` keeps the window's
    size, position and table layouts between runs; ``translations`` switches the language when the settings say so."""

    sample_requested = Signal()
    """The user wants to look at the sample data (the application opens it in its own window)."""
    own_data_requested = Signal()
    """The user wants to go back from the sample data to their own."""
    language_chosen = Signal(str)
    """The settings were saved with this language setting (``""`` follows the system)."""
    data_replaced = Signal()
    """A backup was restored over the data: the application opens it again in a new window."""
    passphrase_change_requested = Signal(object)
    """File ▸ Protect with a passphrase… was filled in (a Protection): the application closes the file, converts
    it and opens it again in a new window."""

    def __init__(
        self,
        *,
        workspace: Workspace,
        hub: ChangeHub | None = None,
        translations: Translations | None = None,
        state: QSettings | None = None,
        sample: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        readable_quiet_text(QApplication.instance())
        self.workspace = workspace
        self.hub = hub or ChangeHub(self)
        self.translations = translations
        self.state = state
        self.remembered = RememberedLayout(state)
        self.is_sample = sample
        self.detail_dialogs: dict[int, LoanDetailDialog] = {}
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.undo = UndoableDeletes(workspace=workspace, hub=self.hub, parent=self)
        self.undo.failed.connect(lambda reason: self.statusBar().showMessage(reason, 8000))
        self.actions = LoanActions(workspace=workspace, hub=self.hub, undo=self.undo, parent=self)
        self._credit_actions: CreditActions | None = None
        self.actions.check_first = self.check_loan_first

        self.close_guards: list = []  # each may keep the window from closing (reminders running in the tray)
        self.charts_page = feature_hooks.build_charts_page(
            workspace=workspace, hub=self.hub, show_platform=self.show_platform
        )
        self.health_panel = feature_hooks.build_health_panel(
            workspace=workspace, hub=self.hub, open_loan=self.open_loan, open_note=self.show_note
        )
        self.dashboard_charts = feature_hooks.build_dashboard_charts(
            workspace=workspace, hub=self.hub, charts_page=self.charts_page, show_charts=lambda: self.show_page(CHARTS)
        )
        self.dashboard = DashboardView(
            workspace=workspace,
            actions=self.actions,
            health_panel=self.health_panel,
            charts_panel=self.dashboard_charts,
        )
        self.dashboard.loan_requested.connect(self.open_loan)
        self.dashboard.import_requested.connect(self.import_file)
        self.dashboard.sample_requested.connect(self.sample_requested.emit)
        # Only the page the window opens on is built before its first frame; the rest follow right after it.
        self.stack = PageStack(
            [
                lambda: self.dashboard,
                self._build_loans_view,
                self._build_platforms_view,
                self._build_notes_view,
                lambda: self.charts_page,
                self._build_plan_view,
            ]
        )
        self.stack.built.connect(lambda _index, page: self.remembered.restore_tables(page))
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setSpacing(2)
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setStyleSheet(_NAVIGATION_STYLE)
        for name in PAGES:
            QListWidgetItem(icon(name), "", self.navigation)
        self.navigation.currentRowChanged.connect(self.stack.show_page)
        self.splitter = QSplitter()
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([190, 1010])
        self.splitter.setCollapsible(1, False)

        self.banner: SampleBanner | None = None  # only with the sample data
        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        if sample:
            self.banner = feature_hooks.sample_banner_class()()
            self.banner.back_button.clicked.connect(self.own_data_requested.emit)
            self._column.addWidget(self.banner)
        self._column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.data_label = plain_label()  # the database's path, whatever its name
        self.statusBar().addPermanentWidget(self.data_label)
        self.undo_notice = UndoNotice(stack=self.undo.stack)  # "Logged ¥1,050.09 on 借呗 …  Undo"
        self.statusBar().addWidget(self.undo_notice, 1)
        self.actions.repayment_logged.connect(self.undo_notice.show_message)
        self.commands = WindowActions(self)
        self._connect_commands()
        self.hub.changed.connect(self._on_changed)
        self.hub.settings_changed.connect(self._on_settings_changed)
        self.resize(1200, 760)
        self.retranslate_ui()
        self.restore_layout()
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(DASHBOARD)
        after_first_frame(self, self.stack.build_the_rest)
        # The window opens on plain-driver reads; what the first write needs (the ledger and SQLAlchemy, most of a
        # second to import) loads once the window is on screen, not when the user first saves something.
        after_first_frame(self, workspace.warm_up)
        after_first_frame(self, self.import_undo.refresh)  # Edit ▸ Undo import, enabled if there is one to undo
        # Autopay installments that fell due are asked about (or recorded) once the window is on screen.
        self.autopay_check = feature_hooks.start_autopay_check(
            workspace=workspace, hub=self.hub, undo=self.undo, window=self
        )

    # -- building --------------------------------------------------------------------------------------------

    def _build_loans_view(self) -> LoansView:
        view = feature_hooks.loans_view_class()(workspace=self.workspace)
        view.loan_requested.connect(self.open_loan)
        view.table.activated.connect(lambda _index: self._with_selected(self.open_loan))
        return view

    def _build_platforms_view(self) -> PlatformsView:
        return feature_hooks.platforms_view_class()(workspace=self.workspace, actions=self.credit_actions)

    def _build_notes_view(self) -> NotesView:
        return feature_hooks.notes_view_class()(workspace=self.workspace, actions=self.credit_actions)

    def _build_plan_view(self) -> PlanView:
        view = feature_hooks.plan_view_class()(workspace=self.workspace)
        view.what_if.record_requested.connect(lambda draft: self.actions.new_loan(prefill=draft))
        return view

    def check_loan_first(self, draft: LoanDraft) -> None:
        """The new-loan form's *Check first*: the Plan page's what-if, asked about this loan."""
        self.show_page(PLAN).check_loan(draft)

    @property
    def credit_actions(self) -> CreditActions:
        if self._credit_actions is None:
            self._credit_actions = feature_hooks.credit_actions_class()(
                workspace=self.workspace, hub=self.hub, undo=self.undo, parent=self
            )
        return self._credit_actions

    @property
    def pages(self) -> list[QWidget]:
        """Every page, in navigation order (built now if not yet)."""
        return [self.stack.page(index) for index in range(self.stack.count())]

    @property
    def loans_view(self) -> LoansView:
        return self.stack.page(LOANS)

    @property
    def platforms_view(self) -> PlatformsView:
        return self.stack.page(PLATFORMS)

    @property
    def notes_view(self) -> NotesView:
        return self.stack.page(NOTES)

    @property
    def plan_view(self) -> PlanView:
        return self.stack.page(PLAN)

    def _connect_commands(self) -> None:
        commands = self.commands
        commands.new_loan.triggered.connect(self.actions.new_loan)
        commands.log_repayment.triggered.connect(lambda: self._with_selected(self.actions.log_repayment))
        commands.import_file.triggered.connect(self.import_file)
        commands.open_loan.triggered.connect(lambda: self._with_selected(self.open_loan))
        commands.delete_loan.triggered.connect(lambda: self._with_selected(self.actions.delete_loan))
        commands.find.triggered.connect(self.find)
        commands.sample.triggered.connect(
            self.own_data_requested.emit if self.is_sample else self.sample_requested.emit
        )
        commands.settings.triggered.connect(self.open_settings)
        self._data_file = None
        commands.export.triggered.connect(lambda: self.data_file.export())
        commands.print_report.triggered.connect(self.print_health_report)
        commands.back_up.triggered.connect(lambda: self.data_file.back_up_now())
        commands.restore.triggered.connect(lambda: self.data_file.restore())
        commands.protect.triggered.connect(lambda: self.data_file.protect())
        for action in (commands.back_up, commands.restore, commands.protect):
            action.setEnabled(not self.is_sample)  # the sample data is made afresh: nothing to keep
        commands.quit.triggered.connect(self.close)
        commands.about.triggered.connect(self.about)
        commands.shortcuts.triggered.connect(self.show_shortcuts)
        commands.user_guide.triggered.connect(self.show_user_guide)
        for index, action in enumerate(commands.pages):
            action.triggered.connect(lambda _checked=False, page=index: self.show_page(page))
        commands.install(undo_stack=self.undo.stack)
        self.import_undo = ImportUndo(workspace=self.workspace, hub=self.hub, action=commands.undo_import, window=self)
        self.undo_action, self.redo_action = commands.undo, commands.redo

    # -- navigation and the selected loan --------------------------------------------------------------------

    def show_page(self, index: int) -> Page | QWidget:
        self.navigation.setCurrentRow(index)
        return self.stack.page(index)

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def selected_loan_id(self) -> int | None:
        page = self.current_page()
        return page.selected_loan_id() if isinstance(page, Page) else None

    def _with_selected(self, handler) -> None:
        loan_id = self.selected_loan_id()
        if loan_id is None:
            self.statusBar().showMessage(self.tr("Select a loan first (on the Dashboard or in Loans)."), 5000)
            return
        handler(loan_id)

    def add_banner(self, banner: QWidget) -> None:
        """A strip above the pages (the reminders), below the sample-data banner."""
        self._column.insertWidget(self._column.indexOf(self.splitter), banner)

    def bring_forward(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_platform(self, name: str, day: date | None = None) -> None:
        """Platforms & limits on ``name``; with ``day`` (a cut clicked on a chart), on that record, whose
        diagnosis then shows."""
        self.show_page(PLATFORMS)
        if self.platforms_view.choose(name) and day is not None:
            self.platforms_view.choose_record(day)

    def show_note(self, note_id: int) -> None:
        self.show_page(NOTES)
        self.notes_view.choose(note_id)

    def find(self) -> None:
        self.show_page(LOANS)
        self.loans_view.focus_search()

    def open_loan(self, loan_id: int) -> LoanDetailDialog:
        dialog = self.detail_dialogs.get(loan_id)
        if dialog is None:
            dialog = on_demand.loan_detail_dialog()(
                workspace=self.workspace, hub=self.hub, actions=self.actions, loan_id=loan_id, parent=self
            )
            dialog.finished.connect(lambda _result, key=loan_id: self.detail_dialogs.pop(key, None))
            dialog.addActions([self.undo_action, self.redo_action])  # Ctrl+Z works in the loan's window too
            self.detail_dialogs[loan_id] = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def print_health_report(self) -> bool:
        """File ▸ Print health report… in the window's language."""
        return feature_hooks.print_health_report(
            workspace=self.workspace, window=self, title=self.tr("Health report"), language=display_language()
        )

    def show_user_guide(self) -> QDialog:
        """Help ▸ User guide: the guide, offline, beside the window (not modal)."""
        dialog = on_demand.user_guide_dialog()(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_shortcuts(self) -> QDialog:
        """Help ▸ Keyboard shortcuts (not modal: it can stay open beside the window)."""
        dialog = ShortcutsDialog(self.commands.with_keys(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    @property
    def data_file(self):
        """File ▸ Back up now…, Restore from a backup…, Export… (built on first use, after the first frame)."""
        if self._data_file is None:
            self._data_file = feature_hooks.data_file_commands(
                workspace=self.workspace,
                window=self,
                replaced=self.data_replaced.emit,
                protect=self.passphrase_change_requested.emit,
            )
        return self._data_file

    def import_file(self, path: Path | None = None) -> Changes | None:
        return feature_hooks.open_import_wizard(
            workspace=self.workspace,
            hub=self.hub,
            path=path if isinstance(path, Path) else None,
            parent=self,
            undo_import=self.import_undo.undo_by_id,
        )

    # -- changes, settings, language -------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        for page in self.stack.built_pages():  # a page built later reads what is there then
            if isinstance(page, Page):
                page.on_changes(changes)

    def _on_settings_changed(self) -> None:
        for page in self.stack.built_pages():
            if isinstance(page, Page):
                page.mark_stale()

    def open_settings(self) -> bool:
        return on_demand.settings_dialog().ask(
            general=self.workspace.general_settings(),
            thresholds=self.workspace.thresholds(),
            save=self.save_settings,
            parent=self,
        )

    def save_settings(self, general, thresholds) -> None:
        self.workspace.save_general_settings(general)
        self.workspace.save_thresholds(thresholds)
        if self.translations is not None:
            self.translations.apply(general.language)
        self.language_chosen.emit(general.language)
        self.hub.settings_changed.emit()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        # The app's name in the language shown, also as the application's display name: Qt adds that to a title
        # that does not hold it already, which would name the app twice ("Jiebei Tracker — … — Jiebei Tracker").
        title = self.tr("Jiebei Tracker")
        QApplication.setApplicationDisplayName(title)
        self.setWindowTitle(self.tr("{title} — sample data").format(title=title) if self.is_sample else title)
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setAccessibleDescription(self.tr("Choose the page to show (Ctrl+1 to Ctrl+6)"))
        # The » Qt shows at the menu bar's end when the window is too narrow for all its menus.
        more = self.menuBar().findChild(QToolButton, "qt_menubar_ext_button")
        if more is not None:
            more.setAccessibleName(self.tr("More menus"))
            more.setToolTip(self.tr("The menus the window is too narrow to show"))
        for row, text in enumerate(self.commands.page_titles()):
            self.navigation.item(row).setText(text)
        self.commands.retranslate_ui(sample=self.is_sample)
        self.import_undo.retranslate()
        self.data_label.setText(
            (
                self.tr("Sample data: {path}")
                if self.is_sample
                else self.tr(
                    "Your data: {path} — encrypted with your passphrase (exports, reports and calendars you save "
                    "are not)"
                )
                if self.workspace.database.encrypted
                else self.tr("Your data: {path}")
            ).format(path=self.workspace.database.path)
        )

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Jiebei Tracker"),
            self.tr(
                "<h3>Jiebei Tracker {version}</h3><p>Keeps your loans, repayments, credit limits and credit-report "
                "notes on this computer and helps you keep your borrowing healthy.</p><p>Your data: {path}</p>"
            ).format(version=__version__, path=html.escape(str(self.workspace.database.path))),
        )

    # -- a file dropped on the window is imported ------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = _dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.import_file(path)

    # -- remembered layout -----------------------------------------------------------------------------------

    def restore_layout(self) -> None:
        page = self.remembered.restore(self)
        if page is not None and 0 <= page < len(PAGES) and not self.is_sample:
            self.navigation.setCurrentRow(page)

    def save_layout(self) -> None:
        self.remembered.save(self, page=None if self.is_sample else self.navigation.currentRow())

    def closeEvent(self, event) -> None:
        self.save_layout()
        if any(guard(self) for guard in self.close_guards):
            event.ignore()  # hidden, still running (in the tray)
            return
        for dialog in list(self.detail_dialogs.values()):
            dialog.close()
        self.wait_for_workers()
        super().closeEvent(event)

    def wait_for_workers(self) -> None:
        """Let the background work (health check, health history) finish before the database may close."""
        wait = getattr(self.health_panel, "wait", None)
        if wait is not None:
            wait()
        feed = getattr(self.charts_page, "feed", None)
        if feed is not None:
            feed.wait_for_health()


def _dropped_file(event) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) == 1 and urls[0].isLocalFile():
        return Path(urls[0].toLocalFile())
    return None
