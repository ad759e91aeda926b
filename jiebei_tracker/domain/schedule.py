"""Repayment schedules for the four methods on a monthly or a daily interest basis, with fees and interest-free
days, as docs/money.md sets them out, to the fen."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal, localcontext

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import round_fen
from jiebei_tracker.domain.rates import DAYS_PER_YEAR, MONTHS_PER_YEAR, Rate, decimal_text
from jiebei_tracker.domain.vocabulary import InterestBasis, RepaymentMethod

MIN_TERM_MONTHS = 1
MAX_TERM_MONTHS = 360
MAX_INTEREST_FREE_DAYS = 366
# A monthly fee above 10 % of the principal is a typing slip (0.65 typed for 0.65 %), not a product.
MAX_FEE_RATE = Decimal("0.1")
_PRECISION = 40


@dataclass(frozen=True)
class Fees:
    """What a loan charges besides interest: a service fee kept back when the money is paid out (砍头息), and a fee
    with every installment — a fixed amount, or a monthly share of the original principal (0.65 % a month)."""

    upfront_fen: int = 0
    per_installment_fen: int = 0
    monthly_rate: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        if self.upfront_fen < 0:
            raise InvalidValue("fee_upfront", self.upfront_fen, "cannot be negative")
        if self.per_installment_fen < 0:
            raise InvalidValue("fee_per_installment", self.per_installment_fen, "cannot be negative")
        if not 0 <= self.monthly_rate <= MAX_FEE_RATE:
            typed = decimal_text(self.monthly_rate)
            hint = f" — did you mean {typed}%?" if self.monthly_rate <= 10 else ""
            raise InvalidValue("fee_rate", typed, f"must be 0 to 10% of the principal a month{hint}")
        if self.per_installment_fen and self.monthly_rate:
            raise InvalidValue(
                "fee_rate", self.monthly_rate, "give a fee per installment or a monthly fee rate, not both"
            )

    def per_installment(self, principal_fen: int) -> int:
        """The fee of each installment of a loan of ``principal_fen``."""
        return self.per_installment_fen + round_fen(principal_fen * self.monthly_rate)

    def __bool__(self) -> bool:
        return bool(self.upfront_fen or self.per_installment_fen or self.monthly_rate)


NO_FEES = Fees()


@dataclass(frozen=True)
class LoanTerms:
    """What a schedule is built from."""

    borrowed_on: date
    principal_fen: int
    term_months: int
    method: RepaymentMethod
    rate: Rate
    interest_basis: InterestBasis = InterestBasis.MONTHLY
    fees: Fees = NO_FEES
    interest_free_days: int = 0

    def __post_init__(self) -> None:
        if self.principal_fen <= 0:
            raise InvalidValue("principal", self.principal_fen, "must be more than zero")
        if not MIN_TERM_MONTHS <= self.term_months <= MAX_TERM_MONTHS:
            raise InvalidValue(
                "term_months", self.term_months, f"must be {MIN_TERM_MONTHS} to {MAX_TERM_MONTHS} months"
            )
        if self.fees.upfront_fen >= self.principal_fen:
            raise InvalidValue("fee_upfront", self.fees.upfront_fen, "must be less than the principal")
        if not 0 <= self.interest_free_days <= MAX_INTEREST_FREE_DAYS:
            raise InvalidValue(
                "interest_free_days", self.interest_free_days, f"must be 0 to {MAX_INTEREST_FREE_DAYS} days"
            )
        if self.interest_free_days and self.interest_basis is not InterestBasis.DAILY:
            raise InvalidValue(
                "interest_free_days", self.interest_free_days, "interest-free days need interest by the day"
            )

    @property
    def received_fen(self) -> int:
        """What the borrower was paid out: the principal less the fee kept back."""
        return self.principal_fen - self.fees.upfront_fen


@dataclass(frozen=True)
class PlannedInstallment:
    """One scheduled payment: due date and what it is made of."""

    seq: int
    due_on: date
    principal_fen: int
    interest_fen: int
    fee_fen: int = 0

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.interest_fen + self.fee_fen

    @property
    def charges_fen(self) -> int:
        """Interest and fee: what a payment pays before principal."""
        return self.interest_fen + self.fee_fen


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
        schedule = _BUILDERS[terms.method](terms, Interest.of(terms))
    fee = terms.fees.per_installment(terms.principal_fen) if terms.fees else 0
    if fee:
        schedule = [replace(installment, fee_fen=fee) for installment in schedule]
    return schedule


@dataclass(frozen=True)
class Interest:
    """How much interest a balance owes over a period: ``months`` whole months on the monthly basis; on the daily
    basis the days between the two dates at the daily rate, less the interest-free days.

    Worked out exactly in integers: the annual rate is the fraction ``numerator / denominator`` (a Decimal is one),
    so the interest is balance × numerator × months ÷ (denominator × 12) — or × days ÷ (denominator × 360) —
    rounded half-up. Dividing last keeps an exact half fen exact (annual ÷ 12 rarely ends: 0.0253 ÷ 12 = 0.0021083…,
    and 632.5 fen must round up, not to 632.4999… down), makes 30 days come to exactly a month, and is the cheap
    path every installment of a large import takes (benchmarks/bench_import.py)."""

    monthly: Decimal  # r = annual ÷ 12: the equal-installment payment is always worked out with it
    numerator: int
    denominator: int
    by_day: bool
    free_until: date  # interest counts from this day on (the borrowing day when there are no free days)

    @classmethod
    def of(cls, terms: LoanTerms, *, by_day: bool | None = None) -> Interest:
        """The loan's interest, on its basis — or by the day whatever its basis (``by_day=True``: what accrues
        between due dates, as a part prepayment or an early payoff counts it)."""
        numerator, denominator = terms.rate.annual.as_integer_ratio()
        return cls(
            terms.rate.monthly,
            numerator,
            denominator,
            terms.interest_basis is InterestBasis.DAILY if by_day is None else by_day,
            terms.borrowed_on + timedelta(days=terms.interest_free_days),
        )

    def on(self, balance: int, start: date, end: date, months: int = 1) -> int:
        """The interest on ``balance`` from ``start`` to ``end`` (``months`` whole months on the monthly basis)."""
        if not self.by_day:
            return _half_up(balance * self.numerator * months, self.denominator * MONTHS_PER_YEAR)
        days = (end - max(start, self.free_until)).days
        return _half_up(balance * self.numerator * days, self.denominator * DAYS_PER_YEAR) if days > 0 else 0


def _half_up(numerator: int, denominator: int) -> int:
    """numerator ÷ denominator rounded half-up (both ≥ 0), as ``round_fen`` rounds."""
    return (2 * numerator + denominator) // (2 * denominator)


def _periods(terms: LoanTerms):
    """(k, the day the period starts, its due date) for every installment, the first starting on the borrowing day."""
    start = terms.borrowed_on
    for k in range(1, terms.term_months + 1):
        due = due_date(terms.borrowed_on, k)
        yield k, start, due
        start = due


def level_payment(principal_fen: int, r: Decimal, count: int) -> int:
    """The equal installment (等额本息) that repays ``principal_fen`` in ``count`` months at the monthly rate ``r``."""
    if r == 0:
        return round_fen(Decimal(principal_fen) / count)
    growth = (1 + r) ** count
    return round_fen(principal_fen * r * growth / (growth - 1))


def _equal_installment(terms: LoanTerms, interest: Interest) -> list[PlannedInstallment]:
    p, n = terms.principal_fen, terms.term_months
    payment = level_payment(p, interest.monthly, n)
    balance = p
    result = []
    for k, start, due in _periods(terms):
        owed = interest.on(balance, start, due)
        # The last installment takes whatever is left; earlier ones never take more than is left
        # (only possible for a principal of a few fen, where rounding the payment up would overshoot).
        principal = balance if k == n else min(max(payment - owed, 0), balance)
        result.append(PlannedInstallment(k, due, principal, owed))
        balance -= principal
    return result


def _equal_principal(terms: LoanTerms, interest: Interest) -> list[PlannedInstallment]:
    p, n = terms.principal_fen, terms.term_months
    share = round_fen(Decimal(p) / n)
    balance = p
    result = []
    for k, start, due in _periods(terms):
        owed = interest.on(balance, start, due)
        principal = balance if k == n else min(share, balance)
        result.append(PlannedInstallment(k, due, principal, owed))
        balance -= principal
    return result


def _interest_first(terms: LoanTerms, interest: Interest) -> list[PlannedInstallment]:
    p, n = terms.principal_fen, terms.term_months
    return [
        PlannedInstallment(k, due, p if k == n else 0, interest.on(p, start, due)) for k, start, due in _periods(terms)
    ]


def _bullet(terms: LoanTerms, interest: Interest) -> list[PlannedInstallment]:
    p, n = terms.principal_fen, terms.term_months
    due = due_date(terms.borrowed_on, n)
    return [PlannedInstallment(1, due, p, interest.on(p, terms.borrowed_on, due, months=n))]


_BUILDERS = {
    RepaymentMethod.EQUAL_INSTALLMENT: _equal_installment,
    RepaymentMethod.EQUAL_PRINCIPAL: _equal_principal,
    RepaymentMethod.INTEREST_FIRST: _interest_first,
    RepaymentMethod.BULLET: _bullet,
}
