"""The ledger's repayment writes: log, settle early, edit, delete, record installments as paid (from the schedule or
an autopay deduction), and undo any of them. Each returns its Changes and, where undo needs it, a RepaymentEdit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import check_amount, format_yuan
from jiebei_tracker.domain.payments import nearest_assumed, owed_on, propose_payoff, remaining_total
from jiebei_tracker.domain.text import clean_note
from jiebei_tracker.domain.vocabulary import RepaymentSource
from jiebei_tracker.services.changes import Changes, RepaymentEdit
from jiebei_tracker.services.ledger.base import (
    LedgerBase,
    get_loan,
    has_payoff,
    loan_states,
    penalty_terms_for,
    reapply,
    row_values,
    take_repayments,
)
from jiebei_tracker.services.ledger.undo import DeletedRow
from jiebei_tracker.services.loans import change_refused
from jiebei_tracker.storage import tables
from jiebei_tracker.storage.convert import rate_of


@dataclass(frozen=True)
class InstallmentKey:
    """One installment of a loan: ``seq`` is 1 … term."""

    loan_id: int
    seq: int


def log_repayment(
    ledger: LedgerBase,
    loan_id: int,
    *,
    paid_on: date,
    amount_fen: int,
    note: str = "",
    source_ref: str | None = None,
    source: RepaymentSource = RepaymentSource.MANUAL,
) -> Changes:
    """Record money paid; it goes to the earliest open installment, interest first, the rest flowing on."""
    return log_repayment_undoably(
        ledger, loan_id, paid_on=paid_on, amount_fen=amount_fen, note=note, source_ref=source_ref, source=source
    )[0]


def log_repayment_undoably(
    ledger: LedgerBase,
    loan_id: int,
    *,
    paid_on: date,
    amount_fen: int,
    note: str = "",
    source_ref: str | None = None,
    source: RepaymentSource = RepaymentSource.MANUAL,
) -> tuple[Changes, RepaymentEdit]:
    """log_repayment, with what undo needs. A repayment typed by hand for an installment the app had recorded
    as paid from the schedule or autopay (see ``nearest_assumed``) replaces that record: it is the same
    installment, paid, and counting both would pay the loan twice."""
    if amount_fen <= 0:
        raise InvalidValue("amount", format_yuan(amount_fen), "must be more than zero")
    check_amount(amount_fen, field="amount")
    note = clean_note(note, "note")
    with ledger._database.transaction() as session:
        loan = get_loan(session, loan_id)
        ledger._check_paid_on(loan, paid_on)
        replaced = []
        if source is RepaymentSource.MANUAL:
            replaced = _assumed_twin(session, loan_id, paid_on)
            for row in replaced:
                session.delete(session.get(tables.RepaymentTable, row["id"]))
            session.flush()
        penalty = penalty_terms_for(session, [loan_id])[loan_id]
        states = loan_states(session, loan_id, penalty)
        if remaining_total(states) == 0:
            raise InvalidValue("loan", loan_id, f"loan #{loan_id} is already settled")
        # A late repayment may bring the penalty interest run up too: the waterfall records it as such.
        left = owed_on(states, penalty, paid_on).total_fen
        if amount_fen > left:
            raise InvalidValue(
                "amount",
                format_yuan(amount_fen),
                f"more than the {format_yuan(left)} left to pay on loan #{loan_id} (use payoff to settle early)",
            )
        row = tables.RepaymentTable(
            loan_id=loan_id, paid_on=paid_on, amount_fen=amount_fen, note=note, source_ref=source_ref,
            source=source.value,
        )  # fmt: skip
        session.add(row)
        session.flush()
        reapply(session, loan_id)
        added = row.id
    return (
        Changes(loan_ids=frozenset({loan_id}), payments=True, created_id=added),
        RepaymentEdit((added,), tuple(replaced)),
    )


def pay_off(
    ledger: LedgerBase, loan_id: int, *, paid_on: date, amount_fen: int | None = None, note: str = ""
) -> Changes:
    """Settle a loan early. Without an amount, the proposed one (see ``propose_payoff``) is recorded."""
    if amount_fen is not None:
        check_amount(amount_fen, field="amount")
    note = clean_note(note, "note")
    with ledger._database.transaction() as session:
        loan = get_loan(session, loan_id)
        ledger._check_paid_on(loan, paid_on)
        penalty = penalty_terms_for(session, [loan_id])[loan_id]
        states = loan_states(session, loan_id, penalty)
        if remaining_total(states) == 0:
            raise InvalidValue("loan", loan_id, f"loan #{loan_id} is already settled")
        if amount_fen is None:
            amount_fen = propose_payoff(
                states, rate=rate_of(loan), borrowed_on=loan.borrowed_on, paid_on=paid_on, penalty=penalty
            ).amount_fen
        if amount_fen <= 0:
            raise InvalidValue("amount", format_yuan(amount_fen), "must be more than zero")
        row = tables.RepaymentTable(loan_id=loan_id, paid_on=paid_on, amount_fen=amount_fen, is_payoff=True, note=note)
        session.add(row)
        session.flush()
        reapply(session, loan_id)
        added = row.id
    return Changes(loan_ids=frozenset({loan_id}), payments=True, created_id=added)


def delete_repayment(ledger: LedgerBase, repayment_id: int) -> Changes:
    return delete_repayment_undoably(ledger, repayment_id)[0]


def delete_repayment_undoably(ledger: LedgerBase, repayment_id: int) -> tuple[Changes, DeletedRow]:
    """delete_repayment, returning the row as it was for ``restore_repayment``: one transaction. A part prepayment's
    repayment is refused (``loans.change_refused``): undo the prepayment instead."""
    with ledger._database.transaction() as session:
        row = _get_repayment(session, repayment_id)
        _refuse_prepayment(row)
        loan_id = row.loan_id
        (kept,) = row_values(session, tables.RepaymentTable, tables.RepaymentTable.id == repayment_id)
        session.delete(row)
        session.flush()
        reapply(session, loan_id)
    return Changes(loan_ids=frozenset({loan_id}), payments=True), DeletedRow(kept)


def edit_repayment(
    ledger: LedgerBase,
    repayment_id: int,
    *,
    paid_on: date | None = None,
    amount_fen: int | None = None,
    note: str | None = None,
) -> tuple[Changes, RepaymentEdit]:
    """Change a repayment's day, amount or note; the loan's installments are worked out again exactly as if
    it had been logged so. Refused (nothing written) when the loan would be paid more than it owes, and for the day
    or amount of a part prepayment's repayment (``loans.change_refused``)."""
    if amount_fen is not None:
        check_amount(amount_fen, field="amount")
    if note is not None:
        note = clean_note(note, "note")
    with ledger._database.transaction() as session:
        row = _get_repayment(session, repayment_id)
        if (paid_on is not None and paid_on != row.paid_on) or (
            amount_fen is not None and amount_fen != row.amount_fen
        ):
            _refuse_prepayment(row)  # its note may change
        before = row_values(session, tables.RepaymentTable, tables.RepaymentTable.id == repayment_id)[0]
        loan = get_loan(session, row.loan_id)
        if paid_on is not None:
            ledger._check_paid_on(loan, paid_on)
            row.paid_on = paid_on
        if amount_fen is not None:
            if amount_fen <= 0:
                raise InvalidValue("amount", format_yuan(amount_fen), "must be more than zero")
            row.amount_fen = amount_fen
        if note is not None:
            row.note = note
        session.flush()
        _reapply_checked(session, row.loan_id, amount_fen)
    # An edit is undone like any other repayment write: the row as it is now goes, the row as it was returns.
    return Changes(loan_ids=frozenset({before["loan_id"]}), payments=True), RepaymentEdit((repayment_id,), (before,))


