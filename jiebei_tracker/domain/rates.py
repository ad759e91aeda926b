"""Interest rates: annual (年化) or daily (日利率) as people write them, on the 360-day Chinese convention."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import normalize_text

DAYS_PER_YEAR = 360
MONTHS_PER_YEAR = 12
# No lender charges this much; above it the value was almost certainly mistyped.
MAX_ANNUAL_RATE = Decimal(10)
# Above 24 % a year Chinese courts stop protecting the interest; the editor warns but still accepts.
HIGH_ANNUAL_RATE = Decimal("0.24")


class RateBasis(StrEnum):
    """How the user gave the rate, so it can be shown back the same way."""

    ANNUAL = "annual"
    DAILY = "daily"


@dataclass(frozen=True)
class Rate:
    """A loan's rate. ``annual`` is the fraction per year (0.0912 for 9.12 %); ``basis`` is how it was entered."""

    annual: Decimal
    basis: RateBasis = RateBasis.ANNUAL

    @property
    def daily(self) -> Decimal:
        return self.annual / DAYS_PER_YEAR

    @property
    def monthly(self) -> Decimal:
        return self.annual / MONTHS_PER_YEAR

    @property
    def is_high(self) -> bool:
        return self.annual > HIGH_ANNUAL_RATE

    def as_entered(self) -> str:
        """The rate in the form the user typed it: ``9.12%`` annual or ``0.025%`` daily."""
        value = self.daily if self.basis is RateBasis.DAILY else self.annual
        return f"{decimal_text(value * 100)}%"

    def in_words(self) -> str:
        """As entered, saying per what: ``9.12% a year`` or ``0.03% a day`` (the command line's wording)."""
        return f"{self.as_entered()} {'a day' if self.basis is RateBasis.DAILY else 'a year'}"


def decimal_text(value: Decimal) -> str:
    """A decimal as plain text, without exponent or trailing zeros: ``0.0065``, ``1.5``, ``100``."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_fraction(text: str, *, field: str) -> Decimal:
    """``9.12%`` → 0.0912, ``0.0912`` → 0.0912. A bare number above 1 is read as a percentage (``9.12``)."""
    cleaned = normalize_text(text).replace(" ", "")
    is_percent = cleaned.endswith("%")
    number = cleaned.rstrip("%")
    try:
        value = Decimal(number)
    except InvalidOperation:
        raise InvalidValue(field, text, "not a rate (e.g. 9.12%, 0.0912, or daily 0.03%)") from None
    if not value.is_finite():
        raise InvalidValue(field, text, "not a rate")
    if is_percent or value > 1:
        value = value / 100
    if value < 0:
        raise InvalidValue(field, text, "a rate cannot be negative")
    return value


def annual_rate(text: str, *, field: str = "annual_rate") -> Rate:
    """Parse an annual rate and check it is within bounds."""
    return _checked(Rate(parse_fraction(text, field=field), RateBasis.ANNUAL), text, field)


def daily_rate(text: str, *, field: str = "daily_rate") -> Rate:
    """Parse a daily rate; the annual rate is daily × 360."""
    return _checked(Rate(parse_fraction(text, field=field) * DAYS_PER_YEAR, RateBasis.DAILY), text, field)


def _checked(rate: Rate, text: str, field: str) -> Rate:
    if rate.annual > MAX_ANNUAL_RATE:
        hint = " — did you mean a percentage, e.g. 0.05%?" if rate.basis is RateBasis.DAILY else ""
        raise InvalidValue(field, text, f"{decimal_text(rate.annual * 100)}% a year is beyond any real loan{hint}")
    return rate
