"""Queries on SQLAlchemy sessions, for code that holds a session already (the ledger inside its write
transactions, one loan's detail, the reminders log). What the window draws first is read with the plain driver:
storage/reads.py."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from jiebei_tracker.domain.schedule import LoanTerms
from jiebei_tracker.storage.convert import terms_of
from jiebei_tracker.storage.tables import InstallmentTable, LoanTable, ReminderLog, RepaymentTable


def loan_schedule_rows(session: Session, loan_id: int) -> tuple[list[InstallmentTable], list[RepaymentTable]]:
    """A loan's installment rows in order, and its repayment rows in the order they were paid."""
    installments = session.scalars(
        select(InstallmentTable).where(InstallmentTable.loan_id == loan_id).order_by(InstallmentTable.seq)
    ).all()
    repayments = session.scalars(
        select(RepaymentTable)
        .where(RepaymentTable.loan_id == loan_id)
        .order_by(RepaymentTable.paid_on, RepaymentTable.id)
    ).all()
    return list(installments), list(repayments)


def terms_by_loan(session: Session, loan_ids: list[int]) -> dict[int, LoanTerms]:
    """The terms of each of ``loan_ids`` (what a schedule is rebuilt from after a prepayment)."""
    found: dict[int, LoanTerms] = {}
    for start in range(0, len(loan_ids), 500):  # SQLite's limit on bound values, well within
        rows = session.scalars(select(LoanTable).where(LoanTable.id.in_(loan_ids[start : start + 500])))
        found.update((row.id, terms_of(row)) for row in rows)
    return found


def log_reminder_shown(session: Session, installment_id: int, kind: str, day: date) -> bool:
    """Record that the reminder of ``kind`` for the installment was shown on ``day``; False if it was already
    (insert-or-ignore against the table's unique (installment, kind, day), so two processes cannot both win)."""
    result = session.execute(
        sqlite_insert(ReminderLog)
        .values(installment_id=installment_id, kind=kind, shown_on=day)
        .on_conflict_do_nothing()
    )
    return result.rowcount == 1
