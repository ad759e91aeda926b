"""Cell values as people write them, on top of the domain parsers: yes/no, a number of months, a rate that says
its basis (``0.05% 日``), a method or purpose that only comes close (随借随还, 装修房子: read with a notice), and a
memo so a value repeated down a column (a date, a platform's rate, 等额本息) is parsed once."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar

from jiebei_tracker.domain.dates import EARLIEST_DAY, parse_date
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import normalize_text, shortened
from jiebei_tracker.domain.rates import Rate, RateBasis, annual_rate, daily_rate
from jiebei_tracker.domain.schedule import MAX_TERM_MONTHS, MIN_TERM_MONTHS
from jiebei_tracker.domain.text import clean_note
from jiebei_tracker.domain.vocabulary import LoanPurpose, RepaymentMethod

T = TypeVar("T")

_YES = {"是", "y", "yes", "true", "1", "对", "√", "✓", "开", "开启", "已开启", "有"}
_NO = {"否", "n", "no", "false", "0", "错", "×", "✗", "关", "关闭", "未开启", "无"}
_MONTHS = re.compile(r"^(\d+)\s*(期|个月|月|months?|m)?$", re.IGNORECASE)
# A memo per column stops growing here, so a file of all-different values cannot eat memory.
_MEMO_LIMIT = 20_000


# Below 1 % a year no lender lends (0 % is an interest-free loan); above 1 % a day (360 % a year) none charges. Such a
# rate was written in the other column: 0.05% is a daily rate put under 年化利率.
LOWEST_ANNUAL_RATE = Decimal("0.01")
HIGHEST_DAILY_RATE = Decimal("0.01")
# The words a rate cell may give its basis with, before or after the number: 0.05% 日, 日利率 0.05%, 9.12%/年.
_BASIS_WORDS = sorted(
    [
        *((word, RateBasis.DAILY) for word in ("日利率", "日利息", "日息", "每日", "每天", "日", "天", "daily", "day")),
        *((word, RateBasis.ANNUAL) for word in ("年化利率", "年利率", "年化", "年息", "每年", "年", "annual", "year")),
    ],
    key=lambda pair: -len(pair[0]),
)


@dataclass(frozen=True, slots=True)
class Noticed(Generic[T]):
    """A value read from a cell that does not say it the app's way, with what the user should be told, in both
    languages. ``kept``: the cell's own words, kept in the loan's note, when the value only stands in for them."""

    value: T
    zh_CN: str
    en: str
    kept: str = ""


def _read_as(text: str, term) -> Noticed:
    quoted = shortened(normalize_text(text))
    zh = term.label("zh_CN")
    return Noticed(term, f"“{quoted}”按“{zh}”导入", f"{quoted!r} read as {zh} ({term.value.replace('_', ' ')})")


def parse_method(text: str, *, field: str) -> RepaymentMethod | Noticed:
    """A repayment method: one the vocabulary knows, or the one it comes closest to, with a notice (随借随还 is read
    as 先息后本)."""
    try:
        return RepaymentMethod.parse(text, field=field)
    except InvalidValue:
        nearest = RepaymentMethod.nearest(text)
        if nearest is None:
            raise
        return _read_as(text, nearest)


def parse_purpose(text: str, *, field: str) -> LoanPurpose | Noticed:
    """A purpose: one the vocabulary knows (装修, 学费, 炒股 …), the one whose words it holds (装修房子), or else
    ``other`` with the words kept for the note — an unknown purpose does not refuse a loan."""
    try:
        return LoanPurpose.parse(text, field=field)
    except InvalidValue:
        nearest = LoanPurpose.nearest(text)
        if nearest is not None:
            return _read_as(text, nearest)
    words = clean_note(normalize_text(text), field)
    quoted = shortened(words)
    return Noticed(
        LoanPurpose.OTHER,
        f"“{quoted}”不在用途分类中，按“其他”导入，原文记入备注",
        f"{quoted!r} is not one of the purposes: imported as 其他 (other), the words kept in the note",
        kept=words,
    )


def _basis_said(text: str) -> tuple[str, RateBasis | None]:
    """The rate without the word that gives its basis, and that basis (None when the cell does not say)."""
    cleaned = normalize_text(text).lower().replace(" ", "")
    for word, basis in _BASIS_WORDS:
        if cleaned.startswith(word):
            return cleaned[len(word) :].lstrip(":："), basis
        for tail in (f"/{word}", f"每{word}", word):
            if cleaned.endswith(tail) and len(cleaned) > len(tail):
                return cleaned[: -len(tail)], basis
    return text, None


def parse_rate(column: RateBasis) -> Callable[..., Rate]:
    """The parser of an annual-rate (or daily-rate) column. A cell may say its own basis (``0.05% 日`` under 年化利率
    is a daily rate); one that does not and would be an unheard-of rate for the column — under 1 % a year, over 1 %
    a day — is refused, naming the column it belongs in."""

    def parse(text: str, *, field: str) -> Rate:
        number, said = _basis_said(text)
        basis = said or column
        rate = (daily_rate if basis is RateBasis.DAILY else annual_rate)(number, field=field)
        entered = rate.as_entered()
        if said is None and basis is RateBasis.ANNUAL and 0 < rate.annual < LOWEST_ANNUAL_RATE:
            raise InvalidValue(
                field,
                text,
                f"{entered} a year is unusual — did you mean a daily rate? put it in the 日利率 column "
                f"(or write it as {entered} 日)",
            )
        if said is None and basis is RateBasis.DAILY and rate.daily > HIGHEST_DAILY_RATE:
            raise InvalidValue(
                field,
                text,
                f"{entered} a day is unusual — did you mean an annual rate? put it in the 年化利率 column "
                f"(or write it as {entered} 年)",
            )
        return rate

    return parse


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
