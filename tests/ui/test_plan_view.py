"""The Plan page (Ctrl+6): the what-if answers as the user types, with the numbers the services give and nothing
written; the payoff planner follows the budget, says what a too small one leaves unpaid, and exports its months;
the new-loan form's *Check first* asks the what-if about the loan typed, and *Record this loan…* goes back."""

from __future__ import annotations

import csv
import hashlib
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.planner import Strategy
from jiebei_tracker.domain.rates import Rate, RateBasis
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.schedule import LoanTerms
from jiebei_tracker.domain.vocabulary import InterestBasis, LoanPurpose, RepaymentMethod
from jiebei_tracker.services import whatif
from jiebei_tracker.services.planner import payoff_plans
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.main_window import PLAN
from jiebei_tracker.ui.views.plan_view import LATE, PAYOFF
from tests.conftest import TODAY
from tests.scenarios import draft
from tests.ui.keyboard import type_text, typed_exec
from tests.ui.loan_editor_steps import fill_loan, press, tab_to


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def plan(qtbot, window, demo_workspace):
    """The Plan page of a window over the demo history, opened by its command (View ▸ Plan, Ctrl+6)."""
    command = window.commands.pages[PLAN]
    assert command.shortcut().toString() == "Ctrl+6" and command.text() == "Plan"
    command.trigger()
    assert window.navigation.currentRow() == PLAN
    page = window.current_page()
    assert page is window.plan_view
    return page


@pytest.fixture
def two_platforms(qtbot, window, workspace):
    """The Plan page over two loans being repaid on time, on 借呗 and 微粒贷."""
    for platform, borrowed in (("借呗", date(2026, 9, 10)), ("微粒贷", date(2026, 10, 15))):
        loan = draft(platform, borrowed_on=borrowed, principal_yuan=6_000, months=6, purpose="daily")
        window.hub.run(lambda loan=loan: workspace.ledger.add_loan(loan, PastRepayments.paid_through(TODAY)))
    window.commands.pages[PLAN].trigger()
    return window.plan_view


def test_the_what_if_answers_as_the_amount_is_typed_and_saves_nothing(qtbot, two_platforms, workspace, db_path):
    plan, demo_workspace = two_platforms, workspace
    panel = plan.what_if
    before = _digest(db_path)
    panel.platform.lineEdit().selectAll()
    type_text(panel.platform.lineEdit(), "京东金条")
    panel.rate_basis.setCurrentIndex(1)  # a daily rate: interest by the day is proposed
    assert panel.interest_basis.currentData() == InterestBasis.DAILY.value
    type_text(panel.rate, "0.04%")
    with qtbot.waitSignal(panel.answered, timeout=5000) as answered:
        type_text(panel.principal, "20000")
    answer = answered.args[0]
    assert answer is not None and panel.problem == ""
    rate = Rate(_daily("0.0004"), RateBasis.DAILY)
    terms = LoanTerms(TODAY, 2_000_000, 12, RepaymentMethod.EQUAL_INSTALLMENT, rate, InterestBasis.DAILY)
    expected = whatif.borrow(demo_workspace.session, platform="京东金条", terms=terms, purpose=LoanPurpose.DAILY)
    assert (answer.before.score, answer.after.score) == (expected.before.score, expected.after.score)
    shown = panel.score_label.text()  # before → after, each in its band's colour
    assert f">{expected.before.score}</span> → <span" in shown and shown.endswith(f">{expected.after.score}</span>")
    assert [card.flag.rule for card in panel.would_flags.cards] == sorted(
        [f.rule for f in expected.flags_added] + [now.rule for _, now in expected.flags_changed],
        key=lambda rule: -next(f for f in expected.after.flags if f.rule == rule).severity.rank,
    )
    assert panel.would_flags.cards and all(
        c.severity_label.text().startswith("Would be: ") for c in panel.would_flags.cards
    )
    assert "True annual cost (APR)" in panel.facts.text()
    assert panel.outflow.months == list(expected.outflow)
    assert panel.record_button.isEnabled()
    assert _digest(db_path) == before


def _daily(text: str) -> Decimal:
    return Decimal(text) * 360


def test_a_missing_amount_says_what_to_type_and_a_bad_one_names_the_field(qtbot, plan):
    panel = plan.what_if
    panel.work_out()
    assert panel.answer is None and "Type the amount and the rate" in panel.message.text()
    type_text(panel.rate, "9%")
    with qtbot.waitSignal(panel.answered, timeout=5000):
        type_text(panel.principal, "abc")
    assert panel.answer is None and panel.message.text().startswith("Amount:")
    assert not panel.record_button.isEnabled() and not panel.outflow.isVisible()


def test_a_bad_amount_is_named_in_chinese_with_its_reason(qtbot, plan, translations):
    translations.apply("zh_CN")
    panel = plan.what_if
    type_text(panel.rate, "9%")
    with qtbot.waitSignal(panel.answered, timeout=5000):
        type_text(panel.principal, "abc")
    assert panel.message.text() == "金额：不是金额（例如 12000、12,000.50、¥1,234.50）"


