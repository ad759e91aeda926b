"""Axes for the trend charts: days as a real date axis (positions are UTC-midnight timestamps), yuan, counts and
percentages, each labelled the way the display language writes them."""

from __future__ import annotations

import math
from collections import OrderedDict
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import (
    MONTH_DAY_ZOOM_LEVEL,
    MONTH_SPACING,
    YEAR_MONTH_ZOOM_LEVEL,
    TickSpec,
    ZoomLevel,
)
from PySide6.QtCore import QLocale

from jiebei_tracker.domain.money import FEN_PER_YUAN
from jiebei_tracker.qt_text import display_language

SECONDS_PER_DAY = 86_400
EPOCH = date(1970, 1, 1)
# Closer than this the axis would need hours; a fortnight keeps days readable.
MIN_VISIBLE_DAYS = 14


def day_x(day: date) -> float:
    """Where a day starts on the x axis."""
    return float((day - EPOCH).days * SECONDS_PER_DAY)


def days_x(days) -> np.ndarray:
    return np.fromiter(((d - EPOCH).days for d in days), dtype=np.float64, count=len(days)) * SECONDS_PER_DAY


def x_day(x: float) -> date:
    """The day an x position falls in."""
    return EPOCH + timedelta(days=math.floor(x / SECONDS_PER_DAY))


def fen_yuan(values) -> np.ndarray:
    """Fen to yuan for drawing only (the one place money becomes float)."""
    return np.asarray(values, dtype=np.float64) / FEN_PER_YUAN


class UtcZoomLevel(ZoomLevel):
    """A pyqtgraph zoom level whose ticks are already where they belong: positions are UTC midnights. pyqtgraph
    works each tick's local-time offset out (two QDateTime conversions a tick, ~2 ms for the 130 ticks of ten years
    on each date axis) and then adds the fixed offset, 0, instead."""

    def moveTicksToLocalTimeCoords(self, ticks: np.ndarray, spacing: int, skipFactor: int) -> np.ndarray:
        return ticks


def _month_starts(value: float, step: int, first: bool) -> float:
    """pyqtgraph's stepper for month ticks ``step`` months apart, on the quarters (or half years) of the calendar
    so that January falls on the year's own tick and gives way to it. A step that does not divide the year (when
    even yearly months do not fit, pyqtgraph tries 10, 30, …) and a day beyond the calendar give no tick (inf)."""
    if 12 % step:
        return math.inf
    try:
        day = EPOCH + timedelta(days=math.floor(value / SECONDS_PER_DAY))
        months = day.year * 12 + day.month - 1
        months = (months // step + 1) * step if first else months + step
        return day_x(date(months // 12, months % 12 + 1, 1))
    except (OverflowError, ValueError):
        return math.inf


# pyqtgraph's years-and-months level, except that months thin out to every 3rd or 6th when twelve do not fit: a
# narrow chart (the dashboard's) then still shows 4月 7月 10月 beside the year instead of the year alone; when not
# even those fit, the months give way to the years.
_YEARS_AND_MONTHS = [
    YEAR_MONTH_ZOOM_LEVEL.tickSpecs[0],
    TickSpec(MONTH_SPACING, _month_starts, "%b", autoSkip=[1, 3, 6, 12]),
]


class DayAxis(pg.DateAxisItem):
    """Years, months and days, never hours. Month names follow the display language (3月 / Mar)."""

    def __init__(self, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation, utcOffset=0, **kwargs)
        self.zoomLevels = OrderedDict(
            [
                (np.inf, UtcZoomLevel(_YEARS_AND_MONTHS, YEAR_MONTH_ZOOM_LEVEL.exampleText)),
                (5 * SECONDS_PER_DAY, UtcZoomLevel(MONTH_DAY_ZOOM_LEVEL.tickSpecs, MONTH_DAY_ZOOM_LEVEL.exampleText)),
            ]
        )

    def tickStrings(self, values, scale, spacing):
        chinese = display_language() == "zh_CN"
        locale = QLocale()
        strings = []
        for value in values:
            moment = datetime.fromtimestamp(value, UTC)
            if spacing >= 365 * SECONDS_PER_DAY:
                strings.append(f"{moment.year}年" if chinese else str(moment.year))
            elif spacing >= 28 * SECONDS_PER_DAY:
                strings.append(
                    f"{moment.month}月" if chinese else locale.monthName(moment.month, QLocale.FormatType.ShortFormat)
                )
            else:
                strings.append(f"{moment.day}日" if chinese else str(moment.day))
        return strings


def yuan_tick(yuan: float, *, chinese: bool) -> str:
    """Short axis labels: 12万 / 1.2万 in Chinese, 120k / 1.2M in English."""
    if yuan == 0:
        return "0"
    size = abs(yuan)
    if chinese:
        return f"{yuan / 10_000:g}万" if size >= 10_000 else f"{yuan:g}"
    if size >= 1_000_000:
        return f"{yuan / 1_000_000:g}M"
    return f"{yuan / 1_000:g}k" if size >= 1_000 else f"{yuan:g}"


class YuanAxis(pg.AxisItem):
    """Yuan, shortened (the hover read-out gives the exact amount)."""

    EMPTY_TOP = 1000.0  # nothing in view: ¥0 to ¥1,000 in round steps, not ¥0.2 … ¥0.8

    def __init__(self, orientation: str = "left", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        chinese = display_language() == "zh_CN"
        return [yuan_tick(round(value, 2), chinese=chinese) for value in values]


class CountAxis(pg.AxisItem):
    """Whole numbers only: there is no such thing as half a loan."""

    EMPTY_TOP = 1.0

    def __init__(self, orientation: str = "left", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal, maxVal, size):
        levels = []
        for spacing, values in super().tickValues(minVal, maxVal, size):
            if spacing >= 1:
                levels.append((spacing, [v for v in values if float(v).is_integer()]))
        return levels or [(1.0, [float(v) for v in range(math.ceil(minVal), math.floor(maxVal) + 1)])]

    def tickStrings(self, values, scale, spacing):
        return [str(int(value)) for value in values]


class PercentAxis(pg.AxisItem):
    def __init__(self, orientation: str = "left", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        return [f"{value:g}%" for value in values]


def step_arrays(days, values, end_day: date) -> tuple[np.ndarray, np.ndarray]:
    """x / y arrays that draw a step line: each value holds from its day until the next (the last until the end
    of ``end_day``)."""
    ordinals = np.fromiter(map(date.toordinal, days), dtype=np.int64, count=len(days))  # no Python loop
    return ordinal_step_arrays(ordinals, values, end_day)


def ordinal_step_arrays(ordinals: np.ndarray, values, end_day: date) -> tuple[np.ndarray, np.ndarray]:
    """``step_arrays`` for days given as ``date.toordinal()`` numbers (series that keep them so)."""
    count = len(ordinals)
    if count == 0:
        return np.empty(0), np.empty(0)
    starts = (ordinals - EPOCH.toordinal()).astype(np.float64)
    starts *= SECONDS_PER_DAY
    ends = np.empty(count)
    ends[:-1] = starts[1:]
    ends[-1] = max(day_x(end_day + timedelta(days=1)), starts[-1])
    x = np.empty(2 * count)
    x[0::2], x[1::2] = starts, ends
    y = np.repeat(np.asarray(values, dtype=np.float64), 2)
    return x, y
