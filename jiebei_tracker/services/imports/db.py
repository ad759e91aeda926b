"""What imports and exports read from the database: the records a file's rows are matched against, and
every loan, repayment, limit and note for export (a few whole-table queries, no per-row round trips)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.past import PastRepayments, past_outcome
from jiebei_tracker.domain.schedule import build_schedule
from jiebei_tracker.domain.vocabulary import RepaymentSource
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.errors import ImportFailure
from jiebei_tracker.importers.export import (
    FILE_NAMES,
    limit_cells,
    loan_cells,
    note_cells,
    repayment_cells,
    write_csv,
)
from jiebei_tracker.importers.matching import Existing, ExistingLoan
from jiebei_tracker.importers.records import loan_key
from jiebei_tracker.services.ledger.repayments import ASSUMED_SOURCES
from jiebei_tracker.storage import tables
from jiebei_tracker.storage.convert import terms_of
from jiebei_tracker.storage.database import Database

Loan, Platform, Installment, Repayment = tables.Loan, tables.Platform, tables.Installment, tables.Repayment


def existing_for(database: Database, kind: FileKind) -> Existing:
    """What a file of ``kind`` is matched against."""
    with database.reading() as session:
        if kind is FileKind.LOANS:
            return Existing(loans=_loans(session), platform_kinds=_platform_kinds(session))
        if kind is FileKind.REPAYMENTS:
            return Existing(loans=_loans(session, money=True), repayments=_repayments(session))
        if kind is FileKind.LIMITS:
            record = tables.CreditLimitRecord
            rows = session.exec(
                select(Platform.name, record.recorded_on, record.limit_fen).join(
                    Platform, Platform.id == record.platform_id
                )
            ).all()
            return Existing(limits=Counter(tuple(row) for row in rows), platform_kinds=_platform_kinds(session))
        note = tables.CreditReportNote
        rows = session.exec(select(note.noted_on, note.kind, note.text)).all()
        return Existing(notes=Counter(tuple(row) for row in rows))


def existing_for_alipay(database: Database) -> Existing:
    with database.reading() as session:
        return Existing(loans=_loans(session, money=True, open_parts=True), repayments=_repayments(session))


def _platform_kinds(session: Session) -> dict[str, str]:
    return dict(session.exec(select(Platform.name, Platform.kind)).all())


def _loans(session: Session, *, money: bool = False, open_parts: bool = False) -> list[ExistingLoan]:
    rows = session.exec(
        select(
            Loan.id,
            Loan.external_id,
            Platform.name,
            Loan.borrowed_on,
            Loan.principal_fen,
            Loan.term_months,
            Loan.method,
            Loan.annual_rate,
        )
        .join(Platform, Platform.id == Loan.platform_id)
        .order_by(Loan.id)
    ).all()
    owed: dict[int, int] = {}
    paid: dict[int, tuple[int, object]] = {}
    parts: dict[int, list[int]] = {}
    if money:
        owed = dict(
            session.exec(
                select(Installment.loan_id, func.sum(Installment.principal_fen + Installment.interest_fen)).group_by(
                    Installment.loan_id
                )
            ).all()
        )
        payoff_day = func.min(case((col(Repayment.is_payoff), Repayment.paid_on)))
        # Repayments the app assumed (schedule, autopay) are left out of what is paid: an imported repayment for
        # the same installment replaces them (ledger.bulk._replace_assumed), and the ledger checks the sum.
        assumed = col(Repayment.source).in_(ASSUMED_SOURCES)
        real = func.coalesce(func.sum(case((assumed, 0), else_=Repayment.amount_fen)), 0)
        for loan_id, total, payoff in session.exec(
            select(Repayment.loan_id, real, payoff_day).group_by(Repayment.loan_id)
        ).all():
            paid[loan_id] = (total, payoff)
    if open_parts:
        left = (
            Installment.principal_fen
            + Installment.interest_fen
            - Installment.paid_principal_fen
            - Installment.paid_interest_fen
        )
        query = select(Installment.loan_id, left).where(col(Installment.settled_on).is_(None))
        for loan_id, fen in session.exec(query.order_by(Installment.loan_id, Installment.seq)).all():
            parts.setdefault(loan_id, []).append(fen)
    result = []
    for number, external_id, platform, borrowed_on, principal, months, method, rate in rows:
        total_paid, payoff = paid.get(number, (0, None))
        result.append(
            ExistingLoan(
                number,
                external_id,
                loan_key(platform, borrowed_on, principal, months, method, rate),
                owed.get(number, 0),
                total_paid,
                _as_date(payoff),
                tuple(parts.get(number, ())),
            )
        )
    return result


def _as_date(value):
    """SQLite hands back an aggregate of a date column as text."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _repayments(session: Session) -> list[tuple[tuple, str | None]]:
    rows = session.exec(
        select(Repayment.loan_id, Repayment.paid_on, Repayment.amount_fen, Repayment.is_payoff, Repayment.source_ref)
    ).all()
    return [((loan_id, day, fen, bool(payoff)), ref) for loan_id, day, fen, payoff, ref in rows]


