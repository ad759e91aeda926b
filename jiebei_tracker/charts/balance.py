"""Outstanding principal over time, stacked by platform (the largest at the bottom; beyond six platforms the rest
are one "other platforms" layer). Run alone: ``python -m jiebei_tracker.charts.balance [--png FILE]``."""

from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from jiebei_tracker.charts.axes import YuanAxis, fen_yuan, ordinal_step_arrays
from jiebei_tracker.charts.base import Chart, fill_as_one_path, holds_points
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.services.series.balance import BalanceSeries
from jiebei_tracker.services.series.kinds import ChartKind

MAX_PLATFORMS_SHOWN = 6


def _tint(colour: QColor, background: QColor, share: float = 0.45) -> QColor:
    """``colour`` laid at ``share`` opacity over ``background``, as one opaque colour."""
    mix = [
        round(share * a + (1 - share) * b) for a, b in zip(colour.getRgb()[:3], background.getRgb()[:3], strict=True)
    ]
    return QColor(*mix)


class BalanceChart(Chart):
    kind = ChartKind.BALANCE

    def build(self) -> None:
        self.plot = self.add_plot(YuanAxis())
        # One filled curve per layer, made when first needed and reused on every redraw.
        self.areas: list[pg.PlotDataItem] = []
        self._area_styles: list[tuple | None] = []  # (colour, theme) each area was last set with

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

    def layers(self, series: BalanceSeries) -> list[tuple[str | None, np.ndarray]]:
        """(platform, balances in fen) bottom to top; None names the "other platforms" layer."""
        shown = [(p, series.balances_fen[p]) for p in series.platforms[:MAX_PLATFORMS_SHOWN]]
        rest = series.platforms[MAX_PLATFORMS_SHOWN:]
        if len(rest) == 1:
            shown.append((rest[0], series.balances_fen[rest[0]]))
        elif rest:
            shown.append((None, sum(series.balances_fen[p] for p in rest)))
        return shown

    def draw(self, series: BalanceSeries) -> None:
        theme = self.theme
        layers = self.layers(series)
        self._ensure_layers(len(layers))
        x, _ = ordinal_step_arrays(series.ordinals, np.zeros(len(series.days)), series.as_of)
        # Each layer is drawn as its running total filled down to zero, the tallest first and each smaller one
        # over it, in opaque tints: it looks like a stacked area but needs no fill between two 7,000-point curves
        # (pyqtgraph's FillBetweenItem took ~60 ms a layer on ten years of history).
        stacked = np.zeros(len(x))
        totals = []
        for _platform, balances in layers:
            stacked = stacked + np.repeat(fen_yuan(balances), 2)
            totals.append(stacked)
        legend = []
        for index, (platform, _balances) in enumerate(layers):
            colour = theme.other if platform is None else theme.platforms[index % len(theme.platforms)]
            area = self.areas[index]
            # A change to one platform moves only the running totals from its layer up: the layers below keep
            # their curves (and pyqtgraph the paths it built for them).
            if self._area_styles[index] != (colour, theme) or not holds_points(area, x, totals[index]):
                area.setData(
                    x, totals[index], pen=theme.pen(colour, 1), fillLevel=0, brush=_tint(colour, theme.background)
                )
                self._area_styles[index] = (colour, theme)
            area.setZValue(-index)  # the topmost running total is the tallest: drawn first, underneath
            area.setVisible(True)
            legend.append(("■", colour, platform if platform is not None else self.tr("Other platforms")))
        for index in range(len(layers), len(self.areas)):
            self.areas[index].setVisible(False)
        self.set_extents(0, (x, stacked))
        self.set_legend(legend)

    def _ensure_layers(self, count: int) -> None:
        while len(self.areas) < count:
            area = pg.PlotDataItem(skipFiniteCheck=True)  # the balances are always finite
            fill_as_one_path(area)  # ~150 fillPath calls a paint → 7
            self.plot.addItem(area)
            self.areas.append(area)
            self._area_styles.append(None)

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
