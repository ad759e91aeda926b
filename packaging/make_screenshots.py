"""Regenerate the README's pictures from a generated demo history: `python packaging/make_screenshots.py`.

Runs offscreen (no display needed); install a CJK font first (Debian: fonts-noto-cjk) so Chinese renders.
Writes into docs/screenshots/ every page in both languages at 1280 × 800 and 1920 × 1080, and into
packaging/screenshots/: the dashboard in Chinese, the loans list in English on a dark palette, the
Plan page's what-if in Chinese and its payoff plan in English, two charts drawn by the charts' own PNG export, and
the restore dialog in both languages. The main dialogs go into docs/screenshots/ too, in both languages, each at the
size it opens with (whatever the screen), filled in as a person would have them.
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
from jiebei_tracker.domain.vocabulary import InquiryReason, LoanPurpose, LoanStatus, NoteKind  # noqa: E402
from jiebei_tracker.services.demo import generate_history  # noqa: E402
from jiebei_tracker.services.imports.service import ImportService  # noqa: E402
from jiebei_tracker.services.series.data import ChartData, RangePreset  # noqa: E402
from jiebei_tracker.services.workspace import Workspace, create_sample_database  # noqa: E402
from jiebei_tracker.storage.backups import Reason, make_backup  # noqa: E402
from jiebei_tracker.storage.database import open_database  # noqa: E402
from jiebei_tracker.ui.dialogs.import_wizard import ImportWizard  # noqa: E402
from jiebei_tracker.ui.dialogs.limit_dialog import LimitDialog  # noqa: E402
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog  # noqa: E402
from jiebei_tracker.ui.dialogs.note_dialog import NoteDialog  # noqa: E402
from jiebei_tracker.ui.dialogs.prepay_dialog import PrepayDialog  # noqa: E402
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog  # noqa: E402
from jiebei_tracker.ui.dialogs.restore_dialog import RestoreDialog  # noqa: E402
from jiebei_tracker.ui.dialogs.settings_dialog import SettingsDialog  # noqa: E402
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


# -- the dialogs, each as the window opens it (nothing they would save is saved) --------------------------------------


def nothing(*_args, **_kwargs) -> None:
    """What Save does in a picture: nothing is written, the sample stays as it is for the other pictures."""


def installments(workspace, loan, *, paid: bool) -> int:
    """How many of the loan's installments are paid (or, ``paid=False``, still open)."""
    return sum(1 for line in workspace.loan_detail(loan.loan_id).schedule if (line.settled_on is not None) == paid)


def repaid_loan(workspace):
    """The loan being repaid that has the most installments paid (the sample's ¥12,000 from 借呗, 3 of 12)."""
    active = [loan for loan in workspace.loans() if loan.status is LoanStatus.ACTIVE]
    return max(active, key=lambda loan: installments(workspace, loan, paid=True))


def loan_window(window):
    """The loan's window (Edit ▸ Open loan), its schedule with paid and open installments and its repayments."""
    return window.open_loan(repaid_loan(window.workspace).loan_id)


def new_loan_form(window):
    """File ▸ New loan…, as the window opens it (with Check first…)."""
    workspace = window.workspace
    return LoanEditorDialog(
        platforms=workspace.platform_names(),
        today=workspace.today(),
        add=nothing,
        past_outcome=workspace.ledger.past_outcome,
        check_first=nothing,
        parent=window,
    )


def type_new_loan(dialog, principal: str = "20000") -> None:
    """¥20,000 from 微粒贷 over 12 months at 0.04 % a day, for everyday spending, paid by autopay."""
    dialog.platform.setCurrentText("微粒贷")
    dialog.borrowed_on.setDate(date(2026, 11, 25))
    dialog.principal.setText(principal)
    dialog.rate_basis.setCurrentIndex(1)
    dialog.rate.setText("0.04%")
    dialog.purpose.setCurrentIndex(dialog.purpose.findData(LoanPurpose.DAILY.value))
    dialog.autopay.setChecked(True)


def refuse_new_loan(dialog) -> None:
    """The same loan with its principal typed as people say it (2万), and Save pressed: refused, said under it."""
    type_new_loan(dialog, principal="2万")
    dialog.submit()


def repayment_form(window, *, payoff: bool = False):
    """Log repayment… (or, ticked, Pay off the whole loan now) on the loan shown in the loan's window."""
    workspace = window.workspace
    loan = repaid_loan(workspace)
    return RepaymentDialog(
        loan=loan,
        today=workspace.today(),
        quote=lambda day: workspace.payoff_quote(loan.loan_id, paid_on=day),
        outlook=lambda day: workspace.repayment_outlook(loan.loan_id, paid_on=day),
        pay=nothing,
        pay_off=nothing,
        payoff=payoff,
        parent=window,
    )


