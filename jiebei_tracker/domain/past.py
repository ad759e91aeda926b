"""Installments that fell due before a loan was entered: what the user says happened to them, as repayments.

The app never assumes: a loan entered with installments already due is recorded as repaid on schedule up to a
day, settled early on a day, or not repaid (overdue) — whichever the user chose (editor, CLI, import).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.payments import Payment, apply_payments, propose_payoff, remaining_total
from jiebei_tracker.domain.rates import Rate
from jiebei_tracker.domain.schedule import PlannedInstallment


class PastKind(StrEnum):
    PAID_THROUGH = "paid_through"  # every installment due on or before ``through`` paid on its due date
    SETTLED = "settled"  # paid on schedule until ``through``, then the rest settled early that day
    UNPAID = "unpaid"  # nothing recorded: installments already due are overdue


@dataclass(frozen=True)
class PastRepayments:
    """The user's answer for a loan's past installments. ``payoff_fen`` (settled only) is what was paid to
    settle; None takes the proposed payoff amount."""

    kind: PastKind
    through: date | None = None
    payoff_fen: int | None = None

    @classmethod
    def paid_through(cls, day: date) -> PastRepayments:
        return cls(PastKind.PAID_THROUGH, day)

    @classmethod
    def settled(cls, day: date, payoff_fen: int | None = None) -> PastRepayments:
        return cls(PastKind.SETTLED, day, payoff_fen)

    @classmethod
    def unpaid(cls) -> PastRepayments:
        return cls(PastKind.UNPAID)


@dataclass(frozen=True)
class PastOutcome:
    """What recording a choice writes: the repayments, and the figures the editor shows before saving."""

    payments: list[Payment]
    on_schedule_count: int  # installments paid on their due dates
    on_schedule_fen: int
    payoff: Payment | None  # the early settlement, if any
    overdue_count: int  # installments already due that stay unpaid

    @property
    def total_fen(self) -> int:
        return sum(payment.amount_fen for payment in self.payments)


def due_by(schedule: Sequence[PlannedInstallment], day: date) -> int:
    """How many installments fall due on or before ``day``."""
    return sum(1 for inst in schedule if inst.due_on <= day)


def installments_due_by(borrowed_on: date, term_months: int, day: date) -> int:
    """How many of a loan's installments fall due on or before ``day``, from the dates alone (no schedule, no
    dateutil: an import asks this of every loan). PlannedInstallment k falls due k calendar months after borrowing, on
    the same day of the month or the month's last day (schedule.due_date)."""
    months = (day.year - borrowed_on.year) * 12 + day.month - borrowed_on.month
    if months <= 0:
        return 0
    last_day = calendar.monthrange(day.year, day.month)[1]
    if min(borrowed_on.day, last_day) > day.day:  # the installment of ``day``'s month falls due after it
        months -= 1
    return max(0, min(months, term_months))


def paid_through_installments(
    schedule: Sequence[PlannedInstallment], count: int, *, field: str = "paid_installments"
) -> date:
    """The day the first ``count`` installments are paid through (their last due date); ``count`` 1 … term."""
    if not 1 <= count <= len(schedule):
        raise InvalidValue(field, count, f"must be 0 to {len(schedule)} (the loan has {len(schedule)} installments)")
    return schedule[count - 1].due_on


def past_outcome(
    schedule: Sequence[PlannedInstallment],
    past: PastRepayments,
    *,
    rate: Rate,
    borrowed_on: date,
    today: date,
    field: str | None = None,
) -> PastOutcome:
    """The repayments a choice records. Days before the borrowing date or after today are refused, naming
    ``field`` (default: the choice's own name)."""
    already_due = due_by(schedule, today)
    if past.kind is PastKind.UNPAID:
        return PastOutcome([], 0, 0, None, already_due)
    through = past.through
    name = field or past.kind.value
    if through is None:
        raise InvalidValue(name, "", "give the date")
    if through < borrowed_on:
        raise InvalidValue(name, through.isoformat(), f"is before the loan was taken ({borrowed_on.isoformat()})")
    if through > today:
        raise InvalidValue(name, through.isoformat(), "is in the future")
    on_schedule = [Payment(inst.due_on, inst.total_fen) for inst in schedule if inst.due_on <= through]
    payments = [p for p in on_schedule if p.amount_fen > 0]
    payoff = None
    if past.kind is PastKind.SETTLED:
        states = apply_payments(schedule, payments).states
        if remaining_total(states) > 0:
            amount = past.payoff_fen
            if amount is None:
                amount = propose_payoff(states, rate=rate, borrowed_on=borrowed_on, paid_on=through).amount_fen
            if amount <= 0:
                raise InvalidValue("payoff_amount", format_yuan(amount), "must be more than zero")
            payoff = Payment(through, amount, is_payoff=True)
            payments.append(payoff)
        overdue = 0
    else:
        overdue = already_due - len(on_schedule)
    return PastOutcome(payments, len(on_schedule), sum(p.amount_fen for p in on_schedule), payoff, overdue)
