"""When an installment is on time, settled early, late, overdue or upcoming: the one definition, which the domain's
records, the dashboard's reads (storage/reads.py asks SQL the same question) and the rules share. Kept apart from
the payment arithmetic so that the first screen can use it without loading that."""

from __future__ import annotations

from datetime import date, timedelta

from jiebei_tracker.domain.vocabulary import InstallmentStatus


def overdue_before(as_of: date, grace_days: int = 0) -> date:
    """An installment still open on ``as_of`` is overdue when it fell due before this day (``as_of`` less the
    grace days). storage/reads.py asks SQL the same question with this day; tests/storage/test_overdue_agrees.py
    holds the two equal over generated histories."""
    return as_of - timedelta(days=grace_days)


def installment_status(
    due_on: date, settled_on: date | None, as_of: date, grace_days: int = 0, *, by_payoff: bool = False
) -> InstallmentStatus:
    """The one definition (docs/money.md): once settled (by ``as_of``) on time, or late when settled after its due
    date plus the grace days; while open, overdue once past that, else upcoming.

    Settled early: settled ``by_payoff`` (an early payoff closed it) on a day before its due date. Whether the
    payoff's money happened to cover it in full does not matter — the waterfall fills the first installments after
    the payoff in full and leaves the last ones short, yet all of them were settled the same way. It counts as on
    time (``InstallmentStatus.is_on_time``); an installment the payoff closed on or after its due date is on time or
    late as any other."""
    if settled_on is not None and settled_on <= as_of:
        if by_payoff and settled_on < due_on:
            return InstallmentStatus.SETTLED_EARLY
        late = settled_on > due_on + timedelta(days=grace_days)
        return InstallmentStatus.LATE if late else InstallmentStatus.ON_TIME
    return InstallmentStatus.OVERDUE if due_on < overdue_before(as_of, grace_days) else InstallmentStatus.UPCOMING
