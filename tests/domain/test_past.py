"""Installments already due when a loan is entered: paid on schedule through a day, settled early, or not repaid."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.past import (
    PastRepayments,
    installments_due_by,
    paid_through_installments,
    past_outcome,
)
from jiebei_tracker.domain.payments import apply_payments, propose_payoff
from jiebei_tracker.domain.schedule import build_schedule, due_date
from tests.scenarios import terms

TERMS = terms(borrowed_on=date(2025, 3, 10), principal_yuan=12_000, months=12, annual="0.0912")
SCHEDULE = build_schedule(TERMS)
TODAY = date(2025, 8, 20)  # installments 1-5 (04-10 … 08-10) have fallen due


def _outcome(past: PastRepayments, today: date = TODAY):
    return past_outcome(SCHEDULE, past, rate=TERMS.rate, borrowed_on=TERMS.borrowed_on, today=today)


def test_paid_through_today_pays_each_installment_due_in_full_on_its_due_date():
    outcome = _outcome(PastRepayments.paid_through(TODAY))
    assert [(p.paid_on, p.amount_fen) for p in outcome.payments] == [
        (inst.due_on, inst.total_fen) for inst in SCHEDULE[:5]
    ]
    assert outcome.on_schedule_count == 5
    assert outcome.on_schedule_fen == sum(inst.total_fen for inst in SCHEDULE[:5])
    assert outcome.overdue_count == 0
    assert outcome.payoff is None


def test_paid_through_an_earlier_day_leaves_the_rest_overdue():
    outcome = _outcome(PastRepayments.paid_through(date(2025, 6, 9)))  # installments 1 and 2 (04-10, 05-10)
    assert [p.paid_on for p in outcome.payments] == [date(2025, 4, 10), date(2025, 5, 10)]
    assert outcome.overdue_count == 3


def test_a_due_date_on_the_day_itself_counts_as_paid_through_it():
    outcome = _outcome(PastRepayments.paid_through(date(2025, 6, 10)))
    assert outcome.on_schedule_count == 3


def test_settled_early_pays_on_schedule_then_the_proposed_payoff_on_that_day():
    day = date(2025, 7, 1)
    outcome = _outcome(PastRepayments.settled(day))
    assert outcome.on_schedule_count == 3  # 04-10, 05-10, 06-10
    states = apply_payments(SCHEDULE, outcome.payments[:3]).states
    proposed = propose_payoff(states, rate=TERMS.rate, borrowed_on=TERMS.borrowed_on, paid_on=day).amount_fen
    assert outcome.payoff is not None
    assert (outcome.payoff.paid_on, outcome.payoff.amount_fen, outcome.payoff.is_payoff) == (day, proposed, True)
    assert outcome.overdue_count == 0
    # The principal left after three installments plus 21 days of interest at 9.12 % / 360.
    left = sum(inst.principal_fen for inst in SCHEDULE[3:])
    assert proposed == left + round(left * 0.0912 * 21 / 360)


def test_settled_with_the_amount_the_user_paid():
    outcome = _outcome(PastRepayments.settled(date(2025, 7, 1), payoff_fen=900_000))
    assert outcome.payoff.amount_fen == 900_000
    assert outcome.total_fen == outcome.on_schedule_fen + 900_000


def test_settled_after_the_last_due_date_needs_no_payoff():
    outcome = _outcome(PastRepayments.settled(date(2026, 5, 1)), today=date(2026, 6, 1))
    assert outcome.on_schedule_count == 12
    assert outcome.payoff is None


def test_unpaid_records_nothing_and_counts_what_is_overdue():
    outcome = _outcome(PastRepayments.unpaid())
    assert outcome.payments == []
    assert outcome.overdue_count == 5


@pytest.mark.parametrize(
    ("past", "field", "reason"),
    [
        (PastRepayments.paid_through(date(2025, 3, 9)), "paid_through", "before the loan was taken (2025-03-10)"),
        (PastRepayments.paid_through(date(2025, 8, 21)), "paid_through", "is in the future"),
        (PastRepayments.settled(date(2025, 9, 1)), "settled", "is in the future"),
        (PastRepayments.settled(date(2025, 7, 1), payoff_fen=0), "payoff_amount", "must be more than zero"),
    ],
)
def test_impossible_days_and_amounts_are_refused(past, field, reason):
    with pytest.raises(InvalidValue) as raised:
        _outcome(past)
    assert raised.value.field == field
    assert reason in raised.value.reason


def test_paid_installments_counts_from_the_first():
    assert paid_through_installments(SCHEDULE, 3) == date(2025, 6, 10)
    assert paid_through_installments(SCHEDULE, 12) == SCHEDULE[-1].due_on
    with pytest.raises(InvalidValue, match="0 to 12"):
        paid_through_installments(SCHEDULE, 13)


@pytest.mark.parametrize(
    ("borrowed_on", "months", "day"),
    [
        (date(2024, 1, 31), 12, date(2024, 2, 28)),
        (date(2024, 1, 31), 12, date(2024, 2, 29)),
        (date(2024, 1, 31), 12, date(2024, 3, 30)),
        (date(2024, 1, 31), 12, date(2026, 1, 1)),
        (date(2025, 3, 10), 12, date(2025, 3, 10)),
        (date(2025, 3, 10), 12, date(2025, 4, 9)),
        (date(2025, 3, 10), 12, date(2025, 4, 10)),
        (date(2025, 3, 10), 3, date(2025, 12, 31)),
        (date(2025, 3, 10), 12, date(2024, 12, 31)),
    ],
)
def test_installments_due_by_agrees_with_the_schedule(borrowed_on, months, day):
    schedule = build_schedule(terms(borrowed_on=borrowed_on, months=months))
    assert installments_due_by(borrowed_on, months, day) == sum(1 for inst in schedule if inst.due_on <= day)


@given(
    borrowed_on=st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)),
    months=st.integers(min_value=1, max_value=60),
    days_later=st.integers(min_value=-40, max_value=2000),
)
def test_installments_due_by_agrees_with_the_schedule_everywhere(borrowed_on, months, days_later):
    day = borrowed_on + timedelta(days=days_later)
    due_dates = [due_date(borrowed_on, k) for k in range(1, months + 1)]
    assert installments_due_by(borrowed_on, months, day) == sum(1 for due in due_dates if due <= day)