def prepay_form(window):
    """Repay part early… on the same loan."""
    workspace = window.workspace
    loan = repaid_loan(workspace)
    return PrepayDialog(
        loan=loan,
        today=workspace.today(),
        open_count=installments(workspace, loan, paid=False),
        preview=lambda day, fen, keep: workspace.prepayment_preview(
            loan.loan_id, paid_on=day, amount_fen=fen, keep=keep
        ),
        save=nothing,
        parent=window,
    )


def type_prepayment(dialog) -> None:
    dialog.amount.setText("3000")


def note_form(window):
    return NoteDialog(today=window.workspace.today(), save=nothing, parent=window)


def type_inquiry(dialog) -> None:
    """An inquiry read off the credit report: a card application the borrower made last week."""
    dialog.noted_on.setDate(date(2026, 11, 21))
    dialog.kind.setCurrentIndex(dialog.kind.findData(NoteKind.INQUIRY.value))
    dialog.reason.setCurrentIndex(dialog.reason.findData(InquiryReason.CARD_APPROVAL.value))
    dialog.institution.setText("招商银行股份有限公司信用卡中心")
    dialog.text.setPlainText("信用卡审批")


def limit_form(window):
    """Record a credit limit… for 借呗 (Platforms & limits), which knows the limit recorded last."""
    workspace = window.workspace
    current = {platform.name: platform.current_limit_fen for platform in workspace.platforms()}
    return LimitDialog(
        platforms=sorted(current),
        today=workspace.today(),
        platform="借呗",
        current_limit_fen=current.get,
        save=nothing,
        parent=window,
    )


def type_limit(dialog) -> None:
    dialog.amount.setText("30000")
    dialog.note.setText("App 里提示提额")


def settings_form(window):
    workspace = window.workspace
    return SettingsDialog(
        general=workspace.general_settings(), thresholds=workspace.thresholds(), save=nothing, parent=window
    )


def health_rules_tab(dialog) -> None:
    dialog.tabs.setCurrentIndex(1)


def loans_file(workspace) -> Path:
    """A loans CSV as a person keeps one, with Chinese headers, beside the data file; one date does not exist."""
    path = Path(workspace.database.path).parent / "借款记录.csv"
    path.write_text(
        "平台,借款日期,借款金额,期数,还款方式,年化利率\n"
        "借呗,2026-06-15,8000,6,等额本息,9.12%\n"
        "微粒贷,2026-09-01,5000,6,先息后本,7.2%\n"
        "京东金条,2026-02-30,3000,3,等额本金,10.8%\n"
        "招商银行信用卡,2026-10-12,6000,12,等额本息,5.4%\n",
        encoding="utf-8",
    )
    return path


def import_wizard(window):
    """File ▸ Import… on the loans file, step 1 (how the file is read)."""
    workspace = window.workspace
    imports = ImportService(database=workspace.database, ledger=workspace.ledger, today=workspace.today)
    return ImportWizard(imports=imports, path=loans_file(workspace), parent=window)


def to_columns(wizard) -> None:
    wizard.go_next()


def to_check(wizard) -> None:
    """Step 3: every row checked (on the wizard's worker thread), the bad one marked and explained."""
    wizard.go_next()
    wizard.go_next()
    deadline = time.monotonic() + 20
    while wizard.worker is not None and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


# Each dialog: its file's name, how the window opens it, and what the person has done in it since.
DIALOGS = (
    ("loan", loan_window, None),
    ("new-loan", new_loan_form, type_new_loan),
    ("new-loan-refused", new_loan_form, refuse_new_loan),
    ("repayment", repayment_form, None),
    ("payoff", lambda window: repayment_form(window, payoff=True), None),
    ("prepay", prepay_form, type_prepayment),
    ("note", note_form, type_inquiry),
    ("limit", limit_form, type_limit),
    ("settings-general", settings_form, None),
    ("settings-rules", settings_form, health_rules_tab),
    ("import-file", import_wizard, None),
    ("import-columns", import_wizard, to_columns),
    ("import-check", import_wizard, to_check),
    ("user-guide", MainWindow.show_user_guide, None),
    ("shortcuts", MainWindow.show_shortcuts, None),
)


def every_dialog(workspace, translations) -> None:
    """Each main dialog in Chinese and English over the sample borrower's history, shown beside the window (never
    exec()) at the size it opens with."""
    QApplication.setPalette(QApplication.style().standardPalette())
    for language in ("zh_CN", "en"):
        translations.apply(language)
        state = QSettings(str(Path(tempfile.mkdtemp()) / "state.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workspace=workspace, translations=translations, state=state)
        for name, open_dialog, prepare in DIALOGS:
            dialog = open_dialog(window)
            dialog.show()
            QApplication.processEvents()
            if prepare is not None:
                prepare(dialog)
            for _ in range(5):
                QApplication.processEvents()
            dialog.grab().save(str(EVERY_SCREEN / f"dialog-{name}-{language}.png"))
            dialog.close()
            dialog.deleteLater()
        window.close()
        window.wait_for_workers()


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
        every_dialog(planning, translations)
        plans.close()
    translations.apply("en")
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
