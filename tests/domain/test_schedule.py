"""Schedules for the four methods, checked against docs/money.md to the fen and against numpy-financial."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.payments import Payment, apply_payments
from jiebei_tracker.domain.rates import Rate, daily_rate
from jiebei_tracker.domain.schedule import LoanTerms, build_schedule, due_date
from jiebei_tracker.domain.vocabulary import InstallmentStatus, RepaymentMethod
from tests.scenarios import terms


def _half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _rows(schedule):
    return [(i.seq, i.due_on, i.principal_fen, i.interest_fen) for i in schedule]


def test_equal_installment_matches_the_worked_example():
    schedule = build_schedule(terms(date(2024, 1, 31), 12_000, 12, "equal_installment", annual="0.072"))
    assert _rows(schedule)[:3] == [
        (1, date(2024, 2, 29), 96_743, 7_200),
        (2, date(2024, 3, 31), 97_323, 6_620),
        (3, date(2024, 4, 30), 97_907, 6_036),
    ]
    assert {i.total_fen for i in schedule[:-1]} == {103_943}
    assert schedule[-1].total_fen == 103_942  # the last takes what is left
    assert sum(i.principal_fen for i in schedule) == 1_200_000


def test_equal_installment_interest_is_rounded_balance_times_monthly_rate():
    schedule = build_schedule(terms(date(2024, 5, 20), 35_678, 24, "equal_installment", annual="0.1386"))
    r = Decimal("0.1386") / 12
    balance = 3_567_800
    for installment in schedule:
        assert installment.interest_fen == _half_up(balance * r)
        balance -= installment.principal_fen
    assert balance == 0


@pytest.mark.parametrize(
    ("principal_yuan", "months", "annual"), [(12_000, 12, "0.072"), (50_000, 36, "0.0435"), (3_000, 6, "0.18")]
)
def test_equal_installment_payment_agrees_with_numpy_financial_pmt(principal_yuan, months, annual):
    schedule = build_schedule(terms(principal_yuan=principal_yuan, months=months, annual=annual))
    reference = npf.pmt(float(Decimal(annual) / 12), months, -principal_yuan * 100)
    assert abs(schedule[0].total_fen - reference) <= 0.5 + 1e-6


@settings(max_examples=200, deadline=None)
@given(
    principal_fen=st.integers(min_value=10_000, max_value=100_000_000),
    months=st.integers(min_value=1, max_value=360),
    annual_bp=st.integers(min_value=1, max_value=3_600),
)
def test_equal_installment_payment_agrees_with_pmt_for_any_loan(principal_fen, months, annual_bp):
    annual = Decimal(annual_bp) / 10_000
    schedule = build_schedule(
        LoanTerms(date(2024, 1, 15), principal_fen, months, RepaymentMethod.EQUAL_INSTALLMENT, Rate(annual))
    )
    reference = npf.pmt(float(annual / 12), months, -principal_fen)
    assert abs(schedule[0].total_fen - reference) <= 0.5 + 1e-6


def test_equal_principal():
    schedule = build_schedule(terms(date(2024, 1, 15), 12_000, 12, "equal_principal", annual="0.072"))
    assert [i.principal_fen for i in schedule] == [100_000] * 12
    assert [i.interest_fen for i in schedule] == [7_200 - 600 * k for k in range(12)]


def test_equal_principal_last_takes_the_rest():
    schedule = build_schedule(terms(principal_yuan=1_000, months=3, method="equal_principal", annual="0.12"))
    assert [i.principal_fen for i in schedule] == [33_333, 33_333, 33_334]
    assert [i.interest_fen for i in schedule] == [1_000, 667, 333]


def test_interest_first():
    schedule = build_schedule(terms(principal_yuan=10_000, months=6, method="interest_first", annual="0.12"))
    assert [i.interest_fen for i in schedule] == [10_000] * 6
    assert [i.principal_fen for i in schedule] == [0, 0, 0, 0, 0, 1_000_000]


def test_bullet_is_one_installment_at_the_end():
    schedule = build_schedule(terms(date(2024, 1, 31), 10_000, 3, "bullet", annual="0.12"))
    assert _rows(schedule) == [(1, date(2024, 4, 30), 1_000_000, 30_000)]


def test_due_dates_move_back_to_month_end_and_are_counted_from_the_borrowing_date():
    assert [due_date(date(2024, 1, 31), k) for k in range(1, 5)] == [
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
    ]
    assert due_date(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert due_date(date(2024, 2, 29), 1) == date(2024, 3, 29)
    assert due_date(date(2023, 11, 30), 3) == date(2024, 2, 29)


def test_zero_rate():
    schedule = build_schedule(terms(principal_yuan=1_000, months=3, annual="0"))
    assert [(i.principal_fen, i.interest_fen) for i in schedule] == [(33_333, 0), (33_333, 0), (33_334, 0)]
    assert build_schedule(terms(principal_yuan=1_000, months=2, method="bullet", annual="0"))[0].interest_fen == 0


def test_one_month_term():
    (only,) = build_schedule(terms(principal_yuan=10_000, months=1, annual="0.12"))
    assert (only.principal_fen, only.interest_fen) == (1_000_000, 10_000)


def test_daily_rate_input_gives_the_same_schedule_as_its_annual_equivalent():
    by_daily = LoanTerms(date(2024, 1, 31), 1_200_000, 12, RepaymentMethod.EQUAL_INSTALLMENT, daily_rate("0.02%"))
    assert _rows(build_schedule(by_daily)) == _rows(build_schedule(terms(date(2024, 1, 31), annual="0.072")))


@pytest.mark.parametrize(("principal", "months"), [(0, 12), (-100, 12), (100, 0), (100, 361)])
def test_impossible_terms_are_refused(principal, months):
    with pytest.raises(InvalidValue):
        LoanTerms(date(2024, 1, 1), principal, months, RepaymentMethod.BULLET, Rate(Decimal("0.1")))


loan_terms = st.builds(
    LoanTerms,
    borrowed_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    principal_fen=st.integers(min_value=1, max_value=10**10),
    term_months=st.integers(min_value=1, max_value=360),
    method=st.sampled_from(list(RepaymentMethod)),
    rate=st.builds(Rate, st.decimals(min_value=0, max_value=2, places=6)),
)


@settings(max_examples=300, deadline=None)
@given(loan_terms)
def test_schedule_properties(loan):
    schedule = build_schedule(loan)
    assert sum(i.principal_fen for i in schedule) == loan.principal_fen
    assert all(i.principal_fen >= 0 and i.interest_fen >= 0 for i in schedule)
    assert all(a.due_on < b.due_on for a, b in pairwise(schedule))
    assert [i.seq for i in schedule] == list(range(1, len(schedule) + 1))
    expected_count = 1 if loan.method is RepaymentMethod.BULLET else loan.term_months
    assert len(schedule) == expected_count


@settings(max_examples=150, deadline=None)
@given(loan_terms)
def test_paying_every_total_on_its_due_date_makes_every_installment_on_time(loan):
    schedule = build_schedule(loan)
    payments = [Payment(i.due_on, i.total_fen) for i in schedule if i.total_fen]
    application = apply_payments(schedule, payments)
    assert application.unapplied_fen == 0
    after = schedule[-1].due_on + timedelta(days=1)
    assert {s.status(after) for s in application.states} == {InstallmentStatus.ON_TIME}
