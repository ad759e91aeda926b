"""What imports match a file's rows against and what exports write: whole-table reads on one read session (a few
queries, no per-row round trips), handed back as plain rows. ``services.imports`` turns them into matching keys
and file cells."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import date

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from jiebei_tracker.storage.tables import (
    CreditLimitRecord,
    CreditReportNote,
    InstallmentTable,
    LoanTable,
    Platform,
    RepaymentTable,
)


def platform_kinds(session: Session) -> dict[str, str]:
    """Platform name → stored kind."""
    return dict(session.exec(select(Platform.name, Platform.kind)).all())


def penalty_multipliers(session: Session) -> dict[str, str]:
    """Platform name → stored penalty multiplier (a decimal string)."""
    return dict(session.exec(select(Platform.name, Platform.penalty_multiplier)).all())


def loan_terms(session: Session) -> list[tuple[int, str | None, str, date, int, int, str, object]]:
    """Every loan as (id, external id, platform, borrowed on, principal, months, method, annual rate), by id."""
    return [
        tuple(row)
        for row in session.exec(
            select(
                LoanTable.id,
                LoanTable.external_id,
                Platform.name,
                LoanTable.borrowed_on,
                LoanTable.principal_fen,
                LoanTable.term_months,
                LoanTable.method,
                LoanTable.annual_rate,
            )
            .join(Platform, Platform.id == LoanTable.platform_id)
            .order_by(LoanTable.id)
        ).all()
    ]


def owed_by_loan(session: Session) -> dict[int, int]:
    """Per loan, the fen its schedule asks for (principal and interest of every installment)."""
    query = select(
        InstallmentTable.loan_id,
        func.sum(InstallmentTable.principal_fen + InstallmentTable.interest_fen + InstallmentTable.fee_fen),
    )
    return dict(session.exec(query.group_by(InstallmentTable.loan_id)).all())


def paid_by_loan(session: Session, *, leaving_out: Collection[str]) -> dict[int, tuple[int, date | None]]:
    """Per loan with repayments, the fen repaid (less repayments whose source is in ``leaving_out``) and the day
    of its first payoff (None if none)."""
    payoff_day = func.min(case((col(RepaymentTable.is_payoff), RepaymentTable.paid_on)))
    left_out = col(RepaymentTable.source).in_(leaving_out)
    total = func.coalesce(func.sum(case((left_out, 0), else_=RepaymentTable.amount_fen)), 0)
    rows = session.exec(select(RepaymentTable.loan_id, total, payoff_day).group_by(RepaymentTable.loan_id)).all()
    # SQLite hands back an aggregate of a date column as text.
    return {loan_id: (fen, date.fromisoformat(day) if isinstance(day, str) else day) for loan_id, fen, day in rows}


def open_parts(session: Session) -> dict[int, list[int]]:
    """Per loan, what is left of each installment not settled yet, in installment order."""
    left = (
        InstallmentTable.principal_fen
        + InstallmentTable.interest_fen
        + InstallmentTable.fee_fen
        - InstallmentTable.paid_principal_fen
        - InstallmentTable.paid_interest_fen
    )
    query = select(InstallmentTable.loan_id, left).where(col(InstallmentTable.settled_on).is_(None))
    parts: dict[int, list[int]] = {}
    for loan_id, fen in session.exec(query.order_by(InstallmentTable.loan_id, InstallmentTable.seq)).all():
        parts.setdefault(loan_id, []).append(fen)
    return parts


def repayment_keys(session: Session) -> list[tuple[int, date, int, bool, str | None]]:
    """Every repayment as (loan id, day, fen, payoff, the reference it was imported with)."""
    query = select(
        RepaymentTable.loan_id,
        RepaymentTable.paid_on,
        RepaymentTable.amount_fen,
        RepaymentTable.is_payoff,
        RepaymentTable.source_ref,
    )
    return [(loan_id, day, fen, bool(payoff), ref) for loan_id, day, fen, payoff, ref in session.exec(query).all()]


def limit_keys(session: Session) -> list[tuple[str, date, int]]:
    """Every limit record as (platform, day, limit in fen)."""
    query = select(Platform.name, CreditLimitRecord.recorded_on, CreditLimitRecord.limit_fen).join(
        Platform, Platform.id == CreditLimitRecord.platform_id
    )
    return [tuple(row) for row in session.exec(query).all()]


def note_keys(session: Session) -> list[tuple[date, str, str]]:
    """Every credit-report note as (day, kind, text)."""
    query = select(CreditReportNote.noted_on, CreditReportNote.kind, CreditReportNote.text)
    return [tuple(row) for row in session.exec(query).all()]


def repayments_from(session: Session, source: str) -> Iterator[tuple[RepaymentTable, LoanTable]]:
    """The repayments recorded with ``source``, each with its loan, by loan, then as paid."""
    query = (
        select(RepaymentTable, LoanTable)
        .join(LoanTable, LoanTable.id == RepaymentTable.loan_id)
        .where(RepaymentTable.source == source)
        .order_by(RepaymentTable.loan_id, RepaymentTable.paid_on, RepaymentTable.id)
    )
    yield from session.exec(query)


def loans_for_export(session: Session) -> Iterator[tuple[LoanTable, str, str, str]]:
    """Every loan with its platform's name, kind and penalty multiplier, in the order borrowed."""
    query = (
        select(LoanTable, Platform.name, Platform.kind, Platform.penalty_multiplier)
        .join(Platform, Platform.id == LoanTable.platform_id)
        .order_by(LoanTable.borrowed_on, LoanTable.id)
    )
    yield from session.exec(query)


