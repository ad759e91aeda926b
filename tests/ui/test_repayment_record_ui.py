"""Recording repayments in the window (issue #10 §4): the repayment dialog typed into with real key presses, with a
note and a line saying which installments the amount settles; every logged repayment undone by Ctrl+Z or by the
status bar's Undo; the loan window's repayments with their source, corrected by double-click and undone."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.penalty import penalty_fen
from jiebei_tracker.domain.vocabulary import InstallmentStatus, RepaymentSource
from jiebei_tracker.services.ledger.repayments import InstallmentKey
from jiebei_tracker.ui import undo_notice
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog
from jiebei_tracker.ui.dialogs.repayment_edit_dialog import RepaymentEditDialog
from tests.conftest import TODAY
from tests.scenarios import draft
from tests.ui.keyboard import show_and_focus, type_text

INSTALLMENT_FEN = 103_943  # each installment of 借呗 ¥12,000 over 12 months at 7.2 %, borrowed 2026-06-15
LEFT_FEN = 1_247_315  # the whole schedule
ON_TIME, LATE, OVERDUE = InstallmentStatus.ON_TIME, InstallmentStatus.LATE, InstallmentStatus.OVERDUE


@pytest.fixture
def loan_id(workspace):
    """借呗 ¥12,000 borrowed 2026-06-15 over 12 months: installments 1–5 (due 07-15 … 11-15) are overdue on TODAY."""
    return workspace.ledger.add_loan(draft("借呗", borrowed_on=date(2026, 6, 15), months=12)).created_id


def statuses(workspace, loan_id, count=6) -> list[InstallmentStatus]:
    return [line.status for line in workspace.loan_detail(loan_id).schedule[:count]]


def saved(workspace, loan_id) -> list[tuple]:
    return [
        (line.paid_on, line.amount_fen, line.note, line.source, line.is_payoff)
        for line in workspace.repayments(loan_id)
    ]


def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifier)


@pytest.fixture
def typing_into(qtbot, monkeypatch):
    """Replace a dialog class's exec(): show it, let ``keys(dialog)`` type into it, report how it ended."""
    seen: list[QDialog] = []

    def replace(dialog_class, keys) -> list[QDialog]:
        def fake_exec(dialog):
            qtbot.addWidget(dialog)
            show_and_focus(qtbot, dialog)
            seen.append(dialog)
            keys(dialog)
            if dialog.isVisible():  # refused: the test looked at the message; the user gives up
                press(Qt.Key.Key_Escape)
            return dialog.result()

        monkeypatch.setattr(dialog_class, "exec", fake_exec)
        return seen

    return replace


def activate(qtbot, window) -> None:
    def active() -> bool:
        window.activateWindow()
        return window.isActiveWindow()

    qtbot.waitUntil(active)


# -- the repayment dialog ------------------------------------------------------------------------------------


def test_amount_and_note_typed_are_saved_as_a_repayment_logged_by_hand(workspace, loan_id, window, typing_into):
    def keys(dialog: RepaymentDialog) -> None:
        assert QApplication.focusWidget() is dialog.paid_on.line_edit
        press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.amount
        type_text(dialog.amount, "1500")
        press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.note
        type_text(dialog.note, "工资卡 6222")
        press(Qt.Key.Key_Return)

    typing_into(RepaymentDialog, keys)
    changes = window.actions.log_repayment(loan_id)
    assert changes is not None and changes.payments
    assert saved(workspace, loan_id) == [(TODAY, 150_000, "工资卡 6222", RepaymentSource.MANUAL, False)]
    schedule = workspace.loan_detail(loan_id).schedule
    # Installment 1 is paid 136 days late: what is beyond it pays its penalty interest first, the rest goes on.
    penalty = penalty_fen(
        schedule[0].principal_fen, Decimal("0.072"), Decimal("1.5"), (TODAY - schedule[0].due_on).days
    )
    assert [(line.paid_fen, line.status) for line in schedule[:3]] == [
        (INSTALLMENT_FEN, LATE),
        (150_000 - INSTALLMENT_FEN - penalty, OVERDUE),
        (0, OVERDUE),
    ]


