"""Read queries that the services assemble into plain records (one SQL statement each, no per-row round trips)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, case, func, select
from sqlmodel import Session

from jiebei_tracker.storage.tables import Installment, Loan, Platform, Repayment


@dataclass(frozen=True)
class LoanRow:
    """A loan with its platform and the figures every list needs, straight from one query."""

    loan: Loan
    platform: str
    platform_kind: str
    outstanding_fen: int
    remaining_fen: int
    next_due_on: date | None
    next_due_fen: int | None
    overdue_count: int


def loan_rows(session: Session, *, today: date, grace_days: int = 0, loan_ids: list[int] | None = None):
    """Every loan (or those in ``loan_ids``), oldest first, with balance, next due date and overdue count."""
    open_inst = Installment.settled_on.is_(None)
    # An installment is overdue once today is past its due date plus the grace days.
    overdue_before = today - timedelta(days=grace_days)
    remaining = (
        Installment.principal_fen
        + Installment.interest_fen
        - Installment.paid_principal_fen
        - (Installment.paid_interest_fen)
    )
    totals = (
        select(
            Installment.loan_id.label("loan_id"),
            func.sum(case((open_inst, Installment.principal_fen - Installment.paid_principal_fen), else_=0)).label(
                "outstanding"
            ),
            func.sum(case((open_inst, remaining), else_=0)).label("remaining"),
            func.min(case((open_inst, Installment.seq))).label("next_seq"),
            func.sum(case((and_(open_inst, Installment.due_on < overdue_before), 1), else_=0)).label("overdue"),
        )
        .group_by(Installment.loan_id)
        .subquery()
    )
    nxt = Installment.__table__.alias("nxt")
    query = (
        select(
            Loan,
            Platform.name,
            Platform.kind,
            totals.c.outstanding,
            totals.c.remaining,
            nxt.c.due_on,
            nxt.c.principal_fen + nxt.c.interest_fen - nxt.c.paid_principal_fen - nxt.c.paid_interest_fen,
            totals.c.overdue,
        )
        .join(Platform, Platform.id == Loan.platform_id)
        .join(totals, totals.c.loan_id == Loan.id)
        .outerjoin(nxt, and_(nxt.c.loan_id == Loan.id, nxt.c.seq == totals.c.next_seq))
        .order_by(Loan.borrowed_on, Loan.id)
    )
    if loan_ids is not None:
        query = query.where(Loan.id.in_(loan_ids))
    return [
        LoanRow(loan, name, kind, outstanding or 0, rem or 0, due, due_fen, overdue or 0)
        for loan, name, kind, outstanding, rem, due, due_fen, overdue in session.exec(query)
    ]


def loan_schedule_rows(session: Session, loan_id: int) -> tuple[list[Installment], list[Repayment]]:
    """A loan's installment rows in order, and its repayment rows in the order they were paid."""
    installments = session.scalars(
        select(Installment).where(Installment.loan_id == loan_id).order_by(Installment.seq)
    ).all()
    repayments = session.scalars(
        select(Repayment).where(Repayment.loan_id == loan_id).order_by(Repayment.paid_on, Repayment.id)
    ).all()
    return list(installments), list(repayments)
