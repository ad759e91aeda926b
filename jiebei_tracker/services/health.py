"""Read-side for the health features: the records loaded as a History (one query per table), thresholds from
settings, and the health check, monthly history and limit-cut diagnosis built on them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select

from jiebei_tracker.domain.diagnosis import Diagnosis, diagnose, limit_cuts
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.health import HealthCheck, check_health, score_history
from jiebei_tracker.domain.rules import (
    CreditNote,
    History,
    InstallmentRecord,
    LimitRecord,
    LoanRecord,
    RepaymentRecord,
    Thresholds,
)
from jiebei_tracker.domain.vocabulary import LoanPurpose, NoteKind, PlatformKind
from jiebei_tracker.services.settings import SettingsStore
from jiebei_tracker.storage import tables
from jiebei_tracker.storage.database import Database

THRESHOLDS_KEY = "rule_thresholds"


@dataclass(frozen=True)
class HealthSettings:
    """What the rules need from the user's settings: thresholds and the grace days for lateness."""

    thresholds: Thresholds = field(default_factory=Thresholds)
    grace_days: int = 0

    @classmethod
    def load(cls, database: Database) -> HealthSettings:
        """Thresholds stored under ``rule_thresholds`` (RULES.md defaults where absent), grace days from the
        general settings."""
        store = SettingsStore(database=database)
        return cls(Thresholds.from_mapping(store.get(THRESHOLDS_KEY, {})), store.general().grace_days)


def save_thresholds(database: Database, thresholds: Thresholds) -> None:
    SettingsStore(database=database).put(THRESHOLDS_KEY, thresholds.to_mapping())


@dataclass(frozen=True)
class HealthPoint:
    """One point of the score history: the day (a month's last day, or ``end``), the score, the rules in force."""

    as_of: date
    score: int
    flag_ids: frozenset[str]


def load_history(database: Database, *, loan_ids: Iterable[int] | None = None) -> History:
    """Every record (or only the loans in ``loan_ids``, with their installments and repayments) as plain values:
    one query per table, whatever the number of loans."""
    wanted = None if loan_ids is None else sorted(set(loan_ids))
    loan, inst, pay = tables.Loan, tables.Installment, tables.Repayment
    loan_query = select(
        loan.id, loan.external_id, loan.platform_id, loan.purpose, loan.autopay, loan.principal_fen, loan.borrowed_on
    )
    installment_query = select(
        inst.id,
        inst.loan_id,
        inst.seq,
        inst.due_on,
        inst.principal_fen,
        inst.interest_fen,
        inst.paid_interest_fen,
        inst.paid_principal_fen,
        inst.settled_on,
    ).order_by(inst.loan_id, inst.seq)
    repayment_query = select(pay.id, pay.loan_id, pay.paid_on, pay.amount_fen, pay.is_payoff)
    if wanted is not None:
        loan_query = loan_query.where(loan.id.in_(wanted))
        installment_query = installment_query.where(inst.loan_id.in_(wanted))
        repayment_query = repayment_query.where(pay.loan_id.in_(wanted))
    with database.reading() as session:
        platforms = {
            pid: (name, PlatformKind(kind))
            for pid, name, kind in session.execute(
                select(tables.Platform.id, tables.Platform.name, tables.Platform.kind)
            )
        }
        loan_rows = session.execute(loan_query).all()
        installments: dict[int, list[InstallmentRecord]] = {}
        for row in session.execute(installment_query):
            installments.setdefault(row[1], []).append(InstallmentRecord(*row))
        repayments = [RepaymentRecord(*row) for row in session.execute(repayment_query)]
        limit = tables.CreditLimitRecord
        limits = [
            LimitRecord(platforms[pid][0], recorded_on, limit_fen, limit_id)
            for limit_id, pid, recorded_on, limit_fen in session.execute(
                select(limit.id, limit.platform_id, limit.recorded_on, limit.limit_fen)
            )
        ]
        note = tables.CreditReportNote
        notes = [
            # A note marked resolved without a date counts as resolved since it was noted.
            CreditNote(nid, noted_on, NoteKind(kind), text, (resolved_on or noted_on) if resolved else None)
            for nid, noted_on, kind, text, resolved, resolved_on in session.execute(
                select(note.id, note.noted_on, note.kind, note.text, note.resolved, note.resolved_on)
            )
        ]
    loans = [
        LoanRecord(
            loan_id=loan_id,
            platform=platforms[platform_id][0],
            platform_kind=platforms[platform_id][1],
            purpose=LoanPurpose(purpose),
            autopay=bool(autopay),
            principal_fen=principal_fen,
            borrowed_on=borrowed_on,
            installments=tuple(installments.get(loan_id, ())),
            external_id=external_id,
        )
        for loan_id, external_id, platform_id, purpose, autopay, principal_fen, borrowed_on in loan_rows
    ]
    return History.of(loans, repayments, limits, notes, {name: kind for name, kind in platforms.values()})


def open_loan_ids(database: Database, *, as_of: date, due_by: date | None = None) -> list[int]:
    """The loans borrowed by ``as_of`` with an installment not yet settled then (and, with ``due_by``, falling due
    no later than that day): one query."""
    inst, loan = tables.Installment, tables.Loan
    query = (
        select(inst.loan_id)
        .join(loan, loan.id == inst.loan_id)
        .where(or_(inst.settled_on.is_(None), inst.settled_on > as_of), loan.borrowed_on <= as_of)
        .distinct()
    )
    if due_by is not None:
        query = query.where(inst.due_on <= due_by)
    with database.reading() as session:
        return list(session.scalars(query))


def health_check(database: Database, *, as_of: date, settings: HealthSettings | None = None) -> HealthCheck:
    """The flags in force on ``as_of`` and the score."""
    settings = settings or HealthSettings.load(database)
    return check_health(load_history(database), as_of, thresholds=settings.thresholds, grace_days=settings.grace_days)


def health_history(
    database: Database, *, start: date, end: date, settings: HealthSettings | None = None
) -> list[HealthPoint]:
    """The score at each month's end from ``start`` to ``end`` (the current month's point is ``end`` itself),
    with the ids of the rules in force then — for the charts."""
    settings = settings or HealthSettings.load(database)
    checks = score_history(
        load_history(database), start=start, end=end, thresholds=settings.thresholds, grace_days=settings.grace_days
    )
    return [HealthPoint(check.as_of, check.score, check.rule_ids) for check in checks]


def diagnose_platform(
    database: Database, platform: str, *, today: date, settings: HealthSettings | None = None
) -> Diagnosis | None:
    """The diagnosis of the platform's latest limit cut (None when its recorded limit never fell), with the
    checklist measured on ``today``. An unknown platform is the user's error."""
    settings = settings or HealthSettings.load(database)
    history = load_history(database)
    name = platform.strip()
    if name not in history.platform_kinds:
        known = ", ".join(sorted(history.platform_kinds)) or "none yet"
        raise InvalidValue("PLATFORM", platform, f"no such platform (known: {known})")
    cuts = limit_cuts(history.limits, name)
    if not cuts:
        return None
    return diagnose(history, cuts[-1], as_of=today, thresholds=settings.thresholds, grace_days=settings.grace_days)
