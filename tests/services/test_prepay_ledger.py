"""A part prepayment through the ledger (the command line's is in tests/cli/test_cli_money_terms.py): the repayment and
the rebuilt schedule are written in one transaction, undo puts the old schedule back exactly (and redo the new one),
and new terms for a prepaid loan are only taken when the user says to rebuild the schedule."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.prepay import Keep
from jiebei_tracker.domain.schedule import PlannedInstallment
from jiebei_tracker.domain.vocabulary import InstallmentStatus, ScheduleSource
from jiebei_tracker.services.loan_detail import prepayment_preview
from tests.conftest import TODAY
from tests.scenarios import draft

BORROWED = date(2026, 1, 15)  # 12 months at 7.2 %, equal installments: ¥1,039.43 a month


@pytest.fixture
def loan_id(ledger):
    paid = PastRepayments.paid_through(date(2026, 11, 15))  # 10 installments paid, 2 to come
    return ledger.add_loan(draft(borrowed_on=BORROWED, months=12), paid).created_id


def _rows(database, table: str, loan_id: int) -> list[tuple]:
    with sqlite3.connect(database.path) as raw:
        return raw.execute(f"SELECT * FROM {table} WHERE loan_id = ? ORDER BY id", (loan_id,)).fetchall()


def _schedule(database, loan_id: int) -> list[tuple]:
    """Each installment as (seq, due, principal, interest, fee, paid interest, paid principal, settled on)."""
    with sqlite3.connect(database.path) as raw:
        return raw.execute(
            "SELECT seq, due_on, principal_fen, interest_fen, fee_fen, paid_interest_fen, paid_principal_fen, "
            "settled_on FROM installment WHERE loan_id = ? ORDER BY seq",
            (loan_id,),
        ).fetchall()


def test_a_prepayment_is_written_as_previewed_and_undo_and_redo_swap_the_schedules(
    ledger, database, workspace, loan_id
):
    before = _schedule(database, loan_id)
    preview = prepayment_preview(
        database, loan_id, paid_on=date(2026, 11, 20), amount_fen=100_000, keep=Keep.PAYMENT, today=TODAY
    )
    changes, swap = ledger.prepay(loan_id, paid_on=date(2026, 11, 20), amount_fen=100_000, keep=Keep.PAYMENT)
    assert changes.loan_ids == {loan_id} and changes.payments
    after = _schedule(database, loan_id)
    assert [(seq, due, p, i) for seq, due, p, i, *_ in after] == [
        (i.seq, i.due_on.isoformat(), i.principal_fen, i.interest_fen) for i in preview.schedule
    ]
    assert after[10][7] == "2026-11-20"  # the prepayment, settled by its own repayment
    assert sum(row[2] for row in after) == 1_200_000
    detail = workspace.loan_detail(loan_id)
    assert detail.summary.outstanding_fen == preview.balance_after_fen
    assert [line.status for line in detail.schedule][10] is InstallmentStatus.ON_TIME
    assert workspace.loans()[0].status.value == "active"

    _, redo = ledger.swap_schedule(swap)
    assert _schedule(database, loan_id) == before  # every figure back, what was paid too
    assert len(_rows(database, "repayment", loan_id)) == 10
    ledger.swap_schedule(redo)
    assert [row[:5] for row in _schedule(database, loan_id)] == [row[:5] for row in after]
    assert len(_rows(database, "repayment", loan_id)) == 11


def test_a_refused_prepayment_writes_nothing(ledger, database, loan_id):
    before = (_schedule(database, loan_id), _rows(database, "repayment", loan_id))
    with pytest.raises(InvalidValue) as refused:
        ledger.prepay(loan_id, paid_on=date(2026, 11, 20), amount_fen=1, keep=Keep.TERM)
    assert refused.value.field == "amount"
    assert (_schedule(database, loan_id), _rows(database, "repayment", loan_id)) == before


def test_new_terms_for_a_prepaid_loan_are_taken_only_when_the_schedule_may_be_rebuilt(ledger, database, loan_id):
    ledger.prepay(loan_id, paid_on=date(2026, 11, 20), amount_fen=100_000, keep=Keep.TERM)
    prepaid = _schedule(database, loan_id)
    edited = draft(borrowed_on=BORROWED, months=12)
    edited = replace(edited, terms=replace(edited.terms, principal_fen=1_300_000))
    with pytest.raises(InvalidValue) as refused:
        ledger.edit_loan(loan_id, edited)
    assert refused.value.field == "schedule" and "rebuilt after a part prepayment" in refused.value.reason
    assert _schedule(database, loan_id) == prepaid
    ledger.edit_loan(loan_id, replace(edited, note="a new note"), replace_schedule=True)
    assert len(_schedule(database, loan_id)) == 12
    with sqlite3.connect(database.path) as raw:
        assert raw.execute("SELECT schedule_source FROM loan").fetchone() == (ScheduleSource.COMPUTED.value,)


def test_the_platform_plan_replaces_the_schedule_refits_assumed_repayments_and_undo_puts_all_back(
    ledger, database, workspace, loan_id
):
    before = (_schedule(database, loan_id), _rows(database, "repayment", loan_id))
    computed = workspace.loan_detail(loan_id).schedule
    # The platform's figures: a few fen more interest each month, and a ¥5.00 fee.
    plan = [replace(_planned(line), interest_fen=line.interest_fen + 3, fee_fen=500) for line in computed]
    changes, swap = ledger.use_platform_plan(loan_id, plan)
    assert changes.loan_ids == {loan_id}
    detail = workspace.loan_detail(loan_id)
    assert [(line.total_fen, line.fee_fen) for line in detail.schedule] == [(i.total_fen, 500) for i in plan]
    # The ten installments the app had recorded as paid on schedule stay paid in full, at the platform's figures.
    assert [line.status for line in detail.schedule[:10]] == [InstallmentStatus.ON_TIME] * 10
    assert detail.summary.schedule_source is ScheduleSource.PLATFORM
    assert detail.summary.cost.apr > workspace.loans()[0].rate.annual
    ledger.swap_schedule(swap)
    assert (_schedule(database, loan_id), _rows(database, "repayment", loan_id)) == before


def test_a_plan_whose_principals_do_not_add_up_is_refused(ledger, database, workspace, loan_id):
    plan = [_planned(line) for line in workspace.loan_detail(loan_id).schedule][:-1]
    with pytest.raises(InvalidValue) as refused:
        ledger.use_platform_plan(loan_id, plan)
    assert refused.value.field == "plan" and "must add up to the loan's ¥12,000.00" in refused.value.reason


def _planned(line) -> PlannedInstallment:
    return PlannedInstallment(line.seq, line.due_on, line.principal_fen, line.interest_fen, line.fee_fen)


def test_a_last_installment_paid_late_with_its_penalty_is_taken_and_the_penalty_recorded(ledger, workspace):
    one = ledger.add_loan(draft(borrowed_on=date(2026, 9, 15), months=1)).created_id  # ¥12,072.00 due 10-15
    total = workspace.loan_detail(one).schedule[0].total_fen
    paid_on = date(2026, 10, 25)  # 10 days late: 1,200,000 × 0.0002 × 1.5 × 10 = 3,600 fen
    ledger.log_repayment(one, paid_on=paid_on, amount_fen=total + 3_600)
    line = workspace.loan_detail(one).schedule[0]
    assert (line.status, line.paid_fen) == (InstallmentStatus.LATE, total)
    with pytest.raises(InvalidValue) as refused:  # a fen beyond the penalty is more than is owed
        ledger.log_repayment(
            ledger.add_loan(draft("微粒贷", borrowed_on=date(2026, 9, 15), months=1)).created_id,
            paid_on=paid_on,
            amount_fen=total + 3_601,
        )
    assert "more than the ¥12,108.00 left to pay" in refused.value.reason
