"""Table model of the loans list at any size: the matching ids come filtered from SQL and sorted (by SQL, or by the
service for the true APR), the rows a page at a time as the view scrolls (canFetchMore/fetchMore), and a change
refreshes only the loans it names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rates import Rate, RateBasis
from jiebei_tracker.qt_text import display_language, plain_tooltip
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.loans import LoanQuery, LoanSummary
from jiebei_tracker.ui.common import STATUS_COLOURS
from jiebei_tracker.ui.models.records_model import (
    ALIGNMENT_ROLE,
    DISPLAY_ROLE,
    FOREGROUND_ROLE,
    LOAN_ID_ROLE,
    TranslatedHeadersModel,
)
from jiebei_tracker.ui.money_text import cost_sentence, percent

_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
# The sort key (services.loans.LOAN_SORT_KEYS) of each column, in column order (None: the column does not sort). The
# true APR is worked out from the terms (SQL cannot): the service orders the ids SQL filtered.
COLUMN_SORT_KEYS = (
    "platform",
    "borrowed_on",
    "principal",
    "method",
    "rate",
    "apr",
    "outstanding",
    "next_due_on",
    "next_due_fen",
    "status",
)
STATUS_COLUMN = 9
APR_COLUMN = 5
_RIGHT_ALIGNED = (2, APR_COLUMN, 6, 8)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Past this many loans added at once (an import), one reset is cheaper than that many row insertions.
_MAX_INSERTS = 200


class LoansTableModel(TranslatedHeadersModel):
    """One row per loan: platform, borrowed on, principal, method, rate, true APR, outstanding, next due and amount,
    status.

    ``fetch_ids(query)`` gives every matching loan id in order; ``fetch_rows(ids)`` the summaries of some.
    """

    loaded = Signal()
    """Emitted after the list was queried again (a new filter or sort, or a full refresh)."""

    PAGE_SIZE = 200

    def __init__(
        self,
        *,
        fetch_ids: Callable[[LoanQuery], list[int]],
        fetch_rows: Callable[[list[int]], list[LoanSummary]],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._fetch_ids = fetch_ids
        self._fetch_rows = fetch_rows
        self._query = LoanQuery()
        self._active = False
        self._ids: list[int] = []
        self._rows: list[LoanSummary] = []  # the fetched prefix of _ids
        self._row_of: dict[int, int] = {}

    # -- what is shown ---------------------------------------------------------------------------------------

    @property
    def query(self) -> LoanQuery:
        return self._query

    def set_query(self, query: LoanQuery, *, fetch: bool = True) -> None:
        """Show the loans ``query`` asks for; with ``fetch=False`` only remember it (until ``refresh``)."""
        changed = query != self._query
        self._query = query
        if fetch and (changed or not self._active):
            self.refresh()

    def refresh(self) -> None:
        """Query the ids again and show the first page. Until the first refresh the model is empty and sorting
        it only remembers the order, so a view can be built without touching the database."""
        self._active = True
        ids = self._fetch_ids(self._query)
        self.beginResetModel()
        self._ids = ids
        self._rows = self._rows_for(ids[: self.PAGE_SIZE])
        self._index_rows()
        self.endResetModel()
        self.loaded.emit()

    def matching_count(self) -> int:
        """How many loans match, fetched or not."""
        return len(self._ids)

    def record_at(self, row: int) -> LoanSummary:
        return self._rows[row]

    def row_of(self, loan_id: int) -> int | None:
        """The row showing ``loan_id``, fetching pages until it is reached; None when it does not match."""
        if loan_id not in self._row_of and loan_id in self._ids:
            while loan_id not in self._row_of and self.canFetchMore():
                self.fetchMore()
        return self._row_of.get(loan_id)

    def _rows_for(self, ids: list[int]) -> list[LoanSummary]:
        by_id = {summary.loan_id: summary for summary in self._fetch_rows(ids)} if ids else {}
        return [by_id[loan_id] for loan_id in ids if loan_id in by_id]

    def _index_rows(self) -> None:
        self._row_of = {summary.loan_id: row for row, summary in enumerate(self._rows)}

    # -- lazy fetching ---------------------------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        start = len(self._rows)
        page = self._rows_for(self._ids[start : start + self.PAGE_SIZE])
        if not page:  # the ids went away underneath (deleted elsewhere): drop them
            self._ids = self._ids[:start]
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        for offset, summary in enumerate(page):
            self._row_of[summary.loan_id] = start + offset
        self.endInsertRows()

    # -- changes ---------------------------------------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """Refresh only what ``changes`` touched: rows of changed loans in place, deleted loans removed, new
        loans inserted where the current sort puts them. A changed loan keeps its place until the next sort."""
        if changes.loans_added_or_removed:
            self._add_and_remove(self._fetch_ids(self._query))
        changed = [loan_id for loan_id in changes.loan_ids if loan_id in self._row_of]
        if changed:
            for summary in self._fetch_rows(changed):
                row = self._row_of[summary.loan_id]
                self._rows[row] = summary
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _add_and_remove(self, new_ids: list[int]) -> None:
        new_set, old_set = set(new_ids), set(self._ids)
        removed = old_set - new_set
        added = [loan_id for loan_id in new_ids if loan_id not in old_set]
        if len(added) > _MAX_INSERTS:
            self.refresh()
            return
        for loan_id in sorted(removed, key=lambda i: -self._row_of.get(i, -1)):
            row = self._row_of.get(loan_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._index_rows()
                self.endRemoveRows()
        self._ids = [loan_id for loan_id in self._ids if loan_id not in removed]
        for loan_id in added:
            position = self._insert_position(loan_id, new_ids)
            self._ids.insert(position, loan_id)
            if position <= len(self._rows):
                rows = self._rows_for([loan_id])
                if rows:
                    self.beginInsertRows(QModelIndex(), position, position)
                    self._rows.insert(position, rows[0])
                    self._index_rows()
                    self.endInsertRows()

    def _insert_position(self, loan_id: int, new_ids: list[int]) -> int:
        """Right after the loan that precedes it in the new order and is already listed (or at the top)."""
        listed = set(self._ids)
        before = new_ids.index(loan_id) - 1
        while before >= 0 and new_ids[before] not in listed:
            before -= 1
        return 0 if before < 0 else self._ids.index(new_ids[before]) + 1

    # -- sorting (asked of the service) --------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMN_SORT_KEYS) or COLUMN_SORT_KEYS[column] is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=COLUMN_SORT_KEYS[column], descending=descending), fetch=self._active)

    # -- the table -------------------------------------------------------------------------------------------

    def headers(self) -> list[str]:
        return [
            self.tr("Platform"),
            self.tr("Borrowed on"),
            self.tr("Principal"),
            self.tr("Method"),
            self.tr("Rate"),
            self.tr("True APR"),
            self.tr("Outstanding"),
            self.tr("Next due"),
            self.tr("Next amount"),
            self.tr("Status"),
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_SORT_KEYS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        loan = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY_ROLE:
            return _cell(loan, column)
        if role == LOAN_ID_ROLE:
            return loan.loan_id
        if role == ALIGNMENT_ROLE and column in _RIGHT_ALIGNED:
            return _RIGHT
        if role == FOREGROUND_ROLE and column == STATUS_COLUMN:
            return STATUS_COLOURS[loan.status]
        if role == _TOOLTIP_ROLE and column == 0 and loan.note:
            return plain_tooltip(loan.note)
        if role == _TOOLTIP_ROLE and column == APR_COLUMN:
            return cost_sentence(loan.terms, loan.cost, loan.schedule_source)
        return None


def _cell(loan: LoanSummary, column: int) -> str:
    language = display_language()
    if column == 0:
        return loan.platform
    if column == 1:
        return loan.borrowed_on.isoformat()
    if column == 2:
        return format_yuan(loan.principal_fen)
    if column == 3:
        return loan.method.label(language)
    if column == 4:
        return rate_text(loan.rate)
    if column == APR_COLUMN:
        return percent(loan.cost.apr)
    if column == 6:
        return format_yuan(loan.outstanding_fen)
    if column == 7:
        return loan.next_due_on.isoformat() if loan.next_due_on else "—"
    if column == 8:
        return format_yuan(loan.next_due_fen) if loan.next_due_fen is not None else "—"
    return loan.status.label(language)


def rate_text(rate: Rate) -> str:
    """The rate as the user entered it, saying whether it is per day or per year."""
    if rate.basis is RateBasis.DAILY:
        return QCoreApplication.translate("LoansTableModel", "{rate} a day").format(rate=rate.as_entered())
    return QCoreApplication.translate("LoansTableModel", "{rate} a year").format(rate=rate.as_entered())