def repayments_for_export(session: Session) -> Iterator[tuple[RepaymentTable, str | None, str, date, int]]:
    """Every repayment with its loan's external id, platform, day borrowed and principal: loan by loan in the
    order borrowed, then as paid."""
    query = (
        select(RepaymentTable, LoanTable.external_id, Platform.name, LoanTable.borrowed_on, LoanTable.principal_fen)
        .join(LoanTable, LoanTable.id == RepaymentTable.loan_id)
        .join(Platform, Platform.id == LoanTable.platform_id)
        .order_by(LoanTable.borrowed_on, LoanTable.id, RepaymentTable.paid_on, RepaymentTable.id)
    )
    yield from session.exec(query)


def limits_for_export(session: Session) -> Iterator[tuple[CreditLimitRecord, str, str, str]]:
    """Every limit record with its platform's name, kind and penalty multiplier, by day."""
    query = (
        select(CreditLimitRecord, Platform.name, Platform.kind, Platform.penalty_multiplier)
        .join(Platform, Platform.id == CreditLimitRecord.platform_id)
        .order_by(CreditLimitRecord.recorded_on, CreditLimitRecord.id)
    )
    yield from session.exec(query)


def notes_for_export(session: Session) -> Iterator[CreditReportNote]:
    """Every credit-report note, by day."""
    yield from session.exec(select(CreditReportNote).order_by(CreditReportNote.noted_on, CreditReportNote.id))


def kept_schedules(session: Session) -> Iterator[tuple[LoanTable, str, list[InstallmentTable]]]:
    """Each loan whose schedule is not the one its terms build (``schedule_source`` other than computed), with its
    platform's name and its installments in order, in the order borrowed."""
    query = (
        select(LoanTable, Platform.name)
        .join(Platform, Platform.id == LoanTable.platform_id)
        .where(LoanTable.schedule_source != "computed")
        .order_by(LoanTable.borrowed_on, LoanTable.id)
    )
    for loan, platform in session.exec(query).all():
        rows = session.exec(
            select(InstallmentTable).where(InstallmentTable.loan_id == loan.id).order_by(InstallmentTable.seq)
        ).all()
        yield loan, platform, list(rows)
