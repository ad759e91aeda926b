"""Dates are what the user typed (issue #10 §3): every dialog's date field is tabbed into and typed into with real
key presses, and the day that reaches the save is exactly the day typed — or the text is refused by the field."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from jiebei_tracker.domain.vocabulary import LoanPurpose, NoteKind
from jiebei_tracker.ui.date_field import DateField
from jiebei_tracker.ui.dialogs.limit_dialog import LimitDialog
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.dialogs.note_dialog import NoteDialog
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog
from tests.conftest import TODAY
from tests.scenarios import draft
from tests.ui.keyboard import type_text

MARCH_3 = date(2024, 3, 3)
WAYS_TO_WRITE_MARCH_3 = ["2024-03-03", "2024/3/3", "2024.3.3", "20240303", "2024年3月3日", "２０２４年３月３日"]
DIALOGS = ["loan_editor", "repayment", "payoff", "limit", "note"]


@dataclass
class Opened:
    """A dialog shown, its date field, the name of that field's message, and the days its save was given."""

    dialog: QDialog
    date_field: DateField
    field_name: str
    saved_days: list[date] = field(default_factory=list)


@pytest.fixture
def open_dialog(qtbot, workspace):
    def open_(name: str) -> Opened:
        saved: list[date] = []
        if name == "loan_editor":
            dialog = LoanEditorDialog(
                platforms=["借呗"], today=TODAY, save=lambda loan: saved.append(loan.terms.borrowed_on)
            )
            dialog.platform.setCurrentText("微粒贷")
            dialog.principal.setText("12000")
            dialog.rate.setText("7.2%")
            dialog.purpose.setCurrentIndex(dialog.purpose.findData(LoanPurpose.DAILY.value))
            opened = Opened(dialog, dialog.borrowed_on, "borrowed_on", saved)
        elif name in ("repayment", "payoff"):
            loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2024, 1, 15), months=12)).created_id
            dialog = RepaymentDialog(
                loan=workspace.loans([loan_id])[0],
                today=TODAY,
                quote=lambda day: workspace.payoff_quote(loan_id, paid_on=day),
                pay=lambda day, fen, note: saved.append(day),
                pay_off=lambda day, fen, note: saved.append(day),
                payoff=name == "payoff",
            )
            opened = Opened(dialog, dialog.paid_on, "paid_on", saved)
        elif name == "limit":
            dialog = LimitDialog(
                platforms=["借呗"], today=TODAY, platform="借呗", save=lambda platform, day, *rest: saved.append(day)
            )
            dialog.amount.setText("50000")
            opened = Opened(dialog, dialog.recorded_on, "date", saved)
        else:
            dialog = NoteDialog(today=TODAY, save=lambda day, *_rest: saved.append(day))
            dialog.kind.setCurrentIndex(list(NoteKind).index(NoteKind.INQUIRY))
            dialog.text.setPlainText("贷款审批查询")
            opened = Opened(dialog, dialog.noted_on, "date", saved)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: dialog.isActiveWindow())
        return opened

    return open_


def tab_into(dialog: QDialog, date_field: DateField) -> None:
    """Press Tab from the dialog's first field until the date field has the focus, as a person would."""
    text = date_field.line_edit
    for _ in range(12):
        if text.hasFocus():
            return
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached the date field")


def type_date(opened: Opened, typed: str) -> None:
    tab_into(opened.dialog, opened.date_field)
    text = opened.date_field.line_edit
    assert text.selectedText() == text.text() != ""  # the whole day is selected: typing replaces it
    type_text(text, typed)
    assert text.text() == typed


def press_enter(opened: Opened) -> None:
    QTest.keyClick(opened.date_field.line_edit, Qt.Key.Key_Return)


@pytest.mark.parametrize("typed", WAYS_TO_WRITE_MARCH_3)
@pytest.mark.parametrize("name", DIALOGS)
def test_the_day_typed_is_the_day_saved(name, typed, open_dialog, qtbot):
    opened = open_dialog(name)
    type_date(opened, typed)
    assert opened.date_field.date() == MARCH_3
    press_enter(opened)
    qtbot.waitUntil(lambda: opened.saved_days != [])
    assert opened.saved_days == [MARCH_3]
    assert opened.dialog.result() == QDialog.DialogCode.Accepted
    assert opened.dialog.errors.message(opened.field_name) == ""


@pytest.mark.parametrize(
    ("typed", "message", "shown"),
    [
        ("2024-02-30", "There is no such day: February 2024 has 29 days.", "2024-02-30"),
        ("2023-02-29", "There is no such day: February 2023 has 28 days.", "2023-02-29"),
        ("2024-13-01", "There is no such day: there is no month 13.", "2024-13-01"),
        ("3/3/2024", "This is not a date. Write it like 2024-03-05, 2024/3/5 or 2024年3月5日.", "3/3/2024"),
        ("next week", "This is not a date. Write it like 2024-03-05, 2024/3/5 or 2024年3月5日.", "next week"),
        ("2026-11-29", "The date cannot be in the future (today is 2026-11-28).", "2026-11-29"),
        # A real day, only not allowed: Enter writes it the ISO way, still the same day.
        ("2027年1月1日", "The date cannot be in the future (today is 2026-11-28).", "2027-01-01"),
    ],
)
@pytest.mark.parametrize("name", DIALOGS)
def test_a_day_that_cannot_be_saved_is_refused_under_the_field(name, typed, message, shown, open_dialog):
    opened = open_dialog(name)
    type_date(opened, typed)
    press_enter(opened)
    assert opened.dialog.errors.message(opened.field_name) == message
    assert opened.dialog.findChild(type(opened.dialog.general_error), f"error_{opened.field_name}").isVisible()
    assert opened.saved_days == []
    assert opened.dialog.isVisible() and opened.dialog.result() != QDialog.DialogCode.Accepted
    assert opened.date_field.text() == shown  # never quietly turned into another day


