"""Credit limit and use, one platform at a time: the recorded limit as a step line, the outstanding principal on
that platform as its use, and each limit cut marked ▼ — clicking a cut asks for its diagnosis. Run alone:
``python -m jiebei_tracker.charts.limits [--png FILE]``."""

from __future__ import annotations

from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox

from jiebei_tracker.charts.axes import SECONDS_PER_DAY, YuanAxis, day_x, fen_yuan, ordinal_step_arrays, step_arrays
from jiebei_tracker.charts.base import Chart
from jiebei_tracker.charts.readout import percent
from jiebei_tracker.domain.limits import LimitCut
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.services.series.kinds import ChartKind
from jiebei_tracker.services.series.limits import LimitSeries, PlatformLimits

# A cut this close to the day under the mouse is named in the read-out.
CUT_NEAR_DAYS = 10


class LimitsChart(Chart):
    kind = ChartKind.LIMITS

    diagnosis_requested = Signal(str, object)
    """Emitted with a platform and the day of its limit cut when the user clicks the cut's marker."""

    def build(self) -> None:
        self.platform = None
        self.platform_box = QComboBox(self)
        self.platform_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.platform_box.currentTextChanged.connect(self.show_platform)
        self.platform_box.setVisible(not self.compact)
        self.header.addWidget(self.platform_box)
        self.plot = self.add_plot(YuanAxis())
        self.use_line = pg.PlotDataItem()
        self.limit_line = pg.PlotDataItem()
        self.cut_marks = pg.ScatterPlotItem(symbol="t", size=16, hoverable=True, hoverSize=22, tip=None)
        self.cut_marks.sigClicked.connect(self._on_cut_clicked)
        for item in (self.use_line, self.limit_line, self.cut_marks):
            self.plot.addItem(item)
        self._cuts_drawn: tuple | None = None  # (theme, cuts) the markers were last set from

    def title(self) -> str:
        if self.compact and self.platform:
            return self.tr("Credit limit and use: {platform}").format(platform=self.platform)
        return self.tr("Credit limit and use")

    def empty_message(self) -> str:
        return self.tr(
            "No credit limits or loans recorded yet.\n\nRecord a platform's limit each time you check it. This "
            "chart then shows the limit against what you owe on that platform and marks every cut — click a cut "
            "to see its likely reasons."
        )

    def label_axes(self) -> None:
        self.set_axis_label(self.plot, self.tr("Yuan (¥)"))
        self.platform_box.setToolTip(self.tr("The platform to show"))

    def first_day(self) -> date | None:
        platform = self.platform_limits()
        return platform.first_day if platform is not None else None

    def platform_limits(self) -> PlatformLimits | None:
        if self.series is None or self.platform is None:
            return None
        return self.series.platform(self.platform)

    def show_platform(self, name: str) -> None:
        """Draw ``name``'s limits (the combo box calls this when the user picks a platform)."""
        if not name or name == self.platform or self.series is None or self.series.platform(name) is None:
            return
        self.platform = name
        self.platform_box.setCurrentText(name)
        self.title_label.setText(self.title())
        self.draw(self.series)
        self._apply_span()

    def copy_view_from(self, other: LimitsChart) -> None:
        self.platform = other.platform
        super().copy_view_from(other)

    def draw(self, series: LimitSeries) -> None:
        names = [p.platform for p in series.platforms]
        if self.platform not in names:
            self.platform = series.default_platform
        self.platform_box.blockSignals(True)
        self.platform_box.clear()
        self.platform_box.addItems(names)
        self.platform_box.setCurrentText(self.platform)
        self.platform_box.blockSignals(False)
        self.title_label.setText(self.title())

        theme = self.theme
        platform = series.platform(self.platform)
        ux, uy = ordinal_step_arrays(platform.use_ordinals, fen_yuan(platform.use_fen), series.as_of)
        self.use_line.setData(
            ux, uy, pen=theme.pen(theme.secondary, 1.5), fillLevel=0, brush=theme.faded(theme.secondary, 90)
        )
        lx, ly = step_arrays(platform.limit_days, fen_yuan(platform.limits_fen), series.as_of)
        self.limit_line.setData(lx, ly, pen=theme.pen(theme.primary, 2.5))
        cuts = platform.cuts
        # A change to a loan moves no cut, and a scatter item's setData costs ~0.5 ms even for a few points.
        if (theme, cuts) != self._cuts_drawn:
            self._cuts_drawn = (theme, cuts)
            self.cut_marks.setData(
                [day_x(cut.cut_on) + SECONDS_PER_DAY / 2 for cut in cuts],
                fen_yuan([cut.after_fen for cut in cuts]),
                data=list(cuts),
                brush=theme.danger,
                pen=theme.pen(theme.background, 1),
            )
        self.set_extents(0, (ux, uy), (lx, ly))
        legend = [
            ("━", theme.primary, self.tr("Credit limit")),
            ("■", theme.secondary, self.tr("Used (outstanding principal)")),
            ("▼", theme.danger, self.tr("Limit cut — click for the likely reasons")),
        ]
        if not platform.limits_fen:
            legend[0] = ("━", theme.primary, self.tr("No limit recorded for this platform yet"))
        self.set_legend(legend)

    def cut_near(self, day: date) -> LimitCut | None:
        platform = self.platform_limits()
        if platform is None:
            return None
        near = [cut for cut in platform.cuts if abs((cut.cut_on - day).days) <= CUT_NEAR_DAYS]
        return min(near, key=lambda cut: abs((cut.cut_on - day).days)) if near else None

    def readout_text(self, day: date) -> str:
        platform = self.platform_limits()
        limit, used = platform.limit_on(day), platform.use_on(day)
        if limit is None:
            text = self.tr("{day} — {platform}: no limit recorded · used {used}").format(
                day=day.isoformat(), platform=platform.platform, used=format_yuan(used)
            )
        else:
            text = self.tr("{day} — {platform}: limit {limit} · used {used} ({share})").format(
                day=day.isoformat(),
                platform=platform.platform,
                limit=format_yuan(limit),
                used=format_yuan(used),
                share=percent(used, limit),
            )
        cut = self.cut_near(day)
        if cut is not None:
            text += " · " + self.tr("limit cut on {day}: {before} → {after} (click ▼ for the likely reasons)").format(
                day=cut.cut_on.isoformat(), before=format_yuan(cut.before_fen), after=format_yuan(cut.after_fen)
            )
        return text

    def request_diagnosis(self, cut: LimitCut) -> None:
        self.diagnosis_requested.emit(cut.platform, cut.cut_on)

    def _on_cut_clicked(self, _scatter, points, _event=None) -> None:
        if len(points):
            self.request_diagnosis(points[0].data())


if __name__ == "__main__":
    from jiebei_tracker.charts.demo import run_demo

    raise SystemExit(run_demo(LimitsChart))
