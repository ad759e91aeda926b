"""Health score history: the month-end score over the good / watch / at-risk bands, and below it one lane per
rule showing when its flag was in force (▶ first seen, ○ gone). Run alone:
``python -m jiebei_tracker.charts.health [--png FILE]``."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics

from jiebei_tracker.charts.axes import SECONDS_PER_DAY, day_x, days_x
from jiebei_tracker.charts.base import Chart, holds_points
from jiebei_tracker.charts.theme import ChartTheme
from jiebei_tracker.domain.health import HealthBand
from jiebei_tracker.domain.rules import RULES
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.services.series.health import HealthSeries
from jiebei_tracker.services.series.kinds import ChartKind

# HealthBand.of: good from 80, watch from 60, at risk below. Regions run edge to edge; the legend names the scores.
BANDS = ((HealthBand.GOOD, 80, 100), (HealthBand.WATCH, 60, 80), (HealthBand.AT_RISK, 0, 60))
BAND_SCORES = ((HealthBand.GOOD, 80, 100), (HealthBand.WATCH, 60, 79), (HealthBand.AT_RISK, 0, 59))


def flag_name(flag_id: str) -> str:
    """The short name of a rule's flag, as the lanes and the read-out show it."""
    # Literal QCoreApplication.translate calls: the translation tool only finds texts written out this way.
    names = {
        "overdue": QCoreApplication.translate("HealthChart", "Overdue repayment"),
        "late_history": QCoreApplication.translate("HealthChart", "Late repayments"),
        "borrowing_frequency": QCoreApplication.translate("HealthChart", "Borrowing too often"),
        "multi_platform": QCoreApplication.translate("HealthChart", "Many platforms"),
        "risky_purpose": QCoreApplication.translate("HealthChart", "Risky use of a loan"),
        "transfer_out": QCoreApplication.translate("HealthChart", "Money moved on"),
        "revolving": QCoreApplication.translate("HealthChart", "Borrowing to repay"),
        "credit_report_negative": QCoreApplication.translate("HealthChart", "Negative credit record"),
        "private_lending": QCoreApplication.translate("HealthChart", "Private or small-loan lender"),
        "no_autopay": QCoreApplication.translate("HealthChart", "No autopay"),
    }
    return names.get(flag_id, flag_id)


