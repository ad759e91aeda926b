"""When each loan closed, and the installment index (by due date, by settling date) shared by the snapshots of
one Book."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import itemgetter

from jiebei_tracker.domain.book.records import (
    Installment,
    Loan,
)


@dataclass(frozen=True)
class Closing:
    """Per loan, the day it was fully settled (None while open) and the last day any installment of it was."""

    closed_on: Mapping[int, date | None]
    last_settled: Mapping[int, date | None]

    @classmethod
    def of(cls, loans: Iterable[Loan]) -> Closing:
        closed_on: dict[int, date | None] = {}
        last_settled: dict[int, date | None] = {}
        for loan in loans:
            settled = list(map(_SETTLED_AT, loan.installments))
            if None in settled:
                last_settled[loan.loan_id] = max(filter(None, settled), default=None)  # dates are true; None is not
                closed_on[loan.loan_id] = None
            else:
                latest = last_settled[loan.loan_id] = max(settled, default=None)
                closed_on[loan.loan_id] = latest or date.min
        return cls(closed_on, last_settled)

    def only(self, loan_ids: Iterable[int]) -> Closing:
        """The same for the loans ``loan_ids`` alone (what ``of`` gives for those loans)."""
        closed_on, last_settled = self.closed_on, self.last_settled
        return Closing({i: closed_on[i] for i in loan_ids}, {i: last_settled[i] for i in loan_ids})


@dataclass(frozen=True)
class InstallmentIndex:
    """A history's installments ordered by due date and by the day they were settled, with when each loan closed.
    Built once for a Book and shared by its snapshots, so that rules asking "what fell due / was settled
    between these days" need not scan every installment ever recorded."""

    by_due: tuple[Installment, ...]
    by_settled: tuple[Installment, ...]
    closed_on: Mapping[int, date | None]
    # Per grace days, the installments of ``by_settled`` settled after their due date plus grace (same order).
    _late: dict[int, tuple[Installment, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, loans: Iterable[Loan], closing: Closing | None = None) -> InstallmentIndex:
        loans = tuple(loans)
        every = [inst for loan in loans for inst in loan.installments]
        # One-key sorts (a third of the cost of tuple keys); being stable, they keep the loans' order on ties.
        by_due = tuple(sorted(every, key=_DUE_ON))
        by_settled = tuple(sorted(filter(_SETTLED_ON, every), key=_SETTLED_ON))  # a date is true, None is not
        return cls(by_due, by_settled, (closing or Closing.of(loans)).closed_on)

    def with_loans_replaced(
        self,
        old: Iterable[Loan],
        fresh: Iterable[Loan],
        loans: Iterable[Loan],
        closed_on: Mapping[int, date | None],
    ) -> InstallmentIndex:
        """This index with the installments of the loans ``old`` (as this index holds them) replaced by those of
        ``fresh``; ``loans`` are all the loans now, in (borrowed_on, loan_id) order. Ties keep the order ``of``
        gives them: the loans' order, then the installments'."""
        borrowed = {loan.loan_id: loan.borrowed_on for loan in loans}
        borrowed_before = {**borrowed, **{loan.loan_id: loan.borrowed_on for loan in old}}

        def due_order(inst: Installment) -> tuple:
            return inst.due_on, borrowed[inst.loan_id], inst.loan_id, inst.seq

        def settled_order(inst: Installment) -> tuple:
            return inst.settled_on, borrowed[inst.loan_id], inst.loan_id, inst.seq

        # The old installments are found by bisection (a few among tens of thousands), not by a pass over all.
        # The late lists worked out so far (per grace days) are kept up to date the same way as by_settled.
        by_due, by_settled = list(self.by_due), list(self.by_settled)
        late = {grace: (list(found), timedelta(days=grace)) for grace, found in self._late.items()}
        lists = [(by_due, 3, None), (by_settled, 8, None)]  # due_on, settled_on
        lists += [(found, 8, delta) for found, delta in late.values()]
        for found, field_, delta in lists:

            def before(inst: Installment, field_: int = field_) -> tuple:
                return inst[field_], borrowed_before[inst.loan_id], inst.loan_id, inst.seq

            for loan in old:
                for inst in loan.installments:
                    if inst[field_] is None or (delta is not None and not _is_late(inst, delta)):
                        continue
                    at = bisect_left(found, before(inst), key=before)
                    if at == len(found) or found[at] != inst:
                        raise ValueError(f"installment {inst.installment_id} is not in the index")
                    del found[at]
        for loan in fresh:
            for inst in loan.installments:
                by_due.insert(bisect_right(by_due, due_order(inst), key=due_order), inst)
                if inst.settled_on is not None:
                    at = bisect_right(by_settled, settled_order(inst), key=settled_order)
                    by_settled.insert(at, inst)
                    for found, delta in late.values():
                        if _is_late(inst, delta):
                            found.insert(bisect_right(found, settled_order(inst), key=settled_order), inst)
        return InstallmentIndex(
            tuple(by_due), tuple(by_settled), closed_on, {grace: tuple(found) for grace, (found, _) in late.items()}
        )

    def due_between(self, first: date, last: date) -> tuple[Installment, ...]:
        found = self.by_due
        return found[bisect_left(found, first, key=_DUE_ON) : bisect_right(found, last, key=_DUE_ON)]

    def settled_between(self, first: date, last: date) -> tuple[Installment, ...]:
        found = self.by_settled
        return found[bisect_left(found, first, key=_SETTLED_ON) : bisect_right(found, last, key=_SETTLED_ON)]

    def late_settled_between(self, first: date, last: date, grace_days: int = 0) -> tuple[Installment, ...]:
        """Those of ``settled_between`` settled after their due date plus ``grace_days``. The late ones are picked
        out once per grace setting (a long history's month ends each look at two years of settled installments,
        of which few were late)."""
        found = self._late.get(grace_days)
        if found is None:
            grace = timedelta(days=grace_days)
            found = self._late[grace_days] = tuple(i for i in self.by_settled if _is_late(i, grace))
        return found[bisect_left(found, first, key=_SETTLED_ON) : bisect_right(found, last, key=_SETTLED_ON)]


def _is_late(inst: Installment, grace: timedelta) -> bool:
    """Settled after its due date plus ``grace`` (the installment must be settled)."""
    return inst.settled_on > inst.due_on + grace


# Installment.due_on and .settled_on by position: quicker than by name in sorts and bisections.
_DUE_ON = itemgetter(Installment._fields.index("due_on"))
_SETTLED_ON = _SETTLED_AT = itemgetter(Installment._fields.index("settled_on"))
