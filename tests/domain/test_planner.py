"""The payoff planner: a month's budget pays the schedules, the rest repays one loan early (avalanche: the highest
true APR first; snowball: the smallest balance first). A hand-worked plan, the refusal of a budget that is too
small, and the invariants over generated loans."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jiebei_tracker.domain.cost import loan_cost
from jiebei_tracker.domain.payments import InstallmentState, Payment, apply_payments
from jiebei_tracker.domain.planner import BudgetTooLow, Debt, Strategy, least_budget, plan_payoff, scheduled_by_month
from jiebei_tracker.domain.rates import Rate
from jiebei_tracker.domain.schedule import Fees, LoanTerms, build_schedule
from jiebei_tracker.domain.vocabulary import InterestBasis, RepaymentMethod
from tests.scenarios import terms

START = date(2026, 12, 3)


def debt(loan_id: int, loan: LoanTerms, *, paid_until: date = START) -> Debt:
    """The loan with every installment due before ``paid_until`` paid on its due date."""
    schedule = build_schedule(loan)
    states = apply_payments(schedule, [Payment(i.due_on, i.total_fen) for i in schedule if i.due_on < paid_until])
    return Debt(loan_id, f"#{loan_id}", loan, tuple(states.states), float(loan_cost(loan).apr))


def test_a_plan_worked_by_hand():
    # A bullet loan of ¥1,000 at 36 % due 2027-02-03 and an interest-first loan of ¥3,000 at 7.2 % a year.
    dear = debt(1, terms(date(2026, 11, 3), 1_000, 3, "bullet", annual="0.36"))
    cheap = debt(2, terms(date(2026, 11, 3), 3_000, 3, "interest_first", annual="0.072"))
    # Scheduled: ¥18 interest a month on the cheap one; the dear one owes ¥1,090 on 3 Feb, the cheap ¥3,018.
    assert scheduled_by_month([dear, cheap], START) == {
        date(2026, 12, 1): 1_800,
        date(2027, 1, 1): 1_800,
        date(2027, 2, 1): 109_000 + 301_800,
    }
    # ¥3,000 a month is less than February asks for, but the plan clears both loans before then.
    plan = plan_payoff([dear, cheap], budget_fen=300_000, start=date(2026, 12, 1), strategy=Strategy.AVALANCHE)
    # December: the money beyond the schedules goes in with the month's first installment, the cheap loan's ¥18 on
    # 3 Dec: ¥2,982. The dear loan is paid off: ¥1,000 and 30 days of interest at 0.1 % a day, ¥30 — ¥1,030. The
    # ¥1,952 left repay part of the cheap loan, none of it interest (its last due date is that day): ¥1,048 are
    # left, and the 3 Jan installment charges their 31 days: 104,800 × 0.072 × 31 ÷ 360 = 649.7 → ¥6.50.
    december = plan.months[0]
    assert december.payments == {1: 103_000, 2: 1_800 + 195_200}
    assert december.extra_fen == 300_000 - 1_800
    assert december.balance_fen == 104_800
    # January: with its ¥6.50 on 3 Jan, the ¥1,048 are paid off (no day's interest since).
    assert plan.months[1].payments == {2: 650 + 104_800}
    assert plan.order == (1, 2) and plan.debt_free_month == date(2027, 1, 1)
    assert plan.interest_fen == 3_000 + 1_800 + 650
    assert plan.scheduled_interest_fen == 9_000 + 5_400
    assert plan.interest_saved_fen == 14_400 - 5_450
    assert plan.paid_fen == plan.principal_fen + plan.interest_fen == 400_000 + 5_450


def test_a_budget_below_a_months_installments_is_refused_with_each_months_shortfall():
    loan = debt(1, terms(date(2026, 10, 20), 12_000, 12))  # ¥1,039.43 a month
    with pytest.raises(BudgetTooLow) as refused:
        plan_payoff([loan], budget_fen=100_000, start=START, strategy=Strategy.SNOWBALL)
    assert refused.value.field == "budget"
    assert refused.value.shortfalls[0] == (date(2026, 12, 1), 3_943)
    assert len(refused.value.shortfalls) == 11  # every month from December to October 2027
    assert "2026-12 ¥39.43 short" in str(refused.value) and "and 8 more months" in str(refused.value)


def test_an_installment_overdue_at_the_start_is_paid_in_the_first_month():
    loan = debt(1, terms(date(2026, 9, 20), 12_000, 12), paid_until=date(2026, 11, 1))  # 20 Nov unpaid
    assert scheduled_by_month([loan], START)[date(2026, 12, 1)] == 2 * 103_943
    with pytest.raises(BudgetTooLow) as refused:
        plan_payoff([loan], budget_fen=2 * 103_943 - 1, start=START, strategy=Strategy.AVALANCHE)
    assert refused.value.shortfalls == ((date(2026, 12, 1), 1),)  # January's ¥1,039.42 to spare: no shortfall
    plan = plan_payoff([loan], budget_fen=2 * 103_943, start=START, strategy=Strategy.AVALANCHE)
    assert plan.months[0].payments == {1: 2 * 103_943} and plan.months[0].extra_fen == 0


def test_snowball_clears_the_small_loan_first_and_avalanche_the_dear_one():
    # Paid off with its installment of 10 Dec: the ¥1,181.20 left and that installment's ¥5.91 interest.
    small_cheap = debt(1, terms(date(2026, 6, 10), 2_000, 12, annual="0.06"))
    big_dear = debt(2, terms(date(2026, 6, 10), 20_000, 24, annual="0.18"))
    budget = 300_000
    avalanche = plan_payoff([small_cheap, big_dear], budget_fen=budget, start=START, strategy=Strategy.AVALANCHE)
    snowball = plan_payoff([small_cheap, big_dear], budget_fen=budget, start=START, strategy=Strategy.SNOWBALL)
    assert snowball.order == (1, 2) and snowball.months[0].payments[1] == small_cheap.balance_fen + 591
    assert avalanche.months[0].payments[2] > snowball.months[0].payments[2]
    assert avalanche.interest_fen < snowball.interest_fen


# -- invariants over generated loans -----------------------------------------------------------------------


@st.composite
def loans(
    draw,
    *,
    fees: bool = True,
    comparable: bool = False,
    smallest: int = 1_000,
    lowest: int = 0,
    bases=tuple(InterestBasis),
) -> list[Debt]:
    """1–4 loans open on START, of ``smallest`` fen or more, at ``lowest`` ‱ a year or more. ``comparable``: the
    loans avalanche and snowball are compared on — see ``test_avalanche_never_pays_more_interest_than_snowball``."""
    found = []
    rates = draw(st.lists(st.integers(0, 36), min_size=4, max_size=4, unique=True))
    borrowed = START - timedelta(days=draw(st.integers(31, 200)))
    for loan_id in range(1, draw(st.integers(1, 4)) + 1):
        if comparable:
            months, basis, method = draw(st.integers(3, 24)), InterestBasis.DAILY, RepaymentMethod.EQUAL_INSTALLMENT
            annual, principal = Decimal(rates[loan_id - 1]) / 100, draw(st.integers(100_000, 3_000_000))
        else:
            months, basis = draw(st.integers(1, 24)), draw(st.sampled_from(bases))
            method = draw(st.sampled_from(list(RepaymentMethod)))
            borrowed = START - timedelta(days=draw(st.integers(0, 200)))
            annual, principal = (
                Decimal(draw(st.integers(lowest, 3_600))) / 10_000,
                draw(st.integers(smallest, 3_000_000)),
            )
        fee = Fees(per_installment_fen=draw(st.integers(0, 3_000))) if fees and draw(st.booleans()) else Fees()
        loan_debt = debt(loan_id, LoanTerms(borrowed, principal, months, method, Rate(annual), basis, fee))
        if loan_debt.balance_fen:
            found.append(loan_debt)
    assume(found)
    return found


@settings(max_examples=150, deadline=None)
@given(loans(), st.integers(0, 500_000), st.sampled_from(list(Strategy)))
def test_what_is_paid_is_the_principal_owed_and_the_interest(debts, more, strategy):
    plan = plan_payoff(debts, budget_fen=least_budget(debts, START) + more, start=START, strategy=strategy)
    assert plan.paid_fen == plan.principal_fen + plan.interest_fen
    assert plan.months[-1].balance_fen == 0
    assert plan.interest_saved_fen >= 0
    assert sorted(plan.order) == sorted(d.loan_id for d in debts)
    spent = 0
    for count, month in enumerate(plan.months, 1):  # never more than the budgets of the months so far
        spent += month.paid_fen
        assert spent <= count * plan.budget_fen


@settings(max_examples=150, deadline=None)
@given(loans(), st.integers(0, 300_000), st.integers(1, 300_000), st.sampled_from(list(Strategy)))
def test_more_budget_never_makes_the_debt_free_month_later(debts, more, extra, strategy):
    budget = least_budget(debts, START) + more
    less = plan_payoff(debts, budget_fen=budget, start=START, strategy=strategy)
    bigger = plan_payoff(debts, budget_fen=budget + extra, start=START, strategy=strategy)
    assert bigger.debt_free_month <= less.debt_free_month


@settings(max_examples=150, deadline=None)
@given(loans(comparable=True), st.integers(0, 300_000), st.integers(1, 300_000), st.sampled_from(list(Strategy)))
def test_more_budget_never_costs_more_interest(debts, more, extra, strategy):
    """On the loans of ``test_avalanche_never_pays_more_interest_than_snowball``, and for the same reasons: on
    others the calendar can make more money cost a little more (clearing a loan sooner can move the day the extra
    money goes in later in the months after; a prepayment accrues by the day, so on a loan charged by the month a
    31-day month costs 31/30 of its interest)."""
    budget = least_budget(debts, START) + more
    less = plan_payoff(debts, budget_fen=budget, start=START, strategy=strategy)
    bigger = plan_payoff(debts, budget_fen=budget + extra, start=START, strategy=strategy)
    rounding = sum(1 for month in bigger.months if month.extra_fen)
    assert bigger.interest_fen <= less.interest_fen + rounding


@settings(max_examples=150, deadline=None)
@given(loans(fees=False, comparable=True), st.integers(0, 500_000))
def test_avalanche_never_pays_more_interest_than_snowball(debts, more):
    """Money put into the dearest loan saves the most, as long as nothing but the rates tells the loans apart.
    So the loans compared charge interest by the day, at rates a point apart or more, in equal installments due on
    the same day of the month. (Otherwise the plan's calendar can favour snowball a little: a prepayment accrues
    by the day, so on a loan charged by the month it costs 31/30 of a month's interest in a 31-day month; and a
    loan cleared early pays its installments on the day the extra money goes in, not on their own due dates.)
    Each prepayment splits a period's interest in two, each rounded to the fen: that much may differ."""
    budget = least_budget(debts, START) + more
    avalanche = plan_payoff(debts, budget_fen=budget, start=START, strategy=Strategy.AVALANCHE)
    snowball = plan_payoff(debts, budget_fen=budget, start=START, strategy=Strategy.SNOWBALL)
    rounding = sum(1 for month in avalanche.months if month.extra_fen)
    assert avalanche.interest_fen <= snowball.interest_fen + rounding


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1_000, 300_000), st.integers(0, 2_000)), min_size=1, max_size=4),
    st.integers(1, 24),
    st.sampled_from(list(Strategy)),
)
def test_a_budget_that_only_meets_the_schedules_follows_them(payments, months, strategy):
    # Interest-free installments with a fee, taken the same day for the same term: every month asks the same.
    debts = [
        debt(
            n,
            LoanTerms(
                date(2026, 11, 20),
                part * months,
                months,
                RepaymentMethod.EQUAL_INSTALLMENT,
                Rate(Decimal(0)),
                fees=Fees(per_installment_fen=fee),
            ),
        )
        for n, (part, fee) in enumerate(payments, 1)
    ]
    totals = scheduled_by_month(debts, START)
    assert set(totals.values()) == {sum(part + fee for part, fee in payments)}
    plan = plan_payoff(debts, budget_fen=next(iter(totals.values())), start=START, strategy=strategy)
    assert [m.extra_fen for m in plan.months] == [0] * months
    for month in plan.months:
        due = {
            d.loan_id: sum(s.remaining_fen for s in d.states if s.due_on.replace(day=1) == month.month) for d in debts
        }
        assert month.payments == due
    assert plan.interest_saved_fen == 0 and plan.interest_fen == sum(fee for _, fee in payments) * months


def test_nothing_owed_is_an_empty_plan():
    paid = debt(1, terms(date(2025, 1, 3), 1_000, 3))
    plan = plan_payoff([paid], budget_fen=0, start=START, strategy=Strategy.AVALANCHE)
    assert plan.months == () and plan.debt_free_month is None and plan.interest_saved_fen == 0


def test_an_installment_part_paid_before_the_plan_is_paid_as_due_first():
    loan = terms(date(2026, 11, 20), 12_000, 12)
    schedule = build_schedule(loan)
    part = apply_payments(schedule, [Payment(date(2026, 12, 1), 50_000)]).states
    planned = Debt(1, "#1", loan, tuple(part), float(loan_cost(loan).apr))
    plan = plan_payoff([planned], budget_fen=1_000_000, start=START, strategy=Strategy.AVALANCHE)
    # The part-paid installment of 20 Dec is paid as due (¥539.43 more); the rest of the budget goes in with it.
    assert plan.months[0].payments == {1: 1_000_000}
    assert plan.months[0].extra_fen == 1_000_000 - 53_943
    assert plan.paid_fen == plan.principal_fen + plan.interest_fen
    assert isinstance(part[0], InstallmentState)
