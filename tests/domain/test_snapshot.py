"""Snapshots: the records as they stood on a day, equal to replaying only the repayments made by then."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tracker.domain.book import Book
from jiebei_tracker.domain.payments import Payment, apply_payments
from jiebei_tracker.domain.schedule import PlannedInstallment
from jiebei_tracker.domain.vocabulary import NoteKind
from tests.domain.records_builder import Records
from tests.history_answers import assert_same_answers

START = date(2025, 1, 31)

payment = st.tuples(st.integers(0, 500), st.integers(1, 900_000), st.just(False))
payoff = st.tuples(st.integers(0, 500), st.integers(1, 900_000), st.just(True))


@settings(max_examples=150, deadline=None)
@given(
    months=st.integers(1, 12),
    method=st.sampled_from(["equal_installment", "equal_principal", "interest_first", "bullet"]),
    paid=st.lists(payment, max_size=14),
    payoffs=st.lists(payoff, max_size=1),
    as_of_days=st.lists(st.integers(-5, 520), min_size=1, max_size=6),
)
def test_a_snapshot_equals_replaying_the_repayments_made_by_its_date(months, method, paid, payoffs, as_of_days):
    records = Records()
    payments = [(START + timedelta(days=days), fen, is_payoff) for days, fen, is_payoff in [*paid, *payoffs]]
    loan = records.loan(borrowed_on=START, principal_yuan=30_000, months=months, method=method, payments=payments)
    history = records.history()
    schedule = [PlannedInstallment(i.seq, i.due_on, i.principal_fen, i.interest_fen) for i in loan.installments]
    for days in as_of_days:
        as_of = START + timedelta(days=days)
        snapshot = history.snapshot(as_of)
        if as_of < START:
            assert snapshot.loans == ()
            continue
        expected = apply_payments(schedule, [Payment(*p) for p in payments], as_of=as_of).states
        got = snapshot.loans[0].installments
        assert [(i.paid_interest_fen, i.paid_principal_fen, i.settled_on) for i in got] == [
            (s.paid_interest_fen, s.paid_principal_fen, s.settled_on if s.is_settled(as_of) else None) for s in expected
        ]
        assert len(snapshot.repayments) == sum(1 for p in payments if p[0] <= as_of)


def test_records_made_after_the_day_do_not_exist_yet():
    records = Records()
    records.loan(borrowed_on=date(2026, 1, 5))
    records.loan(borrowed_on=date(2026, 6, 5))
    records.limit("借呗", date(2026, 3, 1), 50_000)
    records.limit("借呗", date(2026, 7, 1), 20_000)
    records.note(date(2026, 2, 1), NoteKind.GUARANTEE, resolved_on=date(2026, 8, 1))
    records.note(date(2026, 7, 1), NoteKind.INQUIRY)
    snapshot = records.snapshot(date(2026, 6, 30))
    assert [loan.loan_id for loan in snapshot.loans] == [1, 2]
    assert snapshot.limit_on("借呗", date(2026, 6, 30)) == 5_000_000
    assert [(n.note_id, n.resolved_on) for n in snapshot.notes] == [(1, None)]
    assert [loan.loan_id for loan in records.snapshot(date(2026, 6, 4)).loans] == [1]


loan_plan = st.tuples(
    st.integers(0, 400),  # borrowed, days after START
    st.integers(1, 6),  # months
    st.lists(st.tuples(st.integers(1, 6), st.integers(-3, 6)), max_size=6),  # (seq, days after due) paid in full
)


@settings(max_examples=100, deadline=None)
@given(
    plans=st.lists(loan_plan, min_size=1, max_size=6),
    as_of_days=st.lists(st.integers(0, 700), min_size=1, max_size=4),
    grace=st.integers(0, 3),
    window=st.tuples(st.integers(-30, 700), st.integers(0, 400)),
    cover_days=st.integers(0, 30),
)
def test_the_indexes_the_rules_use_give_what_a_scan_of_the_snapshot_gives(plans, as_of_days, grace, window, cover_days):
    """late_history's and revolving's lookups against the plain scans they replace."""
    records = Records()
    for borrowed, months, paid in plans:
        seqs = {}
        for seq, days in paid:
            seqs.setdefault(min(seq, months), days)  # each installment paid once, in seq order
        records.loan(
            borrowed_on=START + timedelta(days=borrowed), months=months, paid=sorted(seqs.items()), principal_yuan=6_000
        )
    history = records.history()
    first, length = START + timedelta(days=window[0]), window[1]
    for days in as_of_days:
        relevant = history.without_loans_closed_before(START + timedelta(days=days))
        # It keeps what the whole history worked out about its loans (when each closed): it must answer as if
        # made afresh from its records, on its first day and after.
        afresh = Book(relevant.loans, relevant.repayments, relevant.limits, relevant.notes, relevant.platform_kinds)
        day = START + timedelta(days=days)
        assert_same_answers(
            relevant, afresh, [day, day + timedelta(days=45), day + timedelta(days=400)], grace_days=grace
        )
        snapshot = history.snapshot(START + timedelta(days=days), grace_days=grace)
        last = first + timedelta(days=length)
        assert snapshot.installments_settled_late_between(first, last) == [
            i
            for i in snapshot.installments_settled_between(first, last)
            if i.settled_on > i.due_on + timedelta(days=grace)
        ]
        for loan in snapshot.loans:
            borrowed = loan.borrowed_on
            assert snapshot.installments_due_between_for(loan, cover_days) == [
                i
                for i in snapshot.installments_due_between(borrowed, borrowed + timedelta(days=cover_days))
                if i.loan_id != loan.loan_id
                and (i.settled_on is None or i.settled_on >= borrowed)
                and snapshot.loans_by_id[i.loan_id].borrowed_on < borrowed
            ]
            assert (
                snapshot.installments_due_between_for(loan, cover_days, limit=2)
                == (snapshot.installments_due_between_for(loan, cover_days)[:2])
            )
        assert snapshot.open_loans == tuple(loan for loan in snapshot.loans if snapshot.is_open(loan))


def test_the_indexes_draw_their_lines_where_the_rules_do():
    """Settled exactly on due + grace is not late, a day later is; an installment settled on the day another loan
    was borrowed was still unpaid that day, one settled the day before was not."""
    records = Records()
    late = records.loan(borrowed_on=START, months=3, paid=[(1, 2), (2, 3)])
    snapshot = records.history().snapshot(late.installments[2].due_on, grace_days=2)
    assert [i.seq for i in snapshot.installments_settled_late_between(START, snapshot.as_of)] == [2]

    records = Records()
    on_the_day = records.loan(borrowed_on=START, months=2, paid=[(1, -3)])
    the_day_before = records.loan(borrowed_on=START, months=2, paid=[(1, -4)])
    due = on_the_day.installments[0].due_on
    new = records.loan(borrowed_on=due - timedelta(days=3), months=1)
    snapshot = records.history().snapshot(due + timedelta(days=10))
    assert the_day_before.installments[0].due_on == due
    assert snapshot.installments_due_between_for(snapshot.loans_by_id[new.loan_id], 7) == [
        snapshot.loans_by_id[on_the_day.loan_id].installments[0]
    ]
