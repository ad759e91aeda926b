"""The ledger's writes that put a new schedule in place of a loan's: a part prepayment (提前还部分), the platform's
own plan (还款计划), and undoing or redoing either. Each keeps what it replaced, so the swap back is one more swap."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import check_amount, format_yuan
from jiebei_tracker.domain.prepay import Keep, Prepayment, plan_prepayment
from jiebei_tracker.domain.schedule import PlannedInstallment
from jiebei_tracker.domain.text import clean_note
from jiebei_tracker.domain.vocabulary import RepaymentSource, ScheduleSource
from jiebei_tracker.services.changes import Changes
from jiebei_tracker.services.ledger.base import (
    LedgerBase,
    get_loan,
    has_payoff,
    installment_row,
    loan_states,
    reapply,
    row_values,
    take_repayments,
)
from jiebei_tracker.services.ledger.repayments import ASSUMED_SOURCES
from jiebei_tracker.storage import tables
from jiebei_tracker.storage.convert import terms_of


@dataclass(frozen=True)
class ScheduleSwap:
    """What to put back to take a schedule write back: the loan's installment rows and where its schedule came
    from, the repayments to remove (by id) and those to restore (whole rows)."""

    loan_id: int
    installments: tuple[dict, ...]
    schedule_source: str
    remove_repayment_ids: tuple[int, ...]
    restore_repayments: tuple[dict, ...]


def prepay(
    ledger: LedgerBase, loan_id: int, *, paid_on: date, amount_fen: int, keep: Keep, note: str = ""
) -> tuple[Changes, ScheduleSwap]:
    """Repay part of the loan on ``paid_on``: the repayment is recorded, the open installments are rebuilt
    (``domain.prepay``), and the loan's schedule is marked as changed by a prepayment. Returns the Changes and what
    undo needs."""
    note = clean_note(note, "note")
    with ledger._database.transaction() as session:
        loan = get_loan(session, loan_id)
        ledger._check_paid_on(loan, paid_on)
        plan = planned_prepayment(loan, loan_states(session, loan_id), paid_on, amount_fen, keep)
        kept = _swap_back(session, loan)
        _put_installments(session, loan_id, [installment_row(loan_id, inst) for inst in plan.schedule])
        row = tables.RepaymentTable(
            loan_id=loan_id, paid_on=paid_on, amount_fen=amount_fen, note=note, source=RepaymentSource.PREPAYMENT.value
        )
        session.add(row)
        loan.schedule_source = ScheduleSource.PREPAYMENT.value
        session.flush()
        if reapply(session, loan_id):
            raise InvalidValue("amount", amount_fen, "the rebuilt schedule does not take the repayments recorded")
        swap = ScheduleSwap(loan_id, kept.installments, kept.schedule_source, (row.id,), ())
    return Changes(loan_ids=frozenset({loan_id}), payments=True, created_id=swap.remove_repayment_ids[0]), swap


def use_platform_plan(
    ledger: LedgerBase, loan_id: int, schedule: list[PlannedInstallment]
) -> tuple[Changes, ScheduleSwap]:
    """Put the platform's own plan (``importers.plan``) in place of the loan's schedule, its repayments applied to
    it afresh, and mark the schedule as the platform's. The principals must add up to the loan's."""
    with ledger._database.transaction() as session:
        kept = _put_plan(session, loan_id, schedule, ScheduleSource.PLATFORM)
    return Changes(loan_ids=frozenset({loan_id}), payments=True), kept


def use_plans(ledger: LedgerBase, plans: list[tuple[int, list[PlannedInstallment], ScheduleSource]]) -> Changes:
    """Several loans' schedules put in place at once (``import plans``, what ``export`` wrote): all of them, or —
    when one is refused — none."""
    with ledger._database.transaction() as session:
        for loan_id, schedule, source in plans:
            _put_plan(session, loan_id, schedule, source)
    return Changes(loan_ids=frozenset(loan_id for loan_id, _, _ in plans), payments=True)


def _put_plan(session, loan_id: int, schedule: list[PlannedInstallment], source: ScheduleSource) -> ScheduleSwap:
    loan = get_loan(session, loan_id)
    planned = sum(inst.principal_fen for inst in schedule)
    if planned != loan.principal_fen:
        raise InvalidValue(
            "plan", format_yuan(planned), f"the principals must add up to the loan's {format_yuan(loan.principal_fen)}"
        )
    refitted = _refit_assumed(session, loan_id, schedule)
    kept = _swap_back(session, loan, remove=tuple(r["id"] for r in refitted), restore=tuple(refitted))
    _put_installments(session, loan_id, [installment_row(loan_id, inst) for inst in schedule])
    loan.schedule_source = source.value
    session.flush()
    unapplied = reapply(session, loan_id)
    if unapplied and not has_payoff(session, loan_id):
        raise InvalidValue(
            "plan",
            format_yuan(sum(inst.total_fen for inst in schedule)),
            f"the repayments already recorded on loan #{loan_id} are {format_yuan(unapplied)} more than this plan "
            "asks for",
        )
    return kept


def swap_schedule(ledger: LedgerBase, swap: ScheduleSwap) -> tuple[Changes, ScheduleSwap]:
    """Put ``swap`` in place (undo of a prepayment, or its redo); returns the swap that takes it back."""
    loan_id = swap.loan_id
    with ledger._database.transaction() as session:
        loan = get_loan(session, loan_id)
        removed = take_repayments(session, swap.remove_repayment_ids)
        restored = []
        for values in swap.restore_repayments:
            result = session.connection().execute(tables.RepaymentTable.__table__.insert().values(**values))
            restored.append(result.inserted_primary_key[0])
        back = _swap_back(session, loan, remove=tuple(restored), restore=tuple(removed))
        _put_installments(session, loan_id, [_without_state(row) for row in swap.installments])
        loan.schedule_source = swap.schedule_source
        session.flush()
        if reapply(session, loan_id):
            raise InvalidValue("loan", loan_id, "its repayments no longer fit the schedule (changed since)")
    return Changes(loan_ids=frozenset({loan_id}), payments=True), back


def planned_prepayment(loan: tables.LoanTable, states, paid_on: date, amount_fen: int, keep: Keep) -> Prepayment:
    """The part prepayment of ``loan`` (its installments' ``states``) worked out, or InvalidValue by field."""
    check_amount(amount_fen, field="amount")
    return plan_prepayment(terms_of(loan), states, paid_on=paid_on, amount_fen=amount_fen, keep=keep)


def _refit_assumed(session, loan_id: int, schedule: list[PlannedInstallment]) -> list[dict]:
    """Repayments the app assumed (from the schedule, or an autopay deduction) paid an installment in full on its due
    date: with the platform's figures, each now pays what the platform's installment of that day asks for. Returns
    the rows as they were (what undo puts back)."""
    totals = {inst.due_on: inst.total_fen for inst in schedule}
    table = tables.RepaymentTable
    before = []
    for row in row_values(session, table, table.loan_id == loan_id):
        assumed = row["source"] in ASSUMED_SOURCES and not row["is_payoff"]
        if assumed and row["amount_fen"] != totals.get(row["paid_on"], row["amount_fen"]):
            before.append(row)
            session.get(table, row["id"]).amount_fen = totals[row["paid_on"]]
    session.flush()
    return before


def _swap_back(session, loan: tables.LoanTable, *, remove=(), restore=()) -> ScheduleSwap:
    rows = row_values(session, tables.InstallmentTable, tables.InstallmentTable.loan_id == loan.id)
    return ScheduleSwap(loan.id, tuple(sorted(rows, key=lambda r: r["seq"])), loan.schedule_source, remove, restore)


def _put_installments(session, loan_id: int, rows: list[dict]) -> None:
    table = tables.InstallmentTable.__table__
    session.execute(table.delete().where(table.c.loan_id == loan_id))
    session.execute(table.insert(), rows)


def _without_state(row: dict) -> dict:
    """An installment row as it goes back in: a new id, what is paid worked out again from the repayments."""
    values = {key: value for key, value in row.items() if key != "id"}
    return {**values, "paid_interest_fen": 0, "paid_principal_fen": 0, "settled_on": None}
