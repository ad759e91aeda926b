"""Undoing an import: what it added goes, what it replaced comes back, nothing else changes — or, when something
written since depends on what it added, nothing is done and the reason names the loan and the later record."""

from __future__ import annotations

import json

from sqlalchemy import delete, exists, func, or_, update
from sqlmodel import Session, col, select

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.vocabulary import RepaymentSource
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.imports.history import ImportCounts
from jiebei_tracker.services.ledger.base import LedgerBase
from jiebei_tracker.services.ledger.batch import CHUNK
from jiebei_tracker.services.ledger.bulk import loans_on, reapply_many
from jiebei_tracker.storage import tables


def undo_import(ledger: LedgerBase, import_id: int) -> Changes:
    return undo_import_counted(ledger, import_id)[0]


def undo_import_counted(ledger: LedgerBase, import_id: int) -> tuple[Changes, ImportCounts]:
    """Undo import ``import_id`` in one transaction: delete its repayments, loans (their schedules with them),
    limits and notes, then the platforms it created that nothing uses any more; put back the assumed repayments
    its real ones replaced and the platform kinds and penalty multipliers it changed; recompute what is paid on the
    loans whose repayments (or whose platform's multiplier) changed; mark it undone. Returns the Changes and how
    many records of each sort were removed.

    Refused (InvalidValue, nothing written) for an unknown import, one already undone, and one that something
    written since depends on: a repayment recorded on a loan it added (by hand, by autopay, by another import),
    or an installment of such a loan corrected by hand."""
    with ledger._database.transaction() as session:
        batch = session.get(tables.ImportBatch, import_id)
        if batch is None:
            raise InvalidValue("import", import_id, "no such import (`imports` lists them)")
        if batch.undone_on is not None:
            raise InvalidValue("import", import_id, f"was already undone on {batch.undone_on.isoformat()}")
        _check_nothing_depends(session, import_id)
        replaced = json.loads(batch.replaced_json or "{}")
        loan_ids = set(_ids(session, select(tables.LoanTable.id).where(tables.LoanTable.import_id == import_id)))
        # Loans recorded before the import that it added repayments to: their installments are paid again.
        touched = set(
            _ids(session, select(tables.RepaymentTable.loan_id).where(tables.RepaymentTable.import_id == import_id))
        )
        counts = {
            "loans": len(loan_ids),
            "repayments": _count(session, tables.RepaymentTable, import_id),
            "limits": _count(session, tables.CreditLimitRecord, import_id),
            "notes": _count(session, tables.CreditReportNote, import_id),
        }
        for table in (tables.RepaymentTable, tables.LoanTable, tables.CreditLimitRecord, tables.CreditReportNote):
            session.execute(delete(table).where(col(table.import_id) == import_id))  # schedules by cascade
        counts["platforms"] = _delete_unused_platforms(session, import_id)
        touched |= _restore_repayments(session, replaced.get("repayments", []))
        _restore_kinds(session, replaced.get("platform_kinds", {}))
        penalised = loans_on(session, _restore_multipliers(session, replaced.get("penalty_multipliers", {})))
        touched -= loan_ids
        penalised -= loan_ids | touched
        try:
            reapply_many(session, sorted(touched))
        except InvalidValue as error:  # a repayment put back meets one recorded since for the same installment
            raise InvalidValue(
                "import",
                import_id,
                f"cannot be undone: with the repayments it replaced back, {error.value} {error.reason}",
            ) from None
        reapply_many(session, sorted(penalised), refuse_overpaid=False)
        session.execute(
            update(tables.ImportBatch).where(col(tables.ImportBatch.id) == import_id).values(undone_on=ledger._today())
        )
    changes = Changes(
        loan_ids=frozenset(loan_ids | touched | penalised),
        loans_added_or_removed=bool(loan_ids),
        payments=True,
        platforms=True,
        limits=True,
        notes=True,
    )
    return changes, ImportCounts(**counts)


def _ids(session: Session, query) -> list[int]:
    return list(session.exec(query.distinct()).all())


def _count(session: Session, table, import_id: int) -> int:
    return session.exec(select(func.count()).select_from(table).where(table.import_id == import_id)).one()


