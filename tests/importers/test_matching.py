"""The duplicate-matching rule, counted with multiplicity, and the checks against what the database holds."""

from __future__ import annotations

from collections import Counter
from datetime import date

from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.matching import Existing, ExistingLoan, match_limits, match_loans, match_repayments
from jiebei_tracker.importers.reading import ReadOptions, read_records
from tests.conftest import TODAY
from tests.importers.samples import loans_csv


def _read(text, kind):
    result = read_records(text.encode(), file_name="f.csv", options=ReadOptions(kind=kind), today=TODAY)
    assert result.errors == []
    return result


def _existing_loan(number, external_id=None, *, owed=1_260_108, paid=0, payoff=None):
    record = _read(loans_csv(), FileKind.LOANS).records[0]  # 借呗 2024-03-05 12000 …
    return ExistingLoan(number, external_id, record.key, owed, paid, payoff)


def test_loans_with_an_id_match_by_id_and_a_different_loan_under_that_id_is_an_error():
    result = _read(loans_csv(), FileKind.LOANS)
    matched = match_loans(result.records, result.layout.columns, Existing(loans=[_existing_loan(1, "JB-1")]))
    assert (len(matched.new), matched.present, matched.errors) == (1, 1, [])
    other = ExistingLoan(1, "JB-1", ("借呗", date(2020, 1, 1), 1, 1, "bullet", "0"))
    matched = match_loans(result.records, result.layout.columns, Existing(loans=[other]))
    assert [e.line for e in matched.errors] == [2]
    assert "already recorded as another loan JB-1" in matched.errors[0].reason


def test_an_id_used_twice_in_one_file_is_an_error_on_the_second():
    row = "JB-1,借呗,2024-03-05,12000,12,等额本息,9.12%,,,"
    result = _read(loans_csv(row, row), FileKind.LOANS)
    matched = match_loans(result.records, result.layout.columns, Existing())
    assert [(e.line, e.column) for e in matched.errors] == [(3, "借款编号")]


def test_loans_without_id_are_counted_with_multiplicity():
    row = ",借呗,2024-03-05,12000,12,等额本息,9.12%,,,"
    result = _read(loans_csv(row, row, row), FileKind.LOANS)
    columns = result.layout.columns
    assert len(match_loans(result.records, columns, Existing()).new) == 3
    one_there = match_loans(result.records, columns, Existing(loans=[_existing_loan(1)]))
    assert (len(one_there.new), one_there.present) == (2, 1)
    assert [r.line for r in one_there.new] == [3, 4]


def test_equal_repayments_on_one_day_are_two_and_only_the_missing_ones_are_new():
    text = "借款编号,还款日期,还款金额\nJB-1,2024-04-05,500\nJB-1,2024-04-05,500\nJB-1,2024-05-05,500\n"
    result = _read(text, FileKind.REPAYMENTS)
    columns = result.layout.columns
    loans = [_existing_loan(7, "JB-1")]
    fresh = match_repayments(result.records, columns, Existing(loans=loans))
    assert [(r.line, number) for r, number in fresh.new] == [(2, 7), (3, 7), (4, 7)]
    one_there = Existing(loans=loans, repayments=[((7, date(2024, 4, 5), 50_000, False), None)])
    matched = match_repayments(result.records, columns, one_there)
    assert ([r.line for r, _ in matched.new], matched.present) == ([3, 4], 1)


def test_repayments_are_checked_against_their_loan():
    text = (
        "借款编号,还款日期,还款金额,提前结清\n"
        "JB-1,2024-03-01,100,否\n"  # before the loan was taken
        "JB-9,2024-04-05,100,否\n"  # no such loan
        "JB-1,2024-04-05,12000,是\n"  # a payoff
        "JB-1,2024-05-05,100,否\n"  # after the payoff
    )
    result = _read(text, FileKind.REPAYMENTS)
    matched = match_repayments(result.records, result.layout.columns, Existing(loans=[_existing_loan(1, "JB-1")]))
    assert [(e.line, e.column) for e in matched.errors] == [(2, "还款日期"), (3, "借款编号"), (5, "还款日期")]
    assert [r.line for r, _ in matched.new] == [4]


def test_paying_more_than_is_left_is_an_error_on_the_row_that_goes_over():
    text = "借款编号,还款日期,还款金额\nJB-1,2024-04-05,600\nJB-1,2024-05-05,600\n"
    result = _read(text, FileKind.REPAYMENTS)
    loans = [_existing_loan(1, "JB-1", owed=100_000)]
    matched = match_repayments(result.records, result.layout.columns, Existing(loans=loans))
    assert [e.line for e in matched.errors] == [3]
    assert "more than the ¥400.00 left to pay on loan JB-1" in matched.errors[0].reason


def test_a_reference_matching_two_loans_asks_for_the_id():
    text = "平台,借款日期,借款金额,还款日期,还款金额\n借呗,2024-03-05,12000,2024-04-05,100\n"
    result = _read(text, FileKind.REPAYMENTS)
    matched = match_repayments(
        result.records, result.layout.columns, Existing(loans=[_existing_loan(1), _existing_loan(2)])
    )
    assert "2 loans match 借呗, borrowed 2024-03-05, ¥12,000.00" in matched.errors[0].reason


def test_limits_counted_with_multiplicity_and_conflicting_kinds_refused():
    text = (
        "平台,日期,额度,平台类型\n"
        "借呗,2024-01-01,50000,互联网平台\n借呗,2024-01-01,50000,银行\n借呗,2024-06-01,30000,\n"
    )
    result = _read(text, FileKind.LIMITS)
    existing = Existing(limits=Counter({("借呗", date(2024, 6, 1), 3_000_000): 1}), platform_kinds={"借呗": "internet"})
    matched = match_limits(result.records, result.layout.columns, existing)
    assert [(e.line, e.column) for e in matched.errors] == [(3, "平台类型")]
    assert ([r.line for r in matched.new], matched.present) == ([2], 1)
    assert matched.platform_kinds == {}  # 借呗 is internet already
