"""What if…: the same rules run on the Book with one imagined change — a new loan, an early payoff, a part
prepayment, one installment paid late — and nothing written. The answer is the score and the flags before and
after, the money going out in each of the next twelve months before and after, and what the change itself costs
or saves."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from jiebei_tracker.domain.book import Book, Installment, Loan, Repayment
from jiebei_tracker.domain.cost import TrueCost, loan_cost
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.health import HealthCheck, check_health
from jiebei_tracker.domain.payments import InstallmentState, Payment, apply_payments, propose_payoff
from jiebei_tracker.domain.penalty import DEFAULT_MULTIPLIER, PenaltyTerms
from jiebei_tracker.domain.prepay import Keep, plan_prepayment
from jiebei_tracker.domain.records import guess_platform_kind
from jiebei_tracker.domain.rules import Flag
from jiebei_tracker.domain.schedule import LoanTerms, PlannedInstallment, build_schedule
from jiebei_tracker.domain.vocabulary import LoanPurpose
from jiebei_tracker.services.session import Session
from jiebei_tracker.storage.queries import terms_by_loan

OUTFLOW_MONTHS = 12
IMAGINED = -1  # the id of an imagined loan, repayment or installment: no stored record has one below 1
NEW_LOAN_REF = "NEW"  # how the evidence names the loan imagined
DEFAULT_LATE_DAYS = 30


@dataclass(frozen=True)
class LimitUse:
    """A platform's balance against its latest recorded limit, before and after (limit None: none recorded)."""

    platform: str
    limit_fen: int | None
    before_fen: int
    after_fen: int


@dataclass(frozen=True)
class LateWindow:
    """How long one late installment keeps counting: the day it is paid, the last day it makes the late-history
    flag high, and the last day it counts at all (the rules' windows, which are settings)."""

    paid_on: date
    days_late: int
    high_until: date
    counts_until: date


@dataclass(frozen=True)
class WhatIf:
    """The answer to one what-if, as of ``as_of``."""

    as_of: date
    before: HealthCheck
    after: HealthCheck
    outflow: tuple[tuple[date, int, int], ...]  # (month's first day, before, after) for the next twelve months
    cost: TrueCost | None = None  # borrow: the new loan's true APR
    limit_use: LimitUse | None = None  # borrow
    interest_saved_fen: int | None = None  # payoff, prepay
    installments_removed: int | None = None  # payoff, prepay
    late: LateWindow | None = None  # late

    @property
    def flags_added(self) -> tuple[Flag, ...]:
        before = self.before.rule_ids
        return tuple(flag for flag in self.after.flags if flag.rule not in before)

    @property
    def flags_removed(self) -> tuple[Flag, ...]:
        after = self.after.rule_ids
        return tuple(flag for flag in self.before.flags if flag.rule not in after)

    @property
    def flags_changed(self) -> tuple[tuple[Flag, Flag], ...]:
        """(before, after) of each rule in force both times at another severity."""
        before = {flag.rule: flag for flag in self.before.flags}
        return tuple(
            (before[flag.rule], flag)
            for flag in self.after.flags
            if flag.rule in before and before[flag.rule].severity is not flag.severity
        )


# -- the four questions -----------------------------------------------------------------------------------


def borrow(
    session: Session,
    *,
    platform: str,
    terms: LoanTerms,
    purpose: LoanPurpose = LoanPurpose.OTHER,
    autopay: bool = False,
) -> WhatIf:
    """What taking a loan on ``terms`` from ``platform`` would do, as of the day it is borrowed."""
    platform = platform.strip()
    if not platform:
        raise InvalidValue("platform", platform, "give the platform's name")
    book = session.book()
    kind = book.platform_kinds.get(platform) or guess_platform_kind(platform)
    multiplier = next((loan.penalty_multiplier for loan in book.loans if loan.platform == platform), None)
    loan = Loan(
        IMAGINED,
        platform,
        kind,
        purpose,
        autopay,
        terms.principal_fen,
        terms.borrowed_on,
        _installments(IMAGINED, build_schedule(terms)),
        fee_upfront_fen=terms.fees.upfront_fen,
        annual_rate=terms.rate.annual,
        external_id=NEW_LOAN_REF,
        penalty_multiplier=multiplier or DEFAULT_MULTIPLIER,
    )
    after = _with_loan(book, loan)
    answer = _answer(session, book, after, terms.borrowed_on)
    return replace(answer, cost=loan_cost(terms), limit_use=_limit_use(book, after, platform, terms.borrowed_on))


