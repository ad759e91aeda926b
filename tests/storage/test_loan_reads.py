"""The loans list's queries, and the dashboard's totals, read the open installments from their partial index alone,
never the table: however many settled installments a file holds, they cost these reads nothing."""

from __future__ import annotations

from datetime import date

import pytest

from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.storage.database import Database, open_database
from jiebei_tracker.storage.reads import LOAN_SORT_KEYS, LoanFilter, loan_ids, open_totals
from tests.conftest import TODAY
from tests.scenarios import draft

# Counted in the SQLite virtual machine's steps (the driver's progress handler), not read off a query plan: a read
# that looked at an installment row would take at least one step for it.
OPEN_FIGURES = ["outstanding", "next_due_on", "next_due_fen", "status"]


def _steps(database, read=loan_ids, **query) -> int:
    """How many virtual machine steps one read of the loans list takes."""
    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0  # go on

    with database.read() as connection:
        connection.set_progress_handler(step, 1)
        try:
            read(connection, today=TODAY, **query)
        finally:
            connection.set_progress_handler(None, 1)
    return steps


def _books(tmp_path, name: str, *, settled_months: int, open_months: int = 3) -> Database:
    """Twelve loans repaid long ago over ``settled_months`` months each, and three open ones over ``open_months``:
    two files alike but for the number of installments of one kind."""
    database = open_database(tmp_path / f"{name}.db")
    ledger = Ledger(database=database, today=lambda: TODAY)
    for n in range(12):
        loan_id = ledger.add_loan(draft("借呗", borrowed_on=date(2024, 1, 1 + n), months=settled_months)).created_id
        ledger.pay_off(loan_id, paid_on=date(2024, 1, 20 + n))
    for n in range(3):
        ledger.add_loan(draft("微粒贷", borrowed_on=date(2026, 10, 1 + n), months=open_months))
    return database


@pytest.fixture
def few_and_many_settled(tmp_path):
    """The same loans, their settled ones over 1 month and over 12: 132 settled installments more in the second."""
    few, many = _books(tmp_path, "few", settled_months=1), _books(tmp_path, "many", settled_months=12)
    yield few, many, 12 * 11
    few.close()
    many.close()


@pytest.mark.parametrize("sort", OPEN_FIGURES)
def test_sorting_by_a_figure_of_the_open_installments_reads_none_of_the_settled_ones(few_and_many_settled, sort):
    few, many, more = few_and_many_settled
    assert _steps(many, sort=sort) - _steps(few, sort=sort) < more


@pytest.mark.parametrize("status", ["active", "overdue", "settled"])
def test_the_status_filters_read_none_of_the_settled_installments(few_and_many_settled, status):
    few, many, more = few_and_many_settled
    where = LoanFilter(status=status)
    assert _steps(many, where=where) - _steps(few, where=where) < more


def test_sorting_by_a_column_of_the_loan_reads_no_installment(tmp_path):
    few, many = _books(tmp_path, "few", settled_months=1), _books(tmp_path, "many", settled_months=12, open_months=36)
    try:
        for sort in set(LOAN_SORT_KEYS) - set(OPEN_FIGURES):
            assert _steps(many, sort=sort) - _steps(few, sort=sort) < 12 * 11 + 3 * 33, sort
    finally:
        few.close()
        many.close()


def test_the_dashboard_totals_read_none_of_the_settled_installments(few_and_many_settled):
    few, many, more = few_and_many_settled
    assert _steps(many, read=open_totals) - _steps(few, read=open_totals) < more