@pytest.mark.parametrize("name", DIALOGS)
def test_the_whole_message_can_be_read(name, open_dialog, qtbot):
    # The limit and payoff dialogs hold word-wrapped text, and Qt does not grow such a window by itself.
    opened = open_dialog(name)
    type_date(opened, "next week")
    press_enter(opened)
    label = opened.dialog.findChild(type(opened.dialog.general_error), f"error_{opened.field_name}")
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert opened.date_field.line_edit.height() >= opened.date_field.line_edit.minimumSizeHint().height()


@pytest.mark.parametrize("name", DIALOGS)
def test_an_empty_date_is_refused(name, open_dialog):
    opened = open_dialog(name)
    tab_into(opened.dialog, opened.date_field)
    QTest.keyClick(opened.date_field.line_edit, Qt.Key.Key_Delete)
    press_enter(opened)
    assert opened.dialog.errors.message(opened.field_name) == "Enter a date, e.g. 2024-03-05."
    assert opened.saved_days == []


@pytest.mark.parametrize("name", ["repayment", "payoff"])
def test_a_repayment_before_the_loan_was_borrowed_is_refused(name, open_dialog):
    opened = open_dialog(name)
    type_date(opened, "2024/1/14")
    press_enter(opened)
    assert opened.dialog.errors.message("paid_on") == "The date cannot be before 2024-01-15."
    assert opened.saved_days == []


def test_the_payoff_quote_follows_the_day_typed(open_dialog, workspace):
    opened = open_dialog("payoff")
    type_date(opened, "2024年3月3日")
    loan_id = workspace.loans()[0].loan_id
    quote = workspace.payoff_quote(loan_id, paid_on=MARCH_3)
    assert opened.dialog.amount.text() == f"{quote.amount_fen // 100}.{quote.amount_fen % 100:02d}"
    assert f"interest for {quote.accrued_days} days" in opened.dialog.quote_label.text()


@pytest.mark.parametrize("typed", WAYS_TO_WRITE_MARCH_3)
def test_leaving_the_field_writes_the_same_day_the_iso_way(typed, open_dialog):
    opened = open_dialog("limit")
    type_date(opened, typed)
    QTest.keyClick(opened.date_field.line_edit, Qt.Key.Key_Tab)
    assert opened.dialog.focusWidget() is opened.dialog.amount  # Tab goes on to the next field
    assert opened.date_field.text() == "2024-03-03"
    assert opened.date_field.date() == MARCH_3


def test_a_refused_text_stays_as_typed_when_leaving_the_field(open_dialog):
    opened = open_dialog("note")
    type_date(opened, "2024-02-30")
    QTest.keyClick(opened.date_field.line_edit, Qt.Key.Key_Tab)
    assert opened.date_field.text() == "2024-02-30"
    assert opened.date_field.date() is None


def test_date_changed_is_emitted_with_the_day_or_none(qtbot):
    field_ = DateField(date(2024, 1, 1), today=TODAY)
    qtbot.addWidget(field_)
    seen = []
    field_.dateChanged.connect(seen.append)
    QTest.keyClick(field_.line_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(field_.line_edit, "20240303")
    # Nothing until all eight digits are there (the cleared text means no day), then the day itself.
    assert seen == [None, MARCH_3]
    field_.setDate(date(2025, 6, 30))
    assert seen[-1] == date(2025, 6, 30) and field_.text() == "2025-06-30"


def test_the_calendar_pop_up_sets_the_day(open_dialog, qtbot):
    opened = open_dialog("repayment")
    date_field = opened.date_field
    date_field.calendar_button.click()
    qtbot.waitUntil(date_field.calendar.isVisible)
    assert date_field.calendar.maximumDate().toPython() == TODAY
    assert date_field.calendar.minimumDate().toPython() == date(2024, 1, 15)
    assert date_field.calendar.selectedDate().toPython() == TODAY
    # Up a week with the arrow key, then Enter picks it, as a person would on the calendar.
    QTest.keyClick(date_field.calendar.focusWidget() or date_field.calendar, Qt.Key.Key_Up)
    QTest.keyClick(date_field.calendar.focusWidget() or date_field.calendar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not date_field.calendar.isVisible())
    assert date_field.text() == "2026-11-21"
    assert date_field.date() == date(2026, 11, 21)
    press_enter(opened)
    assert opened.saved_days == [date(2026, 11, 21)]


def test_alt_down_opens_the_calendar_from_the_keyboard(open_dialog, qtbot):
    opened = open_dialog("note")
    tab_into(opened.dialog, opened.date_field)
    QTest.keyClick(opened.date_field.line_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(opened.date_field.calendar.isVisible)


def test_the_messages_are_chinese_in_chinese(open_dialog, translations):
    translations.apply("zh_CN")
    opened = open_dialog("loan_editor")
    assert opened.date_field.line_edit.placeholderText() == "例如 2024-03-05 或 2024年3月5日"
    expected = {
        "2024-02-30": "没有这一天：2024年2月只有 29 天。",
        "2024-13-01": "没有这一天：没有 13 月（月份为 1～12）。",
        "下周": "无法识别这个日期，请写成 2024-03-05、2024/3/5 或 2024年3月5日的格式。",
        "2026-11-29": "日期不能晚于今天（今天是 2026年11月28日）。",
        "": "请输入日期，例如 2024-03-05。",
    }
    for typed, message in expected.items():
        opened.date_field.line_edit.setText(typed)
        opened.dialog.submit()
        assert opened.dialog.errors.message("borrowed_on") == message
    assert opened.saved_days == []
