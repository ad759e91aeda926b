"""One loan looked at closely: its schedule with what was paid on each installment as of a day, the early-payoff
quote, and what a repayment typed by hand would meet. The payment arithmetic and the ORM come in with it, when
the user first opens a loan (the window's loans list, ``services.loans``, needs neither)."""

from __future__ import annotations

from datetime import date

from jiebei_tracker.domain.dates import check_day
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.payments import PayoffQuote, apply_payments, nearest_assumed, owed_on, propose_payoff
from jiebei_tracker.domain.prepay import Keep, Prepayment
from jiebei_tracker.domain.vocabulary import RepaymentSource
from jiebei_tracker.services.ledger.base import applied_payments, penalty_terms_for
from jiebei_tracker.services.ledger.schedules import planned_prepayment
from jiebei_tracker.services.loans import LoanDetail, RepaymentLine, RepaymentOutlook, ScheduleLine, list_loans
from jiebei_tracker.storage import tables
from jiebei_tracker.storage.convert import installment_of, payment_of, rate_of
from jiebei_tracker.storage.database import Database
from jiebei_tracker.storage.queries import loan_schedule_rows


def loan_detail(database: Database, loan_id: int, *, as_of: date, today: date, grace_days: int = 0) -> LoanDetail:
    """A loan's schedule with what was paid on each installment and its status as of ``as_of``
    (repayments made after ``as_of`` are left out), and all its repayments."""

    summaries = list_loans(database, today=today, grace_days=grace_days, loan_ids=[loan_id])
    if not summaries:
        raise InvalidValue("loan", loan_id, "no such loan")
    with database.reading() as session:
        inst_rows, application = applied_payments(session, loan_id, as_of=as_of)
        pay_rows = loan_schedule_rows(session, loan_id)[1]
    lines = [
        ScheduleLine(
            seq=state.seq,
            due_on=state.due_on,
            principal_fen=state.installment.principal_fen,
            interest_fen=state.installment.interest_fen,
            fee_fen=state.installment.fee_fen,
            paid_fen=state.paid_fen,
            settled_on=state.settled_on,
            status=state.status(as_of, grace_days),
            corrected=row.corrected,
        )
        for row, state in zip(inst_rows, application.states, strict=True)
    ]
    repayments = [
        RepaymentLine(
            r.id, r.paid_on, r.amount_fen, r.is_payoff, r.note, RepaymentSource(r.source), r.loan_id, r.source_ref
        )
        for r in pay_rows
    ]
    return LoanDetail(summaries[0], lines, repayments)


def payoff_quote(database: Database, loan_id: int, *, paid_on: date) -> PayoffQuote:
    """What settling the loan on ``paid_on`` would cost (docs/money.md, early payoff)."""

    with database.reading() as session:
        loan = session.get(tables.LoanTable, loan_id)
        if loan is None:
            raise InvalidValue("loan", loan_id, "no such loan")
        penalty = penalty_terms_for(session, [loan_id])[loan_id]
        states = applied_payments(session, loan_id, as_of=paid_on, penalty=penalty)[1].states
        rate, borrowed_on = rate_of(loan), loan.borrowed_on
    return propose_payoff(states, rate=rate, borrowed_on=borrowed_on, paid_on=paid_on, penalty=penalty)


def repayment_outlook(database: Database, loan_id: int, *, paid_on: date) -> RepaymentOutlook:
    """For showing, while the user types, which installments a repayment would settle (``payments.settles``)."""

    with database.reading() as session:
        if session.get(tables.LoanTable, loan_id) is None:
            raise InvalidValue("loan", loan_id, "no such loan")
        inst_rows, pay_rows = loan_schedule_rows(session, loan_id)
        penalty = penalty_terms_for(session, [loan_id])[loan_id]
    assumed = [(r.id, r.paid_on) for r in pay_rows if RepaymentSource(r.source).is_assumed and not r.is_payoff]
    replaced = nearest_assumed(assumed, [r.due_on for r in inst_rows], paid_on) if assumed else None
    installments = [installment_of(r) for r in inst_rows]
    payments = [payment_of(r) for r in pay_rows if r.id != replaced]
    states = apply_payments(installments, payments, penalty=penalty).states
    return RepaymentOutlook(
        apply_payments(installments, payments, as_of=paid_on, penalty=penalty).states,
        owed_on(states, penalty, paid_on).total_fen,
        paid_on,
        penalty,
        replaces=next((day for rid, day in assumed if rid == replaced), None),
    )


def prepayment_preview(
    database: Database, loan_id: int, *, paid_on: date, amount_fen: int, keep: Keep, today: date
) -> Prepayment:
    """What a part prepayment would do (``Ledger.prepay``), worked out without writing: shown before it is saved."""
    check_day(paid_on, field="paid_on", today=today)
    with database.reading() as session:
        loan = session.get(tables.LoanTable, loan_id)
        if loan is None:
            raise InvalidValue("loan", loan_id, "no such loan")
        if paid_on < loan.borrowed_on:
            raise InvalidValue("paid_on", paid_on.isoformat(), f"is before the loan was taken ({loan.borrowed_on})")
        states = applied_payments(session, loan_id)[1].states
        return planned_prepayment(loan, states, paid_on, amount_fen, keep)
