"""Table model of installments to pay — overdue, or falling due soon — for the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.services.dues import DueInstallment
from jiebei_tracker.ui.common import STATUS_COLOURS
from jiebei_tracker.ui.models.records_model import FOREGROUND_ROLE, LOAN_ID_ROLE, RecordsTableModel

WHEN_COLUMN = 4


class DueTableModel(RecordsTableModel):
    """Due on, platform, which installment, amount left, how soon (or how late), autopay."""

    money_columns = (3,)

    def __init__(self, *, today: Callable[[], date], parent=None) -> None:
        super().__init__(parent)
        self._today = today

    def headers(self) -> list[str]:
        return [
            self.tr("Due on"),
            self.tr("Platform"),
            self.tr("Installment"),
            self.tr("Left to pay"),
            self.tr("When"),
            self.tr("Autopay"),
        ]

    def cell(self, due: DueInstallment, column: int) -> str:
        if column == 0:
            return due.due_on.isoformat()
        if column == 1:
            return due.platform
        if column == 2:
            return self.tr("{seq} of {term}").format(seq=due.seq, term=due.term_months)
        if column == 3:
            return format_yuan(due.left_fen)
        if column == WHEN_COLUMN:
            return self.when_text(due)
        return self.tr("on") if due.autopay else self.tr("off")

    def when_text(self, due: DueInstallment) -> str:
        days = due.days_from(self._today())
        if days < 0 and due.penalty_fen:
            return self.tr("{days} days overdue, penalty about {penalty}").format(
                days=-days, penalty=format_yuan(due.penalty_fen)
            )
        if days < 0:
            return self.tr("{days} days overdue").format(days=-days)
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        return self.tr("in {days} days").format(days=days)

    def extra_data(self, due: DueInstallment, column: int, role: int):
        if role == LOAN_ID_ROLE:
            return due.loan_id
        if role == FOREGROUND_ROLE and column == WHEN_COLUMN:
            overdue = due.status is InstallmentStatus.OVERDUE or due.days_from(self._today()) < 0
            return STATUS_COLOURS[InstallmentStatus.OVERDUE if overdue else InstallmentStatus.UPCOMING]
        return None
