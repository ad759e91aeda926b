"""Settings (language, grace days, reminder lead days, autopay recording, the rules' thresholds with defaults and
reset) and switching the language while the window runs."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from jiebei_tracker.domain.rules.thresholds import Thresholds
from jiebei_tracker.services.health import THRESHOLDS_KEY
from jiebei_tracker.services.settings import GeneralSettings
from jiebei_tracker.ui.dialogs.settings_dialog import SettingsDialog
from jiebei_tracker.ui.main_window import LOANS, PLATFORMS
from jiebei_tracker.ui.models.loans_model import STATUS_COLUMN
from tests.conftest import TODAY
from tests.scenarios import draft
from tests.ui.conftest import exec_filling


@pytest.fixture
def dialog(qtbot):
    saved = []
    settings = SettingsDialog(
        general=GeneralSettings(), thresholds=Thresholds(), save=lambda *values: saved.append(values)
    )
    qtbot.addWidget(settings)
    settings.saved_values = saved
    return settings


def test_every_threshold_is_shown_with_its_default(dialog, screenshot):
    names = [item.name for item in fields(Thresholds)]
    assert list(dialog.threshold_spins) == names
    defaults = Thresholds()
    for name, spin in dialog.threshold_spins.items():
        expected = getattr(defaults, name) // 100 if name.endswith("_fen") else getattr(defaults, name)
        assert spin.value() == expected, name
    shown_defaults = [label.text() for label in dialog.findChildren(QLabel) if label.text().startswith("default ")]
    assert len(shown_defaults) == len(names)
    assert "default 30 days" in shown_defaults and "default ¥20,000.00" in shown_defaults
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    assert dialog.reset_button.isVisible()  # it resets the rules: shown with them
    screenshot(dialog, "settings-rules-en")
    dialog.tabs.setCurrentIndex(0)
    assert not dialog.reset_button.isVisible()
    screenshot(dialog, "settings-general-en")


def test_saving_hands_over_the_values_and_reset_brings_the_defaults_back(dialog):
    dialog.grace_days.setValue(3)
    dialog.reminder_lead_days.setValue(5)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.autopay_recording.setCurrentIndex(dialog.autopay_recording.findData("auto"))
    dialog.threshold_spins["frequency_short_count"].setValue(4)
    dialog.threshold_spins["risky_amount_fen"].setValue(30_000)
    dialog.submit()
    general, thresholds = dialog.saved_values[0]
    assert general == GeneralSettings(grace_days=3, reminder_lead_days=5, language="zh_CN", autopay_recording="auto")
    assert thresholds == replace(Thresholds(), frequency_short_count=4, risky_amount_fen=3_000_000)
    dialog.reset_thresholds()
    assert dialog.threshold_spins["frequency_short_count"].value() == 3
    assert dialog.threshold_spins["risky_amount_fen"].value() == 20_000


def test_each_autopay_recording_choice_is_saved(dialog):
    choices = dialog.autopay_recording
    assert [choices.itemText(index) for index in range(choices.count())] == ["Ask me", "Record automatically", "Off"]
    assert choices.currentData() == "ask"
    for index, expected in enumerate(["ask", "auto", "off"]):
        choices.setCurrentIndex(index)
        dialog.submit()
        assert dialog.saved_values[-1][0].autopay_recording == expected
    assert len(dialog.saved_values) == 3


def test_the_autopay_recording_choice_is_shown_as_saved_and_in_chinese(translations, qtbot):
    translations.apply("zh_CN")
    settings = SettingsDialog(
        general=GeneralSettings(autopay_recording="off"), thresholds=Thresholds(), save=lambda *values: None
    )
    qtbot.addWidget(settings)
    choices = settings.autopay_recording
    assert [choices.itemText(index) for index in range(choices.count())] == ["每次询问", "自动记为已还", "不记录"]
    assert choices.currentText() == "不记录"


def test_an_impossible_threshold_is_refused_next_to_its_field(dialog):
    dialog.threshold_spins["late_recent_months"].setValue(30)  # longer than the 24 months late repayments count
    dialog.submit()
    assert dialog.saved_values == []
    assert dialog.tabs.currentIndex() == 1
    assert "Cannot be longer" in dialog.threshold_errors.message("late_recent_months")
    dialog.threshold_spins["platform_count"].setValue(1)
    dialog.threshold_spins["late_recent_months"].setValue(6)
    dialog.submit()
    assert "Out of range" in dialog.threshold_errors.message("platform_count")


def test_settings_are_stored_where_the_rules_read_them(window, workspace, monkeypatch):
    def fill(settings: SettingsDialog) -> None:
        settings.reminder_lead_days.setValue(7)
        settings.autopay_recording.setCurrentIndex(settings.autopay_recording.findData("off"))
        settings.threshold_spins["inquiry_count"].setValue(5)

    monkeypatch.setattr(SettingsDialog, "exec", exec_filling(fill))
    window.commands.settings.trigger()
    assert workspace.general_settings().reminder_lead_days == 7
    assert workspace.general_settings().autopay_recording == "off"
    assert workspace.settings.get(THRESHOLDS_KEY)["inquiry_count"] == 5
    assert workspace.thresholds().inquiry_count == 5


def test_grace_days_change_what_counts_as_overdue(workspace, window):
    window.hub.run(lambda: workspace.ledger.add_loan(draft(borrowed_on=date(2026, 10, 26), months=3)))  # due 11-26
    dashboard = window.dashboard
    assert dashboard.overdue_model.rowCount() == 1
    window.save_settings(GeneralSettings(grace_days=3), workspace.thresholds())
    assert workspace.grace_days == 3
    assert dashboard.overdue_model.rowCount() == 0
    window.show_page(LOANS)
    assert window.loans_view.model.index(0, STATUS_COLUMN).data() == "Active"


def test_switching_the_language_changes_every_label_without_a_restart(workspace, window, qtbot, screenshot):
    workspace.ledger.add_loan(draft("借呗", borrowed_on=date(2026, 10, 10), months=6))
    window.show_page(LOANS)
    header = window.loans_view.model
    assert window.navigation.item(0).text() == "Dashboard"
    assert header.headerData(0, Qt.Orientation.Horizontal) == "Platform"

    window.save_settings(GeneralSettings(language="zh_CN"), workspace.thresholds())
    assert window.translations.language == "zh_CN"
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "总览")  # Qt posts LanguageChange to each window
    assert [window.navigation.item(row).text() for row in range(5)] == [
        "总览",
        "借款",
        "平台与额度",
        "征信记录",
        "图表",
    ]
    assert window.windowTitle() == "借呗信用健康助手"
    assert header.headerData(0, Qt.Orientation.Horizontal) == "平台"
    assert header.index(0, STATUS_COLUMN).data() == "有逾期"  # the vocabulary follows the language too
    assert window.commands.new_loan.text() == "新建借款(&N)…"
    assert window.dashboard.heading.text() == f"<h2>今天是 {TODAY.isoformat()}</h2>"
    assert workspace.general_settings().language == "zh_CN"
    screenshot(window, "loans-switched-zh_CN")

    window.save_settings(GeneralSettings(language="en"), workspace.thresholds())
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Dashboard")
    assert header.headerData(0, Qt.Orientation.Horizontal) == "Platform"
    assert header.index(0, STATUS_COLUMN).data() == "Overdue"


def test_following_the_system_language(translations, monkeypatch):
    from jiebei_tracker.ui import i18n

    monkeypatch.setattr(i18n, "system_language", lambda: "zh_CN")
    assert translations.apply("") == "zh_CN"
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    assert translations.apply("") == "en"


def test_the_platforms_page_in_chinese(workspace, window, translations, qtbot):
    workspace.ledger.record_limit("借呗", recorded_on=date(2026, 1, 1), limit_fen=3_000_000)
    translations.apply("zh_CN")
    view = window.show_page(PLATFORMS)
    qtbot.waitUntil(lambda: view.record_button.text() == "记录信用额度…")
    assert view.model.index(0, 1).data() == "互联网平台"
    assert view.record_button.text() == "记录信用额度…"
