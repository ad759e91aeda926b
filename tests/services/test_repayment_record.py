"""A history that tells the truth: past installments as the user says, autopay deductions, corrections, undo."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanStatus, RepaymentSource
from jiebei_tracker.services.autopay import catch_up, pending, record_autopay
from jiebei_tracker.services.dues import loan_totals
from jiebei_tracker.services.ledger import HistoricLoan
from jiebei_tracker.services.loan_detail import loan_detail
from jiebei_tracker.services.loans import list_loans, list_repayments
from tests.conftest import TODAY
from tests.scenarios import draft

# Borrowed 2025-06-15 for 12 months: all twelve installments (2025-07-15 … 2026-06-15) fell due before TODAY.
LAST_YEAR = {"borrowed_on": date(2025, 6, 15)}


def _statuses(database, loan_id):
    detail = loan_detail(database, loan_id, as_of=TODAY, today=TODAY)
    return [line.status for line in detail.schedule]


def _dump(db_path) -> list:
    with sqlite3.connect(db_path) as connection:
        return [
            connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("loan", "installment", "repayment")
        ]


def test_a_loan_repaid_on_schedule_has_nothing_overdue(ledger, database):
    loan_id = ledger.add_loan(draft(**LAST_YEAR), PastRepayments.paid_through(TODAY)).created_id
    assert _statuses(database, loan_id) == [InstallmentStatus.ON_TIME] * 12
    assert list_loans(database, today=TODAY)[0].status is LoanStatus.SETTLED
    repayments = list_repayments(database, loan_id=loan_id)
    assert {r.source for r in repayments} == {RepaymentSource.SCHEDULE}
    detail = loan_detail(database, loan_id, as_of=TODAY, today=TODAY)
    assert [(r.paid_on, r.amount_fen) for r in repayments] == [(i.due_on, i.total_fen) for i in detail.schedule]
    assert loan_totals(database, today=TODAY).overdue_installments == 0


def test_without_an_answer_past_installments_stay_overdue(ledger, database):
    loan_id = ledger.add_loan(draft(**LAST_YEAR)).created_id
    assert _statuses(database, loan_id) == [InstallmentStatus.OVERDUE] * 12
    assert list_repayments(database, loan_id=loan_id) == []


def test_settled_early_records_the_payoff(ledger, database):
    past = PastRepayments.settled(date(2025, 10, 20), payoff_fen=950_000)
    loan_id = ledger.add_loan(draft(**LAST_YEAR), past).created_id
    statuses = _statuses(database, loan_id)
    # 1-4 on their due dates, the rest settled early by the payoff on 10-20
    assert statuses == [InstallmentStatus.ON_TIME] * 4 + [InstallmentStatus.SETTLED_EARLY] * 8
    payoff = list_repayments(database, loan_id=loan_id)[-1]
    assert (payoff.paid_on, payoff.amount_fen, payoff.is_payoff) == (date(2025, 10, 20), 950_000, True)


def test_a_bad_past_day_writes_nothing(ledger, database, db_path):
    before = _dump(db_path)
    with pytest.raises(InvalidValue, match="before the loan was taken"):
        ledger.add_loan(draft(**LAST_YEAR), PastRepayments.paid_through(date(2025, 1, 1)))
    assert _dump(db_path) == before


def test_bulk_history_records_past_installments_like_add_loan(ledger, database):
    ledger.add_history([HistoricLoan(draft(**LAST_YEAR), past=PastRepayments.paid_through(date(2025, 9, 15)))])
    loan_id = list_loans(database, today=TODAY)[0].loan_id
    statuses = _statuses(database, loan_id)
    assert statuses[:3] == [InstallmentStatus.ON_TIME] * 3
    assert statuses[3:] == [InstallmentStatus.OVERDUE] * 9
    assert {r.source for r in list_repayments(database)} == {RepaymentSource.SCHEDULE}


# -- autopay -------------------------------------------------------------------------------------------------


def test_autopay_installments_fall_pending_and_catch_up_records_them(ledger, database):
    loan_id = ledger.add_loan(draft(autopay=True, borrowed_on=date(2026, 6, 20))).created_id
    found = pending(database, as_of=TODAY)
    assert [(i.loan_id, i.seq, i.due_on) for i in found] == [
        (loan_id, seq, date(2026, month, 20)) for seq, month in enumerate(range(7, 12), start=1)
    ]
    recorded, _ = catch_up(ledger, database, as_of=date(2026, 9, 30))
    assert [i.seq for i in recorded] == [1, 2, 3]
    assert _statuses(database, loan_id)[:5] == [InstallmentStatus.ON_TIME] * 3 + [InstallmentStatus.OVERDUE] * 2
    assert {r.source for r in list_repayments(database)} == {RepaymentSource.AUTOPAY}
    assert [i.seq for i in pending(database, as_of=TODAY)] == [4, 5]


def test_only_installments_since_autopay_was_switched_on_are_pending(ledger, database):
    loan_id = ledger.add_loan(draft(borrowed_on=date(2026, 6, 20))).created_id
    assert pending(database, as_of=TODAY) == []
    switched_on = replace(draft(borrowed_on=date(2026, 6, 20)), autopay=True)
    ledger.edit_loan(loan_id, switched_on)  # switched on today, 2026-11-28: nothing due since
    assert pending(database, as_of=TODAY) == []
    assert [i.seq for i in pending(database, as_of=date(2026, 12, 20))] == [6]


def test_recording_pending_installments_can_be_undone_and_redone(ledger, database):
    loan_id = ledger.add_loan(draft(autopay=True, borrowed_on=date(2026, 8, 20))).created_id
    edit = record_autopay(ledger, pending(database, as_of=TODAY))
    assert len(edit.added_ids) == 3
    assert loan_totals(database, today=TODAY).overdue_installments == 0
    _, redo = ledger.undo_repayments(edit)
    assert list_repayments(database) == []
    assert _statuses(database, loan_id)[:3] == [InstallmentStatus.OVERDUE] * 3
    ledger.undo_repayments(redo)
    assert len(list_repayments(database)) == 3
    assert loan_totals(database, today=TODAY).overdue_installments == 0


# -- correcting repayments ----------------------------------------------------------------------------------


def test_a_repayment_logged_by_hand_replaces_the_assumed_one_for_that_installment(ledger, database):
    loan_id = ledger.add_loan(draft(**LAST_YEAR), PastRepayments.paid_through(TODAY)).created_id
    third = loan_detail(database, loan_id, as_of=TODAY, today=TODAY).schedule[2]  # due 2025-09-15
    changes, edit = ledger.log_repayment_undoably(
        loan_id, paid_on=date(2025, 9, 18), amount_fen=third.total_fen, note="paid in the app"
    )
    repayments = list_repayments(database, loan_id=loan_id)
    assert len(repayments) == 12
    by_day = {r.paid_on: r for r in repayments}
    assert date(2025, 9, 15) not in by_day
    assert by_day[date(2025, 9, 18)].source is RepaymentSource.MANUAL
    assert by_day[date(2025, 9, 18)].note == "paid in the app"
    assert _statuses(database, loan_id)[2] is InstallmentStatus.LATE
    assert [r["paid_on"] for r in edit.removed] == [date(2025, 9, 15)]
    ledger.undo_repayments(edit)
    assert {r.paid_on for r in list_repayments(database, loan_id=loan_id)} >= {date(2025, 9, 15)}
    assert _statuses(database, loan_id) == [InstallmentStatus.ON_TIME] * 12
    assert changes.created_id == edit.created_id


def test_a_typed_repayment_far_from_any_assumed_one_replaces_nothing(ledger, database):
    loan_id = ledger.add_loan(draft(**LAST_YEAR), PastRepayments.paid_through(date(2025, 8, 15))).created_id
    ledger.log_repayment(loan_id, paid_on=date(2025, 11, 1), amount_fen=10_000)
    assert [r.source for r in list_repayments(database, loan_id=loan_id)] == [
        RepaymentSource.SCHEDULE,
        RepaymentSource.SCHEDULE,
        RepaymentSource.MANUAL,
    ]


def test_the_next_installment_paid_ahead_is_a_payment_of_its_own_not_the_last_assumed_one(ledger, database):
    """Paid through TODAY (installments 1–3 recorded on 09-20, 10-20, 11-20): a repayment logged on 11-28 is the
    one due 12-20 paid early, though 11-20 is the nearer due date."""
    loan_id = ledger.add_loan(draft(borrowed_on=date(2026, 8, 20)), PastRepayments.paid_through(TODAY)).created_id
    fourth = loan_detail(database, loan_id, as_of=TODAY, today=TODAY).schedule[3]
    _, edit = ledger.log_repayment_undoably(loan_id, paid_on=TODAY, amount_fen=fourth.total_fen)
    assert edit.removed == ()
    assert [r.source for r in list_repayments(database, loan_id=loan_id)] == [RepaymentSource.SCHEDULE] * 3 + [
        RepaymentSource.MANUAL
    ]
    assert _statuses(database, loan_id)[:4] == [InstallmentStatus.ON_TIME] * 4


def test_a_repayment_typed_long_after_a_settled_loan_ended_is_refused_and_unpays_nothing(ledger, database, db_path):
    """The last installment's assumed repayment is not taken to be this one: it fell due five months before."""
    loan_id = ledger.add_loan(draft(**LAST_YEAR), PastRepayments.paid_through(TODAY)).created_id
    before = _dump(db_path)
    with pytest.raises(InvalidValue, match="already settled"):
        ledger.log_repayment(loan_id, paid_on=date(2026, 11, 16), amount_fen=10_000)
    assert _dump(db_path) == before
    assert _statuses(database, loan_id) == [InstallmentStatus.ON_TIME] * 12
    # A month after the last due date it is still that installment, paid late (a correction of the record).
    last = loan_detail(database, loan_id, as_of=TODAY, today=TODAY).schedule[-1]  # due 2026-06-15
    ledger.log_repayment(loan_id, paid_on=date(2026, 7, 16), amount_fen=last.total_fen)
    assert _statuses(database, loan_id)[-1] is InstallmentStatus.LATE


