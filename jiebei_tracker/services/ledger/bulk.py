"""Bulk loading for the ledger: many loans with their repayments, limits and notes in one transaction
(demo data and imports), written with executemany a batch at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import partial
from itertools import chain, islice

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import check_amount, format_yuan
from jiebei_tracker.domain.past import PastKind, PastRepayments
from jiebei_tracker.domain.payments import Payment, apply_payments, nearest_assumed
from jiebei_tracker.domain.penalty import parse_multiplier
from jiebei_tracker.domain.rates import decimal_text
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.schedule import PlannedInstallment, build_schedule
from jiebei_tracker.domain.text import clean_name, clean_note
from jiebei_tracker.domain.vocabulary import InquiryReason, NoteKind, PlatformKind, RepaymentSource
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.ledger.base import (
    LedgerBase,
    installment_row,
    loan_fields,
    penalty_terms_for,
    repayment_row,
    state_updates,
)
from jiebei_tracker.services.ledger.batch import BatchRecorder, ImportedFile, stored_rows
from jiebei_tracker.services.ledger.repayments import ASSUMED_SOURCES
from jiebei_tracker.storage import tables
from jiebei_tracker.storage.convert import installment_of, payment_of


@dataclass(frozen=True)
class HistoricLoan:
    """A loan with the repayments already made on it, for bulk loading (demo data, imports).
    ``payment_refs``, when given, holds each payment's source reference (an order number) in the same order."""

    draft: LoanDraft
    payments: Sequence[Payment] = ()
    payment_refs: Sequence[str | None] = ()
    source: RepaymentSource = RepaymentSource.IMPORT  # where ``payments`` came from
    past: PastRepayments | None = None  # installments already due, recorded as the user said (source schedule)


@dataclass(frozen=True)
class RepaymentEntry:
    """A repayment of a loan already recorded (``loan_id`` is its number), for bulk loading."""

    loan_id: int
    payment: Payment
    source_ref: str | None = None
    note: str = ""
    source: RepaymentSource = RepaymentSource.IMPORT


@dataclass(frozen=True)
class LimitEntry:
    platform: str
    recorded_on: date
    limit_fen: int
    note: str = ""


@dataclass(frozen=True)
class NoteEntry:
    noted_on: date
    kind: NoteKind
    text: str
    resolved_on: date | None = None
    reason: InquiryReason | None = None  # an inquiry's; None: the one its text names
    institution: str = ""


# add_history writes loans a batch at a time: memory stays flat however many there are, and progress is
# reported (and a cancel can come) between batches.
HISTORY_BATCH = 2000


