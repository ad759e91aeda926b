"""Payoff planner speed: both strategies' plans for 50 open loans over up to ten years, on the 10-year demo history
of 5,000 loans, against a floor that does no planning.

(a) the floor: the open loans' installments still to pay, read with one SELECT through a plain ``sqlite3``
    connection, and totalled by month in plain Python — no project code (what following the schedules costs to
    list);
The history's own open loans are paid off, and 50 loans borrowed in the last month (36 to 120 months) added.

(b) the plans: ``services.planner.payoff_plans`` for avalanche and snowball with a budget a hundredth above what the
    dearest month asks, on a Session that holds the Book already (as the window's does): the terms read, the
    snapshot of the first day, both plans month by month to the debt-free month.

(c) one what-if of each kind (``services.whatif``: a new loan, a payoff, a part prepayment, a late installment) on
    the same held Book: two health checks each, on the Book and on the Book with the change imagined.

Target (issue 14): (b) within 500 ms, (c) each within 150 ms. Also shown: (b) with a new Session (the Book read
first, as a ``plan`` command does). Not a test; run it by hand:

    python benchmarks/bench_plan.py
    python benchmarks/bench_plan.py --loans 1000 --rounds 3
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from bench_rules import Timer

from jiebei_tracker.domain.planner import Strategy
from jiebei_tracker.domain.prepay import Keep
from jiebei_tracker.domain.rates import Rate, RateBasis
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.schedule import LoanTerms
from jiebei_tracker.domain.vocabulary import InterestBasis, RepaymentMethod
from jiebei_tracker.services import whatif
from jiebei_tracker.services.demo import generate_history
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.planner import open_debts, payoff_plans
from jiebei_tracker.services.session import Session
from jiebei_tracker.storage.database import open_database

TODAY = date(2026, 11, 28)
OPEN_LOANS = 50
TARGET_MS = 500
WHAT_IF_MS = 150


def floor(path: Path, today: date) -> int:
    """The installments of loans still open, due from ``today`` on, totalled by month; returns how many months."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT due_on, principal_fen + interest_fen + fee_fen FROM installment WHERE settled_on IS NULL"
        ).fetchall()
    finally:
        connection.close()
    months: dict[str, int] = {}
    for due_on, total in rows:
        month = max(due_on[:7], today.isoformat()[:7])
        months[month] = months.get(month, 0) + total
    return len(months)


def open_up_to(ledger: Ledger, session: Session, count: int, seed: int = 14) -> int:
    """Add loans borrowed in the last month until ``count`` are open: 36 to 120 months, equal installments or
    equal principal, both bases, 3 % to 24 % a year. Returns how many are open."""
    rng = random.Random(seed)
    have = len(open_debts(session, TODAY))
    for number in range(max(count - have, 0)):
        terms = LoanTerms(
            TODAY - timedelta(days=rng.randint(1, 28)),
            rng.randint(1_000, 200_000) * 100,
            rng.choice((36, 60, 120, 120)),
            rng.choice((RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.EQUAL_PRINCIPAL)),
            Rate(Decimal(rng.randint(3, 24)) / 100, RateBasis.ANNUAL),
            rng.choice(list(InterestBasis)),
        )
        ledger.add_loan(LoanDraft("借呗", terms, external_id=f"PLAN-{number}"))
    session.reload()
    return len(open_debts(session, TODAY))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.db")
        demo = generate_history(today=TODAY, years=args.years, loans=args.loans)
        ledger = Ledger(database=database, today=lambda: TODAY)
        ledger.add_history(demo.loans, limits=demo.limits, notes=demo.notes, platform_kinds=demo.platform_kinds)
        session = Session(database=database, today=lambda: TODAY)
        for debt in open_debts(session, TODAY):  # the history's own open loans paid off: the plan is for the new
            ledger.pay_off(debt.loan_id, paid_on=TODAY)
        session.reload()
        count = open_up_to(ledger, session, OPEN_LOANS)
        both = tuple(Strategy)
        found = payoff_plans(session, budget_fen=1, start=TODAY, strategies=()) if count else None
        budget = found.least_budget_fen * 101 // 100
        listing, planning, cold = Timer(), Timer(), Timer()
        session.book()
        for _ in range(args.rounds):
            months = listing.run(lambda: floor(database.path, TODAY))
            plans = planning.run(lambda: payoff_plans(session, budget_fen=budget, start=TODAY, strategies=both))
            cold.run(
                lambda: payoff_plans(
                    Session(database=database, today=lambda: TODAY), budget_fen=budget, start=TODAY, strategies=both
                )
            )
        loan_id = plans.plans[0].order[-1]
        new_loan = LoanTerms(TODAY, 2_000_000, 12, RepaymentMethod.EQUAL_INSTALLMENT, Rate(Decimal("0.144")))
        questions = {
            "borrow": lambda: whatif.borrow(session, platform="京东金条", terms=new_loan),
            "payoff": lambda: whatif.payoff(session, loan_id, on=TODAY),
            "prepay": lambda: whatif.prepay(session, loan_id, on=TODAY, amount_fen=100_000, keep=Keep.PAYMENT),
            "late": lambda: whatif.late(session, loan_id, days=30),
        }
        asked = {name: Timer() for name in questions}
        for _ in range(args.rounds):
            for name, question in questions.items():
                asked[name].run(question)
        database.close()
    print(f"{args.loans} loans over {args.years} years, {count} of them open; budget ¥{budget / 100:,.2f} a month")
    print(f"(a) floor: the open installments listed by month ({months} months): {listing}")
    for plan in plans.plans:
        print(
            f"    {plan.strategy.value}: {len(plan.months)} months to {plan.debt_free_month:%Y-%m}, "
            f"¥{plan.interest_saved_fen / 100:,.2f} of interest saved"
        )
    print(f"(b) both plans, the Book held:                 {planning}")
    print(f"    both plans, a new Session (Book read too): {cold}")
    print(
        f"(b) {planning.wall * 1000:.0f} ms wall (target ≤ {TARGET_MS} ms) — "
        + ("met" if planning.wall * 1000 <= TARGET_MS else "MISSED")
        + f"; (b) / (a) CPU: {planning.cpu / listing.cpu:.1f} ×"
    )
    for name, timer in asked.items():
        verdict = "met" if timer.wall * 1000 <= WHAT_IF_MS else "MISSED"
        print(f"(c) what-if {name:<7} {timer}   (target ≤ {WHAT_IF_MS} ms) — {verdict}")


if __name__ == "__main__":
    main()
