"""The user's records as plain values: the whole ``History``, and the read-only ``Snapshot`` of one day that rules see.

A snapshot shows the records as they stood on its date: loans borrowed later do not exist yet, repayments made
later have not happened (installments they settled are open again, paid only what had been paid by then),
limits and notes recorded later are unknown, and a note resolved later is still unresolved.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property

from jiebei_tracker.domain.payments import Payment, apply_payments
from jiebei_tracker.domain.schedule import Installment
from jiebei_tracker.domain.vocabulary import InstallmentStatus, LoanPurpose, NoteKind, PlatformKind


@dataclass(frozen=True, slots=True)
class InstallmentRecord:
    """A scheduled payment with what had been paid on it; ``settled_on`` is None while it is open."""

    installment_id: int
    loan_id: int
    seq: int
    due_on: date
    principal_fen: int
    interest_fen: int
    paid_interest_fen: int = 0
    paid_principal_fen: int = 0
    settled_on: date | None = None

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.interest_fen

    @property
    def paid_fen(self) -> int:
        return self.paid_interest_fen + self.paid_principal_fen

    @property
    def remaining_fen(self) -> int:
        """Still owed (0 once settled, even by a payoff for less)."""
        return 0 if self.settled_on is not None else self.total_fen - self.paid_fen

    @property
    def remaining_principal_fen(self) -> int:
        return 0 if self.settled_on is not None else self.principal_fen - self.paid_principal_fen

    def deadline(self, grace_days: int = 0) -> date:
        return self.due_on + timedelta(days=grace_days)

    def status(self, as_of: date, grace_days: int = 0) -> InstallmentStatus:
        """As SCHEDULES.md defines it: on time / late once settled, overdue past due (+ grace), else upcoming."""
        deadline = self.deadline(grace_days)
        if self.settled_on is not None and self.settled_on <= as_of:
            return InstallmentStatus.ON_TIME if self.settled_on <= deadline else InstallmentStatus.LATE
        return InstallmentStatus.OVERDUE if as_of > deadline else InstallmentStatus.UPCOMING


@dataclass(frozen=True, slots=True)
class LoanRecord:
    """A loan with its platform, what it was for, and its installments (oldest first)."""

    loan_id: int
    platform: str
    platform_kind: PlatformKind
    purpose: LoanPurpose
    autopay: bool
    principal_fen: int
    borrowed_on: date
    installments: tuple[InstallmentRecord, ...]
    external_id: str | None = None

    @property
    def ref(self) -> str:
        """How people name the loan: the platform's loan number if known, else ``#<number>``."""
        return self.external_id or f"#{self.loan_id}"

    @property
    def is_open(self) -> bool:
        """Some installment is still to be settled."""
        return any(i.settled_on is None for i in self.installments)

    @property
    def outstanding_principal_fen(self) -> int:
        return sum(i.remaining_principal_fen for i in self.installments)

    @property
    def remaining_fen(self) -> int:
        return sum(i.remaining_fen for i in self.installments)

    def next_open(self) -> InstallmentRecord | None:
        return next((i for i in self.installments if i.settled_on is None), None)


@dataclass(frozen=True, slots=True)
class RepaymentRecord:
    repayment_id: int
    loan_id: int
    paid_on: date
    amount_fen: int
    is_payoff: bool = False


@dataclass(frozen=True, slots=True)
class LimitRecord:
    """A platform's credit limit as the user saw it on a day."""

    platform: str
    recorded_on: date
    limit_fen: int
    limit_id: int = 0


@dataclass(frozen=True, slots=True)
class CreditNote:
    """A credit-report (征信) line. ``resolved_on`` is None while it is unresolved."""

    note_id: int
    noted_on: date
    kind: NoteKind
    text: str
    resolved_on: date | None = None


@dataclass(frozen=True)
class Snapshot:
    """The records as of ``as_of``; ``grace_days`` is the user's setting for when a payment counts as late."""

    as_of: date
    loans: tuple[LoanRecord, ...]
    repayments: tuple[RepaymentRecord, ...] = ()
    limits: tuple[LimitRecord, ...] = ()
    notes: tuple[CreditNote, ...] = ()
    platform_kinds: Mapping[str, PlatformKind] = field(default_factory=dict)
    grace_days: int = 0

    @cached_property
    def open_loans(self) -> tuple[LoanRecord, ...]:
        return tuple(loan for loan in self.loans if loan.is_open)

    @cached_property
    def loans_by_id(self) -> dict[int, LoanRecord]:
        return {loan.loan_id: loan for loan in self.loans}

    @cached_property
    def installments_by_due(self) -> tuple[tuple[date, ...], tuple[InstallmentRecord, ...]]:
        """Every installment sorted by due date, with the due dates alone for bisecting."""
        ordered = sorted((i for loan in self.loans for i in loan.installments), key=lambda i: i.due_on)
        return tuple(i.due_on for i in ordered), tuple(ordered)

    def installments_due_between(self, first: date, last: date) -> tuple[InstallmentRecord, ...]:
        """Installments due from ``first`` to ``last``, both included."""
        days, ordered = self.installments_by_due
        return ordered[bisect_right(days, first - timedelta(days=1)) : bisect_right(days, last)]

    def loans_borrowed_since(self, first: date) -> tuple[LoanRecord, ...]:
        """Loans borrowed from ``first`` to the snapshot date (loans are kept oldest first)."""
        return tuple(loan for loan in self.loans if loan.borrowed_on >= first)

    def limit_on(self, platform: str, day: date) -> int | None:
        """The platform's latest recorded limit on or before ``day``."""
        found = None
        for record in self.limits:
            if record.platform == platform and record.recorded_on <= day:
                found = record.limit_fen
        return found

    def kind_of(self, platform: str) -> PlatformKind:
        return self.platform_kinds.get(platform, PlatformKind.INTERNET)


