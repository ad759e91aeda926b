"""Values as people write them, read through a whole loans file so each format is checked end to end."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jiebei_tracker.domain.rates import RateBasis
from jiebei_tracker.domain.vocabulary import LoanPurpose, RepaymentMethod
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.reading import ReadOptions, read_records
from jiebei_tracker.importers.values import parse_months, parse_yes_no
from tests.conftest import TODAY

HEADER = "平台,借款日期,借款金额,期数,还款方式,年化利率,日利率,用途,自动扣款"


def _loan(**cells):
    values = {
        "平台": "借呗",
        "借款日期": "2024-03-05",
        "借款金额": "12000",
        "期数": "12",
        "还款方式": "等额本息",
        "年化利率": "9.12%",
        "日利率": "",
        "用途": "",
        "自动扣款": "",
    }
    values.update(cells)
    text = HEADER + "\n" + ",".join(f'"{values[name]}"' for name in HEADER.split(",")) + "\n"
    result = read_records(text.encode(), file_name="f.csv", options=ReadOptions(kind=FileKind.LOANS), today=TODAY)
    assert result.errors == [], result.errors
    return result.records[0].draft


@pytest.mark.parametrize(
    "text",
    ["2024-03-05", "2024/3/5", "2024.3.5", "20240305", "2024年3月5日", "２０２４－０３－０５", "2024-03-05 14:22:01"],
)
def test_dates(text):
    assert _loan(借款日期=text).terms.borrowed_on == date(2024, 3, 5)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12000", 1_200_000),
        ("¥12,000.50", 1_200_050),
        ("￥1,234.5", 123_450),
        ("800元", 80_000),
        ("１２０００", 1_200_000),
    ],
)
def test_amounts(text, fen):
    assert _loan(借款金额=text).terms.principal_fen == fen


@pytest.mark.parametrize(
    ("annual", "daily", "expected", "basis"),
    [
        ("0.0912", "", "0.0912", RateBasis.ANNUAL),
        ("9.12%", "", "0.0912", RateBasis.ANNUAL),
        ("", "0.03%", "0.108", RateBasis.DAILY),
        ("10.8%", "0.03%", "0.108", RateBasis.ANNUAL),  # both given and agreeing
    ],
)
def test_rates(annual, daily, expected, basis):
    rate = _loan(年化利率=annual, 日利率=daily).terms.rate
    assert (rate.annual, rate.basis) == (Decimal(expected), basis)


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("等额本息", RepaymentMethod.EQUAL_INSTALLMENT),
        ("equal_principal", RepaymentMethod.EQUAL_PRINCIPAL),
        ("等额本金", RepaymentMethod.EQUAL_PRINCIPAL),
        ("先息后本", RepaymentMethod.INTEREST_FIRST),
        ("到期还本付息", RepaymentMethod.BULLET),
        ("一次性还本付息", RepaymentMethod.BULLET),
        ("Interest first", RepaymentMethod.INTEREST_FIRST),
    ],
)
def test_methods(text, method):
    assert _loan(还款方式=text).terms.method is method


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("日常消费", LoanPurpose.DAILY),
        ("投资理财", LoanPurpose.INVESTMENT),
        ("炒股", LoanPurpose.INVESTMENT),
        ("repay_other_loan", LoanPurpose.REPAY_OTHER_LOAN),
        ("", LoanPurpose.OTHER),
    ],
)
def test_purposes(text, purpose):
    assert _loan(用途=text).purpose is purpose


@pytest.mark.parametrize(
    ("text", "value"),
    [("是", True), ("否", False), ("Y", True), ("n", False), ("TRUE", True), ("false", False), ("1", True),
     ("0", False), ("", False)],
)  # fmt: skip
def test_yes_no(text, value):
    assert _loan(自动扣款=text).autopay is value


@pytest.mark.parametrize(("text", "months"), [("12", 12), ("12期", 12), ("6个月", 6), ("24 months", 24), ("３", 3)])
def test_terms(text, months):
    assert parse_months(text, field="term_months") == months


def test_yes_no_refuses_anything_else():
    with pytest.raises(ValueError, match="not yes or no"):
        parse_yes_no("maybe", field="autopay")
