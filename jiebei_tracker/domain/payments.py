"""Applying repayments to installments, installment and loan status as of a date, early payoff, on-time rate."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from jiebei_tracker.domain.money import round_fen
from jiebei_tracker.domain.penalty import DEFAULT_MULTIPLIER, PenaltyTerms
from jiebei_tracker.domain.rates import DAYS_PER_YEAR, Rate
from jiebei_tracker.domain.schedule import PlannedInstallment
from jiebei_tracker.domain.status import installment_status
from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanStatus


@dataclass(frozen=True)
class Payment:
    """Money the user paid on a loan. A payoff settles every installment still open, whatever the amount."""

    paid_on: date
    amount_fen: int
    is_payoff: bool = False


@dataclass(frozen=True)
class InstallmentState:
    """An installment with what has been paid on it and when it was settled (None while it is open), and whether
    an early payoff settled it."""

    installment: PlannedInstallment
    paid_interest_fen: int = 0
    paid_principal_fen: int = 0
    settled_on: date | None = None
    settled_by_payoff: bool = False
    paid_penalty_fen: int = 0  # penalty interest a late repayment paid beyond the installment's total

    @property
    def seq(self) -> int:
        return self.installment.seq

    @property
    def due_on(self) -> date:
        return self.installment.due_on

    @property
    def paid_fen(self) -> int:
        return self.paid_interest_fen + self.paid_principal_fen

    @property
    def remaining_fen(self) -> int:
        """What is still owed on this installment (0 once settled, even by a payoff for less)."""
        return 0 if self.settled_on is not None else self.installment.total_fen - self.paid_fen

    @property
    def remaining_principal_fen(self) -> int:
        return 0 if self.settled_on is not None else self.installment.principal_fen - self.paid_principal_fen

    def is_settled(self, as_of: date) -> bool:
        return self.settled_on is not None and self.settled_on <= as_of

    def status(self, as_of: date, grace_days: int = 0) -> InstallmentStatus:
        return installment_status(self.due_on, self.settled_on, as_of, grace_days, by_payoff=self.settled_by_payoff)


@dataclass(frozen=True)
class Application:
    """The result of applying payments: each installment's state, and any money beyond all that was owed."""

    states: list[InstallmentState]
    unapplied_fen: int


class Pot:
    """What is still owed on a run of installments, filled by ``pour``: the one waterfall every part of the app
    uses (applying repayments, the balance a repayment lowers, a loan as it stood on a past day, what a new
    repayment would settle). docs/money.md, Paying: money goes to the earliest open installment, interest before
    principal, and what is left flows on to the next."""

    __slots__ = ("cursor", "interest_left", "penalty", "penalty_paid", "principal_left")

    def __init__(
        self,
        interest_left: list[int],
        principal_left: list[int],
        penalty: Callable[[int, int, date], int] | None = None,
    ) -> None:
        self.interest_left = interest_left
        self.principal_left = principal_left
        self.cursor = 0  # the earliest installment not yet paid in full
        # penalty(index, principal overdue, day): what installment ``index`` has run up by ``day`` (None: no penalty)
        self.penalty = penalty
        self.penalty_paid = [0] * len(interest_left)

    @property
    def left(self) -> tuple[list[int], list[int]]:
        """The interest and the principal still owed on each installment."""
        return self.interest_left, self.principal_left

    @classmethod
    def of(cls, installments: Sequence[PlannedInstallment], penalty: PenaltyTerms | None = None) -> Pot:
        accrued = None
        if penalty is not None:

            def accrued(index: int, principal_fen: int, day: date) -> int:
                return penalty.accrued(installments[index].due_on, principal_fen, day)

        return cls([i.charges_fen for i in installments], [i.principal_fen for i in installments], accrued)

    def pour(self, money: int, day: date | None = None) -> tuple[int, int]:
        """Pay ``money`` in on ``day``; returns (the principal it repaid, what was left over once everything was
        paid). A payment that settles an installment after its deadline and has money left pays the penalty it ran
        up (on the principal still overdue at that payment) before the rest flows on, when the pot knows the
        penalty terms and the day is given."""
        interest_left, principal_left = self.interest_left, self.principal_left
        cursor, count, repaid = self.cursor, len(interest_left), 0
        while money > 0 and cursor < count:
            overdue = principal_left[cursor]
            take = min(money, interest_left[cursor])
            interest_left[cursor] -= take
            money -= take
            take = min(money, principal_left[cursor])
            principal_left[cursor] -= take
            money -= take
            repaid += take
            if not interest_left[cursor] and not principal_left[cursor]:
                if money and self.penalty is not None and day is not None:
                    owed = self.penalty(cursor, overdue, day) - self.penalty_paid[cursor]
                    take = min(money, max(owed, 0))
                    self.penalty_paid[cursor] += take
                    money -= take
                cursor += 1
        self.cursor = cursor
        return repaid, money

    def close(self) -> int:
        """A payoff: every installment still open is settled whatever was paid; returns the principal it forgave
        or repaid (what was still owed of it)."""
        left = sum(self.principal_left[self.cursor :])
        self.cursor = len(self.interest_left)
        return left


