"""The ledger: the only way anything is written. Every call is one transaction and returns its Changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, insert, update
from sqlmodel import Session, col, select

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.payments import Payment, apply_payments, propose_payoff, remaining_total
from jiebei_tracker.domain.records import LoanDraft, guess_platform_kind
from jiebei_tracker.domain.schedule import Installment, build_schedule
from jiebei_tracker.domain.vocabulary import NoteKind, PlatformKind
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.storage import tables
from jiebei_tracker.storage.convert import installment_of, payment_of, rate_of
from jiebei_tracker.storage.database import Database
from jiebei_tracker.storage.queries import loan_schedule_rows


@dataclass(frozen=True)
class HistoricLoan:
    """A loan with the repayments already made on it, for bulk loading (demo data, imports).
    ``payment_refs``, when given, holds each payment's source reference (an order number) in the same order."""

    draft: LoanDraft
    payments: Sequence[Payment] = ()
    payment_refs: Sequence[str | None] = ()


@dataclass(frozen=True)
class RepaymentEntry:
    """A repayment of a loan already recorded (``loan_id`` is its number), for bulk loading."""

    loan_id: int
    payment: Payment
    source_ref: str | None = None
    note: str = ""


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


# add_history writes loans a batch at a time: memory stays flat however many there are, and progress is
# reported (and a cancel can come) between batches.
_HISTORY_BATCH = 2000