def add_history(
    ledger: LedgerBase,
    loans: Iterable[HistoricLoan],
    *,
    limits: Iterable[LimitEntry] = (),
    notes: Iterable[NoteEntry] = (),
    platform_kinds: dict[str, PlatformKind] | None = None,
    penalty_multipliers: dict[str, Decimal] | None = None,
    repayments: Iterable[RepaymentEntry] = (),
    progress: Callable[[int, int], None] | None = None,
    import_batch: ImportedFile | None = None,
    total: int | None = None,
) -> Changes:
    """Load many loans with their repayments, repayments of loans already recorded, limits and notes in one
    transaction (demo data, imports). Schedules and payment states are computed here and written with
    executemany, a batch at a time so memory stays flat. ``progress(done, total)`` is called after each
    batch; anything it raises (a cancel) rolls the whole call back. With ``import_batch`` the call is recorded
    as an import (an ``importbatch`` row, whose number ``created_id`` returns) and every row it adds is tagged
    with that number, so that ``undo_import`` can take exactly those rows back. ``platform_kinds`` and
    ``penalty_multipliers`` set those of the platforms they name (undoing the import sets the old ones back); the
    loans already recorded on a platform whose multiplier changes have their penalty interest worked out again,
    as ``set_penalty_multiplier`` does.

    The four may be iterators that read a file as it is written (imports): given ``total`` (how many items
    they hold in all, for ``progress``), they are read a batch at a time and never held whole. Every value
    is checked (and names trimmed) before its batch is written; a bad one — or anything an iterator raises —
    rolls the whole call back, so nothing of it is kept."""
    if total is None:
        loans, repayments, limits, notes = list(loans), list(repayments), list(limits), list(notes)
        total = len(loans) + len(repayments) + len(limits) + len(notes)
    platform_kinds = {clean_name(name, "platform"): kind for name, kind in (platform_kinds or {}).items()}
    multipliers = {
        clean_name(name, "platform"): decimal_text(parse_multiplier(str(value)))
        for name, value in (penalty_multipliers or {}).items()
    }
    done = loans_written = 0
    report = progress or (lambda _done, _total: None)
    with ledger._database.transaction() as session:
        connection = session.connection()
        platform_ids: dict[str, int] = {}
        recorder = BatchRecorder(session, import_batch) if import_batch is not None else None
        tag = {"import_id": recorder.id if recorder is not None else None}

        def platform_id(name: str) -> int:
            if name not in platform_ids:
                platform_ids[name] = ledger._platform_id(session, name)
                if recorder is not None:
                    recorder.platform_used(platform_ids[name])
            return platform_ids[name]

        for name, kind in platform_kinds.items():
            platform = session.get(tables.Platform, platform_id(name))
            if recorder is not None:
                recorder.kind_set(platform, kind.value)
            platform.kind = kind.value
        repriced: set[int] = set()  # platforms already there whose penalty multiplier changes
        for name, multiplier in multipliers.items():
            platform = session.get(tables.Platform, platform_id(name))
            if Decimal(platform.penalty_multiplier) == Decimal(multiplier):
                continue
            if recorder is not None:
                recorder.multiplier_set(platform, multiplier)
            platform.penalty_multiplier = multiplier
            repriced.add(platform.id)
        session.flush()
        # Their loans recorded before this call: what late repayments paid of penalty interest is worked out again.
        penalised = loans_on(session, repriced)
        next_id = (session.exec(select(func.max(tables.LoanTable.id))).one() or 0) + 1
        for batch in _batches(map(partial(_checked_loan, ledger), loans)):
            loan_rows, installment_rows, repayment_rows = [], [], []
            for offset, item in enumerate(batch, start=next_id + loans_written):
                draft = item.draft
                since = draft.terms.borrowed_on if draft.autopay else None
                loan_rows.append(_bulk_values({"id": offset, "platform_id": platform_id(draft.platform),
                                               "autopay_since": since, **tag, **loan_fields(draft)},
                                              _LOAN_COLUMNS))  # fmt: skip
                schedule = build_schedule(draft.terms)
                # "Unpaid" records no repayments: past_outcome would only count the overdue installments.
                records_past = item.past is not None and item.past.kind is not PastKind.UNPAID
                assumed = ledger.past_outcome(draft, item.past, schedule).payments if records_past else []
                installment_rows.extend(_bulk_installments(offset, schedule, [*item.payments, *assumed]))
                if not (item.payments or assumed):
                    continue
                refs = list(item.payment_refs) or [None] * len(item.payments)
                repayment_rows.extend(
                    _bulk_values({**repayment_row(offset, payment, ref, source=item.source), **tag}, _REPAYMENT_COLUMNS)
                    for payment, ref in zip(item.payments, refs, strict=True)
                )
                repayment_rows.extend(
                    _bulk_values({**repayment_row(offset, p, None, source=RepaymentSource.SCHEDULE), **tag},
                                 _REPAYMENT_COLUMNS)
                    for p in assumed
                )  # fmt: skip
            # Plain executemany: SQLAlchemy's per-row parameter processing would double the time of a
            # large import (the values are already in the form the columns store).
            connection.exec_driver_sql(_bulk_insert(tables.LoanTable, _LOAN_COLUMNS), loan_rows)
            connection.exec_driver_sql(_bulk_insert(tables.InstallmentTable, _INSTALLMENT_COLUMNS), installment_rows)
            if repayment_rows:
                connection.exec_driver_sql(_bulk_insert(tables.RepaymentTable, _REPAYMENT_COLUMNS), repayment_rows)
            loans_written += len(batch)
            done += len(batch)
            report(done, total)
        touched: set[int] = set()
        for batch in _batches(map(partial(_checked_repayment, ledger), repayments)):
            _check_history_repayments(ledger, session, batch)
            replaced = _replace_assumed(session, batch)
            if recorder is not None:
                recorder.replaced(replaced)
            connection.execute(
                tables.RepaymentTable.__table__.insert(),
                [{**repayment_row(e.loan_id, e.payment, e.source_ref, e.note, e.source), **tag} for e in batch],
            )
            touched.update(entry.loan_id for entry in batch)
            done += len(batch)
            report(done, total)
        if touched:
            reapply_many(session, sorted(touched))
        if penalised - touched:
            reapply_many(session, sorted(penalised - touched), refuse_overpaid=False)
        for batch in _batches(map(partial(checked_limit, ledger), limits)):
            connection.execute(
                tables.CreditLimitRecord.__table__.insert(),
                [
                    {
                        "platform_id": platform_id(e.platform),
                        "recorded_on": e.recorded_on,
                        "limit_fen": e.limit_fen,
                        "note": e.note,
                        **tag,
                    }
                    for e in batch
                ],
            )
            done += len(batch)
            report(done, total)
        for batch in _batches(map(partial(_checked_note, ledger), notes)):
            connection.execute(
                tables.CreditReportNote.__table__.insert(),
                [
                    {
                        "noted_on": e.noted_on,
                        "kind": e.kind.value,
                        "text": e.text,
                        "resolved": e.resolved_on is not None,
                        "resolved_on": e.resolved_on,
                        "reason": e.reason.value if e.reason else "",
                        "institution": e.institution,
                        **tag,
                    }
                    for e in batch
                ],
            )
            done += len(batch)
            report(done, total)
        if recorder is not None:
            recorder.finish(session)
    # The new loans are numbered in a row: no set of their numbers is kept as they are written.
    return Changes(
        loan_ids=frozenset(chain(range(next_id, next_id + loans_written), touched, penalised)),
        loans_added_or_removed=loans_written > 0,
        payments=True,
        platforms=True,
        limits=True,
        notes=True,
        created_id=recorder.id if recorder is not None else None,
    )


