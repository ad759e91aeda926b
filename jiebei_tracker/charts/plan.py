"""The Plan page's two charts, of months to come: the money going out each month with and without a change (the
what-if), and the principal still owed month by month under each payoff strategy. Fixed views of a year or a
plan — no zoom, no pan: the wheel scrolls the page."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QStackedWidget, QVBoxLayout, QWidget

from jiebei_tracker.charts.axes import SECONDS_PER_DAY, DayAxis, YuanAxis, day_x, days_x, fen_yuan
from jiebei_tracker.charts.base import unbroken
from jiebei_tracker.charts.theme import ChartTheme, theme_for
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.qt_text import plain_label
from jiebei_tracker.services.series.months import next_month


class _MonthsChart(QWidget):
    """A title, a legend, one plot of months on a date axis against yuan, and a line shown when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: ChartTheme = theme_for(self.palette())
        self.title_label = QLabel()
        font = QFont(self.title_label.font())
        font.setBold(True)
        self.title_label.setFont(font)
        self.legend_label = QLabel()
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setMinimumHeight(220)
        self.graphics.viewport().installEventFilter(self)
        self.plot = self.graphics.addPlot(axisItems={"bottom": DayAxis(), "left": YuanAxis()})
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.15)
        self.plot.vb.setMouseEnabled(x=False, y=False)
        self.plot.getAxis("left").setWidth(64)
        self.empty_label = plain_label()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.graphics)
        self.stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.stack, 1)
        self._apply_theme()

    def set_legend(self, entries: Sequence[tuple[str, QColor, str]]) -> None:
        self.legend_label.setText(
            "&nbsp;&nbsp;&nbsp; ".join(
                f'<span style="color:{colour.name()}; font-weight:bold">{sample}</span>&nbsp;'
                f"{html.escape(unbroken(name))}"
                for sample, colour, name in entries
            )
        )

    def show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)
        self.legend_label.hide()

    def show_plot(self, first: date, last: date, top_fen: int) -> None:
        self.stack.setCurrentWidget(self.graphics)
        self.legend_label.show()
        self.plot.setXRange(day_x(first), day_x(next_month(last)), padding=0.01)
        self.plot.setYRange(0, max(top_fen / 100, 1) * 1.08, padding=0)

    def _apply_theme(self) -> None:
        self.theme = theme_for(self.palette())
        self.graphics.setBackground(self.theme.background)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(self.theme.pen(self.theme.foreground, 1))
            axis.setTextPen(self.theme.foreground)

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_theme()
            self.retranslate_ui()  # draws again in the new colours
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The wheel scrolls the page the chart is on (the chart does not zoom)."""
        if event.type() == QEvent.Type.Wheel:
            area = self.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is not None:
                QCoreApplication.sendEvent(area.verticalScrollBar(), event)
                return True
        return super().eventFilter(watched, event)


class OutflowChart(_MonthsChart):
    """What the installments ask each month, as things are and with the change: two bars side by side a month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.before_bars = pg.BarGraphItem(x0=[], x1=[], height=[])
        self.after_bars = pg.BarGraphItem(x0=[], x1=[], height=[])
        self.plot.addItem(self.before_bars)
        self.plot.addItem(self.after_bars)
        self.months: list[tuple[date, int, int]] = []
        self.retranslate_ui()

    def set_months(self, months: Sequence[tuple[date, int, int]]) -> None:
        """(month's first day, before, after) in fen, oldest first."""
        self.months = list(months)
        self.draw()

    def draw(self) -> None:
        months = self.months
        if not months or not any(before or after for _, before, after in months):
            self.show_empty(self.tr("Nothing falls due in these twelve months, with the change or without."))
            return
        theme = self.theme
        starts = days_x([m for m, _, _ in months])
        ends = days_x([next_month(m) for m, _, _ in months])
        middle = (starts + ends) / 2
        gap = 2 * SECONDS_PER_DAY
        before = fen_yuan([b for _, b, _ in months])
        after = fen_yuan([a for _, _, a in months])
        self.before_bars.setOpts(
            x0=starts + gap, x1=middle, height=before, brush=theme.faded(theme.other, 160), pen=None
        )
        self.after_bars.setOpts(x0=middle, x1=ends - gap, height=after, brush=theme.faded(theme.primary, 200), pen=None)
        self.set_legend(
            [
                ("■", theme.other, self.tr("As things are")),
                ("■", theme.primary, self.tr("With the change")),
            ]
        )
        top = max(max(b, a) for _, b, a in months)
        self.show_plot(months[0][0], months[-1][0], top)

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Going out each month, the next twelve months"))
        self.draw()


class PlanBalanceChart(_MonthsChart):
    """The principal still owed under each strategy, from the plan's first day to each month's end: a line a
    strategy (the second dashed, so one that runs on top of the other still shows)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[pg.PlotDataItem] = []
        self.plans: list[tuple[str, list[tuple[date, int]]]] = []
        self.retranslate_ui()

    def set_plans(self, plans: Sequence[tuple[str, Sequence[tuple[date, int]]]]) -> None:
        """(name, [(day, principal owed on it)]) of each strategy: the first day, then each month's end."""
        self.plans = [(name, list(points)) for name, points in plans]
        self.draw()

    def draw(self) -> None:
        for line in self.lines:
            self.plot.removeItem(line)
        self.lines = []
        plans = [(name, points) for name, points in self.plans if points]
        if not plans:
            self.show_empty(self.tr("No loan is being repaid: there is nothing to plan."))
            return
        theme = self.theme
        colours = [theme.primary, theme.secondary, theme.good]
        entries = []
        styles = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine]
        for (name, points), colour, style in zip(plans, colours, styles, strict=False):
            x = days_x([day for day, _ in points])
            y = fen_yuan([balance for _, balance in points])
            pen = theme.pen(colour, 2.5 if style is Qt.PenStyle.SolidLine else 2, style)
            line = pg.PlotDataItem(x, y, pen=pen, symbol="o", symbolSize=5, symbolBrush=colour, symbolPen=None)
            self.plot.addItem(line)
            self.lines.append(line)
            entries.append(("━" if style is Qt.PenStyle.SolidLine else "╌", colour, name))
        self.set_legend(entries)
        first = min(points[0][0] for _, points in plans).replace(day=1)
        last = max(points[-1][0] for _, points in plans).replace(day=1)
        top = max(max(balance for _, balance in points) for _, points in plans)
        self.show_plot(first, last, top)

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Principal still owed, month by month"))
        self.draw()


def outflow_readout(months: Sequence[tuple[date, int, int]]) -> str:
    """The figures of the outflow chart as text (its accessible description)."""
    return "; ".join(f"{m:%Y-%m}: {format_yuan(b)} → {format_yuan(a)}" for m, b, a in months)
