"""Calendar helpers the series share: months as their first day, month ranges, day ranges."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date


def month_of(day: date) -> date:
    """The month a day falls in, named by its first day."""
    return day.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def months_between(first: date, last: date) -> Iterator[date]:
    """Every month from the one holding ``first`` to the one holding ``last``, both included."""
    month, end = month_of(first), month_of(last)
    while month <= end:
        yield month
        month = next_month(month)
