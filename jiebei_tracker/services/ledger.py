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
    """A loan with the repayments already made on it, for bulk loading (demo data, imports)."""

    draft: LoanDraft
    payments: Sequence[Payment] = ()


@dataclass(frozen=True)
class LimitEntry:
    platform: str
    recorded_on: date
    limit_fen: int


@dataclass(frozen=True)
class NoteEntry:
    noted_on: date
    kind: NoteKind
    text: str
    resolved_on: date | None = None


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

    # -- bulk --------------------------------------------------------------------------------------------

    def add_history(
        self,
        loans: Iterable[HistoricLoan],
        *,
        limits: Iterable[LimitEntry] = (),
        notes: Iterable[NoteEntry] = (),
        platform_kinds: dict[str, PlatformKind] | None = None,
    ) -> Changes:
        """Load many loans with their repayments, limits and notes in one transaction (demo data, imports).
        Schedules and payment states are computed here and written with executemany."""
        loans = list(loans)
        for item in loans:
            self._check_draft(item.draft)
        with self._database.transaction() as session:
            for name, kind in (platform_kinds or {}).items():
                session.get(tables.Platform, self._platform_id(session, name)).kind = kind.value
            next_id = (session.exec(select(func.max(tables.Loan.id))).one() or 0) + 1
            loan_rows, installment_rows, repayment_rows = [], [], []
            platform_ids: dict[str, int] = {}
            for offset, item in enumerate(loans):
                loan_id = next_id + offset
                draft = item.draft
                if draft.platform not in platform_ids:
                    platform_ids[draft.platform] = self._platform_id(session, draft.platform)
                loan_rows.append({"id": loan_id, "platform_id": platform_ids[draft.platform], **_loan_fields(draft)})
                schedule = build_schedule(draft.terms)
                application = apply_payments(schedule, item.payments)
                installment_rows.extend(
                    _installment_row(loan_id, state.installment, state) for state in application.states
                )
                repayment_rows.extend(
                    {
                        "loan_id": loan_id,
                        "paid_on": p.paid_on,
                        "amount_fen": p.amount_fen,
                        "is_payoff": p.is_payoff,
                        "note": "",
                        "source_ref": None,
                    }
                    for p in item.payments
                )
            if loan_rows:
                session.execute(insert(tables.Loan), loan_rows)
                session.execute(insert(tables.Installment), installment_rows)
            if repayment_rows:
                session.execute(insert(tables.Repayment), repayment_rows)
            for entry in limits:
                session.add(
                    tables.CreditLimitRecord(
                        platform_id=self._platform_id(session, entry.platform),
                        recorded_on=entry.recorded_on,
                        limit_fen=entry.limit_fen,
                    )
                )
            for entry in notes:
                session.add(
                    tables.CreditReportNote(
                        noted_on=entry.noted_on,
                        kind=entry.kind.value,
                        text=entry.text,
                        resolved=entry.resolved_on is not None,
                        resolved_on=entry.resolved_on,
                    )
                )
        ids = frozenset(row["id"] for row in loan_rows)
        return Changes(
            loan_ids=ids, loans_added_or_removed=bool(ids), payments=True, platforms=True, limits=True, notes=True
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


def _insert_schedule(session: Session, loan_id: int, schedule: list[Installment]) -> None:
    session.execute(insert(tables.Installment), [_installment_row(loan_id, inst) for inst in schedule])


def _get_loan(session: Session, loan_id: int) -> tables.Loan:
    loan = session.get(tables.Loan, loan_id)
    if loan is None:
        raise InvalidValue("loan", loan_id, "no such loan")
    return loan


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
