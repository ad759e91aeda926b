"""A part prepayment's repayment in the loan window: editing or deleting it is refused with a message box saying why
(the ledger's own refusal) before anything opens or is asked, and the loan stays as it was."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.prepay import Keep
from jiebei_tracker.domain.vocabulary import RepaymentSource
from jiebei_tracker.ui import actions as actions_module
from jiebei_tracker.ui.dialogs.loan_detail import LoanDetailDialog
from jiebei_tracker.ui.dialogs.repayment_edit_dialog import RepaymentEditDialog
from tests.scenarios import draft


@pytest.fixture
def prepaid(workspace):
    """¥12,000 over 12 months from 15 Jan 2026 at 7.2 %, paid through 15 Nov, then ¥1,000 repaid early on 20 Nov."""
    paid = PastRepayments.paid_through(date(2026, 11, 15))
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 1, 15), months=12), paid).created_id
    workspace.ledger.prepay(loan_id, paid_on=date(2026, 11, 20), amount_fen=100_000, keep=Keep.TERM)
    return loan_id


def _tables(database) -> dict[str, list[tuple]]:
    with sqlite3.connect(database.path) as connection:
        return {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
            for name in ("loan", "installment", "repayment")
        }


@pytest.fixture
def said(monkeypatch):
    """What the window says in message boxes, and whether it asked or opened anything else."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(
        actions_module, "message_box", lambda parent, icon, title, text, *rest: boxes.append((title, text))
    )
    monkeypatch.setattr(actions_module, "confirm", lambda *args: pytest.fail("asked to confirm a refused delete"))
    monkeypatch.setattr(RepaymentEditDialog, "exec", lambda dialog: pytest.fail("opened the edit dialog"))
    return boxes


def _select_prepayment(qtbot, workspace, hub, actions, loan_id) -> LoanDetailDialog:
    window = LoanDetailDialog(workspace=workspace, hub=hub, actions=actions, loan_id=loan_id)
    qtbot.addWidget(window)
    lines = window.repayments_model.records()
    row = next(i for i, line in enumerate(lines) if line.source is RepaymentSource.PREPAYMENT)
    window.repayments_view.selectRow(row)
    return window


@pytest.mark.parametrize(
    ("button", "title"), [("delete_repayment_button", "Delete repayment"), ("edit_repayment_button", "Edit repayment")]
)
def test_editing_or_deleting_a_part_prepayment_is_refused_in_a_message_box(
    qtbot, workspace, database, hub, actions, prepaid, said, button, title
):
    before = _tables(database)
    window = _select_prepayment(qtbot, workspace, hub, actions, prepaid)
    getattr(window, button).click()
    assert len(said) == 1
    shown_title, text = said[0]
    assert shown_title == title
    assert text.startswith("This repayment is a part prepayment (提前还部分)")
    assert "Undo (Ctrl+Z)" in text and "edit the loan's terms" in text
    assert _tables(database) == before


def test_other_repayments_of_the_loan_are_still_deleted_as_before(
    qtbot, monkeypatch, workspace, database, hub, actions, prepaid
):
    monkeypatch.setattr(actions_module, "confirm", lambda *args: True)
    window = LoanDetailDialog(workspace=workspace, hub=hub, actions=actions, loan_id=prepaid)
    qtbot.addWidget(window)
    lines = window.repayments_model.records()
    row = next(i for i, line in enumerate(lines) if line.source is not RepaymentSource.PREPAYMENT)
    window.repayments_view.selectRow(row)
    window.delete_repayment_button.click()
    assert window.repayments_model.rowCount() == len(lines) - 1
