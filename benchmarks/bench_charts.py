"""How fast the six trend charts follow a change and a range switch on a 10-year history of 5,000 loans, against
redrawing the same charts with empty data in the same run (issue 6: under 100 ms a chart, within 3× empty).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_charts.py [--years 10] [--loans 5000] [--repeat 5]

"A chart" here is: work out its series again (after a change: only what the change concerns), hand it to the
widget, and paint the widget once at 900 × 480. Two changes are timed each round: a repayment logged today (which
leaves the borrowing and on-time figures as they were) and a new loan borrowed today (which moves every chart).
Reading the changed rows back into the Session's Book is shared by all six and shown on its own line. The health
score's series is worked out from the same Book (the month ends from the change's first day on); the view runs it
on a worker thread, here it runs inline so that it is timed. Range switches
go to each of 6 months, 3 years, all and 1 year from the 1-year view, every round; each is held against the
same chart's empty plot switched to the same span (ten years lays out other ticks and grid lines than one year), and
the worst preset is reported beside the median.

Two baselines, both painted the same way in the same run. "Empty" is the app's own chart with no data (what issue 6
set the 3× target against); since it runs the chart code being measured, a chart whose fixed cost grew would
grow its baseline with it. The floor is independent of that code: a bare pyqtgraph plot (a date axis, a grid, no
data, no project code) at the same size and span, the least any chart of this kind can cost."""

from __future__ import annotations

import argparse
import calendar
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from jiebei_tracker.charts.base import Chart
from jiebei_tracker.services.loans import list_loans
from jiebei_tracker.services.series.data import ChartData, ChartKind, RangePreset, demo_chart_data
from jiebei_tracker.ui.views.charts_view import CHART_CLASSES

TODAY = date(2026, 11, 28)
# CPU time of this thread, not wall time: all of the work here runs on this (the UI) thread, and wall time on a
# shared machine mostly measures the other processes. --wall switches back to wall-clock time.
CLOCK = time.thread_time
SIZE = (900, 480)
# The image painted into: ARGB32 as PNG export paints (and as this script always has). A window's backing store is
# premultiplied (or opaque RGB32), where translucent fills and thin lines cost a fraction: --premultiplied.
IMAGE_FORMAT = QImage.Format.Format_ARGB32
FAST_KINDS = [kind for kind in ChartKind if kind is not ChartKind.HEALTH]


def _paint(chart: Chart) -> None:
    image = QImage(*SIZE, IMAGE_FORMAT)
    chart.render(image)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def _redraw(chart: Chart, data: ChartData, kind: ChartKind, span, *, plot_page: bool = False) -> float:
    """Series (worked out again where a change made it stale), set on the chart, painted once. ``plot_page``
    paints the axes and grid even for empty data, where the chart would show its empty-state message."""
    started = CLOCK()
    chart.set_series(data.series(kind))
    chart.set_span(*span)
    if plot_page:
        chart.stack.setCurrentIndex(0)
    _paint(chart)
    return CLOCK() - started


def _bare_plot() -> QWidget:
    """The floor: one pyqtgraph plot with a date axis and a grid in a plain widget, nothing of the project's."""
    holder = QWidget()
    graphics = pg.GraphicsLayoutWidget()
    plot = graphics.addPlot(axisItems={"bottom": pg.DateAxisItem()})
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.setYRange(0, 1)
    QVBoxLayout(holder).addWidget(graphics)
    holder.plot = plot
    holder.resize(*SIZE)
    return holder


def _floor(holder: QWidget, span) -> float:
    """The floor painted at ``span`` (the days the chart shows, as seconds since the epoch, UTC), as a chart is
    painted after a change: its range set again (to the same days), then painted once."""
    start, end = (calendar.timegm(day.timetuple()) for day in span)
    started = CLOCK()
    holder.plot.setXRange(start, end, padding=0)
    image = QImage(*SIZE, IMAGE_FORMAT)
    holder.render(image)
    return CLOCK() - started


