"""Rates (annual or daily, 360-day year), the shared vocabulary, and dates as people write them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jiebei_tracker.domain.dates import NoSuchDay, parse_date
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.rates import RateBasis, annual_rate, daily_rate
from jiebei_tracker.domain.vocabulary import LoanPurpose, NoteKind, PlatformKind, RepaymentMethod


@pytest.mark.parametrize(
    ("text", "annual"), [("9.12%", "0.0912"), ("0.0912", "0.0912"), ("9.12", "0.0912"), ("0", "0")]
)
def test_annual_rate(text, annual):
    rate = annual_rate(text)
    assert rate.annual == Decimal(annual)
    assert rate.basis is RateBasis.ANNUAL


def test_daily_rate_is_annual_over_360():
    rate = daily_rate("0.03%")
    assert rate.annual == Decimal("0.108")
    assert rate.daily == Decimal("0.0003")
    assert rate.monthly == Decimal("0.009")
    assert rate.as_entered() == "0.03%"
    assert annual_rate("9.12%").as_entered() == "9.12%"


def test_very_high_rate_is_flagged_and_absurd_one_refused():
    assert annual_rate("36%").is_high
    assert not annual_rate("18%").is_high
    with pytest.raises(InvalidValue, match="did you mean a percentage"):
        daily_rate("0.05")
    with pytest.raises(InvalidValue, match="negative"):
        annual_rate("-3%")
    with pytest.raises(InvalidValue):
        annual_rate("abc")


@pytest.mark.parametrize(
    ("enum", "text", "expected"),
    [
        (RepaymentMethod, "等额本息", RepaymentMethod.EQUAL_INSTALLMENT),
        (RepaymentMethod, "equal_principal", RepaymentMethod.EQUAL_PRINCIPAL),
        (RepaymentMethod, "一次性还本付息", RepaymentMethod.BULLET),
        (RepaymentMethod, "Interest first", RepaymentMethod.INTEREST_FIRST),
        (LoanPurpose, "投资理财", LoanPurpose.INVESTMENT),
        (LoanPurpose, "炒股", LoanPurpose.INVESTMENT),
        (LoanPurpose, "repay-other-loan", LoanPurpose.REPAY_OTHER_LOAN),
        (PlatformKind, "小额贷款公司", PlatformKind.MICROFINANCE),
        (NoteKind, "查询记录", NoteKind.INQUIRY),
    ],
)
def test_vocabulary_parses_ids_labels_and_synonyms(enum, text, expected):
    assert enum.parse(text, field="x") is expected


def test_vocabulary_refusal_lists_the_choices():
    with pytest.raises(InvalidValue) as caught:
        RepaymentMethod.parse("monthly", field="method")
    assert caught.value.field == "method"
    assert "equal_installment (等额本息)" in caught.value.reason


def test_every_term_has_both_labels():
    for enum in (RepaymentMethod, LoanPurpose, PlatformKind, NoteKind):
        for term in enum:
            assert term.label("zh_CN") != term.label("en")
            assert term.label("zh_CN") and term.label("en")


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05",
        "2024/3/5",
        "2024.3.5",
        "20240305",
        "2024年3月5日",
        "2024年3月5号",
        "２０２４－０３－０５",
        "２０２４／３／５",
        "２０２４年３月５日",
        " 2024-03-05 14:22:01 ",
    ],
)
def test_dates_as_people_write_them(text):
    assert parse_date(text) == date(2024, 3, 5)


@pytest.mark.parametrize(
    ("text", "reason"), [("2024-02-30", "no such day"), ("5/3/2024", "not a date"), ("", "not a date")]
)
def test_impossible_dates_are_refused(text, reason):
    with pytest.raises(InvalidValue, match=reason):
        parse_date(text, field="borrowed_on")


def test_an_impossible_day_says_which_numbers_were_written():
    with pytest.raises(NoSuchDay) as refused:
        parse_date("2024-02-30", field="paid_on")
    assert (refused.value.field, refused.value.year, refused.value.month, refused.value.day) == ("paid_on", 2024, 2, 30)
    assert isinstance(refused.value, InvalidValue)
