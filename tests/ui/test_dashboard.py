"""The dashboard: totals, what is overdue and what falls due in 30 days, and a repayment logged from it in one step."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.penalty import penalty_fen
from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanStatus
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog
from jiebei_tracker.ui.main_window import LOANS
from jiebei_tracker.ui.models.loans_model import STATUS_COLUMN
from jiebei_tracker.ui.views.dashboard_view import PLATFORM_COLUMN
from tests.scenarios import draft
from tests.ui.conftest import exec_filling


@pytest.fixture
def books(workspace):
    """An overdue 借呗 loan (installment due 2026-11-10), a 微粒贷 loan due on 2026-12-05, and one repaid in full."""
    ledger = workspace.ledger
    overdue = ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 10), months=6)).created_id
    soon = ledger.add_loan(draft("微粒贷", borrowed_on=date(2026, 11, 5), months=3, principal_yuan=3_000)).created_id
    settled = ledger.add_loan(draft("京东金条", borrowed_on=date(2025, 1, 5), months=1)).created_id
    ledger.pay_off(settled, paid_on=date(2025, 2, 5))
    return {"overdue": overdue, "soon": soon, "settled": settled}


def test_totals_overdue_and_due_soon(books, window, workspace, screenshot):
    dashboard = window.dashboard
    assert not dashboard.is_welcome()
    overdue = dashboard.overdue_model.records()
    assert [(d.platform, d.due_on, d.status) for d in overdue] == [
        ("借呗", date(2026, 11, 10), InstallmentStatus.OVERDUE)
    ]
    # The penalty so far: 1.5 × 0.02 % a day on the installment's principal, for the 18 days.
    principal = workspace.loan_detail(books["overdue"]).schedule[overdue[0].seq - 1].principal_fen
    penalty = penalty_fen(principal, Decimal("0.072"), Decimal("1.5"), 18)
    assert overdue[0].penalty_fen == penalty > 0
    assert dashboard.overdue_model.index(0, 4).data() == f"18 days overdue, penalty about {format_yuan(penalty)}"
    upcoming = dashboard.upcoming_model.records()
    assert [(d.platform, d.due_on) for d in upcoming] == [("微粒贷", date(2026, 12, 5)), ("借呗", date(2026, 12, 10))]
    assert dashboard.upcoming_model.index(0, 4).data() == "in 7 days"
    assert dashboard.upcoming_model.index(0, 2).data() == "1 of 3"
    totals = workspace.totals()
    assert dashboard.outstanding.value.text() == format_yuan(totals.outstanding_fen)
    assert dashboard.overdue.value.text() == format_yuan(overdue[0].left_fen)
    assert dashboard.overdue.detail.text() == "1 installments on 1 loans"
    assert dashboard.due_soon.value.text() == format_yuan(upcoming[0].left_fen + upcoming[1].left_fen)
    assert dashboard.loans.value.text() == "2"
    assert dashboard.loans.detail.text() == "3 loans recorded in all"
    screenshot(window, "dashboard-en")


def test_log_a_repayment_from_the_dashboard_and_see_the_status_change(books, window, workspace, monkeypatch):
    dashboard = window.dashboard
    assert not dashboard.pay_button.isEnabled()
    assert dashboard.select_due(books["overdue"])
    assert dashboard.pay_button.isEnabled()
    asked = []

    def paid_today_in_full(dialog):
        asked.append((dialog.paid_on.date(), dialog.amount.text(), dialog.payoff.isChecked()))

    monkeypatch.setattr(RepaymentDialog, "exec", exec_filling(paid_today_in_full))
    dashboard.pay_button.click()

    left = workspace.loan_detail(books["overdue"]).schedule[0]
    assert asked == [(date(2026, 11, 28), f"{left.total_fen // 100}.{left.total_fen % 100:02d}", False)]
    assert left.status is InstallmentStatus.LATE
    assert dashboard.overdue_model.rowCount() == 0
    assert dashboard.overdue_empty.isVisibleTo(dashboard) and not dashboard.overdue_table.isVisibleTo(dashboard)
    assert dashboard.overdue.detail.text() == "nothing overdue"
    window.show_page(LOANS)
    row = window.loans_view.model.row_of(books["overdue"])
    assert window.loans_view.model.record_at(row).status is LoanStatus.ACTIVE
    assert window.loans_view.model.index(row, STATUS_COLUMN).data() == "Active"


def test_paid_today_in_full_is_one_click(books, window, workspace):
    dashboard = window.dashboard
    assert dashboard.select_due(books["soon"])
    dashboard.paid_button.click()
    first = workspace.loan_detail(books["soon"]).schedule[0]
    assert first.status is InstallmentStatus.ON_TIME and first.settled_on == date(2026, 11, 28)
    # 微粒贷's next installment falls due 2027-01-05, beyond the 30 days: only 借呗's is left to show.
    assert [d.platform for d in dashboard.upcoming_model.records()] == ["借呗"]


def test_double_click_logs_a_repayment_and_open_loan_opens_it(books, window, monkeypatch):
    dashboard = window.dashboard
    opened = []
    monkeypatch.setattr(RepaymentDialog, "ask", classmethod(lambda cls, **kwargs: opened.append(kwargs["loan"])))
    dashboard.select_due(books["soon"])
    dashboard.upcoming_table.doubleClicked.emit(dashboard.upcoming_model.index(0, 0))
    assert [loan.platform for loan in opened] == ["微粒贷"]
    dashboard.open_button.click()
    assert books["soon"] in window.detail_dialogs


def test_the_log_repayment_command_uses_the_dashboard_selection(books, window, monkeypatch):
    chosen = []
    monkeypatch.setattr(
        RepaymentDialog, "ask", classmethod(lambda cls, **kwargs: chosen.append(kwargs["loan"].loan_id))
    )
    window.dashboard.select_due(books["overdue"])
    window.commands.log_repayment.trigger()
    assert chosen == [books["overdue"]]


def test_the_dashboard_reloads_when_a_change_comes_from_elsewhere(books, window, workspace):
    workspace_change = window.hub.run(
        lambda: workspace.ledger.add_loan(draft("招商银行", borrowed_on=date(2026, 11, 20), months=12))
    )
    assert workspace_change.created_id is not None
    assert [d.platform for d in window.dashboard.upcoming_model.records()] == ["微粒贷", "借呗", "招商银行"]
    assert window.dashboard.loans.value.text() == "3"


def test_the_due_tables_fill_their_width_and_fit_their_texts(books, window, translations, qtbot):
    dashboard = window.dashboard

    def fitted(language: str) -> None:
        for table in (dashboard.overdue_table, dashboard.upcoming_table):
            header = table.horizontalHeader()
            assert header.length() == table.viewport().width()  # the platform column takes what is left
            for column in range(table.model().columnCount()):
                if column == PLATFORM_COLUMN:
                    continue
                widest = max(table.sizeHintForColumn(column), header.sectionSizeFromContents(column).width())
                assert header.sectionSize(column) >= widest, (language, column)

    for language in ("en", "zh_CN"):
        translations.apply(language)
        # The LanguageChange events are posted: wait for the dashboard's (its title in the new language), then for
        # the layout they set off.
        qtbot.waitUntil(lambda: dashboard.overdue_title.text() == dashboard.tr("Overdue — pay these first"))
        qtbot.waitUntil(lambda language=language: fitted(language))


def test_the_small_charts_keep_their_shape_beside_a_long_health_check(books, window, qtbot):
    """The warnings column may run long; the small charts under the due lists stay chart-shaped, their date axis
    near the first screen, instead of stretching to the warnings' height."""
    window.resize(1280, 800)
    window.show()
    charts = window.dashboard.charts_panel.build_now()
    window.dashboard.health_panel.setMinimumHeight(2000)  # as long as a history with many warning signs makes it
    page = window.dashboard.content.widget()
    qtbot.waitUntil(lambda: page.height() >= 2000)
    for chart in charts.charts.values():
        assert 170 <= chart.height() <= 260, chart.height()
    bottom = max(chart.mapTo(page, chart.rect().bottomLeft()).y() for chart in charts.charts.values())
    assert bottom <= window.dashboard.content.viewport().height() + 300  # a short scroll at most
