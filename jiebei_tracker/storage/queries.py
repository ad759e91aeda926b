"""Read queries on SQLAlchemy sessions, for code that holds a session already (the ledger inside its write
transactions, and one loan's detail). What the window draws first is read with the plain driver: storage/reads.py."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from jiebei_tracker.storage.tables import Installment, Repayment


def loan_schedule_rows(session: Session, loan_id: int) -> tuple[list[Installment], list[Repayment]]:
    """A loan's installment rows in order, and its repayment rows in the order they were paid."""
    installments = session.scalars(
        select(Installment).where(Installment.loan_id == loan_id).order_by(Installment.seq)
    ).all()
    repayments = session.scalars(
        select(Repayment).where(Repayment.loan_id == loan_id).order_by(Repayment.paid_on, Repayment.id)
    ).all()
    return list(installments), list(repayments)