def _check_payment(ledger: LedgerBase, payment: Payment) -> None:
    if payment.amount_fen <= 0:
        raise InvalidValue("amount", format_yuan(payment.amount_fen), "must be more than zero")
    check_amount(payment.amount_fen, field="amount")
    ledger._check_day("paid_on", payment.paid_on)


def _checked_loan(ledger: LedgerBase, item: HistoricLoan) -> HistoricLoan:
    """The loan as stored (names trimmed); InvalidValue for any value out of bounds."""
    draft = ledger._check_draft(item.draft, item.past)
    for payment in item.payments:
        _check_payment(ledger, payment)
    return item if draft is item.draft else replace(item, draft=draft)


def _checked_repayment(ledger: LedgerBase, entry: RepaymentEntry) -> RepaymentEntry:
    _check_payment(ledger, entry.payment)
    note = clean_note(entry.note, "note")
    return entry if note == entry.note else replace(entry, note=note)


def checked_limit(ledger: LedgerBase, entry: LimitEntry) -> LimitEntry:
    """The limit record as stored (names trimmed); InvalidValue for any value out of bounds."""
    if entry.limit_fen < 0:
        raise InvalidValue("limit", format_yuan(entry.limit_fen), "cannot be negative")
    check_amount(entry.limit_fen, field="limit")
    ledger._check_day("date", entry.recorded_on)
    platform, note = clean_name(entry.platform, "platform"), clean_note(entry.note, "note")
    if (platform, note) == (entry.platform, entry.note):
        return entry
    return replace(entry, platform=platform, note=note)


def _checked_note(ledger: LedgerBase, entry: NoteEntry) -> NoteEntry:
    """The entry as stored: an inquiry given no reason has the one its text names."""
    text = ledger._checked_note_text(entry.text, entry.noted_on)
    if entry.resolved_on is not None:
        ledger._check_day("resolved_on", entry.resolved_on)
    reason, institution = ledger._checked_inquiry(entry.kind, text, entry.reason, entry.institution)
    return replace(entry, text=text, reason=InquiryReason(reason) if reason else None, institution=institution)