class Ledger:
    """All writes go through here. Bad values raise InvalidValue before anything is written."""

    def __init__(self, *, database: Database, today: Callable[[], date] = date.today) -> None:
        self._database = database
        self._today = today

    # -- loans -------------------------------------------------------------------------------------------

    def add_loan(self, draft: LoanDraft) -> Changes:
        self._check_draft(draft)
        with self._database.transaction() as session:
            self._check_external_id(session, draft.external_id, loan_id=None)
            loan = tables.Loan(platform_id=self._platform_id(session, draft.platform), **_loan_fields(draft))
            session.add(loan)
            session.flush()
            _insert_schedule(session, loan.id, build_schedule(draft.terms))
        return Changes(loan_ids=frozenset({loan.id}), loans_added_or_removed=True, created_id=loan.id)

    def edit_loan(self, loan_id: int, draft: LoanDraft) -> Changes:
        """Change a loan. When its terms change, the schedule is built again (hand corrections are dropped)
        and the recorded repayments are applied to it afresh."""
        self._check_draft(draft)
        with self._database.transaction() as session:
            loan = _get_loan(session, loan_id)
            self._check_external_id(session, draft.external_id, loan_id=loan_id)
            old_terms = (loan.borrowed_on, loan.principal_fen, loan.term_months, loan.method, loan.annual_rate)
            loan.platform_id = self._platform_id(session, draft.platform)
            for name, value in _loan_fields(draft).items():
                setattr(loan, name, value)
            if old_terms != (loan.borrowed_on, loan.principal_fen, loan.term_months, loan.method, loan.annual_rate):
                self._check_repayments_fit(session, loan)
                session.execute(tables.Installment.__table__.delete().where(tables.Installment.loan_id == loan_id))
                _insert_schedule(session, loan_id, build_schedule(draft.terms))
                unapplied = _reapply(session, loan_id)
                if unapplied and not _has_payoff(session, loan_id):
                    raise InvalidValue(
                        "principal",
                        format_yuan(draft.terms.principal_fen),
                        f"the repayments already recorded are {format_yuan(unapplied)} more than the new "
                        "schedule asks for; delete some repayments first",
                    )
        return Changes(loan_ids=frozenset({loan_id}), payments=True)

    def delete_loan(self, loan_id: int) -> Changes:
        """Delete a loan with its schedule and repayments."""
        with self._database.transaction() as session:
            session.delete(_get_loan(session, loan_id))
        return Changes(loan_ids=frozenset({loan_id}), loans_added_or_removed=True, payments=True)

    def correct_installment(
        self, loan_id: int, seq: int, *, principal_fen: int | None = None, interest_fen: int | None = None
    ) -> Changes:
        """Set one installment's amounts by hand, where a platform rounds differently. A change of principal
        is balanced on the last installment so the principals still add up to the loan."""
        with self._database.transaction() as session:
            _get_loan(session, loan_id)
            rows, _ = loan_schedule_rows(session, loan_id)
            target = next((row for row in rows if row.seq == seq), None)
            if target is None:
                raise InvalidValue("installment", seq, f"loan #{loan_id} has installments 1 to {len(rows)}")
            if interest_fen is not None:
                if interest_fen < 0:
                    raise InvalidValue("interest", format_yuan(interest_fen), "cannot be negative")
                target.interest_fen = interest_fen
            if principal_fen is not None and principal_fen != target.principal_fen:
                last = rows[-1]
                if last is target:
                    raise InvalidValue(
                        "principal", format_yuan(principal_fen), "the last installment's principal is what is left"
                    )
                shift = principal_fen - target.principal_fen
                if principal_fen < 0 or last.principal_fen - shift < 0:
                    raise InvalidValue("principal", format_yuan(principal_fen), "more than the loan has left")
                target.principal_fen = principal_fen
                last.principal_fen -= shift
                last.corrected = True
            target.corrected = True
            session.flush()
            _reapply(session, loan_id)
        return Changes(loan_ids=frozenset({loan_id}), payments=True)

    # -- repayments --------------------------------------------------------------------------------------

    def log_repayment(
        self, loan_id: int, *, paid_on: date, amount_fen: int, note: str = "", source_ref: str | None = None
    ) -> Changes:
        """Record money paid; it goes to the earliest open installment, interest first, the rest flowing on."""
        if amount_fen <= 0:
            raise InvalidValue("amount", format_yuan(amount_fen), "must be more than zero")
        with self._database.transaction() as session:
            loan = _get_loan(session, loan_id)
            self._check_paid_on(loan, paid_on)
            left = remaining_total(_states(session, loan_id))
            if left == 0:
                raise InvalidValue("loan", loan_id, f"loan #{loan_id} is already settled")
            if amount_fen > left:
                raise InvalidValue(
                    "amount",
                    format_yuan(amount_fen),
                    f"more than the {format_yuan(left)} left to pay on loan #{loan_id} (use payoff to settle early)",
                )
            session.add(
                tables.Repayment(
                    loan_id=loan_id, paid_on=paid_on, amount_fen=amount_fen, note=note, source_ref=source_ref
                )
            )
            session.flush()
            _reapply(session, loan_id)
        return Changes(loan_ids=frozenset({loan_id}), payments=True)

    def pay_off(self, loan_id: int, *, paid_on: date, amount_fen: int | None = None) -> Changes:
        """Settle a loan early. Without an amount, the proposed one (see ``propose_payoff``) is recorded."""
        with self._database.transaction() as session:
            loan = _get_loan(session, loan_id)
            self._check_paid_on(loan, paid_on)
            states = _states(session, loan_id)
            if remaining_total(states) == 0:
                raise InvalidValue("loan", loan_id, f"loan #{loan_id} is already settled")
            if amount_fen is None:
                amount_fen = propose_payoff(
                    states, rate=rate_of(loan), borrowed_on=loan.borrowed_on, paid_on=paid_on
                ).amount_fen
            if amount_fen <= 0:
                raise InvalidValue("amount", format_yuan(amount_fen), "must be more than zero")
            session.add(tables.Repayment(loan_id=loan_id, paid_on=paid_on, amount_fen=amount_fen, is_payoff=True))
            session.flush()
            _reapply(session, loan_id)
        return Changes(loan_ids=frozenset({loan_id}), payments=True)

    def delete_repayment(self, repayment_id: int) -> Changes:
        with self._database.transaction() as session:
            row = session.get(tables.Repayment, repayment_id)
            if row is None:
                raise InvalidValue("repayment", repayment_id, "no such repayment")
            loan_id = row.loan_id
            session.delete(row)
            session.flush()
            _reapply(session, loan_id)
        return Changes(loan_ids=frozenset({loan_id}), payments=True)

    # -- platforms, limits, credit-report notes ----------------------------------------------------------

    def set_platform_kind(self, name: str, kind: PlatformKind) -> Changes:
        with self._database.transaction() as session:
            platform = session.get(tables.Platform, self._platform_id(session, name))
            platform.kind = kind.value
        return Changes(platforms=True)

    def record_limit(self, platform: str, *, recorded_on: date, limit_fen: int, note: str = "") -> Changes:
        if limit_fen < 0:
            raise InvalidValue("limit", format_yuan(limit_fen), "cannot be negative")
        self._check_not_future("date", recorded_on)
        with self._database.transaction() as session:
            row = tables.CreditLimitRecord(
                platform_id=self._platform_id(session, platform),
                recorded_on=recorded_on,
                limit_fen=limit_fen,
                note=note,
            )
            session.add(row)
            session.flush()
        return Changes(limits=True, platforms=True, created_id=row.id)

    def add_note(self, *, noted_on: date, kind: NoteKind, text: str) -> Changes:
        if not text.strip():
            raise InvalidValue("text", text, "say what the credit report shows")
        self._check_not_future("date", noted_on)
        with self._database.transaction() as session:
            row = tables.CreditReportNote(noted_on=noted_on, kind=kind.value, text=text.strip())
            session.add(row)
            session.flush()
        return Changes(notes=True, created_id=row.id)

    def resolve_note(self, note_id: int, *, resolved_on: date | None = None) -> Changes:
        with self._database.transaction() as session:
            row = session.get(tables.CreditReportNote, note_id)
            if row is None:
                raise InvalidValue("note", note_id, "no such credit-report note")
            row.resolved = True
            row.resolved_on = resolved_on or self._today()
        return Changes(notes=True)

    def edit_note(self, note_id: int, *, noted_on: date, kind: NoteKind, text: str) -> Changes:
        if not text.strip():
            raise InvalidValue("text", text, "say what the credit report shows")
        self._check_not_future("date", noted_on)
        with self._database.transaction() as session:
            row = _get_note(session, note_id)
            row.noted_on, row.kind, row.text = noted_on, kind.value, text.strip()
        return Changes(notes=True)

    def reopen_note(self, note_id: int) -> Changes:
        """Undo "mark resolved": the note counts again."""
        with self._database.transaction() as session:
            row = _get_note(session, note_id)
            row.resolved, row.resolved_on = False, None
        return Changes(notes=True)

    # -- deleting with undo: each delete returns what it removed, and restore_* puts it back ----------------

    def delete_loan_undoably(self, loan_id: int) -> tuple[Changes, DeletedLoan]:
        """delete_loan, returning the loan as it was for restore_loan."""
        with self._database.transaction() as session:
            loan = _get_loan(session, loan_id)
            deleted = DeletedLoan(
                platform=session.get(tables.Platform, loan.platform_id).name,
                loan=_row_values(session, tables.Loan, tables.Loan.id == loan_id)[0],
                installments=tuple(_row_values(session, tables.Installment, tables.Installment.loan_id == loan_id)),
                repayments=tuple(_row_values(session, tables.Repayment, tables.Repayment.loan_id == loan_id)),
            )
            session.delete(loan)
        return Changes(loan_ids=frozenset({loan_id}), loans_added_or_removed=True, payments=True), deleted

    def restore_loan(self, deleted: DeletedLoan) -> Changes:
        """Put a deleted loan back, under its old number when that is still free (``created_id`` says which)."""
        loan = dict(deleted.loan)
        with self._database.transaction() as session:
            self._check_external_id(session, loan["external_id"], loan_id=None)
            for repayment in deleted.repayments:
                self._check_source_ref_free(session, repayment["source_ref"])
            if session.get(tables.Loan, loan["id"]) is not None:
                loan["id"] = (session.exec(select(func.max(tables.Loan.id))).one() or 0) + 1
            loan["platform_id"] = self._platform_id(session, deleted.platform)
            connection = session.connection()
            connection.execute(tables.Loan.__table__.insert(), [loan])
            connection.execute(
                tables.Installment.__table__.insert(),
                [_without_id(row, loan_id=loan["id"]) for row in deleted.installments],
            )
            if deleted.repayments:
                connection.execute(
                    tables.Repayment.__table__.insert(),
                    [_without_id(row, loan_id=loan["id"]) for row in deleted.repayments],
                )
        return Changes(
            loan_ids=frozenset({loan["id"]}), loans_added_or_removed=True, payments=True, created_id=loan["id"]
        )

    def delete_repayment_undoably(self, repayment_id: int) -> tuple[Changes, DeletedRow]:
        with self._database.transaction() as session:
            rows = _row_values(session, tables.Repayment, tables.Repayment.id == repayment_id)
        if not rows:
            raise InvalidValue("repayment", repayment_id, "no such repayment")
        return self.delete_repayment(repayment_id), DeletedRow(rows[0])

    def restore_repayment(self, deleted: DeletedRow) -> Changes:
        """Put a deleted repayment back on its loan (refused if the loan is gone or no longer owes that much)."""
        row = _without_id(deleted.row)
        loan_id = row["loan_id"]
        with self._database.transaction() as session:
            _get_loan(session, loan_id)
            self._check_source_ref_free(session, row["source_ref"])
            result = session.connection().execute(tables.Repayment.__table__.insert().values(**row))
            if _reapply(session, loan_id) and not _has_payoff(session, loan_id):
                raise InvalidValue(
                    "amount", format_yuan(row["amount_fen"]), f"more than is left to pay on loan #{loan_id}"
                )
        return Changes(loan_ids=frozenset({loan_id}), payments=True, created_id=result.inserted_primary_key[0])

    def delete_note_undoably(self, note_id: int) -> tuple[Changes, DeletedRow]:
        with self._database.transaction() as session:
            row = _row_values(session, tables.CreditReportNote, tables.CreditReportNote.id == note_id)
            session.delete(_get_note(session, note_id))
        return Changes(notes=True), DeletedRow(row[0])

    def restore_note(self, deleted: DeletedRow) -> Changes:
        row = dict(deleted.row)
        with self._database.transaction() as session:
            if session.get(tables.CreditReportNote, row["id"]) is not None:
                row = _without_id(row)
            result = session.connection().execute(tables.CreditReportNote.__table__.insert().values(**row))
        return Changes(notes=True, created_id=result.inserted_primary_key[0])

    # -- bulk --------------------------------------------------------------------------------------------

    def add_history(
        self,
        loans: Iterable[HistoricLoan],
        *,
        limits: Iterable[LimitEntry] = (),
        notes: Iterable[NoteEntry] = (),
        platform_kinds: dict[str, PlatformKind] | None = None,
        repayments: Iterable[RepaymentEntry] = (),
        progress: Callable[[int, int], None] | None = None,
    ) -> Changes:
        """Load many loans with their repayments, repayments of loans already recorded, limits and notes in one
        transaction (demo data, imports). Schedules and payment states are computed here and written with
        executemany, a batch at a time so memory stays flat. ``progress(done, total)`` is called after each
        batch; anything it raises (a cancel) rolls the whole call back."""
        loans, repayments = list(loans), list(repayments)
        limits, notes = list(limits), list(notes)
        for item in loans:
            self._check_draft(item.draft)
        for entry in repayments:
            if entry.payment.amount_fen <= 0:
                raise InvalidValue("amount", format_yuan(entry.payment.amount_fen), "must be more than zero")
            self._check_not_future("paid_on", entry.payment.paid_on)
        total, done = len(loans) + len(repayments) + len(limits) + len(notes), 0
        report = progress or (lambda _done, _total: None)
        loan_ids: set[int] = set()
        with self._database.transaction() as session:
            connection = session.connection()
            platform_ids: dict[str, int] = {}

            def platform_id(name: str) -> int:
                if name not in platform_ids:
                    platform_ids[name] = self._platform_id(session, name)
                return platform_ids[name]

            for name, kind in (platform_kinds or {}).items():
                session.get(tables.Platform, platform_id(name)).kind = kind.value
            session.flush()
            next_id = (session.exec(select(func.max(tables.Loan.id))).one() or 0) + 1
            for start in range(0, len(loans), _HISTORY_BATCH):
                batch = loans[start : start + _HISTORY_BATCH]
                loan_rows, installment_rows, repayment_rows = [], [], []
                for offset, item in enumerate(batch, start=next_id + start):
                    draft = item.draft
                    loan_rows.append(_bulk_values({"id": offset, "platform_id": platform_id(draft.platform),
                                                   **_loan_fields(draft)}, _LOAN_COLUMNS))  # fmt: skip
                    installment_rows.extend(_bulk_installments(offset, build_schedule(draft.terms), item.payments))
                    refs = list(item.payment_refs) or [None] * len(item.payments)
                    repayment_rows.extend(
                        _bulk_values(_repayment_row(offset, payment, ref), _REPAYMENT_COLUMNS)
                        for payment, ref in zip(item.payments, refs, strict=True)
                    )
                # Plain executemany: SQLAlchemy's per-row parameter processing would double the time of a
                # large import (the values are already in the form the columns store).
                connection.exec_driver_sql(_bulk_insert(tables.Loan, _LOAN_COLUMNS), loan_rows)
                connection.exec_driver_sql(_bulk_insert(tables.Installment, _INSTALLMENT_COLUMNS), installment_rows)
                if repayment_rows:
                    connection.exec_driver_sql(_bulk_insert(tables.Repayment, _REPAYMENT_COLUMNS), repayment_rows)
                loan_ids.update(row[0] for row in loan_rows)
                done += len(batch)
                report(done, total)
            if repayments:
                touched = {entry.loan_id for entry in repayments}
                self._check_history_repayments(session, repayments)
                connection.execute(
                    tables.Repayment.__table__.insert(),
                    [_repayment_row(e.loan_id, e.payment, e.source_ref, e.note) for e in repayments],
                )
                _reapply_many(session, sorted(touched))
                loan_ids |= touched
                done += len(repayments)
                report(done, total)
            if limits:
                connection.execute(
                    tables.CreditLimitRecord.__table__.insert(),
                    [
                        {
                            "platform_id": platform_id(e.platform),
                            "recorded_on": e.recorded_on,
                            "limit_fen": e.limit_fen,
                            "note": e.note,
                        }
                        for e in limits
                    ],
                )
                done += len(limits)
                report(done, total)
            if notes:
                connection.execute(
                    tables.CreditReportNote.__table__.insert(),
                    [
                        {
                            "noted_on": e.noted_on,
                            "kind": e.kind.value,
                            "text": e.text,
                            "resolved": e.resolved_on is not None,
                            "resolved_on": e.resolved_on,
                        }
                        for e in notes
                    ],
                )
                done += len(notes)
                report(done, total)
        return Changes(
            loan_ids=frozenset(loan_ids),
            loans_added_or_removed=bool(loans),
            payments=True,
            platforms=True,
            limits=True,
            notes=True,
        )

    def _check_history_repayments(self, session: Session, repayments: list[RepaymentEntry]) -> None:
        """Each repayment's loan exists and was taken on or before the day it was paid."""
        borrowed = {}
        wanted = sorted({entry.loan_id for entry in repayments})
        for start in range(0, len(wanted), _HISTORY_BATCH):
            chunk = wanted[start : start + _HISTORY_BATCH]
            query = select(tables.Loan.id, tables.Loan.borrowed_on).where(col(tables.Loan.id).in_(chunk))
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

    # -- checks and helpers ------------------------------------------------------------------------------

    def _check_draft(self, draft: LoanDraft) -> None:
        if not draft.platform.strip():
            raise InvalidValue("platform", draft.platform, "name the platform (e.g. 借呗)")
        self._check_not_future("borrowed_on", draft.terms.borrowed_on)

    def _check_not_future(self, field: str, day: date) -> None:
        if day > self._today():
            raise InvalidValue(field, day.isoformat(), "is in the future")

    def _check_paid_on(self, loan: tables.Loan, paid_on: date) -> None:
        self._check_not_future("paid_on", paid_on)
        if paid_on < loan.borrowed_on:
            raise InvalidValue(
                "paid_on", paid_on.isoformat(), f"is before the loan was taken ({loan.borrowed_on.isoformat()})"
            )

    @staticmethod
    def _check_external_id(session: Session, external_id: str | None, *, loan_id: int | None) -> None:
        if external_id is None:
            return
        holder = session.exec(select(tables.Loan.id).where(tables.Loan.external_id == external_id)).first()
        if holder is not None and holder != loan_id:
            raise InvalidValue("loan_id", external_id, f"already used by loan #{holder}")

    @staticmethod
    def _check_repayments_fit(session: Session, loan: tables.Loan) -> None:
        first = session.exec(
            select(func.min(tables.Repayment.paid_on)).where(tables.Repayment.loan_id == loan.id)
        ).one()
        if first is not None and first < loan.borrowed_on:
            raise InvalidValue(
                "borrowed_on",
                loan.borrowed_on.isoformat(),
                f"is after a repayment already recorded on {first.isoformat()}",
            )

    @staticmethod
    def _check_source_ref_free(session: Session, source_ref: str | None) -> None:
        if source_ref is None:
            return
        holder = session.exec(select(tables.Repayment.id).where(tables.Repayment.source_ref == source_ref)).first()
        if holder is not None:
            raise InvalidValue("source_ref", source_ref, "a repayment with this reference was recorded since")

    @staticmethod
    def _platform_id(session: Session, name: str) -> int:
        """The platform's id, creating it (with a kind guessed from its name) the first time it is named."""
        name = name.strip()
        found = session.exec(select(tables.Platform.id).where(tables.Platform.name == name)).first()
        if found is not None:
            return found
        platform = tables.Platform(name=name, kind=guess_platform_kind(name).value)
        session.add(platform)
        session.flush()
        return platform.id


