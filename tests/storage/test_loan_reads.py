"""The loans list's queries, and the dashboard's totals, read the open installments from their partial index alone,
never the table."""

from __future__ import annotations

import pytest

from jiebei_tracker.storage.reads import LOAN_SORT_KEYS, LoanFilter, loan_ids, open_totals
from tests.conftest import TODAY


class _Recording:
    """A connection that keeps each statement it runs, to ask SQLite for its plan afterwards."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.statements: list[tuple[str, dict]] = []

    def execute(self, sql, params=()):
        self.statements.append((sql, params))
        return self.connection.execute(sql, params)


def _plan(database, read=loan_ids, **query) -> list[str]:
    with database.read() as connection:
        recording = _Recording(connection)
        read(recording, today=TODAY, **query)
        ((sql, params),) = recording.statements
        return [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, params)]


@pytest.mark.parametrize("sort", ["outstanding", "next_due_on", "next_due_fen", "status"])
def test_sorting_by_a_figure_of_the_open_installments_reads_only_their_index(database, sort):
    installment_steps = [step for step in _plan(database, sort=sort) if " installment " in f" {step} "]
    assert installment_steps == ["SCAN installment USING COVERING INDEX ix_installment_open_by_loan"]


@pytest.mark.parametrize("status", ["active", "overdue", "settled"])
def test_the_status_filters_read_only_the_open_installments_index(database, status):
    steps = [step for step in _plan(database, where=LoanFilter(status=status)) if " installment " in f" {step} "]
    assert steps and all(step.endswith("COVERING INDEX ix_installment_open_by_loan") for step in steps), steps


def test_sorting_by_a_column_of_the_loan_reads_no_installment(database):
    for sort in set(LOAN_SORT_KEYS) - {"outstanding", "next_due_on", "next_due_fen", "status"}:
        assert not [step for step in _plan(database, sort=sort) if "installment" in step], sort


def test_a_text_filter_reads_the_loans_in_storage_order_not_through_the_sort_index(database):
    """The note is only in the row: walking an index and reading each row out of order is ~5x slower."""
    steps = _plan(database, where=LoanFilter(text="car"), sort="borrowed_on")
    assert steps[0] == "SCAN loan" and "USE TEMP B-TREE FOR ORDER BY" in steps


def test_the_dashboard_totals_read_only_the_open_installments_index(database):
    steps = [step for step in _plan(database, read=open_totals) if " installment " in f" {step} "]
    assert steps == ["SCAN installment USING COVERING INDEX ix_installment_open_by_loan"]
