"""Pictures of every screen in English and Chinese, light and dark, from a realistic demo history (set
$JIEBEI_SCREENSHOTS to keep them and look at them). Each picture also checks what it shows is in that language."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from jiebei_tracker.domain.vocabulary import LoanStatus
from jiebei_tracker.ui.dialogs.limit_dialog import LimitDialog
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.dialogs.note_dialog import NoteDialog
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog
from jiebei_tracker.ui.dialogs.settings_dialog import SettingsDialog
from jiebei_tracker.ui.main_window import CHARTS, DASHBOARD, LOANS, NOTES, PLATFORMS
from jiebei_tracker.ui.models.loans_model import STATUS_COLUMN
from jiebei_tracker.ui.views.charts_view import ChartFeed
from jiebei_tracker.ui.views.deferred import Deferred
from tests.conftest import TODAY

PAGES = {"dashboard": DASHBOARD, "loans": LOANS, "platforms": PLATFORMS, "notes": NOTES, "charts": CHARTS}
EXPECTED_TITLE = {"en": "Jiebei Tracker", "zh_CN": "借呗信用健康助手"}


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f2023",
        QPalette.ColorRole.AlternateBase: "#2a2c30",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#35373b",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d84d6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#35373b",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Link: "#7fb3ff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8a8a"))
    return palette


def _settle(window, qtbot) -> None:
    """Let the charts be built and the background health check and health history finish (a picture is grabbed
    by painting the window afresh: nothing needs to wait for a repaint)."""
    for deferred in window.findChildren(Deferred):
        if deferred.isVisible():
            deferred.build_now()  # below the fold it would wait for the user to scroll to it
    panel = window.health_panel
    # The panel's status line is hidden once a check is shown (and shown again while the next is worked out); the
    # charts' feed (made with the first chart) is busy until every year of the health history has come in.
    qtbot.waitUntil(
        lambda: panel.status.isHidden() and not any(feed.health_busy for feed in window.hub.findChildren(ChartFeed)),
        timeout=20_000,
    )


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_page(language, theme, demo_workspace, make_window, translations, qtbot, screenshot):
    translations.apply(language)
    if theme == "dark":
        QApplication.setPalette(dark_palette())
    window = make_window(demo_workspace)
    window.resize(1280, 800)
    assert window.windowTitle() == EXPECTED_TITLE[language]
    assert QApplication.applicationDisplayName() == EXPECTED_TITLE[language]  # so Qt does not add the name again
    for name, page in PAGES.items():
        window.show_page(page)
        if page == PLATFORMS:
            window.platforms_view.choose("借呗")
        _settle(window, qtbot)
        screenshot(window, f"window-{name}-{language}-{theme}")
    window.show_page(LOANS)
    expected_status = LoanStatus.ACTIVE.label(language)
    assert expected_status in {window.loans_view.model.index(r, STATUS_COLUMN).data() for r in range(20)}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_first_run(language, workspace, make_window, translations, screenshot):
    translations.apply(language)
    window = make_window(workspace)
    window.resize(1100, 700)
    assert window.dashboard.is_welcome()
    screenshot(window, f"window-welcome-{language}")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_sample_data(language, demo_workspace, make_window, translations, qtbot, screenshot):
    translations.apply(language)
    sample = make_window(demo_workspace, sample=True)
    sample.resize(1280, 800)
    _settle(sample, qtbot)
    screenshot(sample, f"window-sample-{language}")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_dialog(language, demo_workspace, make_window, translations, qtbot, screenshot):
    translations.apply(language)
    window = make_window(demo_workspace)
    overdue = next(loan for loan in demo_workspace.loans() if loan.status is LoanStatus.OVERDUE)
    detail = window.open_loan(overdue.loan_id)
    detail.resize(900, 640)
    qtbot.waitExposed(detail)
    screenshot(detail, f"dialog-loan-detail-{language}")

    editor = LoanEditorDialog(platforms=demo_workspace.platform_names(), today=TODAY, save=lambda draft: None)
    qtbot.addWidget(editor)
    editor.platform.setCurrentText("微粒贷")
    editor.principal.setText("-100")
    editor.rate.setText("0.1%")
    editor.rate_basis.setCurrentIndex(1)
    editor.borrowed_on.setDate(date(2027, 1, 1))
    editor.submit()
    editor.show()
    assert editor.errors.any()
    screenshot(editor, f"dialog-loan-editor-errors-{language}")

    loan = demo_workspace.loans([overdue.loan_id])[0]
    for payoff in (False, True):
        dialog = RepaymentDialog(
            loan=loan,
            today=TODAY,
            quote=lambda day: demo_workspace.payoff_quote(loan.loan_id, paid_on=day),
            outlook=lambda day: demo_workspace.repayment_outlook(loan.loan_id, paid_on=day),
            pay=lambda day, fen, note: None,
            pay_off=lambda day, fen, note: None,
            payoff=payoff,
        )
        qtbot.addWidget(dialog)
        dialog.show()
        screenshot(dialog, f"dialog-repayment{'-payoff' if payoff else ''}-{language}")

    settings = SettingsDialog(
        general=demo_workspace.general_settings(), thresholds=demo_workspace.thresholds(), save=lambda *a: None
    )
    qtbot.addWidget(settings)
    settings.show()
    screenshot(settings, f"dialog-settings-general-{language}")
    settings.tabs.setCurrentIndex(1)
    screenshot(settings, f"dialog-settings-rules-{language}")

    limit = LimitDialog(
        platforms=["借呗"], today=TODAY, platform="借呗", current_limit_fen=lambda name: 2_500_000, save=lambda *a: None
    )
    qtbot.addWidget(limit)
    limit.show()
    screenshot(limit, f"dialog-limit-{language}")
    note = NoteDialog(today=TODAY, save=lambda *a: None)
    qtbot.addWidget(note)
    note.show()
    screenshot(note, f"dialog-note-{language}")
