"""Penalty interest (罚息): 1.5 × the daily rate (or the platform's multiplier) on the principal still overdue, for
each day past the due date plus the grace days — estimated beside what is overdue, added to a payoff proposal, and
paid by what a late repayment brings beyond the installment it settles."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.payments import Payment, apply_payments, propose_payoff
from jiebei_tracker.domain.penalty import PenaltyTerms, days_past_deadline, parse_multiplier, penalty_fen
from jiebei_tracker.domain.schedule import build_schedule
from tests.domain.records_builder import Records
from tests.domain.test_rules import fired
from tests.scenarios import terms

LOAN = terms(date(2026, 1, 15), 12_000, 12, "equal_installment", annual="0.072")  # first: ¥967.43 + ¥72.00
TERMS = PenaltyTerms(Decimal("0.072"), Decimal("1.5"))


def test_the_estimate_is_the_multiplier_of_the_daily_rate_on_the_principal_for_the_days_past_the_deadline():
    # ¥967.43 overdue 10 days at 1.5 × 0.02 %: 96,743 × 0.072 × 1.5 × 10 / 360 = 290.23 → ¥2.90.
    assert penalty_fen(96_743, Decimal("0.072"), Decimal("1.5"), 10) == 290
    assert days_past_deadline(date(2026, 2, 15), date(2026, 2, 25)) == 10
    assert days_past_deadline(date(2026, 2, 15), date(2026, 2, 25), grace_days=3) == 7
    assert days_past_deadline(date(2026, 2, 15), date(2026, 2, 14)) == 0
    assert penalty_fen(96_743, Decimal("0.072"), Decimal(0), 10) == 0  # a platform that charges none


def test_a_late_repayment_s_surplus_pays_the_penalty_before_the_next_installment():
    schedule = build_schedule(LOAN)
    first = schedule[0]
    paid_on = first.due_on + timedelta(days=10)
    states = apply_payments(schedule, [Payment(paid_on, first.total_fen + 1_000)], penalty=TERMS).states
    assert (states[0].settled_on, states[0].paid_penalty_fen) == (paid_on, 290)
    assert states[1].paid_fen == 1_000 - 290  # only the rest flows on
    without = apply_payments(schedule, [Payment(paid_on, first.total_fen + 1_000)]).states
    assert without[1].paid_fen == 1_000  # without penalty terms, as before


def test_no_penalty_is_taken_on_time_nor_from_a_payment_that_does_not_settle_the_installment():
    schedule = build_schedule(LOAN)
    first = schedule[0]
    on_time = apply_payments(schedule, [Payment(first.due_on, first.total_fen + 1_000)], penalty=TERMS).states
    assert on_time[0].paid_penalty_fen == 0 and on_time[1].paid_fen == 1_000
    late = first.due_on + timedelta(days=10)
    short = apply_payments(schedule, [Payment(late, first.total_fen - 1)], penalty=TERMS).states
    assert short[0].paid_penalty_fen == 0 and short[0].settled_on is None
    grace = PenaltyTerms(Decimal("0.072"), Decimal("1.5"), grace_days=10)
    within = apply_payments(schedule, [Payment(late, first.total_fen + 1_000)], penalty=grace).states
    assert within[0].paid_penalty_fen == 0


def test_a_payoff_proposal_adds_the_penalty_the_overdue_installments_have_run_up():
    schedule = build_schedule(LOAN)
    states = apply_payments(schedule, []).states
    day = date(2026, 4, 25)  # installments 1–3 overdue: 69, 38 and 10 days
    quote = propose_payoff(states, rate=LOAN.rate, borrowed_on=LOAN.borrowed_on, paid_on=day, penalty=TERMS)
    expected = sum(TERMS.accrued(i.due_on, i.principal_fen, day) for i in schedule[:3])
    assert quote.penalty_fen == expected > 0
    plain = propose_payoff(states, rate=LOAN.rate, borrowed_on=LOAN.borrowed_on, paid_on=day)
    assert quote.amount_fen == plain.amount_fen + expected


@pytest.mark.parametrize(("text", "value"), [("1.5", Decimal("1.5")), ("150%", Decimal("1.5")), ("0", Decimal(0))])
def test_a_multiplier_is_read_as_people_write_it(text, value):
    assert parse_multiplier(text) == value


@pytest.mark.parametrize("text", ["x", "-1", "11", "nan"])
def test_an_impossible_multiplier_is_refused(text):
    with pytest.raises(InvalidValue):
        parse_multiplier(text)


def test_the_overdue_flag_says_the_penalty_each_overdue_installment_has_run_up():
    records = Records()
    loan = records.loan(borrowed_on=date(2026, 6, 15), paid=[(seq, 0) for seq in range(1, 4)])  # 4th due 10-15
    as_of = date(2026, 11, 28)
    flag = fired(records.snapshot(as_of), "overdue")
    fourth = loan.installments[3]
    estimate = penalty_fen(fourth.principal_fen, Decimal("0.072"), Decimal("1.5"), (as_of - fourth.due_on).days)
    item = flag.evidence.items[0]
    assert dict(item.amounts_fen)["penalty_estimate"] == estimate > 0
    assert f"penalty interest about {format_yuan(estimate)}" in item.text.en
    assert f"估计罚息 {format_yuan(estimate)}" in item.text.zh_CN
    assert "penalty interest about" in flag.evidence.summary.en and "罚息估计已有" in flag.evidence.summary.zh_CN
