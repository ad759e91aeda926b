"""The read-only ``Snapshot`` of one day that rules see: the records as they stood on its date.

Loans borrowed later do not exist yet, repayments made later have not happened (installments they settled are
open again, paid only what had been paid by then), limits and notes recorded later are unknown, and a note
resolved later is still unresolved. ``Book.snapshot(day)`` makes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from itertools import islice

from jiebei_tracker.domain.book.index import InstallmentIndex
from jiebei_tracker.domain.book.records import (
    CreditNote,
    Installment,
    Loan,
    Repayment,
    Repayments,
)
from jiebei_tracker.domain.limits import LimitRecord
from jiebei_tracker.domain.vocabulary import PlatformKind


@dataclass(frozen=True)
class Snapshot:
    """The records as of ``as_of``; ``grace_days`` is the user's setting for when a payment counts as late.

    Build one with ``Book.snapshot(day)``; one made directly from records (in tests) must hold them as they
    stood on ``as_of``."""

    as_of: date
    loans: tuple[Loan, ...]
    payments: Repayments = field(default_factory=Repayments)  # those paid by ``as_of``
    limits: tuple[LimitRecord, ...] = ()
    notes: tuple[CreditNote, ...] = ()
    platform_kinds: Mapping[str, PlatformKind] = field(default_factory=dict)
    grace_days: int = 0
    index: InstallmentIndex | None = field(default=None, repr=False, compare=False)

    @cached_property
    def _index(self) -> InstallmentIndex:
        return self.index or InstallmentIndex.of(self.loans)

    @cached_property
    def repayments(self) -> tuple[Repayment, ...]:
        """The repayments made by the snapshot date, oldest first."""
        return self.payments.records()

    def is_open(self, loan: Loan) -> bool:
        """The loan still had something to settle on the snapshot date."""
        closed = self._index.closed_on.get(loan.loan_id)
        return closed is None or closed > self.as_of

    @cached_property
    def _open_ids(self) -> frozenset[int]:
        """The loans ``is_open`` says are open (worked out in one pass; thousands of loans on a long history)."""
        as_of, closed_on = self.as_of, self._index.closed_on.get
        return frozenset(
            loan.loan_id for loan in self.loans if (closed := closed_on(loan.loan_id)) is None or closed > as_of
        )

    @cached_property
    def open_loans(self) -> tuple[Loan, ...]:
        is_open = self._open_ids.__contains__
        return tuple(loan for loan in self.loans if is_open(loan.loan_id))

    @cached_property
    def _counting(self) -> dict[int, tuple[Loan, ...]]:
        return {}

    def loans_that_count(self, memory_days: int) -> tuple[Loan, ...]:
        """Loans still open on the snapshot date or borrowed within its last ``memory_days`` days, in the order
        kept: those whose use (what the money was for, who lent it) still counts."""
        found = self._counting.get(memory_days)
        if found is None:
            since = self.as_of - timedelta(days=memory_days - 1)
            is_open = self._open_ids.__contains__
            found = self._counting[memory_days] = tuple(
                loan for loan in self.loans if loan.borrowed_on >= since or is_open(loan.loan_id)
            )
        return found

    @cached_property
    def loans_by_id(self) -> dict[int, Loan]:
        return {loan.loan_id: loan for loan in self.loans}

    def _as_it_stood(self, found: Iterable[Installment]) -> list[Installment]:
        """The snapshot's own version of each installment (a shared index holds them as finally recorded)."""
        loans = self.loans_by_id
        return [loans[i.loan_id].installments[i.seq - 1] for i in found if i.loan_id in loans]

    def installments_due_between(self, first: date, last: date) -> list[Installment]:
        """Installments due from ``first`` to ``last`` (both included), as they stood on the snapshot date."""
        return self._as_it_stood(self._index.due_between(first, last))

    def installments_settled_between(self, first: date, last: date) -> list[Installment]:
        """Installments settled from ``first`` to ``last`` (no later than the snapshot date), in that order."""
        # Settled by the snapshot date, an installment is the same in the snapshot as in the final records.
        return self._as_it_stood(self._index.settled_between(first, min(last, self.as_of)))

    def installments_settled_late_between(self, first: date, last: date) -> list[Installment]:
        """Those of ``installments_settled_between`` settled after their due date plus the grace days."""
        return self._as_it_stood(self._index.late_settled_between(first, min(last, self.as_of), self.grace_days))

    def last_settled_late_between(self, first: date, last: date) -> date | None:
        """The latest day any of ``installments_settled_late_between`` was settled (None when there are none),
        without going through them all: they come in the order they were settled."""
        loans = self.loans_by_id
        found = self._index.late_settled_between(first, min(last, self.as_of), self.grace_days)
        return next((i.settled_on for i in reversed(found) if i.loan_id in loans), None)

    def installments_due_between_for(self, loan: Loan, days: int, *, limit: int | None = None) -> list[Installment]:
        """Other, older loans' installments due from the day ``loan`` was borrowed to ``days`` days later and not
        yet settled when it was borrowed (settled that day or later), as they stood on the snapshot date; only
        the first ``limit`` of them when given."""
        borrowed = loan.borrowed_on
        loans = self.loans_by_id
        # Filtered on the index's records, which have the same terms; one settled after the snapshot date is
        # open in the snapshot, and so also "not settled before ``borrowed``" (a loan in it was borrowed by then).
        found = (
            loans[i.loan_id].installments[i.seq - 1]
            for i in self._index.due_between(borrowed, borrowed + timedelta(days=days))
            if i.loan_id != loan.loan_id
            and (i.settled_on is None or i.settled_on >= borrowed)
            and i.loan_id in loans
            and loans[i.loan_id].borrowed_on < borrowed
        )
        return list(found if limit is None else islice(found, limit))

    def loans_borrowed_since(self, first: date) -> tuple[Loan, ...]:
        """Loans borrowed from ``first`` to the snapshot date, in the order they are kept (oldest first)."""
        return tuple(loan for loan in self.loans if loan.borrowed_on >= first)

    def limit_on(self, platform: str, day: date) -> int | None:
        """The platform's latest recorded limit on or before ``day``."""
        found = None
        for record in self.limits:
            if record.platform == platform and record.recorded_on <= day:
                found = record.limit_fen
        return found
