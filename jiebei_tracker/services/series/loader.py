"""The records the chart series are computed from, made from the one loader of the history
(``storage.history.load_history``) rather than read a second way: a loan with its installments' states and its
repayments in the order they were paid, and the limit records by day."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from jiebei_tracker.domain.book import Book
from jiebei_tracker.domain.payments import InstallmentState, Payment
from jiebei_tracker.domain.schedule import PlannedInstallment
from jiebei_tracker.services.series.records import History, LimitRecord, LoanRecord, oldest_first
from jiebei_tracker.storage import history as stored
from jiebei_tracker.storage.database import Database


def load_history(database: Database) -> History:
    """The whole history: every loan with its installments and repayments, and every limit record."""
    return series_records_of(stored.load_history(database))


def load_loans(database: Database, loan_ids: Iterable[int]) -> tuple[LoanRecord, ...]:
    """Only the given loans (those that still exist), for patching a cached history after a change."""
    ids = sorted(set(loan_ids))
    if not ids:
        return ()
    return series_records_of(stored.load_history(database, loan_ids=ids)).loans


def load_limits(database: Database) -> tuple[LimitRecord, ...]:
    return series_records_of(stored.load_history(database, loan_ids=())).limits


def series_records_of(records: Book) -> History:
    """The charts' view of the rules' records (the same rows, shaped as the series read them)."""
    repayments = records.repayments
    payments: dict[int, list[Payment]] = {}
    for loan_id, day, amount, payoff in zip(
        repayments.loan_ids, repayments.days, repayments.amounts_fen, repayments.payoffs, strict=True
    ):  # in the order they were paid (by day, then as entered)
        payments.setdefault(loan_id, []).append(Payment(day, amount, payoff))
    none: tuple[Payment, ...] = ()
    loans = [
        LoanRecord(
            loan.loan_id,
            loan.platform,
            loan.borrowed_on,
            loan.principal_fen,
            tuple(
                InstallmentState(
                    PlannedInstallment(i.seq, i.due_on, i.principal_fen, i.interest_fen),
                    i.paid_interest_fen,
                    i.paid_principal_fen,
                    i.settled_on,
                )
                for i in loan.installments
            ),
            tuple(payments.get(loan.loan_id, none)),
        )
        for loan in records.loans
    ]
    limits = tuple(sorted(records.limits, key=attrgetter("recorded_on", "limit_id")))
    return History(oldest_first(loans), limits)
