"""Borrowing frequency: new loans and amount borrowed per month, and new loans in every rolling 30 days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from jiebei_tracker.domain.book import Loan
from jiebei_tracker.services.series.months import month_of, months_between

# docs/health-rules.md, borrowing_frequency: ≥ 3 new loans in any rolling 30 days (both are user settings there).
BORROWING_THRESHOLD = 3
WINDOW_DAYS = 30


@dataclass(frozen=True)
class MonthBorrowing:
    """New loans taken in a month (named by its first day) and their principal."""

    month: date
    new_loans: int
    borrowed_fen: int


@dataclass(frozen=True)
class BorrowingSeries:
    """``months``: every month from the first loan to ``as_of`` (months without loans included, as zeros).
    ``rolling_counts[i]``: loans taken in the ``window_days`` days ending on ``first_day + i`` (that day
    included), for every day from the first loan to ``as_of``."""

    as_of: date
    months: tuple[MonthBorrowing, ...]
    first_day: date | None
    rolling_counts: tuple[int, ...]
    threshold: int = BORROWING_THRESHOLD
    window_days: int = WINDOW_DAYS

    @property
    def is_empty(self) -> bool:
        return not self.months

    def month(self, month: date) -> MonthBorrowing:
        month = month_of(month)
        found = next((m for m in self.months if m.month == month), None)
        return found or MonthBorrowing(month, 0, 0)

    def rolling_on(self, day: date) -> int:
        """New loans in the window ending on ``day`` (0 outside the history)."""
        if self.first_day is None:
            return 0
        index = (day - self.first_day).days
        return self.rolling_counts[index] if 0 <= index < len(self.rolling_counts) else 0

    def days_at_threshold(self) -> list[date]:
        """Days whose rolling window holds ``threshold`` or more new loans — when the rule would fire."""
        if self.first_day is None:
            return []
        return [
            self.first_day + timedelta(days=i) for i, count in enumerate(self.rolling_counts) if count >= self.threshold
        ]


BorrowedDays = dict[date, list[int]]
"""Day → [new loans, principal borrowed in fen] that day."""


def add_borrowing(days: BorrowedDays, loan: Loan, *, sign: int = 1) -> None:
    """Count a loan in running ``days`` (``sign=-1`` takes it out again, for a loan that changed)."""
    entry = days.setdefault(loan.borrowed_on, [0, 0])
    entry[0] += sign
    entry[1] += sign * loan.principal_fen
    if entry[0] == 0:
        del days[loan.borrowed_on]


def borrowing_series(
    loans: Iterable[Loan], *, as_of: date, threshold: int = BORROWING_THRESHOLD, window_days: int = WINDOW_DAYS
) -> BorrowingSeries:
    days: BorrowedDays = {}
    for loan in loans:
        add_borrowing(days, loan)
    return borrowing_series_from_days(days, as_of=as_of, threshold=threshold, window_days=window_days)


def borrowing_series_from_days(
    borrowed: BorrowedDays, *, as_of: date, threshold: int = BORROWING_THRESHOLD, window_days: int = WINDOW_DAYS
) -> BorrowingSeries:
    """The series from what was borrowed each day (kept up to date loan by loan by ChartData)."""

    days = sorted(day for day in borrowed if day <= as_of)
    if not days:
        return BorrowingSeries(as_of, (), None, (), threshold, window_days)
    first_day = days[0]
    count = len(days)
    loans = np.fromiter((borrowed[day][0] for day in days), dtype=np.int64, count=count)
    fen = np.fromiter((borrowed[day][1] for day in days), dtype=np.int64, count=count)
    # Month totals by the month's number from the first one (exact int64 sums; months without loans are 0).
    months = list(months_between(first_day, as_of))
    first_month = first_day.year * 12 + first_day.month
    month_index = np.fromiter((day.year * 12 + day.month for day in days), dtype=np.int64, count=count) - first_month
    counts = np.zeros(len(months), dtype=np.int64)
    amounts = np.zeros(len(months), dtype=np.int64)
    np.add.at(counts, month_index, loans)
    np.add.at(amounts, month_index, fen)
    per_month = tuple(
        map(MonthBorrowing, months, counts.tolist(), amounts.tolist())  # positional: month, new_loans, fen
    )
    # The rolling window as a difference of running totals: loans by day d less loans by day d - window.
    per_day = np.zeros((as_of - first_day).days + 1, dtype=np.int64)
    per_day[np.fromiter(map(date.toordinal, days), dtype=np.int64, count=count) - first_day.toordinal()] = loans
    running = np.cumsum(per_day)
    rolling = running.copy()
    rolling[window_days:] -= running[:-window_days] if window_days else running
    return BorrowingSeries(as_of, per_month, first_day, tuple(rolling.tolist()), threshold, window_days)
