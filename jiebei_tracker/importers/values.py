"""Cell values as people write them, on top of the domain parsers: yes/no, a number of months, and a memo so a
value repeated down a column (a date, a platform's rate, 等额本息) is parsed once."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Generic, TypeVar

from jiebei_tracker.domain.dates import EARLIEST_DAY, parse_date
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import normalize_text, shortened
from jiebei_tracker.domain.schedule import MAX_TERM_MONTHS, MIN_TERM_MONTHS

T = TypeVar("T")

_YES = {"是", "y", "yes", "true", "1", "对", "√", "✓", "开", "开启", "已开启", "有"}
_NO = {"否", "n", "no", "false", "0", "错", "×", "✗", "关", "关闭", "未开启", "无"}
_MONTHS = re.compile(r"^(\d+)\s*(期|个月|月|months?|m)?$", re.IGNORECASE)
# A memo per column stops growing here, so a file of all-different values cannot eat memory.
_MEMO_LIMIT = 20_000


def parse_yes_no(text: str, *, field: str) -> bool:
    """是/否, Y/N, yes/no, true/false, 1/0 (and a few more people use); case and padding ignored."""
    key = normalize_text(text).lower()
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise InvalidValue(field, text, "not yes or no (是/否, Y/N, true/false, 1/0)")


def parse_months(text: str, *, field: str) -> int:
    """A term in whole months: ``12``, ``12期``, ``12个月``, ``12 months``."""
    match = _MONTHS.match(normalize_text(text))
    if not match:
        raise InvalidValue(field, text, "not a number of months (e.g. 12, 12期, 12个月)")
    digits = match.group(1).lstrip("0") or "0"
    months = int(digits) if len(digits) <= len(str(MAX_TERM_MONTHS)) else MAX_TERM_MONTHS + 1  # no int(10**5 digits)
    if not MIN_TERM_MONTHS <= months <= MAX_TERM_MONTHS:
        raise InvalidValue(field, shortened(text), f"must be {MIN_TERM_MONTHS} to {MAX_TERM_MONTHS} months")
    return months


def parse_count(text: str, *, field: str) -> int:
    """A whole number of things, 0 or more: ``3``, ``3期``."""
    match = _MONTHS.match(normalize_text(text))
    if not match:
        raise InvalidValue(field, text, "not a whole number (e.g. 3)")
    return int(match.group(1))


def parse_past_date(today: date) -> Callable[..., date]:
    """parse_date that also refuses a day after ``today`` (nothing can be borrowed or paid in the future) or
    before 1990-01-01 (EARLIEST_DAY), as the ledger does."""

    def parse(text: str, *, field: str) -> date:
        day = parse_date(text, field=field)
        if day > today:
            raise InvalidValue(field, text, f"is in the future (today is {today.isoformat()})")
        if day < EARLIEST_DAY:
            raise InvalidValue(field, text, f"is before {EARLIEST_DAY.isoformat()}")
        return day

    return parse


class Memo(Generic[T]):
    """A parser remembered per distinct text: ``(True, value)`` or ``(False, reason)``."""

    __slots__ = ("_field", "_memo", "_parser")

    def __init__(self, parser: Callable[..., T], field: str) -> None:
        self._parser = parser
        self._field = field
        self._memo: dict[str, tuple[bool, object]] = {}

    def __call__(self, text: str) -> tuple[bool, object]:
        found = self._memo.get(text)
        if found is None:
            try:
                found = (True, self._parser(text, field=self._field))
            except InvalidValue as error:
                found = (False, f"{shortened(text)!r}: {error.reason}")
            except (ArithmeticError, ValueError):  # e.g. a rate of 1e999999999 overflows the decimal context
                found = (False, f"{shortened(text)!r}: cannot be read as {self._field}")
            if len(self._memo) < _MEMO_LIMIT:
                self._memo[text] = found
        return found
