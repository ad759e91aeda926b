"""The window's dialogs refuse the values the ledger refuses (issue #11) before saving, with the message under the
field: amounts above ¥100,000,000.00, days before 1990-01-01, control characters in names and notes (which arrive
by pasting). An early payoff far below the proposed amount is asked about first. Typed with real key presses."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.vocabulary import LoanPurpose, NoteKind
from jiebei_tracker.services.loans import RepaymentLine
from jiebei_tracker.ui.dialogs.limit_dialog import LimitDialog
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.dialogs.note_dialog import NoteDialog
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog
from jiebei_tracker.ui.dialogs.repayment_edit_dialog import RepaymentEditDialog
from tests.conftest import TODAY
from tests.scenarios import draft
from tests.ui.keyboard import type_text

TOO_MUCH = "Enter an amount of at most ¥100,000,000.00."


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def retype(field: QWidget, typed: str) -> None:
    """Click into the field, select what is there, and type over it."""
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    type_text(field, typed)


def paste(field: QWidget, text: str) -> None:
    """What a person does with text copied from elsewhere (a web page, a chat): click in, Ctrl+A, Ctrl+V."""
    QApplication.clipboard().setText(text)
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def save(dialog) -> None:
    QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def refused(dialog, field: str) -> str:
    """The message under ``field``; the dialog is still open and nothing was accepted."""
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    return dialog.errors.message(field)


# -- the loan editor ------------------------------------------------------------------------------------


@pytest.fixture
def editor(qtbot):
    saved = []
    dialog = LoanEditorDialog(platforms=["借呗"], today=TODAY, save=saved.append)
    dialog.saved = saved
    dialog.platform.setCurrentText("微粒贷")
    dialog.principal.setText("12000")
    dialog.rate.setText("7.2%")
    dialog.purpose.setCurrentIndex(dialog.purpose.findData(LoanPurpose.DAILY.value))
    return shown(qtbot, dialog)


def test_a_principal_above_one_hundred_million_is_refused_under_the_field(editor):
    for typed in ("100000000.01", "92233720368547758", "9" * 400):
        retype(editor.principal, typed)
        QTest.keyClick(editor.principal, Qt.Key.Key_Return)
        assert refused(editor, "principal") == TOO_MUCH
    assert editor.saved == []
    retype(editor.principal, "100,000,000")
    QTest.keyClick(editor.principal, Qt.Key.Key_Return)
    assert [loan.terms.principal_fen for loan in editor.saved] == [10_000_000_000]


def test_a_borrowing_date_before_1990_is_refused_under_the_field(editor):
    retype(editor.borrowed_on.line_edit, "1989-12-31")
    QTest.keyClick(editor.borrowed_on.line_edit, Qt.Key.Key_Return)
    assert refused(editor, "borrowed_on") == "The date cannot be before 1990-01-01."
    assert editor.borrowed_on.calendar.minimumDate().toPython() == date(1990, 1, 1)
    retype(editor.borrowed_on.line_edit, "1990年1月1日")
    QTest.keyClick(editor.borrowed_on.line_edit, Qt.Key.Key_Return)
    assert [loan.terms.borrowed_on for loan in editor.saved] == [date(1990, 1, 1)]


@pytest.mark.parametrize(
    ("field", "widget", "text", "escape"),
    [
        ("platform", "platform", "借\u202e呗", r"\u202e"),
        ("platform", "platform", "借\x00呗", r"\x00"),
        ("note", "note", "\x1b[31m红色", r"\x1b"),
        ("loan_id", "external_id", "JB\x851", r"\x85"),
    ],
)
def test_a_control_character_pasted_into_a_loan_is_refused_under_its_field(editor, field, widget, text, escape):
    target = editor.platform.lineEdit() if widget == "platform" else getattr(editor, widget)
    paste(target, text)
    save(editor)
    assert refused(editor, field) == f"Remove the invisible control character ({escape}) from this text."
    assert editor.saved == []


def test_a_platform_name_is_saved_trimmed_of_full_width_spaces(editor):
    retype(editor.platform.lineEdit(), "\u3000花呗 ")
    save(editor)
    assert [loan.platform for loan in editor.saved] == ["花呗"]


# -- limits and credit-report notes ---------------------------------------------------------------------


@pytest.fixture
def limit_dialog(qtbot):
    saved = []
    dialog = LimitDialog(platforms=["借呗"], today=TODAY, platform="借呗", save=lambda *values: saved.append(values))
    dialog.saved = saved
    return shown(qtbot, dialog)


def test_a_limit_above_one_hundred_million_is_refused_under_the_field(limit_dialog):
    retype(limit_dialog.amount, "100000000.01")
    QTest.keyClick(limit_dialog.amount, Qt.Key.Key_Return)
    assert refused(limit_dialog, "limit") == TOO_MUCH
    retype(limit_dialog.amount, "100000000")
    QTest.keyClick(limit_dialog.amount, Qt.Key.Key_Return)
    assert limit_dialog.saved == [("借呗", TODAY, 10_000_000_000, "")]


def test_a_limit_seen_before_1990_is_refused(limit_dialog):
    retype(limit_dialog.amount, "50000")
    retype(limit_dialog.recorded_on.line_edit, "1989/12/31")
    QTest.keyClick(limit_dialog.recorded_on.line_edit, Qt.Key.Key_Return)
    assert refused(limit_dialog, "date") == "The date cannot be before 1990-01-01."
    assert limit_dialog.saved == []


def test_control_characters_in_a_limit_are_refused_under_the_platform_and_the_note(limit_dialog):
    retype(limit_dialog.amount, "50000")
    paste(limit_dialog.platform.lineEdit(), "借呗\u200f")
    paste(limit_dialog.note, "额度\u2066提升")
    save(limit_dialog)
    assert refused(limit_dialog, "platform") == r"Remove the invisible control character (\u200f) from this text."
    assert refused(limit_dialog, "note") == r"Remove the invisible control character (\u2066) from this text."
    assert limit_dialog.saved == []


def test_a_control_character_in_a_credit_report_note_is_refused_but_line_breaks_are_kept(qtbot):
    saved = []
    dialog = shown(qtbot, NoteDialog(today=TODAY, save=lambda day, kind, text, *_reason: saved.append(text)))
    dialog.kind.setCurrentIndex(list(NoteKind).index(NoteKind.INQUIRY))
    paste(dialog.text, "贷款审批查询\x07")
    save(dialog)
    assert refused(dialog, "text") == r"Remove the invisible control character (\x07) from this text."
    assert saved == []
    retype(dialog.text, "贷款审批查询")
    QTest.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line, not Save
    type_text(dialog.text, "微粒贷")
    save(dialog)
    assert saved == ["贷款审批查询\n微粒贷"]


# -- repayments -----------------------------------------------------------------------------------------


@pytest.fixture
def loan(workspace):
    """借呗 ¥12,000 borrowed 2024-01-15 over 12 months, nothing repaid."""
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2024, 1, 15), months=12)).created_id
    return workspace.loans([loan_id])[0]


@pytest.fixture
def repayment_dialog(qtbot, workspace, loan):
    def open_(*, payoff: bool) -> RepaymentDialog:
        saved = []
        dialog = RepaymentDialog(
            loan=loan,
            today=TODAY,
            quote=lambda day: workspace.payoff_quote(loan.loan_id, paid_on=day),
            pay=lambda day, fen, note: saved.append(("pay", fen, note)),
            pay_off=lambda day, fen, note: saved.append(("payoff", fen, note)),
            payoff=payoff,
        )
        dialog.saved = saved
        return shown(qtbot, dialog)

    return open_


def test_a_repayment_above_one_hundred_million_or_with_a_control_character_is_refused(repayment_dialog):
    dialog = repayment_dialog(payoff=False)
    retype(dialog.amount, "100000000.01")
    QTest.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert refused(dialog, "amount") == TOO_MUCH
    retype(dialog.amount, "100")
    paste(dialog.note, "\u202e还款")
    save(dialog)
    assert refused(dialog, "note") == r"Remove the invisible control character (\u202e) from this text."
    assert dialog.saved == []


def test_a_corrected_repayment_above_one_hundred_million_is_refused(qtbot, loan):
    saved = []
    line = RepaymentLine(
        repayment_id=7, paid_on=date(2024, 2, 15), amount_fen=100_000, is_payoff=False, note="", loan_id=loan.loan_id
    )
    dialog = RepaymentEditDialog(
        repayment=line,
        platform="借呗",
        borrowed_on=loan.borrowed_on,
        today=TODAY,
        save=lambda *values: saved.append(values),
    )
    shown(qtbot, dialog)
    retype(dialog.amount, "100000000.01")
    QTest.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert refused(dialog, "amount") == TOO_MUCH
    retype(dialog.amount, "1000")
    paste(dialog.note, "a\x00b")
    save(dialog)
    assert refused(dialog, "note") == r"Remove the invisible control character (\x00) from this text."
    assert saved == []


class Answer:
    """Answers the question box the dialog opens (in its own event loop) the way a person would, and keeps its
    text. Polls with a zero-delay timer until the box is there; nothing waits a fixed time."""

    def __init__(self, button: QMessageBox.StandardButton) -> None:
        self.button = button
        self.asked: list[str] = []
        self.done = False
        QTimer.singleShot(0, self._look)

    def _look(self) -> None:
        if self.done:
            return
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(0, self._look)
            return
        self.asked.append(box.text())
        self.done = True
        if self.button == QMessageBox.StandardButton.No:
            QTest.keyClick(box, Qt.Key.Key_Escape)
        else:
            QTest.mouseClick(box.button(self.button), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_a_payoff_far_below_the_proposed_amount_is_asked_about_first(repayment_dialog, workspace, loan, answer):
    dialog = repayment_dialog(payoff=True)
    proposed = workspace.payoff_quote(loan.loan_id, paid_on=TODAY).amount_fen
    retype(dialog.amount, "0.01")
    asking = Answer(answer)
    QTest.keyClick(dialog.amount, Qt.Key.Key_Return)
    asking.done = True
    assert asking.asked == [
        f"¥0.01 is far below the {format_yuan(proposed)} proposed to settle this loan early.\n\n"
        "Record the loan as settled with ¥0.01? Choose Yes only if this is what you paid."
    ]
    if answer == QMessageBox.StandardButton.No:
        assert dialog.saved == []
        assert dialog.isVisible()  # the amount can be corrected
    else:
        assert dialog.saved == [("payoff", 1, "")]
        assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_payoff_of_the_proposed_amount_is_not_asked_about(repayment_dialog, workspace, loan):
    dialog = repayment_dialog(payoff=True)
    proposed = workspace.payoff_quote(loan.loan_id, paid_on=TODAY).amount_fen
    asking = Answer(QMessageBox.StandardButton.No)
    QTest.keyClick(dialog.amount, Qt.Key.Key_Return)  # the amount filled in is the proposed one
    asking.done = True
    assert asking.asked == []
    assert dialog.saved == [("payoff", proposed, "")]
