"""On-time rate by month and over rolling 3 / 6 / 12 months, with the months that had late or overdue installments."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from jiebei_tracker.domain.book import Installment
from jiebei_tracker.domain.payments import OnTimeRate
from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.services.series.months import month_of, months_between

ROLLING_MONTHS = (3, 6, 12)


@dataclass(frozen=True)
class MonthOnTime:
    """Installments that fell due in a month (by the series' ``as_of`` date), by where they stand on that date.
    Upcoming ones (not yet due, or still within the grace days) are not counted (docs/money.md)."""

    month: date
    on_time: int = 0
    late: int = 0
    overdue: int = 0

    @property
    def counted(self) -> int:
        return self.on_time + self.late + self.overdue

    @property
    def rate(self) -> OnTimeRate:
        return OnTimeRate(self.on_time, self.counted)

    @property
    def marked(self) -> bool:
        """A month to point out: something in it was paid late or is still unpaid."""
        return bool(self.late or self.overdue)


@dataclass(frozen=True)
class OnTimeSeries:
    """``months``: every month from the first counted due date to ``as_of``. ``rolling[n][i]``: the rate over
    the ``n`` months ending with ``months[i]`` (fewer at the start of the history)."""

    as_of: date
    grace_days: int
    months: tuple[MonthOnTime, ...]
    rolling: Mapping[int, tuple[OnTimeRate, ...]]

    @property
    def is_empty(self) -> bool:
        return not self.months

    def index_of(self, day: date) -> int | None:
        """The position of the month holding ``day`` in ``months``, or None outside the series."""
        if not self.months:
            return None
        month = month_of(day)
        first = self.months[0].month
        index = (month.year - first.year) * 12 + month.month - first.month
        return index if 0 <= index < len(self.months) else None

    @property
    def marked_months(self) -> list[MonthOnTime]:
        return [month for month in self.months if month.marked]


MonthTallies = dict[date, tuple[int, int, int]]
"""Month → (on time, late, overdue) for the installments that fell due in it."""

_SLOT = {
    InstallmentStatus.ON_TIME: 0,
    InstallmentStatus.SETTLED_EARLY: 0,  # settled by an early payoff: on time, as for the rules
    InstallmentStatus.LATE: 1,
    InstallmentStatus.OVERDUE: 2,
}


def month_tallies(installments: Iterable[Installment], *, as_of: date, grace_days: int = 0) -> MonthTallies:
    """How the installments that fell due by ``as_of`` stand on that day, counted by the month they fell due."""
    tallies: dict[date, list[int]] = {}
    for inst in installments:
        if inst.due_on > as_of:
            continue  # has not fallen due yet, even if already paid early: not counted (docs/money.md)
        status = inst.status(as_of, grace_days)
        if status is InstallmentStatus.UPCOMING:
            continue
        tallies.setdefault(month_of(inst.due_on), [0, 0, 0])[_SLOT[status]] += 1
    return {month: tuple(counts) for month, counts in tallies.items()}


def add_tallies(totals: dict[date, list[int]], loan_tallies: MonthTallies, *, sign: int = 1) -> None:
    """Add one loan's tallies to running ``totals`` (``sign=-1`` takes them out again)."""
    for month, (on_time, late, overdue) in loan_tallies.items():
        total = totals.setdefault(month, [0, 0, 0])
        total[0] += sign * on_time
        total[1] += sign * late
        total[2] += sign * overdue
        if total == [0, 0, 0]:
            del totals[month]


def on_time_series_from_tallies(
    tallies: Iterable[MonthTallies], *, as_of: date, grace_days: int = 0, windows: Iterable[int] = ROLLING_MONTHS
) -> OnTimeSeries:
    """The series from per-loan tallies (``month_tallies`` of each loan), added up."""
    totals: dict[date, list[int]] = {}
    for loan_tallies in tallies:
        add_tallies(totals, loan_tallies)
    return on_time_series_from_totals(totals, as_of=as_of, grace_days=grace_days, windows=windows)


def on_time_series_from_totals(
    totals: dict[date, list[int]], *, as_of: date, grace_days: int = 0, windows: Iterable[int] = ROLLING_MONTHS
) -> OnTimeSeries:
    """The series from month totals [on time, late, overdue] (kept up to date loan by loan by ChartData)."""
    if not totals:
        return OnTimeSeries(as_of, grace_days, (), {n: () for n in windows})
    months = tuple(MonthOnTime(month, *totals.get(month, (0, 0, 0))) for month in months_between(min(totals), as_of))
    return OnTimeSeries(as_of, grace_days, months, {n: _rolling(months, n) for n in windows})


def _rolling(months: tuple[MonthOnTime, ...], window: int) -> tuple[OnTimeRate, ...]:
    rates = []
    on_time = counted = 0
    for index, month in enumerate(months):
        on_time += month.on_time
        counted += month.counted
        if index >= window:
            leaving = months[index - window]
            on_time -= leaving.on_time
            counted -= leaving.counted
        rates.append(OnTimeRate(on_time, counted))
    return tuple(rates)
