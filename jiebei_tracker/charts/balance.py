"""Outstanding principal over time, stacked by platform (the largest at the bottom; beyond six platforms the rest
are one "other platforms" layer). Each layer has its own hatching as well as its colour, and the legend shows both,
so the layers are told apart without colour. Run alone: ``python -m jiebei_tracker.charts.balance [--png FILE]``."""

from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from jiebei_tracker.charts.axes import YuanAxis, fen_yuan, ordinal_step_arrays
from jiebei_tracker.charts.base import Chart, fill_as_one_path, holds_points
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.services.series.balance import BalanceSeries
from jiebei_tracker.services.series.kinds import ChartKind

MAX_PLATFORMS_SHOWN = 6
# The layers' fills bottom to top, each with the legend's glyph that looks like it: solid, then hatchings. One for
# each of the seven layers there can be (six platforms, then a seventh or "other platforms").
_B = Qt.BrushStyle
HATCHES = (
    (_B.SolidPattern, "■"),
    (_B.BDiagPattern, "▨"),
    (_B.HorPattern, "▤"),
    (_B.FDiagPattern, "▧"),
    (_B.VerPattern, "▥"),
    (_B.CrossPattern, "▦"),
    (_B.DiagCrossPattern, "▩"),
)


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
        # Each layer's hatching: the same curve filled again with the pattern over the area's tint (a texture
        # brush on the area itself would be stretched with the plot's scale; Qt draws a pattern brush unscaled).
        self.hatches: list[pg.PlotDataItem] = []
        self._area_styles: list[tuple | None] = []  # (colour, hatch, theme) each area was last set with

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
            hatch, glyph = HATCHES[index]
            area = self.areas[index]
            # A change to one platform moves only the running totals from its layer up: the layers below keep
            # their curves (and pyqtgraph the paths it built for them).
            hatching = self.hatches[index]
            if self._area_styles[index] != (colour, hatch, theme) or not holds_points(area, x, totals[index]):
                area.setData(
                    x, totals[index], pen=theme.pen(colour, 1), fillLevel=0, brush=_tint(colour, theme.background)
                )
                if hatch != Qt.BrushStyle.SolidPattern:
                    hatching.setData(x, totals[index], pen=None, fillLevel=0, brush=QBrush(colour, hatch))
                self._area_styles[index] = (colour, hatch, theme)
            area.setZValue(-index)  # the topmost running total is the tallest: drawn first, underneath
            hatching.setZValue(-index + 0.5)  # over its own area, under the smaller ones drawn over it
            area.setVisible(True)
            hatching.setVisible(hatch != Qt.BrushStyle.SolidPattern)
            legend.append((glyph, colour, platform if platform is not None else self.tr("Other platforms")))
        for index in range(len(layers), len(self.areas)):
            self.areas[index].setVisible(False)
            self.hatches[index].setVisible(False)
        self.set_extents(0, (x, stacked))
        self.set_legend(legend)

    def _ensure_layers(self, count: int) -> None:
        while len(self.areas) < count:
            area = pg.PlotDataItem(skipFiniteCheck=True)  # the balances are always finite
            fill_as_one_path(area)  # ~150 fillPath calls a paint → 7
            self.plot.addItem(area)
            self.areas.append(area)
            hatching = pg.PlotDataItem(skipFiniteCheck=True)
            fill_as_one_path(hatching)
            self.plot.addItem(hatching)
            self.hatches.append(hatching)
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
