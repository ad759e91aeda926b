"""The importer checks every cell against the same bounds as the ledger (issue #11): amounts up to ¥100,000,000.00,
days from 1990-01-01 to today, terms 1–360, text without control characters. Each bad cell is a bad row named by
file, line and column, with a short reason; nothing of it reaches the ledger."""

from __future__ import annotations

import csv
import io

import pytest

from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.errors import error_report
from jiebei_tracker.importers.reading import ReadOptions, read_records
from tests.conftest import TODAY

LOAN_HEADER = ["借款编号", "平台", "借款日期", "借款金额", "期数", "还款方式", "年化利率", "备注"]
GOOD_LOAN = {"借款编号": "JB-1", "平台": "借呗", "借款日期": "2024-03-05", "借款金额": "12000", "期数": "12",
             "还款方式": "等额本息", "年化利率": "9.12%", "备注": ""}  # fmt: skip


def _csv(header: list[str], *rows: dict[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return out.getvalue().encode()


def _read(kind: FileKind, data: bytes):
    return read_records(data, file_name=f"{kind.value}.csv", options=ReadOptions(kind=kind), today=TODAY)


def _messages(kind: FileKind, data: bytes) -> list[str]:
    result = _read(kind, data)
    return error_report(result.errors, f"{kind.value}.csv")


def _loan_errors(**cells: str) -> list[str]:
    result = _read(FileKind.LOANS, _csv(LOAN_HEADER, GOOD_LOAN | cells))
    assert result.records == []  # the bad row is left out
    return error_report(result.errors, "loans.csv")


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"借款金额": "100000000.01"}, "column '借款金额': '100000000.01': at most ¥100,000,000.00"),
        ({"借款金额": "92233720368547758"}, "column '借款金额': '92233720368547758': at most ¥100,000,000.00"),
        (
            {"借款金额": "9" * 100_000},
            "column '借款金额': '999999999999999999999999…': too long for an amount of money (at most ¥100,000,000.00)",
        ),
        ({"期数": "361"}, "column '期数': '361': must be 1 to 360 months"),
        ({"期数": "9" * 100_000}, "column '期数': '999999999999999999999999…': must be 1 to 360 months"),
        ({"借款日期": "1989-12-31"}, "column '借款日期': '1989-12-31': is before 1990-01-01"),
        ({"借款日期": "0001-01-01"}, "column '借款日期': '0001-01-01': is before 1990-01-01"),
        ({"借款日期": "2026-11-29"}, "column '借款日期': '2026-11-29': is in the future (today is 2026-11-28)"),
        ({"平台": "借\x00呗"}, r"column '平台': '借\x00呗': contains a control character (\x00)"),
        ({"平台": "\x1b[31m借呗"}, r"column '平台': '\x1b[31m借呗': contains a control character (\x1b)"),
        ({"平台": "借\u202e呗"}, r"column '平台': '借\u202e呗': contains a control character (\u202e)"),
        ({"平台": "\u3000"}, "column '平台': is empty"),
        ({"备注": "a\x85b"}, r"column '备注': 'a\x85b': contains a control character (\x85)"),
        ({"借款编号": "JB\u20661"}, r"column '借款编号': 'JB\u20661': contains a control character (\u2066)"),
    ],
)
def test_a_loan_cell_out_of_bounds_is_a_bad_row_with_file_line_and_column(cells, message):
    assert _loan_errors(**cells) == [f"loans.csv:2: {message}"]


def test_the_bounds_themselves_are_accepted():
    data = _csv(
        LOAN_HEADER,
        GOOD_LOAN | {"借款金额": "100,000,000.00", "借款日期": "1990-01-01", "期数": "360"},
        GOOD_LOAN | {"借款编号": "JB-2", "借款日期": "2026-11-28", "期数": "1", "备注": "第一行\n\t第二行"},
        GOOD_LOAN | {"借款编号": "JB-3", "借款金额": "100000000.01"},
    )
    result = _read(FileKind.LOANS, data)
    assert error_report(result.errors, "loans.csv") == [
        "loans.csv:5: column '借款金额': '100000000.01': at most ¥100,000,000.00"
    ]
    assert [(r.draft.terms.principal_fen, r.draft.note) for r in result.records] == [
        (10_000_000_000, ""),
        (1_200_000, "第一行\n\t第二行"),
    ]


