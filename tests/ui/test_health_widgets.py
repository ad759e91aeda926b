"""The health dashboard widgets, fed from the services and driven through their own methods; screenshots of each
go to $JIEBEI_SCREENSHOTS (or the test's folder)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from jiebei_tracker.domain.rules import Severity
from jiebei_tracker.domain.vocabulary import NoteKind, PlatformKind
from jiebei_tracker.services.health.reminders import ReminderKind, pending_reminders
from jiebei_tracker.services.session import Session
from jiebei_tracker.storage.book import load_book
from jiebei_tracker.ui import feature_hooks
from jiebei_tracker.ui.models.records_model import LOAN_ID_ROLE
from jiebei_tracker.ui.reminders_tray import ReminderNotifier
from jiebei_tracker.ui.views.health import (
    AutopayChecklistWidget,
    FlagListWidget,
    HealthScoreWidget,
    OverdueDuesWidget,
    RecoveryChecklistWidget,
    ReminderBanner,
    UpcomingDuesWidget,
)
from jiebei_tracker.ui.views.health.dues import BUTTON_COLUMN
from tests.conftest import TODAY
from tests.scenarios import draft


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("JIEBEI_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _save(widget: QWidget, folder: Path, name: str) -> Path:
    widget.show()
    path = folder / f"health-{name}.png"
    assert widget.grab().save(str(path))
    assert path.stat().st_size > 1000
    return path


@pytest.fixture
def books(ledger, database):
    """借呗 overdue since 2026-11-20 (a cut recorded on 2026-11-25), 微粒贷 due in 5 days without autopay,
    京东金条 due in 20 days, an unresolved guarantee note."""
    ids = {}
    ids["借呗"] = ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 20), autopay=True)).created_id
    ids["微粒贷"] = ledger.add_loan(
        draft("微粒贷", borrowed_on=date(2026, 11, 3), principal_yuan=3_000, autopay=False)
    ).created_id
    ids["京东金条"] = ledger.add_loan(draft("京东金条", borrowed_on=date(2026, 9, 18), autopay=True)).created_id
    for seq_due in (date(2026, 10, 18), date(2026, 11, 18)):
        inst = next(i for i in load_book(database).loans[0].installments if i.due_on == seq_due)
        ledger.log_repayment(ids["京东金条"], paid_on=seq_due, amount_fen=inst.total_fen)
    ledger.set_platform_kind("微粒贷", PlatformKind.INTERNET)
    ids["note"] = ledger.add_note(noted_on=date(2026, 6, 1), kind=NoteKind.GUARANTEE, text="为朋友担保").created_id
    ledger.record_limit("借呗", recorded_on=date(2026, 1, 1), limit_fen=5_000_000)
    ledger.record_limit("借呗", recorded_on=date(2026, 11, 25), limit_fen=2_000_000)
    return ids


def _dues(database):
    return pending_reminders(database, as_of=TODAY, lead_days=14, nudges=False)


def _reminders(database):
    """Today's reminders a week ahead: 借呗 overdue, 微粒贷 due in 5 days, and 微粒贷's autopay nudge."""
    return pending_reminders(database, as_of=TODAY, lead_days=7)


def _bar(database):
    """The same without the nudge: what the reminders bar shows."""
    return pending_reminders(database, as_of=TODAY, lead_days=7, nudges=False)


# -- score -------------------------------------------------------------------------------------------------


def test_score_widget_shows_the_score_band_change_and_trend(qtbot, books, database, shots):
    history = Session(database=database).score_history(start=date(2026, 6, 1), end=TODAY)
    widget = HealthScoreWidget(load=lambda: (history[-1].score, history))
    qtbot.addWidget(widget)
    assert widget.score() is None and widget.score_label.text() == "—"
    widget.reload()
    check = Session(database=database).health(TODAY)
    assert widget.score() == check.score == history[-1].score
    assert widget.score_label.text() == str(check.score)
    assert widget.band_label.text() == check.band.label("en")
    assert widget.trend.scores() == [point.score for point in history]
    previous = history[-2].score
    assert widget.change_label.text() == f"▼ {previous - check.score} since last month"
    _save(widget, shots, "score")


# -- flags -------------------------------------------------------------------------------------------------


def test_flag_cards_most_serious_first_click_through_to_loans_and_notes(qtbot, books, database, shots):
    flags = Session(database=database).health(TODAY).flags
    widget = FlagListWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 900)
    widget.set_flags(flags)
    severities = [card.flag.severity for card in widget.cards]
    assert severities[0] is Severity.CRITICAL
    assert [s.rank for s in severities] == sorted((s.rank for s in severities), reverse=True)
    assert not widget.empty_label.isVisible()
    overdue = widget.cards[0]
    assert overdue.flag.rule == "overdue"
    assert "Cause 1" in overdue.article_label.text() and "What to do" in overdue.advice_label.text()
    with qtbot.waitSignal(widget.loan_requested) as opened:
        overdue.item_buttons[0].click()
    assert opened.args == [books["借呗"]]
    note_card = next(card for card in widget.cards if card.flag.rule == "credit_report_negative")
    with qtbot.waitSignal(widget.note_requested) as opened:
        note_card.item_buttons[0].click()
    assert opened.args == [books["note"]]
    _save(widget, shots, "flags")
    widget.set_flags([])
    assert widget.cards == [] and not widget.empty_label.isHidden()


def test_the_flag_list_grows_with_its_cards_instead_of_scrolling_inside_the_page(qtbot, books, database):
    flags = sorted(Session(database=database).health(TODAY).flags, key=lambda flag: -flag.severity.rank)
    widget = FlagListWidget()
    qtbot.addWidget(widget)
    widget.setFixedWidth(420)
    heights = []
    for count in (1, len(flags)):
        widget.set_flags(flags[:count])
        widget.adjustSize()
        heights.append(widget.height())
    # Every card shown in full (the first, the overdue one, is the tallest): the page scrolls, not a box.
    assert len(flags) >= 3 and heights[1] > heights[0] * 1.5
    assert all(card.geometry().bottom() <= widget.height() for card in widget.cards)


def test_flag_cards_in_chinese(qtbot, books, database, shots, translations):
    translations.apply("zh_CN")
    widget = FlagListWidget(language="zh_CN", load=lambda: Session(database=database).health(TODAY).flags)
    qtbot.addWidget(widget)
    widget.resize(640, 900)
    widget.reload()
    assert widget.cards[0].title_label.text() == "有逾期未还的款项"
    assert widget.cards[0].severity_label.text() == "严重"
    # The article named by its title, its sections with Chinese punctuation.
    cited = "参考文章《借呗额度下降的原因及恢复策略解析》：原因 1；原因 4；策略 3(1)"
    assert widget.cards[0].article_label.text() == cited
    _save(widget, shots, "flags-zh")


# -- dues --------------------------------------------------------------------------------------------------


def test_upcoming_dues_in_the_next_14_days_with_one_click_paid(qtbot, qtmodeltester, books, database, shots):
    widget = UpcomingDuesWidget(load=lambda: _dues(database))
    qtbot.addWidget(widget)
    widget.resize(720, 240)
    widget.reload()
    qtmodeltester.check(widget.model)
    dues = widget.dues()
    assert [(d.platform, d.kind) for d in dues] == [("微粒贷", ReminderKind.DUE_SOON)]  # 京东金条 is 20 days off
    assert widget.model.index(0, 4).data() == "In 5 days"
    assert widget.table.indexWidget(widget.model.index(0, BUTTON_COLUMN)) is widget.buttons[0]
    with qtbot.waitSignal(widget.paid_requested) as paid:
        widget.buttons[0].click()
    assert paid.args == [books["微粒贷"]]
    with qtbot.waitSignal(widget.loan_requested) as opened:
        widget.table.doubleClicked.emit(widget.model.index(0, 1))
    assert opened.args == [books["微粒贷"]]
    _save(widget, shots, "upcoming")
    wider = UpcomingDuesWidget(days=30)
    qtbot.addWidget(wider)
    wider.set_dues(pending_reminders(database, as_of=TODAY, lead_days=30))
    assert [d.platform for d in wider.dues()] == ["微粒贷", "京东金条", "借呗"]  # 12-03, 12-18, 12-20


def test_overdue_list(qtbot, qtmodeltester, books, database, shots):
    widget = OverdueDuesWidget()
    qtbot.addWidget(widget)
    widget.resize(720, 200)
    widget.set_dues(_dues(database))
    qtmodeltester.check(widget.model)
    (due,) = widget.dues()
    assert (due.loan_id, due.seq, due.days) == (books["借呗"], 1, 8)
    assert widget.model.index(0, 4).data() == "8 days overdue"
    assert widget.model.index(0, 0).data(LOAN_ID_ROLE) == books["借呗"]
    assert widget.model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) is not None
    with qtbot.waitSignal(widget.paid_requested) as paid:
        widget.buttons[0].click()
    assert paid.args == [books["借呗"]]
    _save(widget, shots, "overdue")
    widget.set_dues([])
    assert widget.dues() == [] and not widget.empty_label.isHidden() and widget.table.isHidden()


# -- checklists --------------------------------------------------------------------------------------------


def test_autopay_checklist_by_platform(qtbot, books, database, shots):
    widget = AutopayChecklistWidget(load=lambda: Session(database=database).autopay_checklist(TODAY))
    qtbot.addWidget(widget)
    widget.resize(560, 320)
    widget.reload()
    assert [row.status.platform for row in widget.rows] == ["微粒贷", "京东金条", "借呗"]
    missing = widget.rows[0]
    assert missing.summary_label.text() == "☐ 微粒贷: 0 of 1 active loans on autopay"
    assert not missing.how_to_label.isHidden() and widget.rows[1].how_to_label.isHidden()
    with qtbot.waitSignal(widget.loan_requested) as opened:
        missing.open_button.click()
    assert opened.args == [books["微粒贷"]]
    _save(widget, shots, "autopay")


def test_recovery_checklist_after_the_cut(qtbot, books, database, shots):
    widget = RecoveryChecklistWidget(load=lambda: Session(database=database).platform_diagnosis("借呗", TODAY))
    qtbot.addWidget(widget)
    widget.resize(560, 420)
    assert widget.heading.text() == "Recovery checklist"
    widget.reload()
    diagnosis = widget.diagnosis()
    assert [row.item.key for row in widget.rows] == [item.key for item in diagnosis.checklist]
    assert widget.heading.text().startswith("Winning back the 借呗 limit: ")
    limit = next(row for row in widget.rows if row.item.key == "limit")
    assert limit.label.text() == "☐ 借呗 limit back to its level before the cut: ¥20,000.00 of ¥50,000.00"
    assert limit.bar.value() == 40
    _save(widget, shots, "recovery")
    widget.set_diagnosis(None)
    assert widget.rows == [] and "No limit cut recorded" in widget.explanation_label.text()


# -- reminders ---------------------------------------------------------------------------------------------


def test_reminder_banner_in_the_app(qtbot, books, database, shots):
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    banner.resize(640, 120)
    banner.set_reminders([])
    assert banner.isHidden()
    reminders = _bar(database)
    banner.set_reminders(reminders)
    assert not banner.isHidden()
    assert banner.heading.text() == "Reminders: 1 repayment overdue, 1 falling due soon"
    with qtbot.waitSignal(banner.loan_requested) as opened:
        banner.line_buttons[0].click()
    assert opened.args == [books["借呗"]]
    _save(banner, shots, "banner")
    with qtbot.waitSignal(banner.dismissed):
        banner.close_button.click()
    assert banner.isHidden()
    banner.set_reminders(reminders)  # the same reminders after a change elsewhere: it stays dismissed
    assert banner.isHidden()
    banner.set_reminders(reminders[1:])  # the overdue one repaid
    assert banner.isHidden() and banner.reminders() == reminders[1:]
    later = replace(reminders[1], due_on=reminders[1].due_on + timedelta(days=30))
    banner.set_reminders([later])  # one it has not shown yet
    assert not banner.isHidden() and banner.heading.text() == "Reminders: 1 falling due soon"


def test_notifier_without_a_tray_reminds_in_the_app_only(qtbot, books, database):
    asked = []

    def fetch():
        asked.append(1)
        return _reminders(database) if len(asked) == 1 else []

    notifier = ReminderNotifier(fetch=fetch, tray_available=False, keep_running=True)
    assert not notifier.available and notifier.tray is None
    assert not notifier.keep_running and not notifier.keep_running_action.isEnabled()
    with qtbot.waitSignal(notifier.reminders_due) as due:
        first = notifier.start()
    assert due.args == [first] and len(first) == 3
    assert notifier.timer.isActive()
    with qtbot.assertNotEmitted(notifier.reminders_due):
        assert notifier.check_now() == []
    window = QLabel("window")
    qtbot.addWidget(window)
    window.show()
    assert notifier.handle_close(window) is False and window.isVisible()
    notifier.stop()
    assert not notifier.timer.isActive()


def test_notifier_with_a_tray_keeps_running_when_asked(qtbot, books, database):
    notifier = ReminderNotifier(fetch=lambda: _reminders(database), tray_available=True)
    assert notifier.available and notifier.tray is not None
    title, body = notifier.notification_text(_reminders(database))
    assert title == "3 repayment reminders"
    assert body.splitlines()[0].startswith("借呗 loan #1, installment 1")
    one_title, one_body = notifier.notification_text(_reminders(database)[:1])
    assert one_title == "Repayment overdue" and "8 days ago" in one_body
    window = QLabel("window")
    qtbot.addWidget(window)
    window.show()
    assert notifier.handle_close(window) is False
    with qtbot.waitSignal(notifier.keep_running_changed) as changed:
        notifier.keep_running_action.trigger()
    assert changed.args == [True] and notifier.keep_running
    assert notifier.handle_close(window) is True and window.isHidden()
    with qtbot.waitSignal(notifier.open_requested):
        notifier.open_action.trigger()
    with qtbot.waitSignal(notifier.quit_requested):
        notifier.quit_action.trigger()


# -- all together ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_dashboard_of_all_the_widgets(qtbot, books, database, shots, language):
    """What the dashboard page will hold, composed the way the main window is expected to (for the screenshot)."""
    history = Session(database=database).score_history(start=date(2026, 4, 1), end=TODAY)
    page = QWidget()
    qtbot.addWidget(page)
    grid = QGridLayout(page)
    score = HealthScoreWidget(language=language)
    score.set_data(history[-1].score, history)
    flags = FlagListWidget(language=language)
    flags.set_flags(Session(database=database).health(TODAY).flags)
    upcoming, overdue = UpcomingDuesWidget(language=language), OverdueDuesWidget(language=language)
    for view in (upcoming, overdue):
        view.set_dues(_dues(database))
    autopay = AutopayChecklistWidget(language=language)
    autopay.set_data(Session(database=database).autopay_checklist(TODAY))
    recovery = RecoveryChecklistWidget(language=language)
    recovery.set_diagnosis(Session(database=database).platform_diagnosis("借呗", TODAY))
    grid.addWidget(score, 0, 0)
    grid.addWidget(flags, 1, 0, 3, 1)
    grid.addWidget(overdue, 0, 1)
    grid.addWidget(upcoming, 1, 1)
    grid.addWidget(autopay, 2, 1)
    grid.addWidget(recovery, 3, 1)
    page.resize(1280, 980)
    _save(page, shots, f"dashboard-{language}")
    assert flags.cards and upcoming.dues() and overdue.dues() and autopay.rows and recovery.rows


def test_the_reminders_bar_follows_every_change(qtbot, books, make_window, workspace):
    window = make_window(workspace)
    reminders = feature_hooks.start_reminders(workspace=workspace, hub=window.hub, window=window)  # as the app does
    bar = lambda: reminders.banner  # noqa: E731
    qtbot.waitUntil(lambda: bar() is not None and bar().isVisible())
    assert bar().heading.text().startswith("Reminders: 1 repayment overdue")
    overdue = next(r for r in bar().reminders() if r.loan_id == books["借呗"])
    window.hub.run(lambda: workspace.ledger.log_repayment(books["借呗"], paid_on=TODAY, amount_fen=overdue.amount_fen))
    assert books["借呗"] not in [r.loan_id for r in bar().reminders() if r.kind.value == "overdue"]
    assert "overdue" not in bar().heading.text()
    reminders.stop()
