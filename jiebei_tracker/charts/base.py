"""The base of every trend chart: a title, plots on a shared date axis, a helpful empty state, the hover read-out,
range presets, zoom and pan along time, and colours that follow the widget's palette."""

from __future__ import annotations

import html
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.charts.axes import MIN_VISIBLE_DAYS, SECONDS_PER_DAY, DayAxis, day_x, x_day
from jiebei_tracker.charts.export import PngExportDialog, save_png
from jiebei_tracker.charts.theme import ChartTheme, theme_for
from jiebei_tracker.domain.errors import FileProblem
from jiebei_tracker.qt_text import message_box, plain_label, plain_tooltip
from jiebei_tracker.services.series.kinds import ChartKind, RangePreset, preset_span

# How far past the data the view may be dragged, so the first and last points are never stuck to the edge.
PAN_MARGIN_DAYS = 45


class Chart(QWidget):
    """Subclasses set ``kind``, build their plots and items once in ``build()`` (``add_plot``), update the
    items in ``draw(series)`` (setData / setOpts, never new items), and say what the read-out shows for a day.
    ``compact`` is the small dashboard version: no legend, the read-out as a tooltip."""

    kind: ChartKind

    span_changed = Signal(object, object)
    """Emitted with the first and last day shown, after a preset, a zoom or a pan."""

    def __init__(self, *, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compact = compact
        self.series = None
        self.theme: ChartTheme = theme_for(self.palette())
        self.plots: list[pg.PlotItem] = []
        self._crosshairs: list[pg.InfiniteLine] = []
        self._fixed_y: dict[int, tuple[float, float]] = {}
        # Per plot, the (x, y) arrays drawn, so the y axis can fit what is in view (bars ignore "auto visible").
        self._extents: dict[int, list[tuple[np.ndarray, np.ndarray]]] = {}
        self._span: tuple[date, date] | None = None
        self._preset = RangePreset.ONE_YEAR
        self._message: str | None = None

        self.title_label = plain_label()  # may name a platform
        font = QFont(self.title_label.font())
        font.setBold(True)
        if not compact:
            font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.header = QHBoxLayout()
        self.header.addWidget(self.title_label, 1)
        # Children made with their parent (here and below): one shown before it is laid out would flash up as a
        # window of its own, taking the focus from whatever the user is typing into.
        self.legend_label = QLabel(self)
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setVisible(not compact)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.graphics.installEventFilter(self)
        self.graphics.viewport().installEventFilter(self)  # the wheel: see _wheel_scrolls_the_page
        self.readout = plain_label(parent=self)  # names platforms
        self.readout.setWordWrap(True)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setVisible(not compact)
        plot_page = QWidget()
        plot_layout = QVBoxLayout(plot_page)
        plot_layout.setContentsMargins(0, 0, 0, 0)
        plot_layout.addWidget(self.legend_label)
        plot_layout.addWidget(self.graphics, 1)
        plot_layout.addWidget(self.readout)
        # The empty state sits on the plot's own background, so it reads as the chart speaking, not a hole.
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMaximumWidth(560)
        self.empty_label.setMargin(12)
        self.empty_page = QWidget()
        self.empty_page.setBackgroundRole(QPalette.ColorRole.Base)
        self.empty_page.setAutoFillBackground(True)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.empty_label, 4)
        middle.addStretch(1)
        empty_layout = QVBoxLayout(self.empty_page)
        empty_layout.addStretch(1)
        empty_layout.addLayout(middle)
        empty_layout.addStretch(2)
        self.empty_text = ""
        self.stack = QStackedWidget()
        self.stack.addWidget(plot_page)
        self.stack.addWidget(self.empty_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.header)
        layout.addWidget(self.stack, 1)

        # Right-click offers our own (translated) export instead of pyqtgraph's menu, which is switched off.
        self.save_action = QAction(self)
        self.save_action.triggered.connect(self.save_png)
        self.graphics.addAction(self.save_action)
        self.graphics.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.build()
        if self.plots:
            self.plots[0].vb.sigXRangeChanged.connect(self._on_x_range_changed)
        self._mouse_proxy = pg.SignalProxy(self.graphics.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse_moved)
        self._apply_theme()
        self.retranslate_ui()
        self._show_state()

    # -- for subclasses ----------------------------------------------------------------------------------

    def build(self) -> None:
        raise NotImplementedError

    def draw(self, series) -> None:
        raise NotImplementedError

    def readout_text(self, day: date) -> str:
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError

    def empty_message(self) -> str:
        raise NotImplementedError

    def label_axes(self) -> None:
        """Set the axis labels (called again when the language changes)."""

    def first_day(self) -> date | None:
        """Where "All" starts for this chart's data."""
        return None

    def add_plot(self, left_axis: pg.AxisItem, *, stretch: int = 1, fixed_y: tuple[float, float] | None = None):
        """A plot in the next row, its time axis linked to the first plot's; only time zooms and pans."""
        row = len(self.plots)
        plot = self.graphics.addPlot(row=row, col=0, axisItems={"bottom": DayAxis(), "left": left_axis})
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.vb.setMouseEnabled(x=True, y=False)
        plot.vb.setLimits(minXRange=MIN_VISIBLE_DAYS * SECONDS_PER_DAY)
        plot.disableAutoRange()
        # Curves draw only the points in view, at most about two per pixel ("peak" keeps each pixel's highest
        # and lowest, so no step or spike disappears): ten years of daily steps cost what one year does.
        # Set on the plot, because PlotItem.addItem applies its own settings to every curve added.
        plot.setClipToView(True)
        plot.setDownsampling(auto=True, mode="peak")
        left_axis.setWidth(56 if not self.compact else 40)
        if fixed_y is not None:
            self._fixed_y[row] = fixed_y
            plot.setYRange(*fixed_y, padding=0)
        if self.plots:
            plot.setXLink(self.plots[0])
            self.plots[-1].getAxis("bottom").setStyle(showValues=False)  # one date axis, under the last plot
        self.graphics.ci.layout.setRowStretchFactor(row, stretch)
        crosshair = pg.InfiniteLine(angle=90, movable=False)
        crosshair.setVisible(False)
        plot.addItem(crosshair, ignoreBounds=True)
        self.plots.append(plot)
        self._crosshairs.append(crosshair)
        return plot

    def set_legend(self, entries: list[tuple[str, QColor, str]]) -> None:
        """The legend above the plots, one entry per ``(sample, colour, name)``; the sample is a glyph drawn in
        the series' colour (■ bars, ━ lines, ╌ thresholds, ▼ markers). A row of text never covers the data."""
        parts = [
            f'<span style="color:{colour.name()}; font-weight:bold; font-size:large">{sample}</span>'
            f"&nbsp;{html.escape(unbroken(name))}"
            for sample, colour, name in entries
        ]
        self.legend_label.setText("&nbsp;&nbsp;&nbsp; ".join(parts))  # lines break between entries only

    def set_extents(self, plot_index: int, *arrays: tuple[np.ndarray, np.ndarray]) -> None:
        """The (x, y) arrays drawn in a plot, for fitting its y axis to the visible days."""
        self._extents[plot_index] = list(arrays)

    # -- what callers use --------------------------------------------------------------------------------

    def set_series(self, series) -> None:
        """Draw ``series`` (None, or an empty one, shows the empty state), keeping the shown time span."""
        if series is self.series and self._message is None and series is not None:
            return  # the same series object: nothing moved (series are immutable and cached by ChartData)
        self.series = series
        self._message = None
        if series is not None and not series.is_empty:
            self.draw(series)
            self._thin_curves()
            self._set_pan_limits()
            if self._span is None:
                self.set_range_preset(self._preset)
            else:
                self._apply_span()
        self._show_state()

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of the plots (e.g. while the series is being worked out)."""
        self._message = text
        self._show_state()

    @property
    def showing_empty_state(self) -> bool:
        return self.stack.currentWidget() is self.empty_page

    def set_range_preset(self, preset: RangePreset) -> None:
        self._preset = preset
        as_of = self.series.as_of if self.series is not None else date.today()
        self.set_span(*preset_span(preset, as_of=as_of, first_day=self.first_day()))

    def set_span(self, start: date, end: date) -> None:
        """Show the days ``start`` … ``end``."""
        self._span = (start, end)
        self._apply_span()

    def visible_span(self) -> tuple[date, date]:
        (x0, x1), _ = self.plots[0].vb.viewRange()
        return x_day(x0), x_day(x1)

    def show_readout_at(self, day: date) -> str:
        """Show the exact values for ``day`` (what hovering over it shows) and return the text."""
        if self.series is None or self.series.is_empty:
            return ""
        text = self.readout_text(day)
        x = day_x(day) + SECONDS_PER_DAY / 2
        for crosshair in self._crosshairs:
            crosshair.setPos(x)
            crosshair.setVisible(True)
        if self.compact:
            self.graphics.setToolTip(plain_tooltip(text))
        else:
            self.readout.setText(text)
        return text

    def copy_view_from(self, other: Chart) -> None:
        """Show what ``other`` shows: its series and the exact time range in view (subclasses add their own
        choices). Used to render a chart off screen at another size."""
        self._preset, self._span = other._preset, other._span
        self.set_series(other.series)
        if other._message is not None:
            self.show_message(other._message)
        self._copied_x_range = tuple(other.plots[0].vb.viewRange()[0]) if other.plots else None

    def apply_view(self) -> None:
        """Put the copied time range back once laid out (a resize may have moved it)."""
        x_range = getattr(self, "_copied_x_range", None)
        if x_range is not None and self.series is not None and not self.series.is_empty:
            self.plots[0].setXRange(*x_range, padding=0)
            self._fit_y(*x_range)

    def save_png(self) -> Path | None:
        """Ask for a size and a file, and save the chart there as PNG; returns the file (None if cancelled)."""
        name = f"{self.kind.value}-{date.today().isoformat()}.png"
        answer = PngExportDialog.ask(self, suggested_path=Path.home() / name)
        if answer is None:
            return None
        path, width, height = answer
        try:
            save_png(self, path, width, height, overwrite=True)  # the dialog asked before taking a used name
        except FileProblem as problem:
            message_box(self, QMessageBox.Icon.Warning, self.tr("Save chart as PNG"), str(problem))
            return None
        return path

    def retranslate_ui(self) -> None:
        self.save_action.setText(self.tr("Save as PNG…"))
        self.title_label.setText(self.title())
        self.label_axes()
        self._reset_readout()
        if self.series is not None and not self.series.is_empty:
            self.draw(self.series)  # legend entries carry translated names
        self._show_state()

    # -- Qt plumbing -------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange:
            self._apply_theme()
            if self.series is not None and not self.series.is_empty:
                self.draw(self.series)
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and watched is self.graphics.viewport():
            return self._wheel_scrolls_the_page(event)
        if watched is self.graphics and event.type() == QEvent.Type.Leave:
            for crosshair in self._crosshairs:
                crosshair.setVisible(False)
            self._reset_readout()
        return super().eventFilter(watched, event)

    def _wheel_scrolls_the_page(self, event: QWheelEvent) -> bool:
        """On a page that scrolls, the wheel scrolls the page; it zooms the chart only with Ctrl held or once
        the chart was clicked (has the focus). True when the chart should not see the event."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier or self.graphics.hasFocus():
            return False
        area = self.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            return False  # nothing to scroll: the wheel zooms as usual
        QCoreApplication.sendEvent(area.verticalScrollBar(), event)
        return True

    def _on_mouse_moved(self, args) -> None:
        position = args[0]
        for plot in self.plots:
            if plot.vb.sceneBoundingRect().contains(position):
                self.show_readout_at(x_day(plot.vb.mapSceneToView(position).x()))
                return

    def _on_x_range_changed(self, _view, x_range) -> None:
        self._fit_y(*x_range)
        self.span_changed.emit(x_day(x_range[0]), x_day(x_range[1]))

    def _fit_y(self, x0: float, x1: float) -> None:
        for index, plot in enumerate(self.plots):
            if index in self._fixed_y:
                continue
            top = 0.0
            for x, y in self._extents.get(index, ()):
                if len(x) == 0:
                    continue
                # Include the point just before the view: step lines hold its value into the view.
                first = max(int(np.searchsorted(x, x0, side="right")) - 1, 0)
                last = int(np.searchsorted(x, x1, side="right"))
                visible = y[first:last]
                if len(visible):
                    top = max(top, float(np.nanmax(visible)) if not np.all(np.isnan(visible)) else 0.0)
            plot.setYRange(0, self.nice_top(index, top), padding=0)

    def nice_top(self, plot_index: int, top: float) -> float:
        """The top of a plot's y axis for the largest value in view (a little headroom for the legend); with
        nothing in view, what its axis calls an empty scale (``EMPTY_TOP``: ¥1,000 for money, 1 for a count)."""
        if top > 0:
            return top * 1.08
        return getattr(self.plots[plot_index].getAxis("left"), "EMPTY_TOP", 1.0)

    def _apply_span(self) -> None:
        if self._span is None or not self.plots:
            return
        start, end = self._span
        x0, x1 = day_x(start), day_x(end + timedelta(days=1))
        self.plots[0].setXRange(x0, x1, padding=0.01)
        self._fit_y(x0, x1)

    def _thin_curves(self) -> None:
        """About one point per pixel (two with "peak") instead of pyqtgraph's five: the same picture, and
        half the painting time for ten years in view. pyqtgraph has no setter for this factor."""
        for plot in self.plots:
            for item in plot.listDataItems():
                if isinstance(item, pg.PlotDataItem):
                    item.opts["autoDownsampleFactor"] = 1.0

    def _set_pan_limits(self) -> None:
        first = self.first_day()
        as_of = self.series.as_of
        start = min(first or as_of, as_of - timedelta(days=3 * 366)) - timedelta(days=PAN_MARGIN_DAYS)
        end = as_of + timedelta(days=PAN_MARGIN_DAYS)
        for plot in self.plots:
            plot.vb.setLimits(xMin=day_x(start), xMax=day_x(end))

    def _show_state(self) -> None:
        empty = self.series is None or self.series.is_empty
        if self._message is not None or empty:
            self.empty_text = self._message if self._message is not None else self.empty_message()
            self.empty_label.setText(_paragraphs(self.empty_text))
            self.stack.setCurrentWidget(self.empty_page)
        else:
            self.stack.setCurrentIndex(0)

    def _reset_readout(self) -> None:
        hint = self.tr(
            "Point at the chart to read the exact values. Drag to move through time; Ctrl+scroll (or click, then "
            "scroll) to zoom."
        )
        self.readout.setText(hint)
        self.graphics.setToolTip("")

    def _apply_theme(self) -> None:
        self.theme = theme_for(self.palette())
        self.graphics.setBackground(self.theme.background)
        axis_pen = self.theme.pen(self.theme.foreground, 1)
        for plot, crosshair in zip(self.plots, self._crosshairs, strict=True):
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(axis_pen)
                axis.setTextPen(self.theme.foreground)
            crosshair.setPen(self.theme.pen(self.theme.faded(self.theme.foreground, 110), 1, Qt.PenStyle.DotLine))
        self.label_axes()

    def set_axis_label(self, plot: pg.PlotItem, text: str) -> None:
        """The left axis's title — none on a small chart, where it would cover the figures beside it (the
        chart's title says what they are)."""
        if not self.compact:
            plot.setLabel("left", text, color=self.theme.foreground.name())