def test_every_bad_cell_of_a_row_is_named():
    assert _loan_errors(借款日期="1989-12-31", 借款金额="1e30", 平台="借\x7f呗") == [
        r"loans.csv:2: column '平台': '借\x7f呗': contains a control character (\x7f)",
        "loans.csv:2: column '借款日期': '1989-12-31': is before 1990-01-01",
        "loans.csv:2: column '借款金额': '1e30': not an amount of money (e.g. 12000, 12,000.50, ¥1,234.50)",
    ]


def test_settled_and_paid_through_days_and_the_payoff_amount_are_checked():
    header = [*LOAN_HEADER, "结清日期", "结清金额"]
    row = GOOD_LOAN | {"借款日期": "1990-01-01", "结清日期": "1989-12-31", "结清金额": "100000000.01"}
    assert _messages(FileKind.LOANS, _csv(header, row)) == [
        "loans.csv:2: column '结清日期': '1989-12-31': is before 1990-01-01",
        "loans.csv:2: column '结清金额': '100000000.01': at most ¥100,000,000.00",
    ]


def test_repayment_cells_out_of_bounds_are_bad_rows():
    header = ["loan_id", "paid_on", "amount", "note"]
    data = _csv(
        header,
        {"loan_id": "JB-1", "paid_on": "2024-04-05", "amount": "100000000.01"},
        {"loan_id": "JB-1", "paid_on": "1989-12-31", "amount": "1049.08"},
        {"loan_id": "JB-1", "paid_on": "2024-04-05", "amount": "1049.08", "note": "\u200f"},
        {"loan_id": "JB\x001", "paid_on": "2024-04-05", "amount": "1049.08"},
        {"loan_id": "JB-1", "paid_on": "2024-04-05", "amount": "1049.08", "note": "多行\n备注"},
    )
    result = _read(FileKind.REPAYMENTS, data)
    assert error_report(result.errors, "repayments.csv") == [
        "repayments.csv:2: column 'amount': '100000000.01': at most ¥100,000,000.00",
        "repayments.csv:3: column 'paid_on': '1989-12-31': is before 1990-01-01",
        r"repayments.csv:4: column 'note': '\u200f': contains a control character (\u200f)",
        r"repayments.csv:5: column 'loan_id': 'JB\x001': contains a control character (\x00)",
    ]
    assert [record.note for record in result.records] == ["多行\n备注"]


def test_limit_cells_out_of_bounds_are_bad_rows():
    header = ["platform", "date", "limit", "note"]
    data = _csv(
        header,
        {"platform": "借呗", "date": "2024-01-01", "limit": "100000000.01"},
        {"platform": "借呗", "date": "1989-12-31", "limit": "50000"},
        {"platform": "借呗\x9b", "date": "2024-01-01", "limit": "50000"},
        {"platform": "借呗", "date": "2024-01-01", "limit": "50000", "note": "\x1b]0;title\x07"},
        {"platform": "借呗", "date": "1990-01-01", "limit": "100000000"},
    )
    result = _read(FileKind.LIMITS, data)
    assert error_report(result.errors, "limits.csv") == [
        "limits.csv:2: column 'limit': '100000000.01': at most ¥100,000,000.00",
        "limits.csv:3: column 'date': '1989-12-31': is before 1990-01-01",
        r"limits.csv:4: column 'platform': '借呗\x9b': contains a control character (\x9b)",
        r"limits.csv:5: column 'note': '\x1b]0;title\x07': contains a control character (\x1b)",
    ]
    assert [(r.platform, r.limit_fen) for r in result.records] == [("借呗", 10_000_000_000)]


def test_note_cells_out_of_bounds_are_bad_rows():
    header = ["date", "kind", "text", "resolved_on"]
    data = _csv(
        header,
        {"date": "2024-01-01", "kind": "inquiry", "text": "查询\x00"},
        {"date": "1989-12-31", "kind": "inquiry", "text": "查询"},
        {"date": "2024-01-01", "kind": "overdue_record", "text": "逾期", "resolved_on": "2026-11-29"},
        {"date": "2024-01-01", "kind": "inquiry", "text": "贷款审批\n微粒贷\t查询"},
    )
    result = _read(FileKind.NOTES, data)
    assert error_report(result.errors, "notes.csv") == [
        r"notes.csv:2: column 'text': '查询\x00': contains a control character (\x00)",
        "notes.csv:3: column 'date': '1989-12-31': is before 1990-01-01",
        "notes.csv:4: column 'resolved_on': '2026-11-29': is in the future (today is 2026-11-28)",
    ]
    assert [record.text for record in result.records] == ["贷款审批\n微粒贷\t查询"]