def _check_history_repayments(ledger: LedgerBase, session: Session, repayments: list[RepaymentEntry]) -> None:
    """Each repayment's loan exists and was taken on or before the day it was paid."""
    borrowed = {}
    wanted = sorted({entry.loan_id for entry in repayments})
    for start in range(0, len(wanted), HISTORY_BATCH):
        chunk = wanted[start : start + HISTORY_BATCH]
        query = select(tables.LoanTable.id, tables.LoanTable.borrowed_on).where(col(tables.LoanTable.id).in_(chunk))
        borrowed.update(session.exec(query).all())
    for entry in repayments:
        if entry.loan_id not in borrowed:
            raise InvalidValue("loan", entry.loan_id, "no such loan")
        if entry.payment.paid_on < borrowed[entry.loan_id]:
            raise InvalidValue(
                "paid_on",
                entry.payment.paid_on.isoformat(),
                f"is before the loan was taken ({borrowed[entry.loan_id].isoformat()})",
            )


_LOAN_COLUMNS = (
    "id", "platform_id", "external_id", "borrowed_on", "principal_fen", "term_months", "method", "annual_rate",
    "rate_basis", "purpose", "autopay", "autopay_since", "note", "import_id", "interest_basis", "fee_upfront_fen",
    "fee_per_installment_fen", "fee_rate", "interest_free_days",
)  # fmt: skip
_INSTALLMENT_COLUMNS = (
    "loan_id", "seq", "due_on", "principal_fen", "interest_fen", "corrected", "paid_interest_fen",
    "paid_principal_fen", "settled_on", "fee_fen", "paid_penalty_fen",
)  # fmt: skip
_REPAYMENT_COLUMNS = ("loan_id", "paid_on", "amount_fen", "is_payoff", "note", "source_ref", "source", "import_id")


def _batches(items: Iterable) -> Iterator[list]:
    """``items`` a HISTORY_BATCH at a time (an iterator is read no further than the batch)."""
    items = iter(items)
    while batch := list(islice(items, HISTORY_BATCH)):
        yield batch


