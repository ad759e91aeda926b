"""The first main window: the loans table with its actions. The full daily-use window grows from here."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.vocabulary import LoanStatus
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.actions import LoanActions
from jiebei_tracker.ui.common import ChangeHub, app_icon
from jiebei_tracker.ui.dialogs.loan_detail import LoanDetailDialog
from jiebei_tracker.ui.models.loans_model import LOAN_ID_ROLE, SORT_ROLE, LoansTableModel


class MainWindow(QMainWindow):
    """Loans table, empty state for a first run, and the actions new loan / log repayment / open / delete."""

    def __init__(self, *, workspace: Workspace, hub: ChangeHub | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.hub = hub or ChangeHub(self)
        self.actions = LoanActions(workspace=workspace, hub=self.hub, parent=self)
        self.detail_dialogs: dict[int, LoanDetailDialog] = {}
        self.setWindowTitle(self.tr("Jiebei Tracker — 借呗信用健康助手"))
        self.setWindowIcon(app_icon())

        self.model = LoansTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.open_loan(index.data(LOAN_ID_ROLE)))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find: platform, date, amount, status…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        loans_page = QWidget()
        loans_layout = QVBoxLayout(loans_page)
        loans_layout.addWidget(self.filter)
        loans_layout.addWidget(self.table)

        self.stack = QStackedWidget()
        self.empty_state = self._build_empty_state()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(loans_page)
        self.setCentralWidget(self.stack)
        self._build_actions()
        self.resize(1100, 680)
        self.hub.changed.connect(self._on_changed)
        self.reload()

    def _build_actions(self) -> None:
        toolbar = QToolBar(self.tr("Actions"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        self.new_loan_action = self._action(self.tr("New loan…"), QKeySequence.StandardKey.New, self.actions.new_loan)
        self.log_repayment_action = self._action(
            self.tr("Log repayment…"), QKeySequence("Ctrl+R"), lambda: self._with_selected(self.actions.log_repayment)
        )
        self.open_action = self._action(
            self.tr("Open loan"), QKeySequence("Return"), lambda: self._with_selected(self.open_loan)
        )
        self.delete_action = self._action(
            self.tr("Delete loan"),
            QKeySequence.StandardKey.Delete,
            lambda: self._with_selected(self.actions.delete_loan),
        )
        self.find_action = self._action(self.tr("Find"), QKeySequence.StandardKey.Find, self.filter.setFocus)
        for action in (self.new_loan_action, self.log_repayment_action, self.open_action, self.delete_action):
            toolbar.addAction(action)
        quit_action = self._action(self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close)
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addActions([self.new_loan_action, self.log_repayment_action, self.find_action])
        menu.addSeparator()
        menu.addAction(quit_action)

    def _action(self, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = QLabel(self.tr("<h2>Welcome to Jiebei Tracker</h2>"))
        text = QLabel(
            self.tr(
                "Record each loan you have — 借呗, 微粒贷, 京东金条, bank loans, credit cards — and the app builds "
                "its repayment schedule, tracks what you have paid and shows what is due.<br>"
                "Everything stays in a file on this computer."
            )
        )
        text.setWordWrap(True)
        text.setMaximumWidth(560)
        self.empty_add_button = QPushButton(self.tr("Add your first loan…"))
        self.empty_add_button.clicked.connect(self.actions.new_loan)
        for widget in (title, text, self.empty_add_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def selected_loan_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(LOAN_ID_ROLE) if rows else None

    def _with_selected(self, handler) -> None:
        loan_id = self.selected_loan_id()
        if loan_id is None:
            self.statusBar().showMessage(self.tr("Select a loan first."), 4000)
            return
        handler(loan_id)

    def open_loan(self, loan_id: int) -> LoanDetailDialog:
        dialog = self.detail_dialogs.get(loan_id)
        if dialog is None:
            dialog = LoanDetailDialog(
                workspace=self._workspace, hub=self.hub, actions=self.actions, loan_id=loan_id, parent=self
            )
            dialog.finished.connect(lambda _result, key=loan_id: self.detail_dialogs.pop(key, None))
            self.detail_dialogs[loan_id] = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def _on_changed(self, changes: Changes) -> None:
        if changes.loan_ids or changes.platforms:
            self.reload()

    def reload(self) -> None:
        loans = self._workspace.loans()
        self.model.set_records(loans)
        self.stack.setCurrentIndex(1 if loans else 0)
        for action in (self.log_repayment_action, self.open_action, self.delete_action):
            action.setEnabled(bool(loans))
        overdue = sum(1 for loan in loans if loan.status is LoanStatus.OVERDUE)
        self.statusBar().showMessage(
            self.tr("{count} loans · outstanding principal {outstanding} · {overdue} overdue").format(
                count=len(loans), overdue=overdue, outstanding=format_yuan(sum(loan.outstanding_fen for loan in loans))
            )
        )
