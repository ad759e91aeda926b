"""Tiny scenario builders for tests (after moneyGuru's app_some_account()): a loan in one line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from jiebei_tracker.domain.rates import Rate, RateBasis
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.schedule import LoanTerms
from jiebei_tracker.domain.vocabulary import LoanPurpose, RepaymentMethod


def terms(
    borrowed_on: date = date(2024, 1, 15),
    principal_yuan: int = 12_000,
    months: int = 12,
    method: RepaymentMethod | str = RepaymentMethod.EQUAL_INSTALLMENT,
    annual: str = "0.072",
    daily: str | None = None,
) -> LoanTerms:
    rate = Rate(Decimal(daily) * 360, RateBasis.DAILY) if daily else Rate(Decimal(annual))
    return LoanTerms(borrowed_on, principal_yuan * 100, months, RepaymentMethod(method), rate)


def draft(
    platform: str = "借呗",
    *,
    purpose: LoanPurpose | str = LoanPurpose.DAILY,
    autopay: bool = False,
    external_id: str | None = None,
    note: str = "",
    **term_args,
) -> LoanDraft:
    return LoanDraft(platform, terms(**term_args), LoanPurpose(purpose), autopay, note, external_id)
