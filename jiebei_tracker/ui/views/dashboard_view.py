"""The dashboard: how the user stands today (totals), what is overdue and what falls due in the next 30 days with a
one-action repayment, quick actions, and the places for the health widgets and small charts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui import feature_hooks
from jiebei_tracker.ui.actions import LoanActions
from jiebei_tracker.ui.common import STATUS_COLOURS, icon, record_table
from jiebei_tracker.ui.models.due_model import DueTableModel
from jiebei_tracker.ui.models.records_model import LOAN_ID_ROLE
from jiebei_tracker.ui.views.page import Page

if TYPE_CHECKING:  # made when there is nothing to show (ui/feature_hooks.py)
    from jiebei_tracker.ui.views.welcome_view import WelcomeView

DUE_DAYS = 30
PLATFORM_COLUMN = 1  # of the due tables (DueTableModel)
CHARTS_PANEL_HEIGHT = 480  # the four small charts, two rows: each keeps a readable shape with its date axis


class Figure(QFrame):
    """A headline number with its caption and a line of detail."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel()
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel()
        self.detail.setEnabled(False)
        layout = QVBoxLayout(self)
        for label in (self.caption, self.value, self.detail):
            layout.addWidget(label)

    def set_value(self, text: str, *, colour: str | None = None) -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")