def _bulk_insert(table, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table.__tablename__} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _stored(value):
    """A value as SQLAlchemy stores it in SQLite: dates as ISO text, booleans as 0/1."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _bulk_values(row: dict, columns: tuple[str, ...]) -> tuple:
    return tuple(_stored(row[name]) for name in columns)


def _bulk_installments(loan_id: int, schedule: list[PlannedInstallment], payments: Sequence[Payment]) -> list[tuple]:
    """PlannedInstallment rows for executemany. With nothing paid there is no payment arithmetic to do, unless an
    installment asks for 0 (apply_payments counts those settled on their due date)."""
    if payments or any(inst.total_fen == 0 for inst in schedule):
        states = apply_payments(schedule, payments).states
        return [_bulk_values(installment_row(loan_id, s.installment, s), _INSTALLMENT_COLUMNS) for s in states]
    return [
        # loan, seq, due, principal, interest, corrected, paid interest, paid principal, settled, fee, penalty paid
        (loan_id, inst.seq, inst.due_on.isoformat(), inst.principal_fen, inst.interest_fen, 0, 0, 0, None,
         inst.fee_fen, 0)
        for inst in schedule
    ]  # fmt: skip


def _replace_assumed(session: Session, repayments: list[RepaymentEntry]) -> list[dict]:
    """Each imported repayment replaces the repayment the app assumed (from the schedule or autopay) for the same
    installment, as one typed by hand does, so a file of real repayments never counts an installment twice.
    Returns the rows deleted, as stored (undoing the import puts them back)."""
    # A part prepayment pays the installment made for it (domain.prepay), not an installment's assumed repayment.
    real = [
        e
        for e in repayments
        if not e.source.is_assumed and e.source is not RepaymentSource.PREPAYMENT and not e.payment.is_payoff
    ]
    loan_ids = sorted({e.loan_id for e in real})
    assumed: dict[int, list[tuple[int, date]]] = {}
    due_dates: dict[int, list[date]] = {}
    for start in range(0, len(loan_ids), HISTORY_BATCH):
        query = select(tables.RepaymentTable.loan_id, tables.RepaymentTable.id, tables.RepaymentTable.paid_on).where(
            col(tables.RepaymentTable.loan_id).in_(loan_ids[start : start + HISTORY_BATCH]),
            col(tables.RepaymentTable.source).in_(ASSUMED_SOURCES),
            col(tables.RepaymentTable.is_payoff).is_(False),
        )
        for loan_id, repayment_id, paid_on in session.exec(query):
            assumed.setdefault(loan_id, []).append((repayment_id, paid_on))
    with_assumed = sorted(assumed)
    for start in range(0, len(with_assumed), HISTORY_BATCH):
        query = select(tables.InstallmentTable.loan_id, tables.InstallmentTable.due_on).where(
            col(tables.InstallmentTable.loan_id).in_(with_assumed[start : start + HISTORY_BATCH])
        )
        for loan_id, due_on in session.exec(query):
            due_dates.setdefault(loan_id, []).append(due_on)
    latest = {loan_id: max(day for _, day in candidates) for loan_id, candidates in assumed.items()}
    replaced = []
    for entry in real:
        candidates = assumed.get(entry.loan_id)
        if not candidates:
            continue
        found = nearest_assumed(
            candidates, due_dates[entry.loan_id], entry.payment.paid_on, latest=latest[entry.loan_id]
        )
        if found is not None:
            replaced.append(found)
            candidates[:] = [c for c in candidates if c[0] != found]
    removed = []
    for start in range(0, len(replaced), HISTORY_BATCH):
        chunk = replaced[start : start + HISTORY_BATCH]
        removed.extend(stored_rows(session, tables.RepaymentTable, chunk))
        session.execute(delete(tables.RepaymentTable).where(col(tables.RepaymentTable.id).in_(chunk)))
    return removed


def loans_on(session: Session, platform_ids: set[int]) -> set[int]:
    """The loans recorded on these platforms."""
    found: set[int] = set()
    wanted = sorted(platform_ids)
    for start in range(0, len(wanted), HISTORY_BATCH):
        chunk = wanted[start : start + HISTORY_BATCH]
        query = select(tables.LoanTable.id).where(col(tables.LoanTable.platform_id).in_(chunk))
        found.update(session.exec(query).all())
    return found


def reapply_many(session: Session, loan_ids: list[int], *, refuse_overpaid: bool = True) -> None:
    """reapply for many loans with one query per table per batch (bulk repayments). A loan paid more than its
    schedule asks for, without a payoff, is refused as log_repayment refuses it (unless ``refuse_overpaid`` is
    False: a platform's new penalty multiplier is taken, as ``set_penalty_multiplier`` takes it, whatever its loans'
    late repayments then pay beyond their schedule)."""
    for start in range(0, len(loan_ids), HISTORY_BATCH):
        chunk = loan_ids[start : start + HISTORY_BATCH]
        inst_rows = session.exec(
            select(tables.InstallmentTable)
            .where(col(tables.InstallmentTable.loan_id).in_(chunk))
            .order_by(tables.InstallmentTable.loan_id, tables.InstallmentTable.seq)
        ).all()
        pay_rows = session.exec(
            select(tables.RepaymentTable)
            .where(col(tables.RepaymentTable.loan_id).in_(chunk))
            .order_by(tables.RepaymentTable.loan_id, tables.RepaymentTable.paid_on, tables.RepaymentTable.id)
        ).all()
        installments: dict[int, list] = {}
        for row in inst_rows:
            installments.setdefault(row.loan_id, []).append(row)
        payments: dict[int, list] = {}
        for row in pay_rows:
            payments.setdefault(row.loan_id, []).append(row)
        updates = []
        penalties = penalty_terms_for(session, list(chunk))
        for loan_id in chunk:
            rows = installments.get(loan_id, [])
            paid = payments.get(loan_id, [])
            application = apply_payments(
                [installment_of(r) for r in rows], [payment_of(r) for r in paid], penalty=penalties.get(loan_id)
            )
            if refuse_overpaid and application.unapplied_fen and not any(r.is_payoff for r in paid):
                raise InvalidValue(
                    "amount",
                    format_yuan(application.unapplied_fen),
                    f"is paid on loan #{loan_id} beyond everything its schedule asks for",
                )
            updates.extend(state_updates(rows, application.states))
        if updates:
            session.execute(update(tables.InstallmentTable), updates)
    session.expire_all()
