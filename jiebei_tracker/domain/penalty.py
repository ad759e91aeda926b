"""Penalty interest (罚息) on an overdue installment: a platform's multiplier (1.5 unless the user says otherwise) of
the loan's daily rate, on the principal still unpaid, for each day past the due date plus the grace days. An
estimate — each platform charges its own — shown beside what is overdue and added to a payoff proposal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import normalize_text, round_fen
from jiebei_tracker.domain.rates import DAYS_PER_YEAR

DEFAULT_MULTIPLIER = Decimal("1.5")
MAX_MULTIPLIER = Decimal(10)


def days_past_deadline(due_on: date, as_of: date, grace_days: int = 0) -> int:
    """The days penalty interest has run on ``as_of``: those after the due date plus the grace days."""
    return max(0, (as_of - due_on).days - grace_days)


def penalty_fen(principal_fen: int, annual_rate: Decimal, multiplier: Decimal, days: int) -> int:
    """principal × annual ÷ 360 × multiplier × days, rounded half-up to the fen (dividing last, as all interest)."""
    if days <= 0 or principal_fen <= 0:
        return 0
    return round_fen(principal_fen * annual_rate * multiplier * days / DAYS_PER_YEAR)


def parse_multiplier(text: str, *, field: str = "penalty_multiplier") -> Decimal:
    """``1.5`` (or ``150%``): how many times the daily rate a platform charges on what is overdue."""
    cleaned = normalize_text(text).strip()
    try:
        value = Decimal(cleaned[:-1]) / 100 if cleaned.endswith("%") else Decimal(cleaned)
    except InvalidOperation:
        raise InvalidValue(field, text, "not a multiplier (e.g. 1.5, or 150%)") from None
    if not value.is_finite() or not 0 <= value <= MAX_MULTIPLIER:
        raise InvalidValue(field, text, f"must be 0 to {MAX_MULTIPLIER} times the daily rate")
    return value


@dataclass(frozen=True)
class PenaltyTerms:
    """What a loan's overdue installments run up: its annual rate, its platform's multiplier, the grace days."""

    annual_rate: Decimal
    multiplier: Decimal = DEFAULT_MULTIPLIER
    grace_days: int = 0

    def accrued(self, due_on: date, principal_fen: int, day: date) -> int:
        """The penalty on ``principal_fen`` of an installment due ``due_on``, run up by ``day``."""
        days = days_past_deadline(due_on, day, self.grace_days)
        return penalty_fen(principal_fen, self.annual_rate, self.multiplier, days)
