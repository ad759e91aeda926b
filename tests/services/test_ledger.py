"""The ledger: every write through it, each one transaction, bad values refused before anything is written."""

from __future__ import annotations

from datetime import date

import pytest

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanStatus, NoteKind, PlatformKind
from jiebei_tracker.services.credit import list_notes, list_platforms
from jiebei_tracker.services.loan_detail import loan_detail
from jiebei_tracker.services.loans import find_loan, list_loans
from tests.conftest import TODAY
from tests.scenarios import draft


def _detail(database, loan_id, as_of=TODAY):
    return loan_detail(database, loan_id, as_of=as_of, today=TODAY)


def test_add_loan_builds_its_schedule_and_reports_what_changed(ledger, database):
    changes = ledger.add_loan(draft(external_id="JB-1"))
    assert changes.created_id is not None
    assert changes.loan_ids == {changes.created_id}
    assert changes.loans_added_or_removed
    detail = _detail(database, changes.created_id)
    assert len(detail.schedule) == 12
    assert sum(line.principal_fen for line in detail.schedule) == 1_200_000
    assert find_loan(database, "JB-1") == changes.created_id
    assert find_loan(database, str(changes.created_id)) == changes.created_id


def test_new_platform_gets_a_kind_guessed_from_its_name(ledger, database):
    ledger.add_loan(draft("招商银行信用卡"))
    ledger.add_loan(draft("借呗"))
    kinds = {p.name: p.kind for p in list_platforms(database)}
    assert kinds == {"招商银行信用卡": PlatformKind.CREDIT_CARD, "借呗": PlatformKind.INTERNET}


def test_repayment_settles_installment_and_status_changes(ledger, database):
    loan_id = ledger.add_loan(draft(borrowed_on=date(2024, 1, 31))).created_id
    first = _detail(database, loan_id).schedule[0]
    assert first.status is InstallmentStatus.OVERDUE  # due 2024-02-29, nothing paid by 2026
    ledger.log_repayment(loan_id, paid_on=date(2024, 2, 29), amount_fen=first.total_fen)
    after = _detail(database, loan_id).schedule
    assert after[0].status is InstallmentStatus.ON_TIME
    assert after[0].paid_fen == first.total_fen
    assert after[1].status is InstallmentStatus.OVERDUE


def test_partial_payment_leaves_installment_open_and_overpayment_flows_on(ledger, database):
    loan_id = ledger.add_loan(draft(borrowed_on=date(2026, 10, 1))).created_id
    total = _detail(database, loan_id).schedule[0].total_fen
    ledger.log_repayment(loan_id, paid_on=date(2026, 10, 20), amount_fen=total - 100)
    lines = _detail(database, loan_id, as_of=date(2026, 10, 26)).schedule
    assert lines[0].paid_fen == total - 100
    assert lines[0].status is InstallmentStatus.UPCOMING
    assert _detail(database, loan_id).schedule[0].status is InstallmentStatus.OVERDUE  # due 11-01, still short
    ledger.log_repayment(loan_id, paid_on=date(2026, 10, 25), amount_fen=300)
    lines = _detail(database, loan_id).schedule
    assert lines[0].status is InstallmentStatus.ON_TIME
    assert lines[1].paid_fen == 200


def test_repayment_more_than_owed_is_refused_and_nothing_is_written(ledger, database):
    loan_id = ledger.add_loan(draft(principal_yuan=1000, months=1, method="bullet")).created_id
    before = _detail(database, loan_id)
    with pytest.raises(InvalidValue) as caught:
        ledger.log_repayment(loan_id, paid_on=date(2024, 2, 1), amount_fen=10_000_000)
    assert caught.value.field == "amount"
    assert "left to pay" in caught.value.reason
    assert _detail(database, loan_id) == before


