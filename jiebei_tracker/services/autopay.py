"""Autopay deductions that record themselves: the installments of autopay loans that fell due since autopay was
switched on and are not recorded as paid, and recording them as paid in full on their due dates."""

from __future__ import annotations

from datetime import date

from jiebei_tracker.domain.vocabulary import RepaymentSource
from jiebei_tracker.services.changes import Changes, RepaymentEdit
from jiebei_tracker.services.dues import DueInstallment, pending_autopay
from jiebei_tracker.services.ledger import InstallmentKey, Ledger
from jiebei_tracker.storage.database import Database


def pending(database: Database, *, as_of: date) -> list[DueInstallment]:
    """What the autopay check lists, earliest first."""
    return pending_autopay(database, as_of=as_of)


def record_autopay(ledger: Ledger, items: list[DueInstallment]) -> RepaymentEdit:
    """Record the chosen pending installments as deducted (paid in full on their due dates)."""
    return record_deductions(ledger, items)[1]


def record_deductions(ledger: Ledger, items: list[DueInstallment]) -> tuple[Changes, RepaymentEdit]:
    """``record_autopay`` for the window: also what changed, for the views to reload."""
    keys = [InstallmentKey(item.loan_id, item.seq) for item in items]
    return ledger.record_installments_paid(keys, source=RepaymentSource.AUTOPAY)


def catch_up(ledger: Ledger, database: Database, *, as_of: date) -> tuple[list[DueInstallment], RepaymentEdit]:
    """Record every pending autopay installment due on or before ``as_of``; returns them and what undo needs."""
    found = pending(database, as_of=as_of)
    return found, record_autopay(ledger, found) if found else RepaymentEdit(())