def _loan_fields(draft: LoanDraft) -> dict:
    terms = draft.terms
    return {
        "external_id": draft.external_id or None,
        "borrowed_on": terms.borrowed_on,
        "principal_fen": terms.principal_fen,
        "term_months": terms.term_months,
        "method": terms.method.value,
        "annual_rate": format(terms.rate.annual.normalize(), "f"),
        "rate_basis": terms.rate.basis.value,
        "purpose": draft.purpose.value,
        "autopay": draft.autopay,
        "note": draft.note,
    }


def _installment_row(loan_id: int, installment: Installment, state=None) -> dict:
    return {
        "loan_id": loan_id,
        "seq": installment.seq,
        "due_on": installment.due_on,
        "principal_fen": installment.principal_fen,
        "interest_fen": installment.interest_fen,
        "corrected": False,
        "paid_interest_fen": state.paid_interest_fen if state else 0,
        "paid_principal_fen": state.paid_principal_fen if state else 0,
        "settled_on": state.settled_on if state else None,
    }


_LOAN_COLUMNS = (
    "id", "platform_id", "external_id", "borrowed_on", "principal_fen", "term_months", "method", "annual_rate",
    "rate_basis", "purpose", "autopay", "note",
)  # fmt: skip
_INSTALLMENT_COLUMNS = (
    "loan_id", "seq", "due_on", "principal_fen", "interest_fen", "corrected", "paid_interest_fen",
    "paid_principal_fen", "settled_on",
)  # fmt: skip
_REPAYMENT_COLUMNS = ("loan_id", "paid_on", "amount_fen", "is_payoff", "note", "source_ref")


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


