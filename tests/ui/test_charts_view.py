"""The Charts view and the dashboard charts, driven as the main window will: shown, fed Changes, range presets."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from jiebei_tracker.domain.vocabulary import NoteKind
from jiebei_tracker.services.series.data import ChartData, ChartKind, RangePreset
from jiebei_tracker.ui.views.charts_view import ChartFeed, ChartsView, DashboardCharts
from tests.conftest import TODAY
from tests.scenarios import draft


@pytest.fixture
def loans(ledger):
    """借呗 ¥12,000 taken 2026-01-15 with one installment repaid, and 微粒贷 ¥3,000 taken 2026-10-02;
    借呗's limit cut from ¥60,000 to ¥30,000 on 2026-09-01."""
    jiebei = ledger.add_loan(draft("借呗", borrowed_on=date(2026, 1, 15), principal_yuan=12_000, annual="0")).created_id
    ledger.log_repayment(jiebei, paid_on=date(2026, 2, 15), amount_fen=100_000)
    weilidai = ledger.add_loan(draft("微粒贷", borrowed_on=date(2026, 10, 2), principal_yuan=3_000)).created_id
    ledger.record_limit("借呗", recorded_on=date(2026, 1, 1), limit_fen=6_000_000)
    ledger.record_limit("借呗", recorded_on=date(2026, 9, 1), limit_fen=3_000_000)
    return {"借呗": jiebei, "微粒贷": weilidai}


@pytest.fixture
def view(qtbot, workspace, loans):
    charts = ChartsView(workspace=workspace)
    qtbot.addWidget(charts)
    charts.resize(1400, 1000)
    return charts


def _wait_for_health(qtbot, feed: ChartFeed) -> None:
    qtbot.waitUntil(lambda: not feed.health_busy and not feed.data.health_jobs(), timeout=30_000)


def _count_draws(monkeypatch, charts) -> dict[ChartKind, int]:
    counts = dict.fromkeys(charts, 0)
    for kind, chart in charts.items():
        original = chart.set_series

        def counting(series, kind=kind, original=original):
            counts[kind] += 1
            original(series)

        monkeypatch.setattr(chart, "set_series", counting)
    return counts


def test_showing_the_view_draws_all_six_charts_and_the_health_history_arrives(qtbot, view):
    view.show()
    _wait_for_health(qtbot, view.feed)
    for kind, chart in view.charts.items():
        assert not chart.showing_empty_state, kind
    assert view.charts[ChartKind.HEALTH].series.days[-1] == TODAY
    assert view.health_status.text() == ""


def test_range_preset_buttons_set_the_same_span_on_every_chart(qtbot, view):
    view.show()
    view.preset_buttons[RangePreset.SIX_MONTHS].click()
    assert view.preset_buttons[RangePreset.SIX_MONTHS].isChecked()
    spans = {kind: chart.visible_span() for kind, chart in view.charts.items() if not chart.showing_empty_state}
    assert len(spans) >= 5
    for first, last in spans.values():
        assert abs((first - date(2026, 5, 28)).days) <= 3 and abs((last - TODAY).days) <= 3
    view.preset_buttons[RangePreset.ALL].click()
    first, _ = view.charts[ChartKind.BALANCE].visible_span()
    assert first <= date(2026, 1, 1)  # from the first limit record on


def test_a_repayment_redraws_every_chart_with_the_new_figures(qtbot, view, ledger, loans, monkeypatch):
    view.show()
    _wait_for_health(qtbot, view.feed)
    draws = _count_draws(monkeypatch, view.charts)
    view.on_changes(ledger.log_repayment(loans["借呗"], paid_on=date(2026, 3, 15), amount_fen=100_000))
    assert all(draws[kind] >= 1 for kind in ChartKind if kind is not ChartKind.HEALTH)
    balance = view.charts[ChartKind.BALANCE].show_readout_at(TODAY)
    assert "借呗 ¥10,000.00" in balance
    _wait_for_health(qtbot, view.feed)
    assert draws[ChartKind.HEALTH] >= 1


def test_a_credit_report_note_redraws_only_the_health_chart(qtbot, view, ledger, monkeypatch):
    view.show()
    _wait_for_health(qtbot, view.feed)
    draws = _count_draws(monkeypatch, view.charts)
    view.on_changes(ledger.add_note(noted_on=TODAY, kind=NoteKind.INQUIRY, text="贷款审批查询"))
    _wait_for_health(qtbot, view.feed)
    assert draws[ChartKind.HEALTH] >= 1
    assert {kind: n for kind, n in draws.items() if kind is not ChartKind.HEALTH} == dict.fromkeys(
        [k for k in view.charts if k is not ChartKind.HEALTH], 0
    )


def test_changes_while_hidden_are_drawn_when_the_view_is_shown(qtbot, view, ledger, loans, monkeypatch):
    view.show()
    _wait_for_health(qtbot, view.feed)
    view.hide()
    draws = _count_draws(monkeypatch, view.charts)
    view.on_changes(ledger.delete_loan(loans["微粒贷"]))
    assert draws[ChartKind.BORROWING] == 0
    view.show()
    assert draws[ChartKind.BORROWING] == 1
    assert "new loans: 0" in view.charts[ChartKind.BORROWING].show_readout_at(date(2026, 10, 5))


