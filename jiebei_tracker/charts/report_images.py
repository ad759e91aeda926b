"""The six charts as PNG pictures for the printable health report: the same rendering as "Save as PNG…"."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from jiebei_tracker.charts.balance import BalanceChart
from jiebei_tracker.charts.borrowing import BorrowingChart
from jiebei_tracker.charts.export import render_png
from jiebei_tracker.charts.health import HealthChart
from jiebei_tracker.charts.limits import LimitsChart
from jiebei_tracker.charts.on_time import OnTimeChart
from jiebei_tracker.charts.platforms import PlatformsChart
from jiebei_tracker.services.series.kinds import RangePreset

if TYPE_CHECKING:
    from jiebei_tracker.services.series.data import ChartData

REPORT_CHARTS = (HealthChart, BorrowingChart, OnTimeChart, BalanceChart, PlatformsChart, LimitsChart)
REPORT_SIZE = (1000, 460)


def report_chart_images(
    data: ChartData,
    *,
    as_of: date,
    preset: RangePreset = RangePreset.ONE_YEAR,
    size: tuple[int, int] = REPORT_SIZE,
) -> dict[str, bytes]:
    """Each chart's title (in the language installed in the running QApplication) → its PNG, drawn from
    ``data`` (the series as of ``as_of``, from services) over ``preset`` ending ``as_of``. Needs a QApplication
    (the CLI makes an offscreen one)."""
    if QApplication.instance() is None:
        raise RuntimeError("report_chart_images needs a QApplication")
    images: dict[str, bytes] = {}
    for chart_class in REPORT_CHARTS:
        chart = chart_class()
        try:
            chart.set_series(data.series(chart.kind))
            chart.set_range_preset(preset)
            images[chart.title()] = render_png(chart, *size)
        finally:
            chart.deleteLater()
    return images