def _switch(chart: Chart, span) -> float:
    """A range preset: the series stay as they are; only the time span moves."""
    started = CLOCK()
    chart.set_span(*span)
    _paint(chart)
    return CLOCK() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--loans", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-health", action="store_true", help="leave out the (slow) health history")
    parser.add_argument("--wall", action="store_true", help="time with the wall clock instead of thread CPU time")
    parser.add_argument(
        "--premultiplied", action="store_true", help="paint into a premultiplied image, as a window's backing store"
    )
    args = parser.parse_args(argv)
    global CLOCK, IMAGE_FORMAT
    if args.wall:
        CLOCK = time.perf_counter
    if args.premultiplied:
        IMAGE_FORMAT = QImage.Format.Format_ARGB32_Premultiplied
    QApplication.instance() or QApplication(sys.argv[:1])

    with tempfile.TemporaryDirectory(prefix="bench-charts-") as folder:
        started = CLOCK()
        data = demo_chart_data(Path(folder), today=TODAY, years=args.years, loans=args.loans)
        print(f"generated and stored {args.loans} loans over {args.years} years in {CLOCK() - started:.1f} s")
        empty = demo_chart_data(Path(folder) / "empty", today=TODAY, loans=0)
        try:
            return _run(data, empty, args)
        finally:
            data.database.close()
            empty.database.close()