def test_clicking_a_limit_cut_asks_the_window_for_a_diagnosis(qtbot, view):
    view.show()
    limits = view.charts[ChartKind.LIMITS]
    with qtbot.waitSignal(view.diagnosis_requested) as blocker:
        limits.cut_marks.sigClicked.emit(limits.cut_marks, limits.cut_marks.points(), None)
    assert blocker.args == ["借呗", date(2026, 9, 1)]


def test_the_dashboard_shares_the_feed_and_each_change_is_read_once(qtbot, view, ledger, loans, monkeypatch):
    dashboard = DashboardCharts(feed=view.feed)
    qtbot.addWidget(dashboard)
    dashboard.show()
    view.show()
    assert set(dashboard.charts) == set(DashboardCharts.DEFAULT_KINDS)
    assert all(chart.compact for chart in dashboard.charts.values())
    refreshes = []
    original = view.feed.data.refresh
    monkeypatch.setattr(view.feed.data, "refresh", lambda changes: refreshes.append(changes) or original(changes))
    changes = ledger.log_repayment(loans["借呗"], paid_on=date(2026, 3, 15), amount_fen=100_000)
    view.on_changes(changes)
    dashboard.on_changes(changes)
    assert len(refreshes) == 1
    with qtbot.waitSignal(dashboard.chart_activated) as blocker:
        dashboard.charts[ChartKind.ON_TIME].graphics.scene().sigMouseClicked.emit(None)
    assert blocker.args == [ChartKind.ON_TIME]
    _wait_for_health(qtbot, view.feed)


def test_a_failing_health_computation_is_said_on_the_health_chart(qtbot, database, loans):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the rules could not read the notes")

    feed = ChartFeed(data=ChartData(database=database, today=lambda: TODAY, health_history=broken))
    charts = ChartsView(feed=feed)
    qtbot.addWidget(charts)
    charts.show()
    health = charts.charts[ChartKind.HEALTH]
    qtbot.waitUntil(lambda: feed.health_error is not None, timeout=10_000)
    assert health.showing_empty_state
    assert "the rules could not read the notes" in health.empty_text


def test_an_empty_database_shows_every_chart_s_empty_state(qtbot, workspace):
    charts = ChartsView(workspace=workspace)
    qtbot.addWidget(charts)
    charts.show()
    assert all(chart.showing_empty_state for chart in charts.charts.values())


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshot_of_the_charts_view(qtbot, view, tmp_path, language):
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        view.show()
        _wait_for_health(qtbot, view.feed)
        folder = Path(os.environ.get("JIEBEI_SCREENSHOTS") or tmp_path)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"charts-view-{language}.png"
        assert view.grab().save(str(path))
        assert path.stat().st_size > 20_000
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def _in_view(view, chart) -> bool:
    viewport = view.scroll.viewport()
    top_left = chart.mapTo(viewport, chart.rect().topLeft())
    return top_left.y() >= 0 and top_left.y() + chart.height() <= viewport.height()


def test_four_charts_fill_a_full_hd_page_and_a_small_one_scrolls(qtbot, view):
    from jiebei_tracker.ui.views.charts_view import MIN_CHART_HEIGHT, TALL_CHARTS

    view.resize(1700, 960)  # the Charts page of a 1920 × 1080 window
    view.show()
    qtbot.waitExposed(view)
    charts = list(view.charts.values())
    qtbot.waitUntil(lambda: sum(_in_view(view, chart) for chart in charts) == 4, timeout=2_000)
    view.resize(1100, 560)  # a small window: each chart keeps a readable height, the page scrolls
    tall = TALL_CHARTS[charts[0].kind]  # the health score's row (with the chart beside it) is the taller one
    qtbot.waitUntil(lambda: [chart.height() for chart in charts] == [tall, tall, *[MIN_CHART_HEIGHT] * 4])
    assert view.scroll.verticalScrollBar().maximum() > 0
    _wait_for_health(qtbot, view.feed)  # shown, the page started the score history on its worker


def test_a_chart_opens_large_in_a_window_of_its_own_and_follows_changes(qtbot, view, ledger, loans):
    from jiebei_tracker.services.changes import Changes

    view.show()
    qtbot.waitExposed(view)
    action = view.open_large_actions[ChartKind.BALANCE]
    assert action in view.charts[ChartKind.BALANCE].graphics.actions() and action.text() == "Open large"
    action.trigger()
    (window,) = [child for child in view.children() if getattr(child, "chart", None) is not None]
    qtbot.addWidget(window)
    assert window.isVisible() and window.width() >= 1000 and window.windowTitle() == window.chart.title()
    before = window.chart.series
    changes: Changes = ledger.log_repayment(loans["微粒贷"], paid_on=date(2026, 11, 2), amount_fen=50_000)
    view.on_changes(changes)
    assert window.chart.series is not before  # redrawn from the changed figures
    _wait_for_health(qtbot, view.feed)