def apply_payments(
    installments: Sequence[PlannedInstallment],
    payments: Iterable[Payment],
    *,
    as_of: date | None = None,
    penalty: PenaltyTerms | None = None,
) -> Application:
    """Apply payments in date order through the waterfall (``Pot``): each to the earliest open installment,
    interest before principal, the rest flowing on to the next. Payments after ``as_of`` (when given) are left out.

    An installment with nothing to pay (e.g. a 0 % interest-first month) counts as settled on its due date. With
    ``penalty``, a late payment's surplus on the installment it settles pays its penalty interest first (``Pot``).
    """
    ordered = sorted((p for p in payments if as_of is None or p.paid_on <= as_of), key=lambda p: p.paid_on)
    pot = Pot.of(installments, penalty)
    settled: list[date | None] = [i.due_on if i.total_fen == 0 else None for i in installments]
    by_payoff = [False] * len(installments)
    unapplied = 0
    for payment in ordered:
        start = pot.cursor
        unapplied += pot.pour(payment.amount_fen, payment.paid_on)[1]
        if payment.is_payoff:
            pot.close()
        for index in range(start, pot.cursor):  # paid in full (or closed) by this payment
            if settled[index] is None:
                settled[index] = payment.paid_on
                by_payoff[index] = payment.is_payoff
    states = [
        InstallmentState(
            inst,
            inst.charges_fen - pot.interest_left[i],
            inst.principal_fen - pot.principal_left[i],
            settled[i],
            by_payoff[i],
            pot.penalty_paid[i],
        )
        for i, inst in enumerate(installments)
    ]
    return Application(states, unapplied)


def principal_repaid(
    installments: Sequence[PlannedInstallment], payments: Iterable[Payment], penalty: PenaltyTerms | None = None
) -> list[tuple[date, int]]:
    """The principal each payment repaid, in payment order (a payoff: whatever principal was left), by the same
    waterfall as ``apply_payments``, walked once rather than once per payment date."""
    pot = Pot.of(installments, penalty)
    result = []
    for payment in sorted(payments, key=lambda p: p.paid_on):
        repaid = pot.pour(payment.amount_fen, payment.paid_on)[0]
        if payment.is_payoff:
            repaid += pot.close()
        result.append((payment.paid_on, repaid))
    return result


class Settled(NamedTuple):
    """What a repayment does to one installment: ``amount_fen`` of it goes to installment ``seq``, and ``whole``
    says whether that leaves the installment paid in full."""

    seq: int
    amount_fen: int
    whole: bool


