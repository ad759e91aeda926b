"""Importing repayments that pay penalty interest (罚息): a late repayment may bring what ran up by its day, as one
typed by hand may (the grace days and the platform's multiplier counted the same way), and the export of a loan
repaid late comes back whole into a new database."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.penalty import PenaltyTerms
from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.errors import ImportFailure
from jiebei_tracker.importers.reading import ReadOptions
from jiebei_tracker.services.imports.service import ImportService, PastAnswer
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.loan_detail import loan_detail
from jiebei_tracker.services.loans import list_repayments
from jiebei_tracker.services.settings import SettingsStore
from jiebei_tracker.storage.database import open_database
from tests.conftest import TODAY
from tests.scenarios import draft

RATE = Decimal("0.072")


@pytest.fixture
def service(database, ledger):
    return ImportService(database=database, ledger=ledger, today=lambda: TODAY)


def _plan(service, text: str, kind: FileKind = FileKind.REPAYMENTS):
    return service.plan(text.encode(), file_name=f"{kind.value}.csv", options=ReadOptions(kind=kind))


def _schedule(database, loan_id: int):
    return loan_detail(database, loan_id, as_of=TODAY, today=TODAY).schedule


def _installments(database) -> list[tuple]:
    with sqlite3.connect(database.path) as connection:
        return connection.execute(
            "SELECT loan_id, seq, paid_interest_fen, paid_principal_fen, settled_on, paid_penalty_fen "
            "FROM installment ORDER BY loan_id, seq"
        ).fetchall()


def _yuan(fen: int) -> str:
    return f"{Decimal(fen) / 100:.2f}"


def test_the_grace_days_set_count_as_they_do_for_a_repayment_typed_by_hand(service, ledger, database):
    SettingsStore(database=database).put_general(replace(SettingsStore(database=database).general(), grace_days=5))
    loan = ledger.add_loan(draft(external_id="JB-1", months=3, borrowed_on=date(2026, 5, 10))).created_id
    last = _schedule(database, loan)[-1]
    paid_on = date(2026, 9, 20)
    with_grace = PenaltyTerms(RATE, Decimal("1.5"), 5).accrued(last.due_on, last.principal_fen, paid_on)
    without = PenaltyTerms(RATE, Decimal("1.5")).accrued(last.due_on, last.principal_fen, paid_on)
    assert 0 < with_grace < without
    rows = [f"JB-1,{line.due_on},{_yuan(line.total_fen)}" for line in _schedule(database, loan)[:2]]

    too_much = _plan(
        service,
        "借款编号,还款日期,还款金额\n" + "\n".join([*rows, f"JB-1,{paid_on},{_yuan(last.total_fen + without)}"]),
    )
    assert [e.line for e in too_much.errors] == [4]
    with pytest.raises(ImportFailure):
        service.commit(too_much)

    plan = _plan(
        service,
        "借款编号,还款日期,还款金额\n" + "\n".join([*rows, f"JB-1,{paid_on},{_yuan(last.total_fen + with_grace)}"]),
    )
    assert plan.error_messages() == []
    service.commit(plan)
    assert _installments(database)[-1][-2:] == (paid_on.isoformat(), with_grace)


def test_a_late_repayment_replaces_the_one_assumed_on_the_due_date_and_pays_its_penalty(service, ledger, database):
    """A loan entered as paid on schedule: the file says the last installment was in fact paid late, with penalty."""
    loan = ledger.add_loan(
        draft(external_id="JB-1", months=3, borrowed_on=date(2026, 5, 10)), PastRepayments.paid_through(TODAY)
    ).created_id
    last = _schedule(database, loan)[-1]
    paid_on = date(2026, 8, 25)
    penalty = PenaltyTerms(RATE).accrued(last.due_on, last.principal_fen, paid_on)
    assert penalty > 0
    plan = _plan(service, f"借款编号,还款日期,还款金额\nJB-1,{paid_on},{_yuan(last.total_fen + penalty)}\n")
    assert plan.error_messages() == []
    service.commit(plan)

    hand = open_database(database.path.with_name("hand.db"))
    try:
        other = Ledger(database=hand, today=lambda: TODAY)
        other.add_loan(
            draft(external_id="JB-1", months=3, borrowed_on=date(2026, 5, 10)), PastRepayments.paid_through(TODAY)
        )
        other.log_repayment(1, paid_on=paid_on, amount_fen=last.total_fen + penalty)
        assert _installments(database) == _installments(hand)
    finally:
        hand.close()
    assert _installments(database)[-1][-1] == penalty


def test_a_loan_repaid_late_with_penalty_comes_back_whole_from_its_export(service, ledger, database, tmp_path):
    loan = ledger.add_loan(draft(external_id="JB-1", months=3, borrowed_on=date(2026, 5, 10))).created_id
    ledger.set_penalty_multiplier("借呗", Decimal("2"))
    first, second, last = _schedule(database, loan)
    ledger.log_repayment(loan, paid_on=first.due_on, amount_fen=first.total_fen)
    late = date(2026, 7, 20)  # the second, 10 days late, with its penalty
    ledger.log_repayment(
        loan,
        paid_on=late,
        amount_fen=second.total_fen + PenaltyTerms(RATE, Decimal(2)).accrued(second.due_on, second.principal_fen, late),
    )
    paid_on = date(2026, 9, 20)
    ledger.log_repayment(
        loan,
        paid_on=paid_on,
        amount_fen=last.total_fen + PenaltyTerms(RATE, Decimal(2)).accrued(last.due_on, last.principal_fen, paid_on),
    )
    assert all(row[-1] for row in _installments(database)[1:])  # both late ones paid a penalty
    written = service.export(tmp_path / "out")

    copy = open_database(tmp_path / "copy.db")
    try:
        other = ImportService(database=copy, ledger=Ledger(database=copy, today=lambda: TODAY), today=lambda: TODAY)
        for kind in (FileKind.LOANS, FileKind.REPAYMENTS):
            plan = other.plan(written[kind].read_bytes(), file_name=written[kind].name, options=ReadOptions(kind=kind))
            assert plan.error_messages() == []
            other.commit(plan, past=PastAnswer.UNPAID)
        assert _installments(copy) == _installments(database)
    finally:
        copy.close()


@pytest.mark.parametrize("newest_first", [False, True], ids=["oldest first", "newest first"])
def test_real_repayments_replace_the_assumed_ones_whatever_the_order_of_the_files_rows(
    service, ledger, database, newest_first
):
    """Installments due 04-20 … 11-20 recorded from the schedule; the bank's statement says the 10-20 one was paid
    two days late and the 11-20 one a day early. Statements list the newest first: the answer must not change."""
    loan_id = ledger.add_loan(
        draft(borrowed_on=date(2026, 3, 20), months=12, external_id="B1"), PastRepayments.paid_through(TODAY)
    ).created_id
    schedule = _schedule(database, loan_id)
    rows = [f"B1,2026-10-22,{schedule[6].total_fen / 100:.2f}", f"B1,2026-11-19,{schedule[7].total_fen / 100:.2f}"]
    if newest_first:
        rows.reverse()
    plan = _plan(service, "借款编号,还款日期,还款金额\n" + "\n".join(rows) + "\n")
    assert plan.error_messages() == []
    service.commit(plan)
    paid_on = sorted(r.paid_on for r in list_repayments(database, loan_id=loan_id))
    assert len(paid_on) == 8 and date(2026, 10, 22) in paid_on and date(2026, 10, 20) not in paid_on
    assert [line.status for line in _schedule(database, loan_id)[6:9]] == [
        InstallmentStatus.LATE,
        InstallmentStatus.ON_TIME,
        InstallmentStatus.UPCOMING,
    ]
