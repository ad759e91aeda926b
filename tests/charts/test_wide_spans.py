"""What makes a switch to ten years cheap, checked against what it replaces: the date axis's ticks, and the month
bars drawn by one call a colour."""

from __future__ import annotations

from datetime import date

import pyqtgraph as pg
import pytest
from pyqtgraph.graphicsItems import DateAxisItem as date_axis_module
from pyqtgraph.graphicsItems.DateAxisItem import ZoomLevel
from PySide6.QtGui import QFont, QFontMetrics

from jiebei_tracker.charts.axes import DayAxis, day_x


@pytest.mark.parametrize(
    ("first", "last", "pixels"),
    [
        (date(2016, 11, 1), date(2026, 11, 28), 830),  # all of ten years
        (date(2023, 11, 28), date(2026, 11, 28), 830),
        (date(2025, 11, 28), date(2026, 11, 28), 830),
        (date(2026, 5, 28), date(2026, 11, 28), 830),
        (date(2026, 10, 1), date(2026, 10, 20), 400),  # days
        (date(1995, 1, 1), date(2040, 1, 1), 300),  # years skipped
    ],
)
def test_the_day_axis_puts_its_ticks_where_pyqtgraphs_date_axis_puts_them(qtbot, monkeypatch, first, last, pixels):
    theirs = pg.DateAxisItem("bottom", utcOffset=0)
    ours = DayAxis()
    theirs.zoomLevels = {
        spacing: ZoomLevel(level.tickSpecs, level.exampleText) for spacing, level in ours.zoomLevels.items()
    }
    theirs.fontMetrics = ours.fontMetrics = QFontMetrics(QFont())  # set by each paint otherwise
    expected = theirs.tickValues(day_x(first), day_x(last), pixels)

    def no_local_time(*_args):
        raise AssertionError("positions are UTC midnights: nothing to convert")

    monkeypatch.setattr(date_axis_module, "applyOffsetFromUtc", no_local_time)
    ticks = ours.tickValues(day_x(first), day_x(last), pixels)
    assert [(spacing, list(values)) for spacing, values in ticks] == [
        (spacing, list(values)) for spacing, values in expected
    ]
    assert sum(len(values) for _spacing, values in ticks) >= 3


@pytest.mark.parametrize("pixels", [120, 200, 300, 830])
def test_month_ticks_fall_on_the_calendars_quarters_or_give_way_to_the_years(qtbot, pixels):
    """However narrow the axis, a month tick is January, April, July or October (or none): never every 10th month."""
    from datetime import UTC, datetime

    axis = DayAxis()
    axis.fontMetrics = QFontMetrics(QFont())
    for spacing, values in axis.tickValues(day_x(date(2023, 1, 1)), day_x(date(2025, 12, 31)), pixels):
        months = {datetime.fromtimestamp(value, UTC).month for value in values}
        assert months <= {1, 4, 7, 10}, (pixels, spacing, sorted(months))
