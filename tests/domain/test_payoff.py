"""Early payoff (docs/money.md): the proposed amount for a matured loan and for one with overdue installments, to
the fen, and the installments a payoff settled before their due dates read as settled early — on time for the
on-time rate."""

from __future__ import annotations

from datetime import date

from jiebei_tracker.domain.payments import Payment, apply_payments, on_time_rate, propose_payoff
from jiebei_tracker.domain.schedule import build_schedule
from jiebei_tracker.domain.status import installment_status
from jiebei_tracker.domain.vocabulary import InstallmentStatus
from tests.scenarios import terms

ON_TIME, SETTLED_EARLY, LATE = InstallmentStatus.ON_TIME, InstallmentStatus.SETTLED_EARLY, InstallmentStatus.LATE

# ¥12,000 over 6 months at 7.2 % a year, 等额本息, borrowed 2023-01-15: six installments of ¥2,042.21, due
# 2023-02-15 … 2023-07-15 (principal 1,970.21 / 1,982.03 / 1,993.92 / 2,005.89 / 2,017.92 / 2,030.03).
MATURED = terms(date(2023, 1, 15), 12_000, 6, annual="0.072")
# ¥12,000 over 12 months at 7.2 % a year borrowed 2024-01-15: installments of ¥1,039.43 due on the 15th.
YEARLONG = terms(date(2024, 1, 15), 12_000, 12, annual="0.072")


def test_a_matured_loan_is_quoted_its_open_installments_in_full_and_no_interest_for_the_days_since():
    schedule = build_schedule(MATURED)
    states = apply_payments(schedule, [Payment(schedule[0].due_on, schedule[0].total_fen)]).states
    quote = propose_payoff(states, rate=MATURED.rate, borrowed_on=MATURED.borrowed_on, paid_on=date(2025, 1, 5))
    # installments 2–6 in full: principal ¥10,029.79 + their scheduled interest ¥181.26
    assert (quote.due_unpaid_count, quote.due_unpaid_fen) == (5, 1_021_105)
    assert (quote.principal_fen, quote.accrued_interest_fen, quote.accrued_days) == (0, 0, 0)  # not 540 days
    assert quote.amount_fen == 1_021_105


def test_a_matured_loan_partly_repaid_late_is_quoted_what_is_left():
    schedule = build_schedule(MATURED)
    states = apply_payments(schedule, [Payment(date(2024, 5, 1), 300_000)]).states  # 1 in full, ¥957.79 of 2
    quote = propose_payoff(states, rate=MATURED.rate, borrowed_on=MATURED.borrowed_on, paid_on=date(2025, 1, 5))
    assert (quote.due_unpaid_count, quote.due_unpaid_fen, quote.amount_fen) == (5, 925_326, 925_326)


def test_overdue_installments_are_owed_in_full_plus_interest_to_date_on_the_principal_not_yet_due():
    states = apply_payments(build_schedule(YEARLONG), []).states
    quote = propose_payoff(states, rate=YEARLONG.rate, borrowed_on=YEARLONG.borrowed_on, paid_on=date(2024, 3, 20))
    assert (quote.due_unpaid_count, quote.due_unpaid_fen) == (2, 207_886)  # 02-15 and 03-15, ¥1,039.43 each
    assert quote.principal_fen == 1_005_934  # 1,200,000 − 967.43 − 973.23
    assert (quote.accrued_days, quote.accrued_interest_fen) == (5, 1_006)  # 1,005,934 × 7.2 % × 5 / 360 = 1,005.93
    assert quote.amount_fen == 1_214_826


def test_installments_a_payoff_settled_before_their_due_dates_are_settled_early_and_count_as_on_time():
    schedule = build_schedule(YEARLONG)
    first = Payment(schedule[0].due_on, schedule[0].total_fen)
    before = apply_payments(schedule, [first]).states
    proposed = propose_payoff(before, rate=YEARLONG.rate, borrowed_on=YEARLONG.borrowed_on, paid_on=date(2024, 3, 20))
    assert proposed.amount_fen == 103_943 + 1_005_934 + 1_006
    payments = [first, Payment(date(2024, 3, 20), proposed.amount_fen, True)]
    states = apply_payments(schedule, payments).states
    later = date(2025, 6, 1)
    # 1 paid on its day; 2 (due 03-15) settled by the payoff (the proposed ¥11,108.83) five days late; 3–11 filled
    # in full by its money and 12 closed by it for less: all settled the same way, before they fell due.
    assert [s.status(later) for s in states] == [ON_TIME, LATE] + [SETTLED_EARLY] * 10
    assert [s.paid_fen for s in states[10:]] == [103_943, 71_453]
    assert on_time_rate(states, start=date(2024, 1, 1), end=date(2025, 12, 31), as_of=later).on_time == 11
    assert states[5].status(date(2024, 3, 19)) is InstallmentStatus.UPCOMING  # as it stood before the payoff


def test_paying_ahead_without_a_payoff_is_on_time_and_a_payoff_on_the_due_date_is_on_time():
    schedule = build_schedule(YEARLONG)
    ahead = apply_payments(schedule, [Payment(date(2024, 2, 1), 2 * schedule[0].total_fen)]).states
    assert [s.status(date(2024, 4, 1)) for s in ahead[:2]] == [ON_TIME, ON_TIME]
    on_the_day = apply_payments(schedule, [Payment(schedule[0].due_on, 1_300_000, True)]).states
    assert [s.status(date(2025, 6, 1)) for s in on_the_day[:2]] == [ON_TIME, SETTLED_EARLY]


def test_the_one_rule_and_its_labels():
    due = date(2024, 3, 15)
    assert installment_status(due, date(2024, 3, 14), due, by_payoff=True) is SETTLED_EARLY
    assert installment_status(due, date(2024, 3, 14), due) is ON_TIME
    assert installment_status(due, date(2024, 3, 17), due + date.resolution * 5, 3, by_payoff=True) is ON_TIME
    assert SETTLED_EARLY.is_on_time and ON_TIME.is_on_time and not LATE.is_on_time
    assert (SETTLED_EARLY.label("zh_CN"), SETTLED_EARLY.label("en")) == ("提前结清", "Settled early")
