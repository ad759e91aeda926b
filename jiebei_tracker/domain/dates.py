"""Dates as people write them: 2024-03-05, 2024/3/5, 2024.3.5, 20240305, 2024年3月5日 (full-width digits too)."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import MAXYEAR, MINYEAR, date

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import normalize_text

_SEPARATED = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# Exports often carry a time of day after the date (2024-03-05 14:22:01); it is not needed.
_TIME_SUFFIX = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")
# The separators a Chinese input method types in full width (digits, "－" and "．" are handled by normalize_text).
_FULL_WIDTH_SEPARATORS = str.maketrans("／。", "/.")


class NoSuchDay(InvalidValue):
    """Written like a date, but not a day on the calendar (2024-02-30, 2024-13-01); ``year``, ``month`` and ``day``
    are the numbers as written, so a message can say what is wrong."""

    def __init__(self, field: str, value: object, reason: str, *, year: int, month: int, day: int) -> None:
        super().__init__(field, value, reason)
        self.year, self.month, self.day = year, month, day


def parse_date(text: str, *, field: str = "date") -> date:
    """The day ``text`` names; InvalidValue if it is not a date, NoSuchDay (an InvalidValue) if no such day exists."""
    cleaned = _TIME_SUFFIX.sub("", normalize_text(text).translate(_FULL_WIDTH_SEPARATORS))
    match = _SEPARATED.match(cleaned) or _COMPACT.match(cleaned)
    if not match:
        raise InvalidValue(field, text, "not a date (e.g. 2024-03-05, 2024/3/5, 2024年3月5日)")
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise NoSuchDay(field, text, _why_no_such_day(year, month), year=year, month=month, day=day) from None


def _why_no_such_day(year: int, month: int) -> str:
    if not 1 <= month <= 12:
        return f"no such day: there is no month {month}"
    if not MINYEAR <= year <= MAXYEAR:
        return f"no such day: year {year} is out of range"
    return f"no such day: {MONTH_NAMES[month - 1]} {year} has {monthrange(year, month)[1]} days"


# English month names, whatever the process's C locale (a Qt application sets it from the system's).
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


# No record the app keeps is older: days before it are typing mistakes (0001-01-01), and would break the charts.
EARLIEST_DAY = date(1990, 1, 1)


def check_day(day: date, *, field: str, today: date) -> date:
    """``day`` when it is from EARLIEST_DAY to ``today``; InvalidValue (naming ``field``) before or after."""
    if day < EARLIEST_DAY:
        raise InvalidValue(field, day.isoformat(), f"is before {EARLIEST_DAY.isoformat()}")
    if day > today:
        raise InvalidValue(field, day.isoformat(), "is in the future")
    return day


def months_after(start: date, day: date) -> int:
    """Whole calendar months from ``start`` to ``day`` by month number (31 Jan → 29 Feb is one), at least one: the
    month an installment counts at when the true APR is worked out."""
    return max(1, (day.year - start.year) * 12 + day.month - start.month)