def payoff(session: Session, loan_id: int, *, on: date, amount_fen: int | None = None) -> WhatIf:
    """What paying the loan off on ``on`` would do (the proposed amount unless ``amount_fen`` is given)."""
    book = session.book()
    loan, states = _loan_states(session, book, loan_id, on)
    grace = session.settings.grace_days
    penalty = PenaltyTerms(loan.annual_rate, loan.penalty_multiplier, grace)
    quote = propose_payoff(states, rate=_terms(session, loan_id).rate, borrowed_on=loan.borrowed_on, paid_on=on,
                           penalty=penalty)  # fmt: skip
    amount = quote.amount_fen if amount_fen is None else amount_fen
    open_states = [s for s in states if s.settled_on is None]
    paid = [*book.payments(loan_id), Payment(on, amount, is_payoff=True)]
    imagined = _replayed(loan, [s.installment for s in states], paid, penalty)
    after = _with_repayment(book, imagined, Repayment(IMAGINED, loan_id, on, amount, True))
    return replace(
        _answer(session, book, after, on),
        interest_saved_fen=sum(s.remaining_fen for s in open_states) + quote.penalty_fen - amount,
        installments_removed=sum(1 for s in open_states if s.due_on > on),
    )


def prepay(session: Session, loan_id: int, *, on: date, amount_fen: int, keep: Keep) -> WhatIf:
    """What repaying ``amount_fen`` of the loan early on ``on`` would do (``domain.prepay``)."""
    book = session.book()
    loan, states = _loan_states(session, book, loan_id, on)
    plan = plan_prepayment(_terms(session, loan_id), states, paid_on=on, amount_fen=amount_fen, keep=keep)
    penalty = PenaltyTerms(loan.annual_rate, loan.penalty_multiplier, session.settings.grace_days)
    imagined = _replayed(loan, plan.schedule, [*book.payments(loan_id), Payment(on, amount_fen)], penalty)
    after = _with_repayment(book, imagined, Repayment(IMAGINED, loan_id, on, amount_fen, False))
    open_before = sum(1 for s in states if s.settled_on is None)
    return replace(
        _answer(session, book, after, on),
        interest_saved_fen=plan.interest_saved_fen,
        installments_removed=open_before - len(plan.rebuilt),
    )


def late(session: Session, loan_id: int, *, days: int = DEFAULT_LATE_DAYS) -> WhatIf:
    """What paying the loan's next open installment ``days`` days after its due date would do, against paying it
    on the day: both as of the day it would be paid, every other installment falling due from today until then
    paid on its due date."""
    if not 1 <= days <= 365:
        raise InvalidValue("days", days, "must be 1 to 365 days")
    book = session.book()
    loan = _book_loan(book, loan_id)
    first = loan.next_open()
    if first is None:
        raise InvalidValue("LOAN", loan.ref, "is settled: no installment is left to pay late")
    paid_on = first.due_on + timedelta(days=days)
    settings = session.settings
    on_time = _paid_when_due(book, session.today(), paid_on, settings.grace_days)
    due = [i for i in loan.installments if i.settled_on is None and i.due_on <= paid_on]
    # One payment on the day settles it and whatever else fell due by then: money goes to the earliest first.
    owed = sum(i.remaining_fen for i in due) + loan.penalty_on(first, paid_on, settings.grace_days)
    penalty = PenaltyTerms(loan.annual_rate, loan.penalty_multiplier, settings.grace_days)
    late_paid = [*book.payments(loan_id), Payment(paid_on, owed)]
    imagined = _replayed(loan, [_planned(i) for i in loan.installments], late_paid, penalty)
    thresholds = settings.thresholds
    window = LateWindow(
        paid_on,
        days,
        paid_on + relativedelta(months=thresholds.late_recent_months),
        paid_on + relativedelta(months=thresholds.late_window_months),
    )
    return replace(_answer(session, on_time, _with_repayments(on_time, imagined, late_paid), paid_on), late=window)


# -- the imagined Book ------------------------------------------------------------------------------------


def _answer(session: Session, before: Book, after: Book, as_of: date) -> WhatIf:
    settings = session.settings

    def health(book: Book) -> HealthCheck:
        return check_health(book, as_of, thresholds=settings.thresholds, grace_days=settings.grace_days)

    # The Book as it is: the Session's health check, kept between questions (the form asks again at each key).
    now = session.health(as_of) if before is session.book() else health(before)
    return WhatIf(as_of, now, health(after), _outflow(before, after, as_of))


def _outflow(before: Book, after: Book, as_of: date) -> tuple[tuple[date, int, int], ...]:
    """What the open installments ask in each of the twelve months from ``as_of``'s (overdue ones in the first)."""
    first = as_of.replace(day=1)
    months = [first + relativedelta(months=n) for n in range(OUTFLOW_MONTHS)]
    end = months[-1].replace(day=calendar.monthrange(months[-1].year, months[-1].month)[1])

    def totals(book: Book) -> dict[date, int]:
        found: dict[date, int] = {}
        snapshot = book.snapshot(as_of)
        for loan in snapshot.loans:
            for inst in loan.installments:
                if inst.settled_on is None and inst.due_on <= end:
                    month = max(inst.due_on.replace(day=1), first)
                    found[month] = found.get(month, 0) + inst.remaining_fen
        return found

    old, new = totals(before), totals(after)
    return tuple((month, old.get(month, 0), new.get(month, 0)) for month in months)


def _with_loan(book: Book, loan: Loan) -> Book:
    fresh = Book.of([loan], (), book.limits, book.notes, book.platform_kinds)
    return book.with_loans_replaced([loan.loan_id], fresh)