def unbroken(text: str) -> str:
    """``text`` that a line never breaks inside: its spaces non-breaking, its characters joined by word joiners
    (Chinese would otherwise break between any two: "微/粒贷", "最近 6 个/月")."""
    return WORD_JOINER.join(text.replace(" ", "\u00a0"))


WORD_JOINER = "\u2060"


def holds_points(item: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> bool:
    """Whether ``item`` already holds exactly these points. Setting them again would have pyqtgraph build the
    curve's path anew at the next paint; after a change most of a chart's curves are the same as before."""
    held_x, held_y = item.xData, item.yData
    return (
        held_x is not None and np.array_equal(held_x, x, equal_nan=True) and np.array_equal(held_y, y, equal_nan=True)
    )


def fill_as_one_path(item: pg.PlotDataItem) -> None:
    """Have ``item``'s area filled as one path rather than pyqtgraph's chunks of 50 points: its raster painter
    pays per fillPath call, not per vertex, and a step line over ten years is thousands of vertices. The same
    pixels either way (tests/charts/test_charts.py paints both)."""
    item.curve._shouldUseFillPathList = _no_fill_path_list


def _no_fill_path_list() -> bool:
    return False


def _paragraphs(text: str) -> str:
    """Plain text with blank-line paragraphs as rich text, the first one as a heading."""
    first, *rest = [html.escape(part) for part in text.split("\n\n")]
    body = "".join(f"<p>{part}</p>" for part in rest)
    return f'<p style="font-size:large; font-weight:bold">{first}</p>{body}'
