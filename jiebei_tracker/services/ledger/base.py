"""The ledger's foundation: its checks and the row helpers its parts share (loans, bulk loading, undo)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import func, insert, update
from sqlmodel import Session, col, select

from jiebei_tracker.domain.dates import check_day
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import check_amount
from jiebei_tracker.domain.past import PastOutcome, PastRepayments, past_outcome
from jiebei_tracker.domain.payments import Payment, apply_payments
from jiebei_tracker.domain.penalty import PenaltyTerms
from jiebei_tracker.domain.rates import decimal_text
from jiebei_tracker.domain.records import LoanDraft, guess_platform_kind
from jiebei_tracker.domain.schedule import MAX_TERM_MONTHS, MIN_TERM_MONTHS, PlannedInstallment, build_schedule
from jiebei_tracker.domain.text import clean_line, clean_name, clean_note
from jiebei_tracker.domain.vocabulary import InquiryReason, NoteKind, RepaymentSource
from jiebei_tracker.services.settings import grace_days_in
from jiebei_tracker.storage import tables
from jiebei_tracker.storage.convert import installment_of, payment_of
from jiebei_tracker.storage.database import Database
from jiebei_tracker.storage.queries import loan_schedule_rows


class LedgerBase:
    """What every part of the ledger needs: the database, today's date, and the checks made before a write."""

    def __init__(self, *, database: Database, today: Callable[[], date] = date.today) -> None:
        self._database = database
        self._today = today

    def _check_draft(self, draft: LoanDraft, past: PastRepayments | None = None) -> LoanDraft:
        """The draft as it is stored (names trimmed), or InvalidValue for any value out of bounds."""
        if not MIN_TERM_MONTHS <= draft.terms.term_months <= MAX_TERM_MONTHS:
            raise InvalidValue(
                "term_months", draft.terms.term_months, f"must be {MIN_TERM_MONTHS} to {MAX_TERM_MONTHS} months"
            )
        check_amount(draft.terms.principal_fen, field="principal")
        if past is not None and past.payoff_fen is not None:
            check_amount(past.payoff_fen, field="payoff_amount")
        self._check_day("borrowed_on", draft.terms.borrowed_on)
        platform, note = clean_name(draft.platform, "platform"), clean_note(draft.note, "note")
        external_id = clean_line(draft.external_id, "loan_id") or None if draft.external_id else None
        if (platform, note, external_id) == (draft.platform, draft.note, draft.external_id):
            return draft
        return replace(draft, platform=platform, note=note, external_id=external_id)

    def past_outcome(
        self, draft: LoanDraft, past: PastRepayments | None, schedule: list[PlannedInstallment] | None = None
    ) -> PastOutcome:
        """What ``add_loan`` records for the installments already due (the editor shows it before saving).
        ``schedule`` is the draft's, when the caller has built it already."""
        return past_outcome(
            schedule if schedule is not None else build_schedule(draft.terms),
            past or PastRepayments.unpaid(),
            rate=draft.terms.rate,
            borrowed_on=draft.terms.borrowed_on,
            today=self._today(),
        )

    def _check_day(self, field: str, day: date) -> None:
        """Every day the ledger records is from 1990-01-01 (EARLIEST_DAY) to today."""
        check_day(day, field=field, today=self._today())

    def _checked_note_text(self, text: str, noted_on: date) -> str:
        """A credit-report note's text as stored (no control characters, not blank), noted on a day in bounds."""
        text = clean_note(text, "text")
        if not text.strip():
            raise InvalidValue("text", text, "say what the credit report shows")
        self._check_day("date", noted_on)
        return text

    @staticmethod
    def _checked_inquiry(kind: NoteKind, text: str, reason: InquiryReason | None, institution: str) -> tuple[str, str]:
        """An inquiry's reason and institution as stored: the reason given, else the one the text names (else
        other); a note of another kind has neither."""
        institution = clean_line(institution, "institution").strip() if institution else ""
        if kind is not NoteKind.INQUIRY:
            if reason is not None:
                raise InvalidValue("reason", reason.value, "only an inquiry (查询记录) has a reason")
            return "", institution
        return (reason or InquiryReason.named_in(text)).value, institution

    def _check_paid_on(self, loan: tables.LoanTable, paid_on: date) -> None:
        self._check_day("paid_on", paid_on)
        if paid_on < loan.borrowed_on:
            raise InvalidValue(
                "paid_on", paid_on.isoformat(), f"is before the loan was taken ({loan.borrowed_on.isoformat()})"
            )

    @staticmethod
    def _check_external_id(session: Session, external_id: str | None, *, loan_id: int | None) -> None:
        if external_id is None:
            return
        holder = session.exec(select(tables.LoanTable.id).where(tables.LoanTable.external_id == external_id)).first()
        if holder is not None and holder != loan_id:
            raise InvalidValue("loan_id", external_id, f"already used by loan #{holder}")

    @staticmethod
    def _check_repayments_fit(session: Session, loan: tables.LoanTable) -> None:
        first = session.exec(
            select(func.min(tables.RepaymentTable.paid_on)).where(tables.RepaymentTable.loan_id == loan.id)
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
        holder = session.exec(
            select(tables.RepaymentTable.id).where(tables.RepaymentTable.source_ref == source_ref)
        ).first()
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


def loan_fields(draft: LoanDraft) -> dict:
    terms = draft.terms
    return {
        "external_id": draft.external_id or None,
        "borrowed_on": terms.borrowed_on,
        "principal_fen": terms.principal_fen,
        "term_months": terms.term_months,
        "method": terms.method.value,
        "annual_rate": decimal_text(terms.rate.annual),
        "rate_basis": terms.rate.basis.value,
        "interest_basis": terms.interest_basis.value,
        "fee_upfront_fen": terms.fees.upfront_fen,
        "fee_per_installment_fen": terms.fees.per_installment_fen,
        "fee_rate": decimal_text(terms.fees.monthly_rate) if terms.fees.monthly_rate else "0",
        "interest_free_days": terms.interest_free_days,
        "purpose": draft.purpose.value,
        "autopay": draft.autopay,
        "note": draft.note,
    }


def installment_row(loan_id: int, installment: PlannedInstallment, state=None) -> dict:
    return {
        "loan_id": loan_id,
        "seq": installment.seq,
        "due_on": installment.due_on,
        "principal_fen": installment.principal_fen,
        "interest_fen": installment.interest_fen,
        "fee_fen": installment.fee_fen,
        "corrected": False,
        "paid_interest_fen": state.paid_interest_fen if state else 0,
        "paid_penalty_fen": state.paid_penalty_fen if state else 0,
        "paid_principal_fen": state.paid_principal_fen if state else 0,
        "settled_on": state.settled_on if state else None,
    }


def repayment_row(
    loan_id: int,
    payment: Payment,
    source_ref: str | None,
    note: str = "",
    source: RepaymentSource = RepaymentSource.MANUAL,
) -> dict:
    return {
        "loan_id": loan_id,
        "paid_on": payment.paid_on,
        "amount_fen": payment.amount_fen,
        "is_payoff": payment.is_payoff,
        "note": note,
        "source_ref": source_ref,
        "source": source.value,
    }


def insert_schedule(session: Session, loan_id: int, schedule: list[PlannedInstallment]) -> None:
    session.execute(insert(tables.InstallmentTable), [installment_row(loan_id, inst) for inst in schedule])


def get_loan(session: Session, loan_id: int) -> tables.LoanTable:
    loan = session.get(tables.LoanTable, loan_id)
    if loan is None:
        raise InvalidValue("loan", loan_id, "no such loan")
    return loan


def get_note(session: Session, note_id: int) -> tables.CreditReportNote:
    row = session.get(tables.CreditReportNote, note_id)
    if row is None:
        raise InvalidValue("note", note_id, "no such credit-report note")
    return row


def get_limit(session: Session, limit_id: int) -> tables.CreditLimitRecord:
    row = session.get(tables.CreditLimitRecord, limit_id)
    if row is None:
        raise InvalidValue("limit", limit_id, "no such limit record")
    return row


def row_values(session: Session, table, condition) -> list[dict]:
    """Rows of a table as plain column dicts (what undo keeps)."""
    return [dict(row) for row in session.execute(select(table.__table__).where(condition)).mappings()]


def take_repayments(session: Session, repayment_ids) -> list[dict]:
    """Delete these repayments, returning their rows (what undo puts back); InvalidValue if one is gone."""
    removed = []
    for repayment_id in repayment_ids:
        rows = row_values(session, tables.RepaymentTable, tables.RepaymentTable.id == repayment_id)
        if not rows:
            raise InvalidValue("repayment", repayment_id, "no such repayment (changed since)")
        removed.append(rows[0])
        session.delete(session.get(tables.RepaymentTable, repayment_id))
    session.flush()
    return removed


def without_id(row: dict, **changes) -> dict:
    values = {key: value for key, value in row.items() if key != "id"}
    values.update(changes)
    return values


def has_payoff(session: Session, loan_id: int) -> bool:
    return (
        session.exec(
            select(tables.RepaymentTable.id).where(
                tables.RepaymentTable.loan_id == loan_id, col(tables.RepaymentTable.is_payoff)
            )
        ).first()
        is not None
    )


def applied_payments(session: Session, loan_id: int, *, as_of: date | None = None, penalty: PenaltyTerms | None = None):
    """The loan's installment rows, and the result of applying its repayments to them (those made by ``as_of``
    when given), a late repayment's surplus paying penalty interest (``domain.penalty``) on the loan's penalty
    terms (read here unless the caller has them already)."""
    rows, repayments = loan_schedule_rows(session, loan_id)
    return rows, apply_payments(
        [installment_of(r) for r in rows],
        [payment_of(r) for r in repayments],
        as_of=as_of,
        penalty=penalty or penalty_terms_for(session, [loan_id]).get(loan_id),
    )


def penalty_terms_for(session: Session, loan_ids: list[int]) -> dict[int, PenaltyTerms]:
    """Each loan's penalty terms: its annual rate, its platform's multiplier, the grace days setting."""
    grace = grace_days_in(session.connection().connection)
    loan, platform = tables.LoanTable, tables.Platform
    rows = session.exec(
        select(loan.id, loan.annual_rate, platform.penalty_multiplier)
        .join(platform, platform.id == loan.platform_id)
        .where(col(loan.id).in_(loan_ids))
    ).all()
    return {loan_id: PenaltyTerms(Decimal(rate), Decimal(multiplier), grace) for loan_id, rate, multiplier in rows}


def loan_states(session: Session, loan_id: int, penalty: PenaltyTerms | None = None):
    return applied_payments(session, loan_id, penalty=penalty)[1].states


def state_updates(rows: list[tables.InstallmentTable], states) -> list[dict]:
    """The paid amounts and settled dates to write back onto installment rows after applying payments."""
    return [
        {
            "id": row.id,
            "paid_interest_fen": state.paid_interest_fen,
            "paid_principal_fen": state.paid_principal_fen,
            "settled_on": state.settled_on,
            "paid_penalty_fen": state.paid_penalty_fen,
        }
        for row, state in zip(rows, states, strict=True)
    ]


def reapply(session: Session, loan_id: int) -> int:
    """Recompute what is paid on each installment of the loan from its repayments; returns unapplied fen."""
    rows, application = applied_payments(session, loan_id)
    session.execute(
        update(tables.InstallmentTable),
        state_updates(rows, application.states),
    )
    session.expire_all()
    return application.unapplied_fen
