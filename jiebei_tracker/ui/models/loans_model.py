"""Table model of the loans list, fed LoanSummary records."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.services.loans import LoanSummary
from jiebei_tracker.ui.common import STATUS_COLOURS, display_language
from jiebei_tracker.ui.models.records_model import RecordsTableModel

LOAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_COLUMN = 8


class LoansTableModel(RecordsTableModel):
    """One row per loan: platform, borrowed on, principal, method, rate, outstanding, next due, status."""

    money_columns = (2, 5, 7)

    def headers(self) -> list[str]:
        return [
            self.tr("Platform"),
            self.tr("Borrowed on"),
            self.tr("Principal"),
            self.tr("Method"),
            self.tr("Rate"),
            self.tr("Outstanding"),
            self.tr("Next due"),
            self.tr("Next amount"),
            self.tr("Status"),
        ]

    def cell(self, loan: LoanSummary, column: int) -> str:
        language = display_language()
        return (
            loan.platform,
            loan.borrowed_on.isoformat(),
            format_yuan(loan.principal_fen),
            loan.method.label(language),
            loan.rate.as_entered(),
            format_yuan(loan.outstanding_fen),
            loan.next_due_on.isoformat() if loan.next_due_on else "—",
            format_yuan(loan.next_due_fen) if loan.next_due_fen is not None else "—",
            loan.status.label(language),
        )[column]

    def extra_data(self, loan: LoanSummary, column: int, role: int):
        if role == SORT_ROLE:
            return (
                loan.platform,
                loan.borrowed_on.toordinal(),
                loan.principal_fen,
                loan.method.value,
                float(loan.rate.annual),
                loan.outstanding_fen,
                loan.next_due_on.toordinal() if loan.next_due_on else 10**9,
                loan.next_due_fen or 0,
                loan.status.value,
            )[column]
        if role == LOAN_ID_ROLE:
            return loan.loan_id
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS_COLUMN:
            return STATUS_COLOURS[loan.status]
        return None
