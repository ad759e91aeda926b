"""The SQL that the dashboard and the loans list ask ("which installments are overdue?", storage/reads.py) gives the
domain's answer (domain/status.py, from the schedule and the repayments through the payment waterfall) on
generated histories, with and without grace days."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta

from jiebei_tracker.domain.payments import Payment, apply_payments
from jiebei_tracker.domain.schedule import PlannedInstallment
from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.services import dues
from jiebei_tracker.services.demo import generate_history
from jiebei_tracker.storage import reads
from tests.conftest import TODAY
from tests.scenarios import draft

OVERDUE = InstallmentStatus.OVERDUE


def _domain_statuses(database, *, today: date, grace_days: int) -> dict[int, dict[int, tuple[InstallmentStatus, int]]]:
    """Per loan, per installment: its status and what is left on it, from the schedule and the repayments alone."""
    schedules, payments = defaultdict(list), defaultdict(list)
    with database.read() as connection:
        for loan_id, seq, due_on, principal, interest in connection.execute(
            "SELECT loan_id, seq, due_on, principal_fen, interest_fen FROM installment ORDER BY loan_id, seq"
        ):
            schedules[loan_id].append(PlannedInstallment(seq, date.fromisoformat(due_on), principal, interest))
        for loan_id, paid_on, amount, is_payoff in connection.execute(
            "SELECT loan_id, paid_on, amount_fen, is_payoff FROM repayment ORDER BY id"
        ):
            payments[loan_id].append(Payment(date.fromisoformat(paid_on), amount, bool(is_payoff)))
    return {
        loan_id: {
            state.seq: (state.status(today, grace_days), state.remaining_fen)
            for state in apply_payments(schedule, payments[loan_id]).states
        }
        for loan_id, schedule in schedules.items()
    }


@pytest.fixture(scope="module")
def history_db(tmp_path_factory):
    from jiebei_tracker.services.ledger import Ledger
    from jiebei_tracker.storage.database import open_database

    database = open_database(tmp_path_factory.mktemp("overdue") / "tracker.db", backups=False)
    history = generate_history(today=TODAY, years=3, loans=120, seed=7)
    ledger = Ledger(database=database, today=lambda: TODAY)
    ledger.add_history(history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds)
    for days in (0, 1, 3, 4, 10, 11):  # unpaid installments falling due on the edges of each grace setting
        first_due = TODAY - timedelta(days=days)
        ledger.add_loan(draft("边界", borrowed_on=first_due - relativedelta(months=1)))
    yield database
    database.close()


@pytest.mark.parametrize("grace_days", [0, 3, 10])
def test_the_sql_of_overdue_is_the_domains(history_db, grace_days):
    domain = _domain_statuses(history_db, today=TODAY, grace_days=grace_days)
    overdue = {
        loan_id: [(seq, left) for seq, (status, left) in states.items() if status is OVERDUE]
        for loan_id, states in domain.items()
    }
    open_loans = {loan_id for loan_id, states in domain.items() if any(left for _status, left in states.values())}
    assert any(overdue.values()) and open_loans  # the history has overdue installments to compare

    with history_db.read() as connection:
        rows = reads.loan_rows(connection, today=TODAY, grace_days=grace_days)
        totals = reads.open_totals(connection, today=TODAY, grace_days=grace_days)
        filtered = {
            status: set(
                reads.loan_ids(connection, today=TODAY, grace_days=grace_days, where=reads.LoanFilter(status=status))
            )
            for status in ("overdue", "active", "settled")
        }
    assert {row.loan_id: row.overdue_count for row in rows} == {k: len(v) for k, v in overdue.items()}
    late = {loan_id for loan_id, found in overdue.items() if found}
    assert (totals.overdue_loans, totals.overdue_installments, totals.overdue_fen) == (
        len(late),
        sum(len(found) for found in overdue.values()),
        sum(left for found in overdue.values() for _seq, left in found),
    )
    assert filtered == {"overdue": late, "active": open_loans - late, "settled": set(domain) - open_loans}

    listed = dues.due_installments(history_db, today=TODAY, days=30, grace_days=grace_days)
    assert listed and all(d.status is domain[d.loan_id][d.seq][0] for d in listed)
    assert {(d.loan_id, d.seq) for d in listed if d.status is OVERDUE} == {
        (loan_id, seq) for loan_id, found in overdue.items() for seq, _left in found
    }
    assert all(d.due_on <= TODAY + timedelta(days=30) for d in listed)