class DashboardView(Page):
    """The page the window opens on. Shows the welcome instead while there is no loan at all."""

    loan_requested = Signal(int)
    """The user wants to open a loan (its id)."""
    import_requested = Signal()
    """The user wants to import a file."""
    sample_requested = Signal()
    """The user wants to look at the sample data."""

    def __init__(
        self,
        *,
        workspace: Workspace,
        actions: LoanActions,
        health_panel: QWidget,
        charts_panel: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._actions = actions
        self._welcome: WelcomeView | None = None  # built when first needed: most starts open on the figures

        self.heading = QLabel()
        self.outstanding = Figure()
        self.overdue = Figure()
        self.due_soon = Figure()
        self.loans = Figure()
        figures = QHBoxLayout()
        for figure in (self.outstanding, self.overdue, self.due_soon, self.loans):
            figures.addWidget(figure, 1)

        self.new_button = QPushButton(icon("new-loan"), "")
        self.new_button.clicked.connect(actions.new_loan)
        self.pay_button = QPushButton(icon("repayment"), "")
        self.pay_button.clicked.connect(self.log_repayment)
        self.paid_button = QPushButton("")
        self.paid_button.clicked.connect(self.pay_in_full_today)
        self.open_button = QPushButton(icon("open"), "")
        self.open_button.clicked.connect(self._open_selected)
        self.import_button = QPushButton(icon("import"), "")
        self.import_button.clicked.connect(self.import_requested.emit)
        quick = QHBoxLayout()
        for button in (self.new_button, self.pay_button, self.paid_button, self.open_button):
            quick.addWidget(button)
        quick.addStretch(1)
        quick.addWidget(self.import_button)

        today = workspace.today
        self.overdue_model = DueTableModel(today=today, parent=self)
        self.upcoming_model = DueTableModel(today=today, parent=self)
        self.overdue_title, self.overdue_empty = QLabel(), QLabel()
        self.overdue_table = _due_table(self.overdue_model, "dashboard_overdue_table")
        self.upcoming_title, self.upcoming_empty = QLabel(), QLabel()
        self.upcoming_table = _due_table(self.upcoming_model, "dashboard_upcoming_table")
        for table in (self.overdue_table, self.upcoming_table):
            table.doubleClicked.connect(lambda _index: self.log_repayment())
            table.selectionModel().selectionChanged.connect(self._enable_buttons)
        self.overdue_table.clicked.connect(lambda _index: self.upcoming_table.clearSelection())
        self.upcoming_table.clicked.connect(lambda _index: self.overdue_table.clearSelection())
        lists = QVBoxLayout()
        for title, table, empty in (
            (self.overdue_title, self.overdue_table, self.overdue_empty),
            (self.upcoming_title, self.upcoming_table, self.upcoming_empty),
        ):
            title.setStyleSheet("font-weight: bold;")
            empty.setEnabled(False)
            lists.addWidget(title)
            lists.addWidget(empty)
            lists.addWidget(table)

        self.health_panel = health_panel
        self.charts_panel = charts_panel
        # What is due, with the small charts under it, beside the health check: the lists are as tall as their
        # lines, so the charts come up instead of leaving a gap; the charts keep their own height while the
        # warnings run long (the space under them stays empty rather than stretching them off the screen).
        left = QVBoxLayout()
        left.addLayout(lists)
        left.addWidget(charts_panel)
        left.addStretch(1)
        columns = QGridLayout()
        columns.addLayout(left, 0, 0)
        columns.addWidget(health_panel, 0, 1)
        columns.setColumnStretch(0, 3)
        columns.setColumnStretch(1, 2)
        columns.setRowMinimumHeight(0, 520)
        charts_panel.setMinimumHeight(360)
        charts_panel.setMaximumHeight(CHARTS_PANEL_HEIGHT)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.heading)
        content_layout.addLayout(figures)
        content_layout.addLayout(quick)
        content_layout.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.content = scroll
        self.stack = QStackedWidget()
        self.stack.addWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.retranslate_ui()

    # -- data ------------------------------------------------------------------------------------------------

    def concerns(self, changes: Changes) -> bool:
        return bool(changes.loan_ids) or changes.payments or changes.loans_added_or_removed

    def reload(self) -> None:
        totals = self._workspace.totals()
        self.stack.setCurrentWidget(self.welcome if totals.loans == 0 else self.content)
        if totals.loans == 0:
            return
        due = self._workspace.due_installments(days=DUE_DAYS)
        overdue = [d for d in due if d.status is InstallmentStatus.OVERDUE]
        upcoming = [d for d in due if d.status is not InstallmentStatus.OVERDUE]
        self.overdue_model.set_records(overdue)
        self.upcoming_model.set_records(upcoming)
        self._totals, self._upcoming_fen = totals, sum(d.left_fen for d in upcoming)
        self._show_figures()
        self._show_lists()
        self._enable_buttons()

    def is_welcome(self) -> bool:
        return self._welcome is not None and self.stack.currentWidget() is self._welcome

    @property
    def welcome(self) -> WelcomeView:
        """The first-run welcome, made the first time it is asked for."""
        if self._welcome is None:
            self._welcome = feature_hooks.welcome_view_class()()
            self._welcome.add_loan_requested.connect(self._actions.new_loan)
            self._welcome.import_requested.connect(self.import_requested.emit)
            self._welcome.sample_requested.connect(self.sample_requested.emit)
            self.stack.insertWidget(0, self._welcome)
        return self._welcome

    def _show_figures(self) -> None:
        totals = self._totals
        self.outstanding.set_value(format_yuan(totals.outstanding_fen))
        self.outstanding.detail.setText(
            self.tr("{total} to pay with interest").format(total=format_yuan(totals.remaining_fen))
        )
        red = STATUS_COLOURS[InstallmentStatus.OVERDUE].name()
        self.overdue.set_value(format_yuan(totals.overdue_fen), colour=red if totals.overdue_fen else None)
        self.overdue.detail.setText(
            self.tr("{installments} installments on {loans} loans").format(
                installments=totals.overdue_installments, loans=totals.overdue_loans
            )
            if totals.overdue_installments
            else self.tr("nothing overdue")
        )
        self.due_soon.set_value(format_yuan(self._upcoming_fen))
        self.due_soon.detail.setText(self.tr("{count} installments").format(count=self.upcoming_model.rowCount()))
        self.loans.set_value(str(totals.open_loans))
        self.loans.detail.setText(self.tr("{count} loans recorded in all").format(count=totals.loans))

    def _show_lists(self) -> None:
        for model, table, empty in (
            (self.overdue_model, self.overdue_table, self.overdue_empty),
            (self.upcoming_model, self.upcoming_table, self.upcoming_empty),
        ):
            table.setVisible(model.rowCount() > 0)
            empty.setVisible(model.rowCount() == 0)
        self._size_columns()
        # Each list is as tall as its lines, up to a few (the overdue) or a dozen (what falls due); beyond, it scrolls.
        for table, most in ((self.overdue_table, 6), (self.upcoming_table, 12)):
            rows = min(table.model().rowCount(), most)
            height = table.horizontalHeader().height() + 2 * table.frameWidth()
            height += sum(table.rowHeight(row) for row in range(rows))
            table.setFixedHeight(max(height, 60))

    def _size_columns(self) -> None:
        # Sized to their contents once per reload or language switch; the ResizeToContents mode measured the
        # cells again on every layout pass (about ten times before the first frame).
        # The platform column stretches into the width that is left, so it is not sized here.
        for table in (self.overdue_table, self.upcoming_table):
            for column in range(table.model().columnCount()):
                if column != PLATFORM_COLUMN:
                    table.resizeColumnToContents(column)

    # -- acting on a due installment -------------------------------------------------------------------------

    def selected_loan_id(self) -> int | None:
        for table in (self.overdue_table, self.upcoming_table):
            rows = table.selectionModel().selectedRows()
            if rows:
                return rows[0].data(LOAN_ID_ROLE)
        return None

    def select_due(self, loan_id: int) -> bool:
        """Select the first line of ``loan_id`` in the overdue or upcoming list."""
        for table, model in ((self.overdue_table, self.overdue_model), (self.upcoming_table, self.upcoming_model)):
            for row, due in enumerate(model.records()):
                if due.loan_id == loan_id:
                    other = self.upcoming_table if table is self.overdue_table else self.overdue_table
                    other.clearSelection()
                    table.selectRow(row)
                    return True
        return False

    def log_repayment(self) -> None:
        loan_id = self.selected_loan_id()
        if loan_id is not None:
            self._actions.log_repayment(loan_id)

    def pay_in_full_today(self) -> None:
        loan_id = self.selected_loan_id()
        if loan_id is not None:
            self._actions.pay_next_in_full_today(loan_id)

    def _open_selected(self) -> None:
        loan_id = self.selected_loan_id()
        if loan_id is not None:
            self.loan_requested.emit(loan_id)

    def _enable_buttons(self, *_args) -> None:
        chosen = self.selected_loan_id() is not None
        for button in (self.pay_button, self.paid_button, self.open_button):
            button.setEnabled(chosen)

    # -- texts -----------------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.heading.setText(
            "<h2>{}</h2>".format(self.tr("Today, {day}").format(day=self._workspace.today().isoformat()))
        )
        self.outstanding.caption.setText(self.tr("Outstanding principal"))
        self.overdue.caption.setText(self.tr("Overdue"))
        self.due_soon.caption.setText(self.tr("Due in the next {days} days").format(days=DUE_DAYS))
        self.loans.caption.setText(self.tr("Loans being repaid"))
        self.new_button.setText(self.tr("New loan…"))
        self.new_button.setToolTip(self.tr("Record a loan and build its schedule (Ctrl+N)"))
        self.pay_button.setText(self.tr("Log repayment…"))
        self.pay_button.setToolTip(self.tr("Log a repayment of the selected installment's loan (Ctrl+R)"))
        self.paid_button.setText(self.tr("Paid today, in full"))
        self.paid_button.setToolTip(self.tr("Record the selected installment as paid in full today"))
        self.open_button.setText(self.tr("Open loan"))
        self.open_button.setToolTip(self.tr("Show the selected installment's loan: its schedule and repayments"))
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import loans, repayments, limits or notes from a CSV file (Ctrl+I)"))
        self.overdue_title.setText(self.tr("Overdue — pay these first"))
        self.overdue_empty.setText(self.tr("Nothing is overdue. Well done."))
        self.upcoming_title.setText(self.tr("Due in the next {days} days").format(days=DUE_DAYS))
        self.overdue_table.setAccessibleName(self.overdue_title.text())  # what a screen reader calls the tables
        self.upcoming_table.setAccessibleName(self.upcoming_title.text())
        for table in (self.overdue_table, self.upcoming_table):
            table.setAccessibleDescription(
                self.tr("One installment a row; double-click one, or select it and press Ctrl+R, to log its repayment")
            )
        self.upcoming_empty.setText(self.tr("Nothing falls due in the next {days} days.").format(days=DUE_DAYS))
        self.overdue_model.retranslate()
        self.upcoming_model.retranslate()
        self._size_columns()
        if not self._stale and not self.is_welcome() and hasattr(self, "_totals"):
            self._show_figures()


def _due_table(model: DueTableModel, name: str) -> QTableView:
    table = record_table(model, name)
    header = table.horizontalHeader()
    header.setSectionResizeMode(PLATFORM_COLUMN, QHeaderView.ResizeMode.Stretch)  # it takes the spare width
    header.setResizeContentsPrecision(20)  # thousands of lines with 100,000 loans: size from the first ones
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setMinimumHeight(60)
    table.setWordWrap(False)
    return table
