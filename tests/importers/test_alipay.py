"""The Alipay statement: recognised on a sample made to its layout, credit rows picked out and classified,
older column order read, and the wrong exports named with what to export instead."""

from __future__ import annotations

from datetime import date

import pytest

from jiebei_tracker.importers.alipay import Movement, looks_like_alipay, read_alipay, wrong_file_hint
from jiebei_tracker.importers.alipay_plan import Action, suggest
from jiebei_tracker.importers.errors import ImportFailure
from jiebei_tracker.importers.matching import Existing, ExistingLoan
from jiebei_tracker.importers.records import loan_key
from tests.importers.samples import ALIPAY_HEADER_LINE, ALIPAY_ROWS, OLD_ALIPAY_COLUMNS, alipay_bytes


def test_the_sample_is_gbk_with_the_layouts_quirks():
    data = alipay_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("gbk")
    header = text.split("\r\n")[ALIPAY_HEADER_LINE - 1]
    assert header.startswith("交易时间 ") and header.endswith(",")
    assert "\t" in text and "特别提示" in text


def test_the_statement_is_recognised_and_its_credit_rows_picked_out():
    statement = read_alipay(alipay_bytes(), file_name="alipay.csv")
    assert statement.encoding_label == "GB18030 / GBK"
    assert statement.header_line == ALIPAY_HEADER_LINE
    assert statement.rows_read == len(ALIPAY_ROWS)
    assert [s.why for s in statement.skipped] == ["separator"]
    rows = statement.credit_rows
    assert [r.line - ALIPAY_HEADER_LINE for r in rows] == [1, 3, 5, 6]
    loan, first, second, huabei = rows
    assert (loan.movement, loan.platform, loan.amount_fen, loan.day) == (
        Movement.DISBURSEMENT,
        "借呗",
        1_200_000,
        date(2024, 3, 5),
    )
    assert (first.movement, first.amount_fen, first.order_no) == (Movement.REPAYMENT, 105_009, "20240405003")
    assert first.counterparty == "借呗" and first.money_moved
    assert huabei.platform == "花呗" and not huabei.money_moved  # 交易关闭: no money moved
    assert second.order_no == "20240505005"  # the trailing tab is padding, not part of the number


def test_the_older_column_order_is_read_the_same():
    statement = read_alipay(alipay_bytes(columns=OLD_ALIPAY_COLUMNS), file_name="alipay.csv")
    assert [(r.movement, r.amount_fen) for r in statement.credit_rows] == [
        (Movement.DISBURSEMENT, 1_200_000),
        (Movement.REPAYMENT, 105_009),
        (Movement.REPAYMENT, 105_009),
        (Movement.REPAYMENT, 30_000),
    ]


def test_the_statement_is_found_in_utf8_too():
    data = alipay_bytes().decode("gbk").encode("utf-8-sig")
    assert len(read_alipay(data, file_name="a.csv").credit_rows) == 4


def test_a_bad_amount_in_a_credit_row_is_reported_with_its_line():
    rows = list(ALIPAY_ROWS)
    rows[2] = (*rows[2][:5], "1O50.09", *rows[2][6:])
    statement = read_alipay(alipay_bytes(rows), file_name="alipay.csv")
    assert [e.message("alipay.csv") for e in statement.errors] == [
        f"alipay.csv:{ALIPAY_HEADER_LINE + 3}: column '金额': '1O50.09': not an amount of money "
        "(e.g. 12000, 12,000.50, ¥1,234.50)"
    ]


def test_the_old_web_export_is_named_and_the_right_export_explained():
    text = (
        "支付宝交易记录明细查询\n账号:[20880000]\n"
        "交易号,商家订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,金额（元）,收/支\n"
    )
    with pytest.raises(ImportFailure) as caught:
        read_alipay(text.encode("gbk"), file_name="old.csv")
    assert "old Alipay web export" in caught.value.reason
    assert "开具交易流水证明" in caught.value.reason


def test_a_bookkeeping_summary_is_named_and_the_right_export_explained():
    text = "支付宝记账本\n记账时间,分类,收支类型,金额,备注\n2024-01-01,餐饮,支出,10,\n"
    with pytest.raises(ImportFailure) as caught:
        read_alipay(text.encode("utf-8"), file_name="book.csv")
    assert "记账本" in caught.value.reason and "用于个人对账" in caught.value.reason


def test_anything_else_is_not_an_alipay_statement():
    with pytest.raises(ImportFailure, match="not an Alipay transaction statement"):
        read_alipay("平台,借款日期\n借呗,2024-03-05\n".encode(), file_name="x.csv")
    assert wrong_file_hint("平台,借款日期\n") is None
    assert looks_like_alipay(alipay_bytes().decode("gbk"))


def test_a_statement_without_order_numbers_is_refused():
    columns = tuple(c for c in OLD_ALIPAY_COLUMNS if c != "交易订单号")
    with pytest.raises(ImportFailure, match="missing column 交易订单号"):
        read_alipay(alipay_bytes(columns=columns), file_name="a.csv")


def _loan(number, platform="借呗", borrowed=date(2024, 3, 5), principal=1_200_000, owed=1_260_108, **more):
    key = loan_key(platform, borrowed, principal, 12, "equal_installment", "0.0912")
    return ExistingLoan(number, more.pop("external_id", None), key, owed, **more)


def test_repayments_go_to_the_single_open_loan_that_fits():
    rows = read_alipay(alipay_bytes(), file_name="a.csv").credit_rows
    existing = Existing(loans=[_loan(1), _loan(2, platform="微粒贷")])
    suggestions = suggest(rows, existing)
    assert [(s.present, s.choice.action, s.choice.loan_number) for s in suggestions] == [
        (True, Action.SKIP, None),  # the disbursement is loan 1 already (same platform, day and amount)
        (False, Action.REPAYMENT, 1),
        (False, Action.REPAYMENT, 1),
        (False, Action.SKIP, None),  # 交易关闭
    ]


def test_a_repayment_already_imported_or_logged_by_hand_is_not_suggested_again():
    rows = read_alipay(alipay_bytes(), file_name="a.csv").credit_rows
    by_hand = ((1, date(2024, 5, 5), 105_009, False), None)
    imported = ((1, date(2024, 4, 5), 105_009, False), "20240405003")
    suggestions = suggest(rows, Existing(loans=[_loan(1)], repayments=[imported, by_hand]))
    assert [s.present for s in suggestions[1:3]] == [True, True]


def test_with_two_open_loans_the_one_whose_installment_matches_is_chosen_else_the_user_chooses():
    rows = read_alipay(alipay_bytes(), file_name="a.csv").credit_rows
    loans = [_loan(1, open_fen=(105_009,)), _loan(2, principal=500_000, owed=520_000, open_fen=(43_333,))]
    assert suggest(rows, Existing(loans=loans))[1].choice.loan_number == 1
    undecided = [_loan(1, open_fen=(105_009,)), _loan(3, open_fen=(105_009,))]
    suggestion = suggest(rows, Existing(loans=undecided))[1]
    assert suggestion.choice.action is Action.SKIP and "choose" in suggestion.reason
