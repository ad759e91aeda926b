"""The loans list: lazy fetching, filters and sorting done in SQL, and changes that refresh only what they touch."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.vocabulary import LoanStatus
from jiebei_tracker.services.ledger import HistoricLoan
from jiebei_tracker.services.loans import LoanQuery
from jiebei_tracker.ui.main_window import LOANS
from jiebei_tracker.ui.models.loans_model import COLUMN_SORT_KEYS, LoansTableModel
from jiebei_tracker.ui.views.loans_view import LoansView
from tests.conftest import TODAY
from tests.scenarios import draft, terms


def _many(workspace, count: int) -> None:
    """``count`` loans on three platforms, one borrowed each day going back from TODAY."""
    platforms = ("借呗", "微粒贷", "招商银行")
    loans = [
        HistoricLoan(
            LoanDraft(
                platforms[n % 3], terms(borrowed_on=TODAY - timedelta(days=n + 1), principal_yuan=1_000 + n, months=3)
            )
        )
        for n in range(count)
    ]
    workspace.ledger.add_history(loans)


@pytest.fixture
def view(qtbot, workspace):
    loans = LoansView(workspace=workspace)
    qtbot.addWidget(loans)
    return loans


def test_nothing_is_read_until_the_page_is_shown(qtbot, workspace):
    asked = []
    model = LoansTableModel(fetch_ids=lambda query: asked.append(query) or [], fetch_rows=workspace.loans)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert asked == [] and model.query.sort == "platform"
    model.refresh()
    assert len(asked) == 1


def test_rows_are_fetched_a_page_at_a_time(view, workspace, qtbot, qtmodeltester):
    _many(workspace, 450)
    view.show()
    model = view.model
    assert (model.rowCount(), model.matching_count()) == (200, 450)
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert [model.record_at(row).borrowed_on for row in (0, 449)] == [
        TODAY - timedelta(days=1),
        TODAY - timedelta(days=450),
    ]
    qtmodeltester.check(model)


def test_scrolling_to_the_end_fetches_more(view, workspace, qtbot):
    _many(workspace, 450)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() > 200)


def test_filters_by_platform_status_and_text(view, workspace, screenshot):
    ledger = workspace.ledger
    ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 10), months=6, note="for the car repair"))
    settled = ledger.add_loan(draft("微粒贷", borrowed_on=date(2025, 3, 1), months=1, principal_yuan=5_000))
    ledger.pay_off(settled.created_id, paid_on=date(2025, 3, 20))
    ledger.add_loan(draft("招商银行", borrowed_on=date(2026, 11, 20), method="equal_principal", external_id="CMB-77"))
    view.show()
    platforms = [view.model.record_at(row).platform for row in range(view.model.rowCount())]
    assert platforms == ["招商银行", "借呗", "微粒贷"]
    assert [view.platform.itemText(i) for i in range(view.platform.count())] == [
        "All platforms", "借呗", "微粒贷", "招商银行"
    ]  # fmt: skip

    def shown() -> list[str]:
        view.apply_filter()
        return sorted(view.model.record_at(row).platform for row in range(view.model.rowCount()))

    view.platform.setCurrentIndex(view.platform.findData("借呗"))
    assert shown() == ["借呗"]
    view.platform.setCurrentIndex(0)
    view.status.setCurrentIndex(view.status.findData(LoanStatus.OVERDUE.value))
    assert shown() == ["借呗"]
    view.status.setCurrentIndex(view.status.findData(LoanStatus.SETTLED.value))
    assert shown() == ["微粒贷"]
    view.status.setCurrentIndex(view.status.findData(LoanStatus.ACTIVE.value))
    assert shown() == ["招商银行"]
    view.status.setCurrentIndex(0)
    for text, expected in [
        ("car", ["借呗"]),  # the note
        ("cmb-77", ["招商银行"]),  # the platform's loan number, any case
        ("2025-03", ["微粒贷"]),  # the borrowing date
        ("5000", ["微粒贷"]),  # the principal
        ("等额本金", ["招商银行"]),  # the method, by its Chinese name
        ("Equal principal", ["招商银行"]),
        ("nothing like this", []),
    ]:
        view.search.setText(text)
        assert shown() == expected, text
    assert view.body.currentWidget() is view.empty
    assert view.empty.text() == "No loan matches the filter."
    screenshot(view, "loans-filter-nothing-en")


def test_typing_filters_after_a_short_pause(view, workspace, qtbot):
    workspace.ledger.add_loan(draft("借呗"))
    workspace.ledger.add_loan(draft("招商银行"))
    view.show()
    view.search.setText("招商")
    assert view.model.rowCount() == 2  # not yet: typing goes on
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.count.text() == "1 loans"


def test_clicking_a_header_sorts_in_sql(view, workspace):
    ledger = workspace.ledger
    ledger.add_loan(draft("微粒贷", principal_yuan=9_000))
    ledger.add_loan(draft("借呗", principal_yuan=3_000))
    ledger.add_loan(draft("招商银行", principal_yuan=6_000))
    view.show()
    header = view.table.horizontalHeader()
    header.setSortIndicator(COLUMN_SORT_KEYS.index("principal"), Qt.SortOrder.AscendingOrder)
    assert [view.model.record_at(r).principal_fen for r in range(3)] == [300_000, 600_000, 900_000]
    assert view.model.query == LoanQuery(sort="principal", descending=False)
    header.setSortIndicator(COLUMN_SORT_KEYS.index("platform"), Qt.SortOrder.DescendingOrder)
    assert [view.model.record_at(r).platform for r in range(3)] == ["招商银行", "微粒贷", "借呗"]


def test_a_change_refreshes_only_the_loans_it_names(qtbot, workspace, make_window, monkeypatch):
    ids = [workspace.ledger.add_loan(draft(name, borrowed_on=date(2026, 10, n))).created_id for n, name in
           enumerate(("借呗", "微粒贷", "招商银行"), start=1)]  # fmt: skip
    fetched: list[list[int]] = []
    read_rows = workspace.loans

    def noted_read(loan_ids=None):  # what the list reads its rows with
        fetched.append(None if loan_ids is None else list(loan_ids))
        return read_rows(loan_ids)

    monkeypatch.setattr(workspace, "loans", noted_read)
    window = make_window(workspace)
    window.show_page(LOANS)
    model = window.loans_view.model
    fetched.clear()  # the first page
    reset = []
    model.modelReset.connect(lambda: reset.append(True))

    with qtbot.waitSignal(model.dataChanged):
        window.hub.run(lambda: workspace.ledger.log_repayment(ids[1], paid_on=TODAY, amount_fen=10_000))
    assert fetched == [[ids[1]]]

    new = window.hub.run(lambda: workspace.ledger.add_loan(draft("京东金条", borrowed_on=date(2026, 10, 2)))).created_id
    assert [model.record_at(r).loan_id for r in range(model.rowCount())] == [ids[2], new, ids[1], ids[0]]
    window.hub.run(lambda: workspace.ledger.delete_loan(ids[2]))
    assert [model.record_at(r).loan_id for r in range(model.rowCount())] == [new, ids[1], ids[0]]
    assert reset == []  # never a full reload
    assert window.loans_view.count.text() == "3 loans"


def test_double_click_opens_the_loan(window, workspace):
    loan_id = workspace.ledger.add_loan(draft()).created_id
    window.show_page(LOANS)
    window.loans_view.table.doubleClicked.emit(window.loans_view.model.index(0, 3))
    assert window.detail_dialogs[loan_id].isVisible()


def test_the_empty_list_says_how_to_start(view):
    view.show()
    assert view.body.currentWidget() is view.empty
    assert "New loan (Ctrl+N)" in view.empty.text()


def test_the_method_column_shows_the_longest_method_whole(qtbot, make_window, workspace):
    from jiebei_tracker.domain.vocabulary import RepaymentMethod

    window = make_window(workspace)
    view = window.loans_view
    column = 3  # method
    metrics = view.table.fontMetrics()
    assert view.table.columnWidth(column) > metrics.horizontalAdvance(RepaymentMethod.BULLET.label("en"))