def _with_repayment(book: Book, loan: Loan, repayment: Repayment) -> Book:
    """``book`` with ``loan`` as imagined and its repayments plus ``repayment``."""
    records = (*book.repayments.only_loans({loan.loan_id}).records(), repayment)
    fresh = Book.of([loan], records, book.limits, book.notes, book.platform_kinds)
    return book.with_loans_replaced([loan.loan_id], fresh)


def _with_repayments(book: Book, loan: Loan, payments: Sequence[Payment]) -> Book:
    """``book`` with ``loan`` as imagined, paid ``payments`` (all of its repayments)."""
    records = [
        Repayment(IMAGINED - n, loan.loan_id, p.paid_on, p.amount_fen, p.is_payoff) for n, p in enumerate(payments)
    ]
    fresh = Book.of([loan], records, book.limits, book.notes, book.platform_kinds)
    return book.with_loans_replaced([loan.loan_id], fresh)


def _paid_when_due(book: Book, start: date, end: date, grace_days: int) -> Book:
    """``book`` with every open installment falling due from ``start`` to ``end`` paid in full on its due date."""
    loans, paid = [], []
    for loan in book.loans:
        due = [i for i in loan.installments if i.settled_on is None and start <= i.due_on <= end]
        if due:
            payments = [*book.payments(loan.loan_id), *(Payment(i.due_on, i.remaining_fen) for i in due)]
            penalty = PenaltyTerms(loan.annual_rate, loan.penalty_multiplier, grace_days)
            loans.append(_replayed(loan, [_planned(i) for i in loan.installments], payments, penalty))
            paid += [(loan.loan_id, p) for p in payments]
    records = [Repayment(IMAGINED - n, loan_id, p.paid_on, p.amount_fen, p.is_payoff) for n, (loan_id, p) in
               enumerate(paid)]  # fmt: skip
    fresh = Book.of(loans, records, book.limits, book.notes, book.platform_kinds)
    return book.with_loans_replaced([loan.loan_id for loan in loans], fresh)


def _book_loan(book: Book, loan_id: int) -> Loan:
    found = next((loan for loan in book.loans if loan.loan_id == loan_id), None)
    if found is None:
        raise InvalidValue("LOAN", loan_id, "no such loan")
    return found


def _loan_states(session: Session, book: Book, loan_id: int, on: date) -> tuple[Loan, list[InstallmentState]]:
    """The loan and its installments' states as its repayments leave them (those after ``on`` refused)."""
    loan = _book_loan(book, loan_id)
    if on < loan.borrowed_on:
        raise InvalidValue("on", on.isoformat(), f"is before the loan was taken ({loan.borrowed_on})")
    payments = book.payments(loan_id)
    if any(p.paid_on > on for p in payments):
        raise InvalidValue("on", on.isoformat(), "a repayment is recorded after this day")
    if not loan.is_open:
        raise InvalidValue("LOAN", loan.ref, "is settled already")
    return loan, [_state(i) for i in loan.installments]


def _terms(session: Session, loan_id: int) -> LoanTerms:
    with session.database.reading() as db:
        return terms_by_loan(db, [loan_id])[loan_id]


def _replayed(loan: Loan, schedule: Sequence[PlannedInstallment], payments, penalty: PenaltyTerms) -> Loan:
    """The loan with ``schedule`` and ``payments`` applied to it, as the ledger would store it."""
    states = apply_payments(schedule, payments, penalty=penalty).states
    return replace(loan, installments=_installments(loan.loan_id, states))


def _installments(loan_id: int, rows) -> tuple[Installment, ...]:
    """Installments of an imagined schedule: ``PlannedInstallment`` (nothing paid) or ``InstallmentState``."""
    found = []
    for n, row in enumerate(rows):
        state = row if isinstance(row, InstallmentState) else InstallmentState(row)
        inst = state.installment
        found.append(
            Installment(
                IMAGINED - n,
                loan_id,
                inst.seq,
                inst.due_on,
                inst.principal_fen,
                inst.interest_fen,
                state.paid_interest_fen,
                state.paid_principal_fen,
                state.settled_on,
                inst.fee_fen,
                state.paid_penalty_fen,
            )
        )
    return tuple(found)


def _planned(inst: Installment) -> PlannedInstallment:
    return PlannedInstallment(inst.seq, inst.due_on, inst.principal_fen, inst.interest_fen, inst.fee_fen)


def _state(inst: Installment) -> InstallmentState:
    return InstallmentState(
        _planned(inst), inst.paid_interest_fen, inst.paid_principal_fen, inst.settled_on, False, inst.paid_penalty_fen
    )


def _limit_use(before: Book, after: Book, platform: str, day: date) -> LimitUse:
    limits = [r for r in before.limits if r.platform == platform and r.recorded_on <= day]
    limit = max(limits, key=lambda r: r.recorded_on).limit_fen if limits else None

    def balance(book: Book) -> int:
        return sum(loan.outstanding_principal_fen for loan in book.snapshot(day).loans if loan.platform == platform)

    return LimitUse(platform, limit, balance(before), balance(after))