def _run(data: ChartData, empty: ChartData, args: argparse.Namespace) -> int:
    charts = {kind: CHART_CLASSES[kind]() for kind in ChartKind}
    empty_charts = {kind: CHART_CLASSES[kind]() for kind in ChartKind}
    bare_charts = {kind: CHART_CLASSES[kind]() for kind in ChartKind}
    for chart in (*charts.values(), *empty_charts.values(), *bare_charts.values()):
        chart.resize(*SIZE)

    started = CLOCK()
    book = data.book()
    load = CLOCK() - started
    installments = sum(len(loan.installments) for loan in book.loans)
    print(f"first load of {len(book.loans)} loans, {installments} installments: {_ms(load)} (once, at start)")
    started = CLOCK()
    for kind in FAST_KINDS:
        data.series(kind)
    print(f"first series of the five fast charts: {_ms(CLOCK() - started)} (once, at start)")
    if not args.skip_health:
        started = CLOCK()
        points = data.health()
        print(
            f"first health history, {len(points.days)} month ends: {CLOCK() - started:.1f} s "
            "(once, on the worker thread)"
        )
    kinds = FAST_KINDS if args.skip_health else list(ChartKind)
    span = data.span(RangePreset.ONE_YEAR)
    floor_plot, floor = _bare_plot(), []
    _floor(floor_plot, span)  # warm up as the charts are
    for kind in kinds:  # warm up: items made, fonts cached
        _redraw(charts[kind], data, kind, span)
        _redraw(empty_charts[kind], empty, kind, span)
        _redraw(bare_charts[kind], empty, kind, span, plot_page=True)

    open_loans = [loan for loan in list_loans(data.database, today=TODAY) if loan.next_due_fen]
    open_loans.sort(key=lambda loan: loan.borrowed_on, reverse=True)
    ledger = _ledger(data)
    change, new_loan, switch, blank, bare = ({k: [] for k in kinds} for _ in range(5))
    refresh = []
    presets = [RangePreset.SIX_MONTHS, RangePreset.THREE_YEARS, RangePreset.ALL, RangePreset.ONE_YEAR]
    switch_by_preset = {(kind, preset): [] for kind in kinds for preset in presets}
    plot_by_preset = {(kind, preset): [] for kind in kinds for preset in presets}
    for round_number in range(args.repeat):
        loan = open_loans[round_number]
        changes = ledger.log_repayment(loan.loan_id, paid_on=TODAY, amount_fen=loan.next_due_fen)
        started = CLOCK()
        data.refresh(changes)
        refresh.append(CLOCK() - started)
        for kind in kinds:
            change[kind].append(_redraw(charts[kind], data, kind, span))
        # A loan borrowed today moves every chart's figures (the repayment above leaves some of them as they were).
        data.refresh(ledger.add_loan(_new_loan(round_number)))
        for kind in kinds:
            new_loan[kind].append(_redraw(charts[kind], data, kind, span))
        for preset in presets:
            preset_span = data.span(preset)
            for kind in kinds:
                switch[kind].append(_switch(charts[kind], preset_span))
                switch_by_preset[kind, preset].append(switch[kind][-1])
                plot_by_preset[kind, preset].append(_switch(bare_charts[kind], preset_span))
            for kind in kinds:
                # Back to the 1-year view, painted (untimed) as the app would paint it: the next change or switch
                # then starts from the view on screen, as the empty plot does, and not from a view the switch left
                # unpainted (whose axes, laid out for another span, the next timed paint would lay out again).
                for chart in (charts[kind], bare_charts[kind]):
                    chart.set_span(*span)
                    _paint(chart)
        floor.append(_floor(floor_plot, span))
        for charts_with_nothing, values, plot_page in ((empty_charts, blank, False), (bare_charts, bare, True)):
            empty.reload()  # the empty run reads its (empty) database again, as after a change
            for kind in kinds:
                values[kind].append(_redraw(charts_with_nothing[kind], empty, kind, span, plot_page=plot_page))

    print(f"\nreading back the changed loan after a repayment (shared): {_ms(statistics.median(refresh))}")
    clock = "wall-clock time" if CLOCK is time.perf_counter else "CPU time of the UI thread"
    print(
        f"\nmedian of {args.repeat} rounds ({clock}), each chart painted at {SIZE[0]}×{SIZE[1]} "
        f"into {IMAGE_FORMAT.name}"
    )
    print("empty data: the chart as the app shows it with no data (its empty-state message);")
    print("empty plot: the same chart's axes, grid and legend painted with no data in them (like for like)")
    print("after change: a repayment logged today; after new loan: a loan borrowed today (touches every chart)")
    print("range switch: the median over every preset; worst switch: the slowest preset's median, and its ratio")
    print("to the same chart's empty plot switched to that span (worst/plot: the largest such ratio)")
    floor_s = statistics.median(floor)
    print(f"floor: a bare pyqtgraph plot (date axis, grid, no data, no project code) painted the same way at the "
          f"same 1-year span: {_ms(floor_s).strip()}; change/floor: after a change against it")  # fmt: skip
    header = ["chart", "after change", "after new loan", "range switch", "worst switch", "empty data", "empty plot"]
    header += ["change/plot", "loan/plot", "switch/plot", "worst/plot", "change/floor"]
    print(f"{header[0]:<11}" + "".join(f"{title:>15}" for title in header[1:]))
    for kind in kinds:
        after, added, moved, nothing, axes = (
            statistics.median(values[kind]) for values in (change, new_loan, switch, blank, bare)
        )
        worst = max(statistics.median(switch_by_preset[kind, preset]) for preset in presets)
        worst_ratio = max(
            statistics.median(switch_by_preset[kind, preset]) / statistics.median(plot_by_preset[kind, preset])
            for preset in presets
        )
        print(
            f"{kind.value:<11}"
            + "".join(f"{_ms(value):>15}" for value in (after, added, moved, worst, nothing, axes))
            + "".join(f"{value / axes:>14.1f}×" for value in (after, added, moved))
            + f"{worst_ratio:>14.1f}×"
            + f"{after / floor_s:>14.1f}×"
        )
    print("\nrange switch by preset: the chart / its empty plot at the same span = ratio (medians)")
    print(f"{'chart':<11}" + "".join(f"{preset.value:>26}" for preset in presets))
    for kind in kinds:
        cells = []
        for preset in presets:
            moved = statistics.median(switch_by_preset[kind, preset])
            axes = statistics.median(plot_by_preset[kind, preset])
            cells.append(f"{moved * 1000:.1f} / {axes * 1000:.1f} ms = {moved / axes:.1f}×")
        print(f"{kind.value:<11}" + "".join(f"{cell:>26}" for cell in cells))
    total = sum(statistics.median(change[kind]) for kind in kinds)
    print(
        f"\nall {len(kinds)} charts after a change: {_ms(total + statistics.median(refresh))} including the read-back"
    )
    return 0


def _new_loan(number: int):
    from jiebei_tracker.domain.rates import annual_rate
    from jiebei_tracker.domain.records import LoanDraft
    from jiebei_tracker.domain.schedule import LoanTerms
    from jiebei_tracker.domain.vocabulary import LoanPurpose, RepaymentMethod

    terms = LoanTerms(
        borrowed_on=TODAY,
        principal_fen=500_000 + number * 10_000,
        term_months=6,
        method=RepaymentMethod.EQUAL_INSTALLMENT,
        rate=annual_rate("12%"),
    )
    return LoanDraft(platform="借呗", terms=terms, purpose=LoanPurpose.DAILY)


def _ledger(data: ChartData):
    from jiebei_tracker.services.ledger import Ledger

    return Ledger(database=data.database, today=lambda: TODAY)


if __name__ == "__main__":
    raise SystemExit(main())
