"""Regenerate the README's pictures from a generated demo history: `python packaging/make_screenshots.py`.

Runs offscreen (no display needed); install a CJK font first (Debian: fonts-noto-cjk) so Chinese renders.
Writes into docs/screenshots/ every page in both languages at 1280 × 800 and 1920 × 1080, and into
packaging/screenshots/: the dashboard in Chinese, the loans list in English on a dark palette, the
Plan page's what-if in Chinese and its payoff plan in English, two charts drawn by the charts' own PNG export, and
the restore dialog in both languages.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from jiebei_tracker.charts.balance import BalanceChart  # noqa: E402
from jiebei_tracker.charts.export import render_png  # noqa: E402
from jiebei_tracker.charts.health import HealthChart  # noqa: E402
from jiebei_tracker.domain.vocabulary import NoteKind  # noqa: E402
from jiebei_tracker.services.demo import generate_history  # noqa: E402
from jiebei_tracker.services.series.data import ChartData, RangePreset  # noqa: E402
from jiebei_tracker.services.workspace import Workspace, create_sample_database  # noqa: E402
from jiebei_tracker.storage.backups import Reason, make_backup  # noqa: E402
from jiebei_tracker.storage.database import open_database  # noqa: E402
from jiebei_tracker.ui.dialogs.restore_dialog import RestoreDialog  # noqa: E402
from jiebei_tracker.ui.i18n import Translations  # noqa: E402
from jiebei_tracker.ui.main_window import DASHBOARD, LOANS, NOTES, PLAN, MainWindow  # noqa: E402
from jiebei_tracker.ui.window_actions import PAGES  # noqa: E402
from jiebei_tracker.ui.views.deferred import Deferred  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"
# Every page in both languages at a small and a large screen (docs/screenshots.md shows them).
EVERY_SCREEN = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZES = ((1280, 800), (1920, 1080))
TODAY = date(2026, 11, 28)
SIZE = (1280, 800)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f2023",
        QPalette.ColorRole.AlternateBase: "#2a2c30",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#35373b",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d84d6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Link: "#7fb3ff",
    }.items():
        palette.setColor(role, QColor(colour))
    return palette


def settle(window: MainWindow, seconds: float = 60) -> None:
    """Build what is on screen, let the background health check come in, and repaint."""
    for deferred in window.findChildren(Deferred):
        if deferred.isVisible():
            deferred.build_now()
    deadline = time.monotonic() + seconds
    panel = window.health_panel
    shown = panel.isVisibleTo(window)  # the health check runs for the dashboard only
    while shown and (panel._stale or panel.status.isVisible()) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    window.wait_for_workers()
    for _ in range(20):
        QApplication.processEvents()


def window_picture(
    workspace,
    translations,
    language: str,
    page: int,
    name: str,
    *,
    dark: bool = False,
    prepare=None,
    size: tuple[int, int] = SIZE,
    out: Path = OUT,
) -> None:
    translations.apply(language)
    QApplication.setPalette(dark_palette() if dark else QApplication.style().standardPalette())
    state = QSettings(str(Path(tempfile.mkdtemp()) / "state.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace=workspace, translations=translations, state=state)
    window.resize(*size)
    window.show()
    shown = window.show_page(page)
    settle(window)
    if prepare is not None:
        prepare(shown)
        QApplication.processEvents()
    window.grab().save(str(out / name))
    window.close()
    window.wait_for_workers()  # what the first frame started (the small charts' score history) ends before the file


def ask_what_if(page) -> None:
    """The Plan page's what-if, as a person fills it: ¥20,000 from 京东金条 at 0.04 % a day for 12 months."""
    panel = page.what_if
    panel.platform.setCurrentText("京东金条")
    panel.rate_basis.setCurrentIndex(1)
    panel.rate.setText("0.04%")
    panel.principal.setText("20000")
    panel.work_out()


def plan_payoff(page) -> None:
    """The Plan page's payoff plan with ¥2,000 a month beyond the least budget."""
    page.tabs.setCurrentIndex(1)
    panel = page.planner
    panel.budget.setValue(panel.budget.value() + 2000)
    panel.work_out()


