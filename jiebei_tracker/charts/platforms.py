"""Platforms with a balance over time, against the multi-platform rule's threshold (owing on many platforms at
once is what the article warns about). Run alone: ``python -m jiebei_tracker.charts.platforms [--png FILE]``."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg

from jiebei_tracker.charts.axes import CountAxis, day_x, ordinal_step_arrays
from jiebei_tracker.charts.base import Chart, fill_as_one_path, holds_points
from jiebei_tracker.charts.theme import ChartTheme
from jiebei_tracker.services.series.balance import PlatformCountSeries
from jiebei_tracker.services.series.kinds import ChartKind


class PlatformsChart(Chart):
    kind = ChartKind.PLATFORMS

    def build(self) -> None:
        self.plot = self.add_plot(CountAxis())
        self.count_line = pg.PlotDataItem(skipFiniteCheck=True)  # counts are always finite
        fill_as_one_path(self.count_line)
        self.over_line = pg.PlotDataItem(connect="finite")
        self.threshold_line = pg.PlotDataItem()
        for item in (self.count_line, self.over_line, self.threshold_line):
            self.plot.addItem(item)
        self._drawn_theme: ChartTheme | None = None

    def title(self) -> str:
        return self.tr("Platforms with a balance")

    def empty_message(self) -> str:
        return self.tr(
            "No loans recorded yet.\n\nOnce you add loans, this chart shows on how many platforms you owe money at "
            "the same time — owing on several at once is one reason platforms cut credit limits."
        )

    def label_axes(self) -> None:
        self.set_axis_label(self.plot, self.tr("Platforms"))

    def first_day(self) -> date | None:
        return self.series.days[0] if self.series is not None and self.series.days else None

    def nice_top(self, plot_index: int, top: float) -> float:
        return max(top + 1, self.series.threshold + 1 if self.series is not None else 1)

    def draw(self, series: PlatformCountSeries) -> None:
        theme = self.theme
        x, y = ordinal_step_arrays(series.balance.ordinals, series.counts, series.as_of)
        over = np.where(y >= series.threshold, y, np.nan)
        start = min(series.days[0], series.as_of - timedelta(days=3 * 366)) - timedelta(days=60)
        edge = np.array([day_x(start), day_x(series.as_of + timedelta(days=60))])
        threshold = np.full(2, float(series.threshold))
        # Most changes move no count (a repayment seldom clears a platform): the curves then stay as they are.
        restyle = theme != self._drawn_theme
        self._drawn_theme = theme
        if restyle or not holds_points(self.count_line, x, y):
            self.count_line.setData(
                x, y, pen=theme.pen(theme.primary, 2), fillLevel=0, brush=theme.faded(theme.primary, 60)
            )
        if restyle or not holds_points(self.over_line, x, over):
            self.over_line.setData(x, over, pen=theme.pen(theme.danger, 3.5))
        if restyle or not holds_points(self.threshold_line, edge, threshold):
            self.threshold_line.setData(edge, threshold, pen=theme.threshold_pen)
        self.set_extents(0, (x, y))
        self.set_legend(
            [
                ("■", theme.primary, self.tr("Platforms you owe money to")),
                ("━", theme.danger, self.tr("At or over the rule's limit")),
                ("╌", theme.danger, self.tr("Rule: {count} or more platforms at once").format(count=series.threshold)),
            ]
        )

    def readout_text(self, day: date) -> str:
        series: PlatformCountSeries = self.series
        names = series.on(day)
        text = self.tr("{day} — platforms with a balance: {count}").format(day=day.isoformat(), count=len(names))
        if names:
            text += " (" + ", ".join(names) + ")"
        if len(names) >= series.threshold:
            text += " · " + self.tr("at or over the rule's limit of {count}").format(count=series.threshold)
        return text


if __name__ == "__main__":
    from jiebei_tracker.charts.demo import run_demo

    raise SystemExit(run_demo(PlatformsChart))
