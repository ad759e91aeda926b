"""Every item model of the window passes Qt's model tester, filled from a realistic demo history."""

from __future__ import annotations

from jiebei_tracker.ui.main_window import LOANS, NOTES, PLATFORMS


def test_every_item_model_passes_the_model_tester(qtmodeltester, demo_workspace, make_window):
    window = make_window(demo_workspace)
    dashboard = window.dashboard
    assert dashboard.overdue_model.rowCount() and dashboard.upcoming_model.rowCount()
    qtmodeltester.check(dashboard.overdue_model)
    qtmodeltester.check(dashboard.upcoming_model)

    window.show_page(LOANS)
    qtmodeltester.check(window.loans_view.model)

    platforms = window.show_page(PLATFORMS)
    platforms.choose("借呗")
    assert platforms.history_model.rowCount() > 1
    qtmodeltester.check(platforms.model)
    qtmodeltester.check(platforms.history_model)

    notes = window.show_page(NOTES)
    qtmodeltester.check(notes.model)

    loan = next(line for line in dashboard.overdue_model.records())
    detail = window.open_loan(loan.loan_id)
    assert detail.repayments_model.rowCount()
    qtmodeltester.check(detail.schedule_model)
    qtmodeltester.check(detail.repayments_model)
    window.wait_for_workers()