@pytest.mark.parametrize(
    ("paid_on", "amount_fen", "field"),
    [(date(2023, 12, 31), 100, "paid_on"), (date(2026, 11, 29), 100, "paid_on"), (date(2024, 3, 1), 0, "amount")],
)
def test_impossible_repayments_are_refused(ledger, database, paid_on, amount_fen, field):
    loan_id = ledger.add_loan(draft()).created_id
    with pytest.raises(InvalidValue) as caught:
        ledger.log_repayment(loan_id, paid_on=paid_on, amount_fen=amount_fen)
    assert caught.value.field == field
    assert _detail(database, loan_id).repayments == []


def test_payoff_settles_every_open_installment_with_the_amount_paid(ledger, database):
    loan_id = ledger.add_loan(draft(borrowed_on=date(2026, 1, 10), months=12)).created_id
    schedule = _detail(database, loan_id).schedule
    for line in schedule[:3]:
        ledger.log_repayment(loan_id, paid_on=line.due_on, amount_fen=line.total_fen)
    ledger.pay_off(loan_id, paid_on=date(2026, 4, 20), amount_fen=950_000)
    detail = _detail(database, loan_id)
    assert detail.summary.status is LoanStatus.SETTLED
    assert detail.summary.outstanding_fen == 0
    statuses = [line.status for line in detail.schedule]
    assert statuses == [InstallmentStatus.ON_TIME] * 3 + [InstallmentStatus.SETTLED_EARLY] * 9
    assert detail.repayments[-1].is_payoff and detail.repayments[-1].amount_fen == 950_000
    with pytest.raises(InvalidValue, match="already settled"):
        ledger.log_repayment(loan_id, paid_on=date(2026, 5, 1), amount_fen=100)


def test_edit_loan_regenerates_schedule_and_reapplies_repayments(ledger, database):
    loan_id = ledger.add_loan(draft(borrowed_on=date(2026, 1, 10), months=12)).created_id
    ledger.log_repayment(loan_id, paid_on=date(2026, 2, 10), amount_fen=50_000)
    ledger.edit_loan(loan_id, draft(borrowed_on=date(2026, 1, 10), months=6, external_id="X"))
    detail = _detail(database, loan_id)
    assert len(detail.schedule) == 6
    assert detail.schedule[0].paid_fen == 50_000
    assert detail.summary.external_id == "X"


def test_edit_that_would_leave_repayments_unapplied_is_refused_and_rolled_back(ledger, database):
    loan_id = ledger.add_loan(draft(borrowed_on=date(2026, 1, 10), principal_yuan=12_000)).created_id
    ledger.log_repayment(loan_id, paid_on=date(2026, 2, 10), amount_fen=600_000)
    before = _detail(database, loan_id)
    with pytest.raises(InvalidValue):
        ledger.edit_loan(loan_id, draft(borrowed_on=date(2026, 1, 10), principal_yuan=1_000, months=1))
    assert _detail(database, loan_id) == before


def test_duplicate_external_id_is_refused(ledger):
    ledger.add_loan(draft(external_id="A1"))
    with pytest.raises(InvalidValue) as caught:
        ledger.add_loan(draft(external_id="A1"))
    assert caught.value.field == "loan_id"


def test_future_borrowing_date_is_refused(ledger, database):
    with pytest.raises(InvalidValue) as caught:
        ledger.add_loan(draft(borrowed_on=date(2026, 12, 1)))
    assert caught.value.field == "borrowed_on"
    assert list_loans(database, today=TODAY) == []


def test_delete_loan_removes_schedule_and_repayments(ledger, database):
    loan_id = ledger.add_loan(draft()).created_id
    ledger.log_repayment(loan_id, paid_on=date(2024, 2, 15), amount_fen=1000)
    changes = ledger.delete_loan(loan_id)
    assert changes.loans_added_or_removed and loan_id in changes.loan_ids
    assert list_loans(database, today=TODAY) == []
    with database.engine.connect() as connection:
        counts = [
            connection.exec_driver_sql(f"SELECT COUNT(*) FROM {name}").scalar() for name in ("installment", "repayment")
        ]
    assert counts == [0, 0]


