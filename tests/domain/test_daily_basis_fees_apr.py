"""Interest by the day, fees, interest-free days and the true APR: hand-worked schedules for every method on both
bases (month ends and leap years among them), properties over generated loans, and the APR held to
numpy-financial's IRR."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tracker.domain.cost import true_cost
from jiebei_tracker.domain.dates import months_after
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.schedule import Fees, build_schedule
from jiebei_tracker.domain.vocabulary import InterestBasis, RepaymentMethod
from tests.scenarios import terms

DAILY = InterestBasis.DAILY


def _daily(*args, **kwargs):
    return replace(terms(*args, **kwargs), interest_basis=DAILY)


def _rows(schedule):
    return [(i.due_on, i.principal_fen, i.interest_fen, i.fee_fen) for i in schedule]


def test_the_daily_interest_of_a_leap_february_is_29_days_not_a_month():
    # ¥12,000 on 31 Jan 2024 at 0.02 % a day: 29 days to 29 Feb owe ¥69.60; the monthly basis says ¥72.00.
    loan = _daily(date(2024, 1, 31), 12_000, 12, "equal_installment", daily="0.0002")
    schedule = build_schedule(loan)
    # The payment stays the monthly formula's ¥1,039.43; principal is what the day-counted interest leaves of it.
    assert _rows(schedule)[:3] == [
        (date(2024, 2, 29), 96_983, 6_960, 0),  # 1,200,000 × 0.0002 × 29
        (date(2024, 3, 31), 97_104, 6_839, 0),  # 1,103,017 × 0.0002 × 31 = 6,838.71
        (date(2024, 4, 30), 97_908, 6_035, 0),  # 1,005,913 × 0.0002 × 30 = 6,035.48
    ]
    assert {i.total_fen for i in schedule[:-1]} == {103_943}
    assert sum(i.principal_fen for i in schedule) == 1_200_000
    monthly = build_schedule(terms(date(2024, 1, 31), 12_000, 12, "equal_installment", daily="0.0002"))
    assert monthly[0].interest_fen == 7_200


def test_daily_equal_principal_counts_each_month_s_days():
    # ¥3,000 on 31 Dec 2024 at 3.6 % a year (0.01 % a day) over 3 months: 31, 28 and 31 days.
    schedule = build_schedule(_daily(date(2024, 12, 31), 3_000, 3, "equal_principal", annual="0.036"))
    assert _rows(schedule) == [
        (date(2025, 1, 31), 100_000, 930, 0),  # 300,000 × 0.0001 × 31
        (date(2025, 2, 28), 100_000, 560, 0),  # 200,000 × 0.0001 × 28
        (date(2025, 3, 31), 100_000, 310, 0),  # 100,000 × 0.0001 × 31
    ]


def test_daily_interest_first_charges_the_actual_days_and_interest_free_days_come_off_the_first():
    loan = _daily(date(2023, 1, 31), 10_000, 3, "interest_first", daily="0.0005")
    assert _rows(build_schedule(loan)) == [
        (date(2023, 2, 28), 0, 14_000, 0),  # 28 days (2023 is no leap year)
        (date(2023, 3, 31), 0, 15_500, 0),  # 31 days
        (date(2023, 4, 30), 1_000_000, 15_000, 0),  # 30 days
    ]
    # A 10-day interest-free coupon: interest counts from 10 Feb, so the first month charges 18 days.
    free = build_schedule(replace(loan, interest_free_days=10))
    assert [i.interest_fen for i in free] == [9_000, 15_500, 15_000]
    # 40 free days run to 12 Mar: nothing for February, 19 days of March.
    longer = build_schedule(replace(loan, interest_free_days=40))
    assert [i.interest_fen for i in longer] == [0, 9_500, 15_000]


def test_a_bullet_over_a_leap_day_counts_365_days_on_the_daily_basis_and_12_months_on_the_monthly():
    daily = build_schedule(_daily(date(2024, 2, 29), 5_000, 12, "bullet", annual="0.072"))
    assert _rows(daily) == [(date(2025, 2, 28), 500_000, 36_500, 0)]  # 500,000 × 0.0002 × 365
    monthly = build_schedule(terms(date(2024, 2, 29), 5_000, 12, "bullet", annual="0.072"))
    assert _rows(monthly) == [(date(2025, 2, 28), 500_000, 36_000, 0)]  # 500,000 × 0.006 × 12


def test_a_monthly_fee_rate_is_a_share_of_the_original_principal_on_every_installment():
    # 0 % interest and 0.65 % a month of ¥12,000: ¥78.00 with each of the 12 installments of ¥1,000.
    loan = replace(
        terms(date(2024, 3, 10), 12_000, 12, "equal_installment", annual="0"), fees=Fees(monthly_rate=Decimal("0.0065"))
    )
    schedule = build_schedule(loan)
    assert {(i.principal_fen, i.interest_fen, i.fee_fen, i.total_fen) for i in schedule} == {
        (100_000, 0, 7_800, 107_800)
    }
    cost = true_cost(loan, schedule)
    assert (cost.apr, cost.effective) == (Decimal("0.1410"), Decimal("0.1505"))  # numpy-financial: 0.140982, 0.150458


def test_a_fee_kept_back_at_payout_raises_the_true_cost_of_a_one_month_loan():
    # ¥10,000 for a month at 0 %, ¥500 kept back: ¥9,500 received, ¥10,000 repaid — 5.26 % for the month.
    loan = replace(terms(date(2024, 5, 1), 10_000, 1, "bullet", annual="0"), fees=Fees(upfront_fen=50_000))
    assert loan.received_fen == 950_000
    cost = true_cost(loan, build_schedule(loan))
    assert (cost.apr, cost.effective) == (Decimal("0.6316"), Decimal("0.8506"))


def test_a_fixed_fee_per_installment_is_added_to_each():
    loan = replace(terms(months=3, method="equal_principal"), fees=Fees(per_installment_fen=1_500))
    assert [i.fee_fen for i in build_schedule(loan)] == [1_500, 1_500, 1_500]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: replace(t, fees=Fees(upfront_fen=t.principal_fen)), "fee_upfront"),
        (lambda t: replace(t, interest_free_days=7), "interest_free_days"),  # on the monthly basis
        (lambda t: replace(t, interest_basis=DAILY, interest_free_days=400), "interest_free_days"),
        (lambda t: replace(t, fees=Fees(per_installment_fen=100, monthly_rate=Decimal("0.01"))), "fee_rate"),
        (lambda t: replace(t, fees=Fees(monthly_rate=Decimal("0.65"))), "fee_rate"),  # 0.65 typed for 0.65 %
        (lambda t: replace(t, fees=Fees(upfront_fen=-1)), "fee_upfront"),
    ],
)
def test_impossible_fees_and_free_days_are_refused_naming_the_field(change, field):
    with pytest.raises(InvalidValue) as refused:
        change(terms())
    assert refused.value.field == field


def test_months_after_counts_calendar_months_by_number():
    assert months_after(date(2024, 1, 31), date(2024, 2, 29)) == 1
    assert months_after(date(2024, 1, 31), date(2025, 1, 31)) == 12
    assert months_after(date(2024, 1, 31), date(2024, 1, 31)) == 1  # never month 0


_METHODS = st.sampled_from(list(RepaymentMethod))


@st.composite
def _loans(draw, *, basis: st.SearchStrategy | None = None, fees: bool = True):
    chosen = draw(basis if basis is not None else st.sampled_from(list(InterestBasis)))
    loan = terms(
        draw(st.dates(date(1995, 1, 1), date(2090, 12, 31))),
        draw(st.integers(1, 500_000)),
        draw(st.integers(1, 60)),
        draw(_METHODS),
        annual=str(Decimal(draw(st.integers(0, 3600))) / 10_000),
    )
    loan = replace(loan, interest_basis=chosen)
    if chosen is DAILY:
        loan = replace(loan, interest_free_days=draw(st.integers(0, 60)))
    if fees:
        upfront = draw(st.integers(0, loan.principal_fen // 10))
        rate = Decimal(draw(st.integers(0, 120))) / 10_000
        loan = replace(loan, fees=Fees(upfront_fen=upfront, monthly_rate=rate))
    return loan


@settings(max_examples=300, deadline=None)
@given(_loans())
def test_principals_add_up_and_nothing_is_negative_on_either_basis_with_fees(loan):
    schedule = build_schedule(loan)
    assert sum(i.principal_fen for i in schedule) == loan.principal_fen
    assert all(i.principal_fen >= 0 and i.interest_fen >= 0 and i.fee_fen >= 0 for i in schedule)
    assert len({i.fee_fen for i in schedule}) == 1


@settings(max_examples=200, deadline=None)
@given(
    st.dates(date(2000, 1, 1), date(2080, 12, 31)).filter(lambda d: d.month in (4, 6, 9, 11) and d.day <= 28),
    st.integers(1, 1_000_000),
    _METHODS,
    st.integers(0, 3600),
)
def test_daily_and_monthly_agree_when_the_period_is_30_days(borrowed_on, principal_yuan, method, basis_points):
    # Borrowed in a 30-day month and due a month later: the one period is 30 days, and 30 × annual ÷ 360 is a month.
    monthly = terms(borrowed_on, principal_yuan, 1, method, annual=str(Decimal(basis_points) / 10_000))
    assert build_schedule(monthly) == build_schedule(replace(monthly, interest_basis=DAILY))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(10_000, 500_000),  # a fen rounded on ¥10,000 moves the APR by less than 0.00001
    st.integers(1, 60),
    st.sampled_from(
        [RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.EQUAL_PRINCIPAL, RepaymentMethod.INTEREST_FIRST]
    ),
    st.integers(1, 3600),
)
def test_the_apr_is_the_rate_when_there_are_no_fees(principal_yuan, months, method, basis_points):
    # Monthly compounding methods on the monthly basis: the IRR is the monthly rate itself (a bullet charges
    # simple interest over its months, so its IRR is lower; the docs explain why).
    rate = Decimal(basis_points) / 10_000
    loan = terms(date(2024, 1, 15), principal_yuan, months, method, annual=str(rate))
    assert true_cost(loan, build_schedule(loan)).apr == rate


@settings(max_examples=150, deadline=None)
@given(_loans())
def test_the_apr_agrees_with_numpy_financial_irr(loan):
    schedule = build_schedule(loan)
    flows = [0.0] * (max(months_after(loan.borrowed_on, i.due_on) for i in schedule) + 1)
    flows[0] = -loan.received_fen
    for installment in schedule:
        flows[months_after(loan.borrowed_on, installment.due_on)] += installment.total_fen
    reference = float(npf.irr(flows))
    cost = true_cost(loan, schedule)
    assert abs(float(cost.apr) - reference * 12) <= 0.00005 + 1e-9
    assert abs(float(cost.effective) - ((1 + reference) ** 12 - 1)) <= 0.00005 + 1e-9


@pytest.mark.parametrize("basis", list(InterestBasis))
def test_an_exact_half_fen_rounds_up_though_the_monthly_rate_repeats(basis):
    # ¥3,000 at 2.53 % for April (30 days): 300,000 × 0.0253 ÷ 12 = 632.5 fen exactly — ¥6.33 on either basis,
    # though 0.0253 ÷ 12 = 0.00210833… has no end (multiplied out rounded, it would come to 632.4999… → 632).
    loan = replace(terms(date(2000, 4, 1), 3_000, 1, "interest_first", annual="0.0253"), interest_basis=basis)
    assert build_schedule(loan)[0].interest_fen == 633
