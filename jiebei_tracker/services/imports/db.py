"""What imports and exports need from the database: the records a file's rows are matched against, and every
loan, repayment, limit and note for export. The reads are ``storage.transfers``; this module makes them matching
keys and file cells."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.past import PastRepayments, past_outcome
from jiebei_tracker.domain.rates import decimal_text
from jiebei_tracker.domain.schedule import build_schedule
from jiebei_tracker.domain.vocabulary import RepaymentSource
from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.importers.errors import ImportFailure
from jiebei_tracker.importers.export import (
    FILE_NAMES,
    PLAN_COLUMNS,
    PLANS_FILE,
    limit_cells,
    loan_cells,
    note_cells,
    plan_cells,
    repayment_cells,
    write_csv,
    write_rows,
)
from jiebei_tracker.importers.matching import Existing, ExistingLoan, LoanMoney
from jiebei_tracker.importers.records import loan_key
from jiebei_tracker.services.ledger.base import penalty_terms_for
from jiebei_tracker.services.ledger.repayments import ASSUMED_SOURCES
from jiebei_tracker.storage import transfers
from jiebei_tracker.storage.convert import installment_of, payment_of, terms_of
from jiebei_tracker.storage.database import Database
from jiebei_tracker.storage.queries import loan_schedule_rows


def existing_for(database: Database, kind: FileKind) -> Existing:
    """What a file of ``kind`` is matched against."""
    with database.reading() as session:
        if kind is FileKind.LOANS:
            return Existing(
                loans=_loans(session),
                platform_kinds=transfers.platform_kinds(session),
                penalty_multipliers=transfers.penalty_multipliers(session),
            )
        if kind is FileKind.REPAYMENTS:
            return Existing(
                loans=_loans(session, money=True), repayments=_repayments(session), money=_loan_money(database)
            )
        if kind is FileKind.LIMITS:
            return Existing(
                limits=Counter(transfers.limit_keys(session)),
                platform_kinds=transfers.platform_kinds(session),
                penalty_multipliers=transfers.penalty_multipliers(session),
            )
        return Existing(notes=Counter(transfers.note_keys(session)))


def _loan_money(database: Database):
    """Reads one loan's installments, repayments and penalty terms (a repayment that pays beyond its schedule is
    checked against them: matching.RepaymentMatcher._owed)."""

    def read(loan_id: int) -> LoanMoney:
        with database.reading() as session:
            installments, repayments = loan_schedule_rows(session, loan_id)
            penalty = penalty_terms_for(session, [loan_id])[loan_id]
            return LoanMoney(
                [installment_of(row) for row in installments],
                [(payment_of(row), row.source in ASSUMED_SOURCES) for row in repayments],
                penalty,
            )

    return read


def existing_for_alipay(database: Database) -> Existing:
    with database.reading() as session:
        return Existing(loans=_loans(session, money=True, open_parts=True), repayments=_repayments(session))


def _loans(session: transfers.Session, *, money: bool = False, open_parts: bool = False) -> list[ExistingLoan]:
    # Repayments the app assumed (schedule, autopay) are left out of what is paid: an imported repayment for
    # the same installment replaces them (ledger.bulk._replace_assumed), and the ledger checks the sum.
    owed = transfers.owed_by_loan(session) if money else {}
    paid = transfers.paid_by_loan(session, leaving_out=ASSUMED_SOURCES) if money else {}
    parts = transfers.open_parts(session) if open_parts else {}
    result = []
    for number, external_id, platform, borrowed_on, principal, months, method, rate in transfers.loan_terms(session):
        total_paid, payoff = paid.get(number, (0, None))
        result.append(
            ExistingLoan(
                number,
                external_id,
                loan_key(platform, borrowed_on, principal, months, method, rate),
                owed.get(number, 0),
                total_paid,
                payoff,
                tuple(parts.get(number, ())),
            )
        )
    return result


def _repayments(session: transfers.Session) -> list[tuple[tuple, str | None]]:
    return [((loan_id, day, fen, payoff), ref) for loan_id, day, fen, payoff, ref in transfers.repayment_keys(session)]


def export_all(database: Database, folder: Path, *, overwrite: bool = False) -> dict[FileKind | str, Path]:
    """Write the four canonical files into ``folder``, and ``plans.csv`` when some loan keeps a schedule its terms
    do not build (a part prepayment's, the platform's). Existing files are kept unless ``overwrite``."""
    targets = {kind: folder / FILE_NAMES[kind] for kind in FileKind}
    if not overwrite:
        taken = [str(path) for path in [*targets.values(), folder / PLANS_FILE] if path.exists()]
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
        plans = list(_plan_rows(session))
    # A fifth file only when some schedule is not the one its terms build; an earlier one overwritten goes.
    if plans:
        write_rows(folder / PLANS_FILE, PLAN_COLUMNS, plans)
        return {**targets, "plans": folder / PLANS_FILE}
    (folder / PLANS_FILE).unlink(missing_ok=True)
    return targets


def _plan_rows(session: transfers.Session):
    for loan, platform, installments in transfers.kept_schedules(session):
        for installment in installments:
            yield plan_cells(
                loan_id=loan.external_id,
                platform=platform,
                borrowed_on=loan.borrowed_on,
                loan_principal_fen=loan.principal_fen,
                schedule=loan.schedule_source,
                installment=installment,
            )


def _assumed_past(session: transfers.Session) -> dict[int, PastRepayments]:
    """For each loan whose repayments recorded from the schedule are exactly what a past-installments answer
    records (paid through a day, or settled early on a day), that answer: the loans file says it, and those
    repayments stay out of repayments.csv. Others (an assumed repayment edited since, a corrected schedule) keep
    them in repayments.csv with their source."""
    groups: dict[int, tuple] = {}
    for repayment, loan in transfers.repayments_from(session, RepaymentSource.SCHEDULE.value):
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


def _loan_rows(session: transfers.Session, assumed: dict[int, PastRepayments]):
    for loan, platform, kind, multiplier in transfers.loans_for_export(session):
        yield loan_cells(
            loan_id=loan.external_id,
            platform=platform,
            platform_kind=kind,
            penalty_multiplier=_multiplier_text(multiplier),
            terms=terms_of(loan),
            purpose=loan.purpose,
            autopay=loan.autopay,
            note=loan.note,
            past=assumed.get(loan.id, _NOTHING_ASSUMED),
        )


_NOTHING_ASSUMED = PastRepayments.unpaid()


def _repayment_rows(session: transfers.Session, described: set[int]):
    for repayment, loan_id, platform, borrowed_on, principal in transfers.repayments_for_export(session):
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


def _limit_rows(session: transfers.Session):
    for row, platform, kind, multiplier in transfers.limits_for_export(session):
        yield limit_cells(
            platform=platform,
            platform_kind=kind,
            penalty_multiplier=_multiplier_text(multiplier),
            recorded_on=row.recorded_on,
            limit_fen=row.limit_fen,
            note=row.note,
        )


def _multiplier_text(stored: str) -> str:
    """A platform's penalty multiplier as the file writes it: ``1.5``, ``2``."""
    return decimal_text(Decimal(stored))


def _note_rows(session: transfers.Session):
    for row in transfers.notes_for_export(session):
        yield note_cells(
            noted_on=row.noted_on,
            kind=row.kind,
            text=row.text,
            resolved=row.resolved,
            resolved_on=row.resolved_on,
            reason=row.reason,
            institution=row.institution,
        )