def _check_nothing_depends(session: Session, import_id: int) -> None:
    """Refuse when a loan the import added has a repayment not added by it, or an installment corrected by hand."""
    later = session.exec(
        select(tables.LoanTable, tables.RepaymentTable)
        .join(tables.RepaymentTable, col(tables.RepaymentTable.loan_id) == tables.LoanTable.id)
        .where(
            tables.LoanTable.import_id == import_id,
            or_(col(tables.RepaymentTable.import_id).is_(None), tables.RepaymentTable.import_id != import_id),
        )
        .order_by(tables.RepaymentTable.id)
        .limit(1)
    ).first()
    if later is not None:
        loan, repayment = later
        source = RepaymentSource(repayment.source).label("en").lower()
        by = f"import #{repayment.import_id}" if repayment.import_id is not None else source
        raise InvalidValue(
            "import",
            import_id,
            f"{_loan_text(session, loan)} it added has a repayment recorded since: {format_yuan(repayment.amount_fen)} "
            f"on {repayment.paid_on.isoformat()} ({by}); delete that repayment first",
        )
    corrected = session.exec(
        select(tables.LoanTable, tables.InstallmentTable)
        .join(tables.InstallmentTable, col(tables.InstallmentTable.loan_id) == tables.LoanTable.id)
        .where(tables.LoanTable.import_id == import_id, col(tables.InstallmentTable.corrected))
        .order_by(tables.InstallmentTable.loan_id, tables.InstallmentTable.seq)
        .limit(1)
    ).first()
    if corrected is not None:
        loan, installment = corrected
        raise InvalidValue(
            "import",
            import_id,
            f"installment {installment.seq} of {_loan_text(session, loan)} it added was corrected by hand since",
        )


def _loan_text(session: Session, loan: tables.LoanTable) -> str:
    """``loan #7 (借呗 of 2024-03-05, JB-1)``"""
    platform = session.get(tables.Platform, loan.platform_id).name
    ref = f", {loan.external_id}" if loan.external_id else ""
    return f"loan #{loan.id} ({platform} of {loan.borrowed_on.isoformat()}{ref})"


def _delete_unused_platforms(session: Session, import_id: int) -> int:
    """Delete the platforms the import created that no loan or limit uses any more; returns how many."""
    Platform = tables.Platform
    unused = (
        select(Platform.id)
        .where(Platform.import_id == import_id)
        .where(~exists().where(tables.LoanTable.platform_id == Platform.id))
        .where(~exists().where(tables.CreditLimitRecord.platform_id == Platform.id))
    )
    ids = list(session.exec(unused).all())
    for start in range(0, len(ids), CHUNK):
        session.execute(delete(Platform).where(col(Platform.id).in_(ids[start : start + CHUNK])))
    return len(ids)


def _restore_repayments(session: Session, rows: list[dict]) -> set[int]:
    """Insert the replaced repayments again as they were stored (under their old numbers while those are free),
    on the loans still there; returns those loans."""
    if not rows:
        return set()
    wanted = sorted({row["loan_id"] for row in rows})
    present: set[int] = set()
    for start in range(0, len(wanted), CHUNK):
        present.update(
            _ids(
                session, select(tables.LoanTable.id).where(col(tables.LoanTable.id).in_(wanted[start : start + CHUNK]))
            )
        )
    connection = session.connection()
    for row in rows:
        if row["loan_id"] not in present:
            continue  # the loan was deleted since: its repayments went with it
        taken = connection.exec_driver_sql("SELECT 1 FROM repayment WHERE id = ?", (row["id"],)).first()
        values = {key: value for key, value in row.items() if not (taken and key == "id")}
        columns = ", ".join(values)
        connection.exec_driver_sql(
            f"INSERT INTO repayment ({columns}) VALUES ({', '.join('?' * len(values))})", tuple(values.values())
        )
    return present


def _restore_kinds(session: Session, kinds: dict[str, dict[str, str]]) -> None:
    """Set back the kinds the import gave platforms already there, unless they were changed again since."""
    for platform_id, change in kinds.items():
        session.execute(
            update(tables.Platform)
            .where(col(tables.Platform.id) == int(platform_id), col(tables.Platform.kind) == change["set"])
            .values(kind=change["was"])
        )


def _restore_multipliers(session: Session, multipliers: dict[str, dict[str, str]]) -> set[int]:
    """Set back the penalty multipliers the import gave platforms already there, unless they were changed again
    since; returns the platforms set back (their loans' penalty interest is worked out again)."""
    Platform = tables.Platform
    restored = set()
    for platform_id, change in multipliers.items():
        result = session.execute(
            update(Platform)
            .where(col(Platform.id) == int(platform_id), col(Platform.penalty_multiplier) == change["set"])
            .values(penalty_multiplier=change["was"])
        )
        if result.rowcount:
            restored.add(int(platform_id))
    return restored
