"""Part prepayment (提前还部分): interest accrued since the last due date first, the rest off the principal, the
installments to come rebuilt — same payment and fewer of them, or as many and smaller. Hand-worked numbers, the
payment held to numpy-financial's pmt, and properties over generated loans."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.payments import Payment, apply_payments
from jiebei_tracker.domain.prepay import Keep, plan_prepayment
from jiebei_tracker.domain.schedule import build_schedule
from jiebei_tracker.domain.vocabulary import InterestBasis, RepaymentMethod
from tests.scenarios import terms

LOAN = terms(date(2024, 1, 15), 12_000, 12, "equal_installment", annual="0.072")  # ¥1,039.43 a month


def _paid(loan, count: int):
    schedule = build_schedule(loan)
    return apply_payments(schedule, [Payment(i.due_on, i.total_fen) for i in schedule[:count]]).states


def test_keeping_the_payment_repays_sooner():
    # Three installments paid: ¥9,080.27 left. ¥3,000 on 5 May: 20 days of interest on it first,
    # 908,027 × 0.072 × 20 / 360 = 3,632.11 → ¥36.32, and ¥2,963.68 off the principal.
    plan = plan_prepayment(LOAN, _paid(LOAN, 3), paid_on=date(2024, 5, 5), amount_fen=300_000, keep=Keep.PAYMENT)
    assert (plan.interest_fen, plan.principal_fen, plan.balance_after_fen) == (3_632, 296_368, 611_659)
    prepaid = plan.schedule[3]
    assert (prepaid.seq, prepaid.due_on, prepaid.principal_fen, prepaid.interest_fen) == (
        4,
        date(2024, 5, 5),
        296_368,
        3_632,
    )
    first = plan.rebuilt[0]
    # 10 days to 15 May on ¥6,116.59: 611,659 × 0.0002 × 10 = 1,223.32 → ¥12.23; the payment stays ¥1,039.43.
    assert (first.seq, first.due_on, first.interest_fen, first.total_fen) == (5, date(2024, 5, 15), 1_223, 103_943)
    assert len(plan.rebuilt) == 6 and plan.rebuilt[-1].due_on == date(2024, 10, 15)  # was 9 more, to 15 Jan
    assert {i.total_fen for i in plan.rebuilt[:-1]} == {103_943}
    assert plan.interest_saved_fen == 13_426


def test_keeping_the_term_lowers_the_payment_as_pmt_says():
    plan = plan_prepayment(LOAN, _paid(LOAN, 3), paid_on=date(2024, 5, 5), amount_fen=300_000, keep=Keep.TERM)
    assert len(plan.rebuilt) == 9 and plan.rebuilt[-1].due_on == date(2025, 1, 15)
    payment = round(npf.pmt(0.006, 9, -611_659))
    second = plan.rebuilt[1]  # a whole month's interest: 611,659 − the first's principal, × 0.6 %
    assert second.principal_fen + second.interest_fen == payment
    assert 0 < plan.interest_saved_fen < 13_426  # saves less than repaying sooner does


@pytest.mark.parametrize(
    ("paid_on", "amount", "field", "said"),
    [
        (date(2024, 6, 1), 300_000, "paid_on", "installment 4 (due 2024-05-15) is still open"),
        (date(2024, 5, 5), 3_632, "amount", "no more than the ¥36.32 interest accrued since 2024-04-15"),
        (date(2024, 5, 5), 911_659, "amount", "repays all the ¥9,080.27 principal left"),
        (date(2024, 4, 1), 100_000, "paid_on", "a repayment is recorded after this day"),
    ],
)
def test_impossible_prepayments_are_refused_with_the_reason(paid_on, amount, field, said):
    with pytest.raises(InvalidValue) as refused:
        plan_prepayment(LOAN, _paid(LOAN, 3), paid_on=paid_on, amount_fen=amount, keep=Keep.TERM)
    assert refused.value.field == field and said in refused.value.reason


@st.composite
def _prepaid(draw):
    months = draw(st.integers(3, 36))
    loan = terms(
        draw(st.dates(date(2000, 1, 1), date(2080, 1, 1))),
        draw(st.integers(1_000, 300_000)),
        months,
        draw(st.sampled_from(list(RepaymentMethod))),
        annual=str(draw(st.integers(0, 3600)) / 10_000),
    )
    loan = replace(loan, interest_basis=draw(st.sampled_from(list(InterestBasis))))
    paid = 0 if loan.method is RepaymentMethod.BULLET else draw(st.integers(0, months - 2))
    states = _paid(loan, paid)
    last = max((s.due_on for s in states if s.settled_on), default=loan.borrowed_on)
    next_due = min(s.due_on for s in states if s.settled_on is None)
    paid_on = last + timedelta(days=draw(st.integers(0, max(0, (next_due - last).days - 1))))
    balance = sum(s.installment.principal_fen for s in states if s.settled_on is None)
    share = draw(st.floats(0.05, 0.9))
    return loan, states, paid_on, max(1, int(balance * share)), draw(st.sampled_from(list(Keep)))


@settings(max_examples=300, deadline=None)
@given(_prepaid())
def test_principals_still_add_up_and_the_prepayment_settles_its_own_installment(case):
    loan, states, paid_on, amount, keep = case
    try:
        plan = plan_prepayment(loan, states, paid_on=paid_on, amount_fen=amount, keep=keep)
    except InvalidValue as refused:
        assert refused.field == "amount"  # only ever "all interest" or "everything": never a broken schedule
        return
    assert sum(i.principal_fen for i in plan.schedule) == loan.principal_fen
    assert all(i.principal_fen >= 0 and i.interest_fen >= 0 for i in plan.schedule)
    assert [i.seq for i in plan.schedule] == list(range(1, len(plan.schedule) + 1))
    open_before = [s for s in states if s.settled_on is None]
    assert len(plan.rebuilt) <= len(open_before)
    if keep is Keep.TERM:
        assert len(plan.rebuilt) == len(open_before)
    paid = [Payment(s.settled_on, s.paid_fen) for s in states if s.settled_on] + [Payment(paid_on, amount)]
    after = apply_payments(list(plan.schedule), paid).states
    assert after[len(plan.schedule) - len(plan.rebuilt) - 1].settled_on == paid_on
    assert all(s.settled_on is None for s in after[len(after) - len(plan.rebuilt) :] if s.installment.total_fen)
