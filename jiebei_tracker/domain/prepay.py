"""Repaying part of a loan early (提前还部分): the interest accrued since the last due date is paid first, the rest
lowers the principal, and the installments still to come are worked out again — as many as before with a lower
payment (``Keep.TERM``), or the same payment with fewer installments (``Keep.PAYMENT``).

The prepayment becomes an installment of its own, due on the day it is paid and paid by it, between the
installments already settled and those rebuilt; so every other part of the app (the waterfall, the statuses, the
true APR, the charts) reads the new schedule without knowing about prepayments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, localcontext
from enum import StrEnum

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan, round_fen
from jiebei_tracker.domain.payments import InstallmentState
from jiebei_tracker.domain.schedule import Interest, LoanTerms, PlannedInstallment, level_payment
from jiebei_tracker.domain.vocabulary import RepaymentMethod


class Keep(StrEnum):
    """What stays as it was after a part prepayment: the monthly payment (fewer installments) or the term (the same
    number of installments, each smaller)."""

    PAYMENT = "payment"
    TERM = "term"


@dataclass(frozen=True)
class Prepayment:
    """A part prepayment worked out: the interest and principal it pays, the loan's whole new schedule (settled
    installments as they were, the prepayment, the rebuilt ones), and the interest it saves against the old."""

    paid_on: date
    amount_fen: int
    interest_fen: int
    principal_fen: int
    keep: Keep
    schedule: tuple[PlannedInstallment, ...]
    rebuilt: tuple[PlannedInstallment, ...]
    interest_saved_fen: int
    balance_after_fen: int


def plan_prepayment(
    terms: LoanTerms, states: Sequence[InstallmentState], *, paid_on: date, amount_fen: int, keep: Keep
) -> Prepayment:
    """Repay ``amount_fen`` of the loan on ``paid_on``, given its installments' ``states`` (every repayment applied).

    Refused, naming the field: an installment due by ``paid_on`` still open (pay it first), a repayment made after
    ``paid_on``, an amount no more than the interest accrued, or one that would repay everything (pay off early)."""
    settled = [s for s in states if s.settled_on is not None]
    open_states = [s for s in states if s.settled_on is None]
    if not open_states:
        raise InvalidValue("loan", terms.principal_fen, "is settled already")
    due = [s for s in open_states if s.due_on <= paid_on]
    if due:
        raise InvalidValue(
            "paid_on",
            paid_on.isoformat(),
            f"installment {due[0].seq} (due {due[0].due_on.isoformat()}) is still open: pay it first",
        )
    later = [s for s in settled if s.settled_on > paid_on]
    if later or any(s.paid_fen for s in open_states):
        raise InvalidValue("paid_on", paid_on.isoformat(), "a repayment is recorded after this day")
    if paid_on < terms.borrowed_on:
        raise InvalidValue("paid_on", paid_on.isoformat(), f"is before the loan was taken ({terms.borrowed_on})")
    balance = sum(s.installment.principal_fen for s in open_states)
    last_due = max((s.due_on for s in settled), default=terms.borrowed_on)
    accrued = Interest.of(terms, by_day=True).on(balance, last_due, paid_on)
    if amount_fen <= accrued:
        raise InvalidValue(
            "amount",
            format_yuan(amount_fen),
            f"no more than the {format_yuan(accrued)} interest accrued since {last_due.isoformat()}: nothing would "
            "go to the principal",
        )
    principal = amount_fen - accrued
    if principal >= balance:
        raise InvalidValue(
            "amount",
            format_yuan(amount_fen),
            f"repays all the {format_yuan(balance)} principal left: pay the loan off early instead",
        )
    dues = [s.due_on for s in open_states]
    fee = open_states[0].installment.fee_fen
    with localcontext() as context:
        context.prec = 40
        rebuilt = _rebuilt(terms, open_states, balance - principal, paid_on, dues, keep, fee)
    first_seq = len(settled) + 1
    prepaid = PlannedInstallment(first_seq, paid_on, principal, accrued)
    rebuilt = tuple(replace(inst, seq=first_seq + 1 + n) for n, inst in enumerate(rebuilt))
    old_interest = sum(s.installment.interest_fen for s in open_states)
    return Prepayment(
        paid_on=paid_on,
        amount_fen=amount_fen,
        interest_fen=accrued,
        principal_fen=principal,
        keep=keep,
        schedule=(*(s.installment for s in settled), prepaid, *rebuilt),
        rebuilt=rebuilt,
        interest_saved_fen=old_interest - accrued - sum(i.interest_fen for i in rebuilt),
        balance_after_fen=balance - principal,
    )


def _rebuilt(
    terms: LoanTerms,
    open_states: Sequence[InstallmentState],
    balance: int,
    paid_on: date,
    dues: list[date],
    keep: Keep,
    fee: int,
) -> list[PlannedInstallment]:
    """The installments after the prepayment, on the old due dates (fewer of them when the payment is kept): the
    first charges interest by the day from the prepayment, the others a period each, as the loan's basis says."""
    method = terms.method
    count = len(dues)
    first, period = Interest.of(terms, by_day=True), Interest.of(terms)
    if method is RepaymentMethod.EQUAL_INSTALLMENT:
        regular = open_states[0].installment
        payment = regular.principal_fen + regular.interest_fen
        if keep is Keep.TERM:
            payment = level_payment(balance, period.monthly, count)
        return _amortised(first, period, balance, paid_on, dues, lambda interest, _left: payment - interest, fee)
    if method is RepaymentMethod.EQUAL_PRINCIPAL:
        share = open_states[0].installment.principal_fen
        if keep is Keep.TERM:
            share = round_fen(Decimal(balance) / count)
        return _amortised(first, period, balance, paid_on, dues, lambda _interest, _left: share, fee)
    # Interest first and bullet: the principal is due at the end either way; only the interest falls.
    result, start = [], paid_on
    for n, due in enumerate(dues):
        interest = (first if n == 0 else period).on(balance, start, due)
        result.append(PlannedInstallment(n, due, balance if n == count - 1 else 0, interest, fee))
        start = due
    return result


def _amortised(first, period, balance, paid_on, dues, principal_of, fee) -> list[PlannedInstallment]:
    """Installments on ``dues`` until ``balance`` is repaid: ``principal_of(interest, balance left)`` each time,
    never below 0 nor above what is left; the last due date takes whatever is left."""
    result, start = [], paid_on
    for n, due in enumerate(dues):
        interest = (first if n == 0 else period).on(balance, start, due)
        last = n == len(dues) - 1
        principal = balance if last else min(max(principal_of(interest, balance), 0), balance)
        result.append(PlannedInstallment(n, due, principal, interest, fee))
        balance -= principal
        start = due
        if balance == 0:
            break
    return result
