"""Screenshots of every chart in English and Chinese (and an empty one), saved to $JIEBEI_SCREENSHOTS when set —
made to be looked at. The checks here are what a glance would catch: the right size, something drawn, and the
Chinese labels where the vocabulary provides them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from jiebei_tracker.charts.balance import BalanceChart
from jiebei_tracker.charts.borrowing import BorrowingChart
from jiebei_tracker.charts.export import save_png
from jiebei_tracker.charts.health import HealthChart
from jiebei_tracker.charts.limits import LimitsChart
from jiebei_tracker.charts.on_time import OnTimeChart
from jiebei_tracker.charts.platforms import PlatformsChart
from jiebei_tracker.services.series.data import RangePreset
from tests.charts.conftest import legend_text

CHARTS = [BorrowingChart, OnTimeChart, BalanceChart, LimitsChart, HealthChart, PlatformsChart]
SIZE = (1100, 560)


def _shoot(qtbot, chart_class, data, path):
    chart = chart_class()
    qtbot.addWidget(chart)
    chart.set_series(data.series(chart.kind))
    chart.set_range_preset(RangePreset.ONE_YEAR)
    save_png(chart, path, *SIZE, overwrite=True)  # $JIEBEI_SCREENSHOTS keeps the last run's pictures
    image = QImage(str(path))
    assert (image.width(), image.height()) == SIZE
    return chart


@pytest.mark.parametrize("chart_class", CHARTS)
def test_screenshot_in_english(qtbot, generated, screenshot_folder, chart_class):
    chart = _shoot(qtbot, chart_class, generated, screenshot_folder / f"chart-{chart_class.kind.value}-en.png")
    assert chart.title_label.text().isascii()


@pytest.mark.parametrize("chart_class", CHARTS)
def test_screenshot_in_chinese(qtbot, generated, screenshot_folder, chinese, chart_class):
    chart = _shoot(qtbot, chart_class, generated, screenshot_folder / f"chart-{chart_class.kind.value}-zh_CN.png")
    if chart_class is HealthChart:
        assert "良好" in legend_text(chart)


def test_screenshot_of_an_empty_chart(qtbot, empty_data, screenshot_folder):
    chart = _shoot(qtbot, OnTimeChart, empty_data, screenshot_folder / "chart-on_time-empty-en.png")
    assert chart.showing_empty_state
