"""A whole file read: errors as FILE:LINE: column 'X': reason with the right lines, every error at once,
unknown columns reported and ignored, missing columns, column mapping overrides, the kind guessed."""

from __future__ import annotations

import pytest

from jiebei_tracker.importers.columns import COLUMNS, FileKind, guess_kind, normalize_header
from jiebei_tracker.importers.errors import MAX_LISTED_ERRORS, ImportFailure, error_report
from jiebei_tracker.importers.reading import ReadOptions, read_records
from tests.conftest import TODAY
from tests.importers.samples import LOANS_HEADER, loans_csv


def _read(text: str, kind=FileKind.LOANS, **options):
    data = text.encode() if isinstance(text, str) else text
    return read_records(data, file_name="loans.csv", options=ReadOptions(kind=kind, **options), today=TODAY)


def _messages(result):
    return error_report(result.errors, "loans.csv")


def test_a_good_file_gives_one_record_per_row():
    result = _read(loans_csv())
    assert result.errors == []
    assert [r.draft.external_id for r in result.records] == ["JB-1", "WL-1"]
    assert result.layout.header_line == 1


def test_errors_name_file_line_and_column_as_the_file_writes_it():
    text = loans_csv(
        "JB-1,借呗,2024-03-05,12000,12,等额本息,9.12%,日常消费,是,",
        'JB-2,借呗,2024-02-30,12000,12,等额本息,9.12%,日常消费,是,"a note',
        'over two lines"',
        "JB-3,借呗,2024-03-05,-5,12,按季还款,9.12%,日常消费,是,",
    )
    assert _messages(_read(text)) == [
        "loans.csv:3: column '借款日期': '2024-02-30': no such day: February 2024 has 29 days",
        "loans.csv:5: column '借款金额': '-5': must be more than zero",
        "loans.csv:5: column '还款方式': '按季还款': not one of: equal_installment (等额本息), "
        "equal_principal (等额本金), interest_first (先息后本), bullet (到期还本付息)",
    ]


def test_line_numbers_count_title_lines_blank_lines_and_multi_line_cells():
    text = (
        "借款记录导出\r\n\r\n"
        + LOANS_HEADER
        + '\r\nJB-1,借呗,2024-03-05,12000,12,等额本息,9.12%,,,"line one\r\nline two"\r\n\r\n'
        + "JB-2,借呗,2024-03-05,12000,12,等额本息,nine,,,\r\n"
    )
    result = _read(text)
    assert result.layout.header_line == 3
    assert [r.line for r in result.records] == [4]
    assert _messages(result) == [
        "loans.csv:7: column '年化利率': 'nine': not a rate (e.g. 9.12%, 0.0912, or daily 0.03%)"
    ]


def test_future_dates_empty_required_cells_and_missing_rates_are_errors():
    text = loans_csv("JB-1,,2027-01-01,12000,,等额本息,,,,")
    assert _messages(_read(text)) == [
        "loans.csv:2: column '平台': is empty",
        "loans.csv:2: column '借款日期': '2027-01-01': is in the future (today is 2026-11-28)",
        "loans.csv:2: column '期数': is empty",
        "loans.csv:2: column '年化利率': is empty: give the annual rate (年化利率) or the daily rate (日利率)",
    ]


def test_all_errors_at_once_but_only_the_first_hundred_listed():
    rows = [f"JB-{n},借呗,2024-03-05,zero,12,等额本息,9.12%,,," for n in range(150)]
    result = _read(loans_csv(*rows))
    assert len(result.errors) == 150
    messages = _messages(result)
    assert len(messages) == MAX_LISTED_ERRORS + 1
    assert messages[0].startswith("loans.csv:2: column '借款金额'")
    assert messages[-1] == "loans.csv: … and 50 more errors (150 in all)"


def test_unknown_columns_are_reported_and_ignored():
    rows = [row + ",老王,1" for row in loans_csv().split("\n")[1:3]]
    result = _read(loans_csv(*rows, header=LOANS_HEADER + ",经办人,序号"))
    assert result.layout.columns.unknown == ["经办人", "序号"]
    assert result.errors == []
    assert len(result.records) == 2


def test_more_cells_than_columns_is_an_error_on_that_row():
    result = _read(loans_csv("JB-1,借呗,2024-03-05,12,000,12,等额本息,9.12%,日常消费,是,note"))
    assert "loans.csv:2: column '#11': 'note': more cells than the header row has columns (a separator?)" in _messages(
        result
    )


def test_missing_required_columns_are_named_at_the_header_line():
    with pytest.raises(ImportFailure) as caught:
        _read("title\n平台,借款日期,备注\n借呗,2024-03-05,x\n")
    message = caught.value.message()
    assert message.startswith("loans.csv:2: missing column 'principal'")
    assert "'term_months'" in message and "'repayment_method'" in message and "'daily_rate'" in message


