"""A debt payoff plan: a monthly budget pays every scheduled installment of every open loan, and what is left of
it repays part of one loan early (keeping the payment, so its term shortens) — the loan with the highest true APR
first (*avalanche*) or the one with the smallest balance first (*snowball*).

Month by month, from the plan's first day:

1. the money beyond the month's scheduled installments (the budget less what they come to, plus anything left
   from earlier months) goes in with the month's first installment, on its due day (the month's first day when
   none falls due in it; overdue installments are paid in the first month);
2. it goes to the loans in the strategy's order: a loan it can clear is paid off — its principal and the interest
   accrued by the day since its last due date (the fees of installments not yet due are not owed), what its own
   installments later this month would have taken counting towards it — and the rest flows on; otherwise it is a
   part prepayment (``domain.prepay``) keeping the payment, so the loan ends sooner. Money that would not reach the
   principal (no more than the interest accrued), or that rounding would make cost more than it saves, waits for
   the next month;
3. the installments due in the rest of the month are paid as the (rebuilt) schedules say.

A budget that leaves some month's installments unpaid — as the plan has rebuilt them, with what earlier months
left over — is refused with the shortfall of each such month (``BudgetTooLow``): a budget that meets every month
the schedules ask for always does (a prepayment keeping the payment never asks more of a month), and a smaller one
may, when the money beyond the schedules has cleared a loan before its large last installment. Penalty interest on
installments overdue at the start is not counted: pay those first."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.payments import InstallmentState
from jiebei_tracker.domain.prepay import Keep, plan_prepayment
from jiebei_tracker.domain.schedule import Interest, LoanTerms, PlannedInstallment

# A plan runs no longer than the longest term a loan may have, and a little: a loan of 360 months is the limit.
MAX_PLAN_MONTHS = 400


class Strategy(StrEnum):
    """Which loan the money beyond the schedules repays first."""

    AVALANCHE = "avalanche"  # the highest true APR: the least interest in all
    SNOWBALL = "snowball"  # the smallest balance: the most loans cleared soonest


@dataclass(frozen=True)
class Debt:
    """An open loan as the plan starts: its terms (to rebuild its schedule after a prepayment), its installments
    with what has been paid on them, and its true APR (the monthly IRR × 12, unrounded: what avalanche ranks by)."""

    loan_id: int
    ref: str
    terms: LoanTerms
    states: tuple[InstallmentState, ...]
    apr: float

    @property
    def balance_fen(self) -> int:
        return sum(s.remaining_principal_fen for s in self.states)


@dataclass(frozen=True)
class PlanMonth:
    """One month of a plan: what each loan is paid in it (by loan id; loans paid nothing are left out), the part
    of that beyond the schedules, and the principal still owed at its end."""

    month: date  # the month's first day
    payments: dict[int, int]
    extra_fen: int
    balance_fen: int

    @property
    def paid_fen(self) -> int:
        return sum(self.payments.values())


@dataclass(frozen=True)
class PayoffPlan:
    """A plan worked out: the order loans are cleared in, the month the last one is, the interest and fees paid
    from the start (``interest_fen``), what following the schedules alone would have paid of them, and the months."""

    strategy: Strategy
    budget_fen: int
    start: date
    order: tuple[int, ...]
    months: tuple[PlanMonth, ...]
    interest_fen: int
    scheduled_interest_fen: int
    principal_fen: int  # owed at the start

    @property
    def interest_saved_fen(self) -> int:
        return self.scheduled_interest_fen - self.interest_fen

    @property
    def debt_free_month(self) -> date | None:
        """The first day of the month the last loan is cleared (None when nothing was owed)."""
        return self.months[-1].month if self.months else None

    @property
    def paid_fen(self) -> int:
        return sum(month.paid_fen for month in self.months)


class BudgetTooLow(InvalidValue):
    """The budget does not cover the installments due in some months of the plan: ``shortfalls`` (month, fen
    short)."""

    def __init__(self, budget_fen: int, shortfalls: Sequence[tuple[date, int]]) -> None:
        self.shortfalls = tuple(shortfalls)
        shown = ", ".join(f"{month:%Y-%m} {format_yuan(short)} short" for month, short in self.shortfalls[:3])
        more = f" and {len(self.shortfalls) - 3} more months" if len(self.shortfalls) > 3 else ""
        super().__init__("budget", format_yuan(budget_fen), f"does not cover the installments due: {shown}{more}")


def scheduled_by_month(debts: Iterable[Debt], start: date) -> dict[date, int]:
    """What the schedules ask for in each month from ``start`` (the first day of the month as key), the
    installments overdue at ``start`` counted in its month."""
    totals: dict[date, int] = {}
    first = _month_of(start)
    for debt in debts:
        for state in debt.states:
            if state.remaining_fen:
                month = max(_month_of(state.due_on), first)
                totals[month] = totals.get(month, 0) + state.remaining_fen
    return dict(sorted(totals.items()))


def least_budget(debts: Iterable[Debt], start: date) -> int:
    """The smallest budget certain to be enough: what the schedules ask for in their dearest month."""
    return max(scheduled_by_month(debts, start).values(), default=0)


def plan_payoff(debts: Sequence[Debt], *, budget_fen: int, start: date, strategy: Strategy) -> PayoffPlan:
    """The plan for paying ``debts`` off with ``budget_fen`` a month from ``start`` (BudgetTooLow if it cannot)."""
    if budget_fen < 0:
        raise InvalidValue("budget", format_yuan(budget_fen), "cannot be negative")
    loans = [_Running.of(debt, start) for debt in _ranked(debts, strategy) if _owes(debt)]
    scheduled = sum(loan.charges_left for loan in loans)
    principal = sum(loan.debt.balance_fen for loan in loans)
    months: list[PlanMonth] = []
    order: list[int] = []
    spare = 0  # money of earlier months that could not reach a principal yet
    short: list[tuple[date, int]] = []
    month = _month_of(start)
    while any(loan.is_open for loan in loans):
        if len(months) >= MAX_PLAN_MONTHS:
            raise InvalidValue(
                "budget", format_yuan(budget_fen), f"does not clear the loans in {MAX_PLAN_MONTHS} months"
            )
        first_day = max(month, start)
        last_day = _month_end(month)
        payments: dict[int, int] = {}
        due_total = sum(loan.due_by(last_day) for loan in loans)
        # The money beyond the schedules is paid with the month's first installment (on the month's first day
        # when none falls due in it): a loan cleared early then frees its payments on the day they were paid.
        pay_day = min((loan.open[0].due_on for loan in loans if loan.is_open), default=first_day)
        pay_day = pay_day if first_day <= pay_day <= last_day else first_day
        for loan in loans:
            _add(payments, loan.debt.loan_id, loan.pay_due(pay_day))
        money = budget_fen - due_total + spare
        if money < 0:
            short.append((month, -money))
        for loan in loans:
            if money <= 0:
                break
            if loan.is_open:
                # What the loan's own installments later this month would take counts towards clearing it; a
                # part prepayment may leave less due this month (its last installment smaller): that flows on.
                own = loan.due_by(last_day)
                used = loan.repay_early(pay_day, money, own)
                _add(payments, loan.debt.loan_id, used)
                money += own - used - loan.due_by(last_day)
        for loan in loans:
            _add(payments, loan.debt.loan_id, loan.pay_due(last_day))
        spare = max(budget_fen + spare - sum(payments.values()), 0)  # a month short was met from elsewhere
        for loan in loans:
            if loan.closed_on is not None and loan.debt.loan_id not in order:
                order.append(loan.debt.loan_id)
        balance = sum(loan.balance_fen for loan in loans)
        extra = max(sum(payments.values()) - due_total, 0)
        months.append(PlanMonth(month, payments, extra, balance))
        month = last_day + timedelta(days=1)
    if short:
        raise BudgetTooLow(budget_fen, short)
    order.sort(key=lambda loan_id: next(loan.closed_on for loan in loans if loan.debt.loan_id == loan_id))
    return PayoffPlan(
        strategy=strategy,
        budget_fen=budget_fen,
        start=start,
        order=tuple(order),
        months=tuple(months),
        interest_fen=sum(loan.charges_paid for loan in loans),
        scheduled_interest_fen=scheduled,
        principal_fen=principal,
    )


def _ranked(debts: Iterable[Debt], strategy: Strategy) -> list[Debt]:
    """The debts in the order the money beyond the schedules goes to them."""
    if strategy is Strategy.AVALANCHE:
        return sorted(debts, key=lambda d: (-d.apr, d.balance_fen, d.loan_id))
    return sorted(debts, key=lambda d: (d.balance_fen, -d.apr, d.loan_id))


@dataclass
class _Running:
    """A loan as the plan goes: the installments settled (as states) and those still open, with what is left of
    each (a part paid before the plan starts leaves less)."""

    debt: Debt
    settled: list[InstallmentState]
    open: list[PlannedInstallment]
    principal_left: list[int] = field(default_factory=list)
    interest_left: list[int] = field(default_factory=list)
    charges_paid: int = 0
    closed_on: date | None = None

    @classmethod
    def of(cls, debt: Debt, start: date) -> _Running:
        """The loan as the plan finds it on ``start``: an installment that asks nothing (a 0 % loan's interest
        month) counts as settled on its due date, which may be later; here it is open until then."""
        settled = [s for s in debt.states if s.settled_on is not None and s.settled_on <= start]
        open_states = [s for s in debt.states if s.settled_on is None or s.settled_on > start]
        interest_left = [max(s.installment.charges_fen - s.paid_interest_fen, 0) for s in open_states]
        principal_left = [s.installment.principal_fen - s.paid_principal_fen for s in open_states]
        return cls(
            debt,
            settled,
            [s.installment for s in open_states],
            principal_left,
            interest_left,
        )

    @property
    def is_open(self) -> bool:
        return bool(self.open)

    @property
    def balance_fen(self) -> int:
        return sum(self.principal_left)

    @property
    def charges_left(self) -> int:
        """The interest and fees the open installments still ask for."""
        return sum(self.interest_left)

    def due_by(self, day: date) -> int:
        """What the open installments due by ``day`` still ask for."""
        return sum(
            p + i
            for inst, p, i in zip(self.open, self.principal_left, self.interest_left, strict=True)
            if inst.due_on <= day
        )

    def pay_due(self, day: date) -> int:
        """Pay every open installment due by ``day`` in full; returns what that came to."""
        paid = 0
        while self.open and self.open[0].due_on <= day:
            inst = self.open.pop(0)
            principal, charges = self.principal_left.pop(0), self.interest_left.pop(0)
            paid += principal + charges
            self.charges_paid += charges
            self.settled.append(InstallmentState(inst, inst.charges_fen, inst.principal_fen, inst.due_on))
            if not self.open:
                self.closed_on = inst.due_on
        return paid

    def _close(self, day: date) -> None:
        """Settle whatever is open on ``day``: the principal is paid, the installments' interest is not owed."""
        self.settled.extend(InstallmentState(inst, settled_on=day) for inst in self.open)
        self.open, self.principal_left, self.interest_left = [], [], []
        self.closed_on = day

    def repay_early(self, day: date, money: int, own: int) -> int:
        """Put ``money`` into the loan on ``day``: a payoff when it and ``own`` (what the loan's installments due
        later this month would take) clear the loan — its principal and the interest accrued by the day since its
        last due date — otherwise a part prepayment of ``money`` keeping the payment. Returns what was paid (0
        when it would not reach the principal, or would cost more interest than it saves)."""
        terms = self.debt.terms
        last_due = max((s.due_on for s in self.settled), default=terms.borrowed_on)
        balance = self.balance_fen
        accrued = Interest.of(terms, by_day=True).on(balance, last_due, day)
        if money + own >= balance + accrued:
            if accrued > self.charges_left:
                return 0  # settling now would cost more interest than the schedule asks: wait
            self.charges_paid += accrued
            self._close(day)
            return balance + accrued
        if money <= accrued or any(
            p != inst.principal_fen or i != inst.charges_fen
            for inst, p, i in zip(self.open, self.principal_left, self.interest_left, strict=True)
        ):
            return 0  # nothing would reach the principal, or an installment was part paid before the plan
        states = [*self.settled, *(InstallmentState(inst) for inst in self.open)]
        prepaid = plan_prepayment(terms, states, paid_on=day, amount_fen=money, keep=Keep.PAYMENT)
        if prepaid.interest_saved_fen <= 0 or _asks_more(prepaid.rebuilt, self.open):
            # A sliver that costs more than it saves (rounding), or a rebuilt installment asking more than the one
            # it replaces (a first period charged by the day, 31 days of it): the money waits for more.
            return 0
        self.charges_paid += prepaid.interest_fen
        inst = prepaid.schedule[len(self.settled)]
        self.settled.append(InstallmentState(inst, inst.charges_fen, inst.principal_fen, day))
        self.open = list(prepaid.rebuilt)
        self.principal_left = [i.principal_fen for i in self.open]
        self.interest_left = [i.charges_fen for i in self.open]
        return money


def _asks_more(rebuilt: Sequence[PlannedInstallment], before: Sequence[PlannedInstallment]) -> bool:
    """Whether some month's installments ask more after a prepayment than before it."""
    asked: dict[date, int] = {}
    for inst in before:
        asked[_month_of(inst.due_on)] = asked.get(_month_of(inst.due_on), 0) + inst.total_fen
    for inst in rebuilt:
        asked[_month_of(inst.due_on)] = asked.get(_month_of(inst.due_on), 0) - inst.total_fen
    return any(left < 0 for left in asked.values())


def _owes(debt: Debt) -> bool:
    return any(s.remaining_fen for s in debt.states)


def _add(payments: dict[int, int], loan_id: int, fen: int) -> None:
    if fen:
        payments[loan_id] = payments.get(loan_id, 0) + fen


def _month_of(day: date) -> date:
    return day.replace(day=1)


def _month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])