@pytest.fixture
def open_repayment_dialog(qtbot, workspace, loan_id):
    """Opens the dialog as the actions do, the day as it opens (TODAY); what Save was given is kept."""

    def open_dialog() -> RepaymentDialog:
        calls = []
        dialog = RepaymentDialog(
            loan=workspace.loans([loan_id])[0],
            today=TODAY,
            quote=lambda day: workspace.payoff_quote(loan_id, paid_on=day),
            outlook=lambda day: workspace.repayment_outlook(loan_id, paid_on=day),
            pay=lambda day, fen, note: calls.append((day, fen, note)),
            pay_off=lambda day, fen, note: calls.append(("payoff", day, fen, note)),
        )
        qtbot.addWidget(dialog)
        show_and_focus(qtbot, dialog)
        dialog.calls = calls
        return dialog

    return open_dialog


@pytest.fixture
def repayment_dialog(open_repayment_dialog, workspace):
    """The dialog opened on the loan as the fixture ``loan_id`` left it, on a platform that charges no penalty
    interest: where the money goes, installment by installment (the penalty's share: the test after these)."""
    workspace.ledger.set_penalty_multiplier("借呗", Decimal(0))
    return open_repayment_dialog()


def test_the_settles_line_counts_the_penalty_a_late_installment_ran_up(open_repayment_dialog, workspace, loan_id):
    dialog = open_repayment_dialog()
    first = workspace.loan_detail(loan_id).schedule[0]  # due 07-15: 136 days late on TODAY
    penalty = penalty_fen(first.principal_fen, Decimal("0.072"), Decimal("1.5"), (TODAY - first.due_on).days)
    beyond = 12_000
    said = type_amount(dialog, f"{(INSTALLMENT_FEN + beyond) / 100:.2f}")
    assert said == f"Settles installment 1 and pays {format_yuan(beyond - penalty)} of installment 2."