def settles(
    states: Iterable[InstallmentState],
    amount_fen: int,
    *,
    day: date = date.min,
    penalty: PenaltyTerms | None = None,
) -> list[Settled]:
    """Where ``amount_fen`` paid on ``day`` on top of ``states`` goes, by the same waterfall as ``apply_payments``
    (the earliest open installment first, interest before principal, a late installment's penalty interest, the
    rest flowing on): one entry per installment it reaches. Money beyond everything still owed reaches no
    installment — the entries then add up to less than ``amount_fen``."""
    open_states = [s for s in states if s.settled_on is None and s.remaining_fen > 0]
    # What is left of each open installment, as an installment of its own: apply_payments does the rest.
    left = [
        replace(
            s.installment,
            principal_fen=s.installment.principal_fen - s.paid_principal_fen,
            interest_fen=s.installment.charges_fen - s.paid_interest_fen,
            fee_fen=0,  # the fee is paid with the interest: what is left of both is in interest_fen
        )
        for s in open_states
    ]
    after = apply_payments(left, [Payment(day, amount_fen)], penalty=penalty).states
    return [Settled(s.seq, s.paid_fen, s.settled_on is not None) for s in after if s.paid_fen > 0]


def outstanding_principal(states: Iterable[InstallmentState]) -> int:
    """Principal not yet repaid (the loan's balance)."""
    return sum(s.remaining_principal_fen for s in states)


def remaining_total(states: Iterable[InstallmentState]) -> int:
    """Everything still owed on the schedule, principal and interest."""
    return sum(s.remaining_fen for s in states)


def penalty_due(states: Iterable[InstallmentState], penalty: PenaltyTerms, day: date) -> int:
    """The penalty interest the installments still open on ``day`` have run up by then and not been paid: what a
    repayment that day may pay beyond what the schedule asks (the waterfall takes it, ``Pot.pour``)."""
    return sum(
        max(0, penalty.accrued(s.due_on, s.remaining_principal_fen, day) - s.paid_penalty_fen)
        for s in states
        if s.settled_on is None and s.due_on < day
    )


class Owed(NamedTuple):
    """What a repayment on a day may pay at most: what the open installments still ask for, and the penalty interest
    the overdue ones ran up by that day and have not been paid (the waterfall takes it, ``Pot.pour``)."""

    schedule_fen: int
    penalty_fen: int

    @property
    def total_fen(self) -> int:
        return self.schedule_fen + self.penalty_fen


def owed_on(states: Sequence[InstallmentState], penalty: PenaltyTerms | None, day: date) -> Owed:
    """Everything still owed on ``day``: the one rule for how much a repayment (typed, or imported) may pay."""
    return Owed(remaining_total(states), 0 if penalty is None else penalty_due(states, penalty, day))


def nearest_assumed(
    candidates: Iterable[tuple[int, date]], due_dates: Iterable[date], paid_on: date, *, latest: date | None = None
) -> int | None:
    """Which assumed repayment ``(id, paid_on)`` — recorded on an installment's due date, from the schedule or an
    autopay deduction — a repayment paid on ``paid_on`` stands for: the installment it pays is the one whose due
    date is nearest (the later one on a tie: paying ahead of a due date is the common case); the assumed repayment
    of that installment, if there is one. None — the repayment is another payment — when:

    - it is paid after every assumed one while an installment still falls due later: it is that next installment,
      paid ahead (logged on 11-28 for the one due 12-20, it must not stand for the one autopay paid on 11-20);
    - it is more than ``STANDS_FOR_DAYS`` from that due date (one typed on a loan settled a year ago is refused as
      settled, it does not unpay the last installment).

    A record assumed wrongly (autopay failed; paid by hand days later) is corrected by editing it. ``latest``: the
    latest assumed repayment before any of a file's rows replaced one (the default, the candidates' latest, is that
    for a single repayment): a file's rows, matched one after another, then give the same answer in any order."""
    candidates, due_dates = list(candidates), list(due_dates)
    if latest is None:
        latest = max((day for _, day in candidates), default=None)
    if latest is not None and paid_on > latest and any(due > paid_on for due in due_dates):
        return None
    nearest = min(due_dates, key=lambda due: (abs((due - paid_on).days), -due.toordinal()), default=None)
    if nearest is None or abs((nearest - paid_on).days) > STANDS_FOR_DAYS:
        return None
    return next((rid for rid, day in candidates if day == nearest), None)


# How far from an installment's due date a typed repayment may be and still stand for it: one month.
STANDS_FOR_DAYS = 31


def next_open(states: Iterable[InstallmentState]) -> InstallmentState | None:
    """The earliest installment not yet settled."""
    return next((s for s in states if s.settled_on is None), None)


