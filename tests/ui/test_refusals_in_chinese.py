"""What the ledger refuses reaches a Chinese window in Chinese: the reason under the field, in a message box, in
the status bar — from the same translations the command line reads for ``--lang zh_CN``."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.ui.dialogs.forms import FieldErrors, error_label
from jiebei_tracker.ui.refusal_text import reason_text

REFUSED = [
    ("paid_on", "2020-01-01", "is before the loan was taken (2025-03-05)", "早于借款日期（2025-03-05）"),
    ("amount", "¥9,000.00", "more than the ¥2,010.43 left to pay on loan #9 (use payoff to settle early)",
     "超过了借款 #9 还需还的 ¥2,010.43（要提前还清，请用 payoff）"),
    ("loan", 1, "loan #1 is already settled", "借款 #1 已经结清"),
    ("on", "2024-02-30", "no such day: February 2024 has 29 days", "没有这一天：2024年2月只有 29 天"),
    ("text", "", "say what the credit report shows", "请写明征信报告上的内容"),
]  # fmt: skip


@pytest.fixture
def form(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QFormLayout(widget)
    general = error_label()
    layout.addRow(general)
    errors = FieldErrors(layout, general)
    for field, *_ in REFUSED:
        errors.add_row(field, field, QLineEdit())
    yield errors  # the widget lives as long as the test


@pytest.mark.parametrize(("field", "value", "reason", "chinese"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_refusal_under_its_field_reads_in_the_windows_language(form, translations, field, value, reason, chinese):
    translations.apply("zh_CN")
    form.show(InvalidValue(field, value, reason))
    assert form.message(field) == chinese
    translations.apply("en")
    form.show(InvalidValue(field, value, reason))
    assert form.message(field) == reason


def test_a_reason_nobody_listed_is_shown_as_written(translations):
    translations.apply("zh_CN")
    assert reason_text("the moon is in the wrong phase") == "the moon is in the wrong phase"
    # A file the command line reads for itself says the same, with or without the window's translators.
    assert reason_text("loan #1 is already settled", "zh_CN") == "借款 #1 已经结清"
    translations.apply("en")
    assert reason_text("loan #1 is already settled", "zh_CN") == "借款 #1 已经结清"
    assert reason_text("loan #1 is already settled", "en") == "loan #1 is already settled"
