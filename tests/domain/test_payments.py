"""Applying repayments, installment status as of any date, on-time rate and early payoff (docs/money.md)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from jiebei_tracker.domain.payments import (
    Payment,
    Settled,
    apply_payments,
    loan_status,
    next_open,
    on_time_rate,
    outstanding_principal,
    propose_payoff,
    remaining_total,
    settles,
)
from jiebei_tracker.domain.rates import Rate
from jiebei_tracker.domain.schedule import PlannedInstallment, build_schedule
from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanStatus
from tests.scenarios import terms

DUE = date(2024, 3, 15)
ONE = PlannedInstallment(1, DUE, 10_000, 500)


def _status(payments, as_of, grace_days=0, installment=ONE):
    return apply_payments([installment], payments).states[0].status(as_of, grace_days)


def test_status_before_on_and_after_the_due_date_when_unpaid():
    assert _status([], date(2024, 3, 14)) is InstallmentStatus.UPCOMING
    assert _status([], DUE) is InstallmentStatus.UPCOMING
    assert _status([], date(2024, 3, 16)) is InstallmentStatus.OVERDUE


def test_status_when_paid_on_before_or_after_the_due_date():
    assert _status([Payment(DUE, 10_500)], DUE) is InstallmentStatus.ON_TIME
    assert _status([Payment(date(2024, 3, 1), 10_500)], date(2024, 3, 2)) is InstallmentStatus.ON_TIME
    late = [Payment(date(2024, 3, 20), 10_500)]
    assert _status(late, date(2024, 3, 18)) is InstallmentStatus.OVERDUE  # not yet paid on the 18th
    assert _status(late, date(2024, 3, 20)) is InstallmentStatus.LATE


def test_grace_days_extend_on_time_and_delay_overdue():
    late_by_two = [Payment(date(2024, 3, 17), 10_500)]
    assert _status(late_by_two, date(2024, 4, 1), grace_days=0) is InstallmentStatus.LATE
    assert _status(late_by_two, date(2024, 4, 1), grace_days=2) is InstallmentStatus.ON_TIME
    assert _status([], date(2024, 3, 17), grace_days=2) is InstallmentStatus.UPCOMING
    assert _status([], date(2024, 3, 18), grace_days=2) is InstallmentStatus.OVERDUE


def test_payments_go_interest_first_and_flow_on():
    schedule = [PlannedInstallment(1, DUE, 10_000, 500), PlannedInstallment(2, date(2024, 4, 15), 10_000, 400)]
    application = apply_payments(schedule, [Payment(date(2024, 3, 10), 300)])
    first = application.states[0]
    assert (first.paid_interest_fen, first.paid_principal_fen, first.settled_on) == (300, 0, None)
    application = apply_payments(schedule, [Payment(date(2024, 3, 10), 300), Payment(date(2024, 3, 12), 10_700)])
    first, second = application.states
    assert first.settled_on == date(2024, 3, 12)
    assert (second.paid_interest_fen, second.paid_principal_fen) == (400, 100)
    assert remaining_total(application.states) == 9_900
    assert outstanding_principal(application.states) == 9_900
    assert next_open(application.states) is second


def test_payments_are_applied_in_date_order_whatever_order_they_are_given():
    schedule = build_schedule(terms(date(2024, 1, 15), months=3))
    payments = [Payment(s.due_on, s.total_fen) for s in schedule]
    forward = apply_payments(schedule, payments).states
    backward = apply_payments(schedule, list(reversed(payments))).states
    assert forward == backward


def test_over_payment_beyond_the_schedule_is_unapplied():
    application = apply_payments([ONE], [Payment(DUE, 11_000)])
    assert application.unapplied_fen == 500
    assert application.states[0].settled_on == DUE


def test_as_of_leaves_out_later_payments():
    application = apply_payments([ONE], [Payment(date(2024, 3, 20), 10_500)], as_of=date(2024, 3, 18))
    assert application.states[0].paid_fen == 0
    assert application.states[0].status(date(2024, 3, 18)) is InstallmentStatus.OVERDUE


def test_nothing_to_pay_counts_as_settled_on_the_due_date():
    zero = PlannedInstallment(1, DUE, 0, 0)
    assert _status([], date(2024, 3, 1), installment=zero) is InstallmentStatus.UPCOMING
    assert _status([], date(2024, 4, 1), installment=zero) is InstallmentStatus.ON_TIME


def test_payoff_settles_everything_open_with_what_was_paid():
    schedule = build_schedule(terms(date(2024, 1, 15), 12_000, 12))
    application = apply_payments(schedule, [Payment(date(2024, 2, 10), 500_000, is_payoff=True)])
    assert {s.settled_on for s in application.states} == {date(2024, 2, 10)}
    assert remaining_total(application.states) == 0
    assert sum(s.paid_fen for s in application.states) == 500_000
    assert loan_status(application.states, date(2024, 6, 1)) is LoanStatus.SETTLED


def test_loan_status():
    schedule = build_schedule(terms(date(2024, 1, 15), months=2))
    states = apply_payments(schedule, []).states
    assert loan_status(states, date(2024, 2, 1)) is LoanStatus.ACTIVE
    assert loan_status(states, date(2024, 2, 16)) is LoanStatus.OVERDUE


def test_on_time_rate_counts_settled_and_overdue_installments_that_fell_due_in_the_period():
    schedule = build_schedule(terms(date(2024, 1, 15), months=4))
    payments = [
        Payment(schedule[0].due_on, schedule[0].total_fen),  # on time
        Payment(date(2024, 3, 20), schedule[1].total_fen),  # late
    ]
    states = apply_payments(schedule, payments).states
    rate = on_time_rate(states, start=date(2024, 1, 1), end=date(2024, 12, 31), as_of=date(2024, 4, 20))
    # due 02-15 on time, 03-15 late, 04-15 overdue, 05-15 upcoming (not counted)
    assert (rate.on_time, rate.counted) == (1, 3)
    assert rate.rate == Decimal(1) / Decimal(3)
    empty = on_time_rate(states, start=date(2023, 1, 1), end=date(2023, 12, 31), as_of=date(2024, 4, 20))
    assert empty.rate is None


def test_payoff_quote_is_remaining_principal_plus_interest_since_the_last_due_date():
    loan = terms(date(2024, 1, 15), 12_000, 12, annual="0.072")
    schedule = build_schedule(loan)
    states = apply_payments(schedule, [Payment(schedule[0].due_on, schedule[0].total_fen)]).states
    quote = propose_payoff(states, rate=loan.rate, borrowed_on=loan.borrowed_on, paid_on=date(2024, 3, 5))
    remaining = 1_200_000 - schedule[0].principal_fen
    assert quote.principal_fen == remaining
    assert quote.accrued_days == 19  # since 2024-02-15
    assert quote.accrued_interest_fen == round(remaining * 0.072 * 19 / 360)
    assert quote.due_unpaid_fen == 0
    assert quote.amount_fen == remaining + quote.accrued_interest_fen


def test_payoff_quote_includes_what_already_fell_due_and_counts_from_borrowing_when_nothing_fell_due():
    loan = terms(date(2024, 1, 15), 10_000, 6, method="bullet", annual="0.12")
    states = apply_payments(build_schedule(loan), []).states
    quote = propose_payoff(states, rate=loan.rate, borrowed_on=loan.borrowed_on, paid_on=date(2024, 2, 14))
    assert (quote.accrued_days, quote.accrued_interest_fen) == (30, 10_000)
    overdue_loan = terms(date(2024, 1, 15), 12_000, 12, annual="0.072")
    schedule = build_schedule(overdue_loan)
    states = apply_payments(schedule, []).states
    quote = propose_payoff(
        states, rate=Rate(Decimal("0.072")), borrowed_on=date(2024, 1, 15), paid_on=date(2024, 3, 20)
    )
    assert quote.due_unpaid_fen == schedule[0].total_fen + schedule[1].total_fen
    assert quote.principal_fen == 1_200_000 - schedule[0].principal_fen - schedule[1].principal_fen


THREE = [
    PlannedInstallment(1, date(2024, 2, 15), 10_000, 500),
    PlannedInstallment(2, date(2024, 3, 15), 10_000, 400),
    PlannedInstallment(3, date(2024, 4, 15), 10_000, 300),
]


def test_settles_names_a_whole_installment_exactly_paid():
    states = apply_payments(THREE, []).states
    assert settles(states, 10_500) == [Settled(1, 10_500, True)]


def test_settles_flows_from_a_whole_installment_into_part_of_the_next():
    states = apply_payments(THREE, []).states
    assert settles(states, 10_620) == [Settled(1, 10_500, True), Settled(2, 120, False)]
    assert settles(states, 20_900) == [Settled(1, 10_500, True), Settled(2, 10_400, True)]


def test_settles_a_part_of_the_earliest_open_installment():
    states = apply_payments(THREE, []).states
    assert settles(states, 500) == [Settled(1, 500, False)]


def test_settles_starts_after_what_is_already_paid_and_counts_only_what_is_left():
    # PlannedInstallment 1 settled, 300 of installment 2's interest paid: 10,100 finishes installment 2 exactly.
    states = apply_payments(THREE, [Payment(date(2024, 2, 15), 10_800)]).states
    assert settles(states, 10_100) == [Settled(2, 10_100, True)]
    assert settles(states, 10_099) == [Settled(2, 10_099, False)]
    assert settles(states, 10_200) == [Settled(2, 10_100, True), Settled(3, 100, False)]


def test_settles_leaves_out_money_beyond_everything_owed():
    states = apply_payments(THREE, [Payment(date(2024, 2, 15), 10_500)]).states
    entries = settles(states, 30_000)
    assert entries == [Settled(2, 10_400, True), Settled(3, 10_300, True)]
    assert sum(entry.amount_fen for entry in entries) == remaining_total(states) == 20_700
    assert settles(apply_payments(THREE, [Payment(date(2024, 2, 1), 31_200)]).states, 100) == []


def test_settles_skips_an_installment_with_nothing_to_pay_and_one_closed_by_a_payoff():
    schedule = [PlannedInstallment(1, date(2024, 2, 15), 0, 0), *THREE[1:]]
    assert settles(apply_payments(schedule, []).states, 400) == [Settled(2, 400, False)]
    paid_off = apply_payments(THREE, [Payment(date(2024, 2, 1), 1_000, is_payoff=True)]).states
    assert settles(paid_off, 100) == []


def test_settles_agrees_with_applying_the_payment():
    schedule = build_schedule(terms(date(2024, 1, 15), 12_000, 12))
    before = [Payment(date(2024, 2, 15), 150_000)]
    states = apply_payments(schedule, before).states
    after = apply_payments(schedule, [*before, Payment(date(2024, 3, 1), 250_000)]).states
    changed = [
        Settled(new.seq, new.paid_fen - old.paid_fen, new.settled_on is not None)
        for old, new in zip(states, after, strict=True)
        if new.paid_fen != old.paid_fen
    ]
    assert settles(states, 250_000) == changed
    assert len(changed) == 3 and [entry.whole for entry in changed] == [True, True, False]