def export_all(database: Database, folder: Path, *, overwrite: bool = False) -> dict[FileKind, Path]:
    """Write the four canonical files into ``folder``. Existing files are kept unless ``overwrite``."""
    targets = {kind: folder / FILE_NAMES[kind] for kind in FileKind}
    if not overwrite:
        taken = [str(path) for path in targets.values() if path.exists()]
        if taken:
            raise ImportFailure(taken[0], "already exists; choose an empty folder, or overwrite")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ImportFailure(str(folder), f"cannot create the folder ({error.strerror})") from None
    with database.reading() as session:
        assumed = _assumed_past(session)
        write_csv(targets[FileKind.LOANS], FileKind.LOANS, _loan_rows(session, assumed))
        write_csv(targets[FileKind.REPAYMENTS], FileKind.REPAYMENTS, _repayment_rows(session, set(assumed)))
        write_csv(targets[FileKind.LIMITS], FileKind.LIMITS, _limit_rows(session))
        write_csv(targets[FileKind.NOTES], FileKind.NOTES, _note_rows(session))
    return targets


def _assumed_past(session: Session) -> dict[int, PastRepayments]:
    """For each loan whose repayments recorded from the schedule are exactly what a past-installments answer
    records (paid through a day, or settled early on a day), that answer: the loans file says it, and those
    repayments stay out of repayments.csv. Others (an assumed repayment edited since, a corrected schedule) keep
    them in repayments.csv with their source."""
    query = (
        select(Repayment, Loan)
        .join(Loan, Loan.id == Repayment.loan_id)
        .where(Repayment.source == RepaymentSource.SCHEDULE.value)
        .order_by(Repayment.loan_id, Repayment.paid_on, Repayment.id)
    )
    groups: dict[int, tuple[Loan, list[Repayment]]] = {}
    for repayment, loan in session.exec(query):
        groups.setdefault(loan.id, (loan, []))[1].append(repayment)
    found = {}
    for loan_id, (loan, repayments) in groups.items():
        payoffs = [r for r in repayments if r.is_payoff]
        last = repayments[-1]
        if len(payoffs) > 1 or (payoffs and payoffs[0] is not last):
            continue
        past = (
            PastRepayments.settled(last.paid_on, last.amount_fen)
            if payoffs
            else PastRepayments.paid_through(last.paid_on)
        )
        terms = terms_of(loan)
        try:
            outcome = past_outcome(
                build_schedule(terms), past, rate=terms.rate, borrowed_on=terms.borrowed_on, today=last.paid_on
            )
        except InvalidValue:
            continue
        recorded = [(r.paid_on, r.amount_fen, r.is_payoff) for r in repayments]
        if [(p.paid_on, p.amount_fen, p.is_payoff) for p in outcome.payments] == recorded:
            found[loan_id] = past
    return found


def _loan_rows(session: Session, assumed: dict[int, PastRepayments]):
    query = (
        select(Loan, Platform.name, Platform.kind)
        .join(Platform, Platform.id == Loan.platform_id)
        .order_by(Loan.borrowed_on, Loan.id)
    )
    for loan, platform, kind in session.exec(query):
        yield loan_cells(
            loan_id=loan.external_id,
            platform=platform,
            platform_kind=kind,
            terms=terms_of(loan),
            purpose=loan.purpose,
            autopay=loan.autopay,
            note=loan.note,
            past=assumed.get(loan.id, _NOTHING_ASSUMED),
        )


_NOTHING_ASSUMED = PastRepayments.unpaid()


def _repayment_rows(session: Session, described: set[int]):
    query = (
        select(Repayment, Loan.external_id, Platform.name, Loan.borrowed_on, Loan.principal_fen)
        .join(Loan, Loan.id == Repayment.loan_id)
        .join(Platform, Platform.id == Loan.platform_id)
        .order_by(Loan.borrowed_on, Loan.id, Repayment.paid_on, Repayment.id)
    )
    for repayment, loan_id, platform, borrowed_on, principal in session.exec(query):
        if repayment.loan_id in described and repayment.source == RepaymentSource.SCHEDULE.value:
            continue  # the loans file says it (paid_installments, or status settled)
        yield repayment_cells(
            loan_id=loan_id,
            platform=platform,
            borrowed_on=borrowed_on,
            principal_fen=principal,
            paid_on=repayment.paid_on,
            amount_fen=repayment.amount_fen,
            is_payoff=repayment.is_payoff,
            note=repayment.note,
            source_ref=repayment.source_ref,
            source=repayment.source,
        )


def _limit_rows(session: Session):
    record = tables.CreditLimitRecord
    query = (
        select(record, Platform.name, Platform.kind)
        .join(Platform, Platform.id == record.platform_id)
        .order_by(record.recorded_on, record.id)
    )
    for row, platform, kind in session.exec(query):
        yield limit_cells(
            platform=platform, platform_kind=kind, recorded_on=row.recorded_on, limit_fen=row.limit_fen, note=row.note
        )


def _note_rows(session: Session):
    note = tables.CreditReportNote
    for row in session.exec(select(note).order_by(note.noted_on, note.id)):
        yield note_cells(
            noted_on=row.noted_on, kind=row.kind, text=row.text, resolved=row.resolved, resolved_on=row.resolved_on
        )