def record_installments_paid(
    ledger: LedgerBase, keys: Iterable[InstallmentKey], *, source: RepaymentSource
) -> tuple[Changes, RepaymentEdit]:
    """Record each installment as paid in full (what is left of it) on its due date — what an autopay
    deduction or a repayment on schedule does. Installments already settled are passed over."""
    wanted: dict[int, set[int]] = {}
    for key in keys:
        wanted.setdefault(key.loan_id, set()).add(key.seq)
    added: list[int] = []
    with ledger._database.transaction() as session:
        for loan_id, seqs in sorted(wanted.items()):
            get_loan(session, loan_id)
            for state in loan_states(session, loan_id):
                if state.seq not in seqs or state.settled_on is not None or state.remaining_fen == 0:
                    continue
                ledger._check_day("paid_on", state.due_on)
                repayment = tables.RepaymentTable(
                    loan_id=loan_id, paid_on=state.due_on, amount_fen=state.remaining_fen, source=source.value
                )
                session.add(repayment)
                session.flush()
                added.append(repayment.id)
            _reapply_checked(session, loan_id)
    return Changes(loan_ids=frozenset(wanted), payments=True), RepaymentEdit(tuple(added))


def undo_repayments(ledger: LedgerBase, edit: RepaymentEdit) -> tuple[Changes, RepaymentEdit]:
    """Take back a repayment write: remove the rows it added and put back those it removed (under their old
    numbers). Returns the edit that redoes it."""
    loan_ids: set[int] = set()
    with ledger._database.transaction() as session:
        removed = take_repayments(session, edit.added_ids)
        loan_ids.update(row["loan_id"] for row in removed)
        restored = []
        for row in edit.removed:
            get_loan(session, row["loan_id"])
            ledger._check_source_ref_free(session, row["source_ref"])
            values = dict(row)
            if session.get(tables.RepaymentTable, values["id"]) is not None:
                del values["id"]
            result = session.connection().execute(tables.RepaymentTable.__table__.insert().values(**values))
            restored.append(result.inserted_primary_key[0])
            loan_ids.add(row["loan_id"])
        session.expire_all()
        for loan_id in sorted(loan_ids):
            _reapply_checked(session, loan_id)
    return Changes(loan_ids=frozenset(loan_ids), payments=True), RepaymentEdit(tuple(restored), tuple(removed))