def type_amount(dialog: RepaymentDialog, text: str) -> str:
    dialog.amount.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(dialog.amount, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(dialog.amount, Qt.Key.Key_Backspace)
    assert dialog.amount.text() == ""
    type_text(dialog.amount, text)
    assert dialog.amount.text() == text
    return dialog.settles_label.text() if dialog.settles_label.isVisible() else ""


def test_the_settles_line_follows_the_amount_as_it_is_typed(repayment_dialog):
    dialog = repayment_dialog
    # As it opens: the next installment, in full.
    assert dialog.amount.text() == "1039.43"
    assert dialog.settles_label.isVisible()
    assert dialog.settles_label.text() == "Settles installment 1."
    assert type_amount(dialog, "1039.43") == "Settles installment 1."
    assert type_amount(dialog, "1159.43") == "Settles installment 1 and pays ¥120.00 of installment 2."
    assert type_amount(dialog, "500") == "Pays ¥500.00 of installment 1."
    assert type_amount(dialog, "2078.86") == "Settles installments 1–2."
    assert type_amount(dialog, "3200") == "Settles installments 1–3 and pays ¥81.71 of installment 4."
    assert dialog.settles_label.styleSheet() == ""


def test_more_than_is_owed_is_refused_while_typing_and_on_save(repayment_dialog):
    dialog = repayment_dialog
    assert type_amount(dialog, "12473.16") == (
        "More than the ¥12,473.15 left to pay. To settle the loan early, tick “Pay off the whole loan now”."
    )
    assert "d1343a" in dialog.settles_label.styleSheet()  # in red
    assert type_amount(dialog, "12473.15") == "Settles installments 1–12."
    assert type_amount(dialog, "") == "" and not dialog.settles_label.isVisible()
    assert type_amount(dialog, "abc") == ""


def test_the_settles_line_starts_after_what_is_paid_and_follows_the_day(open_repayment_dialog, workspace, loan_id):
    workspace.ledger.log_repayment(loan_id, paid_on=date(2026, 7, 15), amount_fen=INSTALLMENT_FEN + 20_000)
    workspace.ledger.log_repayment(loan_id, paid_on=date(2026, 9, 1), amount_fen=INSTALLMENT_FEN)
    dialog = open_repayment_dialog()
    # On TODAY both count: installment 1 paid, installment 2 paid 17 days late — of the ¥200.00 beyond it, its
    # penalty interest (on the ¥839.43 principal still overdue, for 17 days: ¥4.28) is paid first, ¥195.72 goes on.
    third = workspace.loan_detail(loan_id).schedule[2]
    assert third.paid_fen == 20_000 - 428
    assert type_amount(dialog, f"{(third.total_fen - third.paid_fen) / 100:.2f}") == "Settles installment 3."
    assert type_amount(dialog, "839.43") == "Pays ¥839.43 of installment 3."
    # On 2026-08-01 only the first counts: ¥200.00 of installment 2 is paid.
    dialog.paid_on.line_edit.selectAll()
    type_text(dialog.paid_on.line_edit, "2026-08-01")
    assert dialog.settles_label.text() == "Settles installment 2."
    # Beyond what is owed is judged on everything logged, whatever the day (the ¥4.28 of penalty interest paid
    # repaid none of the schedule).
    assert type_amount(dialog, str((LEFT_FEN - 2 * INSTALLMENT_FEN - 20_000 + 428 + 1) / 100)) == (
        "More than the ¥10,198.57 left to pay. To settle the loan early, tick “Pay off the whole loan now”."
    )


def test_a_typed_repayment_replacing_the_one_assumed_from_the_schedule_settles_that_installment(
    open_repayment_dialog, workspace, loan_id, translations
):
    workspace.ledger.set_penalty_multiplier("借呗", Decimal(0))  # where the money goes, without penalty interest
    workspace.ledger.record_installments_paid([InstallmentKey(loan_id, 5)], source=RepaymentSource.AUTOPAY)
    dialog = open_repayment_dialog()
    # Today (11-28) comes after the autopay record, with installments still to fall due: a payment of its own,
    # the next after the autopay one (which the waterfall put on installment 1).
    assert type_amount(dialog, "1039.43") == "Settles installment 2."
    # Paid on 11-14, it stands for installment 5 (due 11-15, the nearest): the autopay record of it gives way,
    # so the waterfall still starts at installment 1 — and the dialog says why.
    dialog.paid_on.line_edit.selectAll()
    type_text(dialog.paid_on.line_edit, "2026-11-14")
    replaces = " It takes the place of the repayment assumed on 2026-11-15 (from the schedule or autopay)."
    assert type_amount(dialog, "1039.43") == "Settles installment 1." + replaces
    assert type_amount(dialog, "12473.15") == "Settles installments 1–12." + replaces
    translations.apply("zh_CN")
    dialog = open_repayment_dialog()
    dialog.paid_on.line_edit.selectAll()
    type_text(dialog.paid_on.line_edit, "2026-11-14")
    assert type_amount(dialog, "1039.43") == (
        "将还清第 1 期。这笔还款将取代 2026-11-15 按还款计划或自动扣款记下的还款。"  # no space between sentences
    )


def test_the_payoff_hides_the_settles_line_and_save_passes_the_note(repayment_dialog):
    dialog = repayment_dialog
    type_amount(dialog, "500")
    dialog.note.setFocus(Qt.FocusReason.TabFocusReason)
    type_text(dialog.note, "partial")
    press(Qt.Key.Key_Return)
    assert dialog.calls == [(TODAY, 50_000, "partial")]


def test_the_settles_line_reads_natively_in_chinese(translations, repayment_dialog):
    translations.apply("zh_CN")
    dialog = repayment_dialog
    assert type_amount(dialog, "1039.43") == "将还清第 1 期。"
    assert type_amount(dialog, "1159.43") == "将还清第 1 期，并还第 2 期中的 ¥120.00。"
    assert type_amount(dialog, "500") == "将还第 1 期中的 ¥500.00。"
    assert type_amount(dialog, "3200") == "将还清第 1～3 期，并还第 4 期中的 ¥81.71。"
    assert type_amount(dialog, "20000") == "超过了待还金额 ¥12,473.15。如需提前结清，请勾选“提前结清整笔借款”。"


# -- undo: Ctrl+Z, Ctrl+Shift+Z, the status bar's Undo ---------------------------------------------------------


def log_by_dialog(loan_id, window, typing_into, amount="1039.43", note="", day="") -> None:
    def keys(dialog: RepaymentDialog) -> None:
        if day:  # the day field has the focus as the dialog opens
            dialog.paid_on.line_edit.selectAll()
            type_text(dialog.paid_on.line_edit, day)
        press(Qt.Key.Key_Tab)
        type_text(dialog.amount, amount)
        press(Qt.Key.Key_Tab)
        type_text(dialog.note, note)
        press(Qt.Key.Key_Return)

    typing_into(RepaymentDialog, keys)
    assert window.actions.log_repayment(loan_id) is not None


def test_ctrl_z_takes_a_logged_repayment_back_and_ctrl_shift_z_logs_it_again(
    qtbot, workspace, loan_id, window, typing_into
):
    log_by_dialog(loan_id, window, typing_into, note="first")
    logged = [(TODAY, INSTALLMENT_FEN, "first", RepaymentSource.MANUAL, False)]
    assert saved(workspace, loan_id) == logged
    assert statuses(workspace, loan_id, 2) == [LATE, OVERDUE]
    assert window.undo_action.text() == "&Undo log a repayment of ¥1,039.43 on 借呗"
    activate(qtbot, window)
    with qtbot.waitSignal(window.hub.changed):
        press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(workspace, loan_id) == []
    assert statuses(workspace, loan_id, 2) == [OVERDUE, OVERDUE]
    with qtbot.waitSignal(window.hub.changed):
        press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert saved(workspace, loan_id) == logged
    assert statuses(workspace, loan_id, 2) == [LATE, OVERDUE]


def test_paid_today_in_full_is_undone_the_same_way(qtbot, workspace, loan_id, window):
    window.dashboard.select_due(loan_id)
    window.dashboard.paid_button.click()
    assert saved(workspace, loan_id) == [(TODAY, INSTALLMENT_FEN, "", RepaymentSource.MANUAL, False)]
    assert window.undo.stack.count() == 1
    activate(qtbot, window)
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(workspace, loan_id) == []
    assert statuses(workspace, loan_id, 1) == [OVERDUE]
    assert [due.loan_id for due in window.dashboard.overdue_model.records()].count(loan_id) == 5


def test_a_typed_repayment_undone_brings_back_the_autopay_record_it_replaced(
    qtbot, workspace, loan_id, window, typing_into
):
    workspace.ledger.record_installments_paid([InstallmentKey(loan_id, 5)], source=RepaymentSource.AUTOPAY)
    autopay = [(date(2026, 11, 15), INSTALLMENT_FEN, "", RepaymentSource.AUTOPAY, False)]
    assert saved(workspace, loan_id) == autopay
    log_by_dialog(loan_id, window, typing_into, day="2026-11-14")  # installment 5 was paid the day before
    assert saved(workspace, loan_id) == [(date(2026, 11, 14), INSTALLMENT_FEN, "", RepaymentSource.MANUAL, False)]
    window.undo.stack.undo()
    assert saved(workspace, loan_id) == autopay
    window.actions.pay_next_in_full_today(loan_id)  # installment 1, overdue: the autopay record stays
    assert saved(workspace, loan_id) == [*autopay, (TODAY, INSTALLMENT_FEN, "", RepaymentSource.MANUAL, False)]


def test_the_status_bar_says_what_was_logged_and_its_undo_takes_it_back(qtbot, workspace, loan_id, window, typing_into):
    notice = window.undo_notice
    assert not notice.isVisible()
    log_by_dialog(loan_id, window, typing_into, amount="2200")
    assert notice.isVisible()
    assert notice.message.text() == "Logged ¥2,200.00 on 借呗, installments 1–3 of 12."
    assert notice.undo_button.text() == "Undo"
    with qtbot.waitSignal(window.hub.changed):
        notice.undo_button.click()
    assert saved(workspace, loan_id) == []
    assert not notice.isVisible()
    assert window.undo.stack.canRedo()
    window.actions.pay_next_in_full_today(loan_id)
    assert notice.isVisible()
    assert notice.message.text() == "Logged ¥1,039.43 on 借呗, installment 1 of 12."


def test_the_status_bar_message_in_chinese(qtbot, translations, workspace, loan_id, window):
    translations.apply("zh_CN")
    qtbot.waitUntil(lambda: window.undo_notice.undo_button.text() == "撤销")  # widgets hear of it as an event
    window.actions.pay_next_in_full_today(loan_id)
    assert window.undo_notice.message.text() == "已登记还款 ¥1,039.43（借呗，第 1/12 期）。"
    assert window.undo_action.text() == "撤销登记还款 ¥1,039.43（借呗）(&U)"


def test_the_status_bar_undo_never_takes_back_anything_but_what_it_names(qtbot, workspace, loan_id, window):
    other = workspace.ledger.add_loan(draft("微粒贷", borrowed_on=date(2026, 9, 1), months=3)).created_id
    window.actions.pay_next_in_full_today(loan_id)
    notice = window.undo_notice
    assert notice.isVisible()
    window.undo.stack.undo()  # Ctrl+Z took it back already: the notice goes
    assert not notice.isVisible()
    window.actions.pay_next_in_full_today(other)
    window.undo.stack.undo()
    window.undo.stack.redo()  # the stack moved on and came back: the notice stays gone
    assert not notice.isVisible()
    assert [line.amount_fen for line in workspace.repayments(other)] == [
        workspace.loan_detail(other).schedule[0].total_fen
    ]


def test_the_status_bar_notice_goes_away_by_itself(qtbot, loan_id, window, monkeypatch):
    monkeypatch.setattr(undo_notice, "SHOWN_MS", 50)
    window.actions.pay_next_in_full_today(loan_id)
    assert window.undo_notice.isVisible()
    qtbot.waitUntil(lambda: not window.undo_notice.isVisible(), timeout=2000)
    assert window.undo.stack.count() == 1  # only the notice went: Ctrl+Z still undoes it


def test_an_early_payoff_is_undone_too(qtbot, workspace, loan_id, window, typing_into):
    def keys(dialog: RepaymentDialog) -> None:
        assert dialog.payoff.isChecked() and not dialog.settles_label.isVisible()
        press(Qt.Key.Key_Return)

    typing_into(RepaymentDialog, keys)
    window.actions.log_repayment(loan_id, payoff=True)
    assert [(line.is_payoff, line.paid_on) for line in workspace.repayments(loan_id)] == [(True, TODAY)]
    assert workspace.loans([loan_id])[0].remaining_fen == 0
    assert window.undo_notice.message.text().startswith("Logged an early payoff of ¥")
    window.undo_notice.undo_button.click()
    assert saved(workspace, loan_id) == []
    assert workspace.loans([loan_id])[0].remaining_fen == LEFT_FEN


# -- the loan window's repayments: source, correction, undo ----------------------------------------------------


def test_the_repayments_table_shows_where_each_repayment_came_from(workspace, loan_id, window, translations):
    ledger = workspace.ledger
    ledger.record_installments_paid([InstallmentKey(loan_id, 1)], source=RepaymentSource.SCHEDULE)
    ledger.record_installments_paid([InstallmentKey(loan_id, 2)], source=RepaymentSource.AUTOPAY)
    ledger.log_repayment(loan_id, paid_on=date(2026, 9, 15), amount_fen=INSTALLMENT_FEN, note="by hand")
    ledger.log_repayment(loan_id, paid_on=date(2026, 10, 15), amount_fen=INSTALLMENT_FEN, source=RepaymentSource.IMPORT)
    detail = window.open_loan(loan_id)
    model = detail.repayments_model
    assert [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())] == [
        "Paid on", "Amount", "Kind", "Source", "Note",
    ]  # fmt: skip
    assert [model.index(row, 3).data() for row in range(model.rowCount())] == [
        "Recorded as paid on schedule", "Autopay deduction", "Logged by hand", "Imported",
    ]  # fmt: skip
    assert model.index(2, 4).data() == "by hand"
    translations.apply("zh_CN")
    detail.retranslate_ui()
    assert model.headerData(3, Qt.Orientation.Horizontal) == "来源"
    assert [model.index(row, 3).data() for row in range(model.rowCount())] == [
        "按计划记为已还", "自动扣款", "手动登记", "导入",
    ]  # fmt: skip