def _bulk_installments(loan_id: int, schedule: list[Installment], payments: Sequence[Payment]) -> list[tuple]:
    """Installment rows for executemany. With nothing paid there is no payment arithmetic to do, unless an
    installment asks for 0 (apply_payments counts those settled on their due date)."""
    if payments or any(inst.total_fen == 0 for inst in schedule):
        states = apply_payments(schedule, payments).states
        return [_bulk_values(_installment_row(loan_id, s.installment, s), _INSTALLMENT_COLUMNS) for s in states]
    return [
        (loan_id, inst.seq, inst.due_on.isoformat(), inst.principal_fen, inst.interest_fen, 0, 0, 0, None)
        for inst in schedule
    ]


def _repayment_row(loan_id: int, payment: Payment, source_ref: str | None, note: str = "") -> dict:
    return {
        "loan_id": loan_id,
        "paid_on": payment.paid_on,
        "amount_fen": payment.amount_fen,
        "is_payoff": payment.is_payoff,
        "note": note,
        "source_ref": source_ref,
    }


def _insert_schedule(session: Session, loan_id: int, schedule: list[Installment]) -> None:
    session.execute(insert(tables.Installment), [_installment_row(loan_id, inst) for inst in schedule])


def _get_loan(session: Session, loan_id: int) -> tables.Loan:
    loan = session.get(tables.Loan, loan_id)
    if loan is None:
        raise InvalidValue("loan", loan_id, "no such loan")
    return loan