def _get_repayment(session: Session, repayment_id: int) -> tables.RepaymentTable:
    row = session.get(tables.RepaymentTable, repayment_id)
    if row is None:
        raise InvalidValue("repayment", repayment_id, "no such repayment")
    return row


def _refuse_prepayment(row: tables.RepaymentTable) -> None:
    """A part prepayment's repayment keeps its day and amount: its loan's schedule was rebuilt around them."""
    refused = change_refused(row.id, row.loan_id, row.source)
    if refused is not None:
        raise refused


def _reapply_checked(session: Session, loan_id: int, amount_fen: int | None = None) -> None:
    """reapply, refusing a loan paid more than its schedule asks for (without a payoff to absorb it)."""
    unapplied = reapply(session, loan_id)
    if unapplied and not has_payoff(session, loan_id):
        raise InvalidValue(
            "amount",
            format_yuan(amount_fen if amount_fen is not None else unapplied),
            f"would pay {format_yuan(unapplied)} more than loan #{loan_id} owes",
        )


def _assumed_twin(session: Session, loan_id: int, paid_on: date) -> list[dict]:
    """The repayment the app assumed for the installment a repayment paid on ``paid_on`` is for (see
    ``nearest_assumed``), as a row for undo; [] when there is none."""
    rows = session.exec(
        select(tables.RepaymentTable.id, tables.RepaymentTable.paid_on).where(
            tables.RepaymentTable.loan_id == loan_id,
            col(tables.RepaymentTable.source).in_(ASSUMED_SOURCES),
            col(tables.RepaymentTable.is_payoff).is_(False),
        )
    ).all()
    if not rows:
        return []
    due_dates = session.exec(
        select(tables.InstallmentTable.due_on).where(tables.InstallmentTable.loan_id == loan_id)
    ).all()
    found = nearest_assumed(rows, due_dates, paid_on)
    return [] if found is None else row_values(session, tables.RepaymentTable, tables.RepaymentTable.id == found)


ASSUMED_SOURCES = [source.value for source in RepaymentSource if source.is_assumed]