@pytest.fixture
def paid_on_time(workspace, loan_id):
    """Installment 1 paid on its due date, by hand, with a note."""
    workspace.ledger.log_repayment(loan_id, paid_on=date(2026, 7, 15), amount_fen=INSTALLMENT_FEN, note="on time")
    return workspace.repayments(loan_id)[0]


def test_double_click_corrects_a_repayment_and_ctrl_z_puts_it_back(
    qtbot, workspace, loan_id, window, paid_on_time, typing_into
):
    detail = window.open_loan(loan_id)
    assert statuses(workspace, loan_id, 3) == [ON_TIME, OVERDUE, OVERDUE]

    def keys(dialog: RepaymentEditDialog) -> None:
        assert QApplication.focusWidget() is dialog.paid_on.line_edit
        assert dialog.paid_on.line_edit.selectedText() == "2026-07-15"
        type_text(dialog.paid_on.line_edit, "2026-07-20")
        press(Qt.Key.Key_Tab)
        assert dialog.amount.selectedText() == "1039.43"
        type_text(dialog.amount, "2078.86")
        press(Qt.Key.Key_Tab)
        dialog.note.selectAll()
        type_text(dialog.note, "late, and the next one early")
        press(Qt.Key.Key_Return)

    opened = typing_into(RepaymentEditDialog, keys)
    with qtbot.waitSignal(window.hub.changed):
        detail.repayments_view.doubleClicked.emit(detail.repayments_model.index(0, 1))
    assert len(opened) == 1
    corrected = [
        (date(2026, 7, 20), 2 * INSTALLMENT_FEN, "late, and the next one early", RepaymentSource.MANUAL, False)
    ]
    assert saved(workspace, loan_id) == corrected
    # 1 paid 5 days late: ¥1.45 of what is beyond it pays its penalty interest, so 2 is ¥1.45 short (and overdue).
    assert statuses(workspace, loan_id, 3) == [LATE, OVERDUE, OVERDUE]
    assert [detail.schedule_model.index(row, detail.schedule_model.status_column).data() for row in range(3)] == [
        "Paid late",
        "Overdue",
        "Overdue",
    ]
    assert detail.repayments_model.index(0, 0).data() == "2026-07-20"
    activate(qtbot, detail)  # Ctrl+Z pressed in the loan's own window
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(workspace, loan_id) == [(date(2026, 7, 15), INSTALLMENT_FEN, "on time", RepaymentSource.MANUAL, False)]
    assert statuses(workspace, loan_id, 3) == [ON_TIME, OVERDUE, OVERDUE]
    assert detail.repayments_model.index(0, 1).data() == "¥1,039.43"
    window.undo.stack.redo()
    assert saved(workspace, loan_id) == corrected


