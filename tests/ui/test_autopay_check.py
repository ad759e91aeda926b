"""The autopay check in the window: installments of loans on autopay that fell due and are not recorded as paid are
asked about (ask), recorded with a notice offering Undo (auto) or left alone (off) — once the window is on screen,
after the settings are saved, and again when the day changes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from jiebei_tracker.services.autopay import pending
from jiebei_tracker.services.settings import GeneralSettings
from jiebei_tracker.services.workspace import Workspace
from jiebei_tracker.ui.dialogs.autopay_check import AutopayCheckDialog
from tests.conftest import TODAY
from tests.scenarios import draft

# As of TODAY (2026-11-28): 借呗 (autopay) due 9-05, 10-05, 11-05 at ¥1,039.43; 微粒贷 (autopay) due 11-20 at
# ¥510.55; 京东金条 (no autopay) due 10-10 and 11-10 — never asked about, overdue either way.
PENDING = [("借呗", 1), ("借呗", 2), ("借呗", 3), ("微粒贷", 1)]


def _add_loans(workspace: Workspace) -> None:
    ledger = workspace.ledger
    ledger.add_loan(draft("借呗", autopay=True, borrowed_on=date(2026, 8, 5)))
    ledger.add_loan(draft("微粒贷", autopay=True, borrowed_on=date(2026, 10, 20), principal_yuan=3_000, months=6))
    ledger.add_loan(draft("京东金条", borrowed_on=date(2026, 9, 10), principal_yuan=5_000, months=6))


def _set_mode(workspace: Workspace, mode: str) -> None:
    workspace.save_general_settings(GeneralSettings(autopay_recording=mode))


def _pending(workspace: Workspace) -> list[tuple[str, int]]:
    return [(item.platform, item.seq) for item in pending(workspace.database, as_of=workspace.today())]


def _overdue_on_dashboard(window) -> list[tuple[str, str]]:
    model = window.dashboard.overdue_model
    return [(model.index(row, 1).data(), model.index(row, 2).data()) for row in range(model.rowCount())]


def _dialog(window, qtbot) -> AutopayCheckDialog:
    qtbot.waitUntil(lambda: window.autopay_check.dialog is not None)
    return window.autopay_check.dialog


@pytest.fixture
def clock():
    """A "today" the test moves on by hand."""
    return [TODAY]


@pytest.fixture
def books(database, clock) -> Workspace:
    workspace = Workspace(database=database, today=lambda: clock[0])
    _add_loans(workspace)
    return workspace


def test_ask_lists_the_pending_installments_and_records_the_ticked_ones(books, make_window, qtbot, screenshot):
    window = make_window(books)
    dialog = _dialog(window, qtbot)
    assert dialog.windowTitle() == "Autopay check"
    assert [tuple(row.text(column) for column in range(4)) for row in dialog.rows] == [
        ("借呗", "1 of 12", "¥1,039.43", "2026-09-05"),
        ("借呗", "2 of 12", "¥1,039.43", "2026-10-05"),
        ("借呗", "3 of 12", "¥1,039.43", "2026-11-05"),
        ("微粒贷", "1 of 6", "¥510.55", "2026-11-20"),
    ]
    assert all(row.checkState(0) == Qt.CheckState.Checked for row in dialog.rows)
    assert dialog.summary.text() == "Ticked: 4 of 4, ¥3,628.84 in all"
    assert [button.text() for button in (dialog.record_button, dialog.later_button)] == ["Record as paid", "Not now"]
    dialog.resize(640, 340)
    screenshot(dialog, "autopay-check-en")

    dialog.rows[2].setCheckState(0, Qt.CheckState.Unchecked)  # 借呗 3 of 12 was not deducted
    assert dialog.summary.text() == "Ticked: 3 of 4, ¥2,589.41 in all"
    dialog.record_button.click()

    assert _pending(books) == [("借呗", 3)]
    assert window.autopay_check.dialog is None
    assert _overdue_on_dashboard(window) == [("京东金条", "1 of 6"), ("借呗", "3 of 12"), ("京东金条", "2 of 6")]
    assert window.undo_notice.message.text() == "Autopay deductions recorded as paid: 3."
    assert window.undo_notice.undo_button.isVisible()
    assert window.undo_action.text() == "&Undo autopay recording (3)"
    window.autopay_check.check_autopay()  # the one left open is not asked about again today
    assert window.autopay_check.dialog is None

    window.undo_notice.undo_button.click()
    assert _pending(books) == PENDING
    assert len(_overdue_on_dashboard(window)) == 6
    window.redo_action.trigger()
    assert _pending(books) == [("借呗", 3)]
    window.undo_action.trigger()  # Ctrl+Z
    assert _pending(books) == PENDING


def test_a_loans_later_installments_follow_an_earlier_one(books, make_window, qtbot):
    """A deduction pays the earliest open installment first: 借呗 3 of 12 cannot be paid while 2 of 12 stays open."""
    dialog = _dialog(make_window(books), qtbot)

    def ticked() -> list[tuple[str, int]]:
        return [(item.platform, item.seq) for item in dialog.chosen()]

    dialog.rows[1].setCheckState(0, Qt.CheckState.Unchecked)
    assert ticked() == [("借呗", 1), ("微粒贷", 1)]
    dialog.rows[2].setCheckState(0, Qt.CheckState.Checked)
    assert ticked() == PENDING
    dialog.rows[0].setCheckState(0, Qt.CheckState.Unchecked)
    assert ticked() == [("微粒贷", 1)]
    dialog.rows[1].setCheckState(0, Qt.CheckState.Checked)
    assert ticked() == [("借呗", 1), ("借呗", 2), ("微粒贷", 1)]
    dialog.record_button.click()
    assert _pending(books) == [("借呗", 3)]


def test_nothing_ticked_cannot_be_recorded(books, make_window, qtbot):
    dialog = _dialog(make_window(books), qtbot)
    for row in dialog.rows:
        row.setCheckState(0, Qt.CheckState.Unchecked)
    assert not dialog.record_button.isEnabled()
    assert dialog.summary.text() == "Ticked: 0 of 4, ¥0.00 in all"
    dialog.rows[3].setCheckState(0, Qt.CheckState.Checked)
    assert dialog.record_button.isEnabled()
    assert [(item.platform, item.seq) for item in dialog.chosen()] == [("微粒贷", 1)]


def test_not_now_records_nothing_and_asks_again_the_next_day(books, clock, make_window, qtbot):
    window = make_window(books)
    check = window.autopay_check
    _dialog(window, qtbot).later_button.click()
    assert check.timer.isActive() and check.timer.interval() == 5 * 60 * 1000
    assert check.dialog is None
    assert _pending(books) == PENDING
    assert window.undo_action.isEnabled() is False

    check.on_timer()  # the same day: not asked again
    assert check.dialog is None
    clock[0] = TODAY + timedelta(days=1)
    check.on_timer()
    assert check.checked_on == TODAY + timedelta(days=1)
    assert [(item.platform, item.seq) for item in check.dialog.items] == PENDING


def test_the_dialog_can_be_replaced_and_not_now_is_remembered_for_the_day(books, make_window, qtbot, monkeypatch):
    asked = []

    def answer_not_now(cls, *, items, answer, parent=None):
        asked.append([(item.platform, item.seq) for item in items])
        answer(None)

    monkeypatch.setattr(AutopayCheckDialog, "ask", classmethod(answer_not_now))
    window = make_window(books)
    qtbot.waitUntil(lambda: asked == [PENDING])
    check = window.autopay_check
    assert check.dialog is None
    check.check_autopay()
    assert asked == [PENDING]  # left open today: not asked again
    books.ledger.add_loan(draft("借呗", autopay=True, borrowed_on=date(2026, 10, 25), principal_yuan=1_000, months=3))
    check.check_autopay()
    assert asked == [PENDING, [("借呗", 1)]]  # only what is new
    assert _pending(books) == [*PENDING, ("借呗", 1)]  # due 2026-11-25


def test_auto_records_all_with_a_notice_whose_undo_reopens_them(books, make_window, qtbot, screenshot):
    _set_mode(books, "auto")
    window = make_window(books)
    check = window.autopay_check
    qtbot.waitUntil(lambda: check.notice is not None and check.notice.isVisible())
    notice = check.notice
    assert check.dialog is None
    assert _pending(books) == []
    assert _overdue_on_dashboard(window) == [("京东金条", "1 of 6"), ("京东金条", "2 of 6")]
    recorded = (
        "Autopay deductions recorded as paid (4): 借呗 installment 1 of 12, ¥1,039.43, due 2026-09-05; "
        "借呗 installment 2 of 12, ¥1,039.43, due 2026-10-05; 借呗 installment 3 of 12, ¥1,039.43, due 2026-11-05; "
        "微粒贷 installment 1 of 6, ¥510.55, due 2026-11-20."
    )
    assert notice.text.text() == recorded
    assert notice.undo_button.isVisible() and notice.undo_button.text() == "Undo"
    window.resize(1100, 700)
    screenshot(window, "autopay-notice-window-en")
    screenshot(notice, "autopay-notice-en")

    notice.undo_button.click()
    assert _pending(books) == PENDING
    assert len(_overdue_on_dashboard(window)) == 6
    assert notice.text.text() == "Undone: these installments are open again (4)."
    assert not notice.undo_button.isVisible()

    window.redo_action.trigger()  # Ctrl+Y records them again, and the notice says so
    assert _pending(books) == []
    assert notice.text.text() == recorded
    window.undo_action.trigger()  # Ctrl+Z, from the Edit menu
    assert _pending(books) == PENDING
    assert notice.is_undone() and not notice.undo_button.isVisible()
    notice.close_button.click()
    assert not notice.isVisible()


def test_the_notice_offers_undo_only_while_the_recording_is_the_last_thing_done(books, make_window, qtbot):
    _set_mode(books, "auto")
    window = make_window(books)
    check = window.autopay_check
    qtbot.waitUntil(lambda: check.notice is not None and check.notice.isVisible())
    jingdong = next(loan for loan in books.loans() if loan.platform == "京东金条")
    window.undo.delete_loan(jingdong.loan_id, "delete a loan")  # something done since
    assert not check.notice.undo_button.isVisible()
    check.notice.undo()  # would undo the delete, not the recording: does nothing
    assert _pending(books) == [] and len(books.loans()) == 2
    window.undo_action.trigger()  # the delete
    assert check.notice.can_undo() and check.notice.undo_button.isVisible()
    check.notice.undo()
    assert _pending(books) == PENDING


def test_auto_records_again_when_the_day_changes(books, clock, make_window, qtbot):
    _set_mode(books, "auto")
    window = make_window(books)
    check = window.autopay_check
    qtbot.waitUntil(lambda: check.checked_on == TODAY and _pending(books) == [])
    clock[0] = date(2026, 12, 5)  # 借呗 4 of 12 falls due
    assert _pending(books) == [("借呗", 4)]
    check.on_timer()
    assert _pending(books) == []
    assert [(item.platform, item.seq) for item in check.notice.recorded()] == [("借呗", 4)]
    assert window.undo_action.text() == "&Undo autopay recording (1)"


def test_off_leaves_them_open(books, make_window, qtbot):
    _set_mode(books, "off")
    window = make_window(books)
    check = window.autopay_check
    qtbot.waitUntil(lambda: check.checked_on == TODAY)
    assert check.dialog is None and check.notice is None
    assert _pending(books) == PENDING
    assert len(_overdue_on_dashboard(window)) == 6
    assert not window.undo_action.isEnabled()


def test_choosing_auto_in_the_settings_records_them_then(books, make_window, qtbot):
    _set_mode(books, "off")
    window = make_window(books)
    check = window.autopay_check
    qtbot.waitUntil(lambda: check.checked_on == TODAY)
    window.save_settings(GeneralSettings(autopay_recording="auto"), books.thresholds())
    assert _pending(books) == []
    assert [(item.platform, item.seq) for item in check.notice.recorded()] == PENDING


def test_the_sample_data_is_not_checked(books, make_window):
    assert make_window(books, sample=True).autopay_check is None


def test_in_chinese(books, make_window, translations, qtbot, screenshot):
    translations.apply("zh_CN")
    window = make_window(books)
    dialog = _dialog(window, qtbot)
    assert dialog.windowTitle() == "自动扣款核对"
    assert [row.text(1) for row in dialog.rows] == ["第 1/12 期", "第 2/12 期", "第 3/12 期", "第 1/6 期"]
    assert dialog.summary.text() == "已勾选 4/4 期，共 ¥3,628.84"
    assert [button.text() for button in (dialog.record_button, dialog.later_button)] == ["记为已还", "暂不处理"]
    dialog.resize(640, 340)
    screenshot(dialog, "autopay-check-zh_CN")
    dialog.later_button.click()

    window.save_settings(GeneralSettings(language="zh_CN", autopay_recording="auto"), books.thresholds())
    notice = window.autopay_check.notice
    assert notice.text.text() == (
        "已将 4 期自动扣款记为已还：借呗第 1/12 期 ¥1,039.43（2026年9月5日到期）、借呗第 2/12 期 ¥1,039.43"
        "（2026年10月5日到期）、借呗第 3/12 期 ¥1,039.43（2026年11月5日到期）、微粒贷第 1/6 期 ¥510.55"
        "（2026年11月20日到期）。"
    )
    assert notice.undo_button.text() == "撤销"
    assert window.undo_action.text() == "撤销自动扣款记账（4 期）(&U)"
    window.resize(1100, 700)
    screenshot(window, "autopay-notice-window-zh_CN")
    screenshot(notice, "autopay-notice-zh_CN")
    notice.undo_button.click()
    assert notice.text.text() == "已撤销：这 4 期已恢复为待还。"


def test_a_latin_platform_name_is_spaced_off_from_the_chinese(database, make_window, translations, qtbot):
    translations.apply("zh_CN")
    workspace = Workspace(database=database, today=lambda: TODAY)
    workspace.ledger.add_loan(draft("CMB", autopay=True, borrowed_on=date(2026, 10, 20), months=6))
    _set_mode(workspace, "auto")
    window = make_window(workspace)
    qtbot.waitUntil(lambda: window.autopay_check.notice is not None)
    assert window.autopay_check.notice.text.text() == (
        "已将 1 期自动扣款记为已还：CMB 第 1/6 期 ¥2,042.21（2026年11月20日到期）。"
    )