def test_edit_repayment_works_the_installments_out_again(ledger, database):
    loan_id = ledger.add_loan(draft(**LAST_YEAR)).created_id
    first = loan_detail(database, loan_id, as_of=TODAY, today=TODAY).schedule[0]
    repayment_id = ledger.log_repayment(loan_id, paid_on=date(2025, 7, 15), amount_fen=first.total_fen).created_id
    assert _statuses(database, loan_id)[0] is InstallmentStatus.ON_TIME
    ledger.edit_repayment(repayment_id, paid_on=date(2025, 7, 25), note="a week late")
    assert _statuses(database, loan_id)[0] is InstallmentStatus.LATE
    ledger.edit_repayment(repayment_id, amount_fen=first.total_fen - 1)
    assert _statuses(database, loan_id)[0] is InstallmentStatus.OVERDUE
    line = list_repayments(database)[0]
    assert (line.repayment_id, line.paid_on, line.note) == (repayment_id, date(2025, 7, 25), "a week late")


def test_edit_repayment_refuses_paying_more_than_owed_and_writes_nothing(ledger, database, db_path):
    loan_id = ledger.add_loan(draft(**LAST_YEAR, months=1)).created_id
    repayment_id = ledger.log_repayment(loan_id, paid_on=date(2025, 7, 15), amount_fen=100).created_id
    before = _dump(db_path)
    with pytest.raises(InvalidValue, match="more than loan"):
        ledger.edit_repayment(repayment_id, amount_fen=5_000_000)
    with pytest.raises(InvalidValue, match="in the future"):
        ledger.edit_repayment(repayment_id, paid_on=date(2027, 1, 1))
    with pytest.raises(InvalidValue, match="no such repayment"):
        ledger.edit_repayment(repayment_id + 1, amount_fen=1)
    assert _dump(db_path) == before