@dataclass(frozen=True)
class History:
    """Everything recorded, as stored: installments carry the state all repayments give them.
    ``snapshot(day)`` turns it into what rules see for that day."""

    loans: tuple[LoanRecord, ...]
    repayments: tuple[RepaymentRecord, ...] = ()
    limits: tuple[LimitRecord, ...] = ()
    notes: tuple[CreditNote, ...] = ()
    platform_kinds: Mapping[str, PlatformKind] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        loans: Iterable[LoanRecord],
        repayments: Iterable[RepaymentRecord] = (),
        limits: Iterable[LimitRecord] = (),
        notes: Iterable[CreditNote] = (),
        platform_kinds: Mapping[str, PlatformKind] | None = None,
    ) -> History:
        """A history with every list put in date order, whatever order it came in."""
        loans = tuple(sorted(loans, key=lambda loan: (loan.borrowed_on, loan.loan_id)))
        kinds = dict(platform_kinds or {})
        for loan in loans:
            kinds.setdefault(loan.platform, loan.platform_kind)
        return cls(
            loans=loans,
            repayments=tuple(sorted(repayments, key=lambda r: (r.paid_on, r.repayment_id))),
            limits=tuple(sorted(limits, key=lambda r: (r.recorded_on, r.limit_id))),
            notes=tuple(sorted(notes, key=lambda n: (n.noted_on, n.note_id))),
            platform_kinds=kinds,
        )

    @cached_property
    def _borrowed_days(self) -> list[date]:
        return [loan.borrowed_on for loan in self.loans]

    @cached_property
    def _paid_days(self) -> list[date]:
        return [r.paid_on for r in self.repayments]

    @cached_property
    def _payments_by_loan(self) -> dict[int, list[Payment]]:
        by_loan: dict[int, list[Payment]] = {}
        for r in self.repayments:
            by_loan.setdefault(r.loan_id, []).append(Payment(r.paid_on, r.amount_fen, r.is_payoff))
        return by_loan

    @cached_property
    def _last_change(self) -> dict[int, date]:
        """Per loan, the last day its installments' state changed (a repayment, or a nothing-due installment
        settling on its due date): a snapshot on or after that day can use the stored state as it is."""
        last: dict[int, date] = {}
        for r in self.repayments:
            last[r.loan_id] = max(r.paid_on, last.get(r.loan_id, r.paid_on))
        for loan in self.loans:
            for inst in loan.installments:
                if inst.settled_on is not None and inst.settled_on > last.get(loan.loan_id, date.min):
                    last[loan.loan_id] = inst.settled_on
        return last

    def snapshot(self, as_of: date, *, grace_days: int = 0) -> Snapshot:
        """The records as they stood at the end of ``as_of``."""
        loans = []
        last_change = self._last_change
        for loan in self.loans[: bisect_right(self._borrowed_days, as_of)]:
            changed = last_change.get(loan.loan_id)
            loans.append(loan if changed is None or changed <= as_of else self._replayed(loan, as_of))
        repayments = self.repayments[: bisect_right(self._paid_days, as_of)]
        return Snapshot(
            as_of=as_of,
            loans=tuple(loans),
            repayments=repayments,
            limits=tuple(r for r in self.limits if r.recorded_on <= as_of),
            notes=tuple(_note_as_of(n, as_of) for n in self.notes if n.noted_on <= as_of),
            platform_kinds=self.platform_kinds,
            grace_days=grace_days,
        )

    def _replayed(self, loan: LoanRecord, as_of: date) -> LoanRecord:
        """The loan's installments with only the repayments made by ``as_of`` applied (SCHEDULES.md, Paying)."""
        schedule = [Installment(i.seq, i.due_on, i.principal_fen, i.interest_fen) for i in loan.installments]
        states = apply_payments(schedule, self._payments_by_loan.get(loan.loan_id, ()), as_of=as_of).states
        installments = tuple(
            replace(
                record,
                paid_interest_fen=state.paid_interest_fen,
                paid_principal_fen=state.paid_principal_fen,
                # A nothing-due installment counts as settled on its due date, which may not have come yet.
                settled_on=state.settled_on if state.is_settled(as_of) else None,
            )
            for record, state in zip(loan.installments, states, strict=True)
        )
        return replace(loan, installments=installments)


def _note_as_of(note: CreditNote, as_of: date) -> CreditNote:
    if note.resolved_on is not None and note.resolved_on > as_of:
        return replace(note, resolved_on=None)
    return note
