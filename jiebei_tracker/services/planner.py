"""The payoff planner over the user's open loans (``domain.planner``): each open loan as the Book has it on the
plan's first day, with the terms its schedule is rebuilt from after a prepayment and its true APR."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from jiebei_tracker.domain.book import Loan
from jiebei_tracker.domain.cost import monthly_irr
from jiebei_tracker.domain.payments import InstallmentState
from jiebei_tracker.domain.planner import Debt, PayoffPlan, Strategy, least_budget, plan_payoff
from jiebei_tracker.domain.schedule import PlannedInstallment
from jiebei_tracker.services.session import Session
from jiebei_tracker.storage.queries import terms_by_loan


@dataclass(frozen=True)
class Plans:
    """The plans of the strategies asked for, the loans they pay (by id: how people name them), and the smallest
    budget certain to be enough."""

    plans: tuple[PayoffPlan, ...]
    refs: dict[int, str]
    platforms: dict[int, str]
    least_budget_fen: int


def open_debts(session: Session, start: date) -> list[Debt]:
    """The loans open on ``start``, as the plan takes them."""
    snapshot = session.book().snapshot(start)
    loans = [loan for loan in snapshot.loans if loan.is_open]
    with session.database.reading() as db:
        terms = terms_by_loan(db, [loan.loan_id for loan in loans])
    return [Debt(loan.loan_id, loan.ref, terms[loan.loan_id], _states(loan), _apr(loan)) for loan in loans]


def payoff_plans(session: Session, *, budget_fen: int, start: date, strategies: Sequence[Strategy]) -> Plans:
    """Each strategy's plan for paying off every open loan with ``budget_fen`` a month from ``start``
    (``domain.planner.BudgetTooLow`` when the budget leaves some month short)."""
    debts = open_debts(session, start)
    plans = tuple(plan_payoff(debts, budget_fen=budget_fen, start=start, strategy=s) for s in strategies)
    book = {loan.loan_id: loan for loan in session.book().loans}
    return Plans(
        plans,
        {d.loan_id: d.ref for d in debts},
        {d.loan_id: book[d.loan_id].platform for d in debts},
        least_budget(debts, start),
    )


def _states(loan: Loan) -> tuple[InstallmentState, ...]:
    return tuple(
        InstallmentState(
            PlannedInstallment(i.seq, i.due_on, i.principal_fen, i.interest_fen, i.fee_fen),
            i.paid_interest_fen,
            i.paid_principal_fen,
            i.settled_on,
        )
        for i in loan.installments
    )


def _apr(loan: Loan) -> float:
    """The loan's true APR, unrounded (the monthly IRR of its cash flows × 12): what avalanche ranks by."""
    try:
        return monthly_irr(loan.received_fen, loan.cash_flows) * 12
    except ValueError:  # less repaid than received (a plan typed in short): no rate to rank by
        return 0.0
