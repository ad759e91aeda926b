"""Run one chart on its own with a generated history in a temporary database (``python -m
jiebei_tracker.charts.NAME``): a window with the range presets, or with ``--png FILE`` a picture, then exit."""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QButtonGroup, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from jiebei_tracker.charts.base import Chart
from jiebei_tracker.charts.export import DEFAULT_SIZE, save_png
from jiebei_tracker.domain.errors import FileProblem
from jiebei_tracker.services.series.kinds import RangePreset

if TYPE_CHECKING:
    from jiebei_tracker.services.series.data import ChartData


def _arguments(argv: list[str] | None, chart_name: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=f"python -m jiebei_tracker.charts.{chart_name}", description="Show the chart with generated data."
    )
    parser.add_argument("--png", type=Path, metavar="FILE", help="write the chart to FILE as PNG and exit")
    parser.add_argument("--overwrite", action="store_true", help="replace the --png file if it exists")
    parser.add_argument("--width", type=int, default=DEFAULT_SIZE[0])
    parser.add_argument("--height", type=int, default=DEFAULT_SIZE[1])
    parser.add_argument("--range", choices=[p.value for p in RangePreset], default=RangePreset.THREE_YEARS.value)
    parser.add_argument("--years", type=int, default=3, help="years of generated history (default 3)")
    parser.add_argument("--loans", type=int, default=120, help="loans in the generated history (default 120)")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD")
    parser.add_argument("--empty", action="store_true", help="no data: show the empty state")
    parser.add_argument("--language", choices=["en", "zh_CN"], help="the display language (default: the system's)")
    return parser.parse_args(argv)


class DemoWindow(QWidget):
    """The chart with the four range presets above it."""

    def __init__(self, *, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setWindowTitle(chart.title())
        buttons = QHBoxLayout()
        self.presets = QButtonGroup(self)
        labels = {
            RangePreset.SIX_MONTHS: self.tr("6 months"),
            RangePreset.ONE_YEAR: self.tr("1 year"),
            RangePreset.THREE_YEARS: self.tr("3 years"),
            RangePreset.ALL: self.tr("All"),
        }
        for preset, label in labels.items():
            button = QPushButton(label)
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, p=preset: chart.set_range_preset(p))
            self.presets.addButton(button)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(chart, 1)
        self.resize(*DEFAULT_SIZE)


def run_demo(chart_class: type[Chart], argv: list[str] | None = None) -> int:
    name = sys.modules[chart_class.__module__].__name__.rsplit(".", 1)[-1]
    if name == "__main__":
        name = chart_class.kind.value
    args = _arguments(argv, name)
    if args.language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    elif args.language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Here, not at the top: the generated history lives in a database (SQLAlchemy), which only the demo needs;
    # importing a chart module loads no SQL (tests/test_layers.py).
    from jiebei_tracker.services.series.data import demo_chart_data

    with tempfile.TemporaryDirectory(prefix="jiebei-chart-") as folder:
        loans = 0 if args.empty else args.loans
        data = demo_chart_data(Path(folder), today=args.today, years=args.years, loans=loans)
        try:
            return _show(app, chart_class, data, args)
        finally:
            data.database.close()


def _show(app: QApplication, chart_class: type[Chart], data: ChartData, args: argparse.Namespace) -> int:
    chart = chart_class()
    chart.set_series(data.series(chart.kind))
    chart.set_range_preset(RangePreset(args.range))
    if args.png is not None:
        try:
            save_png(chart, args.png, args.width, args.height, overwrite=args.overwrite)
        except FileProblem as problem:
            hint = ", or add --overwrite to replace it" if not args.overwrite and args.png.exists() else ""
            print(f"error: {problem}{hint}", file=sys.stderr)
            return 1
        return 0
    window = DemoWindow(chart=chart)
    window.presets.buttons()[list(RangePreset).index(RangePreset(args.range))].setChecked(True)
    window.show()
    return app.exec()