class HealthChart(Chart):
    kind = ChartKind.HEALTH

    def build(self) -> None:
        self.score_plot = self.add_plot(pg.AxisItem("left"), stretch=3, fixed_y=(0, 105))
        self.bands = {}
        for band, low, high in BANDS:
            region = pg.LinearRegionItem((low, high), orientation="horizontal", movable=False)
            region.setZValue(-20)
            self.score_plot.addItem(region, ignoreBounds=True)
            self.bands[band] = region
        self.score_line = pg.PlotDataItem(symbol="o", symbolSize=6)
        self.score_plot.addItem(self.score_line)
        self.lane_axis = pg.AxisItem("left")
        self.lane_plot = self.add_plot(self.lane_axis, stretch=2, fixed_y=(-0.6, 0.6))
        self.lane_segments = pg.PlotDataItem(connect="pairs")
        self.starts = pg.ScatterPlotItem(symbol="t2", size=11)
        self.ends = pg.ScatterPlotItem(symbol="o", size=9)
        for item in (self.lane_segments, self.starts, self.ends):
            self.lane_plot.addItem(item)
        # The plot clips curves to the view and thins them, which assumes points sorted by day; these are
        # separate (start, end) pairs in lane order, and thinning them joins one lane's end to another's start.
        self.lane_segments.setClipToView(False)
        self.lane_segments.setDownsampling(ds=1, auto=False)
        self.lane_plot.invertY(True)  # the first rule of docs/health-rules.md at the top
        # What the bands and the lanes were last drawn from: a change mostly rescores this month and moves no
        # lane, and setting the lanes' ticks and widths again would lay out and repaint both axes.
        self._bands_theme: ChartTheme | None = None
        self._lanes_drawn: tuple | None = None
        self.score_plot.setMinimumHeight(120)  # the lanes below take their room from the bands, never all of it
        if self.compact:  # the score alone: the lanes leave the layout (hidden, they still took its room)
            self.graphics.ci.removeItem(self.lane_plot)
            self.lane_plot.hide()
            self.score_plot.getAxis("bottom").setStyle(showValues=True)  # the dates, under the plot that shows

    def title(self) -> str:
        return self.tr("Health score")

    def empty_message(self) -> str:
        return self.tr(
            "No health score yet.\n\nThe score is worked out for each month from your loans, repayments, limits and "
            "credit-report notes. Add some, and this chart shows how it moved and when each warning began and ended."
        )

    def label_axes(self) -> None:
        self.set_axis_label(self.score_plot, self.tr("Score"))

    def first_day(self) -> date | None:
        return self.series.days[0].replace(day=1) if self.series is not None and self.series.days else None

    def lanes(self, series: HealthSeries) -> list[str]:
        """The flags ever in force, in the order of docs/health-rules.md (most basic first)."""
        seen = set(series.flags_seen)
        ordered = [rule_id for rule_id in RULES if rule_id in seen]
        return ordered + sorted(seen - set(ordered))

    def draw(self, series: HealthSeries) -> None:
        theme = self.theme
        band_colours = {HealthBand.GOOD: theme.good, HealthBand.WATCH: theme.warning, HealthBand.AT_RISK: theme.danger}
        restyle = theme != self._bands_theme
        self._bands_theme = theme
        if restyle:
            for band, region in self.bands.items():
                region.setBrush(theme.faded(band_colours[band], 32))
                for line in region.lines:
                    line.setPen(theme.pen(theme.faded(band_colours[band], 70), 1))
        x = days_x(series.days)
        scores = np.asarray(series.scores, dtype=np.float64)
        if restyle or not holds_points(self.score_line, x, scores):
            self.score_line.setData(
                x,
                scores,
                pen=theme.pen(theme.primary, 2),
                symbolBrush=theme.primary,
                symbolPen=theme.pen(theme.background, 1),
            )
        self._draw_lanes(series)
        language = display_language()
        self.set_legend(
            [
                ("━", theme.primary, self.tr("Score at each month end")),
                *[("■", band_colours[band], f"{band.label(language)} ({low}–{top})") for band, low, top in BAND_SCORES],
                ("━", theme.danger, self.tr("Warning in force")),
                ("▶", theme.foreground, self.tr("began")),
                ("○", theme.foreground, self.tr("ended")),
            ]
        )

    def _draw_lanes(self, series: HealthSeries) -> None:
        if self.compact:
            return  # no lanes on the small chart (nor their names' width beside the score)
        theme = self.theme
        lanes = self.lanes(series)
        row = {flag_id: index for index, flag_id in enumerate(lanes)}
        end_of_view = day_x(series.as_of + timedelta(days=1))
        xs, ys, start_x, start_y, end_x, end_y = [], [], [], [], [], []
        for period in series.flag_periods:
            lane = row[period.flag_id]
            first = day_x(period.started_on) + SECONDS_PER_DAY / 2
            last = day_x(period.ended_on) + SECONDS_PER_DAY / 2 if period.ended_on else end_of_view
            xs += [first, last]
            ys += [lane, lane]
            start_x.append(first)
            start_y.append(lane)
            if period.ended_on is not None:
                end_x.append(last)
                end_y.append(lane)
        names = [flag_name(flag_id) for flag_id in lanes]
        drawn = (theme, xs, ys, names, self.font().key())  # the font: the lanes' axis is as wide as their names
        if drawn == self._lanes_drawn:
            return
        self._lanes_drawn = drawn
        self.lane_segments.setData(np.array(xs), np.array(ys, dtype=float), pen=theme.pen(theme.danger, 6))
        self.starts.setData(start_x, start_y, brush=theme.foreground, pen=theme.pen(theme.background, 1))
        self.ends.setData(end_x, end_y, brush=theme.background, pen=theme.pen(theme.foreground, 1.5))
        self.lane_axis.setTicks([[(index, name) for index, name in enumerate(names)], []])
        self._fixed_y[1] = (-0.5, len(lanes) - 0.5)
        self.lane_plot.setYRange(*self._fixed_y[1], padding=0)
        self.graphics.ci.layout.setRowStretchFactor(1, max(1, len(lanes)))
        self.graphics.ci.layout.setRowStretchFactor(0, max(3, len(lanes)))
        # Each lane at least a line of text high: on a short chart the score gives up room, the names never overlap.
        line = QFontMetrics(self.font()).height() + 2
        self.lane_plot.setMinimumHeight(len(lanes) * line + 30)
        # Both plots keep the same left edge, wide enough for the longest rule name.
        metrics = QFontMetrics(self.font())
        width = max([metrics.horizontalAdvance(name) for name in names] + [40]) + 16
        self.score_plot.getAxis("left").setWidth(width)
        self.lane_axis.setWidth(width)

    def readout_text(self, day: date) -> str:
        series: HealthSeries = self.series
        index = series.index_on(day)
        point_day, score, flags = series.days[index], series.scores[index], series.flag_ids[index]
        text = self.tr("{day} — score {score} ({band})").format(
            day=point_day.isoformat(), score=score, band=HealthBand.of(score).label(display_language())
        )
        if flags:
            text += " · " + self.tr("in force: {flags}").format(
                flags=", ".join(flag_name(f) for f in self.lanes(series) if f in flags)
            )
        began = [p.flag_id for p in series.flag_periods if p.started_on == point_day]
        ended = [p.flag_id for p in series.flag_periods if p.ended_on == point_day]
        if began:
            text += " · " + self.tr("began: {flags}").format(flags=", ".join(flag_name(f) for f in began))
        if ended:
            text += " · " + self.tr("ended: {flags}").format(flags=", ".join(flag_name(f) for f in ended))
        return text


if __name__ == "__main__":
    from jiebei_tracker.charts.demo import run_demo

    raise SystemExit(run_demo(HealthChart))