def test_correcting_one_installment_keeps_principals_adding_up(ledger, database):
    loan_id = ledger.add_loan(draft(months=3)).created_id
    before = _detail(database, loan_id).schedule
    ledger.correct_installment(loan_id, 1, principal_fen=before[0].principal_fen + 5, interest_fen=7_000)
    after = _detail(database, loan_id).schedule
    assert after[0].interest_fen == 7_000 and after[0].corrected
    assert sum(line.principal_fen for line in after) == 1_200_000
    assert after[-1].principal_fen == before[-1].principal_fen - 5


def test_limits_and_notes(ledger, database):
    ledger.record_limit("借呗", recorded_on=date(2025, 1, 1), limit_fen=5_000_000)
    ledger.record_limit("借呗", recorded_on=date(2025, 6, 1), limit_fen=3_000_000)
    (platform,) = list_platforms(database)
    assert [c.change_fen for c in platform.limits] == [None, -2_000_000]
    note_id = ledger.add_note(noted_on=date(2025, 3, 1), kind=NoteKind.INQUIRY, text=" 银行查询 ").created_id
    ledger.resolve_note(note_id)
    (note,) = list_notes(database)
    assert (note.text, note.resolved, note.resolved_on) == ("银行查询", True, TODAY)
    with pytest.raises(InvalidValue):
        ledger.record_limit("借呗", recorded_on=date(2025, 7, 1), limit_fen=-1)
    with pytest.raises(InvalidValue):
        ledger.add_note(noted_on=date(2025, 3, 1), kind=NoteKind.OTHER, text="  ")


def test_a_limit_record_is_corrected_deleted_and_put_back_with_its_note(ledger, database):
    ledger.record_limit("借呗", recorded_on=date(2025, 1, 1), limit_fen=5_000_000, note="首次开通")
    cut = ledger.record_limit("借呗", recorded_on=date(2025, 6, 1), limit_fen=3_000_000, note="短信通知降额").created_id
    (platform,) = list_platforms(database)
    assert [(c.limit_id, c.note) for c in platform.limits] == [(1, "首次开通"), (cut, "短信通知降额")]
    changes = ledger.edit_limit(cut, recorded_on=date(2025, 6, 2), limit_fen=2_500_000, note="看错了，是 2.5 万")
    assert changes.limits and changes.who == "edit_limit"
    (platform,) = list_platforms(database)
    assert (platform.limits[-1].recorded_on, platform.limits[-1].change_fen, platform.limits[-1].note) == (
        date(2025, 6, 2),
        -2_500_000,
        "看错了，是 2.5 万",
    )
    with pytest.raises(InvalidValue) as refused:
        ledger.edit_limit(cut, recorded_on=date(2025, 6, 2), limit_fen=-1)
    assert refused.value.field == "limit"
    changes, deleted = ledger.delete_limit_undoably(cut)
    assert [c.limit_fen for c in list_platforms(database)[0].limits] == [5_000_000]
    ledger.restore_limit(deleted)
    assert [(c.limit_fen, c.note) for c in list_platforms(database)[0].limits][-1] == (2_500_000, "看错了，是 2.5 万")
    ledger.delete_limit(cut)
    with pytest.raises(InvalidValue):
        ledger.delete_limit(cut)


def test_set_platform_kind(ledger, database):
    ledger.set_platform_kind("老王", PlatformKind.PRIVATE)
    assert [(p.name, p.kind) for p in list_platforms(database)] == [("老王", PlatformKind.PRIVATE)]


def test_a_failure_midway_through_a_write_leaves_nothing_behind(ledger, database, monkeypatch):
    import jiebei_tracker.services.ledger as ledger_module

    def broken_insert(session, loan_id, schedule):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ledger_module, "insert_schedule", broken_insert)
    with pytest.raises(RuntimeError):
        ledger.add_loan(draft("新平台"))
    assert list_loans(database, today=TODAY) == []
    assert list_platforms(database) == []