def test_paying_off_and_paying_late_ask_about_the_chosen_loan(qtbot, plan, demo_workspace):
    panel = plan.what_if
    panel.change.setCurrentIndex(PAYOFF)
    assert panel.loan.count() > 0  # the open loans of the demo history
    loan_id = panel.loan.currentData()
    with qtbot.waitSignal(panel.answered, timeout=5000) as answered:
        panel.on.setDate(TODAY)
    expected = whatif.payoff(demo_workspace.session, loan_id, on=TODAY)
    assert answered.args[0].interest_saved_fen == expected.interest_saved_fen
    assert "Interest and fees saved" in panel.facts.text()
    assert not panel.keep.isVisible() and not panel.days.isVisible()
    with qtbot.waitSignal(panel.answered, timeout=5000) as answered:
        panel.change.setCurrentIndex(LATE)
    late = answered.args[0]
    assert late.late is not None and late.as_of > TODAY
    assert "late repayment until" in panel.facts.text()


def test_the_planner_follows_the_budget_and_refuses_one_too_small(qtbot, plan, demo_workspace):
    plan.tabs.setCurrentIndex(1)
    panel = plan.planner
    least = payoff_plans(demo_workspace.session, budget_fen=0, start=TODAY, strategies=()).least_budget_fen
    assert panel.budget.value() == -(-least // 100)  # it starts at the least that is always enough
    panel.budget.selectAll()
    with qtbot.waitSignal(panel.planned, timeout=5000) as planned:
        type_text(panel.budget.lineEdit(), "100")
    assert planned.args[0] is None
    assert panel.message.text().startswith("This budget leaves installments unpaid. Short:")
    panel.budget.lineEdit().selectAll()
    with qtbot.waitSignal(panel.planned, timeout=5000) as planned:
        type_text(panel.budget.lineEdit(), str(-(-least // 100) + 2000))
    plans = planned.args[0]
    expected = payoff_plans(
        demo_workspace.session, budget_fen=panel.budget.value() * 100, start=TODAY, strategies=tuple(Strategy)
    )
    assert [p.interest_fen for p in plans.plans] == [p.interest_fen for p in expected.plans]
    avalanche = plans.plans[0]
    assert f"Debt-free in {avalanche.debt_free_month:%Y-%m}" in panel.summaries[Strategy.AVALANCHE].text()
    assert panel.table.rowCount() == len(avalanche.months)
    assert panel.slider.value() == panel.budget.value()


def test_the_months_export_as_csv(qtbot, plan, monkeypatch, tmp_path):
    plan.tabs.setCurrentIndex(1)
    panel = plan.planner
    target = tmp_path / "plan.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    panel.shown_strategy.setCurrentIndex(1)  # snowball
    assert panel.export_csv() == target
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    headers, body = panel.table_rows()
    assert rows == [headers, *body]
    assert rows[0][0] == "Month" and rows[-1][-1] == "0.00"
    assert target.stat().st_mode & 0o777 == 0o600


def test_check_first_opens_the_what_if_with_the_loan_typed(qtbot, window, monkeypatch):
    def check_first(dialog) -> None:
        fill_loan(dialog, borrowed="2026-11-20")
        tab_to(dialog, dialog.check_button)
        press(dialog, Qt.Key.Key_Space)

    monkeypatch.setattr(LoanEditorDialog, "exec", typed_exec(qtbot, check_first))
    assert window.actions.new_loan() is None  # nothing saved
    assert window.navigation.currentRow() == PLAN
    panel = window.plan_view.what_if
    assert (panel.platform.currentText(), panel.principal.text(), panel.rate.text()) == ("微粒贷", "12000.00", "7.2%")
    assert panel.borrowed_on.date() == date(2026, 11, 20)
    assert panel.answer is not None and panel.answer.cost is not None
    assert window.workspace.loan_count() == 0


def test_record_this_loan_opens_the_new_loan_form_with_the_values(qtbot, plan, monkeypatch):
    panel = plan.what_if
    draft = LoanDraft(
        "京东金条",
        LoanTerms(TODAY, 500_000, 6, RepaymentMethod.EQUAL_PRINCIPAL, Rate(_daily("0.0003"), RateBasis.DAILY)),
        LoanPurpose.DAILY,
    )
    panel.check_loan(draft)
    shown = []

    def fake_exec(dialog):
        shown.append((dialog.platform.currentText(), dialog.principal.text(), dialog.rate.text(), dialog.term.value()))
        return 0

    monkeypatch.setattr(LoanEditorDialog, "exec", fake_exec)
    QTest.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert shown == [("京东金条", "5000.00", "0.03%", 6)]


def test_the_page_reads_in_chinese(qtbot, plan, translations):
    translations.apply("zh_CN")
    QApplication.processEvents()
    assert plan.tabs.tabText(0) == "假如……" and plan.tabs.tabText(1) == "还清计划"
    assert plan.what_if.change.itemText(0) == "新增一笔借款"
