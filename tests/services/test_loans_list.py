"""The loans list's order and filters from SQL, held to the same order computed in Python from the loans' figures."""

from __future__ import annotations

from datetime import date

import pytest

from jiebei_tracker.domain.vocabulary import LoanStatus
from jiebei_tracker.services.loans import LoanQuery, LoanSummary
from jiebei_tracker.storage.reads import LOAN_SORT_KEYS
from tests.conftest import TODAY
from tests.scenarios import draft

_STATUS_RANK = {LoanStatus.OVERDUE: 0, LoanStatus.ACTIVE: 1, LoanStatus.SETTLED: 2}
# A figure of each sort key; None (no open installment) goes last in either direction.
_FIGURE = {
    "platform": lambda loan: loan.platform,
    "borrowed_on": lambda loan: loan.borrowed_on,
    "principal": lambda loan: loan.principal_fen,
    "term": lambda loan: loan.term_months,
    "method": lambda loan: loan.method.value,
    "rate": lambda loan: float(loan.rate.annual),
    "outstanding": lambda loan: loan.outstanding_fen,
    "next_due_on": lambda loan: loan.next_due_on,
    "next_due_fen": lambda loan: loan.next_due_fen,
    "status": lambda loan: _STATUS_RANK[loan.status],
}


def _python_order(loans: list[LoanSummary], sort: str, descending: bool) -> list[int]:
    figure = _FIGURE[sort]
    known = sorted((loan for loan in loans if figure(loan) is not None), key=lambda loan: (figure(loan), loan.loan_id))
    unknown = sorted((loan for loan in loans if figure(loan) is None), key=lambda loan: loan.loan_id)
    if descending:
        known.reverse()
        unknown.reverse()
    return [loan.loan_id for loan in known + unknown]


@pytest.fixture
def loans(workspace) -> list[LoanSummary]:
    """Loans with every status and many ties: same platform, principal, day, outstanding, next due, status."""
    ledger = workspace.ledger
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 10), months=6))
    paid_one = ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 10), months=6)).created_id
    ledger.log_repayment(paid_one, paid_on=date(2026, 11, 10), amount_fen=210_000)
    for borrowed_on, months in ((date(2025, 3, 1), 1), (date(2024, 1, 15), 3)):
        settled = ledger.add_loan(draft("微粒贷", borrowed_on=borrowed_on, months=months, principal_yuan=5_000))
        ledger.pay_off(settled.created_id, paid_on=borrowed_on.replace(day=20))
    twin = draft(
        "招商银行", borrowed_on=date(2026, 11, 20), principal_yuan=6_000, method="equal_principal", daily="0.0002"
    )
    ledger.add_loan(twin)
    ledger.add_loan(twin)
    part_paid = ledger.add_loan(draft("京东金条", borrowed_on=date(2026, 6, 1), months=3, principal_yuan=3_000))
    ledger.log_repayment(part_paid.created_id, paid_on=date(2026, 7, 1), amount_fen=40_000)
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 9, 1), principal_yuan=12_000, annual="0.1"))
    summaries = workspace.loans()
    assert {loan.status for loan in summaries} == set(LoanStatus)
    return summaries


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort", LOAN_SORT_KEYS)
def test_each_sort_matches_the_order_computed_in_python(workspace, loans, sort, descending):
    assert workspace.loan_ids(LoanQuery(sort=sort, descending=descending)) == _python_order(loans, sort, descending)


@pytest.mark.parametrize("status", list(LoanStatus))
@pytest.mark.parametrize("sort", ["outstanding", "next_due_on", "status"])
def test_status_filters_keep_the_order(workspace, loans, status, sort):
    matching = [loan for loan in loans if loan.status is status]
    assert matching
    ids = workspace.loan_ids(LoanQuery(status=status, sort=sort, descending=True))
    assert ids == _python_order(matching, sort, descending=True)


def test_grace_days_move_a_loan_from_overdue_to_active(workspace, loans):
    late = min(loan.next_due_on for loan in loans if loan.status is LoanStatus.OVERDUE)
    workspace.grace_days = (TODAY - late).days
    relaxed = workspace.loans()
    assert sum(loan.status is LoanStatus.OVERDUE for loan in relaxed) < sum(
        loan.status is LoanStatus.OVERDUE for loan in loans
    )
    ids = workspace.loan_ids(LoanQuery(sort="status", descending=False))
    assert ids == _python_order(relaxed, "status", descending=False)


@pytest.mark.parametrize("sort", LOAN_SORT_KEYS)
def test_text_filter_keeps_each_order(workspace, loans, sort):
    for text, matches in [
        ("借呗", lambda loan: loan.platform == "借呗"),
        ("2026-1", lambda loan: loan.borrowed_on.isoformat().startswith("2026-1")),
    ]:
        matching = [loan for loan in loans if matches(loan)]
        assert 1 < len(matching) < len(loans)
        ids = workspace.loan_ids(LoanQuery(text=text, sort=sort, descending=False))
        assert ids == _python_order(matching, sort, descending=False), text
