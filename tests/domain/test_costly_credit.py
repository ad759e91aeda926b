"""``costly_credit``: an open loan whose true APR (fees included, by the IRR method) is above 24 % a year is a
reminder, above 36 % high; the costliest comes first; a loan already repaid, or one whose typed rate hides nothing,
does not count."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jiebei_tracker.domain.cost import COSTLY_APR, cost_of_flows, costs_more_than
from jiebei_tracker.domain.diagnosis import diagnose
from jiebei_tracker.domain.limits import LimitCut
from jiebei_tracker.domain.rules import Severity, Thresholds
from jiebei_tracker.domain.schedule import Fees
from tests.domain.records_builder import Records, on_time
from tests.domain.test_rules import AS_OF, fired

BORROWED = date(2026, 6, 10)


def test_a_fee_that_takes_the_true_cost_above_24_percent_is_a_reminder_with_the_apr_as_evidence():
    records = Records()
    # 0 % interest and 1.5 % a month of the principal: about 32 % a year in truth.
    costly = records.loan(borrowed_on=BORROWED, annual="0", fees=Fees(monthly_rate=Decimal("0.015")), paid=on_time(5))
    records.loan("微粒贷", borrowed_on=BORROWED, annual="0.18", paid=on_time(5))  # 18 %: not costly
    flag = fired(records.snapshot(AS_OF), "costly_credit")
    assert flag.severity is Severity.LOW
    (item,) = flag.evidence.items
    assert item.loan_id == costly.loan_id
    apr = cost_of_flows(costly.received_fen, costly.cash_flows).apr
    assert Decimal("0.30") < apr < Decimal("0.36")
    assert f"true APR {apr * 100:.2f}%" in item.text.en and f"真实年化 {apr * 100:.2f}%" in item.text.zh_CN
    assert "the costliest first" in flag.advice.en and "成本最高" in flag.advice.zh_CN


def test_above_36_percent_is_high_and_the_costliest_loan_comes_first():
    records = Records()
    records.loan(borrowed_on=BORROWED, annual="0.28", paid=on_time(5))
    worst = records.loan("分期乐", borrowed_on=BORROWED, annual="0.12", fees=Fees(upfront_fen=150_000), months=6)
    flag = fired(records.snapshot(AS_OF), "costly_credit")
    assert flag.severity is Severity.HIGH
    assert flag.evidence.items[0].loan_id == worst.loan_id
    assert len(flag.evidence.items) == 2


def test_a_costly_loan_repaid_in_full_and_cheap_loans_raise_nothing():
    records = Records()
    records.loan(borrowed_on=date(2025, 1, 10), annual="0.30", paid=on_time(12))  # repaid
    records.loan(borrowed_on=BORROWED, annual="0.24", paid=on_time(5))  # exactly 24 %: not above it
    assert fired(records.snapshot(AS_OF), "costly_credit") is None


@pytest.mark.parametrize("basis_points", [1_000, 2_300, 2_399, 2_400, 2_401, 2_500, 3_000, 3_600, 4_000])
@pytest.mark.parametrize("months", [1, 3, 12, 36])
def test_the_cheap_bound_never_says_no_to_a_loan_the_irr_says_is_above(basis_points, months):
    records = Records()
    rate = str(Decimal(basis_points) / 10_000)
    for method in ("equal_installment", "equal_principal", "interest_first", "bullet"):
        loan = records.loan(borrowed_on=BORROWED, annual=rate, months=months, method=method)
        exact = cost_of_flows(loan.received_fen, loan.cash_flows).apr > COSTLY_APR
        assert costs_more_than(COSTLY_APR, loan.received_fen, loan.cash_flows) is exact


def test_a_limit_cut_lists_costly_credit_as_a_reminder_with_its_balance_to_bring_down_not_as_a_cause():
    records = Records()
    loan = records.loan(borrowed_on=BORROWED, annual="0.12", fees=Fees(upfront_fen=150_000), months=6, paid=on_time(4))
    cut = LimitCut("借呗", date(2026, 11, 20), 5_000_000, 2_000_000)
    found = diagnose(records.history(), cut, as_of=AS_OF, thresholds=Thresholds())
    assert "costly_credit" not in [flag.rule for flag in found.causes]
    assert "costly_credit" in [flag.rule for flag in found.reminders]
    (item,) = [item for item in found.checklist if item.key == "costly_balance"]
    assert (item.current, item.target) == (loan.outstanding_principal_fen, 0) and item.current > 0
