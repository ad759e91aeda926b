"""Importing loans from before today: each row says what happened to its installments already due (status,
paid_installments, paid_through, settled_on), or the import is told (past), or it writes nothing."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanStatus, RepaymentSource
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.errors import ImportFailure
from jiebei_tracker.importers.reading import ReadOptions
from jiebei_tracker.services.dues import loan_totals
from jiebei_tracker.services.health.reminders import pending_reminders
from jiebei_tracker.services.imports.service import ImportService, PastAnswer
from jiebei_tracker.services.loan_detail import loan_detail
from jiebei_tracker.services.loans import list_loans, list_repayments
from jiebei_tracker.storage.database import open_database
from tests.conftest import TODAY

HEADER = "借款编号,平台,借款日期,借款金额,期数,还款方式,年化利率"
# Four loans from 2025, each long since repaid (the story of the issue): 42 installments fell due by TODAY.
FOUR = (
    "A1,借呗,2025-01-10,12000,12,等额本息,9.12%",
    "A2,微粒贷,2025-03-05,6000,6,等额本金,7.2%",
    "A3,京东金条,2025-05-20,10000,12,等额本息,10.8%",
    "A4,招商银行,2025-02-01,20000,12,先息后本,6%",
)


def _csv(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join((header, *rows)) + "\n").encode()


@pytest.fixture
def service(database, ledger):
    return ImportService(database=database, ledger=ledger, today=lambda: TODAY)


def _plan(service, data: bytes):
    return service.plan(data, file_name="loans.csv", options=ReadOptions(kind=FileKind.LOANS))


def _dump(database) -> list:
    with sqlite3.connect(database.path) as connection:
        return [connection.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in ("loan", "repayment")]


def _statuses(database, external_id: str) -> list[InstallmentStatus]:
    loan = next(s for s in list_loans(database, today=TODAY) if s.external_id == external_id)
    return [line.status for line in loan_detail(database, loan.loan_id, as_of=TODAY, today=TODAY).schedule]


def test_a_file_that_does_not_say_writes_nothing_and_asks(service, database):
    plan = _plan(service, _csv(*FOUR))
    assert [(record.line, due) for record, due in plan.undecided] == [(2, 12), (3, 6), (4, 12), (5, 12)]
    before = _dump(database)
    with pytest.raises(ImportFailure) as raised:
        service.commit(plan)
    assert "4 loans have 42 installments already due" in raised.value.message()
    assert "--past paid" in raised.value.message() and "已还期数" in raised.value.message()
    assert _dump(database) == before


def test_the_four_loan_story_ends_with_nothing_overdue(service, database):
    service.commit(_plan(service, _csv(*FOUR)), past=PastAnswer.PAID)
    totals = loan_totals(database, today=TODAY)
    assert (totals.overdue_installments, totals.overdue_fen, totals.open_loans) == (0, 0, 0)
    assert [s.status for s in list_loans(database, today=TODAY)] == [LoanStatus.SETTLED] * 4
    assert pending_reminders(database, as_of=TODAY) == []
    assert len(list_repayments(database)) == 42
    assert {r.source for r in list_repayments(database)} == {RepaymentSource.SCHEDULE}


def test_past_unpaid_keeps_them_overdue(service, database):
    service.commit(_plan(service, _csv(*FOUR)), past=PastAnswer.UNPAID)
    assert loan_totals(database, today=TODAY).overdue_installments == 42


def test_each_loan_can_be_answered_on_its_own(service, database):
    plan = _plan(service, _csv(*FOUR[:2]))
    service.commit(plan, past_by_line={2: PastRepayments.paid_through(TODAY), 3: PastRepayments.unpaid()})
    assert _statuses(database, "A1") == [InstallmentStatus.ON_TIME] * 12
    assert _statuses(database, "A2") == [InstallmentStatus.OVERDUE] * 6


def test_the_columns_say_it_row_by_row(service, database):
    header = HEADER + ",状态,已还期数,还款至,结清日期,结清金额"
    rows = (
        "B1,借呗,2025-01-10,12000,12,等额本息,9.12%,已结清,,,,",
        "B2,微粒贷,2025-03-05,6000,6,等额本金,7.2%,,2,,,",
        "B3,京东金条,2025-05-20,10000,12,等额本息,10.8%,,,2025-08-20,,",
        "B4,招商银行,2025-02-01,20000,12,先息后本,6%,已结清,,,2025-06-15,19800",
        "B5,借呗,2025-10-10,3000,3,等额本息,9.12%,逾期,,,,",
        "B6,借呗,2026-06-10,3000,12,等额本息,9.12%,正常,,,,",
    )
    plan = _plan(service, _csv(*rows, header=header))
    assert plan.errors == [] and plan.undecided == []
    service.commit(plan)
    on, late, over, up = (InstallmentStatus.ON_TIME, InstallmentStatus.LATE, InstallmentStatus.OVERDUE,
                          InstallmentStatus.UPCOMING)  # fmt: skip
    assert _statuses(database, "B1") == [on] * 12
    assert _statuses(database, "B2") == [on] * 2 + [over] * 4
    assert _statuses(database, "B3") == [on] * 3 + [over] * 9  # 06-20, 07-20, 08-20
    assert _statuses(database, "B4") == [on] * 4 + [InstallmentStatus.SETTLED_EARLY] * 8  # settled on 06-15
    assert _statuses(database, "B5") == [over] * 3
    assert _statuses(database, "B6") == [on] * 5 + [up] * 7  # paid through today: 07-10 … 11-10
    payoff = [r for r in list_repayments(database) if r.is_payoff]
    assert [(r.paid_on, r.amount_fen) for r in payoff] == [(date(2025, 6, 15), 1_980_000)]
    assert late not in _statuses(database, "B4")


@pytest.mark.parametrize(
    ("cells", "column", "reason"),
    [
        (",13,,,", "已还期数", "13 is more than the loan's 12 installments"),
        ("已结清,2,,,", "状态", "give only one of"),
        (",,2024-12-01,,", "还款至", "before the borrowing date 2025-01-10"),
        (",,2027-01-01,,", "还款至", "in the future"),
        ("正常,,,2025-06-01,", "结清日期", "goes with status settled"),
        (",,,,5000", "结清金额", "goes with settled_on"),
        ("已结清,,,,", "状态", "the schedule runs to 2027-01-10"),
        ("还清了吗,,,,", "状态", "not one of"),
    ],
)
def test_a_contradiction_is_a_bad_row_with_its_line_and_column(service, database, cells, column, reason):
    header = HEADER + ",状态,已还期数,还款至,结清日期,结清金额"
    row = "C1,借呗,2025-01-10,12000,12,等额本息,9.12%," + cells
    running = "C2,借呗,2026-01-10,12000,12,等额本息,9.12%," + cells
    plan = _plan(service, _csv(running if "2027-01-10" in reason else row, header=header))
    assert len(plan.errors) == 1
    error = plan.errors[0]
    assert (error.line, error.column) == (2, column)
    assert reason in error.reason
    before = _dump(database)
    with pytest.raises(ImportFailure):
        service.commit(plan, past=PastAnswer.PAID)
    assert _dump(database) == before


def test_real_repayments_imported_later_replace_the_assumed_ones(service, database):
    service.commit(_plan(service, _csv(FOUR[1])), past=PastAnswer.PAID)  # 微粒贷 A2: 6 installments from 04-05
    before = list_repayments(database)
    real = _csv(
        "A2,2025-04-03,1036.00,bank statement",
        "A2,2025-05-10,1030.00,paid five days late",
        header="借款编号,还款日期,还款金额,备注",
    )
    plan = service.plan(real, file_name="repayments.csv", options=ReadOptions(kind=FileKind.REPAYMENTS))
    assert plan.errors == []
    service.commit(plan)
    after = list_repayments(database)
    assert len(after) == len(before) == 6
    assert [(r.paid_on, r.source) for r in after[:2]] == [
        (date(2025, 4, 3), RepaymentSource.IMPORT),
        (date(2025, 5, 10), RepaymentSource.IMPORT),
    ]
    statuses = _statuses(database, "A2")
    assert statuses[:2] == [InstallmentStatus.ON_TIME, InstallmentStatus.LATE]


def test_export_and_import_again_keep_the_truth(service, database, ledger, tmp_path):
    header = HEADER + ",状态,已还期数,结清日期,结清金额"
    rows = (
        "D1,借呗,2025-01-10,12000,12,等额本息,9.12%,,4,,",
        "D2,招商银行,2025-02-01,20000,12,先息后本,6%,已结清,,2025-06-15,19800",
        "D3,微粒贷,2025-03-05,6000,6,等额本金,7.2%,逾期,,,",
    )
    service.commit(_plan(service, _csv(*rows, header=header)))
    d3 = next(s.loan_id for s in list_loans(database, today=TODAY) if s.external_id == "D3")
    ledger.log_repayment(d3, paid_on=date(2025, 4, 5), amount_fen=103_600, note="by hand")
    first = tmp_path / "first"
    service.export(first)
    loans_text = (first / "loans.csv").read_text(encoding="utf-8-sig")
    assert ",4,,," in loans_text.splitlines()[1]  # D1: paid_installments 4
    assert ",,settled,2025-06-15,19800.00" in loans_text.splitlines()[2]
    repayments_text = (first / "repayments.csv").read_text(encoding="utf-8-sig")
    assert repayments_text.count("\n") == 2 and "by hand,,manual" in repayments_text  # header + D3's one

    other = open_database(tmp_path / "other.db")
    try:
        again = ImportService(database=other, ledger=type(ledger)(database=other, today=lambda: TODAY),
                              today=lambda: TODAY)  # fmt: skip
        for kind in (FileKind.LOANS, FileKind.REPAYMENTS):
            path = first / f"{kind.value}.csv"
            again.commit(again.plan(path.read_bytes(), file_name=path.name, options=ReadOptions(kind=kind)))
        second = tmp_path / "second"
        again.export(second)
        for name in ("loans.csv", "repayments.csv"):
            assert (second / name).read_bytes() == (first / name).read_bytes()
        for ref in ("D1", "D2", "D3"):
            assert _statuses(other, ref) == _statuses(database, ref)
    finally:
        other.close()
