"""The platform's own plan (还款计划): read from the lines an app shows or from a table in any column order and the
usual encodings, checked against the loan, and a problem named by its line and column."""

from __future__ import annotations

from datetime import date

import pytest

from jiebei_tracker.importers.errors import ImportFailure
from jiebei_tracker.importers.plan import plan_schedule, read_plan_file, read_plan_text

APP_LINES = """还款计划
已还 1 期 / 共 3 期
第1期 2026-02-15 应还 ¥1,039.43 本金 ¥967.43 利息 ¥72.00 已还清
第2期 2026/3/15 应还金额：¥1,039.43 本金：¥973.23 利息：¥66.20
第3期 2026年4月15日 应还 1,067.28元 本金 1,059.34元 利息 7.94元
"""
TABLE = (
    '还款日,应还金额,利息,本金,期数,手续费\n2026-02-15,1078.00,0,1000,1,78\n2026-03-15,"1,078.00",0,"1,000.00",2,78\n'
)


def _rows(lines):
    return [(line.line, line.seq, line.due_on, line.principal_fen, line.interest_fen, line.fee_fen) for line in lines]


def test_the_lines_an_app_shows_are_read_by_their_labels():
    assert _rows(read_plan_text(APP_LINES)) == [
        (3, 1, date(2026, 2, 15), 96_743, 7_200, 0),
        (4, 2, date(2026, 3, 15), 97_323, 6_620, 0),
        (5, 3, date(2026, 4, 15), 105_934, 794, 0),
    ]


def test_a_table_in_any_column_order_with_quoted_amounts():
    assert _rows(read_plan_text(TABLE)) == [
        (2, 1, date(2026, 2, 15), 100_000, 0, 7_800),
        (3, 2, date(2026, 3, 15), 100_000, 0, 7_800),
    ]


def test_a_pasted_table_with_tabs_and_no_interest_column_takes_it_from_the_total():
    text = "期数\t到期日\t本金(元)\t应还金额\n1\t2026-02-15\t967.43\t1,039.43\n"
    assert _rows(read_plan_text(text)) == [(2, 1, date(2026, 2, 15), 96_743, 7_200, 0)]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_a_file_in_the_usual_encodings(tmp_path, encoding):
    path = tmp_path / "plan.csv"
    path.write_bytes(TABLE.encode(encoding))
    assert _rows(read_plan_file(path)) == _rows(read_plan_text(TABLE))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("期数,还款日,本金,利息\n1,2026-02-15,abc,1\n", "pasted text:2: column '本金': 'abc': not an amount"),
        ("期数,还款日,本金,利息\n1,2026-02-30,100,1\n", "pasted text:2: column '还款日': '2026-02-30'"),
        (
            "期数,还款日,本金,利息,应还金额\n1,2026-02-15,100,1,102\n",
            "pasted text:2: column '应还金额': '102': is not the",
        ),
        ("期数,还款日,本金\n1,2026-02-15,100\n", "pasted text:1: the header names no interest (利息)"),
        ("2026-02-15 967.43 72.00\n", "pasted text:1: cannot tell which amount is the principal"),
        ("\n \n", "pasted text: holds no installment"),
    ],
)
def test_a_problem_names_its_line_and_column(text, said):
    with pytest.raises(ImportFailure) as refused:
        read_plan_text(text)
    assert refused.value.message().startswith(said), refused.value.message()


def test_the_principals_must_add_up_to_the_loan_and_the_days_follow_one_another():
    lines = read_plan_text(APP_LINES)
    schedule = plan_schedule(lines, principal_fen=300_000, borrowed_on=date(2026, 1, 15), source="plan.csv")
    assert [(i.seq, i.total_fen) for i in schedule] == [(1, 103_943), (2, 103_943), (3, 106_728)]
    with pytest.raises(ImportFailure) as short:
        plan_schedule(lines, principal_fen=400_000, borrowed_on=date(2026, 1, 15), source="plan.csv")
    assert "add up to ¥3,000.00, ¥1,000.00 less than the loan's ¥4,000.00" in short.value.message()
    with pytest.raises(ImportFailure) as early:
        plan_schedule(lines, principal_fen=300_000, borrowed_on=date(2026, 3, 1), source="plan.csv")
    assert early.value.message() == "plan.csv:3: column '还款日': 2026-02-15 is not after the borrowing date"
