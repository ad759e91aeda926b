"""Due dates by plain month arithmetic, held equal to ``dateutil.relativedelta`` (which they replace)."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jiebei_tracker.domain.schedule import due_date

FIRST_DAY, LAST_DAY = date(1990, 1, 1), date(2100, 12, 31)


@settings(max_examples=1000, deadline=None)
@given(borrowed_on=st.dates(FIRST_DAY, LAST_DAY), months=st.integers(0, 480))
@example(borrowed_on=date(2024, 1, 31), months=1)  # a leap February
@example(borrowed_on=date(2023, 1, 31), months=1)  # a common February
@example(borrowed_on=date(2099, 12, 31), months=2)  # 2100 is not a leap year
@example(borrowed_on=date(1999, 12, 31), months=2)  # 2000 is
@example(borrowed_on=date(2024, 2, 29), months=12)
@example(borrowed_on=date(2024, 8, 31), months=1)  # a 30-day month
@example(borrowed_on=date(2024, 12, 15), months=0)
def test_due_date_equals_relativedelta(borrowed_on: date, months: int) -> None:
    assert due_date(borrowed_on, months) == borrowed_on + relativedelta(months=months)


def test_every_late_day_of_a_leap_cycle_equals_relativedelta() -> None:
    # Every day from the 28th on (the only days a shorter month moves) over four years, one of them leap, carried
    # into February of years the century rules decide: 2000 (leap) and 2100 (not).
    day = date(1996, 1, 1)
    while day < date(2000, 1, 1):
        if day.day >= 28:
            for months in (1, 2, 11, 12, 13, 25, 47, 49, 1202, 1214):
                assert due_date(day, months) == day + relativedelta(months=months), (day, months)
        day += timedelta(days=1)