def test_the_edit_button_corrects_the_selected_repayment(workspace, loan_id, window, paid_on_time, typing_into):
    detail = window.open_loan(loan_id)
    assert not detail.edit_repayment_button.isEnabled()
    detail.repayments_view.selectRow(0)
    assert detail.edit_repayment_button.isEnabled()

    def keys(dialog: RepaymentEditDialog) -> None:
        press(Qt.Key.Key_Tab)
        type_text(dialog.amount, "1000")
        press(Qt.Key.Key_Return)

    typing_into(RepaymentEditDialog, keys)
    detail.edit_repayment_button.click()
    assert [line.amount_fen for line in workspace.repayments(loan_id)] == [100_000]
    assert statuses(workspace, loan_id, 1) == [OVERDUE]  # ¥39.43 of it still unpaid
    assert window.undo_action.text() == "&Undo edit a repayment on 借呗"


def test_an_impossible_correction_is_shown_under_the_amount_and_changes_nothing(
    workspace, loan_id, window, paid_on_time, typing_into
):
    detail = window.open_loan(loan_id)
    messages = []

    def keys(dialog: RepaymentEditDialog) -> None:
        press(Qt.Key.Key_Tab)
        type_text(dialog.amount, "20000")
        press(Qt.Key.Key_Return)
        assert dialog.isVisible()
        messages.append(dialog.errors.message("amount"))
        assert dialog.findChild(QWidget, "error_amount").isVisible()

    typing_into(RepaymentEditDialog, keys)
    assert detail.edit_repayment(0) is None
    assert messages == ["¥20,000.00 would pay more than this loan owes. Enter the amount actually paid."]
    assert saved(workspace, loan_id) == [(date(2026, 7, 15), INSTALLMENT_FEN, "on time", RepaymentSource.MANUAL, False)]
    assert statuses(workspace, loan_id, 2) == [ON_TIME, OVERDUE]
    assert window.undo.stack.count() == 0


def test_a_correction_that_changes_nothing_writes_nothing(workspace, loan_id, window, paid_on_time, typing_into):
    detail = window.open_loan(loan_id)
    typing_into(RepaymentEditDialog, lambda dialog: press(Qt.Key.Key_Return))
    assert detail.edit_repayment(0) is None
    assert window.undo.stack.count() == 0
    assert saved(workspace, loan_id) == [(date(2026, 7, 15), INSTALLMENT_FEN, "on time", RepaymentSource.MANUAL, False)]
