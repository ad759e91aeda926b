"""The ledger: the only way anything is written. Every call is one transaction and returns its Changes.

``Ledger`` is one class put together from the parts in this package, each a module of functions over the ledger's
``base`` (the database, today's date and the checks made before a write): ``bulk`` (``add_history``),
``repayments``, ``undo`` (undoable deletes and putting deleted rows back), ``import_undo`` (``undo_import``) and
``schedules`` (a part prepayment, and swapping a schedule back).
The class body lists every write, its own (loans, limits, notes) and each part's; the parts' record types are
importable from here too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import wraps

from sqlalchemy import insert
from sqlmodel import select

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.past import PastRepayments
from jiebei_tracker.domain.penalty import parse_multiplier
from jiebei_tracker.domain.rates import decimal_text
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.schedule import build_schedule
from jiebei_tracker.domain.text import clean_name
from jiebei_tracker.domain.vocabulary import InquiryReason, NoteKind, PlatformKind, RepaymentSource, ScheduleSource
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.ledger import bulk, import_undo, repayments, schedules, undo
from jiebei_tracker.services.ledger.base import (
    LedgerBase,
    get_limit,
    get_loan,
    get_note,
    has_payoff,
    insert_schedule,
    loan_fields,
    reapply,
    repayment_row,
)
from jiebei_tracker.services.ledger.bulk import HistoricLoan, LimitEntry, NoteEntry, RepaymentEntry, checked_limit
from jiebei_tracker.services.ledger.repayments import InstallmentKey
from jiebei_tracker.services.ledger.undo import DeletedLoan, DeletedRow
from jiebei_tracker.storage import tables
from jiebei_tracker.storage.convert import terms_of
from jiebei_tracker.storage.queries import loan_schedule_rows

__all__ = [
    "DeletedLoan",
    "DeletedRow",
    "HistoricLoan",
    "InstallmentKey",
    "Ledger",
    "LimitEntry",
    "NoteEntry",
    "RepaymentEntry",
]


class Ledger(LedgerBase):
    """All writes go through here. Bad values raise InvalidValue before anything is written."""

    # -- the parts' writes -------------------------------------------------------------------------------

    add_history = bulk.add_history

    log_repayment = repayments.log_repayment
    log_repayment_undoably = repayments.log_repayment_undoably
    pay_off = repayments.pay_off
    edit_repayment = repayments.edit_repayment
    record_installments_paid = repayments.record_installments_paid
    undo_repayments = repayments.undo_repayments
    delete_repayment = repayments.delete_repayment
    delete_repayment_undoably = repayments.delete_repayment_undoably

    delete_loan_undoably = undo.delete_loan_undoably
    restore_loan = undo.restore_loan
    restore_repayment = undo.restore_repayment
    delete_note_undoably = undo.delete_note_undoably
    restore_note = undo.restore_note
    delete_limit_undoably = undo.delete_limit_undoably
    restore_limit = undo.restore_limit

    undo_import = import_undo.undo_import
    undo_import_counted = import_undo.undo_import_counted

    prepay = schedules.prepay
    use_platform_plan = schedules.use_platform_plan
    use_plans = schedules.use_plans
    swap_schedule = schedules.swap_schedule

    # -- loans -------------------------------------------------------------------------------------------

    def add_loan(self, draft: LoanDraft, past: PastRepayments | None = None) -> Changes:
        """Record a loan and its schedule. ``past`` says what happened to the installments already due (see
        domain/past.py); None records none of them paid, as ``PastRepayments.unpaid()`` does."""
        draft = self._check_draft(draft, past)
        schedule = build_schedule(draft.terms)
        outcome = self.past_outcome(draft, past, schedule)
        with self._database.transaction() as session:
            self._check_external_id(session, draft.external_id, loan_id=None)
            loan = tables.LoanTable(
                platform_id=self._platform_id(session, draft.platform),
                autopay_since=draft.terms.borrowed_on if draft.autopay else None,
                **loan_fields(draft),
            )
            session.add(loan)
            session.flush()
            loan_id = loan.id
            insert_schedule(session, loan_id, schedule)
            if outcome.payments:
                session.execute(
                    insert(tables.RepaymentTable),
                    [repayment_row(loan_id, p, None, source=RepaymentSource.SCHEDULE) for p in outcome.payments],
                )
                reapply(session, loan_id)
        return Changes(loan_ids=frozenset({loan_id}), loans_added_or_removed=True, payments=True, created_id=loan_id)

    def edit_loan(self, loan_id: int, draft: LoanDraft, *, replace_schedule: bool = False) -> Changes:
        """Change a loan. When its terms change, the schedule is built again (hand corrections are dropped)
        and the recorded repayments are applied to it afresh. A schedule changed by a part prepayment, or the
        platform's own, is only replaced when ``replace_schedule`` says so (else InvalidValue on ``schedule``)."""
        draft = self._check_draft(draft)
        with self._database.transaction() as session:
            loan = get_loan(session, loan_id)
            self._check_external_id(session, draft.external_id, loan_id=loan_id)
            old_terms = terms_of(loan)
            if draft.autopay != loan.autopay:
                # Switched on today: the installments falling due from now on are the ones deducted.
                loan.autopay_since = self._today() if draft.autopay else None
            loan.platform_id = self._platform_id(session, draft.platform)
            for name, value in loan_fields(draft).items():
                setattr(loan, name, value)
            if old_terms != terms_of(loan):
                source = ScheduleSource(loan.schedule_source)
                if source is not ScheduleSource.COMPUTED and not replace_schedule:
                    raise InvalidValue(
                        "schedule",
                        source.value,
                        f"the schedule is {source.label('en').lower()}: new terms build it again from them",
                    )
                loan.schedule_source = ScheduleSource.COMPUTED.value
                self._check_repayments_fit(session, loan)
                session.execute(
                    tables.InstallmentTable.__table__.delete().where(tables.InstallmentTable.loan_id == loan_id)
                )
                insert_schedule(session, loan_id, build_schedule(draft.terms))
                unapplied = reapply(session, loan_id)
                if unapplied and not has_payoff(session, loan_id):
                    raise InvalidValue(
                        "principal",
                        format_yuan(draft.terms.principal_fen),
                        f"the repayments already recorded are {format_yuan(unapplied)} more than the new "
                        "schedule asks for; delete some repayments first",
                    )
        return Changes(loan_ids=frozenset({loan_id}), payments=True)

    def delete_loan(self, loan_id: int) -> Changes:
        """Delete a loan with its schedule and repayments (``delete_loan_undoably`` without what undo needs)."""
        return self.delete_loan_undoably(loan_id)[0]

    def correct_installment(
        self, loan_id: int, seq: int, *, principal_fen: int | None = None, interest_fen: int | None = None
    ) -> Changes:
        """Set one installment's amounts by hand, where a platform rounds differently. A change of principal
        is balanced on the last installment so the principals still add up to the loan."""
        with self._database.transaction() as session:
            get_loan(session, loan_id)
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
            reapply(session, loan_id)
        return Changes(loan_ids=frozenset({loan_id}), payments=True)

    # -- platforms, limits, credit-report notes ----------------------------------------------------------

    def set_platform_kind(self, name: str, kind: PlatformKind) -> Changes:
        name = clean_name(name, "platform")
        with self._database.transaction() as session:
            platform = session.get(tables.Platform, self._platform_id(session, name))
            platform.kind = kind.value
        return Changes(platforms=True)

    def set_penalty_multiplier(self, name: str, multiplier: Decimal) -> Changes:
        """Set how many times the daily rate the platform charges on what is overdue; the penalty interest its
        loans' late repayments paid is worked out again."""
        name = clean_name(name, "platform")
        multiplier = parse_multiplier(str(multiplier), field="penalty_multiplier")
        with self._database.transaction() as session:
            platform = session.get(tables.Platform, self._platform_id(session, name))
            platform.penalty_multiplier = decimal_text(multiplier)
            session.flush()
            loan_ids = session.exec(
                select(tables.LoanTable.id).where(tables.LoanTable.platform_id == platform.id)
            ).all()
            for loan_id in loan_ids:
                reapply(session, loan_id)
        return Changes(loan_ids=frozenset(loan_ids), platforms=True, payments=bool(loan_ids))

    def record_limit(self, platform: str, *, recorded_on: date, limit_fen: int, note: str = "") -> Changes:
        entry = checked_limit(self, LimitEntry(platform, recorded_on, limit_fen, note))
        with self._database.transaction() as session:
            row = tables.CreditLimitRecord(
                platform_id=self._platform_id(session, entry.platform),
                recorded_on=recorded_on,
                limit_fen=limit_fen,
                note=entry.note,
            )
            session.add(row)
            session.flush()
        return Changes(limits=True, platforms=True, created_id=row.id)

    def edit_limit(self, limit_id: int, *, recorded_on: date, limit_fen: int, note: str = "") -> Changes:
        """Correct a limit record's day, amount or note (its platform stays)."""
        with self._database.transaction() as session:
            row = get_limit(session, limit_id)
            platform = session.get(tables.Platform, row.platform_id).name
            entry = checked_limit(self, LimitEntry(platform, recorded_on, limit_fen, note))
            row.recorded_on, row.limit_fen, row.note = recorded_on, limit_fen, entry.note
        return Changes(limits=True)

    def delete_limit(self, limit_id: int) -> Changes:
        """Delete a limit record (``delete_limit_undoably`` without what undo needs)."""
        return self.delete_limit_undoably(limit_id)[0]

    def add_note(
        self,
        *,
        noted_on: date,
        kind: NoteKind,
        text: str,
        reason: InquiryReason | None = None,
        institution: str = "",
    ) -> Changes:
        """Record a credit-report line. An inquiry given no reason takes the one its text names (else other)."""
        text = self._checked_note_text(text, noted_on)
        reason_id, institution = self._checked_inquiry(kind, text, reason, institution)
        with self._database.transaction() as session:
            row = tables.CreditReportNote(
                noted_on=noted_on, kind=kind.value, text=text.strip(), reason=reason_id, institution=institution
            )
            session.add(row)
            session.flush()
        return Changes(notes=True, created_id=row.id)

    def resolve_note(self, note_id: int, *, resolved_on: date | None = None) -> Changes:
        with self._database.transaction() as session:
            row = get_note(session, note_id)
            if resolved_on is not None:
                self._check_day("resolved_on", resolved_on)
            row.resolved = True
            row.resolved_on = resolved_on or self._today()
        return Changes(notes=True)

    def edit_note(
        self,
        note_id: int,
        *,
        noted_on: date,
        kind: NoteKind,
        text: str,
        reason: InquiryReason | None = None,
        institution: str = "",
    ) -> Changes:
        text = self._checked_note_text(text, noted_on)
        reason_id, institution = self._checked_inquiry(kind, text, reason, institution)
        with self._database.transaction() as session:
            row = get_note(session, note_id)
            row.noted_on, row.kind, row.text = noted_on, kind.value, text.strip()
            row.reason, row.institution = reason_id, institution
        return Changes(notes=True)

    def reopen_note(self, note_id: int) -> Changes:
        """Undo "mark resolved": the note counts again."""
        with self._database.transaction() as session:
            row = get_note(session, note_id)
            row.resolved, row.resolved_on = False, None
        return Changes(notes=True)


def _signed(write: Callable) -> Callable:
    """``write`` with the Changes it returns (alone, or first of a tuple) saying who made them (``Changes.who``)."""

    @wraps(write)
    def signed(ledger: Ledger, *args, **kwargs):
        made = write(ledger, *args, **kwargs)
        if isinstance(made, tuple):
            return (replace(made[0], who=write.__name__), *made[1:])
        return replace(made, who=write.__name__)

    return signed


WRITES = tuple(name for name, value in vars(Ledger).items() if callable(value) and not name.startswith("_"))
"""Every write the ledger makes: each returns Changes signed with its name."""
for _name in WRITES:
    setattr(Ledger, _name, _signed(getattr(Ledger, _name)))