def test_two_columns_meaning_the_same_is_an_error():
    with pytest.raises(ImportFailure, match="both mean 'principal'"):
        _read("平台,借款日期,借款金额,本金,期数,还款方式,年化利率\n")


def test_a_mapping_override_maps_odd_headers_and_ignores_columns():
    text = "lender,when,how much,months,way,apr,本金\n借呗,2024-03-05,12000,12,等额本息,9.12%,999\n"
    mapping = {"lender": "platform", "when": "borrowed_on", "how much": "principal", "way": "repayment_method",
               "本金": ""}  # fmt: skip
    result = _read(text, columns=mapping)
    assert result.errors == []
    assert result.records[0].draft.terms.principal_fen == 1_200_000
    assert result.layout.columns.assignments() == [
        "platform", "borrowed_on", "principal", "term_months", "repayment_method", "annual_rate", "",
    ]  # fmt: skip


def test_headers_with_units_and_odd_spacing_match():
    assert normalize_header("借款金额（元）") == normalize_header("借款金额")
    assert normalize_header(" Loan_ID ") == normalize_header("loan id")
    assert normalize_header("年化利率(%)") == normalize_header("年化利率")


def test_no_alias_means_two_columns_of_one_kind():
    for kind, columns in COLUMNS.items():
        meaning: dict[str, str] = {}
        for column in columns:
            for name in (column.name, *column.aliases):
                assert meaning.setdefault(normalize_header(name), column.name) == column.name, (kind, name)


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (LOANS_HEADER, FileKind.LOANS),
        ("借款编号,还款日期,还款金额", FileKind.REPAYMENTS),
        ("借款编号,还款日期,还款金额,备注", FileKind.REPAYMENTS),
        ("平台,借款日期,还款日期,还款金额", FileKind.REPAYMENTS),
        # Naming the loan by platform + date + principal (three of a loan's four required columns) still makes a
        # repayments file: it has a payment date and amount, and no term, method or rate (issue #16).
        ("借款编号,平台,借款日期,借款金额,还款日期,还款金额,备注", FileKind.REPAYMENTS),
        ("平台,借款日期,本金,还款日期,金额", FileKind.REPAYMENTS),
        ("loan_id,platform,borrowed_on,principal,paid_on,amount,payoff,note,source_ref,source", FileKind.REPAYMENTS),
        ("借款编号,日期,金额", FileKind.REPAYMENTS),  # a loan needs its term, method and rate
        ("平台,借款日期,金额,期数,还款方式", FileKind.LOANS),  # no rate yet: still loans (the wizard asks for it)
        ("平台,日期,额度", FileKind.LIMITS),
        ("日期,类型,内容,已解决", FileKind.NOTES),
    ],
)
def test_the_kind_is_guessed_from_the_header(header, kind):
    assert guess_kind(header.split(",")) is kind


def test_an_alipay_statement_given_as_loans_says_what_it_is():
    from tests.importers.samples import alipay_bytes

    with pytest.raises(ImportFailure, match="Alipay transaction statement"):
        _read(alipay_bytes())


@pytest.mark.parametrize(
    ("kind", "text", "count"),
    [
        (FileKind.REPAYMENTS, "借款编号,还款日期,还款金额,提前结清\nJB-1,2024-04-05,1050.09,否\n", 1),
        (
            FileKind.REPAYMENTS,
            "平台,借款日期,借款金额,还款日期,还款金额\n借呗,2024-03-05,12000,2024-04-05,1050.09\n",
            1,
        ),
        (FileKind.LIMITS, "平台;日期;额度;平台类型\n借呗;2024-01-01;50,000;互联网平台\n", 1),
        (
            FileKind.NOTES,
            "日期|类型|内容|已解决\n2024-01-01|查询记录|贷款审批|否\n2024-02-01|逾期|信用卡|2024-03-01\n",
            2,
        ),
    ],
)
def test_the_other_kinds_read(kind, text, count):
    result = _read(text, kind=kind)
    assert result.errors == []
    assert len(result.records) == count


def test_a_repayment_must_say_which_loan():
    text = "借款编号,平台,借款日期,借款金额,还款日期,还款金额\n,借呗,,,2024-04-05,100\n"
    result = _read(text, kind=FileKind.REPAYMENTS)
    assert _messages(result) == [
        "loans.csv:2: column '借款编号': say which loan: give loan_id (借款编号), or platform + borrowed_on + principal"
    ]


def test_a_note_resolved_without_a_date_is_resolved_today():
    text = "日期,类型,内容,已解决\n2024-01-01,逾期记录,信用卡逾期,是\n"
    record = _read(text, kind=FileKind.NOTES).records[0]
    assert record.resolved_on == TODAY
