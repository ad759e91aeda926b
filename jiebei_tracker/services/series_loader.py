"""Loads the records the chart series are computed from, with one query per table (no per-loan queries)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import String, select, type_coerce

from jiebei_tracker.domain.payments import InstallmentState, Payment
from jiebei_tracker.domain.schedule import Installment
from jiebei_tracker.services.health import cycle_collection_paused
from jiebei_tracker.services.series_records import History, LimitRecord, LoanRecord, oldest_first
from jiebei_tracker.storage import tables
from jiebei_tracker.storage.database import Database


# Dates are read as their ISO text and parsed with date.fromisoformat: SQLAlchemy's own Date conversion
# is about three times slower, which matters on a 10-year history (~45,000 installments).
def _text(column):
    return type_coerce(column, String)


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def load_history(database: Database) -> History:
    """The whole history: every loan with its installments and repayments, and every limit record."""
    with cycle_collection_paused(), database.reading() as session:
        connection = session.connection()
        return History(_load_loans(connection, None), _load_limits(connection))


def load_loans(database: Database, loan_ids: Iterable[int]) -> tuple[LoanRecord, ...]:
    """Only the given loans (those that still exist), for patching a cached history after a change."""
    ids = sorted(set(loan_ids))
    if not ids:
        return ()
    with database.reading() as session:
        return _load_loans(session.connection(), ids)


def load_limits(database: Database) -> tuple[LimitRecord, ...]:
    with database.reading() as session:
        return _load_limits(session.connection())


def _load_loans(connection, loan_ids: list[int] | None) -> tuple[LoanRecord, ...]:
    loan, inst, pay = tables.Loan, tables.Installment, tables.Repayment
    loan_query = select(loan.id, tables.Platform.name, _text(loan.borrowed_on), loan.principal_fen).join(
        tables.Platform, tables.Platform.id == loan.platform_id
    )
    inst_query = select(
        inst.loan_id,
        inst.seq,
        _text(inst.due_on),
        inst.principal_fen,
        inst.interest_fen,
        inst.paid_interest_fen,
        inst.paid_principal_fen,
        _text(inst.settled_on),
    )
    pay_query = select(pay.loan_id, _text(pay.paid_on), pay.amount_fen, pay.is_payoff).order_by(pay.paid_on, pay.id)
    if loan_ids is not None:
        loan_query = loan_query.where(loan.id.in_(loan_ids))
        inst_query = inst_query.where(inst.loan_id.in_(loan_ids))
        pay_query = pay_query.where(pay.loan_id.in_(loan_ids))

    states: dict[int, list[InstallmentState]] = {}
    # .all() fetches in bulk; iterating the result directly fetches row by row (twice as slow here).
    for loan_id, seq, due, principal, interest, paid_interest, paid_principal, settled in connection.execute(
        inst_query
    ).all():
        installment = Installment(seq, date.fromisoformat(due), principal, interest)
        states.setdefault(loan_id, []).append(
            InstallmentState(installment, paid_interest, paid_principal, _day(settled))
        )
    payments: dict[int, list[Payment]] = {}
    for loan_id, paid_on, amount, is_payoff in connection.execute(pay_query).all():
        payments.setdefault(loan_id, []).append(Payment(date.fromisoformat(paid_on), amount, bool(is_payoff)))
    records = []
    for loan_id, platform, borrowed_on, principal in connection.execute(loan_query).all():
        loan_states = states.get(loan_id, [])
        loan_states.sort(key=lambda state: state.seq)
        records.append(
            LoanRecord(
                loan_id,
                platform,
                date.fromisoformat(borrowed_on),
                principal,
                tuple(loan_states),
                tuple(payments.get(loan_id, ())),
            )
        )
    return oldest_first(records)


def _load_limits(connection) -> tuple[LimitRecord, ...]:
    record = tables.CreditLimitRecord
    query = (
        select(tables.Platform.name, _text(record.recorded_on), record.limit_fen)
        .join(tables.Platform, tables.Platform.id == record.platform_id)
        .order_by(record.recorded_on, record.id)
    )
    rows = connection.execute(query).all()
    return tuple(LimitRecord(name, date.fromisoformat(day), limit) for name, day, limit in rows)