def credit_report_lines(workspace) -> None:
    """A few more lines of the sample borrower's report: a lender's own check, an inquiry of unknown reason, and an
    overdue record settled in 2023 (it leaves the report in 2028)."""
    ledger = workspace.ledger
    ledger.add_note(noted_on=date(2026, 10, 9), kind=NoteKind.INQUIRY, text="深圳前海微众银行 贷后管理")
    ledger.add_note(noted_on=date(2026, 9, 2), kind=NoteKind.INQUIRY, text="某消费金融公司")
    made = ledger.add_note(noted_on=date(2023, 4, 5), kind=NoteKind.OVERDUE_RECORD, text="信用卡逾期 1 个月，已还清")
    ledger.resolve_note(made.created_id, resolved_on=date(2023, 5, 20))


def chart_picture(data: ChartData, translations, language: str, chart_class, name: str) -> None:
    translations.apply(language)
    QApplication.setPalette(QApplication.style().standardPalette())
    chart = chart_class()
    chart.set_series(data.series(chart.kind))
    chart.set_range_preset(RangePreset.ONE_YEAR)
    (OUT / name).write_bytes(render_png(chart, 1100, 560))
    chart.deleteLater()


def restore_picture(database, translations, language: str, name: str) -> None:
    """File ▸ Restore from a backup… over a few days of automatic backups, one of them damaged."""
    translations.apply(language)
    QApplication.setPalette(QApplication.style().standardPalette())
    folder = Path(database.path).parent / "backups"
    if not folder.is_dir():
        made = ((20, 9, 2, Reason.DAILY), (25, 21, 40, Reason.IMPORT), (27, 8, 15, Reason.DAILY))
        for day, hour, minute, reason in (*made, (28, 10, 31, Reason.MANUAL)):
            make_backup(database, reason, now=datetime(2026, 11, day, hour, minute))
        (folder / "jiebei-tracker.20261126-120000.daily.db").write_bytes(b"SQLite format 3\x00" + bytes(100))
    dialog = RestoreDialog(Path(database.path))
    dialog.resize(780, 330)
    dialog.show()
    QApplication.processEvents()
    dialog.grab().save(str(OUT / name))
    dialog.close()


def every_screen(workspace, translations) -> None:
    """Each page of the window in Chinese and English at both sizes, over the sample borrower's history."""
    EVERY_SCREEN.mkdir(parents=True, exist_ok=True)
    prepare = {PLAN: ask_what_if}
    for language in ("zh_CN", "en"):
        for width, height in SIZES:
            for page, name in enumerate(PAGES):
                window_picture(
                    workspace,
                    translations,
                    language,
                    page,
                    f"{name}-{language}-{width}x{height}.png",
                    prepare=prepare.get(page),
                    size=(width, height),
                    out=EVERY_SCREEN,
                )


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    translations = Translations(app)
    with tempfile.TemporaryDirectory() as folder:
        # Named like the user's own file, since the window's status bar shows where the data lives.
        database = open_database(Path(folder) / "jiebei-tracker" / "jiebei-tracker.db")
        workspace = Workspace(database=database, today=lambda: TODAY)
        history = generate_history(today=TODAY, years=3, loans=60)
        workspace.ledger.add_history(
            history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds
        )
        window_picture(workspace, translations, "zh_CN", DASHBOARD, "dashboard-zh_CN.png")
        window_picture(workspace, translations, "en", LOANS, "loans-en-dark.png", dark=True)
        data = ChartData(database=database, today=lambda: TODAY)
        chart_picture(data, translations, "zh_CN", BalanceChart, "chart-balance-zh_CN.png")
        chart_picture(data, translations, "en", HealthChart, "chart-health-en.png")
        restore_picture(database, translations, "zh_CN", "restore-zh_CN.png")
        restore_picture(database, translations, "en", "restore-en.png")
        database.close()
        # The Plan page over the sample borrower's history (a handful of loans being repaid), as a person's own.
        sample = Path(folder) / "plan" / "jiebei-tracker.db"
        sample.parent.mkdir()
        create_sample_database(sample, today=TODAY)
        plans = open_database(sample, backups=False)
        planning = Workspace(database=plans, today=lambda: TODAY)
        window_picture(planning, translations, "zh_CN", PLAN, "plan-what-if-zh_CN.png", prepare=ask_what_if)
        window_picture(planning, translations, "en", PLAN, "plan-payoff-en.png", prepare=plan_payoff)
        credit_report_lines(planning)
        window_picture(planning, translations, "zh_CN", NOTES, "notes-zh_CN.png")
        window_picture(planning, translations, "en", NOTES, "notes-en.png")
        every_screen(planning, translations)
        plans.close()
    translations.apply("en")
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