def _get_note(session: Session, note_id: int) -> tables.CreditReportNote:
    row = session.get(tables.CreditReportNote, note_id)
    if row is None:
        raise InvalidValue("note", note_id, "no such credit-report note")
    return row


def _row_values(session: Session, table, condition) -> list[dict]:
    """Rows of a table as plain column dicts (what undo keeps)."""
    return [dict(row) for row in session.execute(select(table.__table__).where(condition)).mappings()]


def _without_id(row: dict, **changes) -> dict:
    values = {key: value for key, value in row.items() if key != "id"}
    values.update(changes)
    return values


def _has_payoff(session: Session, loan_id: int) -> bool:
    return (
        session.exec(
            select(tables.Repayment.id).where(tables.Repayment.loan_id == loan_id, col(tables.Repayment.is_payoff))
        ).first()
        is not None
    )


def _application(session: Session, loan_id: int):
    """The loan's installment rows, and the result of applying its repayments to them."""
    rows, repayments = loan_schedule_rows(session, loan_id)
    return rows, apply_payments([installment_of(r) for r in rows], [payment_of(r) for r in repayments])


def _states(session: Session, loan_id: int):
    return _application(session, loan_id)[1].states


def _reapply(session: Session, loan_id: int) -> int:
    """Recompute what is paid on each installment of the loan from its repayments; returns unapplied fen."""
    rows, application = _application(session, loan_id)
    session.execute(
        update(tables.Installment),
        [
            {
                "id": row.id,
                "paid_interest_fen": state.paid_interest_fen,
                "paid_principal_fen": state.paid_principal_fen,
                "settled_on": state.settled_on,
            }
            for row, state in zip(rows, application.states, strict=True)
        ],
    )
    session.expire_all()
    return application.unapplied_fen


