"""Deleting with undo: each delete returns what it removed, and ``restore_*`` puts it back exactly."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import select

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.ledger.base import (
    LedgerBase,
    get_limit,
    get_loan,
    get_note,
    has_payoff,
    reapply,
    row_values,
    without_id,
)
from jiebei_tracker.storage import tables


@dataclass(frozen=True)
class DeletedLoan:
    """A deleted loan as it was — its row, schedule (hand corrections and payments included) and repayments —
    so that undo can put it back exactly."""

    platform: str
    loan: dict
    installments: tuple[dict, ...]
    repayments: tuple[dict, ...]


@dataclass(frozen=True)
class DeletedRow:
    """A deleted repayment or credit-report note as it was, for undo."""

    row: dict


def delete_loan_undoably(ledger: LedgerBase, loan_id: int) -> tuple[Changes, DeletedLoan]:
    """delete_loan, returning the loan as it was for restore_loan."""
    with ledger._database.transaction() as session:
        loan = get_loan(session, loan_id)
        deleted = DeletedLoan(
            platform=session.get(tables.Platform, loan.platform_id).name,
            loan=row_values(session, tables.LoanTable, tables.LoanTable.id == loan_id)[0],
            installments=tuple(
                row_values(session, tables.InstallmentTable, tables.InstallmentTable.loan_id == loan_id)
            ),
            repayments=tuple(row_values(session, tables.RepaymentTable, tables.RepaymentTable.loan_id == loan_id)),
        )
        session.delete(loan)
    return Changes(loan_ids=frozenset({loan_id}), loans_added_or_removed=True, payments=True), deleted


def restore_loan(ledger: LedgerBase, deleted: DeletedLoan) -> Changes:
    """Put a deleted loan back, under its old number when that is still free (``created_id`` says which)."""
    loan = dict(deleted.loan)
    with ledger._database.transaction() as session:
        ledger._check_external_id(session, loan["external_id"], loan_id=None)
        for repayment in deleted.repayments:
            ledger._check_source_ref_free(session, repayment["source_ref"])
        if session.get(tables.LoanTable, loan["id"]) is not None:
            loan["id"] = (session.exec(select(func.max(tables.LoanTable.id))).one() or 0) + 1
        loan["platform_id"] = ledger._platform_id(session, deleted.platform)
        connection = session.connection()
        connection.execute(tables.LoanTable.__table__.insert(), [loan])
        connection.execute(
            tables.InstallmentTable.__table__.insert(),
            [without_id(row, loan_id=loan["id"]) for row in deleted.installments],
        )
        if deleted.repayments:
            connection.execute(
                tables.RepaymentTable.__table__.insert(),
                [without_id(row, loan_id=loan["id"]) for row in deleted.repayments],
            )
    return Changes(loan_ids=frozenset({loan["id"]}), loans_added_or_removed=True, payments=True, created_id=loan["id"])


def restore_repayment(ledger: LedgerBase, deleted: DeletedRow) -> Changes:
    """Put a deleted repayment back on its loan (refused if the loan is gone or no longer owes that much)."""
    row = without_id(deleted.row)
    loan_id = row["loan_id"]
    with ledger._database.transaction() as session:
        get_loan(session, loan_id)
        ledger._check_source_ref_free(session, row["source_ref"])
        result = session.connection().execute(tables.RepaymentTable.__table__.insert().values(**row))
        if reapply(session, loan_id) and not has_payoff(session, loan_id):
            raise InvalidValue("amount", format_yuan(row["amount_fen"]), f"more than is left to pay on loan #{loan_id}")
    return Changes(loan_ids=frozenset({loan_id}), payments=True, created_id=result.inserted_primary_key[0])


def delete_note_undoably(ledger: LedgerBase, note_id: int) -> tuple[Changes, DeletedRow]:
    return Changes(notes=True), _deleted(ledger, tables.CreditReportNote, note_id, get_note)


def restore_note(ledger: LedgerBase, deleted: DeletedRow) -> Changes:
    return Changes(notes=True, created_id=_restored(ledger, tables.CreditReportNote, deleted))


def delete_limit_undoably(ledger: LedgerBase, limit_id: int) -> tuple[Changes, DeletedRow]:
    return Changes(limits=True), _deleted(ledger, tables.CreditLimitRecord, limit_id, get_limit)


def restore_limit(ledger: LedgerBase, deleted: DeletedRow) -> Changes:
    def platform_still_there(session, row: dict) -> None:
        if session.get(tables.Platform, row["platform_id"]) is None:
            raise InvalidValue("platform", row["platform_id"], "no longer exists")

    return Changes(limits=True, created_id=_restored(ledger, tables.CreditLimitRecord, deleted, platform_still_there))


def _deleted(ledger: LedgerBase, table, row_id: int, get) -> DeletedRow:
    """Delete one row (``get`` refuses a missing one), returning it as it was."""
    with ledger._database.transaction() as session:
        (row,) = row_values(session, table, table.id == row_id) or [None]
        session.delete(get(session, row_id))
    return DeletedRow(row)


def _restored(ledger: LedgerBase, table, deleted: DeletedRow, check=None) -> int:
    """Put a deleted row back (under a new id if its old one was taken since); its id."""
    row = dict(deleted.row)
    with ledger._database.transaction() as session:
        if check is not None:
            check(session, row)
        if session.get(table, row["id"]) is not None:
            row = without_id(row)
        result = session.connection().execute(table.__table__.insert().values(**row))
    return result.inserted_primary_key[0]
