"""Every kind of write the ledger makes, drawn at random (hypothesis ``draw``) on the records in a database: what the
tests of the kept Book and the kept series run changes with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import strategies as st

from jiebei_tracker.domain.payments import Payment
from jiebei_tracker.domain.vocabulary import LoanPurpose, NoteKind, PlatformKind
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.ledger import HistoricLoan, Ledger
from jiebei_tracker.storage.book import load_book
from jiebei_tracker.storage.database import Database
from tests.conftest import TODAY
from tests.scenarios import draft

FIRST = date(2025, 1, 1)


class _Open:
    """An open loan and what its next installment still asks for."""

    def __init__(self, loan) -> None:
        self.loan_id, self.borrowed_on = loan.loan_id, loan.borrowed_on
        self.next_due_fen = loan.next_open().remaining_fen


def open_loans(database: Database) -> list[_Open]:
    return [_Open(loan) for loan in load_book(database).loans if loan.is_open]


OPERATIONS = (
    "repay_today",
    "repay_backdated",
    "pay_off",
    "delete_repayment",
    "add_loan",
    "edit_purpose",
    "edit_terms",
    "correct_installment",
    "delete_loan",
    "record_limit",
    "add_note",
    "resolve_note",
    "platform_kind",
    "add_history",
)
_DAYS = st.dates(FIRST, TODAY)


def apply_operation(
    operation: str, draw, database: Database, ledger: Ledger, refresh: Callable[[Changes], object]
) -> Changes | None:
    """One ledger call of the given kind on records drawn from the database; its Changes (None when there was
    nothing to make it on). An edit made in two writes hands the first one's Changes to ``refresh``."""
    records = load_book(database)
    loans = records.loans
    unpaid = open_loans(database)
    if operation == "repay_today" and unpaid:
        loan = draw(st.sampled_from(unpaid))
        return ledger.log_repayment(loan.loan_id, paid_on=TODAY, amount_fen=loan.next_due_fen)
    if operation == "repay_backdated" and unpaid:
        loan = draw(st.sampled_from(unpaid))
        return ledger.log_repayment(loan.loan_id, paid_on=draw(st.dates(loan.borrowed_on, TODAY)), amount_fen=100)
    if operation == "pay_off" and unpaid:
        loan = draw(st.sampled_from(unpaid))
        return ledger.pay_off(loan.loan_id, paid_on=draw(st.dates(max(loan.borrowed_on, date(2026, 6, 1)), TODAY)))
    if operation == "delete_repayment" and records.repayments.repayment_ids:
        return ledger.delete_repayment(draw(st.sampled_from(records.repayments.repayment_ids)))
    if operation == "add_loan":
        platform = draw(st.sampled_from([*records.platform_kinds, "新平台"]))
        return ledger.add_loan(
            draft(platform, borrowed_on=draw(_DAYS), principal_yuan=800, months=draw(st.integers(1, 6)))
        )
    if operation in ("edit_purpose", "edit_terms", "correct_installment") and loans:
        # A loan of our own making, so its draft is known: add one first when there is none.
        loan = draw(st.sampled_from(loans))
        if operation == "correct_installment":
            return ledger.correct_installment(loan.loan_id, 1, interest_fen=draw(st.integers(0, 5_000)))
        mine = draft(loan.platform, borrowed_on=loan.borrowed_on, principal_yuan=700, months=2)
        changes = ledger.edit_loan(loan.loan_id, mine)  # terms and purpose as drawn below from here on
        refresh(changes)
        if operation == "edit_purpose":
            return ledger.edit_loan(loan.loan_id, replace(mine, purpose=draw(st.sampled_from(list(LoanPurpose)))))
        return ledger.edit_loan(loan.loan_id, replace(mine, terms=replace(mine.terms, borrowed_on=draw(_DAYS))))
    if operation == "delete_loan" and loans:
        return ledger.delete_loan(draw(st.sampled_from(loans)).loan_id)
    if operation == "record_limit":
        platform = draw(st.sampled_from([*records.platform_kinds, "新平台"]))
        return ledger.record_limit(platform, recorded_on=draw(_DAYS), limit_fen=draw(st.integers(0, 5_000_000)))
    if operation == "add_note":
        return ledger.add_note(noted_on=draw(_DAYS), kind=draw(st.sampled_from(list(NoteKind))), text="征信")
    if operation == "resolve_note" and records.notes:
        note = draw(st.sampled_from(records.notes))
        return ledger.resolve_note(note.note_id, resolved_on=draw(st.dates(note.noted_on, TODAY)))
    if operation == "platform_kind" and records.platform_kinds:
        name = draw(st.sampled_from(sorted(records.platform_kinds)))
        return ledger.set_platform_kind(name, draw(st.sampled_from(list(PlatformKind))))
    if operation == "add_history":
        borrowed_on = draw(_DAYS)
        loan = HistoricLoan(
            draft("借呗", borrowed_on=borrowed_on, principal_yuan=600, months=1),
            payments=(Payment(min(borrowed_on + timedelta(days=5), TODAY), 1_000),),
        )
        return ledger.add_history([loan])
    return None
