"""On-time rate: each month's share of installments paid on time (bars), the rate over the last 3, 6 and 12
months (lines), and the months with late or overdue installments marked. Run alone:
``python -m jiebei_tracker.charts.on_time [--png FILE]``."""

from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from jiebei_tracker.charts.axes import SECONDS_PER_DAY, PercentAxis, days_x
from jiebei_tracker.charts.base import Chart
from jiebei_tracker.charts.borrowing import month_bar_edges
from jiebei_tracker.charts.readout import month_name, percent
from jiebei_tracker.services.series.kinds import ChartKind
from jiebei_tracker.services.series.on_time import OnTimeSeries

# Rolling windows: months → line style, so the three lines differ by more than colour.
WINDOW_STYLES = {3: Qt.PenStyle.SolidLine, 6: Qt.PenStyle.DashLine, 12: Qt.PenStyle.DotLine}
MARKER_HEIGHT = 104  # markers sit just above the 100 % line
ZERO_BAR_HEIGHT = 1.5


def _share(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else np.nan


class OnTimeChart(Chart):
    kind = ChartKind.ON_TIME

    def build(self) -> None:
        self.plot = self.add_plot(PercentAxis(), fixed_y=(0, 110))
        self.bars = pg.BarGraphItem(x0=[], x1=[], height=[])
        self.plot.addItem(self.bars)
        self.rolling_lines = {window: pg.PlotDataItem(connect="finite") for window in WINDOW_STYLES}
        for line in self.rolling_lines.values():
            self.plot.addItem(line)
        self.late_marks = pg.ScatterPlotItem(symbol="t1", size=10)
        self.overdue_marks = pg.ScatterPlotItem(symbol="x", size=12)
        self.plot.addItem(self.late_marks)
        self.plot.addItem(self.overdue_marks)
        self._marks_drawn: tuple | None = None  # (theme, late x, overdue x) the markers were last set from

    def title(self) -> str:
        return self.tr("On-time repayment rate")

    def empty_message(self) -> str:
        return self.tr(
            "No installments have fallen due yet.\n\nWhen they do, this chart shows what share you paid on time "
            "each month and over the last 3, 6 and 12 months, and marks the months with late or overdue payments "
            "— paying on time is the first thing that wins a credit limit back."
        )

    def label_axes(self) -> None:
        self.set_axis_label(self.plot, self.tr("Paid on time"))

    def first_day(self) -> date | None:
        return self.series.months[0].month if self.series is not None and self.series.months else None

    def draw(self, series: OnTimeSeries) -> None:
        theme = self.theme
        months = [m.month for m in series.months]
        x0, x1 = month_bar_edges(months)
        rates = np.array([_share(m.on_time, m.counted) for m in series.months])
        # Three brushes shared by all the bars (not one made per bar): a bar's colour says how its month went.
        on_time_brush, late_brush, overdue_brush = (
            QBrush(theme.faded(colour, 160)) for colour in (theme.primary, theme.warning, theme.danger)
        )
        brushes = [overdue_brush if m.overdue else late_brush if m.late else on_time_brush for m in series.months]
        shown = ~np.isnan(rates)
        # A month at 0 % is the worst month there is; a sliver keeps it from looking like a month with nothing due.
        heights = np.maximum(rates, ZERO_BAR_HEIGHT)
        self.bars.setOpts(
            x0=x0[shown],
            x1=x1[shown],
            height=heights[shown],
            brushes=[brush for brush, keep in zip(brushes, shown, strict=True) if keep],
            pen=theme.pen(theme.faded(theme.foreground, 90), 1),
        )
        middles = days_x(months) + 15 * SECONDS_PER_DAY
        colours = {3: theme.good, 6: theme.platforms[3], 12: theme.foreground}
        for window, line in self.rolling_lines.items():
            values = np.array([_share(r.on_time, r.counted) for r in series.rolling[window]])
            line.setData(middles, values, pen=theme.pen(colours[window], 2, WINDOW_STYLES[window]))
        late = middles[[i for i, m in enumerate(series.months) if m.late and not m.overdue]]
        overdue = middles[[i for i, m in enumerate(series.months) if m.overdue]]
        # Most changes mark no other month, and a scatter item's setData costs ~0.5 ms even for a few points.
        marks = (theme, late.tolist(), overdue.tolist())
        if marks != self._marks_drawn:
            self._marks_drawn = marks
            self.late_marks.setData(
                late, [MARKER_HEIGHT] * len(late), brush=theme.warning, pen=theme.pen(theme.warning, 1)
            )
            self.overdue_marks.setData(
                overdue, [MARKER_HEIGHT] * len(overdue), brush=theme.danger, pen=theme.pen(theme.danger, 1)
            )
        self.set_legend(
            [
                ("■", theme.primary, self.tr("Month's rate")),
                ("▲", theme.warning, self.tr("Month with a late payment")),
                ("✕", theme.danger, self.tr("Month with an overdue installment")),
                ("━", colours[3], self.tr("Last 3 months")),
                ("╍", colours[6], self.tr("Last 6 months")),
                ("┈", colours[12], self.tr("Last 12 months")),
            ]
        )

    def readout_text(self, day: date) -> str:
        series: OnTimeSeries = self.series
        index = series.index_of(day)
        if index is None:
            return self.tr("{month} — nothing fell due").format(month=month_name(day))
        month = series.months[index]
        if month.counted == 0:
            text = self.tr("{month} — nothing fell due").format(month=month_name(month.month))
        else:
            text = self.tr("{month} — {on_time} of {counted} installments paid on time ({rate})").format(
                month=month_name(month.month),
                on_time=month.on_time,
                counted=month.counted,
                rate=percent(month.on_time, month.counted),
            )
            if month.late:
                text += " · " + self.tr("paid late: {count}").format(count=month.late)
            if month.overdue:
                text += " · " + self.tr("overdue: {count}").format(count=month.overdue)
        for window in sorted(series.rolling):
            rate = series.rolling[window][index]
            text += " · " + self.tr("last {months} months: {rate} ({on_time}/{counted})").format(
                months=window, rate=percent(rate.on_time, rate.counted), on_time=rate.on_time, counted=rate.counted
            )
        return text


if __name__ == "__main__":
    from jiebei_tracker.charts.demo import run_demo

    raise SystemExit(run_demo(OnTimeChart))
