"""The charts' health history kept between changes equals the history worked out afresh, whatever the change, and
a change makes only the months from its first day on be worked out again."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiebei_tracker.domain.book import Book
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.services.health import history_points
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.services.series.data import ChartData, demo_chart_data
from jiebei_tracker.services.series.health import health_series
from jiebei_tracker.services.session import Session
from jiebei_tracker.storage.book import load_book
from tests.conftest import TODAY
from tests.history_answers import assert_same_answers
from tests.ledger_operations import OPERATIONS, apply_operation, open_loans
from tests.scenarios import draft

FIRST = date(2025, 1, 1)


def _from_scratch(data: ChartData):
    """The health series read and scored afresh (what ChartData did after every change before)."""
    start = data.first_day().replace(day=1)
    return health_series(Session(database=data.database).score_history(start=start, end=TODAY), as_of=TODAY)


def _assert_same_as_from_scratch(data: ChartData) -> None:
    kept_records = _records_kept(data)
    kept = data.health()
    fresh = _from_scratch(data)
    assert (kept.days, kept.scores, kept.flag_ids) == (fresh.days, fresh.scores, fresh.flag_ids)
    assert kept.flag_periods == fresh.flag_periods
    if kept_records is not None:
        _assert_scores_as_read_afresh(kept_records, data)


def _records_kept(data: ChartData):
    """The rules' records ChartData kept and patched through the changes, as its next health job is handed them
    (None when it has none: it reads them afresh)."""
    jobs = data.health_jobs()
    return jobs[0].records if jobs else None


def _assert_scores_as_read_afresh(records, data: ChartData) -> None:
    """Patched records, with all they had worked out and carried through the change (which installments were
    late, how each loan stood on past days), answer as the records read afresh do, and score every month alike."""
    read = load_book(data.database)
    for name in ("loans", "repayments", "limits", "notes", "platform_kinds"):
        assert getattr(records, name) == getattr(read, name), name
    start, settings = data.first_day().replace(day=1), data.settings
    assert_same_answers(records, read, [*_month_ends(start), TODAY], grace_days=settings.grace_days)
    assert history_points(records, start=start, end=TODAY, settings=settings) == history_points(
        read, start=start, end=TODAY, settings=settings
    )


def _month_ends(start: date) -> list[date]:
    ends, month = [], start
    while month <= TODAY:
        month = (month + timedelta(days=32)).replace(day=1)
        ends.append(month - timedelta(days=1))
    return ends


def _months_asked(data: ChartData) -> list[tuple[date, date]]:
    return [(job.start, job.end) for job in data.health_jobs()]


@pytest.fixture
def demo(tmp_path):
    data = demo_chart_data(tmp_path, today=TODAY, years=2, loans=40, seed=7)
    data.health()
    yield data, Ledger(database=data.database, today=lambda: TODAY)
    data.database.close()


def test_a_repayment_made_today_works_out_only_this_month_again(demo):
    data, ledger = demo
    loan = open_loans(data.database)[0]
    data.refresh(ledger.log_repayment(loan.loan_id, paid_on=TODAY, amount_fen=loan.next_due_fen))
    assert _months_asked(data) == [(date(2026, 11, 1), TODAY)]
    _assert_same_as_from_scratch(data)


def test_a_loan_borrowed_long_ago_works_out_the_months_from_its_day_on_again(demo):
    data, ledger = demo
    data.refresh(ledger.add_loan(draft("借呗", borrowed_on=date(2025, 6, 3), principal_yuan=900, months=3)))
    assert _months_asked(data)[-1] == (date(2025, 6, 1), date(2025, 11, 30))
    assert data.health_so_far().days[-1] == date(2025, 5, 31)  # the months before it are kept
    _assert_same_as_from_scratch(data)


def test_a_backdated_repayment_and_its_deletion_count_from_its_day(demo):
    data, ledger = demo
    loan = open_loans(data.database)[0]
    paid_on = max(loan.borrowed_on, date(2026, 9, 14))
    changes = ledger.log_repayment(loan.loan_id, paid_on=paid_on, amount_fen=100)
    data.refresh(changes)
    assert _months_asked(data)[-1][0] == paid_on.replace(day=1)
    _assert_same_as_from_scratch(data)
    repayment_id = max(load_book(data.database, loan_ids=[loan.loan_id]).repayments.repayment_ids)
    data.refresh(ledger.delete_repayment(repayment_id))
    _assert_same_as_from_scratch(data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations=st.lists(st.sampled_from(OPERATIONS), min_size=1, max_size=4), data=st.data())
def test_the_kept_health_history_equals_a_fresh_one_after_any_change(operations, data):
    with tempfile.TemporaryDirectory() as folder:
        chart_data = demo_chart_data(Path(folder), today=TODAY, years=2, loans=25, seed=11)
        try:
            chart_data.health()
            ledger = Ledger(database=chart_data.database, today=lambda: TODAY)
            for operation in operations:
                try:
                    changes = apply_operation(operation, data.draw, chart_data.database, ledger, chart_data.refresh)
                except InvalidValue:
                    continue  # the ledger refused it (too early a day, too much paid): nothing changed
                if changes is not None:
                    chart_data.refresh(changes)
                    _assert_same_as_from_scratch(chart_data)
        finally:
            chart_data.database.close()


def test_with_loans_replaced_without_any_cache_is_the_history_read_afresh(demo):
    data, ledger = demo
    before = load_book(data.database)  # nothing worked out on it yet
    loan = open_loans(data.database)[-1]
    changes = ledger.log_repayment(loan.loan_id, paid_on=TODAY, amount_fen=loan.next_due_fen)
    patched = before.with_loans_replaced(changes.loan_ids, load_book(data.database, loan_ids=changes.loan_ids))
    read = load_book(data.database)
    assert isinstance(patched, Book)
    assert (patched.loans, patched.repayments) == (read.loans, read.repayments)
    assert_same_answers(patched, read, [*_month_ends(data.first_day()), TODAY])


def test_moving_a_loan_later_works_out_the_months_from_its_old_day_on_again(demo):
    data, ledger = demo
    created = ledger.add_loan(draft("借呗", borrowed_on=date(2025, 3, 3), principal_yuan=900, months=3))
    data.refresh(created)
    data.health()
    moved = draft("借呗", borrowed_on=date(2026, 2, 3), principal_yuan=900, months=3)
    data.refresh(ledger.edit_loan(created.created_id, moved))
    assert _months_asked(data)[-1][0] == date(2025, 3, 1)
    _assert_same_as_from_scratch(data)
