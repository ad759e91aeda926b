"""The loans list: every loan, filtered (platform, status, free text) in SQL and sorted there (by the true APR: by
the service, from the loans' terms), fetched as it scrolls."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.vocabulary import LoanStatus, RepaymentMethod
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.loans import LoanQuery
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.common import record_table
from jiebei_tracker.ui.models.loans_model import COLUMN_SORT_KEYS, LoansTableModel
from jiebei_tracker.ui.models.records_model import LOAN_ID_ROLE
from jiebei_tracker.ui.views.page import Page

# Typing pauses this long before the list is queried again (a query over 100,000 loans takes ~0.1 s).
FILTER_DELAY_MS = 250


class LoansView(Page):
    """The table of loans with its filter bar. Double-click (or Enter) opens a loan."""

    loan_requested = Signal(int)
    """The user wants to open a loan (its id)."""

    def __init__(self, *, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.model = LoansTableModel(fetch_ids=workspace.loan_ids, fetch_rows=workspace.loans, parent=self)
        self.model.loaded.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)
        self.model.rowsRemoved.connect(self._show_count)
        self.platform = QComboBox()
        self.platform.setObjectName("loans_platform_filter")
        self.platform.setMinimumContentsLength(10)
        self.status = QComboBox()
        self.status.setObjectName("loans_status_filter")
        self.search = QLineEdit()
        self.search.setObjectName("loans_search")
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._filter_timer.start)
        self.search.returnPressed.connect(self.apply_filter)
        self.platform.currentIndexChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)

        self.table = record_table(self.model, "loans_table")
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setObjectName("loans_table_header")
        # Interactive widths (remembered by the window): sizing to contents would read every row.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(COLUMN_SORT_KEYS.index("borrowed_on"), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # the model asks for the order (and only remembers it until shown)
        self._sorted_by = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        header.sortIndicatorChanged.connect(self._keep_sortable)
        for column, width in enumerate((130, 100, 110, 190, 110, 90, 110, 100, 100, 90)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self.loan_requested.emit(index.data(LOAN_ID_ROLE)))
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)

        bar = QHBoxLayout()
        self.platform_label, self.status_label = QLabel(), QLabel()
        self.platform_label.setBuddy(self.platform)
        self.status_label.setBuddy(self.status)
        bar.addWidget(self.platform_label)
        bar.addWidget(self.platform)
        bar.addWidget(self.status_label)
        bar.addWidget(self.status)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.body, 1)
        self._fill_statuses()
        self.retranslate_ui()

    def _keep_sortable(self, section: int, order: Qt.SortOrder) -> None:
        """A click on a column that cannot sort (one without a key in COLUMN_SORT_KEYS) leaves the order as it was."""
        header = self.table.horizontalHeader()
        if COLUMN_SORT_KEYS[section] is None:
            blocked = header.blockSignals(True)
            header.setSortIndicator(*self._sorted_by)
            header.blockSignals(blocked)
            return
        self._sorted_by = (section, order)

    # -- the query -------------------------------------------------------------------------------------------

    def current_query(self) -> LoanQuery:
        header = self.table.horizontalHeader()
        return LoanQuery(
            platform=self.platform.currentData(),
            status=LoanStatus(self.status.currentData()) if self.status.currentData() else None,
            text=self.search.text().strip(),
            sort=COLUMN_SORT_KEYS[header.sortIndicatorSection()],
            descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
        )

    def apply_filter(self) -> None:
        """Query the list for what the filter bar says now (typing waits a moment before calling this)."""
        self._filter_timer.stop()
        if self._stale:
            return  # not shown yet: the first showing queries
        self.model.set_query(self.current_query())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def reload(self) -> None:
        self._fill_platforms()
        self.model.set_query(self.current_query(), fetch=False)
        self.model.refresh()

    def concerns(self, changes: Changes) -> bool:
        return bool(changes.loan_ids) or changes.platforms or changes.loans_added_or_removed

    def on_changes(self, changes: Changes) -> None:
        """Only the loans a change names are fetched again; new and deleted loans are inserted and removed."""
        if self._stale or not self.concerns(changes):
            return
        if changes.platforms or changes.loans_added_or_removed:
            self._fill_platforms()
        self.model.apply_changes(changes)
        self._show_count()

    def selected_loan_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(LOAN_ID_ROLE) if rows else None

    def select_loan(self, loan_id: int) -> bool:
        row = self.model.row_of(loan_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _fill_platforms(self) -> None:
        chosen = self.platform.currentData()
        self.platform.blockSignals(True)
        self.platform.clear()
        self.platform.addItem(self.tr("All platforms"), None)
        for name in self._workspace.platform_names():
            self.platform.addItem(name, name)
        index = self.platform.findData(chosen)
        self.platform.setCurrentIndex(max(index, 0))
        self.platform.blockSignals(False)

    def _fill_statuses(self) -> None:
        chosen = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("Any status"), None)
        for status in LoanStatus:
            self.status.addItem(status.label(display_language()), status.value)
        self.status.setCurrentIndex(max(self.status.findData(chosen), 0))
        self.status.blockSignals(False)

    def _show_count(self, *_args) -> None:
        matching = self.model.matching_count()
        self.count.setText(self.tr("{count} loans").format(count=f"{matching:,}"))
        self.body.setCurrentWidget(self.table if matching else self.empty)
        filtered = self.platform.currentData() or self.status.currentData() or self.search.text().strip()
        self.empty.setText(
            self.tr("No loan matches the filter.")
            if filtered
            else self.tr("No loans yet. Add one with New loan (Ctrl+N), or import a CSV file (Ctrl+I).")
        )

    # -- texts -----------------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.platform_label.setText(self.tr("&Platform:"))
        self.status_label.setText(self.tr("S&tatus:"))
        self.search.setPlaceholderText(self.tr("Find: platform, date, amount, method, purpose, note…"))
        self.search.setAccessibleName(self.tr("Find loans"))
        self.table.setAccessibleName(self.tr("Loans"))
        self.table.setAccessibleDescription(
            self.tr("Your loans, one a row; Enter or a double-click opens one, Delete deletes it (Ctrl+Z undoes)")
        )
        self.platform.setToolTip(self.tr("Show only the loans of one platform"))
        self.status.setToolTip(self.tr("Show only the loans being repaid, overdue or settled"))
        # The method column as wide as the longest method's name in this language (four names: no rows read),
        # so "Principal and interest at maturity" is never cut to "…at mat…".
        method = COLUMN_SORT_KEYS.index("method")
        widest = max(self.table.fontMetrics().horizontalAdvance(m.label(display_language())) for m in RepaymentMethod)
        self.table.setColumnWidth(method, max(self.table.columnWidth(method), widest + 24))
        self.platform.setItemText(0, self.tr("All platforms"))
        self._fill_statuses()
        self.model.retranslate()
        if not self._stale:
            self._show_count()