def loan_status(states: Sequence[InstallmentState], as_of: date, grace_days: int = 0) -> LoanStatus:
    statuses = {s.status(as_of, grace_days) for s in states}
    if InstallmentStatus.OVERDUE in statuses:
        return LoanStatus.OVERDUE
    if InstallmentStatus.UPCOMING in statuses:
        return LoanStatus.ACTIVE
    return LoanStatus.SETTLED


@dataclass(frozen=True)
class OnTimeRate:
    """On-time installments out of those that fell due in a period and are settled or overdue."""

    on_time: int
    counted: int

    @property
    def rate(self) -> Decimal | None:
        return None if self.counted == 0 else Decimal(self.on_time) / Decimal(self.counted)


def on_time_rate(
    states: Iterable[InstallmentState], *, start: date, end: date, as_of: date, grace_days: int = 0
) -> OnTimeRate:
    on_time = counted = 0
    for state in states:
        if not start <= state.due_on <= end:
            continue
        status = state.status(as_of, grace_days)
        if status is InstallmentStatus.UPCOMING:
            continue
        counted += 1
        on_time += status.is_on_time
    return OnTimeRate(on_time, counted)


@dataclass(frozen=True)
class PayoffQuote:
    """The amount proposed to settle a loan early, and how it is made up (docs/money.md, early payoff)."""

    paid_on: date
    due_unpaid_fen: int  # what is left of the installments already due, in full: principal and scheduled interest
    principal_fen: int  # principal of the installments not yet due
    accrued_interest_fen: int  # on that principal since the last due date, at the daily rate
    accrued_days: int  # the days that interest is for: 0 when no principal is left to bear it (a matured loan)
    due_unpaid_count: int = 0  # how many installments already due are still open
    penalty_fen: int = 0  # penalty interest those have run up (an estimate: domain.penalty)
    penalty_multiplier: Decimal = DEFAULT_MULTIPLIER  # of the daily rate, as the estimate used it

    @property
    def amount_fen(self) -> int:
        return self.due_unpaid_fen + self.principal_fen + self.accrued_interest_fen + self.penalty_fen


def propose_payoff(
    states: Sequence[InstallmentState],
    *,
    rate: Rate,
    borrowed_on: date,
    paid_on: date,
    penalty: PenaltyTerms | None = None,
) -> PayoffQuote:
    """What settling on ``paid_on`` costs: every installment already due and still open, in full (its principal
    and its scheduled interest — a matured loan owes exactly these), plus the principal not yet due with interest
    on it since the last due date at ``annual / 360`` a day (docs/money.md), plus (given ``penalty``) the penalty
    interest the overdue installments have run up — an estimate: the user changes the amount to what the platform
    asks. Interest already prepaid on installments not yet due is credited against that interest."""
    open_states = [s for s in states if not s.is_settled(paid_on)]
    due = [s for s in open_states if s.due_on <= paid_on]
    future = [s for s in open_states if s.due_on > paid_on]
    principal = sum(s.remaining_principal_fen for s in future)
    last_due = max((s.due_on for s in states if s.due_on <= paid_on), default=borrowed_on)
    days = (paid_on - last_due).days if principal else 0
    accrued = round_fen(principal * rate.annual * days / DAYS_PER_YEAR)
    accrued = max(0, accrued - sum(s.paid_interest_fen for s in future))
    penalties = 0 if penalty is None else penalty_due(due, penalty, paid_on)
    multiplier = penalty.multiplier if penalty is not None else DEFAULT_MULTIPLIER
    return PayoffQuote(
        paid_on, sum(s.remaining_fen for s in due), principal, accrued, days, len(due), penalties, multiplier
    )


# An early payoff for less than this share of the proposed amount is most likely a typing slip (0.01 for 12,000):
# the CLI refuses it without --force, the window asks before recording it.
LOW_PAYOFF_SHARE = Decimal("0.9")


def is_low_payoff(amount_fen: int, proposed_fen: int) -> bool:
    """Whether paying ``amount_fen`` to settle is far below (under LOW_PAYOFF_SHARE of) the proposed amount."""
    return amount_fen < proposed_fen * LOW_PAYOFF_SHARE
