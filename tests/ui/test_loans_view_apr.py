"""The loans list sorted by true APR: a click on its header orders the loans by what each truly costs a year (fees
included), a second click the other way, as the column shows it; loans whose APR cannot be worked out come last."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from jiebei_tracker.domain.prepay import Keep
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.schedule import Fees, LoanTerms
from jiebei_tracker.domain.vocabulary import LoanPurpose
from jiebei_tracker.services import loans as loans_service
from jiebei_tracker.services.loans import LoanQuery, find_loan_ids
from jiebei_tracker.ui.models.loans_model import APR_COLUMN, COLUMN_SORT_KEYS
from jiebei_tracker.ui.views.loans_view import LoansView
from tests.conftest import TODAY
from tests.scenarios import draft, terms


def _with_fees(platform: str, annual: str, fees: Fees) -> LoanDraft:
    plain = terms(annual=annual, borrowed_on=date(2026, 3, 1))
    with_fees = LoanTerms(
        plain.borrowed_on, plain.principal_fen, plain.term_months, plain.method, plain.rate, fees=fees
    )
    return LoanDraft(platform, with_fees, LoanPurpose.DAILY)


@pytest.fixture
def loans(workspace) -> dict[str, int]:
    """Five loans whose true APRs are not in the order of their rates (fees, a part prepayment)."""
    ledger = workspace.ledger
    made = {
        "plain 7.2%": ledger.add_loan(draft("借呗", annual="0.072", borrowed_on=date(2026, 1, 5))),
        "0% with a 0.65% monthly fee": ledger.add_loan(_with_fees("分期乐", "0", Fees(monthly_rate=Decimal("0.0065")))),
        "plain 18%": ledger.add_loan(draft("招商银行", annual="0.18", borrowed_on=date(2026, 2, 5))),
        "5% with a ¥600 fee kept back": ledger.add_loan(_with_fees("微粒贷", "0.05", Fees(upfront_fen=60_000))),
        "interest-free": ledger.add_loan(draft("京东金条", annual="0", borrowed_on=date(2026, 4, 5))),
    }
    ids = {name: changes.created_id for name, changes in made.items()}
    # A kept schedule is priced from itself: a part prepayment on the plain loan.
    ledger.prepay(ids["plain 7.2%"], paid_on=date(2026, 1, 20), amount_fen=200_000, keep=Keep.PAYMENT)
    return ids


def _click_header(view: LoansView, column: int) -> None:
    header = view.table.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)


def _shown(view: LoansView) -> list[tuple[int, Decimal]]:
    """Each row's loan and the true APR the column shows for it."""
    model = view.model
    rows = [model.record_at(row) for row in range(model.rowCount())]
    assert [model.index(row, APR_COLUMN).data() for row in range(model.rowCount())] == [
        f"{loan.cost.apr * 100:.2f}".rstrip("0").rstrip(".") + "%" for loan in rows
    ]
    return [(loan.loan_id, loan.cost.apr) for loan in rows]


def test_clicking_the_true_apr_header_sorts_by_it_both_ways(qtbot, workspace, loans):
    view = LoansView(workspace=workspace)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert COLUMN_SORT_KEYS[APR_COLUMN] == "apr"

    header = view.table.horizontalHeader()
    _click_header(view, APR_COLUMN)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (APR_COLUMN, Qt.SortOrder.AscendingOrder)
    assert view.model.query == LoanQuery(sort="apr", descending=False)
    ascending = _shown(view)
    aprs = [apr for _, apr in ascending]
    assert len(set(aprs)) == len(loans) and aprs == sorted(aprs)
    order = [loan for loan, _ in ascending]
    assert order[0] == loans["interest-free"]
    # The 0 % loan's monthly fee makes it dearer than the plain 7.2 % one (its rate alone would put it first).
    assert order.index(loans["plain 7.2%"]) < order.index(loans["0% with a 0.65% monthly fee"])

    _click_header(view, APR_COLUMN)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _shown(view) == list(reversed(ascending))


def test_the_apr_order_keeps_the_filter_and_puts_loans_without_one_last_either_way(
    workspace, database, loans, monkeypatch
):
    cannot = loans["plain 18%"]
    price = loans_service.true_cost_of

    def no_rate_for_one(terms, planned=None):
        if terms.rate.annual == Decimal("0.18"):
            raise ValueError("no rate of return")
        return price(terms, planned)

    monkeypatch.setattr(loans_service, "true_cost_of", no_rate_for_one)
    monkeypatch.setattr(loans_service, "_APR_OF_TERMS", {})  # what was worked out before, without the stand-in
    for descending in (False, True):
        ids = find_loan_ids(database, LoanQuery(sort="apr", descending=descending), today=TODAY)
        assert ids[-1] == cannot and len(ids) == len(loans)
    only = find_loan_ids(database, LoanQuery(platform="招商银行", sort="apr"), today=TODAY)
    assert only == [cannot]
