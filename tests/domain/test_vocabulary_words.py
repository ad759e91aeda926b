"""The words people write for a purpose or a method (issue #16): the vocabulary reads them the same way for the
editor, the CLI and the importer; a word that only comes close is found by ``nearest``, never by ``parse``."""

from __future__ import annotations

import pytest

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.vocabulary import LoanPurpose, RepaymentMethod

P = LoanPurpose


@pytest.mark.parametrize(
    ("words", "purpose"),
    [
        ("装修 家装 买家电 购物 旅游 婚庆 日常 日常消费 消费 Shopping", P.DAILY),
        ("看病 医疗 住院 医药费", P.MEDICAL),
        ("学费 培训 教育 留学", P.EDUCATION),
        ("经营 进货 周转 生意 资金周转 经营周转", P.BUSINESS),
        ("炒股 股票 基金 期货 理财 投资 投资理财 投资理财（股票/期货等）", P.INVESTMENT),
        ("还信用卡 还贷 还款 以贷养贷 借新还旧 还其他贷款", P.REPAY_OTHER_LOAN),
        ("转账 转给 转账到其他账户", P.TRANSFER),
    ],
)
def test_the_purposes_people_write_are_parsed(words, purpose):
    for word in words.split():
        assert LoanPurpose.parse(word, field="purpose") is purpose, word


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("装修房子", P.DAILY),
        ("孩子学费", P.EDUCATION),
        ("转给朋友", P.TRANSFER),
        ("股票投资", P.INVESTMENT),  # two words, one purpose
        ("住院手术费", P.MEDICAL),
        ("经营贷还款", None),  # business and repaying a loan: not a guess to make
        ("买房首付", None),
        ("其他用途", None),  # "other" is what an unknown word becomes, not a guess
    ],
)
def test_a_purpose_inside_longer_words_is_the_nearest_when_it_is_the_only_one(text, purpose):
    with pytest.raises(InvalidValue):
        LoanPurpose.parse(text, field="purpose")
    assert LoanPurpose.nearest(text) is purpose


def test_pay_any_time_is_the_nearest_method_to_interest_first_but_not_a_method_of_its_own():
    for text in ("随借随还", " 随借随还 ", "随借随还，按日计息", "按日计息"):
        with pytest.raises(InvalidValue):
            RepaymentMethod.parse(text, field="method")
        assert RepaymentMethod.nearest(text) is RepaymentMethod.INTEREST_FIRST, text
    assert RepaymentMethod.nearest("等额本息（12期）") is RepaymentMethod.EQUAL_INSTALLMENT
    assert RepaymentMethod.nearest("按月付息，到期还本金") is RepaymentMethod.INTEREST_FIRST  # the longer name counts
    assert RepaymentMethod.nearest("按季还款") is None
