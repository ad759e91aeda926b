"""Outstanding principal over time, stacked by platform (the largest at the bottom; beyond six platforms the rest
are one "other platforms" layer). Run alone: ``python -m jiebei_tracker.charts.balance [--png FILE]``."""

from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg

from jiebei_tracker.charts.axes import YuanAxis, fen_yuan
from jiebei_tracker.charts.base import Chart, step_arrays
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.services.series import ChartKind
from jiebei_tracker.services.series_balance import BalanceSeries

MAX_PLATFORMS_SHOWN = 6


class BalanceChart(Chart):
    kind = ChartKind.BALANCE

    def build(self) -> None:
        self.plot = self.add_plot(YuanAxis())
        self.baseline = pg.PlotDataItem()
        self.plot.addItem(self.baseline)
        # One edge line and one fill per layer, made when first needed and reused on every redraw.
        self.edges: list[pg.PlotDataItem] = []
        self.fills: list[pg.FillBetweenItem] = []

    def title(self) -> str:
        return self.tr("Outstanding principal by platform")

    def empty_message(self) -> str:
        return self.tr(
            "No loans recorded yet.\n\nOnce you add loans and repayments, this chart shows how much principal you "
            "still owe day by day, platform by platform — and how it falls as you repay."
        )

    def label_axes(self) -> None:
        self.set_axis_label(self.plot, self.tr("Outstanding principal (¥)"))

    def first_day(self) -> date | None:
        return self.series.days[0] if self.series is not None and self.series.days else None

    def layers(self, series: BalanceSeries) -> list[tuple[str | None, tuple[int, ...]]]:
        """(platform, balances) bottom to top; None names the "other platforms" layer."""
        shown = [(p, series.balances_fen[p]) for p in series.platforms[:MAX_PLATFORMS_SHOWN]]
        rest = series.platforms[MAX_PLATFORMS_SHOWN:]
        if len(rest) == 1:
            shown.append((rest[0], series.balances_fen[rest[0]]))
        elif rest:
            columns = [series.balances_fen[p] for p in rest]
            shown.append((None, tuple(sum(values) for values in zip(*columns, strict=True))))
        return shown

    def draw(self, series: BalanceSeries) -> None:
        theme = self.theme
        layers = self.layers(series)
        self._ensure_layers(len(layers))
        x, zero = step_arrays(series.days, [0] * len(series.days), series.as_of)
        self.baseline.setData(x, zero, pen=None)
        stacked = np.zeros_like(zero)
        legend = []
        for index, (platform, balances) in enumerate(layers):
            colour = theme.other if platform is None else theme.platforms[index % len(theme.platforms)]
            _, values = step_arrays(series.days, fen_yuan(balances), series.as_of)
            stacked = stacked + values
            edge, fill = self.edges[index], self.fills[index]
            edge.setData(x, stacked, pen=theme.pen(colour, 1.5))
            fill.setBrush(theme.faded(colour, 120))
            edge.setVisible(True)
            fill.setVisible(True)
            legend.append(("■", colour, platform if platform is not None else self.tr("Other platforms")))
        for index in range(len(layers), len(self.edges)):
            self.edges[index].setVisible(False)
            self.fills[index].setVisible(False)
        self.set_extents(0, (x, stacked))
        self.set_legend(legend)

    def _ensure_layers(self, count: int) -> None:
        while len(self.edges) < count:
            lower = self.edges[-1] if self.edges else self.baseline
            edge = pg.PlotDataItem()
            fill = pg.FillBetweenItem(lower, edge)
            fill.setZValue(-10)  # fills under every edge line
            self.plot.addItem(edge)
            self.plot.addItem(fill)
            self.edges.append(edge)
            self.fills.append(fill)

    def readout_text(self, day: date) -> str:
        series: BalanceSeries = self.series
        balances = series.on(day)
        text = self.tr("{day} — outstanding principal: {total}").format(
            day=day.isoformat(), total=format_yuan(sum(balances.values()))
        )
        owed = sorted(((fen, p) for p, fen in balances.items() if fen), reverse=True)
        if owed:
            text += " · " + " · ".join(f"{platform} {format_yuan(fen)}" for fen, platform in owed)
        return text


if __name__ == "__main__":
    from jiebei_tracker.charts.demo import run_demo

    raise SystemExit(run_demo(BalanceChart))
