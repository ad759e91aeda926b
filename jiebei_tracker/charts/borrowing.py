"""Borrowing frequency: new loans per month (bars) with the rolling 30-day count against the rule's threshold,
and the amount borrowed per month below. Run alone: ``python -m jiebei_tracker.charts.borrowing [--png FILE]``."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg

from jiebei_tracker.charts.axes import SECONDS_PER_DAY, CountAxis, YuanAxis, day_x, days_x, fen_yuan
from jiebei_tracker.charts.base import Chart
from jiebei_tracker.charts.readout import month_name
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.services.series.borrowing import BorrowingSeries
from jiebei_tracker.services.series.kinds import ChartKind
from jiebei_tracker.services.series.months import next_month

BAR_GAP_SECONDS = 2 * SECONDS_PER_DAY


def month_bar_edges(months: list[date]) -> tuple[np.ndarray, np.ndarray]:
    """Left and right edges of one bar per month, with a small gap between neighbours."""
    starts = days_x(months)
    ends = days_x([next_month(m) for m in months])
    return starts + BAR_GAP_SECONDS, ends - BAR_GAP_SECONDS


class BorrowingChart(Chart):
    kind = ChartKind.BORROWING

    def build(self) -> None:
        self.count_plot = self.add_plot(CountAxis(), stretch=3)
        self.amount_plot = self.add_plot(YuanAxis(), stretch=2)
        self.count_bars = pg.BarGraphItem(x0=[], x1=[], height=[])
        self.amount_bars = pg.BarGraphItem(x0=[], x1=[], height=[])
        self.count_plot.addItem(self.count_bars)
        self.amount_plot.addItem(self.amount_bars)
        self.rolling_line = pg.PlotDataItem()
        self.over_line = pg.PlotDataItem(connect="finite")
        self.threshold_line = pg.PlotDataItem()
        for item in (self.rolling_line, self.over_line, self.threshold_line):
            self.count_plot.addItem(item)

    def title(self) -> str:
        return self.tr("Borrowing frequency")

    def empty_message(self) -> str:
        return self.tr(
            "No loans recorded yet.\n\nOnce you add loans, this chart shows how many you take out each month and "
            "warns when you take several within 30 days — borrowing often is one reason credit limits get cut."
        )

    def label_axes(self) -> None:
        self.set_axis_label(self.count_plot, self.tr("New loans"))
        self.set_axis_label(self.amount_plot, self.tr("Borrowed (¥)"))

    def first_day(self) -> date | None:
        return self.series.first_day if self.series is not None else None

    def draw(self, series: BorrowingSeries) -> None:
        theme = self.theme
        months = [m.month for m in series.months]
        x0, x1 = month_bar_edges(months)
        counts = np.array([m.new_loans for m in series.months], dtype=np.float64)
        amounts = fen_yuan([m.borrowed_fen for m in series.months])
        bar_pen = theme.pen(theme.primary, 1)
        self.count_bars.setOpts(x0=x0, x1=x1, height=counts, brush=theme.faded(theme.primary, 150), pen=bar_pen)
        self.amount_bars.setOpts(
            x0=x0, x1=x1, height=amounts, brush=theme.faded(theme.secondary, 170), pen=theme.pen(theme.secondary, 1)
        )

        x, y = self._rolling_steps(series)
        self.rolling_line.setData(x, y, pen=theme.pen(theme.foreground, 1.5))
        over = np.where(y >= series.threshold, y, np.nan)
        self.over_line.setData(x, over, pen=theme.pen(theme.danger, 3))
        start = min(series.first_day, series.as_of - timedelta(days=3 * 366)) - timedelta(days=60)
        edge = [day_x(start), day_x(series.as_of + timedelta(days=60))]
        self.threshold_line.setData(edge, [series.threshold] * 2, pen=theme.threshold_pen)

        self.set_extents(0, (x0, counts), (x, y), (np.array(edge), np.array([series.threshold] * 2, dtype=float)))
        self.set_extents(1, (x0, amounts))
        self.set_legend(
            [
                ("■", theme.primary, self.tr("New loans per month")),
                ("━", theme.foreground, self.tr("New loans in the last {days} days").format(days=series.window_days)),
                ("━", theme.danger, self.tr("At or over the rule's limit")),
                (
                    "╌",
                    theme.danger,
                    self.tr("Rule: {count} or more in {days} days").format(
                        count=series.threshold, days=series.window_days
                    ),
                ),
                ("■", theme.secondary, self.tr("Amount borrowed per month")),
            ]
        )

    @staticmethod
    def _rolling_steps(series: BorrowingSeries) -> tuple[np.ndarray, np.ndarray]:
        """The daily rolling count as a step line through the days it changes (a few hundred points, not one per
        day for ten years)."""
        counts = np.asarray(series.rolling_counts, dtype=np.float64)
        changes = np.concatenate(([0], np.flatnonzero(np.diff(counts)) + 1))
        starts = day_x(series.first_day) + changes * SECONDS_PER_DAY
        ends = np.append(starts[1:], day_x(series.as_of + timedelta(days=1)))
        x = np.empty(2 * len(starts))
        x[0::2], x[1::2] = starts, ends
        return x, np.repeat(counts[changes], 2)

    def readout_text(self, day: date) -> str:
        series: BorrowingSeries = self.series
        month = series.month(day)
        text = self.tr("{month} — new loans: {count} · borrowed: {amount}").format(
            month=month_name(month.month), count=month.new_loans, amount=format_yuan(month.borrowed_fen)
        )
        if series.first_day is not None and series.first_day <= day <= series.as_of:
            rolling = series.rolling_on(day)
            text += " · " + self.tr("in the {days} days to {day}: {count} new loans").format(
                days=series.window_days, day=day.isoformat(), count=rolling
            )
            if rolling >= series.threshold:
                text += " " + self.tr("(at or over the rule's limit of {count})").format(count=series.threshold)
        return text


if __name__ == "__main__":
    from jiebei_tracker.charts.demo import run_demo

    raise SystemExit(run_demo(BorrowingChart))
