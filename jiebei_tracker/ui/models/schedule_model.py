"""Table models of one loan's schedule and of its repayments."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.services.loans import RepaymentLine, ScheduleLine
from jiebei_tracker.ui.common import STATUS_COLOURS
from jiebei_tracker.ui.models.records_model import RecordsTableModel

REPAYMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 4


class ScheduleTableModel(RecordsTableModel):
    """Installments with due date, amounts, what was paid and the status in colour and words."""

    money_columns = (2, 3, 4, 5, 6)
    fee_column = 4
    status_column = 7

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Due on"),
            self.tr("Principal"),
            self.tr("Interest"),
            self.tr("Fee"),
            self.tr("Total"),
            self.tr("Paid"),
            self.tr("Status"),
        ]

    def cell(self, record: ScheduleLine, column: int) -> str:
        status = record.status.label(display_language())
        if record.corrected and column == 0:
            return f"{record.seq} ✎"
        return (
            str(record.seq),
            record.due_on.isoformat(),
            format_yuan(record.principal_fen),
            format_yuan(record.interest_fen),
            format_yuan(record.fee_fen),
            format_yuan(record.total_fen),
            format_yuan(record.paid_fen),
            status,
        )[column]

    def extra_data(self, record: ScheduleLine, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == self.status_column:
            return STATUS_COLOURS[record.status]
        return None


class RepaymentsTableModel(RecordsTableModel):
    """Repayments made on a loan, in date order, with where each came from (typed, imported, assumed, autopay)."""

    money_columns = (1,)

    def headers(self) -> list[str]:
        return [self.tr("Paid on"), self.tr("Amount"), self.tr("Kind"), self.tr("Source"), self.tr("Note")]

    def cell(self, record: RepaymentLine, column: int) -> str:
        kind = self.tr("Early payoff") if record.is_payoff else self.tr("Repayment")
        source = record.source.label(display_language())
        return (record.paid_on.isoformat(), format_yuan(record.amount_fen), kind, source, record.note)[column]

    def extra_data(self, record: RepaymentLine, column: int, role: int):
        return record.repayment_id if role == REPAYMENT_ID_ROLE else None