def _reapply_many(session: Session, loan_ids: list[int]) -> None:
    """_reapply for many loans with one query per table per batch (bulk repayments). A loan paid more than its
    schedule asks for, without a payoff, is refused as log_repayment refuses it."""
    for start in range(0, len(loan_ids), _HISTORY_BATCH):
        chunk = loan_ids[start : start + _HISTORY_BATCH]
        inst_rows = session.exec(
            select(tables.Installment)
            .where(col(tables.Installment.loan_id).in_(chunk))
            .order_by(tables.Installment.loan_id, tables.Installment.seq)
        ).all()
        pay_rows = session.exec(
            select(tables.Repayment)
            .where(col(tables.Repayment.loan_id).in_(chunk))
            .order_by(tables.Repayment.loan_id, tables.Repayment.paid_on, tables.Repayment.id)
        ).all()
        installments: dict[int, list] = {}
        for row in inst_rows:
            installments.setdefault(row.loan_id, []).append(row)
        payments: dict[int, list] = {}
        for row in pay_rows:
            payments.setdefault(row.loan_id, []).append(row)
        updates = []
        for loan_id in chunk:
            rows = installments.get(loan_id, [])
            paid = payments.get(loan_id, [])
            application = apply_payments([installment_of(r) for r in rows], [payment_of(r) for r in paid])
            if application.unapplied_fen and not any(r.is_payoff for r in paid):
                raise InvalidValue(
                    "amount",
                    format_yuan(application.unapplied_fen),
                    f"is paid on loan #{loan_id} beyond everything its schedule asks for",
                )
            updates.extend(
                {
                    "id": row.id,
                    "paid_interest_fen": state.paid_interest_fen,
                    "paid_principal_fen": state.paid_principal_fen,
                    "settled_on": state.settled_on,
                }
                for row, state in zip(rows, application.states, strict=True)
            )
        if updates:
            session.execute(update(tables.Installment), updates)
    session.expire_all()
