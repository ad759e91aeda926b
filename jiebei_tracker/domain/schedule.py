"""Repayment schedules for the four methods, as docs/money.md sets them out, to the fen."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import round_fen
from jiebei_tracker.domain.rates import Rate
from jiebei_tracker.domain.vocabulary import RepaymentMethod

MIN_TERM_MONTHS = 1
MAX_TERM_MONTHS = 360
_PRECISION = 40


@dataclass(frozen=True)
class LoanTerms:
    """What a schedule is built from."""

    borrowed_on: date
    principal_fen: int
    term_months: int
    method: RepaymentMethod
    rate: Rate

    def __post_init__(self) -> None:
        if self.principal_fen <= 0:
            raise InvalidValue("principal", self.principal_fen, "must be more than zero")
        if not MIN_TERM_MONTHS <= self.term_months <= MAX_TERM_MONTHS:
            raise InvalidValue(
                "term_months", self.term_months, f"must be {MIN_TERM_MONTHS} to {MAX_TERM_MONTHS} months"
            )


@dataclass(frozen=True)
class PlannedInstallment:
    """One scheduled payment: due date and what it is made of."""

    seq: int
    due_on: date
    principal_fen: int
    interest_fen: int

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.interest_fen


def due_date(borrowed_on: date, months: int) -> date:
    """The borrowing date plus ``months`` calendar months, moved back to the month's end when it is shorter
    (as ``relativedelta(months=...)`` does; tests hold the two equal). Plain integer arithmetic: every installment
    of every imported loan comes through here, and ``relativedelta`` made it a third of a large import's time."""
    shifted = borrowed_on.month - 1 + months
    year, month = borrowed_on.year + shifted // 12, shifted % 12 + 1
    day = borrowed_on.day
    if day > 28:  # every month has 28 days: only a later day can fall beyond the month's end
        day = min(day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def build_schedule(terms: LoanTerms) -> list[PlannedInstallment]:
    """The installments of a loan. Their principals always add up to exactly the loan's principal."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        builder = _BUILDERS[terms.method]
        return builder(terms, terms.rate.monthly)


def _equal_installment(terms: LoanTerms, r: Decimal) -> list[PlannedInstallment]:
    p, n = terms.principal_fen, terms.term_months
    if r == 0:
        payment = round_fen(Decimal(p) / n)
    else:
        growth = (1 + r) ** n
        payment = round_fen(p * r * growth / (growth - 1))
    balance = p
    result = []
    for k in range(1, n + 1):
        interest = round_fen(balance * r)
        # The last installment takes whatever is left; earlier ones never take more than is left
        # (only possible for a principal of a few fen, where rounding the payment up would overshoot).
        principal = balance if k == n else min(max(payment - interest, 0), balance)
        result.append(PlannedInstallment(k, due_date(terms.borrowed_on, k), principal, interest))
        balance -= principal
    return result


def _equal_principal(terms: LoanTerms, r: Decimal) -> list[PlannedInstallment]:
    p, n = terms.principal_fen, terms.term_months
    share = round_fen(Decimal(p) / n)
    balance = p
    result = []
    for k in range(1, n + 1):
        interest = round_fen(balance * r)
        principal = balance if k == n else min(share, balance)
        result.append(PlannedInstallment(k, due_date(terms.borrowed_on, k), principal, interest))
        balance -= principal
    return result


def _interest_first(terms: LoanTerms, r: Decimal) -> list[PlannedInstallment]:
    p, n = terms.principal_fen, terms.term_months
    interest = round_fen(p * r)
    return [
        PlannedInstallment(k, due_date(terms.borrowed_on, k), p if k == n else 0, interest) for k in range(1, n + 1)
    ]


def _bullet(terms: LoanTerms, r: Decimal) -> list[PlannedInstallment]:
    p, n = terms.principal_fen, terms.term_months
    return [PlannedInstallment(1, due_date(terms.borrowed_on, n), p, round_fen(p * r * n))]


_BUILDERS = {
    RepaymentMethod.EQUAL_INSTALLMENT: _equal_installment,
    RepaymentMethod.EQUAL_PRINCIPAL: _equal_principal,
    RepaymentMethod.INTEREST_FIRST: _interest_first,
    RepaymentMethod.BULLET: _bullet,
}
