"""Read-side: what the dashboard opens on — every installment overdue or falling due soon, and the totals over all
loans. Kept apart from the loans list and detail (services.loans) so that opening the window loads only this."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from jiebei_tracker.domain.penalty import PenaltyTerms
from jiebei_tracker.domain.status import installment_status
from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.storage import reads
from jiebei_tracker.storage.database import Database


@dataclass(frozen=True)
class DueInstallment:
    """An installment still to pay: overdue, or falling due soon. ``left_fen`` is what is left to pay on it."""

    loan_id: int
    seq: int
    term_months: int
    platform: str
    due_on: date
    left_fen: int
    autopay: bool
    status: InstallmentStatus
    penalty_fen: int = 0  # penalty interest run up so far (an estimate, domain.penalty): 0 unless overdue

    def days_from(self, today: date) -> int:
        """Days until it falls due (negative: days overdue)."""
        return (self.due_on - today).days


def due_installments(database: Database, *, today: date, days: int = 30, grace_days: int = 0) -> list[DueInstallment]:
    """Every open installment that is overdue or falls due within ``days`` of ``today``, earliest first."""
    with database.read() as connection:
        rows = reads.open_installments(connection, due_on_or_before=today + timedelta(days=days))
    return _due(rows, today=today, grace_days=grace_days)


def pending_autopay(database: Database, *, as_of: date, grace_days: int = 0) -> list[DueInstallment]:
    """Installments of autopay loans that fell due on or before ``as_of`` since autopay was switched on and are
    not recorded as paid: what the autopay check asks about and ``catch-up`` records."""
    with database.read() as connection:
        rows = reads.pending_autopay(connection, due_on_or_before=as_of)
    return _due(rows, today=as_of, grace_days=grace_days)


def _due(rows: list[reads.OpenInstallmentRow], *, today: date, grace_days: int) -> list[DueInstallment]:
    return [
        DueInstallment(
            loan_id=row.loan_id,
            seq=row.seq,
            term_months=row.term_months,
            platform=row.platform,
            due_on=row.due_on,
            left_fen=row.remaining_fen,
            autopay=row.autopay,
            status=installment_status(row.due_on, None, today, grace_days),
            penalty_fen=PenaltyTerms(Decimal(row.annual_rate), Decimal(row.penalty_multiplier), grace_days).accrued(
                row.due_on, row.overdue_principal_fen, today
            ),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class LoanTotals:
    """How the user stands today, over every loan."""

    loans: int
    open_loans: int
    outstanding_fen: int
    remaining_fen: int
    overdue_loans: int
    overdue_installments: int
    overdue_fen: int


def loan_totals(database: Database, *, today: date, grace_days: int = 0) -> LoanTotals:
    with database.read() as connection:  # one snapshot for both
        row = reads.open_totals(connection, today=today, grace_days=grace_days)
        count = reads.loan_count(connection)
    return LoanTotals(loans=count, **row._asdict())  # the sums as read, with the number of loans
